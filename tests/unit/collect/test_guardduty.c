/* test_guardduty.c: GuardDuty detector mapping on recorded GetDetector responses (AWS-shaped with
 * every protection plan, and moto's suspended detector). */
#include "col_test.h"

static void test_detector_aws(void)
{
    json_t *get = ct_load("guardduty_detector_aws.json");
    json_t *d = col_guardduty_map_detector("12abc34d567e8fa901bc2d34e56789f0", "aws", "eu-central-1", "111122223333");
    col_guardduty_map_get(d, get);
    CT_STR_EQ(d, "arn", "arn:aws:guardduty:eu-central-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0");
    CT_STR_EQ(d, "id", "12abc34d567e8fa901bc2d34e56789f0");
    CT_STR_EQ(d, "status", "ENABLED");
    CU_ASSERT_EQUAL(ct_bool(d, "enabled"), 1);
    CT_STR_EQ(d, "findingpublishingfrequency", "FIFTEEN_MINUTES");
    CU_ASSERT_EQUAL(ct_len(d, "features"), 7);
    CT_STR_EQ(d, "features.2.name", "EKS_AUDIT_LOGS");
    CT_STR_EQ(d, "features.2.status", "DISABLED");
    CU_ASSERT_EQUAL(ct_len(d, "features.2.additionalconfiguration"), 0);
    CT_STR_EQ(d, "features.6.name", "RUNTIME_MONITORING");
    CU_ASSERT_EQUAL(ct_len(d, "features.6.additionalconfiguration"), 3);
    CT_STR_EQ(d, "features.6.additionalconfiguration.1.name", "ECS_FARGATE_AGENT_MANAGEMENT");
    CT_STR_EQ(d, "features.6.additionalconfiguration.1.status", "DISABLED");
    CU_ASSERT_PTR_NULL(ct_at(d, "tags")); /* not collected */
    json_decref(d);
    json_decref(get);
}

static void test_detector_suspended_and_unread(void)
{
    json_t *get = ct_load("guardduty_detector_suspended_moto.json");
    json_t *d = col_guardduty_map_detector("d2", "aws-cn", "cn-north-1", "111122223333");
    col_guardduty_map_get(d, get);
    CT_STR_EQ(d, "arn", "arn:aws-cn:guardduty:cn-north-1:111122223333:detector/d2");
    CT_STR_EQ(d, "status", "DISABLED");
    CU_ASSERT_EQUAL(ct_bool(d, "enabled"), 0);
    CU_ASSERT_EQUAL(ct_len(d, "features"), 0);
    json_decref(d);
    /* GetDetector not answered (denied): the detector is listed, its status unknown */
    d = col_guardduty_map_detector("d3", "aws", "us-east-1", "111122223333");
    CU_ASSERT_EQUAL(ct_bool(d, "enabled"), -1);
    CU_ASSERT_PTR_NULL(ct_at(d, "status"));
    CU_ASSERT_EQUAL(ct_len(d, "features"), 0);
    json_decref(d);
    CU_ASSERT_PTR_NULL(col_guardduty_map_detector("", "aws", "us-east-1", "111122223333"));
    CU_ASSERT_PTR_NULL(col_guardduty_map_detector(NULL, "aws", "us-east-1", "111122223333"));
    json_decref(get);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_detector_aws),
    OSP_TEST(test_detector_suspended_and_unread),
    {0},
};

int main(void)
{
    return osp_test_run("collect_guardduty", tests);
}
