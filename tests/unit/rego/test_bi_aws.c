/* test_bi_aws.c: providers.aws.sign_req (SigV4 as OPA signs). The first signature was
 * recomputed independently with Python's hmac/hashlib from the SigV4 steps. */
#include "test_bi_helpers.h"

#define CFG                                                                                                            \
    "{\"aws_access_key\": \"MYAWSACCESSKEYGOESHERE\", "                                                                \
    "\"aws_secret_access_key\": \"MYAWSSECRETACCESSKEYGOESHERE\", "                                                    \
    "\"aws_service\": \"s3\", \"aws_region\": \"us-east-1\"}"
#define T "1451311705000000000"

static void test_aws_sign_req_s3_get(void)
{
    BT_EQ("providers.aws.sign_req({\"method\": \"get\", \"url\": \"http://example.com\"}, " CFG ", " T
          ").headers.Authorization",
          "\"AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,"
          "SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
          "Signature=0047a7016c81e5c7f29cd522f97e911e04fc472fced0aee7916cbc287ad6c8e3\"");
    BT_EQ("providers.aws.sign_req({\"method\": \"get\", \"url\": \"http://example.com\"}, " CFG ", " T
          ").headers[\"x-amz-date\"]",
          "\"20151228T140825Z\"");
}

static void test_aws_sign_req_body_and_headers(void)
{
    BT_EQ("providers.aws.sign_req({\"method\": \"get\", \"url\": \"http://example.com\", "
          "\"body\": {\"example\": {1, 2, 3, 4}}}, " CFG ", " T ").headers[\"x-amz-content-sha256\"]",
          "\"bacff6243c850423883052ac3c336fd645994442933408dfd3f9e858e69bda07\"");
    BT_EQ("providers.aws.sign_req({\"method\": \"get\", \"url\": \"https://example.com\", "
          "\"headers\": {\"foo\": \"bar\"}}, object.union(" CFG ", {\"disable_payload_signing\": true}), " T
          ").headers[\"x-amz-content-sha256\"]",
          "\"UNSIGNED-PAYLOAD\"");
}

static void test_aws_sign_req_errors(void)
{
    BT_ERR("providers.aws.sign_req({}, " CFG ", " T ")", "eval_type_error",
           "operand 1 missing required request parameters(s): {\"method\", \"url\"}");
    BT_ERR("providers.aws.sign_req({\"method\": \"get\", \"url\": \"u\"}, {\"aws_region\": 5}, " T ")",
           "eval_type_error", "operand 2 missing required AWS config parameters(s): {\"aws_access_key\"");
    BT_ERR("providers.aws.sign_req({\"method\": \"get\", \"url\": \"u\"}, " CFG ", -1e9)", "eval_type_error",
           "operand 3 could not convert time_ns value into a unix timestamp");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_aws_sign_req_s3_get),
    OSP_TEST(test_aws_sign_req_body_and_headers),
    OSP_TEST(test_aws_sign_req_errors),
    {0},
};

int main(void)
{
    return osp_test_run("bi_aws", tests);
}
