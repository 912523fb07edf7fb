/* test_endpoint.c: partitions, global services, override priority, region names. */
#include <string.h>

#include "aws/aws.h"
#include "aws/endpoint.h"
#include "osp_test.h"

/* A fake environment: NAME=value pairs. */
static const char *const *fake_env;
static const char *env_fn(void *ud, const char *name)
{
    (void)ud;
    size_t n = strlen(name);
    for (const char *const *e = fake_env; e && *e; e++)
        if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
            return *e + n + 1;
    return NULL;
}

static struct osp_ctx mkctx(const char *const *env)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    fake_env = env;
    ctx.getenv_fn = env_fn;
    return ctx;
}

struct row {
    const char *service, *region, *url, *signing_region, *signing_name;
};

static const struct row defaults[] = {
    {"iam", "eu-west-1", "https://iam.amazonaws.com", "us-east-1", "iam"},
    {"iam", "cn-north-1", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "iam"},
    {"iam", "cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "iam"},
    {"iam", "us-gov-east-1", "https://iam.us-gov.amazonaws.com", "us-gov-west-1", "iam"},
    {"sts", "eu-west-1", "https://sts.eu-west-1.amazonaws.com", "eu-west-1", "sts"},
    {"sts", "us-east-1", "https://sts.us-east-1.amazonaws.com", "us-east-1", "sts"},
    {"s3", "us-east-1", "https://s3.amazonaws.com", "us-east-1", "s3"},
    {"s3", "eu-central-1", "https://s3.eu-central-1.amazonaws.com", "eu-central-1", "s3"},
    {"s3", "cn-north-1", "https://s3.cn-north-1.amazonaws.com.cn", "cn-north-1", "s3"},
    {"s3-control", "us-west-2", "https://s3-control.us-west-2.amazonaws.com", "us-west-2", "s3"},
    {"cloudfront", "ap-south-1", "https://cloudfront.amazonaws.com", "us-east-1", "cloudfront"},
    {"route53", "eu-west-3", "https://route53.amazonaws.com", "us-east-1", "route53"},
    {"route53", "us-gov-west-1", "https://route53.us-gov.amazonaws.com", "us-gov-west-1", "route53"},
    {"organizations", "eu-west-1", "https://organizations.us-east-1.amazonaws.com", "us-east-1", "organizations"},
    {"ec2", "us-gov-west-1", "https://ec2.us-gov-west-1.amazonaws.com", "us-gov-west-1", "ec2"},
    {"logs", "cn-northwest-1", "https://logs.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1", "logs"},
    {"sso", "eu-west-1", "https://portal.sso.eu-west-1.amazonaws.com", "eu-west-1", "awsssoportal"},
    {"sso-admin", "eu-west-1", "https://sso.eu-west-1.amazonaws.com", "eu-west-1", "sso"},
    {"api.sagemaker", "us-east-2", "https://api.sagemaker.us-east-2.amazonaws.com", "us-east-2", "sagemaker"},
};

static void test_endpoint_defaults_table(void)
{
    struct osp_ctx ctx = mkctx(NULL);
    for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
        const struct row *r = &defaults[i];
        struct aws_endpoint ep;
        struct osp_err err;
        osp_err_init(&err);
        CU_ASSERT_EQUAL_FATAL(aws_endpoint_resolve(&ctx, NULL, NULL, r->service, r->region, &ep, &err), OSP_OK);
        if (strcmp(ep.url, r->url) || strcmp(ep.signing_region, r->signing_region))
            fprintf(stderr, "%s %s: got %s signed %s\n", r->service, r->region, ep.url, ep.signing_region);
        CU_ASSERT_STRING_EQUAL(ep.url, r->url);
        CU_ASSERT_STRING_EQUAL(ep.signing_region, r->signing_region);
        CU_ASSERT_STRING_EQUAL(ep.signing_name, r->signing_name);
        CU_ASSERT_STRING_EQUAL(ep.host, r->url + 8);
        CU_ASSERT_FALSE(ep.custom);
    }
}

static void test_endpoint_override_priority(void)
{
    static const char *const env[] = {"AWS_ENDPOINT_URL_S3=http://127.0.0.1:9001/",
                                      "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS=http://127.0.0.1:9002",
                                      "AWS_ENDPOINT_URL=http://127.0.0.1:9003/base/", NULL};
    struct osp_ctx ctx = mkctx(env);
    struct aws_endpoint ep;
    struct osp_err err;
    osp_err_init(&err);
    /* --endpoint beats everything */
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&ctx, "https://localhost:4566", "http://p:1", "s3", "us-east-1", &ep, &err),
                    OSP_OK);
    CU_ASSERT_STRING_EQUAL(ep.url, "https://localhost:4566");
    CU_ASSERT_STRING_EQUAL(ep.host, "localhost:4566");
    CU_ASSERT_STRING_EQUAL(ep.source, "--endpoint");
    /* per-service variable beats AWS_ENDPOINT_URL */
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&ctx, NULL, "http://p:1", "s3", "us-east-1", &ep, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(ep.host, "127.0.0.1:9001");
    CU_ASSERT_STRING_EQUAL(ep.base_path, "");
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&ctx, NULL, NULL, "logs", "eu-west-1", &ep, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(ep.host, "127.0.0.1:9002");
    CU_ASSERT_STRING_EQUAL(ep.signing_region, "eu-west-1");
    /* AWS_ENDPOINT_URL for the rest, with its base path; IAM still signs in us-east-1 */
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&ctx, NULL, "http://p:1", "iam", "eu-west-1", &ep, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(ep.url, "http://127.0.0.1:9003");
    CU_ASSERT_STRING_EQUAL(ep.base_path, "/base");
    CU_ASSERT_STRING_EQUAL(ep.signing_region, "us-east-1");
    CU_ASSERT_TRUE(ep.custom);
    /* the profile's endpoint_url is last */
    struct osp_ctx bare = mkctx(NULL);
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&bare, NULL, "http://127.0.0.1:7000", "ec2", "eu-west-1", &ep, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(ep.host, "127.0.0.1:7000");
    CU_ASSERT_STRING_EQUAL(ep.source, "profile endpoint_url");
    CU_ASSERT_EQUAL(err.code, OSP_OK);
}

static void test_endpoint_rejects_bad_urls(void)
{
    struct osp_ctx ctx = mkctx(NULL);
    struct aws_endpoint ep;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&ctx, "ftp://x", NULL, "s3", "us-east-1", &ep, &err), OSP_ECONFIG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "ftp://x"));
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&ctx, "http://", NULL, "s3", "us-east-1", &ep, &err), OSP_ECONFIG);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&ctx, NULL, NULL, "s3", "", &ep, &err), OSP_ECONFIG);
}

static void test_host_prefix_only_on_default_hosts(void)
{
    struct osp_ctx ctx = mkctx(NULL);
    struct aws_endpoint ep;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&ctx, NULL, NULL, "s3-control", "eu-west-1", &ep, &err), OSP_OK);
    CU_ASSERT_EQUAL(aws_endpoint_apply_host_prefix(&ep, "123456789012.", &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(ep.url, "https://123456789012.s3-control.eu-west-1.amazonaws.com");
    CU_ASSERT_STRING_EQUAL(ep.host, "123456789012.s3-control.eu-west-1.amazonaws.com");
    CU_ASSERT_STRING_EQUAL(ep.signing_name, "s3");
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&ctx, "http://127.0.0.1:5000", NULL, "s3-control", "eu-west-1", &ep, &err),
                    OSP_OK);
    CU_ASSERT_EQUAL(aws_endpoint_apply_host_prefix(&ep, "123456789012.", &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(ep.host, "127.0.0.1:5000");
    CU_ASSERT_EQUAL(aws_endpoint_resolve(&ctx, NULL, NULL, "s3-control", "eu-west-1", &ep, &err), OSP_OK);
    CU_ASSERT_EQUAL(aws_endpoint_apply_host_prefix(&ep, "evil.com/", &err), OSP_EINTERNAL);
}

static void test_service_env_ids(void)
{
    char id[64];
    aws_endpoint_service_env_id("logs", id, sizeof(id));
    CU_ASSERT_STRING_EQUAL(id, "CLOUDWATCH_LOGS");
    aws_endpoint_service_env_id("s3", id, sizeof(id));
    CU_ASSERT_STRING_EQUAL(id, "S3");
    aws_endpoint_service_env_id("access-analyzer", id, sizeof(id));
    CU_ASSERT_STRING_EQUAL(id, "ACCESSANALYZER");
    aws_endpoint_service_env_id("ecr-public", id, sizeof(id));
    CU_ASSERT_STRING_EQUAL(id, "ECR_PUBLIC");
}

static void test_partitions_and_regions(void)
{
    CU_ASSERT_STRING_EQUAL(aws_partition_of("us-east-1"), "aws");
    CU_ASSERT_STRING_EQUAL(aws_partition_of("cn-north-1"), "aws-cn");
    CU_ASSERT_STRING_EQUAL(aws_partition_of("us-gov-west-1"), "aws-us-gov");
    CU_ASSERT_STRING_EQUAL(aws_partition_of("mars-1"), "aws");
    const char *good[] = {"us-east-1",     "eu-central-2",   "ap-southeast-4", "cn-northwest-1", "us-gov-west-1",
                          "us-iso-east-1", "us-isob-east-1", "il-central-1",   "me-south-1"};
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
        CU_ASSERT_TRUE(aws_region_is_valid(good[i]));
    const char *bad[] = {"nope-1",  "",      "us-east",  "US-EAST-1",  "us-east-1a",
                         "useast1", "us--1", "u-east-1", "us-east-1 ", "all"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (aws_region_is_valid(bad[i]))
            fprintf(stderr, "accepted bad region '%s'\n", bad[i]);
        CU_ASSERT_FALSE(aws_region_is_valid(bad[i]));
    }
    CU_ASSERT_FALSE(aws_region_is_valid(NULL));
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_endpoint_defaults_table),
        OSP_TEST(test_endpoint_override_priority),
        OSP_TEST(test_endpoint_rejects_bad_urls),
        OSP_TEST(test_host_prefix_only_on_default_hosts),
        OSP_TEST(test_service_env_ids),
        OSP_TEST(test_partitions_and_regions),
        {0},
    };
    return osp_test_run("endpoint", tests);
}
