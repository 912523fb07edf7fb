/* threshold.h: decide the exit status from what the report shows (--fail-on, --threshold,
 * --exit-code).
 *
 * Counting uses only findings with status FAIL that remain after filters and ignores, i.e.
 * exactly what the report shows. Rules:
 *   --fail-on SEV          breach when any FAIL finding has severity >= SEV
 *   --threshold SEV=MAX    breach when more than MAX FAIL findings have severity SEV (repeatable)
 *   --exit-code N          status used for a breach (default 1); given alone, as in trivy, any
 *                          FAIL finding is a breach. --exit-code 0 is report-only: breaches and
 *                          gaps are computed and shown, the run exits 0
 *   none of them           exit 0 whatever the findings
 *
 * A gated run that is incomplete (res_report_complete() is 0) exits OSP_EINCOMPLETE's code,
 * which outranks a breach: a partial run cannot say what a complete one would have found.
 *
 *   struct res_threshold t; res_threshold_init(&t);
 *   if (res_threshold_parse_fail_on(&t, "high", err)) ...;
 *   char *why = NULL;
 *   int status = res_threshold_eval(&t, report, &why);   // why: caller frees; NULL when no breach
 */
#ifndef OSPREY_RESULTS_THRESHOLD_H
#define OSPREY_RESULTS_THRESHOLD_H

#include "results/result.h"

struct res_threshold {
    int fail_on;                  /* enum res_severity, or -1 when not given */
    long long max[RES_SEV_COUNT]; /* -1 when not given */
    int exit_code;                /* status on breach */
    int exit_code_set;            /* --exit-code was given */
};

void res_threshold_init(struct res_threshold *t);
/* "high" (case-insensitive). */
OSP_MUST_CHECK enum osp_code res_threshold_parse_fail_on(struct res_threshold *t, const char *sev, struct osp_err *err);
/* "low=2": fail when more than 2 LOW findings. */
OSP_MUST_CHECK enum osp_code res_threshold_parse_max(struct res_threshold *t, const char *spec, struct osp_err *err);
/* "7": 0..255. */
OSP_MUST_CHECK enum osp_code res_threshold_parse_exit_code(struct res_threshold *t, const char *code,
                                                           struct osp_err *err);
/* Same as --exit-code N given as a number (clamped to 0..255). */
void res_threshold_set_exit_code(struct res_threshold *t, int code);
/* 1 when any of --fail-on, --threshold, --exit-code was given. */
int res_threshold_active(const struct res_threshold *t);
/* Exit status: 0, or t->exit_code on a breach. *summary (if summary is not NULL) receives a
 * one-line text naming every breached rule with the counts, or NULL when nothing was breached
 * (caller frees). */
int res_threshold_eval(const struct res_threshold *t, const struct res_report *r, char **summary);
/* Fill r->gate from t and r (thresholds and gaps): active, breached, incomplete, the exit
 * status and a one-line summary. Returns r->gate.exit_code. */
int res_threshold_gate(const struct res_threshold *t, struct res_report *r);

#endif
