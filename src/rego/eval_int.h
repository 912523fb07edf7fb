/* eval_int.h: evaluator state shared by eval.c, eval_doc.c and eval_call.c (private).
 *
 * Evaluation is continuation-passing: a producer calls its continuation once per solution.
 * Continuations return EV_OK to keep going, EV_ERR after setting ev->err, or EV_STOP to
 * end the search early (negation, first-value lookups). Values handed to a value
 * continuation are borrowed for the duration of the call. Every function that binds a
 * slot undoes it (trail) before returning, whatever the status.
 */
#ifndef OSPREY_REGO_EVAL_INT_H
#define OSPREY_REGO_EVAL_INT_H

#include "rego/rego_int.h"

enum { EV_OK = 0, EV_ERR = 1, EV_STOP = 2 };

enum { MEMO_NONE = 0, MEMO_BUSY, MEMO_DONE, MEMO_OVERRIDE };

struct memo_ent {
    rv v;
    rv full; /* node_full value (object of the subtree), when computed */
    unsigned char state;
    bool has_full;
};

struct mock {
    const char *key;
    rv value;
    const struct rego_func_target *repl;
};

struct ev {
    struct rego_engine *e;
    rv input, data;
    rv *slots;
    rv **trail;
    size_t ntrail, trailcap;
    struct memo_ent *memo;
    struct mock *mocks;
    size_t nmocks, mockcap;
    size_t mock_base; /* mocks below this index are hidden (inside a mock replacement) */
    unsigned long steps, max_steps;
    uintptr_t stack_base; /* address of a local at the start of the query */
    size_t stack_max;     /* bytes of C stack evaluation may use below stack_base */
    unsigned depth, max_depth;
    bool strict;
    int64_t now_ns;
    rv cache;
    struct rego_error err;
    enum osp_code errcode;
    struct rego_rule *cur_rule;
    rv capture; /* value of the `term with ...` being evaluated (eval.c) */
    struct rego_ix *ix; /* join indexes built during this query (eval_index.c) */
    struct rego_cmemo *cmemo; /* comprehensions kept for this query (eval_cmemo.c) */
    const struct memo_ent *memo0; /* the query's own rule memo (a `with` scope has another) */
};

typedef int (*ev_k)(struct ev *ev, void *ud);
typedef int (*ev_vk)(struct ev *ev, rv v, void *ud);

/* eval.c */
/* EV_ERR when the C stack used since the query started passes stack_max (deep bodies, long
 * collection literals or nesting would otherwise overflow it). */
int rego_ev_stack_check(struct ev *ev, int line, int col);
int rego_ev_error(struct ev *ev, const char *code, const char *file, int line, int col, const char *fmt, ...)
    OSP_PRINTF(6, 7);
void rego_ev_bind(struct ev *ev, int slot, rv v); /* borrows v */
size_t rego_ev_mark(struct ev *ev);
void rego_ev_undo(struct ev *ev, size_t mark);
int rego_eval_term(struct ev *ev, struct rego_term *t, ev_vk k, void *ud);
int rego_eval_body(struct ev *ev, struct rego_body *b, size_t i, ev_k k, void *ud);
int rego_unify_tv(struct ev *ev, struct rego_term *t, rv v, ev_k k, void *ud);
/* First value of t (new ref) or undefined; EV_ERR on error. */
int rego_eval_first(struct ev *ev, struct rego_term *t, rv *out);
/* Evaluate n terms in order (each may generate), then k with the values (borrowed). */
typedef int (*ev_lk)(struct ev *ev, rv *vals, void *ud);
int rego_eval_list(struct ev *ev, struct rego_term **ts, size_t n, ev_lk k, void *ud);
void rego_memo_clear(struct memo_ent *m, size_t n);

/* eval_index.c: `some x in coll` then `x.a.b == t` with t bound: visit only the elements
 * whose x.a.b equals t, through a hash index of coll built once per query. */
struct rego_ix_plan {
    const struct rego_term *path; /* x.a.b */
    struct rego_term *key;        /* t */
};
/* Whether expression i of b starts such a pair (given the current bindings). */
bool rego_ix_plan(const struct ev *ev, const struct rego_body *b, size_t i, struct rego_ix_plan *p);
/* each(ev, key, value, ud) for the elements of coll whose path value equals key, in
 * collection order; -1 when coll gets no index (too small, not a collection). */
int rego_ix_each(struct ev *ev, rv coll, const struct rego_ix_plan *p, rv key,
                 int (*each)(struct ev *, rv, rv, void *), void *ud);
void rego_ix_free(struct ev *ev);

/* eval_cmemo.c: a comprehension that mentions no bound local is evaluated once per query.
 * find: its entry (NULL when it cannot be kept now); value: the kept value (borrowed), if any;
 * keep: remember v (a reference is taken). */
struct cm_ent;
struct cm_ent *rego_cmemo_find(struct ev *ev, const struct rego_term *t);
bool rego_cmemo_value(const struct cm_ent *m, rv *out);
void rego_cmemo_keep(struct cm_ent *m, rv v);
void rego_cmemo_free(struct ev *ev);

/* eval_with.c: run core(ev, e, ...) under e's `with` modifiers (undone around k). */
typedef int (*ev_core_fn)(struct ev *ev, struct rego_expr *e, ev_k k, void *ud);
int rego_eval_with(struct ev *ev, struct rego_expr *e, ev_core_fn core, ev_k k, void *ud);

/* eval_doc.c: data references, rules and functions */
int rego_ev_ref(struct ev *ev, struct rego_term *t, ev_vk k, void *ud);
int rego_eval_ops(struct ev *ev, rv v, struct rego_term *t, size_t i, ev_vk k, void *ud);
int rego_eval_func(struct ev *ev, struct rego_vnode *n, rv *args, ev_vk k, void *ud);
rv rego_merge_docs(rv a, rv b, bool *conflict);
/* Full value of a data node (new ref) or undefined. */
int rego_node_full(struct ev *ev, struct rego_vnode *n, rv base, rv *out);

/* eval_call.c */
int rego_eval_call(struct ev *ev, struct rego_term *t, ev_vk k, void *ud);

#endif
