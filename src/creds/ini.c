/* ini.c: parser for the AWS shared config and credentials files (sections, keys, nested values). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "creds/creds_int.h"

#define INI_MAX_LINE 8192

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

static int add_section(struct cred_ini *ini, const char *name, size_t n, int line)
{
    if (ini->n == ini->cap) {
        size_t cap = ini->cap ? ini->cap * 2 : 8;
        struct cred_section *p = realloc(ini->secs, cap * sizeof(*p));
        if (!p)
            return -1;
        ini->secs = p;
        ini->cap = cap;
    }
    struct cred_section *s = &ini->secs[ini->n];
    memset(s, 0, sizeof(*s));
    s->name = dup_range(name, n);
    if (!s->name)
        return -1;
    /* collapse runs of blanks so "[profile   x]" and "[profile x]" are the same section */
    char *w = s->name;
    for (const char *r = s->name; *r; r++)
        if (!(isblank((unsigned char)*r) && w > s->name && isblank((unsigned char)w[-1])))
            *w++ = isblank((unsigned char)*r) ? ' ' : *r;
    *w = 0;
    s->line = line;
    ini->n++;
    return 0;
}

static int add_kv(struct cred_section *s, const char *k, size_t kn, const char *v, size_t vn, int line)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        struct cred_kv *p = realloc(s->kv, cap * sizeof(*p));
        if (!p)
            return -1;
        s->kv = p;
        s->cap = cap;
    }
    struct cred_kv *kv = &s->kv[s->n];
    kv->key = dup_range(k, kn);
    kv->value = dup_range(v, vn);
    kv->len = vn;
    kv->cap = vn + 1;
    kv->line = line;
    if (!kv->key || !kv->value) {
        free(kv->key);
        free(kv->value);
        return -1;
    }
    for (char *p = kv->key; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    s->n++;
    return 0;
}

/* Append a continuation line ("\n" + text) to the last value; the buffer doubles, so a value
 * of many lines costs linear time, not quadratic. */
static int append_value(struct cred_kv *kv, const char *t, size_t n)
{
    size_t need = kv->len + n + 2;
    if (need > kv->cap) {
        size_t cap = kv->cap * 2 > need ? kv->cap * 2 : need;
        char *p = realloc(kv->value, cap);
        if (!p)
            return -1;
        kv->value = p;
        kv->cap = cap;
    }
    kv->value[kv->len] = '\n';
    memcpy(kv->value + kv->len + 1, t, n);
    kv->len += n + 1;
    kv->value[kv->len] = 0;
    return 0;
}

static void trim_range(const char **s, size_t *n)
{
    while (*n && isspace((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

/* Drop an inline comment: " #..." or " ;..." (a '#' glued to text, as in URLs, stays). */
static size_t strip_inline_comment(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if ((s[i] == '#' || s[i] == ';') && isblank((unsigned char)s[i - 1]))
            return i;
    return n;
}

static enum osp_code parse_header(struct cred_ini *ini, const char *path, const char *s, size_t n, int line,
                                  struct osp_err *err)
{
    const char *close = memchr(s, ']', n);
    if (!close)
        return osp_err_set(err, OSP_ECONFIG, "%s:%d: section header without ']' (write it as [name])", path, line);
    const char *rest = close + 1;
    size_t rn = n - (size_t)(rest - s);
    trim_range(&rest, &rn);
    if (rn && rest[0] != '#' && rest[0] != ';')
        return osp_err_set(err, OSP_ECONFIG, "%s:%d: unexpected text after section header", path, line);
    const char *name = s + 1;
    size_t nn = (size_t)(close - name);
    trim_range(&name, &nn);
    if (!nn)
        return osp_err_set(err, OSP_ECONFIG, "%s:%d: empty section name '[]'", path, line);
    if (add_section(ini, name, nn, line))
        return osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", path);
    return OSP_OK;
}

static enum osp_code parse_pair(struct cred_ini *ini, const char *path, const char *s, size_t n, int line,
                                struct osp_err *err)
{
    if (!ini->n)
        return osp_err_set(err, OSP_ECONFIG,
                           "%s:%d: setting outside any [section] (add a [profile name] line above it)", path, line);
    const char *eq = memchr(s, '=', n);
    if (!eq)
        return osp_err_set(err, OSP_ECONFIG, "%s:%d: expected 'key = value' or '[section]'", path, line);
    const char *k = s, *v = eq + 1;
    size_t kn = (size_t)(eq - s), vn = n - kn - 1;
    trim_range(&k, &kn);
    vn = strip_inline_comment(v - 1, vn + 1) - 1;
    trim_range(&v, &vn);
    if (!kn)
        return osp_err_set(err, OSP_ECONFIG, "%s:%d: missing key before '='", path, line);
    if (add_kv(&ini->secs[ini->n - 1], k, kn, v, vn, line))
        return osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", path);
    return OSP_OK;
}

/* An indented line: a continuation of the previous value (nested "sub = v" blocks included). */
static enum osp_code parse_continuation(struct cred_ini *ini, const char *path, const char *s, size_t n, int line,
                                        struct osp_err *err)
{
    struct cred_section *sec = ini->n ? &ini->secs[ini->n - 1] : NULL;
    if (!sec || !sec->n)
        return osp_err_set(err, OSP_ECONFIG, "%s:%d: indented line continues no setting (remove the indentation)", path,
                           line);
    trim_range(&s, &n);
    if (append_value(&sec->kv[sec->n - 1], s, n))
        return osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", path);
    return OSP_OK;
}

static enum osp_code parse_line(struct cred_ini *ini, const char *path, const char *s, size_t n, int line,
                                struct osp_err *err)
{
    const char *t = s;
    size_t tn = n;
    trim_range(&t, &tn);
    if (!tn || t[0] == '#' || t[0] == ';')
        return OSP_OK;
    if (isblank((unsigned char)s[0]) && ini->n && ini->secs[ini->n - 1].n)
        return parse_continuation(ini, path, s, n, line, err);
    if (t[0] == '[')
        return parse_header(ini, path, t, tn, line, err);
    return parse_pair(ini, path, t, tn, line, err);
}

enum osp_code cred_ini_parse(const char *path, const char *text, struct cred_ini *out, struct osp_err *err)
{
    memset(out, 0, sizeof(*out));
    out->path = strdup(path ? path : "(config)");
    if (!out->path)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    int line = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        line++;
        enum osp_code rc = OSP_OK;
        if (n > INI_MAX_LINE)
            rc = osp_err_set(err, OSP_ECONFIG, "%s:%d: line longer than %d bytes", out->path, line, INI_MAX_LINE);
        if (!rc && memchr(p, '\0', n))
            rc = osp_err_set(err, OSP_ECONFIG, "%s:%d: NUL byte in file", out->path, line);
        if (!rc)
            rc = parse_line(out, out->path, p, n, line, err);
        if (rc) {
            cred_ini_cleanup(out);
            return rc;
        }
        p = nl ? nl + 1 : p + n;
    }
    return OSP_OK;
}

enum osp_code cred_ini_load(const char *path, struct cred_ini *out, int *found, struct osp_err *err)
{
    memset(out, 0, sizeof(*out));
    *found = 0;
    char *text = NULL;
    struct osp_err tmp;
    osp_err_init(&tmp);
    if (cred_read_file(path, CRED_INI_MAX_BYTES, &text, &tmp) != OSP_OK) {
        if (tmp.code == OSP_ELIMIT)
            return osp_err_set(err, OSP_ECONFIG, "%s", tmp.msg);
        return OSP_OK; /* missing or unreadable: treated as absent, as the AWS CLI does */
    }
    enum osp_code rc = cred_ini_parse(path, text, out, err);
    free(text);
    if (rc == OSP_OK)
        *found = 1;
    return rc;
}

void cred_ini_cleanup(struct cred_ini *ini)
{
    if (!ini)
        return;
    for (size_t i = 0; i < ini->n; i++) {
        struct cred_section *s = &ini->secs[i];
        for (size_t j = 0; j < s->n; j++) {
            free(s->kv[j].key);
            free(s->kv[j].value);
        }
        free(s->kv);
        free(s->name);
    }
    free(ini->secs);
    free(ini->path);
    memset(ini, 0, sizeof(*ini));
}

/* A repeated section name: the last one wins. */
const struct cred_section *cred_ini_section(const struct cred_ini *ini, const char *name)
{
    for (size_t i = ini->n; i-- > 0;)
        if (!strcmp(ini->secs[i].name, name))
            return &ini->secs[i];
    return NULL;
}

const char *cred_ini_get(const struct cred_section *s, const char *key)
{
    if (!s)
        return NULL;
    for (size_t i = s->n; i-- > 0;)
        if (!strcasecmp(s->kv[i].key, key))
            return s->kv[i].value;
    return NULL;
}
