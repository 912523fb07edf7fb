/* cwfilter.c: CloudWatch Logs JSON filter patterns -> trees; DNF coverage proofs (see cwfilter.h). */
#include "core/cwfilter.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

enum cwf_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_NOT_EXISTS, OP_IS_NULL, OP_IS_TRUE, OP_IS_FALSE };
enum cwf_kind { K_ATOM, K_AND, K_OR };

struct node {
    enum cwf_kind kind;
    size_t left, right; /* K_AND / K_OR */
    enum cwf_op op;     /* K_ATOM */
    char *sel;          /* "$.eventName" */
    char *val;          /* NULL for the unary operators */
    int quoted, regex;  /* value was "..." / %...% */
};

struct tree {
    struct node *v;
    size_t n, cap, root;
};

struct cwf_pattern {
    struct tree t[2]; /* the two readings; t[1] is used only when ambiguous */
    int ambiguous;
};

struct parser {
    const char *s;
    size_t len, pos;
    int reading; /* 0: && binds tighter; 1: left to right */
    int mixed;   /* saw && and || on one level without parentheses */
    struct tree *t;
    struct osp_err *err;
};

static const char *const op_text[] = {"=", "!=", "<", "<=", ">", ">=", "NOT EXISTS", "IS NULL", "IS TRUE", "IS FALSE"};

/* ---- lexing helpers ---- */

static void skip_ws(struct parser *p)
{
    while (p->pos < p->len && isspace((unsigned char)p->s[p->pos]))
        p->pos++;
}

static int at(struct parser *p, const char *lit)
{
    size_t n = strlen(lit);
    return p->len - p->pos >= n && !memcmp(p->s + p->pos, lit, n);
}

/* Case-insensitive keyword followed by a non-word character. */
static int at_word(struct parser *p, const char *w)
{
    size_t n = strlen(w);
    if (p->len - p->pos < n || strncasecmp(p->s + p->pos, w, n))
        return 0;
    return p->pos + n == p->len || !(isalnum((unsigned char)p->s[p->pos + n]) || p->s[p->pos + n] == '_');
}

static enum osp_code fail(struct parser *p, const char *what)
{
    if (p->pos >= p->len)
        return osp_err_set(p->err, OSP_EPARSE, "offset %zu: %s, found the end of the pattern", p->pos, what);
    unsigned char c = (unsigned char)p->s[p->pos];
    if (isspace(c))
        return osp_err_set(p->err, OSP_EPARSE, "offset %zu: %s, found white space", p->pos, what);
    if (isgraph(c))
        return osp_err_set(p->err, OSP_EPARSE, "offset %zu: %s, found '%c'", p->pos, what, c);
    return osp_err_set(p->err, OSP_EPARSE, "offset %zu: %s, found byte 0x%02x", p->pos, what, c);
}

static int sel_char(unsigned char c)
{
    return isalnum(c) || c == '_' || c == '-' || c == '@' || c == ':' || c == '$' || c == '*' || c >= 0x80;
}

/* Bare values end at space, parentheses, braces, quotes, `&&` and `||`. */
static int bare_end(struct parser *p)
{
    if (p->pos >= p->len)
        return 1;
    unsigned char c = (unsigned char)p->s[p->pos];
    return isspace(c) || strchr("(){}\"", c) != NULL || c == '\0' || at(p, "&&") || at(p, "||");
}

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* ---- tree building ---- */

static enum osp_code add_node(struct parser *p, const struct node *nd, size_t *idx)
{
    struct tree *t = p->t;
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        struct node *v = realloc(t->v, cap * sizeof(*v));
        if (!v)
            return osp_err_set(p->err, OSP_ENOMEM, "out of memory parsing a filter pattern");
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n] = *nd;
    *idx = t->n++;
    return OSP_OK;
}

static enum osp_code add_bin(struct parser *p, enum cwf_kind k, size_t l, size_t r, size_t *idx)
{
    struct node nd = {.kind = k, .left = l, .right = r};
    return add_node(p, &nd, idx);
}

static enum osp_code parse_selector(struct parser *p, char **out)
{
    size_t start = p->pos;
    if (!at(p, "$"))
        return fail(p, "expected a property selector ($.name)");
    p->pos++;
    while (p->pos < p->len) {
        char c = p->s[p->pos];
        if (c == '.' && p->pos + 1 < p->len && sel_char((unsigned char)p->s[p->pos + 1])) {
            p->pos += 2;
            while (p->pos < p->len && sel_char((unsigned char)p->s[p->pos]))
                p->pos++;
        } else if (c == '[') {
            p->pos++;
            size_t d = p->pos;
            while (p->pos < p->len && (isdigit((unsigned char)p->s[p->pos]) || p->s[p->pos] == '*'))
                p->pos++;
            if (p->pos == d || !at(p, "]"))
                return fail(p, "expected an array index and ']'");
            p->pos++;
        } else {
            break;
        }
    }
    if (p->pos == start + 1)
        return fail(p, "expected '.' and a property name after '$'");
    if (!(*out = dup_n(p->s + start, p->pos - start)))
        return osp_err_set(p->err, OSP_ENOMEM, "out of memory parsing a filter pattern");
    return OSP_OK;
}

static enum osp_code parse_value(struct parser *p, struct node *nd)
{
    skip_ws(p);
    if (at(p, "\"")) {
        struct osp_buf b;
        osp_buf_init(&b, 0);
        p->pos++;
        while (p->pos < p->len && p->s[p->pos] != '"') {
            char c = p->s[p->pos++];
            if (c == '\\' && p->pos < p->len)
                c = p->s[p->pos++];
            if (osp_buf_addc(&b, c)) {
                osp_buf_cleanup(&b);
                return osp_err_set(p->err, OSP_ENOMEM, "out of memory parsing a filter pattern");
            }
        }
        if (p->pos >= p->len) {
            osp_buf_cleanup(&b);
            return fail(p, "expected '\"' closing the value");
        }
        p->pos++;
        nd->quoted = 1;
        nd->val = osp_buf_take(&b);
        if (!nd->val)
            return osp_err_set(p->err, OSP_ENOMEM, "out of memory parsing a filter pattern");
        return OSP_OK;
    }
    size_t start = p->pos;
    if (at(p, "%")) {
        const char *end = memchr(p->s + p->pos + 1, '%', p->len - p->pos - 1);
        if (!end)
            return fail(p, "expected '%' closing the regular expression");
        p->pos = (size_t)(end - p->s) + 1;
        nd->regex = 1;
    } else {
        while (!bare_end(p))
            p->pos++;
        if (p->pos == start)
            return fail(p, "expected a value");
    }
    if (!(nd->val = dup_n(p->s + start, p->pos - start)))
        return osp_err_set(p->err, OSP_ENOMEM, "out of memory parsing a filter pattern");
    return OSP_OK;
}

static enum osp_code parse_comparison(struct parser *p, size_t *idx)
{
    struct node nd = {.kind = K_ATOM};
    enum osp_code rc = parse_selector(p, &nd.sel);
    if (rc)
        return rc;
    skip_ws(p);
    int unary = 1;
    if (at_word(p, "NOT")) {
        p->pos += 3;
        skip_ws(p);
        if (!at_word(p, "EXISTS")) {
            rc = fail(p, "expected EXISTS after NOT");
            goto bad;
        }
        p->pos += 6;
        nd.op = OP_NOT_EXISTS;
    } else if (at_word(p, "IS")) {
        p->pos += 2;
        skip_ws(p);
        if (at_word(p, "NULL"))
            nd.op = OP_IS_NULL;
        else if (at_word(p, "TRUE"))
            nd.op = OP_IS_TRUE;
        else if (at_word(p, "FALSE"))
            nd.op = OP_IS_FALSE;
        else {
            rc = fail(p, "expected NULL, TRUE or FALSE after IS");
            goto bad;
        }
        p->pos += nd.op == OP_IS_FALSE ? 5 : 4;
    } else {
        unary = 0;
        static const struct {
            const char *lit;
            enum cwf_op op;
        } ops[] = {{"!=", OP_NE}, {"<=", OP_LE}, {">=", OP_GE}, {"=", OP_EQ}, {"<", OP_LT}, {">", OP_GT}};
        size_t i = 0;
        while (i < sizeof(ops) / sizeof(ops[0]) && !at(p, ops[i].lit))
            i++;
        if (i == sizeof(ops) / sizeof(ops[0])) {
            rc = fail(p, "expected =, !=, <, <=, >, >=, IS or NOT EXISTS");
            goto bad;
        }
        p->pos += strlen(ops[i].lit);
        nd.op = ops[i].op;
    }
    if (!unary && (rc = parse_value(p, &nd)))
        goto bad;
    if ((rc = add_node(p, &nd, idx)))
        goto bad;
    return OSP_OK;
bad:
    free(nd.sel);
    free(nd.val);
    return rc;
}

static enum osp_code parse_or(struct parser *p, int depth, size_t *idx);

static enum osp_code parse_primary(struct parser *p, int depth, size_t *idx)
{
    skip_ws(p);
    if (!at(p, "("))
        return parse_comparison(p, idx);
    if (depth >= CWF_MAX_DEPTH)
        return osp_err_set(p->err, OSP_ELIMIT, "offset %zu: parentheses nested deeper than %d", p->pos,
                           CWF_MAX_DEPTH);
    p->pos++;
    enum osp_code rc = parse_or(p, depth + 1, idx);
    if (rc)
        return rc;
    skip_ws(p);
    if (!at(p, ")"))
        return fail(p, "expected ')' or an operator (&&, ||)");
    p->pos++;
    return OSP_OK;
}

/* Reading 0: a || b where each side is c && d ...; reading 1: operators left to right. */
static enum osp_code parse_or(struct parser *p, int depth, size_t *idx)
{
    size_t acc, rhs;
    enum osp_code rc = parse_primary(p, depth, &acc);
    int seen_and = 0, seen_or = 0;
    while (!rc) {
        skip_ws(p);
        int is_and = at(p, "&&");
        if (!is_and && !at(p, "||"))
            break;
        p->pos += 2;
        seen_and |= is_and;
        seen_or |= !is_and;
        if (p->reading == 1 || is_and) {
            if (!(rc = parse_primary(p, depth, &rhs)))
                rc = add_bin(p, is_and ? K_AND : K_OR, acc, rhs, &acc);
            continue;
        }
        /* reading 0, `||`: the right side is a run of primaries joined by && */
        if ((rc = parse_primary(p, depth, &rhs)))
            break;
        for (;;) {
            skip_ws(p);
            if (!at(p, "&&"))
                break;
            p->pos += 2;
            seen_and = 1;
            size_t r2;
            if ((rc = parse_primary(p, depth, &r2)) || (rc = add_bin(p, K_AND, rhs, r2, &rhs)))
                break;
        }
        if (!rc)
            rc = add_bin(p, K_OR, acc, rhs, &acc);
    }
    p->mixed |= seen_and && seen_or;
    *idx = acc;
    return rc;
}

static void tree_free(struct tree *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].sel);
        free(t->v[i].val);
    }
    free(t->v);
    memset(t, 0, sizeof(*t));
}

static enum osp_code parse_reading(const char *text, size_t len, int reading, struct tree *t, int *mixed,
                                   struct osp_err *err)
{
    struct parser p = {.s = text, .len = len, .reading = reading, .t = t, .err = err};
    skip_ws(&p);
    if (!at(&p, "{"))
        return fail(&p, "expected '{' (only JSON filter patterns are understood)");
    p.pos++;
    enum osp_code rc = parse_or(&p, 0, &t->root);
    if (!rc) {
        skip_ws(&p);
        if (!at(&p, "}"))
            rc = fail(&p, "expected '}' or an operator (&&, ||)");
    }
    if (!rc) {
        p.pos++;
        skip_ws(&p);
        if (p.pos != p.len)
            rc = fail(&p, "expected the end of the pattern after '}'");
    }
    *mixed = p.mixed;
    return rc;
}

enum osp_code cwf_parse(const char *text, size_t len, struct cwf_pattern **out, struct osp_err *err)
{
    *out = NULL;
    struct cwf_pattern *p = calloc(1, sizeof(*p));
    if (!p)
        return osp_err_set(err, OSP_ENOMEM, "out of memory parsing a filter pattern");
    int mixed = 0, unused;
    if (len > CWF_MAX_LEN) {
        free(p);
        return osp_err_set(err, OSP_ELIMIT, "filter pattern of %zu bytes (the limit is %d)", len, CWF_MAX_LEN);
    }
    const char *nul = text ? memchr(text, '\0', len) : NULL;
    if (nul) {
        free(p);
        return osp_err_set(err, OSP_EPARSE, "offset %zu: a NUL byte in the pattern", (size_t)(nul - text));
    }
    enum osp_code rc = parse_reading(text ? text : "", text ? len : 0, 0, &p->t[0], &mixed, err);
    if (!rc && mixed) {
        p->ambiguous = 1;
        rc = parse_reading(text, len, 1, &p->t[1], &unused, err);
    }
    if (rc) {
        cwf_free(p);
        return rc;
    }
    *out = p;
    return OSP_OK;
}

void cwf_free(struct cwf_pattern *p)
{
    if (!p)
        return;
    tree_free(&p->t[0]);
    tree_free(&p->t[1]);
    free(p);
}

int cwf_ambiguous(const struct cwf_pattern *p)
{
    return p && p->ambiguous;
}

/* ---- formatting ---- */

/* One operand of an && / || run: operands of the same operator join the run without parentheses
 * (both are associative), so a long chain does not nest. */
static int fmt_run(const struct tree *t, size_t i, enum cwf_kind run, struct osp_buf *b);

static int fmt_node(const struct tree *t, size_t i, struct osp_buf *b)
{
    const struct node *n = &t->v[i];
    if (n->kind != K_ATOM)
        return osp_buf_addc(b, '(') || fmt_run(t, i, n->kind, b) || osp_buf_addc(b, ')');
    if (osp_buf_addc(b, '(') || osp_buf_adds(b, n->sel) || osp_buf_addc(b, ' ') || osp_buf_adds(b, op_text[n->op]))
        return 1;
    if (n->val) {
        if (osp_buf_addc(b, ' '))
            return 1;
        if (n->quoted) {
            if (osp_buf_addc(b, '"'))
                return 1;
            for (const char *c = n->val; *c; c++)
                if (((*c == '"' || *c == '\\') && osp_buf_addc(b, '\\')) || osp_buf_addc(b, *c))
                    return 1;
            if (osp_buf_addc(b, '"'))
                return 1;
        } else if (osp_buf_adds(b, n->val)) {
            return 1;
        }
    }
    return osp_buf_addc(b, ')');
}

static int fmt_run(const struct tree *t, size_t i, enum cwf_kind run, struct osp_buf *b)
{
    const struct node *n = &t->v[i];
    if (n->kind != run)
        return fmt_node(t, i, b);
    return fmt_run(t, n->left, run, b) || osp_buf_adds(b, run == K_AND ? " && " : " || ") ||
           fmt_run(t, n->right, run, b);
}

char *cwf_format(const struct cwf_pattern *p, int reading)
{
    const struct tree *t = &p->t[p->ambiguous && reading == 1];
    struct osp_buf b;
    osp_buf_init(&b, 0);
    if (osp_buf_adds(&b, "{ ") || fmt_node(t, t->root, &b) || osp_buf_adds(&b, " }")) {
        osp_buf_cleanup(&b);
        return NULL;
    }
    return osp_buf_take(&b);
}

/* ---- proofs ---- */

/* `*` matches any run of characters (the only wildcard CloudWatch knows). */
static int glob_match(const char *pat, const char *s)
{
    const char *star = NULL, *resume = NULL;
    while (*s) {
        if (*pat == '*') {
            star = pat++;
            resume = s;
        } else if (*pat == *s) {
            pat++;
            s++;
        } else if (star) {
            pat = star + 1;
            s = ++resume;
        } else {
            return 0;
        }
    }
    while (*pat == '*')
        pat++;
    return *pat == '\0';
}

static int same_atom(const struct node *a, const struct node *b)
{
    if (a->op != b->op || strcmp(a->sel, b->sel) || a->regex != b->regex || !a->val != !b->val)
        return 0;
    return !a->val || !strcmp(a->val, b->val);
}

static int number(const char *s, double *out)
{
    char *end;
    if (!*s)
        return 0;
    *out = strtod(s, &end);
    return *end == '\0';
}

/* 1 when every event satisfying atom a (a fact of the required pattern) satisfies atom b. */
static int implies(const struct node *a, const struct node *b)
{
    if (strcmp(a->sel, b->sel))
        return 0;
    if (same_atom(a, b))
        return 1;
    if (a->op != OP_EQ || a->regex || b->regex || !b->val || strchr(a->val, '*'))
        return 0;
    double x, y;
    switch (b->op) {
    case OP_EQ:
        return glob_match(b->val, a->val);
    case OP_NE:
        return !glob_match(b->val, a->val);
    case OP_LT:
        return number(a->val, &x) && number(b->val, &y) && x < y;
    case OP_LE:
        return number(a->val, &x) && number(b->val, &y) && x <= y;
    case OP_GT:
        return number(a->val, &x) && number(b->val, &y) && x > y;
    case OP_GE:
        return number(a->val, &x) && number(b->val, &y) && x >= y;
    default:
        return 0;
    }
}

/* A conjunction: indices of atoms of the required tree. */
struct conj {
    size_t *a;
    size_t n;
};
struct dnf {
    struct conj *c;
    size_t n;
};

static void dnf_free(struct dnf *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->c[i].a);
    free(d->c);
    d->c = NULL;
    d->n = 0;
}

/* 0 on success; 1 on out of memory or more than CWF_MAX_DNF conjunctions. */
static int to_dnf(const struct tree *t, size_t i, struct dnf *out)
{
    const struct node *n = &t->v[i];
    out->c = NULL;
    out->n = 0;
    if (n->kind == K_ATOM) {
        out->c = malloc(sizeof(*out->c));
        if (!out->c || !(out->c[0].a = malloc(sizeof(size_t)))) {
            free(out->c);
            out->c = NULL;
            return 1;
        }
        out->c[0].a[0] = i;
        out->c[0].n = 1;
        out->n = 1;
        return 0;
    }
    struct dnf l, r;
    if (to_dnf(t, n->left, &l))
        return 1;
    if (to_dnf(t, n->right, &r)) {
        dnf_free(&l);
        return 1;
    }
    if (n->kind == K_OR) {
        if (l.n + r.n > CWF_MAX_DNF || !(out->c = malloc((l.n + r.n) * sizeof(*out->c))))
            goto fail;
        memcpy(out->c, l.c, l.n * sizeof(*l.c));
        memcpy(out->c + l.n, r.c, r.n * sizeof(*r.c));
        out->n = l.n + r.n;
        free(l.c);
        free(r.c);
        return 0;
    }
    if (l.n * r.n > CWF_MAX_DNF || !(out->c = calloc(l.n * r.n, sizeof(*out->c))))
        goto fail;
    for (size_t x = 0; x < l.n; x++) {
        for (size_t y = 0; y < r.n; y++) {
            struct conj *c = &out->c[out->n];
            if (!(c->a = malloc((l.c[x].n + r.c[y].n) * sizeof(size_t)))) {
                dnf_free(out);
                goto fail;
            }
            memcpy(c->a, l.c[x].a, l.c[x].n * sizeof(size_t));
            memcpy(c->a + l.c[x].n, r.c[y].a, r.c[y].n * sizeof(size_t));
            c->n = l.c[x].n + r.c[y].n;
            out->n++;
        }
    }
    dnf_free(&l);
    dnf_free(&r);
    return 0;
fail:
    dnf_free(&l);
    dnf_free(&r);
    return 1;
}

/* Does the filter hold for every event satisfying conjunction c of tree rt? The filter has no
 * negation above its atoms, so an atom not implied by c is taken as false. */
static int holds(const struct tree *ft, size_t i, const struct tree *rt, const struct conj *c)
{
    const struct node *n = &ft->v[i];
    if (n->kind == K_AND)
        return holds(ft, n->left, rt, c) && holds(ft, n->right, rt, c);
    if (n->kind == K_OR)
        return holds(ft, n->left, rt, c) || holds(ft, n->right, rt, c);
    for (size_t k = 0; k < c->n; k++)
        if (implies(&rt->v[c->a[k]], n))
            return 1;
    return 0;
}

static int covers_reading(const struct tree *ft, const struct tree *rt)
{
    struct dnf d;
    if (to_dnf(rt, rt->root, &d))
        return 0;
    int ok = d.n > 0;
    for (size_t i = 0; ok && i < d.n; i++)
        ok = holds(ft, ft->root, rt, &d.c[i]);
    dnf_free(&d);
    return ok;
}

int cwf_covers(const struct cwf_pattern *filter, const struct cwf_pattern *required)
{
    if (!filter || !required)
        return 0;
    for (int r = 0; r < 2; r++) {
        const struct tree *ft = &filter->t[filter->ambiguous ? r : 0];
        const struct tree *rt = &required->t[required->ambiguous ? r : 0];
        if (!covers_reading(ft, rt))
            return 0;
    }
    return 1;
}
