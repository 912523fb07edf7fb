/* proto.c: request wire form per protocol (query, ec2, json, rest-json, rest-xml) and body parsing. */
#include "aws/proto.h"

#include <string.h>

#include "aws/sigv4.h"
#include "aws/xml.h"

void aws_req_cleanup(struct aws_req *r)
{
    osp_buf_cleanup(&r->path);
    osp_buf_cleanup(&r->query);
    osp_buf_cleanup(&r->body);
}

/* name=value&... with SigV4 encoding (valid form encoding too). */
static enum osp_code add_pair(struct osp_buf *b, const char *name, const char *value)
{
    enum osp_code rc = b->len ? osp_buf_addc(b, '&') : OSP_OK;
    if (!rc)
        rc = aws_sigv4_encode(b, name, strlen(name), 0);
    if (!rc)
        rc = osp_buf_addc(b, '=');
    if (!rc && value)
        rc = aws_sigv4_encode(b, value, strlen(value), 0);
    return rc;
}

static enum osp_code add_params(struct osp_buf *b, const struct aws_call *call)
{
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < call->nparams && !rc; i++)
        rc = add_pair(b, call->params[i].name, call->params[i].value);
    return rc;
}

static enum osp_code build(const struct aws_call *call, const struct aws_endpoint *ep, struct aws_req *r)
{
    enum osp_code rc = osp_buf_adds(&r->path, ep->base_path);
    if (rc)
        return rc;
    switch (call->proto) {
    case AWS_PROTO_QUERY:
    case AWS_PROTO_EC2:
        r->method = "POST";
        r->content_type = "application/x-www-form-urlencoded; charset=utf-8";
        rc = osp_buf_addc(&r->path, '/');
        if (!rc)
            rc = add_pair(&r->body, "Action", call->action ? call->action : "");
        if (!rc && call->api_version)
            rc = add_pair(&r->body, "Version", call->api_version);
        return rc ? rc : add_params(&r->body, call);
    case AWS_PROTO_JSON:
        r->method = "POST";
        r->content_type = (call->json_version && strcmp(call->json_version, "1.0") == 0) ? "application/x-amz-json-1.0"
                                                                                         : "application/x-amz-json-1.1";
        rc = osp_buf_addc(&r->path, '/');
        return rc ? rc : osp_buf_adds(&r->body, call->body ? call->body : "{}");
    case AWS_PROTO_RESTJSON:
    case AWS_PROTO_RESTXML:
        r->method = call->method ? call->method : "GET";
        if (call->body)
            r->content_type = call->proto == AWS_PROTO_RESTJSON ? "application/json" : "application/xml";
        {
            const char *p = call->path && *call->path ? call->path : "/";
            if (*p != '/')
                rc = osp_buf_addc(&r->path, '/');
            if (!rc)
                rc = aws_sigv4_encode(&r->path, p, strlen(p), 1);
        }
        if (!rc && call->body)
            rc = osp_buf_adds(&r->body, call->body);
        return rc ? rc : add_params(&r->query, call);
    }
    return OSP_EINTERNAL;
}

enum osp_code aws_req_build(const struct aws_call *call, const struct aws_endpoint *ep, struct aws_req *r,
                            struct osp_err *err)
{
    memset(r, 0, sizeof(*r));
    osp_buf_init(&r->path, 0);
    osp_buf_init(&r->query, 0);
    osp_buf_init(&r->body, 0);
    r->s3 = strcmp(ep->signing_name, "s3") == 0;
    enum osp_code rc = build(call, ep, r);
    if (!rc)
        rc = osp_buf_adds(&r->query, "");
    if (!rc)
        rc = osp_buf_adds(&r->body, "");
    if (rc) {
        aws_req_cleanup(r);
        return osp_err_set(err, rc, "cannot build the %s request for %s", call->service,
                           call->action ? call->action : "?");
    }
    return OSP_OK;
}

static size_t skip_ws(const char *b, size_t len)
{
    size_t i = 0;
    while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    return i;
}

enum osp_code aws_proto_parse_body(enum aws_protocol proto, const char *body, size_t len, size_t max_bytes,
                                   json_t **out, struct osp_err *err)
{
    *out = NULL;
    size_t i = skip_ws(body, len);
    if (i == len)
        return OSP_OK;
    int rest = proto == AWS_PROTO_RESTJSON || proto == AWS_PROTO_RESTXML;
    char first = body[i];
    if (first == '<' && (proto != AWS_PROTO_JSON && proto != AWS_PROTO_RESTJSON))
        return aws_xml_to_json(body + i, len - i, max_bytes, out, err);
    if (first == '{' || first == '[' || proto == AWS_PROTO_JSON) {
        if (aws_over_node_budget(body + i, len - i, "{[,"))
            return osp_err_set(err, OSP_ELIMIT, "JSON response of %zu bytes has more than %u values; refusing it",
                               len - i, AWS_MAX_NODES);
        json_error_t je;
        *out = json_loadb(body + i, len - i, JSON_DECODE_ANY, &je);
        if (*out)
            return OSP_OK;
        if (!rest)
            return osp_err_set(err, OSP_EPARSE, "malformed JSON in the response: %s (line %d)", je.text, je.line);
    }
    if (first == '<' && proto == AWS_PROTO_RESTJSON)
        return aws_xml_to_json(body + i, len - i, max_bytes, out, err);
    if (!rest)
        return osp_err_set(err, OSP_EPARSE, "the response is neither XML nor JSON");
    *out = json_stringn(body, len);
    if (!*out)
        *out = json_string(""); /* not UTF-8: nothing a collector could read */
    return *out ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
}
