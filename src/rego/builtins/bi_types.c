/* bi_types.c: is_* type tests, type_name and to_number. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rego/builtins/bi_int.h"

#define IS_KIND(fn, k)                                                                                                 \
    BI(fn)                                                                                                             \
    {                                                                                                                  \
        return bi_ok(out, rv_bool(rv_kind(a[0]) == (k)));                                                              \
    }

IS_KIND(is_number, RV_NUMBER)
IS_KIND(is_string, RV_STRING)
IS_KIND(is_boolean, RV_BOOL)
IS_KIND(is_array, RV_ARRAY)
IS_KIND(is_set, RV_SET)
IS_KIND(is_object, RV_OBJECT)
IS_KIND(is_null, RV_NULL)

BI(type_name)
{
    return bi_ok(out, rv_str_new(bi_tname(a[0])));
}

/* Go's strconv.ParseFloat accepts "inf", "nan" and friends; OPA rejects them as non-numbers. */
static int is_special(const char *s)
{
    if (*s == '+' || *s == '-')
        s++;
    return !strcasecmp(s, "inf") || !strcasecmp(s, "infinity") || !strcasecmp(s, "nan");
}

/* Go float syntax (underscores and hex floats aside): [+-]digits[.digits][e[+-]digits]. */
static int go_float_syntax(const char *s)
{
    if (*s == '+' || *s == '-')
        s++;
    int digits = 0;
    while (isdigit((unsigned char)*s)) {
        s++;
        digits++;
    }
    if (*s == '.') {
        s++;
        while (isdigit((unsigned char)*s)) {
            s++;
            digits++;
        }
    }
    if (!digits)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!isdigit((unsigned char)*s))
            return 0;
        while (isdigit((unsigned char)*s))
            s++;
    }
    return *s == 0;
}

BI(to_number)
{
    switch (rv_kind(a[0])) {
    case RV_NULL:
        return bi_ok(out, rv_num_int(0));
    case RV_BOOL:
        return bi_ok(out, rv_num_int(rv_is_true(a[0]) ? 1 : 0));
    case RV_NUMBER:
        return bi_ok(out, rv_ref(a[0]));
    case RV_STRING:
        break;
    default:
        return bi_want_one_of(bc, a, 0, "null, boolean, number, string");
    }
    const char *s = rv_str(a[0]);
    if (is_special(s))
        return rego_bi_type_error(bc, "operand 1 must be valid number string but got %s", s);
    if (!go_float_syntax(s))
        return rego_bi_error(bc, "strconv.ParseFloat: parsing \"%s\": invalid syntax", s);
    const char *p = *s == '+' ? s + 1 : s;
    rv n = rv_num_parse(p, strlen(p));
    if (rv_is_undef(n))
        n = rv_num_double(strtod(p, NULL)); /* ".5", "1." and the like */
    if (rv_is_undef(n))
        return rego_bi_error(bc, "strconv.ParseFloat: parsing \"%s\": value out of range", s);
    return bi_ok(out, n);
}
