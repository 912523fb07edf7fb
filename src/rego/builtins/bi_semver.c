/* bi_semver.c: semver.is_valid and semver.compare (SemVer 2.0.0 precedence, as go-semver). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

struct semver {
    long long major, minor, patch;
    const char *pre; /* points into the caller's copy; "" when absent */
    size_t prelen;
};

static int ident_ok(const char *s, size_t n)
{
    if (n == 0)
        return 1;
    size_t seg = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') {
            if (seg == 0)
                return 0;
            seg = 0;
            continue;
        }
        if (!isalnum((unsigned char)s[i]) && s[i] != '-')
            return 0;
        seg++;
    }
    return seg > 0;
}

static int num_part(const char *s, size_t n, long long *out)
{
    if (n == 0 || n > 18)
        return -1;
    long long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

static int parse_semver(const char *s, struct semver *v)
{
    size_t len = strlen(s);
    const char *plus = memchr(s, '+', len);
    size_t core_end = plus ? (size_t)(plus - s) : len;
    if (plus && !ident_ok(plus + 1, len - core_end - 1))
        return -1;
    if (plus && core_end + 1 == len)
        return -1;
    const char *dash = memchr(s, '-', core_end);
    size_t nums_end = dash ? (size_t)(dash - s) : core_end;
    v->pre = dash ? dash + 1 : "";
    v->prelen = dash ? core_end - nums_end - 1 : 0;
    if (dash && (v->prelen == 0 || !ident_ok(v->pre, v->prelen)))
        return -1;
    const char *d1 = memchr(s, '.', nums_end);
    const char *d2 = d1 ? memchr(d1 + 1, '.', nums_end - (size_t)(d1 + 1 - s)) : NULL;
    if (!d1 || !d2)
        return -1;
    return num_part(s, (size_t)(d1 - s), &v->major) || num_part(d1 + 1, (size_t)(d2 - d1 - 1), &v->minor) ||
                   num_part(d2 + 1, nums_end - (size_t)(d2 + 1 - s), &v->patch)
               ? -1
               : 0;
}

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return n > 0;
}

static int cmp_ident(const char *a, size_t an, const char *b, size_t bn)
{
    int da = all_digits(a, an), db = all_digits(b, bn);
    if (da && db) {
        if (an != bn)
            return an < bn ? -1 : 1;
        int c = memcmp(a, b, an);
        return c < 0 ? -1 : c > 0;
    }
    if (da != db)
        return da ? -1 : 1;
    size_t m = an < bn ? an : bn;
    int c = memcmp(a, b, m);
    if (c)
        return c < 0 ? -1 : 1;
    return an == bn ? 0 : an < bn ? -1 : 1;
}

static int cmp_pre(const struct semver *a, const struct semver *b)
{
    if (!a->prelen || !b->prelen)
        return a->prelen == b->prelen ? 0 : a->prelen ? -1 : 1;
    size_t i = 0, j = 0;
    while (i < a->prelen && j < b->prelen) {
        size_t ie = i, je = j;
        while (ie < a->prelen && a->pre[ie] != '.')
            ie++;
        while (je < b->prelen && b->pre[je] != '.')
            je++;
        int c = cmp_ident(a->pre + i, ie - i, b->pre + j, je - j);
        if (c)
            return c;
        i = ie + 1;
        j = je + 1;
    }
    return (i >= a->prelen) == (j >= b->prelen) ? 0 : i >= a->prelen ? -1 : 1;
}

static int cmp_ll(long long x, long long y)
{
    return x < y ? -1 : x > y;
}

BI(semver_is_valid)
{
    struct semver v;
    return bi_ok(out, rv_bool(rv_kind(a[0]) == RV_STRING && parse_semver(rv_str(a[0]), &v) == 0));
}

BI(semver_compare)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    struct semver x, y;
    for (int i = 0; i < 2; i++)
        if (parse_semver(rv_str(a[i]), i ? &y : &x) != 0)
            return rego_bi_error(bc, "operand %d: string \"%s\" is not a valid SemVer", i + 1, rv_str(a[i]));
    int c = cmp_ll(x.major, y.major);
    if (!c)
        c = cmp_ll(x.minor, y.minor);
    if (!c)
        c = cmp_ll(x.patch, y.patch);
    if (!c)
        c = cmp_pre(&x, &y);
    return bi_ok(out, rv_num_int(c));
}
