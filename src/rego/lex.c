/* lex.c: the Rego lexer: source text -> tokens with line:col, plus comments. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rego/lex.h"

#define MAX_TOKENS (1u << 22)

const char *rego_tok_text(enum rego_tok t)
{
    static const char *const names[] = {
#define REGO_X_NAME(name, text) text,
        REGO_TOKEN_LIST(REGO_X_NAME)
#undef REGO_X_NAME
    };
    return names[t];
}

struct lx {
    const char *s;
    size_t len, pos;
    int line, col;
    struct rego_lexed *out;
    size_t tokcap, comcap;
    int *eline, *ecol;
    struct osp_err *err;
};

static void adv(struct lx *l)
{
    if (l->s[l->pos] == '\n') {
        l->line++;
        l->col = 1;
    } else if (((unsigned char)l->s[l->pos] & 0xC0) != 0x80) {
        l->col++;
    }
    l->pos++;
}

static enum osp_code fail(struct lx *l, const char *msg)
{
    *l->eline = l->line;
    *l->ecol = l->col;
    return osp_err_set(l->err, OSP_EPOLICY, "%s", msg);
}

static enum osp_code push_tok(struct lx *l, struct rego_token *t)
{
    struct rego_lexed *o = l->out;
    if (o->ntoks == l->tokcap) {
        if (l->tokcap >= MAX_TOKENS)
            return fail(l, "too many tokens");
        l->tokcap = l->tokcap ? l->tokcap * 2 : 256;
        void *p = realloc(o->toks, l->tokcap * sizeof(*t));
        if (!p)
            return osp_err_set(l->err, OSP_ENOMEM, "out of memory lexing policy");
        o->toks = p;
    }
    o->toks[o->ntoks++] = *t;
    return OSP_OK;
}

static enum osp_code add_comment(struct lx *l)
{
    struct rego_lexed *o = l->out;
    if (o->ncomments == l->comcap) {
        l->comcap = l->comcap ? l->comcap * 2 : 32;
        void *p = realloc(o->comments, l->comcap * sizeof(*o->comments));
        if (!p)
            return osp_err_set(l->err, OSP_ENOMEM, "out of memory lexing policy");
        o->comments = p;
    }
    struct rego_comment *c = &o->comments[o->ncomments++];
    c->line = l->line;
    c->col = l->col;
    adv(l); /* '#' */
    c->off = l->pos;
    while (l->pos < l->len && l->s[l->pos] != '\n')
        adv(l);
    c->len = l->pos - c->off;
    return OSP_OK;
}

/* Skip a "..." string starting at the quote; false if unterminated. */
static bool skip_string(struct lx *l)
{
    adv(l);
    while (l->pos < l->len && l->s[l->pos] != '"') {
        if (l->s[l->pos] == '\n')
            return false;
        if (l->s[l->pos] == '\\') {
            adv(l);
            if (l->pos >= l->len)
                return false;
        }
        adv(l);
    }
    if (l->pos >= l->len)
        return false;
    adv(l);
    return true;
}

static bool skip_raw(struct lx *l)
{
    adv(l);
    while (l->pos < l->len && l->s[l->pos] != '`')
        adv(l);
    if (l->pos >= l->len)
        return false;
    adv(l);
    return true;
}

/* A template string: $"..." or $`...`; braces hold expressions that may contain strings. */
static bool skip_template(struct lx *l, char q)
{
    adv(l); /* $ */
    adv(l); /* quote */
    while (l->pos < l->len && l->s[l->pos] != q) {
        char c = l->s[l->pos];
        if (c == '\\' && (q == '"' || (l->pos + 1 < l->len && l->s[l->pos + 1] == '{'))) {
            adv(l);
            if (l->pos >= l->len)
                return false;
            adv(l);
            continue;
        }
        if (c == '\n' && q == '"')
            return false;
        if (c == '{') {
            int depth = 0;
            do {
                c = l->s[l->pos];
                if (c == '{')
                    depth++;
                else if (c == '}')
                    depth--;
                if (c == '"') {
                    if (!skip_string(l))
                        return false;
                    continue;
                }
                if (c == '`') {
                    if (!skip_raw(l))
                        return false;
                    continue;
                }
                adv(l);
            } while (depth > 0 && l->pos < l->len);
            if (depth > 0)
                return false;
            continue;
        }
        adv(l);
    }
    if (l->pos >= l->len)
        return false;
    adv(l);
    return true;
}

static void skip_number(struct lx *l)
{
    while (l->pos < l->len && isdigit((unsigned char)l->s[l->pos]))
        adv(l);
    if (l->pos + 1 < l->len && l->s[l->pos] == '.' && isdigit((unsigned char)l->s[l->pos + 1])) {
        adv(l);
        while (l->pos < l->len && isdigit((unsigned char)l->s[l->pos]))
            adv(l);
    }
    if (l->pos < l->len && (l->s[l->pos] == 'e' || l->s[l->pos] == 'E')) {
        size_t save = l->pos;
        int scol = l->col;
        adv(l);
        if (l->pos < l->len && (l->s[l->pos] == '+' || l->s[l->pos] == '-'))
            adv(l);
        if (l->pos >= l->len || !isdigit((unsigned char)l->s[l->pos])) {
            l->pos = save;
            l->col = scol;
            return;
        }
        while (l->pos < l->len && isdigit((unsigned char)l->s[l->pos]))
            adv(l);
    }
}

static enum rego_tok punct(struct lx *l)
{
    char c = l->s[l->pos], d = l->pos + 1 < l->len ? l->s[l->pos + 1] : '\0';
    static const struct {
        char a, b;
        enum rego_tok t;
    } two[] = {{':', '=', TK_ASSIGN}, {'=', '=', TK_EQ}, {'!', '=', TK_NEQ}, {'<', '=', TK_LTE}, {'>', '=', TK_GTE}};
    for (size_t i = 0; i < sizeof(two) / sizeof(two[0]); i++)
        if (two[i].a == c && two[i].b == d) {
            adv(l);
            adv(l);
            return two[i].t;
        }
    static const char one[] = "{}[]().,;:=<>+-*/%&|";
    static const enum rego_tok onet[] = {TK_LBRACE, TK_RBRACE, TK_LBRACK, TK_RBRACK,  TK_LPAREN, TK_RPAREN, TK_DOT,
                                         TK_COMMA,  TK_SEMI,   TK_COLON,  TK_UNIFY,   TK_LT,     TK_GT,     TK_PLUS,
                                         TK_MINUS,  TK_STAR,   TK_SLASH,  TK_PERCENT, TK_AMP,    TK_PIPE};
    const char *p = c ? strchr(one, c) : NULL;
    if (!p)
        return TK_EOF;
    adv(l);
    return onet[p - one];
}

static enum osp_code lex_one(struct lx *l, struct rego_token *t)
{
    char c = l->s[l->pos];
    char d = l->pos + 1 < l->len ? l->s[l->pos + 1] : '\0';
    if (isalpha((unsigned char)c) || c == '_') {
        while (l->pos < l->len && (isalnum((unsigned char)l->s[l->pos]) || l->s[l->pos] == '_'))
            adv(l);
        t->type = TK_IDENT;
    } else if (isdigit((unsigned char)c)) {
        skip_number(l);
        t->type = TK_NUMBER;
    } else if (c == '"') {
        if (!skip_string(l))
            return fail(l, "non-terminated string");
        t->type = TK_STRING;
    } else if (c == '`') {
        if (!skip_raw(l))
            return fail(l, "non-terminated raw string");
        t->type = TK_RAWSTRING;
    } else if (c == '$' && (d == '"' || d == '`')) {
        if (!skip_template(l, d))
            return fail(l, "non-terminated template string");
        t->type = d == '"' ? TK_TEMPLATE : TK_RAWTEMPLATE;
    } else {
        t->type = punct(l);
        if (t->type == TK_EOF)
            return fail(l, "illegal token");
    }
    return OSP_OK;
}

enum osp_code rego_lex(const char *src, size_t len, struct rego_lexed *out, int *eline, int *ecol, struct osp_err *err)
{
    struct lx l = {src, len, 0, 1, 1, out, 0, 0, eline, ecol, err};
    memset(out, 0, sizeof(*out));
    bool ws = true, nl = true;
    enum osp_code rc;
    while (l.pos < len) {
        char c = src[l.pos];
        if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
            nl |= c == '\n';
            ws = true;
            adv(&l);
            continue;
        }
        if (c == '#') {
            if ((rc = add_comment(&l)))
                goto fail;
            ws = true;
            continue;
        }
        struct rego_token t = {TK_EOF, l.pos, 0, l.line, l.col, ws, nl};
        if ((rc = lex_one(&l, &t)))
            goto fail;
        t.len = l.pos - t.off;
        if ((rc = push_tok(&l, &t)))
            goto fail;
        ws = nl = false;
    }
    struct rego_token eof = {TK_EOF, len, 0, l.line, l.col, ws, true};
    if ((rc = push_tok(&l, &eof)))
        goto fail;
    return OSP_OK;
fail:
    rego_lex_free(out);
    return rc;
}

void rego_lex_free(struct rego_lexed *lx)
{
    free(lx->toks);
    free(lx->comments);
    memset(lx, 0, sizeof(*lx));
}
