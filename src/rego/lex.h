/* lex.h: Rego tokens with line:col (private to src/rego/).
 *
 * rego_lex() turns a whole module into a token array (the parser needs lookahead) and
 * collects `#` comments for METADATA. The arrays are malloc'd and freed by rego_lex_free().
 */
#ifndef OSPREY_REGO_LEX_H
#define OSPREY_REGO_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

#define REGO_TOKEN_LIST(X)                                                                                             \
    X(TK_EOF, "end of file")                                                                                           \
    X(TK_IDENT, "identifier") X(TK_STRING, "string") X(TK_RAWSTRING, "raw string") X(TK_NUMBER, "number")              \
        X(TK_TEMPLATE, "template string") X(TK_RAWTEMPLATE, "raw template string") X(TK_LBRACE, "{") X(TK_RBRACE, "}") \
            X(TK_LBRACK, "[") X(TK_RBRACK, "]") X(TK_LPAREN, "(") X(TK_RPAREN, ")") X(TK_DOT, ".") X(TK_COMMA, ",")    \
                X(TK_SEMI, ";") X(TK_COLON, ":") X(TK_ASSIGN, ":=") X(TK_UNIFY, "=") X(TK_EQ, "==") X(TK_NEQ, "!=")    \
                    X(TK_LT, "<") X(TK_GT, ">") X(TK_LTE, "<=") X(TK_GTE, ">=") X(TK_PLUS, "+") X(TK_MINUS, "-")       \
                        X(TK_STAR, "*") X(TK_SLASH, "/") X(TK_PERCENT, "%") X(TK_AMP, "&") X(TK_PIPE, "|")

enum rego_tok {
#define REGO_X_TOK(name, text) name,
    REGO_TOKEN_LIST(REGO_X_TOK)
#undef REGO_X_TOK
};

struct rego_token {
    enum rego_tok type;
    size_t off, len; /* bytes of the token in the source (strings: including quotes) */
    int line, col;
    bool ws_before; /* whitespace or comment right before */
    bool nl_before; /* a newline since the previous token */
};

struct rego_comment {
    int line, col;
    size_t off, len; /* text after '#' */
};

struct rego_lexed {
    struct rego_token *toks;
    size_t ntoks;
    struct rego_comment *comments;
    size_t ncomments;
};

const char *rego_tok_text(enum rego_tok t);
/* Lex src. On error fills err with "file:line:col: rego_parse_error: msg" text (message only;
 * *eline, *ecol get the position). */
OSP_MUST_CHECK enum osp_code rego_lex(const char *src, size_t len, struct rego_lexed *out, int *eline, int *ecol,
                                      struct osp_err *err);
void rego_lex_free(struct rego_lexed *lx);

#endif
