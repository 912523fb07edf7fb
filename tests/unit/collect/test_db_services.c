/* test_db_services.c: the elasticsearch (OpenSearch API), documentdb / neptune (RDS API with an
 * engine filter) and emr mappers on recorded AWS-shaped responses, including what moto never
 * returns (VPCId, ServiceSoftwareOptions, a private primary DNS name, DocumentDB at all: moto
 * cannot create a docdb cluster). */
#include "col_test.h"

static void test_opensearch_domains_aws(void)
{
    json_t *l = ct_load("opensearch_domains_aws.json"), *s = json_object(), *d;
    size_t i;
    AWS_ITEMS(json_object_get(l, "DomainStatusList"), i, d) col_push(col_arr(s, "domains"), col_es_map_domain(d));
    CU_ASSERT_EQUAL(ct_len(s, "domains"), 2); /* the entry without an ARN is dropped */
    CT_STR_EQ(s, "domains.0.domainname", "logs");
    CT_STR_EQ(s, "domains.0.arn", "arn:aws:es:eu-west-1:111122223333:domain/logs");
    CT_STR_EQ(s, "domains.0.engineversion", "OpenSearch_2.13");
    CT_STR_EQ(s, "domains.0.vpcid", "vpc-0abc");
    CU_ASSERT_EQUAL(ct_len(s, "domains.0.subnetids"), 3);
    CU_ASSERT_EQUAL(ct_bool(s, "domains.0.atrestencryption.enabled"), 1);
    CT_STR_EQ(s, "domains.0.atrestencryption.kmskeyid", "arn:aws:kms:eu-west-1:111122223333:key/cmk-os");
    CU_ASSERT_EQUAL(ct_bool(s, "domains.0.transitencryption.enabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "domains.0.endpoint.enforcehttps"), 1);
    CT_STR_EQ(s, "domains.0.endpoint.tlspolicy", "Policy-Min-TLS-1-2-PFS-2023-10");
    CU_ASSERT_EQUAL(ct_bool(s, "domains.0.logpublishing.auditenabled"), 1);
    CT_STR_EQ(s, "domains.0.logpublishing.cloudwatchloggrouparn", "arn:aws:logs:eu-west-1:111122223333:log-group:/os/audit");
    CU_ASSERT_EQUAL(ct_bool(s, "domains.0.logpublishing.errorenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "domains.0.dedicatedmasterenabled"), 1);
    CU_ASSERT_EQUAL(ct_int(s, "domains.0.clusterconfig.instancecount"), 3);
    CU_ASSERT_EQUAL(ct_int(s, "domains.0.clusterconfig.dedicatedmastercount"), 3);
    CU_ASSERT_EQUAL(ct_bool(s, "domains.0.clusterconfig.zoneawarenessenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "domains.0.advancedsecurity.enabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "domains.0.servicesoftwareoptions.updateavailable"), 0);
    CT_STR_EQ(s, "domains.0.servicesoftwareoptions.updatestatus", "COMPLETED");
    CU_ASSERT_PTR_NOT_NULL(strstr(ct_str(s, "domains.0.accesspolicies"), "\"es:ESHttp*\""));
    /* the public Elasticsearch domain: no VPC, nothing on, an update waiting, no log options at all */
    CT_STR_EQ(s, "domains.1.engineversion", "Elasticsearch_6.8");
    CU_ASSERT_PTR_NULL(ct_at(s, "domains.1.vpcid"));
    CU_ASSERT_PTR_NULL(ct_at(s, "domains.1.subnetids"));
    CU_ASSERT_EQUAL(ct_bool(s, "domains.1.atrestencryption.enabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "domains.1.endpoint.enforcehttps"), 0);
    CT_STR_EQ(s, "domains.1.endpoint.tlspolicy", "Policy-Min-TLS-1-0-2019-07");
    CU_ASSERT_EQUAL(ct_bool(s, "domains.1.logpublishing.auditenabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "domains.1.logpublishing.errorenabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "domains.1.advancedsecurity.enabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "domains.1.servicesoftwareoptions.updateavailable"), 1);
    CT_STR_EQ(s, "domains.1.servicesoftwareoptions.newversion", "R20240520-P2");
    json_decref(s);
    json_decref(l);
}

static void test_documentdb_clusters_instances_snapshots_aws(void)
{
    json_t *cl = ct_load("docdb_clusters_aws.xml"), *in = ct_load("docdb_instances_aws.xml");
    json_t *sn = ct_load("docdb_cluster_snapshots_aws.xml"), *pub = ct_load("docdb_snapshot_attrs_public.xml");
    json_t *s = json_object(), *inst = json_array(), *x;
    size_t i;
    AWS_ITEMS(aws_get(cl, "DescribeDBClustersResponse.DescribeDBClustersResult.DBClusters.DBCluster"), i, x)
    col_push(col_arr(s, "clusters"), col_dbc_map_cluster(x, "docdb"));
    AWS_ITEMS(aws_get(in, "DescribeDBInstancesResponse.DescribeDBInstancesResult.DBInstances.DBInstance"), i, x)
    col_push(inst, col_dbc_map_instance(x, "docdb"));
    col_dbc_join_instances(json_object_get(s, "clusters"), inst);
    CU_ASSERT_EQUAL(ct_len(s, "clusters"), 3); /* the Aurora cluster an unfiltered answer would carry is not DocumentDB */
    CT_STR_EQ(s, "clusters.0.identifier", "docs-bad");
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.storageencrypted"), 0);
    CU_ASSERT_PTR_NULL(ct_at(s, "clusters.0.kmskeyid"));
    CU_ASSERT_EQUAL(ct_len(s, "clusters.0.enabledlogexports"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.logging.audit"), 0);
    CU_ASSERT_EQUAL(ct_int(s, "clusters.0.backupretentionperiod"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.deletionprotection"), 0);
    CU_ASSERT_EQUAL(ct_len(s, "clusters.0.instances"), 1);
    CT_STR_EQ(s, "clusters.0.instances.0.identifier", "docs-bad-1");
    CT_STR_EQ(s, "clusters.1.kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/aws-rds-key");
    CU_ASSERT_EQUAL(ct_len(s, "clusters.1.enabledlogexports"), 1); /* a single <member> */
    CT_STR_EQ(s, "clusters.1.enabledlogexports.0", "profiler");
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.1.logging.audit"), 0);
    CU_ASSERT_EQUAL(ct_len(s, "clusters.1.instances"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.2.logging.audit"), 1);
    CU_ASSERT_EQUAL(ct_len(s, "clusters.2.enabledlogexports"), 2);
    CU_ASSERT_EQUAL(ct_int(s, "clusters.2.backupretentionperiod"), 14);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.2.multiaz"), 1);
    CT_STR_EQ(s, "clusters.2.instances.0.kmskeyid", "arn:aws:kms:us-east-1:111122223333:key/cmk-docs");
    /* the same answer read as Neptune's: nothing is Neptune */
    AWS_ITEMS(aws_get(cl, "DescribeDBClustersResponse.DescribeDBClustersResult.DBClusters.DBCluster"), i, x)
    CU_ASSERT_PTR_NULL(col_dbc_map_cluster(x, "neptune"));

    json_t *snap = NULL;
    AWS_ITEMS(aws_get(sn, "DescribeDBClusterSnapshotsResponse.DescribeDBClusterSnapshotsResult.DBClusterSnapshots."
                          "DBClusterSnapshot"), i, x) if (i == 0) snap = col_dbc_map_snapshot(x, "docdb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(snap);
    col_rds_map_snapshot_attrs(snap, pub, 1);
    CT_STR_EQ(snap, "identifier", "docs-public");
    CT_STR_EQ(snap, "clusteridentifier", "docs-bad");
    CU_ASSERT_EQUAL(ct_bool(snap, "encrypted"), 0);
    CT_STR_EQ(snap, "snapshotattributes.0.attributename", "restore");
    CT_STR_EQ(snap, "snapshotattributes.0.attributevalues.0", "all");
    json_decref(snap);
    json_decref(inst);
    json_decref(s);
    json_decref(cl);
    json_decref(in);
    json_decref(sn);
    json_decref(pub);
}

static void test_emr_aws(void)
{
    json_t *c = ct_load("emr_cluster_aws.json"), *sc = ct_load("emr_security_configuration_aws.json");
    json_t *bpa = ct_load("emr_block_public_access_aws.json");
    json_t *o = col_emr_map_cluster(c);
    CU_ASSERT_PTR_NOT_NULL_FATAL(o);
    CT_STR_EQ(o, "arn", "arn:aws:elasticmapreduce:eu-west-1:111122223333:cluster/j-2AXXXXXXGAPLF");
    CT_STR_EQ(o, "id", "j-2AXXXXXXGAPLF");
    CT_STR_EQ(o, "state", "WAITING");
    CT_STR_EQ(o, "settings.name", "etl");
    CT_STR_EQ(o, "settings.releaselabel", "emr-7.1.0");
    CT_STR_EQ(o, "settings.servicerole", "EMR_DefaultRole");
    CT_STR_EQ(o, "securityconfiguration", "encrypted");
    CT_STR_EQ(o, "masterpublicdnsname", "ip-10-0-1-15.eu-west-1.compute.internal");
    CT_STR_EQ(o, "subnetid", "subnet-0priv");
    json_decref(o);
    const char *arn = "arn:aws:elasticmapreduce:eu-west-1:111122223333:security-configuration/encrypted";
    o = col_emr_map_security_configuration(sc, arn);
    CT_STR_EQ(o, "name", "encrypted");
    CT_STR_EQ(o, "arn", arn);
    CU_ASSERT_PTR_NOT_NULL(strstr(ct_str(o, "configuration"), "\"LocalDiskEncryptionConfiguration\""));
    json_decref(o);
    o = col_emr_map_block_public_access(bpa, "arn:bpa");
    CU_ASSERT_EQUAL(ct_bool(o, "blockpublicsecuritygrouprules"), 1);
    CU_ASSERT_EQUAL(ct_len(o, "permittedpublicsecuritygroupruleranges"), 2);
    CU_ASSERT_EQUAL(ct_int(o, "permittedpublicsecuritygroupruleranges.0.minrange"), 22);
    CU_ASSERT_EQUAL(ct_int(o, "permittedpublicsecuritygroupruleranges.1.minrange"), 8443);
    CU_ASSERT_PTR_NULL(ct_at(o, "permittedpublicsecuritygroupruleranges.1.maxrange"));
    json_decref(o);
    /* moto's answer for an account that never set it: {} -> the setting is unknown, not "off" */
    json_t *empty = json_loads("{\"BlockPublicAccessConfiguration\": {}, \"BlockPublicAccessConfigurationMetadata\": {}}",
                               0, NULL);
    o = col_emr_map_block_public_access(empty, "arn:bpa");
    CU_ASSERT_EQUAL(ct_bool(o, "blockpublicsecuritygrouprules"), -1);
    CU_ASSERT_EQUAL(ct_len(o, "permittedpublicsecuritygroupruleranges"), 0);
    json_decref(o);
    /* a cluster launched without a security configuration: the field is absent */
    json_t *bare = json_loads("{\"Cluster\": {\"ClusterArn\": \"arn:c\", \"Name\": \"x\", \"Status\": {\"State\": \"RUNNING\"}}}",
                              0, NULL);
    o = col_emr_map_cluster(bare);
    CU_ASSERT_PTR_NULL(ct_at(o, "securityconfiguration"));
    CT_STR_EQ(o, "state", "RUNNING");
    json_decref(o);
    CU_ASSERT_PTR_NULL(col_emr_map_cluster(json_object_get(bare, "Cluster"))); /* not the DescribeCluster answer */
    json_decref(bare);
    json_decref(empty);
    json_decref(c);
    json_decref(sc);
    json_decref(bpa);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_opensearch_domains_aws),
    OSP_TEST(test_documentdb_clusters_instances_snapshots_aws),
    OSP_TEST(test_emr_aws),
    {0},
};

int main(void)
{
    return osp_test_run("collect_db_services", tests);
}
