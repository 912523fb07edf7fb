/* parse.c: recursive-descent Rego parser (v1, and v0 with --v0-compatible) into an arena AST:
 * terms, expressions and bodies (rules and modules: parse_rule.c).
 *
 * Syntax errors longjmp back to the entry point in parse_rule.c (the AST lives in the arena,
 * nothing else is held); this parser is the one place STYLE.md allows longjmp.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/parse_int.h"
#include "rego/value_int.h"

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

void rego_ps_error(struct ps *p, const struct rego_token *t, const char *fmt, ...) OSP_PRINTF(3, 4);

void rego_ps_error(struct ps *p, const struct rego_token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof(p->msg), fmt, ap);
    va_end(ap);
    p->eline = t->line + p->line_off;
    p->ecol = t->col;
    longjmp(p->jb, 1);
}

const struct rego_token *rego_ps_peek(struct ps *p)
{
    return &p->t[p->i];
}
static const struct rego_token *peekn(struct ps *p, size_t k)
{
    return p->i + k < p->nt ? &p->t[p->i + k] : &p->t[p->nt - 1];
}
const struct rego_token *rego_ps_next(struct ps *p)
{
    const struct rego_token *t = &p->t[p->i];
    if (p->i + 1 < p->nt)
        p->i++;
    return t;
}

void rego_ps_unexpected(struct ps *p)
{
    const struct rego_token *t = rego_ps_peek(p);
    if (t->type == TK_EOF)
        rego_ps_error(p, t, "unexpected eof token%s", "");
    char buf[64];
    size_t n = t->len < 40 ? t->len : 40;
    memcpy(buf, p->src + t->off, n);
    buf[n] = '\0';
    rego_ps_error(p, t, "unexpected %s token", t->type == TK_IDENT ? "ident" : buf);
}

/* OPA's wording: "unexpected eof token: expected ident". */
const struct rego_token *rego_ps_expect(struct ps *p, enum rego_tok ty)
{
    const struct rego_token *t = rego_ps_peek(p);
    if (t->type == ty)
        return rego_ps_next(p);
    char got[48];
    if (t->type == TK_EOF || t->type == TK_IDENT) {
        snprintf(got, sizeof(got), "%s", t->type == TK_EOF ? "eof" : "ident");
    } else {
        size_t n = t->len < sizeof(got) - 1 ? t->len : sizeof(got) - 1;
        memcpy(got, p->src + t->off, n);
        got[n] = '\0';
    }
    rego_ps_error(p, t, "unexpected %s token: expected %s", got, ty == TK_IDENT ? "ident" : rego_tok_text(ty));
    return NULL;
}

void *rego_ps_alloc(struct ps *p, size_t n)
{
    void *r = rego_arena_alloc(&p->m->arena, n);
    if (!r)
        rego_ps_error(p, rego_ps_peek(p), "%s", "policy too large");
    return r;
}

bool rego_ps_tok_is(struct ps *p, const struct rego_token *t, const char *w)
{
    size_t n = strlen(w);
    return t->type == TK_IDENT && t->len == n && memcmp(p->src + t->off, w, n) == 0;
}

/* A keyword is only a keyword when not directly followed by '.' (keywordrefs). */
static bool kw_at(struct ps *p, size_t k, const char *w)
{
    const struct rego_token *t = peekn(p, k);
    if (!rego_ps_tok_is(p, t, w))
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
bool rego_ps_kw(struct ps *p, const char *w)
{
    return kw_at(p, 0, w);
}

static bool is_reserved(struct ps *p, const struct rego_token *t)
{
    static const char *const words[] = {"package", "import", "not",  "with",  "as",   "default",
                                        "else",    "some",   "true", "false", "null", NULL};
    for (int i = 0; words[i]; i++)
        if (rego_ps_tok_is(p, t, words[i]))
            return true;
    return false;
}

static struct rego_term *mk(struct ps *p, enum rego_term_kind k, const struct rego_token *t)
{
    struct rego_term *r = rego_ps_alloc(p, sizeof(*r));
    r->kind = (unsigned char)k;
    r->line = t->line + p->line_off;
    r->col = t->col;
    r->slot = -1;
    return r;
}

/* Remember an rv owned by the module (released in rego_module_free). */
rv rego_ps_keep(struct ps *p, rv v);

static struct rego_term *mk_value(struct ps *p, rv v, const struct rego_token *t)
{
    struct rego_term *r = mk(p, TM_VALUE, t);
    r->val = rego_ps_keep(p, v);
    r->ground = true;
    return r;
}

static struct rego_term *mk_str(struct ps *p, const char *s, size_t n, const struct rego_token *t)
{
    return mk_value(p, rv_str_newn(s, n), t);
}

struct rego_term *rego_ps_var(struct ps *p, const struct rego_token *t)
{
    struct rego_term *r = mk(p, TM_VAR, t);
    r->name = rego_arena_strndup(&p->m->arena, p->src + t->off, t->len);
    if (!r->name)
        rego_ps_error(p, t, "%s", "policy too large");
    return r;
}

/* Lists grow inside the arena, so a syntax error (longjmp) leaks nothing. */
void rego_ps_push(struct ps *p, struct plist *l, void *x)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        void **q = rego_ps_alloc(p, cap * sizeof(void *));
        if (l->n)
            memcpy(q, l->v, l->n * sizeof(void *));
        l->v = q;
        l->cap = cap;
    }
    l->v[l->n++] = x;
}

void **rego_ps_done(struct ps *p, struct plist *l)
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
    c->a = rego_ps_alloc(p, n * sizeof(*c->a));
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
struct rego_term *rego_ps_term_in(struct ps *p, bool keyval);
static struct rego_term *parse_relation(struct ps *p);
struct rego_body *rego_ps_literals(struct ps *p, enum rego_tok end);
struct rego_body *rego_ps_braced_body(struct ps *p);

static void enter(struct ps *p)
{
    if (++p->depth > REGO_MAX_DEPTH)
        rego_ps_error(p, rego_ps_peek(p), "%s", "nesting too deep (more than 200 levels)");
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
        rego_ps_error(p, t, "%s", "invalid string escape");
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
        rego_ps_error(p, t, "%s", "template strings nested too deep");
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
                rego_ps_error(p, t, "%s", "invalid string escape");
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
            rego_ps_push(p, &parts, mk_str(p, lit.data, lit.len, t));
        osp_buf_reset(&lit);
        rego_ps_push(p, &parts, parse_template_expr(p, t, s + i + 1, j - i - 2));
        i = j;
    }
    if (lit.len || !parts.n)
        rego_ps_push(p, &parts, mk_str(p, lit.data ? lit.data : "", lit.len, t));
    p->npending--;
    osp_buf_cleanup(&lit);
    struct rego_term *r = mk(p, TM_TEMPLATE, t);
    r->n = parts.n;
    r->a = (struct rego_term **)rego_ps_done(p, &parts);
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
        rego_ps_error(p, t, "%s", e.msg);
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
    struct rego_token *copy = rego_ps_alloc(p, lx.ntoks * sizeof(*copy));
    memcpy(copy, lx.toks, lx.ntoks * sizeof(*copy));
    rego_lex_free(&lx);
    p->t = copy;
    struct rego_term *r = rego_ps_term_in(p, false);
    if (rego_ps_kw(p, "with")) {
        struct rego_expr *x = rego_ps_alloc(p, sizeof(*x));
        x->kind = EX_TERM;
        x->a = r;
        x->line = r->line;
        x->col = r->col;
        parse_withs(p, x);
        struct rego_term *w = mk(p, TM_WITHVAL, t);
        w->body = rego_ps_alloc(p, sizeof(*w->body));
        w->body->e = rego_ps_alloc(p, sizeof(*w->body->e));
        w->body->e[0] = x;
        w->body->n = 1;
        r = w;
    }
    if (rego_ps_peek(p)->type != TK_EOF)
        rego_ps_unexpected(p);
    p->t = ot;
    p->nt = ont;
    p->i = oi;
    return r;
}

static struct rego_term *parse_collection(struct ps *p, const struct rego_token *open, enum rego_term_kind k,
                                          struct rego_term *first, enum rego_tok end)
{
    struct plist items = {0};
    rego_ps_push(p, &items, first);
    if (k == TM_OBJECT) {
        rego_ps_expect(p, TK_COLON);
        rego_ps_push(p, &items, rego_ps_term_in(p, false));
    }
    while (rego_ps_peek(p)->type == TK_COMMA) {
        rego_ps_next(p);
        if (rego_ps_peek(p)->type == end)
            break;
        rego_ps_push(p, &items, rego_ps_term_in(p, false));
        if (k == TM_OBJECT) {
            rego_ps_expect(p, TK_COLON);
            rego_ps_push(p, &items, rego_ps_term_in(p, false));
        }
    }
    rego_ps_expect(p, end);
    struct rego_term *r = mk(p, k, open);
    r->n = items.n;
    r->a = (struct rego_term **)rego_ps_done(p, &items);
    if (k == TM_OBJECT)
        r->n = items.n;
    return r;
}

static struct rego_term *parse_comprehension(struct ps *p, const struct rego_token *open, enum rego_term_kind k,
                                             struct rego_term *key, struct rego_term *head, enum rego_tok end)
{
    rego_ps_next(p); /* | */
    struct rego_term *r = mk(p, k, open);
    r->key = key;
    r->head = head;
    r->body = rego_ps_literals(p, end);
    rego_ps_expect(p, end);
    return r;
}

static struct rego_term *parse_array(struct ps *p, const struct rego_token *open)
{
    if (rego_ps_peek(p)->type == TK_RBRACK) {
        rego_ps_next(p);
        return mk(p, TM_ARRAY, open);
    }
    p->nopipe = true;
    struct rego_term *first = rego_ps_term_in(p, false);
    p->nopipe = false;
    if (rego_ps_peek(p)->type == TK_PIPE)
        return parse_comprehension(p, open, TM_ACOMP, NULL, first, TK_RBRACK);
    return parse_collection(p, open, TM_ARRAY, first, TK_RBRACK);
}

static struct rego_term *parse_brace(struct ps *p, const struct rego_token *open)
{
    if (rego_ps_peek(p)->type == TK_RBRACE) {
        rego_ps_next(p);
        return mk(p, TM_OBJECT, open);
    }
    p->nopipe = true;
    struct rego_term *first = rego_ps_term_in(p, false);
    if (rego_ps_peek(p)->type == TK_COLON) {
        size_t save = p->i;
        rego_ps_next(p);
        struct rego_term *val = rego_ps_term_in(p, false);
        p->nopipe = false;
        if (rego_ps_peek(p)->type == TK_PIPE)
            return parse_comprehension(p, open, TM_OCOMP, first, val, TK_RBRACE);
        p->i = save;
        return parse_collection(p, open, TM_OBJECT, first, TK_RBRACE);
    }
    p->nopipe = false;
    if (rego_ps_peek(p)->type == TK_PIPE)
        return parse_comprehension(p, open, TM_SCOMP, NULL, first, TK_RBRACE);
    return parse_collection(p, open, TM_SET, first, TK_RBRACE);
}

/* Dotted name of a call target: var or ref with string operands. */
static const char *call_name(struct ps *p, struct rego_term *fn, const struct rego_token *t)
{
    if (fn->kind == TM_VAR)
        return fn->name;
    if (fn->kind != TM_REF || fn->a[0]->kind != TM_VAR)
        rego_ps_error(p, t, "%s", "invalid function call target");
    struct osp_buf b;
    osp_buf_init(&b, 0);
    IGN(osp_buf_adds(&b, fn->a[0]->name));
    for (size_t i = 1; i < fn->n; i++) {
        if (fn->a[i]->kind != TM_VALUE || rv_kind(fn->a[i]->val) != RV_STRING) {
            osp_buf_cleanup(&b);
            rego_ps_error(p, t, "%s", "invalid function call target");
        }
        IGN(osp_buf_addc(&b, '.'));
        IGN(osp_buf_adds(&b, rv_str(fn->a[i]->val)));
    }
    const char *r = rego_arena_strndup(&p->m->arena, osp_buf_str(&b), b.len);
    osp_buf_cleanup(&b);
    if (!r)
        rego_ps_error(p, t, "%s", "policy too large");
    return r;
}

static struct rego_term *parse_call_args(struct ps *p, struct rego_term *fn, const struct rego_token *t)
{
    rego_ps_next(p); /* ( */
    struct plist args = {0};
    while (rego_ps_peek(p)->type != TK_RPAREN) {
        rego_ps_push(p, &args, rego_ps_term_in(p, false));
        if (rego_ps_peek(p)->type != TK_COMMA)
            break;
        rego_ps_next(p);
    }
    rego_ps_expect(p, TK_RPAREN);
    const char *name = call_name(p, fn, t);
    if (!strcmp(name, "set") && args.n == 0)
        return mk(p, TM_SET, t);
    struct rego_term *c = mk(p, TM_CALL, t);
    c->fn = fn;
    c->name = name;
    c->n = args.n;
    c->a = (struct rego_term **)rego_ps_done(p, &args);
    return c;
}

/* Postfix: .name, [term], (args). Builds TM_REF around the head. */
struct rego_term *rego_ps_postfix(struct ps *p, struct rego_term *head, const struct rego_token *start)
{
    struct plist ops = {0};
    for (;;) {
        const struct rego_token *t = rego_ps_peek(p);
        if (t->type == TK_DOT && !t->nl_before) {
            rego_ps_next(p);
            const struct rego_token *id = rego_ps_expect(p, TK_IDENT);
            rego_ps_push(p, &ops, mk_str(p, p->src + id->off, id->len, id));
        } else if (t->type == TK_LBRACK && !t->ws_before) {
            rego_ps_next(p);
            rego_ps_push(p, &ops, rego_ps_term_in(p, false));
            rego_ps_expect(p, TK_RBRACK);
        } else if (t->type == TK_LPAREN && !t->ws_before && !ops.n && head->kind == TM_VAR) {
            head = parse_call_args(p, head, start);
        } else if (t->type == TK_LPAREN && !t->ws_before && ops.n) {
            struct rego_term *ref = mk(p, TM_REF, start);
            rego_ps_push(p, &ops, NULL);
            memmove(ops.v + 1, ops.v, (ops.n - 1) * sizeof(void *));
            ops.v[0] = head;
            ref->n = ops.n;
            ref->a = (struct rego_term **)rego_ps_done(p, &ops);
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
    rego_ps_push(p, &ops, NULL);
    memmove(ops.v + 1, ops.v, (ops.n - 1) * sizeof(void *));
    ops.v[0] = head;
    ref->n = ops.n;
    ref->a = (struct rego_term **)rego_ps_done(p, &ops);
    return ref;
}

static struct rego_term *parse_number_tok(struct ps *p, const struct rego_token *t, bool neg)
{
    char buf[4200];
    if (t->len + 2 > sizeof(buf))
        rego_ps_error(p, t, "%s", "number literal too long");
    size_t n = 0;
    if (neg)
        buf[n++] = '-';
    memcpy(buf + n, p->src + t->off, t->len);
    n += t->len;
    rv v = rv_num_parse(buf, n);
    if (rv_is_undef(v))
        rego_ps_error(p, t, "%s", "invalid number");
    return mk_value(p, v, t);
}

static struct rego_term *parse_primary_inner(struct ps *p);

static struct rego_term *parse_primary(struct ps *p)
{
    bool save = p->nopipe;
    const struct rego_token *t = rego_ps_peek(p);
    if (t->type == TK_LPAREN || t->type == TK_LBRACK || t->type == TK_LBRACE)
        p->nopipe = false;
    struct rego_term *r = parse_primary_inner(p);
    p->nopipe = save;
    return r;
}

static struct rego_term *parse_primary_inner(struct ps *p)
{
    if (rego_ps_peek(p)->type == TK_EOF)
        rego_ps_unexpected(p);
    const struct rego_token *t = rego_ps_next(p); /* advanced: the cases below may step back */
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
        if (rego_ps_peek(p)->type == TK_NUMBER && !rego_ps_peek(p)->ws_before)
            return parse_number_tok(p, rego_ps_next(p), true);
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
        r = rego_ps_term_in(p, true);
        rego_ps_expect(p, TK_RPAREN);
        p->depth--;
        break;
    case TK_IDENT:
        p->i--;
        if (rego_ps_kw(p, "true") || rego_ps_kw(p, "false") || rego_ps_kw(p, "null")) {
            rego_ps_next(p);
            r = mk_value(p, rego_ps_tok_is(p, t, "null") ? rv_null() : rv_bool(rego_ps_tok_is(p, t, "true")), t);
            break;
        }
        if (is_reserved(p, t) && !(peekn(p, 1)->type == TK_DOT && !peekn(p, 1)->ws_before))
            rego_ps_unexpected(p);
        rego_ps_next(p);
        r = rego_ps_var(p, t);
        break;
    default:
        p->i--;
        rego_ps_unexpected(p);
        return NULL;
    }
    return rego_ps_postfix(p, r, t);
}

struct binop {
    enum rego_tok tok;
    const char *name;
};

static const struct binop *find_op(struct ps *p, const struct binop *ops)
{
    const struct rego_token *t = rego_ps_peek(p);
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
        const struct rego_token *t = rego_ps_next(p);
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
        const struct rego_token *t = rego_ps_next(p);
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
        const struct rego_token *t = rego_ps_next(p);
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
        const struct rego_token *t = rego_ps_next(p);
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
        const struct rego_token *t = rego_ps_next(p);
        l = mk_call(p, op->name, t, l, parse_or(p), NULL);
    }
    p->depth--;
    return l;
}

struct rego_term *rego_ps_term_in(struct ps *p, bool keyval)
{
    struct rego_term *l = parse_relation(p);
    for (;;) {
        if (keyval && rego_ps_peek(p)->type == TK_COMMA && !rego_ps_peek(p)->nl_before) {
            size_t save = p->i;
            const struct rego_token *t = rego_ps_next(p);
            struct rego_term *v = parse_relation(p);
            if (!rego_ps_kw(p, "in") || rego_ps_peek(p)->nl_before) {
                p->i = save;
                return l;
            }
            rego_ps_next(p);
            l = mk_call(p, "internal.member_3", t, l, v, parse_relation(p));
            keyval = false;
            continue;
        }
        if (rego_ps_kw(p, "in") && !rego_ps_peek(p)->nl_before) {
            const struct rego_token *t = rego_ps_next(p);
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
    while (rego_ps_kw(p, "with")) {
        const struct rego_token *t = rego_ps_next(p);
        struct rego_with *w = rego_ps_alloc(p, sizeof(*w));
        w->line = t->line + p->line_off;
        w->col = t->col;
        w->target = rego_ps_postfix(p, rego_ps_var(p, rego_ps_expect(p, TK_IDENT)), t);
        if (!rego_ps_kw(p, "as"))
            rego_ps_error(p, rego_ps_peek(p), "%s", "expected as keyword");
        rego_ps_next(p);
        w->value = rego_ps_term_in(p, false);
        rego_ps_push(p, &ws, w);
    }
    if (!ws.n)
        return;
    e->with = rego_ps_alloc(p, ws.n * sizeof(*e->with));
    for (size_t i = 0; i < ws.n; i++)
        e->with[i] = *(struct rego_with *)ws.v[i];
    e->nwith = ws.n;
}

static void parse_some(struct ps *p, struct rego_expr *e)
{
    struct plist vs = {0};
    rego_ps_push(p, &vs, parse_relation(p));
    while (rego_ps_peek(p)->type == TK_COMMA && !rego_ps_peek(p)->nl_before) {
        rego_ps_next(p);
        rego_ps_push(p, &vs, parse_relation(p));
    }
    if (rego_ps_kw(p, "in") && !rego_ps_peek(p)->nl_before) {
        if (vs.n > 2)
            rego_ps_error(p, rego_ps_peek(p), "%s", "unexpected , in some declaration");
        rego_ps_next(p);
        e->kind = EX_SOMEIN;
        e->v = vs.v[vs.n - 1];
        e->k = vs.n == 2 ? vs.v[0] : NULL;
        e->coll = parse_relation(p);
        return;
    }
    for (size_t i = 0; i < vs.n; i++)
        if (((struct rego_term *)vs.v[i])->kind != TM_VAR)
            rego_ps_error(p, rego_ps_peek(p), "%s", "expected var in some declaration");
    e->kind = EX_SOME;
    e->nvars = vs.n;
    e->vars = (struct rego_term **)rego_ps_done(p, &vs);
}

static void parse_every(struct ps *p, struct rego_expr *e)
{
    e->kind = EX_EVERY;
    struct rego_term *a = parse_relation(p);
    if (rego_ps_peek(p)->type == TK_COMMA) {
        rego_ps_next(p);
        e->k = a;
        e->v = parse_relation(p);
    } else {
        e->v = a;
    }
    if (!rego_ps_kw(p, "in"))
        rego_ps_error(p, rego_ps_peek(p), "%s", "expected in keyword");
    rego_ps_next(p);
    e->coll = parse_relation(p);
    e->body = rego_ps_braced_body(p);
}

struct rego_expr *rego_ps_literal(struct ps *p)
{
    const struct rego_token *start = rego_ps_peek(p);
    struct rego_expr *e = rego_ps_alloc(p, sizeof(*e));
    e->line = start->line + p->line_off;
    e->col = start->col;
    if (rego_ps_kw(p, "some")) {
        rego_ps_next(p);
        parse_some(p, e);
    } else if (rego_ps_kw(p, "every")) {
        rego_ps_next(p);
        parse_every(p, e);
    } else {
        if (rego_ps_kw(p, "not")) {
            rego_ps_next(p);
            e->neg = true;
        }
        e->a = rego_ps_term_in(p, true);
        e->kind = EX_TERM;
        const struct rego_token *t = rego_ps_peek(p);
        if ((t->type == TK_UNIFY || t->type == TK_ASSIGN) && !t->nl_before) {
            rego_ps_next(p);
            e->kind = t->type == TK_UNIFY ? EX_UNIFY : EX_ASSIGN;
            e->b = rego_ps_term_in(p, true);
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

struct rego_body *rego_ps_literals(struct ps *p, enum rego_tok end)
{
    struct plist es = {0};
    const struct rego_token *start = rego_ps_peek(p);
    enter(p);
    while (rego_ps_peek(p)->type != end) {
        if (es.n == REGO_MAX_BODY)
            rego_ps_error(p, rego_ps_peek(p), "body has more than %d expressions", REGO_MAX_BODY);
        rego_ps_push(p, &es, rego_ps_literal(p));
        const struct rego_token *t = rego_ps_peek(p);
        if (t->type == TK_SEMI) {
            rego_ps_next(p);
            continue;
        }
        if (t->type == end)
            break;
        if (!t->nl_before)
            rego_ps_unexpected(p);
    }
    p->depth--;
    struct rego_body *b = rego_ps_alloc(p, sizeof(*b));
    b->line = start->line + p->line_off;
    b->col = start->col;
    b->n = es.n;
    b->e = (struct rego_expr **)rego_ps_done(p, &es);
    return b;
}

struct rego_body *rego_ps_braced_body(struct ps *p)
{
    rego_ps_expect(p, TK_LBRACE);
    struct rego_body *b = rego_ps_literals(p, TK_RBRACE);
    rego_ps_expect(p, TK_RBRACE);
    if (!b->n)
        rego_ps_error(p, &p->t[p->i - 1], "%s", "found empty body");
    return b;
}
