/* err.h: osprey's error codes and the error record every fallible function fills.
 *
 * A function that can fail returns enum osp_code (OSP_OK is 0) and fills a caller-owned
 * struct osp_err. The first error set wins (later osp_err_set calls are ignored), so the
 * innermost, most precise message survives; outer layers add context with osp_err_prefix().
 * Exit codes are derived from codes in one place: osp_exit_code().
 */
#ifndef OSPREY_CORE_ERR_H
#define OSPREY_CORE_ERR_H

#include <stddef.h>

#define OSP_MUST_CHECK __attribute__((warn_unused_result))
#define OSP_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* X-macro: name, exit code, text. Keep in step with the README's exit-code table (a test checks).
 *
 * Precedence, when several apply: an error that stops the run (2, 3, 4, 5) is reported first,
 * since no report exists; then OSP_EINCOMPLETE (6: a gated run missed a service, region or
 * check, so its findings cannot clear the gate); then a breach (1, or --exit-code N); then 0.
 * --exit-code 0 makes a run report-only: it exits 0 even when incomplete or breached.
 *
 * Out of memory never travels as OSP_ENOMEM through the layers: core/alloc.h prints
 * "osprey: out of memory" and exits with OSP_ENOMEM's code (3) at the failed allocation. A check
 * past its budgets (steps, --max-eval-memory, the per-query deadline) is OSP_EEVAL with
 * eval_cancel_error: a gap in a scan (6 under a gate), exit 2 from `osprey rego eval`. */
#define OSP_CODE_LIST(X)                                                                 \
    X(OSP_OK, 0, "success")                                                              \
    X(OSP_EBREACH, 1, "findings breached the failure threshold")                         \
    X(OSP_EUSAGE, 2, "invalid command-line usage")                                       \
    X(OSP_ECONFIG, 2, "invalid configuration")                                           \
    X(OSP_EPOLICY, 2, "invalid policy (Rego) or check")                                  \
    X(OSP_ENOMEM, 3, "out of memory")                                                    \
    X(OSP_ECREDS, 3, "no usable AWS credentials")                                        \
    X(OSP_EAUTH, 3, "AWS rejected the credentials or signature")                         \
    X(OSP_ENET, 3, "network error talking to AWS")                                       \
    X(OSP_EAWS, 3, "AWS returned an error")                                              \
    X(OSP_EPARSE, 3, "malformed response or document")                                  \
    X(OSP_ELIMIT, 3, "a size or depth limit was exceeded")                               \
    X(OSP_EIO, 3, "file input/output error")                                             \
    X(OSP_ECACHE, 3, "cache error")                                                      \
    X(OSP_EARTIFACT, 3, "invalid cache artifact")                                        \
    X(OSP_EOFFLINE, 3, "data needed for an offline scan is missing")                     \
    X(OSP_EEVAL, 3, "policy evaluation error")                                           \
    X(OSP_ETIMEOUT, 3, "timed out")                                                      \
    X(OSP_ENOTFOUND, 4, "not found")                                                     \
    X(OSP_EINTERNAL, 5, "internal error")                                               \
    X(OSP_EINCOMPLETE, 6, "the run was incomplete under a gate")

enum osp_code {
#define OSP_X_ENUM(name, exitc, text) name,
    OSP_CODE_LIST(OSP_X_ENUM)
#undef OSP_X_ENUM
    OSP_CODE_COUNT
};

struct osp_err {
    enum osp_code code;
    char msg[512];
    /* AWS error details, when the failure came from an AWS response */
    char aws_code[96];
    int http_status;
    char request_id[80];
};

void osp_err_init(struct osp_err *err);
/* Set the error if none is set yet; returns code so callers can `return osp_err_set(...)`. */
enum osp_code osp_err_set(struct osp_err *err, enum osp_code code, const char *fmt, ...) OSP_PRINTF(3, 4);
/* Prepend context ("s3 eu-west-1: ") to an already-set message. */
void osp_err_prefix(struct osp_err *err, const char *fmt, ...) OSP_PRINTF(2, 3);
const char *osp_strerror(enum osp_code code);
const char *osp_code_name(enum osp_code code);
/* 1 when name is one of osprey's own code names ("OSP_EPARSE"): reports mark such an error code
 * as osprey's (ErrorSource "osprey"), apart from AWS's codes (AccessDenied); awserr.c never lets
 * an AWS response's code take that shape. */
int osp_code_is_own(const char *name);
int osp_exit_code(enum osp_code code);

#endif
