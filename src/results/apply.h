/* apply.h: the one sequence every command runs on a finished report before writing it:
 * ignore file, then filters, then the deterministic order. `osprey aws` and `osprey convert`
 * both call it, so a converted report shows exactly what the scan showed.
 *
 *   struct res_filter flt = {...};
 *   if (res_apply(ctx, report, opts.ignorefile, &flt, err)) return cli_fail(err);
 *   ... fmt_write_all(...); status = res_threshold_eval(&thr, report, &summary);
 */
#ifndef OSPREY_RESULTS_APPLY_H
#define OSPREY_RESULTS_APPLY_H

#include "core/ctx.h"
#include "results/filter.h"
#include "results/result.h"

/* ignorefile NULL: .ospreyignore or .trivyignore in the current directory when present.
 * Fails only on an unreadable or malformed ignore file (OSP_ECONFIG / OSP_EIO naming it). */
OSP_MUST_CHECK enum osp_code res_apply(const struct osp_ctx *ctx, struct res_report *r, const char *ignorefile,
                                       const struct res_filter *flt, struct osp_err *err);

#endif
