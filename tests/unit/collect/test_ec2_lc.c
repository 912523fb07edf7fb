/* test_ec2_lc.c: launch configurations (autoscaling DescribeLaunchConfigurations, XML) mapped to
 * ec2.launchconfigurations on recorded responses, AWS-shaped and moto's. */
#include "col_test.h"

#define LCS "DescribeLaunchConfigurationsResponse.DescribeLaunchConfigurationsResult.LaunchConfigurations"

static void test_launch_configs_aws(void)
{
    json_t *r = ct_load("autoscaling_launch_configs_aws.xml");
    json_t *l = col_ec2_map_launch_config(aws_items_at(aws_get(r, LCS), 0));
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    CT_STR_EQ(l, "name", "web-2019");
    CU_ASSERT_EQUAL(ct_bool(l, "associatepublicip"), 0); /* not set: no public IP asked */
    CU_ASSERT_EQUAL(ct_len(l, "ebsblockdevices"), 2);     /* instance store and NoDevice skipped */
    CU_ASSERT_EQUAL(ct_bool(l, "ebsblockdevices.0.encrypted"), 1);
    CT_STR_EQ(l, "ebsblockdevices.1.devicename", "/dev/sdb");
    CU_ASSERT_EQUAL(ct_bool(l, "ebsblockdevices.1.encrypted"), 0);
    CU_ASSERT_PTR_NULL(ct_at(l, "metadataoptions"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ct_str(l, "userdata"), "[osprey-redacted:Password literal]"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ct_str(l, "userdata"), "yum -y install nginx"));
    char *txt = json_dumps(l, 0);
    CU_ASSERT_PTR_NULL(strstr(txt, "Tr0ub4dor"));
    free(txt);
    json_decref(l);
    CU_ASSERT_PTR_NULL(col_ec2_map_launch_config(aws_items_at(aws_get(r, LCS), 1)));
    json_decref(r);
}

static void test_launch_configs_moto(void)
{
    json_t *r = ct_load("autoscaling_launch_configs_moto.xml");
    json_t *l = col_ec2_map_launch_config(aws_items_at(aws_get(r, LCS), 0));
    CT_STR_EQ(l, "name", "bad-lc");
    CU_ASSERT_EQUAL(ct_bool(l, "associatepublicip"), 1);
    CU_ASSERT_EQUAL(ct_bool(l, "ebsblockdevices.0.encrypted"), 0);
    CU_ASSERT_EQUAL(ct_bool(l, "ebsblockdevices.1.encrypted"), 0);
    CT_STR_EQ(l, "metadataoptions.httptokens", "optional");
    CT_STR_EQ(l, "userdata", "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=[osprey-redacted:AWS Access Key ID]\n");
    json_decref(l);
    l = col_ec2_map_launch_config(aws_items_at(aws_get(r, LCS), 1));
    CT_STR_EQ(l, "metadataoptions.httptokens", "required");
    CU_ASSERT_EQUAL(ct_bool(l, "associatepublicip"), 0);
    json_decref(l);
    json_decref(r);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_launch_configs_aws),
    OSP_TEST(test_launch_configs_moto),
    {0},
};

int main(void)
{
    return osp_test_run("collect_ec2_lc", tests);
}
