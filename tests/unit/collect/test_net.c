/* test_net.c: ELBv2 / classic ELB, EKS, ECR and SQS mapping from recorded responses, including
 * fields moto 5.2.1 never returns (ALB desync mode, classic negotiation policies, EKS public
 * CIDRs and disabled log types, ECR IMMUTABLE_WITH_EXCLUSION and KMS_DSSE, SQS JSON attributes). */
#include "col_test.h"

#define META_ARN(o) json_string_value(ct_at((o), "__defsec_metadata.resource"))

static void test_sqs_queues_encryption_policy(void)
{
    json_t *list = ct_load("sqs_list.xml"), *kms = ct_load("sqs_attrs_kms.xml"), *plain = ct_load("sqs_attrs_plain.xml");
    json_t *js = ct_load("sqs_attrs_json.json");
    json_t *urls = aws_get(list, "ListQueuesResponse.ListQueuesResult.QueueUrl");
    CU_ASSERT_EQUAL(aws_items_len(urls), 2);
    CU_ASSERT_STRING_EQUAL(aws_get_str(list, "ListQueuesResponse.ListQueuesResult.NextToken"), "AQEB-token");
    const char *path = "GetQueueAttributesResponse.GetQueueAttributesResult";
    json_t *q = col_sqs_map_queue("https://sqs.us-east-1.amazonaws.com/111122223333/orders", aws_get(kms, path), "aws",
                                  "us-east-1");
    CU_ASSERT_STRING_EQUAL(META_ARN(q), "arn:aws:sqs:us-east-1:111122223333:orders");
    CT_STR_EQ(q, "queueurl", "https://sqs.us-east-1.amazonaws.com/111122223333/orders");
    CT_STR_EQ(q, "encryption.kmskeyid", "alias/aws/sqs");
    CU_ASSERT_EQUAL(ct_bool(q, "encryption.managedencryption"), 0);
    CU_ASSERT_EQUAL(ct_len(q, "policies"), 1);
    const char *doc = ct_str(q, "policies.0.document");
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    CU_ASSERT_PTR_NOT_NULL(strstr(doc, "\"Action\":\"sqs:*\""));
    json_decref(q);
    /* no QueueArn attribute: the ARN is built from the URL; no key, SSE off, no policy */
    q = col_sqs_map_queue("https://sqs.us-east-1.amazonaws.com/111122223333/legacy", aws_get(plain, path), "aws",
                          "us-east-1");
    CU_ASSERT_STRING_EQUAL(META_ARN(q), "arn:aws:sqs:us-east-1:111122223333:legacy");
    CU_ASSERT_PTR_NULL(ct_at(q, "encryption.kmskeyid"));
    CU_ASSERT_EQUAL(ct_bool(q, "encryption.managedencryption"), 0);
    CU_ASSERT_EQUAL(ct_len(q, "policies"), 0);
    json_decref(q);
    /* the JSON protocol's attribute map: SqsManagedSseEnabled "true" is SSE-SQS */
    q = col_sqs_map_queue("https://sqs.us-east-1.amazonaws.com/111122223333/events.fifo", js, "aws", "us-east-1");
    CU_ASSERT_STRING_EQUAL(META_ARN(q), "arn:aws:sqs:us-east-1:111122223333:events.fifo");
    CU_ASSERT_EQUAL(ct_bool(q, "encryption.managedencryption"), 1);
    json_decref(q);
    json_decref(list);
    json_decref(kms);
    json_decref(plain);
    json_decref(js);
}

static void test_ecr_repositories_policy_scanning(void)
{
    json_t *repos = ct_load("ecr_repos.json"), *pol = ct_load("ecr_policy.json"), *scan = ct_load("ecr_registry_scanning.json");
    json_t *r = col_ecr_map_repo(ct_at(repos, "repositories.0"));
    CU_ASSERT_STRING_EQUAL(META_ARN(r), "arn:aws:ecr:us-east-1:111122223333:repository/team/api");
    CT_STR_EQ(r, "name", "team/api");
    CU_ASSERT_EQUAL(ct_bool(r, "imagetagsimmutable"), 1); /* IMMUTABLE_WITH_EXCLUSION */
    CT_STR_EQ(r, "imagetagmutability", "IMMUTABLE_WITH_EXCLUSION");
    CU_ASSERT_EQUAL(ct_bool(r, "imagescanning.scanonpush"), 0);
    CT_STR_EQ(r, "encryption.type", "KMS_DSSE");
    CT_STR_EQ(r, "encryption.kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555");
    CU_ASSERT_EQUAL(ct_len(r, "policies"), 0);
    json_decref(r);
    r = col_ecr_map_repo(ct_at(repos, "repositories.1"));
    CU_ASSERT_EQUAL(ct_bool(r, "imagetagsimmutable"), 0);
    CU_ASSERT_EQUAL(ct_bool(r, "imagescanning.scanonpush"), 1);
    CT_STR_EQ(r, "encryption.type", "AES256");
    CU_ASSERT_PTR_NULL(ct_at(r, "encryption.kmskeyid"));
    col_ecr_map_policy(r, pol);
    CU_ASSERT_EQUAL(ct_len(r, "policies"), 1);
    CT_STR_EQ(r, "policies.0.name", "repository-policy");
    const char *doc = ct_str(r, "policies.0.document");
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    CU_ASSERT_PTR_NOT_NULL(strstr(doc, "\"Principal\":\"*\"")); /* pretty-printed text becomes compact JSON */
    json_decref(r);
    json_t *s = json_object();
    col_ecr_map_registry_scanning(s, scan, "arn:aws:ecr:us-east-1:111122223333:registry-scanning-configuration");
    CT_STR_EQ(s, "registryscanning.scantype", "ENHANCED");
    CU_ASSERT_EQUAL(ct_len(s, "registryscanning.rules"), 2);
    CT_STR_EQ(s, "registryscanning.rules.0.scanfrequency", "CONTINUOUS_SCAN");
    CT_STR_EQ(s, "registryscanning.rules.0.filters.0.filter", "team/*");
    CT_STR_EQ(s, "registryscanning.rules.1.filters.0.filtertype", "WILDCARD");
    json_decref(s);
    json_decref(repos);
    json_decref(pol);
    json_decref(scan);
}

static void test_eks_cluster(void)
{
    json_t *list = ct_load("eks_list.json");
    CU_ASSERT_EQUAL(aws_items_len(json_object_get(list, "clusters")), 2);
    CU_ASSERT_PTR_NOT_NULL(aws_get_str(list, "nextToken")); /* the token ListClusters pages on */
    json_decref(list);
    json_t *resp = ct_load("eks_cluster.json");
    json_t *c = col_eks_map_cluster(ct_at(resp, "cluster"));
    CU_ASSERT_STRING_EQUAL(META_ARN(c), "arn:aws:eks:us-east-1:111122223333:cluster/prod");
    CT_STR_EQ(c, "name", "prod");
    CT_STR_EQ(c, "version", "1.31");
    CU_ASSERT_EQUAL(ct_bool(c, "logging.api"), 1);
    CU_ASSERT_EQUAL(ct_bool(c, "logging.audit"), 1);
    CU_ASSERT_EQUAL(ct_bool(c, "logging.authenticator"), 0);
    CU_ASSERT_EQUAL(ct_bool(c, "logging.controllermanager"), 0);
    CU_ASSERT_EQUAL(ct_bool(c, "logging.scheduler"), 0);
    CU_ASSERT_EQUAL(ct_bool(c, "encryption.secrets"), 1);
    CT_STR_EQ(c, "encryption.kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/abcd");
    CU_ASSERT_EQUAL(ct_bool(c, "publicaccessenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(c, "privateaccessenabled"), 0);
    CU_ASSERT_EQUAL(ct_len(c, "publicaccesscidrs"), 2);
    CT_STR_EQ(c, "publicaccesscidrs.0", "0.0.0.0/0");
    json_decref(c);
    /* a cluster with no logging, no encryption and no VPC block: logs off, secrets off, access unknown */
    json_t *bare = json_pack("{s:s, s:s}", "name", "bare", "arn", "arn:aws:eks:us-east-1:1:cluster/bare");
    c = col_eks_map_cluster(bare);
    CU_ASSERT_EQUAL(ct_bool(c, "logging.scheduler"), 0);
    CU_ASSERT_EQUAL(ct_bool(c, "encryption.secrets"), 0);
    CU_ASSERT_PTR_NULL(ct_at(c, "encryption.kmskeyid"));
    CU_ASSERT_PTR_NULL(ct_at(c, "publicaccessenabled"));
    CU_ASSERT_EQUAL(ct_len(c, "publicaccesscidrs"), 0);
    json_decref(c);
    json_decref(bare);
    json_decref(resp);
}

static void test_elbv2_listeners_attributes(void)
{
    json_t *lbs = ct_load("elbv2_lbs.xml"), *attrs = ct_load("elbv2_attrs.xml"), *ls = ct_load("elbv2_listeners.xml");
    json_t *list = aws_get(lbs, "DescribeLoadBalancersResponse.DescribeLoadBalancersResult.LoadBalancers");
    CU_ASSERT_EQUAL(aws_items_len(list), 2);
    json_t *o = col_elb_map_v2(aws_items_at(list, 0));
    CU_ASSERT_STRING_EQUAL(META_ARN(o),
                           "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188");
    CT_STR_EQ(o, "type", "application");
    CU_ASSERT_EQUAL(ct_bool(o, "internal"), 0);
    col_elb_map_v2_attributes(o, aws_get(attrs, "DescribeLoadBalancerAttributesResponse.DescribeLoadBalancerAttributesResult"));
    CU_ASSERT_EQUAL(ct_bool(o, "dropinvalidheaderfields"), 0);
    CU_ASSERT_EQUAL(ct_bool(o, "deletionprotection"), 1);
    CU_ASSERT_EQUAL(ct_bool(o, "accesslogs"), 1);
    CT_STR_EQ(o, "desyncmitigationmode", "defensive");
    col_elb_map_v2_listeners(o, aws_get(ls, "DescribeListenersResponse.DescribeListenersResult"));
    CU_ASSERT_EQUAL(ct_len(o, "listeners"), 2);
    CT_STR_EQ(o, "listeners.0.protocol", "HTTP");
    CU_ASSERT_EQUAL(ct_int(o, "listeners.0.port"), 80);
    CU_ASSERT_PTR_NULL(ct_at(o, "listeners.0.tlspolicy"));
    CT_STR_EQ(o, "listeners.0.defaultactions.0.type", "redirect");
    CT_STR_EQ(o, "listeners.0.defaultactions.0.redirectprotocol", "HTTPS");
    CT_STR_EQ(o, "listeners.1.tlspolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
    CT_STR_EQ(o, "listeners.1.defaultactions.0.type", "forward");
    json_decref(o);
    o = col_elb_map_v2(aws_items_at(list, 1));
    CT_STR_EQ(o, "type", "network");
    CU_ASSERT_EQUAL(ct_bool(o, "internal"), 1);
    CU_ASSERT_PTR_NULL(ct_at(o, "dropinvalidheaderfields")); /* no attributes mapped: absent, not false */
    json_decref(o);
    json_decref(lbs);
    json_decref(attrs);
    json_decref(ls);
}

static void test_classic_elb_policies_attributes(void)
{
    json_t *lbs = ct_load("elb_classic_lbs.xml"), *attrs = ct_load("elb_classic_attrs.xml");
    json_t *pols = ct_load("elb_classic_policies.xml");
    json_t *d = aws_items_at(
        aws_get(lbs, "DescribeLoadBalancersResponse.DescribeLoadBalancersResult.LoadBalancerDescriptions"), 0);
    CU_ASSERT_EQUAL(col_elb_classic_has_tls(d), 1);
    json_t *o = col_elb_map_classic(d, "aws", "us-east-1", "111122223333");
    CU_ASSERT_STRING_EQUAL(META_ARN(o), "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/old-web");
    CT_STR_EQ(o, "type", "classic");
    CU_ASSERT_EQUAL(ct_bool(o, "internal"), 0);
    CU_ASSERT_EQUAL(ct_len(o, "listeners"), 2);
    CT_STR_EQ(o, "listeners.0.protocol", "HTTP");
    CU_ASSERT_EQUAL(ct_len(o, "listeners.0.defaultactions"), 0);
    col_elb_map_classic_policies(
        o, d, aws_get(pols, "DescribeLoadBalancerPoliciesResponse.DescribeLoadBalancerPoliciesResult"));
    CU_ASSERT_PTR_NULL(ct_at(o, "listeners.0.tlspolicy"));
    CT_STR_EQ(o, "listeners.1.tlspolicy", "ELBSecurityPolicy-2015-05"); /* the reference policy, not the custom name */
    col_elb_map_classic_attributes(
        o, aws_get(attrs, "DescribeLoadBalancerAttributesResponse.DescribeLoadBalancerAttributesResult"));
    CU_ASSERT_EQUAL(ct_bool(o, "accesslogs"), 0);
    CU_ASSERT_EQUAL(ct_bool(o, "crosszoneloadbalancing"), 1);
    CU_ASSERT_EQUAL(ct_bool(o, "connectiondraining"), 1);
    CT_STR_EQ(o, "desyncmitigationmode", "monitor");
    json_decref(o);
    json_decref(lbs);
    json_decref(attrs);
    json_decref(pols);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_sqs_queues_encryption_policy),
    OSP_TEST(test_ecr_repositories_policy_scanning),
    OSP_TEST(test_eks_cluster),
    OSP_TEST(test_elbv2_listeners_attributes),
    OSP_TEST(test_classic_elb_policies_attributes),
    {0},
};

int main(void)
{
    return osp_test_run("collect_net", tests);
}
