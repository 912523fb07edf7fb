/* locate.c: fskey and startline for every metadata object of a state document (locate.h). */
#include "scan/locate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/hash.h"

#define META "__defsec_metadata"
#define MAX_DEPTH 64

/* A wrapped scalar is its own metadata object: {"value": v, "resource": ..., "startline": ...}. */
static int is_wrapped(const json_t *v)
{
    return json_is_object(v) && json_object_get(v, "value") && json_object_get(v, "startline");
}

static json_t *meta_of(json_t *v)
{
    json_t *m = json_object_get(v, META);
    return json_is_object(m) ? m : is_wrapped(v) ? v : NULL;
}

/* v without any metadata (new reference), for content hashes that do not depend on locations. */
static json_t *stripped(const json_t *v, int depth)
{
    if (is_wrapped(v))
        return stripped(json_object_get(v, "value"), depth + 1);
    if (depth > MAX_DEPTH)
        return json_null();
    if (json_is_object(v)) {
        json_t *o = json_object();
        const char *k;
        json_t *x;
        json_object_foreach((json_t *)v, k, x)
        {
            if (strcmp(k, META))
                json_object_set_new(o, k, stripped(x, depth + 1));
        }
        return o;
    }
    if (json_is_array(v)) {
        json_t *a = json_array();
        for (size_t i = 0; i < json_array_size(v); i++)
            json_array_append_new(a, stripped(json_array_get(v, i), depth + 1));
        return a;
    }
    return json_incref((json_t *)v);
}

/* First 8 hex digits of the SHA-256 of v's canonical content. */
static void content_id(const json_t *v, char out[9])
{
    json_t *s = stripped(v, 0);
    char *text = s ? json_dumps(s, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY) : NULL;
    char hex[65];
    osp_sha256_hex(text ? text : "", text ? strlen(text) : 0, hex);
    memcpy(out, hex, 8);
    out[8] = '\0';
    free(text);
    json_decref(s);
}

static int cmp_key(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

struct root {
    const char *resource; /* the ARN being numbered */
    unsigned line;
};

static void visit(json_t *v, struct osp_buf *path, struct root *root, int depth);

static void mark(json_t *meta, const struct osp_buf *path, struct root *root)
{
    json_object_set_new(meta, "fskey", json_string(osp_buf_str(path)));
    json_object_set_new(meta, "startline", json_integer(++root->line));
    json_object_set_new(meta, "endline", json_integer(root->line));
}

/* Visit child under path + sep + name, then restore path. */
static void child(json_t *v, struct osp_buf *path, const char *name, int element, struct root *root, int depth)
{
    size_t len = path->len;
    int rc = element ? osp_buf_addf(path, "[%s]", name) : osp_buf_addf(path, "%s%s", len ? "/" : "", name);
    if (!rc)
        visit(v, path, root, depth + 1);
    path->len = len;
    if (path->data)
        path->data[len] = '\0';
}

static void visit_object(json_t *v, struct osp_buf *path, struct root *root, int depth)
{
    size_t n = json_object_size(v), k = 0;
    const char **keys = n ? malloc(n * sizeof(*keys)) : NULL;
    const char *key;
    json_t *x;
    if (n && !keys)
        return;
    json_object_foreach(v, key, x) keys[k++] = key;
    qsort(keys, k, sizeof(*keys), cmp_key);
    for (size_t i = 0; i < k; i++)
        if (strcmp(keys[i], META) && !(is_wrapped(v)))
            child(json_object_get(v, keys[i]), path, keys[i], 0, root, depth);
    free(keys);
}

static void visit_array(json_t *v, struct osp_buf *path, struct root *root, int depth)
{
    size_t n = json_array_size(v);
    if (!root->resource) { /* a list of resources (each starts its own paths): no names needed */
        for (size_t i = 0; i < n; i++)
            visit(json_array_get(v, i), path, root, depth + 1);
        return;
    }
    char(*ids)[12] = n ? calloc(n, sizeof(*ids)) : NULL;
    if (n && !ids)
        return;
    for (size_t i = 0; i < n; i++) {
        char id[9];
        content_id(json_array_get(v, i), id);
        size_t dup = 1;
        for (size_t j = 0; j < i; j++)
            dup += !strncmp(ids[j], id, 8);
        snprintf(ids[i], sizeof(ids[i]), dup > 1 ? "%.8s#%zu" : "%.8s", id, dup);
        child(json_array_get(v, i), path, ids[i], 1, root, depth);
    }
    free(ids);
}

static void visit(json_t *v, struct osp_buf *path, struct root *root, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    json_t *meta = meta_of(v);
    const char *res = meta ? json_string_value(json_object_get(meta, "resource")) : NULL;
    if (meta && res && *res && (!root->resource || strcmp(res, root->resource))) {
        /* a resource of its own (or the first one met): its own numbering and paths */
        struct root sub = {res, 0};
        struct osp_buf p;
        osp_buf_init(&p, 0);
        mark(meta, &p, &sub);
        if (json_is_object(v))
            visit_object(v, &p, &sub, depth);
        osp_buf_cleanup(&p);
        return;
    }
    if (meta && root->resource)
        mark(meta, path, root);
    if (json_is_object(v))
        visit_object(v, path, root, depth);
    else if (json_is_array(v))
        visit_array(v, path, root, depth);
}

json_t *scan_locate_copy(const json_t *doc)
{
    json_t *copy = json_deep_copy(doc);
    if (!copy)
        return NULL;
    struct root none = {NULL, 0};
    struct osp_buf path;
    osp_buf_init(&path, 0);
    visit(copy, &path, &none, 0);
    osp_buf_cleanup(&path);
    return copy;
}
