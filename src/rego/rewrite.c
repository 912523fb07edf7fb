/* rewrite.c: the compiler rewrites of OPA's that change results (its "rewrite expression terms",
 * "rewrite dynamic terms" and "rewrite refs in head" stages), applied where the outcome differs
 * from evaluating the expression as written:
 *
 * - a negated expression's call arguments and ref operands are evaluated first, as their own
 *   (positive) expressions: `not f(x.absent)` becomes `__l = x.absent; not f(__l)`, so an undefined
 *   argument makes the body fail instead of making the negation succeed. Nested calls
 *   (`not f(g(x))`), refs inside array/object/set arguments, ref operands (`not a[b.c]`) and the
 *   operands of `in`, `!=`, `<` and the other operators are pulled out the same way; the
 *   extracted expressions keep the expression's `with` modifiers. `==` is unification to OPA
 *   (its "rewrite equals" stage), so a ref compared with `==` stays inside the negation:
 *   `not x.absent == true` still succeeds, while `not f(x.absent) == true` fails. This runs in every body: rule
 *   bodies, comprehension bodies, `every` bodies and queries.
 * - the value (or key) of a rule in an else chain is computed in its body: when it is undefined
 *   the body fails and evaluation falls through to the `else` (OPA: `p := input.absent if true
 *   else := 2` is 2).
 *
 * Positive expressions are left alone: pulling their arguments out gives the same results. Refs
 * containing a wildcard are not pulled out of a negation (that would turn "no element matches"
 * into "some element does not").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/rewrite.h"

struct rw {
    struct rego_module *m;
    int *nslots;
    struct rego_expr **extra; /* expressions to insert before the current one */
    size_t nextra, cap;
    struct rego_expr *orig;
};

static void *alloc(struct rw *w, size_t n)
{
    void *p = rego_arena_alloc(&w->m->arena, n);
    if (!p)
        osp_oom();
    return p;
}

static bool has_wildcard(const struct rego_term *t)
{
    if (!t)
        return false;
    if (t->kind == TM_VAR)
        return t->scope == VS_WILDCARD;
    if (t->kind == TM_ACOMP || t->kind == TM_SCOMP || t->kind == TM_OCOMP || t->kind == TM_WITHVAL)
        return false;
    for (size_t i = 0; i < t->n; i++)
        if (has_wildcard(t->a[i]))
            return true;
    return false;
}

/* `__l = t` before the current expression; returns the new local __l. */
static struct rego_term *extract(struct rw *w, struct rego_term *t)
{
    struct rego_term *v = alloc(w, sizeof(*v));
    v->kind = TM_VAR;
    v->scope = VS_LOCAL;
    v->slot = (*w->nslots)++;
    v->name = "__local__";
    v->line = t->line;
    v->col = t->col;
    struct rego_expr *e = alloc(w, sizeof(*e));
    e->kind = EX_UNIFY;
    e->a = v;
    e->b = t;
    e->line = t->line;
    e->col = t->col;
    e->text = "";
    e->with = w->orig->with; /* OPA: generated expressions keep the modifiers */
    e->nwith = w->orig->nwith;
    if (w->nextra == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8;
        struct rego_expr **p = realloc(w->extra, w->cap * sizeof(*p));
        if (!p)
            osp_oom();
        w->extra = p;
    }
    w->extra[w->nextra++] = e;
    return v;
}

static struct rego_term *dyn_one(struct rw *w, struct rego_term *t);

/* Operands of a ref (and a call head) first; the ref itself stays. */
static void dyn_in_ref(struct rw *w, struct rego_term *t)
{
    if (t->a[0]->kind == TM_CALL)
        t->a[0] = dyn_one(w, t->a[0]);
    for (size_t i = 1; i < t->n; i++)
        t->a[i] = dyn_one(w, t->a[i]);
}

/* A term in argument position: refs and calls become locals bound before the expression. */
static struct rego_term *dyn_one(struct rw *w, struct rego_term *t)
{
    switch ((enum rego_term_kind)t->kind) {
    case TM_REF:
        if (has_wildcard(t))
            return t;
        dyn_in_ref(w, t);
        return extract(w, t);
    case TM_CALL:
        if (has_wildcard(t))
            return t;
        for (size_t i = 0; i < t->n; i++)
            t->a[i] = dyn_one(w, t->a[i]);
        return extract(w, t);
    case TM_ARRAY:
    case TM_SET:
    case TM_OBJECT:
        if (t->ground)
            return t;
        for (size_t i = 0; i < t->n; i++)
            t->a[i] = dyn_one(w, t->a[i]);
        return t;
    default:
        return t;
    }
}

/* A side of `=` (and of `==`, which OPA turns into `=` first): a ref keeps its place but its
 * ref operands are pulled out; a call is pulled out; composites have their elements pulled out. */
static struct rego_term *dyn_in_term(struct rw *w, struct rego_term *t)
{
    if (!t)
        return t;
    if (t->kind == TM_REF) {
        if (!has_wildcard(t))
            dyn_in_ref(w, t);
        return t;
    }
    return dyn_one(w, t);
}

/* The top term of a negated expression: a call's arguments (`==`: both sides as for `=`); any
 * other term as a side of `=`. */
static void dyn_top(struct rw *w, struct rego_term *t)
{
    if (!t)
        return;
    if (t->kind == TM_CALL && t->n == 2 && !strcmp(t->name, "equal")) {
        t->a[0] = dyn_in_term(w, t->a[0]);
        t->a[1] = dyn_in_term(w, t->a[1]);
    } else if (t->kind == TM_CALL) {
        for (size_t i = 0; i < t->n; i++)
            t->a[i] = dyn_one(w, t->a[i]);
    } else if (t->kind == TM_REF) {
        dyn_in_term(w, t);
    } else if (t->kind == TM_ARRAY || t->kind == TM_SET || t->kind == TM_OBJECT) {
        if (!t->ground)
            for (size_t i = 0; i < t->n; i++)
                t->a[i] = dyn_one(w, t->a[i]);
    }
}

static void rw_body(struct rego_module *m, struct rego_body *b, int *nslots);

void rego_visit_term(struct rego_term *t, void (*on_term)(struct rego_term *, void *),
                     void (*on_body)(struct rego_body *, void *), void *ud)
{
    if (!t)
        return;
    if (on_term)
        on_term(t, ud);
    switch ((enum rego_term_kind)t->kind) {
    case TM_ACOMP:
    case TM_SCOMP:
    case TM_OCOMP:
        rego_visit_term(t->head, on_term, on_body, ud);
        rego_visit_term(t->key, on_term, on_body, ud);
        on_body(t->body, ud);
        return;
    case TM_WITHVAL:
        on_body(t->body, ud);
        return;
    case TM_VALUE:
    case TM_VAR:
        return;
    default:
        for (size_t i = 0; i < t->n; i++)
            rego_visit_term(t->a[i], on_term, on_body, ud);
    }
}

struct nested {
    struct rego_module *m;
    int *nslots;
};

static void nested_body(struct rego_body *b, void *ud)
{
    struct nested *n = ud;
    rw_body(n->m, b, n->nslots);
}

/* Bodies nested in a term (comprehensions, template `with` parts). */
static void rw_nested(struct rego_module *m, struct rego_term *t, int *nslots)
{
    struct nested n = {m, nslots};
    rego_visit_term(t, NULL, nested_body, &n);
}

static void rw_nested_expr(struct rego_module *m, struct rego_expr *e, int *nslots)
{
    rw_nested(m, e->a, nslots);
    rw_nested(m, e->b, nslots);
    rw_nested(m, e->k, nslots);
    rw_nested(m, e->v, nslots);
    rw_nested(m, e->coll, nslots);
    for (size_t i = 0; i < e->nwith; i++)
        rw_nested(m, e->with[i].value, nslots);
    if (e->kind == EX_EVERY)
        rw_body(m, e->body, nslots);
}

static void rw_body(struct rego_module *m, struct rego_body *b, int *nslots)
{
    if (!b)
        return;
    struct rw w = {m, nslots, NULL, 0, 0, NULL};
    struct rego_expr **out = NULL;
    size_t n = 0, cap = 0;
    bool changed = false;
    for (size_t i = 0; i < b->n; i++) {
        struct rego_expr *e = b->e[i];
        rw_nested_expr(m, e, nslots);
        w.nextra = 0;
        w.orig = e;
        if (e->neg && e->kind == EX_TERM) {
            dyn_top(&w, e->a);
        } else if (e->neg && e->kind == EX_UNIFY) {
            e->a = dyn_in_term(&w, e->a);
            e->b = dyn_in_term(&w, e->b);
        }
        if (n + w.nextra + 1 > cap) {
            cap = (n + w.nextra + 1) * 2;
            struct rego_expr **p = realloc(out, cap * sizeof(*p));
            if (!p)
                osp_oom();
            out = p;
        }
        changed |= w.nextra > 0;
        for (size_t j = 0; j < w.nextra; j++)
            out[n++] = w.extra[j];
        out[n++] = e;
    }
    if (changed) {
        struct rego_expr **es = alloc(&w, n * sizeof(*es));
        memcpy(es, out, n * sizeof(*es));
        b->e = es;
        b->n = n;
    }
    free(out);
    free(w.extra);
}

void rego_rewrite_body(struct rego_module *m, struct rego_body *b, int *nslots)
{
    rw_body(m, b, nslots);
}

void rego_rewrite_rule(struct rego_module *m, struct rego_rule *r, int *nslots)
{
    for (struct rego_rule *x = r; x; x = x->els) {
        rw_nested(m, x->value, nslots);
        rw_nested(m, x->key, nslots);
        for (size_t i = 0; i < x->nrest; i++)
            rw_nested(m, x->rest[i], nslots);
        rw_body(m, x->body, nslots);
    }
}

bool rego_term_computed(const struct rego_term *t)
{
    if (!t)
        return false;
    switch ((enum rego_term_kind)t->kind) {
    case TM_VALUE:
    case TM_VAR:
        return false;
    case TM_ARRAY:
    case TM_OBJECT:
    case TM_SET:
        for (size_t i = 0; i < t->n; i++)
            if (rego_term_computed(t->a[i]))
                return true;
        return false;
    default:
        return true;
    }
}

void rego_rewrite_else_heads(struct rego_module *m, struct rego_rule *r)
{
    if (!r->els)
        return;
    struct rw w = {m, NULL, NULL, 0, 0, NULL};
    int k = 0;
    for (struct rego_rule *x = r; x; x = x->els) {
        if (!rego_term_computed(x->value))
            continue;
        struct rego_term *v = alloc(&w, sizeof(*v));
        char name[32];
        snprintf(name, sizeof(name), "__head%d", k++);
        v->kind = TM_VAR;
        v->slot = -1;
        v->name = rego_arena_strndup(&m->arena, name, strlen(name));
        v->line = x->value->line;
        v->col = x->value->col;
        if (!v->name)
            osp_oom();
        struct rego_expr *e = alloc(&w, sizeof(*e));
        e->kind = EX_UNIFY;
        e->a = v;
        e->b = x->value;
        e->line = v->line;
        e->col = v->col;
        e->text = "";
        struct rego_expr **es = alloc(&w, (x->body->n + 1) * sizeof(*es));
        if (x->body->n)
            memcpy(es, x->body->e, x->body->n * sizeof(*es));
        es[x->body->n] = e;
        x->body->e = es;
        x->body->n++;
        struct rego_term *use = alloc(&w, sizeof(*use));
        *use = *v;
        x->value = use;
    }
}
