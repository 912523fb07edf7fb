/* test_store.c: the sqlite cache: put/get, max age, replace, empty services, list, clean, errors. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache/cache.h"
#include "osp_test.h"

#define NOW 1700000000

static struct osp_ctx ctx;
static struct osp_err err;
static char tmpdir[256];

static void setup(void)
{
    osp_ctx_init(&ctx);
    ctx.fixed_now = NOW;
    osp_err_init(&err);
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/osp-cache-unit-XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(tmpdir));
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void teardown(void)
{
    CU_ASSERT_EQUAL(nftw(tmpdir, rm_one, 16, FTW_DEPTH | FTW_PHYS), 0);
}

static struct cache_entry mk(const char *acct, const char *region, const char *svc, time_t at, const char *state,
                             const char *status)
{
    struct cache_entry e;
    memset(&e, 0, sizeof(e));
    struct osp_err e2;
    osp_err_init(&e2);
    CU_ASSERT_EQUAL(cache_entry_set_key(&e, acct, "aws", region, svc, &e2), OSP_OK);
    e.collected_at = at;
    snprintf(e.osprey_version, sizeof(e.osprey_version), "0.1.0");
    e.schema_version = 1;
    e.state_json = (char *)state;
    e.status_json = (char *)status;
    return e;
}

static struct cache_store *open_dir(const char *dir)
{
    struct cache_store *s = NULL;
    CU_ASSERT_EQUAL_FATAL(cache_open(&ctx, dir, &s, &err), OSP_OK);
    return s;
}

static void test_store_put_then_get_returns_every_field(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    struct cache_entry in = mk("111111111111", "us-east-1", "s3", NOW - 10, "{\"buckets\":[1]}",
                               "{\"status\":\"failed\",\"code\":\"AccessDenied\"}");
    CU_ASSERT_EQUAL(cache_put(s, &in, 1, &err), OSP_OK);
    struct cache_entry out;
    CU_ASSERT_EQUAL_FATAL(cache_get(s, "111111111111", "aws", "us-east-1", "s3", 3600, &out, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(out.state_json, in.state_json);
    CU_ASSERT_STRING_EQUAL(out.status_json, in.status_json);
    CU_ASSERT_STRING_EQUAL(out.service, "s3");
    CU_ASSERT_STRING_EQUAL(out.osprey_version, "0.1.0");
    CU_ASSERT_EQUAL(out.collected_at, NOW - 10);
    CU_ASSERT_EQUAL(out.schema_version, 1);
    CU_ASSERT_EQUAL(out.size, strlen(in.state_json));
    cache_entry_cleanup(&out);
    CU_ASSERT_PTR_NULL(out.state_json);
    cache_close(s);
    /* survives a reopen, and a missing status reads back as NULL */
    s = open_dir(tmpdir);
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "us-east-1", "s3", -1, &out, &err), OSP_OK);
    cache_entry_cleanup(&out);
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "us-east-1", "ec2", -1, &out, &err), OSP_ENOTFOUND);
    CU_ASSERT_EQUAL(err.code, OSP_OK);
    cache_close(s);
    teardown();
}

static void test_store_max_age_hides_stale_entries(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    struct cache_entry in = mk("111111111111", "global", "iam", NOW - 100, "{}", NULL);
    CU_ASSERT_EQUAL(cache_put(s, &in, 1, &err), OSP_OK);
    struct cache_entry out;
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "global", "iam", 99, &out, &err), OSP_ENOTFOUND);
    CU_ASSERT_EQUAL(err.code, OSP_OK);
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "global", "iam", 100, &out, &err), OSP_OK);
    CU_ASSERT_PTR_NULL(out.status_json);
    cache_entry_cleanup(&out);
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "global", "iam", -1, &out, &err), OSP_OK);
    cache_entry_cleanup(&out);
    ctx.fixed_now = NOW + 1000; /* time passes */
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "global", "iam", 1000, &out, &err), OSP_ENOTFOUND);
    cache_close(s);
    teardown();
}

/* A row dated more than CACHE_MAX_FUTURE_SECS ahead is a forgery or a broken clock: stale for
 * any max age, even "never stale" (-1); within the skew allowance it is served. */
static void test_store_future_entries_are_always_stale(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    struct cache_entry ahead = mk("111111111111", "global", "s3", NOW + 10L * 365 * 86400, "{\"buckets\":[]}", NULL);
    struct cache_entry skew = mk("111111111111", "global", "iam", NOW + CACHE_MAX_FUTURE_SECS, "{}", NULL);
    CU_ASSERT_EQUAL(cache_put(s, &ahead, 1, &err), OSP_OK);
    CU_ASSERT_EQUAL(cache_put(s, &skew, 1, &err), OSP_OK);
    struct cache_entry out;
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "global", "s3", 86400, &out, &err), OSP_ENOTFOUND);
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "global", "s3", -1, &out, &err), OSP_ENOTFOUND);
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "global", "iam", 86400, &out, &err), OSP_OK);
    cache_entry_cleanup(&out);
    cache_close(s);
    teardown();
}

static void test_store_put_replaces_and_stores_empty_services(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    struct cache_entry a = mk("111111111111", "us-east-1", "s3", NOW - 50, "{\"buckets\":[\"old\"]}", "{\"x\":1}");
    CU_ASSERT_EQUAL(cache_put(s, &a, 1, &err), OSP_OK);
    struct cache_entry b = mk("111111111111", "us-east-1", "s3", NOW, "{\"buckets\":[]}", NULL);
    CU_ASSERT_EQUAL(cache_put(s, &b, 1, &err), OSP_OK);
    struct cache_entry out;
    CU_ASSERT_EQUAL_FATAL(cache_get(s, "111111111111", "aws", "us-east-1", "s3", 10, &out, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(out.state_json, "{\"buckets\":[]}");
    CU_ASSERT_PTR_NULL(out.status_json); /* the old error does not linger */
    CU_ASSERT_EQUAL(out.collected_at, NOW);
    cache_entry_cleanup(&out);
    struct cache_entry *list;
    size_t n;
    CU_ASSERT_EQUAL(cache_list(s, &list, &n, &err), OSP_OK);
    CU_ASSERT_EQUAL(n, 1);
    cache_entries_free(list, n);
    cache_close(s);
    teardown();
}

static void test_store_put_is_all_or_nothing(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    struct cache_entry two[2] = {mk("111111111111", "us-east-1", "s3", NOW, "{}", NULL),
                                 mk("111111111111", "us-east-1", "ec2", NOW, NULL, NULL)};
    CU_ASSERT_EQUAL(cache_put(s, two, 2, &err), OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "has no state"));
    struct cache_entry out;
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "us-east-1", "s3", -1, &out, &err), OSP_ENOTFOUND);
    cache_close(s);
    teardown();
}

/* A status that cannot be stored is an error, never a failed service stored as ok (main did not
 * check sqlite's bind results: a status too big to bind was dropped, leaving NULL = ok). */
static void test_store_oversized_status_is_an_error_not_ok(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    size_t big = 2u * ART_MAX_ENTRY_BYTES + (2u << 20);
    char *status = malloc(big + 1);
    CU_ASSERT_FATAL(status != NULL);
    memset(status, 'x', big);
    status[0] = '"';
    status[big - 1] = '"';
    status[big] = '\0';
    struct cache_entry e = mk("111111111111", "us-east-1", "s3", NOW, "{}", status);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cache_put(s, &e, 1, &err), OSP_ELIMIT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "limit"));
    free(status);
    struct cache_entry out;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "us-east-1", "s3", -1, &out, &err), OSP_ENOTFOUND);
    cache_close(s);
    teardown();
}

static void test_store_list_is_sorted_without_state(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    struct cache_entry in[4] = {mk("222222222222", "us-east-1", "s3", NOW - 5, "{\"a\":1}", NULL),
                                mk("111111111111", "us-west-2", "ec2", NOW - 6, "{\"bb\":22}", NULL),
                                mk("111111111111", "global", "iam", NOW - 7, "{}", "{\"status\":\"failed\"}"),
                                mk("111111111111", "us-west-2", "cloudtrail", NOW - 8, "[]", NULL)};
    CU_ASSERT_EQUAL(cache_put(s, in, 4, &err), OSP_OK);
    struct cache_entry *list = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(cache_list(s, &list, &n, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(n, 4);
    const char *want[4][3] = {{"111111111111", "global", "iam"},
                              {"111111111111", "us-west-2", "cloudtrail"},
                              {"111111111111", "us-west-2", "ec2"},
                              {"222222222222", "us-east-1", "s3"}};
    for (size_t i = 0; i < n; i++) {
        CU_ASSERT_STRING_EQUAL(list[i].account, want[i][0]);
        CU_ASSERT_STRING_EQUAL(list[i].region, want[i][1]);
        CU_ASSERT_STRING_EQUAL(list[i].service, want[i][2]);
        CU_ASSERT_PTR_NULL(list[i].state_json);
    }
    CU_ASSERT_EQUAL(list[2].size, strlen("{\"bb\":22}"));
    CU_ASSERT_EQUAL(list[2].collected_at, NOW - 6);
    CU_ASSERT_STRING_EQUAL(list[0].status_json, "{\"status\":\"failed\"}");
    cache_entries_free(list, n);
    cache_close(s);
    teardown();
}

static void test_store_clean_removes_old_then_all(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    struct cache_entry in[3] = {mk("111111111111", "us-east-1", "s3", NOW - 10, "{}", NULL),
                                mk("111111111111", "us-east-1", "ec2", NOW - 100, "{}", NULL),
                                mk("111111111111", "us-east-1", "kms", NOW - 1000, "{}", NULL)};
    CU_ASSERT_EQUAL(cache_put(s, in, 3, &err), OSP_OK);
    size_t removed = 99;
    CU_ASSERT_EQUAL(cache_clean(s, 50, &removed, &err), OSP_OK);
    CU_ASSERT_EQUAL(removed, 2);
    struct cache_entry out;
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "us-east-1", "s3", -1, &out, &err), OSP_OK);
    cache_entry_cleanup(&out);
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "us-east-1", "ec2", -1, &out, &err), OSP_ENOTFOUND);
    CU_ASSERT_EQUAL(cache_clean(s, -1, &removed, &err), OSP_OK);
    CU_ASSERT_EQUAL(removed, 1);
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "us-east-1", "s3", -1, &out, &err), OSP_ENOTFOUND);
    cache_close(s);
    teardown();
}

static void test_store_creates_private_dir_and_file(void)
{
    setup();
    char dir[400], db[420];
    snprintf(dir, sizeof(dir), "%s/a/b/osprey", tmpdir);
    struct cache_store *s = open_dir(dir);
    struct cache_entry in = mk("111111111111", "us-east-1", "s3", NOW, "{}", NULL);
    CU_ASSERT_EQUAL(cache_put(s, &in, 1, &err), OSP_OK);
    struct stat st;
    CU_ASSERT_EQUAL_FATAL(stat(dir, &st), 0);
    CU_ASSERT_EQUAL(st.st_mode & 0777, 0700);
    snprintf(db, sizeof(db), "%s/cache.db", dir);
    CU_ASSERT_EQUAL_FATAL(stat(db, &st), 0);
    CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
    snprintf(db, sizeof(db), "%s/cache.db-wal", dir);
    if (stat(db, &st) == 0)
        CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
    cache_close(s);
    teardown();
}

static void test_store_corrupted_file_suggests_clean(void)
{
    setup();
    char db[400];
    snprintf(db, sizeof(db), "%s/cache.db", tmpdir);
    FILE *f = fopen(db, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    for (int i = 0; i < 200; i++)
        fputs("this is not a database, it is a text file. ", f);
    fclose(f);
    struct cache_store *s = NULL;
    CU_ASSERT_EQUAL(cache_open(&ctx, tmpdir, &s, &err), OSP_ECACHE);
    CU_ASSERT_PTR_NULL(s);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "is corrupted"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "osprey cache clean"));
    CU_ASSERT_EQUAL(cache_destroy(tmpdir, &err), OSP_OK);
    osp_err_init(&err);
    s = open_dir(tmpdir);
    cache_close(s);
    teardown();
}

static void test_store_damaged_pages_are_reported_as_corruption(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    char big[20000];
    memset(big, 'a', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    struct cache_entry in[2] = {mk("111111111111", "us-east-1", "s3", NOW, big, NULL),
                                mk("111111111111", "us-east-1", "ec2", NOW, big, NULL)};
    CU_ASSERT_EQUAL(cache_put(s, in, 2, &err), OSP_OK);
    cache_close(s); /* checkpoints the WAL into cache.db */
    char db[400];
    snprintf(db, sizeof(db), "%s/cache.db", tmpdir);
    FILE *f = fopen(db, "r+b");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    for (long off = 4096; off < size; off += 97) { /* keep the header page, scribble over the rest */
        fseek(f, off, SEEK_SET);
        fputc(0xA5, f);
    }
    fclose(f);
    enum osp_code rc = cache_open(&ctx, tmpdir, &s, &err);
    if (rc == OSP_OK) {
        struct cache_entry out;
        struct cache_entry *list = NULL;
        size_t n = 0;
        rc = cache_get(s, "111111111111", "aws", "us-east-1", "s3", -1, &out, &err);
        if (rc == OSP_OK) {
            cache_entry_cleanup(&out);
            rc = cache_list(s, &list, &n, &err);
            cache_entries_free(list, n);
        }
        cache_close(s);
    }
    CU_ASSERT_EQUAL(rc, OSP_ECACHE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "osprey cache clean"));
    teardown();
}

static void test_store_locked_database_waits_then_fails_clearly(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    cache_set_busy_timeout(s, 400);
    char db[400];
    snprintf(db, sizeof(db), "%s/cache.db", tmpdir);
    sqlite3 *other = NULL;
    CU_ASSERT_EQUAL_FATAL(sqlite3_open(db, &other), SQLITE_OK);
    CU_ASSERT_EQUAL_FATAL(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
    struct cache_entry in = mk("111111111111", "us-east-1", "s3", NOW, "{}", NULL);
    double t0 = osp_now_monotonic(&ctx);
    CU_ASSERT_EQUAL(cache_put(s, &in, 1, &err), OSP_ETIMEOUT);
    double waited = osp_now_monotonic(&ctx) - t0;
    CU_ASSERT(waited >= 0.35);
    CU_ASSERT(waited < 5.0);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "locked by another osprey"));
    CU_ASSERT_EQUAL(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(other);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cache_put(s, &in, 1, &err), OSP_OK);
    cache_close(s);
    teardown();
}

static void test_store_refuses_newer_layout(void)
{
    setup();
    struct cache_store *s = open_dir(tmpdir);
    cache_close(s);
    char db[400];
    snprintf(db, sizeof(db), "%s/cache.db", tmpdir);
    sqlite3 *other = NULL;
    CU_ASSERT_EQUAL_FATAL(sqlite3_open(db, &other), SQLITE_OK);
    CU_ASSERT_EQUAL(sqlite3_exec(other, "PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(other);
    CU_ASSERT_EQUAL(cache_open(&ctx, tmpdir, &s, &err), OSP_ECACHE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "newer osprey"));
    teardown();
}

static const char *fake_env(void *ud, const char *name)
{
    const char *const *kv = ud;
    for (; kv[0]; kv += 2)
        if (!strcmp(kv[0], name))
            return kv[1];
    return NULL;
}

static enum osp_code default_dir_with(const char *const *env, char **out)
{
    ctx.getenv_fn = fake_env;
    ctx.getenv_ud = (void *)env;
    osp_err_init(&err);
    enum osp_code rc = cache_default_dir(&ctx, out, &err);
    ctx.getenv_fn = NULL;
    return rc;
}

static void test_store_default_dir_follows_xdg_home_and_ci(void)
{
    osp_ctx_init(&ctx);
    char *d = NULL;
    const char *xdg[] = {"XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u", NULL};
    CU_ASSERT_EQUAL(default_dir_with(xdg, &d), OSP_OK);
    CU_ASSERT_STRING_EQUAL(d, "/x/cache/osprey");
    free(d);
    const char *home[] = {"HOME", "/home/u", NULL};
    CU_ASSERT_EQUAL(default_dir_with(home, &d), OSP_OK);
    CU_ASSERT_STRING_EQUAL(d, "/home/u/.cache/osprey");
    free(d);
    const char *ci[] = {"CI", "true", "HOME", "/home/u", NULL};
    d = (char *)"sentinel";
    CU_ASSERT_EQUAL(default_dir_with(ci, &d), OSP_OK);
    CU_ASSERT_PTR_NULL(d);
    const char *none[] = {NULL};
    CU_ASSERT_EQUAL(default_dir_with(none, &d), OSP_ECONFIG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "--cache-dir"));
}

static void test_store_memory_store_behaves_the_same(void)
{
    osp_ctx_init(&ctx);
    ctx.fixed_now = NOW;
    osp_err_init(&err);
    struct cache_store *s = NULL;
    CU_ASSERT_EQUAL_FATAL(cache_open_memory(&ctx, &s, &err), OSP_OK);
    struct cache_entry in = mk("111111111111", "us-east-1", "s3", NOW - 5, "{\"k\":true}", NULL);
    CU_ASSERT_EQUAL(cache_put(s, &in, 1, &err), OSP_OK);
    struct cache_entry out;
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "us-east-1", "s3", 4, &out, &err), OSP_ENOTFOUND);
    CU_ASSERT_EQUAL(cache_get(s, "111111111111", "aws", "us-east-1", "s3", 5, &out, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(out.state_json, "{\"k\":true}");
    cache_entry_cleanup(&out);
    cache_close(s);
    cache_close(NULL);
}

static void test_store_key_fields_are_checked(void)
{
    struct cache_entry e;
    memset(&e, 0, sizeof(e));
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cache_entry_set_key(&e, "1", "aws", "", "s3", &err), OSP_EUSAGE);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cache_entry_set_key(&e, "1", "aws", "us-east-1", "a-service-name-far-too-long-to-fit", &err),
                    OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "too long"));
}

static const struct osp_test tests[] = {
    OSP_TEST(test_store_put_then_get_returns_every_field),
    OSP_TEST(test_store_max_age_hides_stale_entries),
    OSP_TEST(test_store_future_entries_are_always_stale),
    OSP_TEST(test_store_put_replaces_and_stores_empty_services),
    OSP_TEST(test_store_put_is_all_or_nothing),
    OSP_TEST(test_store_oversized_status_is_an_error_not_ok),
    OSP_TEST(test_store_list_is_sorted_without_state),
    OSP_TEST(test_store_clean_removes_old_then_all),
    OSP_TEST(test_store_creates_private_dir_and_file),
    OSP_TEST(test_store_corrupted_file_suggests_clean),
    OSP_TEST(test_store_damaged_pages_are_reported_as_corruption),
    OSP_TEST(test_store_locked_database_waits_then_fails_clearly),
    OSP_TEST(test_store_refuses_newer_layout),
    OSP_TEST(test_store_default_dir_follows_xdg_home_and_ci),
    OSP_TEST(test_store_memory_store_behaves_the_same),
    OSP_TEST(test_store_key_fields_are_checked),
    {0},
};

int main(void)
{
    return osp_test_run("cache_store", tests);
}
