/* bi_numbers.c: arithmetic operators, rounding, numbers.range*, rand.intn and bits.*. */
#include <stdlib.h>

#include "rego/builtins/bi_int.h"

#define RANGE_MAX 10000000 /* elements numbers.range may build before it gives up */

static enum rego_bi_status two_nums(struct rego_bctx *bc, const rv *a)
{
    BI_WANT(0, RV_NUMBER);
    BI_WANT(1, RV_NUMBER);
    return REGO_BI_OK;
}

static enum rego_bi_status num_result(struct rego_bctx *bc, rv r, rv *out)
{
    if (rv_is_undef(r))
        return rego_bi_error(bc, "arithmetic result is not a finite number");
    return bi_ok(out, r);
}

BI(plus)
{
    BI_TRY(two_nums(bc, a));
    return num_result(bc, rv_num_add(a[0], a[1]), out);
}

static rv set_diff(rv x, rv y)
{
    rv r = rv_set_new();
    for (size_t i = 0; i < rv_len(x); i++)
        if (!rv_set_has(y, rv_set_at(x, i)))
            rv_set_add(&r, rv_ref(rv_set_at(x, i)));
    return r;
}

BI(minus)
{
    if (rv_kind(a[0]) == RV_NUMBER) {
        BI_WANT(1, RV_NUMBER);
        return num_result(bc, rv_num_sub(a[0], a[1]), out);
    }
    if (rv_kind(a[0]) == RV_SET) {
        BI_WANT(1, RV_SET);
        return bi_ok(out, set_diff(a[0], a[1]));
    }
    return bi_want_one_of(bc, a, 0, "number, set");
}

BI(mul)
{
    BI_TRY(two_nums(bc, a));
    return num_result(bc, rv_num_mul(a[0], a[1]), out);
}

static bool is_zero(rv n)
{
    int64_t v;
    return rv_num_to_int64(n, &v) && v == 0;
}

BI(div)
{
    BI_TRY(two_nums(bc, a));
    if (is_zero(a[1]))
        return rego_bi_error(bc, "divide by zero");
    return num_result(bc, rv_num_div(a[0], a[1]), out);
}

BI(rem)
{
    BI_TRY(two_nums(bc, a));
    if (!rv_num_is_int(a[0]) || !rv_num_is_int(a[1]))
        return rego_bi_error(bc, "modulo on floating-point number");
    if (is_zero(a[1]))
        return rego_bi_error(bc, "modulo by zero");
    return num_result(bc, rv_num_rem(a[0], a[1]), out);
}

BI(abs)
{
    BI_WANT(0, RV_NUMBER);
    return num_result(bc, rv_num_abs(a[0]), out);
}

BI(ceil)
{
    BI_WANT(0, RV_NUMBER);
    return num_result(bc, rv_num_ceil(a[0]), out);
}

BI(floor)
{
    BI_WANT(0, RV_NUMBER);
    return num_result(bc, rv_num_floor(a[0]), out);
}

BI(round)
{
    BI_WANT(0, RV_NUMBER);
    return num_result(bc, rv_num_round(a[0]), out);
}

static enum rego_bi_status build_range(struct rego_bctx *bc, int64_t from, int64_t to, uint64_t step, rv *out)
{
    uint64_t span = from <= to ? (uint64_t)to - (uint64_t)from : (uint64_t)from - (uint64_t)to;
    if (span / step >= RANGE_MAX)
        return rego_bi_error(bc, "range of %llu elements is too large", (unsigned long long)(span / step + 1));
    rv arr = rv_arr_with_cap((size_t)(span / step + 1));
    for (uint64_t k = 0; k <= span / step; k++) {
        int64_t v = from <= to ? (int64_t)((uint64_t)from + k * step) : (int64_t)((uint64_t)from - k * step);
        rv_arr_push(&arr, rv_num_int(v));
    }
    return bi_ok(out, arr);
}

BI(numbers_range)
{
    int64_t from, to;
    BI_TRY(bi_want_int(bc, a, 0, &from));
    BI_TRY(bi_want_int(bc, a, 1, &to));
    return build_range(bc, from, to, 1, out);
}

BI(numbers_range_step)
{
    int64_t from, to, step;
    BI_TRY(bi_want_int(bc, a, 0, &from));
    BI_TRY(bi_want_int(bc, a, 1, &to));
    BI_WANT(2, RV_NUMBER);
    if (!rv_num_is_int(a[2]))
        return rego_bi_type_error(bc, "operand 3 must be integer number but got floating-point number");
    if (rv_num_to_double(a[2]) <= 0)
        return rego_bi_error(bc, "step must be a positive integer");
    if (!rv_num_to_int64(a[2], &step))
        step = INT64_MAX; /* bigger than any span: only the start */
    return build_range(bc, from, to, (uint64_t)step, out);
}

BI(rand_intn)
{
    int64_t n;
    BI_WANT(0, RV_STRING);
    BI_TRY(bi_want_int(bc, a, 1, &n));
    if (n == 0)
        return bi_ok(out, rv_num_int(0));
    uint64_t un = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    rv key = rv_arr_new();
    rv_arr_push(&key, rv_str_new("rand.intn"));
    rv_arr_push(&key, rv_ref(a[0]));
    rv_arr_push(&key, rv_ref(a[1]));
    rv hit = rego_bctx_cache_get(bc, key);
    if (!rv_is_undef(hit)) {
        rv_unref(key);
        return bi_ok(out, rv_ref(hit));
    }
    int64_t r = (int64_t)(osp_random(rego_bctx_osp(bc)) % un);
    rego_bctx_cache_put(bc, key, rv_num_int(r));
    return bi_ok(out, rv_num_int(r));
}

/* ---- bits ---- */

static enum rego_bi_status two_ints(struct rego_bctx *bc, const rv *a, int64_t *x, int64_t *y)
{
    BI_TRY(bi_want_int(bc, a, 0, x));
    return bi_want_int(bc, a, 1, y);
}

BI(bits_and)
{
    int64_t x, y;
    BI_TRY(two_ints(bc, a, &x, &y));
    return bi_ok(out, rv_num_int(x & y));
}

BI(bits_or)
{
    int64_t x, y;
    BI_TRY(two_ints(bc, a, &x, &y));
    return bi_ok(out, rv_num_int(x | y));
}

BI(bits_xor)
{
    int64_t x, y;
    BI_TRY(two_ints(bc, a, &x, &y));
    return bi_ok(out, rv_num_int(x ^ y));
}

BI(bits_negate)
{
    int64_t x;
    BI_TRY(bi_want_int(bc, a, 0, &x));
    return bi_ok(out, rv_num_int(~x));
}

static enum rego_bi_status shift_args(struct rego_bctx *bc, const rv *a, int64_t *n)
{
    BI_WANT(0, RV_NUMBER);
    if (!rv_num_is_int(a[0]))
        return rego_bi_type_error(bc, "operand 1 must be integer number but got floating-point number");
    BI_TRY(bi_want_int(bc, a, 1, n));
    if (*n < 0)
        return rego_bi_type_error(bc, "operand 2 must be an unsigned integer number but got a negative integer");
    if (*n > 4096)
        return rego_bi_error(bc, "shift of %lld bits is too large", (long long)*n);
    return REGO_BI_OK;
}

static rv pow2(int64_t n)
{
    rv r = rv_num_int(1), two = rv_num_int(2);
    for (int64_t i = 0; i < n; i++) {
        rv t = rv_num_mul(r, two);
        rv_unref(r);
        r = t;
    }
    rv_unref(two);
    return r;
}

BI(bits_lsh)
{
    int64_t n;
    BI_TRY(shift_args(bc, a, &n));
    rv p = pow2(n);
    rv r = rv_num_mul(a[0], p);
    rv_unref(p);
    return num_result(bc, r, out);
}

BI(bits_rsh)
{
    int64_t n, x;
    BI_TRY(shift_args(bc, a, &n));
    if (rv_num_to_int64(a[0], &x))
        return bi_ok(out, rv_num_int(n >= 63 ? (x < 0 ? -1 : 0) : x >> n));
    rv p = pow2(n);
    rv q = rv_num_div(a[0], p);
    rv r = rv_num_floor(q);
    rv_unref(p);
    rv_unref(q);
    return num_result(bc, r, out);
}
