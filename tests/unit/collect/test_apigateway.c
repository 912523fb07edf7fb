/* test_apigateway.c: API Gateway v1 and v2 mappers on recorded AWS-shaped responses, with the fields
 * moto never returns (webAclArn, clientCertificateId, per-method overrides, routeSettings,
 * domainNameArn, enhanced TLS policies, pagination tokens) and entries missing their identifiers. */
#include "col_test.h"

static json_t *meta_arn(json_t *o)
{
    return json_object_get(json_object_get(o, "__defsec_metadata"), "resource");
}

static json_t *rest_apis(void)
{
    json_t *l = ct_load("apigw_restapis_aws.json"), *apis = json_array(), *it;
    size_t i;
    AWS_ITEMS(json_object_get(l, "item"), i, it) {
        json_t *o = col_apigw_map_restapi(it, "aws", "eu-west-1");
        if (o)
            json_array_append_new(apis, o);
    }
    json_decref(l);
    return apis;
}

static void test_rest_apis(void)
{
    json_t *apis = rest_apis();
    CU_ASSERT_EQUAL(json_array_size(apis), 2); /* the entry without an id is dropped */
    CT_STR_EQ(apis, "0.id", "a1b2c3d4e5");
    CT_STR_EQ(apis, "0.name", "orders");
    CT_STR_EQ(apis, "0.arn", "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5");
    CU_ASSERT_STRING_EQUAL(json_string_value(meta_arn(json_array_get(apis, 0))),
                           "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5");
    CT_STR_EQ(apis, "0.endpointtypes.0", "REGIONAL");
    CU_ASSERT_EQUAL(ct_bool(apis, "0.disableexecuteapiendpoint"), 1);
    CT_STR_EQ(apis, "1.endpointtypes.0", "PRIVATE");
    CU_ASSERT_EQUAL(ct_bool(apis, "1.disableexecuteapiendpoint"), -1);
    CU_ASSERT_PTR_NULL(ct_at(apis, "0.policy")); /* no resource policy */
    /* AWS escapes the policy's quotes once more: stored as the plain compact document */
    const char *pol = ct_str(apis, "1.policy");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pol);
    json_t *doc = json_loads(pol, 0, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(doc, "Statement.1.Condition.StringNotEquals.aws:SourceVpce")),
                           "vpce-0123");
    json_decref(doc);
    /* a plain JSON policy (moto's form) and a policy that is not JSON at all */
    json_t *plain = json_pack("{s:s, s:s}", "id", "x", "policy", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    json_t *o = col_apigw_map_restapi(plain, "aws", "eu-west-1");
    CT_STR_EQ(o, "policy", "{\"Statement\":[],\"Version\":\"2012-10-17\"}");
    json_decref(o);
    json_object_set_new(plain, "policy", json_string("not \\\" json"));
    o = col_apigw_map_restapi(plain, "aws", "eu-west-1");
    CT_STR_EQ(o, "policy", "not \\\" json");
    json_decref(o);
    json_decref(plain);
    json_decref(apis);
}

static void test_rest_stages(void)
{
    json_t *apis = rest_apis(), *api = json_array_get(apis, 0), *resp = ct_load("apigw_stages_aws.json");
    col_apigw_map_stages(api, resp);
    CU_ASSERT_EQUAL(ct_len(api, "stages"), 2); /* the stage without a name is dropped */
    CT_STR_EQ(api, "stages.0.name", "prod");
    CT_STR_EQ(api, "stages.0.arn", "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/prod");
    CT_STR_EQ(api, "stages.0.accesslogging.cloudwatchloggrouparn",
              "arn:aws:firehose:eu-west-1:111122223333:deliverystream/amazon-apigateway-orders");
    CT_STR_EQ(api, "stages.0.accesslogging.format", "{\"requestId\":\"$context.requestId\"}");
    CU_ASSERT_EQUAL(ct_bool(api, "stages.0.xraytracingenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(api, "stages.0.cacheclusterenabled"), 1);
    CT_STR_EQ(api, "stages.0.webaclarn",
              "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api-acl/0a1b2c3d-4e5f-6789-abcd-ef0123456789");
    CT_STR_EQ(api, "stages.0.clientcertificateid", "ccert1");
    /* method settings sorted by key (the stage-wide one first); no defaulted entry added */
    CU_ASSERT_EQUAL(ct_len(api, "stages.0.restmethodsettings"), 2);
    CT_STR_EQ(api, "stages.0.restmethodsettings.0.method", "*/*");
    CU_ASSERT_EQUAL(ct_bool(api, "stages.0.restmethodsettings.0.cacheenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(api, "stages.0.restmethodsettings.0.cachedataencrypted"), 1);
    CT_STR_EQ(api, "stages.0.restmethodsettings.0.logginglevel", "INFO");
    CU_ASSERT_EQUAL(ct_bool(api, "stages.0.restmethodsettings.0.defaulted"), -1);
    CT_STR_EQ(api, "stages.0.restmethodsettings.1.method", "~1orders/GET");
    CU_ASSERT_EQUAL(ct_bool(api, "stages.0.restmethodsettings.1.cachedataencrypted"), 0);
    CT_STR_EQ(api, "stages.0.restmethodsettings.1.logginglevel", "OFF");
    CU_ASSERT_STRING_EQUAL(json_string_value(meta_arn(ct_at(api, "stages.0.restmethodsettings.1"))),
                           "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/prod");
    /* a stage with no settings: AWS's defaults, marked */
    CT_STR_EQ(api, "stages.1.name", "dev");
    CU_ASSERT_EQUAL(ct_bool(api, "stages.1.cacheclusterenabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(api, "stages.1.xraytracingenabled"), 0);
    CU_ASSERT_PTR_NULL(ct_at(api, "stages.1.webaclarn"));
    CU_ASSERT_PTR_NULL(ct_at(api, "stages.1.clientcertificateid"));
    CU_ASSERT_PTR_NULL(ct_at(api, "stages.1.accesslogging.cloudwatchloggrouparn"));
    CU_ASSERT_PTR_NOT_NULL(ct_at(api, "stages.1.accesslogging")); /* always present */
    CU_ASSERT_EQUAL(ct_len(api, "stages.1.restmethodsettings"), 1);
    CT_STR_EQ(api, "stages.1.restmethodsettings.0.method", "*/*");
    CU_ASSERT_EQUAL(ct_bool(api, "stages.1.restmethodsettings.0.cacheenabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(api, "stages.1.restmethodsettings.0.cachedataencrypted"), 0);
    CT_STR_EQ(api, "stages.1.restmethodsettings.0.logginglevel", "OFF");
    CU_ASSERT_EQUAL(ct_bool(api, "stages.1.restmethodsettings.0.defaulted"), 1);
    /* no stages at all: [] (checkable), never absent */
    json_t *other = json_array_get(apis, 1), *empty = json_pack("{s:[]}", "item");
    col_apigw_map_stages(other, empty);
    CU_ASSERT_EQUAL(ct_len(other, "stages"), 0);
    json_decref(empty);
    json_decref(resp);
    json_decref(apis);
}

static void test_rest_resources_pages(void)
{
    json_t *apis = rest_apis(), *api = json_array_get(apis, 0);
    json_t *p1 = ct_load("apigw_resources_aws.json"), *p2 = ct_load("apigw_resources_page2_aws.json");
    col_apigw_map_resources(api, p1);
    col_apigw_map_resources(api, p2); /* the next page appends */
    CU_ASSERT_EQUAL(ct_len(api, "resources"), 3); /* the resource without an id is dropped */
    CT_STR_EQ(api, "resources.0.path", "/");
    CU_ASSERT_EQUAL(ct_len(api, "resources.0.methods"), 0);
    CT_STR_EQ(api, "resources.1.path", "/orders");
    /* methods sorted by verb */
    CU_ASSERT_EQUAL(ct_len(api, "resources.1.methods"), 3);
    CT_STR_EQ(api, "resources.1.methods.0.httpmethod", "GET");
    CT_STR_EQ(api, "resources.1.methods.0.authorizationtype", "NONE");
    CU_ASSERT_EQUAL(ct_bool(api, "resources.1.methods.0.apikeyrequired"), 1);
    CT_STR_EQ(api, "resources.1.methods.1.httpmethod", "OPTIONS");
    CT_STR_EQ(api, "resources.1.methods.2.httpmethod", "POST");
    CT_STR_EQ(api, "resources.1.methods.2.authorizationtype", "COGNITO_USER_POOLS");
    CT_STR_EQ(api, "resources.1.methods.2.authorizerid", "auth01");
    CU_ASSERT_STRING_EQUAL(json_string_value(meta_arn(ct_at(api, "resources.1.methods.2"))),
                           "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/resources/res0000001/methods/POST");
    CT_STR_EQ(api, "resources.2.path", "/admin");
    CT_STR_EQ(api, "resources.2.methods.0.httpmethod", "ANY");
    json_decref(p1);
    json_decref(p2);
    json_decref(apis);
}

static void test_domains_v1(void)
{
    json_t *l = ct_load("apigw_domains_v1_aws.json"), *out = json_array(), *it;
    size_t i;
    AWS_ITEMS(json_object_get(l, "item"), i, it) {
        json_t *o = col_apigw_map_domain_v1(it, "aws", "eu-west-1");
        if (o)
            json_array_append_new(out, o);
    }
    CU_ASSERT_EQUAL(json_array_size(out), 2);
    CT_STR_EQ(out, "0.name", "api.example.com");
    CT_STR_EQ(out, "0.securitypolicy", "TLS_1_0");
    CT_STR_EQ(out, "0.arn", "arn:aws:apigateway:eu-west-1::/domainnames/api.example.com");
    CT_STR_EQ(out, "0.endpointtypes.0", "EDGE");
    CT_STR_EQ(out, "1.securitypolicy", "SecurityPolicy_TLS13_1_3_2025_09");
    CT_STR_EQ(out, "1.arn", "arn:aws:apigateway:eu-west-1::/domainnames/regional.example.com");
    json_decref(out);
    json_decref(l);
}

static void test_apis_v2(void)
{
    json_t *l = ct_load("apigw_apis_v2_aws.json"), *apis = json_array(), *it;
    size_t i;
    AWS_ITEMS(json_object_get(l, "items"), i, it) {
        json_t *o = col_apigw_map_api_v2(it, "aws", "eu-west-1");
        if (o)
            json_array_append_new(apis, o);
    }
    CU_ASSERT_EQUAL(json_array_size(apis), 2);
    CT_STR_EQ(apis, "0.protocoltype", "HTTP");
    CT_STR_EQ(apis, "0.arn", "arn:aws:apigateway:eu-west-1::/apis/h77p4p1x");
    CU_ASSERT_EQUAL(ct_bool(apis, "0.disableexecuteapiendpoint"), 0);
    json_t *ws = json_array_get(apis, 1);
    CT_STR_EQ(ws, "name", "chat");
    CT_STR_EQ(ws, "protocoltype", "WEBSOCKET");
    json_t *st = ct_load("apigw_stages_v2_aws.json"), *rt = ct_load("apigw_routes_v2_aws.json");
    col_apigw_map_stages_v2(ws, st);
    col_apigw_map_routes_v2(ws, rt);
    CU_ASSERT_EQUAL(ct_len(ws, "stages"), 2);
    CT_STR_EQ(ws, "stages.0.name", "live");
    CT_STR_EQ(ws, "stages.0.arn", "arn:aws:apigateway:eu-west-1::/apis/w5s0ck3t/stages/live");
    CT_STR_EQ(ws, "stages.0.accesslogging.cloudwatchloggrouparn", "arn:aws:logs:eu-west-1:111122223333:log-group:chat");
    CT_STR_EQ(ws, "stages.0.defaultroutesettings.logginglevel", "ERROR");
    CU_ASSERT_EQUAL(ct_bool(ws, "stages.0.defaultroutesettings.datatraceenabled"), 0);
    /* route settings sorted by key */
    CU_ASSERT_EQUAL(ct_len(ws, "stages.0.routesettings"), 2);
    CT_STR_EQ(ws, "stages.0.routesettings.0.routekey", "$connect");
    CT_STR_EQ(ws, "stages.0.routesettings.0.logginglevel", "INFO");
    CT_STR_EQ(ws, "stages.0.routesettings.1.routekey", "sendmessage");
    CT_STR_EQ(ws, "stages.0.routesettings.1.logginglevel", "OFF");
    CT_STR_EQ(ws, "stages.0.clientcertificateid", "ccert2");
    CU_ASSERT_EQUAL(ct_bool(ws, "stages.0.autodeploy"), 0);
    CT_STR_EQ(ws, "stages.1.name", "$default");
    CU_ASSERT_PTR_NULL(ct_at(ws, "stages.1.defaultroutesettings.logginglevel"));
    CU_ASSERT_PTR_NULL(ct_at(ws, "stages.1.accesslogging.cloudwatchloggrouparn"));
    CU_ASSERT_EQUAL(ct_len(ws, "routes"), 3);
    CT_STR_EQ(ws, "routes.0.routekey", "$connect");
    CT_STR_EQ(ws, "routes.0.authorizationtype", "CUSTOM");
    CT_STR_EQ(ws, "routes.0.authorizerid", "lam01");
    CT_STR_EQ(ws, "routes.1.authorizationtype", "NONE");
    CU_ASSERT_PTR_NULL(ct_at(ws, "routes.2.authorizationtype")); /* absent, never a made-up NONE */
    CU_ASSERT_STRING_EQUAL(json_string_value(meta_arn(ct_at(ws, "routes.1"))),
                           "arn:aws:apigateway:eu-west-1::/apis/w5s0ck3t/routes/rt0002");
    json_decref(st);
    json_decref(rt);
    json_decref(apis);
    json_decref(l);
}

static void test_domains_v2(void)
{
    json_t *l = ct_load("apigw_domains_v2_aws.json"), *out = json_array(), *it;
    size_t i;
    AWS_ITEMS(json_object_get(l, "items"), i, it) {
        json_t *o = col_apigw_map_domain_v2(it, "aws", "eu-west-1");
        if (o)
            json_array_append_new(out, o);
    }
    CU_ASSERT_EQUAL(json_array_size(out), 2);
    CT_STR_EQ(out, "0.name", "ws.example.com");
    CT_STR_EQ(out, "0.arn", "arn:aws:apigateway:eu-west-1::/domainnames/ws.example.com");
    CT_STR_EQ(out, "0.securitypolicy", "TLS_1_0"); /* the weakest of its configurations */
    CT_STR_EQ(out, "1.name", "bare.example.com");
    CU_ASSERT_PTR_NULL(ct_at(out, "1.securitypolicy"));
    json_decref(out);
    json_decref(l);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_rest_apis),   OSP_TEST(test_rest_stages), OSP_TEST(test_rest_resources_pages),
    OSP_TEST(test_domains_v1),  OSP_TEST(test_apis_v2),     OSP_TEST(test_domains_v2),
    {0},
};

int main(void)
{
    return osp_test_run("collect_apigateway", tests);
}
