/* compliance.c: one control's status (PASS / FAIL / MANUAL / ERROR) from the check results. */
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

static int service_failed(const struct scan_check *c, const char *const *failed, size_t nfailed)
{
    for (size_t i = 0; i < c->nservices; i++)
        for (size_t j = 0; j < nfailed; j++)
            if (!strcmp(c->services[i], failed[j]))
                return 1;
    for (size_t j = 0; j < nfailed && !c->nservices; j++)
        if (!strcmp(c->service, failed[j]))
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
                            const struct scan_check *checks)
{
    size_t *mine = malloc((raws->n + 1) * sizeof(*mine)), m = 0, n = 0;
    if (!mine)
        return 1; /* cannot count: still report the control as failing if anything failed */
    for (size_t i = 0; i < raws->n; i++)
        if (!raws->v[i].pass && in_control(&checks[raws->v[i].check], in_ctl, nctl))
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
    struct scan_ctl_eval ev = {RES_CTL_PASS, 0};
    if (ctl->manual || !ctl->nchecks) {
        ev.status = RES_CTL_MANUAL;
        return ev;
    }
    int error = 0;
    for (size_t i = 0; i < ctl->nchecks; i++) {
        const struct scan_check *c = find_check(checks, nchecks, ctl->checks[i]);
        if (!c || service_failed(c, failed_services, nfailed))
            error = 1; /* unknown check or missing data: cannot claim PASS */
    }
    ev.n_failing = count_failing(raws, ctl->checks, ctl->nchecks, checks);
    if (ev.n_failing)
        ev.status = RES_CTL_FAIL;
    else if (error)
        ev.status = RES_CTL_ERROR;
    return ev;
}
