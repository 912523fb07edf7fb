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

#include "cache/art_int.h"
#include "cache/cache.h"
#include "core/hash.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void decode_one(const uint8_t *data, size_t size);

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static int same_entry(const struct cache_entry *a, const struct cache_entry *b)
{
    return cache_entry_cmp(a, b) == 0 && a->collected_at == b->collected_at && a->schema_version == b->schema_version &&
           !strcmp(a->osprey_version, b->osprey_version) && same_str(a->state_json, b->state_json) &&
           same_str(a->status_json, b->status_json) && a->size == b->size;
}

/* Random bytes almost never carry a valid SHA-256, so each input is also tried with its checksum
 * repaired (to reach the zlib and record parsers), and its tail fed to the record parser directly. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    decode_one(data, size);
    if (size > OSP_SHA256_LEN) {
        uint8_t *copy = malloc(size);
        if (!copy)
            return 0;
        memcpy(copy, data, size);
        osp_sha256(copy, size - OSP_SHA256_LEN, copy + size - OSP_SHA256_LEN);
        decode_one(copy, size);
        free(copy);
    }
    if (size > 1) {
        struct cache_entry *e = NULL;
        struct osp_err err;
        osp_err_init(&err);
        if (art_payload_parse(data + 1, size - 1, data[0], &e, &err) == OSP_OK)
            cache_entries_free(e, data[0]);
    }
    return 0;
}

static void decode_one(const uint8_t *data, size_t size)
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
        /* Whatever decodes re-encodes (other writers may pick another zlib encoding or version string)
         * to an artifact that decodes to the same entries. */
        struct osp_buf b;
        osp_buf_init(&b, 0);
        struct osp_err err2;
        osp_err_init(&err2);
        if (art_encode(&ctx, e, n, created, &b, &err2) != OSP_OK)
            abort();
        struct cache_entry *e2 = NULL;
        size_t n2 = 0;
        if (art_decode(&ctx, b.data, b.len, &e2, &n2, NULL, &err2) != OSP_OK || n2 != n)
            abort();
        for (size_t i = 0; i < n; i++)
            if (!same_entry(&e[i], &e2[i]))
                abort();
        cache_entries_free(e2, n2);
        osp_buf_cleanup(&b);
        cache_entries_free(e, n);
    } else if (!err.msg[0]) {
        abort(); /* every failure carries a message */
    }
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
