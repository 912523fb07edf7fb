/* test_artifact.c: the cache artifact: deterministic round trip and every class of bad file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "cache/cache.h"
#include "core/hash.h"
#include "osp_test.h"

#define CREATED 1700000000

static struct osp_ctx ctx;
static struct osp_err err;
static char dir[256];

static void setup(void)
{
    osp_ctx_init(&ctx);
    ctx.fixed_now = CREATED;
    osp_err_init(&err);
    snprintf(dir, sizeof(dir), "/tmp/osp-art-unit-XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
}

static void path_in(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", dir, name);
}

static void teardown(void)
{
    static const char *const names[] = {"a.osc", "b.osc", "c.osc", "bad.osc"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        char p[400];
        path_in(p, sizeof(p), names[i]);
        unlink(p);
    }
    CU_ASSERT_EQUAL(rmdir(dir), 0);
}

static void fill(struct cache_entry *e, const char *acct, const char *region, const char *svc, const char *state,
                 const char *status)
{
    memset(e, 0, sizeof(*e));
    struct osp_err e2;
    osp_err_init(&e2);
    CU_ASSERT_EQUAL(cache_entry_set_key(e, acct, "aws", region, svc, &e2), OSP_OK);
    e->collected_at = CREATED - 60;
    snprintf(e->osprey_version, sizeof(e->osprey_version), "0.1.0");
    e->schema_version = 3;
    e->state_json = (char *)state;
    e->status_json = (char *)status;
}

#define NSAMPLE 4
static void sample(struct cache_entry *e)
{
    fill(&e[0], "222222222222", "us-east-1", "s3", "{\"buckets\":[{\"name\":\"b1\"}]}", NULL);
    fill(&e[1], "111111111111", "global", "iam", "{\"users\":[]}",
         "{\"status\":\"failed\",\"code\":\"AccessDenied\",\"message\":\"no\"}");
    fill(&e[2], "111111111111", "eu-west-1", "ec2", "{\"instances\":[]}", NULL);
    fill(&e[3], "111111111111", "eu-west-1", "cloudtrail", "{}", NULL);
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = malloc((size_t)n + 1);
    *len = fread(p, 1, (size_t)n, f);
    fclose(f);
    return p;
}

static void spit(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fwrite(p, 1, n, f), n);
    fclose(f);
}

static void test_artifact_round_trip_is_byte_identical(void)
{
    setup();
    struct cache_entry in[NSAMPLE], rev[NSAMPLE];
    sample(in);
    for (int i = 0; i < NSAMPLE; i++)
        rev[i] = in[NSAMPLE - 1 - i];
    char a[400], b[400];
    path_in(a, sizeof(a), "a.osc");
    path_in(b, sizeof(b), "b.osc");
    CU_ASSERT_EQUAL_FATAL(art_write(&ctx, a, in, NSAMPLE, CREATED, &err), OSP_OK);
    ctx.fixed_now = CREATED + 999; /* the wall clock must not matter */
    CU_ASSERT_EQUAL_FATAL(art_write(&ctx, b, rev, NSAMPLE, CREATED, &err), OSP_OK);
    size_t la, lb;
    unsigned char *pa = slurp(a, &la), *pb = slurp(b, &lb);
    CU_ASSERT_EQUAL(la, lb);
    CU_ASSERT(la == lb && memcmp(pa, pb, la) == 0);
    struct stat st;
    CU_ASSERT_EQUAL(stat(a, &st), 0);
    CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
    struct cache_entry *out = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(art_read(&ctx, a, &out, &n, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(n, NSAMPLE);
    /* sorted: 111/eu-west-1/cloudtrail, 111/eu-west-1/ec2, 111/global/iam, 222/us-east-1/s3 */
    CU_ASSERT_STRING_EQUAL(out[0].service, "cloudtrail");
    CU_ASSERT_STRING_EQUAL(out[2].service, "iam");
    CU_ASSERT_STRING_EQUAL(out[2].status_json, in[1].status_json);
    CU_ASSERT_PTR_NULL(out[3].status_json);
    CU_ASSERT_STRING_EQUAL(out[3].state_json, in[0].state_json);
    CU_ASSERT_EQUAL(out[3].size, strlen(in[0].state_json));
    CU_ASSERT_EQUAL(out[3].collected_at, CREATED - 60);
    CU_ASSERT_EQUAL(out[3].schema_version, 3);
    CU_ASSERT_STRING_EQUAL(out[3].osprey_version, "0.1.0");
    /* writing what was read gives the same bytes again */
    struct osp_buf buf;
    osp_buf_init(&buf, 0);
    CU_ASSERT_EQUAL(art_encode(&ctx, out, n, CREATED, &buf, &err), OSP_OK);
    CU_ASSERT(buf.len == la && memcmp(buf.data, pa, la) == 0);
    osp_buf_cleanup(&buf);
    cache_entries_free(out, n);
    free(pa);
    free(pb);
    teardown();
}

static void test_artifact_empty_and_created_time(void)
{
    setup();
    struct osp_buf buf;
    osp_buf_init(&buf, 0);
    CU_ASSERT_EQUAL_FATAL(art_encode(&ctx, NULL, 0, 42, &buf, &err), OSP_OK);
    struct cache_entry *out = NULL;
    size_t n = 7;
    time_t created = 0;
    CU_ASSERT_EQUAL(art_decode(&ctx, buf.data, buf.len, &out, &n, &created, &err), OSP_OK);
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(created, 42);
    cache_entries_free(out, n);
    osp_buf_cleanup(&buf);
    teardown();
}

static void test_artifact_refuses_duplicate_keys(void)
{
    setup();
    struct cache_entry in[2];
    fill(&in[0], "111111111111", "us-east-1", "s3", "{}", NULL);
    fill(&in[1], "111111111111", "us-east-1", "s3", "{\"x\":1}", NULL);
    char a[400];
    path_in(a, sizeof(a), "a.osc");
    CU_ASSERT_EQUAL(art_write(&ctx, a, in, 2, CREATED, &err), OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "duplicate key"));
    CU_ASSERT_EQUAL(access(a, F_OK), -1); /* nothing written */
    teardown();
}

static void test_artifact_missing_file_is_not_found(void)
{
    setup();
    char a[400];
    path_in(a, sizeof(a), "a.osc");
    struct cache_entry *out = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL(art_read(&ctx, a, &out, &n, &err), OSP_ENOTFOUND);
    teardown();
}

/* Write bad bytes, read them, expect OSP_EARTIFACT with `want` in the message, no output, file unchanged. */
static void expect_bad(const void *bytes, size_t len, const char *want)
{
    char p[400];
    path_in(p, sizeof(p), "bad.osc");
    spit(p, bytes, len);
    struct stat before, after;
    CU_ASSERT_EQUAL(stat(p, &before), 0);
    struct cache_entry *sentinel = (struct cache_entry *)&before, *out = sentinel;
    size_t n = 12345;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(art_read(&ctx, p, &out, &n, &err), OSP_EARTIFACT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, want));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "bad.osc"));
    CU_ASSERT_PTR_NULL(strchr(err.msg, '\n'));
    if (!strstr(err.msg, want))
        fprintf(stderr, "\nwanted '%s' in: %s\n", want, err.msg);
    CU_ASSERT(out == sentinel && n == 12345); /* never a partial load */
    size_t l2;
    unsigned char *now = slurp(p, &l2);
    CU_ASSERT(l2 == len && memcmp(now, bytes, len) == 0);
    CU_ASSERT_EQUAL(stat(p, &after), 0);
    CU_ASSERT_EQUAL(before.st_mtime, after.st_mtime);
    free(now);
}

static unsigned char *good(size_t *len)
{
    struct cache_entry in[NSAMPLE];
    sample(in);
    struct osp_buf buf;
    osp_buf_init(&buf, 0);
    CU_ASSERT_EQUAL(art_encode(&ctx, in, NSAMPLE, CREATED, &buf, &err), OSP_OK);
    *len = buf.len;
    return (unsigned char *)osp_buf_take(&buf);
}

static void test_artifact_flipped_byte_is_checksum_mismatch(void)
{
    setup();
    size_t len;
    unsigned char *p = good(&len);
    p[len - 40] ^= 0x01; /* inside the zlib stream */
    expect_bad(p, len, "checksum mismatch");
    p[len - 40] ^= 0x01;
    p[len - 1] ^= 0x80; /* inside the checksum itself */
    expect_bad(p, len, "checksum mismatch");
    p[len - 1] ^= 0x80;
    p[22] ^= 0x20; /* the osprey version string in the header */
    expect_bad(p, len, "checksum mismatch");
    free(p);
    teardown();
}

static void test_artifact_truncated_file_says_truncated(void)
{
    setup();
    size_t len;
    unsigned char *p = good(&len);
    expect_bad(p, len - 1, "truncated");
    expect_bad(p, len / 2, "truncated");
    expect_bad(p, 30, "truncated");
    expect_bad(p, 4, "truncated");
    expect_bad(p, 0, "truncated");
    free(p);
    teardown();
}

static void test_artifact_wrong_magic_is_not_an_artifact(void)
{
    setup();
    const char json[] = "{\"not\":\"an artifact\"}";
    expect_bad(json, sizeof(json) - 1, "not an osprey artifact (wrong magic)");
    size_t len;
    unsigned char *p = good(&len);
    p[1] = 'X';
    expect_bad(p, len, "wrong magic");
    const unsigned char gz[] = {0x1f, 0x8b, 0x08, 0x00};
    expect_bad(gz, sizeof(gz), "wrong magic");
    free(p);
    teardown();
}

static void test_artifact_newer_version_asks_for_upgrade(void)
{
    setup();
    size_t len;
    unsigned char *p = good(&len);
    p[11] = ART_FORMAT_VERSION + 1; /* format version is a big-endian u32 at offset 8 */
    expect_bad(p, len, "newer format version 3");
    expect_bad(p, len, "upgrade osprey");
    free(p);
    teardown();
}

/* Build an artifact by hand with a valid checksum around an arbitrary zlib stream. */
static unsigned char *craft(const void *z, size_t zlen, uint64_t declared, uint32_t entries, size_t *len)
{
    static const unsigned char head[] = {0x89, 'O',  'S',  'P',  'C', '\r', '\n', 0x1a, 0,   0, 0, 1, 0, 0, 0,
                                         0,    0x65, 0x53, 0xf1, 0,   3,    '0',  '.',  '1', 0, 0, 0, 0 /* accounts */};
    size_t hl = sizeof(head);
    *len = hl + 4 + 16 + zlen + 32;
    unsigned char *p = calloc(1, *len);
    memcpy(p, head, hl);
    unsigned char *q = p + hl;
    for (int i = 0; i < 4; i++)
        *q++ = (unsigned char)(entries >> (24 - 8 * i));
    for (int i = 0; i < 8; i++)
        *q++ = (unsigned char)(declared >> (56 - 8 * i));
    for (int i = 0; i < 8; i++)
        *q++ = (unsigned char)((uint64_t)zlen >> (56 - 8 * i));
    memcpy(q, z, zlen);
    osp_sha256(p, *len - 32, p + *len - 32);
    return p;
}

static void test_artifact_corrupted_zlib_with_valid_checksum(void)
{
    setup();
    const char junk[] = "definitely not a zlib stream";
    size_t len;
    unsigned char *p = craft(junk, sizeof(junk), 100, 0, &len);
    expect_bad(p, len, "corrupted (zlib");
    free(p);
    /* a million entries claimed for a 100-byte payload: refused before any allocation */
    p = craft(junk, sizeof(junk), 100, 1000000, &len);
    expect_bad(p, len, "corrupted (1000000 entries");
    free(p);
    teardown();
}

static void test_artifact_decompression_bomb_fails_cleanly(void)
{
    setup();
    size_t big = 64u << 20; /* 64 MiB of zeros compresses to ~64 KiB */
    unsigned char *zeros = calloc(1, big);
    uLongf zl = compressBound(big);
    unsigned char *z = malloc(zl);
    CU_ASSERT_EQUAL_FATAL(compress2(z, &zl, zeros, big, 9), Z_OK);
    free(zeros);
    size_t len;
    unsigned char *p = craft(z, zl, 1000, 1, &len); /* declares 1000 bytes */
    double t0 = osp_now_monotonic(&ctx);
    expect_bad(p, len, "inflates past its declared size");
    CU_ASSERT(osp_now_monotonic(&ctx) - t0 < 2.0);
    free(p);
    p = craft(z, zl, (uint64_t)8 << 30, 1, &len); /* declares 8 GiB */
    expect_bad(p, len, "exceeds the");
    free(p);
    free(z);
    teardown();
}

static void test_artifact_trailing_bytes_are_corruption(void)
{
    setup();
    size_t len;
    unsigned char *p = good(&len);
    unsigned char *q = malloc(len + 3);
    memcpy(q, p, len);
    memcpy(q + len, "xyz", 3);
    expect_bad(q, len + 3, "corrupted");
    free(q);
    free(p);
    teardown();
}

static void test_artifact_write_replaces_atomically(void)
{
    setup();
    struct cache_entry in[NSAMPLE];
    sample(in);
    char a[400];
    path_in(a, sizeof(a), "a.osc");
    spit(a, "old", 3);
    CU_ASSERT_EQUAL(art_write(&ctx, a, in, 1, CREATED, &err), OSP_OK);
    struct cache_entry *out = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL(art_read(&ctx, a, &out, &n, &err), OSP_OK);
    CU_ASSERT_EQUAL(n, 1);
    cache_entries_free(out, n);
    char bad[400];
    snprintf(bad, sizeof(bad), "%s/no/such/dir/x.osc", dir);
    CU_ASSERT_EQUAL(art_write(&ctx, bad, in, 1, CREATED, &err), OSP_EIO);
    teardown();
}

static void test_artifact_refuses_non_regular_files(void)
{
    setup();
    char fifo[400];
    path_in(fifo, sizeof(fifo), "c.osc");
    CU_ASSERT_EQUAL_FATAL(mkfifo(fifo, 0600), 0);
    struct cache_entry *out = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL(art_read(&ctx, fifo, &out, &n, &err), OSP_EIO); /* returns at once, no writer needed */
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "not a regular file"));
    osp_err_init(&err);
    CU_ASSERT_EQUAL(art_read(&ctx, dir, &out, &n, &err), OSP_EIO);
    teardown();
}

static const struct osp_test tests[] = {
    OSP_TEST(test_artifact_round_trip_is_byte_identical),
    OSP_TEST(test_artifact_empty_and_created_time),
    OSP_TEST(test_artifact_refuses_duplicate_keys),
    OSP_TEST(test_artifact_missing_file_is_not_found),
    OSP_TEST(test_artifact_flipped_byte_is_checksum_mismatch),
    OSP_TEST(test_artifact_truncated_file_says_truncated),
    OSP_TEST(test_artifact_wrong_magic_is_not_an_artifact),
    OSP_TEST(test_artifact_newer_version_asks_for_upgrade),
    OSP_TEST(test_artifact_corrupted_zlib_with_valid_checksum),
    OSP_TEST(test_artifact_decompression_bomb_fails_cleanly),
    OSP_TEST(test_artifact_trailing_bytes_are_corruption),
    OSP_TEST(test_artifact_write_replaces_atomically),
    OSP_TEST(test_artifact_refuses_non_regular_files),
    {0},
};

int main(void)
{
    return osp_test_run("cache_artifact", tests);
}
