/* test_filter.c: --severity, --service, --arn and --include-non-failures. */
#include <string.h>

#include "fixture.h"
#include "osp_test.h"
#include "results/filter.h"

static struct res_report *mixed(void)
{
    struct res_report *r = fx_matrix();
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(fx_add(r, "AVD-AWS-0057", RES_SEV_CRITICAL, "iam", "us-east-1", "arn:aws:iam::123456789012:user/a"),
                    0);
    struct res_finding pass = r->findings[0];
    pass.status = RES_PASS;
    pass.resource = "arn:aws:s3:::bucket-c";
    CU_ASSERT_EQUAL(res_report_add_finding(r, &pass, &err), OSP_OK);
    struct res_service s = {.account = "123456789012", .region = "us-east-1", .service = "iam", .state = RES_SVC_OK};
    CU_ASSERT_EQUAL(res_report_add_service_status(r, &s, &err), OSP_OK);
    s.service = "s3";
    s.state = RES_SVC_FAILED;
    s.error_code = "AccessDenied";
    CU_ASSERT_EQUAL(res_report_add_service_status(r, &s, &err), OSP_OK);
    res_report_sort(r);
    return r;
}

static void test_pass_results_only_with_include_non_failures(void)
{
    struct res_report *r = mixed();
    struct res_filter f = {0};
    res_filter_apply(r, &f);
    CU_ASSERT_EQUAL(r->n_findings, 4);
    for (size_t i = 0; i < r->n_findings; i++)
        CU_ASSERT_NOT_EQUAL(r->findings[i].status, RES_PASS);
    res_report_free(r);
    r = mixed();
    f.include_non_failures = 1;
    res_filter_apply(r, &f);
    CU_ASSERT_EQUAL(r->n_findings, 5);
    res_report_free(r);
}

static void test_severity_list(void)
{
    struct res_report *r = mixed();
    struct res_filter f = {0};
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_filter_parse_severities("critical,LOW", &f.severities, &err), OSP_OK);
    res_filter_apply(r, &f);
    CU_ASSERT_EQUAL(r->n_findings, 3);
    CU_ASSERT_EQUAL(r->findings[0].severity, RES_SEV_CRITICAL);
    CU_ASSERT_EQUAL(r->findings[2].severity, RES_SEV_LOW);
    res_report_free(r);
    unsigned m = 0;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_filter_parse_severities("HIGH,SEVERE", &m, &err), OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "'SEVERE'"));
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_filter_parse_severities("HIGH,,LOW", &m, &err), OSP_EUSAGE);
}

static void test_service_filter_keeps_that_services_status_rows(void)
{
    struct res_report *r = mixed();
    const char *svc[] = {"s3"};
    struct res_filter f = {.services = svc, .n_services = 1};
    res_filter_apply(r, &f);
    CU_ASSERT_EQUAL(r->n_findings, 3);
    CU_ASSERT_EQUAL_FATAL(r->n_services, 1);
    CU_ASSERT_STRING_EQUAL(r->services[0].service, "s3");
    CU_ASSERT_EQUAL(r->services[0].state, RES_SVC_FAILED);
    res_report_free(r);
}

static void test_arn_filter_is_exact(void)
{
    struct res_report *r = mixed();
    const char *arns[] = {"arn:aws:s3:::bucket-a"};
    struct res_filter f = {.arns = arns, .n_arns = 1};
    res_filter_apply(r, &f);
    CU_ASSERT_EQUAL(r->n_findings, 2);
    for (size_t i = 0; i < r->n_findings; i++)
        CU_ASSERT_STRING_EQUAL(r->findings[i].resource, "arn:aws:s3:::bucket-a");
    CU_ASSERT_EQUAL(r->n_services, 2);
    res_report_free(r);
}

static const struct osp_test tests[] = {OSP_TEST(test_pass_results_only_with_include_non_failures),
                                        OSP_TEST(test_severity_list),
                                        OSP_TEST(test_service_filter_keeps_that_services_status_rows),
                                        OSP_TEST(test_arn_filter_is_exact),
                                        {0}};

int main(void)
{
    return osp_test_run("filter", tests);
}
