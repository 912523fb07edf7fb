/* yaml.c: YAML (compliance specs, METADATA blocks, --config-data files) -> rv values. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "scan/scan_int.h"

#define YAML_MAX_DEPTH 64

static rv plain_scalar(const char *s, size_t len)
{
    if (len == 0 || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL"))
        return rv_null();
    if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE"))
        return rv_bool(true);
    if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE"))
        return rv_bool(false);
    /* A plain scalar shaped like a JSON number becomes a number (it keeps its spelling, but
     * compares by value: 1.10 == 1.1), so control ids are quoted in the specs. */
    size_t i = (s[0] == '-') ? 1 : 0;
    int digits = 0, ok = i < len;
    for (; i < len && ok; i++) {
        if (isdigit((unsigned char)s[i]))
            digits++;
        else if (s[i] != '.' && s[i] != 'e' && s[i] != 'E' && s[i] != '+' && s[i] != '-')
            ok = 0;
    }
    if (ok && digits) {
        rv n = rv_num_parse(s, len);
        if (!rv_is_undef(n))
            return n;
    }
    return rv_str_newn(s, len);
}

static enum osp_code convert(yaml_document_t *doc, yaml_node_t *node, int depth, rv *out, struct osp_err *err);

static enum osp_code convert_seq(yaml_document_t *doc, yaml_node_t *node, int depth, rv *out, struct osp_err *err)
{
    rv arr = rv_arr_new();
    for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
        rv item;
        enum osp_code rc = convert(doc, yaml_document_get_node(doc, *it), depth + 1, &item, err);
        if (rc) {
            rv_unref(arr);
            return rc;
        }
        rv_arr_push(&arr, item);
    }
    *out = arr;
    return OSP_OK;
}

static enum osp_code convert_map(yaml_document_t *doc, yaml_node_t *node, int depth, rv *out, struct osp_err *err)
{
    rv obj = rv_obj_new();
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
        rv k, v;
        enum osp_code rc = convert(doc, yaml_document_get_node(doc, p->key), depth + 1, &k, err);
        if (rc) {
            rv_unref(obj);
            return rc;
        }
        rc = convert(doc, yaml_document_get_node(doc, p->value), depth + 1, &v, err);
        if (rc) {
            rv_unref(k);
            rv_unref(obj);
            return rc;
        }
        rv_obj_set(&obj, k, v);
    }
    *out = obj;
    return OSP_OK;
}

static enum osp_code convert(yaml_document_t *doc, yaml_node_t *node, int depth, rv *out, struct osp_err *err)
{
    if (!node) {
        *out = rv_null();
        return OSP_OK;
    }
    if (depth > YAML_MAX_DEPTH)
        return osp_err_set(err, OSP_ELIMIT, "YAML nested deeper than %d levels", YAML_MAX_DEPTH);
    switch (node->type) {
    case YAML_SCALAR_NODE: {
        const char *s = (const char *)node->data.scalar.value;
        size_t len = node->data.scalar.length;
        *out = node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? plain_scalar(s, len) : rv_str_newn(s, len);
        return OSP_OK;
    }
    case YAML_SEQUENCE_NODE:
        return convert_seq(doc, node, depth, out, err);
    case YAML_MAPPING_NODE:
        return convert_map(doc, node, depth, out, err);
    default:
        *out = rv_null();
        return OSP_OK;
    }
}

enum osp_code scan_yaml_parse(const char *text, size_t len, const char *name, rv *out, struct osp_err *err)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser))
        return osp_err_set(err, OSP_ENOMEM, "out of memory starting the YAML parser");
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &doc)) {
        osp_err_set(err, OSP_ECONFIG, "%s:%lu:%lu: invalid YAML: %s", name, (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1, parser.problem ? parser.problem : "syntax error");
        yaml_parser_delete(&parser);
        return OSP_ECONFIG;
    }
    enum osp_code rc = convert(&doc, yaml_document_get_root_node(&doc), 0, out, err);
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    return rc;
}
