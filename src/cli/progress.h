/* progress.h: progress lines on stderr while collecting, only when stderr is a terminal and
 * --quiet is off (CI logs stay clean). */
#ifndef OSPREY_CLI_PROGRESS_H
#define OSPREY_CLI_PROGRESS_H

#include "core/ctx.h"

struct cli_progress {
    int enabled;
    int last_len;
};

void cli_progress_init(struct cli_progress *p, const struct osp_ctx *ctx);
/* col_progress_fn: one line per finished service/region, overwritten in place. */
void cli_progress_collect(void *ud, const char *service, const char *region, int done, int total);
void cli_progress_done(struct cli_progress *p);

#endif
