/* fuzz_util.h: small helpers the fuzz targets share (header-only; every target includes it once).
 *
 * fuzz_strndup: a NUL-terminated copy of the input (the caller frees); parsers that take C strings
 *   see the input up to its first NUL, as they would see a file read by the real code.
 * fuzz_ctx: a ctx with an empty environment, a pinned clock and a log sink (every level) that
 *   checks each line: not NULL, and never showing FUZZ_SECRET.
 * FUZZ_CHECK: abort() when an invariant does not hold, so libFuzzer reports it as a crash and the
 *   replay driver fails.
 */
#ifndef OSPREY_TESTS_FUZZ_UTIL_H
#define OSPREY_TESTS_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ctx.h"

#define FUZZ_CHECK(cond)                                                                                               \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond);                          \
            abort();                                                                                                   \
        }                                                                                                              \
    } while (0)

#define FUZZ_NOW ((time_t)1767225600) /* 2026-01-01T00:00:00Z */
/* A secret the targets plant in stubbed responses or the environment; no log line or error may
 * show it, unless the input itself carries it (libFuzzer learns such strings from comparisons). */
#define FUZZ_SECRET "fuzzStubSecretKeyNeverLogged0123456789ab"

static int fuzz_secret_in_input;

/* Call first in LLVMFuzzerTestOneInput. */
static inline void fuzz_note_input(const uint8_t *data, size_t size)
{
    static const char s[] = FUZZ_SECRET;
    fuzz_secret_in_input = 0;
    for (size_t i = 0; i + sizeof(s) - 1 <= size && !fuzz_secret_in_input; i++)
        fuzz_secret_in_input = memcmp(data + i, s, sizeof(s) - 1) == 0;
}

/* Does text show the planted secret (when the input did not bring it)? */
static inline int fuzz_leaks_secret(const char *text)
{
    return !fuzz_secret_in_input && text && strstr(text, FUZZ_SECRET) != NULL;
}

static inline char *fuzz_strndup(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (s) {
        memcpy(s, data, size);
        s[size] = '\0';
    }
    return s;
}

static inline const char *fuzz_no_env(void *ud, const char *name)
{
    (void)ud;
    (void)name;
    return NULL;
}

static inline void fuzz_log_sink(void *ud, enum osp_log_level lvl, const char *line)
{
    size_t *lines = ud;
    (void)lvl;
    FUZZ_CHECK(line != NULL);
    FUZZ_CHECK(!fuzz_leaks_secret(line));
    (*lines)++;
}

static inline void fuzz_ctx(struct osp_ctx *ctx, size_t *log_lines)
{
    osp_ctx_init(ctx);
    ctx->log_level = OSP_LOG_TRACE;
    ctx->log_fn = fuzz_log_sink;
    ctx->log_ud = log_lines;
    ctx->getenv_fn = fuzz_no_env;
    ctx->fixed_now = FUZZ_NOW;
    ctx->rng_state = 42;
    ctx->quiet = 1;
}

#endif
