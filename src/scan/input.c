/* input.c: collected state (jansson) -> one rv input document per region, without JSON text
 * in between. Every value is hash-consed while it is converted: equal strings, and equal small
 * arrays and objects (the scalar wrappers {"value", "resource", "filepath", ...} of one
 * resource repeat), are stored once; a service's state is converted once and shared by the
 * documents of every region that holds it (global services are not copied per region). */
#include <stdlib.h>
#include <string.h>

#include "collect/collect.h"
#include "scan/locate.h"
#include "scan/scan.h"

#define META "__defsec_metadata"
#define LOC_MAX_DEPTH 64 /* as locate.c: nothing deeper is located */

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort(); /* out of memory: values have no error path (value.h) */
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

/* ---- converting and locating in one walk ----
 * The values scan_locate_copy() + convert() give, without the located jansson copy: the same
 * visit (sorted keys, pre-order numbering, a new numbering for each nested resource), each
 * metadata object converted with its fskey/startline/endline added as locate.c's mark() adds
 * them (replaced in place when present, else appended after its keys). */
struct loc {
    const char *resource; /* NULL: outside any resource */
    unsigned line;
    struct osp_buf *path, *scratch;
};

static int cmp_key(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static rv convert_loc(struct rv_share *t, const json_t *j, size_t depth, struct loc *L, int vdepth);

/* meta (a metadata object) converted with its marks. */
static rv marked(struct rv_share *t, const json_t *meta, const char *fskey, unsigned line, size_t depth)
{
    rv o = rv_obj_with_cap(json_object_size(meta) + 3);
    const char *k;
    json_t *x;
    json_object_foreach((json_t *)meta, k, x) rv_obj_set(&o, rv_share(t, rv_str_new(k)), convert(t, x, depth + 1));
    rv_obj_set(&o, rv_share(t, rv_str_new("fskey")), rv_share(t, rv_str_new(fskey)));
    rv_obj_set(&o, rv_share(t, rv_str_new("startline")), rv_num_int(line));
    rv_obj_set(&o, rv_share(t, rv_str_new("endline")), rv_num_int(line));
    return rv_share(t, o);
}

/* x under path + "/name" (an object member) or path + "[name]" (an array element); path restored. */
static rv loc_child(struct rv_share *t, const json_t *x, size_t depth, struct loc *L, int vdepth, int element,
                    const char *name)
{
    size_t len = L->path->len;
    int rc = element ? osp_buf_addf(L->path, "[%s]", name) : osp_buf_addf(L->path, "%s%s", len ? "/" : "", name);
    rv v = rc ? convert(t, x, depth) /* no memory for the path: as locate.c, nothing below is marked */
              : convert_loc(t, x, depth, L, vdepth);
    L->path->len = len;
    if (L->path->data)
        L->path->data[len] = '\0';
    return v;
}

static rv object_loc(struct rv_share *t, const json_t *j, size_t depth, struct loc *L, int vdepth,
                     const json_t *meta, const char *fskey, unsigned line)
{
    size_t n = json_object_size(j), k = 0;
    const char **keys = n ? malloc(n * sizeof(*keys)) : NULL;
    rv *vals = n ? calloc(n, sizeof(rv)) : NULL;
    if (n && (!keys || !vals))
        abort(); /* values have no error path (value.h) */
    const char *key;
    json_t *x;
    json_object_foreach((json_t *)j, key, x) keys[k++] = key;
    int wrapped = scan_locate_is_wrapped(j);
    const char **sorted = n ? malloc(n * sizeof(*sorted)) : NULL;
    if (n && !sorted)
        abort();
    memcpy(sorted, keys, n * sizeof(*keys));
    qsort(sorted, n, sizeof(*sorted), cmp_key);
    /* children in sorted order (their numbering), stored at their place in j's key order */
    for (size_t s = 0; s < n; s++) {
        size_t i = 0;
        while (keys[i] != sorted[s])
            i++;
        x = json_object_get(j, keys[i]);
        if (meta && fskey && x == meta)
            vals[i] = marked(t, meta, fskey, line, depth + 1);
        else if (wrapped || !strcmp(keys[i], META))
            vals[i] = convert(t, x, depth + 1);
        else
            vals[i] = loc_child(t, x, depth + 1, L, vdepth + 1, 0, keys[i]);
    }
    free(sorted);
    rv o = rv_obj_with_cap(n + (meta == j && fskey ? 3 : 0));
    for (size_t i = 0; i < n; i++)
        rv_obj_set(&o, rv_share(t, rv_str_new(keys[i])), vals[i]);
    if (meta == j && fskey) { /* a wrapped scalar is its own metadata object */
        rv_obj_set(&o, rv_share(t, rv_str_new("fskey")), rv_share(t, rv_str_new(fskey)));
        rv_obj_set(&o, rv_share(t, rv_str_new("startline")), rv_num_int(line));
        rv_obj_set(&o, rv_share(t, rv_str_new("endline")), rv_num_int(line));
    }
    free(keys);
    free(vals);
    return rv_share(t, o);
}

static rv array_loc(struct rv_share *t, const json_t *j, size_t depth, struct loc *L, int vdepth)
{
    size_t n = json_array_size(j);
    rv a = rv_arr_with_cap(n);
    size_t dup_cap = L->resource ? n : 0;
    char(*ids)[12] = dup_cap ? calloc(dup_cap, sizeof(*ids)) : NULL;
    if (dup_cap && !ids)
        abort();
    for (size_t i = 0; i < n; i++) {
        const json_t *x = json_array_get(j, i);
        if (!L->resource) { /* a list of resources: each starts its own paths */
            rv_arr_push(&a, convert_loc(t, x, depth + 1, L, vdepth + 1));
            continue;
        }
        char id[9];
        scan_locate_content_id(x, L->scratch, id);
        size_t dup = 1;
        for (size_t k = 0; k < i; k++)
            dup += !strncmp(ids[k], id, 8);
        snprintf(ids[i], sizeof(ids[i]), dup > 1 ? "%.8s#%zu" : "%.8s", id, dup);
        rv_arr_push(&a, loc_child(t, x, depth + 1, L, vdepth + 1, 1, ids[i]));
    }
    free(ids);
    return rv_share(t, a);
}

static rv convert_loc(struct rv_share *t, const json_t *j, size_t depth, struct loc *L, int vdepth)
{
    if (vdepth > LOC_MAX_DEPTH || depth > 512 || (!json_is_object(j) && !json_is_array(j)))
        return convert(t, j, depth);
    if (json_is_array(j))
        return array_loc(t, j, depth, L, vdepth);
    const json_t *meta = json_object_get(j, META);
    if (!json_is_object(meta))
        meta = scan_locate_is_wrapped(j) ? j : NULL;
    const char *res = meta ? json_string_value(json_object_get(meta, "resource")) : NULL;
    if (meta && res && *res && (!L->resource || strcmp(res, L->resource))) {
        struct osp_buf p;
        osp_buf_init(&p, 0);
        struct loc sub = {res, 1, &p, L->scratch};
        rv v = object_loc(t, j, depth, &sub, vdepth, meta, "", 1);
        osp_buf_cleanup(&p);
        return v;
    }
    if (meta && L->resource) {
        unsigned line = ++L->line;
        char *fskey = strdup(osp_buf_str(L->path));
        if (!fskey)
            abort();
        rv v = object_loc(t, j, depth, L, vdepth, meta, fskey, line);
        free(fskey);
        return v;
    }
    return object_loc(t, j, depth, L, vdepth, NULL, NULL, 0);
}

static rv convert_located(struct rv_share *t, const json_t *j)
{
    struct osp_buf path, scratch;
    osp_buf_init(&path, 0);
    osp_buf_init(&scratch, 0);
    struct loc none = {NULL, 0, &path, &scratch};
    rv v = convert_loc(t, j, 0, &none, 0);
    osp_buf_cleanup(&path);
    osp_buf_cleanup(&scratch);
    return v;
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
        if (r[i].state) {
            state[i] = locate ? convert_located(t, r[i].state) : convert(t, r[i].state, 0);
            if (locate && r[i].text) { /* its stored text stands for it from now on (write-back) */
                json_decref(r[i].state);
                r[i].state = NULL;
            }
        } else if (texts && texts[i]) {
            struct rv_json_limits lim = {1000, 0, t};
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
