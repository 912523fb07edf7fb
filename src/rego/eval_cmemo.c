/* eval_cmemo.c: comprehensions evaluated once per query when nothing they read is bound.
 *
 * `not name in {b.name.value | some b in input.aws.s3.buckets}` inside a loop over trails builds
 * the same set for every trail: O(trails x buckets). A comprehension none of whose local
 * variables is bound when it is reached depends only on input, data and the functions it calls,
 * which are fixed for the query outside `with` (a `with` scope swaps the rule memo and may mock
 * functions: no memo there). Its value is then kept for the rest of the query, keyed by the
 * term. Which slots a comprehension mentions is worked out once per query and term; a term seen
 * with one of them bound is evaluated as usual each time. Results and their order are those of
 * the plain evaluation (the value is the one the first evaluation built); an evaluation that
 * fails or stops is not kept. */
#include <stdlib.h>
#include <string.h>

#include "rego/eval_int.h"

#define CM_MAX_SLOTS 64 /* comprehensions mentioning more locals are not memoized */

struct cm_ent {
    const struct rego_term *t; /* NULL: free slot */
    int *slots;                /* the local slots the comprehension mentions */
    size_t nslots;
    bool uncacheable;          /* too many slots, or a `with` inside */
    bool has_val;
    rv val;
};

struct rego_cmemo {
    struct cm_ent *v;
    size_t cap, n; /* cap: power of two */
};

struct slots {
    int s[CM_MAX_SLOTS];
    size_t n;
    bool over;
};

static void walk_body(const struct rego_body *b, struct slots *o);

static void add_slot(struct slots *o, int slot)
{
    for (size_t i = 0; i < o->n; i++)
        if (o->s[i] == slot)
            return;
    if (o->n == CM_MAX_SLOTS)
        o->over = true;
    else
        o->s[o->n++] = slot;
}

static void walk_term(const struct rego_term *t, struct slots *o)
{
    if (!t || o->over || t->ground)
        return;
    if (t->kind == TM_VAR) {
        if ((t->scope == VS_LOCAL || t->scope == VS_WILDCARD) && t->slot >= 0)
            add_slot(o, t->slot);
        return;
    }
    for (size_t i = 0; i < t->n; i++)
        walk_term(t->a[i], o);
    walk_term(t->head, o);
    walk_term(t->key, o);
    walk_term(t->fn, o);
    if (t->body)
        walk_body(t->body, o);
}

static void walk_body(const struct rego_body *b, struct slots *o)
{
    for (size_t i = 0; b && i < b->n && !o->over; i++) {
        const struct rego_expr *e = b->e[i];
        if (e->nwith) {
            o->over = true; /* with inside: leave it to the plain evaluation */
            return;
        }
        walk_term(e->a, o);
        walk_term(e->b, o);
        walk_term(e->k, o);
        walk_term(e->v, o);
        walk_term(e->coll, o);
        for (size_t j = 0; j < e->nvars; j++)
            walk_term(e->vars[j], o);
        if (e->body)
            walk_body(e->body, o);
    }
}

static struct rego_cmemo *cm_get(struct ev *ev)
{
    if (!ev->cmemo) {
        ev->cmemo = calloc(1, sizeof(*ev->cmemo));
        if (!ev->cmemo)
            return NULL;
    }
    return ev->cmemo;
}

static bool grow(struct rego_cmemo *c)
{
    size_t cap = c->cap ? c->cap * 2 : 16;
    struct cm_ent *v = calloc(cap, sizeof(*v));
    if (!v)
        return false;
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->v[i].t)
            continue;
        size_t h = ((uintptr_t)c->v[i].t >> 4) & (cap - 1);
        while (v[h].t)
            h = (h + 1) & (cap - 1);
        v[h] = c->v[i];
    }
    free(c->v);
    c->v = v;
    c->cap = cap;
    return true;
}

struct cm_ent *rego_cmemo_find(struct ev *ev, const struct rego_term *t)
{
    if (ev->nmocks || ev->memo != ev->memo0)
        return NULL; /* inside `with` */
    struct rego_cmemo *c = cm_get(ev);
    if (!c || ((c->n + 1) * 2 > c->cap && !grow(c)))
        return NULL;
    size_t h = ((uintptr_t)t >> 4) & (c->cap - 1);
    while (c->v[h].t && c->v[h].t != t)
        h = (h + 1) & (c->cap - 1);
    struct cm_ent *m = &c->v[h];
    if (!m->t) {
        struct slots o = {.n = 0};
        walk_term(t->head, &o);
        walk_term(t->key, &o);
        walk_body(t->body, &o);
        m->t = t;
        m->uncacheable = o.over;
        if (!o.over && o.n && !(m->slots = malloc(o.n * sizeof(int))))
            m->uncacheable = true;
        if (!m->uncacheable && o.n) {
            memcpy(m->slots, o.s, o.n * sizeof(int));
            m->nslots = o.n;
        }
        c->n++;
    }
    if (m->uncacheable)
        return NULL;
    for (size_t i = 0; i < m->nslots; i++)
        if (!rv_is_undef(ev->slots[m->slots[i]]))
            return NULL; /* depends on a binding of the enclosing body */
    return m;
}

bool rego_cmemo_value(const struct cm_ent *m, rv *out)
{
    if (!m || !m->has_val)
        return false;
    *out = m->val;
    return true;
}

void rego_cmemo_keep(struct cm_ent *m, rv v)
{
    if (!m || m->has_val)
        return;
    m->val = rv_ref(v);
    m->has_val = true;
}

void rego_cmemo_free(struct ev *ev)
{
    struct rego_cmemo *c = ev->cmemo;
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++) {
        free(c->v[i].slots);
        if (c->v[i].has_val)
            rv_unref(c->v[i].val);
    }
    free(c->v);
    free(c);
    ev->cmemo = NULL;
}
