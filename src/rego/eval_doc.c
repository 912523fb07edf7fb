/* eval_doc.c: documents: refs into input/data, rule values (memoized per query), functions. */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/eval_int.h"

static int node_value(struct ev *ev, struct rego_vnode *n, rv *out);

/* ---- refs over plain values ---- */

struct opsk {
    struct rego_term *t;
    size_t i;
    ev_vk k;
    void *ud;
    rv v;
};

static int ops_key_k(struct ev *ev, rv key, void *ud)
{
    struct opsk *c = ud;
    rv nv = rv_get(c->v, key);
    if (rv_is_undef(nv))
        return EV_OK;
    return rego_eval_ops(ev, nv, c->t, c->i + 1, c->k, c->ud);
}

struct iterk {
    struct opsk *c;
    rv val;
};

static int ops_iter_next(struct ev *ev, void *ud)
{
    struct iterk *it = ud;
    return rego_eval_ops(ev, it->val, it->c->t, it->c->i + 1, it->c->k, it->c->ud);
}

static int ops_iter(struct ev *ev, struct opsk *c, struct rego_term *op)
{
    rv v = c->v;
    size_t n = rv_len(v);
    int rc = EV_OK;
    enum rv_kind kind = rv_kind(v);
    if (kind != RV_ARRAY && kind != RV_OBJECT && kind != RV_SET)
        return EV_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        rv key, val;
        if (kind == RV_ARRAY) {
            key = rv_num_int((int64_t)i);
            val = rv_arr_at(v, i);
        } else if (kind == RV_OBJECT) {
            key = rv_obj_key_at(v, i);
            val = rv_obj_val_at(v, i);
        } else {
            key = val = rv_set_at(v, i);
        }
        struct iterk it = {c, val};
        rc = rego_unify_tv(ev, op, key, ops_iter_next, &it);
    }
    return rc;
}

static bool pattern_unbound(struct ev *ev, const struct rego_term *t)
{
    if (t->kind == TM_VAR)
        return (t->scope == VS_LOCAL || t->scope == VS_WILDCARD) && rv_is_undef(ev->slots[t->slot]);
    if (t->kind == TM_ARRAY || t->kind == TM_OBJECT)
        for (size_t i = 0; i < t->n; i++)
            if (pattern_unbound(ev, t->a[i]))
                return true;
    return false;
}

int rego_eval_ops(struct ev *ev, rv v, struct rego_term *t, size_t i, ev_vk k, void *ud)
{
    if (i == t->n)
        return k(ev, v, ud);
    struct rego_term *op = t->a[i];
    struct opsk c = {t, i, k, ud, v};
    if (op->kind == TM_VALUE)
        return ops_key_k(ev, op->val, &c);
    if (pattern_unbound(ev, op))
        return ops_iter(ev, &c, op);
    return rego_eval_term(ev, op, ops_key_k, &c);
}

/* ---- data references ---- */

struct datak {
    struct rego_vnode *node;
    rv base;
    struct rego_term *t;
    size_t i;
    ev_vk k;
    void *ud;
};

static int eval_data(struct ev *ev, struct rego_vnode *n, rv base, struct rego_term *t, size_t i, ev_vk k, void *ud);
static int data_key_k(struct ev *ev, rv key, void *ud);

/* A ref below the rule tree, in base data: like rego_eval_ops but numbers address keys. */
static int eval_base(struct ev *ev, rv base, struct rego_term *t, size_t i, ev_vk k, void *ud)
{
    if (i == t->n || rv_kind(base) != RV_OBJECT)
        return rego_eval_ops(ev, base, t, i, k, ud);
    struct rego_term *op = t->a[i];
    struct datak c = {NULL, base, t, i, k, ud};
    if (op->kind == TM_VALUE)
        return data_key_k(ev, op->val, &c);
    if (pattern_unbound(ev, op))
        return rego_eval_ops(ev, base, t, i, k, ud);
    return rego_eval_term(ev, op, data_key_k, &c);
}

static int data_key_k(struct ev *ev, rv key, void *ud)
{
    struct datak *c = ud;
    if (rv_kind(key) == RV_NUMBER && rv_num_is_int(key)) {
        /* data documents have string keys: data[2] reads data["2"] (OPA) */
        char *txt = rv_num_int_text(key);
        rv skey = rv_str_new(txt ? txt : "");
        free(txt);
        int rc = data_key_k(ev, skey, ud);
        rv_unref(skey);
        return rc;
    }
    rv b2 = rv_get(c->base, key);
    if (c->node && rv_kind(key) == RV_STRING) {
        struct rego_vnode *child = rego_vnode_child(c->node, rv_str(key));
        if (child)
            return eval_data(ev, child, b2, c->t, c->i + 1, c->k, c->ud);
    }
    if (rv_is_undef(b2))
        return EV_OK;
    return eval_base(ev, b2, c->t, c->i + 1, c->k, c->ud);
}

static int with_full(struct ev *ev, struct rego_vnode *n, rv base, struct rego_term *t, size_t i, ev_vk k, void *ud)
{
    rv full;
    int rc = rego_node_full(ev, n, base, &full);
    if (rc || rv_is_undef(full))
        return rc;
    rc = rego_eval_ops(ev, full, t, i, k, ud);
    rv_unref(full);
    return rc;
}

static int eval_data(struct ev *ev, struct rego_vnode *n, rv base, struct rego_term *t, size_t i, ev_vk k, void *ud)
{
    struct memo_ent *m = &ev->memo[n->id];
    if (m->state == MEMO_OVERRIDE)
        return rego_eval_ops(ev, m->v, t, i, k, ud);
    if (n->nrules || n->deflt) {
        rv v;
        int rc = node_value(ev, n, &v);
        if (rc || rv_is_undef(v))
            return rc;
        return rego_eval_ops(ev, v, t, i, k, ud);
    }
    if (i == t->n)
        return with_full(ev, n, base, t, i, k, ud);
    struct rego_term *op = t->a[i];
    struct datak c = {n, base, t, i, k, ud};
    if (op->kind == TM_VALUE)
        return data_key_k(ev, op->val, &c);
    if (pattern_unbound(ev, op))
        return with_full(ev, n, base, t, i, k, ud);
    return rego_eval_term(ev, op, data_key_k, &c);
}

static int ref_head_k(struct ev *ev, rv v, void *ud)
{
    struct opsk *c = ud;
    return rego_eval_ops(ev, v, c->t, 1, c->k, c->ud);
}

int rego_ev_ref(struct ev *ev, struct rego_term *t, ev_vk k, void *ud)
{
    struct rego_term *h = t->a[0];
    if (h->kind == TM_VAR) {
        if (h->scope == VS_DATA)
            return eval_data(ev, ev->e->root, ev->data, t, 1, k, ud);
        if (h->scope == VS_INPUT)
            return rv_is_undef(ev->input) ? EV_OK : rego_eval_ops(ev, ev->input, t, 1, k, ud);
        if (h->slot < 0 || rv_is_undef(ev->slots[h->slot]))
            return EV_OK;
        return rego_eval_ops(ev, ev->slots[h->slot], t, 1, k, ud);
    }
    struct opsk c = {t, 0, k, ud, rv_undef()};
    return rego_eval_term(ev, h, ref_head_k, &c);
}

/* ---- rule evaluation ---- */

typedef int (*sol_fn)(struct ev *ev, struct rego_rule *x, void *ud);

struct chain {
    struct rego_rule *r, *x;
    rv *args;
    sol_fn k;
    void *ud;
    bool found;
};

static int chain_sol(struct ev *ev, void *ud)
{
    struct chain *c = ud;
    c->found = true;
    return c->k(ev, c->x, c->ud);
}

static int chain_bodies(struct ev *ev, void *ud)
{
    struct chain *c = ud;
    for (struct rego_rule *x = c->r; x; x = x->els) {
        c->x = x;
        c->found = false;
        struct rego_rule *save = ev->cur_rule;
        ev->cur_rule = x;
        int rc = rego_eval_body(ev, x->body, 0, chain_sol, c);
        ev->cur_rule = save;
        if (rc || c->found)
            return rc;
    }
    return EV_OK;
}

struct argk {
    struct chain *c;
    size_t i;
};

static int args_step(struct ev *ev, void *ud)
{
    struct argk *a = ud;
    if (a->i == a->c->r->nargs)
        return chain_bodies(ev, a->c);
    size_t i = a->i++;
    int rc = rego_unify_tv(ev, a->c->r->args[i], a->c->args[i], args_step, a);
    a->i--;
    return rc;
}

/* Run rule r (and its else chain) in a fresh frame; k runs per solution in that frame. */
static int eval_chain(struct ev *ev, struct rego_rule *r, rv *args, sol_fn k, void *ud)
{
    if (++ev->depth > ev->max_depth) {
        ev->depth--;
        return rego_ev_error(ev, "eval_cancel_error", r->mod->file, r->line, r->col,
                             "evaluation exceeded the maximum nesting depth of %u", ev->max_depth);
    }
    rv small[32];
    size_t ns = (size_t)r->nslots;
    rv *frame = ns <= 32 ? small : calloc(ns, sizeof(rv));
    if (!frame)
        osp_oom();
    for (size_t i = 0; i < ns; i++)
        frame[i] = rv_undef();
    rv *save = ev->slots;
    ev->slots = frame;
    size_t m = rego_ev_mark(ev);
    struct chain c = {r, r, args, k, ud, false};
    int rc;
    if (args) {
        struct argk a = {&c, 0};
        rc = args_step(ev, &a);
    } else {
        rc = chain_bodies(ev, &c);
    }
    rego_ev_undo(ev, m);
    ev->slots = save;
    if (frame != small)
        free(frame);
    ev->depth--;
    return rc;
}

/* complete rules */
struct single {
    rv val;
    bool have;
    const char *conflict;
    struct rego_rule *x;
};

static int single_k(struct ev *ev, rv v, void *ud)
{
    struct single *s = ud;
    if (!s->have) {
        s->val = rv_ref(v);
        s->have = true;
        return EV_OK;
    }
    if (rv_equal(s->val, v))
        return EV_OK;
    return rego_ev_error(ev, "eval_conflict_error", s->x->mod->file, s->x->line, s->x->col, "%s", s->conflict);
}

static int single_sol(struct ev *ev, struct rego_rule *x, void *ud)
{
    struct single *s = ud;
    s->x = x;
    if (!x->value)
        return single_k(ev, rv_bool(true), s);
    return rego_eval_term(ev, x->value, single_k, s);
}

static int eval_default(struct ev *ev, struct rego_vnode *n, rv *out)
{
    struct rego_rule *d = n->deflt;
    rv *save = ev->slots;
    rv *frame = calloc((size_t)d->nslots + 1, sizeof(rv));
    if (!frame)
        osp_oom();
    ev->slots = frame;
    size_t m = rego_ev_mark(ev);
    int rc = rego_eval_first(ev, d->value, out);
    rego_ev_undo(ev, m);
    ev->slots = save;
    free(frame);
    return rc;
}

static int eval_complete(struct ev *ev, struct rego_vnode *n, rv *out)
{
    struct single s = {rv_undef(), false, "complete rules must not produce multiple outputs", NULL};
    int rc = EV_OK;
    for (size_t i = 0; i < n->nrules && !rc; i++)
        rc = eval_chain(ev, n->rules[i], NULL, single_sol, &s);
    if (rc) {
        rv_unref(s.val);
        return rc;
    }
    if (!s.have && n->deflt)
        return eval_default(ev, n, out);
    *out = s.val;
    return EV_OK;
}

/* partial sets */
static int set_k(struct ev *ev, rv v, void *ud)
{
    rv_set_add((rv *)ud, rv_ref(v));
    return EV_OK;
}

static int set_sol(struct ev *ev, struct rego_rule *x, void *ud)
{
    return rego_eval_term(ev, x->key, set_k, ud);
}

/* partial objects and ref heads with variables */
struct objc {
    rv obj;
    struct rego_rule *x;
    rv *keys;
};

static int obj_insert(struct ev *ev, rv *o, rv *keys, size_t n, rv val, struct rego_rule *x)
{
    if (rv_kind(*o) != RV_OBJECT)
        return rego_ev_error(ev, "eval_conflict_error", x->mod->file, x->line, x->col, "object keys must be unique");
    rv cur = rv_obj_get(*o, keys[0]);
    if (n == 1) {
        if (!rv_is_undef(cur) && !rv_equal(cur, val))
            return rego_ev_error(ev, "eval_conflict_error", x->mod->file, x->line, x->col,
                                 "object keys must be unique");
        if (rv_is_undef(cur))
            rv_obj_set(o, rv_ref(keys[0]), rv_ref(val));
        return EV_OK;
    }
    rv child = rv_is_undef(cur) ? rv_obj_new() : rv_ref(cur);
    if (!rv_is_undef(cur))
        rv_obj_set(o, rv_ref(keys[0]), rv_null()); /* drop the shared ref so child is unique */
    int rc = obj_insert(ev, &child, keys + 1, n - 1, val, x);
    rv_obj_set(o, rv_ref(keys[0]), child);
    return rc;
}

static int obj_val_k(struct ev *ev, rv v, void *ud)
{
    struct objc *c = ud;
    return obj_insert(ev, &c->obj, c->keys, c->x->nrest, v, c->x);
}

static int set_leaf_k(struct ev *ev, rv v, void *ud)
{
    struct objc *c = ud;
    rv set = rv_set_new();
    rv_set_add(&set, rv_ref(v));
    rv one = rv_obj_new();
    int rc = EV_OK;
    /* build {k1: {k2: ... set}} and merge it in */
    rv leaf = set;
    for (size_t i = c->x->nrest; i-- > 0;) {
        rv o = rv_obj_new();
        rv_obj_set(&o, rv_ref(c->keys[i]), leaf);
        leaf = o;
    }
    rv_unref(one);
    bool conflict = false;
    rv merged = rego_merge_docs(c->obj, leaf, &conflict);
    rv_unref(leaf);
    if (conflict) {
        rv_unref(merged);
        return rego_ev_error(ev, "eval_conflict_error", c->x->mod->file, c->x->line, c->x->col,
                             "object keys must be unique");
    }
    rv_unref(c->obj);
    c->obj = merged;
    return rc;
}

static int obj_keys_k(struct ev *ev, rv *keys, void *ud)
{
    struct objc *c = ud;
    c->keys = keys;
    if (c->x->kind == RK_SET)
        return rego_eval_term(ev, c->x->key, set_leaf_k, c);
    if (!c->x->value)
        return obj_val_k(ev, rv_bool(true), c);
    return rego_eval_term(ev, c->x->value, obj_val_k, c);
}

static int obj_sol(struct ev *ev, struct rego_rule *x, void *ud)
{
    struct objc *c = ud;
    c->x = x;
    return rego_eval_list(ev, x->rest, x->nrest, obj_keys_k, c);
}

static int rules_value(struct ev *ev, struct rego_vnode *n, rv *out)
{
    int rc = EV_OK;
    *out = rv_undef();
    switch (n->kind) {
    case RK_COMPLETE:
        return eval_complete(ev, n, out);
    case RK_SET: {
        rv set = rv_set_new();
        for (size_t i = 0; i < n->nrules && !rc; i++)
            rc = eval_chain(ev, n->rules[i], NULL, set_sol, &set);
        if (rc)
            rv_unref(set);
        else
            *out = set;
        return rc;
    }
    case RK_OBJECT: {
        struct objc c = {rv_obj_new(), NULL, NULL};
        for (size_t i = 0; i < n->nrules && !rc; i++)
            rc = eval_chain(ev, n->rules[i], NULL, obj_sol, &c);
        if (rc)
            rv_unref(c.obj);
        else
            *out = c.obj;
        return rc;
    }
    default:
        return EV_OK;
    }
}

/* Deep merge of two documents: objects merge by key, sets unite; other clashes conflict
 * unless equal. Borrows a and b; returns new. */
rv rego_merge_docs(rv a, rv b, bool *conflict)
{
    if (rv_is_undef(a))
        return rv_ref(b);
    if (rv_kind(a) == RV_OBJECT && rv_kind(b) == RV_OBJECT) {
        rv r = rv_ref(a);
        for (size_t i = 0; i < rv_len(b); i++) {
            rv k = rv_obj_key_at(b, i);
            rv cur = rv_obj_get(r, k);
            rv nv = rego_merge_docs(cur, rv_obj_val_at(b, i), conflict);
            rv_obj_set(&r, rv_ref(k), nv);
        }
        return r;
    }
    if (rv_kind(a) == RV_SET && rv_kind(b) == RV_SET) {
        rv r = rv_ref(a);
        for (size_t i = 0; i < rv_len(b); i++)
            rv_set_add(&r, rv_ref(rv_set_at(b, i)));
        return r;
    }
    if (!rv_equal(a, b))
        *conflict = true;
    return rv_ref(a);
}

/* Merge a child document into a rule-produced object: below the deepest rule head ref
 * (maxrest levels) values are complete, so only equal values or two sets may meet. */
static rv merge_rule_doc(rv a, rv b, size_t depth, size_t maxrest, bool *conflict)
{
    if (rv_is_undef(a))
        return rv_ref(b);
    if (depth >= maxrest || rv_kind(a) != RV_OBJECT || rv_kind(b) != RV_OBJECT) {
        if (rv_kind(a) == RV_SET && rv_kind(b) == RV_SET)
            return rego_merge_docs(a, b, conflict);
        if (!rv_equal(a, b))
            *conflict = true;
        return rv_ref(a);
    }
    rv r = rv_ref(a);
    for (size_t i = 0; i < rv_len(b); i++) {
        rv k = rv_obj_key_at(b, i);
        rv nv = merge_rule_doc(rv_obj_get(r, k), rv_obj_val_at(b, i), depth + 1, maxrest, conflict);
        rv_obj_set(&r, rv_ref(k), nv);
    }
    return r;
}

/* Merge child documents of n into *v (an object, or undefined for none). */
static int merge_kids(struct ev *ev, struct rego_vnode *n, rv base, rv *v)
{
    for (size_t i = 0; i < n->nkids; i++) {
        struct rego_vnode *kid = n->kids[i];
        if (kid->kind == RK_FUNC)
            continue;
        rv key = rv_str_new(kid->name);
        rv kv;
        int rc = rego_node_full(ev, kid, rv_get(base, key), &kv);
        if (rc) {
            rv_unref(key);
            return rc;
        }
        if (rv_is_undef(kv)) {
            rv_unref(key);
            continue;
        }
        if (rv_is_undef(*v))
            *v = rv_obj_new();
        if (rv_kind(*v) != RV_OBJECT) {
            rv_unref(key);
            rv_unref(kv);
            continue;
        }
        rv cur = rv_obj_get(*v, key);
        if (!rv_is_undef(cur) && !n->nrules && !n->deflt && (kid->nrules || kid->deflt)) {
            /* a base document and a rule at the same path: the base document wins (OPA) */
            rv_unref(key);
            rv_unref(kv);
            continue;
        }
        if (!rv_is_undef(cur) && (n->nrules || n->deflt)) {
            bool conflict = false;
            size_t maxrest = 0;
            for (size_t r = 0; r < n->nrules; r++)
                if (n->rules[r]->nrest > maxrest)
                    maxrest = n->rules[r]->nrest;
            rv merged = merge_rule_doc(cur, kv, 1, maxrest, &conflict);
            rv_unref(kv);
            kv = merged;
            if (conflict) {
                rv_unref(key);
                rv_unref(kv);
                struct rego_rule *r = n->nrules ? n->rules[0] : n->deflt;
                return rego_ev_error(ev, "eval_conflict_error", r->mod->file, r->line, r->col,
                                     "object keys must be unique");
            }
        }
        rv_obj_set(v, key, kv);
    }
    return EV_OK;
}

static int node_value(struct ev *ev, struct rego_vnode *n, rv *out)
{
    struct memo_ent *m = &ev->memo[n->id];
    if (m->state == MEMO_DONE || m->state == MEMO_OVERRIDE) {
        *out = m->v;
        return EV_OK;
    }
    if (m->state == MEMO_BUSY) {
        struct rego_rule *r = n->nrules ? n->rules[0] : n->deflt;
        return rego_ev_error(ev, "rego_recursion_error", r ? r->mod->file : "", r ? r->line : 0, r ? r->col : 0,
                             "rule %s is recursive", n->path);
    }
    m->state = MEMO_BUSY;
    rv v;
    int rc = rules_value(ev, n, &v);
    if (!rc && n->nkids && (rv_is_undef(v) || rv_kind(v) == RV_OBJECT))
        rc = merge_kids(ev, n, rv_undef(), &v);
    m = &ev->memo[n->id];
    if (rc) {
        rv_unref(v);
        m->state = MEMO_NONE;
        return rc;
    }
    m->v = v;
    m->state = MEMO_DONE;
    *out = v;
    return EV_OK;
}

int rego_node_full(struct ev *ev, struct rego_vnode *n, rv base, rv *out)
{
    struct memo_ent *m = &ev->memo[n->id];
    *out = rv_undef();
    if (m->state == MEMO_OVERRIDE) {
        *out = rv_ref(m->v);
        return EV_OK;
    }
    if (n->nrules || n->deflt) {
        rv v;
        int rc = node_value(ev, n, &v);
        if (!rc)
            *out = rv_ref(v);
        return rc;
    }
    if (m->has_full) {
        *out = rv_ref(m->full);
        return EV_OK;
    }
    rv v = rv_kind(base) == RV_OBJECT ? rv_ref(base) : rv_undef();
    if (!rv_is_undef(base) && rv_kind(base) != RV_OBJECT)
        v = rv_ref(base);
    int rc = merge_kids(ev, n, base, &v);
    if (rc) {
        rv_unref(v);
        return rc;
    }
    if (rv_is_undef(v) && (n->nkids || n->is_pkg))
        v = rv_obj_new(); /* a package with nothing defined is an empty object */
    m = &ev->memo[n->id];
    m->full = rv_ref(v);
    m->has_full = true;
    *out = v;
    return EV_OK;
}

/* ---- functions ---- */

static int func_sol(struct ev *ev, struct rego_rule *x, void *ud)
{
    return single_sol(ev, x, ud);
}

int rego_eval_func(struct ev *ev, struct rego_vnode *n, rv *args, ev_vk k, void *ud)
{
    struct single s = {rv_undef(), false, "functions must not produce multiple outputs for same inputs", NULL};
    int rc = EV_OK;
    for (size_t i = 0; i < n->nrules && !rc; i++)
        rc = eval_chain(ev, n->rules[i], args, func_sol, &s);
    if (!rc && !s.have && n->deflt) {
        rc = eval_default(ev, n, &s.val);
        s.have = !rv_is_undef(s.val);
    }
    if (!rc && s.have)
        rc = k(ev, s.val, ud);
    rv_unref(s.val);
    return rc;
}
