/* test_cache_services.c: elasticache, redshift, msk and mq mappers on recorded AWS-shaped responses,
 * including what moto 5.2.1 never returns: cache cluster AutoMinorVersionUpgrade / encryption flags /
 * subnet group, serverless caches (moto answers 500), Redshift logging destinations and a custom
 * require_ssl, a cluster still being created (no Endpoint), MSK public access and client
 * authentication, a RabbitMQ broker (no audit log) with a customer key. */
#include "col_test.h"

#define EC_RESULT(a, k) a "Response." a "Result." k

static json_t *map_list(json_t *body, const char *path, const char *elem, json_t *(*map)(json_t *))
{
    json_t *out = json_array(), *list = aws_get(body, path), *x;
    if (json_is_object(list) && json_object_get(list, elem))
        list = json_object_get(list, elem);
    size_t i;
    COL_ITEMS(list, i, x) col_push(out, map(x));
    return out;
}

static void test_elasticache_clusters_groups_serverless(void)
{
    json_t *cl = ct_load("elasticache_clusters_aws.xml"), *rg = ct_load("elasticache_groups_aws.xml"),
           *sl = ct_load("elasticache_serverless_aws.xml"), *s = json_object();
    CU_ASSERT_PTR_NOT_NULL_FATAL(cl);
    col_set(s, "clusters", map_list(cl, EC_RESULT("DescribeCacheClusters", "CacheClusters"), "CacheCluster", col_ec_map_cluster));
    col_set(s, "replicationgroups", map_list(rg, EC_RESULT("DescribeReplicationGroups", "ReplicationGroups"),
                                             "ReplicationGroup", col_ec_map_replication_group));
    col_set(s, "serverlesscaches", map_list(sl, EC_RESULT("DescribeServerlessCaches", "ServerlessCaches"), "member",
                                            col_ec_map_serverless));
    CU_ASSERT_EQUAL(ct_len(s, "clusters"), 2); /* the entry without an ARN is dropped */
    CT_STR_EQ(s, "clusters.0.arn", "arn:aws:elasticache:eu-west-1:111122223333:cluster:orders-001");
    CT_STR_EQ(s, "clusters.0.engine", "valkey");
    CT_STR_EQ(s, "clusters.0.engineversion", "7.2.6");
    CT_STR_EQ(s, "clusters.0.nodetype", "cache.r7g.large");
    CU_ASSERT_EQUAL(ct_int(s, "clusters.0.snapshotretentionlimit"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.autominorversionupgrade"), 0);
    CT_STR_EQ(s, "clusters.0.replicationgroupid", "orders");
    CT_STR_EQ(s, "clusters.0.cachesubnetgroupname", "default");
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.atrestencryptionenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.transitencryptionenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.authtokenenabled"), 0);
    CT_STR_EQ(s, "clusters.1.engine", "memcached");
    CU_ASSERT_EQUAL(ct_int(s, "clusters.1.snapshotretentionlimit"), -1); /* not returned: absent, not 0 */
    CU_ASSERT_PTR_NULL(ct_at(s, "clusters.1.replicationgroupid"));
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "clusters.1.__defsec_metadata.resource")),
                           "arn:aws:elasticache:eu-west-1:111122223333:cluster:sessions");

    CU_ASSERT_EQUAL(ct_len(s, "replicationgroups"), 1);
    CT_STR_EQ(s, "replicationgroups.0.replicationgroupid", "orders");
    CT_STR_EQ(s, "replicationgroups.0.engine", "valkey");
    CU_ASSERT_EQUAL(ct_bool(s, "replicationgroups.0.atrestencryptionenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "replicationgroups.0.transitencryptionenabled"), 1);
    CT_STR_EQ(s, "replicationgroups.0.transitencryptionmode", "required");
    CT_STR_EQ(s, "replicationgroups.0.automaticfailover", "enabled");
    CT_STR_EQ(s, "replicationgroups.0.multiaz", "enabled");
    CT_STR_EQ(s, "replicationgroups.0.kmskeyid", "arn:aws:kms:eu-west-1:111122223333:key/0f0e0d0c-1111-2222-3333-444455556666");
    CU_ASSERT_EQUAL(ct_bool(s, "replicationgroups.0.authtokenenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "replicationgroups.0.autominorversionupgrade"), 1);
    CU_ASSERT_EQUAL(ct_int(s, "replicationgroups.0.snapshotretentionlimit"), 7);
    CU_ASSERT_EQUAL(ct_len(s, "replicationgroups.0.memberclusters"), 2);
    CT_STR_EQ(s, "replicationgroups.0.memberclusters.1", "orders-002");

    CU_ASSERT_EQUAL(ct_len(s, "serverlesscaches"), 1);
    CT_STR_EQ(s, "serverlesscaches.0.name", "carts");
    CT_STR_EQ(s, "serverlesscaches.0.engine", "valkey");
    CT_STR_EQ(s, "serverlesscaches.0.majorengineversion", "8");
    CU_ASSERT_EQUAL(ct_int(s, "serverlesscaches.0.snapshotretentionlimit"), 0);
    CU_ASSERT_PTR_NULL(ct_at(s, "serverlesscaches.0.kmskeyid"));
    json_decref(s);
    json_decref(cl);
    json_decref(rg);
    json_decref(sl);
}

static json_t *rs_map(json_t *c)
{
    return col_redshift_map_cluster(c, "aws", "eu-west-1", "111122223333");
}

static void test_redshift_clusters_logging_parameters(void)
{
    json_t *cl = ct_load("redshift_clusters_aws.xml"), *lg = ct_load("redshift_logging_aws.xml"),
           *pr = ct_load("redshift_parameters_aws.xml"), *s = json_object();
    CU_ASSERT_PTR_NOT_NULL_FATAL(cl);
    json_t *clusters = map_list(cl, "DescribeClustersResponse.DescribeClustersResult.Clusters", "Cluster", rs_map);
    col_set(s, "clusters", clusters);
    CU_ASSERT_EQUAL(ct_len(s, "clusters"), 2);
    CT_STR_EQ(s, "clusters.0.arn", "arn:aws:redshift:eu-west-1:111122223333:cluster:analytics");
    CT_STR_EQ(s, "clusters.0.clusteridentifier", "analytics");
    CT_STR_EQ(s, "clusters.0.masterusername", "awsuser");
    CT_STR_EQ(s, "clusters.0.dbname", "dev");
    CT_STR_EQ(s, "clusters.0.vpcid", "vpc-0a1b2c3d");
    CT_STR_EQ(s, "clusters.0.subnetgroupname", "private");
    CU_ASSERT_EQUAL(ct_int(s, "clusters.0.numberofnodes"), 2);
    CU_ASSERT_EQUAL(ct_int(s, "clusters.0.automatedsnapshotretentionperiod"), 1); /* not the manual -1 */
    CU_ASSERT_EQUAL(ct_int(s, "clusters.0.manualsnapshotretentionperiod"), -1);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.publiclyaccessible"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.allowversionupgrade"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.enhancedvpcrouting"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.encryption.enabled"), 1);
    CT_STR_EQ(s, "clusters.0.encryption.kmskeyid", "arn:aws:kms:eu-west-1:111122223333:key/aws-redshift-key");
    CU_ASSERT_EQUAL(ct_int(s, "clusters.0.endpoint.port"), 5439);
    CU_ASSERT_EQUAL(ct_len(s, "clusters.0.parametergroupnames"), 1);
    CT_STR_EQ(s, "clusters.0.parametergroupnames.0", "ssl-only");
    /* still being created: no Endpoint, so no endpoint block (Trivy's adapter dereferences it) */
    CU_ASSERT_PTR_NULL(ct_at(s, "clusters.1.endpoint"));
    CU_ASSERT_EQUAL(ct_len(s, "clusters.1.parametergroupnames"), 2);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.1.encryption.enabled"), 0);
    CU_ASSERT_PTR_NULL(ct_at(s, "clusters.1.encryption.kmskeyid"));

    col_redshift_map_logging(json_array_get(clusters, 0), lg);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.loggingenabled"), 1);
    CT_STR_EQ(s, "clusters.0.logdestinationtype", "cloudwatch");
    CU_ASSERT_PTR_NULL(ct_at(s, "clusters.0.loggingbucketname"));
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.1.loggingenabled"), -1); /* not read: absent */

    json_t *params = col_arr(s, "clusterparameters");
    col_redshift_map_parameters(params, "ssl-only", pr, "aws", "eu-west-1", "111122223333");
    CU_ASSERT_EQUAL(ct_len(s, "clusterparameters"), 2); /* the entry without a name is dropped */
    CT_STR_EQ(s, "clusterparameters.1.parametergroupname", "ssl-only");
    CT_STR_EQ(s, "clusterparameters.1.parametername", "require_ssl");
    CT_STR_EQ(s, "clusterparameters.1.parametervalue", "true");
    CT_STR_EQ(s, "clusterparameters.1.source", "user");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "clusterparameters.0.__defsec_metadata.resource")),
                           "arn:aws:redshift:eu-west-1:111122223333:parametergroup:ssl-only");
    json_decref(s);
    json_decref(cl);
    json_decref(lg);
    json_decref(pr);
}

static void test_msk_provisioned_and_serverless(void)
{
    json_t *l = ct_load("msk_list_aws.json"), *s = json_object(), *c;
    size_t i;
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    AWS_ITEMS(json_object_get(l, "clusterInfoList"), i, c) col_push(col_arr(s, "clusters"), col_msk_map_cluster(c));
    CU_ASSERT_EQUAL(ct_len(s, "clusters"), 2);
    CT_STR_EQ(s, "clusters.0.name", "events");
    CT_STR_EQ(s, "clusters.0.clustertype", "PROVISIONED");
    CT_STR_EQ(s, "clusters.0.encryptionintransit.clientbroker", "TLS_PLAINTEXT");
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.encryptionintransit.incluster"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.encryptionatrest.enabled"), 1);
    CT_STR_EQ(s, "clusters.0.encryptionatrest.kmskeyarn", "arn:aws:kms:eu-west-1:111122223333:key/msk-key");
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.logging.broker.cloudwatch.enabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.logging.broker.firehose.enabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.logging.broker.s3.enabled"), 0);
    CT_STR_EQ(s, "clusters.0.publicaccess", "SERVICE_PROVIDED_EIPS");
    CT_STR_EQ(s, "clusters.0.enhancedmonitoring", "PER_BROKER");
    CT_STR_EQ(s, "clusters.0.kafkaversion", "3.6.0");
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.clientauthentication.unauthenticated"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.clientauthentication.iam"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.clientauthentication.scram"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.0.clientauthentication.tls"), 0);
    CT_STR_EQ(s, "clusters.1.clustertype", "SERVERLESS");
    CT_STR_EQ(s, "clusters.1.encryptionintransit.clientbroker", "TLS");
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.1.encryptionatrest.enabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "clusters.1.clientauthentication.iam"), 1);
    CU_ASSERT_PTR_NULL(ct_at(s, "clusters.1.logging"));
    CU_ASSERT_PTR_NULL(ct_at(s, "clusters.1.publicaccess"));
    json_decref(s);
    json_decref(l);
}

static void test_mq_rabbitmq_broker(void)
{
    json_t *d = ct_load("mq_describe_rabbit_aws.json"), *s = json_object();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    col_push(col_arr(s, "brokers"), col_mq_map_broker(d));
    CT_STR_EQ(s, "brokers.0.arn", "arn:aws:mq:eu-west-1:111122223333:broker:orders:b-1234abcd-56ef-78ab-90cd-ef1234567890");
    CT_STR_EQ(s, "brokers.0.id", "b-1234abcd-56ef-78ab-90cd-ef1234567890");
    CT_STR_EQ(s, "brokers.0.name", "orders");
    CT_STR_EQ(s, "brokers.0.enginetype", "RabbitMQ");
    CT_STR_EQ(s, "brokers.0.deploymentmode", "CLUSTER_MULTI_AZ");
    CT_STR_EQ(s, "brokers.0.authenticationstrategy", "simple");
    CU_ASSERT_EQUAL(ct_bool(s, "brokers.0.publicaccess"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "brokers.0.autominorversionupgrade"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "brokers.0.logging.general"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "brokers.0.logging.audit"), -1); /* RabbitMQ: no audit log, absent (not false) */
    CU_ASSERT_EQUAL(ct_bool(s, "brokers.0.encryption.useawsownedkey"), 0);
    CT_STR_EQ(s, "brokers.0.encryption.kmskeyid", "arn:aws:kms:eu-west-1:111122223333:key/mq-key");
    CU_ASSERT_PTR_NULL(col_mq_map_broker(json_object_get(d, "users")));
    json_decref(s);
    json_decref(d);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_elasticache_clusters_groups_serverless),
    OSP_TEST(test_redshift_clusters_logging_parameters),
    OSP_TEST(test_msk_provisioned_and_serverless),
    OSP_TEST(test_mq_rabbitmq_broker),
    {0},
};

int main(void)
{
    return osp_test_run("collect_cache_services", tests);
}
