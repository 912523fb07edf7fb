/* share.c: hash-consing: equal values met while building a large document are stored once.
 * Strings (up to CONS_MAX_STR bytes), and arrays and objects of up to CONS_MAX_LEN entries
 * whose composite members were shared first (so they compare by identity); numbers with a
 * spelling compare by identity too (1.0 never merges with 1, which prints differently). */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/value_int.h"

#define CONS_MAX_STR 512 /* longer strings (policy documents) are rarely repeated */
#define CONS_MAX_LEN 32  /* arrays and objects with more entries are not looked up */

struct rv_share {
    rv *slots; /* open addressing; undefined = empty; each holds one reference */
    uint64_t *hashes;
    size_t cap, n;
};

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        osp_oom(); /* out of memory: values have no error path (value.h) */
    return p;
}

/* Children are already consed: composite children and numbers with a spelling (heap numbers:
 * 1.0 must not merge with 1) are compared by identity. */
static bool by_identity(rv x)
{
    return rv_kind(x) >= RV_ARRAY || (rv_kind(x) == RV_NUMBER && x.sub != RV_NUM_SMALL);
}

static uint64_t shallow_hash(rv v)
{
    switch (rv_kind(v)) {
    case RV_STRING:
        return rv_hash(v);
    case RV_ARRAY:
    case RV_OBJECT: {
        uint64_t h = rv_kind(v) * 0x9e3779b97f4a7c15ULL;
        for (size_t i = 0; i < rv_len(v); i++) {
            rv x = rv_kind(v) == RV_ARRAY ? rv_arr_at(v, i) : rv_obj_val_at(v, i);
            uint64_t e = by_identity(x) ? (uint64_t)(uintptr_t)x.u.p : rv_hash(x);
            if (rv_kind(v) == RV_OBJECT)
                e ^= rv_hash(rv_obj_key_at(v, i)) * 31;
            h = rv_hash_mix(h * 31 + e + rv_kind(x));
        }
        return h | 1;
    }
    default:
        return 0;
    }
}

static bool shallow_equal(rv a, rv b)
{
    if (rv_kind(a) != rv_kind(b) || rv_len(a) != rv_len(b))
        return false;
    if (rv_kind(a) == RV_STRING)
        return rv_equal(a, b);
    for (size_t i = 0; i < rv_len(a); i++) {
        rv x = rv_kind(a) == RV_ARRAY ? rv_arr_at(a, i) : rv_obj_val_at(a, i);
        rv y = rv_kind(a) == RV_ARRAY ? rv_arr_at(b, i) : rv_obj_val_at(b, i);
        if (rv_kind(a) == RV_OBJECT && !rv_equal(rv_obj_key_at(a, i), rv_obj_key_at(b, i)))
            return false;
        if (rv_kind(x) != rv_kind(y))
            return false;
        if (by_identity(x) || by_identity(y) ? x.u.p != y.u.p || x.sub != y.sub : !rv_equal(x, y))
            return false;
    }
    return true;
}

rv rv_share(struct rv_share *t, rv v)
{
    enum rv_kind k = rv_kind(v);
    if (k == RV_STRING ? rv_len(v) > CONS_MAX_STR : (k != RV_ARRAY && k != RV_OBJECT) || rv_len(v) > CONS_MAX_LEN)
        return v;
    if (t->n * 2 >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 4096;
        rv *slots = xcalloc(cap, sizeof(rv));
        uint64_t *hashes = xcalloc(cap, sizeof(uint64_t));
        for (size_t i = 0; i < t->cap; i++) {
            if (rv_is_undef(t->slots[i]))
                continue;
            size_t j = t->hashes[i] & (cap - 1);
            while (!rv_is_undef(slots[j]))
                j = (j + 1) & (cap - 1);
            slots[j] = t->slots[i];
            hashes[j] = t->hashes[i];
        }
        free(t->slots);
        free(t->hashes);
        t->slots = slots;
        t->hashes = hashes;
        t->cap = cap;
    }
    uint64_t h = shallow_hash(v);
    size_t j = h & (t->cap - 1);
    while (!rv_is_undef(t->slots[j])) {
        if (t->hashes[j] == h && shallow_equal(t->slots[j], v)) {
            rv_unref(v);
            return rv_ref(t->slots[j]);
        }
        j = (j + 1) & (t->cap - 1);
    }
    t->slots[j] = rv_ref(v);
    t->hashes[j] = h;
    t->n++;
    return v;
}

void rv_share_free(struct rv_share *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->cap; i++)
        rv_unref(t->slots[i]);
    free(t->slots);
    free(t->hashes);
    free(t);
}

struct rv_share *rv_share_new(void)
{
    return xcalloc(1, sizeof(struct rv_share));
}

