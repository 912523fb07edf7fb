/* bi_sprintf.c: sprintf with Go's fmt semantics over the argument types OPA passes
 * (int, *big.Int, float64, string; other values as their Rego text). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

enum gkind { G_INT, G_BIG, G_FLOAT, G_STR };

struct garg {
    enum gkind k;
    int64_t i;
    double f;
    char *text; /* owned: big decimal digits, string bytes, or the number's spelling */
    size_t len;
};

struct spec {
    int minus, plus, sharp, space, zero;
    int width, prec; /* -1: not given */
    char verb;
};

static bool all_digits(const char *s)
{
    if (*s == '-')
        s++;
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

static int convert_arg(rv v, struct garg *g)
{
    memset(g, 0, sizeof *g);
    if (rv_kind(v) == RV_STRING) {
        g->k = G_STR;
        g->text = strdup(rv_str(v));
        g->len = rv_str_len(v);
        return g->text ? 0 : -1;
    }
    if (rv_kind(v) != RV_NUMBER) {
        struct osp_buf b;
        osp_buf_init(&b, 0);
        if (rv_rego_write(v, &b) != OSP_OK) {
            osp_buf_cleanup(&b);
            return -1;
        }
        g->k = G_STR;
        g->len = b.len;
        g->text = osp_buf_take(&b);
        return g->text ? 0 : -1;
    }
    g->text = bi_num_text(v);
    if (!g->text)
        return -1;
    g->len = strlen(g->text);
    if (all_digits(g->text)) {
        g->k = rv_num_to_int64(v, &g->i) ? G_INT : G_BIG;
        return 0;
    }
    double d = strtod(g->text, NULL);
    g->k = isfinite(d) ? G_FLOAT : G_STR;
    g->f = d;
    return 0;
}

/* ---- output helpers ---- */

static enum osp_code pad(struct osp_buf *b, char c, int n)
{
    enum osp_code rc = OSP_OK;
    for (int i = 0; i < n && !rc; i++)
        rc = osp_buf_addc(b, c);
    return rc;
}

/* Write body (with an optional sign/prefix kept before zero padding) honouring width. */
static enum osp_code emit(struct osp_buf *b, const struct spec *sp, const char *prefix, const char *body, size_t blen)
{
    size_t plen = strlen(prefix);
    int fill = sp->width > (int)(plen + blen) ? sp->width - (int)(plen + blen) : 0;
    enum osp_code rc = OSP_OK;
    if (sp->minus) {
        rc = osp_buf_add(b, prefix, plen);
        if (!rc)
            rc = osp_buf_add(b, body, blen);
        return rc ? rc : pad(b, ' ', fill);
    }
    if (sp->zero) {
        rc = osp_buf_add(b, prefix, plen);
        if (!rc)
            rc = pad(b, '0', fill);
        return rc ? rc : osp_buf_add(b, body, blen);
    }
    rc = pad(b, ' ', fill);
    if (!rc)
        rc = osp_buf_add(b, prefix, plen);
    return rc ? rc : osp_buf_add(b, body, blen);
}

static const char *type_name(const struct garg *g)
{
    static const char *const names[] = {"int", "*big.Int", "float64", "string"};
    return names[g->k];
}

/* ---- floats ---- */

/* Shortest round-trip digits: returns the %e text with the fewest digits. */
static void shortest_e(double f, char *out, size_t outlen)
{
    for (int p = 0; p < 17; p++) {
        snprintf(out, outlen, "%.*e", p, f);
        if (strtod(out, NULL) == f)
            return;
    }
    snprintf(out, outlen, "%.16e", f);
}

/* Go's %v / %g with no precision. */
static void go_shortest_g(double f, char *out, size_t outlen)
{
    char e[64];
    shortest_e(f, e, sizeof e);
    char *ep = strchr(e, 'e');
    int exp = (int)strtol(ep + 1, NULL, 10);
    if (exp < -4 || exp >= 6) {
        /* Go: %e form with at least two exponent digits, as C prints it */
        snprintf(out, outlen, "%s", e);
        return;
    }
    /* digits after the point in the %e form, shifted by exp */
    char *dot = strchr(e, '.');
    int frac = dot ? (int)(ep - dot - 1) : 0;
    int decimals = frac - exp;
    snprintf(out, outlen, "%.*f", decimals > 0 ? decimals : 0, f);
}

static enum osp_code fmt_float(struct osp_buf *b, const struct spec *sp, double f)
{
    char body[512];
    char v = sp->verb == 'v' ? 'g' : sp->verb;
    if ((v == 'g' || v == 'G') && sp->prec < 0) {
        go_shortest_g(fabs(f), body, sizeof body);
        if (v == 'G')
            for (char *p = body; *p; p++)
                *p = (char)toupper((unsigned char)*p);
    } else {
        int prec = sp->prec < 0 ? 6 : sp->prec;
        if (prec > 200)
            prec = 200;
        double x = fabs(f);
        switch (v) {
        case 'e':
            snprintf(body, sizeof body, "%.*e", prec, x);
            break;
        case 'E':
            snprintf(body, sizeof body, "%.*E", prec, x);
            break;
        case 'g':
            snprintf(body, sizeof body, "%.*g", prec, x);
            break;
        case 'G':
            snprintf(body, sizeof body, "%.*G", prec, x);
            break;
        default:
            snprintf(body, sizeof body, "%.*f", prec, x);
            break;
        }
    }
    const char *sign = signbit(f) ? "-" : sp->plus ? "+" : sp->space ? " " : "";
    return emit(b, sp, sign, body, strlen(body));
}

/* ---- integers ---- */

static void utoa_base(uint64_t u, int base, bool upper, char *out, size_t outlen)
{
    char tmp[72];
    size_t n = sizeof tmp - 1;
    tmp[n] = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        tmp[--n] = digits[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u);
    snprintf(out, outlen, "%s", tmp + n);
}

static enum osp_code fmt_digits(struct osp_buf *b, const struct spec *sp, bool neg, const char *digits,
                                const char *base_prefix)
{
    char prefix[8], body[600];
    snprintf(prefix, sizeof prefix, "%s%s", neg ? "-" : sp->plus ? "+" : sp->space ? " " : "", base_prefix);
    size_t dl = strlen(digits);
    int zeros = sp->prec > (int)dl ? sp->prec - (int)dl : 0;
    if (zeros > 256)
        zeros = 256;
    memset(body, '0', (size_t)zeros);
    snprintf(body + zeros, sizeof body - (size_t)zeros, "%s", digits);
    struct spec s2 = *sp;
    if (sp->prec >= 0)
        s2.zero = 0;
    return emit(b, &s2, prefix, body, strlen(body));
}

static enum osp_code fmt_rune(struct osp_buf *b, const struct spec *sp, int64_t i, bool quoted)
{
    char body[16];
    uint32_t cp = (i < 0 || i > 0x10FFFF) ? 0xFFFD : (uint32_t)i;
    size_t n = 0;
    if (quoted)
        body[n++] = '\'';
    n += bi_utf8_enc(cp, body + n);
    if (quoted)
        body[n++] = '\'';
    return emit(b, sp, "", body, n);
}

static enum osp_code fmt_int(struct osp_buf *b, const struct spec *sp, int64_t i)
{
    char digits[72];
    bool neg = i < 0;
    uint64_t u = neg ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    const char *pre = "";
    switch (sp->verb) {
    case 'd':
    case 'v':
        utoa_base(u, 10, false, digits, sizeof digits);
        break;
    case 'b':
        utoa_base(u, 2, false, digits, sizeof digits);
        pre = sp->sharp ? "0b" : "";
        break;
    case 'o':
    case 'O':
        utoa_base(u, 8, false, digits, sizeof digits);
        pre = sp->verb == 'O' ? "0o" : sp->sharp ? "0" : "";
        break;
    case 'x':
    case 'X':
        utoa_base(u, 16, sp->verb == 'X', digits, sizeof digits);
        pre = sp->sharp ? (sp->verb == 'X' ? "0X" : "0x") : "";
        break;
    case 'c':
    case 'q':
        return fmt_rune(b, sp, i, sp->verb == 'q');
    case 'U': {
        char body[32];
        snprintf(body, sizeof body, "U+%04llX", (unsigned long long)u);
        return emit(b, sp, "", body, strlen(body));
    }
    default:
        return osp_buf_addf(b, "%%!%c(int=%lld)", sp->verb, (long long)i);
    }
    return fmt_digits(b, sp, neg, digits, pre);
}

static enum osp_code fmt_big(struct osp_buf *b, const struct spec *sp, const char *text)
{
    bool neg = text[0] == '-';
    switch (sp->verb) {
    case 'd':
    case 'v':
    case 's':
        return fmt_digits(b, sp, neg, text + neg, "");
    default:
        return osp_buf_addf(b, "%%!%c(*big.Int=%s)", sp->verb, text);
    }
}

/* ---- strings ---- */

static enum osp_code quote_str(struct osp_buf *q, const char *s, size_t len)
{
    enum osp_code rc = osp_buf_addc(q, '"');
    for (size_t i = 0; i < len && !rc;) {
        uint32_t cp;
        size_t k = bi_utf8_dec(s + i, len - i, &cp);
        unsigned char c = (unsigned char)s[i];
        const char *esc = c == '"'    ? "\\\""
                          : c == '\\' ? "\\\\"
                          : c == '\n' ? "\\n"
                          : c == '\t' ? "\\t"
                          : c == '\r' ? "\\r"
                          : c == '\a' ? "\\a"
                          : c == '\b' ? "\\b"
                          : c == '\f' ? "\\f"
                          : c == '\v' ? "\\v"
                                      : NULL;
        if (esc)
            rc = osp_buf_adds(q, esc);
        else if (c < 0x20 || c == 0x7F || (cp == 0xFFFD && k == 1 && c >= 0x80))
            rc = osp_buf_addf(q, "\\x%02x", c);
        else
            rc = osp_buf_add(q, s + i, k);
        i += k;
    }
    return rc ? rc : osp_buf_addc(q, '"');
}

static enum osp_code fmt_str(struct osp_buf *b, const struct spec *sp, const struct garg *g)
{
    switch (sp->verb) {
    case 's':
    case 'v': {
        size_t n = g->len;
        if (sp->prec >= 0)
            n = bi_utf8_offset(g->text, g->len, (size_t)sp->prec);
        return emit(b, sp, "", g->text, n);
    }
    case 'q': {
        struct osp_buf q;
        osp_buf_init(&q, 0);
        enum osp_code rc = quote_str(&q, g->text, g->len);
        if (!rc)
            rc = emit(b, sp, "", osp_buf_str(&q), q.len);
        osp_buf_cleanup(&q);
        return rc;
    }
    case 'x':
    case 'X': {
        struct osp_buf h;
        osp_buf_init(&h, 0);
        enum osp_code rc = OSP_OK;
        for (size_t i = 0; i < g->len && !rc; i++) {
            if (sp->space && i)
                rc = osp_buf_addc(&h, ' ');
            if (!rc)
                rc = osp_buf_addf(&h, sp->verb == 'x' ? "%02x" : "%02X", (unsigned char)g->text[i]);
        }
        if (!rc)
            rc = emit(b, sp, "", osp_buf_str(&h), h.len);
        osp_buf_cleanup(&h);
        return rc;
    }
    default:
        return osp_buf_addf(b, "%%!%c(string=%s)", sp->verb, g->text);
    }
}

static enum osp_code fmt_arg(struct osp_buf *b, const struct spec *sp, const struct garg *g)
{
    switch (g->k) {
    case G_INT:
        return fmt_int(b, sp, g->i);
    case G_BIG:
        return fmt_big(b, sp, g->text);
    case G_FLOAT:
        if (strchr("eEfFgGv", sp->verb))
            return fmt_float(b, sp, g->f);
        {
            char t[64];
            go_shortest_g(g->f, t, sizeof t);
            return osp_buf_addf(b, "%%!%c(float64=%s)", sp->verb, t);
        }
    case G_STR:
        return fmt_str(b, sp, g);
    }
    return OSP_OK;
}

/* ---- the format loop ---- */

static const char *parse_num(const char *p, int *out)
{
    int n = 0;
    while (isdigit((unsigned char)*p)) {
        if (n < 100000)
            n = n * 10 + (*p - '0');
        p++;
    }
    *out = n;
    return p;
}

static const char *parse_spec(const char *p, struct spec *sp)
{
    memset(sp, 0, sizeof *sp);
    sp->width = sp->prec = -1;
    for (;; p++) {
        if (*p == '-')
            sp->minus = 1;
        else if (*p == '+')
            sp->plus = 1;
        else if (*p == '#')
            sp->sharp = 1;
        else if (*p == ' ')
            sp->space = 1;
        else if (*p == '0')
            sp->zero = 1;
        else
            break;
    }
    if (isdigit((unsigned char)*p))
        p = parse_num(p, &sp->width);
    if (*p == '.') {
        p = parse_num(p + 1, &sp->prec);
    }
    if (sp->minus)
        sp->zero = 0;
    return p;
}

static enum osp_code format(struct osp_buf *b, const char *f, struct garg *args, size_t nargs)
{
    size_t used = 0;
    enum osp_code rc = OSP_OK;
    for (const char *p = f; *p && !rc;) {
        if (*p != '%') {
            const char *q = strchr(p, '%');
            size_t n = q ? (size_t)(q - p) : strlen(p);
            rc = osp_buf_add(b, p, n);
            p += n;
            continue;
        }
        struct spec sp;
        p = parse_spec(p + 1, &sp);
        if (!*p) {
            rc = osp_buf_adds(b, "%!(NOVERB)");
            break;
        }
        uint32_t cp;
        size_t k = bi_utf8_dec(p, strlen(p), &cp);
        sp.verb = k == 1 ? *p : '?';
        p += k;
        if (sp.verb == '%')
            rc = osp_buf_addc(b, '%');
        else if (used >= nargs)
            rc = osp_buf_addf(b, "%%!%c(MISSING)", sp.verb);
        else
            rc = fmt_arg(b, &sp, &args[used++]);
    }
    if (!rc && used < nargs) {
        rc = osp_buf_adds(b, "%!(EXTRA ");
        for (size_t i = used; i < nargs && !rc; i++)
            rc = osp_buf_addf(b, "%s%s=%s", i > used ? ", " : "", type_name(&args[i]), args[i].text);
        if (!rc)
            rc = osp_buf_addc(b, ')');
    }
    return rc;
}

BI(sprintf)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_ARRAY);
    size_t n = rv_len(a[1]);
    struct garg *args = calloc(n ? n : 1, sizeof *args);
    if (!args)
        return bi_oom(bc);
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < n && !rc; i++)
        if (convert_arg(rv_arr_at(a[1], i), &args[i]) != 0)
            rc = OSP_ENOMEM;
    struct osp_buf b;
    osp_buf_init(&b, 1u << 26);
    if (!rc)
        rc = format(&b, rv_str(a[0]), args, n);
    for (size_t i = 0; i < n; i++)
        free(args[i].text);
    free(args);
    if (rc) {
        osp_buf_cleanup(&b);
        return rego_bi_error(bc, "formatting failed: %s", osp_strerror(rc));
    }
    size_t len = b.len;
    char *s = osp_buf_take(&b);
    return bi_ok(out, s ? rv_str_take(s, len) : rv_str_new(""));
}
