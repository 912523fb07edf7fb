/* progress.h: collection progress on stderr.
 *
 * On a terminal (and not --quiet): one live line per running service/region (requests so far,
 * throttling answers, an ETA from the share of its work done), redrawn in place about five
 * times a second, and a one-line summary when collection ends. Not a terminal: nothing, unless
 * --progress asks for it (then one line per finished service/region and the summary, never
 * cursor movement, so CI logs stay readable). --quiet silences both.
 */
#ifndef OSPREY_CLI_PROGRESS_H
#define OSPREY_CLI_PROGRESS_H

#include "core/ctx.h"

struct cli_progress {
    int enabled; /* anything to print at all */
    int live;    /* a terminal: lines redrawn in place */
    int drawn;   /* live lines currently on screen */
    double t0;
    const struct osp_ctx *ctx;
    unsigned long calls, throttles; /* totals of the finished run, for the summary */
    int jobs, failed_or_skipped;
};

void cli_progress_init(struct cli_progress *p, const struct osp_ctx *ctx);
/* col_progress_fn (ud: struct cli_progress *). */
void cli_progress_collect(void *ud, const char *service, const char *region, int done, int total);
/* Clears the live lines and prints the summary. */
void cli_progress_done(struct cli_progress *p);

#endif
