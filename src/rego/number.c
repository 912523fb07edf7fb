/* number.c: exact Rego numbers: inline int64, BIGNUM beyond it, doubles for fractions. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/value_int.h"

static struct rv_num *num_alloc(int type)
{
    struct rv_num *n = calloc(1, sizeof(*n));
    if (!n)
        osp_oom();
    n->rc = 1;
    n->type = (uint8_t)type;
    return n;
}

static rv num_wrap(struct rv_num *n)
{
    rv v = {RV_NUMBER, RV_NUM_HEAP, {0}};
    v.u.p = n;
    return v;
}

void rv_num_free(struct rv_num *n)
{
    BN_free(n->bn);
    free(n->lit);
    free(n);
}

rv rv_num_int(int64_t i)
{
    rv v = {RV_NUMBER, RV_NUM_SMALL, {0}};
    v.u.i = i;
    return v;
}

rv rv_num_double(double d)
{
    if (!isfinite(d))
        return rv_undef();
    if (d == floor(d) && fabs(d) < 9.2e18)
        return rv_num_int((int64_t)d);
    struct rv_num *n = num_alloc(RVN_DBL);
    n->d = d;
    return num_wrap(n);
}

/* Normalise a BIGNUM result: int64 when it fits, else keep the BIGNUM (taken). */
static rv num_from_bn(BIGNUM *bn)
{
    if (BN_num_bits(bn) <= 62) {
        BN_ULONG w = BN_get_word(bn);
        int64_t i = (int64_t)w;
        if (BN_is_negative(bn))
            i = -i;
        BN_free(bn);
        return rv_num_int(i);
    }
    struct rv_num *n = num_alloc(RVN_BIG);
    n->bn = bn;
    return num_wrap(n);
}

static bool valid_literal(const char *s, size_t len, bool *is_intlit)
{
    size_t i = 0;
    *is_intlit = true;
    if (i < len && s[i] == '-')
        i++;
    if (i >= len || !isdigit((unsigned char)s[i]))
        return false;
    while (i < len && isdigit((unsigned char)s[i]))
        i++;
    if (i < len && s[i] == '.') {
        *is_intlit = false;
        i++;
        if (i >= len || !isdigit((unsigned char)s[i]))
            return false;
        while (i < len && isdigit((unsigned char)s[i]))
            i++;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        *is_intlit = false;
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= len || !isdigit((unsigned char)s[i]))
            return false;
        while (i < len && isdigit((unsigned char)s[i]))
            i++;
    }
    return i == len;
}

static char *dupn(const char *s, size_t len)
{
    char *p = malloc(len + 1);
    if (!p)
        osp_oom();
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

rv rv_num_parse(const char *s, size_t len)
{
    bool intlit;
    if (len > 4096 || !valid_literal(s, len, &intlit))
        return rv_undef();
    char *t = dupn(s, len);
    if (intlit) {
        errno = 0;
        char *end;
        long long ll = strtoll(t, &end, 10);
        if (errno == 0) {
            free(t);
            return rv_num_int((int64_t)ll);
        }
        BIGNUM *bn = NULL;
        if (!BN_dec2bn(&bn, t))
            osp_oom();
        struct rv_num *n = num_alloc(RVN_BIG);
        n->bn = bn;
        n->lit = t;
        return num_wrap(n);
    }
    double d = strtod(t, NULL); /* beyond double range: +-inf, the spelling is kept (OPA) */
    struct rv_num *n;
    if (isfinite(d) && d == floor(d) && fabs(d) < 9.2e18) {
        n = num_alloc(RVN_I64);
        n->i = (int64_t)d;
    } else {
        n = num_alloc(RVN_DBL);
        n->d = d;
    }
    n->lit = t;
    return num_wrap(n);
}

static const struct rv_num *heap(rv n)
{
    return n.sub == RV_NUM_HEAP ? (const struct rv_num *)n.u.p : NULL;
}

bool rv_num_is_int(rv n)
{
    if (n.kind != RV_NUMBER)
        return false;
    const struct rv_num *h = heap(n);
    return !h || h->type != RVN_DBL;
}

bool rv_num_to_int64(rv n, int64_t *out)
{
    if (n.kind != RV_NUMBER)
        return false;
    const struct rv_num *h = heap(n);
    if (!h) {
        *out = n.u.i;
        return true;
    }
    if (h->type == RVN_I64) {
        *out = h->i;
        return true;
    }
    return false;
}

double rv_num_to_double(rv n)
{
    const struct rv_num *h = heap(n);
    if (n.kind != RV_NUMBER)
        return 0;
    if (!h)
        return (double)n.u.i;
    if (h->type == RVN_I64)
        return (double)h->i;
    if (h->type == RVN_DBL)
        return h->d;
    char *t = BN_bn2dec(h->bn);
    double d = t ? strtod(t, NULL) : 0;
    OPENSSL_free(t);
    return d;
}

/* A new BIGNUM holding integral n. */
static BIGNUM *to_bn(rv n)
{
    const struct rv_num *h = heap(n);
    if (h && h->type == RVN_BIG)
        return BN_dup(h->bn);
    int64_t i = 0;
    rv_num_to_int64(n, &i);
    BIGNUM *bn = BN_new();
    uint64_t mag = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    BN_set_word(bn, (BN_ULONG)mag);
    if (i < 0)
        BN_set_negative(bn, 1);
    return bn;
}

static bool both_small(rv a, rv b, int64_t *x, int64_t *y)
{
    return rv_num_to_int64(a, x) && rv_num_to_int64(b, y);
}

int rv_num_cmp(rv a, rv b)
{
    int64_t x, y;
    if (both_small(a, b, &x, &y))
        return x < y ? -1 : x > y;
    if (rv_num_is_int(a) && rv_num_is_int(b)) {
        BIGNUM *p = to_bn(a), *q = to_bn(b);
        int c = BN_cmp(p, q);
        BN_free(p);
        BN_free(q);
        return c < 0 ? -1 : c > 0;
    }
    double d = rv_num_to_double(a), e = rv_num_to_double(b);
    return d < e ? -1 : d > e;
}

typedef int (*bn_op)(BIGNUM *r, const BIGNUM *a, const BIGNUM *b);

static int bn_mul(BIGNUM *r, const BIGNUM *a, const BIGNUM *b)
{
    BN_CTX *c = BN_CTX_new();
    int ok = BN_mul(r, a, b, c);
    BN_CTX_free(c);
    return ok;
}

static rv big_op(rv a, rv b, bn_op op)
{
    BIGNUM *p = to_bn(a), *q = to_bn(b), *r = BN_new();
    op(r, p, q);
    BN_free(p);
    BN_free(q);
    return num_from_bn(r);
}

rv rv_num_add(rv a, rv b)
{
    int64_t x, y, r;
    if (both_small(a, b, &x, &y) && !__builtin_add_overflow(x, y, &r))
        return rv_num_int(r);
    if (rv_num_is_int(a) && rv_num_is_int(b))
        return big_op(a, b, BN_add);
    return rv_num_double(rv_num_to_double(a) + rv_num_to_double(b));
}

rv rv_num_sub(rv a, rv b)
{
    int64_t x, y, r;
    if (both_small(a, b, &x, &y) && !__builtin_sub_overflow(x, y, &r))
        return rv_num_int(r);
    if (rv_num_is_int(a) && rv_num_is_int(b))
        return big_op(a, b, BN_sub);
    return rv_num_double(rv_num_to_double(a) - rv_num_to_double(b));
}

rv rv_num_mul(rv a, rv b)
{
    int64_t x, y, r;
    if (both_small(a, b, &x, &y) && !__builtin_mul_overflow(x, y, &r))
        return rv_num_int(r);
    if (rv_num_is_int(a) && rv_num_is_int(b))
        return big_op(a, b, bn_mul);
    return rv_num_double(rv_num_to_double(a) * rv_num_to_double(b));
}

static bool is_zero(rv n)
{
    int64_t i;
    if (rv_num_to_int64(n, &i))
        return i == 0;
    return rv_num_is_int(n) ? false : rv_num_to_double(n) == 0;
}

rv rv_num_div(rv a, rv b)
{
    int64_t x, y;
    if (is_zero(b))
        return rv_undef();
    if (both_small(a, b, &x, &y) && y != -1 && x % y == 0)
        return rv_num_int(x / y);
    if (rv_num_is_int(a) && rv_num_is_int(b)) {
        BIGNUM *p = to_bn(a), *q = to_bn(b), *d = BN_new(), *m = BN_new();
        BN_CTX *c = BN_CTX_new();
        BN_div(d, m, p, q, c);
        BN_CTX_free(c);
        bool exact = BN_is_zero(m);
        BN_free(p);
        BN_free(q);
        BN_free(m);
        if (exact)
            return num_from_bn(d);
        BN_free(d);
    }
    return rv_num_double(rv_num_to_double(a) / rv_num_to_double(b));
}

rv rv_num_rem(rv a, rv b)
{
    int64_t x, y;
    if (!rv_num_is_int(a) || !rv_num_is_int(b) || is_zero(b))
        return rv_undef();
    if (both_small(a, b, &x, &y))
        return rv_num_int(y == -1 ? 0 : x % y);
    BIGNUM *p = to_bn(a), *q = to_bn(b), *d = BN_new(), *m = BN_new();
    BN_CTX *c = BN_CTX_new();
    BN_div(d, m, p, q, c); /* truncated: remainder has the sign of the dividend */
    BN_CTX_free(c);
    BN_free(p);
    BN_free(q);
    BN_free(d);
    return num_from_bn(m);
}

rv rv_num_neg(rv a)
{
    return rv_num_sub(rv_num_int(0), a);
}

rv rv_num_abs(rv a)
{
    if (rv_num_cmp(a, rv_num_int(0)) < 0)
        return rv_num_neg(a);
    if (rv_num_is_int(a))
        return rv_ref(a);
    return rv_num_double(rv_num_to_double(a));
}

rv rv_num_floor(rv a)
{
    if (rv_num_is_int(a))
        return rv_ref(a);
    return rv_num_double(floor(rv_num_to_double(a)));
}

rv rv_num_ceil(rv a)
{
    if (rv_num_is_int(a))
        return rv_ref(a);
    return rv_num_double(ceil(rv_num_to_double(a)));
}

rv rv_num_round(rv a)
{
    if (rv_num_is_int(a))
        return rv_ref(a);
    return rv_num_double(round(rv_num_to_double(a)));
}

char *rv_num_int_text(rv n)
{
    if (!rv_num_is_int(n))
        return NULL;
    int64_t i;
    char tmp[32];
    if (rv_num_to_int64(n, &i)) {
        snprintf(tmp, sizeof(tmp), "%" PRId64, i);
        return dupn(tmp, strlen(tmp));
    }
    char *t = BN_bn2dec(heap(n)->bn);
    char *r = dupn(t, strlen(t));
    OPENSSL_free(t);
    return r;
}

/* Shortest round-trip digits of d, laid out like Go's strconv 'g' with shortest precision. */
static void format_double(double d, char *out, size_t cap)
{
    char tmp[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof(tmp), "%.*e", prec - 1, d);
        if (strtod(tmp, NULL) == d)
            break;
    }
    /* tmp = [-]D.DDDDe[+-]XX */
    char digits[32];
    size_t nd = 0;
    const char *p = tmp;
    bool neg = *p == '-';
    if (neg)
        p++;
    for (; *p && *p != 'e'; p++)
        if (isdigit((unsigned char)*p))
            digits[nd++] = *p;
    int exp = (int)strtol(p + 1, NULL, 10);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = '\0';
    size_t o = 0;
    if (neg)
        out[o++] = '-';
    if (d == floor(d)) {
        snprintf(out, cap, "%.0f", d);
        return;
    }
    if (exp < -4 || exp >= 6) { /* Go's big.Float 'g' shortest rule, as OPA prints */
        out[o++] = digits[0];
        if (nd > 1) {
            out[o++] = '.';
            for (size_t i = 1; i < nd; i++)
                out[o++] = digits[i];
        }
        snprintf(out + o, cap - o, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        return;
    }
    if (exp < 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = -1; i > exp; i--)
            out[o++] = '0';
        for (size_t i = 0; i < nd; i++)
            out[o++] = digits[i];
    } else {
        for (int i = 0; i <= exp; i++)
            out[o++] = (size_t)i < nd ? digits[i] : '0';
        if ((size_t)exp + 1 < nd) {
            out[o++] = '.';
            for (size_t i = (size_t)exp + 1; i < nd; i++)
                out[o++] = digits[i];
        }
    }
    out[o] = '\0';
}

enum osp_code rv_num_format(rv n, struct osp_buf *out)
{
    const struct rv_num *h = heap(n);
    if (n.kind != RV_NUMBER)
        return osp_buf_adds(out, "null");
    if (!h)
        return osp_buf_addf(out, "%" PRId64, n.u.i);
    if (h->lit)
        return osp_buf_adds(out, h->lit);
    if (h->type == RVN_I64)
        return osp_buf_addf(out, "%" PRId64, h->i);
    if (h->type == RVN_BIG) {
        char *t = BN_bn2dec(h->bn);
        enum osp_code rc = osp_buf_adds(out, t);
        OPENSSL_free(t);
        return rc;
    }
    char tmp[80];
    format_double(h->d, tmp, sizeof(tmp));
    return osp_buf_adds(out, tmp);
}
