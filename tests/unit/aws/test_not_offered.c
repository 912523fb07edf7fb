/* test_not_offered.c: a default AWS endpoint whose host does not resolve is "not offered in this
 * region" (EndpointNotFound, which the collectors treat like UnknownEndpoint: skipped, never failed),
 * but only once some endpoint has answered the client, so a machine without network or DNS
 * still reports a network error. Custom endpoints never count as "not offered". */
#include <string.h>

#include "aws/aws.h"
#include "aws/client_int.h"
#include "osp_test.h"

static struct osp_ctx ctx;

/* A region name no DNS knows, so the default host dax.<region>.amazonaws.com never resolves, with
 * or without internet access. */
#define NOWHERE "zz-nowhere-9"

static struct aws_client *client(const char *endpoint)
{
    osp_ctx_init(&ctx);
    struct aws_client_opts o = {.endpoint_url = endpoint, .max_attempts = 1, .timeout_ms = 5000};
    struct aws_client *c = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(aws_client_new(&ctx, &o, &c, &err), OSP_OK);
    struct aws_creds cr = {.access_key_id = "AKIDEXAMPLE", .secret_access_key = "secret", .provider = "test"};
    CU_ASSERT_EQUAL_FATAL(aws_client_set_creds(c, &cr, NULL, NULL, &err), OSP_OK);
    return c;
}

static enum osp_code describe_clusters(struct aws_client *c, struct osp_err *err)
{
    struct aws_call call = {.service = "dax", .region = NOWHERE, .proto = AWS_PROTO_JSON,
                            .action = "AmazonDAXV3.DescribeClusters", .json_version = "1.1", .body = "{}"};
    struct aws_response r;
    osp_err_init(err);
    enum osp_code rc = aws_call(c, &call, &r, err);
    aws_response_cleanup(&r);
    aws_call_cleanup(&call);
    return rc;
}

static void test_unresolved_default_host_is_not_offered_once_aws_answered(void)
{
    struct aws_client *c = client(NULL);
    struct osp_err err;
    /* nothing has answered yet: maybe there is no network at all, so a plain network error */
    CU_ASSERT_EQUAL(describe_clusters(c, &err), OSP_ENET);
    CU_ASSERT_STRING_EQUAL(err.aws_code, "");
    /* an endpoint answered (white box: what any successful call, STS's first, sets) */
    pthread_mutex_lock(&c->mu);
    c->reached_aws = 1;
    pthread_mutex_unlock(&c->mu);
    CU_ASSERT_EQUAL(describe_clusters(c, &err), OSP_ENET);
    CU_ASSERT_STRING_EQUAL(err.aws_code, "EndpointNotFound");
    CU_ASSERT_TRUE(aws_error_is_unsupported(err.aws_code));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "not offered in " NOWHERE));
    aws_client_free(c);
}

static void test_custom_endpoint_that_does_not_resolve_is_a_network_error(void)
{
    struct aws_client *c = client("http://osprey-test-endpoint.invalid:4566");
    pthread_mutex_lock(&c->mu);
    c->reached_aws = 1;
    pthread_mutex_unlock(&c->mu);
    struct osp_err err;
    CU_ASSERT_EQUAL(describe_clusters(c, &err), OSP_ENET);
    CU_ASSERT_STRING_EQUAL(err.aws_code, ""); /* a typo in --endpoint is never "not offered" */
    aws_client_free(c);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_unresolved_default_host_is_not_offered_once_aws_answered),
    OSP_TEST(test_custom_endpoint_that_does_not_resolve_is_a_network_error),
    {0},
};

int main(void)
{
    return osp_test_run("aws_not_offered", tests);
}
