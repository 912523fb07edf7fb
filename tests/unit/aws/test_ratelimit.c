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
    aws_rate_throttled(&r);
    CU_ASSERT_DOUBLE_EQUAL(r.rate, 14.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(r.tokens, 0.0, 1e-9); /* no burst right after a throttle */
    for (int i = 0; i < 50; i++)
        aws_rate_throttled(&r);
    CU_ASSERT_DOUBLE_EQUAL(r.rate, 0.5, 1e-9); /* floor */
    CU_ASSERT_EQUAL(r.throttles, 51);
    for (int i = 0; i < 1000; i++)
        aws_rate_ok(&r);
    CU_ASSERT_DOUBLE_EQUAL(r.rate, r.max, 1e-9); /* back to the ceiling, never past it */
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_ratelimit_burst_then_waits),
        OSP_TEST(test_ratelimit_unknown_service_default),
        OSP_TEST(test_ratelimit_adapts),
        {0},
    };
    return osp_test_run("ratelimit", tests);
}
