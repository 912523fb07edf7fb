/* ctx.h: struct osp_ctx, the one object every layer receives first.
 *
 * It holds what would otherwise be globals: the log sink and level, environment lookup,
 * the clock and the random source. Tests pin them (a fixed clock for SigV4 vectors, a seeded
 * RNG for retry jitter, a fake environment for the credential chain). Nothing outside
 * core/ctx.c calls getenv(), time() or random functions directly.
 *
 * The ctx does not own anything it is handed (env table, log userdata).
 */
#ifndef OSPREY_CORE_CTX_H
#define OSPREY_CORE_CTX_H

#include <stdint.h>
#include <time.h>

enum osp_log_level { OSP_LOG_ERROR = 0, OSP_LOG_WARN, OSP_LOG_INFO, OSP_LOG_DEBUG, OSP_LOG_TRACE };

typedef void (*osp_log_fn)(void *ud, enum osp_log_level lvl, const char *line);
typedef const char *(*osp_getenv_fn)(void *ud, const char *name);

struct osp_ctx {
    enum osp_log_level log_level; /* messages above this level are dropped */
    osp_log_fn log_fn;            /* NULL: stderr */
    void *log_ud;
    osp_getenv_fn getenv_fn;      /* NULL: the process environment */
    void *getenv_ud;
    time_t fixed_now;             /* non-zero: the clock is pinned to this value */
    uint64_t rng_state;           /* xorshift state; seeded from time unless pinned */
    int quiet;                    /* --quiet: no progress, warnings still logged */
    int progress;                 /* --progress: progress lines even when stderr is not a terminal */
};

void osp_ctx_init(struct osp_ctx *ctx);
const char *osp_getenv(const struct osp_ctx *ctx, const char *name); /* NULL or "" when unset */
/* Non-empty value of the variable, or NULL. */
const char *osp_getenv_nonempty(const struct osp_ctx *ctx, const char *name);
time_t osp_now(const struct osp_ctx *ctx);
double osp_now_monotonic(const struct osp_ctx *ctx); /* seconds, for latencies and deadlines */
uint64_t osp_random(struct osp_ctx *ctx);           /* not for cryptography */
double osp_random_unit(struct osp_ctx *ctx);        /* uniform in [0, 1) */

#endif
