/* bi_graph.c: graph.reachable and graph.reachable_paths over {node: set-or-array of nodes}. */
#include <stdlib.h>

#include "rego/builtins/bi_int.h"

#define GRAPH_MAX_DEPTH 10000

static size_t n_edges(rv edges)
{
    return rv_kind(edges) == RV_ARRAY || rv_kind(edges) == RV_SET ? rv_len(edges) : 0;
}

static enum rego_bi_status graph_args(struct rego_bctx *bc, const rv *a)
{
    BI_WANT(0, RV_OBJECT);
    if (rv_kind(a[1]) != RV_ARRAY && rv_kind(a[1]) != RV_SET)
        return bi_want_one_of(bc, a, 1, "array, set");
    return REGO_BI_OK;
}

BI(graph_reachable)
{
    BI_TRY(graph_args(bc, a));
    rv reached = rv_set_new(), queue = rv_arr_new();
    for (size_t i = 0; i < rv_len(a[1]); i++)
        rv_arr_push(&queue, rv_ref(bi_elem_at(a[1], i)));
    for (size_t q = 0; q < rv_len(queue); q++) {
        rv node = rv_arr_at(queue, q), edges = rv_obj_get(a[0], node);
        if (rv_is_undef(edges) || rv_set_has(reached, node))
            continue;
        for (size_t i = 0; i < n_edges(edges); i++)
            if (!rv_set_has(reached, bi_elem_at(edges, i)))
                rv_arr_push(&queue, rv_ref(bi_elem_at(edges, i)));
        rv_set_add(&reached, rv_ref(node));
    }
    rv_unref(queue);
    return bi_ok(out, reached);
}

/* Depth-first paths from root; reached is shared by one start edge's whole walk (as OPA). */
static void paths_from(rv graph, rv root, rv path, rv *result, rv *reached, int depth)
{
    rv edges = rv_obj_get(graph, root);
    if (rv_is_undef(edges) || depth > GRAPH_MAX_DEPTH) {
        rv_set_add(result, rv_ref(path));
        return;
    }
    rv p = rv_ref(path);
    rv_arr_push(&p, rv_ref(root));
    if (n_edges(edges) == 0) {
        rv_set_add(result, p);
        return;
    }
    rv_set_add(reached, rv_ref(root));
    for (size_t i = 0; i < n_edges(edges); i++) {
        rv nb = bi_elem_at(edges, i);
        if (rv_set_has(*reached, nb))
            rv_set_add(result, rv_ref(p));
        else
            paths_from(graph, nb, p, result, reached, depth + 1);
    }
    rv_unref(p);
}

BI(graph_reachable_paths)
{
    BI_TRY(graph_args(bc, a));
    rv result = rv_set_new();
    for (size_t i = 0; i < rv_len(a[1]); i++) {
        rv node = bi_elem_at(a[1], i), edges = rv_obj_get(a[0], node);
        if (rv_is_undef(edges))
            continue;
        rv start = rv_arr_new();
        rv_arr_push(&start, rv_ref(node));
        if (n_edges(edges) == 0)
            rv_set_add(&result, rv_ref(start));
        for (size_t k = 0; k < n_edges(edges); k++) {
            rv reached = rv_set_new();
            rv_set_add(&reached, rv_ref(node));
            paths_from(a[0], bi_elem_at(edges, k), start, &result, &reached, 0);
            rv_unref(reached);
        }
        rv_unref(start);
    }
    return bi_ok(out, result);
}
