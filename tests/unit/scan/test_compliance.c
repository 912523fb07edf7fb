/* test_compliance.c: control status PASS / FAIL / MANUAL / ERROR and failing-resource counts. */
#include <string.h>

#include "osp_test.h"
#include "scan/scan_int.h"

static const char *iam_only[] = {"iam"};
static const char *ct_s3[] = {"cloudtrail", "s3"};

static const struct scan_check checks[] = {
    {.id = "AVD-AWS-0141", .avd_id = "AVD-AWS-0141", .service = "iam", .services = iam_only, .nservices = 1},
    {.id = "AVD-AWS-0142", .avd_id = "AVD-AWS-0142", .service = "iam", .services = iam_only, .nservices = 1},
    {.id = "AVD-AWS-0161", .avd_id = "AVD-AWS-0161", .service = "cloudtrail", .services = ct_s3, .nservices = 2},
};

static void add(struct scan_raw_list *l, size_t check, size_t input, const char *res, int pass)
{
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_raw_add(l, check, input, res, "m", pass, &err), OSP_OK);
}

static struct scan_ctl_eval eval(const char **ids, size_t n, int manual, const struct scan_raw_list *l,
                                 const char *const *failed, size_t nfailed)
{
    struct scan_control ctl = {.id = "x", .name = "x", .note = "", .manual = manual, .checks = ids, .nchecks = n};
    return scan_control_eval(&ctl, checks, 3, l, failed, nfailed);
}

static void test_control_without_findings_passes(void)
{
    struct scan_raw_list l = {0};
    const char *ids[] = {"AVD-AWS-0141"};
    add(&l, 0, 0, "arn:aws:iam::1:root", 1); /* a PASS record is not a failure */
    struct scan_ctl_eval ev = eval(ids, 1, 0, &l, NULL, 0);
    CU_ASSERT_EQUAL(ev.status, RES_CTL_PASS);
    CU_ASSERT_EQUAL(ev.n_failing, 0);
    scan_raw_cleanup(&l);
}

static void test_failing_resources_are_counted_once_across_checks(void)
{
    struct scan_raw_list l = {0};
    const char *ids[] = {"AVD-AWS-0141", "AVD-AWS-0142"};
    add(&l, 0, 0, "arn:aws:iam::1:root", 0);
    add(&l, 1, 0, "arn:aws:iam::1:root", 0);
    add(&l, 1, 0, "arn:aws:iam::1:user/a", 0);
    add(&l, 2, 0, "arn:aws:s3:::other", 0); /* another control's check */
    struct scan_ctl_eval ev = eval(ids, 2, 0, &l, NULL, 0);
    CU_ASSERT_EQUAL(ev.status, RES_CTL_FAIL);
    CU_ASSERT_EQUAL(ev.n_failing, 2);
    scan_raw_cleanup(&l);
}

static void test_findings_without_arn_count_per_region(void)
{
    struct scan_raw_list l = {0};
    const char *ids[] = {"AVD-AWS-0161"};
    add(&l, 2, 0, "", 0);
    add(&l, 2, 1, "", 0);
    CU_ASSERT_EQUAL(eval(ids, 1, 0, &l, NULL, 0).n_failing, 2);
    scan_raw_cleanup(&l);
}

static void test_manual_control_is_never_pass(void)
{
    struct scan_raw_list l = {0};
    CU_ASSERT_EQUAL(eval(NULL, 0, 1, &l, NULL, 0).status, RES_CTL_MANUAL);
    CU_ASSERT_EQUAL(eval(NULL, 0, 0, &l, NULL, 0).status, RES_CTL_MANUAL); /* no checks at all */
}

static void test_failed_service_makes_control_error(void)
{
    struct scan_raw_list l = {0};
    const char *ids[] = {"AVD-AWS-0161"};
    const char *failed[] = {"s3"};
    CU_ASSERT_EQUAL(eval(ids, 1, 0, &l, failed, 1).status, RES_CTL_ERROR);
    const char *other[] = {"ec2"};
    CU_ASSERT_EQUAL(eval(ids, 1, 0, &l, other, 1).status, RES_CTL_PASS);
}

static void test_failure_evidence_wins_over_a_failed_service(void)
{
    struct scan_raw_list l = {0};
    const char *ids[] = {"AVD-AWS-0161"};
    const char *failed[] = {"s3"};
    add(&l, 2, 0, "arn:aws:s3:::ct", 0);
    CU_ASSERT_EQUAL(eval(ids, 1, 0, &l, failed, 1).status, RES_CTL_FAIL);
    scan_raw_cleanup(&l);
}

static void test_trivy_spec_ids_without_avd_prefix_match(void)
{
    struct scan_raw_list l = {0};
    const char *ids[] = {"AWS-0141"};
    add(&l, 0, 0, "arn:aws:iam::1:root", 0);
    struct scan_ctl_eval ev = eval(ids, 1, 0, &l, NULL, 0);
    CU_ASSERT_EQUAL(ev.status, RES_CTL_FAIL);
    CU_ASSERT_EQUAL(ev.n_failing, 1);
    scan_raw_cleanup(&l);
}

static void test_unknown_check_is_error_not_pass(void)
{
    struct scan_raw_list l = {0};
    const char *ids[] = {"AVD-AWS-9999"};
    CU_ASSERT_EQUAL(eval(ids, 1, 0, &l, NULL, 0).status, RES_CTL_ERROR);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_control_without_findings_passes),
    OSP_TEST(test_failing_resources_are_counted_once_across_checks),
    OSP_TEST(test_findings_without_arn_count_per_region),
    OSP_TEST(test_manual_control_is_never_pass),
    OSP_TEST(test_failed_service_makes_control_error),
    OSP_TEST(test_failure_evidence_wins_over_a_failed_service),
    OSP_TEST(test_trivy_spec_ids_without_avd_prefix_match),
    OSP_TEST(test_unknown_check_is_error_not_pass),
    {0},
};

int main(void)
{
    return osp_test_run("scan_compliance", tests);
}
