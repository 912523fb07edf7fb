/* test_awserr.c: error bodies of every protocol (recorded under tests/fixtures/aws/), code classes. */
#include <string.h>

#include "aws/awserr.h"
#include "aws_fixture.h"
#include "osp_test.h"

struct ecase {
    const char *fixture;
    const char *hdr_type;
    const char *hdr_rid;
    int status;
    const char *code;
    const char *msg_part;
    const char *rid_part; /* NULL: not checked */
    enum osp_code cls;
};

static const struct ecase cases[] = {
    {"err_query_iam.xml", NULL, NULL, 404, "NoSuchEntity", "Role nope not found", "qPkZGAlz", OSP_EAWS},
    {"err_query_sts_signature.xml", NULL, NULL, 403, "SignatureDoesNotMatch", "does not match", "0e6c1d2a-0000",
     OSP_EAUTH},
    {"err_ec2.xml", NULL, NULL, 400, "InvalidInstanceID.NotFound", "i-1", "request-id", OSP_EAWS},
    {"err_ec2_throttle.xml", NULL, NULL, 503, "RequestLimitExceeded", "limit", "5d1a0c6b", OSP_EAWS},
    {"err_s3.xml", NULL, NULL, 404, "NoSuchBucket", "does not exist", "btMK3FnO", OSP_EAWS},
    {"err_json_kms.json", NULL, "rid-kms", 400, "NotFoundException", "Invalid keyId nope", "rid-kms", OSP_EAWS},
    {"err_json_logs.json", NULL, NULL, 400, "ResourceNotFoundException", "log group", NULL, OSP_EAWS},
    {"err_json_prefixed.json", NULL, NULL, 400, "AccessDeniedException", "not authorized", NULL, OSP_EAWS},
    {"err_restjson_lambda.json", "ResourceNotFoundException", "rid-l", 404, "ResourceNotFoundException",
     "Function not found", "rid-l", OSP_EAWS},
    {"err_restjson_header_only.json", "AccessDeniedException:http://internal.amazon.com/coral/x/", NULL, 403,
     "AccessDeniedException", "not authorized", NULL, OSP_EAWS},
    {"err_xml_from_json_service.xml", NULL, NULL, 400, "UnrecognizedClientException", "security token", "7c2f0b6e",
     OSP_EAUTH},
};

static void test_error_bodies_of_every_protocol(void)
{
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct ecase *c = &cases[i];
        size_t len;
        char *body = aws_fixture(c->fixture, &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(body);
        struct aws_error e;
        aws_error_parse(body, len, c->hdr_type, c->hdr_rid, c->status, &e);
        if (strcmp(e.code, c->code) != 0 || !strstr(e.message, c->msg_part))
            fprintf(stderr, "%s: got code '%s' message '%s'\n", c->fixture, e.code, e.message);
        CU_ASSERT_STRING_EQUAL(e.code, c->code);
        CU_ASSERT_PTR_NOT_NULL(strstr(e.message, c->msg_part));
        CU_ASSERT_EQUAL(e.http_status, c->status);
        if (c->rid_part)
            CU_ASSERT_PTR_NOT_NULL(strstr(e.request_id, c->rid_part));
        CU_ASSERT_EQUAL(aws_error_code_class(e.code), c->cls);
        free(body);
    }
}

static void test_error_without_body_uses_status(void)
{
    struct aws_error e;
    aws_error_parse("", 0, NULL, "rid", 403, &e);
    CU_ASSERT_STRING_EQUAL(e.code, "403");
    CU_ASSERT_TRUE(aws_error_is_access_denied(e.code));
    aws_error_parse("<html>Bad Gateway</html>", 24, NULL, NULL, 502, &e);
    CU_ASSERT_STRING_EQUAL(e.code, "502");
}

static void test_error_message_format_and_err(void)
{
    struct aws_error e = {
        .code = "AccessDenied", .message = "User x is not authorized", .request_id = "r-1", .http_status = 403};
    char msg[512];
    aws_error_format(&e, msg, sizeof(msg));
    CU_ASSERT_STRING_EQUAL(msg, "AccessDenied: User x is not authorized (HTTP 403, request id r-1)");
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_error_to_err(&e, &err), OSP_EAWS);
    CU_ASSERT_STRING_EQUAL(err.aws_code, "AccessDenied");
    CU_ASSERT_EQUAL(err.http_status, 403);
    CU_ASSERT_STRING_EQUAL(err.request_id, "r-1");
    struct aws_error a = {.code = "InvalidClientTokenId", .message = "bad", .http_status = 403};
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_error_to_err(&a, &err), OSP_EAUTH);
    CU_ASSERT_EQUAL(osp_exit_code(err.code), 3);
}

static void test_error_classes(void)
{
    const char *auth[] = {"SignatureDoesNotMatch",
                          "InvalidClientTokenId",
                          "UnrecognizedClientException",
                          "IncompleteSignature",
                          "ExpiredToken",
                          "InvalidAccessKeyId",
                          "AuthFailure"};
    for (size_t i = 0; i < sizeof(auth) / sizeof(auth[0]); i++)
        CU_ASSERT_EQUAL(aws_error_code_class(auth[i]), OSP_EAUTH);
    CU_ASSERT_EQUAL(aws_error_code_class("AccessDenied"), OSP_EAWS);
    CU_ASSERT_TRUE(aws_error_is_access_denied("AccessDenied"));
    CU_ASSERT_TRUE(aws_error_is_access_denied("UnauthorizedOperation"));
    CU_ASSERT_TRUE(aws_error_is_access_denied("AccessDeniedException"));
    CU_ASSERT_TRUE(aws_error_is_access_denied("AuthorizationError"));
    CU_ASSERT_FALSE(aws_error_is_access_denied("NoSuchEntity"));
    CU_ASSERT_FALSE(aws_error_is_access_denied(NULL));
    CU_ASSERT_TRUE(aws_error_is_unsupported("OptInRequired"));
    CU_ASSERT_TRUE(aws_error_is_unsupported("InvalidAction"));
    CU_ASSERT_FALSE(aws_error_is_unsupported("AccessDenied"));
    CU_ASSERT_TRUE(aws_error_is_skew("RequestTimeTooSkewed"));
    CU_ASSERT_TRUE(aws_error_is_skew("SignatureExpired"));
    CU_ASSERT_FALSE(aws_error_is_skew("SignatureDoesNotMatch"));
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_error_bodies_of_every_protocol),
        OSP_TEST(test_error_without_body_uses_status),
        OSP_TEST(test_error_message_format_and_err),
        OSP_TEST(test_error_classes),
        {0},
    };
    return osp_test_run("awserr", tests);
}
