/* bi_gql_parse.c: GraphQL lexer and parser (queries and SDL) producing gqlparser-shaped rv ASTs. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_gql.h"
#include "rego/builtins/bi_int.h"

#define GQL_MAX_DEPTH 128

enum tk {
    T_EOF,
    T_INVALID,
    T_BANG,
    T_DOLLAR,
    T_AMP,
    T_LPAREN,
    T_RPAREN,
    T_SPREAD,
    T_COLON,
    T_EQ,
    T_AT,
    T_LBRACK,
    T_RBRACK,
    T_LBRACE,
    T_PIPE,
    T_RBRACE,
    T_NAME,
    T_INT,
    T_FLOAT,
    T_STRING,
    T_BLOCK
};

static const char *const tk_names[] = {"<EOF>", "<Invalid>", "!",    "$",   "&",     "(",      ")",
                                       "...",   ":",         "=",    "@",   "[",     "]",      "{",
                                       "|",     "}",         "Name", "Int", "Float", "String", "BlockString"};

struct tok {
    enum tk k;
    rv val; /* names, numbers, decoded strings; undefined for punctuation */
    int line, col;
};

struct gq {
    const char *s, *end, *p;
    int line;
    const char *line_start;
    struct tok cur;
    int err, depth;
    char *msg;
    size_t msglen;
};

static void fail_at(struct gq *g, const struct tok *t, const char *what)
{
    if (g->err)
        return;
    g->err = 1;
    snprintf(g->msg, g->msglen, "%s in GraphQL string at location %d:%d", what, t->line, t->col);
}

static void tok_desc(const struct tok *t, char *out, size_t n)
{
    if (rv_is_undef(t->val))
        snprintf(out, n, "%s", tk_names[t->k]);
    else
        snprintf(out, n, "%s \"%.80s\"", tk_names[t->k], rv_str(t->val));
}

static void unexpected(struct gq *g)
{
    char d[128], m[160];
    tok_desc(&g->cur, d, sizeof d);
    snprintf(m, sizeof m, "Unexpected %s", d);
    fail_at(g, &g->cur, m);
}

/* ---- lexer ---- */

static void skip_ignored(struct gq *g)
{
    while (g->p < g->end) {
        char c = *g->p;
        if (c == '\n') {
            g->line++;
            g->line_start = ++g->p;
        } else if (c == ' ' || c == '\t' || c == ',' || c == '\r') {
            g->p++;
        } else if (c == '#') {
            while (g->p < g->end && *g->p != '\n')
                g->p++;
        } else if ((unsigned char)c == 0xEF && g->end - g->p >= 3 && (unsigned char)g->p[1] == 0xBB) {
            g->p += 3; /* BOM */
        } else {
            return;
        }
    }
}

static int lex_string(struct gq *g, struct osp_buf *b)
{
    const char *p = g->p + 1;
    while (p < g->end && *p != '"' && *p != '\n') {
        enum osp_code rc = OSP_OK;
        if (*p == '\\' && p + 1 < g->end) {
            char e = p[1];
            const char *map = strchr("\"\\/bfnrt", e);
            if (map && e) {
                rc = osp_buf_addc(b, "\"\\/\b\f\n\r\t"[map - "\"\\/bfnrt"]);
                p += 2;
            } else if (e == 'u' && g->end - p >= 6) {
                char hex[5] = {p[2], p[3], p[4], p[5], 0}, out[4];
                char *endp;
                unsigned long cp = strtoul(hex, &endp, 16);
                if (*endp)
                    return -1;
                rc = osp_buf_add(b, out, bi_utf8_enc((uint32_t)cp, out));
                p += 6;
            } else {
                return -1;
            }
        } else {
            rc = osp_buf_addc(b, *p++);
        }
        if (rc)
            return -1;
    }
    if (p >= g->end || *p != '"')
        return -1;
    g->p = p + 1;
    return 0;
}

/* Block string value: common indentation removed, blank first/last lines dropped (spec). */
static int lex_block(struct gq *g, struct osp_buf *b)
{
    const char *p = g->p + 3, *start = p;
    while (p + 2 < g->end && !(p[0] == '"' && p[1] == '"' && p[2] == '"'))
        p += (p[0] == '\\' && p + 3 < g->end && !memcmp(p + 1, "\"\"\"", 3)) ? 4 : 1;
    if (p + 2 >= g->end)
        return -1;
    for (const char *q = start; q < p; q++)
        if (*q == '\n') {
            g->line++;
            g->line_start = q + 1;
        }
    g->p = p + 3;
    size_t common = (size_t)-1;
    int first = 1;
    for (const char *l = start; l <= p; first = 0) {
        const char *e = memchr(l, '\n', (size_t)(p - l));
        e = e ? e : p;
        size_t ind = 0;
        while (l + ind < e && (l[ind] == ' ' || l[ind] == '\t'))
            ind++;
        if (!first && l + ind < e && ind < common)
            common = ind;
        l = e + 1;
    }
    int wrote = 0, pending = 0;
    first = 1;
    for (const char *l = start; l <= p; first = 0) {
        const char *e = memchr(l, '\n', (size_t)(p - l));
        e = e ? e : p;
        const char *from = (!first && common != (size_t)-1 && (size_t)(e - l) >= common) ? l + common : l;
        int blank = 1;
        for (const char *q = from; q < e; q++)
            blank &= *q == ' ' || *q == '\t';
        if (blank && !wrote) {
            l = e + 1;
            continue;
        }
        for (; pending > 0; pending--)
            if (osp_buf_addc(b, '\n'))
                return -1;
        if (blank) {
            pending++;
        } else {
            if (wrote && osp_buf_addc(b, '\n'))
                return -1;
            for (const char *q = from; q < e;) { /* \""" stands for """ */
                int esc = e - q >= 4 && !memcmp(q, "\\\"\"\"", 4);
                if (osp_buf_add(b, esc ? q + 1 : q, esc ? 3 : 1))
                    return -1;
                q += esc ? 4 : 1;
            }
            wrote = 1;
        }
        l = e + 1;
    }
    return 0;
}

/* An unterminated block string is reported where the input ends (\r, \n, \r\n count). */
static void end_of_input(struct gq *g)
{
    int line = g->cur.line;
    const char *ls = g->line_start;
    for (const char *p = g->p; p < g->end; p++) {
        if (*p == '\r' || *p == '\n') {
            if (*p == '\r' && p + 1 < g->end && p[1] == '\n')
                p++;
            line++;
            ls = p + 1;
        }
    }
    g->cur.line = line;
    g->cur.col = (int)(g->end - ls) + 1;
    g->p = g->end;
}

static void lex_number(struct gq *g)
{
    const char *p = g->p;
    int is_float = 0;
    if (*p == '-')
        p++;
    while (p < g->end && isdigit((unsigned char)*p))
        p++;
    if (p < g->end && *p == '.') {
        is_float = 1;
        p++;
        while (p < g->end && isdigit((unsigned char)*p))
            p++;
    }
    if (p < g->end && (*p == 'e' || *p == 'E')) {
        is_float = 1;
        p++;
        if (p < g->end && (*p == '+' || *p == '-'))
            p++;
        while (p < g->end && isdigit((unsigned char)*p))
            p++;
    }
    g->cur.k = is_float ? T_FLOAT : T_INT;
    g->cur.val = rv_str_newn(g->p, (size_t)(p - g->p));
    g->p = p;
}

static void next(struct gq *g)
{
    rv_unref(g->cur.val);
    g->cur.val = rv_undef();
    skip_ignored(g);
    g->cur.line = g->line;
    g->cur.col = (int)(g->p - g->line_start) + 1;
    if (g->p >= g->end) {
        g->cur.k = T_EOF;
        return;
    }
    static const char punct[] = "!$&():=@[]{|}";
    static const enum tk pk[] = {T_BANG, T_DOLLAR, T_AMP,    T_LPAREN, T_RPAREN, T_COLON, T_EQ,
                                 T_AT,   T_LBRACK, T_RBRACK, T_LBRACE, T_PIPE,   T_RBRACE};
    char c = *g->p;
    const char *pc = c ? strchr(punct, c) : NULL;
    if (pc) {
        g->cur.k = pk[pc - punct];
        g->p++;
    } else if (c == '.' && g->end - g->p >= 3 && !memcmp(g->p, "...", 3)) {
        g->cur.k = T_SPREAD;
        g->p += 3;
    } else if (isalpha((unsigned char)c) || c == '_') {
        const char *p = g->p;
        while (p < g->end && (isalnum((unsigned char)*p) || *p == '_'))
            p++;
        g->cur.k = T_NAME;
        g->cur.val = rv_str_newn(g->p, (size_t)(p - g->p));
        g->p = p;
    } else if (isdigit((unsigned char)c) || c == '-') {
        lex_number(g);
    } else if (c == '"') {
        struct osp_buf b;
        osp_buf_init(&b, 1u << 20);
        int block = g->end - g->p >= 3 && !memcmp(g->p, "\"\"\"", 3);
        g->cur.col += block ? 3 : 1; /* gqlparser places strings after their opening quotes */
        int rc = block ? lex_block(g, &b) : lex_string(g, &b);
        g->cur.k = rc ? T_INVALID : block ? T_BLOCK : T_STRING;
        if (rc && block)
            end_of_input(g);
        if (!rc) {
            size_t n = b.len;
            g->cur.val = rv_str_take(osp_buf_take(&b), n);
        }
        osp_buf_cleanup(&b);
    } else {
        g->cur.k = T_INVALID;
    }
}

/* ---- helpers ---- */

static int peek(struct gq *g, enum tk k)
{
    return !g->err && g->cur.k == k;
}

static int peek_kw(struct gq *g, const char *kw)
{
    return peek(g, T_NAME) && !strcmp(rv_str(g->cur.val), kw);
}

static int skip(struct gq *g, enum tk k)
{
    if (!peek(g, k))
        return 0;
    next(g);
    return 1;
}

static void expect(struct gq *g, enum tk k)
{
    if (skip(g, k) || g->err)
        return;
    char m[160];
    snprintf(m, sizeof m, "Expected %s, found %s", tk_names[k], tk_names[g->cur.k]);
    fail_at(g, &g->cur, m);
}

static void expect_kw(struct gq *g, const char *kw)
{
    if (peek_kw(g, kw)) {
        next(g);
        return;
    }
    char d[128], m[200];
    tok_desc(&g->cur, d, sizeof d);
    snprintf(m, sizeof m, "Expected \"%s\", found %s", kw, d);
    fail_at(g, &g->cur, m);
}

static rv name(struct gq *g)
{
    if (!peek(g, T_NAME)) {
        expect(g, T_NAME);
        return rv_str_new("");
    }
    rv v = rv_ref(g->cur.val);
    next(g);
    return v;
}

static void set(rv *o, const char *k, rv v)
{
    rv_obj_set(o, rv_str_new(k), v);
}

/* Store arr under k only when it has elements (gqlparser's nil slices disappear). */
static void set_list(rv *o, const char *k, rv arr)
{
    if (rv_len(arr))
        set(o, k, arr);
    else
        rv_unref(arr);
}

typedef rv (*item_fn)(struct gq *g, int flag);

/* open item* close; some=1 needs at least one item. */
static rv list_of(struct gq *g, enum tk open, enum tk close, int some, item_fn fn, int flag)
{
    rv arr = rv_arr_new();
    expect(g, open);
    if (some && peek(g, close)) {
        char m[120];
        snprintf(m, sizeof m, "expected at least one definition, found %s", tk_names[close]);
        fail_at(g, &g->cur, m);
    }
    while (!g->err && !skip(g, close))
        rv_arr_push(&arr, fn(g, flag));
    return arr;
}

/* ---- values, types, directives ---- */

static rv value(struct gq *g, int is_const);

static rv child_value(struct gq *g, int is_const)
{
    rv c = rv_obj_new();
    set(&c, "Name", name(g));
    expect(g, T_COLON);
    set(&c, "Value", value(g, is_const));
    return c;
}

static rv list_child(struct gq *g, int is_const)
{
    rv c = rv_obj_new();
    set(&c, "Name", rv_str_new(""));
    set(&c, "Value", value(g, is_const));
    return c;
}

static rv make_value(int kind, rv raw)
{
    rv v = rv_obj_new();
    set(&v, "Raw", raw);
    set(&v, "Kind", rv_num_int(kind));
    set(&v, "ExpectedTypeHasDefault", rv_bool(false));
    return v;
}

static rv value(struct gq *g, int is_const)
{
    if (++g->depth > GQL_MAX_DEPTH) {
        fail_at(g, &g->cur, "nesting too deep");
        g->depth--;
        return rv_null();
    }
    rv v;
    enum tk k = g->err ? T_EOF : g->cur.k;
    if (k == T_LBRACK || k == T_LBRACE) {
        v = make_value(k == T_LBRACK ? 8 : 9, rv_str_new(""));
        set_list(
            &v, "Children",
            list_of(g, k, k == T_LBRACK ? T_RBRACK : T_RBRACE, 0, k == T_LBRACK ? list_child : child_value, is_const));
    } else if (k == T_DOLLAR && !is_const) {
        next(g);
        v = make_value(0, name(g));
    } else if (k == T_INT || k == T_FLOAT || k == T_STRING || k == T_BLOCK) {
        v = make_value(k == T_INT ? 1 : k == T_FLOAT ? 2 : k == T_STRING ? 3 : 4, rv_ref(g->cur.val));
        next(g);
    } else if (k == T_NAME) {
        const char *s = rv_str(g->cur.val);
        int kind = !strcmp(s, "true") || !strcmp(s, "false") ? 5 : !strcmp(s, "null") ? 6 : 7;
        v = make_value(kind, rv_ref(g->cur.val));
        next(g);
    } else {
        unexpected(g);
        v = rv_null();
    }
    g->depth--;
    return v;
}

static rv type_ref(struct gq *g, int unused)
{
    rv t = rv_obj_new();
    if (++g->depth > GQL_MAX_DEPTH) {
        fail_at(g, &g->cur, "nesting too deep");
    } else if (skip(g, T_LBRACK)) {
        set(&t, "Elem", type_ref(g, 0));
        expect(g, T_RBRACK);
        set(&t, "NamedType", rv_str_new(""));
    } else {
        set(&t, "NamedType", name(g));
    }
    g->depth--;
    set(&t, "NonNull", rv_bool(skip(g, T_BANG)));
    return t;
}

static rv argument(struct gq *g, int is_const)
{
    return child_value(g, is_const);
}

static rv arguments(struct gq *g, int is_const)
{
    return peek(g, T_LPAREN) ? list_of(g, T_LPAREN, T_RPAREN, 0, argument, is_const) : rv_arr_new();
}

static rv directives(struct gq *g, int is_const)
{
    rv arr = rv_arr_new();
    while (skip(g, T_AT)) {
        rv d = rv_obj_new();
        set(&d, "Name", name(g));
        set_list(&d, "Arguments", arguments(g, is_const));
        set(&d, "Location", rv_str_new(""));
        rv_arr_push(&arr, d);
    }
    return arr;
}

/* ---- query documents ---- */

static rv selection(struct gq *g, int unused);

static rv selection_set(struct gq *g)
{
    if (++g->depth > GQL_MAX_DEPTH) {
        fail_at(g, &g->cur, "nesting too deep");
        g->depth--;
        return rv_arr_new();
    }
    rv s = list_of(g, T_LBRACE, T_RBRACE, 1, selection, 0);
    g->depth--;
    return s;
}

static rv field(struct gq *g)
{
    rv f = rv_obj_new(), pos = rv_arr_with_cap(2);
    rv_arr_push(&pos, rv_num_int(g->cur.line));
    rv_arr_push(&pos, rv_num_int(g->cur.col));
    set(&f, BI_GQL_POS, pos); /* for validation messages; bi_gql_strip() drops it */
    rv first = name(g);
    if (skip(g, T_COLON)) {
        set(&f, "Alias", first);
        set(&f, "Name", name(g));
    } else {
        set(&f, "Alias", rv_ref(first));
        set(&f, "Name", first);
    }
    set_list(&f, "Arguments", arguments(g, 0));
    set_list(&f, "Directives", directives(g, 0));
    if (peek(g, T_LBRACE))
        set_list(&f, "SelectionSet", selection_set(g));
    return f;
}

static rv selection(struct gq *g, int unused)
{
    if (!skip(g, T_SPREAD))
        return field(g);
    rv f = rv_obj_new();
    if (peek(g, T_NAME) && !peek_kw(g, "on")) {
        set(&f, "Name", name(g));
        set_list(&f, "Directives", directives(g, 0));
        return f;
    }
    if (peek_kw(g, "on")) {
        next(g);
        set(&f, "TypeCondition", name(g));
    } else {
        set(&f, "TypeCondition", rv_str_new(""));
    }
    set_list(&f, "Directives", directives(g, 0));
    set_list(&f, "SelectionSet", selection_set(g));
    return f;
}

static rv variable_def(struct gq *g, int unused)
{
    rv v = rv_obj_new();
    expect(g, T_DOLLAR);
    set(&v, "Variable", name(g));
    expect(g, T_COLON);
    set(&v, "Type", type_ref(g, 0));
    if (skip(g, T_EQ))
        set(&v, "DefaultValue", value(g, 1));
    set_list(&v, "Directives", directives(g, 1));
    set(&v, "Used", rv_bool(false));
    return v;
}

static rv operation(struct gq *g)
{
    rv o = rv_obj_new();
    if (peek(g, T_LBRACE)) {
        set(&o, "Operation", rv_str_new("query"));
        set(&o, "Name", rv_str_new(""));
        set_list(&o, "SelectionSet", selection_set(g));
        return o;
    }
    const char *op = rv_str(g->cur.val);
    if (strcmp(op, "query") && strcmp(op, "mutation") && strcmp(op, "subscription")) {
        unexpected(g);
        return o;
    }
    set(&o, "Operation", rv_ref(g->cur.val));
    next(g);
    set(&o, "Name", peek(g, T_NAME) ? name(g) : rv_str_new(""));
    if (peek(g, T_LPAREN))
        set_list(&o, "VariableDefinitions", list_of(g, T_LPAREN, T_RPAREN, 0, variable_def, 0));
    set_list(&o, "Directives", directives(g, 0));
    set_list(&o, "SelectionSet", selection_set(g));
    return o;
}

static rv fragment(struct gq *g)
{
    rv f = rv_obj_new();
    expect_kw(g, "fragment");
    if (peek_kw(g, "on"))
        unexpected(g);
    set(&f, "Name", name(g));
    if (peek(g, T_LPAREN))
        set_list(&f, "VariableDefinition", list_of(g, T_LPAREN, T_RPAREN, 0, variable_def, 0));
    expect_kw(g, "on");
    set(&f, "TypeCondition", name(g));
    set_list(&f, "Directives", directives(g, 0));
    set_list(&f, "SelectionSet", selection_set(g));
    return f;
}

static void init(struct gq *g, const char *src, size_t len, char *msg, size_t msglen)
{
    memset(g, 0, sizeof *g);
    g->s = g->p = g->line_start = src;
    g->end = src + len;
    g->line = 1;
    g->msg = msg;
    g->msglen = msglen;
    g->cur.val = rv_undef();
    next(g);
}

static int finish(struct gq *g, rv doc, rv *out)
{
    rv_unref(g->cur.val);
    if (g->err) {
        rv_unref(doc);
        return -1;
    }
    *out = doc;
    return 0;
}

int bi_gql_parse_query(const char *src, size_t len, rv *out, char *msg, size_t msglen)
{
    struct gq g;
    init(&g, src, len, msg, msglen);
    rv ops = rv_arr_new(), frags = rv_arr_new();
    while (!g.err && !peek(&g, T_EOF)) {
        if (peek(&g, T_LBRACE) || peek_kw(&g, "query") || peek_kw(&g, "mutation") || peek_kw(&g, "subscription"))
            rv_arr_push(&ops, operation(&g));
        else if (peek_kw(&g, "fragment"))
            rv_arr_push(&frags, fragment(&g));
        else
            unexpected(&g);
    }
    rv doc = rv_obj_new();
    set_list(&doc, "Operations", ops);
    set_list(&doc, "Fragments", frags);
    return finish(&g, doc, out);
}

/* ---- schema documents ---- */

static rv input_value_def(struct gq *g, int unused)
{
    rv a = rv_obj_new();
    set(&a, "Description", peek(g, T_STRING) || peek(g, T_BLOCK) ? rv_ref(g->cur.val) : rv_str_new(""));
    if (peek(g, T_STRING) || peek(g, T_BLOCK))
        next(g);
    set(&a, "Name", name(g));
    expect(g, T_COLON);
    set(&a, "Type", type_ref(g, 0));
    if (skip(g, T_EQ))
        set(&a, "DefaultValue", value(g, 1));
    set_list(&a, "Directives", directives(g, 1));
    return a;
}

static rv field_def(struct gq *g, int unused)
{
    rv f = rv_obj_new();
    set(&f, "Description", peek(g, T_STRING) || peek(g, T_BLOCK) ? rv_ref(g->cur.val) : rv_str_new(""));
    if (peek(g, T_STRING) || peek(g, T_BLOCK))
        next(g);
    set(&f, "Name", name(g));
    if (peek(g, T_LPAREN))
        set_list(&f, "Arguments", list_of(g, T_LPAREN, T_RPAREN, 1, input_value_def, 0));
    expect(g, T_COLON);
    set(&f, "Type", type_ref(g, 0));
    set_list(&f, "Directives", directives(g, 1));
    return f;
}

static rv enum_value_def(struct gq *g, int unused)
{
    rv e = rv_obj_new();
    set(&e, "Description", peek(g, T_STRING) || peek(g, T_BLOCK) ? rv_ref(g->cur.val) : rv_str_new(""));
    if (peek(g, T_STRING) || peek(g, T_BLOCK))
        next(g);
    if (peek_kw(g, "true") || peek_kw(g, "false") || peek_kw(g, "null")) {
        char m[120];
        snprintf(m, sizeof m, "%s is reserved and cannot be used for an enum value", rv_str(g->cur.val));
        fail_at(g, &g->cur, m);
    }
    set(&e, "Name", name(g));
    set_list(&e, "Directives", directives(g, 1));
    return e;
}

static rv implements(struct gq *g)
{
    rv arr = rv_arr_new();
    if (!peek_kw(g, "implements"))
        return arr;
    next(g);
    skip(g, T_AMP);
    do
        rv_arr_push(&arr, name(g));
    while (!g->err && skip(g, T_AMP));
    return arr;
}

static rv union_members(struct gq *g)
{
    rv arr = rv_arr_new();
    if (!skip(g, T_EQ))
        return arr;
    skip(g, T_PIPE);
    do
        rv_arr_push(&arr, name(g));
    while (!g->err && skip(g, T_PIPE));
    return arr;
}

/* scalar/type/interface/union/enum/input, after the keyword; ext=1 for extensions. */
static rv type_def(struct gq *g, rv desc, int ext)
{
    static const struct {
        const char *kw, *kind;
    } kinds[] = {{"scalar", "SCALAR"}, {"type", "OBJECT"}, {"interface", "INTERFACE"},
                 {"union", "UNION"},   {"enum", "ENUM"},   {"input", "INPUT_OBJECT"}};
    size_t k = 0;
    while (k < 6 && !peek_kw(g, kinds[k].kw))
        k++;
    rv d = rv_obj_new();
    if (k == 6) {
        unexpected(g);
        rv_unref(desc);
        return d;
    }
    next(g);
    set(&d, "Kind", rv_str_new(kinds[k].kind));
    set(&d, "Description", desc);
    set(&d, "Name", name(g));
    set(&d, "BuiltIn", rv_bool(false));
    size_t parts = 0;
    if (k == 1 || k == 2) {
        rv ifs = implements(g);
        parts += rv_len(ifs);
        set_list(&d, "Interfaces", ifs);
    }
    rv dirs = directives(g, 1);
    parts += rv_len(dirs);
    set_list(&d, "Directives", dirs);
    rv body = rv_arr_new();
    if (k == 1 || k == 2)
        body = peek(g, T_LBRACE) ? (rv_unref(body), list_of(g, T_LBRACE, T_RBRACE, 1, field_def, 0)) : body;
    else if (k == 5)
        body = peek(g, T_LBRACE) ? (rv_unref(body), list_of(g, T_LBRACE, T_RBRACE, 1, input_value_def, 0)) : body;
    else if (k == 4)
        body = peek(g, T_LBRACE) ? (rv_unref(body), list_of(g, T_LBRACE, T_RBRACE, 1, enum_value_def, 0)) : body;
    else if (k == 3)
        body = (rv_unref(body), union_members(g));
    parts += rv_len(body);
    set_list(&d, k == 4 ? "EnumValues" : k == 3 ? "Types" : "Fields", body);
    if (ext && parts == 0)
        unexpected(g);
    return d;
}

static rv operation_type(struct gq *g, int unused)
{
    rv o = rv_obj_new();
    if (!peek_kw(g, "query") && !peek_kw(g, "mutation") && !peek_kw(g, "subscription"))
        unexpected(g);
    set(&o, "Operation", name(g));
    expect(g, T_COLON);
    set(&o, "Type", name(g));
    return o;
}

static rv schema_def(struct gq *g, rv desc, int ext)
{
    rv s = rv_obj_new();
    next(g); /* "schema" */
    set(&s, "Description", desc);
    rv dirs = directives(g, 1);
    size_t parts = rv_len(dirs);
    set_list(&s, "Directives", dirs);
    if (!ext || peek(g, T_LBRACE)) {
        rv ops = list_of(g, T_LBRACE, T_RBRACE, 1, operation_type, 0);
        parts += rv_len(ops);
        set_list(&s, "OperationTypes", ops);
    }
    if (ext && parts == 0)
        unexpected(g);
    return s;
}

static int valid_location(const char *s)
{
    static const char *const locs[] = {"QUERY",
                                       "MUTATION",
                                       "SUBSCRIPTION",
                                       "FIELD",
                                       "FRAGMENT_DEFINITION",
                                       "FRAGMENT_SPREAD",
                                       "INLINE_FRAGMENT",
                                       "VARIABLE_DEFINITION",
                                       "SCHEMA",
                                       "SCALAR",
                                       "OBJECT",
                                       "FIELD_DEFINITION",
                                       "ARGUMENT_DEFINITION",
                                       "INTERFACE",
                                       "UNION",
                                       "ENUM",
                                       "ENUM_VALUE",
                                       "INPUT_OBJECT",
                                       "INPUT_FIELD_DEFINITION"};
    for (size_t i = 0; i < sizeof locs / sizeof locs[0]; i++)
        if (!strcmp(s, locs[i]))
            return 1;
    return 0;
}

static rv directive_def(struct gq *g, rv desc)
{
    rv d = rv_obj_new();
    next(g); /* "directive" */
    expect(g, T_AT);
    set(&d, "Description", desc);
    set(&d, "Name", name(g));
    if (peek(g, T_LPAREN))
        set_list(&d, "Arguments", list_of(g, T_LPAREN, T_RPAREN, 1, input_value_def, 0));
    int rep = peek_kw(g, "repeatable");
    if (rep)
        next(g);
    set(&d, "IsRepeatable", rv_bool(rep));
    expect_kw(g, "on");
    skip(g, T_PIPE);
    rv locs = rv_arr_new();
    do {
        if (peek(g, T_NAME) && !valid_location(rv_str(g->cur.val)))
            unexpected(g);
        rv_arr_push(&locs, name(g));
    } while (!g->err && skip(g, T_PIPE));
    set(&d, "Locations", locs);
    return d;
}

int bi_gql_parse_schema(const char *src, size_t len, rv *out, char *msg, size_t msglen)
{
    struct gq g;
    init(&g, src, len, msg, msglen);
    rv defs = rv_arr_new(), exts = rv_arr_new(), schema = rv_arr_new(), sext = rv_arr_new(), dirs = rv_arr_new();
    while (!g.err && !peek(&g, T_EOF)) {
        rv desc = rv_str_new("");
        struct tok dtok = g.cur;
        if (peek(&g, T_STRING) || peek(&g, T_BLOCK)) {
            rv_unref(desc);
            desc = rv_ref(g.cur.val);
            dtok.val = rv_undef();
            next(&g);
        }
        if (peek_kw(&g, "schema")) {
            rv_arr_push(&schema, schema_def(&g, desc, 0));
        } else if (peek_kw(&g, "directive")) {
            rv_arr_push(&dirs, directive_def(&g, desc));
        } else if (peek_kw(&g, "extend")) {
            if (rv_str_len(desc)) { /* descriptions are not allowed on extensions */
                struct tok t = dtok;
                t.val = desc;
                t.k = T_STRING;
                char d[128], m[160];
                tok_desc(&t, d, sizeof d);
                snprintf(m, sizeof m, "Unexpected %s", d);
                fail_at(&g, &t, m);
            }
            rv_unref(desc);
            next(&g);
            if (peek_kw(&g, "schema"))
                rv_arr_push(&sext, schema_def(&g, rv_str_new(""), 1));
            else
                rv_arr_push(&exts, type_def(&g, rv_str_new(""), 1));
        } else if (peek(&g, T_NAME)) {
            rv_arr_push(&defs, type_def(&g, desc, 0));
        } else {
            rv_unref(desc);
            unexpected(&g);
        }
    }
    rv doc = rv_obj_new();
    set_list(&doc, "Schema", schema);
    set_list(&doc, "SchemaExtension", sext);
    set_list(&doc, "Directives", dirs);
    set_list(&doc, "Definitions", defs);
    set_list(&doc, "Extensions", exts);
    return finish(&g, doc, out);
}

rv bi_gql_strip(rv v)
{
    if (rv_kind(v) == RV_ARRAY) {
        rv r = rv_arr_with_cap(rv_len(v));
        for (size_t i = 0; i < rv_len(v); i++)
            rv_arr_push(&r, bi_gql_strip(rv_arr_at(v, i)));
        return r;
    }
    if (rv_kind(v) != RV_OBJECT)
        return rv_ref(v);
    rv r = rv_obj_new();
    for (size_t i = 0; i < rv_len(v); i++) {
        rv k = rv_obj_key_at(v, i);
        if (rv_kind(k) == RV_STRING && !strcmp(rv_str(k), BI_GQL_POS))
            continue;
        rv_obj_set(&r, rv_ref(k), bi_gql_strip(rv_obj_val_at(v, i)));
    }
    return r;
}
