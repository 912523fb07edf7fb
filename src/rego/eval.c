/* eval.c: top-down evaluation of terms, expressions and bodies (backtracking over bindings). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/eval_int.h"

int rego_ev_error(struct ev *ev, const char *code, const char *file, int line, int col, const char *fmt, ...)
{
    if (ev->errcode != OSP_OK)
        return EV_ERR;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ev->err.message, sizeof(ev->err.message), fmt, ap);
    va_end(ap);
    snprintf(ev->err.code, sizeof(ev->err.code), "%s", code);
    snprintf(ev->err.file, sizeof(ev->err.file), "%s", file ? file : "");
    ev->err.line = line;
    ev->err.col = col;
    ev->errcode = OSP_EEVAL;
    return EV_ERR;
}

/* ---- bindings ---- */

void rego_ev_bind(struct ev *ev, int slot, rv v)
{
    if (ev->ntrail == ev->trailcap) {
        ev->trailcap = ev->trailcap ? ev->trailcap * 2 : 256;
        rv **p = realloc(ev->trail, ev->trailcap * sizeof(*p));
        if (!p)
            abort();
        ev->trail = p;
    }
    ev->slots[slot] = rv_ref(v);
    ev->trail[ev->ntrail++] = &ev->slots[slot];
}

size_t rego_ev_mark(struct ev *ev)
{
    return ev->ntrail;
}

void rego_ev_undo(struct ev *ev, size_t mark)
{
    while (ev->ntrail > mark) {
        rv *p = ev->trail[--ev->ntrail];
        rv_unref(*p);
        *p = rv_undef();
    }
}

static bool unbound_var(struct ev *ev, const struct rego_term *t)
{
    return t->kind == TM_VAR && (t->scope == VS_LOCAL || t->scope == VS_WILDCARD) && rv_is_undef(ev->slots[t->slot]);
}

static bool has_unbound(struct ev *ev, const struct rego_term *t)
{
    if (t->kind == TM_VAR)
        return unbound_var(ev, t);
    if (t->kind == TM_ARRAY) {
        for (size_t i = 0; i < t->n; i++)
            if (has_unbound(ev, t->a[i]))
                return true;
    } else if (t->kind == TM_OBJECT) {
        for (size_t i = 1; i < t->n; i += 2)
            if (has_unbound(ev, t->a[i]))
                return true;
    }
    return false;
}

/* ---- lists ---- */

struct lst {
    struct rego_term **ts;
    size_t n, i;
    rv *vals;
    ev_lk k;
    void *ud;
    const size_t *order; /* evaluation order (NULL: left to right); vals keep positions */
};

static int lst_step(struct ev *ev, struct lst *L);

static int lst_k(struct ev *ev, rv v, void *ud)
{
    struct lst *L = ud;
    L->vals[L->order ? L->order[L->i] : L->i] = v;
    L->i++;
    int rc = lst_step(ev, L);
    L->i--;
    return rc;
}

static int lst_step(struct ev *ev, struct lst *L)
{
    if (L->i < L->n && rego_ev_stack_check(ev, 0, 0))
        return EV_ERR;
    if (L->i == L->n)
        return L->k(ev, L->vals, L->ud);
    return rego_eval_term(ev, L->ts[L->order ? L->order[L->i] : L->i], lst_k, L);
}

int rego_eval_list(struct ev *ev, struct rego_term **ts, size_t n, ev_lk k, void *ud)
{
    rv small[8];
    rv *vals = n <= 8 ? small : malloc(n * sizeof(rv));
    if (!vals)
        abort();
    /* a bare unbound var argument may be bound by a later argument (f(x, a[x])): defer it */
    size_t osmall[8], *order = NULL;
    for (size_t i = 0; i < n && !order; i++)
        if (ts[i]->kind == TM_VAR && unbound_var(ev, ts[i]))
            order = n <= 8 ? osmall : malloc(n * sizeof(size_t));
    if (order) {
        size_t o = 0;
        for (size_t i = 0; i < n; i++)
            if (!(ts[i]->kind == TM_VAR && unbound_var(ev, ts[i])))
                order[o++] = i;
        for (size_t i = 0; i < n; i++)
            if (ts[i]->kind == TM_VAR && unbound_var(ev, ts[i]))
                order[o++] = i;
    }
    struct lst L = {ts, n, 0, vals, k, ud, order};
    int rc = lst_step(ev, &L);
    if (vals != small)
        free(vals);
    if (order && order != osmall)
        free(order);
    return rc;
}

/* ---- composite terms ---- */

struct vkud {
    ev_vk k;
    void *ud;
    const struct rego_term *t;
};

static int build_k(struct ev *ev, rv *vals, void *ud)
{
    struct vkud *c = ud;
    const struct rego_term *t = c->t;
    rv r;
    if (t->kind == TM_ARRAY) {
        r = rv_arr_with_cap(t->n);
        for (size_t i = 0; i < t->n; i++)
            rv_arr_push(&r, rv_ref(vals[i]));
    } else if (t->kind == TM_SET) {
        r = rv_set_new();
        for (size_t i = 0; i < t->n; i++)
            rv_set_add(&r, rv_ref(vals[i]));
    } else {
        r = rv_obj_new();
        for (size_t i = 0; i + 1 < t->n; i += 2)
            rv_obj_set(&r, rv_ref(vals[i]), rv_ref(vals[i + 1]));
    }
    int rc = c->k(ev, r, c->ud);
    rv_unref(r);
    return rc;
}

static int template_k(struct ev *ev, rv *vals, void *ud)
{
    struct vkud *c = ud;
    struct osp_buf b;
    osp_buf_init(&b, 0);
    enum osp_code oc = OSP_OK;
    for (size_t i = 0; i < c->t->n && !oc; i++) {
        if (rv_kind(vals[i]) == RV_STRING)
            oc = osp_buf_add(&b, rv_str(vals[i]), rv_str_len(vals[i]));
        else
            oc = rv_rego_write(vals[i], &b);
    }
    rv s = rv_str_newn(b.data ? b.data : "", b.len);
    osp_buf_cleanup(&b);
    int rc = c->k(ev, s, c->ud);
    rv_unref(s);
    return rc;
}

/* Template parts that are undefined render as <undefined>: evaluate each part to one value. */
static int eval_template(struct ev *ev, struct rego_term *t, ev_vk k, void *ud)
{
    rv small[16];
    rv *vals = t->n <= 16 ? small : malloc(t->n * sizeof(rv));
    if (!vals)
        abort();
    int rc = EV_OK;
    size_t i = 0;
    for (; i < t->n && !rc; i++) {
        rc = rego_eval_first(ev, t->a[i], &vals[i]);
        if (!rc && rv_is_undef(vals[i]))
            vals[i] = rv_str_new("<undefined>");
    }
    struct vkud c = {k, ud, t};
    if (!rc)
        rc = template_k(ev, vals, &c);
    for (size_t j = 0; j < i; j++)
        rv_unref(vals[j]);
    if (vals != small)
        free(vals);
    return rc;
}

struct compr {
    struct rego_term *t;
    rv acc;
};

static int compr_val_k(struct ev *ev, rv v, void *ud)
{
    struct compr *c = ud;
    if (c->t->kind == TM_ACOMP)
        rv_arr_push(&c->acc, rv_ref(v));
    else
        rv_set_add(&c->acc, rv_ref(v));
    return EV_OK;
}

static int compr_obj_k(struct ev *ev, rv *vals, void *ud)
{
    struct compr *c = ud;
    rv old = rv_obj_get(c->acc, vals[0]);
    if (!rv_is_undef(old)) {
        if (rv_equal(old, vals[1]))
            return EV_OK;
        return rego_ev_error(ev, "eval_conflict_error", ev->cur_rule ? ev->cur_rule->mod->file : "", c->t->line,
                             c->t->col, "object keys must be unique");
    }
    rv_obj_set(&c->acc, rv_ref(vals[0]), rv_ref(vals[1]));
    return EV_OK;
}

static int compr_k(struct ev *ev, void *ud)
{
    struct compr *c = ud;
    if (c->t->kind == TM_OCOMP) {
        struct rego_term *kv[2] = {c->t->key, c->t->head};
        return rego_eval_list(ev, kv, 2, compr_obj_k, c);
    }
    return rego_eval_term(ev, c->t->head, compr_val_k, c);
}

static int eval_compr(struct ev *ev, struct rego_term *t, ev_vk k, void *ud)
{
    struct cm_ent *memo = rego_cmemo_find(ev, t);
    rv kept;
    if (rego_cmemo_value(memo, &kept))
        return k(ev, kept, ud);
    struct compr c = {t, t->kind == TM_ACOMP ? rv_arr_new() : t->kind == TM_SCOMP ? rv_set_new() : rv_obj_new()};
    size_t m = rego_ev_mark(ev);
    int rc = rego_eval_body(ev, t->body, 0, compr_k, &c);
    rego_ev_undo(ev, m);
    if (!rc) {
        rego_cmemo_keep(memo, c.acc);
        rc = k(ev, c.acc, ud);
    }
    rv_unref(c.acc);
    return rc;
}

/* `term with ...` as a value: evaluate the term under the modifiers, keep its first value. */
static int capture_core(struct ev *ev, struct rego_expr *e, ev_k k, void *ud)
{
    rv v;
    if (rego_eval_first(ev, e->a, &v))
        return EV_ERR;
    if (rv_is_undef(v))
        return EV_OK;
    rv_unref(ev->capture);
    ev->capture = v;
    return k(ev, ud);
}

static int capture_k(struct ev *ev, void *ud)
{
    (void)ev;
    (void)ud;
    return EV_STOP;
}

static int eval_withval(struct ev *ev, struct rego_term *t, ev_vk k, void *ud)
{
    rv saved = ev->capture;
    ev->capture = rv_undef();
    int rc = rego_eval_with(ev, t->body->e[0], capture_core, capture_k, NULL);
    rv v = ev->capture;
    ev->capture = saved;
    if (rc == EV_ERR) {
        rv_unref(v);
        return rc;
    }
    rc = rv_is_undef(v) ? EV_OK : k(ev, v, ud);
    rv_unref(v);
    return rc;
}

int rego_eval_term(struct ev *ev, struct rego_term *t, ev_vk k, void *ud)
{
    switch ((enum rego_term_kind)t->kind) {
    case TM_VALUE:
        return k(ev, t->val, ud);
    case TM_VAR:
        if (t->scope == VS_INPUT)
            return rv_is_undef(ev->input) ? EV_OK : k(ev, ev->input, ud);
        if (t->scope == VS_DATA) {
            rv full;
            int rc = rego_node_full(ev, ev->e->root, ev->data, &full);
            if (rc || rv_is_undef(full))
                return rc;
            rc = k(ev, full, ud);
            rv_unref(full);
            return rc;
        }
        if (t->slot < 0 || rv_is_undef(ev->slots[t->slot]))
            return EV_OK;
        return k(ev, ev->slots[t->slot], ud);
    case TM_REF:
        return rego_ev_ref(ev, t, k, ud);
    case TM_ARRAY:
    case TM_SET:
    case TM_OBJECT: {
        struct vkud c = {k, ud, t};
        return rego_eval_list(ev, t->a, t->n, build_k, &c);
    }
    case TM_ACOMP:
    case TM_SCOMP:
    case TM_OCOMP:
        return eval_compr(ev, t, k, ud);
    case TM_CALL:
        return rego_eval_call(ev, t, k, ud);
    case TM_TEMPLATE:
        return eval_template(ev, t, k, ud);
    case TM_WITHVAL:
        return eval_withval(ev, t, k, ud);
    }
    return EV_OK;
}

static int first_k(struct ev *ev, rv v, void *ud)
{
    *(rv *)ud = rv_ref(v);
    return EV_STOP;
}

int rego_eval_first(struct ev *ev, struct rego_term *t, rv *out)
{
    *out = rv_undef();
    int rc = rego_eval_term(ev, t, first_k, out);
    return rc == EV_ERR ? EV_ERR : EV_OK;
}

/* ---- unification ---- */

struct uchain {
    struct rego_term **ts; /* term side */
    rv v;                  /* value side (array or object) */
    struct rego_term **vt; /* or term side for term-term arrays */
    size_t i, n;
    ev_k k;
    void *ud;
};

static int uarr_step(struct ev *ev, void *ud)
{
    struct uchain *c = ud;
    if (c->i == c->n)
        return c->k(ev, c->ud);
    size_t i = c->i++;
    int rc = rego_unify_tv(ev, c->ts[i], rv_arr_at(c->v, i), uarr_step, c);
    c->i--;
    return rc;
}

struct uobj {
    struct rego_term *t;
    rv v;
    size_t i;
    ev_k k;
    void *ud;
};

static int uobj_step(struct ev *ev, void *ud)
{
    struct uobj *c = ud;
    if (c->i >= c->t->n)
        return c->k(ev, c->ud);
    size_t i = c->i;
    rv key;
    if (rego_eval_first(ev, c->t->a[i], &key))
        return EV_ERR;
    rv val = rv_obj_get(c->v, key);
    rv_unref(key);
    if (rv_is_undef(val))
        return EV_OK;
    c->i += 2;
    int rc = rego_unify_tv(ev, c->t->a[i + 1], val, uobj_step, c);
    c->i -= 2;
    return rc;
}

struct ueq {
    rv v;
    ev_k k;
    void *ud;
};

static int ueq_k(struct ev *ev, rv tv, void *ud)
{
    struct ueq *c = ud;
    return rv_equal(tv, c->v) ? c->k(ev, c->ud) : EV_OK;
}

int rego_unify_tv(struct ev *ev, struct rego_term *t, rv v, ev_k k, void *ud)
{
    switch ((enum rego_term_kind)t->kind) {
    case TM_VAR:
        if (unbound_var(ev, t)) {
            size_t m = rego_ev_mark(ev);
            rego_ev_bind(ev, t->slot, v);
            int rc = k(ev, ud);
            rego_ev_undo(ev, m);
            return rc;
        }
        break;
    case TM_VALUE:
        return rv_equal(t->val, v) ? k(ev, ud) : EV_OK;
    case TM_ARRAY:
        if (has_unbound(ev, t)) {
            if (rv_kind(v) != RV_ARRAY || rv_len(v) != t->n)
                return EV_OK;
            struct uchain c = {t->a, v, NULL, 0, t->n, k, ud};
            return uarr_step(ev, &c);
        }
        break;
    case TM_OBJECT:
        if (has_unbound(ev, t)) {
            if (rv_kind(v) != RV_OBJECT || rv_len(v) * 2 != t->n)
                return EV_OK;
            struct uobj c = {t, v, 0, k, ud};
            return uobj_step(ev, &c);
        }
        break;
    default:
        break;
    }
    struct ueq c = {v, k, ud};
    return rego_eval_term(ev, t, ueq_k, &c);
}

struct uterm {
    struct rego_term *t;
    ev_k k;
    void *ud;
};

static int uterm_k(struct ev *ev, rv v, void *ud)
{
    struct uterm *c = ud;
    return rego_unify_tv(ev, c->t, v, c->k, c->ud);
}

struct utt {
    struct rego_term **a, **b;
    size_t i, n;
    ev_k k;
    void *ud;
};

static int unify(struct ev *ev, struct rego_term *a, struct rego_term *b, ev_k k, void *ud);

static int utt_step(struct ev *ev, void *ud)
{
    struct utt *c = ud;
    if (c->i == c->n)
        return c->k(ev, c->ud);
    size_t i = c->i++;
    int rc = unify(ev, c->a[i], c->b[i], utt_step, c);
    c->i--;
    return rc;
}

/* {k: x, ...} = {k: y, ...} with unknowns on both sides: pair values by constant key. */
static int unify_objects(struct ev *ev, struct rego_term *a, struct rego_term *b, ev_k k, void *ud)
{
    if (a->n != b->n)
        return EV_OK;
    size_t np = a->n / 2;
    struct rego_term **xs = malloc((np + 1) * sizeof(*xs)), **ys = malloc((np + 1) * sizeof(*ys));
    if (!xs || !ys)
        abort();
    int rc = EV_OK;
    bool ok = true;
    for (size_t i = 0; i < np && ok; i++) {
        struct rego_term *ka = a->a[2 * i];
        ok = false;
        for (size_t j = 0; j < np && ka->kind == TM_VALUE; j++) {
            struct rego_term *kb = b->a[2 * j];
            if (kb->kind == TM_VALUE && rv_equal(ka->val, kb->val)) {
                xs[i] = a->a[2 * i + 1];
                ys[i] = b->a[2 * j + 1];
                ok = true;
                break;
            }
        }
    }
    if (ok) {
        struct utt c = {xs, ys, 0, np, k, ud};
        rc = utt_step(ev, &c);
    }
    free(xs);
    free(ys);
    return rc;
}

static int unify(struct ev *ev, struct rego_term *a, struct rego_term *b, ev_k k, void *ud)
{
    bool ua = has_unbound(ev, a), ub = has_unbound(ev, b);
    if (ua && ub && a->kind == TM_ARRAY && b->kind == TM_ARRAY) {
        if (a->n != b->n)
            return EV_OK;
        struct utt c = {a->a, b->a, 0, a->n, k, ud};
        return utt_step(ev, &c);
    }
    if (ua && ub && a->kind == TM_OBJECT && b->kind == TM_OBJECT)
        return unify_objects(ev, a, b, k, ud);
    if (ua && ub)
        return EV_OK; /* rejected by the safety check; never binds two unknowns */
    struct uterm c = {ua ? a : b, k, ud};
    return rego_eval_term(ev, ua ? b : a, uterm_k, &c);
}

/* ---- expressions ---- */

struct bodyk {
    struct rego_body *b;
    size_t i;
    ev_k k;
    void *ud;
};

static int body_next(struct ev *ev, void *ud)
{
    struct bodyk *c = ud;
    return rego_eval_body(ev, c->b, c->i, c->k, c->ud);
}

struct exk {
    struct rego_expr *e;
    ev_k k;
    void *ud;
};

static int truthy_k(struct ev *ev, rv v, void *ud)
{
    struct exk *c = ud;
    if (rv_kind(v) == RV_BOOL && !v.u.b)
        return EV_OK;
    return c->k(ev, c->ud);
}

static int any_k(struct ev *ev, rv v, void *ud)
{
    struct exk *c = ud;
    (void)v;
    return c->k(ev, c->ud);
}

struct iter {
    struct rego_expr *e;
    ev_k k;
    void *ud;
    rv val;
};

static int somein_v(struct ev *ev, void *ud)
{
    struct iter *c = ud;
    return rego_unify_tv(ev, c->e->v, c->val, c->k, c->ud);
}

static int iterate(struct ev *ev, rv coll, int (*each)(struct ev *, rv, rv, void *), void *ud)
{
    int rc = EV_OK;
    size_t n = rv_len(coll);
    switch (rv_kind(coll)) {
    case RV_ARRAY:
        for (size_t i = 0; i < n && !rc; i++) {
            rv key = rv_num_int((int64_t)i);
            rc = each(ev, key, rv_arr_at(coll, i), ud);
        }
        return rc;
    case RV_OBJECT:
        for (size_t i = 0; i < n && !rc; i++)
            rc = each(ev, rv_obj_key_at(coll, i), rv_obj_val_at(coll, i), ud);
        return rc;
    case RV_SET:
        for (size_t i = 0; i < n && !rc; i++)
            rc = each(ev, rv_set_at(coll, i), rv_set_at(coll, i), ud);
        return rc;
    default:
        return EV_OK;
    }
}

static int somein_each(struct ev *ev, rv key, rv val, void *ud)
{
    struct iter *c = ud;
    c->val = val;
    if (c->e->k)
        return rego_unify_tv(ev, c->e->k, key, somein_v, c);
    return somein_v(ev, c);
}

static int somein_k(struct ev *ev, rv coll, void *ud)
{
    return iterate(ev, coll, somein_each, ud);
}

/* `some x in coll` followed by `x.a.b == t`: only the elements the join index names. */
struct ixk {
    struct iter it;
    const struct rego_ix_plan *p;
};

static int somein_ix_k(struct ev *ev, rv coll, void *ud)
{
    struct ixk *c = ud;
    rv key;
    if (rego_eval_first(ev, c->p->key, &key))
        return EV_ERR;
    int rc = rv_is_undef(key) ? -1 : rego_ix_each(ev, coll, c->p, key, somein_each, &c->it);
    rv_unref(key);
    return rc == -1 ? iterate(ev, coll, somein_each, &c->it) : rc;
}

static int found_k(struct ev *ev, void *ud)
{
    (void)ev;
    *(bool *)ud = true;
    return EV_STOP;
}

static int every_body(struct ev *ev, void *ud)
{
    struct iter *c = ud;
    bool found = false;
    int rc = rego_eval_body(ev, c->e->body, 0, found_k, &found);
    if (rc == EV_ERR)
        return rc;
    return found ? EV_OK : EV_STOP; /* STOP: this element fails the body */
}

static int every_v(struct ev *ev, void *ud)
{
    struct iter *c = ud;
    return rego_unify_tv(ev, c->e->v, c->val, every_body, c);
}

static int every_each(struct ev *ev, rv key, rv val, void *ud)
{
    struct iter *c = ud;
    c->val = val;
    int rc = c->e->k ? rego_unify_tv(ev, c->e->k, key, every_v, c) : every_v(ev, c);
    return rc;
}

static int every_k(struct ev *ev, rv coll, void *ud)
{
    struct iter *c = ud;
    if (rv_kind(coll) != RV_ARRAY && rv_kind(coll) != RV_OBJECT && rv_kind(coll) != RV_SET)
        return EV_OK;
    int rc = iterate(ev, coll, every_each, c);
    if (rc == EV_STOP)
        return EV_OK; /* some element failed */
    if (rc)
        return rc;
    return c->k(ev, c->ud);
}

static int eval_core(struct ev *ev, struct rego_expr *e, ev_k k, void *ud)
{
    struct exk c = {e, k, ud};
    struct iter it = {e, k, ud, rv_undef()};
    switch ((enum rego_expr_kind)e->kind) {
    case EX_TERM:
        return rego_eval_term(ev, e->a, e->capture ? any_k : truthy_k, &c);
    case EX_UNIFY:
    case EX_ASSIGN:
        return unify(ev, e->a, e->b, k, ud);
    case EX_SOME:
        return k(ev, ud);
    case EX_SOMEIN:
        return rego_eval_term(ev, e->coll, somein_k, &it);
    case EX_EVERY:
        return rego_eval_term(ev, e->coll, every_k, &it);
    }
    return EV_OK;
}

static int eval_neg(struct ev *ev, struct rego_expr *e, ev_k k, void *ud)
{
    bool found = false;
    size_t m = rego_ev_mark(ev);
    int rc = eval_core(ev, e, found_k, &found);
    rego_ev_undo(ev, m);
    if (rc == EV_ERR)
        return rc;
    return found ? EV_OK : k(ev, ud);
}

static int eval_expr(struct ev *ev, struct rego_expr *e, ev_k k, void *ud)
{
    if (e->nwith)
        return rego_eval_with(ev, e, e->neg ? eval_neg : eval_core, k, ud);
    return e->neg ? eval_neg(ev, e, k, ud) : eval_core(ev, e, k, ud);
}

int rego_ev_stack_check(struct ev *ev, int line, int col)
{
    char probe;
    uintptr_t here = (uintptr_t)&probe;
    size_t used = here < ev->stack_base ? ev->stack_base - here : here - ev->stack_base;
    if (used <= ev->stack_max)
        return EV_OK;
    return rego_ev_error(ev, "eval_cancel_error", "", line, col,
                         "evaluation nested too deeply (more than %zu KiB of stack)", ev->stack_max >> 10);
}

int rego_eval_body(struct ev *ev, struct rego_body *b, size_t i, ev_k k, void *ud)
{
    if (i == b->n)
        return k(ev, ud);
    if (rego_ev_stack_check(ev, b->e[i]->line, b->e[i]->col))
        return EV_ERR;
    if (++ev->steps > ev->max_steps)
        return rego_ev_error(ev, "eval_cancel_error", "", b->e[i]->line, b->e[i]->col,
                             "evaluation exceeded the step budget of %lu", ev->max_steps);
    struct bodyk c = {b, i + 1, k, ud};
    struct rego_ix_plan p;
    if (rego_ix_plan(ev, b, i, &p)) {
        struct ixk x = {{b->e[i], body_next, &c, rv_undef()}, &p};
        return rego_eval_term(ev, b->e[i]->coll, somein_ix_k, &x);
    }
    return eval_expr(ev, b->e[i], body_next, &c);
}

void rego_memo_clear(struct memo_ent *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rv_unref(m[i].v);
        rv_unref(m[i].full);
        m[i].v = rv_undef();
        m[i].full = rv_undef();
        m[i].state = MEMO_NONE;
        m[i].has_full = false;
    }
}
