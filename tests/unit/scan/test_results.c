/* test_results.c: deny results -> (message, ARN), and de-duplication across regions. */
#include <string.h>

#include "osp_test.h"
#include "scan/scan_int.h"

static rv parse(const char *json)
{
    rv v = rv_undef();
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(rv_json_parse(json, strlen(json), NULL, &v, &err), OSP_OK);
    return v;
}

static void decode(const char *json, const char *want_msg, const char *want_res)
{
    rv v = parse(json);
    char *msg = NULL, *res = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_result_decode(v, &msg, &res, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(msg, want_msg);
    CU_ASSERT_STRING_EQUAL(res, want_res);
    free(msg);
    free(res);
    rv_unref(v);
}

static void test_result_new_object_gives_message_and_resource(void)
{
    decode("{\"msg\":\"bad\",\"resource\":\"arn:aws:s3:::b\",\"filepath\":\"x\",\"startline\":0}", "bad",
           "arn:aws:s3:::b");
}

static void test_filepath_is_used_when_resource_is_empty(void)
{
    decode("{\"msg\":\"m\",\"resource\":\"\",\"filepath\":\"arn:aws:iam::1:root\"}", "m", "arn:aws:iam::1:root");
}

static void test_string_result_has_no_resource(void)
{
    decode("\"just text\"", "just text", "");
}

static void test_msg_cause_pair_reads_cause_metadata(void)
{
    decode("[\"m\", {\"__defsec_metadata\": {\"resource\": \"arn:aws:ec2:us-east-1:1:vpc/v\"}}]", "m",
           "arn:aws:ec2:us-east-1:1:vpc/v");
}

static void test_other_values_become_json_text(void)
{
    decode("{\"x\":1}", "{\"x\":1}", "");
}

static void add(struct scan_raw_list *l, size_t check, size_t input, const char *res, const char *msg, int pass)
{
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_raw_add(l, check, input, res, msg, pass, &err), OSP_OK);
}

static void test_global_finding_from_two_regions_is_kept_once(void)
{
    struct scan_raw_list l = {0};
    add(&l, 0, 0, "arn:aws:iam::1:root", "root has keys", 0);
    add(&l, 0, 1, "arn:aws:iam::1:root", "root has keys", 0);
    add(&l, 1, 1, "arn:aws:iam::1:root", "no mfa", 0);
    scan_raw_dedupe(&l);
    CU_ASSERT_EQUAL(l.n, 2);
    CU_ASSERT_EQUAL(l.v[0].input, 0);
    CU_ASSERT_EQUAL(l.v[1].check, 1);
    scan_raw_cleanup(&l);
}

static void test_findings_without_resource_stay_per_region(void)
{
    struct scan_raw_list l = {0};
    add(&l, 0, 0, "", "no recorder here", 0);
    add(&l, 0, 1, "", "no recorder here", 0);
    scan_raw_dedupe(&l);
    CU_ASSERT_EQUAL(l.n, 2);
    scan_raw_cleanup(&l);
}

static void test_global_findings_without_resource_are_kept_once(void)
{
    struct scan_raw_list l = {0};
    add(&l, 0, 0, "", "no support role", 0);
    add(&l, 0, 1, "", "no support role", 0);
    l.v[0].global = l.v[1].global = 1;
    scan_raw_dedupe(&l);
    CU_ASSERT_EQUAL(l.n, 1);
    CU_ASSERT(scan_service_is_global("iam") && !scan_service_is_global("ec2"));
    scan_raw_cleanup(&l);
}

static void test_pass_is_dropped_where_the_resource_failed_elsewhere(void)
{
    struct scan_raw_list l = {0};
    add(&l, 0, 0, "arn:aws:s3:::b", "no issue found", 1);
    add(&l, 0, 1, "arn:aws:s3:::b", "bucket is public", 0);
    add(&l, 0, 1, "arn:aws:s3:::c", "no issue found", 1);
    add(&l, 0, 0, "arn:aws:s3:::c", "no issue found", 1);
    scan_raw_dedupe(&l);
    CU_ASSERT_EQUAL_FATAL(l.n, 2);
    CU_ASSERT_EQUAL(l.v[0].pass, 0);
    CU_ASSERT_STRING_EQUAL(l.v[1].resource, "arn:aws:s3:::c");
    CU_ASSERT_EQUAL(l.v[1].pass, 1);
    scan_raw_cleanup(&l);
}

static void test_two_messages_on_one_resource_are_both_kept(void)
{
    struct scan_raw_list l = {0};
    add(&l, 0, 0, "arn:aws:ec2:us-east-1:1:network-acl/a", "port 22 open", 0);
    add(&l, 0, 0, "arn:aws:ec2:us-east-1:1:network-acl/a", "port 3389 open", 0);
    scan_raw_dedupe(&l);
    CU_ASSERT_EQUAL(l.n, 2);
    scan_raw_cleanup(&l);
}

/* An API passes a check only when none of its parts (stages, methods: "<ARN>/...") failed it; a
 * sibling whose ARN merely starts the same ("...x1" vs "...x12") is not a part. */
static void test_pass_is_dropped_where_a_part_of_the_resource_failed(void)
{
    struct scan_raw_list l = {0};
    add(&l, 0, 0, "arn:aws:apigateway:r::/restapis/x1", "no issue found", 1);
    add(&l, 0, 0, "arn:aws:apigateway:r::/restapis/x1/stages/dev", "no access logs", 0);
    add(&l, 0, 0, "arn:aws:apigateway:r::/restapis/x12", "no issue found", 1);
    add(&l, 1, 0, "arn:aws:apigateway:r::/restapis/x12", "no issue found", 1);
    add(&l, 0, 0, "arn:aws:apigateway:r::/restapis/x12z/stages/dev", "no access logs", 0);
    add(&l, 1, 0, "arn:aws:apigateway:r::/restapis/x1", "no issue found", 1);
    scan_raw_dedupe(&l);
    int x1_pass0 = 0, x12_pass0 = 0, x1_pass1 = 0;
    for (size_t i = 0; i < l.n; i++) {
        x1_pass0 += l.v[i].check == 0 && l.v[i].pass && !strcmp(l.v[i].resource, "arn:aws:apigateway:r::/restapis/x1");
        x12_pass0 += l.v[i].check == 0 && l.v[i].pass && !strcmp(l.v[i].resource, "arn:aws:apigateway:r::/restapis/x12");
        x1_pass1 += l.v[i].check == 1 && l.v[i].pass && !strcmp(l.v[i].resource, "arn:aws:apigateway:r::/restapis/x1");
    }
    CU_ASSERT_EQUAL(x1_pass0, 0); /* its stage failed */
    CU_ASSERT_EQUAL(x12_pass0, 1); /* x12z's stage is not a part of x12 */
    CU_ASSERT_EQUAL(x1_pass1, 1); /* another check: unaffected */
    CU_ASSERT_EQUAL(l.n, 5);
    scan_raw_cleanup(&l);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_result_new_object_gives_message_and_resource),
    OSP_TEST(test_filepath_is_used_when_resource_is_empty),
    OSP_TEST(test_string_result_has_no_resource),
    OSP_TEST(test_msg_cause_pair_reads_cause_metadata),
    OSP_TEST(test_other_values_become_json_text),
    OSP_TEST(test_global_finding_from_two_regions_is_kept_once),
    OSP_TEST(test_findings_without_resource_stay_per_region),
    OSP_TEST(test_global_findings_without_resource_are_kept_once),
    OSP_TEST(test_pass_is_dropped_where_the_resource_failed_elsewhere),
    OSP_TEST(test_two_messages_on_one_resource_are_both_kept),
    OSP_TEST(test_pass_is_dropped_where_a_part_of_the_resource_failed),
    {0},
};

int main(void)
{
    return osp_test_run("scan_results", tests);
}
