/* test_rds_lambda.c: RDS and Lambda mapping on recorded responses (AWS-shaped, with the fields
 * moto never returns, and moto's own). */
#include "col_test.h"

#define INST "DescribeDBInstancesResponse.DescribeDBInstancesResult.DBInstances.DBInstance"
#define CLUS "DescribeDBClustersResponse.DescribeDBClustersResult.DBClusters.DBCluster"

static json_t *rds_state(const char *inst_fixture, const char *clus_fixture)
{
    json_t *s = json_object(), *in = ct_load(inst_fixture), *cl = ct_load(clus_fixture), *x;
    size_t i;
    AWS_ITEMS(aws_get(in, INST), i, x) col_push(col_arr(s, "instances"), col_rds_map_instance(x));
    AWS_ITEMS(aws_get(cl, CLUS), i, x) col_push(col_arr(s, "clusters"), col_rds_map_cluster(x));
    col_rds_join_members(s);
    json_decref(in);
    json_decref(cl);
    return s;
}

static void test_rds_instances_aws(void)
{
    json_t *s = rds_state("rds_instances_aws.xml", "rds_clusters_aws.xml");
    CU_ASSERT_EQUAL(ct_len(s, "instances"), 2); /* the neptune instance is not RDS's */
    CT_STR_EQ(s, "instances.0.dbinstanceidentifier", "pg-replica");
    CT_STR_EQ(s, "instances.0.engine", "postgres");
    CU_ASSERT_EQUAL(ct_bool(s, "instances.0.publicaccess"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "instances.0.deletionprotection"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "instances.0.iamauthenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "instances.0.autominorversionupgrade"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "instances.0.encryption.encryptstorage"), 1);
    CT_STR_EQ(s, "instances.0.encryption.kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/cmk-1");
    CU_ASSERT_EQUAL(ct_bool(s, "instances.0.performanceinsights.enabled"), 1);
    CT_STR_EQ(s, "instances.0.performanceinsights.kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/aws-rds");
    CU_ASSERT_EQUAL(ct_int(s, "instances.0.backupretentionperioddays"), 14);
    CT_STR_EQ(s, "instances.0.replicationsourcearn", "arn:aws:rds:us-west-2:111122223333:db:pg-main");
    CT_STR_EQ(s, "instances.0.readreplicadbinstanceidentifiers.0", "pg-replica-2");
    CU_ASSERT_EQUAL(ct_len(s, "instances.0.enabledcloudwatchlogsexports"), 2);
    CT_STR_EQ(s, "instances.0.dbparametergroups.0.dbparametergroupname", "pg16-custom");
    CT_STR_EQ(s, "instances.0.latestrestorabletime", "2026-12-01T10:20:30Z");
    CU_ASSERT_PTR_NULL(ct_at(s, "instances.0.clusteridentifier"));
    CT_STR_EQ(s, "instances.1.clusteridentifier", "aur-pg");
    CU_ASSERT_EQUAL(ct_len(s, "instances.1.readreplicadbinstanceidentifiers"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "instances.1.performanceinsights.enabled"), 0);
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "instances.0.__defsec_metadata.resource")),
                           "arn:aws:rds:us-east-1:111122223333:db:pg-replica");
    /* clusters: docdb left out, the Aurora member joined in */
    CU_ASSERT_EQUAL(ct_len(s, "clusters"), 1);
    CT_STR_EQ(s, "clusters.0.clusteridentifier", "aur-pg");
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.deletionprotection"), 1);
    CT_STR_EQ(s, "clusters.0.encryption.kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/aws-rds");
    CT_STR_EQ(s, "clusters.0.performanceinsights.kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/cmk-1");
    CT_STR_EQ(s, "clusters.0.replicationsourcearn", "arn:aws:rds:us-west-2:111122223333:cluster:aur-src");
    CT_STR_EQ(s, "clusters.0.availabilityzones.1", "us-east-1b");
    CU_ASSERT_EQUAL(ct_len(s, "clusters.0.instances"), 1);
    CT_STR_EQ(s, "clusters.0.instances.0.clusteridentifier", "aur-pg");
    CT_STR_EQ(s, "clusters.0.instances.0.instance.dbinstanceidentifier", "aur-pg-1");
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.instances.0.instance.publicaccess"), 1);
    json_decref(s);
}

static void test_rds_moto_shapes(void)
{
    json_t *s = rds_state("rds_instances_moto.xml", "rds_clusters_moto.xml");
    CU_ASSERT_EQUAL(ct_len(s, "instances"), 3);
    CU_ASSERT_EQUAL(ct_bool(s, "instances.0.publicaccess"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "instances.0.autominorversionupgrade"), 0);
    CU_ASSERT_PTR_NULL(ct_at(s, "instances.0.performanceinsights.enabled")); /* moto never returns it */
    CU_ASSERT_PTR_NOT_NULL(ct_at(s, "instances.0.performanceinsights"));
    CU_ASSERT_EQUAL(ct_len(s, "clusters.0.instances"), 1);
    CT_STR_EQ(s, "clusters.0.encryption.kmskeyid", "default_kms_key_id");
    json_decref(s);
}

static void test_rds_snapshots_and_attributes(void)
{
    json_t *db = ct_load("rds_snapshots_moto.xml"), *cs = ct_load("rds_cluster_snapshots_moto.xml");
    json_t *pub = ct_load("rds_snapshot_attrs_public_moto.xml"), *shared = ct_load("rds_snapshot_attrs_shared_aws.xml");
    json_t *cattr = ct_load("rds_cluster_snapshot_attrs_moto.xml");
    json_t *raw = aws_get(db, "DescribeDBSnapshotsResponse.DescribeDBSnapshotsResult.DBSnapshots.DBSnapshot");
    json_t *s = col_rds_map_snapshot(aws_items_at(raw, 0), 0);
    CT_STR_EQ(s, "dbsnapshotidentifier", "pub-snap");
    CU_ASSERT_EQUAL(ct_bool(s, "encrypted"), 0);
    CT_STR_EQ(s, "snapshottype", "manual");
    col_rds_map_snapshot_attrs(s, pub, 0);
    CT_STR_EQ(s, "snapshotattributes.0.attributename", "restore");
    CT_STR_EQ(s, "snapshotattributes.0.attributevalues.0", "all");
    json_decref(s);
    s = col_rds_map_snapshot(aws_items_at(raw, 0), 0);
    col_rds_map_snapshot_attrs(s, shared, 0);
    CU_ASSERT_EQUAL(ct_len(s, "snapshotattributes.0.attributevalues"), 2);
    CT_STR_EQ(s, "snapshotattributes.0.attributevalues.1", "777788889999");
    json_decref(s);
    raw = aws_get(cs, "DescribeDBClusterSnapshotsResponse.DescribeDBClusterSnapshotsResult.DBClusterSnapshots.DBClusterSnapshot");
    s = col_rds_map_snapshot(aws_items_at(raw, 0), 1);
    CT_STR_EQ(s, "dbclustersnapshotidentifier", "aur-snap");
    CU_ASSERT_EQUAL(ct_bool(s, "encrypted"), 1);
    col_rds_map_snapshot_attrs(s, cattr, 1);
    CT_STR_EQ(s, "snapshotattributes.0.attributename", "restore");
    CU_ASSERT_EQUAL(ct_len(s, "snapshotattributes.0.attributevalues"), 0);
    json_decref(s);
    /* AWS shape: the key moto never reports for DB snapshots; neptune's snapshot is not RDS's */
    json_t *aws = ct_load("rds_snapshots_aws.xml");
    raw = aws_get(aws, "DescribeDBSnapshotsResponse.DescribeDBSnapshotsResult.DBSnapshots.DBSnapshot");
    s = col_rds_map_snapshot(aws_items_at(raw, 0), 0);
    CT_STR_EQ(s, "kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/cmk-1");
    CU_ASSERT_EQUAL(ct_bool(s, "encrypted"), 1);
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "__defsec_metadata.resource")),
                           "arn:aws:rds:us-east-1:111122223333:snapshot:pg-before-upgrade");
    json_decref(s);
    CU_ASSERT_PTR_NULL(col_rds_map_snapshot(aws_items_at(raw, 1), 0));
    json_decref(aws);
    CU_ASSERT_EQUAL(col_rds_engine_is_rds("aurora-mysql"), 1);
    CU_ASSERT_EQUAL(col_rds_engine_is_rds("docdb"), 0);
    json_decref(db);
    json_decref(cs);
    json_decref(pub);
    json_decref(shared);
    json_decref(cattr);
}

static void test_lambda_functions_env_redacted(void)
{
    json_t *l = ct_load("lambda_functions_aws.json");
    json_t *f = col_lambda_map_function(ct_at(l, "Functions.0"));
    CT_STR_EQ(f, "name", "orders");
    CT_STR_EQ(f, "runtime", "nodejs20.x");
    CT_STR_EQ(f, "tracing.mode", "PassThrough");
    CU_ASSERT_EQUAL(ct_len(f, "environment.variables"), 3);
    CT_STR_EQ(f, "environment.variables.0.name", "API_PASSWORD"); /* sorted by name */
    CT_STR_EQ(f, "environment.variables.0.value", "[osprey-redacted:Password literal]");
    CT_STR_EQ(f, "environment.variables.1.name", "STRIPE_KEY");
    CT_STR_EQ(f, "environment.variables.1.value", "[osprey-redacted:Stripe Secret Key]");
    CT_STR_EQ(f, "environment.variables.2.name", "TABLE");
    CT_STR_EQ(f, "environment.variables.2.value", "[osprey-redacted]");
    char *txt = json_dumps(f, 0);
    CU_ASSERT_PTR_NULL(strstr(txt, "hunter2"));
    CU_ASSERT_PTR_NULL(strstr(txt, "sk_live_"));
    CU_ASSERT_PTR_NULL(strstr(txt, "orders-table-v2")); /* nor any other value */
    free(txt);
    CU_ASSERT_EQUAL(ct_len(f, "permissions"), 0);
    CU_ASSERT_EQUAL(ct_len(f, "functionurls"), 0);
    json_decref(f);
    f = col_lambda_map_function(ct_at(l, "Functions.1"));
    CT_STR_EQ(f, "tracing.mode", "Active");
    CU_ASSERT_EQUAL(ct_len(f, "environment.variables"), 0);
    json_decref(f);
    CU_ASSERT_PTR_NULL(col_lambda_map_function(ct_at(l, "Functions.2")));
    json_decref(l);
}

static void test_lambda_policy_every_operator_and_principal(void)
{
    json_t *l = ct_load("lambda_functions_aws.json"), *p = ct_load("lambda_policy_aws.json"), *u = ct_load("lambda_url_aws.json");
    json_t *f = col_lambda_map_function(ct_at(l, "Functions.0"));
    col_lambda_map_policy(f, p);
    CU_ASSERT_EQUAL(ct_len(f, "permissions"), 6);
    CT_STR_EQ(f, "permissions.0.principal", "s3.amazonaws.com");
    CT_STR_EQ(f, "permissions.0.sourcearn", "arn:aws:s3:::uploads"); /* ArnEquals, lower-case key */
    CT_STR_EQ(f, "permissions.1.principal", "events.amazonaws.com");
    CU_ASSERT_PTR_NULL(ct_at(f, "permissions.1.sourcearn"));
    CT_STR_EQ(f, "permissions.2.principal", "sns.amazonaws.com");
    CT_STR_EQ(f, "permissions.2.action", "lambda:InvokeFunction");
    CT_STR_EQ(f, "permissions.3.sourcearn", "111122223333"); /* SourceAccount counts, as in Trivy */
    CT_STR_EQ(f, "permissions.3.sourceaccount", "111122223333");
    CT_STR_EQ(f, "permissions.4.principal", "arn:aws:iam::444455556666:root");
    CT_STR_EQ(f, "permissions.5.principal", "*");
    CT_STR_EQ(f, "permissions.5.statementid", "public");
    CU_ASSERT_PTR_NOT_NULL(strstr(ct_str(f, "policy"), "\"Sid\":\"xacct\""));
    col_lambda_map_url(f, u);
    CT_STR_EQ(f, "functionurls.0.authtype", "AWS_IAM");
    json_decref(f);
    /* moto's answers */
    json_t *ml = ct_load("lambda_functions_moto.json"), *mp = ct_load("lambda_policy_moto.json"), *mu = ct_load("lambda_url_moto.json");
    f = col_lambda_map_function(ct_at(ml, "Functions.0"));
    col_lambda_map_policy(f, mp);
    col_lambda_map_url(f, mu);
    CT_STR_EQ(f, "permissions.0.sourcearn", "arn:aws:s3:::b"); /* ArnLike AWS:SourceArn */
    CU_ASSERT_PTR_NULL(ct_at(f, "permissions.1.sourcearn"));
    CT_STR_EQ(f, "functionurls.0.authtype", "NONE");
    col_lambda_map_policy(f, NULL); /* no policy: nothing changes */
    CU_ASSERT_EQUAL(ct_len(f, "permissions"), 2);
    json_decref(f);
    json_decref(ml);
    json_decref(mp);
    json_decref(mu);
    json_decref(l);
    json_decref(p);
    json_decref(u);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_rds_instances_aws),
    OSP_TEST(test_rds_moto_shapes),
    OSP_TEST(test_rds_snapshots_and_attributes),
    OSP_TEST(test_lambda_functions_env_redacted),
    OSP_TEST(test_lambda_policy_every_operator_and_principal),
    {0},
};

int main(void)
{
    return osp_test_run("collect_rds_lambda", tests);
}
