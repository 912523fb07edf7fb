/* test_threshold.c: the exit-code matrix of issue 7 at the library level. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "osp_test.h"
#include "results/filter.h"
#include "results/ignore.h"
#include "results/threshold.h"

static const time_t NOW = 1735689600; /* 2025-01-01T00:00:00Z */

/* Run the pipeline (ignore file text, severity filter, threshold flags) on {1 HIGH, 2 LOW}. */
static int run(const char *ignore_text, const char *severity, const char *fail_on, const char *threshold,
               const char *exit_code, char **summary)
{
    struct osp_ctx ctx;
    struct osp_err err;
    osp_ctx_init(&ctx);
    ctx.fixed_now = NOW;
    ctx.log_level = OSP_LOG_ERROR;
    osp_err_init(&err);
    struct res_report *r = fx_matrix();
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    if (ignore_text) {
        struct res_ignore *ig = NULL;
        CU_ASSERT_EQUAL_FATAL(res_ignore_parse(ignore_text, strlen(ignore_text), ".ospreyignore", &ig, &err), OSP_OK);
        res_ignore_apply(&ctx, ig, r);
        res_ignore_free(ig);
    }
    struct res_filter flt = {0};
    if (severity)
        CU_ASSERT_EQUAL(res_filter_parse_severities(severity, &flt.severities, &err), OSP_OK);
    res_filter_apply(r, &flt);
    struct res_threshold t;
    res_threshold_init(&t);
    if (fail_on)
        CU_ASSERT_EQUAL(res_threshold_parse_fail_on(&t, fail_on, &err), OSP_OK);
    if (threshold)
        CU_ASSERT_EQUAL(res_threshold_parse_max(&t, threshold, &err), OSP_OK);
    if (exit_code)
        CU_ASSERT_EQUAL(res_threshold_parse_exit_code(&t, exit_code, &err), OSP_OK);
    int status = res_threshold_eval(&t, r, summary);
    res_report_free(r);
    return status;
}

static int run0(const char *ign, const char *sev, const char *fail_on, const char *thr, const char *code)
{
    char *summary = NULL;
    int status = run(ign, sev, fail_on, thr, code, &summary);
    CU_ASSERT_EQUAL(status != 0 || (code && !strcmp(code, "0")), summary != NULL);
    free(summary);
    return status;
}

static void test_no_threshold_flags_exit_zero(void)
{
    CU_ASSERT_EQUAL(run0(NULL, NULL, NULL, NULL, NULL), 0);
}

static void test_fail_on_critical_passes(void)
{
    CU_ASSERT_EQUAL(run0(NULL, NULL, "critical", NULL, NULL), 0);
}

static void test_fail_on_high_fails(void)
{
    CU_ASSERT_EQUAL(run0(NULL, NULL, "high", NULL, NULL), 1);
}

static void test_threshold_low_1_fails(void)
{
    CU_ASSERT_EQUAL(run0(NULL, NULL, NULL, "low=1", NULL), 1);
}

static void test_threshold_low_2_passes(void)
{
    CU_ASSERT_EQUAL(run0(NULL, NULL, NULL, "low=2", NULL), 0);
}

static void test_fail_on_high_exit_code_7(void)
{
    CU_ASSERT_EQUAL(run0(NULL, NULL, "high", NULL, "7"), 7);
}

static void test_ignored_high_passes(void)
{
    CU_ASSERT_EQUAL(run0("AVD-AWS-0086 exp:2025-03-01 # accepted\n", NULL, "high", NULL, NULL), 0);
}

static void test_expired_ignore_fails(void)
{
    CU_ASSERT_EQUAL(run0("AVD-AWS-0086 exp:2024-12-31\n", NULL, "high", NULL, NULL), 1);
}

static void test_severity_filter_low_hides_high(void)
{
    CU_ASSERT_EQUAL(run0(NULL, "LOW", "high", NULL, NULL), 0);
}

static void test_exit_code_alone_fails_on_any_finding(void)
{
    CU_ASSERT_EQUAL(run0(NULL, NULL, NULL, NULL, "3"), 3);
}

static void test_summary_names_breached_threshold(void)
{
    char *summary = NULL;
    CU_ASSERT_EQUAL(run(NULL, NULL, "high", "low=1", NULL, &summary), 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(summary);
    CU_ASSERT_PTR_NOT_NULL(strstr(summary, "--fail-on HIGH: 1 finding"));
    CU_ASSERT_PTR_NOT_NULL(strstr(summary, "--threshold LOW=1: 2 LOW"));
    free(summary);
}

static void test_bad_threshold_specs_are_usage_errors(void)
{
    struct res_threshold t;
    struct osp_err err;
    res_threshold_init(&t);
    const char *bad[] = {"low", "low=", "low=-1", "loud=2", "=3", "low=2x"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        osp_err_init(&err);
        CU_ASSERT_EQUAL(res_threshold_parse_max(&t, bad[i], &err), OSP_EUSAGE);
    }
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_threshold_parse_fail_on(&t, "severe", &err), OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "severe"));
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_threshold_parse_exit_code(&t, "256", &err), OSP_EUSAGE);
    CU_ASSERT_FALSE(res_threshold_active(&t));
}

static const struct osp_test tests[] = {OSP_TEST(test_no_threshold_flags_exit_zero),
                                        OSP_TEST(test_fail_on_critical_passes),
                                        OSP_TEST(test_fail_on_high_fails),
                                        OSP_TEST(test_threshold_low_1_fails),
                                        OSP_TEST(test_threshold_low_2_passes),
                                        OSP_TEST(test_fail_on_high_exit_code_7),
                                        OSP_TEST(test_ignored_high_passes),
                                        OSP_TEST(test_expired_ignore_fails),
                                        OSP_TEST(test_severity_filter_low_hides_high),
                                        OSP_TEST(test_exit_code_alone_fails_on_any_finding),
                                        OSP_TEST(test_summary_names_breached_threshold),
                                        OSP_TEST(test_bad_threshold_specs_are_usage_errors),
                                        {0}};

int main(void)
{
    return osp_test_run("threshold", tests);
}
