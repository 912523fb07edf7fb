/* test_report.c: model builders, ordering, JSON round trip, reader errors and merge. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "osp_test.h"
#include "results/report.h"

static struct res_report *full(void)
{
    struct res_report *r = fx_matrix();
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    struct res_service s = {.account = "123456789012",
                            .region = "us-east-1",
                            .service = "s3",
                            .state = RES_SVC_CACHED,
                            .collected_at = 1700000000};
    CU_ASSERT_EQUAL(res_report_add_service_status(r, &s, &err), OSP_OK);
    s.service = "kms";
    s.state = RES_SVC_FAILED;
    s.error_code = "AccessDenied";
    s.error_message = "not authorized to perform kms:ListKeys";
    s.collected_at = 1700003600;
    CU_ASSERT_EQUAL(res_report_add_service_status(r, &s, &err), OSP_OK);
    CU_ASSERT_EQUAL(res_report_set_compliance(r, "aws-cis-1.2", "CIS AWS Foundations", "1.2.0", &err), OSP_OK);
    const char *checks[] = {"AVD-AWS-0086"};
    struct res_control c = {.id = "1.1",
                            .name = "Avoid root",
                            .severity = RES_SEV_HIGH,
                            .status = RES_CTL_FAIL,
                            .n_failing = 2,
                            .checks = checks,
                            .n_checks = 1};
    CU_ASSERT_EQUAL(res_report_add_control(r, &c, &err), OSP_OK);
    c.id = "1.2";
    c.status = RES_CTL_MANUAL;
    c.n_checks = 0;
    c.n_failing = 0;
    CU_ASSERT_EQUAL(res_report_add_control(r, &c, &err), OSP_OK);
    res_report_sort(r);
    return r;
}

static void test_builders_copy_and_default_strings(void)
{
    struct res_report *r = res_report_new(NULL, NULL);
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    char id[] = "AVD-AWS-0001";
    struct res_finding f = {.check_id = id, .severity = RES_SEV_LOW, .region = "eu-west-1", .account = "111"};
    CU_ASSERT_EQUAL(res_report_add_finding(r, &f, &err), OSP_OK);
    id[0] = 'X';
    CU_ASSERT_STRING_EQUAL(r->findings[0].check_id, "AVD-AWS-0001");
    CU_ASSERT_PTR_NOT_NULL(r->findings[0].title);
    CU_ASSERT_STRING_EQUAL(r->findings[0].resource, "");
    CU_ASSERT_STRING_EQUAL(r->tool_name, "osprey");
    CU_ASSERT_EQUAL(r->n_accounts, 1);
    CU_ASSERT_STRING_EQUAL(r->regions[0], "eu-west-1");
    res_report_free(r);
}

static void test_invalid_utf8_becomes_question_marks(void)
{
    struct res_report *r = res_report_new(NULL, NULL);
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    struct res_finding f = {.check_id = "A", .message = "ok \xc3\xa9 bad \xff\xc3 end \xed\xa0\x80 \xf0\x9f\x90\xa6"};
    CU_ASSERT_EQUAL(res_report_add_finding(r, &f, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(r->findings[0].message, "ok \xc3\xa9 bad ?? end ??? \xf0\x9f\x90\xa6");
    char *json = NULL;
    CU_ASSERT_EQUAL(res_report_to_json(r, &json, &err), OSP_OK);
    free(json);
    res_report_free(r);
}

static void test_sort_is_severity_then_check_region_resource(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(fx_add(r, "B", RES_SEV_LOW, "s3", "us-east-1", "arn:z"), 0);
    CU_ASSERT_EQUAL(fx_add(r, "A", RES_SEV_LOW, "s3", "us-east-2", "arn:a"), 0);
    CU_ASSERT_EQUAL(fx_add(r, "A", RES_SEV_LOW, "s3", "us-east-1", "arn:b"), 0);
    CU_ASSERT_EQUAL(fx_add(r, "Z", RES_SEV_CRITICAL, "s3", "us-east-1", "arn:a"), 0);
    CU_ASSERT_EQUAL(fx_add(r, "A", RES_SEV_LOW, "s3", "us-east-1", "arn:a"), 0);
    res_report_sort(r);
    const char *want[][3] = {{"Z", "us-east-1", "arn:a"},
                             {"A", "us-east-1", "arn:a"},
                             {"A", "us-east-1", "arn:b"},
                             {"A", "us-east-2", "arn:a"},
                             {"B", "us-east-1", "arn:z"}};
    for (size_t i = 0; i < 5; i++) {
        CU_ASSERT_STRING_EQUAL(r->findings[i].check_id, want[i][0]);
        CU_ASSERT_STRING_EQUAL(r->findings[i].region, want[i][1]);
        CU_ASSERT_STRING_EQUAL(r->findings[i].resource, want[i][2]);
    }
    res_report_free(r);
}

static void test_json_round_trip_is_byte_identical(void)
{
    struct res_report *r = full();
    struct osp_err err;
    char *a = NULL, *b = NULL;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(res_report_to_json(r, &a, &err), OSP_OK);
    struct res_report *back = NULL;
    CU_ASSERT_EQUAL_FATAL(res_report_from_json(a, strlen(a), "a.json", &back, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(res_report_to_json(back, &b, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(a, b);
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "\"SchemaVersion\": 1"));
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "\"CollectedAt\": \"2023-11-14T23:13:20Z\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "\"cis-aws-1.2\": [\n"));
    CU_ASSERT_EQUAL(back->compliance ? back->compliance->n_controls : 0, 2);
    CU_ASSERT_EQUAL(back->collected_at, 1700003600);
    free(a);
    free(b);
    res_report_free(back);
    res_report_free(r);
}

/* The findings are written one at a time (never one tree of them all): the bytes are still
 * jansson's for the whole document, and the same whether written to a string or a file. */
static void test_streamed_findings_read_as_one_jansson_document(void)
{
    struct res_report *r = full();
    struct osp_err err;
    char *a = NULL;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(res_report_to_json(r, &a, &err), OSP_OK);
    CU_ASSERT_TRUE_FATAL(r->n_findings >= 2);
    json_t *doc = json_loads(a, 0, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    char *whole = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    CU_ASSERT_PTR_NOT_NULL_FATAL(whole);
    CU_ASSERT_EQUAL(strlen(a), strlen(whole) + 1);
    CU_ASSERT_EQUAL(strncmp(a, whole, strlen(whole)), 0);
    FILE *f = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(res_report_write_json(r, f, &err), OSP_OK);
    long n = ftell(f);
    rewind(f);
    char *b = calloc(1, (size_t)n + 1);
    CU_ASSERT_EQUAL(fread(b, 1, (size_t)n, f), (size_t)n);
    CU_ASSERT_STRING_EQUAL(a, b);
    fclose(f);
    free(b);
    free(whole);
    json_decref(doc);
    size_t nf = r->n_findings;
    r->n_findings = 0; /* no findings: the empty array stays */
    char *c = NULL;
    CU_ASSERT_EQUAL_FATAL(res_report_to_json(r, &c, &err), OSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(c, "\n  \"Findings\": [],\n"));
    free(c);
    free(a);
    r->n_findings = nf;
    res_report_free(r);
}

static void expect_read_error(const char *json, enum osp_code code, const char *needle)
{
    struct res_report *r = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_report_from_json(json, strlen(json), "x.json", &r, &err), code);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, needle));
}

static void test_reader_names_bad_fields(void)
{
    expect_read_error("{", OSP_EPARSE, "x.json:");
    expect_read_error("[]", OSP_EPARSE, "expected a JSON object");
    expect_read_error("{}", OSP_EPARSE, "SchemaVersion");
    expect_read_error("{\"SchemaVersion\": 2}", OSP_EUSAGE, "SchemaVersion 2");
    expect_read_error("{\"SchemaVersion\": 1, \"Findings\": [{\"ID\": \"A\", \"Severity\": \"BAD\"}]}", OSP_EPARSE,
                      "Findings[0].Severity");
    expect_read_error(
        "{\"SchemaVersion\": 1, \"Findings\": [{\"ID\": \"A\", \"Severity\": \"LOW\", \"Status\": \"FAIL\", "
        "\"References\": [1]}]}",
        OSP_EPARSE, "Findings[0].References");
    expect_read_error("{\"SchemaVersion\": 1, \"Services\": [{\"Status\": \"ok\", \"CollectedAt\": \"yesterday\"}]}",
                      OSP_EPARSE, "Services[0].CollectedAt");
}

static void test_merge_unions_and_rejects_mixed_versions(void)
{
    struct res_report *a = full(), *b = res_report_new("osprey", "0.1.0");
    struct osp_err err;
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_EQUAL(fx_add(b, "AVD-AWS-0086", RES_SEV_HIGH, "s3", "eu-west-1", "arn:aws:s3:::bucket-eu"), 0);
    CU_ASSERT_EQUAL(fx_add(b, "AVD-AWS-0086", RES_SEV_HIGH, "s3", "us-east-1", "arn:aws:s3:::bucket-a"), 0);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_report_merge(a, b, &err), OSP_OK);
    CU_ASSERT_EQUAL(a->n_findings, 4); /* the duplicate bucket-a finding is dropped */
    CU_ASSERT_EQUAL(a->n_regions, 2);
    b->schema_version = 2;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_report_merge(a, b, &err), OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "SchemaVersion"));
    res_report_free(a);
    res_report_free(b);
}

/* One finding reported by two shards that differ in more than identity (another region's
 * document, another message) is still one finding: one fingerprint, kept once. */
static void test_merge_keeps_one_finding_per_fingerprint(void)
{
    struct res_report *a = full(), *b = res_report_new("osprey", "0.1.0");
    struct osp_err err;
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    size_t before = a->n_findings;
    CU_ASSERT_EQUAL(fx_add(b, "AVD-AWS-0086", RES_SEV_HIGH, "s3", "eu-west-1", "arn:aws:s3:::bucket-a"), 0);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_report_merge(a, b, &err), OSP_OK);
    CU_ASSERT_EQUAL(a->n_findings, before);
    for (size_t i = 0; i < a->n_findings; i++)
        for (size_t j = i + 1; j < a->n_findings; j++)
            CU_ASSERT_STRING_NOT_EQUAL(a->findings[i].fingerprint, a->findings[j].fingerprint);
    res_report_free(a);
    res_report_free(b);
}

/* Shards of a compliance scan: failing evidence beats missing evidence, which keeps its reason. */
static void test_merge_compliance_fail_beats_not_evaluated(void)
{
    struct res_report *a = res_report_new("osprey", "0.1.0"), *b = res_report_new("osprey", "0.1.0");
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    struct res_control ne = {.id = "5.2", .name = "n", .status = RES_CTL_ERROR, .reason = "regions eu-west-1 not scanned"};
    struct res_control pass = {.id = "5.2", .name = "n", .status = RES_CTL_PASS};
    struct res_control fail = {.id = "5.3", .name = "n", .status = RES_CTL_FAIL, .n_failing = 1};
    struct res_control ne3 = {.id = "5.3", .name = "n", .status = RES_CTL_ERROR, .reason = "x"};
    CU_ASSERT_EQUAL(res_report_set_compliance(a, "aws-cis-1.4", "t", "1.4", &err), OSP_OK);
    CU_ASSERT_EQUAL(res_report_add_control(a, &pass, &err), OSP_OK);
    CU_ASSERT_EQUAL(res_report_add_control(a, &fail, &err), OSP_OK);
    CU_ASSERT_EQUAL(res_report_set_compliance(b, "aws-cis-1.4", "t", "1.4", &err), OSP_OK);
    CU_ASSERT_EQUAL(res_report_add_control(b, &ne, &err), OSP_OK);
    CU_ASSERT_EQUAL(res_report_add_control(b, &ne3, &err), OSP_OK);
    CU_ASSERT_EQUAL(res_report_merge(a, b, &err), OSP_OK);
    CU_ASSERT_EQUAL(a->compliance->controls[0].status, RES_CTL_ERROR);
    CU_ASSERT_STRING_EQUAL(a->compliance->controls[0].reason, "regions eu-west-1 not scanned");
    CU_ASSERT_EQUAL(a->compliance->controls[1].status, RES_CTL_FAIL);
    CU_ASSERT_STRING_EQUAL(a->compliance->controls[1].reason, "");
    res_report_free(a);
    res_report_free(b);
}

static const struct osp_test tests[] = {OSP_TEST(test_builders_copy_and_default_strings),
                                        OSP_TEST(test_merge_keeps_one_finding_per_fingerprint),
                                        OSP_TEST(test_merge_compliance_fail_beats_not_evaluated),
                                        OSP_TEST(test_invalid_utf8_becomes_question_marks),
                                        OSP_TEST(test_sort_is_severity_then_check_region_resource),
                                        OSP_TEST(test_json_round_trip_is_byte_identical),
                                        OSP_TEST(test_streamed_findings_read_as_one_jansson_document),
                                        OSP_TEST(test_reader_names_bad_fields),
                                        OSP_TEST(test_merge_unions_and_rejects_mixed_versions),
                                        {0}};

int main(void)
{
    return osp_test_run("report", tests);
}
