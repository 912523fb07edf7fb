/* test_sarif.c: SARIF locations, fingerprints, rules and the 25,000-result cap. */
#include <jansson.h>
#include <string.h>

#include "fmt_fixture.h"
#include "osp_test.h"

static void add(struct res_report *r, const char *id, enum res_severity sev, const char *account, const char *region,
                const char *arn)
{
    struct osp_err err;
    osp_err_init(&err);
    struct res_finding f = {.check_id = id,
                            .title = "Title of check",
                            .severity = sev,
                            .status = RES_FAIL,
                            .service = "s3",
                            .region = region,
                            .account = account,
                            .resource = arn,
                            .message = "Bad setting"};
    CU_ASSERT_EQUAL(res_report_add_finding(r, &f, &err), OSP_OK);
}

static json_t *render(struct res_report *r, size_t max)
{
    struct fmt_opts o = {.sarif_max_results = max};
    res_report_sort(r);
    char *text = fx_render("sarif", r, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    json_t *doc = json_loads(text, 0, NULL);
    free(text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    return doc;
}

static json_t *results(json_t *doc)
{
    return json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "results");
}

static const char *uri_of(json_t *res)
{
    json_t *loc = json_array_get(json_object_get(res, "locations"), 0);
    return json_string_value(
        json_object_get(json_object_get(json_object_get(loc, "physicalLocation"), "artifactLocation"), "uri"));
}

static void test_uris_are_relative_encoded_and_never_empty(void)
{
    struct res_report *r = res_report_new("osprey", "9.9.9");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    add(r, "A", RES_SEV_HIGH, "111122223333", "us-east-1", "arn:aws:s3:::my bucket");
    add(r, "B", RES_SEV_HIGH, "111122223333", "us-east-1", "");
    add(r, "C", RES_SEV_HIGH, "", "", "arn:aws:s3:::..");
    add(r, "D", RES_SEV_HIGH, "111122223333", "eu-west-1", "https://evil.example/x");
    add(r, "E", RES_SEV_HIGH, "111122223333", "eu-west-1", "arn:aws:iam::111122223333:role//a/./b");
    json_t *doc = render(r, 0);
    const char *want[] = {"aws/111122223333/us-east-1/s3/my%20bucket", "aws/111122223333/us-east-1/s3/account",
                          "aws/unknown-account/global/s3/%2E%2E",
                          "aws/111122223333/eu-west-1/s3/https%3A/_/evil.example/x",
                          "aws/111122223333/eu-west-1/s3/role/_/a/%2E/b"};
    json_t *res = results(doc);
    CU_ASSERT_EQUAL_FATAL(json_array_size(res), 5);
    for (size_t i = 0; i < 5; i++) {
        const char *uri = uri_of(json_array_get(res, i));
        CU_ASSERT_PTR_NOT_NULL_FATAL(uri);
        CU_ASSERT_STRING_EQUAL(uri, want[i]);
        CU_ASSERT(strcspn(uri, ":") > strcspn(uri, "/")); /* no scheme */
    }
    json_decref(doc);
    res_report_free(r);
}

static void test_fingerprints_stable_and_distinct(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    add(r, "A", RES_SEV_HIGH, "111122223333", "us-east-1", "arn:aws:s3:::b1");
    add(r, "A", RES_SEV_HIGH, "111122223333", "us-east-1", "arn:aws:s3:::b2");
    json_t *d1 = render(r, 0), *d2 = render(r, 0);
    json_t *r1 = results(d1), *r2 = results(d2);
    const char *f[2][2];
    for (size_t i = 0; i < 2; i++) {
        f[0][i] = json_string_value(
            json_object_get(json_object_get(json_array_get(r1, i), "partialFingerprints"), "ospreyFinding/v2"));
        f[1][i] = json_string_value(
            json_object_get(json_object_get(json_array_get(r2, i), "partialFingerprints"), "ospreyFinding/v2"));
        CU_ASSERT_PTR_NOT_NULL_FATAL(f[0][i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(f[1][i]);
        CU_ASSERT_STRING_EQUAL(f[0][i], f[1][i]);
        CU_ASSERT_EQUAL(strlen(f[0][i]), 64);
    }
    CU_ASSERT_STRING_NOT_EQUAL(f[0][0], f[0][1]);
    json_decref(d1);
    json_decref(d2);
    res_report_free(r);
}

static json_t *region_of(json_t *res)
{
    json_t *loc = json_array_get(json_object_get(res, "locations"), 0);
    return json_object_get(json_object_get(loc, "physicalLocation"), "region");
}

/* Two findings of one check about one resource: one uri, two lines, two fingerprints. */
static void test_parts_of_a_resource_get_own_lines(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    struct osp_err err;
    osp_err_init(&err);
    const char *arn = "arn:aws:ec2:us-east-1:111122223333:network-acl/acl-1";
    struct res_finding f = {.check_id = "AVD-AWS-0102", .title = "t", .severity = RES_SEV_CRITICAL,
                            .status = RES_FAIL, .service = "ec2", .region = "us-east-1",
                            .account = "111122223333", .resource = arn, .message = "open", .key = "rules[a]",
                            .line = 4};
    CU_ASSERT_EQUAL(res_report_add_finding(r, &f, &err), OSP_OK);
    f.key = "rules[b]";
    f.line = 9;
    CU_ASSERT_EQUAL(res_report_add_finding(r, &f, &err), OSP_OK);
    json_t *doc = render(r, 0), *res = results(doc);
    CU_ASSERT_EQUAL_FATAL(json_array_size(res), 2);
    json_t *a = json_array_get(res, 0), *b = json_array_get(res, 1);
    CU_ASSERT_STRING_EQUAL(uri_of(a), uri_of(b));
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(region_of(a), "startLine")), 4);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(region_of(b), "startLine")), 9);
    const char *fa = json_string_value(json_object_get(json_object_get(a, "partialFingerprints"), "primaryLocationLineHash"));
    const char *fb = json_string_value(json_object_get(json_object_get(b, "partialFingerprints"), "primaryLocationLineHash"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(fa);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fb);
    CU_ASSERT_STRING_NOT_EQUAL(fa, fb);
    json_decref(doc);
    res_report_free(r);
}

static void test_gaps_make_execution_unsuccessful(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    struct osp_err err;
    osp_err_init(&err);
    add(r, "A", RES_SEV_HIGH, "111122223333", "us-east-1", "arn:aws:s3:::b1");
    struct res_gap g = {.kind = RES_GAP_REGION, .account = "111122223333", .region = "eu-west-1", .code = "not-stored"};
    CU_ASSERT_EQUAL(res_report_add_gap(r, &g, &err), OSP_OK);
    json_t *doc = render(r, 0);
    json_t *inv = json_array_get(json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "invocations"), 0);
    CU_ASSERT_TRUE(json_is_false(json_object_get(inv, "executionSuccessful")));
    json_t *notes = json_object_get(inv, "toolExecutionNotifications");
    CU_ASSERT_EQUAL_FATAL(json_array_size(notes), 1);
    CU_ASSERT_STRING_EQUAL(
        json_string_value(json_object_get(json_object_get(json_array_get(notes, 0), "descriptor"), "id")),
        "osprey/incomplete-region");
    json_decref(doc);
    CU_ASSERT_EQUAL(res_report_accept_gaps(r, "*/eu-west-1"), 1);
    doc = render(r, 0);
    inv = json_array_get(json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "invocations"), 0);
    CU_ASSERT_TRUE(json_is_true(json_object_get(inv, "executionSuccessful")));
    json_decref(doc);
    res_report_free(r);
}

static void test_rules_carry_security_severity_and_index(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    add(r, "Z-LOW", RES_SEV_LOW, "1", "r", "arn:aws:s3:::a");
    add(r, "A-CRIT", RES_SEV_CRITICAL, "1", "r", "arn:aws:s3:::a");
    add(r, "M-MED", RES_SEV_MEDIUM, "1", "r", "arn:aws:s3:::a");
    json_t *doc = render(r, 0);
    json_t *run = json_array_get(json_object_get(doc, "runs"), 0);
    json_t *rules = json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "rules");
    const char *sev[] = {"9.5", "5.5", "2.0"};
    CU_ASSERT_EQUAL_FATAL(json_array_size(rules), 3);
    for (size_t i = 0; i < 3; i++) {
        json_t *props = json_object_get(json_array_get(rules, i), "properties");
        CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(props, "security-severity")), sev[i]);
    }
    json_t *res = results(doc);
    for (size_t i = 0; i < json_array_size(res); i++) {
        json_t *x = json_array_get(res, i);
        size_t idx = (size_t)json_integer_value(json_object_get(x, "ruleIndex"));
        CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(x, "ruleId")),
                               json_string_value(json_object_get(json_array_get(rules, idx), "id")));
        const char *msg = json_string_value(json_object_get(json_object_get(x, "message"), "text"));
        CU_ASSERT_PTR_NOT_NULL(msg ? strstr(msg, "arn:aws:s3:::a") : NULL);
    }
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(json_object_get(run, "automationDetails"), "id")),
                           "osprey/aws/1/r/");
    json_decref(doc);
    res_report_free(r);
}

static void test_cap_keeps_most_severe_and_notes_it(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    add(r, "L", RES_SEV_LOW, "1", "r", "arn:aws:s3:::a");
    add(r, "C", RES_SEV_CRITICAL, "1", "r", "arn:aws:s3:::a");
    add(r, "H", RES_SEV_HIGH, "1", "r", "arn:aws:s3:::a");
    json_t *doc = render(r, 2);
    json_t *res = results(doc);
    CU_ASSERT_EQUAL_FATAL(json_array_size(res), 2);
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(json_array_get(res, 0), "ruleId")), "C");
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(json_array_get(res, 1), "ruleId")), "H");
    json_t *inv = json_array_get(json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "invocations"), 0);
    json_t *note = json_array_get(json_object_get(inv, "toolExecutionNotifications"), 0);
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(json_object_get(note, "descriptor"), "id")),
                           "osprey/results-truncated");
    json_decref(doc);
    res_report_free(r);
}

static void test_scan_errors_become_notifications(void)
{
    struct res_report *r = fx_load(FX_SAMPLE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    json_t *doc = render(r, 0);
    json_t *inv = json_array_get(json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "invocations"), 0);
    json_t *notes = json_object_get(inv, "toolExecutionNotifications");
    CU_ASSERT_EQUAL(json_array_size(notes), 2);
    const char *text = json_string_value(json_object_get(json_object_get(json_array_get(notes, 0), "message"), "text"));
    CU_ASSERT_PTR_NOT_NULL(text ? strstr(text, "kms") : NULL);
    CU_ASSERT_PTR_NOT_NULL(text ? strstr(text, "AccessDenied") : NULL);
    json_decref(doc);
    res_report_free(r);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_uris_are_relative_encoded_and_never_empty), OSP_TEST(test_fingerprints_stable_and_distinct),
    OSP_TEST(test_rules_carry_security_severity_and_index),   OSP_TEST(test_cap_keeps_most_severe_and_notes_it),
    OSP_TEST(test_scan_errors_become_notifications),          OSP_TEST(test_parts_of_a_resource_get_own_lines),
    OSP_TEST(test_gaps_make_execution_unsuccessful),          {0}};

int main(void)
{
    return osp_test_run("sarif", tests);
}
