/* test_source.c: the state policy (scan/source.c) on an in-memory cache, a fake collector and a
 * pinned clock: what comes from the cache, what is collected, offline regions, the artifact. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "osp_test.h"
#include "scan/source.h"

static const time_t NOW = 1767225600; /* 2026-01-01T00:00:00Z */
#define ACCOUNT "111122223333"

static struct osp_ctx ctx;

/* The fake AWS session: connect learns the account and expands 'all'; collect records what it
 * was asked for and answers {"from": "<region>"} for every (service, region), or a failure for
 * the services listed in `deny`. */
struct fake {
    int connects, collects;
    char asked[256];
    const char *deny;
    const char *all[4];
    const char *enabled[4]; /* what DescribeRegions would say (connect fills sc->enabled) */
};

static enum osp_code fake_connect(void *ud, struct scan_scope *sc, struct osp_err *err)
{
    struct fake *f = ud;
    f->connects++;
    if (!sc->account[0])
        snprintf(sc->account, sizeof(sc->account), "%s", ACCOUNT);
    for (size_t i = 0; sc->all_regions && i < 4 && f->all[i]; i++)
        if (scan_scope_add_region(sc, f->all[i], err))
            return err->code;
    for (size_t i = 0; !sc->nenabled && i < 4 && f->enabled[i]; i++) /* learnt once, like the session */
        sc->enabled[i] = strdup(f->enabled[i]);
    for (; sc->nenabled < 4 && f->enabled[sc->nenabled];)
        sc->nenabled++;
    return OSP_OK;
}

static enum osp_code fake_collect(void *ud, const struct scan_scope *sc, const char *const *regions, size_t nregions,
                                  const char *const *services, size_t nservices, struct col_result **out, size_t *n,
                                  struct osp_err *err)
{
    (void)sc;
    (void)err;
    struct fake *f = ud;
    f->collects++;
    struct col_result *r = calloc(nservices * nregions + 1, sizeof(*r));
    size_t k = 0;
    for (size_t s = 0; s < nservices; s++) {
        const struct col_service *svc = col_find(services[s]);
        for (size_t g = 0; g < (svc && svc->global ? 1 : nregions); g++) {
            const char *region = svc && svc->global ? "global" : regions[g];
            snprintf(f->asked + strlen(f->asked), sizeof(f->asked) - strlen(f->asked), "%s%s/%s",
                     *f->asked ? " " : "", services[s], region);
            snprintf(r[k].service, sizeof(r[k].service), "%s", services[s]);
            snprintf(r[k].region, sizeof(r[k].region), "%s", region);
            r[k].collected_at = osp_now(&ctx);
            if (f->deny && strstr(f->deny, services[s])) {
                r[k].status = COL_FAILED;
                snprintf(r[k].err_code, sizeof(r[k].err_code), "AccessDenied");
            } else {
                r[k].status = COL_OK;
                r[k].state = json_pack("{s:s}", "from", region);
            }
            k++;
        }
    }
    *out = r;
    *n = k;
    return OSP_OK;
}

static struct cache_store *store;

static void setup(void)
{
    osp_ctx_init(&ctx);
    ctx.fixed_now = NOW;
    ctx.log_level = OSP_LOG_ERROR;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(cache_open_memory(&ctx, &store, &err), OSP_OK);
}

static struct scan_source online(struct fake *f)
{
    return (struct scan_source){.ctx = &ctx, .store = store, .max_cache_age = 3600, .connect = fake_connect,
                                .collect = fake_collect, .ud = f};
}

static struct scan_source offline(void)
{
    return (struct scan_source){.ctx = &ctx, .store = store, .offline = 1};
}

static void scope(struct scan_scope *sc, const char *const *regions, size_t n)
{
    struct osp_err err;
    osp_err_init(&err);
    memset(sc, 0, sizeof(*sc));
    snprintf(sc->partition, sizeof(sc->partition), "aws");
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL_FATAL(scan_scope_add_region(sc, regions[i], &err), OSP_OK);
    sc->regions_given = n > 0;
}

static enum osp_code load(const struct scan_source *src, struct scan_scope *sc, const char *const *svcs, size_t n,
                          struct scan_state *st, struct osp_err *err)
{
    osp_err_init(err);
    return scan_state_load(src, sc, svcs, n, st, err);
}

/* Fill the cache: s3 (global) and kms in us-east-1 and eu-west-1, collected at NOW. */
static void seed(void)
{
    static const char *const regions[] = {"us-east-1", "eu-west-1"}, *svcs[] = {"s3", "kms"};
    struct fake f = {0};
    struct scan_source src = online(&f);
    struct scan_scope sc;
    struct scan_state st;
    struct osp_err err;
    scope(&sc, regions, 2);
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, svcs, 2, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL(st.n, 3);
    scan_state_cleanup(&st);
    scan_scope_cleanup(&sc);
}

static void test_fresh_cache_is_used_and_stale_entries_are_collected_again(void)
{
    setup();
    seed();
    static const char *const regions[] = {"us-east-1"}, *svcs[] = {"s3", "kms"};
    struct fake f = {0};
    struct scan_source src = online(&f);
    struct scan_scope sc;
    struct scan_state st;
    struct osp_err err;
    scope(&sc, regions, 1);
    snprintf(sc.account, sizeof(sc.account), ACCOUNT);
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, svcs, 2, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL(f.collects, 0);
    CU_ASSERT_EQUAL(f.connects, 0); /* the account was given and the cache was fresh: no AWS at all */
    CU_ASSERT_EQUAL(st.n, 2);
    CU_ASSERT(st.from_cache[0] && st.from_cache[1]);
    scan_state_cleanup(&st);
    ctx.fixed_now = NOW + 7200; /* past max_cache_age */
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, svcs, 2, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL(f.collects, 1);
    CU_ASSERT_STRING_EQUAL(f.asked, "s3/global kms/us-east-1");
    CU_ASSERT(!st.from_cache[0] && !st.from_cache[1]);
    CU_ASSERT_EQUAL(st.collected_at, NOW + 7200);
    scan_state_cleanup(&st);
    scan_scope_cleanup(&sc);
    cache_close(store);
}

static void test_update_cache_collects_and_a_cached_failure_is_retried_online(void)
{
    setup();
    static const char *const regions[] = {"us-east-1"}, *svcs[] = {"kms"};
    struct fake f = {.deny = "kms"};
    struct scan_source src = online(&f);
    struct scan_scope sc;
    struct scan_state st;
    struct osp_err err;
    scope(&sc, regions, 1);
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, svcs, 1, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL(st.results[0].status, COL_FAILED);
    scan_state_cleanup(&st);
    f.deny = NULL;
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, svcs, 1, &st, &err), OSP_OK); /* the failure is not served from cache */
    CU_ASSERT_EQUAL(f.collects, 2);
    CU_ASSERT_EQUAL(st.results[0].status, COL_OK);
    scan_state_cleanup(&st);
    src.update_cache = 1;
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, svcs, 1, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL(f.collects, 3);
    scan_state_cleanup(&st);
    scan_scope_cleanup(&sc);
    cache_close(store);
}

static void test_offline_all_regions_are_the_stored_ones(void)
{
    setup();
    seed();
    static const char *const svcs[] = {"s3", "kms"};
    struct scan_source src = offline();
    struct scan_scope sc;
    struct scan_state st;
    struct osp_err err;
    scope(&sc, NULL, 0);
    sc.all_regions = 1;
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, svcs, 2, &st, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(sc.account, ACCOUNT); /* learnt from the store */
    CU_ASSERT_EQUAL_FATAL(sc.nregions, 2);
    CU_ASSERT_STRING_EQUAL(sc.regions[0], "eu-west-1");
    CU_ASSERT_STRING_EQUAL(sc.regions[1], "us-east-1");
    CU_ASSERT_EQUAL(st.n, 3);
    CU_ASSERT_EQUAL(st.nmissing, 0);
    scan_state_cleanup(&st);
    scan_scope_cleanup(&sc);
    cache_close(store);
}

static void test_offline_region_not_stored_is_a_gap_and_missing_service_an_error(void)
{
    setup();
    seed();
    static const char *const regions[] = {"us-east-1", "ap-south-1"}, *svcs[] = {"s3", "kms"};
    struct scan_source src = offline();
    struct scan_scope sc;
    struct scan_state st;
    struct osp_err err;
    scope(&sc, regions, 2);
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, svcs, 2, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(st.nmissing, 1);
    CU_ASSERT_STRING_EQUAL(st.missing_regions[0], "ap-south-1");
    CU_ASSERT_EQUAL(sc.nregions, 1); /* evaluated: the stored one */
    CU_ASSERT_EQUAL(st.n, 2);
    scan_state_cleanup(&st);
    scan_scope_cleanup(&sc);
    /* a service the store never held is an error naming it, not a gap */
    static const char *const more[] = {"s3", "kms", "sns"};
    scope(&sc, regions, 1);
    CU_ASSERT_EQUAL(load(&src, &sc, more, 3, &st, &err), OSP_EOFFLINE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "sns (us-east-1)"));
    scan_state_cleanup(&st);
    scan_scope_cleanup(&sc);
    cache_close(store);
}

static void test_online_all_regions_come_from_connect(void)
{
    setup();
    static const char *const svcs[] = {"kms"};
    struct fake f = {.all = {"eu-west-1", "us-east-1"}};
    struct scan_source src = online(&f);
    struct scan_scope sc;
    struct scan_state st;
    struct osp_err err;
    scope(&sc, NULL, 0);
    sc.all_regions = 1;
    snprintf(sc.account, sizeof(sc.account), ACCOUNT); /* --account given: still connects for 'all' */
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, svcs, 1, &st, &err), OSP_OK);
    CU_ASSERT(f.connects >= 1);
    CU_ASSERT_STRING_EQUAL(f.asked, "kms/eu-west-1 kms/us-east-1");
    CU_ASSERT_EQUAL(st.n, 2);
    scan_state_cleanup(&st);
    scan_scope_cleanup(&sc);
    cache_close(store);
}

/* An artifact path in a fresh directory (dir is a mkdtemp template). */
static void tmp_artifact(char *dir, char *path, size_t len)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    snprintf(path, len, "%s/a.osc", dir);
}

static void test_artifact_keeps_what_a_narrower_run_did_not_touch(void)
{
    setup();
    char dir[] = "/tmp/osp-source-XXXXXX", path[64];
    tmp_artifact(dir, path, sizeof(path));
    static const char *const regions[] = {"us-east-1"}, *both[] = {"s3", "kms"}, *kms[] = {"kms"};
    struct fake f = {0};
    struct scan_source src = online(&f);
    src.artifact = path;
    struct scan_scope sc;
    struct scan_state st;
    struct osp_err err;
    scope(&sc, regions, 1);
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, both, 2, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(scan_state_save_artifact(&src, &sc, &st, &err), OSP_OK);
    scan_state_cleanup(&st);
    src.update_cache = 1;
    ctx.fixed_now = NOW + 60;
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, kms, 1, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(scan_state_save_artifact(&src, &sc, &st, &err), OSP_OK);
    scan_state_cleanup(&st);
    struct cache_entry *e = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(art_read(&ctx, path, &e, &n, &err), OSP_OK);
    CU_ASSERT_EQUAL(n, 2);
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL(e[i].collected_at, !strcmp(e[i].service, "kms") ? NOW + 60 : NOW);
    cache_entries_free(e, n);
    scan_scope_cleanup(&sc);
    cache_close(store);
    unlink(path);
    rmdir(dir);
}

/* The enabled regions a scan learnt are stored beside the state (cache and artifact) and come
 * back, with their time, to a later run that could not learn them (offline). */
static void test_enabled_regions_travel_with_the_state(void)
{
    setup();
    char dir[] = "/tmp/osp-source-XXXXXX", path[64];
    tmp_artifact(dir, path, sizeof(path));
    static const char *const regions[] = {"us-east-1"}, *kms[] = {"kms"};
    struct fake f = {.enabled = {"us-east-1", "eu-west-1", "ap-south-1"}};
    struct scan_source src = online(&f);
    src.artifact = path;
    struct scan_scope sc;
    struct scan_state st;
    struct osp_err err;
    scope(&sc, regions, 1);
    CU_ASSERT_EQUAL_FATAL(load(&src, &sc, kms, 1, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL(sc.nenabled, 3);
    CU_ASSERT_EQUAL(sc.enabled_at, NOW);
    CU_ASSERT_EQUAL(sc.enabled_recorded, 0); /* learnt live */
    CU_ASSERT_EQUAL_FATAL(scan_state_save_artifact(&src, &sc, &st, &err), OSP_OK);
    scan_state_cleanup(&st);
    scan_scope_cleanup(&sc);
    struct cache_entry *e = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(art_read(&ctx, path, &e, &n, &err), OSP_OK);
    int found = 0;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(e[i].service, SCAN_ENABLED_REGIONS_SERVICE)) {
            found = 1;
            CU_ASSERT_STRING_EQUAL(e[i].region, "global");
            CU_ASSERT_STRING_EQUAL(e[i].state_json, "{\"enabled\":[\"ap-south-1\",\"eu-west-1\",\"us-east-1\"]}");
        }
    CU_ASSERT(found);
    cache_entries_free(e, n);
    /* offline, later, from the same cache: the stored list and its time */
    ctx.fixed_now = NOW + 7200;
    struct scan_source off = offline();
    scope(&sc, regions, 1);
    CU_ASSERT_EQUAL_FATAL(load(&off, &sc, kms, 1, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(sc.nenabled, 3);
    CU_ASSERT_STRING_EQUAL(sc.enabled[0], "ap-south-1");
    CU_ASSERT_EQUAL(sc.enabled_at, NOW);
    CU_ASSERT_EQUAL(sc.enabled_recorded, 1);
    scan_state_cleanup(&st);
    scan_scope_cleanup(&sc);
    /* a fresh offline store from the artifact alone knows them too, and writes them back unchanged */
    cache_close(store);
    CU_ASSERT_EQUAL_FATAL(cache_open_memory(&ctx, &store, &err), OSP_OK);
    off = offline();
    off.store = store;
    off.artifact = path;
    scope(&sc, regions, 1);
    CU_ASSERT_EQUAL_FATAL(load(&off, &sc, kms, 1, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL(sc.nenabled, 3);
    CU_ASSERT_EQUAL(sc.enabled_at, NOW);
    CU_ASSERT_EQUAL_FATAL(scan_state_save_artifact(&off, &sc, &st, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(art_read(&ctx, path, &e, &n, &err), OSP_OK);
    CU_ASSERT_EQUAL(n, 2); /* kms/us-east-1 and the enabled regions */
    cache_entries_free(e, n);
    scan_state_cleanup(&st);
    scan_scope_cleanup(&sc);
    cache_close(store);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_fresh_cache_is_used_and_stale_entries_are_collected_again),
        OSP_TEST(test_update_cache_collects_and_a_cached_failure_is_retried_online),
        OSP_TEST(test_offline_all_regions_are_the_stored_ones),
        OSP_TEST(test_offline_region_not_stored_is_a_gap_and_missing_service_an_error),
        OSP_TEST(test_online_all_regions_come_from_connect),
        OSP_TEST(test_artifact_keeps_what_a_narrower_run_did_not_touch),
        OSP_TEST(test_enabled_regions_travel_with_the_state),
        {0},
    };
    return osp_test_run("source", tests);
}
