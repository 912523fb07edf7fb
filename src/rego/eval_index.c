/* eval_index.c: join indexes. A body `some x in coll` whose next expression is `x.a.b == t`
 * (or `t == x.a.b`, `x.a.b = t`) with t already bound iterates only the elements whose
 * x.a.b equals t: a hash index of coll by that path is built on first use and kept for the
 * rest of the query, so a join such as trail -> bucket costs O(trails + buckets) instead of
 * O(trails x buckets). The equality itself is still evaluated for every candidate, so the
 * results, their order and their errors are those of the plain scan. */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/eval_int.h"

#define IX_MIN_LEN 16  /* smaller collections are scanned */
#define IX_MAX_ENTRIES 256 /* indexes kept per query */

struct ix_ent {
    rv coll;                         /* a reference is held: the pointer stays unique while cached */
    const struct rego_term *path;    /* x.a.b: operands a[1..n-1] are string constants */
    uint32_t *heads, *next;          /* chains of element index + 1, ascending */
    size_t mask;
};

struct rego_ix {
    struct ix_ent *v;
    size_t n, cap;
};

static bool const_path(const struct rego_term *t, int slot)
{
    if (t->kind != TM_REF || t->n < 2 || t->a[0]->kind != TM_VAR || t->a[0]->scope != VS_LOCAL ||
        t->a[0]->slot != slot)
        return false;
    for (size_t i = 1; i < t->n; i++)
        if (t->a[i]->kind != TM_VALUE || rv_kind(t->a[i]->val) != RV_STRING)
            return false;
    return true;
}

static bool bound_var(const struct ev *ev, const struct rego_term *t, int slot)
{
    if (t->kind != TM_VAR)
        return false;
    if (t->scope == VS_INPUT)
        return true;
    return t->scope == VS_LOCAL && t->slot >= 0 && t->slot != slot && !rv_is_undef(ev->slots[t->slot]);
}

/* A term whose single value is known now and does not depend on the iteration variable:
 * a constant, a bound variable, or a ref from one with constant operands. */
static bool ground_now(const struct ev *ev, const struct rego_term *t, int slot)
{
    if (t->kind == TM_VALUE)
        return true;
    if (t->kind == TM_VAR)
        return bound_var(ev, t, slot);
    if (t->kind != TM_REF || !bound_var(ev, t->a[0], slot))
        return false;
    for (size_t i = 1; i < t->n; i++)
        if (t->a[i]->kind != TM_VALUE)
            return false;
    return true;
}

bool rego_ix_plan(const struct ev *ev, const struct rego_body *b, size_t i, struct rego_ix_plan *p)
{
    const struct rego_expr *e = b->e[i];
    if (e->kind != EX_SOMEIN || e->neg || e->nwith || i + 1 >= b->n || ev->nmocks)
        return false;
    if (e->v->kind != TM_VAR || e->v->scope != VS_LOCAL || e->v->slot < 0 || !rv_is_undef(ev->slots[e->v->slot]))
        return false;
    if (e->k && !(e->k->kind == TM_VAR && (e->k->scope == VS_LOCAL || e->k->scope == VS_WILDCARD) &&
                  e->k->slot >= 0 && e->k->slot != e->v->slot && rv_is_undef(ev->slots[e->k->slot])))
        return false;
    const struct rego_expr *f = b->e[i + 1];

    if (f->neg || f->nwith || f->capture)
        return false;
    const struct rego_term *x, *y;
    if (f->kind == EX_UNIFY) {
        x = f->a;
        y = f->b;
    } else if (f->kind == EX_TERM && f->a->kind == TM_CALL && f->a->n == 2 && f->a->target) {
        const struct rego_func_target *ft = f->a->target;
        bool eq = ft->kind == CALL_INTERNAL ? ft->ifn == IF_EQ
                                            : ft->kind == CALL_BUILTIN && ft->bi && !strcmp(ft->bi->name, "equal");
        if (!eq)
            return false;
        x = f->a->a[0];
        y = f->a->a[1];
    } else {
        return false;
    }
    int slot = e->v->slot;
    if (!const_path(x, slot)) {
        const struct rego_term *t = x;
        x = y;
        y = t;
    }
    if (!const_path(x, slot) || !ground_now(ev, y, slot))
        return false;
    p->path = x;
    p->key = (struct rego_term *)y;
    return true;
}

static rv elem_at(rv coll, size_t i)
{
    switch (rv_kind(coll)) {
    case RV_ARRAY:
        return rv_arr_at(coll, i);
    case RV_OBJECT:
        return rv_obj_val_at(coll, i);
    default:
        return rv_set_at(coll, i);
    }
}

static rv path_value(rv v, const struct rego_term *path)
{
    for (size_t i = 1; i < path->n && !rv_is_undef(v); i++)
        v = rv_get(v, path->a[i]->val);
    return v;
}

static void ix_build(struct ix_ent *x)
{
    size_t n = rv_len(x->coll), cap = 16;
    while (cap < n * 2)
        cap <<= 1;
    x->heads = calloc(cap, sizeof(uint32_t));
    x->next = calloc(n ? n : 1, sizeof(uint32_t));
    if (!x->heads || !x->next)
        osp_oom();
    x->mask = cap - 1;
    for (size_t i = n; i-- > 0;) { /* pushed at the head from the end: chains ascend */
        rv pv = path_value(elem_at(x->coll, i), x->path);
        if (rv_is_undef(pv))
            continue;
        size_t h = rv_hash(pv) & x->mask;
        x->next[i] = x->heads[h];
        x->heads[h] = (uint32_t)(i + 1);
    }
}

/* The index of coll by path, built on first use; NULL when coll is not worth one. */
static struct ix_ent *ix_get(struct ev *ev, rv coll, const struct rego_term *path)
{
    enum rv_kind k = rv_kind(coll);
    if ((k != RV_ARRAY && k != RV_OBJECT && k != RV_SET) || rv_len(coll) < IX_MIN_LEN || rv_len(coll) > UINT32_MAX - 1)
        return NULL;
    struct rego_ix *c = ev->ix;
    if (!c) {
        c = ev->ix = calloc(1, sizeof(*c));
        if (!c)
            osp_oom();
    }
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].coll.u.p == coll.u.p && c->v[i].path == path)
            return &c->v[i];
    if (c->n == IX_MAX_ENTRIES)
        return NULL;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 8;
        struct ix_ent *v = realloc(c->v, c->cap * sizeof(*v));
        if (!v)
            osp_oom();
        c->v = v;
    }
    struct ix_ent *x = &c->v[c->n++];
    *x = (struct ix_ent){rv_ref(coll), path, NULL, NULL, 0};
    ix_build(x);
    return x;
}

int rego_ix_each(struct ev *ev, rv coll, const struct rego_ix_plan *p, rv key,
                 int (*each)(struct ev *, rv, rv, void *), void *ud)
{
    struct ix_ent *x = ix_get(ev, coll, p->path);
    if (!x)
        return -1;
    int rc = EV_OK;
    for (uint32_t j = x->heads[rv_hash(key) & x->mask]; j && !rc; j = x->next[j - 1]) {
        size_t i = j - 1;
        rv el = elem_at(coll, i);
        if (!rv_equal(path_value(el, p->path), key))
            continue;
        if (rv_kind(coll) == RV_ARRAY) {
            rv k = rv_num_int((int64_t)i);
            rc = each(ev, k, el, ud);
        } else {
            rc = each(ev, rv_kind(coll) == RV_OBJECT ? rv_obj_key_at(coll, i) : el, el, ud);
        }
    }
    return rc;
}

void rego_ix_free(struct ev *ev)
{
    struct rego_ix *c = ev->ix;
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        rv_unref(c->v[i].coll);
        free(c->v[i].heads);
        free(c->v[i].next);
    }
    free(c->v);
    free(c);
    ev->ix = NULL;
}
