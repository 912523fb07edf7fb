/* input.c: collected state (jansson) -> one rv input document per region, without JSON text
 * in between. Every value is hash-consed while it is converted: equal strings, and equal small
 * arrays and objects (the scalar wrappers {"value", "resource", "filepath", ...} of one
 * resource repeat), are stored once; a service's state is converted once and shared by the
 * documents of every region that holds it (global services are not copied per region). */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "collect/collect.h"
#include "scan/scan.h"

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

enum osp_code scan_build_inputs(const struct col_result *r, const char *const *texts, size_t n,
                                const char *const *regions, size_t nregions, rv *docs, struct osp_err *err)
{
    struct rv_share *t = rv_share_new();
    rv *state = xcalloc(n, sizeof(rv));
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        if (r[i].status != COL_OK)
            continue;
        if (r[i].state) {
            state[i] = convert(t, r[i].state, 0);
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
