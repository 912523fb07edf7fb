/* test_junit.c: JUnit testcase naming, element choice and text sanitising. */
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>

#include "fmt_fixture.h"
#include "osp_test.h"

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static void test_two_buckets_same_check_give_distinct_testcases(void)
{
    struct res_report *r = fx_load(FX_SAMPLE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    char *x = fx_render("junit", r, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(
        count(x, "name=\"AVD-AWS-0086 S3 Access block should block public ACL [arn:aws:s3:::logs-bucket]\""), 1);
    CU_ASSERT_EQUAL(
        count(
            x,
            "name=\"AVD-AWS-0086 S3 Access block should block public ACL [arn:aws:s3:::data bucket/with:odd#chars]\""),
        1);
    CU_ASSERT_EQUAL(count(x, "classname=\"aws.s3\""), 5);
    CU_ASSERT_EQUAL(count(x, "<testsuite "), 3); /* two regions and the compliance report */
    CU_ASSERT_EQUAL(count(x, "<failure message=\"No public access block so not blocking public acls\" type=\"HIGH\""),
                    2);
    CU_ASSERT_EQUAL(count(x, "<skipped>accepted risk SEC-12</skipped>"), 1);
    CU_ASSERT_EQUAL(count(x, "type=\"collection-error\""), 1); /* kms collection */
    CU_ASSERT_EQUAL(count(x, "type=\"not-evaluated\""), 1);    /* control 2.8 */
    CU_ASSERT_EQUAL(count(x, "type=\"check-error\""), 1);
    /* the root's totals are the sums over every suite, the compliance suite included */
    char root[128];
    snprintf(root, sizeof(root), "<testsuites name=\"osprey\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\"",
             count(x, "<testcase "), count(x, "<failure "), count(x, "<error "));
    CU_ASSERT_PTR_NOT_NULL(strstr(x, root));
    free(x);
    res_report_free(r);
}

static void test_control_characters_are_replaced(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    struct res_finding f = {.check_id = "A",
                            .title = "t\x01t \xEF\xBF\xBE \xEF\xBF\xBF",
                            .severity = RES_SEV_LOW,
                            .status = RES_FAIL,
                            .service = "s3",
                            .region = "r",
                            .account = "1",
                            .resource = "arn:aws:s3:::<b>&\"",
                            .message = "m\x1bm"};
    CU_ASSERT_EQUAL(res_report_add_finding(r, &f, &err), OSP_OK);
    char *x = fx_render("junit", r, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_PTR_NULL(strchr(x, '\x01'));
    CU_ASSERT_PTR_NULL(strchr(x, '\x1b'));
    /* U+FFFE and U+FFFF are not XML 1.0 characters: they become U+FFFD and the document parses */
    CU_ASSERT_PTR_NULL(strstr(x, "\xEF\xBF\xBE"));
    CU_ASSERT_PTR_NULL(strstr(x, "\xEF\xBF\xBF"));
    CU_ASSERT_PTR_NOT_NULL(strstr(x, "t?t \xEF\xBF\xBD \xEF\xBF\xBD"));
    xmlDocPtr doc = xmlReadMemory(x, (int)strlen(x), "junit.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
    CU_ASSERT_PTR_NOT_NULL(doc);
    xmlFreeDoc(doc);
    CU_ASSERT_PTR_NOT_NULL(strstr(x, "arn:aws:s3:::&lt;b&gt;&amp;&quot;"));
    free(x);
    res_report_free(r);
}

static void test_format_specs(void)
{
    struct fmt_specs s = {0};
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(fmt_specs_finish(&s, NULL, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(s.n, 1);
    CU_ASSERT_STRING_EQUAL(s.v[0].format, "table");
    CU_ASSERT_PTR_NULL(s.v[0].path);
    fmt_specs_free(&s);

    CU_ASSERT_EQUAL(fmt_specs_add(&s, "sarif=out/r.sarif", &err), OSP_OK);
    CU_ASSERT_EQUAL(fmt_specs_add(&s, "json", &err), OSP_OK);
    CU_ASSERT_EQUAL(fmt_specs_finish(&s, "r.json", &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(s.v[0].path, "out/r.sarif");
    CU_ASSERT_STRING_EQUAL(s.v[1].path, "r.json");
    fmt_specs_free(&s);

    CU_ASSERT_EQUAL(fmt_specs_add(&s, "json", &err), OSP_OK);
    CU_ASSERT_EQUAL(fmt_specs_add(&s, "table", &err), OSP_OK);
    CU_ASSERT_EQUAL(fmt_specs_finish(&s, NULL, &err), OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "stdout"));
    fmt_specs_free(&s);

    const char *bad[] = {"xml", "sarif=", "csv=out.csv"};
    for (size_t i = 0; i < 3; i++) {
        osp_err_init(&err);
        CU_ASSERT_EQUAL(fmt_specs_add(&s, bad[i], &err), OSP_EUSAGE);
    }
    osp_err_init(&err);
    CU_ASSERT_EQUAL(fmt_specs_add(&s, "json=a", &err), OSP_OK);
    CU_ASSERT_EQUAL(fmt_specs_add(&s, "sarif=a", &err), OSP_EUSAGE);
    fmt_specs_free(&s);
    CU_ASSERT_PTR_NOT_NULL(fmt_find("junit"));
    CU_ASSERT_PTR_NULL(fmt_find("xml"));
}

static const struct osp_test tests[] = {OSP_TEST(test_two_buckets_same_check_give_distinct_testcases),
                                        OSP_TEST(test_control_characters_are_replaced),
                                        OSP_TEST(test_format_specs),
                                        {0}};

int main(void)
{
    return osp_test_run("junit", tests);
}
