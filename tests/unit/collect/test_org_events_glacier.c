/* test_org_events_glacier.c: recorded AWS-shaped answers of Organizations (DescribeOrganization,
 * ListAccounts, ListPolicies, ListDelegatedAdministrators), EventBridge DescribeEventBus, Glacier
 * ListVaults / GetVaultAccessPolicy and Secrets Manager GetResourcePolicy, with the fields moto
 * never returns (KmsKeyIdentifier, DelegationEnabledDate, a pretty-printed secret policy). */
#include "col_test.h"

static void test_organization_management_and_member(void)
{
    json_t *d = ct_load("org_describe_aws.json");
    json_t *o = col_org_map_organization(d, "111111111111");
    CU_ASSERT_EQUAL(ct_bool(o, "inuse"), 1);
    CT_STR_EQ(o, "id", "o-exampleorgid");
    CT_STR_EQ(o, "arn", "arn:aws:organizations::111111111111:organization/o-exampleorgid");
    CT_STR_EQ(o, "featureset", "ALL");
    CT_STR_EQ(o, "managementaccountid", "111111111111");
    CU_ASSERT_EQUAL(ct_bool(o, "ismanagementaccount"), 1);
    json_decref(o);
    o = col_org_map_organization(d, "222222222222");
    CU_ASSERT_EQUAL(ct_bool(o, "ismanagementaccount"), 0);
    json_decref(o);
    o = col_org_map_organization(NULL, "222222222222"); /* AWSOrganizationsNotInUseException */
    CU_ASSERT_EQUAL(ct_bool(o, "inuse"), 0);
    CU_ASSERT_PTR_NULL(ct_at(o, "id"));
    json_decref(o);
    json_decref(d);
}

static void test_organization_lists(void)
{
    json_t *s = json_object(), *l, *e;
    size_t i;
    l = ct_load("org_accounts_aws.json");
    AWS_ITEMS(json_object_get(l, "Accounts"), i, e) col_push(col_arr(s, "accounts"), col_org_map_account(e));
    json_decref(l);
    CU_ASSERT_EQUAL(ct_len(s, "accounts"), 2); /* the entry without an ARN is dropped */
    CT_STR_EQ(s, "accounts.0.id", "111111111111");
    CT_STR_EQ(s, "accounts.0.joinedmethod", "INVITED");
    CT_STR_EQ(s, "accounts.0.joinedtimestamp", "2016-12-15T19:30:15Z");
    CT_STR_EQ(s, "accounts.1.status", "SUSPENDED");
    CU_ASSERT_PTR_NULL(ct_at(s, "accounts.0.email")); /* personal data no check reads */
    l = ct_load("org_policies_aws.json");
    AWS_ITEMS(json_object_get(l, "Policies"), i, e) col_push(col_arr(s, "policies"), col_org_map_policy(e));
    json_decref(l);
    CU_ASSERT_EQUAL(ct_len(s, "policies"), 2);
    CT_STR_EQ(s, "policies.0.name", "FullAWSAccess");
    CU_ASSERT_EQUAL(ct_bool(s, "policies.0.awsmanaged"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "policies.1.awsmanaged"), 0);
    CT_STR_EQ(s, "policies.1.type", "SERVICE_CONTROL_POLICY");
    l = ct_load("org_delegated_aws.json");
    AWS_ITEMS(json_object_get(l, "DelegatedAdministrators"), i, e)
        col_push(col_arr(s, "delegatedadministrators"), col_org_map_delegated(e));
    json_decref(l);
    CU_ASSERT_EQUAL(ct_len(s, "delegatedadministrators"), 1);
    CT_STR_EQ(s, "delegatedadministrators.0.name", "Security");
    CT_STR_EQ(s, "delegatedadministrators.0.status", "ACTIVE");
    CT_STR_EQ(s, "delegatedadministrators.0.delegationenableddate", "2023-11-14T23:13:20Z");
    json_decref(s);
}

static void test_event_bus(void)
{
    json_t *d = ct_load("events_describe_bus_aws.json");
    json_t *b = col_eventbridge_map_bus(d);
    CT_STR_EQ(b, "arn", "arn:aws:events:eu-west-1:111122223333:event-bus/partners");
    CT_STR_EQ(b, "name", "partners");
    CT_STR_EQ(b, "kmskeyidentifier", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    const char *pol = ct_str(b, "policy");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pol);
    CU_ASSERT_PTR_NOT_NULL(strstr(pol, "\"Principal\":\"*\""));
    json_decref(b);
    json_object_del(d, "Policy");
    b = col_eventbridge_map_bus(d);
    CU_ASSERT_PTR_NULL(ct_at(b, "policy")); /* no policy: absent, never "" */
    json_decref(b);
    json_object_del(d, "Arn");
    CU_ASSERT_PTR_NULL(col_eventbridge_map_bus(d));
    json_decref(d);
}

static void test_glacier_vaults_and_policy(void)
{
    json_t *l = ct_load("glacier_vaults_aws.json"), *p = ct_load("glacier_policy_aws.json");
    json_t *v = col_glacier_map_vault(json_array_get(json_object_get(l, "VaultList"), 0));
    CT_STR_EQ(v, "arn", "arn:aws:glacier:eu-west-1:111122223333:vaults/backups");
    CT_STR_EQ(v, "name", "backups");
    CU_ASSERT_PTR_NULL(ct_at(v, "policy"));
    col_glacier_map_policy(v, p);
    const char *pol = ct_str(v, "policy");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pol);
    CU_ASSERT_PTR_NOT_NULL(strstr(pol, "arn:aws:iam::444455556666:root"));
    json_decref(v);
    CU_ASSERT_PTR_NULL(col_glacier_map_vault(json_array_get(json_object_get(l, "VaultList"), 1)));
    col_glacier_map_policy(NULL, p); /* no vault: nothing, no crash */
    json_decref(l);
    json_decref(p);
}

static void test_secret_policy(void)
{
    json_t *item = json_pack("{s:s,s:s}", "ARN", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf", "Name", "db");
    json_t *sec = col_ssm_map_secret(item);
    json_decref(item);
    json_t *p = ct_load("secrets_policy_aws.json"), *none = ct_load("secrets_policy_none.json");
    col_ssm_map_policy(sec, none);
    CU_ASSERT_PTR_NULL(ct_at(sec, "policy"));
    col_ssm_map_policy(sec, p);
    /* the pretty-printed document is stored compact, so checks see one form */
    const char *pol = ct_str(sec, "policy");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pol);
    CU_ASSERT_PTR_NULL(strchr(pol, '\n'));
    CU_ASSERT_PTR_NOT_NULL(strstr(pol, "\"Principal\":\"*\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(pol, "\"Action\":\"secretsmanager:GetSecretValue\""));
    json_decref(sec);
    json_decref(p);
    json_decref(none);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_organization_management_and_member),
    OSP_TEST(test_organization_lists),
    OSP_TEST(test_event_bus),
    OSP_TEST(test_glacier_vaults_and_policy),
    OSP_TEST(test_secret_policy),
    {0},
};

int main(void)
{
    return osp_test_run("collect_org_events_glacier", tests);
}
