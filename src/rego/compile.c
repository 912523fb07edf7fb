/* compile.c: name resolution (scopes, frame slots, rule and import refs), call and with targets, and the
 * compile driver (tree, METADATA, safety, folding, recursion). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/rego_int.h"
#include "rego/rewrite.h"

enum osp_code rego_compile_error(struct rego_engine *e, struct osp_err *err, const char *code, const char *file,
                                 int line, int col, const char *fmt, ...)
{
    struct rego_error *le = &e->last;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(le->message, sizeof(le->message), fmt, ap);
    va_end(ap);
    snprintf(le->code, sizeof(le->code), "%s", code);
    snprintf(le->file, sizeof(le->file), "%s", file ? file : "");
    le->line = line;
    le->col = col;
    return osp_err_set(err, OSP_EPOLICY, "%s:%d:%d: %s: %s", le->file, line, col, code, le->message);
}

static void *ealloc(struct rego_engine *e, size_t n)
{
    void *p = rego_arena_alloc(&e->arena, n);
    if (!p)
        osp_oom();
    return p;
}

static void grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return;
    *cap = *cap ? *cap * 2 : 4;
    void *p = realloc(*arr, *cap * elem);
    if (!p)
        osp_oom();
    *arr = p;
}

/* ---- scopes and name resolution ---- */

#define NO_IDX ((size_t)-1)

struct scope {
    struct scope *parent;
    struct rego_body *body;
    struct {
        const char *name;
        int slot;
        size_t decl_idx; /* expression index of its `:=`, or NO_IDX */
    } * vars;
    size_t n, cap;
    size_t cur; /* index of the expression being resolved */
};

struct rctx {
    struct rego_engine *e;
    struct rego_module *m;
    int nslots;
    struct osp_err *err;
    enum osp_code rc;
    bool query;
};

/* Nested bodies do not see a `:=` of an enclosing body that comes after them. */
static int scope_find(struct scope *s, const char *name)
{
    for (struct scope *x = s; x; x = x->parent)
        for (size_t i = 0; i < x->n; i++)
            if (!strcmp(x->vars[i].name, name) &&
                (x == s || x->vars[i].decl_idx == NO_IDX || x->vars[i].decl_idx <= x->cur))
                return x->vars[i].slot;
    return -1;
}

static int scope_find_here(struct scope *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->vars[i].name, name))
            return s->vars[i].slot;
    return -1;
}

static int scope_add(struct rctx *c, struct scope *s, const char *name)
{
    grow((void **)&s->vars, &s->cap, s->n, sizeof(*s->vars));
    s->vars[s->n].name = name;
    s->vars[s->n].decl_idx = NO_IDX;
    s->vars[s->n].slot = c->nslots++;
    return s->vars[s->n++].slot;
}

/* Is name a rule (first head segment) of the module's package? */
static bool is_pkg_rule(struct rctx *c, const char *name)
{
    struct rego_vnode *n = c->e->root;
    struct rego_module *m = c->m;
    if (!m->npkg)
        return false;
    for (size_t i = 1; i < m->npkg && n; i++)
        n = rego_vnode_child(n, m->pkgpath[i]);
    return n && rego_vnode_child(n, name);
}

static const struct rego_import *find_import(struct rctx *c, const char *name)
{
    for (size_t i = 0; i < c->m->nimports; i++) {
        const struct rego_import *im = &c->m->imports[i];
        const char *root = im->path->kind == TM_VAR ? im->path->name : im->path->a[0]->name;
        if (!strcmp(root, "future") || !strcmp(root, "rego"))
            continue;
        if (im->alias && !strcmp(im->alias, name))
            return im;
    }
    return NULL;
}

static struct rego_term *mk_term(struct rctx *c, enum rego_term_kind k, int line, int col)
{
    struct rego_term *t = rego_arena_alloc(&c->m->arena, sizeof(*t));
    if (!t)
        osp_oom();
    t->kind = (unsigned char)k;
    t->line = line;
    t->col = col;
    t->slot = -1;
    return t;
}

static rv const_str(struct rctx *c, const char *s);

/* Turn var t into the ref data.<pkg>.<name>. */
static void to_rule_ref(struct rctx *c, struct rego_term *t)
{
    struct rego_module *m = c->m;
    struct rego_term **a = rego_arena_alloc(&m->arena, (m->npkg + 1) * sizeof(*a));
    if (!a)
        osp_oom();
    a[0] = mk_term(c, TM_VAR, t->line, t->col);
    a[0]->name = "data";
    a[0]->scope = VS_DATA;
    for (size_t i = 1; i < m->npkg; i++) {
        a[i] = mk_term(c, TM_VALUE, t->line, t->col);
        a[i]->val = const_str(c, m->pkgpath[i]);
        a[i]->ground = true;
    }
    a[m->npkg] = mk_term(c, TM_VALUE, t->line, t->col);
    a[m->npkg]->val = const_str(c, t->name);
    a[m->npkg]->ground = true;
    t->kind = TM_REF;
    t->a = a;
    t->n = m->npkg + 1;
}

/* Turn var t into a copy of an import path ref (already rooted at data/input). */
static void to_import_ref(struct rctx *c, struct rego_term *t, const struct rego_import *im)
{
    struct rego_term *p = im->path;
    if (p->kind == TM_VAR) {
        t->name = p->name;
        t->scope = !strcmp(p->name, "input") ? VS_INPUT : VS_DATA;
        return;
    }
    struct rego_term **a = rego_arena_alloc(&c->m->arena, p->n * sizeof(*a));
    if (!a)
        osp_oom();
    a[0] = mk_term(c, TM_VAR, t->line, t->col);
    a[0]->name = p->a[0]->name;
    a[0]->scope = !strcmp(p->a[0]->name, "input") ? VS_INPUT : VS_DATA;
    for (size_t i = 1; i < p->n; i++)
        a[i] = p->a[i];
    t->kind = TM_REF;
    t->a = a;
    t->n = p->n;
}

static rv const_str(struct rctx *c, const char *s)
{
    return rego_module_keep(c->m, rv_str_new(s));
}

static bool is_global(const char *name)
{
    return !strcmp(name, "input") || !strcmp(name, "data");
}

static int new_slot(struct rctx *c, struct scope *s, const char *name, int depth, int **depths, size_t *cap)
{
    int slot = scope_add(c, s, name);
    grow((void **)depths, cap, (size_t)slot, sizeof(int));
    (*depths)[slot] = depth;
    return slot;
}

struct res {
    struct rctx *c;
    int *depths;
    size_t dcap;
};

static int res_slot(struct res *r, struct scope *s, const char *name)
{
    return new_slot(r->c, s, name, s->body ? s->body->depth : 0, &r->depths, &r->dcap);
}

/* Pattern vars (var, array/object values) of a declaration. */
static void declare_pattern(struct res *r, struct scope *s, struct rego_term *t, bool strict)
{
    if (!t)
        return;
    if (t->kind == TM_VAR) {
        if (!strcmp(t->name, "_") || is_global(t->name))
            return;
        if (scope_find_here(s, t->name) >= 0) {
            if (strict && r->c->rc == OSP_OK)
                r->c->rc = rego_compile_error(r->c->e, r->c->err, "rego_compile_error", r->c->m->file, t->line, t->col,
                                              "var %s assigned above", t->name);
            return;
        }
        res_slot(r, s, t->name);
        if (strict)
            s->vars[s->n - 1].decl_idx = s->cur;
    } else if (t->kind == TM_ARRAY) {
        for (size_t i = 0; i < t->n; i++)
            declare_pattern(r, s, t->a[i], strict);
    } else if (t->kind == TM_OBJECT) {
        for (size_t i = 1; i < t->n; i += 2)
            declare_pattern(r, s, t->a[i], strict);
    }
}

/* Names used directly in a term (not inside nested bodies) become implicit locals of s. */
static void implicit_names(struct res *r, struct scope *s, struct rego_term *t)
{
    if (!t)
        return;
    switch ((enum rego_term_kind)t->kind) {
    case TM_VAR:
        if (t->scope != VS_UNRESOLVED || !strcmp(t->name, "_") || is_global(t->name))
            return;
        if (scope_find(s, t->name) >= 0 || find_import(r->c, t->name) || is_pkg_rule(r->c, t->name))
            return;
        res_slot(r, s, t->name);
        return;
    case TM_ACOMP:
    case TM_SCOMP:
    case TM_OCOMP:
    case TM_VALUE:
        return;
    case TM_WITHVAL:
        implicit_names(r, s, t->body->e[0]->a);
        for (size_t i = 0; i < t->body->e[0]->nwith; i++)
            implicit_names(r, s, t->body->e[0]->with[i].value);
        return;
    default:
        for (size_t i = 0; i < t->n; i++)
            implicit_names(r, s, t->a[i]);
    }
}

static void resolve_body(struct res *r, struct scope *parent, struct rego_body *b, struct rego_term **heads,
                         size_t nheads, struct rego_term **decls, size_t ndecls);
static void resolve_term(struct res *r, struct scope *s, struct rego_term *t);
static const struct rego_func_target *resolve_call(struct rctx *c, const char *name, int line, int col, size_t nargs,
                                                   bool quiet);

static void splice_ref_head(struct rctx *c, struct rego_term *t)
{
    struct rego_term *h = t->a[0];
    if (h->kind != TM_REF)
        return;
    struct rego_term **a = rego_arena_alloc(&c->m->arena, (h->n + t->n - 1) * sizeof(*a));
    if (!a)
        osp_oom();
    memcpy(a, h->a, h->n * sizeof(*a));
    memcpy(a + h->n, t->a + 1, (t->n - 1) * sizeof(*a));
    t->a = a;
    t->n = h->n + t->n - 1;
}

static void resolve_var(struct res *r, struct scope *s, struct rego_term *t)
{
    if (t->scope != VS_UNRESOLVED)
        return;
    if (!strcmp(t->name, "_")) {
        t->scope = VS_WILDCARD;
        t->slot = res_slot(r, s, "_");
        return;
    }
    int slot = scope_find(s, t->name);
    if (slot >= 0) {
        t->scope = VS_LOCAL;
        t->slot = slot;
        return;
    }
    const struct rego_import *im = find_import(r->c, t->name);
    if (im) {
        to_import_ref(r->c, t, im);
        return;
    }
    if (is_pkg_rule(r->c, t->name)) {
        to_rule_ref(r->c, t);
        return;
    }
    if (!strcmp(t->name, "input")) {
        t->scope = VS_INPUT;
        return;
    }
    if (!strcmp(t->name, "data")) {
        t->scope = VS_DATA;
        return;
    }
    t->scope = VS_LOCAL;
    t->slot = res_slot(r, s, t->name);
}

static void resolve_expr(struct res *r, struct scope *s, struct rego_expr *e);

static void resolve_compr(struct res *r, struct scope *s, struct rego_term *t)
{
    struct rego_term *heads[2] = {t->head, t->key};
    resolve_body(r, s, t->body, heads, t->key ? 2 : 1, NULL, 0);
}

static void resolve_term(struct res *r, struct scope *s, struct rego_term *t)
{
    if (!t || r->c->rc)
        return;
    switch ((enum rego_term_kind)t->kind) {
    case TM_VALUE:
        return;
    case TM_VAR:
        resolve_var(r, s, t);
        return;
    case TM_REF:
        resolve_term(r, s, t->a[0]);
        splice_ref_head(r->c, t);
        for (size_t i = 1; i < t->n; i++)
            resolve_term(r, s, t->a[i]);
        return;
    case TM_ACOMP:
    case TM_SCOMP:
    case TM_OCOMP:
        resolve_compr(r, s, t);
        return;
    case TM_WITHVAL:
        resolve_expr(r, s, t->body->e[0]);
        return;
    case TM_CALL:
        for (size_t i = 0; i < t->n; i++)
            resolve_term(r, s, t->a[i]);
        if (!t->target)
            t->target = resolve_call(r->c, t->name, t->line, t->col, t->n, false);
        return;
    default:
        for (size_t i = 0; i < t->n; i++)
            resolve_term(r, s, t->a[i]);
    }
}

/* Dotted name of a var/ref with string operands into buf; false if not such a ref. */
static bool dotted(const struct rego_term *t, char *buf, size_t cap)
{
    size_t n = 0;
    const struct rego_term *h = t->kind == TM_REF ? t->a[0] : t;
    if (h->kind != TM_VAR)
        return false;
    n = (size_t)snprintf(buf, cap, "%s", h->name);
    for (size_t i = 1; t->kind == TM_REF && i < t->n && n < cap; i++) {
        if (t->a[i]->kind != TM_VALUE || rv_kind(t->a[i]->val) != RV_STRING)
            return false;
        n += (size_t)snprintf(buf + n, cap - n, ".%s", rv_str(t->a[i]->val));
    }
    return n < cap;
}

/* Split "a.b.c" (modified in place) into segs; returns count. */
static size_t split_dots(char *s, const char **segs, size_t max)
{
    size_t n = 0;
    segs[n++] = s;
    for (char *p = s; *p && n < max; p++)
        if (*p == '.') {
            *p = '\0';
            segs[n++] = p + 1;
        }
    return n;
}

static struct rego_vnode *walk_path(struct rego_vnode *n, const char **segs, size_t ns)
{
    for (size_t i = 0; i < ns && n; i++)
        n = rego_vnode_child(n, segs[i]);
    return n;
}

/* The data-tree node a dotted name denotes in module context (NULL if none). */
static struct rego_vnode *name_node(struct rctx *c, const char *name, bool *is_input, const char ***pathp,
                                    size_t *npathp)
{
    char buf[512];
    const char *segs[64], *full[128];
    snprintf(buf, sizeof(buf), "%s", name);
    size_t ns = split_dots(buf, segs, 64), nf = 0;
    *is_input = false;
    const struct rego_import *im = find_import(c, segs[0]);
    if (im) {
        const struct rego_term *p = im->path;
        const char *root = p->kind == TM_VAR ? p->name : p->a[0]->name;
        *is_input = !strcmp(root, "input");
        for (size_t i = 1; p->kind == TM_REF && i < p->n && nf < 64; i++)
            full[nf++] = rv_str(p->a[i]->val);
        for (size_t i = 1; i < ns; i++)
            full[nf++] = segs[i];
    } else if (!strcmp(segs[0], "data") || !strcmp(segs[0], "input")) {
        *is_input = !strcmp(segs[0], "input");
        for (size_t i = 1; i < ns; i++)
            full[nf++] = segs[i];
    } else if (is_pkg_rule(c, segs[0])) {
        for (size_t i = 1; i < c->m->npkg; i++)
            full[nf++] = c->m->pkgpath[i];
        for (size_t i = 0; i < ns; i++)
            full[nf++] = segs[i];
    } else {
        return NULL;
    }
    if (pathp) {
        const char **cp = rego_arena_alloc(&c->m->arena, (nf + 1) * sizeof(char *));
        if (!cp)
            osp_oom();
        for (size_t i = 0; i < nf; i++) {
            cp[i] = rego_arena_strndup(&c->m->arena, full[i], strlen(full[i]));
            if (!cp[i])
                osp_oom();
        }
        *pathp = cp;
        *npathp = nf;
    }
    if (*is_input)
        return NULL;
    struct rego_vnode *n = walk_path(c->e->root, full, nf);
    return n ? n : c->e->root; /* root marks "a data path" even without a node */
}

static const struct {
    const char *name;
    enum internal_fn fn;
    int arity;
    bool fallback; /* only when the builtins table lacks the name */
} internals[] = {
    {"internal.member_2", IF_MEMBER2, 2, false},
    {"internal.member_3", IF_MEMBER3, 3, false},
    {"walk", IF_WALK, 1, false},
    {"print", IF_PRINT, -1, false},
    {"trace", IF_TRACE, 1, false},
    {"rego.metadata.rule", IF_META_RULE, 0, false},
    {"rego.metadata.chain", IF_META_CHAIN, 0, false},
    {"opa.runtime", IF_OPA_RUNTIME, 0, false},
    {"rego.parse_module", IF_PARSE_MODULE, 2, false},
    {"equal", IF_EQ, 2, true},
    {"neq", IF_NEQ, 2, true},
    {"lt", IF_LT, 2, true},
    {"gt", IF_GT, 2, true},
    {"lte", IF_LTE, 2, true},
    {"gte", IF_GTE, 2, true},
    {"plus", IF_PLUS, 2, true},
    {"minus", IF_MINUS, 2, true},
    {"mul", IF_MUL, 2, true},
    {"div", IF_DIV, 2, true},
    {"rem", IF_REM, 2, true},
    {"and", IF_AND, 2, true},
    {"or", IF_OR, 2, true},
    {"count", IF_COUNT, 1, true},
};

const struct rego_builtin *rego_find_builtin(struct rego_engine *e, const char *name)
{
    for (size_t i = 0; i < e->ntable; i++)
        if (!strcmp(e->table[i].name, name))
            return &e->table[i];
    for (size_t i = 0; i < e->opts.nhost_builtins; i++)
        if (!strcmp(e->opts.host_builtins[i].name, name))
            return &e->opts.host_builtins[i];
    return NULL;
}

static const struct rego_func_target *arity_error(struct rctx *c, const char *name, int line, int col, size_t nargs,
                                                  int arity)
{
    if (c->rc == OSP_OK)
        c->rc =
            rego_compile_error(c->e, c->err, "rego_type_error", c->m->file, line, col,
                               "%s: arity mismatch\n\thave: %zu arguments\n\twant: %d arguments", name, nargs, arity);
    return NULL;
}

static const struct rego_func_target *resolve_call(struct rctx *c, const char *name, int line, int col, size_t nargs,
                                                   bool quiet)
{
    struct rego_func_target *t = ealloc(c->e, sizeof(*t));
    char *nm = ealloc(c->e, strlen(name) + 1);
    memcpy(nm, name, strlen(name) + 1);
    t->name = nm;
    bool is_input;
    struct rego_vnode *n = name_node(c, name, &is_input, NULL, NULL);
    if (n && n != c->e->root && n->kind == RK_FUNC) {
        t->kind = CALL_USER;
        t->node = n;
        t->arity = n->arity;
        t->name = n->path;
        if (!quiet && nargs != (size_t)n->arity && nargs != (size_t)n->arity + 1)
            return arity_error(c, name, line, col, nargs, n->arity);
        return t;
    }
    for (size_t i = 0; i < sizeof(internals) / sizeof(internals[0]); i++) {
        if (strcmp(internals[i].name, name))
            continue;
        if (internals[i].fallback && rego_find_builtin(c->e, name))
            break;
        t->kind = CALL_INTERNAL;
        t->ifn = internals[i].fn;
        t->arity = internals[i].arity;
        if (!quiet && t->arity >= 0 && nargs != (size_t)t->arity && nargs != (size_t)t->arity + 1)
            return arity_error(c, name, line, col, nargs, t->arity);
        return t;
    }
    const struct rego_builtin *bi = rego_find_builtin(c->e, name);
    if (bi) {
        t->kind = CALL_BUILTIN;
        t->bi = bi;
        t->arity = bi->arity;
        if (!quiet && nargs != (size_t)bi->arity && nargs != (size_t)bi->arity + 1)
            return arity_error(c, name, line, col, nargs, bi->arity);
        return t;
    }
    if (!quiet && c->rc == OSP_OK)
        c->rc =
            rego_compile_error(c->e, c->err, "rego_type_error", c->m->file, line, col, "undefined function %s", name);
    return NULL;
}

static void resolve_with(struct res *r, struct scope *s, struct rego_with *w)
{
    struct rctx *c = r->c;
    char name[512];
    if (!dotted(w->target, name, sizeof(name))) {
        if (c->rc == OSP_OK)
            c->rc = rego_compile_error(c->e, c->err, "rego_compile_error", c->m->file, w->line, w->col,
                                       "with keyword target must reference existing "
                                       "input, data, or a function");
        return;
    }
    bool is_input;
    const char **path = NULL;
    size_t np = 0;
    struct rego_vnode *n = name_node(c, name, &is_input, &path, &np);
    if (is_input) {
        w->wkind = WK_INPUT;
        w->path = path;
        w->npath = np;
    } else if (n && n != c->e->root && n->kind == RK_FUNC) {
        w->wkind = WK_FUNC;
        w->mock_key = n->path;
    } else if (n) {
        w->wkind = WK_DATA;
        w->path = path;
        w->npath = np;
        w->node = n != c->e->root ? n : walk_path(c->e->root, path, np);
    } else {
        const struct rego_func_target *t = resolve_call(c, name, w->line, w->col, 0, true);
        if (!t) {
            if (c->rc == OSP_OK)
                c->rc = rego_compile_error(c->e, c->err, "rego_compile_error", c->m->file, w->line, w->col,
                                           "with keyword target must "
                                           "reference existing input, data, or a function");
            return;
        }
        w->wkind = WK_BUILTIN;
        w->mock_key = t->name;
    }
    if ((w->wkind == WK_FUNC || w->wkind == WK_BUILTIN) && (w->value->kind == TM_VAR || w->value->kind == TM_REF) &&
        dotted(w->value, name, sizeof(name)) && !(w->value->kind == TM_VAR && scope_find(s, name) >= 0)) {
        const struct rego_func_target *t = resolve_call(c, name, w->line, w->col, 0, true);
        if (t && (t->kind != CALL_USER || t->node->kind == RK_FUNC)) {
            w->repl = t;
            return;
        }
    }
    resolve_term(r, s, w->value);
}

static void implicit_expr(struct res *r, struct scope *s, struct rego_expr *e)
{
    switch ((enum rego_expr_kind)e->kind) {
    case EX_TERM:
        implicit_names(r, s, e->a);
        break;
    case EX_UNIFY:
    case EX_ASSIGN:
        implicit_names(r, s, e->a);
        implicit_names(r, s, e->b);
        break;
    case EX_SOMEIN:
    case EX_EVERY:
        implicit_names(r, s, e->coll);
        break;
    case EX_SOME:
        break;
    }
    for (size_t i = 0; i < e->nwith; i++) {
        struct rego_term *v = e->with[i].value;
        char name[512];
        if ((v->kind == TM_VAR || v->kind == TM_REF) && dotted(v, name, sizeof(name)) && scope_find(s, name) < 0 &&
            resolve_call(r->c, name, v->line, v->col, 0, true))
            continue; /* a function used as a mock replacement, not a variable */
        implicit_names(r, s, v);
    }
}

static void resolve_expr(struct res *r, struct scope *s, struct rego_expr *e)
{
    resolve_term(r, s, e->a);
    resolve_term(r, s, e->b);
    if (e->kind == EX_SOMEIN) {
        resolve_term(r, s, e->k);
        resolve_term(r, s, e->v);
    }
    if (e->kind == EX_SOME)
        for (size_t i = 0; i < e->nvars; i++)
            resolve_term(r, s, e->vars[i]);
    resolve_term(r, s, e->coll);
    if (e->kind == EX_EVERY) {
        struct rego_term *decls[2] = {e->k, e->v};
        resolve_body(r, s, e->body, NULL, 0, decls, 2);
    }
    for (size_t i = 0; i < e->nwith; i++)
        resolve_with(r, s, &e->with[i]);
}

static void resolve_body(struct res *r, struct scope *parent, struct rego_body *b, struct rego_term **heads,
                         size_t nheads, struct rego_term **decls, size_t ndecls)
{
    struct scope s = {parent, b, NULL, 0, 0, NO_IDX};
    b->depth = (parent && parent->body ? parent->body->depth : 0) + 1;
    for (size_t i = 0; i < ndecls; i++)
        declare_pattern(r, &s, decls[i], false);
    for (size_t i = 0; i < b->n; i++) {
        struct rego_expr *e = b->e[i];
        s.cur = i;
        if (e->kind == EX_SOME)
            for (size_t j = 0; j < e->nvars; j++)
                declare_pattern(r, &s, e->vars[j], false);
        else if (e->kind == EX_ASSIGN)
            declare_pattern(r, &s, e->a, true);
        else if (e->kind == EX_SOMEIN) {
            declare_pattern(r, &s, e->k, false);
            declare_pattern(r, &s, e->v, false);
        }
    }
    for (size_t i = 0; i < b->n; i++)
        implicit_expr(r, &s, b->e[i]);
    for (size_t i = 0; i < nheads; i++)
        implicit_names(r, &s, heads[i]);
    s.cur = NO_IDX;
    for (size_t i = 0; i < ndecls; i++)
        resolve_term(r, &s, decls[i]);
    for (size_t i = 0; i < b->n; i++) {
        s.cur = i;
        resolve_expr(r, &s, b->e[i]);
    }
    s.cur = NO_IDX;
    for (size_t i = 0; i < nheads; i++)
        resolve_term(r, &s, heads[i]);
    free(s.vars);
}

/* ---- rules, modules, queries ---- */

static size_t rule_heads(struct rego_rule *x, struct rego_term **heads, size_t cap)
{
    size_t n = 0;
    if (x->value)
        heads[n++] = x->value;
    if (x->key)
        heads[n++] = x->key;
    for (size_t i = 0; i < x->nrest && n < cap; i++)
        heads[n++] = x->rest[i];
    return n;
}

/* f($"{x}") := ... if {...}: the parameter becomes a fresh var, and every body of the chain
 * starts with `__argN = <term>`, which the safety check orders after what binds x (OPA). */
static void lift_params(struct rctx *c, struct rego_rule *r)
{
    for (size_t i = 0; i < r->nargs; i++) {
        struct rego_term *orig = r->args[i];
        if (!rego_term_computed(orig))
            continue;
        struct rego_term *v = mk_term(c, TM_VAR, orig->line, orig->col);
        char name[32];
        snprintf(name, sizeof(name), "__arg%zu", i);
        v->name = rego_arena_strndup(&c->m->arena, name, strlen(name));
        if (!v->name)
            osp_oom();
        r->args[i] = v;
        for (struct rego_rule *x = r; x; x = x->els) {
            struct rego_expr *e = rego_arena_alloc(&c->m->arena, sizeof(*e));
            struct rego_expr **es = rego_arena_alloc(&c->m->arena, (x->body->n + 1) * sizeof(*es));
            if (!e || !es)
                osp_oom();
            e->kind = EX_UNIFY;
            e->a = v;
            e->b = orig;
            e->line = orig->line;
            e->col = orig->col;
            e->text = "";
            es[0] = e;
            if (x->body->n)
                memcpy(es + 1, x->body->e, x->body->n * sizeof(*es));
            x->body->e = es;
            x->body->n++;
        }
    }
}

static enum osp_code compile_chain(struct rctx *c, struct rego_rule *r)
{
    if (r->kind == RK_FUNC)
        lift_params(c, r);
    rego_rewrite_else_heads(c->m, r);
    struct res R = {c, NULL, 0};
    struct scope top = {NULL, NULL, NULL, 0, 0, NO_IDX};
    struct rego_term *heads[40];
    c->nslots = 0;
    for (size_t i = 0; i < r->nargs; i++)
        declare_pattern(&R, &top, r->args[i], false);
    for (size_t i = 0; i < r->nargs; i++)
        resolve_term(&R, &top, r->args[i]);
    int nargslots = c->nslots;
    for (struct rego_rule *x = r; x; x = x->els) {
        size_t nh = rule_heads(x, heads, 40);
        resolve_body(&R, &top, x->body, heads, nh, NULL, 0);
    }
    free(top.vars);
    for (struct rego_rule *x = r; x; x = x->els)
        x->nslots = c->nslots;
    unsigned char *bound = calloc((size_t)c->nslots + 1, 1);
    if (!bound)
        osp_oom();
    for (int i = 0; i < nargslots; i++)
        bound[i] = 1;
    for (struct rego_rule *x = r; x && !c->rc; x = x->els) {
        size_t nh = rule_heads(x, heads, 40);
        c->rc = rego_safety_body(c->e, c->m, x->body, c->nslots, bound, heads, nh, R.depths, c->err);
    }
    free(bound);
    free(R.depths);
    if (!c->rc) {
        rego_rewrite_rule(c->m, r, &c->nslots);
        for (struct rego_rule *x = r; x; x = x->els)
            x->nslots = c->nslots;
        rego_fold_rule(c->m, r);
    }
    return c->rc;
}

enum osp_code rego_compile_modules(struct rego_engine *e, struct osp_err *err)
{
    enum osp_code rc = OSP_OK;
    e->root = rego_tree_node(e, NULL, "data");
    for (size_t i = 0; i < e->nmods; i++) {
        struct rego_module *m = e->mods[i];
        rego_tree_ensure(e, m->pkgpath + 1, m->npkg - 1)->is_pkg = true;
    }
    for (size_t i = 0; i < e->nmods && !rc; i++)
        rc = rego_meta_compile(e, e->mods[i], err);
    for (size_t i = 0; i < e->nmods && !rc; i++)
        for (size_t j = 0; j < e->mods[i]->nrules && !rc; j++)
            rc = rego_tree_add_rule(e, e->mods[i]->rules[j], err);
    for (size_t i = 0; i < e->nmods && !rc; i++) {
        struct rctx c = {e, e->mods[i], 0, err, OSP_OK, false};
        for (size_t j = 0; j < e->mods[i]->nrules && !rc; j++)
            rc = compile_chain(&c, e->mods[i]->rules[j]);
    }
    if (!rc)
        rc = rego_check_recursion(e, err);
    return rc;
}

enum osp_code rego_compile_query(struct rego_engine *e, struct rego_module *q, struct rego_body *body, int *nslots,
                                 struct osp_err *err)
{
    struct rctx c = {e, q, 0, err, OSP_OK, true};
    struct res R = {&c, NULL, 0};
    resolve_body(&R, NULL, body, NULL, 0, NULL, 0);
    unsigned char *bound = calloc((size_t)c.nslots + 1, 1);
    if (!bound)
        osp_oom();
    if (!c.rc)
        c.rc = rego_safety_body(e, q, body, c.nslots, bound, NULL, 0, R.depths, err);
    if (!c.rc) {
        rego_rewrite_body(q, body, &c.nslots);
        rego_fold_body(q, body);
    }
    free(bound);
    free(R.depths);
    *nslots = c.nslots;
    return c.rc;
}
