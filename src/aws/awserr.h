/* awserr.h: AWS error bodies of every protocol -> struct aws_error, and what each code means.
 *
 * Pure functions (no I/O). aws_error_parse() accepts query (<ErrorResponse><Error>), EC2
 * (<Response><Errors><Error>), S3 (<Error>), JSON (__type / code / message) and REST-JSON
 * (x-amzn-ErrorType header) bodies, and XML bodies from JSON services; whatever it cannot read
 * leaves code as the HTTP status ("404") so the caller always has something to show.
 */
#ifndef OSPREY_AWS_AWSERR_H
#define OSPREY_AWS_AWSERR_H

#include <stddef.h>

#include "aws/aws.h"

/* hdr_errtype: x-amzn-ErrorType header or NULL; hdr_reqid: x-amzn-RequestId / x-amz-request-id or NULL. */
void aws_error_parse(const char *body, size_t len, const char *hdr_errtype, const char *hdr_reqid, int status,
                     struct aws_error *out);
/* OSP_EAUTH for signature/credential/token errors, else OSP_EAWS. */
enum osp_code aws_error_code_class(const char *code);
/* "<Code>: <message> (HTTP <status>, request id <id>)" */
void aws_error_format(const struct aws_error *e, char *out, size_t outlen);
/* Fill err (code class, message, aws_code, http_status, request_id) from e. Returns the code. */
enum osp_code aws_error_to_err(const struct aws_error *e, struct osp_err *err);
/* Does this code/status call for clock-skew correction and an immediate re-sign? */
int aws_error_is_skew(const char *code);

#endif
