/* test_compliance.c: control status PASS / FAIL / MANUAL / NOT EVALUATED (RES_CTL_ERROR), its reason,
 * coverage of regions and check gaps, and failing-resource counts. */
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

static const char *enabled[] = {"ap-south-1", "eu-west-1", "eu-west-2", "us-east-1"};
static const char *one[] = {"us-east-1"};

static struct scan_ctl_eval eval_cov(const char *id, int account_scope, const struct scan_raw_list *l,
                                     const char **scanned, size_t nscanned, size_t nenabled,
                                     const struct scan_gap_list *gaps)
{
    const char *ids[] = {id};
    struct scan_control ctl = {.id = "x", .name = "x", .note = "", .checks = ids, .nchecks = 1,
                               .account_scope = account_scope};
    struct scan_coverage cov = {scanned, nscanned, NULL, 0, enabled, nenabled, gaps};
    return scan_control_eval_cov(&ctl, checks, 3, l, NULL, 0, &cov);
}

/* A control whose checks read a regional service (cloudtrail) after a one-region scan. */
static void test_region_scoped_control_after_one_region_is_not_evaluated(void)
{
    struct scan_raw_list l = {0};
    struct scan_ctl_eval ev = eval_cov("AVD-AWS-0161", 0, &l, one, 1, 4, NULL);
    CU_ASSERT_EQUAL(ev.status, RES_CTL_ERROR);
    CU_ASSERT_STRING_EQUAL(ev.reason, "regions ap-south-1, eu-west-1, eu-west-2 not scanned");
    CU_ASSERT_EQUAL(eval_cov("AVD-AWS-0161", 0, &l, enabled, 4, 4, NULL).status, RES_CTL_PASS);
    ev = eval_cov("AVD-AWS-0161", 0, &l, one, 1, 0, NULL); /* enabled regions unknown (offline) */
    CU_ASSERT_EQUAL(ev.status, RES_CTL_ERROR);
    CU_ASSERT_PTR_NOT_NULL(strstr(ev.reason, "not known"));
    /* global (iam) controls and account-scoped ones are whole from one region */
    CU_ASSERT_EQUAL(eval_cov("AVD-AWS-0141", 0, &l, one, 1, 4, NULL).status, RES_CTL_PASS);
    CU_ASSERT_EQUAL(eval_cov("AVD-AWS-0161", 1, &l, one, 1, 4, NULL).status, RES_CTL_PASS);
    /* a failing resource is evidence whatever the coverage */
    add(&l, 2, 0, "arn:aws:s3:::ct", 0);
    ev = eval_cov("AVD-AWS-0161", 0, &l, one, 1, 4, NULL);
    CU_ASSERT_EQUAL(ev.status, RES_CTL_FAIL);
    CU_ASSERT_STRING_EQUAL(ev.reason, "");
    scan_raw_cleanup(&l);
}

static void test_check_gaps_settle_only_when_their_region_was_scanned(void)
{
    struct scan_raw_list l = {0};
    struct scan_gap_list gaps = {0};
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_gap_add(&gaps, 2, "eu-west-2", "the log group of trail t is there", &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(scan_gap_add(&gaps, 2, "eu-west-2", "the log group of trail t is there", &err), OSP_OK);
    CU_ASSERT_EQUAL(gaps.n, 1); /* the same gap from every region counts once */
    struct scan_ctl_eval ev = eval_cov("AVD-AWS-0161", 1, &l, one, 1, 4, &gaps);
    CU_ASSERT_EQUAL(ev.status, RES_CTL_ERROR);
    CU_ASSERT_STRING_EQUAL(ev.reason, "the log group of trail t is there (region eu-west-2 not scanned)");
    const char *two[] = {"eu-west-2", "us-east-1"};
    CU_ASSERT_EQUAL(eval_cov("AVD-AWS-0161", 1, &l, two, 2, 4, &gaps).status, RES_CTL_PASS);
    /* a gap no region settles (data in another account) */
    CU_ASSERT_EQUAL_FATAL(scan_gap_add(&gaps, 2, "", "the log bucket 'central' of trail 'org' is not in this account", &err),
                          OSP_OK);
    ev = eval_cov("AVD-AWS-0161", 1, &l, enabled, 4, 4, &gaps);
    CU_ASSERT_EQUAL(ev.status, RES_CTL_ERROR);
    CU_ASSERT_STRING_EQUAL(ev.reason, "the log bucket 'central' of trail 'org' is not in this account");
    scan_gap_cleanup(&gaps);
}

/* CIS asks for one trail with the whole alarm chain: a check satisfied in one region's data makes
 * its failures elsewhere (other trails) and its gaps irrelevant to the control. */
static void test_a_check_satisfied_in_one_region_meets_the_control(void)
{
    struct scan_raw_list l = {0};
    struct scan_gap_list gaps = {0};
    struct osp_err err;
    osp_err_init(&err);
    add(&l, 2, 1, "arn:aws:cloudtrail:eu-west-1:1:trail/other", 0);
    CU_ASSERT_EQUAL_FATAL(scan_gap_add(&gaps, 2, "ap-south-1", "a log group there", &err), OSP_OK);
    CU_ASSERT_EQUAL(eval_cov("AVD-AWS-0161", 1, &l, one, 1, 4, &gaps).status, RES_CTL_FAIL);
    unsigned char sat[3] = {0, 0, 1};
    gaps.satisfied = sat;
    struct scan_ctl_eval ev = eval_cov("AVD-AWS-0161", 1, &l, one, 1, 4, &gaps);
    CU_ASSERT_EQUAL(ev.status, RES_CTL_PASS);
    CU_ASSERT_EQUAL(ev.n_failing, 0);
    gaps.satisfied = NULL;
    scan_gap_cleanup(&gaps);
    scan_raw_cleanup(&l);
}

static void test_many_unscanned_regions_are_summarised(void)
{
    const char *many[] = {"a-1", "b-1", "c-1", "d-1", "e-1", "f-1", "g-1", "h-1", "us-east-1"};
    struct scan_coverage cov = {one, 1, NULL, 0, many, 9, NULL};
    char out[256];
    CU_ASSERT_EQUAL(scan_unscanned_regions(&cov, out, sizeof(out)), 8);
    CU_ASSERT_STRING_EQUAL(out, "a-1, b-1, c-1, d-1, e-1, f-1 and 2 more");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_region_scoped_control_after_one_region_is_not_evaluated),
    OSP_TEST(test_check_gaps_settle_only_when_their_region_was_scanned),
    OSP_TEST(test_many_unscanned_regions_are_summarised),
    OSP_TEST(test_a_check_satisfied_in_one_region_meets_the_control),
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
