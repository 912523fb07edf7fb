/* gaps.c: what a run could not look at (struct res_gap), --allow-incomplete, and the finding
 * fingerprint. */
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "core/buf.h"
#include "core/hash.h"
#include "results/result_int.h"

void res_gap_clear(struct res_gap *g)
{
    const char *s[] = {g->account, g->region, g->service, g->check_id, g->resource, g->code, g->message};
    for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
        free((void *)s[i]);
    memset(g, 0, sizeof(*g));
}

void res_gaps_free(struct res_gap *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        res_gap_clear(&v[i]);
    free(v);
}

static int gap_cmp(const struct res_gap *x, const struct res_gap *y)
{
    if (x->kind != y->kind)
        return (int)x->kind - (int)y->kind;
    int c;
    if ((c = strcmp(x->account, y->account)) || (c = strcmp(x->region, y->region)) ||
        (c = strcmp(x->service, y->service)) || (c = strcmp(x->check_id, y->check_id)))
        return c;
    return strcmp(x->resource, y->resource);
}

/* NULL strings of a caller's gap compare as "". */
static struct res_gap normalised(const struct res_gap *g)
{
    struct res_gap n = *g;
    const char **s[] = {&n.account, &n.region, &n.service, &n.check_id, &n.resource, &n.code, &n.message};
    for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
        if (!*s[i])
            *s[i] = "";
    return n;
}

enum osp_code res_report_add_gap(struct res_report *r, const struct res_gap *gap, struct osp_err *err)
{
    struct res_gap g = normalised(gap);
    size_t lo = 0, hi = r->n_gaps;
    while (lo < hi) { /* kept sorted: insert at its place, or merge with its equal */
        size_t mid = (lo + hi) / 2;
        int c = gap_cmp(&r->gaps[mid], &g);
        if (!c) {
            r->gaps[mid].accepted |= g.accepted;
            return OSP_OK;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (res_grow((void **)&r->gaps, &r->cap_gaps, r->n_gaps, sizeof(*r->gaps)))
        return osp_err_set(err, OSP_ENOMEM, "out of memory building the report");
    struct res_gap d = {.kind = g.kind, .accepted = g.accepted};
    const char **dst[] = {&d.account, &d.region, &d.service, &d.check_id, &d.resource, &d.code, &d.message};
    const char *src[] = {g.account, g.region, g.service, g.check_id, g.resource, g.code, g.message};
    for (size_t i = 0; i < sizeof(src) / sizeof(src[0]); i++) {
        if (!(*dst[i] = res_strdup(src[i]))) {
            res_gap_clear(&d);
            return osp_err_set(err, OSP_ENOMEM, "out of memory building the report");
        }
    }
    memmove(&r->gaps[lo + 1], &r->gaps[lo], (r->n_gaps - lo) * sizeof(*r->gaps));
    r->gaps[lo] = d;
    r->n_gaps++;
    return OSP_OK;
}

int res_report_complete(const struct res_report *r)
{
    for (size_t i = 0; i < r->n_gaps; i++)
        if (!r->gaps[i].accepted)
            return 0;
    return 1;
}

/* "AVD-AWS-0102", "OSP-AWS-0001": a check id rather than a service name. */
static int is_check_id(const char *s)
{
    return strchr(s, '-') && s[0] >= 'A' && s[0] <= 'Z';
}

/* One side of a pattern: "*", or a service, region or check id ([A-Za-z0-9_.-]). */
static int part_valid(const char *s, size_t n)
{
    if (n == 1 && *s == '*')
        return 1;
    if (n == 0 || n > 128)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
            return 0;
    return 1;
}

int res_gap_pattern_valid(const char *p)
{
    if (!p || !*p || *p == '/')
        return -1;
    const char *slash = strchr(p, '/');
    if (slash && (!slash[1] || strchr(slash + 1, '/')))
        return -1;
    if (!slash && !strcmp(p, "*"))
        return -1; /* accepting everything is not what the flag is for */
    size_t head = slash ? (size_t)(slash - p) : strlen(p);
    if (!part_valid(p, head) || (slash && !part_valid(slash + 1, strlen(slash + 1))))
        return -1;
    return 0;
}

static int pattern_matches(const char *p, const struct res_gap *g)
{
    const char *slash = strchr(p, '/');
    size_t n = slash ? (size_t)(slash - p) : strlen(p);
    const char *region = slash ? slash + 1 : "*";
    if (strcmp(region, "*") && strcmp(region, g->region))
        return 0;
    if (n == 1 && p[0] == '*')
        return 1;
    char who[128];
    if (n >= sizeof(who))
        return 0;
    memcpy(who, p, n);
    who[n] = '\0';
    if (is_check_id(who))
        return g->kind == RES_GAP_CHECK && !strcmp(who, g->check_id);
    return !strcmp(who, g->service);
}

size_t res_report_accept_gaps(struct res_report *r, const char *pattern)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_gaps; i++) {
        if (!r->gaps[i].accepted && pattern_matches(pattern, &r->gaps[i])) {
            r->gaps[i].accepted = 1;
            n++;
        }
    }
    return n;
}

void res_finding_fingerprint(const struct res_finding *f, char out[65])
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    const char *res = f->resource ? f->resource : "";
    /* a resource ARN is unique by itself; account-wide findings are told apart by region */
    int rc = osp_buf_addf(&b, "osprey-finding/1\n%s\n%s\n%s\n%s", f->check_id ? f->check_id : "",
                          f->account ? f->account : "", *res ? res : (f->region ? f->region : ""),
                          f->key ? f->key : "");
    if (rc)
        osp_buf_cleanup(&b);
    osp_sha256_hex(rc ? "" : osp_buf_str(&b), rc ? 0 : b.len, out);
    osp_buf_cleanup(&b);
}
