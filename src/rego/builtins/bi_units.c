/* bi_units.c: units.parse and units.parse_bytes (decimal and binary SI suffixes, exact). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

#define MAX_AMOUNT 200

struct unit {
    const char *name;
    int pow10; /* decimal exponent, or */
    int pow2;  /* binary exponent */
};

/* OPA's split of "3.2E2MiB" into "3.2E2" and "MiB": an e/E is part of the number only
 * when a digit or sign follows it. */
static size_t number_end(const char *s)
{
    size_t i = 0;
    for (; s[i]; i++) {
        char c = s[i];
        if (isdigit((unsigned char)c) || c == '.' || c == '+' || c == '-')
            continue;
        if (c == 'e' || c == 'E') {
            char n = s[i + 1];
            if (!n || (!isdigit((unsigned char)n) && n != '+' && n != '-'))
                return i;
            if (n == '+' || n == '-')
                i++;
            continue;
        }
        return i;
    }
    return i;
}

/* Parse a decimal amount into sign, digits (no leading zeros) and a power of ten. */
static int parse_amount(const char *s, size_t n, int *neg, char *digits, size_t dcap, long *exp10)
{
    size_t i = 0, k = 0;
    int dot = 0, any = 0;
    long e = 0;
    *neg = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        *neg = s[i++] == '-';
    for (; i < n && (isdigit((unsigned char)s[i]) || s[i] == '.'); i++) {
        if (s[i] == '.') {
            if (dot++)
                return -1;
            continue;
        }
        any = 1;
        if (k == 0 && s[i] == '0') {
            if (dot)
                e--;
            continue;
        }
        if (k + 1 >= dcap)
            return -1;
        digits[k++] = s[i];
        if (dot)
            e--;
    }
    if (!any)
        return -1;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        char *end;
        long x = strtol(s + i + 1, &end, 10);
        if (end != s + n || x > 400 || x < -400)
            return -1;
        e += x;
        i = n;
    }
    if (i != n)
        return -1;
    digits[k] = 0;
    *exp10 = e;
    return 0;
}

/* digits * 10^exp10 as an exact decimal number value. */
static rv decimal(int neg, const char *digits, long exp10)
{
    char buf[MAX_AMOUNT + 900];
    size_t n = strlen(digits), k = 0;
    if (n == 0)
        return rv_num_int(0);
    if (exp10 > 400 || exp10 < -400)
        return rv_undef();
    if (neg)
        buf[k++] = '-';
    if (exp10 >= 0) {
        memcpy(buf + k, digits, n);
        k += n;
        for (long i = 0; i < exp10; i++)
            buf[k++] = '0';
    } else if ((long)n > -exp10) {
        size_t ip = n - (size_t)-exp10;
        memcpy(buf + k, digits, ip);
        k += ip;
        buf[k++] = '.';
        memcpy(buf + k, digits + ip, n - ip);
        k += n - ip;
    } else {
        buf[k++] = '0';
        buf[k++] = '.';
        for (long i = 0; i < -exp10 - (long)n; i++)
            buf[k++] = '0';
        memcpy(buf + k, digits, n);
        k += n;
    }
    buf[k] = 0;
    return rv_num_parse(buf, k);
}

static rv times_pow2(rv v, int p)
{
    rv m = rv_num_int((int64_t)1 << (p > 60 ? 60 : p));
    rv r = rv_num_mul(v, m);
    rv_unref(m);
    for (int left = p - 60; left > 0; left -= 10) {
        rv k = rv_num_int(1024);
        rv t = rv_num_mul(r, k);
        rv_unref(r);
        rv_unref(k);
        r = t;
    }
    return r;
}

static const struct unit *find_unit(const struct unit *tab, size_t n, const char *u)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(tab[i].name, u))
            return &tab[i];
    return NULL;
}

static const struct unit amount_units[] = {{"", 0, 0},    {"m", -3, 0},  {"k", 3, 0},   {"K", 3, 0},   {"ki", 0, 10},
                                           {"Ki", 0, 10}, {"M", 6, 0},   {"mi", 0, 20}, {"Mi", 0, 20}, {"g", 9, 0},
                                           {"G", 9, 0},   {"gi", 0, 30}, {"Gi", 0, 30}, {"t", 12, 0},  {"T", 12, 0},
                                           {"ti", 0, 40}, {"Ti", 0, 40}, {"p", 15, 0},  {"P", 15, 0},  {"pi", 0, 50},
                                           {"Pi", 0, 50}, {"e", 18, 0},  {"E", 18, 0},  {"ei", 0, 60}, {"Ei", 0, 60}};

static const struct unit byte_units[] = {{"", 0, 0},     {"kb", 3, 0},   {"k", 3, 0},    {"kib", 0, 10}, {"ki", 0, 10},
                                         {"mb", 6, 0},   {"m", 6, 0},    {"mib", 0, 20}, {"mi", 0, 20},  {"gb", 9, 0},
                                         {"g", 9, 0},    {"gib", 0, 30}, {"gi", 0, 30},  {"tb", 12, 0},  {"t", 12, 0},
                                         {"tib", 0, 40}, {"ti", 0, 40},  {"pb", 15, 0},  {"p", 15, 0},   {"pib", 0, 50},
                                         {"pi", 0, 50},  {"eb", 18, 0},  {"e", 18, 0},   {"eib", 0, 60}, {"ei", 0, 60}};

static enum rego_bi_status parse_units(struct rego_bctx *bc, const rv *a, rv *out, int bytes)
{
    BI_WANT(0, RV_STRING);
    const char *what = bytes ? "byte amount" : "amount";
    char raw[MAX_AMOUNT + 1];
    size_t k = 0;
    for (const char *p = rv_str(a[0]); *p; p++) {
        if (*p == '"')
            continue;
        if (*p == ' ')
            return rego_bi_error(bc, "spaces not allowed in resource strings");
        if (k >= MAX_AMOUNT)
            return rego_bi_error(bc, "could not parse %s to a number", what);
        raw[k++] = bytes ? (char)tolower((unsigned char)*p) : *p;
    }
    raw[k] = 0;
    size_t ne = number_end(raw);
    if (ne == 0)
        return rego_bi_error(bc, "no %s provided", what);
    char unit[MAX_AMOUNT + 1];
    snprintf(unit, sizeof unit, "%s", raw + ne);
    for (size_t i = 1; !bytes && unit[0] && unit[i]; i++) /* only the first letter keeps its case */
        unit[i] = (char)tolower((unsigned char)unit[i]);
    const struct unit *u = bytes ? find_unit(byte_units, sizeof byte_units / sizeof byte_units[0], unit)
                                 : find_unit(amount_units, sizeof amount_units / sizeof amount_units[0], unit);
    if (!u)
        return rego_bi_error(bc, "%sunit %s not recognized", bytes ? "byte " : "", raw + ne);
    int neg;
    long e;
    char digits[MAX_AMOUNT + 1];
    if (parse_amount(raw, ne, &neg, digits, sizeof digits, &e) != 0)
        return rego_bi_error(bc, "could not parse %s to a number", what);
    rv v = decimal(neg, digits, e + u->pow10);
    if (!rv_is_undef(v) && u->pow2) {
        rv t = times_pow2(v, u->pow2);
        rv_unref(v);
        v = t;
    }
    if (rv_is_undef(v))
        return rego_bi_error(bc, "could not parse %s to a number", what);
    if (bytes && !rv_num_is_int(v)) { /* whole bytes, rounded toward zero */
        rv t = neg ? rv_num_ceil(v) : rv_num_floor(v);
        rv_unref(v);
        v = t;
    }
    return bi_ok(out, v);
}

BI(units_parse)
{
    return parse_units(bc, a, out, 0);
}

BI(units_parse_bytes)
{
    return parse_units(bc, a, out, 1);
}

rv bi_scale10(rv n, int p)
{
    char *t = bi_num_text(n);
    if (!t)
        return rv_undef();
    int neg;
    long e;
    char digits[MAX_AMOUNT + 1];
    rv r = rv_undef();
    if (strlen(t) <= MAX_AMOUNT && parse_amount(t, strlen(t), &neg, digits, sizeof digits, &e) == 0)
        r = decimal(neg, digits, e + p);
    free(t);
    return r;
}
