/* test_artifact_key.c: the keyed artifact (format 2): round trip, determinism, and every way a
 * keyed run refuses a file (unkeyed, wrong key, tampered with a recomputed checksum). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "core/hash.h"
#include "osp_test.h"

#define CREATED 1700000000
#define SECRET "correct horse battery staple 42"
#define OTHER "another secret of enough length"

static struct osp_ctx ctx;
static struct osp_err err;

static void fill(struct cache_entry *e, const char *region, const char *svc, const char *state)
{
    memset(e, 0, sizeof(*e));
    CU_ASSERT_EQUAL(cache_entry_set_key(e, "111111111111", "aws", region, svc, &err), OSP_OK);
    e->collected_at = CREATED - 60;
    snprintf(e->osprey_version, sizeof(e->osprey_version), "0.1.0");
    e->schema_version = 1;
    e->state_json = (char *)state;
}

static void encode(const char *secret, struct osp_buf *out)
{
    osp_ctx_init(&ctx);
    osp_err_init(&err);
    struct cache_entry in[2];
    fill(&in[0], "us-east-1", "s3", "{\"buckets\":[{\"name\":\"secret-bucket\"}]}");
    fill(&in[1], "global", "iam", "{\"users\":[]}");
    struct art_key k;
    if (secret)
        CU_ASSERT_EQUAL_FATAL(art_key_derive(secret, &k, &err), OSP_OK);
    osp_buf_init(out, 0);
    CU_ASSERT_EQUAL_FATAL(art_encode_keyed(&ctx, secret ? &k : NULL, in, 2, CREATED, out, &err), OSP_OK);
    art_key_cleanse(&k);
}

static enum osp_code decode(const char *secret, const struct osp_buf *b, struct art_meta *meta)
{
    struct art_key k;
    if (secret)
        CU_ASSERT_EQUAL_FATAL(art_key_derive(secret, &k, &err), OSP_OK);
    struct cache_entry *e = NULL;
    size_t n = 0;
    osp_err_init(&err);
    enum osp_code rc = art_decode_keyed(&ctx, secret ? &k : NULL, b->data, b->len, &e, &n, meta, &err);
    if (rc == OSP_OK) {
        CU_ASSERT_EQUAL(n, 2);
        CU_ASSERT_STRING_EQUAL(e[1].service, "s3");
        CU_ASSERT_STRING_EQUAL(e[1].state_json, "{\"buckets\":[{\"name\":\"secret-bucket\"}]}");
    }
    cache_entries_free(e, n);
    art_key_cleanse(&k);
    return rc;
}

static void test_keyed_round_trip_is_deterministic_and_encrypted(void)
{
    struct osp_buf a, b;
    encode(SECRET, &a);
    encode(SECRET, &b);
    CU_ASSERT(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
    CU_ASSERT_EQUAL(((unsigned char *)a.data)[11], 2); /* format version 2 */
    /* nothing of the state is readable, even after inflating: it is encrypted */
    CU_ASSERT_PTR_NULL(memmem(a.data, a.len, "secret-bucket", 13));
    struct art_meta m;
    CU_ASSERT_EQUAL(decode(SECRET, &a, &m), OSP_OK);
    CU_ASSERT_EQUAL(m.version, 2);
    CU_ASSERT_EQUAL(m.authenticated, 1);
    CU_ASSERT_EQUAL(m.created, CREATED);
    osp_buf_cleanup(&a);
    osp_buf_cleanup(&b);
}

static void test_unkeyed_is_version_1_and_unauthenticated(void)
{
    struct osp_buf a;
    encode(NULL, &a);
    CU_ASSERT_EQUAL(((unsigned char *)a.data)[11], 1);
    struct art_meta m;
    CU_ASSERT_EQUAL(decode(NULL, &a, &m), OSP_OK);
    CU_ASSERT_EQUAL(m.authenticated, 0);
    CU_ASSERT_EQUAL(decode(SECRET, &a, &m), OSP_EARTIFACT); /* a keyed run refuses it */
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "not authenticated"));
    osp_buf_cleanup(&a);
}

static void test_wrong_or_missing_key_is_refused(void)
{
    struct osp_buf a;
    encode(SECRET, &a);
    struct art_meta m;
    CU_ASSERT_EQUAL(decode(OTHER, &a, &m), OSP_EARTIFACT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "authentication failed"));
    CU_ASSERT_PTR_NULL(strstr(err.msg, SECRET));
    CU_ASSERT_PTR_NULL(strstr(err.msg, OTHER));
    CU_ASSERT_EQUAL(decode(NULL, &a, &m), OSP_EARTIFACT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "--artifact-key"));
    osp_buf_cleanup(&a);
}

/* Anyone can recompute the SHA-256; nobody without the key can recompute the HMAC or the tag. */
static void test_tampering_with_recomputed_checksum_fails_authentication(void)
{
    struct osp_buf a;
    encode(SECRET, &a);
    unsigned char *p = (unsigned char *)a.data;
    size_t sum = a.len - OSP_SHA256_LEN;
    for (size_t at = 14; at < sum; at += 37) { /* the created time, the header, the sealed stream, the MAC */
        p[at] ^= 0x01;
        osp_sha256(p, sum, p + sum);
        struct art_meta m;
        CU_ASSERT_EQUAL(decode(SECRET, &a, &m), OSP_EARTIFACT);
        p[at] ^= 0x01;
    }
    osp_sha256(p, sum, p + sum);
    struct art_meta m;
    CU_ASSERT_EQUAL(decode(SECRET, &a, &m), OSP_OK);
    osp_buf_cleanup(&a);
}

static void test_short_secret_is_a_usage_error_that_does_not_quote_it(void)
{
    struct art_key k;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(art_key_derive("hunter2-short", &k, &err), OSP_EUSAGE);
    CU_ASSERT_PTR_NULL(strstr(err.msg, "hunter2"));
    osp_err_init(&err);
    CU_ASSERT_EQUAL(art_key_derive("", &k, &err), OSP_EUSAGE);
    struct art_key k1, k2;
    CU_ASSERT_EQUAL(art_key_derive(SECRET, &k1, &err), OSP_OK);
    CU_ASSERT_EQUAL(art_key_derive(OTHER, &k2, &err), OSP_OK);
    CU_ASSERT(memcmp(k1.mac, k1.enc, ART_KEY_LEN) != 0); /* separate keys */
    CU_ASSERT(memcmp(k1.mac, k2.mac, ART_KEY_LEN) != 0);
}

/* Keys are validated on every way in: set_key, encode, and cache_put of a hand-built entry. */
static void test_invalid_keys_are_refused_everywhere(void)
{
    struct cache_entry e;
    memset(&e, 0, sizeof(e));
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cache_entry_set_key(&e, "111111111111", "aws", "x\nsarif=/etc/shadow", "s3", &err), OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "invalid region 'x\\nsarif=/etc/shadow'"));
    CU_ASSERT_PTR_NULL(strchr(err.msg, '\n'));
    static const char *const bad[][4] = {{"12345678901", "aws", "us-east-1", "s3"},
                                         {"1234567890123", "aws", "us-east-1", "s3"},
                                         {"12345678901a", "aws", "us-east-1", "s3"},
                                         {"111111111111", "Aws", "us-east-1", "s3"},
                                         {"111111111111", "aws", "us_east_1", "s3"},
                                         {"111111111111", "aws", "us-east-1", "s3 "}};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        osp_err_init(&err);
        CU_ASSERT_EQUAL(cache_entry_set_key(&e, bad[i][0], bad[i][1], bad[i][2], bad[i][3], &err), OSP_EUSAGE);
    }
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cache_entry_set_key(&e, "111111111111", "aws-us-gov", "us-gov-west-1", "s3", &err), OSP_OK);
    /* a hand-built entry that skipped set_key */
    snprintf(e.region, sizeof(e.region), "x\r\n");
    e.state_json = (char *)"{}";
    struct cache_store *st = NULL;
    osp_ctx_init(&ctx);
    CU_ASSERT_EQUAL_FATAL(cache_open_memory(&ctx, &st, &err), OSP_OK);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cache_put(st, &e, 1, &err), OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "x\\r\\n"));
    cache_close(st);
    struct osp_buf b;
    osp_buf_init(&b, 0);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(art_encode(&ctx, &e, 1, CREATED, &b, &err), OSP_EUSAGE);
    osp_buf_cleanup(&b);
    char out[64];
    cache_escape("a\x1b[1m\\\t\xc3", out, sizeof(out));
    CU_ASSERT_STRING_EQUAL(out, "a\\x1b[1m\\\\\\t\\xc3");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_invalid_keys_are_refused_everywhere),
    OSP_TEST(test_keyed_round_trip_is_deterministic_and_encrypted),
    OSP_TEST(test_unkeyed_is_version_1_and_unauthenticated),
    OSP_TEST(test_wrong_or_missing_key_is_refused),
    OSP_TEST(test_tampering_with_recomputed_checksum_fails_authentication),
    OSP_TEST(test_short_secret_is_a_usage_error_that_does_not_quote_it),
    {0},
};

int main(void)
{
    return osp_test_run("cache_artifact_key", tests);
}
