/* retry.c: which errors retry, backoff with full jitter, and the retry quota. */
#include "aws/retry.h"

#include <string.h>

static const char *const throttle_codes[] = {
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "SlowDown",
    "RequestThrottled",
    "BandwidthLimitExceeded",
    "TransactionInProgressException",
    "EC2ThrottledException",
    "PriorRequestNotComplete",
    NULL,
};

static const char *const transient_codes[] = {
    "RequestTimeout",        "RequestTimeoutException",
    "InternalError",         "InternalFailure",
    "InternalServerError",   "InternalServiceError",
    "ServiceUnavailable",    "ServiceUnavailableException",
    "IDPCommunicationError", NULL,
};

static int in_list(const char *const *list, const char *code)
{
    for (size_t i = 0; code && list[i]; i++)
        if (strcmp(list[i], code) == 0)
            return 1;
    return 0;
}

int aws_retry_is_throttle_code(const char *code)
{
    return in_list(throttle_codes, code);
}

enum aws_retry_kind aws_retry_classify(const char *code, int status)
{
    if (aws_retry_is_throttle_code(code) || status == 429)
        return AWS_RETRY_THROTTLE;
    if (in_list(transient_codes, code))
        return AWS_RETRY_TRANSIENT;
    if (status == 500 || status == 502 || status == 503 || status == 504)
        return AWS_RETRY_TRANSIENT;
    return AWS_RETRY_NO;
}

double aws_retry_delay(struct osp_ctx *ctx, double base, int retry)
{
    double ceil = base;
    for (int i = 1; i < retry && ceil < AWS_RETRY_MAX_BACKOFF; i++)
        ceil *= 2;
    if (ceil > AWS_RETRY_MAX_BACKOFF)
        ceil = AWS_RETRY_MAX_BACKOFF;
    return osp_random_unit(ctx) * ceil;
}

void aws_quota_init(struct aws_retry_quota *q)
{
    q->tokens = AWS_RETRY_QUOTA;
}

int aws_quota_acquire(struct aws_retry_quota *q, enum aws_retry_kind kind)
{
    int cost = kind == AWS_RETRY_TIMEOUT ? AWS_RETRY_TIMEOUT_COST : AWS_RETRY_COST;
    if (q->tokens < cost)
        return 0;
    q->tokens -= cost;
    return cost;
}

void aws_quota_success(struct aws_retry_quota *q, int cost)
{
    q->tokens += cost > 0 ? cost : 1;
    if (q->tokens > AWS_RETRY_QUOTA)
        q->tokens = AWS_RETRY_QUOTA;
}
