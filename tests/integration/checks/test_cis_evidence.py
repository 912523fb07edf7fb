"""Issue 21 on moto: every case where osprey's compliance report erred toward PASS, each one a
scan of a small account that main reported PASS and that must now be FAIL or NOT EVALUATED:

- alarm controls when the trail's log group is in a region that was not asked for: its CloudWatch
  data is read there; without it (offline, not cached) NOT EVALUATED naming the region;
- a route-table filter without CreateRoute/ReplaceRoute/DeleteRoute (substrings of the table
  events) and a correct KMS pattern written with single parentheses;
- AWS-managed AdministratorAccess attached to a user (CIS 1.4 1.16 'not attached');
- a customer policy named AWSSupportAccess on the support role (1.2 1.20, 1.4 1.17);
- a CloudTrail bucket owned by another account (1.4 3.3 / 3.6 NOT EVALUATED with the reason);
- a Config recorder without global resource types (1.4 3.5 FAIL);
- a one-region scan: the coverage lists regions not scanned and no region-scoped control is PASS,
  online and in an offline replay of its artifact (the enabled regions are recorded with the state)."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cache"))
from osptest import main, run_osprey  # noqa: E402

ACCOUNT = "123456789012"
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                                                              "Action": "sts:AssumeRole"}]})
ROUTE_TABLE_ONLY = ("{ ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRouteTableAssociation) || "
                    "($.eventName = DeleteRouteTable) || ($.eventName = DisassociateRouteTable) }")
KMS_SINGLE_PARENS = "{ $.eventSource = kms.amazonaws.com && ($.eventName = DisableKey || $.eventName = ScheduleKeyDeletion) }"


def scan(t, m, spec, regions, services=None, extra=None):
    args = ["aws", "--endpoint", m.endpoint, "--compliance", spec, "--format", "json",
            "--cache-dir", os.path.join(t.tmp, "cache")]
    for r in regions:
        args += ["--region", r]
    for s in services or []:
        args += ["--service", s]
    r = run_osprey(args + (extra or []), env=m.env())
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-2000:])
    report = json.loads(r.stdout)
    return {c["ID"]: c for c in report["Compliance"]["Controls"]}, report


def alarm_chain(m, region, patterns):
    """A multi-region trail in us-east-1 sending to a log group in `region`, with one metric filter,
    alarm and SNS topic (confirmed SQS subscriber) per pattern, all in `region`."""
    s3 = m.client("s3")
    s3.create_bucket(Bucket="trail-logs")
    iam = m.client("iam")
    iam.create_role(RoleName="ct", AssumeRolePolicyDocument=TRUST)
    logs = m.client("logs", region=region)
    logs.create_log_group(logGroupName="trail")
    lg_arn = "arn:aws:logs:%s:%s:log-group:trail:*" % (region, ACCOUNT)
    ct = m.client("cloudtrail")
    ct.create_trail(Name="main", S3BucketName="trail-logs", IsMultiRegionTrail=True, CloudWatchLogsLogGroupArn=lg_arn,
                    CloudWatchLogsRoleArn="arn:aws:iam::%s:role/ct" % ACCOUNT)
    ct.start_logging(Name="main")
    sns, sqs, cw = m.client("sns", region=region), m.client("sqs", region=region), m.client("cloudwatch", region=region)
    topic = sns.create_topic(Name="alarms")["TopicArn"]
    q = sqs.create_queue(QueueName="pager")["QueueUrl"]
    qarn = sqs.get_queue_attributes(QueueUrl=q, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=qarn)
    for name, pattern in patterns.items():
        logs.put_metric_filter(logGroupName="trail", filterName=name, filterPattern=pattern, metricTransformations=[
            {"metricName": name, "metricNamespace": "CIS", "metricValue": "1"}])
        cw.put_metric_alarm(AlarmName=name, MetricName=name, Namespace="CIS", Statistic="Sum", Period=300,
                            EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold",
                            AlarmActions=[topic])


ALARM_SERVICES = ["cloudtrail", "cloudwatch", "sns", "s3", "iam"]


def test_alarm_chain_follows_the_log_group_into_its_region(t):
    """--compliance reads cloudwatch and sns of the trail's log group region even when only
    us-east-1 was asked for; where that region's data is missing (offline, not cached) the alarm
    controls are NOT EVALUATED naming it, never PASS."""
    m = t.moto()
    alarm_chain(m, "eu-west-1", {"cmk": KMS_SINGLE_PARENS})
    ctl, report = scan(t, m, "aws-cis-1.4", ["us-east-1"], ALARM_SERVICES)
    assert ctl["4.7"]["Status"] == "PASS", ctl["4.7"]  # single parentheses: a correct pattern
    assert ctl["4.13"]["Status"] == "FAIL", ctl["4.13"]
    assert "read for the alarm chain only: eu-west-1" in report["Compliance"]["Coverage"], report["Compliance"]
    # state recorded without the chain region, judged offline
    cache = ["--cache-dir", os.path.join(t.tmp, "cache-plain")]
    svc = sum((["--service", x] for x in ALARM_SERVICES), [])
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--quiet"] + svc + cache, env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    r = run_osprey(["aws", "--offline", "--region", "us-east-1", "--compliance", "aws-cis-1.4", "--format", "json"]
                   + svc + cache, env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    ctl = {c["ID"]: c for c in json.loads(r.stdout)["Compliance"]["Controls"]}
    assert ctl["4.7"]["Status"] == "NOT EVALUATED", ctl["4.7"]
    assert "log group in eu-west-1 (region eu-west-1 not scanned)" in ctl["4.7"]["Reason"], ctl["4.7"]


ROUTE_FULL = ("{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || "
              "($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || "
              "($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }")


def test_one_trail_with_the_whole_chain_is_enough(t):
    """CIS asks for at least one multi-region trail with the chain: a second trail without any
    filter (log group in us-east-1) does not fail the control the first one (eu-west-1) meets."""
    m = t.moto()
    alarm_chain(m, "eu-west-1", {"route": ROUTE_FULL})
    m.client("logs").create_log_group(logGroupName="bare")
    ct = m.client("cloudtrail")
    ct.create_trail(Name="bare", S3BucketName="trail-logs", IsMultiRegionTrail=True,
                    CloudWatchLogsLogGroupArn="arn:aws:logs:us-east-1:%s:log-group:bare:*" % ACCOUNT,
                    CloudWatchLogsRoleArn="arn:aws:iam::%s:role/ct" % ACCOUNT)
    ct.start_logging(Name="bare")
    ctl, report = scan(t, m, "aws-cis-1.4", ["us-east-1"], ALARM_SERVICES)
    assert ctl["4.13"]["Status"] == "PASS", ctl["4.13"]
    assert ctl["4.7"]["Status"] == "FAIL", ctl["4.7"]  # neither trail has it
    bare = [f for f in report["Findings"] if f["ID"] == "AVD-AWS-0159" and f["Status"] == "FAIL"]
    assert bare and all("trail/bare" in f["Resource"] for f in bare), bare  # still reported


def test_route_table_filter_without_route_events_fails(t):
    m = t.moto()
    alarm_chain(m, "us-east-1", {"route": ROUTE_TABLE_ONLY, "cmk": KMS_SINGLE_PARENS})
    ctl, report = scan(t, m, "aws-cis-1.4", ["us-east-1"], ALARM_SERVICES)
    assert ctl["4.13"]["Status"] == "FAIL", ctl["4.13"]
    assert ctl["4.7"]["Status"] == "PASS", ctl["4.7"]
    ctl12, _ = scan(t, m, "aws-cis-1.2", ["us-east-1"], ALARM_SERVICES)
    assert ctl12["3.13"]["Status"] == "FAIL" and ctl12["3.7"]["Status"] == "PASS", (ctl12["3.13"], ctl12["3.7"])


def test_aws_managed_admin_attached_to_user_fails_14_only(t):
    m = t.moto(extra_env={"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"})
    iam = m.client("iam")
    iam.create_user(UserName="bob")
    iam.attach_user_policy(UserName="bob", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    ctl, report = scan(t, m, "aws-cis-1.4", ["us-east-1"], ["iam"])
    assert ctl["1.16"]["Status"] == "FAIL" and ctl["1.16"]["Checks"] == ["OSP-AWS-0009"], ctl["1.16"]
    msgs = [f["Message"] for f in report["Findings"] if f["ID"] == "OSP-AWS-0009"]
    assert any("AdministratorAccess" in x and "'bob'" in x for x in msgs), msgs
    ctl12, _ = scan(t, m, "aws-cis-1.2", ["us-east-1"], ["iam"])
    assert ctl12["1.22"]["Status"] == "PASS", ctl12["1.22"]  # 1.2 asks that no such policy be *created*


def test_customer_policy_named_like_aws_support_access_fails(t):
    m = t.moto()
    iam = m.client("iam")
    iam.create_role(RoleName="support", AssumeRolePolicyDocument=TRUST)
    arn = iam.create_policy(PolicyName="AWSSupportAccess", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}))["Policy"]["Arn"]
    iam.attach_role_policy(RoleName="support", PolicyArn=arn)
    ctl, _ = scan(t, m, "aws-cis-1.4", ["us-east-1"], ["iam"])
    assert ctl["1.17"]["Status"] == "FAIL", ctl["1.17"]
    ctl12, _ = scan(t, m, "aws-cis-1.2", ["us-east-1"], ["iam"])
    assert ctl12["1.20"]["Status"] == "FAIL", ctl12["1.20"]


def test_trail_bucket_in_another_account_is_not_evaluated(t):
    """Recorded state, judged with --offline: moto lists every account's buckets to every account,
    so the S3 state is recorded before the other account's bucket exists."""
    m = t.moto(account_id=None)  # accounts follow the 12-digit access key
    mine = lambda s: m.client(s, key=ACCOUNT, secret="x")  # noqa: E731
    mine("s3").create_bucket(Bucket="unrelated")
    env = m.env(AWS_ACCESS_KEY_ID=ACCOUNT, AWS_SECRET_ACCESS_KEY="x")
    cache = ["--cache-dir", os.path.join(t.tmp, "cache")]
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "s3", "--quiet"] + cache, env=env)
    assert r.returncode in (0, 1), r.stderr[-2000:]
    m.client("s3", key="999999999999", secret="x").create_bucket(Bucket="central-log-archive")
    mine("cloudtrail").create_trail(Name="org", S3BucketName="central-log-archive", IsMultiRegionTrail=True)
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "cloudtrail", "--quiet"] + cache,
                   env=env)
    assert r.returncode in (0, 1), r.stderr[-2000:]
    r = run_osprey(["aws", "--offline", "--compliance", "aws-cis-1.4", "--format", "json", "--region", "us-east-1",
                    "--service", "cloudtrail", "--service", "s3"] + cache, env=env)
    assert r.returncode in (0, 1), r.stderr[-2000:]
    report = json.loads(r.stdout)
    ctl = {c["ID"]: c for c in report["Compliance"]["Controls"]}
    for cid in ("3.3", "3.6"):
        assert ctl[cid]["Status"] == "NOT EVALUATED", (cid, ctl[cid])
        assert "the log bucket 'central-log-archive' of trail 'org' is not in this account" in ctl[cid]["Reason"], ctl[cid]
    assert "enabled regions are not known" in report["Compliance"]["Coverage"], report["Compliance"]["Coverage"]


def test_config_recorder_without_global_types_fails(t):
    m = t.moto()
    m.client("iam").create_role(RoleName="cfg", AssumeRolePolicyDocument=TRUST)
    m.client("s3").create_bucket(Bucket="cfg")
    cfg = m.client("config")
    cfg.put_configuration_recorder(ConfigurationRecorder={
        "name": "default", "roleARN": "arn:aws:iam::%s:role/cfg" % ACCOUNT,
        "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": False}})
    cfg.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": "cfg"})
    cfg.start_configuration_recorder(ConfigurationRecorderName="default")
    ctl, _ = scan(t, m, "aws-cis-1.4", ["us-east-1"], ["config"])
    assert ctl["3.5"]["Status"] == "FAIL", ctl["3.5"]


def test_one_region_scan_lists_unscanned_regions_in_every_format(t):
    m = t.moto()
    ctl, report = scan(t, m, "aws-cis-1.4", ["us-east-1"], ["ec2", "iam"])
    cov = report["Compliance"]["Coverage"]
    assert cov.startswith("regions scanned: us-east-1 (1 of ") and "eu-west-1" not in cov.split("not scanned:")[0], cov
    assert "not scanned: " in cov, cov
    for cid in ("2.2.1", "3.9", "5.1", "5.2", "5.3"):  # moto's defaults fail some; none may PASS
        assert ctl[cid]["Status"] in ("FAIL", "NOT EVALUATED"), (cid, ctl[cid])
    assert ctl["5.2"]["Status"] == "NOT EVALUATED" and "not scanned" in ctl["5.2"]["Reason"], ctl["5.2"]
    assert ctl["2.2.1"]["Name"] == "Ensure EBS Volume Encryption is Enabled in all Regions"
    assert ctl["1.18"]["Status"] == "MANUAL" and ctl["1.18"]["Assessment"] == "Manual", ctl["1.18"]
    base = ["aws", "--endpoint", m.endpoint, "--compliance", "aws-cis-1.4", "--region", "us-east-1",
            "--service", "ec2", "--service", "iam", "--cache-dir", os.path.join(t.tmp, "cache")]
    table = run_osprey(base + ["--report", "all"], env=m.env())
    assert "Coverage: regions scanned: us-east-1" in table.stdout, table.stdout[-3000:]
    assert "5.2 NOT EVALUATED: regions " in table.stdout and "| Level |" in table.stdout, table.stdout[-3000:]
    junit = run_osprey(base + ["--format", "junit"], env=m.env())
    assert 'message="not evaluated: regions ' in junit.stdout, junit.stdout[-3000:]
    sarif = json.loads(run_osprey(base + ["--format", "sarif"], env=m.env()).stdout)
    comp = sarif["runs"][0]["properties"]["compliance"]
    assert comp["coverage"].startswith("regions scanned: us-east-1"), comp
    assert any(c["status"] == "NOT EVALUATED" and "not scanned" in c.get("reason", "") for c in comp["controls"])
    html = run_osprey(base + ["--format", "html"], env=m.env()).stdout
    assert "Coverage: regions scanned: us-east-1" in html and 'class="NOT-EVALUATED">NOT EVALUATED<' in html, html[-3000:]


def test_compliance_without_region_scans_every_enabled_region(t):
    """Without --region, --compliance scans every enabled region (DescribeRegions), says so, and a
    region-scoped control with evidence everywhere can PASS."""
    m = t.moto()
    ctl, report = scan(t, m, "aws-cis-1.4", [], ["ec2", "iam"])
    cov = report["Compliance"]["Coverage"]
    assert "(every enabled region)" in cov, cov
    assert {"us-east-1", "eu-west-1", "ap-south-1"} <= set(report["Regions"]), report["Regions"]
    assert ctl["5.2"]["Status"] == "PASS", ctl["5.2"]  # no security group open anywhere


def offline_report(t, art, extra=None):
    r = run_osprey(["aws", "--offline", "--cache-artifact", art, "--compliance", "aws-cis-1.4", "--format", "json",
                    "--service", "ec2", "--service", "iam"] + (extra or []), cwd=t.tmp)
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-2000:])
    report = json.loads(r.stdout)
    return {c["ID"]: c for c in report["Compliance"]["Controls"]}, report, r


def test_offline_compliance_judges_regions_with_the_recorded_enabled_list(t):
    """The enabled regions travel in the artifact: an offline replay of a one-region scan lists the
    regions not scanned (and PASSes no region-scoped control); a replay of an every-region scan can
    PASS them; a stored list that is not region names is ignored (not known), never trusted."""
    import artfmt
    m = t.moto()
    one, every = os.path.join(t.tmp, "one.osc"), os.path.join(t.tmp, "every.osc")
    scan(t, m, "aws-cis-1.4", ["us-east-1"], ["ec2", "iam"], ["--cache-artifact", one])
    with open(one, "rb") as f:
        before = f.read()
    ents = artfmt.decode(before)[1]
    stored = [e for e in ents if e["service"] == "enabled-regions"]
    assert len(stored) == 1 and stored[0]["region"] == "global", [(e["service"], e["region"]) for e in ents]
    enabled = json.loads(stored[0]["state"])["enabled"]
    assert "us-east-1" in enabled and "ap-south-1" in enabled and enabled == sorted(enabled), enabled
    ctl, report, _ = offline_report(t, one)
    cov = report["Compliance"]["Coverage"]
    assert cov.startswith("regions scanned: us-east-1 (1 of %d enabled; not scanned: " % len(enabled)), cov
    assert "enabled regions as recorded at " in cov, cov
    assert ctl["5.2"]["Status"] == "NOT EVALUATED" and "not scanned" in ctl["5.2"]["Reason"], ctl["5.2"]
    for cid in ("2.2.1", "3.9", "5.1", "5.3"):
        assert ctl[cid]["Status"] != "PASS", (cid, ctl[cid])
    with open(one, "rb") as f:
        assert f.read() == before, "an offline replay rewrote the artifact differently"
    # every enabled region scanned and recorded: region-scoped controls can PASS offline
    scan(t, m, "aws-cis-1.4", [], ["ec2", "iam"], ["--cache-artifact", every])
    ctl, report, _ = offline_report(t, every)
    assert "(every enabled region)" in report["Compliance"]["Coverage"], report["Compliance"]["Coverage"]
    assert ctl["5.2"]["Status"] == "PASS", ctl["5.2"]
    # a forged list is not trusted
    with open(every, "rb") as f:
        hdr, ents = artfmt.decode(f.read())
    for e in ents:
        if e["service"] == "enabled-regions":
            e["state"] = json.dumps({"enabled": ["us-east-1", "../../etc"]})
    forged = os.path.join(t.tmp, "forged.osc")
    with open(forged, "wb") as f:
        f.write(artfmt.encode(ents, hdr["created"], hdr["osprey_version"]))
    ctl, report, r = offline_report(t, forged)
    assert "not a list of region names" in r.stderr, r.stderr
    assert "enabled regions are not known" in report["Compliance"]["Coverage"], report["Compliance"]["Coverage"]
    assert ctl["5.2"]["Status"] == "NOT EVALUATED", ctl["5.2"]


if __name__ == "__main__":
    main(globals())
