/* test_robust.c: every mapping function survives malformed, null and oddly typed responses
 * (moto returns null where AWS omits; a hostile or broken endpoint may return anything). Run
 * under OSPREY_SANITIZE=ON this also proves nothing leaks or reads out of bounds. */
#include "col_test.h"

static const char *const shapes[] = {
    "null", "{}", "[]", "\"\"", "\"text\"", "42", "true",
    "{\"KeyMetadata\": null, \"trailList\": [null, 1, \"x\", {}], \"logGroups\": {\"arn\": 5}}",
    "{\"AlternateContact\": {\"AlternateContactType\": null}, \"analyzers\": [{\"status\": \"A\"}, {\"status\": 7}]}",
    "{\"GetAccountAuthorizationDetailsResponse\": {\"GetAccountAuthorizationDetailsResult\": {\"UserDetailList\": "
    "[{\"UserName\": null, \"GroupList\": [null, \"\"], \"UserPolicyList\": \"\", \"AttachedManagedPolicies\": [{}]}, null],"
    " \"Policies\": [{\"Arn\": \"/\", \"PolicyVersionList\": [{\"IsDefaultVersion\": \"true\", \"Document\": \"%zz{\"}]}],"
    " \"RoleDetailList\": {\"RoleName\": 1}}}}",
    "{\"reservationSet\": [{\"instancesSet\": [{\"blockDeviceMapping\": [{\"ebs\": null}], \"groupSet\": \"\"}]}],"
    " \"ipPermissions\": [{\"ipRanges\": [{\"cidrIp\": null}], \"groups\": [7], \"fromPort\": \"x\"}],"
    " \"entrySet\": [{\"portRange\": \"\", \"egress\": \"maybe\"}], \"launchTemplateData\": {\"userData\": \"@@@\"}}",
    "{\"AccessControlPolicy\": {\"AccessControlList\": {\"Grant\": [{\"Grantee\": null, \"Permission\": [1, null]}]}},"
    " \"EventSelectors\": [{\"DataResources\": [{\"Values\": [null, 3]}]}], \"AdvancedEventSelectors\": \"\"}",
    "{\"DBInstanceArn\": \"arn:x\", \"Engine\": 5, \"ReadReplicaDBInstanceIdentifiers\": {\"ReadReplicaDBInstanceIdentifier\": [null, 1]},"
    " \"DBParameterGroups\": [7, {\"DBParameterGroupName\": []}], \"AvailabilityZones\": {\"AvailabilityZone\": {}},"
    " \"DBClusterArn\": \"arn:c\", \"DBSnapshotArn\": \"arn:s\", \"DBClusterSnapshotArn\": [1],"
    " \"DescribeDBSnapshotAttributesResponse\": {\"DescribeDBSnapshotAttributesResult\": {\"DBSnapshotAttributesResult\":"
    " {\"DBSnapshotAttributes\": {\"DBSnapshotAttribute\": [{\"AttributeValues\": {\"AttributeValue\": 3}}, null]}}}}}",
    "{\"FunctionArn\": \"arn:f\", \"Environment\": {\"Variables\": {\"A\": null, \"B\": 5, \"C\": [\"x\"], \"D\": \"\"}},"
    " \"TracingConfig\": \"Active\", \"Policy\": \"{\\\"Statement\\\": [null, {\\\"Principal\\\": {\\\"AWS\\\": [1, null]},"
    " \\\"Condition\\\": {\\\"ArnLike\\\": 4, \\\"StringEquals\\\": {\\\"aws:SourceArn\\\": [7]}}},"
    " {\\\"Principal\\\": 9}]}\", \"FunctionUrl\": \"u\", \"AuthType\": {}}",
    "{\"status\": 7, \"findingPublishingFrequency\": [], \"features\": [null, 3, {\"name\": {}, \"status\": null,"
    " \"additionalConfiguration\": \"x\"}, {\"additionalConfiguration\": [null, {\"name\": 1}]}]}",
    "{\"CertificateArn\": \"arn:a\", \"DomainName\": 3, \"InUse\": \"yes\", \"NotAfter\": \"soon\", \"NotBefore\": -1e300,"
    " \"KeyAlgorithm\": {}, \"Status\": [null]}",
    "{\"Policy\": \"not json\", \"Aliases\": [{\"AliasName\": 1}, {\"AliasName\": \"alias/x\", \"TargetKeyId\": null}]}",
    NULL,
};

static void run_all(json_t *v)
{
    struct col_ec2_ctx c = {"aws", "us-east-1", "111122223333", json_object(), json_object()};
    json_t *s = json_object(), *o;
    col_iam_map_auth_details(s, v, "aws");
    col_iam_map_password_policy(s, v, "aws", "1");
    col_iam_map_server_certs(s, v);
    col_iam_finish(s, json_is_string(v) ? json_string_value(v) : "user,arn\n<root_account>,x,extra,cols\n\"unterminated",
                   v, v, "aws", "1");
    json_t *b = col_s3_bucket_new("b", "aws");
    col_s3_map_location(b, v);
    col_s3_map_acl(b, v);
    col_s3_map_encryption(b, v);
    col_s3_map_logging(b, v);
    col_s3_map_versioning(b, v);
    col_s3_map_pab(b, "publicaccessblock", v, "arn");
    col_s3_map_pab(s, "accountpublicaccessblock", v, "arn");
    col_s3_map_policy(b, json_is_string(v) ? json_string_value(v) : "not json");
    json_decref(b);
    json_t *t = col_cloudtrail_map_trail(v);
    col_cloudtrail_map_status(t, v);
    col_cloudtrail_map_selectors(t, v);
    json_decref(t);
    col_config_map(s, v, v, v, v, "aws", "r", "1");
    o = col_kms_map_key(v);
    col_kms_wants_rotation(v);
    col_kms_map_rotation(o, v);
    json_decref(o);
    json_decref(col_kms_map_alias(v));
    col_rds_engine_is_rds(col_s(v, "Engine"));
    json_t *rs = json_object();
    col_push(col_arr(rs, "instances"), col_rds_map_instance(v));
    col_push(col_arr(rs, "clusters"), col_rds_map_cluster(v));
    col_rds_join_members(rs);
    col_rds_join_members(v);
    json_decref(rs);
    for (int cl = 0; cl < 2; cl++) {
        o = col_rds_map_snapshot(v, cl);
        col_rds_map_snapshot_attrs(o, v, cl);
        json_decref(o);
    }
    o = col_lambda_map_function(v);
    col_lambda_map_policy(o, v);
    col_lambda_map_url(o, v);
    json_decref(o);
    json_decref(col_acm_map_summary(v));
    o = col_guardduty_map_detector(col_s(v, "id"), "aws", "us-east-1", "111122223333");
    col_guardduty_map_get(o, v);
    json_decref(o);
    o = col_guardduty_map_detector("d1", "aws", "us-east-1", "111122223333");
    col_guardduty_map_get(o, v);
    json_decref(o);
    json_decref(col_ec2_map_sg(&c, v));
    col_ec2_map_vpcs(s, &c, v, v);
    col_ec2_map_nacls(s, &c, v);
    col_ec2_map_subnets(s, &c, v);
    o = col_ec2_map_instance(&c, v);
    col_ec2_map_userdata(o, v);
    json_decref(o);
    json_decref(col_ec2_map_volume(&c, v));
    json_decref(col_ec2_map_template(&c, v, v));
    col_ec2_map_ebs_default(s, &c, v);
    json_decref(col_cw_map_alarm(v));
    json_decref(col_cw_map_log_group(v));
    col_cw_attach_filters(s, v);
    json_decref(col_sns_map_topic("arn", v));
    col_sns_attach_subscriptions(s, v);
    col_aa_map_page(s, v);
    col_account_map_contact(s, v, "aws", "1");
    /* whatever happened, the state is still an object that serialises */
    char *txt = json_dumps(s, JSON_SORT_KEYS);
    CU_ASSERT_PTR_NOT_NULL(txt);
    free(txt);
    json_decref(s);
    json_decref(c.sgs);
    json_decref(c.volumes);
}

static void test_mappers_survive_malformed_shapes(void)
{
    for (const char *const *p = shapes; *p; p++) {
        json_t *v = json_loads(*p, JSON_DECODE_ANY, NULL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(v);
        run_all(v);
        json_decref(v);
    }
    run_all(NULL);
}

static void test_nested_sub_trees_feed_every_mapper(void)
{
    /* feed every object found inside the shapes too, so inner paths get odd types */
    for (const char *const *p = shapes; *p; p++) {
        json_t *v = json_loads(*p, JSON_DECODE_ANY, NULL), *x;
        const char *k;
        json_object_foreach(v, k, x) run_all(x);
        json_decref(v);
    }
}

static void test_csv_garbage_does_not_crash(void)
{
    static const char *const bad[] = {"", ",,,\n,,,", "\"", "a\n\"b", "user\n<root_account>\n", "\n\n\n", NULL};
    for (const char *const *p = bad; *p; p++) {
        json_t *rows = col_csv_parse(*p);
        CU_ASSERT(rows == NULL || json_is_array(rows));
        json_decref(rows);
    }
}

static const struct osp_test tests[] = {
    OSP_TEST(test_mappers_survive_malformed_shapes),
    OSP_TEST(test_nested_sub_trees_feed_every_mapper),
    OSP_TEST(test_csv_garbage_does_not_crash),
    {0},
};

int main(void)
{
    return osp_test_run("collect_robust", tests);
}
