/* eval_meta.c: evaluator builtins that read engine state: print, rego.metadata.*, opa.runtime. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "rego/eval_int.h"

int rego_print(struct ev *ev, const struct rego_term *t);
int rego_meta_rule(struct ev *ev, rv *out);
int rego_meta_chain(struct ev *ev, rv *out);
int rego_opa_runtime(struct ev *ev, rv *out);

int rego_print(struct ev *ev, const struct rego_term *t)
{
    struct osp_buf b;
    osp_buf_init(&b, 1 << 20);
    enum osp_code oc = OSP_OK;
    for (size_t i = 0; i < t->n && !oc; i++) {
        rv v;
        if (rego_eval_first(ev, t->a[i], &v)) {
            osp_buf_cleanup(&b);
            return EV_ERR;
        }
        if (i)
            oc = osp_buf_addc(&b, ' ');
        if (!oc && rv_kind(v) == RV_STRING)
            oc = osp_buf_add(&b, rv_str(v), rv_str_len(v));
        else if (!oc)
            oc = rv_rego_write(v, &b);
        rv_unref(v);
    }
    const char *file = ev->cur_rule ? ev->cur_rule->mod->file : "query";
    const struct rego_opts *o = &ev->e->opts;
    if (o->print_fn)
        o->print_fn(o->print_ud, file, t->line, osp_buf_str(&b));
    else
        osp_log(ev->e->ctx, OSP_LOG_INFO, "%s:%d: %s", file, t->line, osp_buf_str(&b));
    osp_buf_cleanup(&b);
    return EV_OK;
}

static bool scope_is(rv meta, const char *scope)
{
    return !strcmp(rv_str(rv_obj_get_s(meta, "scope")), scope);
}

int rego_meta_rule(struct ev *ev, rv *out)
{
    struct rego_rule *r = ev->cur_rule;
    if (r && rv_kind(r->meta) == RV_OBJECT && scope_is(r->meta, "rule"))
        *out = rv_ref(r->meta);
    else
        *out = rv_obj_new();
    return EV_OK;
}

static rv path_of(const char **path, size_t n)
{
    rv a = rv_arr_new();
    for (size_t i = 0; i < n; i++)
        rv_arr_push(&a, rv_str_new(path[i]));
    return a;
}

static void push_entry(rv *arr, rv meta, rv path)
{
    rv o = rv_obj_new();
    if (!rv_is_undef(meta))
        rv_obj_set(&o, rv_str_new("annotations"), rv_ref(meta));
    rv_obj_set(&o, rv_str_new("path"), path);
    rv_arr_push(arr, o);
}

/* Package-level annotations of the package at pkg (npkg entries incl. "data"). */
static void push_packages(struct ev *ev, rv *arr, const char **pkg, size_t npkg)
{
    for (size_t depth = npkg; depth > 1; depth--) {
        for (size_t i = 0; i < ev->e->nmods; i++) {
            struct rego_module *m = ev->e->mods[i];
            if (m->npkg != depth || rv_kind(m->pkg_meta) != RV_OBJECT)
                continue;
            bool same = true;
            for (size_t k = 0; k < depth && same; k++)
                same = !strcmp(m->pkgpath[k], pkg[k]);
            const char *want = depth == npkg ? "package" : "subpackages";
            if (!same || !(scope_is(m->pkg_meta, want) || scope_is(m->pkg_meta, "subpackages")))
                continue;
            push_entry(arr, m->pkg_meta, path_of(m->pkgpath + 1, m->npkg - 1));
            break;
        }
    }
}

int rego_meta_chain(struct ev *ev, rv *out)
{
    struct rego_rule *r = ev->cur_rule;
    rv arr = rv_arr_new();
    if (r) {
        rv meta = rv_kind(r->meta) == RV_OBJECT && scope_is(r->meta, "rule") ? r->meta : rv_undef();
        push_entry(&arr, meta, path_of(r->path, r->npath));
        struct rego_vnode *n = r->node;
        for (size_t i = 0; n && i <= n->nrules; i++) {
            struct rego_rule *x = i < n->nrules ? n->rules[i] : n->deflt;
            if (x && rv_kind(x->meta) == RV_OBJECT && scope_is(x->meta, "document"))
                push_entry(&arr, x->meta, path_of(r->path, r->npath));
        }
        push_packages(ev, &arr, r->mod->pkgpath, r->mod->npkg);
    }
    *out = arr;
    return EV_OK;
}

int rego_opa_runtime(struct ev *ev, rv *out)
{
    (void)ev;
    *out = rv_obj_new(); /* no runtime configuration is exposed (as OPA without a runtime) */
    return EV_OK;
}
