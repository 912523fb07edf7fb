/* cli.h: the command-line tool: argv -> subcommand; every subcommand returns a process exit status.
 *
 * Exit statuses (one table, README "Exit codes"): 0 ok; 1 (or --exit-code N) findings breached a
 * threshold; 2 usage, configuration or policy error; 3 the scan could not run (credentials,
 * auth, network, cache artifact, offline data missing); 4 not found; 5 internal error.
 * Subcommands print user-facing output; libraries never print.
 */
#ifndef OSPREY_CLI_CLI_H
#define OSPREY_CLI_CLI_H

#include "core/ctx.h"
#include "core/err.h"

int cli_main(struct osp_ctx *ctx, int argc, char **argv);

/* Subcommands: argv[0] is the subcommand name. */
int cli_aws(struct osp_ctx *ctx, int argc, char **argv);
int cli_inspect(struct osp_ctx *ctx, int argc, char **argv);
int cli_rego(struct osp_ctx *ctx, int argc, char **argv);
int cli_checks(struct osp_ctx *ctx, int argc, char **argv);
int cli_explain(struct osp_ctx *ctx, int argc, char **argv);
int cli_cache(struct osp_ctx *ctx, int argc, char **argv);
int cli_convert(struct osp_ctx *ctx, int argc, char **argv);
int cli_merge(struct osp_ctx *ctx, int argc, char **argv);
int cli_org(struct osp_ctx *ctx, int argc, char **argv);
int cli_whoami(struct osp_ctx *ctx, int argc, char **argv);
int cli_help(struct osp_ctx *ctx, int argc, char **argv);
int cli_version(struct osp_ctx *ctx, int argc, char **argv);

/* Print "osprey: <msg>" for err on stderr and return the exit status for its code. */
int cli_fail(const struct osp_err *err);
/* Print a one-line usage error naming the fix and return 2. */
int cli_usage_error(const char *fmt, ...) OSP_PRINTF(1, 2);
/* "osprey: <message>" on stderr, control characters escaped (see cli_fail). */
void cli_errf(const char *fmt, ...) OSP_PRINTF(1, 2);

#endif
