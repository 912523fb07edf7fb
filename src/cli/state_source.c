/* state_source.c: assemble a scan's state from the cache, the artifact and the collectors. */
#include "cli/state_source.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache/cache.h"
#include "cli/progress.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/timeutil.h"
#include "creds/creds.h"

#define STATE_SCHEMA_VERSION 1

struct job {
    const char *service;
    const char *region; /* "global" for global services */
    int have;           /* filled from the cache */
};

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
    const char *ci = osp_getenv(s->ctx, "CI");
    if (ci && (!strcmp(ci, "true") || !strcmp(ci, "1"))) {
        osp_debug(s->ctx, "CI=true and no --cache-dir: in-memory cache (carry state with --cache-artifact)");
        return cache_open_memory(s->ctx, store, err);
    }
    char *dir = NULL;
    enum osp_code rc = cache_default_dir(s->ctx, &dir, err);
    if (!rc && dir)
        rc = cache_open(s->ctx, dir, store, err);
    else if (!rc)
        rc = cache_open_memory(s->ctx, store, err);
    free(dir);
    return rc;
}

/* Offline runs may learn the account and regions from what is stored. */
static enum osp_code learn_from_entries(struct cli_session *s, const struct cache_entry *e, size_t n,
                                        struct osp_err *err)
{
    if (!s->account[0]) {
        for (size_t i = 0; i < n; i++) {
            if (s->account[0] && strcmp(s->account, e[i].account))
                return osp_err_set(err, OSP_EUSAGE, "the cache holds several accounts (%s, %s): pass --account",
                                   s->account, e[i].account);
            snprintf(s->account, sizeof(s->account), "%s", e[i].account);
            snprintf(s->partition, sizeof(s->partition), "%s", e[i].partition);
        }
    }
    if (s->nregions || s->opts->regions.n)
        return OSP_OK;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(e[i].account, s->account) || !strcmp(e[i].region, "global"))
            continue;
        int dup = 0;
        for (size_t k = 0; k < s->nregions; k++)
            dup |= !strcmp(s->regions[k], e[i].region);
        if (!dup && s->nregions < CLI_MAX_LIST && (s->regions[s->nregions] = strdup(e[i].region)))
            s->nregions++;
    }
    return OSP_OK;
}

/* Keep only the artifact entries that are newer than what the local cache already holds, so
 * restoring an old artifact never throws away fresher local state. Compacts e in place; the
 * entries' strings are borrowed (they stay owned by the artifact list). */
static enum osp_code drop_stale(struct cache_store *store, struct cache_entry *e, size_t *n, struct osp_err *err)
{
    struct cache_entry *have = NULL; /* every local key with its time, sorted; no state text */
    size_t nhave = 0, k = 0;
    enum osp_code rc = cache_list(store, &have, &nhave, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < *n; i++) {
        const struct cache_entry *local =
            nhave ? bsearch(&e[i], have, nhave, sizeof(*have), cache_entry_cmp) : NULL;
        if (!local || local->collected_at < e[i].collected_at)
            e[k++] = e[i];
    }
    *n = k;
    cache_entries_free(have, nhave);
    return OSP_OK;
}

/* The artifact key from --artifact-key, else OSPREY_ARTIFACT_KEY; *keyed = 0 without one. The
 * secret itself is never logged or quoted. */
static enum osp_code artifact_key(struct cli_session *s, struct art_key *k, int *keyed, struct osp_err *err)
{
    const char *flag = s->opts->artifact_key, *env = osp_getenv(s->ctx, "OSPREY_ARTIFACT_KEY");
    const char *secret = flag ? flag : env;
    *keyed = flag || (env && *env);
    if (*keyed && art_key_derive(secret, k, err)) {
        osp_err_prefix(err, flag ? "--artifact-key: " : "OSPREY_ARTIFACT_KEY: ");
        return err->code;
    }
    return OSP_OK;
}

static enum osp_code read_artifact(struct cli_session *s, const char *path, struct cli_state *st, struct osp_err *err)
{
    struct art_key key;
    int keyed = 0;
    struct art_meta meta;
    enum osp_code rc = artifact_key(s, &key, &keyed, err);
    if (!rc)
        rc = art_read_keyed(s->ctx, keyed ? &key : NULL, path, &st->art, &st->nart, &meta, err);
    if (keyed)
        art_key_cleanse(&key);
    if (!rc)
        st->art_trusted = meta.authenticated;
    return rc;
}

/* An untrusted artifact (no valid MAC) only serves offline runs, never an online scan's freshness,
 * and is never imported into a persistent cache (use_cache reads it from st->art instead). */
static const struct cache_entry *untrusted_entry(struct cli_session *s, const struct cli_state *st, const char *region,
                                                 const char *service)
{
    if (st->art_trusted || !s->opts->offline || !st->nart)
        return NULL;
    struct cache_entry k;
    memset(&k, 0, sizeof(k));
    if (cache_entry_set_key(&k, s->account, s->partition, region, service, &(struct osp_err){0}))
        return NULL;
    const struct cache_entry *e = bsearch(&k, st->art, st->nart, sizeof(k), cache_entry_cmp);
    return e && e->collected_at - osp_now(s->ctx) <= CACHE_MAX_FUTURE_SECS ? e : NULL;
}

static enum osp_code load_artifact(struct cli_session *s, struct cache_store *store, struct cli_state *st,
                                   struct osp_err *err)
{
    const char *path = s->opts->cache_artifact;
    if (!path || access(path, F_OK) != 0)
        return OSP_OK;
    enum osp_code rc = read_artifact(s, path, st, err);
    if (rc)
        return rc;
    osp_debug(s->ctx, "loaded %zu cache entries from artifact %s", st->nart, path);
    if (!st->art_trusted && !s->opts->offline) {
        osp_warn(s->ctx,
                 "cache artifact '%s' is unauthenticated (no --artifact-key): an online scan collects live "
                 "instead of trusting it",
                 path);
        return OSP_OK;
    }
    if (!st->art_trusted)
        osp_warn(s->ctx,
                 "cache artifact '%s' is unauthenticated (no --artifact-key): this offline scan reports "
                 "whatever the file says",
                 path);
    if (s->opts->offline)
        rc = learn_from_entries(s, st->art, st->nart, err);
    if (rc || (!st->art_trusted && s->opts->cache_dir))
        return rc;
    struct cache_entry *put = calloc(st->nart ? st->nart : 1, sizeof(*put));
    size_t n = st->nart;
    if (!rc && !put)
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    if (!rc) {
        memcpy(put, st->art, n * sizeof(*put)); /* shallow: the strings stay st->art's */
        rc = drop_stale(store, put, &n, err);
    }
    if (!rc)
        rc = cache_put(store, put, n, err);
    free(put);
    return rc;
}

static enum osp_code learn_offline(struct cli_session *s, struct cache_store *store, struct osp_err *err)
{
    if (s->account[0] && (s->nregions || s->opts->regions.n))
        return OSP_OK;
    struct cache_entry *e = NULL;
    size_t n = 0;
    enum osp_code rc = cache_list(store, &e, &n, err);
    if (!rc)
        rc = learn_from_entries(s, e, n, err);
    cache_entries_free(e, n);
    if (!rc && !s->account[0])
        rc = osp_err_set(err, OSP_EOFFLINE, "--offline: the cache is empty (give --cache-artifact or --cache-dir "
                                            "holding a previous scan)");
    const char *configured = s->chain ? cred_chain_region(s->chain) : NULL;
    if (!rc && !s->nregions && configured && (s->regions[0] = strdup(configured)))
        s->nregions = 1; /* the cache held only global services: the configured region frames them */
    if (!rc && !s->nregions)
        rc = osp_err_set(err, OSP_EOFFLINE, "--offline: no regions in the cache (pass --region)");
    return rc;
}

static enum osp_code build_jobs(struct cli_session *s, const char *const *services, size_t nservices,
                                struct job **out, size_t *n)
{
    size_t cap = nservices * (s->nregions + 1), k = 0;
    struct job *j = calloc(cap ? cap : 1, sizeof(*j));
    if (!j)
        return OSP_ENOMEM;
    for (size_t i = 0; i < nservices; i++) {
        const struct col_service *svc = col_find(services[i]);
        if (svc && svc->global) {
            j[k++] = (struct job){services[i], "global", 0};
            continue;
        }
        for (size_t r = 0; r < s->nregions; r++)
            j[k++] = (struct job){services[i], s->regions[r], 0};
    }
    *out = j;
    *n = k;
    return OSP_OK;
}

/* A cache entry back into a collection result. */
static enum osp_code entry_to_result(const struct cache_entry *e, struct col_result *r, struct osp_err *err)
{
    memset(r, 0, sizeof(*r));
    snprintf(r->service, sizeof(r->service), "%s", e->service);
    snprintf(r->region, sizeof(r->region), "%s", e->region);
    r->collected_at = e->collected_at;
    r->status = COL_OK;
    if (e->status_json) {
        json_t *st = json_loads(e->status_json, 0, NULL);
        const char *status = json_string_value(json_object_get(st, "status"));
        r->status = status && !strcmp(status, "skipped") ? COL_SKIPPED : COL_FAILED;
        snprintf(r->err_code, sizeof(r->err_code), "%s", json_string_value(json_object_get(st, "code")) ?: "");
        snprintf(r->err_message, sizeof(r->err_message), "%s",
                 json_string_value(json_object_get(st, "message")) ?: "");
        json_decref(st);
        return OSP_OK;
    }
    json_error_t jerr;
    r->state = json_loads(e->state_json, 0, &jerr);
    if (!r->state)
        return osp_err_set(err, OSP_ECACHE, "cached state of %s/%s is not valid JSON (%s); run 'osprey cache clean'",
                           e->service, e->region, jerr.text);
    return OSP_OK;
}

static enum osp_code result_to_entry(struct cli_session *s, const struct col_result *r, struct cache_entry *e,
                                     struct osp_err *err)
{
    memset(e, 0, sizeof(*e));
    enum osp_code rc = cache_entry_set_key(e, s->account, s->partition, r->region, r->service, err);
    if (rc)
        return rc;
    e->collected_at = r->collected_at;
    e->schema_version = STATE_SCHEMA_VERSION;
    snprintf(e->osprey_version, sizeof(e->osprey_version), "%s", OSPREY_VERSION);
    e->state_json = r->state ? json_dumps(r->state, JSON_COMPACT | JSON_SORT_KEYS) : strdup("{}");
    if (r->status != COL_OK) {
        json_t *st = json_pack("{s:s, s:s, s:s}", "status", col_status_name(r->status), "code", r->err_code,
                               "message", r->err_message);
        e->status_json = st ? json_dumps(st, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
        json_decref(st);
        if (!e->status_json)
            return osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    return e->state_json ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
}

static enum osp_code store_results(struct cli_session *s, struct cache_store *store, const struct col_result *r,
                                   size_t n, struct osp_err *err)
{
    struct cache_entry *e = calloc(n ? n : 1, sizeof(*e));
    enum osp_code rc = e ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
    size_t k = 0;
    for (; !rc && k < n; k++)
        rc = result_to_entry(s, &r[k], &e[k], err);
    if (!rc)
        rc = cache_put(store, e, k, err);
    cache_entries_free(e, k);
    return rc;
}

static enum osp_code missing_error(const struct job *j, size_t n, struct osp_err *err)
{
    struct osp_buf b;
    osp_buf_init(&b, 400);
    for (size_t i = 0; i < n; i++)
        if (!j[i].have && osp_buf_addf(&b, "%s%s (%s)", b.len ? ", " : "", j[i].service, j[i].region))
            break;
    osp_err_set(err, OSP_EOFFLINE,
                "--offline: no cached state for %s (scan these without --offline first, or use the artifact "
                "of a scan that covered them)",
                osp_buf_str(&b));
    osp_buf_cleanup(&b);
    return OSP_EOFFLINE;
}

static int list_has(const char *const *l, size_t n, const char *v)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(l[i], v))
            return 1;
    return 0;
}

/* Collect what the cache could not give, store it, and append it to st. */
static enum osp_code collect_missing(struct cli_session *s, struct cache_store *store, struct job *j, size_t nj,
                                     struct cli_state *st, struct osp_err *err)
{
    const char *svcs[64], *regs[CLI_MAX_LIST];
    size_t ns = 0, nr = 0;
    for (size_t i = 0; i < nj; i++) {
        if (j[i].have)
            continue;
        if (!list_has(svcs, ns, j[i].service) && ns < 64)
            svcs[ns++] = j[i].service;
        if (strcmp(j[i].region, "global") && !list_has(regs, nr, j[i].region))
            regs[nr++] = j[i].region;
    }
    if (!ns)
        return OSP_OK;
    if (!nr) /* only global services: any configured region signs them */
        regs[nr++] = s->regions[0];
    enum osp_code rc = s->creds_ready ? OSP_OK : cli_session_connect(s, 1, err);
    if (rc)
        return rc;
    struct cli_progress prog;
    cli_progress_init(&prog, s->ctx);
    struct col_result *r = NULL;
    size_t n = 0;
    rc = col_run(s->ctx, s->client, s->account, s->partition, regs, nr, svcs, ns, s->opts->concurrency,
                 cli_progress_collect, &prog, &r, &n, err);
    cli_progress_done(&prog);
    if (!rc)
        rc = store_results(s, store, r, n, err);
    for (size_t i = 0; !rc && i < n; i++) {
        int wanted = 0;
        for (size_t k = 0; k < nj; k++)
            wanted |= !j[k].have && !strcmp(j[k].service, r[i].service) && !strcmp(j[k].region, r[i].region);
        if (!wanted)
            continue;
        st->results[st->n] = r[i];
        st->from_cache[st->n++] = 0;
        memset(&r[i], 0, sizeof(r[i])); /* moved */
    }
    col_results_free(r, n);
    return rc;
}

static enum osp_code use_cache(struct cli_session *s, struct cache_store *store, struct job *j, size_t nj,
                               struct cli_state *st, struct osp_err *err)
{
    const struct cli_opts *o = s->opts;
    long long max_age = o->offline ? LLONG_MAX / 2 : o->max_cache_age;
    for (size_t i = 0; i < nj; i++) {
        if (o->update_cache && !o->offline)
            continue;
        struct cache_entry e;
        memset(&e, 0, sizeof(e));
        enum osp_code rc = cache_get(store, s->account, s->partition, j[i].region, j[i].service, max_age, &e, err);
        if (rc && rc != OSP_ENOTFOUND)
            return rc;
        const struct cache_entry *use = rc ? NULL : &e, *art = untrusted_entry(s, st, j[i].region, j[i].service);
        if (art && (!use || art->collected_at > use->collected_at))
            use = art;
        rc = OSP_OK;
        /* a cached failure is retried online, replayed offline (so reports stay identical) */
        if (use && (!use->status_json || o->offline)) {
            rc = entry_to_result(use, &st->results[st->n], err);
            if (!rc) {
                st->from_cache[st->n++] = 1;
                j[i].have = 1;
                char age[16];
                osp_format_age((long long)(osp_now(s->ctx) - use->collected_at), age, sizeof(age));
                osp_debug(s->ctx, "cache: %s %s from cache (%s old)", j[i].service, j[i].region, age);
            }
        }
        cache_entry_cleanup(&e);
        if (rc)
            return rc;
    }
    return OSP_OK;
}

static int cmp_result(const void *a, const void *b)
{
    const struct col_result *x = a, *y = b;
    int c = strcmp(x->region, y->region);
    return c ? c : strcmp(x->service, y->service);
}

enum osp_code cli_state_load(struct cli_session *s, const char *const *services, size_t nservices,
                             struct cli_state *st, struct osp_err *err)
{
    memset(st, 0, sizeof(*st));
    struct cache_store *store = NULL;
    struct job *j = NULL;
    size_t nj = 0;
    enum osp_code rc = open_store(s, &store, err);
    if (!rc)
        rc = load_artifact(s, store, st, err);
    if (!rc && s->opts->offline)
        rc = learn_offline(s, store, err);
    if (!rc && !s->account[0])
        rc = cli_session_connect(s, 1, err);
    if (!rc && build_jobs(s, services, nservices, &j, &nj))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    if (!rc) {
        st->results = calloc(nj + 1, sizeof(*st->results));
        st->from_cache = calloc(nj + 1, 1);
        if (!st->results || !st->from_cache)
            rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    if (!rc)
        rc = use_cache(s, store, j, nj, st, err);
    if (!rc && s->opts->offline && st->n < nj)
        rc = missing_error(j, nj, err);
    if (!rc)
        rc = collect_missing(s, store, j, nj, st, err);
    if (!rc) {
        qsort(st->results, st->n, sizeof(st->results[0]), cmp_result);
        for (size_t i = 0; i < st->n; i++)
            if (st->results[i].collected_at > st->collected_at)
                st->collected_at = st->results[i].collected_at;
    }
    free(j);
    cache_close(store);
    return rc;
}

static int same_key(const struct cache_entry *a, const struct cache_entry *b)
{
    return !strcmp(a->account, b->account) && !strcmp(a->partition, b->partition) && !strcmp(a->region, b->region) &&
           !strcmp(a->service, b->service);
}

/* The artifact's earlier entries that this run did not replace (deep copies appended to e). */
static enum osp_code keep_untouched(struct cli_session *s, const struct cli_state *st, struct cache_entry *e,
                                    size_t *k, time_t *created, struct osp_err *err)
{
    size_t ours = *k;
    for (size_t i = 0; i < st->nart; i++) {
        int replaced = 0;
        for (size_t j = 0; j < ours && !replaced; j++)
            replaced = same_key(&st->art[i], &e[j]);
        if (replaced)
            continue;
        if (!col_find(st->art[i].service)) { /* not a service this osprey knows: never carried forward */
            osp_debug(s->ctx, "artifact: dropping entry of unknown service '%s'", st->art[i].service);
            continue;
        }
        enum osp_code rc = cache_entry_copy(&e[*k], &st->art[i], err);
        if (rc)
            return rc;
        if (st->art[i].collected_at > *created)
            *created = st->art[i].collected_at;
        (*k)++;
    }
    return OSP_OK;
}

enum osp_code cli_state_save_artifact(struct cli_session *s, const struct cli_state *st, struct osp_err *err)
{
    if (!s->opts->cache_artifact)
        return OSP_OK;
    struct cache_entry *e = calloc(st->n + st->nart + 1, sizeof(*e));
    enum osp_code rc = e ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
    size_t k = 0;
    time_t created = st->collected_at; /* from the state, so the same state gives the same bytes */
    for (; !rc && k < st->n; k++)
        rc = result_to_entry(s, &st->results[k], &e[k], err);
    if (!rc)
        rc = keep_untouched(s, st, e, &k, &created, err);
    struct art_key key;
    int keyed = 0;
    if (!rc)
        rc = artifact_key(s, &key, &keyed, err);
    if (!rc)
        rc = art_write_keyed(s->ctx, keyed ? &key : NULL, s->opts->cache_artifact, e, k, created, err);
    if (keyed)
        art_key_cleanse(&key);
    cache_entries_free(e, k);
    return rc;
}

void cli_state_cleanup(struct cli_state *st)
{
    col_results_free(st->results, st->n);
    free(st->from_cache);
    cache_entries_free(st->art, st->nart);
    memset(st, 0, sizeof(*st));
}
