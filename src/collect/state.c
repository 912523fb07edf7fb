/* state.c: builders for state values: wrapped scalars with Trivy's metadata, tolerant readers. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "collect/col_int.h"
#include "core/alloc.h"
#include "core/secrets.h"
#include "core/timeutil.h"

json_t *col_meta(const char *arn)
{
    const char *a = arn ? arn : "";
    return json_pack("{s:s, s:s, s:s, s:b, s:b, s:b, s:i, s:i, s:s}", "filepath", a, "resource", a,
                     "sourceprefix", "remote", "managed", 1, "explicit", 1, "unresolvable", 0, "startline", 0,
                     "endline", 0, "fskey", "");
}

json_t *col_obj(const char *arn)
{
    json_t *o = json_object();
    if (o)
        json_object_set_new(o, "__defsec_metadata", col_meta(arn));
    return o;
}

json_t *col_wrap(json_t *value, const char *arn)
{
    json_t *m = col_meta(arn);
    if (!m || !value) {
        json_decref(m);
        json_decref(value);
        return NULL;
    }
    json_object_set_new(m, "value", value);
    return m;
}

json_t *col_arr(json_t *o, const char *key)
{
    json_t *a = json_object_get(o, key);
    if (json_is_array(a))
        return a;
    a = json_array();
    if (json_object_set_new(o, key, a) != 0)
        return NULL;
    return a;
}

void col_push(json_t *arr, json_t *item)
{
    if (arr && item)
        json_array_append_new(arr, item);
    else
        json_decref(item);
}

void col_set(json_t *o, const char *key, json_t *v)
{
    if (o && v)
        json_object_set_new(o, key, v);
    else
        json_decref(v);
}

/* Length of the valid UTF-8 sequence at s (of n bytes left), 0 when not valid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    size_t k = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
    if (!k || k > n || (k == 2 && s[0] < 0xc2) || (k == 4 && s[0] > 0xf4))
        return 0;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((k == 3 && s[0] == 0xe0 && s[1] < 0xa0) || (k == 3 && s[0] == 0xed && s[1] > 0x9f) ||
        (k == 4 && s[0] == 0xf0 && s[1] < 0x90) || (k == 4 && s[0] == 0xf4 && s[1] > 0x8f))
        return 0;
    return k;
}

json_t *col_str(const char *s)
{
    if (!s)
        return NULL;
    json_t *v = json_string(s);
    if (v)
        return v;
    /* not UTF-8 (a URL-decoded document, a hostile body): each bad byte becomes U+FFFD, as Go's
     * strings.ToValidUTF8 does, so the value is kept for the checks instead of dropped */
    size_t n = strlen(s), j = 0;
    char *out = osp_xmalloc(3 * n + 1);
    for (size_t i = 0; i < n;) {
        size_t k = utf8_len((const unsigned char *)s + i, n - i);
        if (k) {
            memcpy(out + j, s + i, k);
            j += k;
            i += k;
        } else {
            memcpy(out + j, "\xef\xbf\xbd", 3);
            j += 3;
            i++;
        }
    }
    out[j] = '\0';
    v = json_string(out);
    free(out);
    return v;
}

void col_add_str(json_t *o, const char *key, const char *s, const char *arn)
{
    if (s)
        col_set(o, key, col_wrap(col_str(s), arn));
}

void col_add_secret_text(json_t *o, const char *key, const char *s, const char *arn)
{
    if (!s)
        return;
    char *red = osp_secret_redact(s, strlen(s), NULL);
    col_add_str(o, key, red ? red : OSP_SECRET_MARKER, arn); /* engine failure: nothing in clear */
    free(red);
}

void col_add_secret_value(json_t *o, const char *key, const char *name, json_t *v, const char *arn)
{
    if (col_blank(v) && !json_is_string(v))
        return;
    const char *s = json_is_string(v) ? json_string_value(v) : "";
    char *mark = osp_secret_redact_value(name, s, json_is_string(v) ? json_string_length(v) : 0);
    col_add_str(o, key, mark ? mark : OSP_SECRET_MARKER, arn);
    free(mark);
}

void col_add_bool(json_t *o, const char *key, int b, const char *arn)
{
    col_set(o, key, col_wrap(json_boolean(b), arn));
}

void col_add_int(json_t *o, const char *key, long long v, const char *arn)
{
    col_set(o, key, col_wrap(json_integer((json_int_t)v), arn));
}

void col_add_str_v(json_t *o, const char *key, json_t *v, const char *arn)
{
    char num[64];
    if (json_is_string(v))
        col_add_str(o, key, json_string_value(v), arn);
    else if (json_is_integer(v))
        col_add_str(o, key, col_fmt(num, sizeof num, "%lld", (long long)json_integer_value(v)), arn);
    else if (json_is_boolean(v))
        col_add_str(o, key, json_is_true(v) ? "true" : "false", arn);
}

int col_truthy(json_t *v)
{
    if (json_is_true(v))
        return 1;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        long long x;
        if (col_int_of(v, &x))
            return x != 0;
        return strcasecmp(s, "true") == 0;
    }
    if (json_is_integer(v))
        return json_integer_value(v) != 0;
    return 0;
}

void col_add_bool_v(json_t *o, const char *key, json_t *v, const char *arn)
{
    if (json_is_boolean(v) || json_is_integer(v))
        col_add_bool(o, key, col_truthy(v), arn);
    else if (json_is_string(v) && json_string_length(v) > 0) {
        const char *s = json_string_value(v);
        if (strcasecmp(s, "true") == 0 || strcasecmp(s, "false") == 0)
            col_add_bool(o, key, col_truthy(v), arn);
    }
}

int col_int_of(json_t *v, long long *out)
{
    if (json_is_integer(v)) {
        *out = (long long)json_integer_value(v);
        return 1;
    }
    if (json_is_real(v)) {
        *out = (long long)json_real_value(v);
        return 1;
    }
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        char *end = NULL;
        long long x = strtoll(s, &end, 10);
        if (end != s && *s && *end == '\0') {
            *out = x;
            return 1;
        }
    }
    return 0;
}

void col_add_int_v(json_t *o, const char *key, json_t *v, const char *arn)
{
    long long x;
    if (col_int_of(v, &x))
        col_add_int(o, key, x, arn);
}

long long col_parse_time(json_t *v)
{
    if (json_is_number(v)) {
        double d = json_number_value(v);
        if (d > 1e11) /* milliseconds (CloudWatch Logs) */
            d /= 1000.0;
        return d >= 0 ? (long long)d : -1;
    }
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        long long x;
        if (col_int_of(v, &x) && x > 0)
            return x > 100000000000LL ? x / 1000 : x;
        time_t t = osp_parse_rfc3339(s);
        return t == (time_t)-1 ? -1 : (long long)t;
    }
    return -1;
}

void col_add_time_v(json_t *o, const char *key, json_t *v, const char *arn)
{
    long long t = col_parse_time(v);
    char buf[40];
    if (t < 0)
        return;
    osp_format_rfc3339((time_t)t, buf, sizeof buf);
    col_add_str(o, key, buf, arn);
}

void col_add_fields(json_t *o, json_t *item, const struct col_field *f, size_t n, const char *arn)
{
    static void (*const add[])(json_t *, const char *, json_t *, const char *) = {
        [COL_F_STR] = col_add_str_v, [COL_F_BOOL] = col_add_bool_v, [COL_F_INT] = col_add_int_v,
        [COL_F_TIME] = col_add_time_v};
    for (size_t i = 0; i < n; i++)
        add[f[i].kind](o, f[i].key, json_object_get(item, f[i].field), arn);
}

void col_add_time_s(json_t *o, const char *key, const char *s, const char *arn)
{
    if (!s)
        return;
    json_t *v = col_str(s);
    col_add_time_v(o, key, v, arn);
    json_decref(v);
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Percent-decode (and '+' -> ' ') into a new string. */
static char *url_decode(const char *s)
{
    size_t n = strlen(s), j = 0;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        int h, l;
        if (s[i] == '%' && i + 2 < n && (h = hexval((unsigned char)s[i + 1])) >= 0 &&
            (l = hexval((unsigned char)s[i + 2])) >= 0) {
            out[j++] = (char)(h * 16 + l);
            i += 2;
        } else if (s[i] == '+')
            out[j++] = ' ';
        else
            out[j++] = s[i];
    }
    out[j] = '\0';
    return out;
}

static json_t *doc_text(json_t *parsed, const char *fallback)
{
    char *txt = parsed ? json_dumps(parsed, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_t *r = col_str(txt ? txt : fallback);
    free(txt);
    return r;
}

void col_add_doc_v(json_t *o, const char *key, json_t *v, const char *arn)
{
    if (json_is_object(v)) {
        col_set(o, key, col_wrap(doc_text(v, "{}"), arn));
        return;
    }
    if (!json_is_string(v))
        return;
    const char *raw = json_string_value(v);
    json_t *parsed = json_loads(raw, 0, NULL);
    char *dec = NULL;
    if (!parsed && (dec = url_decode(raw)) != NULL)
        parsed = json_loads(dec, 0, NULL);
    col_set(o, key, col_wrap(doc_text(parsed, dec ? dec : raw), arn));
    json_decref(parsed);
    free(dec);
}

void col_add_str_list(json_t *o, const char *key, json_t *list, const char *arn)
{
    json_t *arr = col_arr(o, key), *v;
    size_t i;
    COL_ITEMS(list, i, v) {
        char num[64];
        if (json_is_string(v))
            col_push(arr, col_wrap(col_str(json_string_value(v)), arn));
        else if (json_is_integer(v))
            col_push(arr, col_wrap(json_string(col_fmt(num, sizeof num, "%lld", (long long)json_integer_value(v))), arn));
    }
}

json_t *col_list(json_t *v)
{
    return col_blank(v) ? NULL : v;
}

int col_blank(json_t *v)
{
    return !v || json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0);
}

const char *col_s(json_t *root, const char *path)
{
    json_t *v = aws_get(root, path);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

const char *col_fmt(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return buf;
}

static int b64val(int c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

char *col_base64_decode(const char *in, size_t *outlen)
{
    size_t n = strlen(in), j = 0;
    char *out = malloc(n / 4 * 3 + 4);
    unsigned acc = 0;
    int bits = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)in[i], v;
        if (isspace(c))
            continue;
        if (c == '=')
            break;
        if ((v = b64val(c)) < 0) {
            free(out);
            return NULL;
        }
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[j++] = (char)((acc >> bits) & 0xff);
        }
    }
    out[j] = '\0';
    if (outlen)
        *outlen = j;
    return out;
}
