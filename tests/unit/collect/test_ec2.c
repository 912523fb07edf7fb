/* test_ec2.c: EC2 mapping from recorded EC2-protocol responses (AWS-shaped and moto-shaped). */
#include "col_test.h"

struct fx {
    struct col_ec2_ctx c;
    json_t *state, *sgs_resp, *vols_resp;
};

static void fx_init(struct fx *f)
{
    size_t i;
    json_t *v;
    f->c = (struct col_ec2_ctx){"aws", "us-east-1", "111122223333", json_object(), json_object()};
    f->state = json_object();
    f->sgs_resp = ct_load("ec2_sgs_aws.xml");
    f->vols_resp = ct_load("ec2_volumes_aws.xml");
    json_t *sg_out = col_arr(f->state, "securitygroups");
    json_array_foreach(aws_get(f->sgs_resp, "DescribeSecurityGroupsResponse.securityGroupInfo"), i, v) {
        json_t *o = col_ec2_map_sg(&f->c, v);
        json_object_set(f->c.sgs, col_s(v, "groupId"), o);
        col_push(sg_out, o);
    }
    json_array_foreach(aws_get(f->vols_resp, "DescribeVolumesResponse.volumeSet"), i, v) {
        json_object_set(f->c.volumes, col_s(v, "volumeId"), v);
        col_push(col_arr(f->state, "volumes"), col_ec2_map_volume(&f->c, v));
    }
}

static void fx_free(struct fx *f)
{
    json_decref(f->c.sgs);
    json_decref(f->c.volumes);
    json_decref(f->state);
    json_decref(f->sgs_resp);
    json_decref(f->vols_resp);
}

static void test_ec2_security_group_rules(void)
{
    struct fx f;
    fx_init(&f);
    json_t *s = f.state;
    CT_STR_EQ(s, "securitygroups.0.id", "sg-default1");
    CU_ASSERT_EQUAL(ct_bool(s, "securitygroups.0.isdefault"), 1);
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "securitygroups.0.__defsec_metadata.resource")),
                           "arn:aws:ec2:us-east-1:111122223333:security-group/sg-default1");
    /* the default group's self-reference is a rule (CIS 5.3 needs to see it) */
    CU_ASSERT_EQUAL(ct_len(s, "securitygroups.0.ingressrules"), 1);
    CT_STR_EQ(s, "securitygroups.0.ingressrules.0.sourcesecuritygroupid", "sg-default1");
    CT_STR_EQ(s, "securitygroups.0.ingressrules.0.protocol", "-1");
    CU_ASSERT_EQUAL(ct_len(s, "securitygroups.0.ingressrules.0.cidrs"), 0);
    CU_ASSERT_PTR_NULL(ct_at(s, "securitygroups.0.ingressrules.0.fromport"));
    /* web: 2 IPv4 ranges + 1 IPv6 + 1 prefix list = 4 rules */
    CU_ASSERT_EQUAL(ct_len(s, "securitygroups.1.ingressrules"), 4);
    CT_STR_EQ(s, "securitygroups.1.ingressrules.0.cidrs.0", "0.0.0.0/0");
    CT_STR_EQ(s, "securitygroups.1.ingressrules.0.description", "ssh from anywhere");
    CU_ASSERT_EQUAL(ct_int(s, "securitygroups.1.ingressrules.0.fromport"), 22);
    CU_ASSERT_EQUAL(ct_int(s, "securitygroups.1.ingressrules.0.toport"), 22);
    CU_ASSERT_PTR_NULL(ct_at(s, "securitygroups.1.ingressrules.1.description"));
    CT_STR_EQ(s, "securitygroups.1.ingressrules.2.cidrs.0", "::/0");
    CT_STR_EQ(s, "securitygroups.1.ingressrules.3.prefixlistid", "pl-123");
    CU_ASSERT_EQUAL(ct_len(s, "securitygroups.1.egressrules"), 0);
    CT_STR_EQ(s, "securitygroups.1.description", "web tier");
    fx_free(&f);
}

static void test_ec2_instance_devices_profile_and_groups(void)
{
    struct fx f;
    fx_init(&f);
    json_t *resp = ct_load("ec2_instances_aws.xml");
    json_t *inst = ct_at(aws_get(resp, "DescribeInstancesResponse.reservationSet"), "0.instancesSet.0");
    json_t *o = col_ec2_map_instance(&f.c, inst), *ud = ct_load("ec2_userdata.xml");
    CT_STR_EQ(o, "id", "i-live");
    CT_STR_EQ(o, "iaminstanceprofile", "arn:aws:iam::111122223333:instance-profile/app");
    CT_STR_EQ(o, "metadataoptions.httptokens", "optional");
    CU_ASSERT_EQUAL(ct_bool(o, "rootblockdevice.encrypted"), 1);
    CU_ASSERT_EQUAL(ct_len(o, "ebsblockdevices"), 1);
    CU_ASSERT_EQUAL(ct_bool(o, "ebsblockdevices.0.encrypted"), 0);
    CU_ASSERT_EQUAL(ct_len(o, "securitygroups"), 1);
    CT_STR_EQ(o, "securitygroups.0.name", "web");
    col_ec2_map_userdata(o, ud);
    CT_STR_EQ(o, "userdata", "export AWS_SECRET_ACCESS_KEY=abc");
    json_decref(o);
    json_decref(ud);
    /* a secret in user data is stored as a marker naming its rule, never in clear */
    o = col_ec2_map_instance(&f.c, inst);
    ud = ct_load("ec2_userdata_secret.xml");
    col_ec2_map_userdata(o, ud);
    CT_STR_EQ(o, "userdata", "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=[osprey-redacted:AWS Access Key ID]\n"
                             "[osprey-redacted:Password literal]\necho done\n");
    json_decref(o);
    json_decref(ud);
    /* no user data: absent */
    o = col_ec2_map_instance(&f.c, inst);
    ud = ct_load("ec2_userdata_none.xml");
    col_ec2_map_userdata(o, ud);
    CU_ASSERT_PTR_NULL(ct_at(o, "userdata"));
    json_decref(o);
    json_decref(ud);
    json_decref(resp);
    fx_free(&f);
}

static void test_ec2_moto_instance_groups_come_from_interfaces(void)
{
    struct fx f;
    fx_init(&f);
    json_t *resp = ct_load("ec2_instances_moto.xml");
    json_t *inst = ct_at(aws_get(resp, "DescribeInstancesResponse.reservationSet"), "0.instancesSet.0");
    /* moto's default group id is unknown to the AWS-shaped SG fixture: register one under it */
    const char *gid = col_s(ct_at(inst, "networkInterfaceSet.0.groupSet.0"), "groupId");
    CU_ASSERT_PTR_NOT_NULL_FATAL(gid);
    json_object_set(f.c.sgs, gid, json_array_get(json_object_get(f.state, "securitygroups"), 0));
    json_t *o = col_ec2_map_instance(&f.c, inst);
    CU_ASSERT_EQUAL(ct_len(o, "securitygroups"), 1);
    CT_STR_EQ(o, "metadataoptions.httptokens", "required");
    json_decref(o);
    json_decref(resp);
    fx_free(&f);
}

static void test_ec2_vpcs_flow_logs_and_default_groups(void)
{
    struct fx f;
    fx_init(&f);
    json_t *vpcs = ct_load("ec2_vpcs_aws.xml"), *fl = ct_load("ec2_flowlogs_aws.xml");
    col_ec2_map_vpcs(f.state, &f.c, aws_get(vpcs, "DescribeVpcsResponse.vpcSet"),
                     aws_get(fl, "DescribeFlowLogsResponse.flowLogSet"));
    json_t *s = f.state;
    CT_STR_EQ(s, "vpcs.0.id", "vpc-1");
    CU_ASSERT_EQUAL(ct_bool(s, "vpcs.0.isdefault"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "vpcs.0.flowlogsenabled"), 0);
    CU_ASSERT_EQUAL(ct_len(s, "vpcs.0.securitygroups"), 2);
    CU_ASSERT_EQUAL(ct_bool(s, "vpcs.0.securitygroups.0.isdefault"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "vpcs.1.flowlogsenabled"), 1);
    CT_STR_EQ(s, "vpcs.1.flowlogs.0.destination", "vpc-flow");
    CT_STR_EQ(s, "vpcs.1.flowlogs.0.traffictype", "REJECT");
    CU_ASSERT_EQUAL(ct_len(s, "vpcs.1.securitygroups"), 0);
    json_decref(vpcs);
    json_decref(fl);
    fx_free(&f);
}

static void test_ec2_nacls_subnets_volumes_ebs_default(void)
{
    struct fx f;
    fx_init(&f);
    json_t *acl = ct_load("ec2_nacls_aws.xml"), *sub = ct_load("ec2_subnets_aws.xml"), *ebs = ct_load("ec2_ebs_default.xml");
    col_ec2_map_nacls(f.state, &f.c, aws_get(acl, "DescribeNetworkAclsResponse.networkAclSet"));
    col_ec2_map_subnets(f.state, &f.c, aws_get(sub, "DescribeSubnetsResponse.subnetSet"));
    col_ec2_map_ebs_default(f.state, &f.c, ebs);
    json_t *s = f.state;
    CU_ASSERT_EQUAL(ct_bool(s, "networkacls.0.isdefaultrule"), 0);
    CT_STR_EQ(s, "networkacls.0.rules.0.type", "ingress");
    CT_STR_EQ(s, "networkacls.0.rules.0.action", "allow");
    CT_STR_EQ(s, "networkacls.0.rules.0.protocol", "6");
    CU_ASSERT_EQUAL(ct_int(s, "networkacls.0.rules.0.fromport"), 3389);
    CU_ASSERT_EQUAL(ct_int(s, "networkacls.0.rules.0.number"), 100);
    CT_STR_EQ(s, "networkacls.0.rules.1.type", "egress");
    CT_STR_EQ(s, "networkacls.0.rules.1.cidrs.0", "::/0");
    CU_ASSERT_PTR_NULL(ct_at(s, "networkacls.0.rules.1.fromport"));
    CU_ASSERT_EQUAL(ct_bool(s, "subnets.0.mappubliciponlaunch"), 1);
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "subnets.0.__defsec_metadata.resource")),
                           "arn:aws:ec2:us-east-1:111122223333:subnet/subnet-1");
    CU_ASSERT_EQUAL(ct_bool(s, "volumes.0.encryption.enabled"), 1);
    CT_STR_EQ(s, "volumes.0.encryption.kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/k1");
    CU_ASSERT_EQUAL(ct_bool(s, "volumes.1.encryption.enabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "ebsencryptionbydefault.enabled"), 0);
    json_decref(acl);
    json_decref(sub);
    json_decref(ebs);
    fx_free(&f);
}

static void test_ec2_launch_template_default_version(void)
{
    struct fx f;
    fx_init(&f);
    json_t *t = ct_load("ec2_templates_aws.xml"), *v = ct_load("ec2_template_version_aws.xml");
    json_t *tpl = ct_at(aws_get(t, "DescribeLaunchTemplatesResponse.launchTemplates"), "0");
    json_t *ver = ct_at(aws_get(v, "DescribeLaunchTemplateVersionsResponse.launchTemplateVersionSet"), "0");
    json_t *o = col_ec2_map_template(&f.c, tpl, ver);
    CT_STR_EQ(o, "name", "web-lt");
    CU_ASSERT_EQUAL(ct_int(o, "defaultversion"), 3);
    CT_STR_EQ(o, "instance.metadataoptions.httptokens", "required");
    CT_STR_EQ(o, "instance.userdata", "#!/bin/sh\necho hi");
    CT_STR_EQ(o, "instance.iaminstanceprofile", "app");
    CU_ASSERT_EQUAL(ct_len(o, "instance.securitygroups"), 1); /* sg-unknown skipped */
    CU_ASSERT_EQUAL(ct_bool(o, "instance.ebsblockdevices.0.encrypted"), 0);
    json_decref(o);
    /* template user data is redacted like instance user data */
    json_object_set_new(json_object_get(ver, "launchTemplateData"), "userData", json_string("IyEvYmluL3NoCmN1cmwgaHR0cHM6Ly9hZG1pbjpDYW5hcnlUZW1wbGF0ZS1wd0BkYi5pbnRlcm5hbC9pbml0Cg=="));
    o = col_ec2_map_template(&f.c, tpl, ver);
    CT_STR_EQ(o, "instance.userdata", "#!/bin/sh\ncurl [osprey-redacted:Password in URL]/init\n");
    json_decref(o);
    json_decref(t);
    json_decref(v);
    fx_free(&f);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_ec2_security_group_rules),
    OSP_TEST(test_ec2_instance_devices_profile_and_groups),
    OSP_TEST(test_ec2_moto_instance_groups_come_from_interfaces),
    OSP_TEST(test_ec2_vpcs_flow_logs_and_default_groups),
    OSP_TEST(test_ec2_nacls_subnets_volumes_ebs_default),
    OSP_TEST(test_ec2_launch_template_default_version),
    {0},
};

int main(void)
{
    return osp_test_run("collect_ec2", tests);
}
