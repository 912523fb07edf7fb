/* eval_with.c: the `with` keyword: replace input, data, builtins or functions for one expression. */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/eval_int.h"

struct wscope {
    rv input, data;        /* inner values (owned) */
    struct memo_ent *memo; /* inner memo (owned) */
    struct mock *mocks;    /* inner mocks added by this scope (values owned) */
    size_t nmocks;
    rv out_input, out_data; /* outer values (borrowed) */
    struct memo_ent *out_memo;
    size_t out_nmocks;
    ev_k k;
    void *ud;
};

static rv patch(rv doc, const char **path, size_t n, rv val)
{
    if (n == 0)
        return rv_ref(val);
    rv d = rv_kind(doc) == RV_OBJECT ? rv_ref(doc) : rv_obj_new();
    rv key = rv_str_new(path[0]);
    rv nc = patch(rv_obj_get(d, key), path + 1, n - 1, val);
    rv_obj_set(&d, key, nc);
    return d;
}

static void push_mock(struct ev *ev, const struct mock *m)
{
    if (ev->nmocks == ev->mockcap) {
        ev->mockcap = ev->mockcap ? ev->mockcap * 2 : 8;
        struct mock *p = realloc(ev->mocks, ev->mockcap * sizeof(*p));
        if (!p)
            osp_oom();
        ev->mocks = p;
    }
    ev->mocks[ev->nmocks++] = *m;
}

static void swap_in(struct ev *ev, struct wscope *w)
{
    ev->input = w->input;
    ev->data = w->data;
    ev->memo = w->memo;
    ev->nmocks = w->out_nmocks;
    for (size_t i = 0; i < w->nmocks; i++)
        push_mock(ev, &w->mocks[i]);
}

static void swap_out(struct ev *ev, struct wscope *w)
{
    ev->input = w->out_input;
    ev->data = w->out_data;
    ev->memo = w->out_memo;
    ev->nmocks = w->out_nmocks;
}

static int with_k(struct ev *ev, void *ud)
{
    struct wscope *w = ud;
    swap_out(ev, w);
    int rc = w->k(ev, w->ud);
    swap_in(ev, w);
    return rc;
}

static void scope_free(struct ev *ev, struct wscope *w)
{
    rv_unref(w->input);
    rv_unref(w->data);
    if (w->memo) {
        rego_memo_clear(w->memo, ev->e->nnodes);
        free(w->memo);
    }
    for (size_t i = 0; i < w->nmocks; i++)
        rv_unref(w->mocks[i].value);
    free(w->mocks);
}

/* Evaluate the with values and build the inner scope; 1 if a value is undefined. */
static int build_scope(struct ev *ev, struct rego_expr *e, struct wscope *w)
{
    for (size_t i = 0; i < e->nwith; i++) {
        struct rego_with *wi = &e->with[i];
        struct mock m = {wi->mock_key, rv_undef(), wi->repl};
        rv val = rv_undef();
        if (!wi->repl) {
            if (rego_eval_first(ev, wi->value, &val))
                return EV_ERR;
            if (rv_is_undef(val))
                return EV_STOP;
        }
        if (wi->wkind == WK_INPUT) {
            rv n = patch(w->input, wi->path, wi->npath, val);
            rv_unref(w->input);
            w->input = n;
        } else if (wi->wkind == WK_DATA) {
            const struct rego_vnode *node = wi->node;
            if (node && node != ev->e->root) {
                rv_unref(w->memo[node->id].v);
                w->memo[node->id].v = rv_ref(val);
                w->memo[node->id].state = MEMO_OVERRIDE;
            }
            rv n = patch(w->data, wi->path, wi->npath, val);
            rv_unref(w->data);
            w->data = n;
        } else {
            m.value = rv_ref(val);
            struct mock *p = realloc(w->mocks, (w->nmocks + 1) * sizeof(*p));
            if (!p)
                osp_oom();
            w->mocks = p;
            w->mocks[w->nmocks++] = m;
        }
        rv_unref(val);
    }
    return EV_OK;
}

int rego_eval_with(struct ev *ev, struct rego_expr *e, ev_core_fn core, ev_k k, void *ud)
{
    struct wscope w;
    memset(&w, 0, sizeof(w));
    w.input = rv_ref(ev->input);
    w.data = rv_ref(ev->data);
    w.out_input = ev->input;
    w.out_data = ev->data;
    w.out_memo = ev->memo;
    w.out_nmocks = ev->nmocks;
    w.k = k;
    w.ud = ud;
    w.memo = calloc(ev->e->nnodes + 1, sizeof(*w.memo));
    if (!w.memo)
        osp_oom();
    int rc = build_scope(ev, e, &w);
    if (rc) {
        scope_free(ev, &w);
        return rc == EV_STOP ? EV_OK : rc;
    }
    swap_in(ev, &w);
    rc = core(ev, e, with_k, &w);
    swap_out(ev, &w);
    scope_free(ev, &w);
    return rc;
}
