/* ratelimit.h: per-service client-side rate limits (token buckets), adaptive on throttling.
 *
 * Each signing service ("s3", "ec2", "iam", ...) has a bucket filled at its documented read rate
 * (ratelimit.c's table; 20/s where AWS publishes none). Every attempt takes a token; without one
 * the caller sleeps its turn (aws_rate_take says how long, reserving the token). A throttling
 * answer cuts the rate to 70% of what was sent (the lower of the rate and the measured sending
 * rate; floor 0.5/s), once per round trip: answers to requests sent before the last cut do not
 * cut again, so a burst of in-flight throttles is one signal. Successes then grow the rate back
 * along a cubic of the time since the cut (the SDKs' adaptive mode): slowly near the rate that
 * was throttled, faster beyond it, never past the ceiling. Pure and not thread-safe: the client
 * calls these under its lock and sleeps outside it.
 */
#ifndef OSPREY_AWS_RATELIMIT_H
#define OSPREY_AWS_RATELIMIT_H

struct aws_rate {
    char service[32];
    double max, burst; /* ceiling (requests/s) and bucket size */
    double rate;       /* current fill rate, adapted */
    double tokens, last;
    double win_start, win_count, measured; /* sending rate over the last window */
    int cut;                               /* throttled at least once */
    double cut_at, wmax;                   /* time of the last cut; the rate it cut from */
    unsigned long requests, throttles, waits;
    double waited; /* seconds callers slept for tokens */
};

void aws_rate_init(struct aws_rate *r, const char *service, double now);
/* Take one token at time `now` (monotonic seconds): seconds to sleep first (0: go). */
double aws_rate_take(struct aws_rate *r, double now);
/* A throttling answer at `now` to a request sent at `sent`; a success at `now`. */
void aws_rate_throttled(struct aws_rate *r, double sent, double now);
void aws_rate_ok(struct aws_rate *r, double now);

#endif
