/* test_process.c: credential_process output and expiry, running the process, and the SSO token cache. */
#include "creds_fake.h"

#include "core/hash.h"

#define NOW 1700000000 /* 2023-11-14T22:13:20Z */

static void test_process_json_full(void)
{
    struct aws_creds cr;
    struct osp_err err;
    osp_err_init(&err);
    const char *j = "{\"Version\": 1, \"AccessKeyId\": \"ASIAPROC\", \"SecretAccessKey\": \"sec\","
                    " \"SessionToken\": \"tok\", \"Expiration\": \"2023-11-14T23:13:20Z\"}";
    CU_ASSERT_EQUAL_FATAL(cred_parse_process_json(j, NOW, "process:p", &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "ASIAPROC");
    CU_ASSERT_STRING_EQUAL(cr.secret_access_key, "sec");
    CU_ASSERT_STRING_EQUAL(cr.session_token, "tok");
    CU_ASSERT_EQUAL(cr.expiration, NOW + 3600);
    CU_ASSERT_STRING_EQUAL(cr.provider, "process:p");
    aws_creds_cleanup(&cr);
}

static void test_process_json_without_expiration_never_expires(void)
{
    struct aws_creds cr;
    struct osp_err err;
    osp_err_init(&err);
    const char *j = "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"sec\"}";
    CU_ASSERT_EQUAL_FATAL(cred_parse_process_json(j, NOW, "process:p", &cr, &err), OSP_OK);
    CU_ASSERT_EQUAL(cr.expiration, 0);
    CU_ASSERT_PTR_NULL(cr.session_token);
    aws_creds_cleanup(&cr);
}

static char last_msg[512];

static void expect_bad(const char *json, enum osp_code code, const char *needle)
{
    struct aws_creds cr;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cred_parse_process_json(json, NOW, "process:p", &cr, &err), code);
    snprintf(last_msg, sizeof(last_msg), "%s", err.msg);
    CU_ASSERT_PTR_NULL(strstr(err.msg, "wJalr"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, needle));
    if (!strstr(err.msg, needle))
        fprintf(stderr, "message was: %s\n", err.msg);
}

static void test_process_json_rejects_bad_output(void)
{
    expect_bad("not json", OSP_EPARSE, "not JSON");
    /* the parse error never quotes the output: it holds the secret (main quoted "near '...'") */
    expect_bad("{\"Version\": 1, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
               OSP_EPARSE, "not JSON (error at line 1, column");
    expect_bad("{\"Version\": 1, \"SecretAccessKey\": \"wJalrXUtnFEMIK7MDENG\" garbage}", OSP_EPARSE, "not JSON");
    CU_ASSERT_PTR_NULL(strstr(last_msg, "wJalr"));
    expect_bad("[1,2]", OSP_EPARSE, "not a JSON object");
    expect_bad("{\"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\"}", OSP_EPARSE, "Version");
    expect_bad("{\"Version\": 2, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\"}", OSP_EPARSE, "Version");
    expect_bad("{\"Version\": 1, \"AccessKeyId\": \"a\"}", OSP_EPARSE, "SecretAccessKey");
    expect_bad("{\"Version\": 1, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\", \"SessionToken\": 5}", OSP_EPARSE,
               "SessionToken");
    expect_bad("{\"Version\": 1, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\", \"Expiration\": \"soon\"}",
               OSP_EPARSE, "RFC 3339");
    expect_bad("{\"Version\": 1, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\","
               " \"Expiration\": \"2023-11-14T22:13:19Z\"}",
               OSP_ECREDS, "expired");
}

static void test_credential_process_runs_the_command(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("config", "[profile p]\ncredential_process = printf '%s' '{\"Version\":1,\"AccessKeyId\":\"AKPROC\","
                         "\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"2100-01-01T00:00:00Z\"}'\n"
                         "[profile fails]\ncredential_process = sh -c 'echo oops >&2; exit 7'\n"
                         "[profile garbage]\ncredential_process = echo hello\n");
    struct cred_opts o = {.profile = "p"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(cred_chain_resolve(c, NULL, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "AKPROC");
    CU_ASSERT_STRING_EQUAL(cr.provider, "process:p");
    CU_ASSERT_EQUAL(cr.expiration, 4102444800);
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
    struct cred_opts of = {.profile = "fails"};
    c = new_chain(&ctx, &of);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cred_chain_resolve(c, NULL, &cr, &err), OSP_ECREDS);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "exit status 7"));
    cred_chain_free(c);
    struct cred_opts og = {.profile = "garbage"};
    c = new_chain(&ctx, &og);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cred_chain_resolve(c, NULL, &cr, &err), OSP_EPARSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "profile 'garbage'"));
    cred_chain_free(c);
}

/* The cache file of an sso_session is named by the SHA-1 of the session name. */
static void write_sso_cache(const char *key, const char *expires)
{
    char hex[41], name[128], json[512];
    osp_sha1_hex(key, strlen(key), hex);
    char dir[160];
    snprintf(dir, sizeof(dir), "%s/.aws", F.dir);
    mkdir(dir, 0700);
    snprintf(dir, sizeof(dir), "%s/.aws/sso", F.dir);
    mkdir(dir, 0700);
    snprintf(dir, sizeof(dir), "%s/.aws/sso/cache", F.dir);
    mkdir(dir, 0700);
    snprintf(name, sizeof(name), ".aws/sso/cache/%s.json", hex);
    snprintf(json, sizeof(json),
             "{\"startUrl\": \"https://x.awsapps.com/start\", \"region\": \"eu-west-1\","
             " \"accessToken\": \"SSOACCESS\", \"expiresAt\": \"%s\"}",
             expires);
    write_file(name, json);
}

static void test_sso_session_token_cache_and_role_credentials(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    ctx.fixed_now = NOW;
    write_file("config", "[profile s]\nsso_session = corp\nsso_account_id = 111122223333\n"
                         "sso_role_name = ReadOnly\n"
                         "[sso-session corp]\nsso_start_url = https://x.awsapps.com/start\nsso_region = eu-west-1\n");
    write_sso_cache("corp", "2023-11-15T00:00:00Z");
    struct cred_opts o = {.profile = "s"};
    struct cred_chain *c = new_chain(&ctx, &o);
    char *token = NULL, region[32];
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(cred_sso_token(c, "s", &token, region, sizeof(region), &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(token, "SSOACCESS");
    CU_ASSERT_STRING_EQUAL(region, "eu-west-1");
    free(token);
    struct aws_creds cr;
    CU_ASSERT_EQUAL_FATAL(cred_chain_resolve(c, NULL, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_action, "GetRoleCredentials");
    CU_ASSERT_EQUAL(F.last_anonymous, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(F.last_call_headers, "x-amz-sso_bearer_token: SSOACCESS"));
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "ASIASSO");
    CU_ASSERT_STRING_EQUAL(cr.provider, "sso:s");
    CU_ASSERT_EQUAL(cr.expiration, 4102444800);
    CU_ASSERT_PTR_NULL(strstr(F.log, "SSOACCESS"));
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_sso_expired_or_missing_token_says_to_log_in(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    ctx.fixed_now = NOW;
    write_file("config", "[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\n"
                         "sso_account_id = 1\nsso_role_name = R\n"
                         "[profile half]\nsso_session = nope\n");
    write_sso_cache("https://legacy.awsapps.com/start", "2023-11-14T22:00:00UTC");
    struct cred_opts o = {.profile = "legacy"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cred_chain_resolve(c, NULL, &cr, &err), OSP_ECREDS);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "expired"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "aws sso login --profile legacy"));
    cred_chain_free(c);
    struct cred_opts oh = {.profile = "half"};
    c = new_chain(&ctx, &oh);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cred_chain_resolve(c, NULL, &cr, &err), OSP_ECONFIG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "[sso-session nope]"));
    cred_chain_free(c);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_process_json_full),
    OSP_TEST(test_process_json_without_expiration_never_expires),
    OSP_TEST(test_process_json_rejects_bad_output),
    OSP_TEST(test_credential_process_runs_the_command),
    OSP_TEST(test_sso_session_token_cache_and_role_credentials),
    OSP_TEST(test_sso_expired_or_missing_token_says_to_log_in),
    {0},
};

int main(void)
{
    return osp_test_run("creds_process", tests);
}
