/* test_ci_writers.c: edge cases of the codequality, asff and html writers: account-wide and
 * ignored findings, UNKNOWN severity, bounded ASFF texts cut on a UTF-8 boundary, HTML escaping of
 * hostile text, empty reports, and byte-identical output for the same report. */
#include <jansson.h>
#include <string.h>

#include "fmt_fixture.h"
#include "osp_test.h"

static void add(struct res_report *r, const char *id, const char *title, enum res_severity sev, enum res_status st,
                const char *arn, const char *message)
{
    struct osp_err err;
    osp_err_init(&err);
    struct res_finding f = {.check_id = id,
                            .title = title,
                            .severity = sev,
                            .status = st,
                            .service = "iam",
                            .region = "global",
                            .account = "111122223333",
                            .resource = arn,
                            .message = message,
                            .ignore_reason = st == RES_IGNORED ? "accepted risk" : ""};
    CU_ASSERT_EQUAL(res_report_add_finding(r, &f, &err), OSP_OK);
}

static struct res_report *sample(void)
{
    struct res_report *r = res_report_new("osprey", "9.9.9");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    add(r, "OSP-1", "Root has no MFA", RES_SEV_CRITICAL, RES_FAIL, "", "root account without MFA");
    add(r, "OSP-2", "<script>alert('x')</script>", RES_SEV_UNKNOWN, RES_FAIL, "arn:aws:iam::111122223333:user/a&b",
        "\"quoted\" <b>bold</b>");
    add(r, "OSP-3", "Ignored one", RES_SEV_LOW, RES_IGNORED, "arn:aws:iam::111122223333:role/r", "m");
    add(r, "OSP-4", "Passing", RES_SEV_LOW, RES_PASS, "arn:aws:s3:::bucket", "ok");
    res_report_sort(r);
    return r;
}

static json_t *render_json(const char *fmt, const struct res_report *r)
{
    struct fmt_opts o = {0};
    char *text = fx_render(fmt, r, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    char *again = fx_render(fmt, r, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(again);
    CU_ASSERT_STRING_EQUAL(text, again); /* deterministic */
    free(again);
    json_t *doc = json_loads(text, 0, NULL);
    free(text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    return doc;
}

static json_t *by_generator(json_t *arr, const char *id)
{
    size_t i;
    json_t *x;
    json_array_foreach(arr, i, x)
    {
        if (!strcmp(json_string_value(json_object_get(x, "GeneratorId")), id))
            return x;
    }
    return NULL;
}

static const char *path_str(json_t *o, const char *a, const char *b)
{
    return json_string_value(json_object_get(b ? json_object_get(o, a) : o, b ? b : a));
}

static void test_codequality_fail_only_with_severity_map(void)
{
    struct res_report *r = sample();
    json_t *doc = render_json("codequality", r);
    CU_ASSERT_EQUAL_FATAL(json_array_size(doc), 2); /* FAIL only */
    json_t *crit = json_array_get(doc, 0), *unk = json_array_get(doc, 1);
    CU_ASSERT_STRING_EQUAL(path_str(crit, "severity", NULL), "blocker");
    CU_ASSERT_STRING_EQUAL(path_str(unk, "severity", NULL), "info");
    CU_ASSERT_STRING_EQUAL(path_str(crit, "location", "path"), "aws/111122223333/global/iam/account");
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(json_object_get(json_object_get(crit, "location"), "lines"),
                                                       "begin")),
                    1);
    CU_ASSERT_STRING_NOT_EQUAL(path_str(crit, "fingerprint", NULL), path_str(unk, "fingerprint", NULL));
    json_decref(doc);
    res_report_free(r);
}

static void test_asff_statuses_types_and_suppression(void)
{
    struct res_report *r = sample();
    json_t *doc = render_json("asff", r);
    CU_ASSERT_EQUAL_FATAL(json_array_size(doc), 4);
    json_t *root = by_generator(doc, "osprey/OSP-1"), *unk = by_generator(doc, "osprey/OSP-2");
    json_t *ign = by_generator(doc, "osprey/OSP-3"), *pass = by_generator(doc, "osprey/OSP-4");
    CU_ASSERT_PTR_NOT_NULL_FATAL(root && unk && ign && pass);
    json_t *res = json_array_get(json_object_get(root, "Resources"), 0);
    CU_ASSERT_STRING_EQUAL(path_str(res, "Type", NULL), "AwsAccount");
    CU_ASSERT_STRING_EQUAL(path_str(res, "Id", NULL), "AWS::::Account:111122223333");
    CU_ASSERT_STRING_EQUAL(path_str(res, "Region", NULL), "us-east-1"); /* "global" is not a region */
    CU_ASSERT_STRING_EQUAL(path_str(root, "ProductArn", NULL),
                           "arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default");
    CU_ASSERT_STRING_EQUAL(path_str(unk, "Severity", "Label"), "INFORMATIONAL");
    CU_ASSERT_STRING_EQUAL(path_str(json_array_get(json_object_get(unk, "Resources"), 0), "Type", NULL), "AwsIamUser");
    CU_ASSERT_STRING_EQUAL(path_str(ign, "Workflow", "Status"), "SUPPRESSED");
    CU_ASSERT_STRING_EQUAL(path_str(ign, "Note", "Text"), "accepted risk");
    CU_ASSERT_STRING_EQUAL(path_str(ign, "Compliance", "Status"), "FAILED");
    CU_ASSERT_STRING_EQUAL(path_str(pass, "Compliance", "Status"), "PASSED");
    CU_ASSERT_STRING_EQUAL(path_str(json_array_get(json_object_get(pass, "Resources"), 0), "Type", NULL), "AwsS3Bucket");
    CU_ASSERT_STRING_EQUAL(path_str(root, "CreatedAt", NULL), "1970-01-01T00:00:00Z"); /* collection time, not now */
    json_decref(doc);
    res_report_free(r);
}

static void test_asff_texts_bounded_on_utf8_boundary(void)
{
    struct res_report *r = res_report_new("osprey", "9.9.9");
    char title[600];
    size_t n = 1;
    title[0] = 'x'; /* then "é" (two bytes) repeated: byte 256 is a continuation byte */
    while (n + 2 < sizeof(title)) {
        title[n++] = (char)0xC3;
        title[n++] = (char)0xA9;
    }
    title[n] = '\0';
    add(r, "OSP-9", title, RES_SEV_HIGH, RES_FAIL, "arn:aws:iam::111122223333:user/u", "m");
    res_report_sort(r);
    json_t *doc = render_json("asff", r);
    const char *t = path_str(json_array_get(doc, 0), "Title", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(strlen(t), 255); /* 256 would end inside a character */
    CU_ASSERT_EQUAL((unsigned char)t[254], 0xA9);
    json_decref(doc);
    res_report_free(r);
}

static void test_html_escapes_and_filters(void)
{
    struct res_report *r = sample();
    struct fmt_opts o = {0};
    char *html = fx_render("html", r, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(html);
    CU_ASSERT_PTR_NULL(strstr(html, "<script>alert"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "&quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "data-service=\"iam\" data-check=\"OSP-1\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "user/a&amp;b"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "default-src 'none'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<option>OSP-4</option>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "4 of 4 shown"));
    /* one <script> element: the filter */
    const char *first = strstr(html, "<script>");
    CU_ASSERT_PTR_NOT_NULL_FATAL(first);
    CU_ASSERT_PTR_NULL(strstr(first + 1, "<script>"));
    free(html);
    res_report_free(r);
}

static void test_empty_report(void)
{
    struct res_report *r = res_report_new("osprey", "");
    struct fmt_opts o = {0};
    char *cq = fx_render("codequality", r, &o), *asff = fx_render("asff", r, &o), *html = fx_render("html", r, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cq && asff && html);
    CU_ASSERT_STRING_EQUAL(cq, "[]\n");
    CU_ASSERT_STRING_EQUAL(asff, "[]\n");
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "0 of 0 shown"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "</html>\n"));
    free(cq);
    free(asff);
    free(html);
    res_report_free(r);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_codequality_fail_only_with_severity_map), OSP_TEST(test_asff_statuses_types_and_suppression),
    OSP_TEST(test_asff_texts_bounded_on_utf8_boundary),     OSP_TEST(test_html_escapes_and_filters),
    OSP_TEST(test_empty_report),                            {0}};

int main(void)
{
    return osp_test_run("ci_writers", tests);
}
