/* ast.h: the Rego syntax tree (private to src/rego/). Nodes live in the module's arena and
 * are freed with it; constant values (TM_VALUE) hold one rv reference each, released by
 * rego_module_free(). The compiler fills the "compiled" fields in place.
 */
#ifndef OSPREY_REGO_AST_H
#define OSPREY_REGO_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"
#include "rego/lex.h"
#include "rego/value.h"

struct rego_arena {
    struct rego_chunk *head;
    size_t total, max; /* bytes allocated; cap (0: unlimited) */
};
void *rego_arena_alloc(struct rego_arena *a, size_t n); /* zeroed; NULL past the cap */
char *rego_arena_strndup(struct rego_arena *a, const char *s, size_t n);
void rego_arena_free(struct rego_arena *a);

enum rego_term_kind {
    TM_VALUE,    /* scalar constant in val */
    TM_VAR,      /* name; slot >= 0 for locals once compiled */
    TM_REF,      /* a[0] head (var, call, composite), a[1..n-1] operands */
    TM_ARRAY,    /* a[0..n-1] */
    TM_OBJECT,   /* a[2i] key, a[2i+1] value */
    TM_SET,      /* a[0..n-1] */
    TM_ACOMP,    /* [head | body] */
    TM_SCOMP,    /* {head | body} */
    TM_OCOMP,    /* {key: head | body} */
    TM_CALL,     /* fn(a[0..n-1]); fname is the dotted name */
    TM_TEMPLATE, /* $"..": a[] are parts (string constants and expressions) */
    TM_WITHVAL   /* value of `term with ...` (template parts): body->e[0] is the expression */
};

enum rego_var_scope {
    VS_UNRESOLVED = 0,
    VS_LOCAL, /* slot in the frame */
    VS_INPUT,
    VS_DATA,
    VS_WILDCARD /* `_`: a fresh local each occurrence (gets its own slot) */
};

struct rego_body;

struct rego_term {
    unsigned char kind;  /* enum rego_term_kind */
    unsigned char scope; /* enum rego_var_scope (TM_VAR) */
    bool ground;         /* compiled: no vars anywhere inside (constant) */
    int line, col;
    rv val;           /* TM_VALUE; compiled constant composites too (ground) */
    const char *name; /* TM_VAR; TM_CALL: dotted function name */
    int slot;         /* TM_VAR local slot */
    struct rego_term **a;
    size_t n;
    struct rego_term *head, *key; /* comprehensions */
    struct rego_body *body;
    struct rego_term *fn; /* TM_CALL: the name as a term (var or ref) */
    const void *target;   /* compiled TM_CALL: struct rego_func_target (eval.c) */
};

enum rego_expr_kind { EX_TERM, EX_UNIFY, EX_ASSIGN, EX_SOME, EX_SOMEIN, EX_EVERY };

enum rego_with_kind { WK_INPUT, WK_DATA, WK_BUILTIN, WK_FUNC };

struct rego_with {
    struct rego_term *target, *value;
    int line, col;
    /* compiled */
    unsigned char wkind; /* enum rego_with_kind */
    const char **path;   /* WK_INPUT / WK_DATA: keys below the root */
    size_t npath;
    const char *mock_key; /* WK_BUILTIN / WK_FUNC: builtin name or function node path */
    const void *repl;     /* mock replacement: struct rego_func_target, or NULL (value) */
    const void *node;     /* WK_DATA: struct rego_vnode at path, if any */
};

struct rego_expr {
    unsigned char kind; /* enum rego_expr_kind */
    bool neg;
    bool capture; /* top-level query term: false is a value, not a failure (as opa eval) */
    int line, col;
    struct rego_term *a, *b;        /* EX_TERM: a; EX_UNIFY/EX_ASSIGN: a = b */
    struct rego_term *k, *v, *coll; /* EX_SOMEIN, EX_EVERY (k may be NULL) */
    struct rego_term **vars;        /* EX_SOME */
    size_t nvars;
    struct rego_body *body; /* EX_EVERY */
    struct rego_with *with;
    size_t nwith;
    const char *text; /* source text of the expression */
    size_t textlen;
};

struct rego_body {
    struct rego_expr **e;
    size_t n;
    int line, col;
    int depth; /* compiled: scope depth (0 rule args, 1 rule body, ...) */
};

enum rego_rule_kind { RK_COMPLETE, RK_SET, RK_OBJECT, RK_FUNC };

struct rego_module;
struct rego_vnode;

struct rego_rule {
    struct rego_module *mod;
    int line, col;
    unsigned char kind;      /* enum rego_rule_kind */
    struct rego_term *head;  /* var or ref naming the rule (not including the package) */
    struct rego_term **args; /* functions */
    size_t nargs;
    struct rego_term *key;   /* RK_SET: contains key */
    struct rego_term *value; /* NULL: true */
    bool is_default, assign, is_else;
    struct rego_body *body; /* never NULL (empty body is true) */
    struct rego_rule *els;  /* else chain */
    struct rego_rule *next_in_node;
    /* compiled */
    const char **path; /* package + constant head prefix */
    size_t npath;
    struct rego_term **rest; /* head ref operands after the constant prefix */
    size_t nrest;
    int nslots;
    struct rego_vnode *node;
    const char *meta_text; /* METADATA block above the rule, or NULL */
    int meta_line;
    rv meta; /* compiled: parsed annotations or undefined (module keeps it) */
};

struct rego_import {
    struct rego_term *path; /* ref */
    const char *alias;      /* last path element when no `as` */
    int line, col;
};

struct rego_module {
    char *file;
    char *src;
    size_t srclen;
    struct rego_arena arena;
    struct rego_term *pkg; /* ref data.a.b */
    const char **pkgpath;
    size_t npkg;
    struct rego_import *imports;
    size_t nimports;
    struct rego_rule **rules;
    size_t nrules;
    struct rego_lexed lx; /* comments kept for METADATA */
    const char *pkg_meta_text;
    int pkg_meta_line;
    rv pkg_meta; /* compiled: parsed package annotations or undefined (module keeps it) */
    bool v0;
    void *consts;   /* rv constants the AST holds (parse.c) */
    bool frozen;    /* constants frozen by rego_compile (shared by concurrent evaluations) */
    void *compiled; /* compiler scratch (compile.c) */
};

/* Parse a module. On error err holds "file:line: rego_parse_error: msg" and *eline, *ecol. */
OSP_MUST_CHECK enum osp_code rego_parse_module(const char *file, const char *text, size_t len, bool v0,
                                               struct rego_module **out, int *eline, int *ecol, struct osp_err *err);
/* Parse a query (a body) into a module-less arena owned by *out (a module with no package). */
OSP_MUST_CHECK enum osp_code rego_parse_query(const char *text, size_t len, bool v0, struct rego_module **out,
                                              struct rego_body **body, int *eline, int *ecol, struct osp_err *err);
void rego_module_free(struct rego_module *m);
/* Hand an rv constant to the module (released by rego_module_free); returns v. */
rv rego_module_keep(struct rego_module *m, rv v);
/* Freeze every constant so evaluations on several threads never touch refcounts. */
void rego_module_freeze(struct rego_module *m);

#endif
