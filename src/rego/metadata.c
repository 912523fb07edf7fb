/* metadata.c: METADATA comment blocks (YAML) to OPA annotation objects, with OPA's checks. */
#include "rego/metadata.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_yaml.h"

#define META_MAX_BYTES (1u << 20)

struct mctx {
    rv lines; /* top-level key -> line */
    int line; /* line of the failing key */
    char msg[300];
};

static int key_line(struct mctx *m, const char *key)
{
    int64_t l = 1;
    rv v = rv_obj_get_s(m->lines, key);
    if (!rv_is_undef(v))
        rv_num_to_int64(v, &l);
    return (int)l;
}

static int fail(struct mctx *m, const char *key, const char *what)
{
    m->line = key_line(m, key);
    snprintf(m->msg, sizeof m->msg, "line %d: %s", m->line, what);
    return -1;
}

/* Strip "#" and one space from each line when every non-empty line is a comment. */
static char *strip_comments(const char *text, size_t len, size_t *outlen)
{
    int all = 1;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        size_t k = i;
        while (k < e && (text[k] == ' ' || text[k] == '\t'))
            k++;
        if (k < e && text[k] != '#')
            all = 0;
        i = e + 1;
    }
    char *o = malloc(len + 2);
    if (!o)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        size_t k = i;
        if (all) {
            while (k < e && (text[k] == ' ' || text[k] == '\t'))
                k++;
            if (k < e && text[k] == '#')
                k++;
            if (k < e && text[k] == ' ')
                k++;
        }
        if (all && n == 0 && e - k == 8 && !memcmp(text + k, "METADATA", 8)) {
            i = e + 1; /* the marker line itself */
            continue;
        }
        memcpy(o + n, text + k, e - k);
        n += e - k;
        o[n++] = '\n';
        i = e + 1;
    }
    o[n] = 0;
    *outlen = n;
    return o;
}

static int want_string(struct mctx *m, const char *key, rv v)
{
    if (rv_kind(v) == RV_STRING)
        return 0;
    char what[120];
    snprintf(what, sizeof what, "%s must be a string but got %s", key, rv_kind_name(rv_kind(v)));
    return fail(m, key, what);
}

/* "Jane Doe <jane@x.io>" -> {"name": "Jane Doe", "email": "jane@x.io"}. */
static rv parse_author(const char *s)
{
    rv o = rv_obj_new();
    const char *lt = strrchr(s, '<');
    size_t n = strlen(s);
    if (lt && n && s[n - 1] == '>') {
        size_t nl = (size_t)(lt - s);
        while (nl && isspace((unsigned char)s[nl - 1]))
            nl--;
        if (n - (size_t)(lt - s) > 2)
            rv_obj_set(&o, rv_str_new("email"), rv_str_newn(lt + 1, n - (size_t)(lt - s) - 2));
        if (nl)
            rv_obj_set(&o, rv_str_new("name"), rv_str_newn(s, nl));
        return o;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n)
        rv_obj_set(&o, rv_str_new("name"), rv_str_newn(s, n));
    return o;
}

static int norm_authors(struct mctx *m, rv v, rv *out)
{
    if (rv_kind(v) != RV_ARRAY)
        return fail(m, "authors", "authors must be a list");
    rv arr = rv_arr_new();
    for (size_t i = 0; i < rv_len(v); i++) {
        rv e = rv_arr_at(v, i), a;
        if (rv_kind(e) == RV_STRING) {
            a = parse_author(rv_str(e));
        } else if (rv_kind(e) == RV_OBJECT) {
            a = rv_obj_new();
            rv name = rv_obj_get_s(e, "name"), email = rv_obj_get_s(e, "email");
            if (rv_kind(name) == RV_STRING && rv_str_len(name))
                rv_obj_set(&a, rv_str_new("name"), rv_ref(name));
            if (rv_kind(email) == RV_STRING && rv_str_len(email))
                rv_obj_set(&a, rv_str_new("email"), rv_ref(email));
        } else {
            rv_unref(arr);
            return fail(m, "authors", "author must be a string or an object with name and email");
        }
        if (rv_len(a) == 0) {
            rv_unref(a);
            rv_unref(arr);
            return fail(m, "authors", "author must have a name or an email");
        }
        rv_arr_push(&arr, a);
    }
    *out = arr;
    return 0;
}

/* A URL with a scheme ("https://...", "mailto:..."), as OPA's url.Parse plus its checks. */
static int valid_ref(const char *s)
{
    const char *c = strchr(s, ':');
    if (!c || c == s || !isalpha((unsigned char)s[0]))
        return 0;
    for (const char *p = s; p < c; p++)
        if (!isalnum((unsigned char)*p) && !strchr("+-.", *p))
            return 0;
    for (const char *p = s; *p; p++)
        if (isspace((unsigned char)*p))
            return 0;
    return c[1] != 0;
}

static int norm_resources(struct mctx *m, rv v, rv *out)
{
    if (rv_kind(v) != RV_ARRAY)
        return fail(m, "related_resources", "related_resources must be a list");
    rv arr = rv_arr_new();
    for (size_t i = 0; i < rv_len(v); i++) {
        rv e = rv_arr_at(v, i), ref = rv_kind(e) == RV_STRING ? e : rv_obj_get_s(e, "ref");
        if (rv_kind(ref) != RV_STRING || !valid_ref(rv_str(ref))) {
            rv_unref(arr);
            char what[200];
            snprintf(what, sizeof what, "invalid related-resource ref '%s': must be an absolute URL",
                     rv_kind(ref) == RV_STRING ? rv_str(ref) : "");
            return fail(m, "related_resources", what);
        }
        rv r = rv_obj_new();
        rv_obj_set(&r, rv_str_new("ref"), rv_ref(ref));
        rv desc = rv_kind(e) == RV_OBJECT ? rv_obj_get_s(e, "description") : rv_undef();
        if (rv_kind(desc) == RV_STRING)
            rv_obj_set(&r, rv_str_new("description"), rv_ref(desc));
        rv_arr_push(&arr, r);
    }
    *out = arr;
    return 0;
}

static void push_term(rv *arr, const char *type, const char *s, size_t n)
{
    rv t = rv_obj_new();
    rv_obj_set(&t, rv_str_new("type"), rv_str_new(type));
    rv_obj_set(&t, rv_str_new("value"), rv_str_newn(s, n));
    rv_arr_push(arr, t);
}

/* "input.foo" or schema["aws"] -> [{"type":"var","value":"input"},{"type":"string",...}] */
static rv ref_terms(const char *s)
{
    rv arr = rv_arr_new();
    size_t n = strcspn(s, ".[");
    push_term(&arr, "var", s, n);
    s += n;
    while (*s) {
        if (*s == '.') {
            s++;
            n = strcspn(s, ".[");
            push_term(&arr, "string", s, n);
            s += n;
        } else if (s[1] == '"' && strchr(s + 2, '"')) {
            const char *q = strchr(s + 2, '"');
            push_term(&arr, "string", s + 2, (size_t)(q - s - 2));
            s = q + 1;
            if (*s == ']')
                s++;
        } else {
            n = strcspn(s + 1, "]");
            push_term(&arr, "string", s + 1, n);
            s += 1 + n + (s[1 + n] == ']');
        }
    }
    return arr;
}

static int norm_schemas(struct mctx *m, rv v, rv *out)
{
    if (rv_kind(v) != RV_ARRAY)
        return fail(m, "schemas", "schemas must be a list");
    rv arr = rv_arr_new();
    for (size_t i = 0; i < rv_len(v); i++) {
        rv e = rv_arr_at(v, i);
        if (rv_kind(e) != RV_OBJECT || rv_len(e) != 1 || rv_kind(rv_obj_key_at(e, 0)) != RV_STRING) {
            rv_unref(arr);
            return fail(m, "schemas", "schema entries must be single-key maps of path to schema");
        }
        rv path = rv_obj_key_at(e, 0), val = rv_obj_val_at(e, 0);
        rv s = rv_obj_new();
        rv_obj_set(&s, rv_str_new("path"), ref_terms(rv_str(path)));
        if (rv_kind(val) == RV_STRING)
            rv_obj_set(&s, rv_str_new("schema"), ref_terms(rv_str(val)));
        else if (rv_kind(val) == RV_OBJECT)
            rv_obj_set(&s, rv_str_new("definition"), rv_ref(val));
        else {
            rv_unref(s);
            rv_unref(arr);
            return fail(m, "schemas", "a schema must be a reference or an object");
        }
        rv_arr_push(&arr, s);
    }
    *out = arr;
    return 0;
}

static int check_scope(struct mctx *m, rv v)
{
    static const char *const scopes[] = {"rule", "document", "package", "subpackages"};
    if (want_string(m, "scope", v))
        return -1;
    for (size_t i = 0; i < 4; i++)
        if (!strcmp(rv_str(v), scopes[i]))
            return 0;
    char what[160];
    snprintf(what, sizeof what, "invalid annotation scope '%.100s'", rv_str(v));
    return fail(m, "scope", what);
}

/* Check one top-level field; *nv gets the normalized value (new). */
static int field(struct mctx *m, const char *k, rv v, rv *nv)
{
    if (!strcmp(k, "scope"))
        return check_scope(m, v) ? -1 : (*nv = rv_ref(v), 0);
    if (!strcmp(k, "title") || !strcmp(k, "description"))
        return want_string(m, k, v) ? -1 : (*nv = rv_ref(v), 0);
    if (!strcmp(k, "entrypoint"))
        return rv_kind(v) != RV_BOOL ? fail(m, k, "entrypoint must be a boolean") : (*nv = rv_ref(v), 0);
    if (!strcmp(k, "custom")) {
        if (rv_kind(v) == RV_NULL) {
            *nv = rv_obj_new();
            return 0;
        }
        return rv_kind(v) != RV_OBJECT ? fail(m, k, "custom must be a map") : (*nv = rv_ref(v), 0);
    }
    if (!strcmp(k, "organizations")) {
        if (rv_kind(v) != RV_ARRAY)
            return fail(m, k, "organizations must be a list of strings");
        for (size_t i = 0; i < rv_len(v); i++)
            if (rv_kind(rv_arr_at(v, i)) != RV_STRING)
                return fail(m, k, "organizations must be a list of strings");
        *nv = rv_ref(v);
        return 0;
    }
    if (!strcmp(k, "authors"))
        return norm_authors(m, v, nv);
    if (!strcmp(k, "related_resources"))
        return norm_resources(m, v, nv);
    if (!strcmp(k, "schemas"))
        return norm_schemas(m, v, nv);
    char what[160];
    snprintf(what, sizeof what, "field %.60s not found in type ast.rawAnnotation", k);
    return fail(m, k, what);
}

static int build(struct mctx *m, rv doc, const char *default_scope, rv *out)
{
    rv ann = rv_obj_new();
    for (size_t i = 0; i < rv_len(doc); i++) {
        rv k = rv_obj_key_at(doc, i), v = rv_obj_val_at(doc, i), nv;
        if (rv_kind(v) == RV_NULL && strcmp(rv_str(k), "custom") != 0)
            continue; /* "title:" with nothing after it */
        if (field(m, rv_str(k), v, &nv) != 0) {
            rv_unref(ann);
            return -1;
        }
        rv_obj_set(&ann, rv_ref(k), nv);
    }
    if (default_scope && rv_is_undef(rv_obj_get_s(ann, "scope")))
        rv_obj_set(&ann, rv_str_new("scope"), rv_str_new(default_scope));
    *out = ann;
    return 0;
}

enum osp_code rego_metadata_parse(const char *text, size_t len, const char *default_scope, rv *out, int *line,
                                  struct osp_err *err)
{
    if (len > META_MAX_BYTES) {
        if (line)
            *line = 1;
        return osp_err_set(err, OSP_EPOLICY, "METADATA block of %zu bytes is too large (limit %u)", len,
                           META_MAX_BYTES);
    }
    size_t ylen;
    char *yaml = strip_comments(text, len, &ylen);
    if (!yaml)
        return osp_err_set(err, OSP_ENOMEM, "out of memory reading METADATA");
    struct mctx m = {.lines = rv_undef(), .line = 1};
    rv doc = rv_undef();
    int yline = 1;
    int rc = bi_yaml_parse_lines(yaml, ylen, &doc, &m.lines, m.msg, sizeof m.msg, &yline);
    free(yaml);
    if (rc != 0) {
        if (line)
            *line = yline;
        return osp_err_set(err, OSP_EPOLICY, "%s", m.msg);
    }
    if (rv_kind(doc) != RV_OBJECT && rv_kind(doc) != RV_NULL) {
        rv_unref(doc);
        rv_unref(m.lines);
        if (line)
            *line = 1;
        return osp_err_set(err, OSP_EPOLICY, "line 1: METADATA must be a YAML mapping");
    }
    rv ann;
    rc = rv_kind(doc) == RV_NULL ? (ann = rv_obj_new(), 0) : build(&m, doc, default_scope, &ann);
    if (rc == 0 && rv_kind(doc) == RV_NULL && default_scope)
        rv_obj_set(&ann, rv_str_new("scope"), rv_str_new(default_scope));
    rv_unref(doc);
    rv_unref(m.lines);
    if (rc != 0) {
        if (line)
            *line = m.line;
        return osp_err_set(err, OSP_EPOLICY, "%s", m.msg);
    }
    *out = ann;
    return OSP_OK;
}
