/* bi_util.c: argument checks, error helpers and UTF-8 routines shared by the builtins. */
#include "rego/builtins/bi_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *bi_tname(rv v)
{
    return rv_kind_name(rv_kind(v));
}

enum rego_bi_status bi_want(struct rego_bctx *bc, const rv *a, int i, enum rv_kind k)
{
    if (rv_kind(a[i]) == k)
        return REGO_BI_OK;
    return rego_bi_type_error(bc, "operand %d must be %s but got %s", i + 1, rv_kind_name(k), bi_tname(a[i]));
}

enum rego_bi_status bi_want_int(struct rego_bctx *bc, const rv *a, int i, int64_t *outv)
{
    BI_WANT(i, RV_NUMBER);
    if (!rv_num_is_int(a[i]))
        return rego_bi_type_error(bc, "operand %d must be integer number but got floating-point number", i + 1);
    if (!rv_num_to_int64(a[i], outv))
        return rego_bi_error(bc, "operand %d: integer too large", i + 1);
    return REGO_BI_OK;
}

enum rego_bi_status bi_want_one_of(struct rego_bctx *bc, const rv *a, int i, const char *list)
{
    return rego_bi_type_error(bc, "operand %d must be one of {%s} but got %s", i + 1, list, bi_tname(a[i]));
}

enum rego_bi_status bi_oom(struct rego_bctx *bc)
{
    return rego_bi_error(bc, "out of memory");
}

char *bi_num_text(rv n)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    if (rv_num_format(n, &b) != OSP_OK) {
        osp_buf_cleanup(&b);
        return NULL;
    }
    return osp_buf_take(&b);
}

/* Go's encoding/json escapes <, >, & and U+2028/U+2029 (HTML safety); OPA's json.marshal
 * output carries those escapes, so ours does too. They only occur inside JSON strings. */
static char *html_escape(char *s)
{
    size_t extra = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        extra += (*p == '<' || *p == '>' || *p == '&')                              ? 5
                 : (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) ? 3
                                                                                    : 0;
    if (!extra)
        return s;
    size_t n = strlen(s);
    char *o = malloc(n + extra + 1);
    if (!o) {
        free(s);
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '<' || c == '>' || c == '&') {
            k += (size_t)snprintf(o + k, 7, "\\u%04x", c);
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            k += (size_t)snprintf(o + k, 7, "\\u%04x", (unsigned char)s[i + 2] == 0xA8 ? 0x2028 : 0x2029);
            i += 2;
        } else {
            o[k++] = (char)c;
        }
    }
    o[k] = 0;
    free(s);
    return o;
}

char *bi_json(rv v)
{
    return rv_json_dump(v, false);
}

char *bi_json_go(rv v)
{
    char *s = rv_json_dump(v, false);
    return s ? html_escape(s) : NULL;
}

rv bi_set_of_arr(rv arr)
{
    rv s = rv_set_new();
    for (size_t i = 0; i < rv_len(arr); i++)
        rv_set_add(&s, rv_ref(rv_arr_at(arr, i)));
    return s;
}

size_t bi_utf8_dec(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0) {
        *cp = 0;
        return 0;
    }
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 0;
    if (n == 0 || n > len || u[0] >= 0xF8)
        goto bad;
    uint32_t c = u[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            goto bad;
        c = c << 6 | (u[i] & 0x3F);
    }
    static const uint32_t minv[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < minv[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        goto bad;
    *cp = c;
    return n;
bad:
    *cp = 0xFFFD;
    return 1;
}

size_t bi_utf8_enc(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | cp >> 6);
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | cp >> 12);
        o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | cp >> 18);
    o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t bi_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; n++) {
        uint32_t cp;
        i += bi_utf8_dec(s + i, len - i, &cp);
    }
    return n;
}

size_t bi_utf8_offset(const char *s, size_t len, size_t ci)
{
    size_t i = 0;
    for (size_t k = 0; k < ci && i < len; k++) {
        uint32_t cp;
        i += bi_utf8_dec(s + i, len - i, &cp);
    }
    return i;
}

enum rego_bi_status bi_elem_error(struct rego_bctx *bc, int i, rv coll, rv elem, const char *want)
{
    return rego_bi_type_error(bc, "operand %d must be %s of %ss but got %s containing %s", i + 1, bi_tname(coll), want,
                              bi_tname(coll), bi_tname(elem));
}

rv bi_elem_at(rv coll, size_t i)
{
    if (rv_kind(coll) == RV_SET)
        return rv_set_at(coll, i);
    return rv_arr_at(coll, i);
}
