/* test_acct_services.c: the account-level collectors of issue 15 on recorded AWS responses, with the
 * fields moto never returns (Macie PAUSED, Inspector's per-type state and failedAccounts, backup Vault
 * Lock dates and access policies, WorkSpaces' encryption key, SageMaker's RootAccess/KMS/VPC settings,
 * secondary peering CIDR blocks and IPv6 blocks, route targets other than local). */
#include "col_test.h"

static void test_macie_session(void)
{
    json_t *resp = ct_load("macie_session_paused_aws.json");
    json_t *s = col_macie_map_session(resp, "arn:aws:macie2:eu-west-1:111122223333:session");
    CT_STR_EQ(s, "arn", "arn:aws:macie2:eu-west-1:111122223333:session");
    CT_STR_EQ(s, "status", "PAUSED");
    CU_ASSERT_EQUAL(ct_bool(s, "enabled"), 0);
    CT_STR_EQ(s, "findingpublishingfrequency", "SIX_HOURS");
    CT_STR_EQ(s, "createdat", "2024-05-01T10:00:00Z");
    CT_STR_EQ(s, "updatedat", "2026-01-02T03:04:05Z");
    json_decref(s);
    json_decref(resp);
    /* not enabled: no answer body */
    s = col_macie_map_session(NULL, "arn:aws:macie2:us-east-1:1:session");
    CT_STR_EQ(s, "status", "DISABLED");
    CU_ASSERT_EQUAL(ct_bool(s, "enabled"), 0);
    json_decref(s);
    resp = json_pack("{s:s}", "status", "ENABLED");
    s = col_macie_map_session(resp, "arn");
    CU_ASSERT_EQUAL(ct_bool(s, "enabled"), 1);
    json_decref(s);
    json_decref(resp);
    /* AWS's message for an account without Macie, and a real denial */
    CU_ASSERT_TRUE(col_macie_off_message("Macie is not enabled."));
    CU_ASSERT_FALSE(col_macie_off_message("User: arn:aws:iam::1:user/x is not authorized to perform: macie2:GetMacieSession"));
    CU_ASSERT_FALSE(col_macie_off_message(NULL));
}

static void test_inspector2_status(void)
{
    json_t *resp = ct_load("inspector2_status_aws.json");
    const char *arn = "arn:aws:inspector2:eu-west-1:111122223333:account";
    CU_ASSERT_PTR_NULL(col_inspector2_failed(resp, "111122223333"));
    json_t *a = col_inspector2_map_status(resp, "111122223333", arn);
    CT_STR_EQ(a, "arn", arn);
    CT_STR_EQ(a, "accountid", "111122223333");
    CT_STR_EQ(a, "status", "ENABLED");
    CT_STR_EQ(a, "ec2", "ENABLED");
    CT_STR_EQ(a, "ecr", "DISABLED");
    CT_STR_EQ(a, "lambda", "ENABLING");
    CT_STR_EQ(a, "lambdacode", "DISABLED");
    CU_ASSERT_PTR_NULL(ct_at(a, "coderepository")); /* not judged, not kept */
    json_decref(a);
    json_decref(resp);
    /* moto before Enable: no account entry at all: DISABLED everywhere */
    resp = json_pack("{s:[], s:[]}", "accounts", "failedAccounts");
    a = col_inspector2_map_status(resp, "111122223333", arn);
    CT_STR_EQ(a, "status", "DISABLED");
    CT_STR_EQ(a, "ec2", "DISABLED");
    CT_STR_EQ(a, "lambdacode", "DISABLED");
    json_decref(a);
    json_decref(resp);
    /* moto's older per-type shape */
    resp = json_loads("{\"accounts\": [{\"accountId\": \"1\", \"status\": \"ENABLED\", \"resourceStatus\": {\"ec2\": "
                      "\"ENABLED\", \"ecr\": \"DISABLED\"}}]}", 0, NULL);
    a = col_inspector2_map_status(resp, "1", arn);
    CT_STR_EQ(a, "status", "ENABLED");
    CT_STR_EQ(a, "ec2", "ENABLED");
    CT_STR_EQ(a, "ecr", "DISABLED");
    CU_ASSERT_PTR_NULL(ct_at(a, "lambda"));
    json_decref(a);
    json_decref(resp);
    resp = ct_load("inspector2_status_failed_aws.json");
    CU_ASSERT_STRING_EQUAL(col_inspector2_failed(resp, "111122223333"), "You do not have access to this account.");
    CU_ASSERT_PTR_NULL(col_inspector2_failed(resp, "999999999999"));
    json_decref(resp);
}

static void test_backup_vaults_and_plans(void)
{
    json_t *list = ct_load("backup_vaults_aws.json"), *pol = ct_load("backup_vault_policy_aws.json");
    json_t *v = col_backup_map_vault(ct_at(list, "BackupVaultList.0"));
    CT_STR_EQ(v, "arn", "arn:aws:backup:eu-west-1:111122223333:backup-vault:prod-locked");
    CT_STR_EQ(v, "name", "prod-locked");
    CT_STR_EQ(v, "vaulttype", "BACKUP_VAULT");
    CU_ASSERT_EQUAL(ct_bool(v, "locked"), 1);
    CU_ASSERT_EQUAL(ct_int(v, "minretentiondays"), 7);
    CU_ASSERT_EQUAL(ct_int(v, "maxretentiondays"), 365);
    CU_ASSERT_EQUAL(ct_int(v, "numberofrecoverypoints"), 42);
    CT_STR_EQ(v, "lockdate", "2024-06-01T10:00:00Z");
    CU_ASSERT_PTR_NULL(ct_at(v, "policy")); /* not read yet: unknown */
    col_backup_map_policy(v, pol);
    json_t *doc = json_loads(ct_str(v, "policy"), 0, NULL);
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(doc, "Statement.0.Principal")), "*");
    json_decref(doc);
    json_decref(v);
    v = col_backup_map_vault(ct_at(list, "BackupVaultList.1"));
    CU_ASSERT_EQUAL(ct_bool(v, "locked"), 0); /* Locked left out: never locked */
    CU_ASSERT_EQUAL(ct_int(v, "minretentiondays"), -1);
    col_backup_map_policy(v, NULL); /* ResourceNotFoundException: no policy */
    CT_STR_EQ(v, "policy", "");
    json_decref(v);
    CU_ASSERT_PTR_NULL(col_backup_map_vault(json_object_get(list, "NextToken")));
    json_decref(list);
    json_decref(pol);
    json_t *plans = ct_load("backup_plans_aws.json");
    json_t *p = col_backup_map_plan(ct_at(plans, "BackupPlansList.0"));
    CT_STR_EQ(p, "arn", "arn:aws:backup:eu-west-1:111122223333:backup-plan:8d6f9e2c-1111-2222-3333-444455556666");
    CT_STR_EQ(p, "name", "daily-35d");
    CT_STR_EQ(p, "id", "8d6f9e2c-1111-2222-3333-444455556666");
    CT_STR_EQ(p, "lastexecutiondate", "2025-12-08T00:00:00Z");
    json_decref(p);
    CU_ASSERT_PTR_NULL(col_backup_map_plan(ct_at(plans, "BackupPlansList.1")));
    json_decref(plans);
}

static void test_ssoadmin_instances(void)
{
    json_t *resp = ct_load("ssoadmin_instances_aws.json");
    json_t *i = col_ssoadmin_map_instance(ct_at(resp, "Instances.0"), "eu-central-1");
    CT_STR_EQ(i, "arn", "arn:aws:sso:::instance/ssoins-72230d1a2b3c4d5e");
    CT_STR_EQ(i, "name", "corp");
    CT_STR_EQ(i, "identitystoreid", "d-90670abcde");
    CT_STR_EQ(i, "owneraccountid", "111122223333");
    CT_STR_EQ(i, "status", "ACTIVE");
    CT_STR_EQ(i, "createddate", "2023-11-14T22:13:20Z");
    CT_STR_EQ(i, "region", "eu-central-1");
    json_decref(i);
    CU_ASSERT_PTR_NULL(col_ssoadmin_map_instance(ct_at(resp, "Instances.1"), "eu-central-1"));
    json_decref(resp);
}

static void test_workspaces_volume_encryption(void)
{
    json_t *resp = ct_load("workspaces_aws.json");
    json_t *w = col_workspaces_map(ct_at(resp, "Workspaces.0"), "aws", "us-east-1", "111122223333");
    CT_STR_EQ(w, "arn", "arn:aws:workspaces:us-east-1:111122223333:workspace/ws-encrypted1");
    CT_STR_EQ(w, "id", "ws-encrypted1");
    CT_STR_EQ(w, "username", "alice");
    CT_STR_EQ(w, "directoryid", "d-926722e0f0");
    CT_STR_EQ(w, "state", "AVAILABLE");
    CU_ASSERT_EQUAL(ct_bool(w, "rootvolume.encryption.enabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(w, "uservolume.encryption.enabled"), 1);
    CT_STR_EQ(w, "uservolume.encryption.kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/k-ws");
    json_decref(w);
    /* both flags left out (AWS and moto drop false): unencrypted, never absent */
    w = col_workspaces_map(ct_at(resp, "Workspaces.1"), "aws", "us-east-1", "111122223333");
    CU_ASSERT_EQUAL(ct_bool(w, "rootvolume.encryption.enabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(w, "uservolume.encryption.enabled"), 0);
    CU_ASSERT_PTR_NULL(ct_at(w, "rootvolume.encryption.kmskeyid"));
    json_decref(w);
    w = col_workspaces_map(ct_at(resp, "Workspaces.2"), "aws-cn", "cn-north-1", "111122223333");
    CT_STR_EQ(w, "arn", "arn:aws-cn:workspaces:cn-north-1:111122223333:workspace/ws-half3");
    CU_ASSERT_EQUAL(ct_bool(w, "rootvolume.encryption.enabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(w, "uservolume.encryption.enabled"), 1);
    CT_STR_EQ(w, "uservolume.encryption.kmskeyid", "alias/aws/workspaces");
    json_decref(w);
    CU_ASSERT_PTR_NULL(col_workspaces_map(ct_at(resp, "Workspaces.3"), "aws", "us-east-1", "1"));
    json_decref(resp);
}

static void test_sagemaker_notebook(void)
{
    json_t *resp = ct_load("sagemaker_notebook_aws.json");
    json_t *n = col_sagemaker_map_notebook(resp);
    CT_STR_EQ(n, "arn", "arn:aws:sagemaker:eu-central-1:111122223333:notebook-instance/research-1");
    CT_STR_EQ(n, "name", "research-1");
    CT_STR_EQ(n, "status", "InService");
    CU_ASSERT_EQUAL(ct_bool(n, "directinternetaccess"), 0);
    CU_ASSERT_EQUAL(ct_bool(n, "rootaccess"), 0);
    CT_STR_EQ(n, "kmskeyid", "arn:aws:kms:eu-central-1:111122223333:key/5e6f7a8b-0000-1111-2222-333344445555");
    CT_STR_EQ(n, "subnetid", "subnet-0a1b2c3d");
    CU_ASSERT_EQUAL(ct_len(n, "securitygroups"), 2);
    CT_STR_EQ(n, "securitygroups.1", "sg-0456");
    CT_STR_EQ(n, "platformidentifier", "notebook-al2-v2");
    json_decref(n);
    json_decref(resp);
    /* moto's defaults: RootAccess, KmsKeyId and SubnetId left out */
    resp = json_loads("{\"NotebookInstanceArn\": \"arn:aws:sagemaker:us-east-1:1:notebook-instance/nb1\","
                      " \"NotebookInstanceName\": \"nb1\", \"DirectInternetAccess\": \"Enabled\"}", 0, NULL);
    n = col_sagemaker_map_notebook(resp);
    CU_ASSERT_EQUAL(ct_bool(n, "directinternetaccess"), 1);
    CU_ASSERT_EQUAL(ct_bool(n, "rootaccess"), 1);
    CT_STR_EQ(n, "kmskeyid", "");
    CT_STR_EQ(n, "subnetid", "");
    CU_ASSERT_EQUAL(ct_len(n, "securitygroups"), 0);
    json_decref(n);
    json_decref(resp);
    CU_ASSERT_PTR_NULL(col_sagemaker_map_notebook(NULL));
}

static void test_iam_identity_providers(void)
{
    json_t *saml = ct_load("iam_saml_providers_aws.xml"), *oidc = ct_load("iam_oidc_providers_aws.xml");
    json_t *s = json_object();
    col_iam_map_providers(s, saml, oidc);
    CU_ASSERT_EQUAL(ct_len(s, "samlproviders"), 2);
    CT_STR_EQ(s, "samlproviders.0.arn", "arn:aws:iam::111122223333:saml-provider/Okta");
    CT_STR_EQ(s, "samlproviders.0.name", "Okta");
    CT_STR_EQ(s, "samlproviders.0.validuntil", "2032-05-09T16:27:11Z");
    CT_STR_EQ(s, "samlproviders.1.createdate", "2022-03-04T05:06:07Z");
    CU_ASSERT_EQUAL(ct_len(s, "oidcproviders"), 1);
    CT_STR_EQ(s, "oidcproviders.0.url", "token.actions.githubusercontent.com");
    json_decref(s);
    json_decref(saml);
    /* an empty list is [], a denied read (NULL) leaves the list out */
    saml = ct_load("iam_saml_providers_empty_aws.xml");
    s = json_object();
    col_iam_map_providers(s, saml, NULL);
    CU_ASSERT_EQUAL(ct_len(s, "samlproviders"), 0);
    CU_ASSERT_PTR_NULL(ct_at(s, "oidcproviders"));
    json_decref(s);
    json_decref(saml);
    json_decref(oidc);
}

static void test_ec2_route_tables_and_peering(void)
{
    struct col_ec2_ctx c = {"aws", "us-east-1", "111122223333", json_object(), json_object()};
    json_t *rt = ct_load("ec2_route_tables_aws.xml"), *pcx = ct_load("ec2_peering_aws.xml"), *s = json_object();
    col_ec2_map_route_tables(s, &c, aws_get(rt, "DescribeRouteTablesResponse.routeTableSet"));
    col_ec2_map_peerings(s, &c, aws_get(pcx, "DescribeVpcPeeringConnectionsResponse.vpcPeeringConnectionSet"));
    CU_ASSERT_EQUAL(ct_len(s, "routetables"), 1); /* the entry without an id is dropped */
    CT_STR_EQ(s, "routetables.0.arn", "arn:aws:ec2:us-east-1:111122223333:route-table/rtb-0a1");
    CT_STR_EQ(s, "routetables.0.vpcid", "vpc-a");
    CU_ASSERT_EQUAL(ct_len(s, "routetables.0.routes"), 5);
    CT_STR_EQ(s, "routetables.0.routes.0.gatewayid", "local");
    CT_STR_EQ(s, "routetables.0.routes.1.destinationcidrblock", "10.1.0.0/16");
    CT_STR_EQ(s, "routetables.0.routes.1.vpcpeeringconnectionid", "pcx-111");
    CT_STR_EQ(s, "routetables.0.routes.2.destinationipv6cidrblock", "::/0");
    CU_ASSERT_PTR_NULL(ct_at(s, "routetables.0.routes.2.destinationcidrblock"));
    CT_STR_EQ(s, "routetables.0.routes.3.destinationprefixlistid", "pl-63a5400a");
    CT_STR_EQ(s, "routetables.0.routes.4.transitgatewayid", "tgw-1");
    CT_STR_EQ(s, "routetables.0.routes.4.state", "blackhole");
    CU_ASSERT_EQUAL(ct_len(s, "routetables.0.associations"), 2);
    CU_ASSERT_EQUAL(ct_bool(s, "routetables.0.associations.0.main"), 1);
    CT_STR_EQ(s, "routetables.0.associations.1.subnetid", "subnet-5");
    CU_ASSERT_EQUAL(ct_len(s, "vpcpeeringconnections"), 2);
    CT_STR_EQ(s, "vpcpeeringconnections.0.arn", "arn:aws:ec2:us-east-1:111122223333:vpc-peering-connection/pcx-111");
    CT_STR_EQ(s, "vpcpeeringconnections.0.status", "active");
    CT_STR_EQ(s, "vpcpeeringconnections.0.requestervpc.vpcid", "vpc-a");
    CT_STR_EQ(s, "vpcpeeringconnections.0.acceptervpc.ownerid", "444455556666");
    CT_STR_EQ(s, "vpcpeeringconnections.0.acceptervpc.region", "us-west-2");
    CU_ASSERT_EQUAL(ct_len(s, "vpcpeeringconnections.0.acceptervpc.cidrblocks"), 3);
    CT_STR_EQ(s, "vpcpeeringconnections.0.acceptervpc.cidrblocks.1", "10.2.0.0/16");
    CT_STR_EQ(s, "vpcpeeringconnections.0.acceptervpc.cidrblocks.2", "2600:1f18:abcd:1200::/56");
    /* no CidrBlockSet: the primary block alone; no block at all: [] */
    CU_ASSERT_EQUAL(ct_len(s, "vpcpeeringconnections.1.requestervpc.cidrblocks"), 1);
    CU_ASSERT_EQUAL(ct_len(s, "vpcpeeringconnections.1.acceptervpc.cidrblocks"), 0);
    CT_STR_EQ(s, "vpcpeeringconnections.1.status", "deleted");
    json_decref(s);
    json_decref(rt);
    json_decref(pcx);
    json_decref(c.sgs);
    json_decref(c.volumes);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_macie_session),
    OSP_TEST(test_inspector2_status),
    OSP_TEST(test_backup_vaults_and_plans),
    OSP_TEST(test_ssoadmin_instances),
    OSP_TEST(test_workspaces_volume_encryption),
    OSP_TEST(test_sagemaker_notebook),
    OSP_TEST(test_iam_identity_providers),
    OSP_TEST(test_ec2_route_tables_and_peering),
    {0},
};

int main(void)
{
    return osp_test_run("collect_acct_services", tests);
}
