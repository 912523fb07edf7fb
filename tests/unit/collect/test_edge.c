/* test_edge.c: wafv2 and route53 mappers on recorded AWS-shaped responses, including what moto
 * never returns (Firewall Manager rule groups, rule-group override actions, ListResourcesForWebACL,
 * logging configurations of the CLOUDFRONT scope, a signed zone's key-signing keys and
 * ACTION_NEEDED status, linked-service zones). */
#include "col_test.h"

#define APP_ACL "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/app-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
#define EMPTY_ACL "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/empty-acl/b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"

static json_t *acls_from_list(const char *scope)
{
    json_t *l = ct_load("wafv2_list_web_acls_aws.json"), *s = json_object(), *a;
    size_t i;
    AWS_ITEMS(json_object_get(l, "WebACLs"), i, a) col_push(col_arr(s, "webacls"), col_wafv2_map_summary(a, scope));
    json_decref(l);
    return s;
}

static void test_wafv2_summaries(void)
{
    json_t *s = acls_from_list("REGIONAL");
    CU_ASSERT_EQUAL(ct_len(s, "webacls"), 2); /* the entry without an ARN is dropped */
    CT_STR_EQ(s, "webacls.0.arn", APP_ACL);
    CT_STR_EQ(s, "webacls.0.name", "app-acl");
    CT_STR_EQ(s, "webacls.0.id", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111");
    CT_STR_EQ(s, "webacls.0.scope", "REGIONAL");
    CU_ASSERT_EQUAL(ct_bool(s, "webacls.0.logging.enabled"), 0); /* until a logging configuration names it */
    CU_ASSERT_EQUAL(ct_len(s, "webacls.0.logging.destinations"), 0);
    CU_ASSERT_EQUAL(ct_len(s, "webacls.0.associatedresources"), 0);
    CU_ASSERT_PTR_NULL(ct_at(s, "webacls.0.rules")); /* GetWebACL fills it */
    CU_ASSERT_PTR_NULL(col_wafv2_map_summary(NULL, "REGIONAL"));
    json_decref(s);
}

static void test_wafv2_get_web_acl(void)
{
    json_t *s = acls_from_list("REGIONAL"), *acl = ct_at(s, "webacls.0"), *resp = ct_load("wafv2_get_web_acl_aws.json");
    col_wafv2_map_acl(acl, resp);
    CT_STR_EQ(acl, "defaultaction", "ALLOW");
    CU_ASSERT_EQUAL(ct_int(acl, "capacity"), 1203);
    CU_ASSERT_EQUAL(ct_bool(acl, "managedbyfirewallmanager"), 1);
    CU_ASSERT_EQUAL(ct_bool(acl, "cloudwatchmetricsenabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(acl, "sampledrequestsenabled"), 1);
    CT_STR_EQ(acl, "metricname", "app-acl");
    CU_ASSERT_EQUAL(ct_len(acl, "rules"), 3);
    CT_STR_EQ(acl, "rules.0.name", "common");
    CU_ASSERT_EQUAL(ct_int(acl, "rules.0.priority"), 1);
    CT_STR_EQ(acl, "rules.0.kind", "managedrulegroup");
    CT_STR_EQ(acl, "rules.0.rulegroup", "AWS/AWSManagedRulesCommonRuleSet");
    CT_STR_EQ(acl, "rules.0.action", "");
    CT_STR_EQ(acl, "rules.0.overrideaction", "COUNT");
    CU_ASSERT_EQUAL(ct_bool(acl, "rules.0.cloudwatchmetricsenabled"), 1);
    CT_STR_EQ(acl, "rules.1.kind", "rulegroup");
    CT_STR_EQ(acl, "rules.1.rulegroup",
              "arn:aws:wafv2:eu-west-1:111122223333:regional/rulegroup/team/c1c2c3c4-0000-1111-2222-EXAMPLE33333");
    CT_STR_EQ(acl, "rules.1.overrideaction", "NONE");
    CU_ASSERT_EQUAL(ct_bool(acl, "rules.1.cloudwatchmetricsenabled"), 0);
    CT_STR_EQ(acl, "rules.2.kind", "rule");
    CT_STR_EQ(acl, "rules.2.action", "BLOCK");
    CT_STR_EQ(acl, "rules.2.overrideaction", "");
    CU_ASSERT_EQUAL(ct_len(acl, "firewallmanagerrulegroups"), 1);
    CT_STR_EQ(acl, "firewallmanagerrulegroups.0.name", "PREFMManaged-ip-rep");
    CT_STR_EQ(acl, "firewallmanagerrulegroups.0.phase", "pre");
    /* every value is attributed to the ACL */
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(acl, "rules.2.action.resource")), APP_ACL);
    /* an answer without WebACL changes nothing */
    json_t *empty = json_object();
    col_wafv2_map_acl(ct_at(s, "webacls.1"), empty);
    CU_ASSERT_PTR_NULL(ct_at(s, "webacls.1.rules"));
    json_decref(empty);
    json_decref(resp);
    json_decref(s);
}

static void test_wafv2_resources_and_logging(void)
{
    json_t *s = acls_from_list("REGIONAL"), *res = ct_load("wafv2_list_resources_aws.json");
    json_t *logs = ct_load("wafv2_list_logging_aws.json");
    col_wafv2_map_resources(ct_at(s, "webacls.0"), res, "APPLICATION_LOAD_BALANCER");
    CU_ASSERT_EQUAL(ct_len(s, "webacls.0.associatedresources"), 2); /* the null is skipped */
    CT_STR_EQ(s, "webacls.0.associatedresources.0.arn",
              "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188");
    CT_STR_EQ(s, "webacls.0.associatedresources.1.type", "APPLICATION_LOAD_BALANCER");
    col_wafv2_map_logging(json_object_get(s, "webacls"), json_object_get(logs, "LoggingConfigurations"));
    CU_ASSERT_EQUAL(ct_bool(s, "webacls.0.logging.enabled"), 1);
    CT_STR_EQ(s, "webacls.0.logging.destinations.0",
              "arn:aws:firehose:eu-west-1:111122223333:deliverystream/aws-waf-logs-app");
    CT_STR_EQ(s, "webacls.0.logging.logtype", "WAF_LOGS");
    CU_ASSERT_EQUAL(ct_bool(s, "webacls.0.logging.managedbyfirewallmanager"), 0);
    /* the other scope's configuration names no ACL of this list */
    CU_ASSERT_EQUAL(ct_bool(s, "webacls.1.logging.enabled"), 0);
    CU_ASSERT_EQUAL(ct_len(s, "webacls.1.logging.destinations"), 0);
    json_decref(logs);
    json_decref(res);
    json_decref(s);
}

static void test_wafv2_cloudfront_scope(void)
{
    CU_ASSERT_STRING_EQUAL(col_wafv2_cloudfront_region("aws"), "us-east-1");
    CU_ASSERT_STRING_EQUAL(col_wafv2_cloudfront_region("aws-cn"), "cn-northwest-1");
    CU_ASSERT_PTR_NULL(col_wafv2_cloudfront_region("aws-us-gov")); /* no CloudFront there */
    json_t *l = json_pack("[{s:s, s:s, s:s}]", "ARN",
                          "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/d1d2d3d4-0000-1111-2222-EXAMPLE44444",
                          "Name", "edge", "Id", "d1d2d3d4-0000-1111-2222-EXAMPLE44444");
    json_t *s = json_object(), *logs = ct_load("wafv2_list_logging_aws.json");
    col_push(col_arr(s, "webacls"), col_wafv2_map_summary(json_array_get(l, 0), "CLOUDFRONT"));
    col_wafv2_map_logging(json_object_get(s, "webacls"), json_object_get(logs, "LoggingConfigurations"));
    CT_STR_EQ(s, "webacls.0.scope", "CLOUDFRONT");
    CU_ASSERT_EQUAL(ct_bool(s, "webacls.0.logging.enabled"), 1);
    CT_STR_EQ(s, "webacls.0.logging.destinations.0", "arn:aws:logs:us-east-1:111122223333:log-group:aws-waf-logs-edge");
    json_decref(logs);
    json_decref(s);
    json_decref(l);
}

static void test_wafv2_rule_group(void)
{
    json_t *sum = json_pack("{s:s, s:s, s:s}", "ARN",
                            "arn:aws:wafv2:eu-west-1:111122223333:regional/rulegroup/team/c1c2c3c4-0000-1111-2222-EXAMPLE33333",
                            "Name", "team", "Id", "c1c2c3c4-0000-1111-2222-EXAMPLE33333");
    json_t *resp = ct_load("wafv2_get_rule_group_aws.json");
    json_t *g = col_wafv2_map_rule_group(sum, resp, "REGIONAL");
    CT_STR_EQ(g, "name", "team");
    CT_STR_EQ(g, "scope", "REGIONAL");
    CU_ASSERT_EQUAL(ct_int(g, "capacity"), 50);
    CU_ASSERT_EQUAL(ct_bool(g, "cloudwatchmetricsenabled"), 1);
    CU_ASSERT_EQUAL(ct_len(g, "rules"), 2);
    CT_STR_EQ(g, "rules.0.name", "bad-bot");
    CT_STR_EQ(g, "rules.0.action", "BLOCK");
    CU_ASSERT_EQUAL(ct_bool(g, "rules.0.cloudwatchmetricsenabled"), 0);
    CT_STR_EQ(g, "rules.1.action", "CAPTCHA");
    json_decref(g);
    /* denied GetRuleGroup: what the list said, and nothing invented */
    g = col_wafv2_map_rule_group(sum, NULL, "CLOUDFRONT");
    CT_STR_EQ(g, "scope", "CLOUDFRONT");
    CU_ASSERT_PTR_NULL(ct_at(g, "rules"));
    CU_ASSERT_PTR_NULL(ct_at(g, "cloudwatchmetricsenabled"));
    json_decref(g);
    CU_ASSERT_PTR_NULL(col_wafv2_map_rule_group(resp, resp, "REGIONAL")); /* no ARN at the top */
    json_decref(resp);
    json_decref(sum);
}

static json_t *zones(void)
{
    json_t *l = ct_load("route53_list_zones_aws.xml"), *s = json_object(), *z;
    size_t i;
    AWS_ITEMS(aws_get(l, "ListHostedZonesResponse.HostedZones.HostedZone"), i, z)
        col_push(col_arr(s, "hostedzones"), col_route53_map_zone(z, "aws"));
    json_decref(l);
    return s;
}

static void test_route53_zones(void)
{
    json_t *s = zones();
    CU_ASSERT_EQUAL(ct_len(s, "hostedzones"), 2); /* the zone without an Id is dropped */
    CT_STR_EQ(s, "hostedzones.0.arn", "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ");
    CT_STR_EQ(s, "hostedzones.0.id", "Z0123456789ABCDEFGHIJ");
    CT_STR_EQ(s, "hostedzones.0.name", "example.com.");
    CU_ASSERT_EQUAL(ct_bool(s, "hostedzones.0.private"), 0);
    CU_ASSERT_EQUAL(ct_int(s, "hostedzones.0.resourcerecordsetcount"), 12);
    CU_ASSERT_EQUAL(ct_bool(s, "hostedzones.0.querylogging.enabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "hostedzones.1.private"), 1);
    CT_STR_EQ(s, "hostedzones.1.linkedservice", "servicediscovery.amazonaws.com");
    json_decref(s);
}

static void test_route53_dnssec(void)
{
    json_t *s = zones(), *resp = ct_load("route53_dnssec_aws.xml");
    col_route53_map_dnssec(ct_at(s, "hostedzones.0"), resp);
    CT_STR_EQ(s, "hostedzones.0.dnssec.servesignature", "ACTION_NEEDED");
    CT_STR_EQ(s, "hostedzones.0.dnssec.statusmessage", "The KMS key of a key-signing key is disabled.");
    CU_ASSERT_EQUAL(ct_len(s, "hostedzones.0.dnssec.keysigningkeys"), 2);
    CT_STR_EQ(s, "hostedzones.0.dnssec.keysigningkeys.0.name", "ksk_2025");
    CT_STR_EQ(s, "hostedzones.0.dnssec.keysigningkeys.0.status", "ACTION_NEEDED");
    CT_STR_EQ(s, "hostedzones.0.dnssec.keysigningkeys.0.statusmessage", "KMS key disabled");
    CT_STR_EQ(s, "hostedzones.0.dnssec.keysigningkeys.0.kmsarn",
              "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    CT_STR_EQ(s, "hostedzones.0.dnssec.keysigningkeys.1.status", "ACTIVE");
    /* moto's answer: NOT_SIGNING and an empty <KeySigningKeys/> */
    json_t *moto = NULL;
    struct osp_err err;
    osp_err_init(&err);
    const char *x = "<GetDNSSECResponse><Status><ServeSignature>NOT_SIGNING</ServeSignature></Status>"
                    "<KeySigningKeys/></GetDNSSECResponse>";
    CU_ASSERT_EQUAL(aws_xml_to_json(x, strlen(x), 1 << 16, &moto, &err), OSP_OK);
    col_route53_map_dnssec(ct_at(s, "hostedzones.1"), moto);
    CT_STR_EQ(s, "hostedzones.1.dnssec.servesignature", "NOT_SIGNING");
    CU_ASSERT_EQUAL(ct_len(s, "hostedzones.1.dnssec.keysigningkeys"), 0);
    json_decref(moto);
    json_decref(resp);
    json_decref(s);
}

static void test_route53_query_logging(void)
{
    json_t *s = zones(), *resp = ct_load("route53_query_logging_aws.xml");
    col_route53_map_query_logging(json_object_get(s, "hostedzones"),
                                  aws_get(resp, "ListQueryLoggingConfigsResponse.QueryLoggingConfigs.QueryLoggingConfig"));
    CU_ASSERT_EQUAL(ct_bool(s, "hostedzones.0.querylogging.enabled"), 1);
    CT_STR_EQ(s, "hostedzones.0.querylogging.loggrouparn",
              "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/example.com:*");
    CT_STR_EQ(s, "hostedzones.0.querylogging.id", "87654321-dcba-1234-abcd-1a2b3c4d5e6f");
    CU_ASSERT_EQUAL(ct_bool(s, "hostedzones.1.querylogging.enabled"), 0);
    json_decref(resp);
    json_decref(s);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_wafv2_summaries),
    OSP_TEST(test_wafv2_get_web_acl),
    OSP_TEST(test_wafv2_resources_and_logging),
    OSP_TEST(test_wafv2_cloudfront_scope),
    OSP_TEST(test_wafv2_rule_group),
    OSP_TEST(test_route53_zones),
    OSP_TEST(test_route53_dnssec),
    OSP_TEST(test_route53_query_logging),
    {0},
};

int main(void)
{
    return osp_test_run("collect_edge", tests);
}
