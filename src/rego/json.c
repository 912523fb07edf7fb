/* json.c: JSON text <-> rv (numbers keep their spelling), canonical writer, Rego term writer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "rego/value_int.h"

/* Object keys repeat across a document ("value", "name", ...): the parser shares one string
 * per distinct key, which saves memory and keeps key comparisons on hot cache lines. */
#define INTERN_MAX_KEYS 65536
#define INTERN_MAX_LEN 64

struct intern {
    rv *slots; /* open addressing; undefined = empty */
    size_t cap, n;
};

struct jp {
    const char *s;
    size_t len, pos, depth, max_depth;
    struct osp_err *err;
    struct intern keys;
    struct rv_share *share; /* NULL: keys only are interned */
    bool strings_only;      /* share strings, not arrays and objects */
};

static rv shared(struct jp *p, rv v)
{
    return p->share && (!p->strings_only || rv_kind(v) == RV_STRING) ? rv_share(p->share, v) : v;
}

static rv intern_key(struct intern *t, const char *s, size_t n)
{
    if (n > INTERN_MAX_LEN || t->n >= INTERN_MAX_KEYS)
        return rv_str_newn(s, n);
    if (t->n * 2 >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        rv *slots = calloc(cap, sizeof(rv));
        if (!slots)
            return rv_str_newn(s, n);
        for (size_t i = 0; i < t->cap; i++) {
            if (rv_is_undef(t->slots[i]))
                continue;
            size_t j = rv_hash(t->slots[i]) & (cap - 1);
            while (!rv_is_undef(slots[j]))
                j = (j + 1) & (cap - 1);
            slots[j] = t->slots[i];
        }
        free(t->slots);
        t->slots = slots;
        t->cap = cap;
    }
    uint64_t h = rv_hash_bytes(s, n) | 1;
    size_t j = h & (t->cap - 1);
    while (!rv_is_undef(t->slots[j])) {
        rv k = t->slots[j];
        if (rv_hash(k) == h && rv_str_len(k) == n && memcmp(rv_str(k), s, n) == 0)
            return rv_ref(k);
        j = (j + 1) & (t->cap - 1);
    }
    rv k = rv_str_newn(s, n);
    rv_hash(k);
    t->slots[j] = rv_ref(k);
    t->n++;
    return k;
}

static void intern_free(struct intern *t)
{
    for (size_t i = 0; i < t->cap; i++)
        rv_unref(t->slots[i]);
    free(t->slots);
}

static enum osp_code jp_fail(struct jp *p, const char *what)
{
    size_t line = 1, col = 1;
    for (size_t i = 0; i < p->pos && i < p->len; i++) {
        if (p->s[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    return osp_err_set(p->err, OSP_EPARSE, "JSON: %s at line %zu column %zu", what, line, col);
}

static void skip_ws(struct jp *p)
{
    while (p->pos < p->len) {
        char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->pos++;
    }
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

static bool read_hex4(const char *s, size_t avail, unsigned *out)
{
    if (avail < 4)
        return false;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(s[i]);
        if (h < 0)
            return false;
        v = v * 16 + (unsigned)h;
    }
    *out = v;
    return true;
}

static enum osp_code put_utf8(struct osp_buf *b, unsigned cp)
{
    char t[4];
    size_t n;
    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return osp_buf_add(b, t, n);
}

bool rv_json_unescape(const char *s, size_t n, struct osp_buf *b)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != '\\') {
            if (osp_buf_addc(b, c))
                return false;
            continue;
        }
        if (++i >= n)
            return false;
        char e = s[i];
        const char *simple = strchr("\"\\/bfnrt", e);
        if (simple && e) {
            static const char map[] = "\"\\/\b\f\n\r\t";
            if (osp_buf_addc(b, map[simple - "\"\\/bfnrt"]))
                return false;
            continue;
        }
        unsigned cp;
        if (e != 'u' || !read_hex4(s + i + 1, n - i - 1, &cp))
            return false;
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < n && s[i + 1] == '\\' && s[i + 2] == 'u') {
            unsigned lo;
            if (read_hex4(s + i + 3, n - i - 3, &lo) && lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
        }
        if (cp >= 0xD800 && cp < 0xE000)
            cp = 0xFFFD;
        if (put_utf8(b, cp))
            return false;
    }
    return true;
}

static enum osp_code parse_value(struct jp *p, rv *out);

static enum osp_code parse_string_k(struct jp *p, rv *out, bool key);

static enum osp_code parse_string(struct jp *p, rv *out)
{
    return parse_string_k(p, out, false);
}

static enum osp_code parse_string_k(struct jp *p, rv *out, bool key)
{
    size_t start = ++p->pos;
    bool esc = false;
    while (p->pos < p->len && p->s[p->pos] != '"') {
        unsigned char c = (unsigned char)p->s[p->pos];
        if (c < 0x20)
            return jp_fail(p, "control character in string");
        if (c == '\\') {
            esc = true;
            p->pos++;
        }
        p->pos++;
    }
    if (p->pos >= p->len)
        return jp_fail(p, "unterminated string");
    size_t n = p->pos - start;
    p->pos++;
    if (!esc) {
        *out = key ? intern_key(&p->keys, p->s + start, n) : shared(p, rv_str_newn(p->s + start, n));
        return OSP_OK;
    }
    struct osp_buf b;
    osp_buf_init(&b, 0);
    if (!rv_json_unescape(p->s + start, n, &b)) {
        osp_buf_cleanup(&b);
        return jp_fail(p, "invalid escape in string");
    }
    *out = shared(p, rv_str_newn(b.data ? b.data : "", b.len));
    osp_buf_cleanup(&b);
    return OSP_OK;
}

static enum osp_code parse_number(struct jp *p, rv *out)
{
    size_t start = p->pos;
    while (p->pos < p->len && strchr("+-0123456789.eE", p->s[p->pos]) && p->s[p->pos])
        p->pos++;
    *out = rv_num_parse(p->s + start, p->pos - start);
    if (rv_is_undef(*out)) {
        p->pos = start;
        return jp_fail(p, "invalid number");
    }
    return OSP_OK;
}

static enum osp_code parse_array(struct jp *p, rv *out)
{
    rv arr = rv_arr_new();
    p->pos++;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == ']') {
        p->pos++;
        *out = arr;
        return OSP_OK;
    }
    for (;;) {
        rv item;
        enum osp_code rc = parse_value(p, &item);
        if (rc) {
            rv_unref(arr);
            return rc;
        }
        rv_arr_push(&arr, item);
        skip_ws(p);
        if (p->pos < p->len && p->s[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->pos < p->len && p->s[p->pos] == ']') {
            p->pos++;
            *out = shared(p, arr);
            return OSP_OK;
        }
        rv_unref(arr);
        return jp_fail(p, "expected ',' or ']'");
    }
}

struct kvbuf {
    rv small[32];
    rv *v;
    size_t n, cap;
};

static void kv_push(struct kvbuf *b, rv x)
{
    if (b->n == b->cap) {
        size_t cap = b->cap * 2;
        rv *p = malloc(cap * sizeof(rv));
        if (!p)
            osp_oom();
        memcpy(p, b->v, b->n * sizeof(rv));
        if (b->v != b->small)
            free(b->v);
        b->v = p;
        b->cap = cap;
    }
    b->v[b->n++] = x;
}

static void kv_drop(struct kvbuf *b)
{
    for (size_t i = 0; i < b->n; i++)
        rv_unref(b->v[i]);
    if (b->v != b->small)
        free(b->v);
}

/* Entries are gathered first so the object is allocated once at its final size. */
static enum osp_code parse_object(struct jp *p, rv *out)
{
    struct kvbuf kv;
    kv.v = kv.small;
    kv.n = 0;
    kv.cap = 32;
    p->pos++;
    skip_ws(p);
    enum osp_code rc = OSP_OK;
    if (p->pos < p->len && p->s[p->pos] == '}') {
        p->pos++;
        *out = rv_obj_new();
        return OSP_OK;
    }
    for (;;) {
        rv key, val;
        skip_ws(p);
        if (p->pos >= p->len || p->s[p->pos] != '"') {
            rc = jp_fail(p, "expected string key");
            break;
        }
        if ((rc = parse_string_k(p, &key, true)))
            break;
        kv_push(&kv, key);
        skip_ws(p);
        if (p->pos >= p->len || p->s[p->pos] != ':') {
            rc = jp_fail(p, "expected ':'");
            break;
        }
        p->pos++;
        if ((rc = parse_value(p, &val)))
            break;
        kv_push(&kv, val);
        skip_ws(p);
        if (p->pos < p->len && p->s[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->pos < p->len && p->s[p->pos] == '}') {
            p->pos++;
            break;
        }
        rc = jp_fail(p, "expected ',' or '}'");
        break;
    }
    if (rc) {
        kv_drop(&kv);
        return rc;
    }
    rv obj = rv_obj_with_cap(kv.n / 2);
    for (size_t i = 0; i + 1 < kv.n; i += 2)
        rv_obj_append_sorted(&obj, kv.v[i], kv.v[i + 1]);
    kv.n = 0;
    kv_drop(&kv);
    *out = shared(p, obj);
    return OSP_OK;
}

static bool lit(struct jp *p, const char *w)
{
    size_t n = strlen(w);
    if (p->len - p->pos >= n && memcmp(p->s + p->pos, w, n) == 0) {
        p->pos += n;
        return true;
    }
    return false;
}

static enum osp_code parse_value(struct jp *p, rv *out)
{
    skip_ws(p);
    if (p->pos >= p->len)
        return jp_fail(p, "unexpected end of input");
    char c = p->s[p->pos];
    if (c == '{' || c == '[') {
        if (++p->depth > p->max_depth)
            return jp_fail(p, "nesting too deep");
        enum osp_code rc = c == '{' ? parse_object(p, out) : parse_array(p, out);
        p->depth--;
        return rc;
    }
    if (c == '"')
        return parse_string(p, out);
    if (c == '-' || (c >= '0' && c <= '9'))
        return parse_number(p, out);
    if (lit(p, "true")) {
        *out = rv_bool(true);
        return OSP_OK;
    }
    if (lit(p, "false")) {
        *out = rv_bool(false);
        return OSP_OK;
    }
    if (lit(p, "null")) {
        *out = rv_null();
        return OSP_OK;
    }
    return jp_fail(p, "unexpected character");
}

enum osp_code rv_json_parse(const char *text, size_t len, const struct rv_json_limits *lim, rv *out,
                            struct osp_err *err)
{
    struct jp p = {text, len, 0, 0, 512, err, {NULL, 0, 0}, lim ? lim->share : NULL, lim && lim->share_strings_only};
    if (lim && lim->max_depth)
        p.max_depth = lim->max_depth;
    if (lim && lim->max_bytes && len > lim->max_bytes)
        return osp_err_set(err, OSP_ELIMIT, "JSON document of %zu bytes exceeds the %zu byte limit", len,
                           lim->max_bytes);
    rv v;
    enum osp_code rc = parse_value(&p, &v);
    intern_free(&p.keys);
    if (rc)
        return rc;
    skip_ws(&p);
    if (p.pos != p.len) {
        rv_unref(v);
        return jp_fail(&p, "trailing data after document");
    }
    *out = v;
    return OSP_OK;
}

/* ---- writers ---- */

static enum osp_code write_str(const char *s, size_t n, struct osp_buf *out)
{
    enum osp_code rc = osp_buf_addc(out, '"');
    for (size_t i = 0; i < n && !rc; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            rc = osp_buf_adds(out, "\\\"");
            break;
        case '\\':
            rc = osp_buf_adds(out, "\\\\");
            break;
        case '\n':
            rc = osp_buf_adds(out, "\\n");
            break;
        case '\r':
            rc = osp_buf_adds(out, "\\r");
            break;
        case '\t':
            rc = osp_buf_adds(out, "\\t");
            break;
        default:
            if (c < 0x20)
                rc = osp_buf_addf(out, "\\u%04x", c);
            else
                rc = osp_buf_addc(out, (char)c);
        }
    }
    return rc ? rc : osp_buf_addc(out, '"');
}

static enum osp_code indent(struct osp_buf *out, bool pretty, int depth)
{
    if (!pretty)
        return OSP_OK;
    enum osp_code rc = osp_buf_addc(out, '\n');
    for (int i = 0; i < depth && !rc; i++)
        rc = osp_buf_adds(out, "  ");
    return rc;
}

static enum osp_code write_json(rv v, bool pretty, int depth, struct osp_buf *out);

static enum osp_code write_key(rv k, struct osp_buf *out)
{
    if (k.kind == RV_STRING)
        return write_str(rv_str(k), rv_str_len(k), out);
    struct osp_buf t;
    osp_buf_init(&t, 0);
    enum osp_code rc = write_json(k, false, 0, &t);
    if (!rc)
        rc = write_str(t.data ? t.data : "", t.len, out);
    osp_buf_cleanup(&t);
    return rc;
}

static enum osp_code write_json(rv v, bool pretty, int depth, struct osp_buf *out)
{
    enum osp_code rc = OSP_OK;
    size_t n = rv_len(v);
    switch ((enum rv_kind)v.kind) {
    case RV_UNDEF:
    case RV_NULL:
        return osp_buf_adds(out, "null");
    case RV_BOOL:
        return osp_buf_adds(out, v.u.b ? "true" : "false");
    case RV_NUMBER:
        return rv_num_format(v, out);
    case RV_STRING:
        return write_str(rv_str(v), rv_str_len(v), out);
    case RV_ARRAY:
    case RV_SET:
        rc = osp_buf_addc(out, '[');
        for (size_t i = 0; i < n && !rc; i++) {
            if (i)
                rc = osp_buf_addc(out, ',');
            if (!rc)
                rc = indent(out, pretty, depth + 1);
            if (!rc)
                rc = write_json(v.kind == RV_SET ? rv_set_at(v, i) : rv_arr_at(v, i), pretty, depth + 1, out);
        }
        if (!rc && n)
            rc = indent(out, pretty, depth);
        return rc ? rc : osp_buf_addc(out, ']');
    case RV_OBJECT:
        rc = osp_buf_addc(out, '{');
        for (size_t i = 0; i < n && !rc; i++) {
            if (i)
                rc = osp_buf_addc(out, ',');
            if (!rc)
                rc = indent(out, pretty, depth + 1);
            if (!rc)
                rc = write_key(rv_obj_key_at(v, i), out);
            if (!rc)
                rc = osp_buf_adds(out, pretty ? ": " : ":");
            if (!rc)
                rc = write_json(rv_obj_val_at(v, i), pretty, depth + 1, out);
        }
        if (!rc && n)
            rc = indent(out, pretty, depth);
        return rc ? rc : osp_buf_addc(out, '}');
    }
    return rc;
}

enum osp_code rv_json_write(rv v, bool pretty, struct osp_buf *out)
{
    return write_json(v, pretty, 0, out);
}

char *rv_json_dump(rv v, bool pretty)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    if (rv_json_write(v, pretty, &b)) {
        osp_buf_cleanup(&b);
        return NULL;
    }
    return osp_buf_take(&b);
}

/* "[a, b]" / "{a, b}": the elements of an array or a set, in Rego syntax. */
static enum osp_code rego_write_seq(rv v, size_t n, char open, char close, rv (*at)(rv, size_t),
                                    struct osp_buf *out)
{
    enum osp_code rc = osp_buf_addc(out, open);
    for (size_t i = 0; i < n && !rc; i++) {
        if (i)
            rc = osp_buf_adds(out, ", ");
        if (!rc)
            rc = rv_rego_write(at(v, i), out);
    }
    return rc ? rc : osp_buf_addc(out, close);
}

enum osp_code rv_rego_write(rv v, struct osp_buf *out)
{
    enum osp_code rc = OSP_OK;
    size_t n = rv_len(v);
    switch ((enum rv_kind)v.kind) {
    case RV_SET:
        return n ? rego_write_seq(v, n, '{', '}', rv_set_at, out) : osp_buf_adds(out, "set()");
    case RV_ARRAY:
        return rego_write_seq(v, n, '[', ']', rv_arr_at, out);
    case RV_OBJECT:
        rc = osp_buf_addc(out, '{');
        for (size_t i = 0; i < n && !rc; i++) {
            if (i)
                rc = osp_buf_adds(out, ", ");
            if (!rc)
                rc = rv_rego_write(rv_obj_key_at(v, i), out);
            if (!rc)
                rc = osp_buf_adds(out, ": ");
            if (!rc)
                rc = rv_rego_write(rv_obj_val_at(v, i), out);
        }
        return rc ? rc : osp_buf_addc(out, '}');
    case RV_UNDEF:
        return osp_buf_adds(out, "<undefined>");
    default:
        return write_json(v, false, 0, out);
    }
}
