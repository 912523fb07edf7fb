/* progress.c: live collection lines on a terminal's stderr; plain lines with --progress. */
#include "cli/progress.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "collect/collect.h"

#define MAX_ROWS 512
#define MAX_LIVE 12 /* more running at once: the rest are summed up in one line */

static pthread_mutex_t progress_lock = PTHREAD_MUTEX_INITIALIZER;
static struct col_live rows[MAX_ROWS]; /* under progress_lock */

void cli_progress_init(struct cli_progress *p, const struct osp_ctx *ctx)
{
    int tty = isatty(STDERR_FILENO);
    *p = (struct cli_progress){.ctx = ctx, .t0 = osp_now_monotonic(ctx)};
    p->enabled = !ctx->quiet && (tty || ctx->progress);
    p->live = p->enabled && tty;
}

/* "1.2k" style counts keep the columns narrow. */
static const char *count(char *buf, size_t n, unsigned long v)
{
    if (v >= 10000)
        snprintf(buf, n, "%.1fk", v / 1000.0);
    else
        snprintf(buf, n, "%lu", v);
    return buf;
}

static void eta(char *buf, size_t n, const struct col_live *l)
{
    if (l->done == 0 || l->items <= l->done || l->elapsed < 1) {
        snprintf(buf, n, "%s", "");
        return;
    }
    double left = l->elapsed * (double)(l->items - l->done) / (double)l->done;
    snprintf(buf, n, "  ETA %.0fs", left);
}

static void clear_lines(struct cli_progress *p)
{
    if (p->drawn) {
        fprintf(stderr, "\x1b[%dA", p->drawn); /* back to the first live line */
        for (int i = 0; i < p->drawn; i++)
            fprintf(stderr, "\x1b[2K\n");
        fprintf(stderr, "\x1b[%dA", p->drawn);
    }
    p->drawn = 0;
}

static void draw(struct cli_progress *p, int done, int total)
{
    size_t n = col_live(rows, MAX_ROWS);
    char c1[16], c2[16], e[32];
    int lines = 0, more = 0;
    clear_lines(p);
    for (size_t i = 0; i < n && i < MAX_ROWS; i++) {
        const struct col_live *l = &rows[i];
        if (l->state != 1)
            continue;
        if (lines == MAX_LIVE) {
            more++;
            continue;
        }
        eta(e, sizeof e, l);
        fprintf(stderr, "\x1b[2K  %-14s %-14s %6s requests  %4s throttled  %5.1fs%s\n", l->service, l->region,
                count(c1, sizeof c1, l->calls), count(c2, sizeof c2, l->throttles), l->elapsed, e);
        lines++;
    }
    fprintf(stderr, "\x1b[2K  collecting: %d of %d done%s\n", done, total, more ? " (more running)" : "");
    p->drawn = lines + 1;
    fflush(stderr);
}

/* Totals for the summary, and the plain line of a finished job (--progress off a terminal). */
static void finished(struct cli_progress *p, const char *service, const char *region)
{
    size_t n = col_live(rows, MAX_ROWS);
    p->calls = p->throttles = 0;
    p->jobs = 0;
    for (size_t i = 0; i < n && i < MAX_ROWS; i++) {
        if (rows[i].state != 2)
            continue;
        p->calls += rows[i].calls;
        p->throttles += rows[i].throttles;
        p->jobs++;
        if (!p->live && !strcmp(rows[i].service, service) && !strcmp(rows[i].region, region))
            fprintf(stderr, "collected %s %s: %lu requests, %lu throttled, %.1fs\n", service, region, rows[i].calls,
                    rows[i].throttles, rows[i].elapsed);
    }
}

void cli_progress_collect(void *ud, const char *service, const char *region, int done, int total)
{
    struct cli_progress *p = ud;
    if (!p || !p->enabled)
        return;
    pthread_mutex_lock(&progress_lock);
    if (service && region)
        finished(p, service, region);
    if (p->live)
        draw(p, done, total);
    pthread_mutex_unlock(&progress_lock);
}

void cli_progress_done(struct cli_progress *p)
{
    if (!p->enabled)
        return;
    pthread_mutex_lock(&progress_lock);
    if (p->live)
        clear_lines(p);
    if (p->jobs)
        fprintf(stderr, "collected %d service/region%s in %.1fs: %lu requests, %lu throttled\n", p->jobs,
                p->jobs == 1 ? "" : "s", osp_now_monotonic(p->ctx) - p->t0, p->calls, p->throttles);
    fflush(stderr);
    pthread_mutex_unlock(&progress_lock);
}
