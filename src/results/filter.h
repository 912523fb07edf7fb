/* filter.h: narrow a report to what the user asked to see (--severity, --service, --arn,
 * --include-non-failures).
 *
 * The filter borrows its lists (they stay the caller's). Without --include-non-failures, PASS
 * results are dropped; FAIL, ERROR and IGNORED stay (ignored ones are shown as suppressed, with
 * their reason, and never count against thresholds). Service status rows are kept for the
 * services asked for, so scan errors are never filtered away silently.
 *
 *   struct res_filter f = {0};
 *   if (res_filter_parse_severities("HIGH,CRITICAL", &f.severities, err)) ...;
 *   res_filter_apply(r, &f);
 */
#ifndef OSPREY_RESULTS_FILTER_H
#define OSPREY_RESULTS_FILTER_H

#include "results/result.h"

struct res_filter {
    unsigned severities;         /* bit (1u << severity); 0 = every severity */
    const char *const *services; /* NULL/0 = every service */
    size_t n_services;
    const char *const *arns; /* exact resource ARNs; NULL/0 = every resource */
    size_t n_arns;
    int include_non_failures; /* keep PASS results */
};

/* "CRITICAL,high" -> bit mask (adds to *mask). Unknown name: OSP_EUSAGE naming it. */
OSP_MUST_CHECK enum osp_code res_filter_parse_severities(const char *list, unsigned *mask, struct osp_err *err);
/* 1 when finding f passes the filter. */
int res_filter_match(const struct res_filter *flt, const struct res_finding *f);
/* Drop findings (and service rows of other services) the filter rejects. Keeps order. */
void res_filter_apply(struct res_report *r, const struct res_filter *flt);

#endif
