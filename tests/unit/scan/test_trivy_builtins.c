/* test_trivy_builtins.c: Trivy's custom builtins (result.new, isManaged, cidr.*, squealer), which
 * the scan layer registers with the engine as host builtins. */
#include "scan/scan.h"
#define BT_OPTS_INIT(o) scan_rego_opts_init(&(o))
#include "../rego/test_bi_helpers.h"

#define CAUSE                                                                                                          \
    "{\"value\": true, \"__defsec_metadata\": {\"filepath\": \"arn:aws:s3:::b\", "                                     \
    "\"resource\": \"arn:aws:s3:::b\", \"startline\": 3, \"endline\": 4, "                                             \
    "\"sourceprefix\": \"remote\", \"managed\": true, \"explicit\": true, "                                            \
    "\"parent\": {\"resource\": \"arn:parent\"}}}"

static void test_trivy_result_new_copies_location(void)
{
    BT_EQ("result.new(\"bucket is public\", " CAUSE ")",
          "{\"endline\":4,\"explicit\":true,\"filepath\":\"arn:aws:s3:::b\",\"fskey\":\"\",\"managed\":true,"
          "\"msg\":\"bucket is public\",\"parent\":{\"endline\":0,\"explicit\":false,\"filepath\":\"\","
          "\"fskey\":\"\",\"managed\":true,\"parent\":null,\"resource\":\"arn:parent\",\"sourceprefix\":\"\","
          "\"startline\":0},\"resource\":\"arn:aws:s3:::b\",\"sourceprefix\":\"remote\",\"startline\":3}");
    /* a wrapped scalar carries its location at top level */
    BT_EQ("result.new(\"m\", {\"value\": 1, \"filepath\": \"f\", \"startline\": 7}).startline", "7");
    BT_EQ("result.new(\"m\", {\"Path\": \"Dockerfile\", \"StartLine\": 2}).filepath", "\"Dockerfile\"");
    BT_EQ("result.new(\"m\", \"just a string\").msg", "\"m\"");
}

static void test_trivy_is_managed(void)
{
    BT_EQ("isManaged({\"value\": 1, \"managed\": false})", "false");
    BT_EQ("isManaged({\"__defsec_metadata\": {\"managed\": true}})", "true");
    BT_EQ("isManaged({})", "true");
}

static void test_trivy_cidr_helpers(void)
{
    BT_EQ("[cidr.is_public(\"*\"), cidr.is_public(\"0.0.0.0/0\"), cidr.is_public(\"10.0.0.0/16\")]",
          "[true,true,false]");
    BT_EQ("[cidr.is_public(\"8.8.8.8\"), cidr.is_public(\"192.168.1.1\"), cidr.is_public(\"fd00::/8\")]",
          "[true,false,false]");
    BT_EQ("cidr.is_public(\"10.0.0.0/7\")", "true");
    BT_EQ("[cidr.count_addresses(\"*\"), cidr.count_addresses(\"1.2.3.4/32\"), cidr.count_addresses(\"10.0.0.0/16\")]",
          "[18446744073709551615,1,65536]");
    BT_EQ("cidr.count_addresses(\"junk\")", "0");
}

static void test_trivy_squealer_finds_secrets(void)
{
    BT_EQ("squealer.scan_string(\"export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\")",
          "{\"description\":\"AWS Access Key ID\",\"transgressionFound\":true}");
    BT_EQ(
        "squealer.scan_string(\"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\").transgressionFound",
        "true");
    BT_EQ("squealer.scan_string(\"-----BEGIN RSA PRIVATE KEY-----\").description", "\"Private Key\"");
    BT_EQ("squealer.scan_string(\"token ghp_0123456789abcdefghijklmnopqrstuvwxyz\").description", "\"GitHub Token\"");
    BT_EQ("squealer.scan_string(\"nothing to see here\")", "{\"description\":\"\",\"transgressionFound\":false}");
    BT_EQ("squealer.scan_string(\"export DATABASE_PASSWORD=\\\"SomeSortOfPassword\\\"\").description",
          "\"Password literal\"");
    BT_EQ("squealer.scan_string(\"export GREETING=\\\"Hello there\\\"\").transgressionFound", "false");
}

/* Without the host table the engine does not know them: it knows neither AWS nor Trivy. */
static void test_engine_alone_has_no_trivy_builtins(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct osp_err err;
    osp_err_init(&err);
    struct rego_opts o = {0};
    struct rego_engine *e = NULL;
    const char *m = "package t\np := result.new(\"m\", {})\n";
    CU_ASSERT_EQUAL_FATAL(rego_engine_new(&ctx, &o, &e, &err), OSP_OK);
    CU_ASSERT_EQUAL(rego_add_module(e, "t.rego", m, strlen(m), &err), OSP_OK);
    CU_ASSERT_EQUAL(rego_compile(e, &err), OSP_EPOLICY);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "undefined function result.new"));
    rego_engine_free(e);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_trivy_result_new_copies_location),
    OSP_TEST(test_trivy_is_managed),
    OSP_TEST(test_trivy_cidr_helpers),
    OSP_TEST(test_trivy_squealer_finds_secrets),
    OSP_TEST(test_engine_alone_has_no_trivy_builtins),
    {0},
};

int main(void)
{
    return osp_test_run("trivy_builtins", tests);
}
