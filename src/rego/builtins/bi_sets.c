/* bi_sets.c: union and intersection of a set of sets, and the set operators & and |. */
#include "rego/builtins/bi_int.h"

static rv set_union(rv x, rv y)
{
    rv r = rv_ref(x);
    for (size_t i = 0; i < rv_len(y); i++)
        rv_set_add(&r, rv_ref(rv_set_at(y, i)));
    return r;
}

static rv set_inter(rv x, rv y)
{
    rv r = rv_set_new();
    for (size_t i = 0; i < rv_len(x); i++)
        if (rv_set_has(y, rv_set_at(x, i)))
            rv_set_add(&r, rv_ref(rv_set_at(x, i)));
    return r;
}

static enum rego_bi_status want_sets(struct rego_bctx *bc, const rv *a)
{
    BI_WANT(0, RV_SET);
    for (size_t i = 0; i < rv_len(a[0]); i++)
        if (rv_kind(rv_set_at(a[0], i)) != RV_SET)
            return bi_elem_error(bc, 0, a[0], rv_set_at(a[0], i), "set");
    return REGO_BI_OK;
}

BI(union)
{
    BI_TRY(want_sets(bc, a));
    rv r = rv_set_new();
    for (size_t i = 0; i < rv_len(a[0]); i++) {
        rv n = set_union(r, rv_set_at(a[0], i));
        rv_unref(r);
        r = n;
    }
    return bi_ok(out, r);
}

BI(intersection)
{
    BI_TRY(want_sets(bc, a));
    if (rv_len(a[0]) == 0)
        return bi_ok(out, rv_set_new());
    rv r = rv_ref(rv_set_at(a[0], 0));
    for (size_t i = 1; i < rv_len(a[0]); i++) {
        rv n = set_inter(r, rv_set_at(a[0], i));
        rv_unref(r);
        r = n;
    }
    return bi_ok(out, r);
}

BI(set_and)
{
    BI_WANT(0, RV_SET);
    BI_WANT(1, RV_SET);
    return bi_ok(out, set_inter(a[0], a[1]));
}

BI(set_or)
{
    BI_WANT(0, RV_SET);
    BI_WANT(1, RV_SET);
    return bi_ok(out, set_union(a[0], a[1]));
}
