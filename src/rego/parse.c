/* parse.c: recursive-descent Rego parser (v1, and v0 with --v0-compatible) into an arena AST.
 *
 * Syntax errors longjmp back to the entry point (the AST lives in the arena, nothing else is
 * held), as STYLE.md allows for this file only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/ast.h"
#include "rego/value_int.h"

#define MAX_DEPTH 200
#define ARENA_MAX ((size_t)256 << 20)

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

/* ---- arena ---- */

struct rego_chunk {
    struct rego_chunk *next;
    size_t used, cap;
    max_align_t data[];
};

void *rego_arena_alloc(struct rego_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    struct rego_chunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        if (a->max && a->total + cap > a->max)
            return NULL;
        c = malloc(sizeof(*c) + cap);
        if (!c)
            return NULL;
        c->next = a->head;
        c->used = 0;
        c->cap = cap;
        a->head = c;
        a->total += cap;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *rego_arena_strndup(struct rego_arena *a, const char *s, size_t n)
{
    char *p = rego_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void rego_arena_free(struct rego_arena *a)
{
    struct rego_chunk *c = a->head;
    while (c) {
        struct rego_chunk *n = c->next;
        free(c);
        c = n;
    }
    a->head = NULL;
    a->total = 0;
}

/* ---- helpers ---- */

#define IGN(x)                                                                                                         \
    do {                                                                                                               \
        if (x) {                                                                                                       \
        }                                                                                                              \
    } while (0)

static void perr_at(struct ps *p, const struct rego_token *t, const char *fmt, ...) OSP_PRINTF(3, 4);

static void perr_at(struct ps *p, const struct rego_token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof(p->msg), fmt, ap);
    va_end(ap);
    p->eline = t->line + p->line_off;
    p->ecol = t->col;
    longjmp(p->jb, 1);
}

static const struct rego_token *peek(struct ps *p)
{
    return &p->t[p->i];
}
static const struct rego_token *peekn(struct ps *p, size_t k)
{
    return p->i + k < p->nt ? &p->t[p->i + k] : &p->t[p->nt - 1];
}
static const struct rego_token *next(struct ps *p)
{
    const struct rego_token *t = &p->t[p->i];
    if (p->i + 1 < p->nt)
        p->i++;
    return t;
}

static void unexpected(struct ps *p)
{
    const struct rego_token *t = peek(p);
    if (t->type == TK_EOF)
        perr_at(p, t, "unexpected eof token%s", "");
    char buf[64];
    size_t n = t->len < 40 ? t->len : 40;
    memcpy(buf, p->src + t->off, n);
    buf[n] = '\0';
    perr_at(p, t, "unexpected %s token", t->type == TK_IDENT ? "ident" : buf);
}

static const struct rego_token *expect(struct ps *p, enum rego_tok ty)
{
    if (peek(p)->type != ty) {
        const struct rego_token *t = peek(p);
        char buf[80];
        snprintf(buf, sizeof(buf), "expected %s", rego_tok_text(ty));
        if (t->type == TK_EOF)
            perr_at(p, t, "%s but got eof", buf);
        perr_at(p, t, "%s", buf);
    }
    return next(p);
}

static void *alloc(struct ps *p, size_t n)
{
    void *r = rego_arena_alloc(&p->m->arena, n);
    if (!r)
        perr_at(p, peek(p), "%s", "policy too large");
    return r;
}

static bool tok_is(struct ps *p, const struct rego_token *t, const char *w)
{
    size_t n = strlen(w);
    return t->type == TK_IDENT && t->len == n && memcmp(p->src + t->off, w, n) == 0;
}

/* A keyword is only a keyword when not directly followed by '.' (keywordrefs). */
static bool kw_at(struct ps *p, size_t k, const char *w)
{
    const struct rego_token *t = peekn(p, k);
    if (!tok_is(p, t, w))
        return false;
    const struct rego_token *n = peekn(p, k + 1);
    if (n->type == TK_DOT && !n->ws_before)
        return false;
    if (!p->v0)
        return true;
    if (!strcmp(w, "in"))
        return p->kw & KW_IN;
    if (!strcmp(w, "every"))
        return p->kw & KW_EVERY;
    if (!strcmp(w, "contains"))
        return p->kw & KW_CONTAINS;
    if (!strcmp(w, "if"))
        return p->kw & KW_IF;
    return true;
}
static bool kw(struct ps *p, const char *w)
{
    return kw_at(p, 0, w);
}

static bool is_reserved(struct ps *p, const struct rego_token *t)
{
    static const char *const words[] = {"package", "import", "not",  "with",  "as",   "default",
                                        "else",    "some",   "true", "false", "null", NULL};
    for (int i = 0; words[i]; i++)
        if (tok_is(p, t, words[i]))
            return true;
    return false;
}

static struct rego_term *mk(struct ps *p, enum rego_term_kind k, const struct rego_token *t)
{
    struct rego_term *r = alloc(p, sizeof(*r));
    r->kind = (unsigned char)k;
    r->line = t->line + p->line_off;
    r->col = t->col;
    r->slot = -1;
    return r;
}

/* Remember an rv owned by the module (released in rego_module_free). */
static rv keep(struct ps *p, rv v);

static struct rego_term *mk_value(struct ps *p, rv v, const struct rego_token *t)
{
    struct rego_term *r = mk(p, TM_VALUE, t);
    r->val = keep(p, v);
    r->ground = true;
    return r;
}

static struct rego_term *mk_str(struct ps *p, const char *s, size_t n, const struct rego_token *t)
{
    return mk_value(p, rv_str_newn(s, n), t);
}

static struct rego_term *mk_var(struct ps *p, const struct rego_token *t)
{
    struct rego_term *r = mk(p, TM_VAR, t);
    r->name = rego_arena_strndup(&p->m->arena, p->src + t->off, t->len);
    if (!r->name)
        perr_at(p, t, "%s", "policy too large");
    return r;
}

/* growable pointer list in the heap, copied into the arena when done */
struct plist {
    void **v;
    size_t n, cap;
};

/* Lists grow inside the arena, so a syntax error (longjmp) leaks nothing. */
static void pl_push(struct ps *p, struct plist *l, void *x)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        void **q = alloc(p, cap * sizeof(void *));
        if (l->n)
            memcpy(q, l->v, l->n * sizeof(void *));
        l->v = q;
        l->cap = cap;
    }
    l->v[l->n++] = x;
}

static void **pl_done(struct ps *p, struct plist *l)
{
    (void)p;
    return l->n ? l->v : NULL;
}

static struct rego_term *mk_call(struct ps *p, const char *name, const struct rego_token *t, struct rego_term *x,
                                 struct rego_term *y, struct rego_term *z)
{
    struct rego_term *c = mk(p, TM_CALL, t);
    c->name = name;
    size_t n = z ? 3 : y ? 2 : 1;
    c->a = alloc(p, n * sizeof(*c->a));
    c->a[0] = x;
    if (y)
        c->a[1] = y;
    if (z)
        c->a[2] = z;
    c->n = n;
    c->line = x->line;
    c->col = x->col;
    return c;
}

/* ---- terms ---- */

static void parse_withs(struct ps *p, struct rego_expr *e);
static struct rego_term *parse_term_in(struct ps *p, bool keyval);
static struct rego_term *parse_relation(struct ps *p);
static struct rego_body *parse_literals(struct ps *p, enum rego_tok end);
static struct rego_body *parse_braced_body(struct ps *p);

static void enter(struct ps *p)
{
    if (++p->depth > MAX_DEPTH)
        perr_at(p, peek(p), "%s", "nesting too deep (more than 200 levels)");
}

static struct rego_term *parse_string_tok(struct ps *p, const struct rego_token *t)
{
    const char *s = p->src + t->off + 1;
    size_t n = t->len - 2;
    if (t->type == TK_RAWSTRING)
        return mk_str(p, s, n, t);
    struct osp_buf b;
    osp_buf_init(&b, 0);
    if (!rv_json_unescape(s, n, &b)) {
        osp_buf_cleanup(&b);
        perr_at(p, t, "%s", "invalid string escape");
    }
    struct rego_term *r = mk_str(p, b.data ? b.data : "", b.len, t);
    osp_buf_cleanup(&b);
    return r;
}

static struct rego_term *parse_template_expr(struct ps *p, const struct rego_token *t, const char *s, size_t n);

static struct rego_term *parse_template(struct ps *p, const struct rego_token *t)
{
    bool raw = t->type == TK_RAWTEMPLATE;
    const char *s = p->src + t->off + 2;
    size_t n = t->len - 3;
    struct plist parts = {0};
    struct osp_buf lit;
    osp_buf_init(&lit, 0);
    if (p->npending == (int)(sizeof(p->pending) / sizeof(p->pending[0])))
        perr_at(p, t, "%s", "template strings nested too deep");
    p->pending[p->npending++] = &lit;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c == '\\' && i + 1 < n && s[i + 1] == '{') {
            IGN(osp_buf_addc(&lit, '{'));
            i += 2;
            continue;
        }
        if (!raw && c == '\\') {
            size_t j = i + 2;
            if (i + 1 < n && s[i + 1] == 'u')
                j = i + 6 <= n ? i + 6 : n;
            if (!rv_json_unescape(s + i, j - i, &lit)) {
                perr_at(p, t, "%s", "invalid string escape");
            }
            i = j;
            continue;
        }
        if (c != '{') {
            IGN(osp_buf_addc(&lit, c));
            i++;
            continue;
        }
        size_t j = i + 1;
        int depth = 1;
        while (j < n && depth) {
            if (s[j] == '"' || s[j] == '`') {
                char q = s[j++];
                while (j < n && s[j] != q)
                    j += (s[j] == '\\' && q == '"') ? 2 : 1;
            } else if (s[j] == '{') {
                depth++;
            } else if (s[j] == '}') {
                depth--;
            }
            j++;
        }
        if (lit.len)
            pl_push(p, &parts, mk_str(p, lit.data, lit.len, t));
        osp_buf_reset(&lit);
        pl_push(p, &parts, parse_template_expr(p, t, s + i + 1, j - i - 2));
        i = j;
    }
    if (lit.len || !parts.n)
        pl_push(p, &parts, mk_str(p, lit.data ? lit.data : "", lit.len, t));
    p->npending--;
    osp_buf_cleanup(&lit);
    struct rego_term *r = mk(p, TM_TEMPLATE, t);
    r->n = parts.n;
    r->a = (struct rego_term **)pl_done(p, &parts);
    return r;
}

/* Parse an interpolated expression by lexing it on its own and swapping token streams. */
static struct rego_term *parse_template_expr(struct ps *p, const struct rego_token *t, const char *s, size_t n)
{
    struct rego_lexed lx;
    struct osp_err e;
    int el, ec;
    osp_err_init(&e);
    size_t base = (size_t)(s - p->src);
    if (rego_lex(s, n, &lx, &el, &ec, &e))
        perr_at(p, t, "%s", e.msg);
    for (size_t k = 0; k < lx.ntoks; k++) {
        lx.toks[k].off += base;
        lx.toks[k].line = t->line;
        lx.toks[k].col = t->col;
    }
    struct rego_token *ot = p->t;
    size_t ont = p->nt, oi = p->i;
    p->t = lx.toks;
    p->nt = lx.ntoks;
    p->i = 0;
    /* keep the tokens alive until the module is freed: copy into the arena */
    struct rego_token *copy = alloc(p, lx.ntoks * sizeof(*copy));
    memcpy(copy, lx.toks, lx.ntoks * sizeof(*copy));
    rego_lex_free(&lx);
    p->t = copy;
    struct rego_term *r = parse_term_in(p, false);
    if (kw(p, "with")) {
        struct rego_expr *x = alloc(p, sizeof(*x));
        x->kind = EX_TERM;
        x->a = r;
        x->line = r->line;
        x->col = r->col;
        parse_withs(p, x);
        struct rego_term *w = mk(p, TM_WITHVAL, t);
        w->body = alloc(p, sizeof(*w->body));
        w->body->e = alloc(p, sizeof(*w->body->e));
        w->body->e[0] = x;
        w->body->n = 1;
        r = w;
    }
    if (peek(p)->type != TK_EOF)
        unexpected(p);
    p->t = ot;
    p->nt = ont;
    p->i = oi;
    return r;
}

static struct rego_term *parse_collection(struct ps *p, const struct rego_token *open, enum rego_term_kind k,
                                          struct rego_term *first, enum rego_tok end)
{
    struct plist items = {0};
    pl_push(p, &items, first);
    if (k == TM_OBJECT) {
        expect(p, TK_COLON);
        pl_push(p, &items, parse_term_in(p, false));
    }
    while (peek(p)->type == TK_COMMA) {
        next(p);
        if (peek(p)->type == end)
            break;
        pl_push(p, &items, parse_term_in(p, false));
        if (k == TM_OBJECT) {
            expect(p, TK_COLON);
            pl_push(p, &items, parse_term_in(p, false));
        }
    }
    expect(p, end);
    struct rego_term *r = mk(p, k, open);
    r->n = items.n;
    r->a = (struct rego_term **)pl_done(p, &items);
    if (k == TM_OBJECT)
        r->n = items.n;
    return r;
}

static struct rego_term *parse_comprehension(struct ps *p, const struct rego_token *open, enum rego_term_kind k,
                                             struct rego_term *key, struct rego_term *head, enum rego_tok end)
{
    next(p); /* | */
    struct rego_term *r = mk(p, k, open);
    r->key = key;
    r->head = head;
    r->body = parse_literals(p, end);
    expect(p, end);
    return r;
}

static struct rego_term *parse_array(struct ps *p, const struct rego_token *open)
{
    if (peek(p)->type == TK_RBRACK) {
        next(p);
        return mk(p, TM_ARRAY, open);
    }
    p->nopipe = true;
    struct rego_term *first = parse_term_in(p, false);
    p->nopipe = false;
    if (peek(p)->type == TK_PIPE)
        return parse_comprehension(p, open, TM_ACOMP, NULL, first, TK_RBRACK);
    return parse_collection(p, open, TM_ARRAY, first, TK_RBRACK);
}

static struct rego_term *parse_brace(struct ps *p, const struct rego_token *open)
{
    if (peek(p)->type == TK_RBRACE) {
        next(p);
        return mk(p, TM_OBJECT, open);
    }
    p->nopipe = true;
    struct rego_term *first = parse_term_in(p, false);
    if (peek(p)->type == TK_COLON) {
        size_t save = p->i;
        next(p);
        struct rego_term *val = parse_term_in(p, false);
        p->nopipe = false;
        if (peek(p)->type == TK_PIPE)
            return parse_comprehension(p, open, TM_OCOMP, first, val, TK_RBRACE);
        p->i = save;
        return parse_collection(p, open, TM_OBJECT, first, TK_RBRACE);
    }
    p->nopipe = false;
    if (peek(p)->type == TK_PIPE)
        return parse_comprehension(p, open, TM_SCOMP, NULL, first, TK_RBRACE);
    return parse_collection(p, open, TM_SET, first, TK_RBRACE);
}

/* Dotted name of a call target: var or ref with string operands. */
static const char *call_name(struct ps *p, struct rego_term *fn, const struct rego_token *t)
{
    if (fn->kind == TM_VAR)
        return fn->name;
    if (fn->kind != TM_REF || fn->a[0]->kind != TM_VAR)
        perr_at(p, t, "%s", "invalid function call target");
    struct osp_buf b;
    osp_buf_init(&b, 0);
    IGN(osp_buf_adds(&b, fn->a[0]->name));
    for (size_t i = 1; i < fn->n; i++) {
        if (fn->a[i]->kind != TM_VALUE || rv_kind(fn->a[i]->val) != RV_STRING) {
            osp_buf_cleanup(&b);
            perr_at(p, t, "%s", "invalid function call target");
        }
        IGN(osp_buf_addc(&b, '.'));
        IGN(osp_buf_adds(&b, rv_str(fn->a[i]->val)));
    }
    const char *r = rego_arena_strndup(&p->m->arena, osp_buf_str(&b), b.len);
    osp_buf_cleanup(&b);
    if (!r)
        perr_at(p, t, "%s", "policy too large");
    return r;
}

static struct rego_term *parse_call_args(struct ps *p, struct rego_term *fn, const struct rego_token *t)
{
    next(p); /* ( */
    struct plist args = {0};
    while (peek(p)->type != TK_RPAREN) {
        pl_push(p, &args, parse_term_in(p, false));
        if (peek(p)->type != TK_COMMA)
            break;
        next(p);
    }
    expect(p, TK_RPAREN);
    const char *name = call_name(p, fn, t);
    if (!strcmp(name, "set") && args.n == 0)
        return mk(p, TM_SET, t);
    struct rego_term *c = mk(p, TM_CALL, t);
    c->fn = fn;
    c->name = name;
    c->n = args.n;
    c->a = (struct rego_term **)pl_done(p, &args);
    return c;
}

/* Postfix: .name, [term], (args). Builds TM_REF around the head. */
static struct rego_term *parse_postfix(struct ps *p, struct rego_term *head, const struct rego_token *start)
{
    struct plist ops = {0};
    for (;;) {
        const struct rego_token *t = peek(p);
        if (t->type == TK_DOT && !t->nl_before) {
            next(p);
            const struct rego_token *id = expect(p, TK_IDENT);
            pl_push(p, &ops, mk_str(p, p->src + id->off, id->len, id));
        } else if (t->type == TK_LBRACK && !t->ws_before) {
            next(p);
            pl_push(p, &ops, parse_term_in(p, false));
            expect(p, TK_RBRACK);
        } else if (t->type == TK_LPAREN && !t->ws_before && !ops.n && head->kind == TM_VAR) {
            head = parse_call_args(p, head, start);
        } else if (t->type == TK_LPAREN && !t->ws_before && ops.n) {
            struct rego_term *ref = mk(p, TM_REF, start);
            pl_push(p, &ops, NULL);
            memmove(ops.v + 1, ops.v, (ops.n - 1) * sizeof(void *));
            ops.v[0] = head;
            ref->n = ops.n;
            ref->a = (struct rego_term **)pl_done(p, &ops);
            head = parse_call_args(p, ref, start);
            ops.n = 0;
            ops.cap = 0;
            ops.v = NULL;
        } else {
            break;
        }
    }
    if (!ops.n)
        return head;
    struct rego_term *ref = mk(p, TM_REF, start);
    pl_push(p, &ops, NULL);
    memmove(ops.v + 1, ops.v, (ops.n - 1) * sizeof(void *));
    ops.v[0] = head;
    ref->n = ops.n;
    ref->a = (struct rego_term **)pl_done(p, &ops);
    return ref;
}

static struct rego_term *parse_number_tok(struct ps *p, const struct rego_token *t, bool neg)
{
    char buf[4200];
    if (t->len + 2 > sizeof(buf))
        perr_at(p, t, "%s", "number literal too long");
    size_t n = 0;
    if (neg)
        buf[n++] = '-';
    memcpy(buf + n, p->src + t->off, t->len);
    n += t->len;
    rv v = rv_num_parse(buf, n);
    if (rv_is_undef(v))
        perr_at(p, t, "%s", "invalid number");
    return mk_value(p, v, t);
}

static struct rego_term *parse_primary_inner(struct ps *p);

static struct rego_term *parse_primary(struct ps *p)
{
    bool save = p->nopipe;
    const struct rego_token *t = peek(p);
    if (t->type == TK_LPAREN || t->type == TK_LBRACK || t->type == TK_LBRACE)
        p->nopipe = false;
    struct rego_term *r = parse_primary_inner(p);
    p->nopipe = save;
    return r;
}

static struct rego_term *parse_primary_inner(struct ps *p)
{
    if (peek(p)->type == TK_EOF)
        unexpected(p);
    const struct rego_token *t = next(p); /* advanced: the cases below may step back */
    struct rego_term *r;
    switch (t->type) {
    case TK_NUMBER:
        r = parse_number_tok(p, t, false);
        break;
    case TK_STRING:
    case TK_RAWSTRING:
        r = parse_string_tok(p, t);
        break;
    case TK_TEMPLATE:
    case TK_RAWTEMPLATE:
        return parse_template(p, t);
    case TK_MINUS:
        if (peek(p)->type == TK_NUMBER && !peek(p)->ws_before)
            return parse_number_tok(p, next(p), true);
        r = parse_primary(p);
        return mk_call(p, "minus", t, mk_value(p, rv_num_int(0), t), r, NULL);
    case TK_LBRACK:
        enter(p);
        r = parse_array(p, t);
        p->depth--;
        break;
    case TK_LBRACE:
        enter(p);
        r = parse_brace(p, t);
        p->depth--;
        break;
    case TK_LPAREN:
        enter(p);
        r = parse_term_in(p, true);
        expect(p, TK_RPAREN);
        p->depth--;
        break;
    case TK_IDENT:
        p->i--;
        if (kw(p, "true") || kw(p, "false") || kw(p, "null")) {
            next(p);
            r = mk_value(p, tok_is(p, t, "null") ? rv_null() : rv_bool(tok_is(p, t, "true")), t);
            break;
        }
        if (is_reserved(p, t) && !(peekn(p, 1)->type == TK_DOT && !peekn(p, 1)->ws_before))
            unexpected(p);
        next(p);
        r = mk_var(p, t);
        break;
    default:
        p->i--;
        unexpected(p);
        return NULL;
    }
    return parse_postfix(p, r, t);
}

struct binop {
    enum rego_tok tok;
    const char *name;
};

static const struct binop *find_op(struct ps *p, const struct binop *ops)
{
    const struct rego_token *t = peek(p);
    if (t->nl_before)
        return NULL;
    for (; ops->name; ops++)
        if (ops->tok == t->type)
            return ops;
    return NULL;
}

static struct rego_term *parse_factor(struct ps *p)
{
    static const struct binop ops[] = {{TK_STAR, "mul"}, {TK_SLASH, "div"}, {TK_PERCENT, "rem"}, {TK_EOF, NULL}};
    struct rego_term *l = parse_primary(p);
    const struct binop *op;
    while ((op = find_op(p, ops))) {
        const struct rego_token *t = next(p);
        l = mk_call(p, op->name, t, l, parse_primary(p), NULL);
    }
    return l;
}

static struct rego_term *parse_arith(struct ps *p)
{
    static const struct binop ops[] = {{TK_PLUS, "plus"}, {TK_MINUS, "minus"}, {TK_EOF, NULL}};
    struct rego_term *l = parse_factor(p);
    const struct binop *op;
    while ((op = find_op(p, ops))) {
        const struct rego_token *t = next(p);
        l = mk_call(p, op->name, t, l, parse_factor(p), NULL);
    }
    return l;
}

static struct rego_term *parse_and(struct ps *p)
{
    static const struct binop ops[] = {{TK_AMP, "and"}, {TK_EOF, NULL}};
    struct rego_term *l = parse_arith(p);
    const struct binop *op;
    while ((op = find_op(p, ops))) {
        const struct rego_token *t = next(p);
        l = mk_call(p, op->name, t, l, parse_arith(p), NULL);
    }
    return l;
}

static struct rego_term *parse_or(struct ps *p)
{
    static const struct binop ops[] = {{TK_PIPE, "or"}, {TK_EOF, NULL}};
    struct rego_term *l = parse_and(p);
    const struct binop *op;
    while (!p->nopipe && (op = find_op(p, ops))) {
        const struct rego_token *t = next(p);
        l = mk_call(p, op->name, t, l, parse_and(p), NULL);
    }
    return l;
}

static struct rego_term *parse_relation(struct ps *p)
{
    static const struct binop ops[] = {{TK_EQ, "equal"}, {TK_NEQ, "neq"}, {TK_LT, "lt"}, {TK_GT, "gt"},
                                       {TK_LTE, "lte"},  {TK_GTE, "gte"}, {TK_EOF, NULL}};
    enter(p);
    struct rego_term *l = parse_or(p);
    const struct binop *op;
    while ((op = find_op(p, ops))) {
        const struct rego_token *t = next(p);
        l = mk_call(p, op->name, t, l, parse_or(p), NULL);
    }
    p->depth--;
    return l;
}

static struct rego_term *parse_term_in(struct ps *p, bool keyval)
{
    struct rego_term *l = parse_relation(p);
    for (;;) {
        if (keyval && peek(p)->type == TK_COMMA && !peek(p)->nl_before) {
            size_t save = p->i;
            const struct rego_token *t = next(p);
            struct rego_term *v = parse_relation(p);
            if (!kw(p, "in") || peek(p)->nl_before) {
                p->i = save;
                return l;
            }
            next(p);
            l = mk_call(p, "internal.member_3", t, l, v, parse_relation(p));
            keyval = false;
            continue;
        }
        if (kw(p, "in") && !peek(p)->nl_before) {
            const struct rego_token *t = next(p);
            l = mk_call(p, "internal.member_2", t, l, parse_relation(p), NULL);
            continue;
        }
        return l;
    }
}

/* ---- expressions and bodies ---- */

static void parse_withs(struct ps *p, struct rego_expr *e)
{
    struct plist ws = {0};
    while (kw(p, "with")) {
        const struct rego_token *t = next(p);
        struct rego_with *w = alloc(p, sizeof(*w));
        w->line = t->line + p->line_off;
        w->col = t->col;
        w->target = parse_postfix(p, mk_var(p, expect(p, TK_IDENT)), t);
        if (!kw(p, "as"))
            perr_at(p, peek(p), "%s", "expected as keyword");
        next(p);
        w->value = parse_term_in(p, false);
        pl_push(p, &ws, w);
    }
    if (!ws.n)
        return;
    e->with = alloc(p, ws.n * sizeof(*e->with));
    for (size_t i = 0; i < ws.n; i++)
        e->with[i] = *(struct rego_with *)ws.v[i];
    e->nwith = ws.n;
}

static void parse_some(struct ps *p, struct rego_expr *e)
{
    struct plist vs = {0};
    pl_push(p, &vs, parse_relation(p));
    while (peek(p)->type == TK_COMMA && !peek(p)->nl_before) {
        next(p);
        pl_push(p, &vs, parse_relation(p));
    }
    if (kw(p, "in") && !peek(p)->nl_before) {
        if (vs.n > 2)
            perr_at(p, peek(p), "%s", "unexpected , in some declaration");
        next(p);
        e->kind = EX_SOMEIN;
        e->v = vs.v[vs.n - 1];
        e->k = vs.n == 2 ? vs.v[0] : NULL;
        e->coll = parse_relation(p);
        return;
    }
    for (size_t i = 0; i < vs.n; i++)
        if (((struct rego_term *)vs.v[i])->kind != TM_VAR)
            perr_at(p, peek(p), "%s", "expected var in some declaration");
    e->kind = EX_SOME;
    e->nvars = vs.n;
    e->vars = (struct rego_term **)pl_done(p, &vs);
}

static void parse_every(struct ps *p, struct rego_expr *e)
{
    e->kind = EX_EVERY;
    struct rego_term *a = parse_relation(p);
    if (peek(p)->type == TK_COMMA) {
        next(p);
        e->k = a;
        e->v = parse_relation(p);
    } else {
        e->v = a;
    }
    if (!kw(p, "in"))
        perr_at(p, peek(p), "%s", "expected in keyword");
    next(p);
    e->coll = parse_relation(p);
    e->body = parse_braced_body(p);
}

static struct rego_expr *parse_literal(struct ps *p)
{
    const struct rego_token *start = peek(p);
    struct rego_expr *e = alloc(p, sizeof(*e));
    e->line = start->line + p->line_off;
    e->col = start->col;
    if (kw(p, "some")) {
        next(p);
        parse_some(p, e);
    } else if (kw(p, "every")) {
        next(p);
        parse_every(p, e);
    } else {
        if (kw(p, "not")) {
            next(p);
            e->neg = true;
        }
        e->a = parse_term_in(p, true);
        e->kind = EX_TERM;
        const struct rego_token *t = peek(p);
        if ((t->type == TK_UNIFY || t->type == TK_ASSIGN) && !t->nl_before) {
            next(p);
            e->kind = t->type == TK_UNIFY ? EX_UNIFY : EX_ASSIGN;
            e->b = parse_term_in(p, true);
        }
    }
    parse_withs(p, e);
    const struct rego_token *last = &p->t[p->i ? p->i - 1 : 0];
    if (p->t == NULL || last->off + last->len < start->off) {
        e->text = "";
    } else {
        e->text = p->src + start->off;
        e->textlen = last->off + last->len - start->off;
    }
    return e;
}

static struct rego_body *parse_literals(struct ps *p, enum rego_tok end)
{
    struct plist es = {0};
    const struct rego_token *start = peek(p);
    enter(p);
    while (peek(p)->type != end) {
        pl_push(p, &es, parse_literal(p));
        const struct rego_token *t = peek(p);
        if (t->type == TK_SEMI) {
            next(p);
            continue;
        }
        if (t->type == end)
            break;
        if (!t->nl_before)
            unexpected(p);
    }
    p->depth--;
    struct rego_body *b = alloc(p, sizeof(*b));
    b->line = start->line + p->line_off;
    b->col = start->col;
    b->n = es.n;
    b->e = (struct rego_expr **)pl_done(p, &es);
    return b;
}

static struct rego_body *parse_braced_body(struct ps *p)
{
    expect(p, TK_LBRACE);
    struct rego_body *b = parse_literals(p, TK_RBRACE);
    expect(p, TK_RBRACE);
    if (!b->n)
        perr_at(p, &p->t[p->i - 1], "%s", "found empty body");
    return b;
}

/* ---- rules and modules ---- */

static bool has_var_operand(const struct rego_term *h)
{
    if (h->kind != TM_REF)
        return false;
    for (size_t i = 1; i < h->n; i++)
        if (h->a[i]->kind != TM_VALUE || rv_kind(h->a[i]->val) != RV_STRING)
            return true;
    return false;
}

/* Body after a head: `if` body-or-literal, a braced body (v0), or nothing. */
static struct rego_body *parse_rule_body(struct ps *p)
{
    if (kw(p, "if")) {
        next(p);
        if (peek(p)->type == TK_LBRACE) {
            /* `if {` opens a body, unless what follows is one object/set (comprehension)
             * expression: try the body first, and on a syntax error re-read it as a literal */
            size_t save = p->i;
            int npend = p->npending, depth = p->depth;
            jmp_buf outer;
            memcpy(outer, p->jb, sizeof(outer));
            struct rego_body *volatile b = NULL;
            char msg[sizeof(p->msg)];
            int el = 0, ec = 0;
            if (setjmp(p->jb) == 0) {
                b = parse_braced_body(p);
            } else {
                while (p->npending > npend)
                    osp_buf_cleanup(p->pending[--p->npending]);
                memcpy(msg, p->msg, sizeof(msg));
                el = p->eline;
                ec = p->ecol;
                p->i = save;
                p->depth = depth;
            }
            if (b) {
                memcpy(p->jb, outer, sizeof(outer));
                return b;
            }
            if (setjmp(p->jb) != 0) {
                memcpy(p->jb, outer, sizeof(outer));
                memcpy(p->msg, msg, sizeof(msg)); /* report the body's error */
                p->eline = el;
                p->ecol = ec;
                longjmp(p->jb, 1);
            }
            struct rego_body *lb = alloc(p, sizeof(*lb));
            lb->line = peek(p)->line + p->line_off;
            lb->col = peek(p)->col;
            lb->e = alloc(p, sizeof(*lb->e));
            lb->e[0] = parse_literal(p);
            lb->n = 1;
            memcpy(p->jb, outer, sizeof(outer));
            return lb;
        }
        struct rego_body *b = alloc(p, sizeof(*b));
        b->line = peek(p)->line + p->line_off;
        b->col = peek(p)->col;
        b->e = alloc(p, sizeof(*b->e));
        b->e[0] = parse_literal(p);
        b->n = 1;
        return b;
    }
    if (peek(p)->type == TK_LBRACE && !peek(p)->nl_before) {
        if (!p->v0)
            perr_at(p, peek(p), "%s", "`if` keyword is required before rule body");
        return parse_braced_body(p);
    }
    struct rego_body *b = alloc(p, sizeof(*b));
    b->line = peek(p)->line + p->line_off;
    return b;
}

static struct rego_rule *new_rule(struct ps *p, const struct rego_token *t)
{
    struct rego_rule *r = alloc(p, sizeof(*r));
    r->mod = p->m;
    r->line = t->line;
    r->col = t->col;
    return r;
}

static void parse_else(struct ps *p, struct rego_rule *r)
{
    struct rego_rule *prev = r;
    while (kw(p, "else")) {
        const struct rego_token *t = next(p);
        struct rego_rule *e = new_rule(p, t);
        e->kind = r->kind;
        e->head = r->head;
        e->args = r->args;
        e->nargs = r->nargs;
        e->is_else = true;
        if (peek(p)->type == TK_ASSIGN || peek(p)->type == TK_UNIFY) {
            e->assign = next(p)->type == TK_ASSIGN;
            e->value = parse_term_in(p, false);
        }
        e->body = parse_rule_body(p);
        prev->els = e;
        prev = e;
    }
}

static void classify_head(struct ps *p, struct rego_rule *r, const struct rego_token *t, bool has_value)
{
    struct rego_term *h = r->head;
    if (h->kind == TM_CALL) {
        r->kind = RK_FUNC;
        r->args = h->a;
        r->nargs = h->n;
        r->head = h->fn;
        return;
    }
    if (h->kind != TM_VAR && !(h->kind == TM_REF && h->a[0]->kind == TM_VAR))
        perr_at(p, t, "%s", "invalid rule head");
    if (r->kind == RK_SET)
        return;
    if (!has_value && p->v0 && h->kind == TM_REF && h->n == 2 && has_var_operand(h)) {
        r->kind = RK_SET;
        r->key = h->a[1];
        r->head = h->a[0];
        return;
    }
    r->kind = has_var_operand(h) ? RK_OBJECT : RK_COMPLETE;
}

static struct rego_rule *parse_rule(struct ps *p)
{
    const struct rego_token *t = peek(p);
    bool is_default = false;
    if (kw(p, "default")) {
        next(p);
        is_default = true;
    }
    struct rego_rule *r = new_rule(p, peek(p));
    r->is_default = is_default;
    const struct rego_token *ht = expect(p, TK_IDENT);
    r->head = parse_postfix(p, mk_var(p, ht), ht);
    bool has_value = false;
    if (kw(p, "contains")) {
        next(p);
        r->kind = RK_SET;
        r->key = parse_term_in(p, false);
    } else if ((peek(p)->type == TK_ASSIGN || peek(p)->type == TK_UNIFY) && !peek(p)->nl_before) {
        r->assign = next(p)->type == TK_ASSIGN;
        r->value = parse_term_in(p, false);
        has_value = true;
    }
    classify_head(p, r, t, has_value);
    if (is_default) {
        if (!r->value || r->kind == RK_SET)
            perr_at(p, t, "%s", "default rules must have a value");
        r->body = alloc(p, sizeof(*r->body));
        return r;
    }
    r->body = parse_rule_body(p);
    parse_else(p, r);
    return r;
}

/* package and import paths: a var or a ref whose operands are all strings */
static struct rego_term *parse_path_ref(struct ps *p)
{
    const struct rego_token *t = expect(p, TK_IDENT);
    struct rego_term *r = parse_postfix(p, mk_var(p, t), t);
    bool ok = r->kind == TM_VAR || (r->kind == TM_REF && r->a[0]->kind == TM_VAR);
    for (size_t i = 1; ok && r->kind == TM_REF && i < r->n; i++)
        ok = r->a[i]->kind == TM_VALUE && rv_kind(r->a[i]->val) == RV_STRING;
    if (!ok)
        perr_at(p, t, "%s", "invalid path: expected a name like a.b.c");
    return r;
}

static void parse_import(struct ps *p, struct plist *imps)
{
    const struct rego_token *t = next(p);
    struct rego_import *im = alloc(p, sizeof(*im));
    im->line = t->line;
    im->col = t->col;
    im->path = parse_path_ref(p);
    struct rego_term *path = im->path;
    const char *root = path->kind == TM_VAR ? path->name : path->a[0]->name;
    if (!strcmp(root, "future") || !strcmp(root, "rego")) {
        if (!strcmp(root, "rego"))
            p->kw |= KW_IN | KW_EVERY | KW_CONTAINS | KW_IF;
        else if (path->kind == TM_REF && path->n == 2)
            p->kw |= KW_IN | KW_EVERY | KW_CONTAINS | KW_IF;
        else if (path->kind == TM_REF && path->n == 3) {
            const char *k = rv_str(path->a[2]->val);
            p->kw |= !strcmp(k, "in")         ? KW_IN
                     : !strcmp(k, "every")    ? KW_EVERY | KW_IN
                     : !strcmp(k, "contains") ? KW_CONTAINS
                     : !strcmp(k, "if")       ? KW_IF
                                              : 0;
        }
    } else if (strcmp(root, "data") && strcmp(root, "input")) {
        perr_at(p, t, "%s", "invalid import path: must begin with input or data");
    }
    if (kw(p, "as")) {
        next(p);
        const struct rego_token *a = expect(p, TK_IDENT);
        im->alias = rego_arena_strndup(&p->m->arena, p->src + a->off, a->len);
    } else if (path->kind == TM_REF) {
        im->alias = rv_str(path->a[path->n - 1]->val);
    } else {
        im->alias = path->name;
    }
    pl_push(p, imps, im);
}

static void set_pkg(struct ps *p, struct rego_term *ref)
{
    struct rego_module *m = p->m;
    m->pkg = ref;
    size_t n = ref->kind == TM_REF ? ref->n : 1;
    m->pkgpath = alloc(p, (n + 1) * sizeof(char *));
    m->pkgpath[0] = "data";
    m->pkgpath[1] = ref->kind == TM_REF ? ref->a[0]->name : ref->name;
    for (size_t i = 1; i < n; i++) {
        if (ref->a[i]->kind != TM_VALUE || rv_kind(ref->a[i]->val) != RV_STRING)
            perr_at(p, peek(p), "%s", "package path must be made of strings");
        m->pkgpath[i + 1] = rv_str(ref->a[i]->val);
    }
    m->npkg = n + 1;
}

static void parse_module_body(struct ps *p)
{
    if (!tok_is(p, peek(p), "package"))
        perr_at(p, peek(p), "%s", "package expected");
    next(p);
    set_pkg(p, parse_path_ref(p));
    struct plist imps = {0}, rules = {0};
    while (kw(p, "import")) {
        parse_import(p, &imps);
    }
    p->m->nimports = imps.n;
    struct rego_import **iv = (struct rego_import **)pl_done(p, &imps);
    p->m->imports = alloc(p, (p->m->nimports + 1) * sizeof(*p->m->imports));
    for (size_t i = 0; i < p->m->nimports; i++)
        p->m->imports[i] = *iv[i];
    while (peek(p)->type != TK_EOF) {
        if (kw(p, "import"))
            perr_at(p, peek(p), "%s", "imports must appear before rules");
        if (!peek(p)->nl_before && rules.n)
            unexpected(p);
        pl_push(p, &rules, parse_rule(p));
    }
    p->m->nrules = rules.n;
    p->m->rules = (struct rego_rule **)pl_done(p, &rules);
}

/* METADATA: a comment block starting with "# METADATA" attaches to the next rule/package. */
static void attach_metadata(struct ps *p)
{
    struct rego_module *m = p->m;
    struct rego_lexed *lx = &m->lx;
    for (size_t i = 0; i < lx->ncomments; i++) {
        struct rego_comment *c = &lx->comments[i];
        const char *s = m->src + c->off;
        size_t n = c->len;
        while (n && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
            n--;
        if (n != 8 || memcmp(s, "METADATA", 8))
            continue;
        struct osp_buf b;
        osp_buf_init(&b, 0);
        size_t j = i + 1;
        int line = c->line;
        for (; j < lx->ncomments && lx->comments[j].line == line + 1; j++, line++) {
            IGN(osp_buf_addc(&b, '#'));
            IGN(osp_buf_add(&b, m->src + lx->comments[j].off, lx->comments[j].len));
            IGN(osp_buf_addc(&b, '\n'));
        }
        const char *text = rego_arena_strndup(&m->arena, osp_buf_str(&b), b.len);
        osp_buf_cleanup(&b);
        if (m->pkg && m->pkg->line > line && !m->pkg_meta_text && (!m->nrules || m->rules[0]->line > m->pkg->line)) {
            bool before_pkg = true;
            for (size_t k = 0; k < m->nrules; k++)
                if (m->rules[k]->line > line && m->rules[k]->line < m->pkg->line)
                    before_pkg = false;
            if (before_pkg) {
                m->pkg_meta_text = text;
                m->pkg_meta_line = c->line;
                i = j - 1;
                continue;
            }
        }
        for (size_t k = 0; k < m->nrules; k++)
            if (m->rules[k]->line > line) {
                m->rules[k]->meta_text = text;
                m->rules[k]->meta_line = c->line;
                break;
            }
        i = j - 1;
    }
}

static struct rego_module *module_new(const char *file, const char *text, size_t len)
{
    struct rego_module *m = calloc(1, sizeof(*m));
    if (!m)
        return NULL;
    m->file = strdup(file ? file : "");
    m->src = malloc(len + 1);
    if (!m->file || !m->src) {
        free(m->file);
        free(m->src);
        free(m);
        return NULL;
    }
    memcpy(m->src, text, len);
    m->src[len] = '\0';
    m->srclen = len;
    m->arena.max = ARENA_MAX;
    return m;
}

struct rv_keep {
    rv *v;
    size_t n, cap;
};

static struct rv_keep *keeps_of(struct rego_module *m);

static rv keep(struct ps *p, rv v)
{
    struct rv_keep *k = keeps_of(p->m);
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 64;
        rv *q = realloc(k->v, k->cap * sizeof(rv));
        if (!q) {
            rv_unref(v);
            perr_at(p, peek(p), "%s", "out of memory");
        }
        k->v = q;
    }
    k->v[k->n++] = v;
    return v;
}

static struct rv_keep *keeps_of(struct rego_module *m)
{
    return (struct rv_keep *)m->consts;
}

void rego_module_freeze(struct rego_module *m)
{
    struct rv_keep *k = m->consts;
    for (size_t i = 0; k && i < k->n; i++)
        rv_freeze(k->v[i]);
    m->frozen = true;
}

rv rego_module_keep(struct rego_module *m, rv v)
{
    struct rv_keep *k = keeps_of(m);
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 64;
        rv *q = realloc(k->v, k->cap * sizeof(rv));
        if (!q)
            abort();
        k->v = q;
    }
    k->v[k->n++] = v;
    return v;
}

static enum osp_code run(struct ps *p, bool query, struct rego_body **body, int *eline, int *ecol, struct osp_err *err)
{
    struct rego_module *m = p->m;
    enum osp_code rc = rego_lex(m->src, m->srclen, &m->lx, eline, ecol, err);
    if (rc)
        return rc;
    p->src = m->src;
    p->t = m->lx.toks;
    p->nt = m->lx.ntoks;
    if (setjmp(p->jb)) {
        while (p->npending > 0)
            osp_buf_cleanup(p->pending[--p->npending]);
        *eline = p->eline;
        *ecol = p->ecol;
        return osp_err_set(err, OSP_EPOLICY, "%s", p->msg);
    }
    if (query) {
        *body = parse_literals(p, TK_EOF);
        if (!(*body)->n)
            perr_at(p, peek(p), "%s", "empty query");
    } else {
        parse_module_body(p);
        attach_metadata(p);
    }
    return OSP_OK;
}

enum osp_code rego_parse_module(const char *file, const char *text, size_t len, bool v0, struct rego_module **out,
                                int *eline, int *ecol, struct osp_err *err)
{
    struct rego_module *m = module_new(file, text, len);
    if (!m || !(m->consts = calloc(1, sizeof(struct rv_keep)))) {
        rego_module_free(m);
        return osp_err_set(err, OSP_ENOMEM, "out of memory parsing %s", file);
    }
    m->v0 = v0;
    struct ps p;
    memset(&p, 0, sizeof(p));
    p.m = m;
    p.v0 = v0;
    enum osp_code rc = run(&p, false, NULL, eline, ecol, err);
    if (rc) {
        rego_module_free(m);
        return rc;
    }
    *out = m;
    return OSP_OK;
}

enum osp_code rego_parse_query(const char *text, size_t len, bool v0, struct rego_module **out, struct rego_body **body,
                               int *eline, int *ecol, struct osp_err *err)
{
    struct rego_module *m = module_new("query", text, len);
    if (!m || !(m->consts = calloc(1, sizeof(struct rv_keep)))) {
        rego_module_free(m);
        return osp_err_set(err, OSP_ENOMEM, "out of memory parsing the query");
    }
    m->v0 = v0;
    struct ps p;
    memset(&p, 0, sizeof(p));
    p.m = m;
    p.v0 = false; /* queries accept every keyword */
    enum osp_code rc = run(&p, true, body, eline, ecol, err);
    if (rc) {
        rego_module_free(m);
        return rc;
    }
    *out = m;
    return OSP_OK;
}

void rego_module_free(struct rego_module *m)
{
    if (!m)
        return;
    struct rv_keep *k = m->consts;
    if (k) {
        for (size_t i = 0; i < k->n; i++) {
            if (m->frozen)
                rv_thaw(k->v[i]);
            rv_unref(k->v[i]);
        }
        free(k->v);
        free(k);
    }
    rego_lex_free(&m->lx);
    rego_arena_free(&m->arena);
    free(m->file);
    free(m->src);
    free(m);
}
