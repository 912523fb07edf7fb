/* ratelimit.h: per-service client-side rate limits (token buckets), adaptive on throttling.
 *
 * Each signing service ("s3", "ec2", "iam", ...) has a bucket filled at its documented read rate
 * (ratelimit.c's table; 20/s where AWS publishes none). Every attempt takes a token; without one
 * the caller sleeps its turn (aws_rate_take says how long, reserving the token). A throttling
 * answer cuts the rate by 30% (floor 0.5/s); each success regains 2% of the ceiling. Pure and not
 * thread-safe: the client calls these under its lock and sleeps outside it.
 */
#ifndef OSPREY_AWS_RATELIMIT_H
#define OSPREY_AWS_RATELIMIT_H

struct aws_rate {
    char service[32];
    double max, burst; /* ceiling (requests/s) and bucket size */
    double rate;       /* current fill rate, adapted */
    double tokens, last;
    unsigned long requests, throttles, waits;
    double waited; /* seconds callers slept for tokens */
};

void aws_rate_init(struct aws_rate *r, const char *service, double now);
/* Take one token at time `now` (monotonic seconds): seconds to sleep first (0: go). */
double aws_rate_take(struct aws_rate *r, double now);
void aws_rate_throttled(struct aws_rate *r);
void aws_rate_ok(struct aws_rate *r);

#endif
