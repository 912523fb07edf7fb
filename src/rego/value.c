/* value.c: rv lifetime, strings, arrays, objects, sets, total order and hashing. */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/value_int.h"

#define OBJ_INDEX_MIN 16 /* below, a scan comparing (interned) key pointers and cached hashes is faster */

/* out of memory: values have no error path; the process policy (core/alloc.h) ends the run */
#define xmalloc osp_xmalloc
#define xrealloc osp_xrealloc

/* Bytes of values this thread allocated less those it freed (rv_mem_thread_bytes). Approximate
 * by design: headers, string bytes, element and index arrays; what the evaluator caps. */
static _Thread_local long long mem_live;

long long rv_mem_thread_bytes(void)
{
    return mem_live;
}

static size_t obj_bytes(const struct rv_obj *o)
{
    return sizeof(*o) + o->cap * sizeof(rv) * (o->is_set ? 1 : 2) + o->idxcap * sizeof(uint32_t);
}

static bool is_heap(rv v)
{
    if (v.kind == RV_NUMBER)
        return v.sub == RV_NUM_HEAP;
    return v.kind >= RV_STRING && v.u.p;
}

rv rv_ref(rv v)
{
    if (is_heap(v)) {
        struct rv_hdr *h = v.u.p;
        if (h->rc != RV_RC_FROZEN)
            h->rc++;
    }
    return v;
}

static void free_obj(struct rv_obj *o)
{
    for (size_t i = 0; i < o->len; i++) {
        rv_unref(o->keys[i]);
        if (o->vals)
            rv_unref(o->vals[i]);
    }
    if (!o->inline_kv) {
        free(o->keys);
        free(o->vals);
    }
    mem_live -= (long long)obj_bytes(o);
    free(o->idx);
    free(o);
}

void rv_unref(rv v)
{
    if (!is_heap(v))
        return;
    struct rv_hdr *h = v.u.p;
    if (h->rc == RV_RC_FROZEN || --h->rc > 0)
        return;
    switch ((enum rv_kind)v.kind) {
    case RV_NUMBER:
        rv_num_free(v.u.p);
        break;
    case RV_STRING:
        mem_live -= (long long)(sizeof(struct rv_strh) + ((struct rv_strh *)v.u.p)->len + 1);
        free(v.u.p);
        break;
    case RV_ARRAY: {
        struct rv_arr *a = v.u.p;
        mem_live -= (long long)(sizeof(*a) + a->cap * sizeof(rv));
        for (size_t i = 0; i < a->len; i++)
            rv_unref(a->v[i]);
        free(a->v);
        free(a);
        break;
    }
    case RV_OBJECT:
    case RV_SET:
        free_obj(v.u.p);
        break;
    default:
        break;
    }
}

void rv_freeze(rv v)
{
    if (!is_heap(v))
        return;
    struct rv_hdr *h = v.u.p;
    if (h->rc == RV_RC_FROZEN)
        return;
    h->rc = RV_RC_FROZEN;
    if (v.kind == RV_STRING)
        rv_hash(v); /* cache the hash now: frozen values are never written later */
    if (v.kind == RV_ARRAY) {
        struct rv_arr *a = v.u.p;
        for (size_t i = 0; i < a->len; i++)
            rv_freeze(a->v[i]);
    } else if (v.kind == RV_OBJECT || v.kind == RV_SET) {
        struct rv_obj *o = v.u.p;
        rv_obj_sort(o);
        for (size_t i = 0; i < o->len; i++) {
            rv_freeze(o->keys[i]);
            if (o->vals)
                rv_freeze(o->vals[i]);
        }
    }
}

void rv_thaw(rv v)
{
    if (!is_heap(v))
        return;
    struct rv_hdr *h = v.u.p;
    if (h->rc != RV_RC_FROZEN) {
        h->rc++; /* another edge to an already thawed node */
        return;
    }
    h->rc = 1;
    if (v.kind == RV_ARRAY) {
        struct rv_arr *a = v.u.p;
        for (size_t i = 0; i < a->len; i++)
            rv_thaw(a->v[i]);
    } else if (v.kind == RV_OBJECT || v.kind == RV_SET) {
        struct rv_obj *o = v.u.p;
        for (size_t i = 0; i < o->len; i++) {
            rv_thaw(o->keys[i]);
            if (o->vals)
                rv_thaw(o->vals[i]);
        }
    }
}

const char *rv_kind_name(enum rv_kind k)
{
    static const char *const names[] = {"undefined", "null", "boolean", "number", "string", "array", "object", "set"};
    return k <= RV_SET ? names[k] : "unknown";
}

/* ---- strings ---- */

rv rv_str_newn(const char *s, size_t len)
{
    struct rv_strh *h = xmalloc(sizeof(*h) + len + 1);
    mem_live += (long long)(sizeof(*h) + len + 1);
    h->rc = 1;
    h->len = len;
    h->hash = 0;
    if (len)
        memcpy(h->s, s, len);
    h->s[len] = '\0';
    rv v = {RV_STRING, 0, {0}};
    v.u.p = h;
    return v;
}

rv rv_str_new(const char *s)
{
    return rv_str_newn(s, strlen(s));
}

rv rv_str_take(char *s, size_t len)
{
    rv v = rv_str_newn(s, len);
    free(s);
    return v;
}

const char *rv_str(rv s)
{
    if (s.kind != RV_STRING)
        return "";
    return ((struct rv_strh *)s.u.p)->s;
}

size_t rv_str_len(rv s)
{
    if (s.kind != RV_STRING)
        return 0;
    return ((struct rv_strh *)s.u.p)->len;
}

/* ---- arrays ---- */

rv rv_arr_with_cap(size_t cap)
{
    struct rv_arr *a = xmalloc(sizeof(*a));
    a->rc = 1;
    a->len = 0;
    a->cap = cap;
    a->v = cap ? xmalloc(cap * sizeof(rv)) : NULL;
    mem_live += (long long)(sizeof(*a) + cap * sizeof(rv));
    rv v = {RV_ARRAY, 0, {0}};
    v.u.p = a;
    return v;
}

rv rv_arr_new(void)
{
    return rv_arr_with_cap(0);
}

static struct rv_arr *arr_own(rv *arr)
{
    struct rv_arr *a = arr->u.p;
    if (a->rc == 1)
        return a;
    rv c = rv_arr_with_cap(a->len);
    struct rv_arr *b = c.u.p;
    for (size_t i = 0; i < a->len; i++)
        b->v[i] = rv_ref(a->v[i]);
    b->len = a->len;
    rv_unref(*arr);
    *arr = c;
    return b;
}

void rv_arr_push(rv *arr, rv item)
{
    struct rv_arr *a = arr_own(arr);
    if (a->len == a->cap) {
        size_t grow = a->cap ? a->cap : 4;
        a->cap += grow;
        a->v = xrealloc(a->v, a->cap * sizeof(rv));
        mem_live += (long long)(grow * sizeof(rv));
    }
    a->v[a->len++] = item;
}

rv rv_arr_at(rv arr, size_t i)
{
    if (arr.kind != RV_ARRAY)
        return rv_undef();
    struct rv_arr *a = arr.u.p;
    return i < a->len ? a->v[i] : rv_undef();
}

void rv_arr_set(rv *arr, size_t i, rv item)
{
    struct rv_arr *a = arr_own(arr);
    if (i >= a->len) {
        rv_unref(item);
        return;
    }
    rv_unref(a->v[i]);
    a->v[i] = item;
}

rv rv_arr_slice(rv arr, size_t from, size_t to)
{
    size_t n = rv_len(arr);
    if (to > n)
        to = n;
    if (from > to)
        from = to;
    rv r = rv_arr_with_cap(to - from);
    for (size_t i = from; i < to; i++)
        rv_arr_push(&r, rv_ref(rv_arr_at(arr, i)));
    return r;
}

rv rv_arr_concat(rv a, rv b)
{
    rv r = rv_arr_with_cap(rv_len(a) + rv_len(b));
    for (size_t i = 0; i < rv_len(a); i++)
        rv_arr_push(&r, rv_ref(rv_arr_at(a, i)));
    for (size_t i = 0; i < rv_len(b); i++)
        rv_arr_push(&r, rv_ref(rv_arr_at(b, i)));
    return r;
}

/* ---- objects and sets ---- */

/* One allocation holds the header and, for cap > 0, the key and value arrays (fewer cache
 * misses when iterating large documents); growth past cap moves them out. */
static rv obj_alloc(bool is_set, size_t cap)
{
    size_t arrays = cap * sizeof(rv) * (is_set ? 1 : 2);
    struct rv_obj *o = xmalloc(sizeof(*o) + arrays);
    memset(o, 0, sizeof(*o));
    o->rc = 1;
    o->is_set = is_set;
    o->sorted = true;
    o->cap = cap;
    mem_live += (long long)obj_bytes(o);
    if (cap) {
        o->inline_kv = true;
        o->keys = (rv *)(void *)(o + 1);
        if (!is_set)
            o->vals = o->keys + cap;
    }
    rv v = {is_set ? RV_SET : RV_OBJECT, 0, {0}};
    v.u.p = o;
    return v;
}

rv rv_obj_new(void)
{
    return obj_alloc(false, 0);
}
rv rv_obj_with_cap(size_t cap)
{
    return obj_alloc(false, cap);
}
rv rv_set_new(void)
{
    return obj_alloc(true, 0);
}

static void index_rebuild(struct rv_obj *o)
{
    mem_live -= (long long)(o->idxcap * sizeof(uint32_t));
    free(o->idx);
    o->idx = NULL;
    o->idxcap = 0;
    if (o->len < OBJ_INDEX_MIN)
        return;
    size_t cap = 16;
    while (cap < o->len * 2)
        cap <<= 1;
    o->idx = xmalloc(cap * sizeof(uint32_t));
    memset(o->idx, 0, cap * sizeof(uint32_t));
    o->idxcap = cap;
    mem_live += (long long)(cap * sizeof(uint32_t));
    for (size_t i = 0; i < o->len; i++) {
        size_t s = rv_hash(o->keys[i]) & (cap - 1);
        while (o->idx[s])
            s = (s + 1) & (cap - 1);
        o->idx[s] = (uint32_t)(i + 1);
    }
}

static long obj_find(const struct rv_obj *o, rv key)
{
    if (!o->idx && key.kind == RV_STRING) {
        /* compare cached hashes first: keys shared by the JSON parser have them */
        struct rv_strh *kh = key.u.p;
        uint64_t h = rv_hash(key);
        for (size_t i = 0; i < o->len; i++) {
            rv k = o->keys[i];
            if (k.kind != RV_STRING)
                continue;
            struct rv_strh *x = k.u.p;
            if (x == kh)
                return (long)i;
            if ((x->hash && x->hash != h) || x->len != kh->len)
                continue;
            if (memcmp(x->s, kh->s, kh->len) == 0)
                return (long)i;
        }
        return -1;
    }
    if (!o->idx) {
        for (size_t i = 0; i < o->len; i++)
            if (rv_equal(o->keys[i], key))
                return (long)i;
        return -1;
    }
    size_t s = rv_hash(key) & (o->idxcap - 1);
    while (o->idx[s]) {
        size_t i = o->idx[s] - 1;
        if (rv_equal(o->keys[i], key))
            return (long)i;
        s = (s + 1) & (o->idxcap - 1);
    }
    return -1;
}

static struct rv_obj *obj_own(rv *v)
{
    struct rv_obj *o = v->u.p;
    if (o->rc == 1)
        return o;
    rv c = obj_alloc(o->is_set, o->len);
    struct rv_obj *n = c.u.p;
    for (size_t i = 0; i < o->len; i++) {
        n->keys[i] = rv_ref(o->keys[i]);
        if (o->vals)
            n->vals[i] = rv_ref(o->vals[i]);
    }
    n->len = o->len;
    n->sorted = o->sorted;
    index_rebuild(n);
    rv_unref(*v);
    *v = c;
    return n;
}

static void obj_append(struct rv_obj *o, rv key, rv val)
{
    if (o->len == o->cap) {
        mem_live -= (long long)obj_bytes(o);
        o->cap = o->cap ? o->cap * 2 : 4;
        mem_live += (long long)obj_bytes(o);
        if (o->inline_kv) {
            rv *k = xmalloc(o->cap * sizeof(rv)), *v = o->is_set ? NULL : xmalloc(o->cap * sizeof(rv));
            memcpy(k, o->keys, o->len * sizeof(rv));
            if (v)
                memcpy(v, o->vals, o->len * sizeof(rv));
            o->keys = k;
            o->vals = v;
            o->inline_kv = false;
        } else {
            o->keys = xrealloc(o->keys, o->cap * sizeof(rv));
            if (!o->is_set)
                o->vals = xrealloc(o->vals, o->cap * sizeof(rv));
        }
    }
    if (o->sorted && o->len && rv_cmp(o->keys[o->len - 1], key) > 0)
        o->sorted = false;
    o->keys[o->len] = key;
    if (!o->is_set)
        o->vals[o->len] = val;
    o->len++;
    if (o->idx && o->len * 2 <= o->idxcap) {
        size_t s = rv_hash(key) & (o->idxcap - 1);
        while (o->idx[s])
            s = (s + 1) & (o->idxcap - 1);
        o->idx[s] = (uint32_t)o->len;
    } else if (o->len >= OBJ_INDEX_MIN) {
        index_rebuild(o);
    }
}

void rv_obj_append_sorted(rv *obj, rv key, rv val)
{
    struct rv_obj *o = obj_own(obj);
    if (o->len && rv_cmp(o->keys[o->len - 1], key) >= 0) { /* not after the last key: the general path */
        rv_obj_set(obj, key, val);
        return;
    }
    obj_append(o, key, val);
}

void rv_obj_set(rv *obj, rv key, rv val)
{
    if (obj->kind != RV_OBJECT) {
        rv_unref(key);
        rv_unref(val);
        return;
    }
    struct rv_obj *o = obj_own(obj);
    long i = obj_find(o, key);
    if (i >= 0) {
        rv_unref(key);
        rv_unref(o->vals[i]);
        o->vals[i] = val;
        return;
    }
    obj_append(o, key, val);
}

rv rv_obj_get(rv obj, rv key)
{
    if (obj.kind != RV_OBJECT)
        return rv_undef();
    struct rv_obj *o = obj.u.p;
    long i = obj_find(o, key);
    return i >= 0 ? o->vals[i] : rv_undef();
}

rv rv_obj_get_s(rv obj, const char *key)
{
    if (obj.kind != RV_OBJECT)
        return rv_undef();
    struct rv_obj *o = obj.u.p;
    if (!o->idx) {
        for (size_t i = 0; i < o->len; i++)
            if (o->keys[i].kind == RV_STRING && strcmp(rv_str(o->keys[i]), key) == 0)
                return o->vals[i];
        return rv_undef();
    }
    rv k = rv_str_new(key);
    rv r = rv_obj_get(obj, k);
    rv_unref(k);
    return r;
}

static bool obj_del(rv *v, rv key)
{
    struct rv_obj *o = v->u.p;
    long i = obj_find(o, key);
    if (i < 0)
        return false;
    o = obj_own(v);
    rv_unref(o->keys[i]);
    if (o->vals)
        rv_unref(o->vals[i]);
    size_t rest = o->len - (size_t)i - 1;
    memmove(&o->keys[i], &o->keys[i + 1], rest * sizeof(rv));
    if (o->vals)
        memmove(&o->vals[i], &o->vals[i + 1], rest * sizeof(rv));
    o->len--;
    index_rebuild(o);
    return true;
}

bool rv_obj_del(rv *obj, rv key)
{
    return obj->kind == RV_OBJECT && obj_del(obj, key);
}
bool rv_set_del(rv *set, rv item)
{
    return set->kind == RV_SET && obj_del(set, item);
}

struct kv {
    rv k, v;
};

static int cmp_kv(const void *a, const void *b)
{
    return rv_cmp(((const struct kv *)a)->k, ((const struct kv *)b)->k);
}

void rv_obj_sort(struct rv_obj *o)
{
    if (o->sorted)
        return;
    struct kv *e = xmalloc(o->len * sizeof(*e));
    for (size_t i = 0; i < o->len; i++) {
        e[i].k = o->keys[i];
        e[i].v = o->vals ? o->vals[i] : rv_undef();
    }
    qsort(e, o->len, sizeof(*e), cmp_kv);
    for (size_t i = 0; i < o->len; i++) {
        o->keys[i] = e[i].k;
        if (o->vals)
            o->vals[i] = e[i].v;
    }
    free(e);
    o->sorted = true;
    index_rebuild(o);
}

rv rv_obj_key_at(rv obj, size_t i)
{
    if (obj.kind != RV_OBJECT && obj.kind != RV_SET)
        return rv_undef();
    struct rv_obj *o = obj.u.p;
    if (i >= o->len)
        return rv_undef();
    rv_obj_sort(o);
    return o->keys[i];
}

rv rv_obj_val_at(rv obj, size_t i)
{
    if (obj.kind != RV_OBJECT)
        return rv_undef();
    struct rv_obj *o = obj.u.p;
    if (i >= o->len)
        return rv_undef();
    rv_obj_sort(o);
    return o->vals[i];
}

rv rv_set_at(rv set, size_t i)
{
    return set.kind == RV_SET ? rv_obj_key_at(set, i) : rv_undef();
}

rv rv_set_at_unsorted(rv set, size_t i)
{
    if (set.kind != RV_SET || i >= ((struct rv_obj *)set.u.p)->len)
        return rv_undef();
    return ((struct rv_obj *)set.u.p)->keys[i];
}

void rv_set_add(rv *set, rv item)
{
    if (set->kind != RV_SET) {
        rv_unref(item);
        return;
    }
    if (obj_find(set->u.p, item) >= 0) {
        rv_unref(item);
        return;
    }
    obj_append(obj_own(set), item, rv_undef());
}

bool rv_set_has(rv set, rv item)
{
    return set.kind == RV_SET && obj_find(set.u.p, item) >= 0;
}

/* ---- generic ---- */

size_t rv_len(rv v)
{
    switch ((enum rv_kind)v.kind) {
    case RV_STRING:
        return ((struct rv_strh *)v.u.p)->len;
    case RV_ARRAY:
        return ((struct rv_arr *)v.u.p)->len;
    case RV_OBJECT:
    case RV_SET:
        return ((struct rv_obj *)v.u.p)->len;
    default:
        return 0;
    }
}

static int cmp_coll(rv a, rv b)
{
    size_t na = rv_len(a), nb = rv_len(b), n = na < nb ? na : nb;
    for (size_t i = 0; i < n; i++) {
        int c;
        if (a.kind == RV_ARRAY) {
            c = rv_cmp(rv_arr_at(a, i), rv_arr_at(b, i));
        } else {
            c = rv_cmp(rv_obj_key_at(a, i), rv_obj_key_at(b, i));
            if (!c && a.kind == RV_OBJECT)
                c = rv_cmp(rv_obj_val_at(a, i), rv_obj_val_at(b, i));
        }
        if (c)
            return c;
    }
    return na < nb ? -1 : na > nb;
}

int rv_cmp(rv a, rv b)
{
    if (a.kind != b.kind)
        return a.kind < b.kind ? -1 : 1;
    switch ((enum rv_kind)a.kind) {
    case RV_UNDEF:
    case RV_NULL:
        return 0;
    case RV_BOOL:
        return (int)a.u.b - (int)b.u.b;
    case RV_NUMBER:
        return rv_num_cmp(a, b);
    case RV_STRING: {
        if (a.u.p == b.u.p)
            return 0;
        size_t la = rv_str_len(a), lb = rv_str_len(b);
        int c = memcmp(rv_str(a), rv_str(b), la < lb ? la : lb);
        if (c)
            return c < 0 ? -1 : 1;
        return la < lb ? -1 : la > lb;
    }
    default:
        if (a.u.p == b.u.p)
            return 0;
        return cmp_coll(a, b);
    }
}

bool rv_equal(rv a, rv b)
{
    if (a.kind != b.kind)
        return false;
    if (a.kind == RV_STRING) {
        if (a.u.p == b.u.p)
            return true;
        size_t la = rv_str_len(a);
        return la == rv_str_len(b) && memcmp(rv_str(a), rv_str(b), la) == 0;
    }
    if ((a.kind == RV_ARRAY || a.kind == RV_OBJECT || a.kind == RV_SET) && rv_len(a) != rv_len(b))
        return false;
    if (a.kind == RV_OBJECT || a.kind == RV_SET) {
        if (a.u.p == b.u.p)
            return true;
        /* order-independent: look each key up */
        for (size_t i = 0; i < rv_len(a); i++) {
            struct rv_obj *o = a.u.p;
            rv k = o->keys[i];
            if (a.kind == RV_SET) {
                if (!rv_set_has(b, k))
                    return false;
            } else {
                rv bv = rv_obj_get(b, k);
                if (rv_is_undef(bv) || !rv_equal(o->vals[i], bv))
                    return false;
            }
        }
        return true;
    }
    return rv_cmp(a, b) == 0;
}

/* Eight bytes per step (multiply and fold), then the tail byte by byte: strings are hashed
 * once (the hash is cached) but large documents hold millions of them. */
uint64_t rv_hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL ^ (n * 0x9e3779b97f4a7c15ULL);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
    }
    for (; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 32;
    return h;
}

uint64_t rv_hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

uint64_t rv_hash(rv v)
{
    switch ((enum rv_kind)v.kind) {
    case RV_UNDEF:
        return 0;
    case RV_NULL:
        return 0x9e3779b97f4a7c15ULL;
    case RV_BOOL:
        return v.u.b ? 0x51ULL : 0x52ULL;
    case RV_NUMBER: {
        int64_t i;
        if (rv_num_to_int64(v, &i))
            return rv_hash_mix((uint64_t)i);
        if (rv_num_is_int(v)) {
            char *t = rv_num_int_text(v);
            uint64_t h = t ? rv_hash_bytes(t, strlen(t)) : 0;
            free(t);
            return h;
        }
        double d = rv_num_to_double(v);
        uint64_t bits;
        memcpy(&bits, &d, sizeof(bits));
        return rv_hash_mix(bits);
    }
    case RV_STRING: {
        struct rv_strh *h = v.u.p;
        if (!h->hash)
            h->hash = rv_hash_bytes(h->s, h->len) | 1;
        return h->hash;
    }
    case RV_ARRAY: {
        uint64_t h = 0xa5;
        for (size_t i = 0; i < rv_len(v); i++)
            h = rv_hash_mix(h * 31 + rv_hash(rv_arr_at(v, i)));
        return h;
    }
    case RV_OBJECT:
    case RV_SET: {
        uint64_t h = v.kind == RV_SET ? 0x5e7 : 0x0b1;
        struct rv_obj *o = v.u.p;
        for (size_t i = 0; i < o->len; i++) { /* order-independent sum */
            uint64_t e = rv_hash(o->keys[i]);
            if (o->vals)
                e = rv_hash_mix(e ^ (rv_hash(o->vals[i]) * 7));
            h += e;
        }
        return rv_hash_mix(h);
    }
    }
    return 0;
}

rv rv_get(rv coll, rv key)
{
    switch ((enum rv_kind)coll.kind) {
    case RV_ARRAY: {
        int64_t i;
        if (key.kind != RV_NUMBER || !rv_num_to_int64(key, &i) || i < 0)
            return rv_undef();
        return rv_arr_at(coll, (size_t)i);
    }
    case RV_OBJECT:
        return rv_obj_get(coll, key);
    case RV_SET: {
        struct rv_obj *o = coll.u.p;
        long i = obj_find(o, key);
        return i >= 0 ? o->keys[i] : rv_undef();
    }
    default:
        return rv_undef();
    }
}
