/* sigv4.h: AWS Signature Version 4, pure (no I/O, no clock): canonical request, string to
 * sign, signature, and the two forms (Authorization header, presigned query string).
 *
 * The caller describes the request as it will go on the wire: method, the path as sent
 * (already URI-encoded once by aws_sigv4_encode_path(), or raw for test vectors), decoded
 * query parameters, and every header to sign (Host included). The signer does not pick
 * headers: what is passed is signed.
 *
 *   normalize_path  remove "." / ".." segments and repeated slashes (all services but S3)
 *   double_encode   URI-encode the wire path again for the canonical URI (all but S3)
 *   add_content_sha256  also sign and add x-amz-content-sha256 (S3; the "sign_body" vectors)
 *   omit_session_token  add X-Amz-Security-Token after signing, unsigned (a few services)
 *
 * Ownership: struct aws_sigv4_out owns every string in it; free with aws_sigv4_out_cleanup().
 */
#ifndef OSPREY_AWS_SIGV4_H
#define OSPREY_AWS_SIGV4_H

#include <stddef.h>
#include <time.h>

#include "aws/aws.h"
#include "core/buf.h"
#include "core/err.h"

struct aws_sigv4_hdr {
    const char *name;
    const char *value;
};

struct aws_sigv4_input {
    const char *method;
    const char *path;              /* wire path, no query string */
    const struct aws_param *query; /* decoded name/value pairs (any order) */
    size_t nquery;
    const struct aws_sigv4_hdr *headers; /* headers to sign, as sent; Host included */
    size_t nheaders;
    const void *body;
    size_t bodylen;
    const char *payload_hash; /* hex or "UNSIGNED-PAYLOAD"; NULL: SHA-256 of body */
    const char *access_key;
    const char *secret_key;
    const char *session_token; /* NULL: none */
    const char *region;
    const char *service;
    time_t when;
    int normalize_path;
    int double_encode;
    int add_content_sha256;
    int omit_session_token;
    long expires; /* presign: X-Amz-Expires seconds */
};

struct aws_sigv4_out {
    char amz_date[17]; /* 20150830T123600Z */
    char scope[160];   /* 20150830/us-east-1/service/aws4_request */
    char payload_hash[65];
    char signature[65];
    char *canonical_request;
    char *string_to_sign;
    char *signed_headers; /* "host;x-amz-date" */
    /* header form: headers to add, in this order (X-Amz-Security-Token, X-Amz-Date,
     * x-amz-content-sha256, Authorization); names are static, values owned */
    struct aws_sigv4_hdr add[4];
    char *add_values[4];
    size_t nadd;
    /* query form: "X-Amz-Algorithm=...&...&X-Amz-Signature=..." (encoded) to append */
    char *presigned_query;
};

OSP_MUST_CHECK enum osp_code aws_sigv4_sign_header(const struct aws_sigv4_input *in, struct aws_sigv4_out *out,
                                                   struct osp_err *err);
OSP_MUST_CHECK enum osp_code aws_sigv4_presign(const struct aws_sigv4_input *in, struct aws_sigv4_out *out,
                                               struct osp_err *err);
void aws_sigv4_out_cleanup(struct aws_sigv4_out *out);

/* URI-encode per SigV4 (unreserved A-Za-z0-9-._~ kept, others %XX upper case);
 * keep_slash leaves '/' as is (paths). Appends to b. */
OSP_MUST_CHECK enum osp_code aws_sigv4_encode(struct osp_buf *b, const char *s, size_t n, int keep_slash);
/* Remove dot segments and empty segments, keeping a trailing slash. Returns a new string. */
char *aws_sigv4_normalize_path(const char *path);

#endif
