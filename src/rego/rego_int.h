/* rego_int.h: engine internals shared by compile.c, safety.c and eval*.c (private). */
#ifndef OSPREY_REGO_REGO_INT_H
#define OSPREY_REGO_REGO_INT_H

#include "rego/ast.h"
#include "rego/builtin.h"
#include "rego/rego.h"

/* A node of the data tree: packages and rule paths. */
struct rego_vnode {
    const char *name;
    struct rego_vnode *parent;
    struct rego_vnode **kids;
    size_t nkids, kidcap;
    struct rego_rule **rules; /* first rule of each else chain; defaults excluded */
    size_t nrules, rulecap;
    struct rego_rule *deflt;
    int kind;    /* enum rego_rule_kind of its rules, -1 none */
    int arity;   /* functions */
    bool is_pkg; /* a package path (an empty object when nothing below is defined) */
    size_t id;   /* memo index */
    char *path;  /* "data.a.b" */
};

enum call_kind { CALL_USER, CALL_BUILTIN, CALL_INTERNAL };

enum internal_fn {
    IF_MEMBER2,
    IF_MEMBER3,
    IF_WALK,
    IF_PRINT,
    IF_TRACE,
    IF_META_RULE,
    IF_META_CHAIN,
    IF_OPA_RUNTIME,
    IF_PARSE_MODULE,
    IF_EQ,
    IF_NEQ,
    IF_LT,
    IF_GT,
    IF_LTE,
    IF_GTE,
    IF_PLUS,
    IF_MINUS,
    IF_MUL,
    IF_DIV,
    IF_REM,
    IF_AND,
    IF_OR,
    IF_COUNT
};

struct rego_func_target {
    enum call_kind kind;
    struct rego_vnode *node;       /* CALL_USER */
    const struct rego_builtin *bi; /* CALL_BUILTIN */
    enum internal_fn ifn;          /* CALL_INTERNAL */
    int arity;
    const char *name; /* mock key: builtin name or node path */
};

struct rego_meta {
    rv value; /* parsed annotations object (owned) */
};

struct rego_engine {
    struct osp_ctx *ctx;
    struct rego_opts opts;
    struct rego_module **mods;
    size_t nmods, modcap;
    rv data;                 /* base documents */
    struct rego_vnode *root; /* "data" */
    size_t nnodes;
    bool compiled;
    struct rego_error last;
    const struct rego_builtin *table;
    size_t ntable;
    struct rego_arena arena; /* vnodes, call targets */
    rv meta_cache;           /* object: rule text pointer (as number) -> parsed annotations */
};

/* compile.c */
OSP_MUST_CHECK enum osp_code rego_compile_modules(struct rego_engine *e, struct osp_err *err);
OSP_MUST_CHECK enum osp_code rego_compile_query(struct rego_engine *e, struct rego_module *q, struct rego_body *body,
                                                int *nslots, struct osp_err *err);
struct rego_vnode *rego_vnode_child(struct rego_vnode *n, const char *name);
const struct rego_builtin *rego_find_builtin(struct rego_engine *e, const char *name);
/* Set e->last and err for a compile error at a term position. */
enum osp_code rego_compile_error(struct rego_engine *e, struct osp_err *err, const char *code, const char *file,
                                 int line, int col, const char *fmt, ...) OSP_PRINTF(7, 8);

/* ast_json.c: a module's syntax tree as a value (rego.parse_module). Returns new in *out. */
OSP_MUST_CHECK enum osp_code rego_parse_to_rv(const char *filename, const char *text, size_t len, bool v0, rv *out,
                                              struct osp_err *err);

/* tree.c */
struct rego_vnode *rego_tree_node(struct rego_engine *e, struct rego_vnode *parent, const char *name);
struct rego_vnode *rego_tree_ensure(struct rego_engine *e, const char **path, size_t n);
/* Place a rule (and its else chain) in the data tree; kind conflicts are compile errors. */
OSP_MUST_CHECK enum osp_code rego_tree_add_rule(struct rego_engine *e, struct rego_rule *r, struct osp_err *err);
/* Parse the module's METADATA blocks (package and rules). */
OSP_MUST_CHECK enum osp_code rego_meta_compile(struct rego_engine *e, struct rego_module *m, struct osp_err *err);
/* Fold composite literals made only of constants into single constants. */
void rego_fold_rule(struct rego_module *m, struct rego_rule *r);
void rego_fold_body(struct rego_module *m, struct rego_body *b);

/* recursion.c: a rule or function that depends on itself is rego_recursion_error. */
OSP_MUST_CHECK enum osp_code rego_check_recursion(struct rego_engine *e, struct osp_err *err);

/* safety.c: reorder a body so every expression's inputs are bound first. */
struct rego_scope_info;
OSP_MUST_CHECK enum osp_code rego_safety_body(struct rego_engine *e, struct rego_module *m, struct rego_body *b,
                                              int nslots, const unsigned char *bound_in, struct rego_term **heads,
                                              size_t nheads, const int *slot_depth, struct osp_err *err);

#endif
