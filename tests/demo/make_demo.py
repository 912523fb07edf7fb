#!/usr/bin/env python3
"""Regenerate tests/demo/demo-account.osc: the cache artifact of a deliberately misconfigured
AWS account, used by the README's first command (`osprey aws --offline --cache-artifact ...`).

It starts a private moto_server on 127.0.0.1, seeds it with boto3, scans it with osprey into the
artifact, and stops moto. Run it from the repository root after building:

    python3 tests/demo/make_demo.py [--osprey build/osprey] [--out tests/demo/demo-account.osc]
"""
import argparse
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tools"))
from faultproxy import FaultProxy  # noqa: E402
from osptest import Moto, run_osprey  # noqa: E402

ADMIN = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def seed_iam(m):
    iam = m.client("iam")
    iam.create_user(UserName="alice")  # console user without MFA, with keys and an inline admin policy
    iam.create_login_profile(UserName="alice", Password="Tr0ub4dor&3xyz!")
    iam.create_access_key(UserName="alice")
    iam.create_access_key(UserName="alice")
    iam.put_user_policy(UserName="alice", PolicyName="inline-admin", PolicyDocument=ADMIN)
    iam.create_user(UserName="deploy-bot")
    iam.attach_user_policy(UserName="deploy-bot", PolicyArn=iam.create_policy(
        PolicyName="full-admin", PolicyDocument=ADMIN)["Policy"]["Arn"])
    iam.create_group(GroupName="ops")
    iam.put_group_policy(GroupName="ops", PolicyName="ops-admin", PolicyDocument=ADMIN)
    iam.update_account_password_policy(MinimumPasswordLength=8, RequireSymbols=False, RequireNumbers=False,
                                       RequireUppercaseCharacters=False, RequireLowercaseCharacters=False,
                                       MaxPasswordAge=365, PasswordReusePrevention=1)


def seed_s3(m):
    s3 = m.client("s3")
    s3.create_bucket(Bucket="demo-public-assets")
    s3.put_bucket_acl(Bucket="demo-public-assets", ACL="public-read")
    s3.create_bucket(Bucket="demo-logs")
    s3.put_bucket_encryption(Bucket="demo-logs", ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]})
    s3.put_public_access_block(Bucket="demo-logs", PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    s3.put_bucket_versioning(Bucket="demo-logs", VersioningConfiguration={"Status": "Enabled"})


def seed_ec2(m):
    ec2 = m.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    sg = ec2.create_security_group(GroupName="ssh-from-anywhere", Description="wide open", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
        {"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    ec2.create_volume(AvailabilityZone="us-east-1a", Size=8, Encrypted=False)
    ec2.run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1, InstanceType="t3.micro",
                      SecurityGroupIds=[sg], MetadataOptions={"HttpTokens": "optional", "HttpEndpoint": "enabled"})


def seed_misc(m):
    kms = m.client("kms")
    kms.create_key(Description="app data key without rotation")
    trail_bucket = "demo-trail"
    m.client("s3").create_bucket(Bucket=trail_bucket)
    m.client("cloudtrail").create_trail(Name="single-region-trail", S3BucketName=trail_bucket, IsMultiRegionTrail=False)
    m.client("sns").create_topic(Name="alerts")
    m.client("logs").create_log_group(logGroupName="/demo/app")
    m.client("dynamodb").create_table(  # AWS-owned key, no point-in-time recovery
        TableName="demo-orders", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
    m.client("efs").create_file_system(CreationToken="demo-shared")  # unencrypted, no automatic backups
    m.client("kinesis").create_stream(StreamName="demo-clicks", ShardCount=1)  # unencrypted
    m.client("athena").create_work_group(Name="demo-adhoc")  # no result encryption, not enforced
    m.client("secretsmanager").create_secret(Name="demo/api-token", SecretString="demo-only")  # default key
    m.client("elasticache").create_cache_cluster(  # Valkey without automatic backups
        CacheClusterId="demo-sessions", Engine="valkey", CacheNodeType="cache.t3.micro", NumCacheNodes=1,
        SnapshotRetentionLimit=0)
    subnet = m.client("ec2").describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"][0]
    m.client("redshift").create_cluster_subnet_group(ClusterSubnetGroupName="demo-private", Description="demo",
                                                     SubnetIds=[subnet["SubnetId"]])
    m.client("redshift").create_cluster(  # public, unencrypted, default admin name (in a VPC, as AWS requires)
        ClusterIdentifier="demo-warehouse", NodeType="dc2.large", MasterUsername="awsuser",
        MasterUserPassword="Demo-only-1", ClusterType="single-node", PubliclyAccessible=True,
        ClusterSubnetGroupName="demo-private")
    m.client("kafka").create_cluster(  # plaintext clients, no broker logs
        ClusterName="demo-events", KafkaVersion="3.5.1", NumberOfBrokerNodes=2,
        BrokerNodeGroupInfo={"InstanceType": "kafka.t3.small", "ClientSubnets": ["subnet-a", "subnet-b"]},
        EncryptionInfo={"EncryptionAtRest": {"DataVolumeKMSKeyId": "arn:aws:kms:us-east-1:123456789012:key/demo"},
                        "EncryptionInTransit": {"ClientBroker": "TLS_PLAINTEXT", "InCluster": True}})
    m.client("mq").create_broker(  # public ActiveMQ broker without audit logs
        BrokerName="demo-orders", EngineType="ACTIVEMQ", EngineVersion="5.17.6", HostInstanceType="mq.t3.micro",
        DeploymentMode="SINGLE_INSTANCE", PubliclyAccessible=True, AutoMinorVersionUpgrade=True,
        Users=[{"Username": "demo", "Password": "demo-only-password"}])
    # a public zone without DNSSEC or query logging, and a CloudFront-scope web ACL with no rules,
    # no logging and no metrics (a REGIONAL one would need ListResourcesForWebACL, which moto lacks)
    m.client("route53").create_hosted_zone(Name="demo-shop.example", CallerReference="demo-shop")
    m.client("wafv2").create_web_acl(Name="demo-edge", Scope="CLOUDFRONT", DefaultAction={"Allow": {}},
                                     VisibilityConfig={"SampledRequestsEnabled": False,
                                                       "CloudWatchMetricsEnabled": False, "MetricName": "demo-edge"})


def seed_db(m):
    m.client("opensearch").create_domain(DomainName="demo-search")  # public, unencrypted, HTTP allowed
    m.client("neptune").create_db_cluster(DBClusterIdentifier="demo-graph", Engine="neptune")  # unencrypted, no audit log


def emr_no_security_configurations(method, path, headers, body):
    """moto has no ListSecurityConfigurations (HTTP 500); answer it the way AWS does for an account
    without any, which is the demo account's real state. Every other call goes to moto."""
    if headers.get("X-Amz-Target", "").endswith(".ListSecurityConfigurations"):
        return 200, {"Content-Type": "application/x-amz-json-1.1"}, json.dumps({"SecurityConfigurations": []})
    return None


class NoAnalyzers(http.server.BaseHTTPRequestHandler):
    """IAM Access Analyzer for the demo. moto has none (it answers HTTP 500, which osprey rightly
    reports as a scan error, but in the demo that would be an emulator gap posing as a finding).
    This answers ListAnalyzers the way AWS does for an account that never created an analyzer,
    which is the demo account's real state: moto cannot create one."""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        body = json.dumps({"analyzers": []}).encode() if self.path.split("?")[0] == "/analyzer" else b"{}"
        self.send_response(200 if body != b"{}" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_):
        pass


def seed_large(m):
    """The account of a team that grew fast: 200 buckets (a third public, half unencrypted with a
    KMS key) and 500 security groups (one in five with SSH open to the world)."""
    s3 = m.client("s3")
    for i in range(200):
        name = "large-%03d" % i
        s3.create_bucket(Bucket=name)
        if i % 3 == 0:
            s3.put_bucket_acl(Bucket=name, ACL="public-read")
        if i % 2 == 0:
            s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={
                "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]})
    ec2 = m.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    for i in range(500):
        sg = ec2.create_security_group(GroupName="svc-%03d" % i, Description="service %d" % i, VpcId=vpc)["GroupId"]
        if i % 5 == 0:
            ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
                {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--osprey", default=os.path.join("build", "osprey"))
    ap.add_argument("--out", default=os.path.join("tests", "demo", "demo-account.osc"))
    ap.add_argument("--large", action="store_true",
                    help="also seed 200 buckets and 500 security groups (tests/demo/large-account.osc)")
    a = ap.parse_args()
    os.environ["OSPREY_BIN"] = os.path.abspath(a.osprey)
    m = Moto()
    cache_dir = None
    aa = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NoAnalyzers)
    threading.Thread(target=aa.serve_forever, daemon=True).start()
    try:
        for seed in (seed_iam, seed_s3, seed_ec2, seed_misc, seed_db) + ((seed_large,) if a.large else ()):
            seed(m)
        out = os.path.abspath(a.out)
        if os.path.exists(out):
            os.unlink(out)
        cache_dir = tempfile.mkdtemp(prefix="osprey-demo-cache-")  # removed below
        import osptest
        osptest.OSPREY_BIN = os.environ["OSPREY_BIN"]
        with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=emr_no_security_configurations) as emr:
            r = run_osprey(["aws", "--region", "us-east-1", "--cache-artifact", out, "--cache-dir", cache_dir,
                            "--quiet", "--format", "json"],
                           env=m.env(AWS_ENDPOINT_URL_ACCESSANALYZER="http://127.0.0.1:%d" % aa.server_address[1],
                                     AWS_ENDPOINT_URL_EMR=emr.endpoint))
        if r.returncode not in (0, 1):
            sys.exit("osprey failed (%d): %s" % (r.returncode, r.stderr))
        failed = ["%s %s" % (s["Service"], s["Region"]) for s in json.loads(r.stdout)["Services"] if s["Status"] == "failed"]
        if failed:  # the demo shows only what was really collected
            sys.exit("services failed to collect: %s" % ", ".join(failed))
        print("wrote %s (%d bytes)" % (out, os.path.getsize(out)))
    finally:
        if cache_dir:
            shutil.rmtree(cache_dir, ignore_errors=True)
        aa.shutdown()
        m.stop()


if __name__ == "__main__":
    main()
