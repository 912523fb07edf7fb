/* bi_objects.c: object.get/keys/remove/filter/union/union_n/subset and json.filter/json.remove. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

#define MAX_DEPTH 512

/* ---- object.* ---- */

static rv get_path(rv v, rv path)
{
    for (size_t i = 0; i < rv_len(path); i++) {
        rv seg = rv_arr_at(path, i);
        if (rv_kind(v) == RV_OBJECT)
            v = rv_obj_get(v, seg);
        else if (rv_kind(v) == RV_ARRAY || rv_kind(v) == RV_SET)
            v = rv_get(v, seg);
        else
            return rv_undef();
        if (rv_is_undef(v))
            return v;
    }
    return v;
}

BI(object_get)
{
    BI_WANT(0, RV_OBJECT);
    rv v = rv_kind(a[1]) == RV_ARRAY ? get_path(a[0], a[1]) : rv_obj_get(a[0], a[1]);
    return bi_ok(out, rv_ref(rv_is_undef(v) ? a[2] : v));
}

BI(object_keys)
{
    BI_WANT(0, RV_OBJECT);
    rv s = rv_set_new();
    for (size_t i = 0; i < rv_len(a[0]); i++)
        rv_set_add(&s, rv_ref(rv_obj_key_at(a[0], i)));
    return bi_ok(out, s);
}

/* Whether key k is named by the keys operand (object keys, set or array members). */
static bool names_key(rv keys, rv k)
{
    switch (rv_kind(keys)) {
    case RV_OBJECT:
        return !rv_is_undef(rv_obj_get(keys, k));
    case RV_SET:
        return rv_set_has(keys, k);
    default:
        for (size_t i = 0; i < rv_len(keys); i++)
            if (rv_equal(rv_arr_at(keys, i), k))
                return true;
        return false;
    }
}

static enum rego_bi_status keep_keys(struct rego_bctx *bc, const rv *a, rv *out, bool keep)
{
    BI_WANT(0, RV_OBJECT);
    enum rv_kind k = rv_kind(a[1]);
    if (k != RV_OBJECT && k != RV_SET && k != RV_ARRAY)
        return bi_want_one_of(bc, a, 1, "object, set, array");
    rv r = rv_obj_new();
    for (size_t i = 0; i < rv_len(a[0]); i++) {
        rv key = rv_obj_key_at(a[0], i);
        if (names_key(a[1], key) == keep)
            rv_obj_set(&r, rv_ref(key), rv_ref(rv_obj_val_at(a[0], i)));
    }
    return bi_ok(out, r);
}

BI(object_filter)
{
    return keep_keys(bc, a, out, true);
}

BI(object_remove)
{
    return keep_keys(bc, a, out, false);
}

/* Deep merge: b's values win, objects on both sides merge recursively. Borrows; returns new. */
static rv merge(rv x, rv y, int depth)
{
    if (rv_kind(x) != RV_OBJECT || rv_kind(y) != RV_OBJECT || depth > MAX_DEPTH)
        return rv_ref(y);
    rv r = rv_ref(x);
    for (size_t i = 0; i < rv_len(y); i++) {
        rv k = rv_obj_key_at(y, i), yv = rv_obj_val_at(y, i);
        rv xv = rv_obj_get(r, k);
        rv nv = rv_is_undef(xv) ? rv_ref(yv) : merge(xv, yv, depth + 1);
        rv_obj_set(&r, rv_ref(k), nv);
    }
    return r;
}

BI(object_union)
{
    BI_WANT(0, RV_OBJECT);
    BI_WANT(1, RV_OBJECT);
    return bi_ok(out, merge(a[0], a[1], 0));
}

BI(object_union_n)
{
    BI_WANT(0, RV_ARRAY);
    rv r = rv_obj_new();
    for (size_t i = 0; i < rv_len(a[0]); i++) {
        rv o = rv_arr_at(a[0], i);
        if (rv_kind(o) != RV_OBJECT) {
            rv_unref(r);
            return bi_elem_error(bc, 0, a[0], o, "object");
        }
        rv n = merge(r, o, 0);
        rv_unref(r);
        r = n;
    }
    return bi_ok(out, r);
}

static bool is_subset(rv sup, rv sub, int depth);

static bool arr_contains_run(rv sup, rv sub)
{
    size_t n = rv_len(sup), m = rv_len(sub);
    if (m == 0)
        return true;
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && rv_equal(rv_arr_at(sup, i + k), rv_arr_at(sub, k)))
            k++;
        if (k == m)
            return true;
    }
    return false;
}

static bool obj_subset(rv sup, rv sub, int depth)
{
    for (size_t i = 0; i < rv_len(sub); i++) {
        rv sv = rv_obj_get(sup, rv_obj_key_at(sub, i));
        if (rv_is_undef(sv))
            return false;
        rv bv = rv_obj_val_at(sub, i);
        bool same_coll = rv_kind(sv) == rv_kind(bv) &&
                         (rv_kind(sv) == RV_OBJECT || rv_kind(sv) == RV_SET || rv_kind(sv) == RV_ARRAY);
        if (!(same_coll ? is_subset(sv, bv, depth + 1) : rv_equal(sv, bv)))
            return false;
    }
    return true;
}

static bool is_subset(rv sup, rv sub, int depth)
{
    if (depth > MAX_DEPTH)
        return false;
    if (rv_kind(sup) == RV_OBJECT && rv_kind(sub) == RV_OBJECT)
        return obj_subset(sup, sub, depth);
    if (rv_kind(sup) == RV_SET && rv_kind(sub) == RV_SET) {
        for (size_t i = 0; i < rv_len(sub); i++)
            if (!rv_set_has(sup, rv_set_at(sub, i)))
                return false;
        return true;
    }
    if (rv_kind(sup) == RV_ARRAY && rv_kind(sub) == RV_ARRAY)
        return arr_contains_run(sup, sub);
    if (rv_kind(sup) == RV_ARRAY && rv_kind(sub) == RV_SET) {
        for (size_t i = 0; i < rv_len(sub); i++) {
            size_t k = 0;
            while (k < rv_len(sup) && !rv_equal(rv_arr_at(sup, k), rv_set_at(sub, i)))
                k++;
            if (k == rv_len(sup))
                return false;
        }
        return true;
    }
    return false;
}

BI(object_subset)
{
    enum rv_kind k0 = rv_kind(a[0]), k1 = rv_kind(a[1]);
    if (k0 != RV_OBJECT && k0 != RV_SET && k0 != RV_ARRAY)
        return bi_want_one_of(bc, a, 0, "object, set, array");
    if (k1 != RV_OBJECT && k1 != RV_SET && k1 != RV_ARRAY)
        return bi_want_one_of(bc, a, 1, "object, set, array");
    return bi_ok(out, rv_bool(is_subset(a[0], a[1], 0)));
}

/* ---- json.filter / json.remove: paths as "a/b/0" strings or arrays of segments ---- */

static rv split_path(rv s)
{
    const char *p = rv_str(s);
    while (*p == '/')
        p++;
    rv arr = rv_arr_new();
    if (!*p)
        return arr;
    for (;;) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *seg = malloc(n + 1);
        size_t o = 0;
        for (size_t i = 0; seg && i < n; i++) { /* JSON pointer escapes */
            if (p[i] == '~' && i + 1 < n && (p[i + 1] == '0' || p[i + 1] == '1'))
                seg[o++] = p[++i] == '0' ? '~' : '/';
            else
                seg[o++] = p[i];
        }
        if (seg)
            seg[o] = 0;
        rv_arr_push(&arr, seg ? rv_str_take(seg, o) : rv_str_new(""));
        if (!e)
            break;
        p = e + 1;
    }
    return arr;
}

/* Paths operand to an array of segment arrays (new), or a type error. */
static enum rego_bi_status read_paths(struct rego_bctx *bc, const rv *a, rv *paths)
{
    if (rv_kind(a[1]) != RV_SET && rv_kind(a[1]) != RV_ARRAY)
        return bi_want_one_of(bc, a, 1, "set, array");
    rv r = rv_arr_new();
    for (size_t i = 0; i < rv_len(a[1]); i++) {
        rv p = bi_elem_at(a[1], i);
        if (rv_kind(p) == RV_STRING) {
            rv_arr_push(&r, split_path(p));
        } else if (rv_kind(p) == RV_ARRAY) {
            rv_arr_push(&r, rv_ref(p));
        } else {
            rv_unref(r);
            return rego_bi_type_error(bc,
                                      "operand 2 must be one of {set, array} containing string paths "
                                      "or array of path segments but got %s",
                                      bi_tname(p));
        }
    }
    *paths = r;
    return REGO_BI_OK;
}

static bool seg_matches(rv seg, rv key, bool array_index)
{
    if (rv_equal(seg, key))
        return true;
    if (rv_kind(seg) != RV_STRING || rv_kind(key) != RV_NUMBER)
        return false;
    int64_t i;
    if (!rv_num_to_int64(key, &i))
        return false;
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)i);
    return array_index ? !strcmp(buf, rv_str(seg)) : false;
}

/* Paths (array of arrays) that start with key, with that first segment dropped (new). Sets
 * *whole when one of them ends at key. */
static rv sub_paths(rv paths, rv key, bool array_index, bool *whole)
{
    rv r = rv_arr_new();
    *whole = false;
    for (size_t i = 0; i < rv_len(paths); i++) {
        rv p = rv_arr_at(paths, i);
        if (rv_len(p) == 0 || !seg_matches(rv_arr_at(p, 0), key, array_index))
            continue;
        if (rv_len(p) == 1)
            *whole = true;
        rv_arr_push(&r, rv_arr_slice(p, 1, rv_len(p)));
    }
    return r;
}

/* mode 1: filter (keep what the paths name), mode 0: remove. Returns new, or undefined when
 * nothing is kept (filter) / the value itself is removed (remove). */
static rv walk_paths(rv v, rv paths, int keep, int depth)
{
    bool coll = rv_kind(v) == RV_OBJECT || rv_kind(v) == RV_ARRAY;
    if (!coll || depth > MAX_DEPTH)
        return keep ? rv_undef() : rv_ref(v);
    bool is_arr = rv_kind(v) == RV_ARRAY;
    rv r = is_arr ? rv_arr_new() : rv_obj_new();
    for (size_t i = 0; i < rv_len(v); i++) {
        rv key = is_arr ? rv_num_int((int64_t)i) : rv_ref(rv_obj_key_at(v, i));
        rv val = is_arr ? rv_arr_at(v, i) : rv_obj_val_at(v, i);
        bool whole;
        rv sub = sub_paths(paths, key, is_arr, &whole);
        rv nv;
        if (whole)
            nv = keep ? rv_ref(val) : rv_undef();
        else if (rv_len(sub) == 0)
            nv = keep ? rv_undef() : rv_ref(val);
        else
            nv = walk_paths(val, sub, keep, depth + 1);
        rv_unref(sub);
        if (rv_is_undef(nv))
            rv_unref(key);
        else if (is_arr) {
            rv_unref(key);
            rv_arr_push(&r, nv);
        } else
            rv_obj_set(&r, key, nv);
    }
    return r;
}

static enum rego_bi_status json_paths(struct rego_bctx *bc, const rv *a, rv *out, int keep)
{
    BI_WANT(0, RV_OBJECT);
    rv paths;
    BI_TRY(read_paths(bc, a, &paths));
    for (size_t i = 0; i < rv_len(paths); i++) {
        if (rv_len(rv_arr_at(paths, i)) == 0) { /* the root itself */
            rv_unref(paths);
            return bi_ok(out, keep ? rv_ref(a[0]) : rv_obj_new());
        }
    }
    rv r = walk_paths(a[0], paths, keep, 0);
    rv_unref(paths);
    return bi_ok(out, rv_is_undef(r) ? rv_obj_new() : r);
}

BI(json_filter)
{
    return json_paths(bc, a, out, 1);
}

BI(json_remove)
{
    return json_paths(bc, a, out, 0);
}
