/* test_services.c: CloudTrail, Config, KMS, CloudWatch, SNS, Access Analyzer and Account mapping
 * from recorded JSON and XML responses. */
#include "col_test.h"

static void test_cloudtrail_trails_status_selectors(void)
{
    json_t *resp = ct_load("cloudtrail_trails.json"), *st = ct_load("cloudtrail_status.json");
    json_t *sel = ct_load("cloudtrail_selectors.json");
    json_t *t = col_cloudtrail_map_trail(ct_at(resp, "trailList.0"));
    CT_STR_EQ(t, "name", "org");
    CU_ASSERT_EQUAL(ct_bool(t, "ismultiregion"), 1);
    CU_ASSERT_EQUAL(ct_bool(t, "enablelogfilevalidation"), 1);
    CT_STR_EQ(t, "kmskeyid", "arn:aws:kms:eu-west-1:111122223333:key/k1");
    CT_STR_EQ(t, "bucketname", "trail-logs");
    CT_STR_EQ(t, "homeregion", "eu-west-1");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(t, "__defsec_metadata.resource")),
                           "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org");
    col_cloudtrail_map_status(t, st);
    CU_ASSERT_EQUAL(ct_bool(t, "islogging"), 1);
    CT_STR_EQ(t, "latestcloudwatchlogsdeliverytime", "2023-11-14T22:15:00Z");
    col_cloudtrail_map_selectors(t, sel);
    CT_STR_EQ(t, "eventselectors.0.readwritetype", "All");
    CT_STR_EQ(t, "eventselectors.0.dataresources.0.type", "AWS::S3::Object");
    CT_STR_EQ(t, "eventselectors.0.dataresources.0.values.0", "arn:aws:s3");
    CT_STR_EQ(t, "advancedeventselectors.0.fieldselectors.1.equals.0", "AWS::S3::Object");
    json_decref(t);
    /* nulls where AWS omits: absent, never zero values */
    t = col_cloudtrail_map_trail(ct_at(resp, "trailList.1"));
    CU_ASSERT_PTR_NULL(ct_at(t, "kmskeyid"));
    CU_ASSERT_PTR_NULL(ct_at(t, "cloudwatchlogsloggrouparn"));
    CU_ASSERT_EQUAL(ct_bool(t, "enablelogfilevalidation"), 0);
    CU_ASSERT_PTR_NULL(ct_at(t, "islogging"));
    CU_ASSERT_EQUAL(ct_len(t, "eventselectors"), 0);
    json_decref(t);
    json_decref(resp);
    json_decref(st);
    json_decref(sel);
}

static void test_config_recorders_channels_aggregators(void)
{
    json_t *rec = ct_load("config_recorders.json"), *st = ct_load("config_status.json");
    json_t *ch = ct_load("config_channels.json"), *ag = ct_load("config_aggregators.json"), *s = json_object();
    col_config_map(s, rec, st, ch, ag, "aws", "us-east-1", "111122223333");
    CU_ASSERT_EQUAL(ct_len(s, "recorders"), 2);
    CT_STR_EQ(s, "recorders.0.name", "default");
    CU_ASSERT_EQUAL(ct_bool(s, "recorders.0.allsupported"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "recorders.0.includeglobalresourcetypes"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "recorders.0.recording"), 1);
    CT_STR_EQ(s, "recorders.0.laststatus", "SUCCESS");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "recorders.0.__defsec_metadata.resource")),
                           "arn:aws:config:us-east-1:111122223333:config-recorder/default");
    CU_ASSERT_PTR_NULL(ct_at(s, "recorders.1.recording")); /* no status for it */
    CT_STR_EQ(s, "deliverychannels.0.s3bucketname", "config-bucket");
    CU_ASSERT_EQUAL(ct_len(s, "aggregators"), 2);
    CU_ASSERT_EQUAL(ct_bool(s, "aggregators.0.sourceallregions"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "configurationaggregrator.sourceallregions"), 1); /* the all-region one */
    json_decref(s);
    /* nothing configured: empty collections, no aggregator object */
    s = json_object();
    col_config_map(s, NULL, NULL, NULL, NULL, "aws", "us-east-1", "111122223333");
    CU_ASSERT_EQUAL(ct_len(s, "recorders"), 0);
    CU_ASSERT_EQUAL(ct_len(s, "deliverychannels"), 0);
    CU_ASSERT_PTR_NULL(ct_at(s, "configurationaggregrator"));
    json_decref(s);
    json_decref(rec);
    json_decref(st);
    json_decref(ch);
    json_decref(ag);
}

static void test_kms_rotation_only_for_customer_symmetric(void)
{
    json_t *c = ct_load("kms_describe_customer.json"), *a = ct_load("kms_describe_aws_managed.json");
    json_t *p = ct_load("kms_describe_pending.json"), *off = ct_load("kms_rotation_off.json");
    CU_ASSERT_EQUAL(col_kms_wants_rotation(c), 1);
    CU_ASSERT_EQUAL(col_kms_wants_rotation(a), 0);
    CU_ASSERT_EQUAL(col_kms_wants_rotation(p), 0);
    json_t *k = col_kms_map_key(c);
    CT_STR_EQ(k, "usage", "ENCRYPT_DECRYPT");
    CT_STR_EQ(k, "manager", "CUSTOMER");
    col_kms_map_rotation(k, off);
    CU_ASSERT_EQUAL(ct_bool(k, "rotationenabled"), 0); /* from KeyRotationEnabled, not ValidTo */
    json_decref(k);
    k = col_kms_map_key(a);
    CT_STR_EQ(k, "manager", "AWS");
    CU_ASSERT_PTR_NULL(ct_at(k, "rotationenabled"));
    json_decref(k);
    json_decref(c);
    json_decref(a);
    json_decref(p);
    json_decref(off);
}

static void test_kms_aliases(void)
{
    json_t *page = ct_load("kms_aliases.json"), *s = json_object(), *arr = col_arr(s, "aliases"), *a;
    size_t i;
    json_array_foreach(json_object_get(page, "Aliases"), i, a) col_push(arr, col_kms_map_alias(a));
    CU_ASSERT_EQUAL(ct_len(s, "aliases"), 3); /* the entry without AliasName is dropped */
    CT_STR_EQ(s, "aliases.0.name", "alias/aws/rds");
    CT_STR_EQ(s, "aliases.0.arn", "arn:aws:kms:us-east-1:111122223333:alias/aws/rds");
    CT_STR_EQ(s, "aliases.0.targetkeyid", "0a1b2c3d-aws-rds");
    CT_STR_EQ(s, "aliases.1.targetkeyid", ""); /* AWS-managed alias whose key does not exist yet */
    CT_STR_EQ(s, "aliases.2.targetkeyid", "k1");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "aliases.2.__defsec_metadata.resource")),
                           "arn:aws:kms:us-east-1:111122223333:alias/app-data");
    json_decref(s);
    json_decref(page);
}

static void test_cloudwatch_alarms_groups_filters(void)
{
    json_t *al = ct_load("cw_alarms.xml"), *lg = ct_load("logs_groups.json"), *mf = ct_load("logs_filters.json");
    json_t *list = aws_get(al, "DescribeAlarmsResponse.DescribeAlarmsResult.MetricAlarms");
    json_t *a = col_cw_map_alarm(ct_at(list, "0"));
    CT_STR_EQ(a, "alarmname", "root-usage");
    CT_STR_EQ(a, "metricname", "RootAccountUsage");
    CT_STR_EQ(a, "alarmactions.0", "arn:aws:sns:us-east-1:111122223333:sec");
    CT_STR_EQ(a, "dimensions.0.value", "prod");
    CU_ASSERT_EQUAL(ct_len(a, "metrics"), 0);
    json_decref(a);
    a = col_cw_map_alarm(ct_at(list, "1"));
    CU_ASSERT_PTR_NULL(ct_at(a, "metricname"));
    CU_ASSERT_EQUAL(ct_len(a, "alarmactions"), 0);
    CT_STR_EQ(a, "metrics.0.expression", "m1 * 2");
    CT_STR_EQ(a, "metrics.1.metricname", "Errors");
    CU_ASSERT_EQUAL(ct_bool(a, "actionsenabled"), 0);
    json_decref(a);
    json_t *s = json_object(), *groups = col_arr(s, "loggroups");
    col_push(groups, col_cw_map_log_group(ct_at(lg, "logGroups.0")));
    col_push(groups, col_cw_map_log_group(ct_at(lg, "logGroups.1")));
    col_cw_attach_filters(s, json_object_get(mf, "metricFilters"));
    CT_STR_EQ(s, "loggroups.0.arn", "arn:aws:logs:us-east-1:111122223333:log-group:ct");
    CU_ASSERT_EQUAL(ct_int(s, "loggroups.0.retentionindays"), 365);
    CU_ASSERT_PTR_NULL(ct_at(s, "loggroups.1.retentionindays")); /* null: never expires */
    CU_ASSERT_EQUAL(ct_len(s, "loggroups.0.metricfilters"), 1);
    CT_STR_EQ(s, "loggroups.0.metricfilters.0.filtername", "root");
    CT_STR_EQ(s, "loggroups.0.metricfilters.0.metrictransformations.0.metricname", "RootAccountUsage");
    CU_ASSERT_EQUAL(ct_len(s, "loggroups.1.metricfilters"), 0);
    json_decref(s);
    json_decref(al);
    json_decref(lg);
    json_decref(mf);
}

static void test_sns_topics_encryption_subscriptions(void)
{
    json_t *k = ct_load("sns_attrs_kms.xml"), *p = ct_load("sns_attrs_plain.xml"), *sub = ct_load("sns_subscriptions.xml");
    json_t *s = json_object(), *topics = col_arr(s, "topics");
    const char *path = "GetTopicAttributesResponse.GetTopicAttributesResult.Attributes";
    col_push(topics, col_sns_map_topic("arn:aws:sns:us-east-1:111122223333:sec", aws_get(k, path)));
    col_push(topics, col_sns_map_topic("arn:aws:sns:us-east-1:111122223333:plain", aws_get(p, path)));
    col_sns_attach_subscriptions(s, aws_get(sub, "ListSubscriptionsResponse.ListSubscriptionsResult.Subscriptions"));
    CT_STR_EQ(s, "topics.0.encryption.kmskeyid", "alias/aws/sns");
    CU_ASSERT_PTR_NOT_NULL(ct_at(s, "topics.1.encryption"));
    CU_ASSERT_PTR_NULL(ct_at(s, "topics.1.encryption.kmskeyid"));
    CU_ASSERT_EQUAL(ct_len(s, "topics.0.subscriptions"), 2);
    CT_STR_EQ(s, "topics.0.subscriptions.0.protocol", "email");
    CT_STR_EQ(s, "topics.0.subscriptions.1.arn", "PendingConfirmation");
    CU_ASSERT_EQUAL(ct_len(s, "topics.1.subscriptions"), 0);
    json_decref(s);
    json_decref(k);
    json_decref(p);
    json_decref(sub);
}

static void test_accessanalyzer_and_account(void)
{
    json_t *aa = ct_load("accessanalyzer_list.json"), *ac = ct_load("account_security_contact.json"), *s = json_object();
    col_aa_map_page(s, aa);
    CU_ASSERT_EQUAL(ct_len(s, "analyzers"), 2);
    CU_ASSERT_EQUAL(ct_bool(s, "analyzers.0.active"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "analyzers.1.active"), 0);
    CT_STR_EQ(s, "analyzers.1.type", "ORGANIZATION");
    col_account_map_contact(s, ac, "aws", "111122223333");
    col_account_map_contact(s, NULL, "aws", "111122223333"); /* not set: nothing added */
    CU_ASSERT_EQUAL(ct_len(s, "alternatecontacts"), 1);
    CT_STR_EQ(s, "alternatecontacts.0.type", "SECURITY");
    CT_STR_EQ(s, "alternatecontacts.0.emailaddress", "sec@example.com");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "alternatecontacts.0.__defsec_metadata.resource")),
                           "arn:aws:account::111122223333:alternate-contact/SECURITY");
    json_decref(s);
    json_decref(aa);
    json_decref(ac);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_cloudtrail_trails_status_selectors),
    OSP_TEST(test_config_recorders_channels_aggregators),
    OSP_TEST(test_kms_rotation_only_for_customer_symmetric),
    OSP_TEST(test_kms_aliases),
    OSP_TEST(test_cloudwatch_alarms_groups_filters),
    OSP_TEST(test_sns_topics_encryption_subscriptions),
    OSP_TEST(test_accessanalyzer_and_account),
    {0},
};

int main(void)
{
    return osp_test_run("collect_services", tests);
}
