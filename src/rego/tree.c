/* tree.c: the data tree of rules (one node per package and rule path), METADATA blocks parsed
 * once at compile time, and constant folding of literal composites. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/metadata.h"
#include "rego/rego_int.h"

static void *ealloc(struct rego_engine *e, size_t n)
{
    void *p = rego_arena_alloc(&e->arena, n);
    if (!p)
        osp_oom();
    return p;
}

/* ---- data tree ---- */

struct rego_vnode *rego_vnode_child(struct rego_vnode *n, const char *name)
{
    for (size_t i = 0; i < n->nkids; i++)
        if (!strcmp(n->kids[i]->name, name))
            return n->kids[i];
    return NULL;
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

struct rego_vnode *rego_tree_node(struct rego_engine *e, struct rego_vnode *parent, const char *name)
{
    struct rego_vnode *n = ealloc(e, sizeof(*n));
    n->name = name;
    n->parent = parent;
    n->kind = -1;
    n->id = e->nnodes++;
    if (parent) {
        size_t pl = strlen(parent->path), nl = strlen(name);
        n->path = ealloc(e, pl + nl + 2);
        memcpy(n->path, parent->path, pl);
        n->path[pl] = '.';
        memcpy(n->path + pl + 1, name, nl + 1);
        grow((void **)&parent->kids, &parent->kidcap, parent->nkids, sizeof(void *));
        /* keep children sorted by name for deterministic enumeration */
        size_t i = parent->nkids;
        while (i > 0 && strcmp(parent->kids[i - 1]->name, name) > 0) {
            parent->kids[i] = parent->kids[i - 1];
            i--;
        }
        parent->kids[i] = n;
        parent->nkids++;
    } else {
        n->path = ealloc(e, strlen(name) + 1);
        memcpy(n->path, name, strlen(name) + 1);
    }
    return n;
}

struct rego_vnode *rego_tree_ensure(struct rego_engine *e, const char **path, size_t n)
{
    struct rego_vnode *cur = e->root;
    for (size_t i = 0; i < n; i++) {
        struct rego_vnode *c = rego_vnode_child(cur, path[i]);
        cur = c ? c : rego_tree_node(e, cur, path[i]);
    }
    return cur;
}

/* Split a rule head into the constant path (package + strings) and the rest. */
static void rule_path(struct rego_engine *e, struct rego_rule *r)
{
    struct rego_module *m = r->mod;
    struct rego_term *h = r->head;
    size_t nh = h->kind == TM_REF ? h->n : 1;
    const char **path = ealloc(e, (m->npkg + nh) * sizeof(char *));
    size_t np = 0;
    for (size_t i = 1; i < m->npkg; i++)
        path[np++] = m->pkgpath[i];
    path[np++] = h->kind == TM_REF ? h->a[0]->name : h->name;
    size_t i = 1;
    for (; h->kind == TM_REF && i < h->n; i++) {
        struct rego_term *op = h->a[i];
        if (op->kind != TM_VALUE || rv_kind(op->val) != RV_STRING)
            break;
        path[np++] = rv_str(op->val);
    }
    r->path = path;
    r->npath = np;
    if (h->kind == TM_REF && i < h->n) {
        r->rest = &h->a[i];
        r->nrest = h->n - i;
    }
}

enum osp_code rego_tree_add_rule(struct rego_engine *e, struct rego_rule *r, struct osp_err *err)
{
    rule_path(e, r);
    if (r->kind == RK_OBJECT && r->nrest == 0)
        r->kind = RK_COMPLETE;
    struct rego_vnode *n = rego_tree_ensure(e, r->path, r->npath);
    int kind = r->nrest ? RK_OBJECT : r->kind;
    if (n->kind != -1 && n->kind != kind) { /* e.g. p[x] := 1 beside p contains x, or p := 1 */
        return rego_compile_error(e, err, "rego_type_error", r->mod->file, r->line, r->col,
                                  "conflicting rules %s found", n->path);
    }
    if (kind == RK_FUNC && n->kind == RK_FUNC && n->arity != (int)r->nargs)
        return rego_compile_error(e, err, "rego_type_error", r->mod->file, r->line, r->col,
                                  "conflicting rules %s found", n->path);
    n->kind = kind;
    if (kind == RK_FUNC)
        n->arity = (int)r->nargs;
    r->node = n;
    for (struct rego_rule *x = r->els; x; x = x->els) {
        x->path = r->path;
        x->npath = r->npath;
        x->rest = r->rest;
        x->nrest = r->nrest;
        x->node = n;
        x->kind = r->kind;
    }
    if (r->is_default) {
        if (n->deflt)
            return rego_compile_error(e, err, "rego_type_error", r->mod->file, r->line, r->col,
                                      "multiple default rules %s found", n->path);
        n->deflt = r;
        return OSP_OK;
    }
    grow((void **)&n->rules, &n->rulecap, n->nrules, sizeof(void *));
    n->rules[n->nrules++] = r;
    return OSP_OK;
}

/* ---- METADATA ---- */

static enum osp_code parse_meta(struct rego_engine *e, struct rego_module *m, const char *text, int line,
                                const char *scope, rv *out, struct osp_err *err)
{
    *out = rv_undef();
    if (!text)
        return OSP_OK;
    struct osp_err merr;
    osp_err_init(&merr);
    int eline = 0;
    rv v;
    if (rego_metadata_parse(text, strlen(text), scope, &v, &eline, &merr))
        return rego_compile_error(e, err, "rego_parse_error", m->file, line + eline, 1, "%s", merr.msg);
    *out = rego_module_keep(m, v);
    return OSP_OK;
}

enum osp_code rego_meta_compile(struct rego_engine *e, struct rego_module *m, struct osp_err *err)
{
    enum osp_code rc = parse_meta(e, m, m->pkg_meta_text, m->pkg_meta_line, "package", &m->pkg_meta, err);
    for (size_t j = 0; j < m->nrules && !rc; j++) {
        struct rego_rule *r = m->rules[j];
        rc = parse_meta(e, m, r->meta_text, r->meta_line, "rule", &r->meta, err);
        for (struct rego_rule *x = r->els; x && !rc; x = x->els)
            x->meta = r->meta;
    }
    return rc;
}

/* ---- constant folding: [1, {"a": 2}] becomes one constant value ---- */

static void fold_term(struct rego_module *m, struct rego_term *t)
{
    if (!t || t->kind == TM_VALUE)
        return;
    for (size_t i = 0; i < t->n; i++)
        fold_term(m, t->a[i]);
    fold_term(m, t->head);
    fold_term(m, t->key);
    if (t->body)
        rego_fold_body(m, t->body);
    if (t->kind != TM_ARRAY && t->kind != TM_OBJECT && t->kind != TM_SET)
        return;
    for (size_t i = 0; i < t->n; i++)
        if (t->a[i]->kind != TM_VALUE)
            return;
    rv v;
    if (t->kind == TM_ARRAY) {
        v = rv_arr_with_cap(t->n);
        for (size_t i = 0; i < t->n; i++)
            rv_arr_push(&v, rv_ref(t->a[i]->val));
    } else if (t->kind == TM_SET) {
        v = rv_set_new();
        for (size_t i = 0; i < t->n; i++)
            rv_set_add(&v, rv_ref(t->a[i]->val));
    } else {
        v = rv_obj_with_cap(t->n / 2);
        for (size_t i = 0; i + 1 < t->n; i += 2)
            rv_obj_set(&v, rv_ref(t->a[i]->val), rv_ref(t->a[i + 1]->val));
    }
    t->val = rego_module_keep(m, v);
    t->kind = TM_VALUE;
    t->ground = true;
}

void rego_fold_body(struct rego_module *m, struct rego_body *b)
{
    for (size_t i = 0; b && i < b->n; i++) {
        struct rego_expr *e = b->e[i];
        fold_term(m, e->a);
        fold_term(m, e->b);
        fold_term(m, e->k);
        fold_term(m, e->v);
        fold_term(m, e->coll);
        if (e->body)
            rego_fold_body(m, e->body);
        for (size_t j = 0; j < e->nwith; j++)
            fold_term(m, e->with[j].value);
    }
}

void rego_fold_rule(struct rego_module *m, struct rego_rule *r)
{
    for (struct rego_rule *x = r; x; x = x->els) {
        rego_fold_body(m, x->body);
        fold_term(m, x->value);
        fold_term(m, x->key);
    }
}
