/* parse_int.h: state shared by the two halves of the Rego parser (private to parse.c and
 * parse_rule.c): parse.c reads terms, expressions and bodies; parse_rule.c reads rules and
 * modules and owns the entry points. A syntax error longjmps from rego_ps_error() back to
 * the entry point's setjmp (the AST lives in the module arena, so nothing leaks).
 */
#ifndef OSPREY_REGO_PARSE_INT_H
#define OSPREY_REGO_PARSE_INT_H

#include <setjmp.h>

#include "rego/ast.h"

#define REGO_MAX_DEPTH 200
#define REGO_ARENA_MAX ((size_t)256 << 20)
#define REGO_MAX_BODY 5000 /* expressions per body: keeps safety ordering and eval stack bounded */

#define IGN(x)                                                                                                         \
    do {                                                                                                               \
        if (x) {                                                                                                       \
        }                                                                                                              \
    } while (0)

struct ps {
    struct rego_module *m;
    const char *src;
    struct rego_token *t;
    size_t nt, i;
    int depth;
    bool v0;
    unsigned kw;  /* enabled future keywords (v0) */
    bool nopipe;  /* first element of [..] or {..}: `|` starts a comprehension */
    int line_off; /* for template sub-parsers */
    jmp_buf jb;
    char msg[200];
    int eline, ecol;
    struct osp_buf *pending[32]; /* heap buffers (nested templates) to release on unwind */
    int npending;
};

enum { KW_IN = 1, KW_EVERY = 2, KW_CONTAINS = 4, KW_IF = 8 };

/* growable pointer list, kept in the module arena */
struct plist {
    void **v;
    size_t n, cap;
};

const struct rego_token *rego_ps_peek(struct ps *p);
const struct rego_token *rego_ps_next(struct ps *p);
const struct rego_token *rego_ps_expect(struct ps *p, enum rego_tok ty);
void rego_ps_error(struct ps *p, const struct rego_token *t, const char *fmt, ...) OSP_PRINTF(3, 4);
void rego_ps_unexpected(struct ps *p);
void *rego_ps_alloc(struct ps *p, size_t n);
bool rego_ps_tok_is(struct ps *p, const struct rego_token *t, const char *w);
bool rego_ps_kw(struct ps *p, const char *w);
struct rego_term *rego_ps_var(struct ps *p, const struct rego_token *t);
void rego_ps_push(struct ps *p, struct plist *l, void *x);
void **rego_ps_done(struct ps *p, struct plist *l);
rv rego_ps_keep(struct ps *p, rv v);
struct rego_term *rego_ps_term_in(struct ps *p, bool keyval);
struct rego_term *rego_ps_postfix(struct ps *p, struct rego_term *head, const struct rego_token *start);
struct rego_expr *rego_ps_literal(struct ps *p);
struct rego_body *rego_ps_literals(struct ps *p, enum rego_tok end);
struct rego_body *rego_ps_braced_body(struct ps *p);

#endif
