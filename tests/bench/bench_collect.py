#!/usr/bin/env python3
"""Collector benchmark (by hand, not in CI): seed a private moto with ~1000 resources across the
collected services, then report API calls per resource and wall time.

    python3 tests/bench/bench_collect.py [--build BUILD_DIR] [--scale N]

Calls come from the private driver (tests/bench/col_driver.c: col_run's per-service call counts);
wall time is measured for both the driver and `osprey inspect` (fresh cache). moto is one Python
process (~5 ms CPU per call), so wall time here is bounded by moto, not by osprey.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
from osptest import Moto  # noqa: E402

DOC = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                                                              "Action": "sts:AssumeRole"}]})


def seed(m, k):
    """Returns {service: resources seeded}."""
    n = {}
    iam = m.client("iam")
    for i in range(20 * k):
        iam.create_user(UserName="u%04d" % i)
        iam.put_user_policy(UserName="u%04d" % i, PolicyName="inline", PolicyDocument=DOC)
    for i in range(10 * k):
        iam.create_role(RoleName="r%04d" % i, AssumeRolePolicyDocument=TRUST)
        iam.create_policy(PolicyName="p%04d" % i, PolicyDocument=DOC)
    for i in range(2 * k):
        iam.create_group(GroupName="g%04d" % i)
    n["iam"] = 42 * k + 1  # users, roles, policies, groups, root
    s3 = m.client("s3")
    for i in range(10 * k):
        s3.create_bucket(Bucket="bench-bucket-%04d" % i)
    n["s3"] = 10 * k
    ec2 = m.client("ec2")
    ec2.run_instances(ImageId="ami-12c6146b", MinCount=20 * k, MaxCount=20 * k)
    for i in range(5 * k):
        ec2.create_security_group(GroupName="sg%04d" % i, Description="bench")
    for i in range(5 * k):
        ec2.create_volume(AvailabilityZone="us-east-1a", Size=1)
    d = ec2.describe_security_groups()["SecurityGroups"]
    v = ec2.describe_volumes()["Volumes"]
    vp = ec2.describe_vpcs()["Vpcs"]
    acl = ec2.describe_network_acls()["NetworkAcls"]
    sub = ec2.describe_subnets()["Subnets"]
    n["ec2"] = 20 * k + len(d) + len(v) + len(vp) + len(acl) + len(sub)
    logs = m.client("logs")
    for i in range(10 * k):
        logs.create_log_group(logGroupName="lg%04d" % i)
        if i % 2 == 0:
            logs.put_metric_filter(logGroupName="lg%04d" % i, filterName="f", filterPattern="ERROR",
                                   metricTransformations=[{"metricName": "m%d" % i, "metricNamespace": "B", "metricValue": "1"}])
    cw = m.client("cloudwatch")
    for i in range(5 * k):
        cw.put_metric_alarm(AlarmName="a%04d" % i, MetricName="m%d" % i, Namespace="B", Statistic="Sum", Period=60,
                            Threshold=1, ComparisonOperator="GreaterThanThreshold", EvaluationPeriods=1)
    n["cloudwatch"] = 10 * k + 5 * k + 5 * k
    sns = m.client("sns")
    for i in range(5 * k):
        arn = sns.create_topic(Name="t%04d" % i)["TopicArn"]
        sns.subscribe(TopicArn=arn, Protocol="email", Endpoint="x%d@example.com" % i)
    n["sns"] = 10 * k
    kms = m.client("kms")
    for i in range(3 * k):
        kms.create_key(Description="k%d" % i)
    n["kms"] = 3 * k
    ct = m.client("cloudtrail")
    s3.create_bucket(Bucket="bench-trails")
    for i in range(k):
        ct.create_trail(Name="trail%d" % i, S3BucketName="bench-trails")
    n["cloudtrail"] = k
    n["s3"] += 1
    ddb = m.client("dynamodb")
    for i in range(5 * k):
        ddb.create_table(TableName="bench-t%04d" % i, KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                         BillingMode="PAY_PER_REQUEST")
    for i in range(k):
        m.client("dax").create_cluster(ClusterName="bench-dax%d" % i, NodeType="dax.t3.small", ReplicationFactor=1,
                                       IamRoleArn="arn:aws:iam::123456789012:role/dax")
    n["dynamodb"] = 6 * k
    efs = m.client("efs")
    for i in range(3 * k):
        efs.create_file_system(CreationToken="bench-fs%d" % i)
    n["efs"] = 3 * k
    n["securityhub"] = 1  # the hub (off): one call
    kin = m.client("kinesis")
    for i in range(2 * k):
        kin.create_stream(StreamName="bench-s%04d" % i, ShardCount=1)
    n["kinesis"] = 2 * k
    ath = m.client("athena")
    for i in range(k):
        ath.create_work_group(Name="bench-wg%04d" % i)
    n["athena"] = k + 1  # + primary
    sm = m.client("secretsmanager")
    for i in range(3 * k):
        sm.create_secret(Name="bench/secret%04d" % i, SecretString="x")
    n["ssm"] = 3 * k
    n["account"] = 0
    rds = m.client("rds")
    for i in range(2 * k):
        rds.create_db_instance(DBInstanceIdentifier="db%04d" % i, Engine="postgres", DBInstanceClass="db.t3.micro",
                               AllocatedStorage=20, MasterUsername="u", MasterUserPassword="pw-123456")
    for i in range(k):
        rds.create_db_snapshot(DBSnapshotIdentifier="snap%04d" % i, DBInstanceIdentifier="db%04d" % i)
    n["rds"] = 3 * k
    role = iam.create_role(RoleName="bench-fn", AssumeRolePolicyDocument=TRUST)["Role"]["Arn"]
    lam = m.client("lambda")
    for i in range(2 * k):
        lam.create_function(FunctionName="fn%04d" % i, Runtime="python3.12", Role=role, Handler="i.h",
                            Code={"ZipFile": b"PK\x05\x06" + b"\x00" * 18})
    n["lambda"] = 2 * k
    ecs = m.client("ecs")
    for i in range(k):
        ecs.create_cluster(clusterName="cl%04d" % i)
        ecs.register_task_definition(family="td%04d" % i, containerDefinitions=[
            {"name": "app", "image": "nginx", "memory": 128, "environment": [{"name": "MODE", "value": "x"}]}])
    n["ecs"] = 2 * k
    cb = m.client("codebuild")
    for i in range(k):
        cb.create_project(name="cb%04d" % i, source={"type": "GITHUB", "location": "https://github.com/o/r.git"},
                          artifacts={"type": "NO_ARTIFACTS"}, serviceRole="arn:aws:iam::123456789012:role/cb",
                          environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                                       "computeType": "BUILD_GENERAL1_SMALL"})
    n["codebuild"] = k
    cf = m.client("cloudfront")
    for i in range(k):
        cf.create_distribution(DistributionConfig={
            "CallerReference": "d%d" % i, "Comment": "", "Enabled": True,
            "Origins": {"Quantity": 1, "Items": [{"Id": "o", "DomainName": "b.s3.amazonaws.com",
                                                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
            "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": "allow-all", "MinTTL": 0,
                                     "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}}}})
    n["cloudfront"] = k
    asg = m.client("autoscaling")
    for i in range(k):
        asg.create_launch_configuration(LaunchConfigurationName="lc%04d" % i, ImageId="ami-12c6146b",
                                        InstanceType="t3.micro")
    n["ec2"] += k
    gw, gw2 = m.client("apigateway"), m.client("apigatewayv2")
    for i in range(k):
        api = gw.create_rest_api(name="rest%04d" % i)["id"]
        root = gw.get_resources(restApiId=api)["items"][0]["id"]
        gw.put_method(restApiId=api, resourceId=root, httpMethod="GET", authorizationType="NONE")
        gw.put_integration(restApiId=api, resourceId=root, httpMethod="GET", type="MOCK")
        gw.create_deployment(restApiId=api, stageName="prod")
        gw2.create_stage(ApiId=gw2.create_api(Name="http%04d" % i, ProtocolType="HTTP")["ApiId"], StageName="prod")
    n["apigateway"] = 2 * k  # REST and HTTP APIs (their stages, methods and routes come with them)
    return n


def build_driver(build):
    exe = os.path.join(build, "col_driver")
    subprocess.run(["sh", os.path.join(HERE, "build_driver.sh"), build], check=True, capture_output=True)
    return exe


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.environ.get("OSPREY_BUILD_DIR") or os.path.join(HERE, "..", "..", "build"))
    ap.add_argument("--scale", type=int, default=10, help="resources are ~100 x scale (default 10: ~1000)")
    a = ap.parse_args()
    drv = build_driver(a.build)
    m = Moto(workdir=tempfile.mkdtemp(prefix="osp-bench-"))
    try:
        t0 = time.time()
        counts = seed(m, a.scale)
        seed_s = time.time() - t0
        svcs = sorted(counts)
        cmd = [drv, "--endpoint", m.endpoint, "--region", "us-east-1"] + sum((["--service", s] for s in svcs), [])
        p = subprocess.run(cmd, capture_output=True, text=True, env=m.env())
        out = json.loads(p.stdout)
        t1 = time.time()
        r = subprocess.run([os.path.join(a.build, "osprey"), "inspect", "--quiet", "--endpoint", m.endpoint,
                            "--cache-dir", tempfile.mkdtemp(prefix="osp-bench-cache-"), "--region", "us-east-1"]
                           + sum((["--service", s] for s in svcs), []), capture_output=True, text=True, env=m.env())
        inspect_s = time.time() - t1
        total_res = sum(counts.values())
        print("seeded %d resources in %.1fs" % (total_res, seed_s))
        print("%-12s %9s %7s %10s %s" % ("service", "resources", "calls", "calls/res", "status"))
        for x in out["_results"]:
            res = counts.get(x["service"], 0)
            print("%-12s %9d %7d %10s %s" % (x["service"], res, x["calls"], "%.2f" % (x["calls"] / res) if res else "-",
                                              x["status"] + (" " + x["code"] if x["code"] else "")))
        st = out["_stats"]
        print("total: %d resources, %d calls (%.2f calls/resource), %d HTTP requests; driver wall %.2fs; "
              "osprey inspect wall %.2fs (rc %d)" % (total_res, st["calls"], st["calls"] / total_res, st["requests"],
                                                      st["wall"], inspect_s, r.returncode))
    finally:
        m.stop()


if __name__ == "__main__":
    main()
