/* col_test.h: helpers for the collector unit tests: load recorded responses (XML through the
 * aws layer's own converter, JSON as-is) and read wrapped state values by path. */
#ifndef OSPREY_TESTS_COL_TEST_H
#define OSPREY_TESTS_COL_TEST_H

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/xml.h"
#include "collect/col_int.h"
#include "osp_test.h"

static inline char *ct_read(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "tests/fixtures/collect/%s", name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "missing fixture %s\n", path);
        return NULL;
    }
    char *buf = malloc(1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    if (len)
        *len = n;
    return buf;
}

/* A recorded response as the aws layer hands it to collectors. */
static inline json_t *ct_load(const char *name)
{
    size_t n = 0;
    char *text = ct_read(name, &n);
    json_t *out = NULL;
    if (!text)
        return NULL;
    if (strstr(name, ".xml")) {
        struct osp_err err;
        osp_err_init(&err);
        if (aws_xml_to_json(text, n, 1 << 20, &out, &err) != OSP_OK)
            fprintf(stderr, "%s: %s\n", name, err.msg);
    } else {
        out = json_loads(text, JSON_DECODE_ANY, NULL);
    }
    free(text);
    return out;
}

/* Follow "a.0.b" through objects and arrays (numbers index arrays). Borrowed. */
static inline json_t *ct_at(json_t *root, const char *path)
{
    char buf[256], *save = NULL;
    snprintf(buf, sizeof buf, "%s", path);
    json_t *cur = root;
    for (char *tok = strtok_r(buf, ".", &save); cur && tok; tok = strtok_r(NULL, ".", &save)) {
        if (json_is_array(cur)) {
            char *end;
            long i = strtol(tok, &end, 10);
            cur = *end ? NULL : json_array_get(cur, (size_t)i);
        } else
            cur = json_object_get(cur, tok);
    }
    return cur;
}

/* The "value" of the wrapped scalar at path, or NULL. */
static inline json_t *ct_val(json_t *root, const char *path)
{
    return json_object_get(ct_at(root, path), "value");
}
static inline const char *ct_str(json_t *root, const char *path)
{
    return json_string_value(ct_val(root, path));
}
static inline int ct_bool(json_t *root, const char *path) /* -1: absent */
{
    json_t *v = ct_val(root, path);
    return json_is_boolean(v) ? json_is_true(v) : -1;
}
static inline long long ct_int(json_t *root, const char *path) /* -1: absent */
{
    json_t *v = ct_val(root, path);
    return json_is_integer(v) ? (long long)json_integer_value(v) : -1;
}
static inline size_t ct_len(json_t *root, const char *path) /* (size_t)-1: not an array */
{
    json_t *v = ct_at(root, path);
    return json_is_array(v) ? json_array_size(v) : (size_t)-1;
}
#define CT_STR_EQ(root, path, want) CU_ASSERT_STRING_EQUAL(ct_str(root, path) ? ct_str(root, path) : "(absent)", want)

#endif
