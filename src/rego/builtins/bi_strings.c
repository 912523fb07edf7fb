/* bi_strings.c: OPA's string builtins (concat, contains, indexof, substring, split, replace, ...). */
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

/* ---- helpers ---- */

static const char *find_bytes(const char *h, size_t hl, const char *n, size_t nl)
{
    if (nl == 0)
        return h;
    if (nl > hl)
        return NULL;
    for (size_t i = 0; i + nl <= hl; i++)
        if (h[i] == n[0] && memcmp(h + i, n, nl) == 0)
            return h + i;
    return NULL;
}

static enum rego_bi_status want_strs(struct rego_bctx *bc, const rv *a, int i)
{
    if (rv_kind(a[i]) != RV_ARRAY && rv_kind(a[i]) != RV_SET)
        return bi_want_one_of(bc, a, i, "set, array");
    for (size_t k = 0; k < rv_len(a[i]); k++)
        if (rv_kind(bi_elem_at(a[i], k)) != RV_STRING)
            return bi_elem_error(bc, i, a[i], bi_elem_at(a[i], k), "string");
    return REGO_BI_OK;
}

static rv str_buf(struct osp_buf *b)
{
    size_t len = b->len;
    char *s = osp_buf_take(b);
    if (!s)
        return rv_str_new("");
    return rv_str_take(s, len);
}

/* ---- builtins ---- */

BI(concat)
{
    BI_WANT(0, RV_STRING);
    BI_TRY(want_strs(bc, a, 1));
    struct osp_buf b;
    osp_buf_init(&b, 0);
    for (size_t i = 0; i < rv_len(a[1]); i++) {
        rv s = bi_elem_at(a[1], i);
        if ((i && osp_buf_add(&b, rv_str(a[0]), rv_str_len(a[0]))) || osp_buf_add(&b, rv_str(s), rv_str_len(s))) {
            osp_buf_cleanup(&b);
            return bi_oom(bc);
        }
    }
    return bi_ok(out, str_buf(&b));
}

BI(contains)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    return bi_ok(out, rv_bool(find_bytes(rv_str(a[0]), rv_str_len(a[0]), rv_str(a[1]), rv_str_len(a[1])) != NULL));
}

BI(startswith)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    size_t n = rv_str_len(a[1]);
    return bi_ok(out, rv_bool(rv_str_len(a[0]) >= n && !memcmp(rv_str(a[0]), rv_str(a[1]), n)));
}

BI(endswith)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    size_t n = rv_str_len(a[1]), l = rv_str_len(a[0]);
    return bi_ok(out, rv_bool(l >= n && !memcmp(rv_str(a[0]) + l - n, rv_str(a[1]), n)));
}

BI(indexof)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    const char *h = rv_str(a[0]);
    const char *p = find_bytes(h, rv_str_len(a[0]), rv_str(a[1]), rv_str_len(a[1]));
    if (!p)
        return bi_ok(out, rv_num_int(-1));
    return bi_ok(out, rv_num_int((int64_t)bi_utf8_count(h, (size_t)(p - h))));
}

BI(indexof_n)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    const char *h = rv_str(a[0]), *n = rv_str(a[1]);
    size_t hl = rv_str_len(a[0]), nl = rv_str_len(a[1]);
    rv arr = rv_arr_new();
    size_t pos = 0;
    while (pos < hl || (pos == 0 && hl == 0 && nl == 0)) {
        const char *p = find_bytes(h + pos, hl - pos, n, nl);
        if (!p)
            break;
        rv_arr_push(&arr, rv_num_int((int64_t)bi_utf8_count(h, (size_t)(p - h))));
        uint32_t cp;
        size_t step = p < h + hl ? bi_utf8_dec(p, hl - (size_t)(p - h), &cp) : 1;
        pos = (size_t)(p - h) + step;
    }
    return bi_ok(out, arr);
}

BI(substring)
{
    int64_t start, len;
    BI_WANT(0, RV_STRING);
    BI_TRY(bi_want_int(bc, a, 1, &start));
    BI_TRY(bi_want_int(bc, a, 2, &len));
    if (start < 0)
        return rego_bi_error(bc, "negative offset");
    const char *s = rv_str(a[0]);
    size_t sl = rv_str_len(a[0]);
    size_t from = bi_utf8_offset(s, sl, (size_t)start);
    size_t to = sl;
    if (len >= 0)
        to = from + bi_utf8_offset(s + from, sl - from, (size_t)len);
    return bi_ok(out, rv_str_newn(s + from, to - from));
}

static uint32_t lower_cp(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x178) {
        int odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (odd_upper ? (c & 1) : !(c & 1))
            return c + 1;
    }
    if (c == 0x178)
        return 0xFF;
    return c;
}

static uint32_t upper_cp(uint32_t c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) ||
        (c >= 0x430 && c <= 0x44F))
        return c - 0x20;
    if (c >= 0x450 && c <= 0x45F)
        return c - 0x50;
    if (c == 0xFF)
        return 0x178;
    if (c > 0x100 && c <= 0x17F && c != 0x131 && c != 0x138 && c != 0x149) {
        int odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (odd_upper ? !(c & 1) : (c & 1))
            return c - 1;
    }
    if (c == 0xB5)
        return 0x39C;
    return c;
}

static enum rego_bi_status map_case(struct rego_bctx *bc, const rv *a, rv *out, uint32_t (*fn)(uint32_t))
{
    BI_WANT(0, RV_STRING);
    const char *s = rv_str(a[0]);
    size_t sl = rv_str_len(a[0]);
    char *o = malloc(sl * 2 + 1);
    if (!o)
        return bi_oom(bc);
    size_t n = 0;
    for (size_t i = 0; i < sl;) {
        uint32_t cp;
        size_t k = bi_utf8_dec(s + i, sl - i, &cp);
        if (cp == 0xFFFD && k == 1 && (unsigned char)s[i] >= 0x80)
            o[n++] = s[i]; /* keep invalid bytes as they are */
        else
            n += bi_utf8_enc(fn(cp), o + n);
        i += k;
    }
    o[n] = 0;
    return bi_ok(out, rv_str_take(o, n));
}

BI(lower)
{
    return map_case(bc, a, out, lower_cp);
}

BI(upper)
{
    return map_case(bc, a, out, upper_cp);
}

BI(split)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    const char *s = rv_str(a[0]), *d = rv_str(a[1]);
    size_t sl = rv_str_len(a[0]), dl = rv_str_len(a[1]);
    rv arr = rv_arr_new();
    if (dl == 0) {
        for (size_t i = 0; i < sl;) {
            uint32_t cp;
            size_t k = bi_utf8_dec(s + i, sl - i, &cp);
            rv_arr_push(&arr, rv_str_newn(s + i, k));
            i += k;
        }
        return bi_ok(out, arr);
    }
    size_t pos = 0;
    for (;;) {
        const char *p = find_bytes(s + pos, sl - pos, d, dl);
        if (!p) {
            rv_arr_push(&arr, rv_str_newn(s + pos, sl - pos));
            break;
        }
        rv_arr_push(&arr, rv_str_newn(s + pos, (size_t)(p - s) - pos));
        pos = (size_t)(p - s) + dl;
    }
    return bi_ok(out, arr);
}

static enum rego_bi_status replace_all(struct rego_bctx *bc, const char *s, size_t sl, const char *o, size_t ol,
                                       const char *n, size_t nl, rv *out)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    enum osp_code rc = OSP_OK;
    size_t pos = 0;
    if (ol == 0) {
        /* Go: the new string goes before every rune and at the end */
        rc = osp_buf_add(&b, n, nl);
        for (size_t i = 0; i < sl && !rc;) {
            uint32_t cp;
            size_t k = bi_utf8_dec(s + i, sl - i, &cp);
            rc = osp_buf_add(&b, s + i, k);
            if (!rc)
                rc = osp_buf_add(&b, n, nl);
            i += k;
        }
        pos = sl;
    }
    while (pos < sl && !rc) {
        const char *p = find_bytes(s + pos, sl - pos, o, ol);
        if (!p) {
            rc = osp_buf_add(&b, s + pos, sl - pos);
            break;
        }
        rc = osp_buf_add(&b, s + pos, (size_t)(p - s) - pos);
        if (!rc)
            rc = osp_buf_add(&b, n, nl);
        pos = (size_t)(p - s) + ol;
    }
    if (rc) {
        osp_buf_cleanup(&b);
        return bi_oom(bc);
    }
    return bi_ok(out, str_buf(&b));
}

BI(replace)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    BI_WANT(2, RV_STRING);
    return replace_all(bc, rv_str(a[0]), rv_str_len(a[0]), rv_str(a[1]), rv_str_len(a[1]), rv_str(a[2]),
                       rv_str_len(a[2]), out);
}

BI(replace_n)
{
    BI_WANT(0, RV_OBJECT);
    BI_WANT(1, RV_STRING);
    rv pats = a[0];
    for (size_t k = 0; k < rv_len(pats); k++) {
        if (rv_kind(rv_obj_key_at(pats, k)) != RV_STRING)
            return rego_bi_type_error(bc, "operand 1 non-string key found in pattern object");
        if (rv_kind(rv_obj_val_at(pats, k)) != RV_STRING)
            return rego_bi_type_error(bc, "operand 1 non-string value found in pattern object");
    }
    const char *s = rv_str(a[1]);
    size_t sl = rv_str_len(a[1]);
    struct osp_buf b;
    osp_buf_init(&b, 0);
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < sl && !rc;) {
        size_t k = 0, n = rv_len(pats);
        for (; k < n; k++) { /* keys in sorted order: the first that matches wins (Go's Replacer) */
            rv key = rv_obj_key_at(pats, k);
            size_t kl = rv_str_len(key);
            if (kl && kl <= sl - i && !memcmp(s + i, rv_str(key), kl))
                break;
        }
        if (k < n) {
            rv val = rv_obj_val_at(pats, k);
            rc = osp_buf_add(&b, rv_str(val), rv_str_len(val));
            i += rv_str_len(rv_obj_key_at(pats, k));
        } else {
            rc = osp_buf_addc(&b, s[i]);
            i++;
        }
    }
    if (rc) {
        osp_buf_cleanup(&b);
        return bi_oom(bc);
    }
    return bi_ok(out, str_buf(&b));
}

/* ---- trimming ---- */

static int in_cutset(uint32_t cp, const char *cut, size_t cl)
{
    for (size_t i = 0; i < cl;) {
        uint32_t c;
        i += bi_utf8_dec(cut + i, cl - i, &c);
        if (c == cp)
            return 1;
    }
    return 0;
}

static int is_space_cp(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Length of the last code point ending at s+end. */
static size_t last_cp(const char *s, size_t end, uint32_t *cp)
{
    size_t st = end - 1;
    while (st > 0 && end - st < 4 && ((unsigned char)s[st] & 0xC0) == 0x80)
        st--;
    size_t k = bi_utf8_dec(s + st, end - st, cp);
    if (st + k != end) {
        *cp = 0xFFFD;
        return 1;
    }
    return k;
}

/* Trim code points from the left (left=1) and/or right (right=1): in the cutset, or spaces. */
static rv trim_span(rv str, const char *cut, size_t cl, int left, int right)
{
    const char *s = rv_str(str);
    size_t from = 0, to = rv_str_len(str);
    while (left && from < to) {
        uint32_t cp;
        size_t k = bi_utf8_dec(s + from, to - from, &cp);
        if (cut ? !in_cutset(cp, cut, cl) : !is_space_cp(cp))
            break;
        from += k;
    }
    while (right && to > from) {
        uint32_t cp;
        size_t k = last_cp(s, to, &cp);
        if (cut ? !in_cutset(cp, cut, cl) : !is_space_cp(cp))
            break;
        to -= k;
    }
    return rv_str_newn(s + from, to - from);
}

static enum rego_bi_status trim_cut(struct rego_bctx *bc, const rv *a, rv *out, int l, int r)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    return bi_ok(out, trim_span(a[0], rv_str(a[1]), rv_str_len(a[1]), l, r));
}

BI(trim)
{
    return trim_cut(bc, a, out, 1, 1);
}

BI(trim_left)
{
    return trim_cut(bc, a, out, 1, 0);
}

BI(trim_right)
{
    return trim_cut(bc, a, out, 0, 1);
}

BI(trim_space)
{
    BI_WANT(0, RV_STRING);
    return bi_ok(out, trim_span(a[0], NULL, 0, 1, 1));
}

BI(trim_prefix)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    size_t n = rv_str_len(a[1]);
    if (rv_str_len(a[0]) >= n && !memcmp(rv_str(a[0]), rv_str(a[1]), n))
        return bi_ok(out, rv_str_newn(rv_str(a[0]) + n, rv_str_len(a[0]) - n));
    return bi_ok(out, rv_ref(a[0]));
}

BI(trim_suffix)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    size_t n = rv_str_len(a[1]), l = rv_str_len(a[0]);
    if (l >= n && !memcmp(rv_str(a[0]) + l - n, rv_str(a[1]), n))
        return bi_ok(out, rv_str_newn(rv_str(a[0]), l - n));
    return bi_ok(out, rv_ref(a[0]));
}

BI(str_reverse)
{
    BI_WANT(0, RV_STRING);
    const char *s = rv_str(a[0]);
    size_t sl = rv_str_len(a[0]);
    char *o = malloc(sl + 1);
    if (!o)
        return bi_oom(bc);
    for (size_t i = 0; i < sl;) {
        uint32_t cp;
        size_t k = bi_utf8_dec(s + i, sl - i, &cp);
        memcpy(o + sl - i - k, s + i, k);
        i += k;
    }
    o[sl] = 0;
    return bi_ok(out, rv_str_take(o, sl));
}

BI(str_count)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    const char *s = rv_str(a[0]), *n = rv_str(a[1]);
    size_t sl = rv_str_len(a[0]), nl = rv_str_len(a[1]);
    if (nl == 0)
        return bi_ok(out, rv_num_int((int64_t)bi_utf8_count(s, sl) + 1));
    int64_t c = 0;
    for (size_t pos = 0;;) {
        const char *p = find_bytes(s + pos, sl - pos, n, nl);
        if (!p)
            break;
        c++;
        pos = (size_t)(p - s) + nl;
    }
    return bi_ok(out, rv_num_int(c));
}

/* strings.any_prefix_match / any_suffix_match operands: string, array or set of strings. */
static enum rego_bi_status want_str_or_strs(struct rego_bctx *bc, const rv *a, int i)
{
    if (rv_kind(a[i]) == RV_STRING)
        return REGO_BI_OK;
    if (rv_kind(a[i]) != RV_ARRAY && rv_kind(a[i]) != RV_SET)
        return bi_want_one_of(bc, a, i, "string, set, array");
    return want_strs(bc, a, i);
}

static rv nth_str(rv v, size_t i)
{
    return rv_kind(v) == RV_STRING ? v : bi_elem_at(v, i);
}

static size_t n_strs(rv v)
{
    return rv_kind(v) == RV_STRING ? 1 : rv_len(v);
}

static enum rego_bi_status any_match(struct rego_bctx *bc, const rv *a, rv *out, int suffix)
{
    BI_TRY(want_str_or_strs(bc, a, 0));
    BI_TRY(want_str_or_strs(bc, a, 1));
    for (size_t i = 0; i < n_strs(a[0]); i++) {
        rv s = nth_str(a[0], i);
        size_t sl = rv_str_len(s);
        for (size_t k = 0; k < n_strs(a[1]); k++) {
            rv p = nth_str(a[1], k);
            size_t pl = rv_str_len(p);
            if (pl <= sl && !memcmp(rv_str(s) + (suffix ? sl - pl : 0), rv_str(p), pl))
                return bi_ok(out, rv_bool(true));
        }
    }
    return bi_ok(out, rv_bool(false));
}

BI(any_prefix_match)
{
    return any_match(bc, a, out, 0);
}

BI(any_suffix_match)
{
    return any_match(bc, a, out, 1);
}

BI(format_int)
{
    BI_WANT(0, RV_NUMBER);
    int64_t base;
    BI_WANT(1, RV_NUMBER);
    if (!rv_num_to_int64(a[1], &base) || (base != 2 && base != 8 && base != 10 && base != 16))
        return rego_bi_type_error(bc, "operand 2 must be one of {2, 8, 10, 16}");
    rv t = rv_num_is_int(a[0]) ? rv_ref(a[0]) : rv_num_double((double)(int64_t)rv_num_to_double(a[0]));
    int64_t v;
    if (!rv_num_to_int64(t, &v)) {
        char *txt = rv_num_int_text(t);
        rv_unref(t);
        if (!txt || base != 10) {
            free(txt);
            return rego_bi_error(bc, "operand 1: number too large for base %lld", (long long)base);
        }
        return bi_ok(out, rv_str_take(txt, strlen(txt)));
    }
    rv_unref(t);
    char buf[80];
    size_t n = sizeof buf - 1;
    buf[n] = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        buf[--n] = "0123456789abcdef"[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u);
    if (v < 0)
        buf[--n] = '-';
    return bi_ok(out, rv_str_new(buf + n));
}
