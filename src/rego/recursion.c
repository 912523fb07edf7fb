/* recursion.c: compile-time detection of recursive rules and functions (rego_recursion_error). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/rego_int.h"

struct graph {
    struct rego_engine *e;
    struct rego_vnode **nodes; /* by id */
    struct rego_vnode ***deps; /* per node id: array of dependency nodes */
    size_t *ndeps, *capdeps;
    unsigned char *state; /* 0 new, 1 on stack, 2 done */
    struct rego_vnode **stack;
    size_t nstack;
};

static void add_dep(struct graph *g, struct rego_vnode *from, struct rego_vnode *to)
{
    size_t i = from->id;
    for (size_t k = 0; k < g->ndeps[i]; k++)
        if (g->deps[i][k] == to)
            return;
    if (g->ndeps[i] == g->capdeps[i]) {
        g->capdeps[i] = g->capdeps[i] ? g->capdeps[i] * 2 : 4;
        void *p = realloc(g->deps[i], g->capdeps[i] * sizeof(*g->deps[i]));
        if (!p)
            osp_oom();
        g->deps[i] = p;
    }
    g->deps[i][g->ndeps[i]++] = to;
}

/* The rule node a data ref reaches through its constant string prefix, if any. */
static struct rego_vnode *ref_node(struct graph *g, const struct rego_term *t)
{
    if (t->kind != TM_REF || t->a[0]->kind != TM_VAR || t->a[0]->scope != VS_DATA)
        return NULL;
    struct rego_vnode *n = g->e->root;
    for (size_t i = 1; i < t->n && n; i++) {
        if (n->nrules || n->deflt)
            return n;
        const struct rego_term *op = t->a[i];
        if (op->kind != TM_VALUE || rv_kind(op->val) != RV_STRING)
            return NULL;
        n = rego_vnode_child(n, rv_str(op->val));
    }
    return n && (n->nrules || n->deflt) ? n : NULL;
}

static void walk_body(struct graph *g, struct rego_vnode *from, const struct rego_body *b);

static void walk_term(struct graph *g, struct rego_vnode *from, const struct rego_term *t)
{
    if (!t)
        return;
    struct rego_vnode *to = ref_node(g, t);
    if (to)
        add_dep(g, from, to);
    if (t->kind == TM_CALL && t->target) {
        const struct rego_func_target *ft = t->target;
        if (ft->kind == CALL_USER)
            add_dep(g, from, ft->node);
    }
    for (size_t i = 0; i < t->n; i++)
        walk_term(g, from, t->a[i]);
    walk_term(g, from, t->head);
    walk_term(g, from, t->key);
    if (t->body)
        walk_body(g, from, t->body);
}

static void walk_body(struct graph *g, struct rego_vnode *from, const struct rego_body *b)
{
    for (size_t i = 0; b && i < b->n; i++) {
        const struct rego_expr *e = b->e[i];
        walk_term(g, from, e->a);
        walk_term(g, from, e->b);
        walk_term(g, from, e->k);
        walk_term(g, from, e->v);
        walk_term(g, from, e->coll);
        if (e->body)
            walk_body(g, from, e->body);
        for (size_t j = 0; j < e->nwith; j++)
            walk_term(g, from, e->with[j].value);
    }
}

static void walk_rule(struct graph *g, const struct rego_rule *r)
{
    for (const struct rego_rule *x = r; x; x = x->els) {
        walk_body(g, r->node, x->body);
        walk_term(g, r->node, x->value);
        walk_term(g, r->node, x->key);
        for (size_t i = 0; i < x->nrest; i++)
            walk_term(g, r->node, x->rest[i]);
        for (size_t i = 0; i < x->nargs; i++)
            walk_term(g, r->node, x->args[i]);
    }
}

static enum osp_code report(struct graph *g, struct rego_vnode *n, struct osp_err *err)
{
    char chain[300] = "";
    size_t start = 0;
    while (start < g->nstack && g->stack[start] != n)
        start++;
    size_t len = 0;
    for (size_t i = start; i < g->nstack && len < sizeof(chain) - 1; i++)
        len += (size_t)snprintf(chain + len, sizeof(chain) - len, "%s -> ", g->stack[i]->path);
    if (len < sizeof(chain))
        snprintf(chain + len, sizeof(chain) - len, "%s", n->path);
    struct rego_rule *r = n->nrules ? n->rules[0] : n->deflt;
    return rego_compile_error(g->e, err, "rego_recursion_error", r ? r->mod->file : "", r ? r->line : 0, r ? r->col : 0,
                              "rule %s is recursive: %s", n->path, chain);
}

static enum osp_code dfs(struct graph *g, struct rego_vnode *n, struct osp_err *err)
{
    if (g->state[n->id] == 2)
        return OSP_OK;
    if (g->state[n->id] == 1)
        return report(g, n, err);
    g->state[n->id] = 1;
    g->stack[g->nstack++] = n;
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < g->ndeps[n->id] && !rc; i++)
        rc = dfs(g, g->deps[n->id][i], err);
    g->nstack--;
    g->state[n->id] = 2;
    return rc;
}

enum osp_code rego_check_recursion(struct rego_engine *e, struct osp_err *err)
{
    size_t nn = e->nnodes + 1;
    struct graph g = {e,
                      NULL,
                      calloc(nn, sizeof(void *)),
                      calloc(nn, sizeof(size_t)),
                      calloc(nn, sizeof(size_t)),
                      calloc(nn, 1),
                      calloc(nn, sizeof(void *)),
                      0};
    if (!g.deps || !g.ndeps || !g.capdeps || !g.state || !g.stack)
        osp_oom();
    for (size_t i = 0; i < e->nmods; i++)
        for (size_t j = 0; j < e->mods[i]->nrules; j++)
            if (e->mods[i]->rules[j]->node)
                walk_rule(&g, e->mods[i]->rules[j]);
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < e->nmods && !rc; i++)
        for (size_t j = 0; j < e->mods[i]->nrules && !rc; j++)
            if (e->mods[i]->rules[j]->node)
                rc = dfs(&g, e->mods[i]->rules[j]->node, err);
    for (size_t i = 0; i < nn; i++)
        free(g.deps[i]);
    free(g.deps);
    free(g.ndeps);
    free(g.capdeps);
    free(g.state);
    free(g.stack);
    return rc;
}
