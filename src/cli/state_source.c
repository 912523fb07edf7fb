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
    enum osp_code rc = col_run_scoped(s->ctx, s->client, sc->account, sc->partition, regions, nregions,
                                      (const char *const *)sc->regions, sc->nregions, services, nservices,
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
        if (!rc && s->opts->compliance)
            rc = scan_state_follow_chain(&src, &s->scope, services, nservices, st, err);
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
