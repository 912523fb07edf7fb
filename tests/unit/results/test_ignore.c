/* test_ignore.c: ignore file parsing (expiry, ARN globs, reasons, bad lines) and applying it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "osp_test.h"
#include "results/ignore.h"

static const time_t NOW = 1735689600; /* 2025-01-01T00:00:00Z */

typedef enum osp_code (*ignore_parser)(const char *, size_t, const char *, struct res_ignore **, struct osp_err *);

static struct res_ignore *parse_with(ignore_parser parse, const char *name, const char *text)
{
    struct res_ignore *ig = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(parse(text, strlen(text), name, &ig, &err), OSP_OK);
    if (err.code)
        fprintf(stderr, "unexpected error: %s\n", err.msg);
    return ig;
}

static void error_with(ignore_parser parse, const char *name, const char *text, const char *where, const char *needle)
{
    struct res_ignore *ig = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(parse(text, strlen(text), name, &ig, &err), OSP_ECONFIG);
    CU_ASSERT_PTR_NULL(ig);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, where));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, needle));
}

static struct res_ignore *parse_ok(const char *text)
{
    return parse_with(res_ignore_parse, "test.ignore", text);
}

static void expect_error(const char *text, const char *where, const char *needle)
{
    error_with(res_ignore_parse, "test.ignore", text, where, needle);
}

static void test_parses_ids_globs_expiry_and_reasons(void)
{
    struct res_ignore *ig = parse_ok("# header comment\n\n"
                                     "AVD-AWS-0086\n"
                                     "# reason from the line above\n"
                                     "AVD-AWS-0090 arn:aws:s3:::logs-* arn:aws:s3:::tmp exp:2025-06-30\r\n"
                                     "OSP-AWS-0001 exp:2024-02-29 # trailing reason\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ig);
    CU_ASSERT_EQUAL_FATAL(ig->n_rules, 3);
    CU_ASSERT_STRING_EQUAL(ig->rules[0].id, "AVD-AWS-0086");
    CU_ASSERT_EQUAL(ig->rules[0].n_globs, 0);
    CU_ASSERT_EQUAL(ig->rules[0].expires, 0);
    CU_ASSERT_STRING_EQUAL(ig->rules[0].reason, "");
    CU_ASSERT_STRING_EQUAL(ig->rules[0].where, "test.ignore:3");
    CU_ASSERT_EQUAL(ig->rules[1].n_globs, 2);
    CU_ASSERT_STRING_EQUAL(ig->rules[1].globs[1], "arn:aws:s3:::tmp");
    CU_ASSERT_EQUAL(ig->rules[1].expires, 1751328000); /* 2025-07-01T00:00:00Z: valid through 06-30 */
    CU_ASSERT_STRING_EQUAL(ig->rules[1].reason, "reason from the line above");
    CU_ASSERT_STRING_EQUAL(ig->rules[2].reason, "trailing reason");
    res_ignore_free(ig);
}

static void test_bad_lines_name_file_and_line(void)
{
    expect_error("AVD-AWS-0086\nAVD-AWS-0001 exp:2025-13-01\n", "test.ignore:2:", "exp:2025-13-01");
    expect_error("AVD-AWS-0001 exp:2025-02-30\n", "test.ignore:1:", "expiry");
    expect_error("\n\nAVD-AWS-0001 bucket-name\n", "test.ignore:3:", "bucket-name");
    expect_error("AVD AWS 0001\n", "test.ignore:1:", "AWS");
    expect_error("AVD-AWS-0001 exp:2025-01-01 exp:2025-01-02\n", "test.ignore:1:", "second expiry");
    expect_error("bad/id\n", "test.ignore:1:", "invalid check ID");
}

static void test_overlong_line_is_an_error(void)
{
    size_t n = RES_IGNORE_MAX_LINE + 10;
    char *text = malloc(n + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    memset(text, 'A', n);
    text[n] = '\0';
    expect_error(text, "test.ignore:1:", "");
    free(text);
}

/* Exactly bucket-b's finding of the matrix is ignored, with this reason. */
static void expect_only_bucket_b(const struct osp_ctx *ctx, const struct res_ignore *ig, struct res_report *r,
                                 const char *reason)
{
    CU_ASSERT_EQUAL(res_ignore_apply(ctx, ig, r), 1);
    for (size_t i = 0; i < r->n_findings; i++) {
        const struct res_finding *f = &r->findings[i];
        int want = !strcmp(f->resource, "arn:aws:s3:::bucket-b");
        CU_ASSERT_EQUAL(f->status == RES_IGNORED, want);
        if (want)
            CU_ASSERT_STRING_EQUAL(f->ignore_reason, reason);
    }
}

static void test_globs_scope_the_entry(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    ctx.fixed_now = NOW;
    struct res_report *r = fx_matrix(); /* HIGH 0086 bucket-a, LOW 0090 bucket-a, LOW 0090 bucket-b */
    struct res_ignore *ig = parse_ok("AVD-AWS-0090 arn:aws:s3:::*-b\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    expect_only_bucket_b(&ctx, ig, r, "listed in test.ignore:1");
    res_ignore_free(ig);
    res_report_free(r);
}

struct logcap {
    char text[1024];
};

static void capture(void *ud, enum osp_log_level lvl, const char *line)
{
    struct logcap *c = ud;
    (void)lvl;
    strncat(c->text, line, sizeof(c->text) - strlen(c->text) - 1);
}

static void test_expired_entry_warns_and_stops_applying(void)
{
    struct osp_ctx ctx;
    struct logcap cap = {{0}};
    osp_ctx_init(&ctx);
    ctx.fixed_now = NOW;
    ctx.log_fn = capture;
    ctx.log_ud = &cap;
    struct res_report *r = fx_matrix();
    struct res_ignore *ig = parse_ok("AVD-AWS-0086 exp:2024-12-31\nAVD-AWS-0090 exp:2025-01-01\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(res_ignore_apply(&ctx, ig, r), 2); /* the two LOWs: valid through 2025-01-01 */
    CU_ASSERT_EQUAL(r->findings[0].status, RES_FAIL);  /* the HIGH: expired */
    CU_ASSERT_PTR_NOT_NULL(strstr(cap.text, "test.ignore:1"));
    CU_ASSERT_PTR_NOT_NULL(strstr(cap.text, "expired on 2024-12-31"));
    CU_ASSERT_PTR_NULL(strstr(cap.text, "AVD-AWS-0090"));
    res_ignore_free(ig);
    res_report_free(r);
}

static void test_load_missing_default_is_empty_explicit_is_error(void)
{
    struct osp_ctx ctx;
    struct osp_err err;
    struct res_ignore *ig = NULL;
    char dir[] = "/tmp/osp-ignore-XXXXXX", old[4096];
    osp_ctx_init(&ctx);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    CU_ASSERT_PTR_NOT_NULL_FATAL(getcwd(old, sizeof(old)));
    CU_ASSERT_EQUAL_FATAL(chdir(dir), 0);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_ignore_load(&ctx, NULL, &ig, &err), OSP_OK);
    CU_ASSERT_EQUAL(ig ? ig->n_rules : 99, 0);
    res_ignore_free(ig);
    ig = NULL;
    osp_err_init(&err);
    CU_ASSERT_NOT_EQUAL(res_ignore_load(&ctx, "nope.ignore", &ig, &err), OSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "nope.ignore"));
    FILE *f = fopen(".trivyignore", "w"); /* trivy's file is read when .ospreyignore is absent */
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("AVD-AWS-0086\n", f);
    fclose(f);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(res_ignore_load(&ctx, NULL, &ig, &err), OSP_OK);
    CU_ASSERT_EQUAL(ig ? ig->n_rules : 0, 1);
    if (ig)
        CU_ASSERT_STRING_EQUAL(ig->rules[0].where, ".trivyignore:1");
    res_ignore_free(ig);
    unlink(".trivyignore");
    CU_ASSERT_EQUAL(chdir(old), 0);
    rmdir(dir);
}

static struct res_ignore *yaml_ok(const char *text)
{
    return parse_with(res_ignore_parse_yaml, ".trivyignore.yaml", text);
}

static void yaml_error(const char *text, const char *where, const char *needle)
{
    error_with(res_ignore_parse_yaml, ".trivyignore.yaml", text, where, needle);
}

/* Trivy's .trivyignore.yaml: misconfigurations apply; ids with or without AVD-; paths are ARN
 * globs; expired_at ends the entry at that instant; statement is the reason. */
static void test_trivyignore_yaml(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    ctx.fixed_now = NOW;
    struct res_report *r = fx_matrix(); /* HIGH 0086 bucket-a, LOW 0090 bucket-a, LOW 0090 bucket-b */
    struct res_ignore *ig = yaml_ok("vulnerabilities:\n"
                                    "  - id: AVD-AWS-0086\n" /* not a misconfiguration entry: no effect */
                                    "    purls: [\"pkg:npm/lodash\"]\n"
                                    "misconfigurations:\n"
                                    "  - id: AWS-0090\n"
                                    "    paths:\n"
                                    "      - \"arn:aws:s3:::*-b\"\n"
                                    "    statement: accepted for the archive bucket\n"
                                    "  - id: AVD-AWS-0086\n"
                                    "    expired_at: 2025-01-01\n" /* = NOW: no longer applies */
                                    "secrets:\n"
                                    "licenses:\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL_FATAL(ig->n_rules, 2);
    CU_ASSERT_STRING_EQUAL(ig->rules[0].where, ".trivyignore.yaml:5");
    expect_only_bucket_b(&ctx, ig, r, "accepted for the archive bucket");
    res_ignore_free(ig);
    res_report_free(r);
    ig = yaml_ok("misconfigurations:\n  - id: AVD-AWS-0086\n    expired_at: 2025-01-01T00:00:01Z\n");
    r = fx_matrix();
    CU_ASSERT_EQUAL(res_ignore_apply(&ctx, ig, r), 1); /* one second left */
    res_ignore_free(ig);
    res_report_free(r);
    res_ignore_free(yaml_ok(""));
    res_ignore_free(yaml_ok("misconfigurations:\n"));
}

static void test_trivyignore_yaml_errors_name_file_and_line(void)
{
    yaml_error("misconfiguration:\n  - id: AVD-AWS-0086\n", ".trivyignore.yaml:1:", "misconfiguration");
    yaml_error("misconfigurations:\n  - id: AVD-AWS-0086\n    expires: 2025-01-01\n", ".trivyignore.yaml:3:",
               "expires");
    yaml_error("misconfigurations:\n  - paths: [x]\n", ".trivyignore.yaml:2:", "id");
    yaml_error("misconfigurations:\n  - id: AVD-AWS-0086\n    expired_at: soon\n", ".trivyignore.yaml:3:", "soon");
    yaml_error("misconfigurations:\n  - AVD-AWS-0086\n", ".trivyignore.yaml:2:", "AVD-AWS-0086");
    yaml_error("misconfigurations: [\n", ".trivyignore.yaml:", "malformed YAML");
    yaml_error("misconfigurations:\n  - id: AVD-AWS-0086\n    paths: arn:aws:s3:::x\n", ".trivyignore.yaml:3:",
               "paths");
}

static const struct osp_test tests[] = {OSP_TEST(test_parses_ids_globs_expiry_and_reasons),
                                        OSP_TEST(test_bad_lines_name_file_and_line),
                                        OSP_TEST(test_overlong_line_is_an_error),
                                        OSP_TEST(test_globs_scope_the_entry),
                                        OSP_TEST(test_expired_entry_warns_and_stops_applying),
                                        OSP_TEST(test_load_missing_default_is_empty_explicit_is_error),
                                        OSP_TEST(test_trivyignore_yaml),
                                        OSP_TEST(test_trivyignore_yaml_errors_name_file_and_line),
                                        {0}};

int main(void)
{
    return osp_test_run("ignore", tests);
}
