/* report_out.h: the tail every report-producing command shares (`osprey aws`, `convert`):
 * --severity/--service/--arn/--include-non-failures filters, the ignore file and --ignore-policy, the outputs of
 * --format/--output, and --fail-on/--threshold/--exit-code, in that order, so thresholds count
 * exactly what the reports show.
 *
 * init parses and loads everything that can fail before a scan starts (bad flags, a bad
 * ignore file: exit 2 without calling AWS); finish applies them to a report and returns the
 * process exit status. The struct owns its specs and ignore rules; cleanup frees them.
 */
#ifndef OSPREY_CLI_REPORT_OUT_H
#define OSPREY_CLI_REPORT_OUT_H

#include "cli/ignore_policy.h"
#include "cli/opts.h"
#include "formats/format.h"
#include "results/filter.h"
#include "results/ignore.h"
#include "results/threshold.h"

struct cli_report_out {
    struct osp_ctx *ctx;
    const struct cli_opts *opts;
    struct fmt_specs specs;
    struct res_filter filter;
    struct res_ignore *ignore;
    struct cli_ignore_policy *ignore_policy; /* --ignore-policy, or NULL */
    struct res_threshold threshold;
    const char *service_list[CLI_MAX_LIST];
    int uncache; /* scans: machine-readable reports say "ok" for cached state (see report_out.c) */
};

OSP_MUST_CHECK enum osp_code cli_report_out_init(struct osp_ctx *ctx, const struct cli_opts *o,
                                                 struct cli_report_out *out, struct osp_err *err);
/* Filter, ignore, sort, write every output, evaluate thresholds. Returns the exit status
 * (0, the breach code, or the error's code after printing it). */
int cli_report_out_finish(struct cli_report_out *out, struct res_report *r);
void cli_report_out_cleanup(struct cli_report_out *out);

#endif
