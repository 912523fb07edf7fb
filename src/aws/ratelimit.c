/* ratelimit.c: client-side rate limits per service: token buckets at AWS's read rates, adaptive
 * on throttling (as the SDKs' "adaptive" retry mode: back off multiplicatively when throttled,
 * climb back additively on success). Pure functions; the client locks. */
#include <math.h>
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
#define FLOOR 0.5  /* never slower than one request per 2 s */
#define BETA 0.7   /* rate multiplier on a throttle */
#define CUBIC_C 0.4 /* growth after a cut: W(t) = C (t - K)^3 + Wmax, as the SDKs' adaptive mode */
#define WINDOW 0.5 /* seconds over which the sending rate is measured */

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
    r->win_start = now;
}

double aws_rate_take(struct aws_rate *r, double now)
{
    if (now - r->win_start >= WINDOW) {
        r->measured = r->win_count / (now - r->win_start);
        r->win_start = now;
        r->win_count = 0;
    }
    r->win_count++;
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

void aws_rate_throttled(struct aws_rate *r, double sent, double now)
{
    r->throttles++;
    if (r->tokens > 0)
        r->tokens = 0; /* no burst right after a throttle */
    if (r->cut && sent < r->cut_at)
        return; /* sent before the last cut: that cut already answered it */
    double base = r->rate;
    if (r->measured > 0 && r->measured < base)
        base = r->measured; /* what the service actually saw */
    r->wmax = base;
    r->rate = base * BETA < FLOOR ? FLOOR : base * BETA;
    r->cut = 1;
    r->cut_at = now;
}

void aws_rate_ok(struct aws_rate *r, double now)
{
    if (!r->cut || r->rate >= r->max)
        return;
    double k = cbrt(r->wmax * (1 - BETA) / CUBIC_C), t = now - r->cut_at - k;
    double w = CUBIC_C * t * t * t + r->wmax;
    if (w > r->rate)
        r->rate = w > r->max ? r->max : w;
}
