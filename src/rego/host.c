/* host.c: what the engine tells its host about parsed modules (source, imported packages,
 * METADATA, the input paths they read) and the one YAML reader (rego.h). */
#include <stdio.h>
#include <string.h>

#include "rego/builtins/bi_yaml.h"
#include "rego/metadata.h"
#include "rego/rego_int.h"
#include "rego/rewrite.h"

enum osp_code rego_module_source(const struct rego_engine *e, size_t i, const char **text, size_t *len,
                                 struct osp_err *err)
{
    if (i >= e->nmods)
        return osp_err_set(err, OSP_ENOTFOUND, "no module %zu", i);
    *text = e->mods[i]->src;
    *len = e->mods[i]->srclen;
    return OSP_OK;
}

enum osp_code rego_module_imports(struct rego_engine *e, size_t i, const char ***out, size_t *n, struct osp_err *err)
{
    if (i >= e->nmods)
        return osp_err_set(err, OSP_ENOTFOUND, "no module %zu", i);
    struct rego_module *m = e->mods[i];
    const char **v = rego_arena_alloc(&m->arena, (m->nimports + 1) * sizeof(char *));
    if (!v)
        return osp_err_set(err, OSP_ENOMEM, "out of memory listing %s", m->file);
    size_t k = 0;
    for (size_t j = 0; j < m->nimports; j++) {
        const struct rego_term *p = m->imports[j].path;
        if (p->kind != TM_REF || strcmp(p->a[0]->name, "data"))
            continue; /* input, future.keywords, rego.v1 */
        size_t len = 0;
        for (size_t s = 1; s < p->n; s++)
            len += strlen(rv_str(p->a[s]->val)) + 1;
        char *d = rego_arena_alloc(&m->arena, len + 1);
        if (!d)
            return osp_err_set(err, OSP_ENOMEM, "out of memory listing %s", m->file);
        size_t o = 0;
        for (size_t s = 1; s < p->n; s++) {
            const char *seg = rv_str(p->a[s]->val);
            if (o)
                d[o++] = '.';
            memcpy(d + o, seg, strlen(seg));
            o += strlen(seg);
        }
        d[o] = '\0';
        v[k++] = d;
    }
    *out = v;
    *n = k;
    return OSP_OK;
}

static enum osp_code meta_of(struct rego_module *m, const char *text, int line, const char *scope, rv *out,
                             struct osp_err *err)
{
    int eline = 0;
    struct osp_err merr;
    osp_err_init(&merr);
    if (rego_metadata_parse(text, strlen(text), scope, out, &eline, &merr))
        return osp_err_set(err, OSP_EPOLICY, "%s:%d: rego_parse_error: %s", m->file, line + eline, merr.msg);
    return OSP_OK;
}

static const char *rule_name(const struct rego_rule *r)
{
    return r->head->kind == TM_REF ? r->head->a[0]->name : r->head->name;
}

enum osp_code rego_module_annotations(struct rego_engine *e, size_t i, const char *rule, rv *out, struct osp_err *err)
{
    *out = rv_undef();
    if (i >= e->nmods)
        return osp_err_set(err, OSP_ENOTFOUND, "no module %zu", i);
    struct rego_module *m = e->mods[i];
    if (!rule)
        return m->pkg_meta_text ? meta_of(m, m->pkg_meta_text, m->pkg_meta_line, "package", out, err) : OSP_OK;
    size_t n = strlen(rule);
    bool prefix = n && rule[n - 1] == '*';
    for (size_t j = 0; j < m->nrules; j++) {
        const struct rego_rule *r = m->rules[j];
        const char *name = rule_name(r);
        if (r->meta_text && (prefix ? !strncmp(name, rule, n - 1) : !strcmp(name, rule)))
            return meta_of(m, r->meta_text, r->meta_line, "rule", out, err);
    }
    return OSP_OK;
}

/* ---- input paths ---- */

struct paths {
    size_t depth;
    rv set;
};

static void body_paths(struct rego_body *b, void *ud);

static void input_ref(struct rego_term *t, void *ud)
{
    struct paths *p = ud;
    if (t->kind != TM_REF || t->a[0]->kind != TM_VAR || t->a[0]->scope != VS_INPUT)
        return;
    rv path = rv_arr_new();
    for (size_t i = 1; i < t->n && rv_len(path) < p->depth; i++) {
        if (t->a[i]->kind != TM_VALUE || rv_kind(t->a[i]->val) != RV_STRING)
            break;
        rv_arr_push(&path, rv_ref(t->a[i]->val));
    }
    if (rv_len(path))
        rv_set_add(&p->set, path);
    else
        rv_unref(path);
}

static void term_paths(struct paths *p, struct rego_term *t)
{
    rego_visit_term(t, input_ref, body_paths, p);
}

static void body_paths(struct rego_body *b, void *ud)
{
    struct paths *p = ud;
    for (size_t i = 0; b && i < b->n; i++) {
        const struct rego_expr *e = b->e[i];
        struct rego_term *ts[] = {e->a, e->b, e->k, e->v, e->coll};
        for (size_t k = 0; k < sizeof ts / sizeof ts[0]; k++)
            term_paths(p, ts[k]);
        for (size_t k = 0; k < e->nvars; k++)
            term_paths(p, e->vars[k]);
        for (size_t k = 0; k < e->nwith; k++)
            term_paths(p, e->with[k].value);
        body_paths(e->body, p);
    }
}

enum osp_code rego_module_input_paths(struct rego_engine *e, size_t i, size_t depth, rv *out, struct osp_err *err)
{
    if (i >= e->nmods)
        return osp_err_set(err, OSP_ENOTFOUND, "no module %zu", i);
    if (!e->compiled)
        return osp_err_set(err, OSP_EINTERNAL, "input paths of %s asked before rego_compile", e->mods[i]->file);
    struct paths p = {depth, rv_set_new()};
    struct rego_module *m = e->mods[i];
    for (size_t j = 0; j < m->nrules; j++)
        for (const struct rego_rule *r = m->rules[j]; r; r = r->els) {
            term_paths(&p, r->value);
            term_paths(&p, r->key);
            for (size_t k = 0; k < r->nargs; k++)
                term_paths(&p, r->args[k]);
            body_paths(r->body, &p);
        }
    *out = p.set;
    return OSP_OK;
}

enum osp_code rego_yaml_parse(const char *text, size_t len, const char *name, rv *out, struct osp_err *err)
{
    char msg[256];
    int line = 0;
    if (bi_yaml_parse(text, len, out, msg, sizeof msg, &line) != 0)
        return osp_err_set(err, OSP_ECONFIG, "%s:%d: invalid YAML: %s", name, line, msg);
    return OSP_OK;
}
