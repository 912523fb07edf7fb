/* filter.c: --severity, --service, --arn and --include-non-failures applied to a report. */
#include "results/filter.h"

#include <stdlib.h>
#include <string.h>

#include "results/result_int.h"

enum osp_code res_filter_parse_severities(const char *list, unsigned *mask, struct osp_err *err)
{
    const char *p = list ? list : "";
    while (*p) {
        size_t n = strcspn(p, ",");
        char name[32];
        if (n == 0 || n >= sizeof(name))
            return osp_err_set(
                err, OSP_EUSAGE,
                "invalid --severity '%s' (use a comma-separated list of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN)", list);
        memcpy(name, p, n);
        name[n] = '\0';
        enum res_severity s;
        if (res_severity_parse(name, &s))
            return osp_err_set(err, OSP_EUSAGE,
                               "unknown severity '%s' in --severity (use CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN)",
                               name);
        *mask |= 1u << s;
        p += n;
        if (*p == ',')
            p++;
    }
    return OSP_OK;
}

static int in_list(const char *const *v, size_t n, const char *s)
{
    if (!n)
        return 1;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i], s))
            return 1;
    return 0;
}

int res_filter_match(const struct res_filter *flt, const struct res_finding *f)
{
    if (f->status == RES_PASS && !flt->include_non_failures)
        return 0;
    if (flt->severities && !(flt->severities & (1u << f->severity)))
        return 0;
    return in_list(flt->services, flt->n_services, f->service) && in_list(flt->arns, flt->n_arns, f->resource);
}

static void drop_services(struct res_report *r, const struct res_filter *flt)
{
    size_t k = 0;
    for (size_t i = 0; i < r->n_services; i++) {
        struct res_service *s = &r->services[i];
        if (!in_list(flt->services, flt->n_services, s->service)) {
            res_service_clear(s);
            continue;
        }
        r->services[k++] = *s;
    }
    r->n_services = k;
    /* a gap of a service the filter leaves out does not make the filtered report incomplete */
    k = 0;
    for (size_t i = 0; i < r->n_gaps; i++) {
        struct res_gap *g = &r->gaps[i];
        if (*g->service && !in_list(flt->services, flt->n_services, g->service)) {
            res_gap_clear(g);
            continue;
        }
        r->gaps[k++] = *g;
    }
    r->n_gaps = k;
}

void res_filter_apply(struct res_report *r, const struct res_filter *flt)
{
    size_t k = 0;
    for (size_t i = 0; i < r->n_findings; i++) {
        if (!res_filter_match(flt, &r->findings[i])) {
            res_finding_clear(&r->findings[i]);
            continue;
        }
        r->findings[k++] = r->findings[i];
    }
    r->n_findings = k;
    drop_services(r, flt);
}
