/* bi_json.c: json.marshal_with_options (Go's MarshalIndent layout) and json.patch (RFC 6902,
 * extended to sets as OPA does). */
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

#define MAX_DEPTH 512

/* ---- pretty printing ---- */

struct pp {
    struct osp_buf b;
    const char *prefix, *indent;
    int err;
};

static void pp_add(struct pp *p, const char *s, size_t n)
{
    p->err |= osp_buf_add(&p->b, s, n) != OSP_OK;
}

static void pp_str(struct pp *p, const char *s)
{
    pp_add(p, s, strlen(s));
}

static void pp_newline(struct pp *p, int depth)
{
    pp_str(p, "\n");
    pp_str(p, p->prefix);
    for (int i = 0; i < depth; i++)
        pp_str(p, p->indent);
}

static void pp_scalar(struct pp *p, rv v)
{
    char *s = bi_json_go(v);
    if (!s) {
        p->err = 1;
        return;
    }
    pp_str(p, s);
    free(s);
}

static void pp_key(struct pp *p, rv k)
{
    if (rv_kind(k) == RV_STRING) {
        pp_scalar(p, k);
        return;
    }
    char *t = bi_json(k);
    rv ks = rv_str_new(t ? t : "");
    free(t);
    pp_scalar(p, ks);
    rv_unref(ks);
}

static void pp_value(struct pp *p, rv v, int depth)
{
    enum rv_kind k = rv_kind(v);
    if ((k != RV_ARRAY && k != RV_SET && k != RV_OBJECT) || depth > MAX_DEPTH) {
        pp_scalar(p, v);
        return;
    }
    size_t n = rv_len(v);
    pp_str(p, k == RV_OBJECT ? "{" : "[");
    for (size_t i = 0; i < n && !p->err; i++) {
        pp_newline(p, depth + 1);
        if (k == RV_OBJECT) {
            pp_key(p, rv_obj_key_at(v, i));
            pp_str(p, ": ");
            pp_value(p, rv_obj_val_at(v, i), depth + 1);
        } else {
            pp_value(p, bi_elem_at(v, i), depth + 1);
        }
        if (i + 1 < n)
            pp_str(p, ",");
    }
    if (n)
        pp_newline(p, depth);
    pp_str(p, k == RV_OBJECT ? "}" : "]");
}

BI(json_marshal_with_options)
{
    BI_WANT(1, RV_OBJECT);
    const char *prefix = "", *indent = "\t";
    int pretty = -1, layout = 0;
    for (size_t i = 0; i < rv_len(a[1]); i++) {
        rv k = rv_obj_key_at(a[1], i), v = rv_obj_val_at(a[1], i);
        const char *ks = rv_kind(k) == RV_STRING ? rv_str(k) : "";
        if (!strcmp(ks, "pretty") && rv_kind(v) == RV_BOOL) {
            pretty = rv_is_true(v);
        } else if ((!strcmp(ks, "prefix") || !strcmp(ks, "indent")) && rv_kind(v) == RV_STRING) {
            *(ks[0] == 'p' ? &prefix : &indent) = rv_str(v);
            layout = 1;
        } else if (!strcmp(ks, "pretty") || !strcmp(ks, "prefix") || !strcmp(ks, "indent")) {
            return rego_bi_type_error(bc, "operand 2 %s must be %s but got %s", ks,
                                      ks[1] == 'r' && ks[2] == 'e' && ks[3] == 't' ? "boolean" : "string", bi_tname(v));
        } else {
            char *kt = bi_json(k);
            enum rego_bi_status st = rego_bi_type_error(bc, "object contained unknown key %s", kt ? kt : "?");
            free(kt);
            return st;
        }
    }
    if (pretty == 0 || (pretty < 0 && !layout)) {
        char *s = bi_json_go(a[0]);
        return s ? bi_ok(out, rv_str_take(s, strlen(s))) : bi_oom(bc);
    }
    struct pp p = {.prefix = prefix, .indent = indent};
    osp_buf_init(&p.b, 1u << 28);
    pp_str(&p, prefix);
    pp_value(&p, a[0], 0);
    if (p.err) {
        osp_buf_cleanup(&p.b);
        return bi_oom(bc);
    }
    size_t n = p.b.len;
    return bi_ok(out, rv_str_take(osp_buf_take(&p.b), n));
}

/* ---- json.patch ---- */

/* Path operand to an array of segments (new); undefined if malformed. */
static rv patch_path(rv p)
{
    if (rv_kind(p) == RV_ARRAY)
        return rv_ref(p);
    if (rv_kind(p) != RV_STRING)
        return rv_undef();
    const char *s = rv_str(p);
    rv arr = rv_arr_new();
    if (!*s)
        return arr;
    if (*s == '/')
        s++;
    for (;;) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char *seg = malloc(n + 1);
        if (!seg) {
            rv_unref(arr);
            return rv_undef();
        }
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '~' && i + 1 < n && (s[i + 1] == '0' || s[i + 1] == '1'))
                seg[o++] = s[++i] == '0' ? '~' : '/';
            else
                seg[o++] = s[i];
        }
        seg[o] = 0;
        rv_arr_push(&arr, rv_str_take(seg, o));
        if (!e)
            break;
        s = e + 1;
    }
    return arr;
}

/* Array index of seg for an array of length n; "-" gives n when allow_end. -1 if invalid. */
static int64_t seg_index(rv seg, size_t n, bool allow_end)
{
    int64_t i = -1;
    if (rv_kind(seg) == RV_NUMBER) {
        if (!rv_num_to_int64(seg, &i))
            return -1;
    } else if (rv_kind(seg) == RV_STRING) {
        const char *s = rv_str(seg);
        if (!strcmp(s, "-"))
            return allow_end ? (int64_t)n : -1;
        if (!*s || (s[0] == '0' && s[1]) || strlen(s) > 18)
            return -1;
        i = 0;
        for (; *s; s++) {
            if (*s < '0' || *s > '9')
                return -1;
            i = i * 10 + (*s - '0');
        }
    }
    if (i < 0 || i > (int64_t)n || (!allow_end && i == (int64_t)n))
        return -1;
    return i;
}

enum pop { P_ADD, P_REMOVE, P_REPLACE, P_GET };

static rv patch_at(rv doc, rv path, size_t i, enum pop op, rv val, int depth);

static rv patch_object(rv doc, rv path, size_t i, enum pop op, rv val, int depth)
{
    rv seg = rv_arr_at(path, i), child = rv_obj_get(doc, seg);
    bool last = i + 1 == rv_len(path);
    if (last && op == P_ADD) {
        rv r = rv_ref(doc);
        rv_obj_set(&r, rv_ref(seg), rv_ref(val));
        return r;
    }
    if (rv_is_undef(child))
        return rv_undef();
    if (last && op == P_REMOVE) {
        rv r = rv_ref(doc);
        rv_obj_del(&r, seg);
        return r;
    }
    rv nc = patch_at(child, path, i + 1, op, val, depth + 1);
    if (rv_is_undef(nc) || op == P_GET)
        return nc;
    rv r = rv_ref(doc);
    rv_obj_set(&r, rv_ref(seg), nc);
    return r;
}

static rv patch_array(rv doc, rv path, size_t i, enum pop op, rv val, int depth)
{
    size_t n = rv_len(doc);
    bool last = i + 1 == rv_len(path);
    int64_t idx = seg_index(rv_arr_at(path, i), n, last && op == P_ADD);
    if (idx < 0)
        return rv_undef();
    if (last && (op == P_ADD || op == P_REMOVE)) {
        rv r = rv_arr_slice(doc, 0, (size_t)idx);
        if (op == P_ADD)
            rv_arr_push(&r, rv_ref(val));
        for (size_t k = (size_t)idx + (op == P_REMOVE); k < n; k++)
            rv_arr_push(&r, rv_ref(rv_arr_at(doc, k)));
        return r;
    }
    rv nc = patch_at(rv_arr_at(doc, (size_t)idx), path, i + 1, op, val, depth + 1);
    if (rv_is_undef(nc) || op == P_GET)
        return nc;
    rv r = rv_ref(doc);
    rv_arr_set(&r, (size_t)idx, nc);
    return r;
}

/* Sets are addressed by their members: adding needs the value to equal the last segment. */
static rv patch_set(rv doc, rv path, size_t i, enum pop op, rv val, int depth)
{
    rv seg = rv_arr_at(path, i);
    bool last = i + 1 == rv_len(path);
    if (last && op == P_ADD) {
        if (!rv_equal(seg, val))
            return rv_undef();
        rv r = rv_ref(doc);
        rv_set_add(&r, rv_ref(val));
        return r;
    }
    if (!rv_set_has(doc, seg))
        return rv_undef();
    if (last && op == P_REMOVE) {
        rv r = rv_ref(doc);
        rv_set_del(&r, seg);
        return r;
    }
    rv nc = patch_at(seg, path, i + 1, op, val, depth + 1);
    if (rv_is_undef(nc) || op == P_GET)
        return nc;
    rv r = rv_ref(doc);
    rv_set_del(&r, seg);
    rv_set_add(&r, nc);
    return r;
}

/* Apply op at path[i..] inside doc. Borrows doc and val; returns new, or undefined on failure.
 * For P_GET the result is the value found (new reference). */
static rv patch_at(rv doc, rv path, size_t i, enum pop op, rv val, int depth)
{
    if (depth > MAX_DEPTH)
        return rv_undef();
    if (i == rv_len(path))
        return op == P_REMOVE ? rv_undef() : rv_ref(op == P_GET ? doc : val);
    switch (rv_kind(doc)) {
    case RV_OBJECT:
        return patch_object(doc, path, i, op, val, depth);
    case RV_ARRAY:
        return patch_array(doc, path, i, op, val, depth);
    case RV_SET:
        return patch_set(doc, path, i, op, val, depth);
    default:
        return rv_undef();
    }
}

static rv apply_one(rv doc, rv opv)
{
    if (rv_kind(opv) != RV_OBJECT)
        return rv_undef();
    const char *op = rv_str(rv_obj_get_s(opv, "op"));
    rv path = patch_path(rv_obj_get_s(opv, "path"));
    rv val = rv_obj_get_s(opv, "value");
    rv res = rv_undef();
    if (rv_is_undef(path))
        return res;
    if (!strcmp(op, "add") && !rv_is_undef(val)) {
        res = patch_at(doc, path, 0, P_ADD, val, 0);
    } else if (!strcmp(op, "remove")) {
        res = rv_len(path) ? patch_at(doc, path, 0, P_REMOVE, val, 0) : rv_undef();
    } else if (!strcmp(op, "replace") && !rv_is_undef(val)) {
        res = patch_at(doc, path, 0, P_REPLACE, val, 0);
    } else if (!strcmp(op, "test") && !rv_is_undef(val)) {
        rv got = patch_at(doc, path, 0, P_GET, val, 0);
        if (!rv_is_undef(got) && rv_equal(got, val))
            res = rv_ref(doc);
        rv_unref(got);
    } else if (!strcmp(op, "move") || !strcmp(op, "copy")) {
        rv from = patch_path(rv_obj_get_s(opv, "from"));
        rv got = rv_is_undef(from) ? rv_undef() : patch_at(doc, from, 0, P_GET, val, 0);
        rv mid = rv_undef();
        if (!rv_is_undef(got))
            mid = op[0] == 'm' ? patch_at(doc, from, 0, P_REMOVE, val, 0) : rv_ref(doc);
        if (!rv_is_undef(mid))
            res = patch_at(mid, path, 0, P_ADD, got, 0);
        rv_unref(mid);
        rv_unref(got);
        rv_unref(from);
    }
    rv_unref(path);
    return res;
}

BI(json_patch)
{
    BI_WANT(1, RV_ARRAY);
    rv doc = rv_ref(a[0]);
    for (size_t i = 0; i < rv_len(a[1]); i++) {
        rv nd = apply_one(doc, rv_arr_at(a[1], i));
        rv_unref(doc);
        if (rv_is_undef(nd))
            return REGO_BI_UNDEF;
        doc = nd;
    }
    return bi_ok(out, doc);
}
