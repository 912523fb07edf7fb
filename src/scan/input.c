/* input.c: collected state (jansson) -> one rv input document per region, without JSON text
 * in between. Every value is hash-consed while it is converted: equal strings, and equal small
 * arrays and objects (the scalar wrappers {"value", "resource", "filepath", ...} of one
 * resource repeat), are stored once; a service's state is converted once and shared by the
 * documents of every region that holds it (global services are not copied per region). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "collect/collect.h"
#include "core/hash.h"
#include "scan/scan.h"

#define META "__defsec_metadata"
#define LOC_MAX_DEPTH 64 /* as locate.c: nothing deeper is located */

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        osp_oom(); /* out of memory: values have no error path (value.h) */
    return p;
}

/* A real keeps the spelling jansson writes for it, as when the state went through text. */
static rv real_value(const json_t *j)
{
    char *s = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
    rv v = s ? rv_num_parse(s, strlen(s)) : rv_undef();
    free(s);
    return rv_is_undef(v) ? rv_num_double(json_real_value(j)) : v;
}

static rv convert(struct rv_share *t, const json_t *j, size_t depth)
{
    if (depth > 512)
        return rv_null(); /* the collectors never nest this deep */
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        rv o = rv_obj_with_cap(json_object_size(j));
        const char *k;
        json_t *x;
        json_object_foreach((json_t *)j, k, x) {
            rv key = rv_share(t, rv_str_new(k));
            rv_obj_set(&o, key, convert(t, x, depth + 1));
        }
        return rv_share(t, o);
    }
    case JSON_ARRAY: {
        rv a = rv_arr_with_cap(json_array_size(j));
        for (size_t i = 0; i < json_array_size(j); i++)
            rv_arr_push(&a, convert(t, json_array_get(j, i), depth + 1));
        return rv_share(t, a);
    }
    case JSON_STRING:
        return rv_share(t, rv_str_newn(json_string_value(j), json_string_length(j)));
    case JSON_INTEGER:
        return rv_num_int((int64_t)json_integer_value(j));
    case JSON_REAL:
        return real_value(j);
    case JSON_TRUE:
        return rv_bool(true);
    case JSON_FALSE:
        return rv_bool(false);
    default:
        return rv_null();
    }
}

/* ---- locating ----
 * The values scan_locate_copy() + convert() give, without a located jansson copy: one walk over
 * the service's engine values (parsed from its stored text, or converted from the collected
 * jansson values) in the same visit order (sorted keys, pre-order numbering, a new numbering
 * for each nested resource), each metadata object rebuilt with its fskey/startline/endline set
 * as locate.c's mark() sets them. Parts without metadata below them are shared, not copied. */
struct walk {
    struct rv_share *t;
    int text; /* values parsed from stored text: numbers get the spelling jansson gives them */
    int bad;  /* a number jansson refuses (integer beyond 64 bits, real overflow) */
    rv fskey, startline, endline; /* the mark keys, made once */
};

struct loc {
    const char *resource; /* NULL: outside any resource */
    unsigned line;
    struct osp_buf *path, *scratch;
};

static int is_key(rv k, const char *s)
{
    return rv_kind(k) == RV_STRING && !strcmp(rv_str(k), s);
}

/* A wrapped scalar is its own metadata object (scan_locate_is_wrapped on engine values). */
static int is_wrapped(rv v)
{
    return rv_kind(v) == RV_OBJECT && !rv_is_undef(rv_obj_get_s(v, "value")) &&
           !rv_is_undef(rv_obj_get_s(v, "startline"));
}

static int same(rv a, rv b)
{
    return a.kind == b.kind && a.sub == b.sub && a.u.i == b.u.i;
}

/* A number read from text, as text -> jansson -> convert() gives it: integers within 64 bits
 * (inline already), reals in jansson's spelling; anything else jansson refuses (w->bad). */
static rv respell(struct walk *w, rv n)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    const char *lit = rv_num_format(n, &b) ? "" : osp_buf_str(&b);
    double d = strtod(lit, NULL);
    rv v = rv_undef();
    json_t *j = strpbrk(lit, ".eE") && isfinite(d) ? json_real(d) : NULL;
    if (j)
        v = real_value(j);
    else
        w->bad = 1;
    json_decref(j);
    osp_buf_cleanup(&b);
    return rv_is_undef(v) ? rv_null() : v;
}

/* v (borrowed) as convert() gives it at this depth: new reference, shared when unchanged. */
static rv plain(struct walk *w, rv v, size_t depth)
{
    if (depth > 512)
        return rv_null(); /* as convert() */
    if (!w->text)
        return rv_ref(v); /* converted from jansson already */
    enum rv_kind k = rv_kind(v);
    if (k == RV_NUMBER)
        return v.sub == RV_NUM_SMALL ? v : respell(w, v);
    if (k != RV_ARRAY && k != RV_OBJECT)
        return rv_ref(v);
    size_t n = rv_len(v), i;
    rv y = rv_undef();
    for (i = 0; i < n; i++) { /* the first member that changes, if any */
        y = plain(w, k == RV_ARRAY ? rv_arr_at(v, i) : rv_obj_val_at(v, i), depth + 1);
        if (!same(y, k == RV_ARRAY ? rv_arr_at(v, i) : rv_obj_val_at(v, i)))
            break;
        rv_unref(y);
    }
    if (i == n)
        return rv_ref(v);
    rv out = k == RV_ARRAY ? rv_arr_with_cap(n) : rv_obj_with_cap(n);
    for (size_t m = 0; m < n; m++) {
        rv x = m < i ? rv_ref(k == RV_ARRAY ? rv_arr_at(v, m) : rv_obj_val_at(v, m))
               : m == i ? y
                        : plain(w, k == RV_ARRAY ? rv_arr_at(v, m) : rv_obj_val_at(v, m), depth + 1);
        if (k == RV_ARRAY)
            rv_arr_push(&out, x);
        else
            rv_obj_append_sorted(&out, rv_ref(rv_obj_key_at(v, m)), x);
    }
    return rv_share(w->t, out);
}

/* v's content without metadata in locate.c's encoding (the same bytes as for its jansson value). */
static int encode(rv v, struct osp_buf *b, int depth)
{
    if (is_wrapped(v))
        return encode(rv_obj_get_s(v, "value"), b, depth + 1);
    if (depth > LOC_MAX_DEPTH)
        return osp_buf_adds(b, "~");
    switch (rv_kind(v)) {
    case RV_OBJECT: {
        int rc = osp_buf_adds(b, "{");
        for (size_t i = 0; !rc && i < rv_len(v); i++) { /* rv key order is strcmp order */
            rv k = rv_obj_key_at(v, i);
            if (!is_key(k, META))
                rc = osp_buf_addf(b, "%zu:%s", rv_str_len(k), rv_str(k)) || encode(rv_obj_val_at(v, i), b, depth + 1);
        }
        return rc || osp_buf_adds(b, "}");
    }
    case RV_ARRAY: {
        int rc = osp_buf_adds(b, "[");
        for (size_t i = 0; !rc && i < rv_len(v); i++)
            rc = encode(rv_arr_at(v, i), b, depth + 1);
        return rc || osp_buf_adds(b, "]");
    }
    case RV_STRING:
        return osp_buf_addf(b, "s%zu:", rv_str_len(v)) || osp_buf_add(b, rv_str(v), rv_str_len(v));
    case RV_NUMBER:
        if (v.sub == RV_NUM_SMALL)
            return osp_buf_addf(b, "i%lld;", (long long)v.u.i);
        return osp_buf_addf(b, "r%.17g;", rv_num_to_double(v));
    case RV_BOOL:
        return osp_buf_adds(b, rv_is_true(v) ? "t" : "f");
    default:
        return osp_buf_adds(b, "n");
    }
}

static void content_id(rv v, struct osp_buf *scratch, char out[9])
{
    char hex[65];
    scratch->len = 0;
    int rc = encode(v, scratch, 0);
    osp_sha256_hex(rc ? "" : osp_buf_str(scratch), rc ? 0 : scratch->len, hex);
    memcpy(out, hex, 8);
    out[8] = '\0';
}

static rv walk(struct walk *w, rv v, size_t depth, struct loc *L, int vdepth);

static void mark(struct walk *w, rv *o, const char *fskey, unsigned line)
{
    rv_obj_set(o, rv_ref(w->fskey), rv_share(w->t, rv_str_new(fskey)));
    rv_obj_set(o, rv_ref(w->startline), rv_num_int(line));
    rv_obj_set(o, rv_ref(w->endline), rv_num_int(line));
}

/* meta (a metadata object) with its marks. */
static rv marked(struct walk *w, rv meta, const char *fskey, unsigned line, size_t depth)
{
    if (depth > 512)
        return rv_null();
    rv o = rv_obj_with_cap(rv_len(meta) + 3);
    for (size_t i = 0; i < rv_len(meta); i++)
        rv_obj_append_sorted(&o, rv_ref(rv_obj_key_at(meta, i)), plain(w, rv_obj_val_at(meta, i), depth + 1));
    mark(w, &o, fskey, line);
    return o; /* marked: equal to no other value */
}

/* x under path + "/name" (an object member) or path + "[name]" (an array element); path restored. */
static rv child(struct walk *w, rv x, size_t depth, struct loc *L, int vdepth, int element, const char *name)
{
    size_t len = L->path->len;
    int rc = element ? osp_buf_addf(L->path, "[%s]", name) : osp_buf_addf(L->path, "%s%s", len ? "/" : "", name);
    rv v = rc ? plain(w, x, depth) /* no memory for the path: as locate.c, nothing below is marked */
              : walk(w, x, depth, L, vdepth);
    L->path->len = len;
    if (L->path->data)
        L->path->data[len] = '\0';
    return v;
}

enum meta_at { META_NONE, META_CHILD, META_SELF };

/* j rebuilt with its located members; j itself (shared) when nothing below it changed. */
static rv object_walk(struct walk *w, rv j, size_t depth, struct loc *L, int vdepth, enum meta_at at, int wrapped,
                      const char *fskey, unsigned line)
{
    size_t n = rv_len(j), i;
    rv o = rv_undef(), y = rv_undef();
    for (i = 0; i < n; i++) { /* key order: the numbering's order */
        rv k = rv_obj_key_at(j, i), x = rv_obj_val_at(j, i);
        int is_meta = is_key(k, META);
        if (at == META_CHILD && is_meta)
            y = marked(w, x, fskey, line, depth + 1);
        else if (wrapped || is_meta)
            y = plain(w, x, depth + 1);
        else
            y = child(w, x, depth + 1, L, vdepth + 1, 0, rv_str(k));
        if (rv_is_undef(o) && !same(x, y)) { /* the first change: copy what came before */
            o = rv_obj_with_cap(n + (at == META_SELF ? 3 : 0));
            for (size_t m = 0; m < i; m++)
                rv_obj_append_sorted(&o, rv_ref(rv_obj_key_at(j, m)), rv_ref(rv_obj_val_at(j, m)));
        }
        if (rv_is_undef(o))
            rv_unref(y);
        else
            rv_obj_append_sorted(&o, rv_ref(k), y);
    }
    if (at == META_SELF) { /* a wrapped scalar is its own metadata object */
        if (rv_is_undef(o)) {
            o = rv_obj_with_cap(n + 3);
            for (size_t m = 0; m < n; m++)
                rv_obj_append_sorted(&o, rv_ref(rv_obj_key_at(j, m)), rv_ref(rv_obj_val_at(j, m)));
        }
        mark(w, &o, fskey, line);
    }
    return rv_is_undef(o) ? rv_ref(j) : o;
}

static rv array_walk(struct walk *w, rv j, size_t depth, struct loc *L, int vdepth)
{
    size_t n = rv_len(j);
    rv a = rv_arr_with_cap(n);
    size_t dup_cap = L->resource ? n : 0;
    char(*ids)[12] = dup_cap ? calloc(dup_cap, sizeof(*ids)) : NULL;
    if (dup_cap && !ids)
        osp_oom();
    for (size_t i = 0; i < n; i++) {
        rv x = rv_arr_at(j, i);
        if (!L->resource) { /* a list of resources: each starts its own paths */
            rv_arr_push(&a, walk(w, x, depth + 1, L, vdepth + 1));
            continue;
        }
        char id[9];
        content_id(x, L->scratch, id);
        size_t dup = 1;
        for (size_t k = 0; k < i; k++)
            dup += !strncmp(ids[k], id, 8);
        snprintf(ids[i], sizeof(ids[i]), dup > 1 ? "%.8s#%zu" : "%.8s", id, dup);
        rv_arr_push(&a, child(w, x, depth + 1, L, vdepth + 1, 1, ids[i]));
    }
    free(ids);
    return a;
}

static rv walk(struct walk *w, rv v, size_t depth, struct loc *L, int vdepth)
{
    enum rv_kind k = rv_kind(v);
    if (vdepth > LOC_MAX_DEPTH || depth > 512 || (k != RV_OBJECT && k != RV_ARRAY))
        return plain(w, v, depth);
    if (k == RV_ARRAY)
        return array_walk(w, v, depth, L, vdepth);
    rv meta = rv_undef();
    int has_value = 0, has_startline = 0;
    for (size_t i = 0; i < rv_len(v); i++) { /* one pass: the metadata, and whether v is a wrapped scalar */
        rv key = rv_obj_key_at(v, i);
        const char *ks = rv_kind(key) == RV_STRING ? rv_str(key) : "";
        if (!strcmp(ks, META))
            meta = rv_obj_val_at(v, i);
        has_value |= !strcmp(ks, "value");
        has_startline |= !strcmp(ks, "startline");
    }
    int wrapped = has_value && has_startline;
    enum meta_at at = rv_kind(meta) == RV_OBJECT ? META_CHILD : wrapped ? META_SELF : META_NONE;
    if (at == META_SELF)
        meta = v;
    rv res = at == META_NONE ? rv_undef() : rv_obj_get_s(meta, "resource");
    const char *r = rv_kind(res) == RV_STRING ? rv_str(res) : NULL;
    if (r && *r && (!L->resource || strcmp(r, L->resource))) {
        struct osp_buf p;
        osp_buf_init(&p, 0);
        struct loc sub = {r, 1, &p, L->scratch};
        rv out = object_walk(w, v, depth, &sub, vdepth, at, wrapped, "", 1);
        osp_buf_cleanup(&p);
        return out;
    }
    if (at != META_NONE && L->resource) {
        unsigned line = ++L->line;
        char *fskey = strdup(osp_buf_str(L->path));
        if (!fskey)
            osp_oom();
        rv out = object_walk(w, v, depth, L, vdepth, at, wrapped, fskey, line);
        free(fskey);
        return out;
    }
    return object_walk(w, v, depth, L, vdepth, META_NONE, wrapped, NULL, 0);
}

static rv locate(struct walk *w, rv v)
{
    w->fskey = rv_share(w->t, rv_str_new("fskey"));
    w->startline = rv_share(w->t, rv_str_new("startline"));
    w->endline = rv_share(w->t, rv_str_new("endline"));
    struct osp_buf path, scratch;
    osp_buf_init(&path, 0);
    osp_buf_init(&scratch, 0);
    struct loc none = {NULL, 0, &path, &scratch};
    rv out = walk(w, v, 0, &none, 0);
    osp_buf_cleanup(&path);
    osp_buf_cleanup(&scratch);
    rv_unref(w->fskey);
    rv_unref(w->startline);
    rv_unref(w->endline);
    return out;
}

#define STATS_KEY "__osprey_collection" /* the collection counts stored with a state (source.c) */

/* One service's located values from its stored text; undefined when the text is not what the
 * engine's reader and jansson read alike (the caller then goes through jansson, as before). */
static rv located_from_text(struct rv_share *t, const char *text)
{
    if (strstr(text, "\\u0000")) /* jansson refuses NUL in strings */
        return rv_undef();
    struct rv_json_limits lim = {2048, 0, t, true}; /* jansson's nesting limit; objects are rebuilt by the walk */
    struct osp_err e;
    osp_err_init(&e);
    rv v;
    if (rv_json_parse(text, strlen(text), &lim, &v, &e) != OSP_OK)
        return rv_undef();
    rv stats = rv_str_new(STATS_KEY);
    rv_obj_del(&v, stats); /* not state: the run's counts */
    rv_unref(stats);
    struct walk w = {t, 1, 0, {0}, {0}, {0}};
    rv out = locate(&w, v);
    rv_unref(v);
    if (w.bad) {
        rv_unref(out);
        return rv_undef();
    }
    return out;
}

/* One service's located values: from its stored text when it has no parsed state, else from
 * its jansson state (a cached text jansson parses only after the engine's reader refused it:
 * the same values, or jansson's error). */
static enum osp_code located_state(struct col_result *r, rv *out, struct osp_err *err)
{
    struct rv_share *t = rv_share_new(); /* per service: the parse's values are freed with it */
    *out = r->state ? rv_undef() : located_from_text(t, r->text);
    if (rv_is_undef(*out)) {
        json_t *j = r->state;
        json_error_t jerr;
        if (!j && !(j = json_loads(r->text, 0, &jerr))) {
            rv_share_free(t);
            return osp_err_set(err, OSP_ECACHE, "cached state of %s/%s is not valid JSON (%s); run 'osprey cache clean'",
                               r->service, r->region, jerr.text);
        }
        if (j != r->state)
            json_object_del(j, STATS_KEY);
        rv v = convert(t, j, 0);
        struct walk w = {t, 0, 0, {0}, {0}, {0}};
        *out = locate(&w, v);
        rv_unref(v);
        if (j != r->state)
            json_decref(j);
    }
    rv_share_free(t);
    if (r->state && r->text) { /* its stored text stands for it from now on (write-back) */
        json_decref(r->state);
        r->state = NULL;
    }
    return OSP_OK;
}

static enum osp_code build_inputs(struct col_result *r, const char *const *texts, size_t n, int locate,
                                  const char *const *regions, size_t nregions, rv *docs, struct osp_err *err)
{
    struct rv_share *t = rv_share_new();
    rv *state = xcalloc(n, sizeof(rv));
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        if (r[i].status != COL_OK)
            continue;
        if (locate && (r[i].state || r[i].text)) {
            rc = located_state(&r[i], &state[i], err);
        } else if (r[i].state) {
            state[i] = convert(t, r[i].state, 0);
        } else if (texts && texts[i]) {
            struct rv_json_limits lim = {1000, 0, t, false};
            struct osp_err e2;
            osp_err_init(&e2);
            if (rv_json_parse(texts[i], strlen(texts[i]), &lim, &state[i], &e2))
                rc = osp_err_set(err, OSP_ECACHE, "cached state of %s/%s is not valid JSON (%s); run 'osprey cache clean'",
                                 r[i].service, r[i].region, e2.msg);
        }
    }
    rv_share_free(t);
    for (size_t g = 0; g < nregions; g++) {
        docs[g] = rv_undef();
        if (rc)
            continue;
        rv aws = rv_obj_new();
        for (size_t i = 0; i < n; i++) {
            if (rv_is_undef(state[i]))
                continue;
            if (strcmp(r[i].region, "global") != 0 && (!regions[g] || strcmp(r[i].region, regions[g]) != 0))
                continue;
            rv_obj_set(&aws, rv_str_new(r[i].service), rv_ref(state[i]));
        }
        docs[g] = rv_obj_new();
        rv_obj_set(&docs[g], rv_str_new("aws"), aws);
    }
    for (size_t i = 0; i < n; i++)
        rv_unref(state[i]);
    free(state);
    return rc;
}

enum osp_code scan_build_inputs(const struct col_result *r, const char *const *texts, size_t n,
                                const char *const *regions, size_t nregions, rv *docs, struct osp_err *err)
{
    return build_inputs((struct col_result *)r, texts, n, 0, regions, nregions, docs, err); /* not changed */
}

enum osp_code scan_build_located_inputs(struct col_result *r, size_t n, const char *const *regions,
                                        size_t nregions, rv *docs, struct osp_err *err)
{
    return build_inputs(r, NULL, n, 1, regions, nregions, docs, err);
}
