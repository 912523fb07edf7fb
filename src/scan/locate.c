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
static int scan_locate_is_wrapped(const json_t *v)
{
    return json_is_object(v) && json_object_get(v, "value") && json_object_get(v, "startline");
}

static json_t *meta_of(json_t *v)
{
    json_t *m = json_object_get(v, META);
    return json_is_object(m) ? m : scan_locate_is_wrapped(v) ? v : NULL;
}

static int cmp_key(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Append v's content without any metadata to b, in an unambiguous encoding (length-prefixed
 * strings, sorted keys): the input of content hashes that do not depend on locations. */
static int encode(const json_t *v, struct osp_buf *b, int depth)
{
    if (scan_locate_is_wrapped(v))
        return encode(json_object_get(v, "value"), b, depth + 1);
    if (depth > MAX_DEPTH)
        return osp_buf_adds(b, "~");
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        size_t n = json_object_size(v), k = 0;
        const char **keys = n ? malloc(n * sizeof(*keys)) : NULL;
        const char *key;
        json_t *x;
        if (n && !keys)
            return -1;
        json_object_foreach((json_t *)v, key, x) keys[k++] = key;
        qsort(keys, k, sizeof(*keys), cmp_key);
        int rc = osp_buf_adds(b, "{");
        for (size_t i = 0; !rc && i < k; i++)
            if (strcmp(keys[i], META))
                rc = osp_buf_addf(b, "%zu:%s", strlen(keys[i]), keys[i]) || encode(json_object_get(v, keys[i]), b, depth + 1);
        free(keys);
        return rc || osp_buf_adds(b, "}");
    }
    case JSON_ARRAY: {
        int rc = osp_buf_adds(b, "[");
        for (size_t i = 0; !rc && i < json_array_size(v); i++)
            rc = encode(json_array_get(v, i), b, depth + 1);
        return rc || osp_buf_adds(b, "]");
    }
    case JSON_STRING:
        return osp_buf_addf(b, "s%zu:", json_string_length(v)) ||
               osp_buf_add(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        return osp_buf_addf(b, "i%lld;", (long long)json_integer_value(v));
    case JSON_REAL:
        return osp_buf_addf(b, "r%.17g;", json_real_value(v));
    case JSON_TRUE:
        return osp_buf_adds(b, "t");
    case JSON_FALSE:
        return osp_buf_adds(b, "f");
    default:
        return osp_buf_adds(b, "n");
    }
}

static void scan_locate_content_id(const json_t *v, struct osp_buf *scratch, char out[9])
{
    char hex[65];
    scratch->len = 0;
    int rc = encode(v, scratch, 0);
    osp_sha256_hex(rc ? "" : osp_buf_str(scratch), rc ? 0 : scratch->len, hex);
    memcpy(out, hex, 8);
    out[8] = '\0';
}

struct root {
    const char *resource; /* the ARN being numbered */
    unsigned line;
    struct osp_buf *scratch; /* content hashes */
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
        if (strcmp(keys[i], META) && !(scan_locate_is_wrapped(v)))
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
        scan_locate_content_id(json_array_get(v, i), root->scratch, id);
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
        struct root sub = {res, 0, root->scratch};
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
    struct osp_buf path, scratch;
    osp_buf_init(&path, 0);
    osp_buf_init(&scratch, 0);
    struct root none = {NULL, 0, &scratch};
    visit(copy, &path, &none, 0);
    osp_buf_cleanup(&path);
    osp_buf_cleanup(&scratch);
    return copy;
}
