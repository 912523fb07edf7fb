/* xml.c: XML response bodies to jansson trees, with no network, no entities and size/depth caps. */
#include "aws/xml.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

static int is_list_wrapper_name(const xmlChar *n)
{
    return xmlStrEqual(n, BAD_CAST "member") || xmlStrEqual(n, BAD_CAST "item");
}

static enum osp_code convert(xmlNodePtr node, int depth, json_t **out, struct osp_err *err);

/* Text of an element without element children ("" when empty). */
static json_t *text_of(xmlNodePtr node)
{
    xmlChar *t = xmlNodeGetContent(node);
    json_t *s = json_string(t ? (const char *)t : "");
    if (!s)
        s = json_string(""); /* invalid UTF-8: keep the key, drop the bytes */
    xmlFree(t);
    return s;
}

/* Add child value v under name in obj; names seen more than once (count > 1) collect into an array. */
static int obj_add(json_t *obj, json_t *counts, const char *name, json_t *v)
{
    if (json_integer_value(json_object_get(counts, name)) <= 1)
        return json_object_set_new(obj, name, v);
    json_t *arr = json_object_get(obj, name);
    if (!arr) {
        arr = json_array();
        if (!arr || json_object_set_new(obj, name, arr)) {
            json_decref(v);
            return -1;
        }
    }
    return json_array_append_new(arr, v);
}

static json_t *count_names(xmlNodePtr node)
{
    json_t *counts = json_object();
    for (xmlNodePtr c = node->children; c && counts; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        json_int_t n = json_integer_value(json_object_get(counts, (const char *)c->name));
        json_object_set_new(counts, (const char *)c->name, json_integer(n + 1));
    }
    return counts;
}

static enum osp_code convert_children(xmlNodePtr node, int depth, json_t **out, struct osp_err *err)
{
    int elements = 0, wrappers = 0;
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        elements++;
        wrappers += is_list_wrapper_name(c->name);
    }
    if (elements == 0) {
        *out = text_of(node);
        return *out ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory converting XML");
    }
    int as_list = wrappers == elements;
    json_t *res = as_list ? json_array() : json_object();
    json_t *counts = as_list ? NULL : count_names(node);
    if (!res || (!as_list && !counts)) {
        json_decref(res);
        json_decref(counts);
        return osp_err_set(err, OSP_ENOMEM, "out of memory converting XML");
    }
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        json_t *v = NULL;
        enum osp_code rc = convert(c, depth + 1, &v, err);
        int bad = rc ? 0 : as_list ? json_array_append_new(res, v) : obj_add(res, counts, (const char *)c->name, v);
        if (rc || bad) {
            json_decref(res);
            json_decref(counts);
            return rc ? rc : osp_err_set(err, OSP_ENOMEM, "out of memory converting XML");
        }
    }
    json_decref(counts);
    *out = res;
    return OSP_OK;
}

static enum osp_code convert(xmlNodePtr node, int depth, json_t **out, struct osp_err *err)
{
    if (depth > AWS_XML_MAX_DEPTH)
        return osp_err_set(err, OSP_ELIMIT, "XML response nested deeper than %d elements; refusing it",
                           AWS_XML_MAX_DEPTH);
    return convert_children(node, depth, out, err);
}

/* libxml2 reports some errors (encoding conversion) with no parser context, through its global
 * handler, which prints to stderr: a library must not, and a hostile body would choose the text. */
static void quiet_xml_error(void *ud, xmlErrorPtr e)
{
    (void)ud;
    (void)e;
}

static int has_doctype(const char *data, size_t len)
{
    static const char needle[] = "<!DOCTYPE";
    size_t n = sizeof(needle) - 1;
    for (size_t i = 0; i + n <= len; i++)
        if (data[i] == '<' && memcmp(data + i, needle, n) == 0)
            return 1;
    for (size_t i = 0; i + 8 <= len; i++)
        if (data[i] == '<' && memcmp(data + i, "<!ENTITY", 8) == 0)
            return 1;
    return 0;
}

int aws_over_node_budget(const char *data, size_t len, const char *chars)
{
    unsigned char in[256] = {0};
    for (const char *c = chars; *c; c++)
        in[(unsigned char)*c] = 1;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (in[(unsigned char)data[i]] && ++n > AWS_MAX_NODES)
            return 1;
    return 0;
}

enum osp_code aws_xml_to_json(const char *data, size_t len, size_t max_bytes, json_t **out, struct osp_err *err)
{
    *out = NULL;
    if (max_bytes && len > max_bytes)
        return osp_err_set(err, OSP_ELIMIT, "XML response of %zu bytes exceeds the %zu-byte cap", len, max_bytes);
    if (len > (size_t)0x7fffffff)
        return osp_err_set(err, OSP_ELIMIT, "XML response too large (%zu bytes)", len);
    if (aws_over_node_budget(data, len, "<"))
        return osp_err_set(err, OSP_ELIMIT, "XML response of %zu bytes has more than %u tags; refusing it", len,
                           AWS_MAX_NODES);
    if (has_doctype(data, len))
        return osp_err_set(err, OSP_EPARSE,
                           "XML response carries a DOCTYPE/ENTITY declaration; refusing it (possible XXE)");
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA;
    xmlSetStructuredErrorFunc(NULL, quiet_xml_error); /* per thread in libxml2 */
    xmlDocPtr doc = xmlReadMemory(data, (int)len, "response.xml", NULL, opts);
    if (!doc)
        return osp_err_set(err, OSP_EPARSE, "malformed XML in the response");
    xmlNodePtr root = xmlDocGetRootElement(doc);
    enum osp_code rc = OSP_OK;
    if (!root || doc->intSubset || doc->extSubset) {
        rc = osp_err_set(err, OSP_EPARSE, "XML response has no root element or carries a DTD");
    } else {
        json_t *v = NULL, *top = json_object();
        rc = top ? convert(root, 1, &v, err) : osp_err_set(err, OSP_ENOMEM, "out of memory");
        if (!rc && json_object_set_new(top, (const char *)root->name, v) == 0)
            *out = top;
        else
            json_decref(top);
        if (!rc && !*out)
            rc = osp_err_set(err, OSP_ENOMEM, "out of memory converting XML");
    }
    xmlFreeDoc(doc);
    return rc;
}
