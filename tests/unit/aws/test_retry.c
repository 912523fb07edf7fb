/* test_retry.c: the standard retry policy: what retries, backoff bounds, the retry quota. */
#include "aws/retry.h"
#include "osp_test.h"

static void test_retry_classification(void)
{
    const char *throttles[] = {"Throttling",
                               "ThrottlingException",
                               "ThrottledException",
                               "RequestThrottledException",
                               "RequestLimitExceeded",
                               "TooManyRequestsException",
                               "ProvisionedThroughputExceededException",
                               "SlowDown"};
    for (size_t i = 0; i < sizeof(throttles) / sizeof(throttles[0]); i++)
        CU_ASSERT_EQUAL(aws_retry_classify(throttles[i], 400), AWS_RETRY_THROTTLE);
    CU_ASSERT_EQUAL(aws_retry_classify("", 429), AWS_RETRY_THROTTLE);
    CU_ASSERT_EQUAL(aws_retry_classify("InternalError", 500), AWS_RETRY_TRANSIENT);
    CU_ASSERT_EQUAL(aws_retry_classify("503", 503), AWS_RETRY_TRANSIENT);
    CU_ASSERT_EQUAL(aws_retry_classify("", 502), AWS_RETRY_TRANSIENT);
    CU_ASSERT_EQUAL(aws_retry_classify("RequestTimeout", 400), AWS_RETRY_TRANSIENT);
    CU_ASSERT_EQUAL(aws_retry_classify("AccessDenied", 403), AWS_RETRY_NO);
    CU_ASSERT_EQUAL(aws_retry_classify("SignatureDoesNotMatch", 403), AWS_RETRY_NO);
    CU_ASSERT_EQUAL(aws_retry_classify("ValidationError", 400), AWS_RETRY_NO);
    CU_ASSERT_EQUAL(aws_retry_classify("NotImplemented", 501), AWS_RETRY_NO);
    CU_ASSERT_EQUAL(aws_retry_classify(NULL, 404), AWS_RETRY_NO);
}

static void test_retry_delay_full_jitter_bounds(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    ctx.rng_state = 12345;
    double maxseen[6] = {0};
    for (int k = 0; k < 2000; k++) {
        for (int r = 1; r <= 5; r++) {
            double d = aws_retry_delay(&ctx, 0.1, r);
            double ceil = 0.1 * (double)(1 << (r - 1));
            CU_ASSERT_TRUE(d >= 0 && d < ceil);
            if (d > maxseen[r])
                maxseen[r] = d;
        }
    }
    /* full jitter spreads over the whole window: the largest draw gets close to the cap */
    for (int r = 1; r <= 5; r++)
        CU_ASSERT_TRUE(maxseen[r] > 0.9 * 0.1 * (double)(1 << (r - 1)));
    /* capped at 20 s however many retries */
    for (int k = 0; k < 100; k++)
        CU_ASSERT_TRUE(aws_retry_delay(&ctx, 1.0, 30) < AWS_RETRY_MAX_BACKOFF);
    /* deterministic under a pinned seed */
    struct osp_ctx a, b;
    osp_ctx_init(&a);
    osp_ctx_init(&b);
    a.rng_state = b.rng_state = 99;
    CU_ASSERT_DOUBLE_EQUAL(aws_retry_delay(&a, 0.1, 3), aws_retry_delay(&b, 0.1, 3), 1e-12);
}

static void test_retry_quota_exhaustion_and_refund(void)
{
    struct aws_retry_quota q;
    aws_quota_init(&q);
    CU_ASSERT_EQUAL(q.tokens, 500);
    int n = 0;
    while (aws_quota_acquire(&q, AWS_RETRY_THROTTLE) == AWS_RETRY_COST)
        n++;
    CU_ASSERT_EQUAL(n, 100);
    CU_ASSERT_EQUAL(aws_quota_acquire(&q, AWS_RETRY_TRANSIENT), 0);
    aws_quota_success(&q, AWS_RETRY_COST);
    CU_ASSERT_EQUAL(q.tokens, 5);
    CU_ASSERT_EQUAL(aws_quota_acquire(&q, AWS_RETRY_TIMEOUT), 0); /* a timeout retry costs 10 */
    aws_quota_success(&q, 0);
    aws_quota_success(&q, AWS_RETRY_COST);
    CU_ASSERT_EQUAL(aws_quota_acquire(&q, AWS_RETRY_TIMEOUT), AWS_RETRY_TIMEOUT_COST);
    aws_quota_init(&q);
    aws_quota_success(&q, 10);
    CU_ASSERT_EQUAL(q.tokens, 500); /* never above the maximum */
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_retry_classification),
        OSP_TEST(test_retry_delay_full_jitter_bounds),
        OSP_TEST(test_retry_quota_exhaustion_and_refund),
        {0},
    };
    return osp_test_run("retry", tests);
}
