/* scope.c: service selection from --service, --skip-service and --arn. */
#include "cli/scope.h"

#include <stdio.h>
#include <string.h>

#include "collect/collect.h"

/* ARN service namespaces whose collector has another name. */
static const struct {
    const char *arn_service;
    const char *collector;
} arn_map[] = {
    {"logs", "cloudwatch"},
    {"access-analyzer", "accessanalyzer"},
};

static const char *arn_field(const char *arn, int idx, size_t *len)
{
    const char *p = arn;
    for (int i = 0; i < idx && p; i++) {
        p = strchr(p, ':');
        if (p)
            p++;
    }
    if (!p)
        return NULL;
    const char *end = strchr(p, ':');
    *len = end ? (size_t)(end - p) : strlen(p);
    return p;
}

const char *cli_scope_arn_service(const char *arn)
{
    size_t n;
    const char *svc = arn_field(arn, 2, &n);
    char name[64];
    if (!svc || n >= sizeof(name))
        return NULL;
    memcpy(name, svc, n);
    name[n] = '\0';
    for (size_t i = 0; i < sizeof(arn_map) / sizeof(arn_map[0]); i++)
        if (!strcmp(arn_map[i].arn_service, name))
            return arn_map[i].collector;
    const struct col_service *c = col_find(name);
    return c ? c->name : NULL;
}

void cli_scope_arn_region(const char *arn, char *out, size_t outlen)
{
    size_t n = 0;
    const char *r = arn_field(arn, 3, &n);
    snprintf(out, outlen, "%.*s", r ? (int)n : 0, r ? r : "");
}

/* Services AWS splits by scope into two collectors (one regional, one global): naming either
 * names both, so `--service wafv2` reads the CLOUDFRONT-scope web ACLs too. */
static const struct {
    const char *a, *b;
} companions[] = {
    {"wafv2", "wafv2cloudfront"},
};

const char *cli_scope_companion(const char *name)
{
    for (size_t i = 0; name && i < sizeof(companions) / sizeof(companions[0]); i++) {
        if (!strcmp(companions[i].a, name))
            return companions[i].b;
        if (!strcmp(companions[i].b, name))
            return companions[i].a;
    }
    return NULL;
}

static int in_list(const struct cli_list *l, const char *name)
{
    const char *other = cli_scope_companion(name);
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i], name) || (other && !strcmp(l->v[i], other)))
            return 1;
    return 0;
}

enum osp_code cli_scope_services(const struct cli_opts *o, const char **out, size_t *n, struct osp_err *err)
{
    const struct cli_list *lists[] = {&o->services, &o->skip_services};
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i < lists[l]->n; i++)
            if (!col_find(lists[l]->v[i]))
                return osp_err_set(err, OSP_EUSAGE, "unknown service '%s' (see the list in 'osprey aws --help')",
                                   lists[l]->v[i]);
    const char *only = NULL;
    if (o->arn && !(only = cli_scope_arn_service(o->arn)))
        return osp_err_set(err, OSP_EUSAGE, "--arn '%s' names a service osprey does not scan (see 'osprey aws --help')",
                           o->arn);
    size_t total, k = 0;
    const struct col_service *all = col_services(&total);
    for (size_t i = 0; i < total && k < 64; i++) {
        if (o->services.n && !in_list(&o->services, all[i].name))
            continue;
        const char *pair = only ? cli_scope_companion(only) : NULL;
        if (in_list(&o->skip_services, all[i].name) ||
            (only && strcmp(only, all[i].name) && !(pair && !strcmp(pair, all[i].name))))
            continue;
        out[k++] = all[i].name;
    }
    *n = k;
    if (!k)
        return osp_err_set(err, OSP_EUSAGE, "no services left to scan after --service/--skip-service/--arn");
    return OSP_OK;
}
