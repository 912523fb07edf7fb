/* compliance.c: one control's status (PASS / FAIL / MANUAL / NOT EVALUATED / NOT COVERED) from the
 * check results and what the scan covered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan/scan_int.h"

/* Trivy's specs name checks "AWS-0140" (its newer id) or "AVD-AWS-0140": both match. */
int scan_check_id_matches(const struct scan_check *c, const char *id)
{
    const char *bare = strncmp(id, "AVD-", 4) ? id : id + 4;
    const char *mine = strncmp(c->id, "AVD-", 4) ? c->id : c->id + 4;
    return !strcmp(c->id, id) || !strcmp(mine, bare) || (*c->avd_id && !strcmp(c->avd_id, id));
}

static const struct scan_check *find_check(const struct scan_check *checks, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (scan_check_id_matches(&checks[i], id))
            return &checks[i];
    return NULL;
}

static int service_failed_one(const char *svc, const char *const *failed, size_t nfailed)
{
    for (size_t j = 0; j < nfailed; j++)
        if (!strcmp(svc, failed[j]))
            return 1;
    return 0;
}

static int in_control(const struct scan_check *c, const char *const *in_ctl, size_t nctl)
{
    for (size_t k = 0; k < nctl; k++)
        if (scan_check_id_matches(c, in_ctl[k]))
            return 1;
    return 0;
}

/* Distinct failing resources of the control's checks: an ARN counts once across checks and
 * regions; a finding without ARN counts once per (check, region input). */
static size_t count_failing(const struct scan_raw_list *raws, const char *const *in_ctl, size_t nctl,
                            const struct scan_check *checks, const unsigned char *satisfied)
{
    size_t *mine = malloc((raws->n + 1) * sizeof(*mine)), m = 0, n = 0;
    if (!mine)
        return 1; /* cannot count: still report the control as failing if anything failed */
    for (size_t i = 0; i < raws->n; i++)
        if (!raws->v[i].pass && in_control(&checks[raws->v[i].check], in_ctl, nctl) &&
            !(satisfied && satisfied[raws->v[i].check]))
            mine[m++] = i;
    for (size_t i = 0; i < m; i++) {
        const char *res = raws->v[mine[i]].resource;
        int seen = 0;
        for (size_t j = 0; j < i && !seen && *res; j++)
            seen = !strcmp(raws->v[mine[j]].resource, res);
        n += !seen;
    }
    free(mine);
    return n;
}

struct scan_ctl_eval scan_control_eval(const struct scan_control *ctl, const struct scan_check *checks, size_t nchecks,
                                       const struct scan_raw_list *raws, const char *const *failed_services,
                                       size_t nfailed)
{
    return scan_control_eval_cov(ctl, checks, nchecks, raws, failed_services, nfailed, NULL);
}

enum osp_code scan_gap_add(struct scan_gap_list *l, size_t check, const char *region, const char *reason,
                           struct osp_err *err)
{
    for (size_t i = 0; i < l->n; i++) /* the same gap from several regions' documents counts once */
        if (l->v[i].check == check && !strcmp(l->v[i].region, region) && !strcmp(l->v[i].reason, reason))
            return OSP_OK;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        struct scan_gap *v = realloc(l->v, cap * sizeof(*v));
        if (!v)
            return osp_err_set(err, OSP_ENOMEM, "out of memory");
        l->v = v;
        l->cap = cap;
    }
    struct scan_gap *g = &l->v[l->n];
    g->check = check;
    g->region = strdup(region);
    g->reason = strdup(reason);
    if (!g->region || !g->reason) {
        free(g->region);
        free(g->reason);
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    l->n++;
    return OSP_OK;
}

void scan_gap_cleanup(struct scan_gap_list *l)
{
    free(l->satisfied);
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].region);
        free(l->v[i].reason);
    }
    free(l->v);
    memset(l, 0, sizeof(*l));
}

static int region_scanned(const struct scan_coverage *cov, const char *r)
{
    for (size_t i = 0; i < cov->nscanned; i++)
        if (!strcmp(cov->scanned[i], r))
            return 1;
    return 0;
}

static int region_read(const struct scan_coverage *cov, const char *r)
{
    for (size_t i = 0; i < cov->nread; i++)
        if (!strcmp(cov->read[i], r))
            return 1;
    return region_scanned(cov, r);
}

#define SHOW_REGIONS 6

int scan_unscanned_regions(const struct scan_coverage *cov, char *out, size_t outlen)
{
    if (outlen)
        *out = '\0';
    if (!cov || !cov->nenabled)
        return -1;
    int n = 0;
    size_t len = 0;
    for (size_t i = 0; i < cov->nenabled; i++) {
        if (region_scanned(cov, cov->enabled[i]))
            continue;
        if (n < SHOW_REGIONS && len < outlen)
            len += (size_t)snprintf(out + len, outlen - len, "%s%s", n ? ", " : "", cov->enabled[i]);
        n++;
    }
    if (n > SHOW_REGIONS && len < outlen)
        snprintf(out + len, outlen - len, " and %d more", n - SHOW_REGIONS);
    return n;
}

static void add_reason(struct scan_ctl_eval *ev, const char *text)
{
    size_t len = strlen(ev->reason);
    if (strstr(ev->reason, text))
        return; /* once */
    snprintf(ev->reason + len, sizeof(ev->reason) - len, "%s%s", len ? "; " : "", text);
}

static int reads_regional(const struct scan_check *c)
{
    for (size_t i = 0; i < c->nservices; i++)
        if (!scan_service_is_global(c->services[i]))
            return 1;
    return !c->nservices && *c->service && !scan_service_is_global(c->service);
}

struct scan_ctl_eval scan_control_eval_cov(const struct scan_control *ctl, const struct scan_check *checks,
                                           size_t nchecks, const struct scan_raw_list *raws,
                                           const char *const *failed_services, size_t nfailed,
                                           const struct scan_coverage *cov)
{
    struct scan_ctl_eval ev = {RES_CTL_PASS, 0, ""};
    if (ctl->not_covered) {
        ev.status = RES_CTL_NOT_COVERED;
        return ev;
    }
    if (ctl->manual || !ctl->nchecks) {
        ev.status = RES_CTL_MANUAL;
        return ev;
    }
    char buf[512];
    int regional = 0;
    const unsigned char *sat = cov && cov->gaps ? cov->gaps->satisfied : NULL;
    for (size_t i = 0; i < ctl->nchecks; i++) {
        const struct scan_check *c = find_check(checks, nchecks, ctl->checks[i]);
        if (!c) {
            snprintf(buf, sizeof(buf), "check %s is not in the catalog", ctl->checks[i]);
            add_reason(&ev, buf);
            continue;
        }
        for (size_t k = 0; k < c->nservices || (!k && !c->nservices); k++) {
            const char *svc = c->nservices ? c->services[k] : c->service;
            if (service_failed_one(svc, failed_services, nfailed)) {
                snprintf(buf, sizeof(buf), "service %s failed to collect or was not collected", svc);
                add_reason(&ev, buf);
            }
        }
        regional |= reads_regional(c);
        int met = sat && sat[c - checks]; /* one region's data met it for the account: no gap */
        for (size_t g = 0; !met && cov && cov->gaps && g < cov->gaps->n; g++) {
            const struct scan_gap *gap = &cov->gaps->v[g];
            if (gap->check != (size_t)(c - checks))
                continue;
            if (!*gap->region) {
                add_reason(&ev, gap->reason);
            } else if (!region_read(cov, gap->region)) {
                snprintf(buf, sizeof(buf), "%s (region %s not scanned)", gap->reason, gap->region);
                add_reason(&ev, buf);
            }
        }
    }
    if (cov && regional && !ctl->account_scope) {
        char list[400];
        int n = scan_unscanned_regions(cov, list, sizeof(list));
        if (n > 0) {
            snprintf(buf, sizeof(buf), "region%s %s not scanned", n > 1 ? "s" : "", list);
            add_reason(&ev, buf);
        } else if (n < 0) {
            add_reason(&ev, "the account's enabled regions are not known, so regions may be missing");
        }
    }
    ev.n_failing = count_failing(raws, ctl->checks, ctl->nchecks, checks, sat);
    if (ev.n_failing) {
        ev.status = RES_CTL_FAIL;
        ev.reason[0] = '\0';
    } else if (ev.reason[0]) {
        ev.status = RES_CTL_ERROR;
    }
    return ev;
}
