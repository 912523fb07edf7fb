/* progress.c: in-place progress lines on a terminal's stderr. */
#include "cli/progress.h"

#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t progress_lock = PTHREAD_MUTEX_INITIALIZER;

void cli_progress_init(struct cli_progress *p, const struct osp_ctx *ctx)
{
    p->enabled = !ctx->quiet && isatty(STDERR_FILENO);
    p->last_len = 0;
}

void cli_progress_collect(void *ud, const char *service, const char *region, int done, int total)
{
    struct cli_progress *p = ud;
    if (!p || !p->enabled)
        return;
    pthread_mutex_lock(&progress_lock);
    int n = fprintf(stderr, "\rcollecting [%d/%d] %s %s", done, total, service, region);
    if (n < p->last_len)
        fprintf(stderr, "%*s", p->last_len - n, "");
    p->last_len = n;
    fflush(stderr);
    pthread_mutex_unlock(&progress_lock);
}

void cli_progress_done(struct cli_progress *p)
{
    if (p->enabled && p->last_len)
        fprintf(stderr, "\r%*s\r", p->last_len, "");
    p->last_len = 0;
}
