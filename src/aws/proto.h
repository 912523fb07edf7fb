/* proto.h: the wire form of a struct aws_call for each protocol, and success-body parsing.
 *
 *   query/ec2      POST <base>/ form body Action=..&Version=..&params (application/x-www-form-urlencoded)
 *   json 1.0/1.1   POST <base>/ X-Amz-Target, application/x-amz-json-1.x, body or "{}"
 *   rest-json/xml  <method> <base><encoded path>?<params>; S3 is path style, single-encoded,
 *                  signs x-amz-content-sha256 and skips path normalisation
 *
 * struct aws_req owns its buffers; free with aws_req_cleanup().
 */
#ifndef OSPREY_AWS_PROTO_H
#define OSPREY_AWS_PROTO_H

#include "aws/aws.h"
#include "aws/endpoint.h"
#include "core/buf.h"

struct aws_req {
    const char *method;
    struct osp_buf path;  /* wire path, encoded, starts with '/' */
    struct osp_buf query; /* encoded query string without '?' ("" when none) */
    struct osp_buf body;
    const char *content_type; /* NULL: none */
    int s3;                   /* S3 signing rules */
};

OSP_MUST_CHECK enum osp_code aws_req_build(const struct aws_call *call, const struct aws_endpoint *ep,
                                           struct aws_req *r, struct osp_err *err);
void aws_req_cleanup(struct aws_req *r);

/* Parse a 2xx body: JSON protocols as JSON, XML protocols via aws_xml_to_json(); REST bodies
 * that are neither (S3 GetBucketPolicy returns raw JSON; some return text) become JSON or a
 * string. Empty body: *out = NULL and OSP_OK. */
OSP_MUST_CHECK enum osp_code aws_proto_parse_body(enum aws_protocol proto, const char *body, size_t len,
                                                  size_t max_bytes, json_t **out, struct osp_err *err);

#endif
