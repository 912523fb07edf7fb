/* test_core.c: buffers, errors, durations, RFC 3339 times and log redaction. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/ci.h"
#include "core/err.h"
#include "core/hash.h"
#include "core/log.h"
#include "core/timeutil.h"
#include "osp_test.h"

static void test_buf_refuses_growth_past_cap(void)
{
    struct osp_buf b;
    osp_buf_init(&b, 8);
    CU_ASSERT_EQUAL(osp_buf_adds(&b, "12345678"), OSP_OK);
    CU_ASSERT_EQUAL(osp_buf_adds(&b, "9"), OSP_ELIMIT);
    CU_ASSERT_STRING_EQUAL(osp_buf_str(&b), "12345678");
    osp_buf_cleanup(&b);
}

static void test_buf_addf_formats(void)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    CU_ASSERT_EQUAL(osp_buf_addf(&b, "%s-%d", "a", 42), OSP_OK);
    char *s = osp_buf_take(&b);
    CU_ASSERT_STRING_EQUAL(s, "a-42");
    free(s);
}

static void test_err_first_message_wins(void)
{
    struct osp_err e;
    osp_err_init(&e);
    osp_err_set(&e, OSP_EAUTH, "inner %d", 1);
    osp_err_set(&e, OSP_ENET, "outer");
    osp_err_prefix(&e, "s3 %s: ", "eu-west-1");
    CU_ASSERT_EQUAL(e.code, OSP_EAUTH);
    CU_ASSERT_STRING_EQUAL(e.msg, "s3 eu-west-1: inner 1");
    CU_ASSERT_EQUAL(osp_exit_code(OSP_EUSAGE), 2);
    CU_ASSERT_EQUAL(osp_exit_code(OSP_ECREDS), 3);
}

static void test_duration_units(void)
{
    struct osp_err e;
    long long s = 0;
    osp_err_init(&e);
    CU_ASSERT_EQUAL(osp_parse_duration("90m", &s, &e), OSP_OK);
    CU_ASSERT_EQUAL(s, 5400);
    CU_ASSERT_EQUAL(osp_parse_duration("1d", &s, &e), OSP_OK);
    CU_ASSERT_EQUAL(s, 86400);
    CU_ASSERT_EQUAL(osp_parse_duration("1h30m", &s, &e), OSP_OK);
    CU_ASSERT_EQUAL(s, 5400);
    CU_ASSERT_EQUAL(osp_parse_duration("2x", &s, &e), OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "'2x'"));
}

/* trivy's flags are Go durations: fractions, ms/us/ns, several terms */
static void test_duration_go_syntax(void)
{
    static const struct {
        const char *in;
        long long secs;
    } ok[] = {{"1.5h", 5400}, {"1h30m", 5400}, {"500ms", 1}, {"2m0.5s", 121}, {"0", 0},     {"+10m", 600},
              {".5m", 30},    {"1h0m0s", 3600}, {"300", 300},  {"1500us", 1},   {"24h", 86400}, {"2\xc2\xb5s", 1}};
    static const char *const bad[] = {"1.5", "h", "1hh", "-1h", "1h30", "1 h", "", "10y", "99999999999h"};
    struct osp_err e;
    osp_err_init(&e);
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        long long s = -1;
        CU_ASSERT_EQUAL(osp_parse_duration(ok[i].in, &s, &e), OSP_OK);
        CU_ASSERT_EQUAL(s, ok[i].secs);
    }
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        long long s = -1;
        CU_ASSERT_EQUAL(osp_parse_duration(bad[i], &s, &e), OSP_EUSAGE);
    }
}

static const char *const *ci_env;

static const char *ci_getenv(void *ud, const char *name)
{
    (void)ud;
    for (const char *const *e = ci_env; e && *e; e += 2)
        if (!strcmp(e[0], name))
            return e[1];
    return NULL;
}

static const char *ci_with(const char *const *env)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    ctx.getenv_fn = ci_getenv;
    ci_env = env;
    return osp_ci_name(&ctx);
}

/* every CI system the cache default knows, Jenkins without CI among them */
static void test_ci_detection(void)
{
    CU_ASSERT_PTR_NULL(ci_with((const char *const[]){NULL}));
    CU_ASSERT_STRING_EQUAL(ci_with((const char *const[]){"CI", "TRUE", NULL}), "CI");
    CU_ASSERT_STRING_EQUAL(ci_with((const char *const[]){"CI", "1", NULL}), "CI");
    CU_ASSERT_PTR_NULL(ci_with((const char *const[]){"CI", "", NULL}));
    CU_ASSERT_STRING_EQUAL(ci_with((const char *const[]){"JENKINS_URL", "http://jenkins:8080/", NULL}), "Jenkins");
    CU_ASSERT_STRING_EQUAL(ci_with((const char *const[]){"BUILD_ID", "42", NULL}), "Jenkins");
    CU_ASSERT_STRING_EQUAL(ci_with((const char *const[]){"GITHUB_ACTIONS", "true", NULL}), "GitHub Actions");
    CU_ASSERT_STRING_EQUAL(ci_with((const char *const[]){"GITLAB_CI", "true", NULL}), "GitLab CI");
    CU_ASSERT_STRING_EQUAL(ci_with((const char *const[]){"TF_BUILD", "True", NULL}), "Azure Pipelines");
    CU_ASSERT_STRING_EQUAL(ci_with((const char *const[]){"BUILDKITE", "true", NULL}), "Buildkite");
    CU_ASSERT_STRING_EQUAL(ci_with((const char *const[]){"CIRCLECI", "true", NULL}), "CircleCI");
    CU_ASSERT_PTR_NULL(ci_with((const char *const[]){"CIRCLECI", "false", NULL}));
    /* CI=false is an explicit opt-out */
    CU_ASSERT_PTR_NULL(ci_with((const char *const[]){"CI", "false", "GITHUB_ACTIONS", "true", NULL}));
}

static void test_rfc3339_round_trip(void)
{
    time_t t = osp_parse_rfc3339("2024-02-29T12:34:56Z");
    CU_ASSERT_EQUAL(t, 1709210096);
    CU_ASSERT_EQUAL(osp_parse_rfc3339("2024-02-29T14:34:56.123+02:00"), 1709210096);
    char out[32];
    osp_format_rfc3339(t, out, sizeof(out));
    CU_ASSERT_STRING_EQUAL(out, "2024-02-29T12:34:56Z");
    CU_ASSERT_EQUAL(osp_parse_rfc3339("yesterday"), (time_t)-1);
}

static void test_sha256_hex_of_empty(void)
{
    char hex[65];
    osp_sha256_hex("", 0, hex);
    CU_ASSERT_STRING_EQUAL(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_redact_masks_every_secret_form(void)
{
    const char *in = "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/x, Signature=abc123\n"
                     "X-Amz-Security-Token: CANARYTOKEN1\n"
                     "GET /?X-Amz-Signature=CANARYSIG&X-Amz-Security-Token=CANARYQ&Action=List\n"
                     "{\"SecretAccessKey\": \"CANARYSECRET\", \"SessionToken\":\"CANARYST\", \"Region\": \"x\"}\n"
                     "<SecretAccessKey>CANARYXML</SecretAccessKey><Token>CANARYT</Token>\n"
                     "aws_secret_access_key = CANARYINI\n"
                     "x-amz-sso_bearer_token: CANARYSSO\n"
                     "X-aws-ec2-metadata-token: CANARYIMDS\n";
    char *out = osp_redact(in);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_PTR_NULL(strstr(out, "CANARY"));
    CU_ASSERT_PTR_NULL(strstr(out, "abc123"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "Action=List"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"Region\": \"x\""));
    free(out);
}

static void test_sha1_hex_matches_fips_vectors(void)
{
    char hex[41];
    osp_sha1_hex("abc", 3, hex);
    CU_ASSERT_STRING_EQUAL(hex, "a9993e364706816aba3e25717850c26c9cd0d89d");
    osp_sha1_hex("", 0, hex);
    CU_ASSERT_STRING_EQUAL(hex, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

static void test_redact_leaves_prose_alone(void)
{
    char *out = osp_redact("no token here; password policy checked");
    CU_ASSERT_STRING_EQUAL(out, "no token here; password policy checked");
    free(out);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_buf_refuses_growth_past_cap),
    OSP_TEST(test_buf_addf_formats),
    OSP_TEST(test_err_first_message_wins),
    OSP_TEST(test_duration_units),
    OSP_TEST(test_duration_go_syntax),
    OSP_TEST(test_ci_detection),
    OSP_TEST(test_rfc3339_round_trip),
    OSP_TEST(test_sha256_hex_of_empty),
    OSP_TEST(test_redact_masks_every_secret_form),
    OSP_TEST(test_redact_leaves_prose_alone),
    OSP_TEST(test_sha1_hex_matches_fips_vectors),
    {0},
};

int main(void)
{
    return osp_test_run("core", tests);
}
