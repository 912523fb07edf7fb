/* retry.h: the AWS "standard" retry policy as pure functions: what retries, how long to wait,
 * and the retry quota (token bucket) that stops retry storms when a service is down.
 *
 * Quota: starts at AWS_RETRY_QUOTA (500); a retry costs 5 tokens (10 after a timeout); a
 * success after retries refunds that cost; a success at the first attempt adds 1 (capped).
 * No tokens: the error is returned instead of retried. Not thread-safe: callers lock.
 */
#ifndef OSPREY_AWS_RETRY_H
#define OSPREY_AWS_RETRY_H

#include "core/ctx.h"

#define AWS_RETRY_QUOTA 500
#define AWS_RETRY_COST 5
#define AWS_RETRY_TIMEOUT_COST 10
#define AWS_RETRY_MAX_BACKOFF 20.0
#define AWS_THROTTLE_ATTEMPTS 10 /* attempts for a call answered with throttling (others: max_attempts) */

enum aws_retry_kind { AWS_RETRY_NO = 0, AWS_RETRY_THROTTLE, AWS_RETRY_TRANSIENT, AWS_RETRY_TIMEOUT };

/* Classify an AWS error code (may be "" or NULL) and HTTP status (0: no response). */
enum aws_retry_kind aws_retry_classify(const char *code, int status);
int aws_retry_is_throttle_code(const char *code);
/* Full jitter: uniform in [0, min(cap, base * 2^(retry-1))), retry >= 1. */
double aws_retry_delay(struct osp_ctx *ctx, double base, int retry);

struct aws_retry_quota {
    int tokens;
};
void aws_quota_init(struct aws_retry_quota *q);
/* Take the cost of one retry; returns the cost taken, or 0 when the quota is exhausted. */
int aws_quota_acquire(struct aws_retry_quota *q, enum aws_retry_kind kind);
/* A call succeeded; `cost` is what its retries took (0 when it succeeded first time). */
void aws_quota_success(struct aws_retry_quota *q, int cost);

#endif
