/* bi_yaml.c: libyaml bridge: YAML documents to rv values and back, and the yaml.* builtins. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "rego/builtins/bi_int.h"
#include "rego/builtins/bi_yaml.h"

#define YAML_MAX_NODES 1000000
#define YAML_MAX_DEPTH 200

struct conv {
    yaml_document_t *doc;
    long budget;
};

static int is_one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(s, *list))
            return 1;
    return 0;
}

static int looks_int(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s) && *s != '_')
            return 0;
    return 1;
}

static int looks_float(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    int digits = 0, dot = 0;
    while (isdigit((unsigned char)*s) || (*s == '.' && !dot)) {
        if (*s == '.')
            dot = 1;
        else
            digits++;
        s++;
    }
    if (!digits)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '-' || *s == '+')
            s++;
        if (!isdigit((unsigned char)*s))
            return 0;
        while (isdigit((unsigned char)*s))
            s++;
    }
    return *s == 0;
}

static const char *const null_words[] = {"", "~", "null", "Null", "NULL", NULL};
static const char *const true_words[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y", NULL};
static const char *const false_words[] = {"false", "False", "FALSE", "no", "No", "NO",
                                          "off",   "Off",   "OFF",   "n",  "N",  NULL};

/* Resolve a plain scalar the way go-yaml v2 does. */
static rv plain_scalar(const char *s, size_t len)
{
    if (is_one_of(s, null_words))
        return rv_null();
    if (is_one_of(s, true_words))
        return rv_bool(true);
    if (is_one_of(s, false_words))
        return rv_bool(false);
    if (len < 64 && (looks_int(s) || looks_float(s))) {
        char buf[64];
        size_t k = 0;
        for (size_t i = 0; i < len; i++)
            if (s[i] != '_' && s[i] != '+')
                buf[k++] = s[i];
        buf[k] = 0;
        rv n = rv_num_parse(buf, k);
        if (rv_is_undef(n))
            n = rv_num_double(strtod(buf, NULL));
        if (!rv_is_undef(n))
            return n;
    }
    if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        char *end;
        long long v = strtoll(s + 2, &end, 16);
        if (!*end)
            return rv_num_int(v);
    }
    return rv_str_newn(s, len);
}

static rv scalar(const yaml_node_t *n)
{
    const char *s = (const char *)n->data.scalar.value;
    size_t len = n->data.scalar.length;
    /* the loader tags every untagged scalar !!str, so only the style tells quoted from plain */
    if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return rv_str_newn(s, len);
    return plain_scalar(s, len);
}

static int node_to_rv(struct conv *c, int id, int depth, rv *out);

/* A mapping key as a string (non-string scalars keep their text). */
static int key_to_rv(struct conv *c, int id, int depth, rv *out)
{
    yaml_node_t *n = yaml_document_get_node(c->doc, id);
    if (n && n->type == YAML_SCALAR_NODE) {
        *out = rv_str_newn((const char *)n->data.scalar.value, n->data.scalar.length);
        return 0;
    }
    rv k;
    if (node_to_rv(c, id, depth, &k) != 0)
        return -1;
    char *t = bi_json(k);
    rv_unref(k);
    if (!t)
        return -1;
    *out = rv_str_take(t, strlen(t));
    return 0;
}

static int node_to_rv(struct conv *c, int id, int depth, rv *out)
{
    yaml_node_t *n = yaml_document_get_node(c->doc, id);
    if (!n || depth > YAML_MAX_DEPTH || --c->budget < 0)
        return -1;
    if (n->type == YAML_SCALAR_NODE) {
        *out = scalar(n);
        return 0;
    }
    if (n->type == YAML_SEQUENCE_NODE) {
        rv arr = rv_arr_new();
        for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
            rv e;
            if (node_to_rv(c, *it, depth + 1, &e) != 0) {
                rv_unref(arr);
                return -1;
            }
            rv_arr_push(&arr, e);
        }
        *out = arr;
        return 0;
    }
    rv obj = rv_obj_new();
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        rv k, v;
        if (key_to_rv(c, p->key, depth + 1, &k) != 0) {
            rv_unref(obj);
            return -1;
        }
        if (node_to_rv(c, p->value, depth + 1, &v) != 0) {
            rv_unref(k);
            rv_unref(obj);
            return -1;
        }
        rv_obj_set(&obj, k, v);
    }
    *out = obj;
    return 0;
}

/* Top-level key -> 1-based line, for a mapping root. Returns new. */
static rv key_lines_of(yaml_document_t *doc)
{
    rv lines = rv_obj_new();
    yaml_node_t *root = yaml_document_get_root_node(doc);
    if (!root || root->type != YAML_MAPPING_NODE)
        return lines;
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key);
        if (k && k->type == YAML_SCALAR_NODE)
            rv_obj_set(&lines, rv_str_newn((const char *)k->data.scalar.value, k->data.scalar.length),
                       rv_num_int((int64_t)k->start_mark.line + 1));
    }
    return lines;
}

int bi_yaml_parse(const char *text, size_t len, rv *out, char *msg, size_t msglen, int *line)
{
    return bi_yaml_parse_lines(text, len, out, NULL, msg, msglen, line);
}

int bi_yaml_parse_lines(const char *text, size_t len, rv *out, rv *key_lines, char *msg, size_t msglen, int *line)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser)) {
        snprintf(msg, msglen, "yaml: out of memory");
        return -1;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &doc)) {
        /* go-yaml's numbering, which OPA's messages carry */
        int ln = (int)parser.problem_mark.line;
        if (ln && parser.error == YAML_SCANNER_ERROR)
            ln++;
        if (!ln)
            ln = (int)parser.context_mark.line;
        const char *why = parser.problem ? parser.problem : "syntax error";
        if (ln)
            snprintf(msg, msglen, "yaml: line %d: %s", ln, why);
        else
            snprintf(msg, msglen, "yaml: %s", why);
        if (line)
            *line = ln ? ln : 1;
        yaml_parser_delete(&parser);
        return -1;
    }
    int rc = 0;
    if (!yaml_document_get_root_node(&doc)) {
        *out = rv_null();
        if (key_lines)
            *key_lines = rv_obj_new();
    } else {
        struct conv c = {&doc, YAML_MAX_NODES};
        rc = node_to_rv(&c, 1, 0, out);
        if (rc == 0 && key_lines)
            *key_lines = key_lines_of(&doc);
        if (rc != 0) {
            snprintf(msg, msglen, "yaml: document too large or too deeply nested");
            if (line)
                *line = 1;
        }
    }
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    return rc;
}

/* ---- emitting ---- */

static int emit_scalar(yaml_emitter_t *em, const char *s, size_t n, yaml_scalar_style_t style)
{
    yaml_event_t ev;
    if (!yaml_scalar_event_initialize(&ev, NULL, (yaml_char_t *)YAML_STR_TAG, (yaml_char_t *)s, (int)n, 1, 1, style))
        return -1;
    return yaml_emitter_emit(em, &ev) ? 0 : -1;
}

/* A string that would not read back as a string must be quoted. */
static int needs_quotes(rv s)
{
    rv back = plain_scalar(rv_str(s), rv_str_len(s));
    int q = rv_kind(back) != RV_STRING;
    rv_unref(back);
    return q;
}

static int emit_value(yaml_emitter_t *em, rv v, int depth)
{
    yaml_event_t ev;
    if (depth > YAML_MAX_DEPTH)
        return -1;
    switch (rv_kind(v)) {
    case RV_STRING:
        return emit_scalar(em, rv_str(v), rv_str_len(v),
                           needs_quotes(v) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
    case RV_ARRAY:
    case RV_SET:
        if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE) ||
            !yaml_emitter_emit(em, &ev))
            return -1;
        for (size_t i = 0; i < rv_len(v); i++)
            if (emit_value(em, bi_elem_at(v, i), depth + 1) != 0)
                return -1;
        return yaml_sequence_end_event_initialize(&ev) && yaml_emitter_emit(em, &ev) ? 0 : -1;
    case RV_OBJECT:
        if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE) ||
            !yaml_emitter_emit(em, &ev))
            return -1;
        for (size_t i = 0; i < rv_len(v); i++) {
            rv k = rv_obj_key_at(v, i);
            int rc = rv_kind(k) == RV_STRING ? emit_value(em, k, depth + 1) : -1;
            if (rc != 0) {
                char *t = bi_json(k);
                rc = t ? emit_scalar(em, t, strlen(t), YAML_DOUBLE_QUOTED_SCALAR_STYLE) : -1;
                free(t);
            }
            if (rc != 0 || emit_value(em, rv_obj_val_at(v, i), depth + 1) != 0)
                return -1;
        }
        return yaml_mapping_end_event_initialize(&ev) && yaml_emitter_emit(em, &ev) ? 0 : -1;
    default: {
        char *t = bi_json(v);
        int rc = t ? emit_scalar(em, t, strlen(t), YAML_PLAIN_SCALAR_STYLE) : -1;
        free(t);
        return rc;
    }
    }
}

static int write_cb(void *data, unsigned char *buf, size_t size)
{
    return osp_buf_add(data, buf, size) == OSP_OK;
}

char *bi_yaml_dump(rv v)
{
    yaml_emitter_t em;
    yaml_event_t ev;
    struct osp_buf b;
    osp_buf_init(&b, 1u << 28);
    if (!yaml_emitter_initialize(&em))
        return NULL;
    yaml_emitter_set_output(&em, write_cb, &b);
    yaml_emitter_set_unicode(&em, 1);
    int ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) && yaml_emitter_emit(&em, &ev) &&
             yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) && yaml_emitter_emit(&em, &ev) &&
             emit_value(&em, v, 0) == 0 && yaml_document_end_event_initialize(&ev, 1) && yaml_emitter_emit(&em, &ev) &&
             yaml_stream_end_event_initialize(&ev) && yaml_emitter_emit(&em, &ev) && yaml_emitter_flush(&em);
    yaml_emitter_delete(&em);
    if (!ok) {
        osp_buf_cleanup(&b);
        return NULL;
    }
    return osp_buf_take(&b);
}

/* ---- builtins ---- */

BI(yaml_marshal)
{
    char *s = bi_yaml_dump(a[0]);
    if (!s)
        return rego_bi_error(bc, "cannot marshal value to YAML");
    return bi_ok(out, rv_str_take(s, strlen(s)));
}

BI(yaml_unmarshal)
{
    BI_WANT(0, RV_STRING);
    char msg[300];
    rv v;
    if (bi_yaml_parse(rv_str(a[0]), rv_str_len(a[0]), &v, msg, sizeof msg, NULL) != 0)
        return rego_bi_error(bc, "%s", msg);
    return bi_ok(out, v);
}

BI(yaml_is_valid)
{
    if (rv_kind(a[0]) != RV_STRING)
        return bi_ok(out, rv_bool(false));
    char msg[300];
    rv v;
    if (bi_yaml_parse(rv_str(a[0]), rv_str_len(a[0]), &v, msg, sizeof msg, NULL) != 0)
        return bi_ok(out, rv_bool(false));
    rv_unref(v);
    return bi_ok(out, rv_bool(true));
}
