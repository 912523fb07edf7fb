/* test_data_services.c: DynamoDB (+DAX), EFS and Security Hub mapping from recorded JSON
 * responses, including fields moto never returns (UPDATING encryption, DISABLING DAX, ...). */
#include "col_test.h"

#define ARN_T "arn:aws:dynamodb:eu-west-1:111122223333:table/orders"

static void test_dynamodb_table_with_customer_key_and_pitr(void)
{
    json_t *d = ct_load("dynamodb_describe_table_cmk.json"), *b = ct_load("dynamodb_backups_on.json");
    json_t *t = col_ddb_table_new("orders", ARN_T);
    col_ddb_map_table(t, d);
    col_ddb_map_backups(t, b);
    CT_STR_EQ(t, "name", "orders");
    CT_STR_EQ(t, "arn", ARN_T);
    CU_ASSERT_EQUAL(ct_bool(t, "serversideencryption.enabled"), 1);
    CT_STR_EQ(t, "serversideencryption.kmskeyid", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    CT_STR_EQ(t, "serversideencryption.ssetype", "KMS");
    CU_ASSERT_EQUAL(ct_bool(t, "deletionprotection"), 1);
    CU_ASSERT_EQUAL(ct_bool(t, "pointintimerecovery"), 1);
    CT_STR_EQ(t, "status", "ACTIVE");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(t, "serversideencryption.__defsec_metadata.resource")), ARN_T);
    json_decref(t);
    json_decref(d);
    json_decref(b);
}

static void test_dynamodb_owned_key_and_pitr_off(void)
{
    json_t *d = ct_load("dynamodb_describe_table_owned.json"), *b = ct_load("dynamodb_backups_off.json");
    json_t *t = col_ddb_table_new("cache", "arn:aws:dynamodb:eu-west-1:111122223333:table/cache");
    col_ddb_map_table(t, d);
    col_ddb_map_backups(t, b);
    /* no SSEDescription (null, as moto says it): the AWS-owned key, never a KMS key of the account */
    CU_ASSERT_EQUAL(ct_bool(t, "serversideencryption.enabled"), 0);
    CU_ASSERT_PTR_NULL(ct_at(t, "serversideencryption.kmskeyid"));
    CU_ASSERT_EQUAL(ct_bool(t, "deletionprotection"), 0);
    CU_ASSERT_EQUAL(ct_bool(t, "pointintimerecovery"), 0);
    json_decref(t);
    /* ContinuousBackupsUnavailableException (absent answer): not enabled */
    t = col_ddb_table_new("x", "arn:x");
    col_ddb_map_backups(t, NULL);
    CU_ASSERT_EQUAL(ct_bool(t, "pointintimerecovery"), 0);
    json_decref(t);
    json_decref(d);
    json_decref(b);
}

static void test_dynamodb_key_change_in_progress_counts_as_kms(void)
{
    json_t *d = ct_load("dynamodb_describe_table_inaccessible.json");
    json_t *t = col_ddb_table_new("legacy", "arn:aws:dynamodb:eu-west-1:111122223333:table/legacy");
    col_ddb_map_table(t, d);
    CU_ASSERT_EQUAL(ct_bool(t, "serversideencryption.enabled"), 1);
    CT_STR_EQ(t, "serversideencryption.kmskeyid", "arn:aws:kms:eu-west-1:111122223333:key/aaaa");
    CT_STR_EQ(t, "status", "INACCESSIBLE_ENCRYPTION_CREDENTIALS");
    CU_ASSERT_PTR_NULL(ct_at(t, "deletionprotection"));
    CU_ASSERT_PTR_NULL(ct_at(t, "pointintimerecovery")); /* not read: absent, never a zero value */
    json_decref(t);
    json_decref(d);
}

static void test_dax_clusters(void)
{
    json_t *resp = ct_load("dax_clusters.json");
    json_t *c = col_ddb_map_dax(ct_at(resp, "Clusters.0"));
    CT_STR_EQ(c, "name", "sessions");
    CT_STR_EQ(c, "arn", "arn:aws:dax:eu-west-1:111122223333:cache/sessions");
    CU_ASSERT_EQUAL(ct_bool(c, "serversideencryption.enabled"), 1);
    CT_STR_EQ(c, "endpointencryption", "TLS");
    CU_ASSERT_PTR_NULL(ct_at(c, "pointintimerecovery")); /* DAX has none */
    CU_ASSERT_PTR_NULL(ct_at(c, "serversideencryption.kmskeyid"));
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(c, "__defsec_metadata.resource")),
                           "arn:aws:dax:eu-west-1:111122223333:cache/sessions");
    json_decref(c);
    c = col_ddb_map_dax(ct_at(resp, "Clusters.1")); /* no SSEDescription: created without encryption */
    CU_ASSERT_EQUAL(ct_bool(c, "serversideencryption.enabled"), 0);
    json_decref(c);
    c = col_ddb_map_dax(ct_at(resp, "Clusters.2"));
    CU_ASSERT_EQUAL(ct_bool(c, "serversideencryption.enabled"), 0);
    json_decref(c);
    json_decref(resp);
}

static void test_efs_file_systems_and_backup_policy(void)
{
    json_t *resp = ct_load("efs_filesystems.json"), *on = ct_load("efs_backup_enabled.json");
    json_t *off = ct_load("efs_backup_disabling.json");
    json_t *fs = col_efs_map_fs(ct_at(resp, "FileSystems.0"));
    CT_STR_EQ(fs, "id", "fs-0123456789abcdef0");
    CT_STR_EQ(fs, "arn", "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0123456789abcdef0");
    CT_STR_EQ(fs, "name", "shared-home");
    CU_ASSERT_EQUAL(ct_bool(fs, "encrypted"), 1);
    CT_STR_EQ(fs, "kmskeyid", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    CT_STR_EQ(fs, "lifecyclestate", "available");
    CU_ASSERT_PTR_NULL(ct_at(fs, "automaticbackups")); /* not read yet: absent */
    col_efs_map_backup(fs, on);
    CU_ASSERT_EQUAL(ct_bool(fs, "automaticbackups"), 1);
    CT_STR_EQ(fs, "backuppolicystatus", "ENABLED");
    json_decref(fs);
    fs = col_efs_map_fs(ct_at(resp, "FileSystems.1"));
    CU_ASSERT_EQUAL(ct_bool(fs, "encrypted"), 0);
    CU_ASSERT_PTR_NULL(ct_at(fs, "kmskeyid"));
    CU_ASSERT_PTR_NULL(ct_at(fs, "name")); /* "" is no name */
    col_efs_map_backup(fs, off);
    CU_ASSERT_EQUAL(ct_bool(fs, "automaticbackups"), 0);
    CT_STR_EQ(fs, "backuppolicystatus", "DISABLING");
    json_decref(fs);
    fs = col_efs_map_fs(ct_at(resp, "FileSystems.1"));
    col_efs_map_backup(fs, NULL); /* PolicyNotFound: never turned on */
    CU_ASSERT_EQUAL(ct_bool(fs, "automaticbackups"), 0);
    CU_ASSERT_PTR_NULL(ct_at(fs, "backuppolicystatus"));
    json_decref(fs);
    json_decref(resp);
    json_decref(on);
    json_decref(off);
}

#define HUB "arn:aws:securityhub:eu-west-1:111122223333:hub/default"

static void test_securityhub_enabled_with_standards(void)
{
    json_t *d = ct_load("securityhub_hub.json"), *st = ct_load("securityhub_standards.json");
    json_t *h = col_sh_map_hub(d, "arn:aws:securityhub:eu-west-1:111122223333:hub/default");
    CU_ASSERT_EQUAL(ct_bool(h, "enabled"), 1);
    CT_STR_EQ(h, "arn", HUB);
    CT_STR_EQ(h, "subscribedat", "2024-03-05T10:11:12Z");
    CU_ASSERT_EQUAL(ct_bool(h, "autoenablecontrols"), 0);
    CT_STR_EQ(h, "controlfindinggenerator", "STANDARD_CONTROL");
    CU_ASSERT_PTR_NULL(ct_at(h, "standards")); /* not read: unknown, not "none" */
    col_sh_map_standards(h, st);
    CU_ASSERT_EQUAL(ct_len(h, "standards"), 2);
    CT_STR_EQ(h, "standards.0.standardsarn", "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0");
    CT_STR_EQ(h, "standards.0.status", "READY");
    CT_STR_EQ(h, "standards.1.status", "INCOMPLETE");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(h, "standards.1.__defsec_metadata.resource")),
                           "arn:aws:securityhub:eu-west-1:111122223333:subscription/aws-foundational-security-best-practices/v/1.0.0");
    json_decref(h);
    json_decref(d);
    json_decref(st);
}

static void test_securityhub_not_subscribed_is_a_state(void)
{
    json_t *h = col_sh_map_hub(NULL, HUB); /* InvalidAccessException: not subscribed */
    CU_ASSERT_EQUAL(ct_bool(h, "enabled"), 0);
    CT_STR_EQ(h, "arn", HUB);
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(h, "__defsec_metadata.resource")), HUB);
    CU_ASSERT_PTR_NULL(ct_at(h, "subscribedat"));
    json_decref(h);
    json_t *empty = json_loads("{\"StandardsSubscriptions\": []}", 0, NULL), *nohub = json_object();
    h = col_sh_map_hub(nohub, HUB); /* an answer without HubArn is no hub */
    CU_ASSERT_EQUAL(ct_bool(h, "enabled"), 0);
    col_sh_map_standards(h, empty);
    CU_ASSERT_EQUAL(ct_len(h, "standards"), 0);
    json_decref(h);
    json_decref(empty);
    json_decref(nohub);
}

static void test_kinesis_streams(void)
{
    json_t *k = ct_load("kinesis_stream_kms.json"), *n = ct_load("kinesis_stream_none.json");
    json_t *s = col_kinesis_map_stream(k);
    CT_STR_EQ(s, "name", "clicks");
    CT_STR_EQ(s, "arn", "arn:aws:kinesis:eu-west-1:111122223333:stream/clicks");
    CT_STR_EQ(s, "status", "UPDATING");
    CT_STR_EQ(s, "encryption.type", "KMS");
    CT_STR_EQ(s, "encryption.kmskeyid", "arn:aws:kms:eu-west-1:111122223333:alias/streams");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "encryption.__defsec_metadata.resource")),
                           "arn:aws:kinesis:eu-west-1:111122223333:stream/clicks");
    json_decref(s);
    s = col_kinesis_map_stream(n);
    CT_STR_EQ(s, "encryption.type", "NONE");
    CU_ASSERT_PTR_NULL(ct_at(s, "encryption.kmskeyid")); /* null: absent */
    json_decref(s);
    json_decref(k);
    json_decref(n);
}

static void test_athena_workgroups(void)
{
    json_t *k = ct_load("athena_workgroup_kms.json"), *p = ct_load("athena_workgroup_primary.json");
    json_t *w = col_athena_map_workgroup(k, "arn:aws:athena:eu-west-1:111122223333:workgroup/analysts");
    CT_STR_EQ(w, "name", "analysts");
    CT_STR_EQ(w, "arn", "arn:aws:athena:eu-west-1:111122223333:workgroup/analysts");
    CT_STR_EQ(w, "state", "ENABLED");
    CT_STR_EQ(w, "encryption.type", "SSE_KMS");
    CT_STR_EQ(w, "encryption.kmskey", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd");
    CU_ASSERT_EQUAL(ct_bool(w, "enforceconfiguration"), 1);
    json_decref(w);
    w = col_athena_map_workgroup(p, "arn:aws:athena:eu-west-1:111122223333:workgroup/primary");
    CT_STR_EQ(w, "state", "DISABLED");
    CU_ASSERT_PTR_NULL(ct_at(w, "encryption.type")); /* no encryption configured: absent */
    CU_ASSERT_PTR_NOT_NULL(ct_at(w, "encryption.__defsec_metadata"));
    CU_ASSERT_EQUAL(ct_bool(w, "enforceconfiguration"), 0);
    json_decref(w);
    json_decref(k);
    json_decref(p);
}

static void test_secrets_manager_secrets(void)
{
    json_t *l = ct_load("secretsmanager_list.json");
    json_t *s = col_ssm_map_secret(ct_at(l, "SecretList.0"));
    CT_STR_EQ(s, "name", "prod/db");
    CT_STR_EQ(s, "arn", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf");
    CT_STR_EQ(s, "kmskeyid", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd");
    CU_ASSERT_EQUAL(ct_bool(s, "rotationenabled"), 1);
    CT_STR_EQ(s, "lastrotateddate", "2023-11-14T22:13:20Z");
    CT_STR_EQ(s, "lastaccesseddate", "2023-11-15T00:00:00Z");
    CU_ASSERT_PTR_NULL(ct_at(s, "description")); /* free text is not kept */
    json_decref(s);
    s = col_ssm_map_secret(ct_at(l, "SecretList.1"));
    CU_ASSERT_PTR_NULL(ct_at(s, "kmskeyid")); /* the default key aws/secretsmanager */
    CU_ASSERT_EQUAL(ct_bool(s, "rotationenabled"), 0);
    CT_STR_EQ(s, "owningservice", "rds");
    json_decref(s);
    json_decref(l);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_dynamodb_table_with_customer_key_and_pitr),
    OSP_TEST(test_dynamodb_owned_key_and_pitr_off),
    OSP_TEST(test_dynamodb_key_change_in_progress_counts_as_kms),
    OSP_TEST(test_dax_clusters),
    OSP_TEST(test_efs_file_systems_and_backup_policy),
    OSP_TEST(test_securityhub_enabled_with_standards),
    OSP_TEST(test_securityhub_not_subscribed_is_a_state),
    OSP_TEST(test_kinesis_streams),
    OSP_TEST(test_athena_workgroups),
    OSP_TEST(test_secrets_manager_secrets),
    {0},
};

int main(void)
{
    return osp_test_run("collect_data_services", tests);
}
