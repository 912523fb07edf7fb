/* ast_json.c: a module's syntax tree as JSON (`osprey rego parse`), shaped like OPA's AST. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/ast.h"
#include "rego/rego.h"
#include "rego/rego_int.h"

static rv term_json(const struct rego_term *t);
static rv body_json(const struct rego_body *b);

static rv typed(const char *type, rv value)
{
    rv o = rv_obj_new();
    rv_obj_set(&o, rv_str_new("type"), rv_str_new(type));
    rv_obj_set(&o, rv_str_new("value"), value);
    return o;
}

static rv terms_json(struct rego_term *const *ts, size_t n)
{
    rv a = rv_arr_with_cap(n);
    for (size_t i = 0; i < n; i++)
        rv_arr_push(&a, term_json(ts[i]));
    return a;
}

static rv scalar_json(rv v)
{
    static const char *const names[] = {"undefined", "null", "boolean", "number", "string"};
    enum rv_kind k = rv_kind(v);
    return typed(k <= RV_STRING ? names[k] : "value", rv_ref(v));
}

static rv compr_json(const struct rego_term *t, const char *type)
{
    rv o = rv_obj_new();
    if (t->key)
        rv_obj_set(&o, rv_str_new("key"), term_json(t->key));
    rv_obj_set(&o, rv_str_new(t->key ? "value" : "term"), term_json(t->head));
    rv_obj_set(&o, rv_str_new("body"), body_json(t->body));
    return typed(type, o);
}

static rv term_json(const struct rego_term *t)
{
    if (!t)
        return rv_null();
    switch ((enum rego_term_kind)t->kind) {
    case TM_VALUE:
        return scalar_json(t->val);
    case TM_VAR:
        return typed("var", rv_str_new(t->name));
    case TM_REF:
        return typed("ref", terms_json(t->a, t->n));
    case TM_ARRAY:
        return typed("array", terms_json(t->a, t->n));
    case TM_SET:
        return typed("set", terms_json(t->a, t->n));
    case TM_OBJECT: {
        rv pairs = rv_arr_new();
        for (size_t i = 0; i + 1 < t->n; i += 2) {
            rv p = rv_arr_with_cap(2);
            rv_arr_push(&p, term_json(t->a[i]));
            rv_arr_push(&p, term_json(t->a[i + 1]));
            rv_arr_push(&pairs, p);
        }
        return typed("object", pairs);
    }
    case TM_ACOMP:
        return compr_json(t, "arraycomprehension");
    case TM_SCOMP:
        return compr_json(t, "setcomprehension");
    case TM_OCOMP:
        return compr_json(t, "objectcomprehension");
    case TM_CALL: {
        rv a = rv_arr_new();
        rv_arr_push(&a, typed("ref", rv_str_new(t->name)));
        for (size_t i = 0; i < t->n; i++)
            rv_arr_push(&a, term_json(t->a[i]));
        return typed("call", a);
    }
    case TM_TEMPLATE:
        return typed("templatestring", terms_json(t->a, t->n));
    case TM_WITHVAL:
        return typed("with", body_json(t->body));
    }
    return rv_null();
}

static rv expr_json(const struct rego_expr *e, size_t index)
{
    static const char *const kinds[] = {"term", "unify", "assign", "some", "somein", "every"};
    rv o = rv_obj_new();
    rv_obj_set(&o, rv_str_new("index"), rv_num_int((int64_t)index));
    rv_obj_set(&o, rv_str_new("kind"), rv_str_new(kinds[e->kind]));
    if (e->neg)
        rv_obj_set(&o, rv_str_new("negated"), rv_bool(true));
    rv terms = rv_arr_new();
    const struct rego_term *parts[] = {e->a, e->b, e->k, e->v, e->coll};
    for (size_t i = 0; i < 5; i++)
        if (parts[i])
            rv_arr_push(&terms, term_json(parts[i]));
    for (size_t i = 0; i < e->nvars; i++)
        rv_arr_push(&terms, term_json(e->vars[i]));
    rv_obj_set(&o, rv_str_new("terms"), terms);
    if (e->body)
        rv_obj_set(&o, rv_str_new("body"), body_json(e->body));
    if (e->nwith) {
        rv w = rv_arr_new();
        for (size_t i = 0; i < e->nwith; i++) {
            rv x = rv_obj_new();
            rv_obj_set(&x, rv_str_new("target"), term_json(e->with[i].target));
            rv_obj_set(&x, rv_str_new("value"), term_json(e->with[i].value));
            rv_arr_push(&w, x);
        }
        rv_obj_set(&o, rv_str_new("with"), w);
    }
    rv loc = rv_obj_new();
    rv_obj_set(&loc, rv_str_new("row"), rv_num_int(e->line));
    rv_obj_set(&loc, rv_str_new("col"), rv_num_int(e->col));
    rv_obj_set(&o, rv_str_new("location"), loc);
    return o;
}

static rv body_json(const struct rego_body *b)
{
    rv a = rv_arr_new();
    for (size_t i = 0; b && i < b->n; i++)
        rv_arr_push(&a, expr_json(b->e[i], i));
    return a;
}

static rv rule_json(const struct rego_rule *r)
{
    static const char *const kinds[] = {"complete", "set", "object", "function"};
    rv head = rv_obj_new();
    rv_obj_set(&head, rv_str_new("ref"), term_json(r->head));
    rv_obj_set(&head, rv_str_new("kind"), rv_str_new(kinds[r->kind]));
    if (r->nargs)
        rv_obj_set(&head, rv_str_new("args"), terms_json(r->args, r->nargs));
    if (r->key)
        rv_obj_set(&head, rv_str_new("key"), term_json(r->key));
    if (r->value)
        rv_obj_set(&head, rv_str_new("value"), term_json(r->value));
    if (r->assign)
        rv_obj_set(&head, rv_str_new("assign"), rv_bool(true));
    rv o = rv_obj_new();
    rv_obj_set(&o, rv_str_new("head"), head);
    rv_obj_set(&o, rv_str_new("body"), body_json(r->body));
    if (r->is_default)
        rv_obj_set(&o, rv_str_new("default"), rv_bool(true));
    if (r->els)
        rv_obj_set(&o, rv_str_new("else"), rule_json(r->els));
    if (r->meta_text)
        rv_obj_set(&o, rv_str_new("metadata"), rv_str_new(r->meta_text));
    rv loc = rv_obj_new();
    rv_obj_set(&loc, rv_str_new("row"), rv_num_int(r->line));
    rv_obj_set(&loc, rv_str_new("col"), rv_num_int(r->col));
    rv_obj_set(&o, rv_str_new("location"), loc);
    return o;
}

static rv module_json(const struct rego_module *m)
{
    rv o = rv_obj_new();
    rv pkg = rv_obj_new();
    rv path = rv_arr_new(); /* OPA: the package path is a ref rooted at data */
    rv_arr_push(&path, typed("var", rv_str_new("data")));
    for (size_t i = 1; i < m->npkg; i++)
        rv_arr_push(&path, typed("string", rv_str_new(m->pkgpath[i])));
    rv_obj_set(&pkg, rv_str_new("path"), path);
    if (m->pkg_meta_text)
        rv_obj_set(&pkg, rv_str_new("metadata"), rv_str_new(m->pkg_meta_text));
    rv_obj_set(&o, rv_str_new("package"), pkg);
    if (m->nimports) {
        rv imps = rv_arr_new();
        for (size_t i = 0; i < m->nimports; i++) {
            rv x = rv_obj_new();
            rv_obj_set(&x, rv_str_new("path"), term_json(m->imports[i].path));
            if (m->imports[i].alias)
                rv_obj_set(&x, rv_str_new("alias"), rv_str_new(m->imports[i].alias));
            rv_arr_push(&imps, x);
        }
        rv_obj_set(&o, rv_str_new("imports"), imps);
    }
    rv rules = rv_arr_new();
    for (size_t i = 0; i < m->nrules; i++)
        rv_arr_push(&rules, rule_json(m->rules[i]));
    rv_obj_set(&o, rv_str_new("rules"), rules);
    return o;
}

enum osp_code rego_parse_to_rv(const char *filename, const char *text, size_t len, bool v0, rv *out,
                               struct osp_err *err)
{
    struct rego_module *m;
    int line = 0, col = 0;
    enum osp_code rc = rego_parse_module(filename, text, len, v0, &m, &line, &col, err);
    if (rc) {
        char msg[400];
        snprintf(msg, sizeof(msg), "%s", err->msg);
        osp_err_init(err);
        return osp_err_set(err, OSP_EPOLICY, "%s:%d: rego_parse_error: %s", filename, line, msg);
    }
    *out = module_json(m);
    rego_module_free(m);
    return OSP_OK;
}

enum osp_code rego_parse_to_json(const char *filename, const char *text, size_t len, bool v0, char **out,
                                 struct osp_err *err)
{
    struct rego_module *m;
    int line = 0, col = 0;
    enum osp_code rc = rego_parse_module(filename, text, len, v0, &m, &line, &col, err);
    if (rc) {
        char msg[400];
        snprintf(msg, sizeof(msg), "%s", err->msg);
        osp_err_init(err);
        return osp_err_set(err, OSP_EPOLICY, "%s:%d:%d: rego_parse_error: %s", filename, line, col, msg);
    }
    rv o = module_json(m);
    *out = rv_json_dump(o, true);
    rv_unref(o);
    rego_module_free(m);
    return *out ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
}
