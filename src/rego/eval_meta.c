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

int rego_meta_rule(struct ev *ev, rv *out)
{
    (void)ev;
    *out = rv_obj_new();
    return EV_OK;
}

int rego_meta_chain(struct ev *ev, rv *out)
{
    (void)ev;
    *out = rv_arr_new();
    return EV_OK;
}

int rego_opa_runtime(struct ev *ev, rv *out)
{
    (void)ev;
    *out = rv_obj_new(); /* no runtime configuration is exposed (as OPA without a runtime) */
    return EV_OK;
}
