/* cmd_convert.c: `osprey convert`: re-render a saved JSON report with new formats, filters and
 * thresholds, without AWS. Same flags and the same tail (report_out.c) as `osprey aws`, so a
 * converted report is byte-identical to what the scan wrote. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/report_out.h"
#include "core/log.h"
#include "results/report.h"

int cli_convert(struct osp_ctx *ctx, int argc, char **argv)
{
    struct cli_opts o;
    struct osp_err err;
    osp_err_init(&err);
    if (cli_opts_parse(ctx, CLI_CMD_CONVERT, argc, argv, &o, &err))
        return cli_fail(&err);
    if (o.help) {
        cli_opts_usage(CLI_CMD_CONVERT, stdout);
        return 0;
    }
    if (o.args.n != 1)
        return cli_usage_error("convert takes exactly one report file, got %zu (usage: osprey convert --format F "
                               "results.json)",
                               o.args.n);
    ctx->quiet = o.quiet || o.no_progress;
    ctx->log_level = o.debug ? OSP_LOG_DEBUG : o.quiet ? OSP_LOG_ERROR : OSP_LOG_WARN;
    struct cli_report_out out;
    struct res_report *r = NULL;
    enum osp_code rc = cli_report_out_init(ctx, &o, &out, &err);
    if (!rc)
        rc = res_report_load(ctx, o.args.v[0], &r, &err);
    int status = rc ? cli_fail(&err) : cli_report_out_finish(&out, r);
    res_report_free(r);
    cli_report_out_cleanup(&out);
    return status;
}
