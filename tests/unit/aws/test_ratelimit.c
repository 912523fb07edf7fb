/* test_ratelimit.c: per-service token buckets: documented rates, waits, adaptive backoff. */
#include "aws/ratelimit.h"
#include "osp_test.h"

static void test_ratelimit_burst_then_waits(void)
{
    struct aws_rate r;
    aws_rate_init(&r, "ec2", 100.0); /* EC2: burst 100, 20/s */
    CU_ASSERT_DOUBLE_EQUAL(r.max, 20.0, 1e-9);
    for (int i = 0; i < 100; i++)
        CU_ASSERT_DOUBLE_EQUAL(aws_rate_take(&r, 100.0), 0.0, 1e-9);
    /* the 101st waits one refill interval, the next two in turn after it */
    CU_ASSERT_DOUBLE_EQUAL(aws_rate_take(&r, 100.0), 0.05, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(aws_rate_take(&r, 100.0), 0.10, 1e-9);
    CU_ASSERT_EQUAL(r.waits, 2);
    /* one second later 20 tokens came back, 2 of them already promised */
    for (int i = 0; i < 18; i++)
        CU_ASSERT_DOUBLE_EQUAL(aws_rate_take(&r, 101.0), 0.0, 1e-9);
    CU_ASSERT(aws_rate_take(&r, 101.0) > 0);
}

static void test_ratelimit_unknown_service_default(void)
{
    struct aws_rate r;
    aws_rate_init(&r, "no-such-service", 0);
    CU_ASSERT_DOUBLE_EQUAL(r.max, 20.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(r.tokens, r.burst, 1e-9);
}

static void test_ratelimit_adapts(void)
{
    struct aws_rate r;
    aws_rate_init(&r, "iam", 0);
    aws_rate_throttled(&r, 0.0, 0.1);
    CU_ASSERT_DOUBLE_EQUAL(r.rate, 14.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(r.tokens, 0.0, 1e-9); /* no burst right after a throttle */
    for (int i = 0; i < 30; i++)
        aws_rate_throttled(&r, 0.05, 0.2); /* in flight before the cut: one signal, not 31 */
    CU_ASSERT_DOUBLE_EQUAL(r.rate, 14.0, 1e-9);
    for (int i = 0; i < 50; i++)
        aws_rate_throttled(&r, 1.0 + i, 1.0 + i + 0.01); /* each sent after the previous cut */
    CU_ASSERT_DOUBLE_EQUAL(r.rate, 0.5, 1e-9); /* floor */
    CU_ASSERT_EQUAL(r.throttles, 81);
    aws_rate_ok(&r, 51.0);
    CU_ASSERT(r.rate < 1.0); /* slow just after the cut */
    for (int i = 0; i < 100; i++)
        aws_rate_ok(&r, 52.0 + i);
    CU_ASSERT_DOUBLE_EQUAL(r.rate, r.max, 1e-9); /* back to the ceiling, never past it */
}

/* The rate a cut starts from is what the service saw: a high ceiling (S3: 1000/s) throttled at
 * 40 requests/s is cut to 28/s at once, not 700/s. */
static void test_ratelimit_cuts_from_the_measured_rate(void)
{
    struct aws_rate r;
    aws_rate_init(&r, "s3", 0);
    for (int i = 0; i < 40; i++)
        (void)aws_rate_take(&r, i / 40.0);
    (void)aws_rate_take(&r, 1.0); /* closes the window: 40 requests in 1 s */
    aws_rate_throttled(&r, 1.0, 1.01);
    CU_ASSERT(r.rate > 25.0 && r.rate < 30.0);
    aws_rate_ok(&r, 2.0);
    CU_ASSERT(r.rate < 40.0); /* near the throttled rate, growth is slow */
    aws_rate_ok(&r, 30.0);
    CU_ASSERT(r.rate > 40.0); /* then it probes beyond it */
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_ratelimit_burst_then_waits),
        OSP_TEST(test_ratelimit_unknown_service_default),
        OSP_TEST(test_ratelimit_adapts),
        OSP_TEST(test_ratelimit_cuts_from_the_measured_rate),
        {0},
    };
    return osp_test_run("ratelimit", tests);
}
