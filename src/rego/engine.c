/* engine.c: the public engine API (rego.h): modules, data, compile, queries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "rego/eval_int.h"
#include "rego/value_int.h"

#define DEFAULT_STEPS 100000000UL
#define DEFAULT_DEPTH 250
#define DEFAULT_STACK ((size_t)2 << 20) /* fits a default 8 MiB thread stack with room to spare */

enum osp_code rego_engine_new(struct osp_ctx *ctx, const struct rego_opts *opts, struct rego_engine **out,
                              struct osp_err *err)
{
    struct rego_engine *e = calloc(1, sizeof(*e));
    if (!e)
        return osp_err_set(err, OSP_ENOMEM, "out of memory creating the Rego engine");
    e->ctx = ctx;
    if (opts)
        e->opts = *opts;
    e->data = rv_obj_new();
    e->meta_cache = rv_obj_new();
    e->table = rego_builtins_table(&e->ntable);
    *out = e;
    return OSP_OK;
}

void rego_engine_free(struct rego_engine *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->nmods; i++)
        rego_module_free(e->mods[i]);
    free(e->mods);
    if (e->compiled)
        rv_thaw(e->data); /* frozen at compile; the engine holds the only references */
    rv_unref(e->data);
    rv_unref(e->meta_cache);
    /* vnodes own heap arrays */
    if (e->root) {
        struct rego_vnode **stack = malloc((e->nnodes + 1) * sizeof(*stack));
        size_t n = 0;
        if (stack) {
            stack[n++] = e->root;
            while (n) {
                struct rego_vnode *v = stack[--n];
                for (size_t i = 0; i < v->nkids; i++)
                    stack[n++] = v->kids[i];
                free(v->kids);
                free(v->rules);
            }
            free(stack);
        }
    }
    rego_arena_free(&e->arena);
    free(e);
}

const struct rego_error *rego_last_error(const struct rego_engine *e)
{
    return &e->last;
}

static enum osp_code parse_error(struct rego_engine *e, const char *file, int line, int col, struct osp_err *err)
{
    char msg[400];
    snprintf(msg, sizeof(msg), "%s", err->msg);
    osp_err_init(err);
    return rego_compile_error(e, err, "rego_parse_error", file, line, col, "%s", msg);
}

enum osp_code rego_add_module(struct rego_engine *e, const char *filename, const char *text, size_t len,
                              struct osp_err *err)
{
    if (e->compiled)
        return osp_err_set(err, OSP_EINTERNAL, "rego_add_module after rego_compile");
    struct rego_module *m;
    int line = 0, col = 0;
    enum osp_code rc = rego_parse_module(filename, text, len, e->opts.v0_compatible, &m, &line, &col, err);
    if (rc)
        return rc == OSP_EPOLICY ? parse_error(e, filename, line, col, err) : rc;
    if (e->nmods == e->modcap) {
        e->modcap = e->modcap ? e->modcap * 2 : 16;
        void *p = realloc(e->mods, e->modcap * sizeof(*e->mods));
        if (!p) {
            rego_module_free(m);
            return osp_err_set(err, OSP_ENOMEM, "out of memory adding %s", filename);
        }
        e->mods = p;
    }
    e->mods[e->nmods++] = m;
    return OSP_OK;
}

static rv merge(rv a, rv b, bool *conflict)
{
    if (rv_kind(a) != RV_OBJECT || rv_kind(b) != RV_OBJECT) {
        if (!rv_is_undef(a) && !rv_equal(a, b))
            *conflict = true;
        return rv_ref(b);
    }
    rv r = rv_ref(a);
    for (size_t i = 0; i < rv_len(b); i++) {
        rv k = rv_obj_key_at(b, i);
        rv nv = merge(rv_obj_get(r, k), rv_obj_val_at(b, i), conflict);
        rv_obj_set(&r, rv_ref(k), nv);
    }
    return r;
}

static enum osp_code merge_owned(struct rego_engine *e, rv data, struct osp_err *err)
{
    bool conflict = false;
    rv m = merge(e->data, data, &conflict);
    if (conflict) {
        rv_unref(m);
        return osp_err_set(err, OSP_EPOLICY, "data documents conflict: a key has two values");
    }
    rv_unref(e->data);
    e->data = m;
    return OSP_OK;
}

enum osp_code rego_add_data(struct rego_engine *e, rv data, struct osp_err *err)
{
    if (rv_kind(data) != RV_OBJECT)
        return osp_err_set(err, OSP_EPOLICY, "data document must be a JSON object, got %s",
                           rv_kind_name(rv_kind(data)));
    if (e->compiled)
        return osp_err_set(err, OSP_EINTERNAL, "rego_add_data after rego_compile");
    /* a private copy: compile freezes the data, which must not reach the caller's values */
    char *text = rv_json_dump(data, false);
    if (!text)
        return osp_err_set(err, OSP_ENOMEM, "out of memory copying data");
    rv copy;
    enum osp_code rc = rv_json_parse(text, strlen(text), NULL, &copy, err);
    free(text);
    if (rc)
        return rc;
    rc = merge_owned(e, copy, err);
    rv_unref(copy);
    return rc;
}

enum osp_code rego_add_data_json(struct rego_engine *e, const char *json, size_t len, struct osp_err *err)
{
    rv v;
    if (e->compiled)
        return osp_err_set(err, OSP_EINTERNAL, "rego_add_data_json after rego_compile");
    enum osp_code rc = rv_json_parse(json, len, NULL, &v, err);
    if (rc)
        return rc;
    if (rv_kind(v) != RV_OBJECT) {
        rv_unref(v);
        return osp_err_set(err, OSP_EPOLICY, "data document must be a JSON object");
    }
    rc = merge_owned(e, v, err);
    rv_unref(v);
    return rc;
}

enum osp_code rego_compile(struct rego_engine *e, struct osp_err *err)
{
    if (e->compiled)
        return OSP_OK;
    enum osp_code rc = rego_compile_modules(e, err);
    if (rc)
        return rc;
    rv_freeze(e->data);
    for (size_t i = 0; i < e->nmods; i++)
        rego_module_freeze(e->mods[i]);
    e->compiled = true;
    return OSP_OK;
}

enum osp_code rego_input_parse(const char *json, size_t len, rv *out, struct osp_err *err)
{
    struct rv_json_limits lim = {1000, 0, NULL, false};
    return rv_json_parse(json, len, &lim, out, err);
}

/* ---- queries ---- */

struct qvar {
    const char *name;
    int slot;
};

struct qstate {
    struct rego_body *body;
    struct rego_expr **orig;
    size_t norig;
    struct qvar *vars;
    size_t nvars;
    rv results;
    bool first_only;
    rv first;
};

static void collect_vars(struct rego_term *t, struct qvar **vars, size_t *n, size_t *cap)
{
    if (!t)
        return;
    if (t->kind == TM_VAR && t->scope == VS_LOCAL && t->name[0] != '_') {
        for (size_t i = 0; i < *n; i++)
            if ((*vars)[i].slot == t->slot)
                return;
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 8;
            void *p = realloc(*vars, *cap * sizeof(**vars));
            if (!p)
                osp_oom();
            *vars = p;
        }
        (*vars)[*n].name = t->name;
        (*vars)[(*n)++].slot = t->slot;
        return;
    }
    if (t->kind == TM_ACOMP || t->kind == TM_SCOMP || t->kind == TM_OCOMP)
        return;
    for (size_t i = 0; i < t->n; i++)
        collect_vars(t->a[i], vars, n, cap);
}

static int query_sol(struct ev *ev, void *ud)
{
    struct qstate *q = ud;
    if (q->first_only) {
        if (rego_eval_first(ev, q->orig[0]->a, &q->first))
            return EV_ERR;
        return EV_STOP;
    }
    rv exprs = rv_arr_new();
    for (size_t i = 0; i < q->norig; i++) {
        struct rego_expr *x = q->orig[i];
        rv val = rv_bool(true);
        if (x->kind == EX_TERM && !x->neg && !x->nwith) {
            if (rego_eval_first(ev, x->a, &val)) {
                rv_unref(exprs);
                return EV_ERR;
            }
        }
        rv o = rv_obj_new();
        rv_obj_set(&o, rv_str_new("value"), val);
        rv_obj_set(&o, rv_str_new("text"), rv_str_newn(x->text ? x->text : "", x->textlen));
        rv loc = rv_obj_new();
        rv_obj_set(&loc, rv_str_new("row"), rv_num_int(x->line));
        rv_obj_set(&loc, rv_str_new("col"), rv_num_int(x->col));
        rv_obj_set(&o, rv_str_new("location"), loc);
        rv_arr_push(&exprs, o);
    }
    rv b = rv_obj_new();
    for (size_t i = 0; i < q->nvars; i++) {
        rv v = ev->slots[q->vars[i].slot];
        if (!rv_is_undef(v))
            rv_obj_set(&b, rv_str_new(q->vars[i].name), rv_ref(v));
    }
    rv r = rv_obj_new();
    rv_obj_set(&r, rv_str_new("expressions"), exprs);
    if (rv_len(b))
        rv_obj_set(&r, rv_str_new("bindings"), b);
    else
        rv_unref(b);
    rv_arr_push(&q->results, r);
    return EV_OK;
}

static void ev_init(struct ev *ev, struct rego_engine *e, rv input)
{
    memset(ev, 0, sizeof(*ev));
    ev->e = e;
    ev->input = input;
    ev->data = e->data;
    ev->memo = calloc(e->nnodes + 1, sizeof(*ev->memo));
    if (!ev->memo)
        osp_oom();
    ev->memo0 = ev->memo;
    ev->max_steps = e->opts.max_steps ? e->opts.max_steps : DEFAULT_STEPS;
    ev->max_mem = e->opts.max_memory > 0 ? e->opts.max_memory : REGO_DEFAULT_MEMORY;
    ev->mem_base = rv_mem_thread_bytes();
    if (e->opts.max_seconds > 0) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        ev->deadline = (double)ts.tv_sec + ts.tv_nsec / 1e9 + e->opts.max_seconds;
    }
    ev->max_depth = e->opts.max_depth ? e->opts.max_depth : DEFAULT_DEPTH;
    ev->strict = e->opts.strict_builtin_errors;
    ev->now_ns = (int64_t)osp_now(e->ctx) * 1000000000LL;
    char here;
    ev->stack_base = (uintptr_t)&here;
    ev->stack_max = e->opts.max_stack ? e->opts.max_stack : DEFAULT_STACK;
    ev->cache = rv_obj_new();
}

static void ev_cleanup(struct ev *ev)
{
    rego_memo_clear(ev->memo, ev->e->nnodes);
    free(ev->memo);
    free(ev->trail);
    free(ev->mocks);
    rv_unref(ev->cache);
    rego_ix_free(ev);
    rego_cmemo_free(ev);
}

static enum osp_code eval_error(struct rego_engine *e, struct ev *ev, struct osp_err *err)
{
    e->last = ev->err;
    if (e->last.line)
        return osp_err_set(err, OSP_EEVAL, "%s:%d: %s: %s", e->last.file, e->last.line, e->last.code, e->last.message);
    return osp_err_set(err, OSP_EEVAL, "%s: %s", e->last.code, e->last.message);
}

static enum osp_code run_query(struct rego_engine *e, const char *query, rv input, struct qstate *q,
                               struct osp_err *err)
{
    struct rego_module *m;
    struct rego_body *body;
    int line = 0, col = 0, nslots = 0;
    if (!e->compiled)
        return osp_err_set(err, OSP_EINTERNAL, "rego_eval before rego_compile");
    enum osp_code rc = rego_parse_query(query, strlen(query), e->opts.v0_compatible, &m, &body, &line, &col, err);
    if (rc)
        return rc == OSP_EPOLICY ? parse_error(e, "query", line, col, err) : rc;
    q->body = body;
    q->norig = body->n;
    for (size_t i = 0; i < body->n; i++)
        if (body->e[i]->kind == EX_TERM && !body->e[i]->neg)
            body->e[i]->capture = true;
    q->orig = malloc((body->n + 1) * sizeof(*q->orig));
    if (!q->orig)
        osp_oom();
    memcpy(q->orig, body->e, body->n * sizeof(*q->orig));
    rc = rego_compile_query(e, m, body, &nslots, err);
    size_t cap = 0;
    for (size_t i = 0; !rc && i < q->norig; i++) {
        struct rego_expr *x = q->orig[i];
        struct rego_term *ts[] = {x->a, x->b, x->k, x->v, x->coll};
        for (size_t j = 0; j < 5; j++)
            collect_vars(ts[j], &q->vars, &q->nvars, &cap);
        for (size_t j = 0; j < x->nvars; j++)
            collect_vars(x->vars[j], &q->vars, &q->nvars, &cap);
    }
    if (!rc) {
        struct ev ev;
        ev_init(&ev, e, input);
        rv *frame = calloc((size_t)nslots + 1, sizeof(rv));
        if (!frame)
            osp_oom();
        ev.slots = frame;
        int erc;
        if (q->first_only && body->n == 1 && body->e[0]->kind == EX_TERM && !body->e[0]->neg && !body->e[0]->nwith)
            erc = rego_eval_first(&ev, body->e[0]->a, &q->first);
        else
            erc = rego_eval_body(&ev, body, 0, query_sol, q);
        if (erc == EV_ERR)
            rc = eval_error(e, &ev, err);
        ev_cleanup(&ev);
        free(frame);
    }
    free(q->orig);
    free(q->vars);
    rego_module_free(m);
    return rc;
}

enum osp_code rego_eval(struct rego_engine *e, const char *query, rv input, rv *result, struct osp_err *err)
{
    struct qstate q;
    memset(&q, 0, sizeof(q));
    q.results = rv_arr_new();
    enum osp_code rc = run_query(e, query, input, &q, err);
    if (rc) {
        rv_unref(q.results);
        return rc;
    }
    rv r = rv_obj_new();
    if (rv_len(q.results))
        rv_obj_set(&r, rv_str_new("result"), q.results);
    else
        rv_unref(q.results);
    *result = r;
    return OSP_OK;
}

enum osp_code rego_eval_ref(struct rego_engine *e, const char *ref, rv input, rv *out, struct osp_err *err)
{
    struct qstate q;
    memset(&q, 0, sizeof(q));
    q.results = rv_arr_new();
    q.first_only = true;
    q.first = rv_undef();
    enum osp_code rc = run_query(e, ref, input, &q, err);
    rv_unref(q.results);
    if (rc) {
        rv_unref(q.first);
        return rc;
    }
    *out = q.first;
    return OSP_OK;
}

/* ---- module listing ---- */

size_t rego_module_count(const struct rego_engine *e)
{
    return e->nmods;
}

enum osp_code rego_module_info(struct rego_engine *e, size_t i, struct rego_module_info *out, struct osp_err *err)
{
    if (i >= e->nmods)
        return osp_err_set(err, OSP_ENOTFOUND, "no module %zu", i);
    struct rego_module *m = e->mods[i];
    memset(out, 0, sizeof(*out));
    out->filename = m->file;
    size_t len = 0;
    for (size_t j = 1; j < m->npkg; j++)
        len += strlen(m->pkgpath[j]) + 1;
    char *pkg = rego_arena_alloc(&m->arena, len + 1);
    const char **rules = rego_arena_alloc(&m->arena, (m->nrules + 1) * sizeof(char *));
    if (!pkg || !rules)
        return osp_err_set(err, OSP_ENOMEM, "out of memory listing %s", m->file);
    size_t o = 0;
    for (size_t j = 1; j < m->npkg; j++) {
        size_t n = strlen(m->pkgpath[j]);
        if (o)
            pkg[o++] = '.';
        memcpy(pkg + o, m->pkgpath[j], n);
        o += n;
    }
    pkg[o] = '\0';
    size_t nr = 0;
    for (size_t j = 0; j < m->nrules; j++) {
        struct rego_term *h = m->rules[j]->head;
        const char *name = h->kind == TM_REF ? h->a[0]->name : h->name;
        bool dup = false;
        for (size_t k = 0; k < nr && !dup; k++)
            dup = !strcmp(rules[k], name);
        if (!dup && m->rules[j]->kind != RK_FUNC)
            rules[nr++] = name;
    }
    out->package = pkg;
    out->rules = rules;
    out->nrules = nr;
    out->annotations = m->pkg_meta;
    return OSP_OK;
}

rv rego_rule_annotations(struct rego_engine *e, const char *package, const char *rule)
{
    for (size_t i = 0; i < e->nmods; i++) {
        struct rego_module_info mi;
        struct osp_err err;
        osp_err_init(&err);
        if (rego_module_info(e, i, &mi, &err) || strcmp(mi.package, package))
            continue;
        struct rego_module *m = e->mods[i];
        for (size_t j = 0; j < m->nrules; j++) {
            struct rego_term *h = m->rules[j]->head;
            const char *name = h->kind == TM_REF ? h->a[0]->name : h->name;
            if (!strcmp(name, rule) && rv_kind(m->rules[j]->meta) == RV_OBJECT)
                return m->rules[j]->meta;
        }
    }
    return rv_undef();
}
