/* state_source.c: the cache store the flags ask for, and the session's hooks for scan/source.c. */
#include "cli/state_source.h"

#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "cli/progress.h"
#include "core/log.h"

/* Stateless under CI, and for offline replays of an artifact, unless --cache-dir; otherwise the
 * given or default directory. */
static enum osp_code open_store(struct cli_session *s, struct cache_store **store, struct osp_err *err)
{
    const struct cli_opts *o = s->opts;
    if (o->cache_dir)
        return cache_open(s->ctx, o->cache_dir, store, err);
    if (o->offline && o->cache_artifact) {
        osp_debug(s->ctx, "--offline with an artifact and no --cache-dir: in-memory cache");
        return cache_open_memory(s->ctx, store, err);
    }
    return cache_open_default(s->ctx, store, err);
}

static enum osp_code hook_connect(void *ud, struct scan_scope *sc, struct osp_err *err)
{
    struct cli_session *s = ud;
    (void)sc; /* the session's own scope */
    return s->creds_ready ? OSP_OK : cli_session_connect(s, 1, err);
}

static enum osp_code hook_collect(void *ud, const struct scan_scope *sc, const char *const *regions, size_t nregions,
                                  const char *const *services, size_t nservices, struct col_result **out, size_t *n,
                                  struct osp_err *err)
{
    struct cli_session *s = ud;
    struct cli_progress prog;
    cli_progress_init(&prog, s->ctx);
    enum osp_code rc = col_run(s->ctx, s->client, sc->account, sc->partition, regions, nregions, services, nservices,
                               s->opts->concurrency, cli_progress_collect, &prog, out, n, err);
    cli_progress_done(&prog);
    return rc;
}

/* The artifact key from --artifact-key, else OSPREY_ARTIFACT_KEY; *keyed = 0 without one. The
 * secret itself is never logged or quoted. */
static enum osp_code artifact_key(struct cli_session *s, struct art_key *k, int *keyed, struct osp_err *err)
{
    const char *flag = s->opts->artifact_key, *env = osp_getenv(s->ctx, "OSPREY_ARTIFACT_KEY");
    *keyed = flag || (env && *env);
    if (*keyed && art_key_derive(flag ? flag : env, k, err)) {
        osp_err_prefix(err, flag ? "--artifact-key: " : "OSPREY_ARTIFACT_KEY: ");
        return err->code;
    }
    return OSP_OK;
}

static struct scan_source source_of(struct cli_session *s, struct cache_store *store, const struct art_key *key)
{
    const struct cli_opts *o = s->opts;
    return (struct scan_source){
        .ctx = s->ctx,
        .store = store,
        .artifact = o->cache_artifact,
        .artifact_key = key,
        .persistent_store = o->cache_dir != NULL,
        .offline = o->offline,
        .update_cache = o->update_cache,
        .max_cache_age = o->max_cache_age,
        .connect = s->client ? hook_connect : NULL,
        .collect = s->client ? hook_collect : NULL,
        .ud = s,
    };
}

static int list_has(const char *const *v, size_t n, const char *x)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i], x))
            return 1;
    return 0;
}

/* --compliance: the CIS alarm chain starts at the CloudWatch log group of a multi-region trail,
 * wherever it is. Regions holding such a log group that were not asked for. */
static void chain_regions(struct cli_session *s, const struct scan_state *st)
{
    for (size_t i = 0; i < st->n; i++) {
        if (strcmp(st->results[i].service, "cloudtrail") || !st->results[i].state)
            continue;
        json_t *trails = json_object_get(st->results[i].state, "trails"), *t;
        size_t k;
        json_array_foreach(trails, k, t)
        {
            const char *arn = json_string_value(json_object_get(json_object_get(t, "cloudwatchlogsloggrouparn"), "value"));
            if (!json_is_true(json_object_get(json_object_get(t, "ismultiregion"), "value")) || !arn)
                continue;
            char region[32] = "";
            const char *p = arn;
            for (int colon = 0; *p && colon < 3; p++) /* arn:<p>:logs:<region>:... */
                colon += *p == ':';
            size_t len = strcspn(p, ":");
            if (!len || len >= sizeof(region))
                continue;
            memcpy(region, p, len);
            int known = list_has((const char *const *)s->scope.regions, s->scope.nregions, region) ||
                        list_has((const char *const *)s->chain_regions, s->nchain_regions, region);
            if (!known && s->nchain_regions < SCAN_MAX_REGIONS && (s->chain_regions[s->nchain_regions] = strdup(region)))
                s->nchain_regions++;
        }
    }
}

/* Read cloudtrail, cloudwatch and sns (those asked for) of the chain regions: cache, else AWS. */
static enum osp_code follow_chain(struct cli_session *s, const struct scan_source *src, const char *const *services,
                                  size_t nservices, struct scan_state *st, struct osp_err *err)
{
    static const char *const chain[] = {"cloudtrail", "cloudwatch", "sns"};
    if (!s->opts->compliance || !list_has(services, nservices, "cloudwatch"))
        return OSP_OK;
    size_t before = s->nchain_regions;
    chain_regions(s, st);
    if (s->nchain_regions == before)
        return OSP_OK;
    const char *svcs[3];
    size_t ns = 0;
    for (size_t k = 0; k < 3; k++)
        if (list_has(services, nservices, chain[k]))
            svcs[ns++] = chain[k];
    for (size_t i = before; i < s->nchain_regions; i++)
        osp_debug(s->ctx, "compliance: reading %s for the alarm chain of a trail whose log group is there",
                  s->chain_regions[i]);
    enum osp_code rc = scan_state_follow(src, &s->scope, (const char *const *)s->chain_regions + before,
                                         s->nchain_regions - before, svcs, ns, st, err);
    /* a chain region counts only with its trails and log groups read: else the alarm checks keep
     * their gap (NOT EVALUATED, naming the region) */
    size_t w = before;
    for (size_t i = before; i < s->nchain_regions; i++) {
        int ok = 0;
        for (size_t k = 0; k < st->n; k++)
            ok += st->results[k].status == COL_OK && st->results[k].state &&
                  !strcmp(st->results[k].region, s->chain_regions[i]) &&
                  (!strcmp(st->results[k].service, "cloudtrail") || !strcmp(st->results[k].service, "cloudwatch"));
        if (ok == 2)
            s->chain_regions[w++] = s->chain_regions[i];
        else
            free(s->chain_regions[i]);
    }
    s->nchain_regions = w;
    return rc;
}

enum osp_code cli_state_load(struct cli_session *s, const char *const *services, size_t nservices,
                             struct scan_state *st, struct osp_err *err)
{
    memset(st, 0, sizeof(*st));
    struct cache_store *store = NULL;
    struct art_key key;
    int keyed = 0;
    enum osp_code rc = artifact_key(s, &key, &keyed, err);
    if (!rc)
        rc = open_store(s, &store, err);
    if (!rc) {
        struct scan_source src = source_of(s, store, keyed ? &key : NULL);
        rc = scan_state_load(&src, &s->scope, services, nservices, st, err);
        if (!rc)
            rc = follow_chain(s, &src, services, nservices, st, err);
    }
    if (keyed)
        art_key_cleanse(&key);
    cache_close(store);
    return rc;
}

enum osp_code cli_state_save_artifact(struct cli_session *s, const struct scan_state *st, struct osp_err *err)
{
    struct art_key key;
    int keyed = 0;
    enum osp_code rc = artifact_key(s, &key, &keyed, err);
    if (!rc) {
        struct scan_source src = source_of(s, NULL, keyed ? &key : NULL);
        rc = scan_state_save_artifact(&src, &s->scope, st, err);
    }
    if (keyed)
        art_key_cleanse(&key);
    return rc;
}
