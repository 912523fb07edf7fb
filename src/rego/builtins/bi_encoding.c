/* bi_encoding.c: base64, base64url, hex, urlquery and json.* builtins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

static const char B64STD[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char B64URL[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static rv b64_encode(const unsigned char *s, size_t n, const char *alpha, int pad)
{
    size_t cap = (n + 2) / 3 * 4 + 1;
    char *o = malloc(cap);
    if (!o)
        return rv_undef();
    size_t k = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16 | (i + 1 < n ? (uint32_t)s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
        o[k++] = alpha[v >> 18 & 63];
        o[k++] = alpha[v >> 12 & 63];
        if (i + 1 < n)
            o[k++] = alpha[v >> 6 & 63];
        else if (pad)
            o[k++] = '=';
        if (i + 2 < n)
            o[k++] = alpha[v & 63];
        else if (pad)
            o[k++] = '=';
    }
    o[k] = 0;
    return rv_str_take(o, k);
}

char *bi_b64_decode(const char *s, size_t n, int url, int pad, size_t *outlen, size_t *bad)
{
    const char *alpha = url ? B64URL : B64STD;
    unsigned char *o = malloc(n / 4 * 3 + 4);
    if (!o) {
        *bad = 0;
        return NULL;
    }
    size_t k = 0, q = 0, i = 0;
    uint32_t acc = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '\r' || c == '\n')
            continue;
        if (c == '=')
            break;
        const char *p = memchr(alpha, c, 64);
        if (!p || !c)
            goto fail;
        acc = acc << 6 | (uint32_t)(p - alpha);
        if (++q == 4) {
            o[k++] = (unsigned char)(acc >> 16);
            o[k++] = (unsigned char)(acc >> 8);
            o[k++] = (unsigned char)acc;
            q = 0;
            acc = 0;
        }
    }
    if (q == 1)
        goto fail;
    if (i < n || (pad && q)) { /* padding: exactly 4 - q '=' and nothing after */
        size_t need = q ? 4 - q : 0, got = 0;
        if (!pad && i < n)
            goto fail;
        while (i < n && (s[i] == '=' || s[i] == '\r' || s[i] == '\n'))
            got += s[i++] == '=';
        if (q == 0 || got != need || i < n) {
            i = i < n ? i : n;
            goto fail;
        }
    }
    if (q == 2)
        o[k++] = (unsigned char)(acc >> 4);
    else if (q == 3) {
        o[k++] = (unsigned char)(acc >> 10);
        o[k++] = (unsigned char)(acc >> 2);
    }
    o[k] = 0;
    *outlen = k;
    return (char *)o;
fail:
    free(o);
    *bad = i;
    return NULL;
}

rv bi_b64std(const unsigned char *d, size_t n)
{
    rv v = b64_encode(d, n, B64STD, 1);
    return rv_is_undef(v) ? rv_str_new("") : v;
}

static enum rego_bi_status ret_or_oom(struct rego_bctx *bc, rv v, rv *out)
{
    return rv_is_undef(v) ? bi_oom(bc) : bi_ok(out, v);
}

BI(base64_encode)
{
    BI_WANT(0, RV_STRING);
    return ret_or_oom(bc, b64_encode((const unsigned char *)rv_str(a[0]), rv_str_len(a[0]), B64STD, 1), out);
}

BI(base64url_encode)
{
    BI_WANT(0, RV_STRING);
    return ret_or_oom(bc, b64_encode((const unsigned char *)rv_str(a[0]), rv_str_len(a[0]), B64URL, 1), out);
}

BI(base64url_encode_no_pad)
{
    BI_WANT(0, RV_STRING);
    return ret_or_oom(bc, b64_encode((const unsigned char *)rv_str(a[0]), rv_str_len(a[0]), B64URL, 0), out);
}

static enum rego_bi_status decode64(struct rego_bctx *bc, const rv *a, rv *out, int url, int pad)
{
    BI_WANT(0, RV_STRING);
    size_t n, bad;
    char *d = bi_b64_decode(rv_str(a[0]), rv_str_len(a[0]), url, pad, &n, &bad);
    if (!d)
        return rego_bi_error(bc, "illegal base64 data at input byte %zu", bad);
    return bi_ok(out, rv_str_take(d, n));
}

BI(base64_decode)
{
    return decode64(bc, a, out, 0, 1);
}

BI(base64url_decode)
{
    /* OPA: padded input uses URLEncoding, unpadded RawURLEncoding */
    int pad = rv_kind(a[0]) == RV_STRING && rv_str_len(a[0]) && rv_str(a[0])[rv_str_len(a[0]) - 1] == '=';
    return decode64(bc, a, out, 1, pad);
}

BI(base64_is_valid)
{
    BI_WANT(0, RV_STRING);
    size_t n, bad;
    char *d = bi_b64_decode(rv_str(a[0]), rv_str_len(a[0]), 0, 1, &n, &bad);
    free(d);
    return bi_ok(out, rv_bool(d != NULL));
}

BI(hex_encode)
{
    BI_WANT(0, RV_STRING);
    const unsigned char *s = (const unsigned char *)rv_str(a[0]);
    size_t n = rv_str_len(a[0]);
    char *o = malloc(2 * n + 1);
    if (!o)
        return bi_oom(bc);
    for (size_t i = 0; i < n; i++) {
        o[2 * i] = "0123456789abcdef"[s[i] >> 4];
        o[2 * i + 1] = "0123456789abcdef"[s[i] & 15];
    }
    o[2 * n] = 0;
    return bi_ok(out, rv_str_take(o, 2 * n));
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static enum rego_bi_status bad_hex_byte(struct rego_bctx *bc, const char *s, size_t len, size_t at)
{
    uint32_t cp;
    size_t k = bi_utf8_dec(s + at, len - at, &cp);
    if (cp == 0xFFFD && k == 1)
        cp = (unsigned char)s[at];
    return rego_bi_error(bc, "encoding/hex: invalid byte: U+%04X '%.*s'", cp, (int)k, s + at);
}

BI(hex_decode)
{
    BI_WANT(0, RV_STRING);
    const char *s = rv_str(a[0]);
    size_t n = rv_str_len(a[0]);
    char *o = malloc(n / 2 + 1);
    if (!o)
        return bi_oom(bc);
    size_t i = 0;
    for (; i + 1 < n; i += 2) {
        int hi = hexval(s[i]), lo = hexval(s[i + 1]);
        if (hi < 0 || lo < 0) {
            free(o);
            return bad_hex_byte(bc, s, n, hi < 0 ? i : i + 1);
        }
        o[i / 2] = (char)(hi << 4 | lo);
    }
    if (n % 2) {
        free(o);
        if (hexval(s[n - 1]) < 0)
            return bad_hex_byte(bc, s, n, n - 1);
        return rego_bi_error(bc, "encoding/hex: odd length hex string");
    }
    o[n / 2] = 0;
    return bi_ok(out, rv_str_take(o, n / 2));
}

/* ---- urlquery ---- */

static enum osp_code query_escape(struct osp_buf *b, const char *s, size_t n)
{
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~')
            rc = osp_buf_addc(b, (char)c);
        else if (c == ' ')
            rc = osp_buf_addc(b, '+');
        else
            rc = osp_buf_addf(b, "%%%02X", c);
    }
    return rc;
}

/* Unescape s[0..n) into b; returns -1 with the bad escape in *bad. */
static int query_unescape(struct osp_buf *b, const char *s, size_t n, size_t *bad)
{
    for (size_t i = 0; i < n; i++) {
        enum osp_code rc;
        if (s[i] == '%') {
            int hi = i + 1 < n ? hexval(s[i + 1]) : -1, lo = i + 2 < n ? hexval(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                *bad = i;
                return -1;
            }
            rc = osp_buf_addc(b, (char)(hi << 4 | lo));
            i += 2;
        } else {
            rc = osp_buf_addc(b, s[i] == '+' ? ' ' : s[i]);
        }
        if (rc) {
            *bad = i;
            return -1;
        }
    }
    return 0;
}

static rv buf_str(struct osp_buf *b)
{
    size_t n = b->len;
    char *s = osp_buf_take(b);
    return s ? rv_str_take(s, n) : rv_str_new("");
}

BI(urlquery_encode)
{
    BI_WANT(0, RV_STRING);
    struct osp_buf b;
    osp_buf_init(&b, 0);
    if (query_escape(&b, rv_str(a[0]), rv_str_len(a[0]))) {
        osp_buf_cleanup(&b);
        return bi_oom(bc);
    }
    return bi_ok(out, buf_str(&b));
}

static enum rego_bi_status bad_escape(struct rego_bctx *bc, const char *s, size_t n, size_t at)
{
    size_t k = n - at < 3 ? n - at : 3;
    return rego_bi_error(bc, "invalid URL escape \"%.*s\"", (int)k, s + at);
}

BI(urlquery_decode)
{
    BI_WANT(0, RV_STRING);
    struct osp_buf b;
    osp_buf_init(&b, 0);
    size_t bad;
    if (query_unescape(&b, rv_str(a[0]), rv_str_len(a[0]), &bad) != 0) {
        osp_buf_cleanup(&b);
        return bad_escape(bc, rv_str(a[0]), rv_str_len(a[0]), bad);
    }
    return bi_ok(out, buf_str(&b));
}

static enum osp_code add_pair(struct osp_buf *b, rv k, rv v)
{
    enum osp_code rc = b->len ? osp_buf_addc(b, '&') : OSP_OK;
    if (!rc)
        rc = query_escape(b, rv_str(k), rv_str_len(k));
    if (!rc)
        rc = osp_buf_addc(b, '=');
    return rc ? rc : query_escape(b, rv_str(v), rv_str_len(v));
}

BI(urlquery_encode_object)
{
    BI_WANT(0, RV_OBJECT);
    struct osp_buf b;
    osp_buf_init(&b, 0);
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < rv_len(a[0]) && !rc; i++) {
        rv k = rv_obj_key_at(a[0], i), v = rv_obj_val_at(a[0], i);
        if (rv_kind(k) != RV_STRING) {
            osp_buf_cleanup(&b);
            return rego_bi_type_error(bc, "operand 1 must be object with string keys");
        }
        if (rv_kind(v) == RV_STRING) {
            rc = add_pair(&b, k, v);
            continue;
        }
        if (rv_kind(v) != RV_ARRAY && rv_kind(v) != RV_SET) {
            osp_buf_cleanup(&b);
            return rego_bi_type_error(bc, "operand 1 must be object of strings, arrays or sets of strings");
        }
        for (size_t j = 0; j < rv_len(v) && !rc; j++) {
            rv e = bi_elem_at(v, j);
            if (rv_kind(e) != RV_STRING) {
                osp_buf_cleanup(&b);
                return bi_elem_error(bc, 0, v, e, "string");
            }
            rc = add_pair(&b, k, e);
        }
    }
    if (rc) {
        osp_buf_cleanup(&b);
        return bi_oom(bc);
    }
    return bi_ok(out, buf_str(&b));
}

static enum rego_bi_status unescape_rv(struct rego_bctx *bc, const char *s, size_t n, rv *res)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    size_t bad;
    if (query_unescape(&b, s, n, &bad) != 0) {
        osp_buf_cleanup(&b);
        return bad_escape(bc, s, n, bad);
    }
    *res = buf_str(&b);
    return REGO_BI_OK;
}

BI(urlquery_decode_object)
{
    BI_WANT(0, RV_STRING);
    const char *s = rv_str(a[0]);
    size_t n = rv_str_len(a[0]);
    rv obj = rv_obj_new();
    for (size_t i = 0; i < n;) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t end = amp ? (size_t)(amp - s) : n;
        if (end > i) {
            const char *eq = memchr(s + i, '=', end - i);
            size_t kend = eq ? (size_t)(eq - s) : end;
            rv k, v;
            enum rego_bi_status st = unescape_rv(bc, s + i, kend - i, &k);
            if (st == REGO_BI_OK) {
                st = eq ? unescape_rv(bc, eq + 1, end - kend - 1, &v) : (v = rv_str_new(""), REGO_BI_OK);
                if (st != REGO_BI_OK)
                    rv_unref(k);
            }
            if (st != REGO_BI_OK) {
                rv_unref(obj);
                return st;
            }
            rv arr = rv_ref(rv_obj_get(obj, k));
            if (rv_is_undef(arr))
                arr = rv_arr_new();
            rv_arr_push(&arr, v);
            rv_obj_set(&obj, k, arr);
        }
        i = end + 1;
    }
    return bi_ok(out, obj);
}

/* ---- json ---- */

BI(json_marshal)
{
    char *s = bi_json_go(a[0]);
    if (!s)
        return bi_oom(bc);
    return bi_ok(out, rv_str_take(s, strlen(s)));
}

BI(json_unmarshal)
{
    BI_WANT(0, RV_STRING);
    struct osp_err err;
    osp_err_init(&err);
    rv v;
    if (rv_json_parse(rv_str(a[0]), rv_str_len(a[0]), NULL, &v, &err) != OSP_OK)
        return rego_bi_error(bc, "%s", err.msg);
    return bi_ok(out, v);
}

BI(json_is_valid)
{
    if (rv_kind(a[0]) != RV_STRING)
        return bi_ok(out, rv_bool(false));
    struct osp_err err;
    osp_err_init(&err);
    rv v;
    if (rv_json_parse(rv_str(a[0]), rv_str_len(a[0]), NULL, &v, &err) != OSP_OK)
        return bi_ok(out, rv_bool(false));
    rv_unref(v);
    return bi_ok(out, rv_bool(true));
}
