/* bycheck.c: failing findings grouped by check, for the "overview by check" views (table; HTML
 * and job summaries can call it too). */
#include <stdlib.h>
#include <string.h>

#include "formats/fmt_int.h"

/* Findings of one check next to each other, each check's resources sorted and unique. */
static int finding_cmp(const void *a, const void *b)
{
    const struct res_finding *x = *(const struct res_finding *const *)a, *y = *(const struct res_finding *const *)b;
    int c;
    if ((c = strcmp(x->check_id, y->check_id)) || (c = strcmp(x->account, y->account)) ||
        (c = strcmp(x->resource, y->resource)))
        return c;
    return strcmp(x->region, y->region);
}

/* Most severe first, then most failing resources, then id. */
static int group_cmp(const void *a, const void *b)
{
    const struct fmt_check_group *x = a, *y = b;
    if (x->severity != y->severity)
        return x->severity > y->severity ? -1 : 1;
    if (x->n_resources != y->n_resources)
        return x->n_resources > y->n_resources ? -1 : 1;
    return strcmp(x->check_id, y->check_id);
}

/* A resource without an ARN is account-wide: named by its region. EC2 ids name their type
 * (sg-, vpc-, subnet-, i-), so "security-group/sg-1" is shown as "sg-1". */
static const char *resource_name(const struct res_finding *f)
{
    if (!*f->resource)
        return f->region;
    const char *name = fmt_arn_resource(f->resource), *slash = strchr(name, '/');
    if (!strncmp(f->resource, "arn:", 4) && strstr(f->resource, ":ec2:") && slash && slash[1] && strchr(slash + 1, '-'))
        return slash + 1;
    return name;
}

static int same_resource(const struct res_finding *a, const struct res_finding *b)
{
    return !strcmp(a->account, b->account) && !strcmp(a->resource, b->resource) &&
           (*a->resource || !strcmp(a->region, b->region));
}

int fmt_group_by_check(const struct res_report *r, struct fmt_check_groups *out)
{
    memset(out, 0, sizeof(*out));
    size_t n = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        n += r->findings[i].status == RES_FAIL;
    if (!n)
        return 0;
    const struct res_finding **fs = malloc(n * sizeof(*fs));
    out->names = malloc(n * sizeof(*out->names));
    out->v = malloc(n * sizeof(*out->v));
    if (!fs || !out->names || !out->v) {
        free(fs);
        fmt_check_groups_free(out);
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        if (r->findings[i].status == RES_FAIL)
            fs[k++] = &r->findings[i];
    qsort(fs, n, sizeof(*fs), finding_cmp);
    size_t nn = 0;
    for (size_t i = 0; i < n; i++) {
        const struct res_finding *f = fs[i];
        struct fmt_check_group *g = out->n ? &out->v[out->n - 1] : NULL;
        if (!g || strcmp(g->check_id, f->check_id)) {
            g = &out->v[out->n++];
            *g = (struct fmt_check_group){.check_id = f->check_id, .title = f->title, .severity = f->severity,
                                          .resources = &out->names[nn]};
        }
        g->n_findings++;
        if (i && g->n_findings > 1 && same_resource(fs[i - 1], f))
            continue;
        out->names[nn++] = resource_name(f);
        g->n_resources++;
    }
    free(fs);
    qsort(out->v, out->n, sizeof(*out->v), group_cmp);
    return 0;
}

void fmt_check_groups_free(struct fmt_check_groups *g)
{
    free(g->v);
    free(g->names);
    memset(g, 0, sizeof(*g));
}
