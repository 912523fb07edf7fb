/* test_gaps.c: gaps (what a run could not look at), --allow-incomplete, the gate's verdict and
 * its precedence, and the finding fingerprint; all through the JSON report and back. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "osp_test.h"
#include "results/report.h"
#include "results/threshold.h"

static struct osp_err err;

static void add_gap(struct res_report *r, enum res_gap_kind kind, const char *region, const char *service,
                    const char *check)
{
    struct res_gap g = {.kind = kind, .account = "123456789012", .region = region, .service = service,
                        .check_id = check, .code = "X"};
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(res_report_add_gap(r, &g, &err), OSP_OK);
}

static void test_failed_service_is_a_gap_once(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    struct res_service s = {.account = "123456789012", .region = "us-east-1", .service = "kms",
                            .state = RES_SVC_FAILED, .error_code = "AccessDenied"};
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(res_report_add_service_status(r, &s, &err), OSP_OK);
    add_gap(r, RES_GAP_SERVICE, "us-east-1", "kms", NULL); /* the same gap again: merged */
    CU_ASSERT_EQUAL(r->n_gaps, 1);
    CU_ASSERT_STRING_EQUAL(r->gaps[0].code, "AccessDenied");
    CU_ASSERT_FALSE(res_report_complete(r));
    res_report_free(r);
}

static void test_allow_incomplete_patterns(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    add_gap(r, RES_GAP_SERVICE, "us-east-1", "kms", NULL);
    add_gap(r, RES_GAP_SERVICE, "eu-west-1", "kms", NULL);
    add_gap(r, RES_GAP_REGION, "ap-south-1", "", NULL);
    add_gap(r, RES_GAP_CHECK, "us-east-1", "s3", "AVD-AWS-0086");
    CU_ASSERT_EQUAL(res_report_accept_gaps(r, "kms/eu-west-1"), 1);
    CU_ASSERT_EQUAL(res_report_accept_gaps(r, "kms/eu-west-1"), 0);
    CU_ASSERT_EQUAL(res_report_accept_gaps(r, "sns"), 0);
    CU_ASSERT_EQUAL(res_report_accept_gaps(r, "AVD-AWS-0086"), 1);
    CU_ASSERT_FALSE(res_report_complete(r));
    CU_ASSERT_EQUAL(res_report_accept_gaps(r, "*/ap-south-1"), 1);
    CU_ASSERT_EQUAL(res_report_accept_gaps(r, "kms"), 1);
    CU_ASSERT_TRUE(res_report_complete(r));
    CU_ASSERT_EQUAL(res_gap_pattern_valid("kms"), 0);
    CU_ASSERT_EQUAL(res_gap_pattern_valid("kms/us-east-1"), 0);
    CU_ASSERT_EQUAL(res_gap_pattern_valid("*/us-east-1"), 0);
    CU_ASSERT_NOT_EQUAL(res_gap_pattern_valid("*"), 0);
    CU_ASSERT_NOT_EQUAL(res_gap_pattern_valid("kms/"), 0);
    CU_ASSERT_NOT_EQUAL(res_gap_pattern_valid("/us-east-1"), 0);
    CU_ASSERT_NOT_EQUAL(res_gap_pattern_valid("a/b/c"), 0);
    res_report_free(r);
}

/* An account not scanned at all (its member role refused, or no shard report): one gap, named by
 * its account id, accepted by that id, and read back from the JSON report. */
static void test_account_gap(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    struct res_gap g = {.kind = RES_GAP_ACCOUNT, .account = "210987654321", .code = "no-shard-report", .message = "m"};
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(res_report_add_gap(r, &g, &err), OSP_OK);
    add_gap(r, RES_GAP_SERVICE, "us-east-1", "kms", NULL);
    CU_ASSERT_STRING_EQUAL(res_gap_kind_name(RES_GAP_ACCOUNT), "account");
    char *text = NULL;
    CU_ASSERT_EQUAL_FATAL(res_report_to_json(r, &text, &err), OSP_OK);
    struct res_report *back = NULL;
    CU_ASSERT_EQUAL_FATAL(res_report_from_json(text, strlen(text), "t", &back, &err), OSP_OK);
    CU_ASSERT_EQUAL(back->n_gaps, 2);
    CU_ASSERT_EQUAL(back->gaps[1].kind, RES_GAP_ACCOUNT);
    CU_ASSERT_STRING_EQUAL(back->gaps[1].account, "210987654321");
    CU_ASSERT_EQUAL(res_gap_pattern_valid("210987654321"), 0);
    CU_ASSERT_EQUAL(res_report_accept_gaps(back, "210987654321"), 1); /* not the other account's gap */
    CU_ASSERT_FALSE(res_report_complete(back));
    CU_ASSERT_EQUAL(res_report_accept_gaps(back, "123456789012"), 1);
    CU_ASSERT_TRUE(res_report_complete(back));
    free(text);
    res_report_free(back);
    res_report_free(r);
}

static int gate(struct res_report *r, const char *fail_on, int exit_code)
{
    struct res_threshold t;
    res_threshold_init(&t);
    osp_err_init(&err);
    if (fail_on)
        CU_ASSERT_EQUAL(res_threshold_parse_fail_on(&t, fail_on, &err), OSP_OK);
    if (exit_code >= 0)
        res_threshold_set_exit_code(&t, exit_code);
    return res_threshold_gate(&t, r);
}

static void test_gate_precedence(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    CU_ASSERT_EQUAL(fx_add(r, "AVD-AWS-0086", RES_SEV_HIGH, "s3", "global", "arn:aws:s3:::b"), OSP_OK);
    CU_ASSERT_EQUAL(gate(r, "high", -1), 1);
    CU_ASSERT_TRUE(r->gate.breached);
    CU_ASSERT_FALSE(r->gate.incomplete);
    add_gap(r, RES_GAP_SERVICE, "us-east-1", "kms", NULL);
    CU_ASSERT_EQUAL(gate(r, NULL, -1), 0); /* no gate: incomplete runs exit 0 */
    CU_ASSERT_FALSE(r->gate.active);
    CU_ASSERT_EQUAL(gate(r, "high", -1), 6); /* incomplete outranks the breach */
    CU_ASSERT_TRUE(r->gate.breached && r->gate.incomplete);
    CU_ASSERT_EQUAL(gate(r, "critical", -1), 6); /* incomplete without a breach */
    CU_ASSERT_EQUAL(gate(r, "high", 0), 0);      /* report-only */
    CU_ASSERT_TRUE(r->gate.breached && r->gate.incomplete);
    CU_ASSERT_PTR_NOT_NULL(r->gate.summary);
    CU_ASSERT_EQUAL(res_report_accept_gaps(r, "kms"), 1);
    CU_ASSERT_EQUAL(gate(r, "high", 9), 9);
    CU_ASSERT_EQUAL(gate(r, "critical", -1), 0);
    res_report_free(r);
}

static void test_fingerprint_is_stable_and_tells_parts_apart(void)
{
    struct res_finding a = {.check_id = "AVD-AWS-0124", .account = "1", .region = "us-east-1",
                            .resource = "arn:aws:ec2:us-east-1:1:security-group/sg-1", .key = "ingressrules[aa]"};
    struct res_finding b = a, c = a, d = a;
    b.key = "ingressrules[bb]";
    c.region = "global"; /* a resource's fingerprint does not depend on the region it is filed under */
    d.resource = "";
    char fa[65], fb[65], fc[65], fd[65];
    res_finding_fingerprint(&a, fa);
    res_finding_fingerprint(&b, fb);
    res_finding_fingerprint(&c, fc);
    res_finding_fingerprint(&d, fd);
    CU_ASSERT_EQUAL(strlen(fa), 64);
    CU_ASSERT_STRING_NOT_EQUAL(fa, fb);
    CU_ASSERT_STRING_EQUAL(fa, fc);
    CU_ASSERT_STRING_NOT_EQUAL(fa, fd);
    d.region = "eu-west-1"; /* account-wide: told apart by region */
    char fe[65];
    res_finding_fingerprint(&d, fe);
    CU_ASSERT_STRING_NOT_EQUAL(fd, fe);
}

static void test_json_round_trip_keeps_gaps_gate_and_identity(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    struct res_finding f = {.check_id = "AVD-AWS-0102", .severity = RES_SEV_CRITICAL, .status = RES_FAIL,
                            .service = "ec2", .region = "us-east-1", .account = "123456789012",
                            .resource = "arn:aws:ec2:us-east-1:123456789012:network-acl/acl-1", .key = "rules[1]",
                            .line = 4};
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(res_report_add_finding(r, &f, &err), OSP_OK);
    f.key = "rules[2]";
    f.line = 9;
    CU_ASSERT_EQUAL_FATAL(res_report_add_finding(r, &f, &err), OSP_OK);
    add_gap(r, RES_GAP_REGION, "eu-west-1", "", NULL);
    add_gap(r, RES_GAP_CHECK, "us-east-1", "s3", "AVD-AWS-0086");
    struct res_gap res = {.kind = RES_GAP_RESOURCE, .account = "123456789012", .region = "global", .service = "s3",
                          .resource = "arn:aws:s3:::b1", .code = "AccessDenied", .message = "GetBucketPolicy"};
    CU_ASSERT_EQUAL_FATAL(res_report_add_gap(r, &res, &err), OSP_OK); /* per-resource collection errors */
    CU_ASSERT_EQUAL(res_report_accept_gaps(r, "AVD-AWS-0086"), 1);
    CU_ASSERT_EQUAL(gate(r, "low", -1), 6);
    res_report_sort(r);
    CU_ASSERT_STRING_NOT_EQUAL(r->findings[0].fingerprint, r->findings[1].fingerprint);
    char *text = NULL;
    CU_ASSERT_EQUAL_FATAL(res_report_to_json(r, &text, &err), OSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\"Status\": \"incomplete\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\"Gate\""));
    struct res_report *back = NULL;
    CU_ASSERT_EQUAL_FATAL(res_report_from_json(text, strlen(text), "t", &back, &err), OSP_OK);
    CU_ASSERT_EQUAL(back->n_gaps, 3);
    CU_ASSERT_EQUAL(back->gaps[2].kind, RES_GAP_RESOURCE);
    CU_ASSERT_STRING_EQUAL(back->gaps[2].resource, "arn:aws:s3:::b1");
    CU_ASSERT_FALSE(res_report_complete(back));
    CU_ASSERT_EQUAL(back->findings[1].line, 9);
    CU_ASSERT_STRING_EQUAL(back->findings[0].fingerprint, r->findings[0].fingerprint);
    CU_ASSERT_EQUAL(gate(back, "low", -1), 6);
    char *again = NULL;
    CU_ASSERT_EQUAL_FATAL(res_report_to_json(back, &again, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(text, again);
    free(text);
    free(again);
    res_report_free(back);
    res_report_free(r);
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_failed_service_is_a_gap_once),
        OSP_TEST(test_allow_incomplete_patterns),
        OSP_TEST(test_account_gap),
        OSP_TEST(test_gate_precedence),
        OSP_TEST(test_fingerprint_is_stable_and_tells_parts_apart),
        OSP_TEST(test_json_round_trip_keeps_gaps_gate_and_identity),
        {0},
    };
    return osp_test_run("gaps", tests);
}
