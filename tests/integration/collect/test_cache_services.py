"""Issue 15's cache, warehouse and messaging services against moto: elasticache, redshift, msk, mq.
The collectors' state, and every check of these services FAILs on a seeded misconfigured resource
and PASSes on its compliant twin; calls per resource stay within 2.

What moto 5.2.1 cannot express is listed in CANNOT_EXPRESS with the reason; those cases are covered
by the checks' _test.rego inputs and the mappers' unit tests (tests/unit/collect/test_cache_services.c)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, call_counts, inspect, readme_policy, scan_as_policy, scan_findings, unwrap  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

ACCOUNT = "123456789012"
CANNOT_EXPRESS = {
    "AVD-AWS-0049, AVD-AWS-0083, AVD-AWS-0085": "EC2-Classic cache/cluster security groups: AWS refuses the "
    "calls for VPC-by-default accounts, so osprey never collects them (retired checks, _test.rego only)",
    "elasticache serverless caches": "moto 5.2.1 answers DescribeServerlessCaches with a 500: the collector "
    "leaves `serverlesscaches` absent with a warning (asserted below); recorded responses cover the mapping",
    "OSP-AWS-0100 (cache cluster auto minor version upgrade)": "moto never returns AutoMinorVersionUpgrade "
    "for cache clusters",
    "OSP-AWS-0102 PASS (Redshift require_ssl true)": "moto 5.2.1 answers ModifyClusterParameterGroup with a "
    "500 and reports every group's require_ssl as false",
    "OSP-AWS-0104 PASS (Redshift audit logging on)": "moto's EnableLogging needs an existing bucket and is "
    "covered by recorded responses instead",
    "AVD-AWS-0127 FAIL (Redshift cluster outside a VPC)": "EC2-Classic: no cluster can be created without one "
    "on AWS; moto clusters without a subnet group have no VpcId, so the FAIL side is seeded",
    "OSP-AWS-0108 (MSK public access)": "moto ignores ConnectivityInfo.PublicAccess on create",
    "msk logging FAIL/PASS": "moto echoes LoggingInfo; both sides seeded below",
}


def test_elasticache_state_and_checks(t):
    m = t.moto()
    ec = m.client("elasticache")
    ec.create_cache_cluster(CacheClusterId="redis-nobackup", Engine="redis", CacheNodeType="cache.t3.micro",
                            NumCacheNodes=1, SnapshotRetentionLimit=0, CacheSubnetGroupName="default")
    ec.create_cache_cluster(CacheClusterId="redis-backup", Engine="redis", CacheNodeType="cache.t3.micro",
                            NumCacheNodes=1, SnapshotRetentionLimit=5)
    ec.create_cache_cluster(CacheClusterId="valkey-nobackup", Engine="valkey", CacheNodeType="cache.t3.micro",
                            NumCacheNodes=1, SnapshotRetentionLimit=0)
    ec.create_cache_cluster(CacheClusterId="memcached", Engine="memcached", CacheNodeType="cache.t3.micro",
                            NumCacheNodes=1)
    ec.create_replication_group(ReplicationGroupId="sealed", ReplicationGroupDescription="d", Engine="redis",
                                CacheNodeType="cache.t3.micro", NumCacheClusters=2, AtRestEncryptionEnabled=True,
                                TransitEncryptionEnabled=True, AutomaticFailoverEnabled=True)
    ec.create_replication_group(ReplicationGroupId="open", ReplicationGroupDescription="d", Engine="redis",
                                CacheNodeType="cache.t3.micro", NumCacheClusters=1, AtRestEncryptionEnabled=False,
                                TransitEncryptionEnabled=False)
    r = inspect(m, ["elasticache"])
    s = r.svc("elasticache")
    assert "serverlesscaches" not in s and "serverless caches not collected" in r.stderr, r.stderr[-1500:]
    assert "securitygroups" not in s, s
    c = unwrap(by(s["clusters"], "clusterid", "valkey-nobackup"))
    assert c["engine"] == "valkey" and c["snapshotretentionlimit"] == 0, c
    g = unwrap(by(s["replicationgroups"], "replicationgroupid", "sealed"))
    assert g["atrestencryptionenabled"] is True and g["transitencryptionenabled"] is True, g
    arn = "arn:aws:elasticache:us-east-1:%s:%%s" % ACCOUNT
    f = scan_findings(t.tmp, m, ["elasticache"])
    want = {("AVD-AWS-0050", arn % "cluster:redis-nobackup"): "FAIL",
            ("AVD-AWS-0050", arn % "cluster:valkey-nobackup"): "FAIL",  # Trivy misses Valkey
            ("AVD-AWS-0050", arn % "cluster:redis-backup"): "PASS",
            ("AVD-AWS-0045", arn % "replicationgroup:open"): "FAIL",
            ("AVD-AWS-0045", arn % "replicationgroup:sealed"): "PASS",
            ("AVD-AWS-0051", arn % "replicationgroup:open"): "FAIL",
            ("AVD-AWS-0051", arn % "replicationgroup:sealed"): "PASS",
            ("OSP-AWS-0110", arn % "replicationgroup:open"): "FAIL",
            ("OSP-AWS-0110", arn % "replicationgroup:sealed"): "PASS",
            ("OSP-AWS-0112", arn % "cluster:redis-nobackup"): "FAIL"}
    assert {k: f.get(k) for k in want} == want, f
    assert ("AVD-AWS-0050", arn % "cluster:memcached") not in f or f[("AVD-AWS-0050", arn % "cluster:memcached")] == "PASS"
    assert call_counts(m, ["elasticache"])["elasticache"] <= 3 + 6, "three lists, nothing per resource"


def test_redshift_state_and_checks(t):
    m = t.moto()
    rs, kms = m.client("redshift"), m.client("kms")
    cmk = kms.create_key(Description="warehouse")["KeyMetadata"]["Arn"]
    rs.create_cluster_parameter_group(ParameterGroupName="custom", ParameterGroupFamily="redshift-1.0", Description="d")
    rs.create_cluster(ClusterIdentifier="bad", NodeType="dc2.large", MasterUsername="awsuser",
                      MasterUserPassword="Passw0rd1", ClusterType="single-node", PubliclyAccessible=True,
                      AllowVersionUpgrade=False, Encrypted=False, AutomatedSnapshotRetentionPeriod=1)
    rs.create_cluster(ClusterIdentifier="good", NodeType="dc2.large", MasterUsername="admin0", DBName="sales",
                      MasterUserPassword="Passw0rd1", ClusterType="single-node", PubliclyAccessible=False,
                      AllowVersionUpgrade=True, Encrypted=True, KmsKeyId=cmk, ClusterParameterGroupName="custom",
                      AutomatedSnapshotRetentionPeriod=7, EnhancedVpcRouting=True)
    s = inspect(m, ["redshift"]).svc("redshift")
    good = unwrap(by(s["clusters"], "clusteridentifier", "good"))
    assert good["encryption"] == {"enabled": True, "kmskeyid": cmk}, good
    assert good["loggingenabled"] is False and good["parametergroupnames"] == ["custom"], good
    params = {(p["parametergroupname"], p["parametername"]): p["parametervalue"] for p in unwrap(s["clusterparameters"])}
    assert params[("custom", "require_ssl")] == "false" and ("default.redshift-1.0", "require_ssl") in params, params
    assert "securitygroups" not in s, s
    arn = "arn:aws:redshift:us-east-1:%s:cluster:%%s" % ACCOUNT
    f = scan_findings(t.tmp, m, ["redshift", "kms"])
    want = {("AVD-AWS-0084", arn % "bad"): "FAIL", ("AVD-AWS-0084", arn % "good"): "PASS",
            ("AVD-AWS-0127", arn % "bad"): "FAIL",
            ("OSP-AWS-0101", arn % "bad"): "FAIL", ("OSP-AWS-0101", arn % "good"): "PASS",
            ("OSP-AWS-0102", arn % "bad"): "FAIL",
            ("OSP-AWS-0103", arn % "bad"): "FAIL", ("OSP-AWS-0103", arn % "good"): "PASS",
            ("OSP-AWS-0104", arn % "bad"): "FAIL",
            ("OSP-AWS-0105", arn % "bad"): "FAIL", ("OSP-AWS-0105", arn % "good"): "PASS",
            ("OSP-AWS-0106", arn % "bad"): "FAIL", ("OSP-AWS-0106", arn % "good"): "PASS",
            ("OSP-AWS-0107", arn % "bad"): "FAIL", ("OSP-AWS-0107", arn % "good"): "PASS",
            ("OSP-AWS-0118", arn % "bad"): "FAIL", ("OSP-AWS-0118", arn % "good"): "PASS"}
    assert {k: f.get(k) for k in want} == want, f
    # one list page, one DescribeLoggingStatus per cluster, one DescribeClusterParameters per group
    assert call_counts(m, ["redshift"])["redshift"] <= 1 + 2 + 2


def test_msk_state_and_checks(t):
    m = t.moto()
    k = m.client("kafka")
    nodes = {"InstanceType": "kafka.m5.large", "ClientSubnets": ["subnet-1", "subnet-2", "subnet-3"]}
    bad = k.create_cluster(ClusterName="plain", KafkaVersion="3.5.1", NumberOfBrokerNodes=3, BrokerNodeGroupInfo=nodes,
                           EncryptionInfo={"EncryptionInTransit": {"ClientBroker": "TLS_PLAINTEXT", "InCluster": False}},
                           EnhancedMonitoring="DEFAULT",
                           ClientAuthentication={"Unauthenticated": {"Enabled": True}})["ClusterArn"]
    good = k.create_cluster(
        ClusterName="sealed", KafkaVersion="3.5.1", NumberOfBrokerNodes=3, BrokerNodeGroupInfo=nodes,
        EncryptionInfo={"EncryptionAtRest": {"DataVolumeKMSKeyId": "arn:aws:kms:us-east-1:%s:key/k" % ACCOUNT},
                        "EncryptionInTransit": {"ClientBroker": "TLS", "InCluster": True}},
        EnhancedMonitoring="PER_BROKER",
        ClientAuthentication={"Sasl": {"Iam": {"Enabled": True}}, "Unauthenticated": {"Enabled": False}},
        LoggingInfo={"BrokerLogs": {"CloudWatchLogs": {"Enabled": True, "LogGroup": "msk"}}})["ClusterArn"]
    srv = k.create_cluster_v2(ClusterName="srv", Serverless={"VpcConfigs": [{"SubnetIds": ["subnet-1"]}]})["ClusterArn"]
    s = inspect(m, ["msk"]).svc("msk")
    assert len(s["clusters"]) == 3, s  # ListClustersV2: the serverless cluster too
    g = unwrap(by(s["clusters"], "name", "sealed"))
    assert g["encryptionintransit"] == {"clientbroker": "TLS", "incluster": True}, g
    assert g["logging"]["broker"]["cloudwatch"]["enabled"] is True, g
    assert unwrap(by(s["clusters"], "name", "srv"))["clustertype"] == "SERVERLESS"
    f = scan_findings(t.tmp, m, ["msk"])
    want = {("AVD-AWS-0073", bad): "FAIL", ("AVD-AWS-0073", good): "PASS", ("AVD-AWS-0073", srv): "PASS",
            ("AVD-AWS-0074", bad): "FAIL", ("AVD-AWS-0074", good): "PASS",
            ("AVD-AWS-0179", bad): "FAIL", ("AVD-AWS-0179", good): "PASS",
            ("OSP-AWS-0113", bad): "FAIL", ("OSP-AWS-0113", good): "PASS",
            ("OSP-AWS-0114", bad): "FAIL", ("OSP-AWS-0114", good): "PASS",
            ("OSP-AWS-0115", bad): "FAIL", ("OSP-AWS-0115", good): "PASS"}
    assert {k: f.get(k) for k in want} == want, f
    assert ("AVD-AWS-0074", srv) not in f or f[("AVD-AWS-0074", srv)] == "PASS"
    assert call_counts(m, ["msk"])["msk"] == 1, "ListClustersV2 alone: nothing per cluster"


def test_mq_state_and_checks(t):
    m = t.moto()
    mq = m.client("mq")
    users = [{"Username": "u", "Password": "passwordpassword"}]
    bad = mq.create_broker(BrokerName="amq-bad", EngineType="ACTIVEMQ", EngineVersion="5.17.6",
                           HostInstanceType="mq.t3.micro", DeploymentMode="SINGLE_INSTANCE", PubliclyAccessible=True,
                           AutoMinorVersionUpgrade=False, Users=users, Logs={"Audit": False, "General": False})
    good = mq.create_broker(BrokerName="amq-good", EngineType="ACTIVEMQ", EngineVersion="5.17.6",
                            HostInstanceType="mq.t3.micro", DeploymentMode="ACTIVE_STANDBY_MULTI_AZ",
                            PubliclyAccessible=False, AutoMinorVersionUpgrade=True, Users=users,
                            Logs={"Audit": True, "General": True})
    rabbit = mq.create_broker(BrokerName="rabbit", EngineType="RABBITMQ", EngineVersion="3.13",
                              HostInstanceType="mq.t3.micro", DeploymentMode="SINGLE_INSTANCE",
                              PubliclyAccessible=False, AutoMinorVersionUpgrade=True, Users=users,
                              Logs={"General": True})
    s = inspect(m, ["mq"]).svc("mq")
    r = unwrap(by(s["brokers"], "name", "rabbit"))
    assert r["enginetype"] == "RABBITMQ" and "audit" not in r["logging"], r
    assert unwrap(by(s["brokers"], "name", "amq-bad"))["publicaccess"] is True
    arn = {"bad": bad["BrokerArn"], "good": good["BrokerArn"], "rabbit": rabbit["BrokerArn"]}
    f = scan_findings(t.tmp, m, ["mq"])
    want = {("AVD-AWS-0070", arn["bad"]): "FAIL", ("AVD-AWS-0070", arn["good"]): "PASS",
            ("AVD-AWS-0071", arn["bad"]): "FAIL", ("AVD-AWS-0071", arn["good"]): "PASS",
            ("AVD-AWS-0072", arn["bad"]): "FAIL", ("AVD-AWS-0072", arn["good"]): "PASS",
            ("OSP-AWS-0109", arn["bad"]): "FAIL", ("OSP-AWS-0109", arn["good"]): "PASS",
            ("OSP-AWS-0116", arn["bad"]): "FAIL", ("OSP-AWS-0116", arn["good"]): "PASS",
            ("OSP-AWS-0117", arn["rabbit"]): "FAIL"}
    assert {k: f.get(k) for k in want} == want, f
    assert f.get(("AVD-AWS-0070", arn["rabbit"])) in (None, "PASS"), "audit logs do not apply to RabbitMQ"
    assert call_counts(m, ["mq"])["mq"] <= 1 + 3, "one ListBrokers page, one DescribeBroker per broker"


def test_help_readme_and_policy_name_the_services_and_their_reads(t):
    r = run_osprey(["aws", "--help"])
    assert r.returncode == 0, r.stderr
    listed = r.stdout.split("Services (--service / --skip-service):", 1)[1]
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        readme = f.read()
    services = readme.split("### Services", 1)[1].split("\n#", 1)[0]
    policy = readme.split("<!-- permissions:begin -->", 1)[1].split("<!-- permissions:end -->", 1)[0]
    for svc in ("elasticache", "mq", "msk", "redshift"):
        assert "\n  %s " % svc in listed and "| `%s` |" % svc in services, svc
    reads = ["elasticache:DescribeCacheClusters", "elasticache:DescribeReplicationGroups",
             "elasticache:DescribeServerlessCaches", "redshift:DescribeClusters", "redshift:DescribeLoggingStatus",
             "redshift:DescribeClusterParameters", "kafka:ListClustersV2", "mq:ListBrokers", "mq:DescribeBroker"]
    assert not [a for a in reads if '"%s"' % a not in policy], policy


SVC = ["elasticache", "mq", "msk", "redshift"]
# mq and msk are left out: with auth on, moto 5.2.1 answers their REST-JSON requests (boto3's too) with
# SignatureDoesNotMatch; their reads are checked by name in the help/README test above
QUERY_SVC = ["elasticache", "redshift"]


def test_readme_minimal_policy_lets_these_services_collect_completely(t):
    """moto with IAM enforcement: a user holding exactly the README's policy collects elasticache and
    redshift with no failure and no gap; without their reads, they fail."""
    def seeded():
        m = t.moto()
        m.client("elasticache").create_cache_cluster(CacheClusterId="c", Engine="redis",
                                                     CacheNodeType="cache.t3.micro", NumCacheNodes=1)
        m.client("redshift").create_cluster(ClusterIdentifier="w", NodeType="dc2.large", MasterUsername="admin0",
                                            MasterUserPassword="Passw0rd1", ClusterType="single-node")
        return m

    policy = readme_policy()
    status, rep = scan_as_policy(t.tmp, seeded(), policy, QUERY_SVC, "full")
    assert status == {svc: "ok" for svc in QUERY_SVC}, (status, rep["Services"])
    assert not rep.get("Gaps"), rep.get("Gaps")
    prefixes = ("elasticache:", "redshift:")
    policy["Statement"][0]["Action"] = [a for a in policy["Statement"][0]["Action"] if not a.startswith(prefixes)]
    status, _ = scan_as_policy(t.tmp, seeded(), policy, QUERY_SVC, "none")
    assert status == {svc: "failed" for svc in QUERY_SVC}, status


def test_a_region_without_the_service_is_not_available(t):
    """Amazon MQ and MSK are missing from some regions: their AWS host name does not resolve there.
    That is `skipped`, never failed, and the other services still count."""
    m = t.moto()
    env = m.env()
    env.pop("AWS_ENDPOINT_URL", None)
    env.update(AWS_ENDPOINT_URL_STS=m.endpoint, AWS_ENDPOINT_URL_ELASTICACHE=m.endpoint,
               AWS_ENDPOINT_URL_REDSHIFT=m.endpoint)
    args = ["aws", "--region", "us-east-1", "--cache-dir", os.path.join(t.tmp, "c"), "--format", "json"]
    for svc in SVC:
        args += ["--service", svc]
    r = run_osprey(args, env=env)
    assert r.stdout.strip(), (r.returncode, r.stderr[-2000:])
    svcs = {s["Service"]: s for s in json.loads(r.stdout)["Services"]}
    assert svcs["mq"]["Status"] == "skipped" and svcs["msk"]["Status"] == "skipped", svcs
    assert svcs["elasticache"]["Status"] == "ok" and svcs["redshift"]["Status"] == "ok", svcs


if __name__ == "__main__":
    main(globals())
