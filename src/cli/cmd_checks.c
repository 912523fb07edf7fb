/* cmd_checks.c: `osprey checks list [--service S] [--format table|json]` and `osprey checks show ID`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "collect/collect.h"
#include "rego/value.h"
#include "scan/scan.h"

#define CHECKS_MAX_PATHS 32

struct checks_args {
    const char *sub, *id, *service, *format;
    const char *paths[CHECKS_MAX_PATHS], *ns[CHECKS_MAX_PATHS];
    size_t npaths, nns;
};

static int usage(void)
{
    return cli_usage_error("usage: osprey checks list [--service S] [--format table|json] "
                           "[--config-check PATH]... [--check-namespaces NS]... | osprey checks show ID");
}

static int parse_args(int argc, char **argv, struct checks_args *a)
{
    memset(a, 0, sizeof(*a));
    a->format = "table";
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(s, "--service") && val && !col_find(val)) {
            cli_usage_error("unknown service '%s' (see the list in 'osprey aws --help')", val);
            return -2; /* reported */
        } else if (!strcmp(s, "--service") && val)
            a->service = argv[++i];
        else if (!strcmp(s, "--format") && val)
            a->format = argv[++i];
        else if (!strcmp(s, "--config-check") && val && a->npaths < CHECKS_MAX_PATHS)
            a->paths[a->npaths++] = argv[++i];
        else if (!strcmp(s, "--check-namespaces") && val && a->nns < CHECKS_MAX_PATHS)
            a->ns[a->nns++] = argv[++i];
        else if (s[0] == '-')
            return -1;
        else if (!a->sub)
            a->sub = s;
        else if (!a->id)
            a->id = s;
        else
            return -1;
    }
    if (!a->sub || (strcmp(a->sub, "list") && strcmp(a->sub, "show")))
        return -1;
    if (!strcmp(a->sub, "show") != !!a->id)
        return -1;
    if (strcmp(a->format, "table") && strcmp(a->format, "json"))
        return -1;
    return 0;
}

/* The Trivy check a check answers: its own id when it is Trivy's (AVD-AWS-NNNN), else none. */
static const char *trivy_id(const struct scan_check *c)
{
    return strncmp(c->id, "AVD-AWS-", 8) ? "" : c->id;
}

/* "retired" (custom.retired: it can no longer fire on today's AWS) or "active". */
static const char *check_status(const struct scan_check *c)
{
    return *c->retired ? "retired" : "active";
}

/* "cis-aws-1.2:1.10,cis-aws-1.4:1.9" style list of a check's framework ids. */
static void frameworks_text(const struct scan_check *c, char *out, size_t n)
{
    size_t w = 0;
    out[0] = 0;
    for (size_t i = 0; i < c->nframeworks && w < n; i++)
        w += (size_t)snprintf(out + w, n - w, "%s%s:%s", i ? "," : "", c->frameworks[i].framework, c->frameworks[i].id);
}

static rv check_json(const struct scan_check *c)
{
    rv o = rv_obj_new();
    const char *const kv[][2] = {{"id", c->id},
                                 {"avd_id", c->avd_id},
                                 {"title", c->title},
                                 {"description", c->description},
                                 {"service", c->service},
                                 {"short_code", c->short_code},
                                 {"recommended_action", c->recommended_action},
                                 {"package", c->package},
                                 {"path", c->path},
                                 {"severity", res_severity_name(c->severity)},
                                 {"status", check_status(c)}};
    for (size_t i = 0; i < sizeof(kv) / sizeof(kv[0]); i++)
        rv_obj_set(&o, rv_str_new(kv[i][0]), rv_str_new(kv[i][1]));
    rv refs = rv_arr_new(), fws = rv_obj_new(), svcs = rv_arr_new();
    for (size_t i = 0; i < c->nreferences; i++)
        rv_arr_push(&refs, rv_str_new(c->references[i]));
    for (size_t i = 0; i < c->nservices; i++)
        rv_arr_push(&svcs, rv_str_new(c->services[i]));
    for (size_t i = 0; i < c->nframeworks; i++) {
        rv key = rv_str_new(c->frameworks[i].framework);
        rv none = rv_arr_new();
        rv list = rv_arr_concat(rv_obj_get(fws, key), none); /* borrows both */
        rv_unref(none);
        rv_arr_push(&list, rv_str_new(c->frameworks[i].id));
        rv_obj_set(&fws, key, list);
    }
    rv fix = rv_obj_new(); /* what `osprey explain` prints */
    const char *const fx[][2] = {{"console", c->fix_console}, {"cli", c->fix_cli}, {"terraform", c->fix_terraform}};
    for (size_t i = 0; i < sizeof(fx) / sizeof(fx[0]); i++)
        if (*fx[i][1])
            rv_obj_set(&fix, rv_str_new(fx[i][0]), rv_str_new(fx[i][1]));
    rv_obj_set(&o, rv_str_new("impact"), rv_str_new(c->impact));
    rv_obj_set(&o, rv_str_new("remediation"), fix);
    rv_obj_set(&o, rv_str_new("related_resources"), refs);
    rv_obj_set(&o, rv_str_new("frameworks"), fws);
    rv_obj_set(&o, rv_str_new("services"), svcs);
    rv_obj_set(&o, rv_str_new("builtin"), rv_bool(c->builtin));
    rv_obj_set(&o, rv_str_new("trivy_id"), *trivy_id(c) ? rv_str_new(trivy_id(c)) : rv_null());
    if (*c->retired)
        rv_obj_set(&o, rv_str_new("retired"), rv_str_new(c->retired));
    return o;
}

static int print_json(rv v)
{
    char *text = rv_json_dump(v, true);
    rv_unref(v);
    if (!text)
        return 5;
    puts(text);
    free(text);
    return 0;
}

static int list(const struct scan_catalog *cat, const struct checks_args *a)
{
    int json = !strcmp(a->format, "json");
    rv arr = rv_arr_new();
    if (!json)
        printf("%-13s %-9s %-15s %-13s %-8s %-40s %s\n", "ID", "SEVERITY", "SERVICE", "TRIVY-ID", "STATUS", "CIS",
               "TITLE");
    for (size_t i = 0; i < scan_catalog_count(cat); i++) {
        const struct scan_check *c = scan_catalog_at(cat, i);
        if (a->service && strcmp(a->service, c->service))
            continue;
        if (json) {
            rv_arr_push(&arr, check_json(c));
            continue;
        }
        char fw[256];
        frameworks_text(c, fw, sizeof(fw));
        printf("%-13s %-9s %-15s %-13s %-8s %-40s %s\n", c->id, res_severity_name(c->severity), c->service,
               *trivy_id(c) ? trivy_id(c) : "-", check_status(c), fw[0] ? fw : "-", c->title);
    }
    if (json)
        return print_json(arr);
    rv_unref(arr);
    return 0;
}

static int show(const struct scan_catalog *cat, const struct checks_args *a)
{
    const struct scan_check *c = scan_catalog_find(cat, a->id);
    if (!c) {
        cli_errf("no check '%s' (see 'osprey checks list')", a->id);
        return 4;
    }
    if (!strcmp(a->format, "json"))
        return print_json(check_json(c));
    char fw[256];
    frameworks_text(c, fw, sizeof(fw));
    printf("%s: %s\n\nSeverity:    %s\nService:     %s\nTrivy ID:    %s\nStatus:      %s%s%s\nPackage:     "
           "%s\nSource:      %s\nFrameworks:  %s\n\n%s\n\nFix: %s\n",
           c->id, c->title, res_severity_name(c->severity), c->service, *trivy_id(c) ? trivy_id(c) : "-",
           check_status(c), *c->retired ? ": " : "", c->retired, c->package, c->path, fw[0] ? fw : "-", c->description,
           c->recommended_action);
    for (size_t i = 0; i < c->nreferences; i++)
        printf("%s%s\n", i ? "" : "\nSee:\n", c->references[i]);
    if (*c->impact || *c->fix_console)
        printf("\nWhy it matters and the exact fix: osprey explain %s\n", c->id);
    return 0;
}

int cli_checks(struct osp_ctx *ctx, int argc, char **argv)
{
    struct checks_args a;
    int bad = parse_args(argc, argv, &a);
    if (bad == -2)
        return 2;
    if (bad)
        return usage();
    struct scan_opts o = {
        .config_checks = a.paths, .nconfig_checks = a.npaths, .namespaces = a.ns, .nnamespaces = a.nns};
    struct scan_catalog *cat;
    struct osp_err err;
    osp_err_init(&err);
    if (scan_catalog_load_metadata(ctx, &o, &cat, &err))
        return cli_fail(&err);
    int rc = !strcmp(a.sub, "list") ? list(cat, &a) : show(cat, &a);
    scan_catalog_free(cat);
    return rc;
}
