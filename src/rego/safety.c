/* safety.c: safety check and reordering: every expression runs after its inputs are bound. */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/rego_int.h"

struct sa {
    struct rego_engine *e;
    struct rego_module *m;
    int nslots;
    const int *depth;
    struct osp_err *err;
    enum osp_code rc;
};

static bool is_local(const struct rego_term *t)
{
    return t->kind == TM_VAR && (t->scope == VS_LOCAL || t->scope == VS_WILDCARD) && t->slot >= 0;
}

static void t_in(struct sa *a, const unsigned char *B, struct rego_term *t, unsigned char *need, unsigned char *out);

/* Local vars inside a nested body/term that belong to scopes shallower than depth. */
static void free_vars(struct sa *a, struct rego_term *t, int depth, unsigned char *acc);

static void free_vars_body(struct sa *a, struct rego_body *b, int depth, unsigned char *acc)
{
    for (size_t i = 0; i < b->n; i++) {
        struct rego_expr *e = b->e[i];
        free_vars(a, e->a, depth, acc);
        free_vars(a, e->b, depth, acc);
        free_vars(a, e->k, depth, acc);
        free_vars(a, e->v, depth, acc);
        free_vars(a, e->coll, depth, acc);
        for (size_t j = 0; j < e->nvars; j++)
            free_vars(a, e->vars[j], depth, acc);
        if (e->body)
            free_vars_body(a, e->body, depth, acc);
        for (size_t j = 0; j < e->nwith; j++)
            free_vars(a, e->with[j].value, depth, acc);
    }
}

static void free_vars(struct sa *a, struct rego_term *t, int depth, unsigned char *acc)
{
    if (!t)
        return;
    if (is_local(t)) {
        if (a->depth[t->slot] < depth)
            acc[t->slot] = 1;
        return;
    }
    for (size_t i = 0; i < t->n; i++)
        free_vars(a, t->a[i], depth, acc);
    free_vars(a, t->head, depth, acc);
    free_vars(a, t->key, depth, acc);
    if (t->body)
        free_vars_body(a, t->body, depth, acc);
}

static void t_pat(struct sa *a, const unsigned char *B, struct rego_term *t, unsigned char *need, unsigned char *out)
{
    if (is_local(t)) {
        if (!B[t->slot])
            out[t->slot] = 1;
        return;
    }
    if (t->kind == TM_ARRAY) {
        for (size_t i = 0; i < t->n; i++)
            t_pat(a, B, t->a[i], need, out);
        return;
    }
    if (t->kind == TM_OBJECT) {
        for (size_t i = 0; i + 1 < t->n; i += 2) {
            t_in(a, B, t->a[i], need, out);
            t_pat(a, B, t->a[i + 1], need, out);
        }
        return;
    }
    t_in(a, B, t, need, out);
}

static void t_in(struct sa *a, const unsigned char *B, struct rego_term *t, unsigned char *need, unsigned char *out)
{
    if (!t)
        return;
    switch ((enum rego_term_kind)t->kind) {
    case TM_VALUE:
        return;
    case TM_VAR:
        if (is_local(t) && !B[t->slot] && !out[t->slot])
            need[t->slot] = 1;
        return;
    case TM_REF:
        t_in(a, B, t->a[0], need, out);
        for (size_t i = 1; i < t->n; i++) {
            struct rego_term *op = t->a[i];
            if (op->kind == TM_VAR || op->kind == TM_ARRAY || op->kind == TM_OBJECT)
                t_pat(a, B, op, need, out);
            else
                t_in(a, B, op, need, out);
        }
        return;
    case TM_CALL: {
        const struct rego_func_target *ft = t->target;
        size_t nin = t->n;
        if (ft && ft->arity >= 0 && t->n == (size_t)ft->arity + 1)
            nin = t->n - 1;
        /* generators in any argument bind before bare vars are read (f(x, a[x])); only the
         * direct operands of ref arguments count, so the walk stays linear */
        for (size_t i = 0; i < nin; i++) {
            struct rego_term *r = t->a[i];
            for (size_t j = 1; r->kind == TM_REF && j < r->n; j++)
                if (is_local(r->a[j]) && !B[r->a[j]->slot])
                    out[r->a[j]->slot] = 1;
        }
        for (size_t i = 0; i < nin; i++)
            t_in(a, B, t->a[i], need, out);
        if (nin < t->n)
            t_pat(a, B, t->a[nin], need, out);
        return;
    }
    case TM_WITHVAL:
        t_in(a, B, t->body->e[0]->a, need, out);
        for (size_t i = 0; i < t->body->e[0]->nwith; i++)
            t_in(a, B, t->body->e[0]->with[i].value, need, out);
        return;
    case TM_ACOMP:
    case TM_SCOMP:
    case TM_OCOMP: {
        unsigned char *fv = calloc((size_t)a->nslots + 1, 1);
        if (!fv)
            osp_oom();
        free_vars(a, t, t->body->depth, fv);
        for (int i = 0; i < a->nslots; i++)
            if (fv[i] && !B[i] && !out[i])
                need[i] = 1;
        free(fv);
        return;
    }
    default:
        for (size_t i = 0; i < t->n; i++)
            t_in(a, B, t->a[i], need, out);
    }
}

static bool has_unbound_pat(const unsigned char *B, const struct rego_term *t)
{
    if (is_local(t))
        return !B[t->slot];
    if (t->kind == TM_ARRAY) {
        for (size_t i = 0; i < t->n; i++)
            if (has_unbound_pat(B, t->a[i]))
                return true;
    } else if (t->kind == TM_OBJECT) {
        for (size_t i = 1; i < t->n; i += 2)
            if (has_unbound_pat(B, t->a[i]))
                return true;
    }
    return false;
}

static void unify_an(struct sa *a, const unsigned char *B, struct rego_term *x, struct rego_term *y,
                     unsigned char *need, unsigned char *out)
{
    if (x->kind == TM_ARRAY && y->kind == TM_ARRAY && x->n == y->n) {
        for (size_t i = 0; i < x->n; i++)
            unify_an(a, B, x->a[i], y->a[i], need, out);
        return;
    }
    if (x->kind == TM_OBJECT && y->kind == TM_OBJECT && x->n == y->n) {
        for (size_t i = 0; i + 1 < x->n; i += 2) {
            t_in(a, B, x->a[i], need, out);
            t_in(a, B, y->a[i], need, out);
            size_t j = i;
            for (size_t q = 0; q + 1 < y->n; q += 2)
                if (x->a[i]->kind == TM_VALUE && y->a[q]->kind == TM_VALUE && rv_equal(x->a[i]->val, y->a[q]->val))
                    j = q;
            unify_an(a, B, x->a[i + 1], y->a[j + 1], need, out);
        }
        return;
    }
    if (!has_unbound_pat(B, x)) {
        t_in(a, B, x, need, out);
        t_pat(a, B, y, need, out);
    } else if (!has_unbound_pat(B, y)) {
        t_in(a, B, y, need, out);
        t_pat(a, B, x, need, out);
    } else {
        unsigned char *none = calloc((size_t)a->nslots + 1, 1);
        if (!none)
            osp_oom();
        t_in(a, B, x, need, none);
        t_in(a, B, y, need, none);
        free(none);
    }
}

static void analyze(struct sa *a, const unsigned char *B, struct rego_expr *e, const unsigned char *elsewhere,
                    unsigned char *need, unsigned char *out)
{
    for (size_t i = 0; i < e->nwith; i++)
        t_in(a, B, e->with[i].value, need, out);
    switch ((enum rego_expr_kind)e->kind) {
    case EX_TERM:
        t_in(a, B, e->a, need, out);
        break;
    case EX_UNIFY:
    case EX_ASSIGN:
        unify_an(a, B, e->a, e->b, need, out);
        break;
    case EX_SOME:
        break;
    case EX_SOMEIN:
        t_in(a, B, e->coll, need, out);
        if (e->k)
            t_pat(a, B, e->k, need, out);
        t_pat(a, B, e->v, need, out);
        break;
    case EX_EVERY: {
        t_in(a, B, e->coll, need, out);
        unsigned char *fv = calloc((size_t)a->nslots + 1, 1);
        if (!fv)
            osp_oom();
        free_vars_body(a, e->body, e->body->depth, fv);
        for (int i = 0; i < a->nslots; i++)
            if (fv[i] && !B[i])
                need[i] = 1;
        free(fv);
        break;
    }
    }
    if (e->neg) {
        for (int i = 0; i < a->nslots; i++) {
            if (out[i] && elsewhere[i])
                need[i] = 1;
            out[i] = 0;
        }
    }
}

/* Find a term for slot in expr to report its position. */
static const struct rego_term *find_slot(const struct rego_term *t, int slot)
{
    if (!t)
        return NULL;
    if (is_local(t) && t->slot == slot)
        return t;
    for (size_t i = 0; i < t->n; i++) {
        const struct rego_term *r = find_slot(t->a[i], slot);
        if (r)
            return r;
    }
    const struct rego_term *r = find_slot(t->head, slot);
    if (!r)
        r = find_slot(t->key, slot);
    if (!r && t->body)
        for (size_t i = 0; i < t->body->n && !r; i++) {
            const struct rego_expr *e = t->body->e[i];
            r = find_slot(e->a, slot);
            if (!r)
                r = find_slot(e->b, slot);
            if (!r)
                r = find_slot(e->coll, slot);
        }
    return r;
}

static enum osp_code unsafe(struct sa *a, struct rego_expr *e, struct rego_term *t, int slot)
{
    const struct rego_term *v = NULL;
    if (e) {
        struct rego_term *cand[] = {e->a, e->b, e->k, e->v, e->coll};
        for (size_t i = 0; i < 5 && !v; i++)
            v = find_slot(cand[i], slot);
        for (size_t i = 0; i < e->nwith && !v; i++)
            v = find_slot(e->with[i].value, slot);
    }
    if (!v && t)
        v = find_slot(t, slot);
    int line = v ? v->line : e ? e->line : 0, col = v ? v->col : e ? e->col : 0;
    const char *name = v && v->name ? v->name : "?";
    if (v && v->scope == VS_WILDCARD)
        name = "_";
    return rego_compile_error(a->e, a->err, "rego_unsafe_var_error", a->m->file, line, col, "var %s is unsafe", name);
}

static enum osp_code check_body(struct sa *a, struct rego_body *b, const unsigned char *bound_in,
                                struct rego_term **heads, size_t nheads);

/* Nested bodies (comprehensions, every) of a term, checked with the bindings in B. */
static enum osp_code nested_expr(struct sa *a, struct rego_expr *e, const unsigned char *B);

static enum osp_code nested_term(struct sa *a, struct rego_term *t, const unsigned char *B)
{
    if (!t)
        return OSP_OK;
    if (t->kind == TM_WITHVAL)
        return nested_expr(a, t->body->e[0], B);
    enum osp_code rc = OSP_OK;
    if (t->kind == TM_ACOMP || t->kind == TM_SCOMP || t->kind == TM_OCOMP) {
        struct rego_term *heads[2] = {t->head, t->key};
        return check_body(a, t->body, B, heads, t->key ? 2 : 1);
    }
    for (size_t i = 0; i < t->n && !rc; i++)
        rc = nested_term(a, t->a[i], B);
    return rc;
}

static enum osp_code nested_expr(struct sa *a, struct rego_expr *e, const unsigned char *B)
{
    struct rego_term *ts[] = {e->a, e->b, e->k, e->v, e->coll};
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < 5 && !rc; i++)
        rc = nested_term(a, ts[i], B);
    for (size_t i = 0; i < e->nwith && !rc; i++)
        rc = nested_term(a, e->with[i].value, B);
    if (!rc && e->kind == EX_EVERY) {
        unsigned char *B2 = malloc((size_t)a->nslots + 1);
        unsigned char *junk = calloc((size_t)a->nslots + 1, 1);
        if (!B2 || !junk)
            osp_oom();
        memcpy(B2, B, (size_t)a->nslots + 1);
        if (e->k)
            t_pat(a, B, e->k, junk, B2);
        t_pat(a, B, e->v, junk, B2);
        rc = check_body(a, e->body, B2, NULL, 0);
        free(B2);
        free(junk);
    }
    return rc;
}

static void occurs(struct sa *a, struct rego_expr *e, unsigned char *acc)
{
    struct rego_body tmp = {&e, 1, 0, 0, -1000000};
    free_vars_body(a, &tmp, 1 << 30, acc);
}

static enum osp_code check_body(struct sa *a, struct rego_body *b, const unsigned char *bound_in,
                                struct rego_term **heads, size_t nheads)
{
    size_t ns = (size_t)a->nslots + 1, n = b->n;
    unsigned char *B = malloc(ns), *need = calloc(ns, 1), *out = calloc(ns, 1);
    /* occurrences: per expression a sparse slot list, plus a count per slot over the body */
    unsigned char *other = malloc(ns), *tmp = calloc(ns, 1);
    unsigned *cnt = calloc(ns, sizeof(unsigned));
    int **occ = calloc(n + 1, sizeof(*occ));
    size_t *nocc = calloc(n + 1, sizeof(*nocc));
    bool *placed = calloc(n + 1, sizeof(bool));
    struct rego_expr **order = malloc((n + 1) * sizeof(*order));
    if (!B || !need || !out || !other || !tmp || !cnt || !occ || !nocc || !placed || !order)
        osp_oom();
    memcpy(B, bound_in, ns);
    for (size_t i = 0; i < n; i++) {
        memset(tmp, 0, ns);
        occurs(a, b->e[i], tmp);
        for (size_t s = 0; s < ns; s++)
            nocc[i] += tmp[s];
        occ[i] = malloc((nocc[i] + 1) * sizeof(int));
        if (!occ[i])
            osp_oom();
        size_t o = 0;
        for (size_t s = 0; s < ns; s++)
            if (tmp[s]) {
                occ[i][o++] = (int)s;
                cnt[s]++;
            }
    }
    enum osp_code rc = OSP_OK;
    for (size_t k = 0; k < n && !rc; k++) {
        size_t pick = n;
        for (size_t i = 0; i < n && pick == n; i++) {
            if (placed[i])
                continue;
            /* need and out only ever hold slots of expression i, so clearing those keeps
             * each attempt linear in the expression instead of in the rule's slot count */
            for (size_t q = 0; q < nocc[i]; q++)
                other[occ[i][q]] = cnt[occ[i][q]] > 1;
            analyze(a, B, b->e[i], other, need, out);
            bool ok = true;
            for (size_t q = 0; q < nocc[i] && ok; q++)
                if (need[occ[i][q]] && !B[occ[i][q]])
                    ok = false;
            if (ok) {
                pick = i;
                break;
            }
            for (size_t q = 0; q < nocc[i]; q++)
                need[occ[i][q]] = out[occ[i][q]] = 0;
        }
        if (pick == n) {
            for (size_t i = 0; i < n; i++) {
                if (placed[i])
                    continue;
                memset(need, 0, ns);
                memset(out, 0, ns);
                analyze(a, B, b->e[i], other, need, out);
                for (size_t s = 0; s < ns; s++)
                    if (need[s] && !B[s]) {
                        rc = unsafe(a, b->e[i], NULL, (int)s);
                        break;
                    }
                break;
            }
            break;
        }
        unsigned char *B2 = malloc(ns);
        if (!B2)
            osp_oom();
        for (size_t s = 0; s < ns; s++)
            B2[s] = B[s] | out[s];
        for (size_t q = 0; q < nocc[pick]; q++)
            need[occ[pick][q]] = out[occ[pick][q]] = 0;
        rc = nested_expr(a, b->e[pick], B2);
        memcpy(B, B2, ns);
        free(B2);
        placed[pick] = true;
        order[k] = b->e[pick];
    }
    if (!rc) {
        if (n)
            memcpy(b->e, order, n * sizeof(*order));
        for (size_t i = 0; i < nheads && !rc; i++) {
            if (!heads[i])
                continue;
            memset(need, 0, ns);
            memset(out, 0, ns);
            t_in(a, B, heads[i], need, out);
            for (size_t s = 0; s < ns; s++)
                if (need[s] && !B[s]) {
                    rc = unsafe(a, NULL, heads[i], (int)s);
                    break;
                }
            if (!rc)
                rc = nested_term(a, heads[i], B);
        }
    }
    free(B);
    free(need);
    free(out);
    for (size_t i = 0; i < n; i++)
        free(occ[i]);
    free(occ);
    free(nocc);
    free(cnt);
    free(tmp);
    free(other);
    free(placed);
    free(order);
    return rc;
}

enum osp_code rego_safety_body(struct rego_engine *e, struct rego_module *m, struct rego_body *b, int nslots,
                               const unsigned char *bound_in, struct rego_term **heads, size_t nheads,
                               const int *slot_depth, struct osp_err *err)
{
    struct sa a = {e, m, nslots, slot_depth, err, OSP_OK};
    return check_body(&a, b, bound_in, heads, nheads);
}
