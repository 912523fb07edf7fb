/* ratelimit.c: client-side rate limits per service: token buckets at AWS's read rates, adaptive
 * on throttling (as the SDKs' "adaptive" retry mode: back off multiplicatively when throttled,
 * climb back additively on success). Pure functions; the client locks. */
#include <stdio.h>
#include <string.h>

#include "aws/ratelimit.h"

/* Steady requests per second and burst, by signing service. Published quotas where AWS has them:
 * EC2's non-mutating bucket (100, refilled at 20/s), CloudWatch DescribeAlarms (9/s), CloudWatch
 * Logs Describe* (5-10/s), CloudTrail management reads (10/s), KMS DescribeKey and
 * GetKeyRotationStatus (1000+/s shared), SNS attribute reads (100/s); S3 bucket sub-resource
 * reads scale per bucket (3,500+/s per prefix). IAM and the rest publish none: a conservative 20/s. */
static const struct {
    const char *service;
    double rate, burst;
} limits[] = {
    {"ec2", 20, 100},
    {"monitoring", 9, 9},
    {"logs", 10, 10},
    {"cloudtrail", 10, 10},
    {"kms", 500, 500},
    {"sns", 100, 100},
    {"s3", 1000, 1000},
    {"iam", 20, 40},
    {"config", 10, 20},
    {"sts", 50, 50},
};
#define DEFAULT_RATE 20.0
#define DEFAULT_BURST 40.0
#define FLOOR 0.5     /* never slower than one request per 2 s */
#define BACKOFF 0.7   /* rate multiplier on a throttle */
#define CLIMB 0.02    /* share of the ceiling regained per success */

void aws_rate_init(struct aws_rate *r, const char *service, double now)
{
    memset(r, 0, sizeof *r);
    snprintf(r->service, sizeof r->service, "%s", service ? service : "");
    r->max = DEFAULT_RATE;
    r->burst = DEFAULT_BURST;
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
        if (strcmp(limits[i].service, r->service) == 0) {
            r->max = limits[i].rate;
            r->burst = limits[i].burst;
        }
    r->rate = r->max;
    r->tokens = r->burst;
    r->last = now;
}

double aws_rate_take(struct aws_rate *r, double now)
{
    if (now > r->last) {
        r->tokens += (now - r->last) * r->rate;
        if (r->tokens > r->burst)
            r->tokens = r->burst;
        r->last = now;
    }
    r->tokens -= 1; /* reserved now; below zero the caller waits its turn */
    if (r->tokens >= 0)
        return 0;
    double wait = -r->tokens / r->rate;
    r->waits++;
    r->waited += wait;
    return wait;
}

void aws_rate_throttled(struct aws_rate *r)
{
    r->throttles++;
    r->rate *= BACKOFF;
    if (r->rate < FLOOR)
        r->rate = FLOOR;
    if (r->tokens > 0)
        r->tokens = 0; /* no burst right after a throttle */
}

void aws_rate_ok(struct aws_rate *r)
{
    if (r->rate < r->max) {
        r->rate += r->max * CLIMB;
        if (r->rate > r->max)
            r->rate = r->max;
    }
}
