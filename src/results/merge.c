/* merge.c: merge reports from sharded scans (different accounts or regions) into one. */
#include <stdlib.h>
#include <string.h>

#include "results/result.h"
#include "results/result_int.h"

/* Worse status wins when two shards judged the same control; failing evidence beats missing
 * evidence (NOT EVALUATED), which beats PASS. */
static int ctl_rank(enum res_ctl_status s)
{
    switch (s) {
    case RES_CTL_PASS:
        return 0;
    case RES_CTL_MANUAL:
    case RES_CTL_NOT_COVERED:
        return 1;
    case RES_CTL_ERROR:
        return 2;
    case RES_CTL_FAIL:
        return 3;
    }
    return 0;
}

static struct res_control *find_control(struct res_compliance *c, const char *id)
{
    for (size_t i = 0; i < c->n_controls; i++)
        if (!strcmp(c->controls[i].id, id))
            return &c->controls[i];
    return NULL;
}

static enum osp_code merge_compliance(struct res_report *dst, const struct res_compliance *src, struct osp_err *err)
{
    enum osp_code rc;
    if (!dst->compliance) {
        rc = res_report_set_compliance(dst, src->id, src->title, src->version, err);
        if (!rc && src->coverage && *src->coverage) /* the first shard's coverage sentence stands */
            rc = res_report_set_coverage(dst, src->coverage, err);
        if (rc)
            return rc;
    } else if (strcmp(dst->compliance->id, src->id)) {
        return osp_err_set(err, OSP_EUSAGE,
                           "cannot merge compliance reports '%s' and '%s' (use one --compliance spec for every shard)",
                           dst->compliance->id, src->id);
    }
    for (size_t i = 0; i < src->n_controls; i++) {
        const struct res_control *s = &src->controls[i];
        struct res_control *d = find_control(dst->compliance, s->id);
        if (!d) {
            if ((rc = res_report_add_control(dst, s, err)))
                return rc;
            continue;
        }
        d->n_failing += s->n_failing;
        if (ctl_rank(s->status) > ctl_rank(d->status)) {
            char *why = res_strdup(s->reason); /* the status keeps its reason */
            if (!why)
                return osp_err_set(err, OSP_ENOMEM, "out of memory merging compliance reports");
            free((char *)d->reason);
            d->reason = why;
            d->status = s->status;
        }
    }
    return OSP_OK;
}

static int same_service(const struct res_service *a, const struct res_service *b)
{
    return !strcmp(a->account, b->account) && !strcmp(a->region, b->region) && !strcmp(a->service, b->service);
}

struct fp_at {
    const char *fp;
    size_t i;
};

static int by_fingerprint(const void *a, const void *b)
{
    const struct fp_at *x = a, *y = b;
    int c = strcmp(x->fp, y->fp);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* Findings of one fingerprint that still differ (a shard reported it from another region): the
 * first in report order stays. Returns -1 on out of memory (nothing removed). */
static int dedupe_fingerprints(struct res_report *r)
{
    size_t n = r->n_findings;
    struct fp_at *idx = malloc((n ? n : 1) * sizeof(*idx));
    unsigned char *drop = calloc(n ? n : 1, 1);
    if (!idx || !drop) {
        free(idx);
        free(drop);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = (struct fp_at){r->findings[i].fingerprint, i};
    qsort(idx, n, sizeof(*idx), by_fingerprint);
    for (size_t i = 1; i < n; i++)
        drop[idx[i].i] = !strcmp(idx[i].fp, idx[i - 1].fp);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (drop[i])
            res_finding_clear(&r->findings[i]);
        else
            r->findings[k++] = r->findings[i];
    }
    r->n_findings = k;
    free(idx);
    free(drop);
    return 0;
}

/* After sorting, drop findings equal to their predecessor (then any left with the fingerprint of
 * another) and repeated service rows, compacting in one pass (removing one at a time moved the
 * tail per duplicate: quadratic). */
static void dedupe(struct res_report *r)
{
    res_report_sort(r);
    size_t n = 0;
    for (size_t i = 0; i < r->n_findings; i++) {
        if (n && !res_finding_cmp(&r->findings[n - 1], &r->findings[i])) {
            res_finding_clear(&r->findings[i]);
            continue;
        }
        r->findings[n++] = r->findings[i];
    }
    r->n_findings = n;
    (void)dedupe_fingerprints(r); /* out of memory: duplicates stay, nothing is lost */
    size_t k = 0;
    for (size_t i = 0; i < r->n_services; i++) {
        if (k && same_service(&r->services[k - 1], &r->services[i])) {
            struct res_service *s = &r->services[i];
            res_service_clear(s);
            continue;
        }
        r->services[k++] = r->services[i];
    }
    r->n_services = k;
}

enum osp_code res_report_merge(struct res_report *dst, const struct res_report *src, struct osp_err *err)
{
    if (dst->schema_version != src->schema_version)
        return osp_err_set(err, OSP_EUSAGE,
                           "cannot merge reports of SchemaVersion %d and %d (re-run the older scan with this osprey)",
                           dst->schema_version, src->schema_version);
    if (strcmp(dst->partition, src->partition))
        return osp_err_set(err, OSP_EUSAGE, "cannot merge reports of partitions '%s' and '%s'", dst->partition,
                           src->partition);
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < src->n_accounts; i++)
        rc = res_report_add_account(dst, src->accounts[i], err);
    for (size_t i = 0; !rc && i < src->n_regions; i++)
        rc = res_report_add_region(dst, src->regions[i], err);
    for (size_t i = 0; !rc && i < src->n_services; i++)
        rc = res_report_add_service_status(dst, &src->services[i], err);
    for (size_t i = 0; !rc && i < src->n_gaps; i++)
        rc = res_report_add_gap(dst, &src->gaps[i], err);
    for (size_t i = 0; !rc && i < src->n_findings; i++)
        rc = res_report_add_finding(dst, &src->findings[i], err);
    if (!rc && src->compliance)
        rc = merge_compliance(dst, src->compliance, err);
    if (rc)
        return rc;
    if (src->collected_at > dst->collected_at)
        dst->collected_at = src->collected_at;
    dedupe(dst);
    return OSP_OK;
}
