/* value.h: rv, the Rego value every layer shares (collectors, cache, engine, builtins).
 *
 * An rv is a small struct passed by value: a kind tag plus either an inline scalar (bool,
 * small integer) or a refcounted heap payload. Kinds follow OPA's total order:
 *   undefined < null < bool < number < string < array < object < set
 * (undefined is internal: "no value", never stored in a container).
 *
 * Ownership (read this once, it holds for every function below):
 *   - Reads BORROW: rv_kind, rv_len, rv_equal, rv_cmp, rv_str, rv_obj_get, rv_arr_at, ...
 *     A borrowed rv lives as long as the container it came from; do not unref it.
 *   - Constructors and transformers RETURN A NEW reference the caller must rv_unref.
 *   - Storing TAKES OVER the stored value: rv_arr_push(&a, x), rv_obj_set(&o, k, v),
 *     rv_set_add(&s, x). Call rv_ref(x) first if you still need x.
 *   - A container whose refcount is 1 is changed in place; a shared one is copied first
 *     (copy on write), so `rv_arr_push(&a, x)` never changes a value someone else holds.
 *   - rv_freeze(v) makes v and everything inside immortal: ref/unref become no-ops, so
 *     threads can share it (compiled policy, the input document). When every user is done,
 *     rv_thaw(v) then rv_unref(v) frees it.
 *
 *   rv tags = rv_arr_new();
 *   rv_arr_push(&tags, rv_str_new("prod"));                 // push takes the new string
 *   const char *name = rv_str(rv_obj_get_s(bucket, "name")); // both borrow: nothing to free
 *   rv_unref(tags);
 *
 * Numbers keep the literal spelling they were parsed from (JSON or Rego) for output, and
 * compare by value (1 == 1.0). Integers of any size are exact (OpenSSL BIGNUM beyond
 * int64); other numbers are doubles. See the rv_num_* functions.
 */
#ifndef OSPREY_REGO_VALUE_H
#define OSPREY_REGO_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

enum rv_kind {
    RV_UNDEF = 0, /* no value (undefined); the zero rv */
    RV_NULL,
    RV_BOOL,
    RV_NUMBER,
    RV_STRING,
    RV_ARRAY,
    RV_OBJECT,
    RV_SET
};

typedef struct rv {
    uint8_t kind; /* enum rv_kind */
    uint8_t sub;  /* numbers: RV_NUM_SMALL (inline int64 in u.i) or RV_NUM_HEAP */
    union {
        int64_t i;
        bool b;
        void *p;
    } u;
} rv;

#define RV_NUM_SMALL 0
#define RV_NUM_HEAP 1

/* ---- scalars and lifetime ---- */
static inline rv rv_undef(void)
{
    rv v = {RV_UNDEF, 0, {0}};
    return v;
}
static inline rv rv_null(void)
{
    rv v = {RV_NULL, 0, {0}};
    return v;
}
static inline rv rv_bool(bool b)
{
    rv v = {RV_BOOL, 0, {0}};
    v.u.b = b;
    return v;
}
static inline enum rv_kind rv_kind(rv v)
{
    return (enum rv_kind)v.kind;
}
static inline bool rv_is_undef(rv v)
{
    return v.kind == RV_UNDEF;
}
static inline bool rv_is_true(rv v)
{
    return v.kind == RV_BOOL && v.u.b;
}

rv rv_ref(rv v);      /* returns v with one more reference (same value) */
void rv_unref(rv v);  /* drops one reference; frees at zero; no-op on scalars and frozen values */
void rv_freeze(rv v); /* borrows v; makes it and its contents immortal and shareable */
/* Undo rv_freeze once no thread and no other value uses v any more (e.g. a region's input after
 * its evaluations): rebuilds refcounts from the edges inside v, so a following rv_unref(v) frees
 * it. Borrows v. Only for a tree frozen as a whole whose parts no value outside it shares. */
void rv_thaw(rv v);
const char *rv_kind_name(enum rv_kind k); /* OPA's type_name: "null", "boolean", "number", ... */

/* ---- numbers (number.c) ---- */
rv rv_num_int(int64_t i);   /* returns new */
rv rv_num_double(double d); /* returns new; NaN/Inf give undefined */
/* Parse a JSON/Rego number literal (keeps its spelling for output). Undefined if malformed. */
rv rv_num_parse(const char *s, size_t len); /* returns new */
bool rv_num_is_int(rv n);                   /* borrows; true for integral values (1.0 too) */
/* Integer value if n is integral and fits; false otherwise (fractions, too large). */
bool rv_num_to_int64(rv n, int64_t *out); /* borrows */
double rv_num_to_double(rv n);            /* borrows; nearest double */
int rv_num_cmp(rv a, rv b);               /* borrows; -1, 0, 1 by value */
/* Arithmetic: borrow operands, return new. Integers stay exact (big when needed);
 * results with a fraction become doubles. div and rem return undefined on division by
 * zero; rem on non-integers returns undefined (callers report OPA's error text). */
rv rv_num_add(rv a, rv b);
rv rv_num_sub(rv a, rv b);
rv rv_num_mul(rv a, rv b);
rv rv_num_div(rv a, rv b);
rv rv_num_rem(rv a, rv b);
rv rv_num_neg(rv a);
rv rv_num_abs(rv a);
rv rv_num_floor(rv a);
rv rv_num_ceil(rv a);
rv rv_num_round(rv a); /* half away from zero, like OPA */
/* Canonical text of a number (OPA's output): the literal spelling if it has one,
 * otherwise integers in full and doubles in shortest round-trip form (1000, 0.5, 1e+21). */
OSP_MUST_CHECK enum osp_code rv_num_format(rv n, struct osp_buf *out);
/* Decimal text of an integral number (big ones too); NULL if not integral. Caller frees. */
char *rv_num_int_text(rv n);

/* ---- strings ---- */
rv rv_str_new(const char *s);              /* returns new (copies) */
rv rv_str_newn(const char *s, size_t len); /* returns new (copies; may hold NUL bytes) */
rv rv_str_take(char *s, size_t len);       /* returns new; takes a malloc'd NUL-terminated s */
const char *rv_str(rv s);                  /* borrows; "" unless a string; NUL-terminated */
size_t rv_str_len(rv s);                   /* borrows; bytes */

/* ---- arrays ---- */
rv rv_arr_new(void);                             /* returns new (empty) */
rv rv_arr_with_cap(size_t cap);                  /* returns new (empty, room for cap) */
void rv_arr_push(rv *arr, rv item);              /* takes item; arr changed (copied if shared) */
rv rv_arr_at(rv arr, size_t i);                  /* borrows; undefined when out of range */
void rv_arr_set(rv *arr, size_t i, rv item);     /* takes item; i < len */
rv rv_arr_slice(rv arr, size_t from, size_t to); /* borrows; returns new [from, to) */
rv rv_arr_concat(rv a, rv b);                    /* borrows both; returns new */

/* ---- objects (keys are any non-undefined rv) ---- */
rv rv_obj_new(void);                      /* returns new (empty) */
rv rv_obj_with_cap(size_t cap);           /* returns new (empty, room for cap keys) */
void rv_obj_set(rv *obj, rv key, rv val); /* takes key and val; replaces an existing key */
rv rv_obj_get(rv obj, rv key);            /* borrows; undefined when absent */
rv rv_obj_get_s(rv obj, const char *key); /* borrows; string key */
bool rv_obj_del(rv *obj, rv key);         /* borrows key; true if it was present */
/* rv_obj_set for a key that usually sorts after every key present (JSON written with sorted
 * keys, an object rebuilt in its own key order): no lookup then; otherwise rv_obj_set. */
void rv_obj_append_sorted(rv *obj, rv key, rv val);
/* Iteration in key order (sorted by rv_cmp): i < rv_len(obj). Both borrow. */
rv rv_obj_key_at(rv obj, size_t i);
rv rv_obj_val_at(rv obj, size_t i);

/* ---- sets ---- */
rv rv_set_new(void);               /* returns new (empty) */
void rv_set_add(rv *set, rv item); /* takes item; no-op if present */
bool rv_set_has(rv set, rv item);  /* borrows */
bool rv_set_del(rv *set, rv item); /* borrows item */
rv rv_set_at(rv set, size_t i);    /* borrows; sorted order, i < rv_len(set) */
/* The same in the order the members were added (no sort: for consumers that order the members
 * themselves, e.g. 100k findings sorted again by the report). Borrows. */
rv rv_set_at_unsorted(rv set, size_t i);

/* ---- generic ---- */
size_t rv_len(rv v);       /* borrows; elements of array/object/set, bytes of a string, else 0 */
int rv_cmp(rv a, rv b);    /* borrows; OPA's total order: <0, 0, >0 */
bool rv_equal(rv a, rv b); /* borrows; rv_cmp == 0 */
uint64_t rv_hash(rv v);    /* borrows; equal values hash equal (1 and 1.0 too) */
/* Generic member lookup used by refs: array index (integral number), object key, set
 * member (returns the member). Borrows; undefined when absent or not a collection. */
rv rv_get(rv coll, rv key);

/* ---- sharing equal values (share.c) ----
 * A table of the values met while building a large document: rv_share(t, v) returns v, or an
 * equal value met before (v released). Strings, and small arrays and objects built from shared
 * members, are stored once: the scalar wrappers of a resource's fields repeat its ARN, and most
 * of them repeat whole. Sharing is invisible: values are immutable (copy on write). */
struct rv_share;
struct rv_share *rv_share_new(void);         /* aborts when out of memory, like every constructor */
rv rv_share(struct rv_share *t, rv v);        /* takes v; returns new */
void rv_share_free(struct rv_share *t);       /* the values stay alive as long as their users */

/* ---- JSON (json.c) ---- */
struct rv_json_limits {
    size_t max_depth;      /* 0: 512 */
    size_t max_bytes;      /* 0: unlimited */
    struct rv_share *share; /* NULL, or share equal values across this and other documents */
    bool share_strings_only; /* only strings go through share (a document rebuilt right after) */
};
/* Parse one JSON document (numbers keep their spelling). Returns new in *out on success. */
OSP_MUST_CHECK enum osp_code rv_json_parse(const char *text, size_t len, const struct rv_json_limits *lim, rv *out,
                                           struct osp_err *err);
/* Canonical JSON: object keys sorted, sets as sorted arrays, non-string object keys written
 * as their JSON text (as OPA does). pretty: 2-space indent. Borrows v. */
OSP_MUST_CHECK enum osp_code rv_json_write(rv v, bool pretty, struct osp_buf *out);
/* Same as rv_json_write into a fresh malloc'd string (NULL on failure). Caller frees. */
char *rv_json_dump(rv v, bool pretty);
/* Rego term text (sets as {1, 2}, set() when empty), used by print and sprintf %v. */
OSP_MUST_CHECK enum osp_code rv_rego_write(rv v, struct osp_buf *out);
/* Bytes of values allocated by the calling thread less those it freed (approximate: headers,
 * string bytes, element arrays): what the evaluator charges against rego_opts.max_memory. */
long long rv_mem_thread_bytes(void);

#endif
