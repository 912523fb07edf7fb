/* parse_rule.c: the Rego parser's rules, modules, METADATA blocks and entry points. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/parse_int.h"
#include "rego/value_int.h"

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
    if (rego_ps_kw(p, "if")) {
        rego_ps_next(p);
        if (rego_ps_peek(p)->type == TK_LBRACE) {
            /* `if {` opens a body, unless what follows is one object/set (comprehension)
             * expression: try the body first, and on a syntax error re-read it as a literal */
            size_t save = p->i, save_nt = p->nt;
            struct rego_token *save_t = p->t; /* an error inside a template expression unwinds
                                                 with its sub-token array still installed */
            int npend = p->npending, depth = p->depth;
            bool nopipe = p->nopipe;
            jmp_buf outer;
            memcpy(outer, p->jb, sizeof(outer));
            struct rego_body *volatile b = NULL;
            char msg[sizeof(p->msg)];
            int el = 0, ec = 0;
            if (setjmp(p->jb) == 0) {
                b = rego_ps_braced_body(p);
            } else {
                while (p->npending > npend)
                    osp_buf_cleanup(p->pending[--p->npending]);
                memcpy(msg, p->msg, sizeof(msg));
                el = p->eline;
                ec = p->ecol;
                p->t = save_t;
                p->nt = save_nt;
                p->i = save;
                p->depth = depth;
                p->nopipe = nopipe;
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
            struct rego_body *lb = rego_ps_alloc(p, sizeof(*lb));
            lb->line = rego_ps_peek(p)->line + p->line_off;
            lb->col = rego_ps_peek(p)->col;
            lb->e = rego_ps_alloc(p, sizeof(*lb->e));
            lb->e[0] = rego_ps_literal(p);
            lb->n = 1;
            memcpy(p->jb, outer, sizeof(outer));
            return lb;
        }
        struct rego_body *b = rego_ps_alloc(p, sizeof(*b));
        b->line = rego_ps_peek(p)->line + p->line_off;
        b->col = rego_ps_peek(p)->col;
        b->e = rego_ps_alloc(p, sizeof(*b->e));
        b->e[0] = rego_ps_literal(p);
        b->n = 1;
        return b;
    }
    if (rego_ps_peek(p)->type == TK_LBRACE && !rego_ps_peek(p)->nl_before) {
        if (!p->v0)
            rego_ps_error(p, rego_ps_peek(p), "%s", "`if` keyword is required before rule body");
        return rego_ps_braced_body(p);
    }
    struct rego_body *b = rego_ps_alloc(p, sizeof(*b));
    b->line = rego_ps_peek(p)->line + p->line_off;
    return b;
}

static struct rego_rule *new_rule(struct ps *p, const struct rego_token *t)
{
    struct rego_rule *r = rego_ps_alloc(p, sizeof(*r));
    r->mod = p->m;
    r->line = t->line;
    r->col = t->col;
    return r;
}

static void parse_else(struct ps *p, struct rego_rule *r)
{
    struct rego_rule *prev = r;
    while (rego_ps_kw(p, "else")) {
        const struct rego_token *t = rego_ps_next(p);
        struct rego_rule *e = new_rule(p, t);
        e->kind = r->kind;
        e->head = r->head;
        e->args = r->args;
        e->nargs = r->nargs;
        e->is_else = true;
        if (rego_ps_peek(p)->type == TK_ASSIGN || rego_ps_peek(p)->type == TK_UNIFY) {
            e->assign = rego_ps_next(p)->type == TK_ASSIGN;
            e->value = rego_ps_term_in(p, false);
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
        rego_ps_error(p, t, "%s", "invalid rule head");
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
    const struct rego_token *t = rego_ps_peek(p);
    bool is_default = false;
    if (rego_ps_kw(p, "default")) {
        rego_ps_next(p);
        is_default = true;
    }
    struct rego_rule *r = new_rule(p, rego_ps_peek(p));
    r->is_default = is_default;
    const struct rego_token *ht = rego_ps_expect(p, TK_IDENT);
    r->head = rego_ps_postfix(p, rego_ps_var(p, ht), ht);
    bool has_value = false;
    if (rego_ps_kw(p, "contains")) {
        rego_ps_next(p);
        r->kind = RK_SET;
        r->key = rego_ps_term_in(p, false);
    } else if ((rego_ps_peek(p)->type == TK_ASSIGN || rego_ps_peek(p)->type == TK_UNIFY) &&
               !rego_ps_peek(p)->nl_before) {
        r->assign = rego_ps_next(p)->type == TK_ASSIGN;
        r->value = rego_ps_term_in(p, false);
        has_value = true;
    }
    classify_head(p, r, t, has_value);
    if (is_default) {
        if (!r->value || r->kind == RK_SET)
            rego_ps_error(p, t, "%s", "default rules must have a value");
        r->body = rego_ps_alloc(p, sizeof(*r->body));
        return r;
    }
    r->body = parse_rule_body(p);
    parse_else(p, r);
    return r;
}

/* package and import paths: a var or a ref whose operands are all strings */
static struct rego_term *parse_path_ref(struct ps *p)
{
    const struct rego_token *t = rego_ps_expect(p, TK_IDENT);
    struct rego_term *r = rego_ps_postfix(p, rego_ps_var(p, t), t);
    bool ok = r->kind == TM_VAR || (r->kind == TM_REF && r->a[0]->kind == TM_VAR);
    for (size_t i = 1; ok && r->kind == TM_REF && i < r->n; i++)
        ok = r->a[i]->kind == TM_VALUE && rv_kind(r->a[i]->val) == RV_STRING;
    if (!ok)
        rego_ps_error(p, t, "%s", "invalid path: expected a name like a.b.c");
    return r;
}

static void parse_import(struct ps *p, struct plist *imps)
{
    const struct rego_token *t = rego_ps_next(p);
    struct rego_import *im = rego_ps_alloc(p, sizeof(*im));
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
        rego_ps_error(p, t, "%s", "invalid import path: must begin with input or data");
    }
    if (rego_ps_kw(p, "as")) {
        rego_ps_next(p);
        const struct rego_token *a = rego_ps_expect(p, TK_IDENT);
        im->alias = rego_arena_strndup(&p->m->arena, p->src + a->off, a->len);
    } else if (path->kind == TM_REF) {
        im->alias = rv_str(path->a[path->n - 1]->val);
    } else {
        im->alias = path->name;
    }
    rego_ps_push(p, imps, im);
}

static void set_pkg(struct ps *p, struct rego_term *ref)
{
    struct rego_module *m = p->m;
    m->pkg = ref;
    size_t n = ref->kind == TM_REF ? ref->n : 1;
    m->pkgpath = rego_ps_alloc(p, (n + 1) * sizeof(char *));
    m->pkgpath[0] = "data";
    m->pkgpath[1] = ref->kind == TM_REF ? ref->a[0]->name : ref->name;
    for (size_t i = 1; i < n; i++) {
        if (ref->a[i]->kind != TM_VALUE || rv_kind(ref->a[i]->val) != RV_STRING)
            rego_ps_error(p, rego_ps_peek(p), "%s", "package path must be made of strings");
        m->pkgpath[i + 1] = rv_str(ref->a[i]->val);
    }
    m->npkg = n + 1;
}

static void parse_module_body(struct ps *p)
{
    if (!rego_ps_tok_is(p, rego_ps_peek(p), "package"))
        rego_ps_error(p, rego_ps_peek(p), "%s", "package expected");
    rego_ps_next(p);
    set_pkg(p, parse_path_ref(p));
    struct plist imps = {0}, rules = {0};
    /* as OPA: imports may follow rules; a future/rego.v1 import affects what is parsed after it */
    while (rego_ps_peek(p)->type != TK_EOF) {
        if ((imps.n || rules.n) && !rego_ps_peek(p)->nl_before)
            rego_ps_unexpected(p);
        if (rego_ps_kw(p, "import"))
            parse_import(p, &imps);
        else
            rego_ps_push(p, &rules, parse_rule(p));
    }
    p->m->nimports = imps.n;
    struct rego_import **iv = (struct rego_import **)rego_ps_done(p, &imps);
    p->m->imports = rego_ps_alloc(p, (p->m->nimports + 1) * sizeof(*p->m->imports));
    for (size_t i = 0; i < p->m->nimports; i++)
        p->m->imports[i] = *iv[i];
    p->m->nrules = rules.n;
    p->m->rules = (struct rego_rule **)rego_ps_done(p, &rules);
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
    m->arena.max = REGO_ARENA_MAX;
    return m;
}

struct rv_keep {
    rv *v;
    size_t n, cap;
};

static struct rv_keep *keeps_of(struct rego_module *m);

rv rego_ps_keep(struct ps *p, rv v)
{
    struct rv_keep *k = keeps_of(p->m);
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 64;
        rv *q = realloc(k->v, k->cap * sizeof(rv));
        if (!q) {
            rv_unref(v);
            rego_ps_error(p, rego_ps_peek(p), "%s", "out of memory");
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
            osp_oom();
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
        *body = rego_ps_literals(p, TK_EOF);
        if (!(*body)->n)
            rego_ps_error(p, rego_ps_peek(p), "%s", "empty query");
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
        /* thaw every constant before releasing any: they share parts, and thawing one walks
         * into parts another may already have freed */
        for (size_t i = 0; m->frozen && i < k->n; i++)
            rv_thaw(k->v[i]);
        for (size_t i = 0; i < k->n; i++)
            rv_unref(k->v[i]);
        free(k->v);
        free(k);
    }
    rego_lex_free(&m->lx);
    rego_arena_free(&m->arena);
    free(m->file);
    free(m->src);
    free(m);
}
