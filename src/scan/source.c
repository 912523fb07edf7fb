/* source.c: assemble a scan's state from the cache, the artifact and the collectors (source.h). */
#include "scan/source.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/log.h"
#include "core/timeutil.h"

#define STATE_SCHEMA_VERSION 1

struct job {
    const char *service;
    const char *region; /* "global" for global services */
    int have;           /* filled from the cache */
};

static int list_has(const char *const *l, size_t n, const char *v)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(l[i], v))
            return 1;
    return 0;
}

enum osp_code scan_scope_add_region(struct scan_scope *sc, const char *r, struct osp_err *err)
{
    if (list_has((const char *const *)sc->regions, sc->nregions, r))
        return OSP_OK;
    if (sc->nregions >= SCAN_MAX_REGIONS)
        return osp_err_set(err, OSP_EUSAGE, "too many regions (at most %d)", SCAN_MAX_REGIONS);
    if (!(sc->regions[sc->nregions] = strdup(r)))
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    sc->nregions++;
    return OSP_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

enum osp_code scan_scope_all_regions(struct aws_client *client, const char *via, struct scan_scope *sc,
                                     struct osp_err *err)
{
    struct aws_call c = AWS_CALL_EC2(via, "DescribeRegions");
    struct aws_response r;
    scan_scope_forget_enabled(sc); /* learnt again: what the cache said is replaced */
    enum osp_code rc = aws_call(client, &c, &r, err);
    if (rc == OSP_OK) {
        json_t *items = aws_get(r.body, "DescribeRegionsResponse.regionInfo"), *it;
        size_t i;
        AWS_ITEMS(items, i, it)
        {
            const char *name = aws_get_str(it, "regionName");
            if (name && sc->nenabled < SCAN_MAX_REGIONS && !(sc->enabled[sc->nenabled++] = strdup(name)))
                rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
            if (!rc && name && sc->all_regions && (rc = scan_scope_add_region(sc, name, err)))
                break;
        }
        if (!rc && !sc->nenabled)
            rc = osp_err_set(err, OSP_EAWS, "DescribeRegions returned no regions");
    } else {
        osp_err_prefix(err, sc->regions_given || !sc->all_regions
                                ? "listing the enabled regions: "
                                : "--region all (--compliance without --region scans every enabled region): ");
    }
    aws_response_cleanup(&r);
    aws_call_cleanup(&c);
    qsort(sc->regions, sc->nregions, sizeof(sc->regions[0]), cmp_str);
    qsort(sc->enabled, sc->nenabled, sizeof(sc->enabled[0]), cmp_str);
    return rc;
}

void scan_scope_forget_enabled(struct scan_scope *sc)
{
    for (size_t i = 0; i < sc->nenabled; i++)
        free(sc->enabled[i]);
    sc->nenabled = 0;
    sc->enabled_at = 0;
    sc->enabled_recorded = 0;
}

void scan_scope_cleanup(struct scan_scope *sc)
{
    for (size_t i = 0; i < sc->nregions; i++)
        free(sc->regions[i]);
    sc->nregions = 0;
    scan_scope_forget_enabled(sc);
    for (size_t i = 0; i < sc->nchain; i++)
        free(sc->chain[i]);
    sc->nchain = 0;
}

/* Offline runs may learn the account from what is stored; a given --account (with no region to
 * name the partition) learns its partition from its own entries. */
static enum osp_code learn_account(struct scan_scope *sc, const struct cache_entry *e, size_t n, struct osp_err *err)
{
    if (sc->account[0]) {
        for (size_t i = 0; i < n && !sc->partition[0]; i++)
            if (!strcmp(sc->account, e[i].account))
                snprintf(sc->partition, sizeof(sc->partition), "%s", e[i].partition);
        return OSP_OK;
    }
    for (size_t i = 0; i < n; i++) {
        if (sc->account[0] && strcmp(sc->account, e[i].account))
            return osp_err_set(err, OSP_EUSAGE, "the cache holds several accounts (%s, %s): pass --account",
                               sc->account, e[i].account);
        snprintf(sc->account, sizeof(sc->account), "%s", e[i].account);
        snprintf(sc->partition, sizeof(sc->partition), "%s", e[i].partition);
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

/* Offline, the artifact's entries are read where they are (never copied into the store) when
 * they would not be trusted into a persistent store, or the store is the run's own in-memory one:
 * the store would only hold copies of them (128 MB of text at 100k resources, twice over). */
static int art_in_place(const struct scan_source *src, const struct scan_state *st)
{
    return src->offline && st->nart && (!src->persistent_store || !st->art_trusted);
}

static enum osp_code load_artifact(const struct scan_source *src, struct scan_scope *sc, struct scan_state *st,
                                   struct osp_err *err)
{
    const char *path = src->artifact;
    if (path && src->offline && access(path, F_OK) != 0) /* online, a first run has none yet */
        osp_warn(src->ctx, "--offline: cache artifact '%s' does not exist; only the cache directory is read", path);
    if (!path || access(path, F_OK) != 0)
        return OSP_OK;
    struct art_meta meta;
    enum osp_code rc = art_read_keyed(src->ctx, src->artifact_key, path, &st->art, &st->nart, &meta, err);
    if (rc)
        return rc;
    st->art_trusted = meta.authenticated;
    st->art_created = meta.created;
    osp_debug(src->ctx, "loaded %zu cache entries from artifact %s", st->nart, path);
    /* without a valid MAC: never an online scan's freshness, never into a persistent cache */
    if (!st->art_trusted && !src->offline) {
        osp_warn(src->ctx,
                 "cache artifact '%s' is unauthenticated (no --artifact-key): an online scan collects live "
                 "instead of trusting it",
                 path);
        return OSP_OK;
    }
    if (!st->art_trusted)
        osp_warn(src->ctx,
                 "cache artifact '%s' is unauthenticated (no --artifact-key): this offline scan reports "
                 "whatever the file says",
                 path);
    if (src->offline)
        rc = learn_account(sc, st->art, st->nart, err);
    if (rc || art_in_place(src, st))
        return rc;
    struct cache_entry *put = calloc(st->nart ? st->nart : 1, sizeof(*put));
    size_t n = st->nart;
    if (!rc && !put)
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    if (!rc) {
        memcpy(put, st->art, n * sizeof(*put)); /* shallow: the strings stay st->art's */
        rc = drop_stale(src->store, put, &n, err);
    }
    if (!rc)
        rc = cache_put(src->store, put, n, err);
    free(put);
    return rc;
}

static int stored_in(const struct cache_entry *e, size_t n, const char *account, const char *region)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(e[i].account, account) && !strcmp(e[i].region, region))
            return 1;
    return 0;
}

/* Offline: the account and regions come from the store when not given. --region all means
 * every region stored for the account; a region asked for that holds nothing is a gap (when
 * some regional service is asked for and other regions hold regional state; a store of global
 * services only lacks services, which stays an error naming them). */
static enum osp_code learn_offline(const struct scan_source *src, struct scan_scope *sc, int any_regional,
                                   struct scan_state *st, struct osp_err *err)
{
    struct cache_entry *e = NULL;
    size_t n = 0;
    int own = !(art_in_place(src, st) && !src->persistent_store); /* else the artifact is all there is */
    enum osp_code rc = own ? cache_list(src->store, &e, &n, err) : OSP_OK;
    if (!own) {
        e = st->art;
        n = st->nart;
    }
    if (!rc)
        rc = learn_account(sc, e, n, err);
    if (!rc && !sc->account[0])
        rc = osp_err_set(err, OSP_EOFFLINE, "--offline: the cache is empty (give --cache-artifact or --cache-dir "
                                            "holding a previous scan)");
    int account_stored = 0;
    for (size_t i = 0; i < n && !account_stored; i++)
        account_stored = !strcmp(e[i].account, sc->account);
    if (!rc && n && !account_stored)
        rc = osp_err_set(err, OSP_EOFFLINE, "--offline: the cache holds no state for account %s (it holds %s)",
                         sc->account, e[0].account);
    int regional_stored = 0; /* an artifact of global services only lacks services, not regions */
    for (size_t i = 0; i < n; i++)
        regional_stored |= !strcmp(e[i].account, sc->account) && strcmp(e[i].region, "global");
    int requested = (sc->regions_given || sc->all_regions) && any_regional && regional_stored;
    if (!rc && (sc->all_regions || !sc->nregions)) {
        for (size_t i = 0; !rc && i < n; i++)
            if (!strcmp(e[i].account, sc->account) && strcmp(e[i].region, "global"))
                rc = scan_scope_add_region(sc, e[i].region, err);
        qsort(sc->regions, sc->nregions, sizeof(sc->regions[0]), cmp_str);
    }
    /* requested regions with nothing stored: gaps (the first one still frames the global
     * services when no requested region is stored) */
    size_t k = 0;
    for (size_t i = 0; !rc && requested && i < sc->nregions; i++) {
        if (stored_in(e, n, sc->account, sc->regions[i])) {
            sc->regions[k++] = sc->regions[i];
            continue;
        }
        if (st->nmissing < SCAN_MAX_REGIONS && !(st->missing_regions[st->nmissing++] = strdup(sc->regions[i])))
            rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
        if (!k && i + 1 == sc->nregions)
            sc->regions[k++] = sc->regions[i]; /* nothing requested is stored: it frames global state */
        else
            free(sc->regions[i]);
    }
    if (requested && !rc)
        sc->nregions = k;
    if (own)
        cache_entries_free(e, n);
    if (!rc && !sc->nregions && sc->configured_region)
        rc = scan_scope_add_region(sc, sc->configured_region, err); /* the cache held only global services */
    if (!rc && !sc->nregions)
        rc = osp_err_set(err, OSP_EOFFLINE, "--offline: no regions in the cache (pass --region)");
    return rc;
}

static int is_missing(const struct scan_state *st, const char *region)
{
    return list_has((const char *const *)st->missing_regions, st->nmissing, region);
}

static enum osp_code build_jobs(const struct scan_scope *sc, const struct scan_state *st, const char *const *services,
                                size_t nservices, struct job **out, size_t *n)
{
    size_t cap = nservices * (sc->nregions + 1), k = 0;
    struct job *j = calloc(cap ? cap : 1, sizeof(*j));
    if (!j)
        return OSP_ENOMEM;
    for (size_t i = 0; i < nservices; i++) {
        const struct col_service *svc = col_find(services[i]);
        if (svc && svc->global) {
            j[k++] = (struct job){services[i], "global", 0};
            continue;
        }
        for (size_t r = 0; r < sc->nregions; r++)
            if (!is_missing(st, sc->regions[r]))
                j[k++] = (struct job){services[i], sc->regions[r], 0};
    }
    *out = j;
    *n = k;
    return OSP_OK;
}

/* The collecting run's call counts travel with the stored state text, under a key the engine
 * never sees (taken out when the state is read back), so an offline replay reports them too. */
#define STATS_KEY "__osprey_collection"

static void stats_from(struct col_result *r, const json_t *s)
{
    json_t *c = json_object_get(s, "calls"), *t = json_object_get(s, "throttles");
    r->calls = json_is_integer(c) && json_integer_value(c) > 0 ? (unsigned long)json_integer_value(c) : 0;
    r->throttles = json_is_integer(t) && json_integer_value(t) > 0 ? (unsigned long)json_integer_value(t) : 0;
}

static void stats_take(struct col_result *r, json_t *state)
{
    stats_from(r, json_object_get(state, STATS_KEY));
    json_object_del(state, STATS_KEY);
}

/* The counts of a text state_text() wrote (sorted keys: STATS_KEY before every collection
 * name), read without parsing the rest: the engine reads the state from the text itself
 * (scan_build_located_inputs). 0 when the text does not start with them. */
static int stats_peek(struct col_result *r, const char *text)
{
    static const char head[] = "{\"" STATS_KEY "\":";
    if (strncmp(text, head, sizeof(head) - 1))
        return 0;
    json_t *s = json_loads(text + sizeof(head) - 1, JSON_DISABLE_EOF_CHECK, NULL);
    int ok = json_is_object(s);
    if (ok)
        stats_from(r, s);
    json_decref(s);
    return ok;
}

static char *state_text(const struct col_result *r)
{
    if (!r->state && r->text && r->status == COL_OK)
        return strdup(r->text); /* read back from storage, not parsed */
    json_t *state = r->state ? r->state : json_object(); /* a failed service: only the counts */
    if (!r->calls || !json_is_object(state)) {
        char *text = r->state ? json_dumps(state, JSON_COMPACT | JSON_SORT_KEYS) : strdup("{}");
        if (!r->state)
            json_decref(state);
        return text;
    }
    json_t *s = json_pack("{s:I, s:I}", "calls", (json_int_t)r->calls, "throttles", (json_int_t)r->throttles);
    char *text = s && !json_object_set_new(state, STATS_KEY, s) ? json_dumps(state, JSON_COMPACT | JSON_SORT_KEYS)
                                                                  : NULL;
    json_object_del(state, STATS_KEY);
    if (!r->state)
        json_decref(state);
    return text;
}

/* A cache entry back into a collection result. Its text is kept for an artifact write-back:
 * taken from *own (a cache entry the caller drops) or borrowed from e (the artifact's). */
static enum osp_code entry_to_result(const struct cache_entry *e, struct cache_entry *own, struct col_result *r,
                                     struct osp_err *err)
{
    memset(r, 0, sizeof(*r));
    if (own) {
        r->text = own->state_json;
        own->state_json = NULL;
    } else {
        r->text = e->state_json;
        r->text_borrowed = 1;
    }
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
        json_t *counts = json_loads(r->text ? r->text : "{}", 0, NULL);
        stats_take(r, counts);
        json_decref(counts);
        return OSP_OK;
    }
    if (r->text && stats_peek(r, r->text))
        return OSP_OK; /* parsed when the checks need it (or by scan_state_parse) */
    json_error_t jerr;
    r->state = r->text ? json_loads(r->text, 0, &jerr) : NULL;
    if (!r->state) {
        if (!r->text)
            snprintf(jerr.text, sizeof(jerr.text), "no state");
        else if (!r->text_borrowed)
            free(r->text);
        r->text = NULL;
        return osp_err_set(err, OSP_ECACHE, "cached state of %s/%s is not valid JSON (%s); run 'osprey cache clean'",
                           e->service, e->region, jerr.text);
    }
    stats_take(r, r->state);
    return OSP_OK;
}

/* borrow: e->state_json may be r->text itself (the caller detaches it before freeing e). */
static enum osp_code result_to_entry(const struct scan_scope *sc, const struct col_result *r, struct cache_entry *e,
                                     int borrow, struct osp_err *err)
{
    memset(e, 0, sizeof(*e));
    enum osp_code rc = cache_entry_set_key(e, sc->account, sc->partition, r->region, r->service, err);
    if (rc)
        return rc;
    e->collected_at = r->collected_at;
    e->schema_version = STATE_SCHEMA_VERSION;
    snprintf(e->osprey_version, sizeof(e->osprey_version), "%s", OSPREY_VERSION);
    e->state_json = borrow && r->text ? r->text : state_text(r);
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

static enum osp_code store_results(const struct scan_source *src, const struct scan_scope *sc,
                                   const struct col_result *r, size_t n, struct osp_err *err)
{
    struct cache_entry *e = calloc(n ? n : 1, sizeof(*e));
    enum osp_code rc = e ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
    size_t k = 0;
    for (; !rc && k < n; k++)
        rc = result_to_entry(sc, &r[k], &e[k], 0, err);
    if (!rc)
        rc = cache_put(src->store, e, k, err);
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

static enum osp_code connect(const struct scan_source *src, struct scan_scope *sc, struct osp_err *err)
{
    if (!src->connect)
        return osp_err_set(err, OSP_EOFFLINE, "cannot reach AWS in --offline mode");
    return src->connect(src->ud, sc, err);
}

/* Collect what the cache could not give, store it, and append it to st. */
static enum osp_code collect_missing(const struct scan_source *src, struct scan_scope *sc, struct job *j, size_t nj,
                                     struct scan_state *st, struct osp_err *err)
{
    const char *svcs[64], *regs[SCAN_MAX_REGIONS];
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
        regs[nr++] = sc->regions[0];
    enum osp_code rc = connect(src, sc, err);
    if (rc)
        return rc;
    if (!src->collect)
        return osp_err_set(err, OSP_EINTERNAL, "no collector to run");
    struct col_result *r = NULL;
    size_t n = 0;
    rc = src->collect(src->ud, sc, regs, nr, svcs, ns, &r, &n, err);
    if (!rc)
        rc = store_results(src, sc, r, n, err);
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

/* Whether e is the artifact's entry (restored into the store, or read in place): same key, same time. */
static int from_artifact(const struct scan_state *st, const struct cache_entry *e)
{
    const struct cache_entry *a = st->nart ? bsearch(e, st->art, st->nart, sizeof(*e), cache_entry_cmp) : NULL;
    return a && a->collected_at == e->collected_at;
}

/* The artifact's entry for a key when it is read in place (art_in_place), else NULL. */
static const struct cache_entry *in_place_entry(const struct scan_source *src, const struct scan_scope *sc,
                                                 const struct scan_state *st, const char *region, const char *service)
{
    if (!art_in_place(src, st))
        return NULL;
    struct cache_entry k;
    memset(&k, 0, sizeof(k));
    if (cache_entry_set_key(&k, sc->account, sc->partition, region, service, &(struct osp_err){0}))
        return NULL;
    const struct cache_entry *e = bsearch(&k, st->art, st->nart, sizeof(k), cache_entry_cmp);
    return e && e->collected_at - osp_now(src->ctx) <= CACHE_MAX_FUTURE_SECS ? e : NULL;
}

static enum osp_code use_cache(const struct scan_source *src, const struct scan_scope *sc, struct job *j, size_t nj,
                               struct scan_state *st, struct osp_err *err)
{
    long long max_age = src->offline ? LLONG_MAX / 2 : src->max_cache_age;
    for (size_t i = 0; i < nj; i++) {
        if (src->update_cache && !src->offline)
            continue;
        struct cache_entry e;
        memset(&e, 0, sizeof(e));
        enum osp_code rc = cache_get(src->store, sc->account, sc->partition, j[i].region, j[i].service, max_age, &e, err);
        if (rc && rc != OSP_ENOTFOUND)
            return rc;
        const struct cache_entry *use = rc ? NULL : &e,
                                 *art = in_place_entry(src, sc, st, j[i].region, j[i].service);
        if (art && (!use || art->collected_at > use->collected_at))
            use = art;
        rc = OSP_OK;
        /* a cached failure is retried online, replayed offline (so reports stay identical) */
        if (use && (!use->status_json || src->offline)) {
            rc = entry_to_result(use, use == &e ? &e : NULL, &st->results[st->n], err);
            if (!rc) {
                st->from_cache[st->n++] = from_artifact(st, use) ? SCAN_FROM_ARTIFACT : SCAN_FROM_CACHE;
                j[i].have = 1;
                char age[16];
                osp_format_age((long long)(osp_now(src->ctx) - use->collected_at), age, sizeof(age));
                const struct col_result *c = &st->results[st->n - 1];
                osp_debug(src->ctx, "cache: %s %s from cache (%s old; collected with %lu calls, %lu throttled)",
                          j[i].service, j[i].region, age, c->calls, c->throttles);
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

/* Results in (region, service) order; collected_at the newest among them. */
static void sort_results(struct scan_state *st)
{
    qsort(st->results, st->n, sizeof(st->results[0]), cmp_result);
    for (size_t i = 0; i < st->n; i++)
        if (st->results[i].collected_at > st->collected_at)
            st->collected_at = st->results[i].collected_at;
}

/* The enabled regions as a cache entry: (account, partition, "global", SCAN_ENABLED_REGIONS_SERVICE). */
static enum osp_code enabled_entry(const struct scan_scope *sc, struct cache_entry *e, struct osp_err *err)
{
    memset(e, 0, sizeof(*e));
    enum osp_code rc = cache_entry_set_key(e, sc->account, sc->partition, "global", SCAN_ENABLED_REGIONS_SERVICE, err);
    if (rc)
        return rc;
    json_t *list = json_array();
    for (size_t i = 0; list && i < sc->nenabled; i++)
        if (json_array_append_new(list, json_string(sc->enabled[i])))
            break;
    json_t *doc = list && json_array_size(list) == sc->nenabled ? json_pack("{s:O}", "enabled", list) : NULL;
    e->state_json = doc ? json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(doc);
    json_decref(list);
    e->collected_at = sc->enabled_at;
    e->schema_version = STATE_SCHEMA_VERSION;
    snprintf(e->osprey_version, sizeof(e->osprey_version), "%s", OSPREY_VERSION);
    return e->state_json ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
}

static int region_name_ok(const char *r)
{
    size_t n = strlen(r);
    return n && n < 32 && strspn(r, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* sc->enabled from a stored entry; anything but a list of region names is ignored (not known). */
static void enabled_from_entry(const struct scan_source *src, struct scan_scope *sc, const struct cache_entry *e)
{
    json_t *doc = e->status_json ? NULL : json_loads(e->state_json, 0, NULL), *v;
    json_t *list = json_object_get(doc, "enabled");
    size_t i;
    int ok = json_array_size(list) > 0 && json_array_size(list) <= SCAN_MAX_REGIONS;
    json_array_foreach(list, i, v) ok = ok && json_is_string(v) && region_name_ok(json_string_value(v));
    json_array_foreach(list, i, v) {
        if (!ok)
            break;
        if (list_has((const char *const *)sc->enabled, sc->nenabled, json_string_value(v)))
            continue;
        if (!(sc->enabled[sc->nenabled] = strdup(json_string_value(v))))
            ok = 0;
        else
            sc->nenabled++;
    }
    json_decref(doc);
    if (!ok) {
        osp_warn(src->ctx, "the enabled regions stored for account %s are not a list of region names: ignored",
                 sc->account);
        scan_scope_forget_enabled(sc);
        return;
    }
    qsort(sc->enabled, sc->nenabled, sizeof(sc->enabled[0]), cmp_str);
    sc->enabled_at = e->collected_at;
    sc->enabled_recorded = 1;
}

/* Regions learnt from AWS this run are stored; otherwise the stored ones are used (any age
 * offline, within --max-cache-age online). */
static enum osp_code enabled_regions(const struct scan_source *src, struct scan_scope *sc, const struct scan_state *st,
                                     struct osp_err *err)
{
    if (!sc->account[0] || (sc->nenabled && sc->enabled_at))
        return OSP_OK;
    struct cache_entry e;
    enum osp_code rc;
    if (sc->nenabled) {
        qsort(sc->enabled, sc->nenabled, sizeof(sc->enabled[0]), cmp_str); /* the same list, the same entry */
        sc->enabled_at = osp_now(src->ctx);
        rc = enabled_entry(sc, &e, err);
        if (!rc)
            rc = cache_put(src->store, &e, 1, err);
        cache_entry_cleanup(&e);
        return rc;
    }
    if (src->update_cache && !src->offline)
        return OSP_OK;
    memset(&e, 0, sizeof(e));
    long long max_age = src->offline ? LLONG_MAX / 2 : src->max_cache_age;
    rc = cache_get(src->store, sc->account, sc->partition, "global", SCAN_ENABLED_REGIONS_SERVICE, max_age, &e, err);
    if (rc && rc != OSP_ENOTFOUND)
        return rc;
    const struct cache_entry *use = rc ? NULL : &e,
                             *art = in_place_entry(src, sc, st, "global", SCAN_ENABLED_REGIONS_SERVICE);
    if (art && (!use || art->collected_at > use->collected_at))
        use = art;
    if (use)
        enabled_from_entry(src, sc, use);
    cache_entry_cleanup(&e);
    return OSP_OK;
}

enum osp_code scan_state_load(const struct scan_source *src, struct scan_scope *sc, const char *const *services,
                              size_t nservices, struct scan_state *st, struct osp_err *err)
{
    memset(st, 0, sizeof(*st));
    struct job *j = NULL;
    size_t nj = 0;
    enum osp_code rc = load_artifact(src, sc, st, err);
    int any_regional = 0;
    for (size_t i = 0; i < nservices; i++) {
        const struct col_service *svc = col_find(services[i]);
        any_regional |= svc && !svc->global;
    }
    if (!rc && src->offline)
        rc = learn_offline(src, sc, any_regional, st, err);
    if (!rc && (!sc->account[0] || (!src->offline && sc->all_regions)))
        rc = connect(src, sc, err); /* the account, and --region all, before the jobs are known */
    if (!rc && !sc->nregions)
        rc = osp_err_set(err, OSP_EUSAGE, "no region to scan");
    if (!rc && build_jobs(sc, st, services, nservices, &j, &nj))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    if (!rc) {
        st->results = calloc(nj + 1, sizeof(*st->results));
        st->from_cache = calloc(nj + 1, 1);
        if (!st->results || !st->from_cache)
            rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    if (!rc)
        rc = use_cache(src, sc, j, nj, st, err);
    if (!rc && src->offline && st->n < nj)
        rc = missing_error(j, nj, err);
    if (!rc)
        rc = collect_missing(src, sc, j, nj, st, err);
    if (!rc)
        rc = enabled_regions(src, sc, st, err);
    if (!rc)
        sort_results(st);
    free(j);
    return rc;
}

/* Add services x regions to st (cache first, then AWS unless offline; the rest is absent). */
static enum osp_code follow(const struct scan_source *src, struct scan_scope *sc, const char *const *regions,
                            size_t nregions, const char *const *services, size_t nservices, struct scan_state *st,
                            struct osp_err *err)
{
    size_t nj = 0, cap = nregions * nservices;
    if (!cap)
        return OSP_OK;
    struct job *j = calloc(cap, sizeof(*j));
    struct col_result *r = realloc(st->results, (st->n + cap + 1) * sizeof(*r));
    if (r)
        st->results = r;
    unsigned char *fc = r ? realloc(st->from_cache, st->n + cap + 1) : NULL;
    if (fc)
        st->from_cache = fc;
    if (!j || !r || !fc) {
        free(j);
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < nregions; i++)
        for (size_t k = 0; k < nservices; k++)
            j[nj++] = (struct job){services[k], regions[i], 0};
    enum osp_code rc = use_cache(src, sc, j, nj, st, err);
    if (!rc && !src->offline)
        rc = collect_missing(src, sc, j, nj, st, err);
    if (!rc)
        sort_results(st);
    free(j);
    return rc;
}

/* Regions outside the scope holding the log group of a multi-region trail: appended to sc->chain. */
static void find_chain_regions(struct scan_scope *sc, const struct scan_state *st)
{
    for (size_t i = 0; i < st->n; i++) {
        const struct col_result *r = &st->results[i];
        json_t *own = r->state || !r->text ? NULL : json_loads(r->text, 0, NULL); /* not parsed yet */
        json_t *state = r->state ? r->state : own;
        if (strcmp(r->service, "cloudtrail") || !state) {
            json_decref(own);
            continue;
        }
        json_t *trails = json_object_get(state, "trails"), *t;
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
            int known = list_has((const char *const *)sc->regions, sc->nregions, region) ||
                        list_has((const char *const *)sc->chain, sc->nchain, region);
            if (!known && sc->nchain < SCAN_MAX_REGIONS && (sc->chain[sc->nchain] = strdup(region)))
                sc->nchain++;
        }
        json_decref(own);
    }
}

enum osp_code scan_state_follow_chain(const struct scan_source *src, struct scan_scope *sc,
                                      const char *const *services, size_t nservices, struct scan_state *st,
                                      struct osp_err *err)
{
    static const char *const chain[] = {"cloudtrail", "cloudwatch", "sns"};
    if (!list_has(services, nservices, "cloudwatch"))
        return OSP_OK;
    size_t before = sc->nchain;
    find_chain_regions(sc, st);
    if (sc->nchain == before)
        return OSP_OK;
    const char *svcs[3];
    size_t ns = 0;
    for (size_t k = 0; k < 3; k++)
        if (list_has(services, nservices, chain[k]))
            svcs[ns++] = chain[k];
    for (size_t i = before; i < sc->nchain; i++)
        osp_debug(src->ctx, "compliance: reading %s for the alarm chain of a trail whose log group is there",
                  sc->chain[i]);
    enum osp_code rc = follow(src, sc, (const char *const *)sc->chain + before, sc->nchain - before, svcs, ns, st, err);
    /* a chain region counts only with its trails and log groups read: else the alarm checks keep
     * their gap (NOT EVALUATED, naming the region) */
    size_t w = before;
    for (size_t i = before; i < sc->nchain; i++) {
        int ok = 0;
        for (size_t k = 0; k < st->n; k++)
            ok += st->results[k].status == COL_OK && (st->results[k].state || st->results[k].text) &&
                  !strcmp(st->results[k].region, sc->chain[i]) &&
                  (!strcmp(st->results[k].service, "cloudtrail") || !strcmp(st->results[k].service, "cloudwatch"));
        if (ok == 2)
            sc->chain[w++] = sc->chain[i];
        else
            free(sc->chain[i]);
    }
    sc->nchain = w;
    return rc ? rc : enabled_regions(src, sc, st, err); /* a chain collection may have connected */
}

static int same_key(const struct cache_entry *a, const struct cache_entry *b)
{
    return !strcmp(a->account, b->account) && !strcmp(a->partition, b->partition) && !strcmp(a->region, b->region) &&
           !strcmp(a->service, b->service);
}

/* The artifact's earlier entries that this run did not replace (deep copies appended to e). */
static enum osp_code keep_untouched(const struct scan_state *st, struct cache_entry *e, size_t *k, time_t *created,
                                    struct osp_err *err)
{
    size_t ours = *k;
    for (size_t i = 0; i < st->nart; i++) {
        int replaced = 0;
        for (size_t j = 0; j < ours && !replaced; j++)
            replaced = same_key(&st->art[i], &e[j]);
        /* unknown services are never carried forward; the enabled regions are not a service */
        if (replaced || (!col_find(st->art[i].service) && strcmp(st->art[i].service, SCAN_ENABLED_REGIONS_SERVICE)))
            continue;
        enum osp_code rc = cache_entry_copy(&e[*k], &st->art[i], err);
        if (rc)
            return rc;
        if (st->art[i].collected_at > *created)
            *created = st->art[i].collected_at;
        (*k)++;
    }
    return OSP_OK;
}

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* The entries to write are the artifact's own, as read (an offline replay): writing would give
 * the same file (a keyed one with a new nonce), so it is left as it is. */
static int unchanged(const struct scan_state *st, const struct cache_entry *e, size_t k, time_t created)
{
    if (!st->nart || k != st->nart || created != st->art_created)
        return 0;
    unsigned char *seen = calloc(k, 1);
    int same = seen != NULL;
    for (size_t i = 0; same && i < k; i++) {
        const struct cache_entry *a = bsearch(&e[i], st->art, st->nart, sizeof(e[i]), cache_entry_cmp);
        size_t at = a ? (size_t)(a - st->art) : 0;
        same = a && !seen[at] && a->collected_at == e[i].collected_at && a->schema_version == e[i].schema_version &&
               !strcmp(a->osprey_version, e[i].osprey_version) && same_text(a->state_json, e[i].state_json) &&
               same_text(a->status_json, e[i].status_json);
        if (same)
            seen[at] = 1;
    }
    free(seen);
    return same;
}

enum osp_code scan_state_save_artifact(const struct scan_source *src, const struct scan_scope *sc,
                                       const struct scan_state *st, struct osp_err *err)
{
    if (!src->artifact)
        return OSP_OK;
    struct cache_entry *e = calloc(st->n + st->nart + 2, sizeof(*e));
    enum osp_code rc = e ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
    size_t k = 0;
    time_t created = st->collected_at; /* from the state, so the same state gives the same bytes */
    for (; !rc && k < st->n; k++) /* state read back from storage: its stored text, not printed again */
        rc = result_to_entry(sc, &st->results[k], &e[k], 1, err);
    size_t ours = k;
    if (!rc && sc->nenabled && sc->enabled_at && sc->account[0]) {
        rc = enabled_entry(sc, &e[k], err);
        if (sc->enabled_at > created)
            created = sc->enabled_at;
        k += !rc;
    }
    if (!rc)
        rc = keep_untouched(st, e, &k, &created, err);
    if (!rc && unchanged(st, e, k, created))
        osp_debug(src->ctx, "cache: artifact %s unchanged (%zu entries): not rewritten", src->artifact, k);
    else if (!rc)
        rc = art_write_keyed(src->ctx, src->artifact_key, src->artifact, e, k, created, err);
    for (size_t i = 0; i < ours && i < st->n; i++)
        if (e[i].state_json == st->results[i].text)
            e[i].state_json = NULL; /* borrowed */
    cache_entries_free(e, k);
    return rc;
}

enum osp_code scan_state_parse(struct scan_state *st, struct osp_err *err)
{
    for (size_t i = 0; i < st->n; i++) {
        struct col_result *r = &st->results[i];
        if (r->state || !r->text || r->status != COL_OK)
            continue;
        json_error_t jerr;
        if (!(r->state = json_loads(r->text, 0, &jerr)))
            return osp_err_set(err, OSP_ECACHE, "cached state of %s/%s is not valid JSON (%s); run 'osprey cache clean'",
                               r->service, r->region, jerr.text);
        json_object_del(r->state, STATS_KEY);
    }
    return OSP_OK;
}

void scan_state_cleanup(struct scan_state *st)
{
    col_results_free(st->results, st->n);
    free(st->from_cache);
    cache_entries_free(st->art, st->nart);
    for (size_t i = 0; i < st->nmissing; i++)
        free(st->missing_regions[i]);
    memset(st, 0, sizeof(*st));
}
