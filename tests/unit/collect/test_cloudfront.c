/* test_cloudfront.c: CloudFront mapping on recorded responses (AWS-shaped and moto's): the
 * default certificate told from a custom one, ordered behaviours, v2 logging deliveries. */
#include "col_test.h"

#define SUMMARIES "DistributionList.Items.DistributionSummary"

static void test_cloudfront_aws(void)
{
    json_t *l = ct_load("cloudfront_list_aws.xml"), *c = ct_load("cloudfront_config_aws.xml");
    json_t *g = ct_load("cloudfront_logs_aws.json");
    json_t *d = col_cloudfront_map_distribution(aws_items_at(aws_get(l, SUMMARIES), 0), c);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CT_STR_EQ(d, "id", "E1SHOPEXAMPLE");
    CT_STR_EQ(d, "wafid", "arn:aws:wafv2:us-east-1:111122223333:global/webacl/shop/1234");
    CT_STR_EQ(d, "logging.bucket", "");
    CT_STR_EQ(d, "defaultcachebehaviour.viewerprotocolpolicy", "redirect-to-https");
    CU_ASSERT_EQUAL(ct_len(d, "orderercachebehaviours"), 2);
    CT_STR_EQ(d, "orderercachebehaviours.1.pathpattern", "/legacy/*");
    CT_STR_EQ(d, "orderercachebehaviours.1.viewerprotocolpolicy", "allow-all");
    CU_ASSERT_EQUAL(ct_bool(d, "viewercertificate.cloudfrontdefaultcertificate"), 0);
    CT_STR_EQ(d, "viewercertificate.minimumprotocolversion", "TLSv1.1_2016");
    CU_ASSERT_EQUAL(ct_bool(d, "logging.v2.enabled"), 0);
    json_t *dists = json_array();
    json_array_append_new(dists, d);
    col_cloudfront_map_deliveries(dists, json_object_get(g, "deliverySources"), json_object_get(g, "deliveries"));
    CU_ASSERT_EQUAL(ct_bool(d, "logging.v2.enabled"), 1);
    json_decref(dists);
    CU_ASSERT_PTR_NULL(col_cloudfront_map_distribution(NULL, c));
    json_decref(l);
    json_decref(c);
    json_decref(g);
}

static void test_cloudfront_moto(void)
{
    json_t *l = ct_load("cloudfront_list_moto.xml"), *bad = ct_load("cloudfront_config_bad_moto.xml");
    json_t *good = ct_load("cloudfront_config_good_moto.xml");
    json_t *src = ct_load("cloudfront_delivery_sources_moto.json"), *dl = ct_load("cloudfront_deliveries_moto.json");
    json_t *dists = json_array();
    json_array_append_new(dists, col_cloudfront_map_distribution(aws_items_at(aws_get(l, SUMMARIES), 0), bad));
    json_array_append_new(dists, col_cloudfront_map_distribution(aws_items_at(aws_get(l, SUMMARIES), 1), good));
    json_t *b = json_array_get(dists, 0), *g = json_array_get(dists, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CT_STR_EQ(b, "wafid", "");
    CU_ASSERT_PTR_NOT_NULL(strstr(json_string_value(ct_at(b, "__defsec_metadata.resource")),
                                  "arn:aws:cloudfront::123456789012:distribution/"));
    CT_STR_EQ(b, "logging.bucket", "");
    CT_STR_EQ(b, "defaultcachebehaviour.viewerprotocolpolicy", "allow-all");
    CU_ASSERT_EQUAL(ct_bool(b, "viewercertificate.cloudfrontdefaultcertificate"), 1); /* TLSv1, default cert */
    CT_STR_EQ(g, "logging.bucket", "logs.s3.amazonaws.com");
    /* moto says CloudFrontDefaultCertificate beside an ACM certificate: custom wins */
    CU_ASSERT_EQUAL(ct_bool(g, "viewercertificate.cloudfrontdefaultcertificate"), 0);
    /* moto's distribution ARNs lack the empty region field; the delivery source names the real form */
    col_cloudfront_map_deliveries(dists, json_object_get(src, "deliverySources"), json_object_get(dl, "deliveries"));
    CU_ASSERT_EQUAL(ct_bool(b, "logging.v2.enabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(g, "logging.v2.enabled"), 1);
    json_decref(dists);
    json_decref(l);
    json_decref(bad);
    json_decref(good);
    json_decref(src);
    json_decref(dl);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_cloudfront_aws),
    OSP_TEST(test_cloudfront_moto),
    {0},
};

int main(void)
{
    return osp_test_run("collect_cloudfront", tests);
}
