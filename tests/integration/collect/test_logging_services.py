"""cloudtrail, cloudwatch (alarms, log groups, metric filters), sns (topics, encryption,
subscriptions) against moto: the CIS 3.x chain trail -> log group -> filter -> alarm -> topic ->
subscriber, compliant and misconfigured variants, empty regions, Logs pagination."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap, val  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main  # noqa: E402

ACCT = "123456789012"
PATTERN = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }'


def seed_chain(m):
    m.client("s3").create_bucket(Bucket="trail-logs-bucket")
    logs = m.client("logs")
    logs.create_log_group(logGroupName="cloudtrail")
    logs.put_retention_policy(logGroupName="cloudtrail", retentionInDays=365)
    logs.put_metric_filter(logGroupName="cloudtrail", filterName="unauthorized", filterPattern=PATTERN,
                           metricTransformations=[{"metricName": "UnauthorizedAPICalls", "metricNamespace": "CIS",
                                                   "metricValue": "1"}])
    logs.create_log_group(logGroupName="app")  # no retention, no filters
    sns = m.client("sns")
    topic = sns.create_topic(Name="security", Attributes={"KmsMasterKeyId": "alias/aws/sns"})["TopicArn"]
    sns.subscribe(TopicArn=topic, Protocol="email", Endpoint="sec@example.com")
    sns.create_topic(Name="plain")
    m.client("cloudwatch").put_metric_alarm(
        AlarmName="unauthorized", MetricName="UnauthorizedAPICalls", Namespace="CIS", Statistic="Sum", Period=300,
        Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold", EvaluationPeriods=1, AlarmActions=[topic])
    ct = m.client("cloudtrail")
    ct.create_trail(Name="main", S3BucketName="trail-logs-bucket", IsMultiRegionTrail=True, EnableLogFileValidation=True,
                    CloudWatchLogsLogGroupArn="arn:aws:logs:us-east-1:%s:log-group:cloudtrail:*" % ACCT,
                    CloudWatchLogsRoleArn="arn:aws:iam::%s:role/ct" % ACCT, KmsKeyId="alias/trail")
    ct.start_logging(Name="main")
    ct.put_event_selectors(TrailName="main", EventSelectors=[{"ReadWriteType": "All", "IncludeManagementEvents": True,
                           "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}])
    ct.create_trail(Name="weak", S3BucketName="trail-logs-bucket")  # single region, no validation, not logging
    return topic


def test_cis_3_chain(t):
    m = t.moto()
    topic = seed_chain(m)
    r = inspect(m, ["cloudtrail", "cloudwatch", "sns"])
    trails = r.svc("cloudtrail")["trails"]
    main_t = unwrap(by(trails, "name", "main"))
    assert main_t["ismultiregion"] is True and main_t["islogging"] is True and main_t["enablelogfilevalidation"] is True
    assert main_t["kmskeyid"] == "alias/trail" and main_t["bucketname"] == "trail-logs-bucket"
    assert main_t["cloudwatchlogsloggrouparn"].startswith("arn:aws:logs:us-east-1:%s:log-group:cloudtrail" % ACCT)
    sel = main_t["eventselectors"][0]
    assert sel["readwritetype"] == "All" and sel["dataresources"][0]["type"] == "AWS::S3::Object", sel
    weak = unwrap(by(trails, "name", "weak"))
    assert weak["ismultiregion"] is False and weak["islogging"] is False and "kmskeyid" not in weak, weak
    assert weak["enablelogfilevalidation"] is False
    cw = r.svc("cloudwatch")
    lg = unwrap(by(cw["loggroups"], "name", "cloudtrail"))
    assert lg["retentionindays"] == 365 and lg["arn"] == "arn:aws:logs:us-east-1:%s:log-group:cloudtrail" % ACCT
    mf = lg["metricfilters"][0]
    assert mf["filterpattern"] == PATTERN and mf["metrictransformations"][0]["metricname"] == "UnauthorizedAPICalls"
    app = unwrap(by(cw["loggroups"], "name", "app"))
    assert app["metricfilters"] == [] and "retentionindays" not in app
    alarm = unwrap(by(cw["alarms"], "alarmname", "unauthorized"))
    assert alarm["metricname"] == "UnauthorizedAPICalls" and alarm["alarmactions"] == [topic]
    sns = r.svc("sns")
    sec = unwrap(by(sns["topics"], "arn", topic))
    assert sec["encryption"]["kmskeyid"] == "alias/aws/sns"
    assert [s["protocol"] for s in sec["subscriptions"]] == ["email"] and sec["subscriptions"][0]["endpoint"] == "sec@example.com"
    plain = unwrap(by(sns["topics"], "arn", topic.replace("security", "plain")))
    assert plain["encryption"] == {} and plain["subscriptions"] == []


def test_empty_region(t):
    m = t.moto()
    seed_chain(m)  # all in us-east-1
    r = inspect(m, ["cloudtrail", "cloudwatch", "sns"], regions=["eu-central-1"])
    cw = r.svc("cloudwatch", "eu-central-1")
    assert cw["alarms"] == [] and cw["loggroups"] == []
    assert r.svc("sns", "eu-central-1")["topics"] == []
    # the multi-region trail shows in every region (shadow trail); the single-region one does not
    names = sorted(val(x["name"]) for x in r.svc("cloudtrail", "eu-central-1")["trails"])
    assert "weak" not in names, names


def test_log_groups_paginate(t):
    m = t.moto()
    logs = m.client("logs")
    for i in range(120):
        logs.create_log_group(logGroupName="group-%03d" % i)
    cw = inspect(m, ["cloudwatch"]).svc("cloudwatch")
    assert len(cw["loggroups"]) == 120, len(cw["loggroups"])


if __name__ == "__main__":
    main(globals())
