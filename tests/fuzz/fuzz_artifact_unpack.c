/* fuzz_artifact_unpack.c: libFuzzer target for art_decode (OSPREY_FUZZ), or a replay driver over saved inputs.
 *
 * Built with OSPREY_FUZZ_LIBFUZZER it is a libFuzzer target. Otherwise main() replays every file of the
 * directories (or files) named on the command line through the same entry point, so saved crashes
 * (tests/fuzz/regress/artifact_unpack) and seeds keep running in CTest on every build.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cache/cache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    ctx.fixed_now = 1700000000;
    struct osp_err err;
    osp_err_init(&err);
    struct cache_entry *e = NULL;
    size_t n = 0;
    time_t created = 0;
    if (art_decode(&ctx, data, size, &e, &n, &created, &err) == OSP_OK) {
        /* A decoded artifact must re-encode to the same bytes (the format has one encoding). */
        struct osp_buf b;
        osp_buf_init(&b, 0);
        struct osp_err err2;
        osp_err_init(&err2);
        if (art_encode(&ctx, e, n, created, &b, &err2) == OSP_OK && (b.len != size || memcmp(b.data, data, size)))
            abort();
        osp_buf_cleanup(&b);
        cache_entries_free(e, n);
    } else if (!err.msg[0]) {
        abort(); /* every failure carries a message */
    }
    return 0;
}

#ifndef OSPREY_FUZZ_LIBFUZZER
static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    size_t cap = 1 << 16, len = 0;
    uint8_t *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + len, 1, cap - len, f)) > 0) {
        len += r;
        if (len == cap) {
            uint8_t *p = realloc(buf, cap *= 2);
            if (!p)
                break;
            buf = p;
        }
    }
    fclose(f);
    if (!buf)
        return 1;
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    return 0;
}

static int replay(const char *path, int *count)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0; /* a missing directory (no saved crashes yet) is fine */
    if (!S_ISDIR(st.st_mode)) {
        (*count)++;
        return replay_file(path);
    }
    DIR *d = opendir(path);
    if (!d)
        return 1;
    int bad = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char p[4096];
        snprintf(p, sizeof(p), "%s/%s", path, de->d_name);
        bad |= replay(p, count);
    }
    closedir(d);
    return bad;
}

int main(int argc, char **argv)
{
    int bad = 0, count = 0;
    for (int i = 1; i < argc; i++)
        bad |= replay(argv[i], &count);
    printf("replayed %d inputs\n", count);
    return bad;
}
#endif
