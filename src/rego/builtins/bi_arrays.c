/* bi_arrays.c: array.concat, array.slice, array.reverse, array.flatten. */
#include "rego/builtins/bi_int.h"

BI(array_concat)
{
    BI_WANT(0, RV_ARRAY);
    BI_WANT(1, RV_ARRAY);
    return bi_ok(out, rv_arr_concat(a[0], a[1]));
}

BI(array_slice)
{
    int64_t from, to;
    BI_WANT(0, RV_ARRAY);
    BI_TRY(bi_want_int(bc, a, 1, &from));
    BI_TRY(bi_want_int(bc, a, 2, &to));
    int64_t n = (int64_t)rv_len(a[0]);
    if (from < 0)
        from = 0;
    if (to > n)
        to = n;
    if (from >= to)
        return bi_ok(out, rv_arr_new());
    return bi_ok(out, rv_arr_slice(a[0], (size_t)from, (size_t)to));
}

BI(array_reverse)
{
    BI_WANT(0, RV_ARRAY);
    size_t n = rv_len(a[0]);
    rv arr = rv_arr_with_cap(n);
    for (size_t i = n; i > 0; i--)
        rv_arr_push(&arr, rv_ref(rv_arr_at(a[0], i - 1)));
    return bi_ok(out, arr);
}

BI(array_flatten)
{
    BI_WANT(0, RV_ARRAY);
    rv arr = rv_arr_new();
    for (size_t i = 0; i < rv_len(a[0]); i++) {
        rv x = rv_arr_at(a[0], i);
        if (rv_kind(x) != RV_ARRAY) {
            rv_arr_push(&arr, rv_ref(x));
            continue;
        }
        for (size_t k = 0; k < rv_len(x); k++)
            rv_arr_push(&arr, rv_ref(rv_arr_at(x, k)));
    }
    return bi_ok(out, arr);
}
