/* test_ini.c: the AWS-style INI parser and the shared-file profile model. */
#include "creds_fake.h"

#include "core/hash.h"

static void test_ini_reads_sections_comments_and_inline_comments(void)
{
    const char *text = "# top comment\n"
                       "; another\n"
                       "[default]\n"
                       "region = eu-west-1   # inline comment\n"
                       "Output=json\n"
                       "endpoint_url = http://h/#frag\n"
                       "\n"
                       "[profile   dev]\n"
                       "  \t\n"
                       "role_arn = arn:aws:iam::1:role/r ; trailing\n";
    struct cred_ini ini;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(cred_ini_parse("cfg", text, &ini, &err), OSP_OK);
    CU_ASSERT_EQUAL(ini.n, 2);
    const struct cred_section *d = cred_ini_section(&ini, "default");
    CU_ASSERT_STRING_EQUAL(cred_ini_get(d, "region"), "eu-west-1");
    CU_ASSERT_STRING_EQUAL(cred_ini_get(d, "output"), "json"); /* keys are case-insensitive */
    CU_ASSERT_STRING_EQUAL(cred_ini_get(d, "endpoint_url"), "http://h/#frag");
    const struct cred_section *p = cred_ini_section(&ini, "profile dev");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_STRING_EQUAL(cred_ini_get(p, "role_arn"), "arn:aws:iam::1:role/r");
    CU_ASSERT_PTR_NULL(cred_ini_get(p, "region"));
    cred_ini_cleanup(&ini);
}

static void test_ini_continuation_lines_join_the_previous_value(void)
{
    const char *text = "[profile x]\n"
                       "s3 =\n"
                       "    max_concurrent_requests = 20\n"
                       "    addressing_style = path\n"
                       "region = us-west-2\n";
    struct cred_ini ini;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(cred_ini_parse("cfg", text, &ini, &err), OSP_OK);
    const struct cred_section *s = cred_ini_section(&ini, "profile x");
    CU_ASSERT_STRING_EQUAL(cred_ini_get(s, "s3"), "\nmax_concurrent_requests = 20\naddressing_style = path");
    CU_ASSERT_STRING_EQUAL(cred_ini_get(s, "region"), "us-west-2");
    CU_ASSERT_PTR_NULL(cred_ini_get(s, "addressing_style"));
    cred_ini_cleanup(&ini);
}

static void expect_error(const char *text, const char *where, const char *what)
{
    struct cred_ini ini;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cred_ini_parse("/home/u/.aws/config", text, &ini, &err), OSP_ECONFIG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, where));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, what));
    if (!strstr(err.msg, where) || !strstr(err.msg, what))
        fprintf(stderr, "message was: %s\n", err.msg);
}

static void test_ini_malformed_lines_name_file_and_line(void)
{
    expect_error("[default]\nregion = x\n[broken\n", "/home/u/.aws/config:3:", "']'");
    expect_error("region = x\n", "/home/u/.aws/config:1:", "outside any [section]");
    expect_error("[default]\n\njust words\n", "/home/u/.aws/config:3:", "key = value");
    expect_error("[a]\n= v\n", "/home/u/.aws/config:2:", "missing key");
    expect_error("[]\n", "/home/u/.aws/config:1:", "empty section");
    expect_error("[a] junk\n", "/home/u/.aws/config:1:", "after section header");
    expect_error("  indented = first\n", "/home/u/.aws/config:1:", "");
}

static void test_ini_missing_file_is_empty_not_an_error(void)
{
    struct cred_ini ini;
    struct osp_err err;
    osp_err_init(&err);
    int found = 1;
    CU_ASSERT_EQUAL(cred_ini_load("/nonexistent/osprey/config", &ini, &found, &err), OSP_OK);
    CU_ASSERT_EQUAL(found, 0);
    CU_ASSERT_EQUAL(ini.n, 0);
    cred_ini_cleanup(&ini);
}

static void test_chain_new_reports_malformed_config_with_line(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("config", "[default]\nregion = us-east-1\noops\n");
    struct cred_chain *c = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cred_chain_new(&ctx, NULL, &c, &err), OSP_ECONFIG);
    CU_ASSERT_EQUAL(osp_exit_code(err.code), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "/config:3:"));
    CU_ASSERT_PTR_NULL(c);
}

static void test_profile_sections_differ_between_config_and_credentials(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    /* config: [profile dev]; a bare [dev] in config is not a profile. credentials: [dev]. */
    write_file("config", "[default]\nregion = eu-central-1\n[profile dev]\nregion = ap-south-1\n"
                         "[prod]\nregion = sa-east-1\n");
    write_file("credentials", "[dev]\nregion = us-west-1\naws_access_key_id = AKIDDEV\n");
    struct cred_chain *c = new_chain(&ctx, NULL);
    CU_ASSERT_STRING_EQUAL(cred_chain_region(c), "eu-central-1");
    CU_ASSERT_TRUE(cred_profile_exists(c, "dev"));
    CU_ASSERT_FALSE(cred_profile_exists(c, "prod"));
    /* the credentials file wins for the same key */
    CU_ASSERT_STRING_EQUAL(cred_profile_get(c, "dev", "region"), "us-west-1");
    CU_ASSERT_STRING_EQUAL(cred_profile_get(c, "dev", "aws_access_key_id"), "AKIDDEV");
    cred_chain_free(c);
}

static void test_region_precedence(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("config", "[profile p]\nregion = eu-west-3\nendpoint_url = http://127.0.0.1:9\n"
                         "ca_bundle = ~/ca.pem\n");
    fake_setenv("AWS_PROFILE", "p");
    struct cred_chain *c = new_chain(&ctx, NULL);
    CU_ASSERT_STRING_EQUAL(cred_chain_region(c), "eu-west-3");
    CU_ASSERT_STRING_EQUAL(cred_chain_profile(c), "p");
    CU_ASSERT_STRING_EQUAL(cred_chain_endpoint_url(c), "http://127.0.0.1:9");
    char want[160];
    snprintf(want, sizeof(want), "%s/ca.pem", F.dir);
    CU_ASSERT_STRING_EQUAL(cred_chain_ca_bundle(c), want);
    cred_chain_free(c);
    fake_setenv("AWS_DEFAULT_REGION", "us-west-1");
    fake_setenv("AWS_CA_BUNDLE", "/etc/ca.pem");
    c = new_chain(&ctx, NULL);
    CU_ASSERT_STRING_EQUAL(cred_chain_region(c), "us-west-1");
    CU_ASSERT_STRING_EQUAL(cred_chain_ca_bundle(c), "/etc/ca.pem");
    cred_chain_free(c);
    fake_setenv("AWS_REGION", "us-east-2");
    c = new_chain(&ctx, NULL);
    CU_ASSERT_STRING_EQUAL(cred_chain_region(c), "us-east-2");
    cred_chain_free(c);
    struct cred_opts o = {.region = "ca-central-1"};
    c = new_chain(&ctx, &o);
    CU_ASSERT_STRING_EQUAL(cred_chain_region(c), "ca-central-1");
    cred_chain_free(c);
    fake_reset(&ctx);
    c = new_chain(&ctx, NULL);
    CU_ASSERT_PTR_NULL(cred_chain_region(c));
    cred_chain_free(c);
}

static void test_explicit_profile_that_does_not_exist_is_a_config_error(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("config", "[profile a]\nregion = us-east-1\n");
    struct cred_opts o = {.profile = "nope"};
    struct cred_chain *c = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cred_chain_new(&ctx, &o, &c, &err), OSP_ECONFIG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "profile 'nope' not found"));
}

static void test_sha1_vectors(void)
{
    char hex[41];
    osp_sha1_hex("", 0, hex);
    CU_ASSERT_STRING_EQUAL(hex, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    osp_sha1_hex("abc", 3, hex);
    CU_ASSERT_STRING_EQUAL(hex, "a9993e364706816aba3e25717850c26c9cd0d89d");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    osp_sha1_hex(two, strlen(two), hex);
    CU_ASSERT_STRING_EQUAL(hex, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_ini_reads_sections_comments_and_inline_comments),
    OSP_TEST(test_ini_continuation_lines_join_the_previous_value),
    OSP_TEST(test_ini_malformed_lines_name_file_and_line),
    OSP_TEST(test_ini_missing_file_is_empty_not_an_error),
    OSP_TEST(test_chain_new_reports_malformed_config_with_line),
    OSP_TEST(test_profile_sections_differ_between_config_and_credentials),
    OSP_TEST(test_region_precedence),
    OSP_TEST(test_explicit_profile_that_does_not_exist_is_a_config_error),
    OSP_TEST(test_sha1_vectors),
    {0},
};

int main(void)
{
    return osp_test_run("creds_ini", tests);
}
