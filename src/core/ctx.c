/* ctx.c: the process context: environment, clock and randomness, pinnable by tests. */
#include "core/ctx.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void osp_ctx_init(struct osp_ctx *ctx)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->log_level = OSP_LOG_WARN;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ctx->rng_state = ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 40) ^ 0x9e3779b97f4a7c15ULL;
}

const char *osp_getenv(const struct osp_ctx *ctx, const char *name)
{
    if (ctx && ctx->getenv_fn)
        return ctx->getenv_fn(ctx->getenv_ud, name);
    return getenv(name);
}

const char *osp_getenv_nonempty(const struct osp_ctx *ctx, const char *name)
{
    const char *v = osp_getenv(ctx, name);
    return (v && *v) ? v : NULL;
}

time_t osp_now(const struct osp_ctx *ctx)
{
    if (ctx && ctx->fixed_now)
        return ctx->fixed_now;
    return time(NULL);
}

double osp_now_monotonic(const struct osp_ctx *ctx)
{
    (void)ctx;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

uint64_t osp_random(struct osp_ctx *ctx)
{
    uint64_t x = ctx->rng_state ? ctx->rng_state : 0x2545F4914F6CDD1DULL;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    ctx->rng_state = x;
    return x;
}

double osp_random_unit(struct osp_ctx *ctx)
{
    return (double)(osp_random(ctx) >> 11) / 9007199254740992.0;
}
