/* eval_call.c: function calls: user functions, mocks, the builtins table, evaluator builtins. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/eval_int.h"

struct rego_bctx {
    struct ev *ev;
    const char *name;
    const struct rego_term *t;
};

/* ---- the builtin context API (builtin.h) ---- */

static enum rego_bi_status bi_err(struct rego_bctx *bc, const char *code, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

static enum rego_bi_status bi_err(struct rego_bctx *bc, const char *code, const char *fmt, va_list ap)
{
    struct ev *ev = bc->ev;
    if (ev->errcode != OSP_OK)
        return REGO_BI_ERR;
    char msg[360];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    const char *file = ev->cur_rule ? ev->cur_rule->mod->file : "";
    rego_ev_error(ev, code, file, bc->t ? bc->t->line : 0, bc->t ? bc->t->col : 0, "%s: %s", bc->name, msg);
    return REGO_BI_ERR;
}

enum rego_bi_status rego_bi_type_error(struct rego_bctx *bc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    enum rego_bi_status s = bi_err(bc, "eval_type_error", fmt, ap);
    va_end(ap);
    return s;
}

enum rego_bi_status rego_bi_error(struct rego_bctx *bc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    enum rego_bi_status s = bi_err(bc, "eval_builtin_error", fmt, ap);
    va_end(ap);
    return s;
}

struct osp_ctx *rego_bctx_osp(struct rego_bctx *bc)
{
    return bc->ev->e->ctx;
}
const char *rego_bctx_name(struct rego_bctx *bc)
{
    return bc->name;
}
int64_t rego_bctx_now_ns(struct rego_bctx *bc)
{
    return bc->ev->now_ns;
}

rv rego_bctx_cache_get(struct rego_bctx *bc, rv key)
{
    return rv_obj_get(bc->ev->cache, key);
}

void rego_bctx_cache_put(struct rego_bctx *bc, rv key, rv val)
{
    rv_obj_set(&bc->ev->cache, key, val);
}

enum rego_bi_status rego_bctx_charge(struct rego_bctx *bc, unsigned long steps)
{
    struct ev *ev = bc->ev;
    if (ev->errcode != OSP_OK)
        return REGO_BI_ERR;
    if (rego_ev_charge(ev, steps, bc->t ? bc->t->line : 0, bc->t ? bc->t->col : 0) == EV_OK)
        return REGO_BI_OK;
    /* name the builtin that spent it */
    char msg[sizeof(ev->err.message)];
    snprintf(msg, sizeof(msg), "%s", ev->err.message);
    snprintf(ev->err.message, sizeof(ev->err.message), "%s: %s", bc->name, msg);
    if (ev->cur_rule)
        snprintf(ev->err.file, sizeof(ev->err.file), "%s", ev->cur_rule->mod->file);
    return REGO_BI_ERR;
}

unsigned long rego_bctx_steps_left(struct rego_bctx *bc)
{
    return bc->ev->steps < bc->ev->max_steps ? bc->ev->max_steps - bc->ev->steps : 0;
}

const char *rego_bctx_getenv(struct rego_bctx *bc, const char *name)
{
    return osp_getenv(bc->ev->e->ctx, name);
}

/* ---- evaluator builtins ---- */

static bool member2(rv x, rv coll)
{
    switch (rv_kind(coll)) {
    case RV_SET:
        return rv_set_has(coll, x);
    case RV_ARRAY:
        for (size_t i = 0; i < rv_len(coll); i++)
            if (rv_equal(rv_arr_at(coll, i), x))
                return true;
        return false;
    case RV_OBJECT:
        for (size_t i = 0; i < rv_len(coll); i++)
            if (rv_equal(rv_obj_val_at(coll, i), x))
                return true;
        return false;
    default:
        return false;
    }
}

static bool member3(rv k, rv v, rv coll)
{
    rv got = rv_undef();
    if (rv_kind(coll) == RV_ARRAY || rv_kind(coll) == RV_OBJECT)
        got = rv_get(coll, k);
    return !rv_is_undef(got) && rv_equal(got, v);
}

struct walkc {
    ev_vk k;
    void *ud;
};

static int walk_rec(struct ev *ev, rv *path, rv v, struct walkc *c)
{
    rv pair = rv_arr_with_cap(2);
    rv_arr_push(&pair, rv_ref(*path));
    rv_arr_push(&pair, rv_ref(v));
    int rc = c->k(ev, pair, c->ud);
    rv_unref(pair);
    enum rv_kind kd = rv_kind(v);
    if (rc || (kd != RV_ARRAY && kd != RV_OBJECT && kd != RV_SET))
        return rc;
    for (size_t i = 0; i < rv_len(v) && !rc; i++) {
        rv key, val;
        if (kd == RV_ARRAY) {
            key = rv_num_int((int64_t)i);
            val = rv_arr_at(v, i);
        } else if (kd == RV_OBJECT) {
            key = rv_obj_key_at(v, i);
            val = rv_obj_val_at(v, i);
        } else {
            key = val = rv_set_at(v, i);
        }
        rv sub = rv_arr_concat(*path, rv_undef());
        rv_arr_push(&sub, rv_ref(key));
        rc = walk_rec(ev, &sub, val, c);
        rv_unref(sub);
    }
    return rc;
}

static int arith(struct ev *ev, const struct rego_term *t, enum internal_fn f, rv a, rv b, rv *out)
{
    if (f == IF_MINUS && rv_kind(a) == RV_SET && rv_kind(b) == RV_SET) {
        *out = rv_set_new();
        for (size_t i = 0; i < rv_len(a); i++)
            if (!rv_set_has(b, rv_set_at(a, i)))
                rv_set_add(out, rv_ref(rv_set_at(a, i)));
        return EV_OK;
    }
    if (rv_kind(a) != RV_NUMBER || rv_kind(b) != RV_NUMBER) {
        if (!ev->strict)
            return EV_STOP;
        return rego_ev_error(ev, "eval_type_error", "", t->line, t->col, "%s: operand %d must be number but got %s",
                             t->name, rv_kind(a) != RV_NUMBER ? 1 : 2,
                             rv_kind_name(rv_kind(rv_kind(a) != RV_NUMBER ? a : b)));
    }
    switch (f) {
    case IF_PLUS:
        *out = rv_num_add(a, b);
        break;
    case IF_MINUS:
        *out = rv_num_sub(a, b);
        break;
    case IF_MUL:
        *out = rv_num_mul(a, b);
        break;
    case IF_DIV:
        *out = rv_num_div(a, b);
        if (rv_is_undef(*out) && ev->strict)
            return rego_ev_error(ev, "eval_builtin_error", "", t->line, t->col, "div: divide by zero");
        break;
    default:
        *out = rv_num_rem(a, b);
        if (rv_is_undef(*out) && ev->strict)
            return rego_ev_error(ev, "eval_builtin_error", "", t->line, t->col, "rem: modulo by zero");
        break;
    }
    return rv_is_undef(*out) ? EV_STOP : EV_OK;
}

static int setop(enum internal_fn f, rv a, rv b, rv *out)
{
    if (rv_kind(a) != RV_SET || rv_kind(b) != RV_SET)
        return EV_STOP;
    *out = rv_set_new();
    for (size_t i = 0; i < rv_len(a); i++)
        if (f == IF_OR || rv_set_has(b, rv_set_at(a, i)))
            rv_set_add(out, rv_ref(rv_set_at(a, i)));
    if (f == IF_OR)
        for (size_t i = 0; i < rv_len(b); i++)
            rv_set_add(out, rv_ref(rv_set_at(b, i)));
    return EV_OK;
}

int rego_meta_rule(struct ev *ev, rv *out);
int rego_meta_chain(struct ev *ev, rv *out);
int rego_opa_runtime(struct ev *ev, rv *out);
int rego_print(struct ev *ev, const struct rego_term *t);

/* rego.parse_module(filename, text): the module's AST; a syntax error is a builtin error. */
static int parse_module(struct ev *ev, const struct rego_term *t, rv *a, rv *out)
{
    if (rv_kind(a[0]) != RV_STRING || rv_kind(a[1]) != RV_STRING) {
        if (!ev->strict)
            return EV_STOP;
        return rego_ev_error(
            ev, "eval_type_error", "", t->line, t->col, "rego.parse_module: operand %d must be string but got %s",
            rv_kind(a[0]) != RV_STRING ? 1 : 2, rv_kind_name(rv_kind(rv_kind(a[0]) != RV_STRING ? a[0] : a[1])));
    }
    struct osp_err err;
    osp_err_init(&err);
    if (rego_parse_to_rv(rv_str(a[0]), rv_str(a[1]), rv_str_len(a[1]), ev->e->opts.v0_compatible, out, &err)) {
        if (!ev->strict)
            return EV_STOP;
        return rego_ev_error(ev, "eval_builtin_error", "", t->line, t->col, "rego.parse_module: %s", err.msg);
    }
    return EV_OK;
}

/* Value of a non-generating evaluator builtin; EV_STOP = undefined. */
static int internal_value(struct ev *ev, const struct rego_term *t, enum internal_fn f, rv *a, rv *out)
{
    int c;
    switch (f) {
    case IF_MEMBER2:
        *out = rv_bool(member2(a[0], a[1]));
        return EV_OK;
    case IF_MEMBER3:
        *out = rv_bool(member3(a[0], a[1], a[2]));
        return EV_OK;
    case IF_TRACE:
        *out = rv_bool(true);
        return EV_OK;
    case IF_META_RULE:
        return rego_meta_rule(ev, out);
    case IF_META_CHAIN:
        return rego_meta_chain(ev, out);
    case IF_OPA_RUNTIME:
        return rego_opa_runtime(ev, out);
    case IF_PARSE_MODULE:
        return parse_module(ev, t, a, out);
    case IF_EQ:
        *out = rv_bool(rv_equal(a[0], a[1]));
        return EV_OK;
    case IF_NEQ:
        *out = rv_bool(!rv_equal(a[0], a[1]));
        return EV_OK;
    case IF_LT:
    case IF_GT:
    case IF_LTE:
    case IF_GTE:
        c = rv_cmp(a[0], a[1]);
        *out = rv_bool(f == IF_LT ? c < 0 : f == IF_GT ? c > 0 : f == IF_LTE ? c <= 0 : c >= 0);
        return EV_OK;
    case IF_AND:
    case IF_OR:
        return setop(f, a[0], a[1], out);
    case IF_COUNT:
        if (rv_kind(a[0]) < RV_STRING)
            return EV_STOP;
        *out = rv_num_int((int64_t)rv_len(a[0]));
        return EV_OK;
    default:
        return arith(ev, t, f, a[0], a[1], out);
    }
}

/* ---- dispatch ---- */

struct callk {
    struct rego_term *t;
    const struct rego_func_target *ft;
    bool out_form;
    size_t nin;
    ev_vk k;
    void *ud;
};

static int true_k(struct ev *ev, void *ud)
{
    struct callk *c = ud;
    return c->k(ev, rv_bool(true), c->ud);
}

static int result_k(struct ev *ev, rv v, void *ud)
{
    struct callk *c = ud;
    if (c->out_form)
        return rego_unify_tv(ev, c->t->a[c->nin], v, true_k, c);
    return c->k(ev, v, c->ud);
}

static const struct mock *find_mock(struct ev *ev, const char *key)
{
    for (size_t i = ev->nmocks; i-- > ev->mock_base;)
        if (ev->mocks[i].key && !strcmp(ev->mocks[i].key, key))
            return &ev->mocks[i];
    return NULL;
}

static int dispatch(struct ev *ev, struct callk *c, const struct rego_func_target *ft, rv *args, int mockdepth);

static int store_k(struct ev *ev, rv v, void *ud)
{
    rv *out = ud;
    if (rv_is_undef(*out))
        *out = rv_ref(v);
    return EV_OK;
}

/* A mock replacement runs with every mock hidden (it may call the original), then the
 * caller continues with its value. */
static int call_mock(struct ev *ev, struct callk *c, const struct rego_func_target *repl, rv *args, int mockdepth)
{
    rv out = rv_undef();
    struct callk inner = {c->t, repl, false, c->nin, store_k, &out};
    size_t base = ev->mock_base;
    ev->mock_base = ev->nmocks;
    int rc = dispatch(ev, &inner, repl, args, mockdepth + 1);
    ev->mock_base = base;
    if (!rc && !rv_is_undef(out))
        rc = result_k(ev, out, c);
    rv_unref(out);
    return rc;
}

static int dispatch(struct ev *ev, struct callk *c, const struct rego_func_target *ft, rv *args, int mockdepth)
{
    const struct mock *m = mockdepth < 8 ? find_mock(ev, ft->name) : NULL;
    if (m) {
        if (m->repl)
            return call_mock(ev, c, m->repl, args, mockdepth);
        return result_k(ev, m->value, c);
    }
    if (ft->kind == CALL_BUILTIN && !ft->bi)
        return rego_ev_error(ev, "eval_builtin_error", ev->cur_rule ? ev->cur_rule->mod->file : "", c->t->line,
                             c->t->col, "%s: not supported by osprey", ft->name);
    if (ft->kind == CALL_USER)
        return rego_eval_func(ev, ft->node, args, result_k, c);
    if (ft->kind == CALL_INTERNAL) {
        if (ft->ifn == IF_WALK) {
            struct walkc w = {result_k, c};
            rv root = rv_arr_new();
            int rc = walk_rec(ev, &root, args[0], &w);
            rv_unref(root);
            return rc;
        }
        rv out = rv_undef();
        int rc = internal_value(ev, c->t, ft->ifn, args, &out);
        if (rc == EV_STOP)
            return EV_OK;
        if (!rc)
            rc = result_k(ev, out, c);
        rv_unref(out);
        return rc;
    }
    struct rego_bctx bc = {ev, ft->bi->name, c->t};
    rv out = rv_undef();
    enum rego_bi_status st = ft->bi->fn(&bc, args, &out);
    if (st == REGO_BI_ERR) {
        if (ev->strict || !strcmp(ev->err.code, "eval_cancel_error"))
            return EV_ERR; /* a budget, memory cap or deadline ends the query in any mode */
        ev->errcode = OSP_OK; /* non-strict: an erroring builtin is undefined */
        return EV_OK;
    }
    if (st == REGO_BI_UNDEF)
        return EV_OK;
    int rc = result_k(ev, out, c);
    rv_unref(out);
    return rc;
}

static int args_k(struct ev *ev, rv *vals, void *ud)
{
    struct callk *c = ud;
    return dispatch(ev, c, c->ft, vals, 0);
}

int rego_eval_call(struct ev *ev, struct rego_term *t, ev_vk k, void *ud)
{
    const struct rego_func_target *ft = t->target;
    if (!ft)
        return rego_ev_error(ev, "eval_internal_error", "", t->line, t->col, "unresolved function %s", t->name);
    if (ft->kind == CALL_INTERNAL && ft->ifn == IF_PRINT) {
        int rc = rego_print(ev, t);
        return rc ? rc : k(ev, rv_bool(true), ud);
    }
    struct callk c = {t, ft, false, t->n, k, ud};
    if (ft->arity >= 0 && t->n == (size_t)ft->arity + 1) {
        c.out_form = true;
        c.nin = t->n - 1;
    }
    return rego_eval_list(ev, t->a, c.nin, args_k, &c);
}
