/* bi_aggregates.c: count, sum, product, max, min, sort, and the comparison operators. */
#include <stdlib.h>

#include "rego/builtins/bi_int.h"

static enum rego_bi_status want_coll(struct rego_bctx *bc, const rv *a)
{
    if (rv_kind(a[0]) != RV_ARRAY && rv_kind(a[0]) != RV_SET)
        return bi_want_one_of(bc, a, 0, "set, array");
    return REGO_BI_OK;
}

BI(count)
{
    switch (rv_kind(a[0])) {
    case RV_STRING:
        return bi_ok(out, rv_num_int((int64_t)bi_utf8_count(rv_str(a[0]), rv_str_len(a[0]))));
    case RV_ARRAY:
    case RV_OBJECT:
    case RV_SET:
        return bi_ok(out, rv_num_int((int64_t)rv_len(a[0])));
    default:
        return bi_want_one_of(bc, a, 0, "array, object, set, string");
    }
}

static enum rego_bi_status fold(struct rego_bctx *bc, const rv *a, rv *out, int64_t unit, rv (*op)(rv, rv))
{
    BI_TRY(want_coll(bc, a));
    rv acc = rv_num_int(unit);
    for (size_t i = 0; i < rv_len(a[0]); i++) {
        rv x = bi_elem_at(a[0], i);
        if (rv_kind(x) != RV_NUMBER) {
            rv_unref(acc);
            return bi_elem_error(bc, 0, a[0], x, "number");
        }
        rv n = op(acc, x);
        rv_unref(acc);
        if (rv_is_undef(n))
            return rego_bi_error(bc, "result is not a finite number");
        acc = n;
    }
    return bi_ok(out, acc);
}

BI(sum)
{
    return fold(bc, a, out, 0, rv_num_add);
}

BI(product)
{
    return fold(bc, a, out, 1, rv_num_mul);
}

static enum rego_bi_status extreme(struct rego_bctx *bc, const rv *a, rv *out, int sign)
{
    BI_TRY(want_coll(bc, a));
    size_t n = rv_len(a[0]);
    if (n == 0)
        return REGO_BI_UNDEF;
    rv best = bi_elem_at(a[0], 0);
    for (size_t i = 1; i < n; i++) {
        rv x = bi_elem_at(a[0], i);
        if (rv_cmp(x, best) * sign > 0)
            best = x;
    }
    return bi_ok(out, rv_ref(best));
}

BI(max)
{
    return extreme(bc, a, out, 1);
}

BI(min)
{
    return extreme(bc, a, out, -1);
}

static int cmp_rv(const void *x, const void *y)
{
    return rv_cmp(*(const rv *)x, *(const rv *)y);
}

BI(sort)
{
    BI_TRY(want_coll(bc, a));
    size_t n = rv_len(a[0]);
    rv *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!tmp)
        return bi_oom(bc);
    for (size_t i = 0; i < n; i++)
        tmp[i] = bi_elem_at(a[0], i);
    qsort(tmp, n, sizeof *tmp, cmp_rv);
    rv arr = rv_arr_with_cap(n);
    for (size_t i = 0; i < n; i++)
        rv_arr_push(&arr, rv_ref(tmp[i]));
    free(tmp);
    return bi_ok(out, arr);
}

/* ---- comparison operators: any two values, OPA's total order ---- */

BI(equal)
{
    return bi_ok(out, rv_bool(rv_equal(a[0], a[1])));
}

BI(neq)
{
    return bi_ok(out, rv_bool(!rv_equal(a[0], a[1])));
}

BI(lt)
{
    return bi_ok(out, rv_bool(rv_cmp(a[0], a[1]) < 0));
}

BI(gt)
{
    return bi_ok(out, rv_bool(rv_cmp(a[0], a[1]) > 0));
}

BI(lte)
{
    return bi_ok(out, rv_bool(rv_cmp(a[0], a[1]) <= 0));
}

BI(gte)
{
    return bi_ok(out, rv_bool(rv_cmp(a[0], a[1]) >= 0));
}
