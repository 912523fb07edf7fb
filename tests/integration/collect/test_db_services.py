"""elasticsearch (OpenSearch API), neptune, documentdb and emr against moto: the collectors' state, and
every check of these services FAILs on a seeded misconfigured resource and PASSes on its compliant twin
where moto can express it.

What moto 5.2.1 cannot express is listed in CANNOT_EXPRESS with the reason; those cases are covered by
the checks' _test.rego inputs and the mappers' unit tests on recorded responses
(tests/unit/collect/test_db_services.c)."""
import json
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap, val  # noqa: E402
from test_data_services import OptIn, findings  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from faultproxy import FaultProxy  # noqa: E402
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

ACCOUNT = "123456789012"
FIXTURES = os.path.join(SOURCE_DIR, "tests", "fixtures", "collect")
CANNOT_EXPRESS = {
    "documentdb (every check)": "moto rejects CreateDBCluster with Engine=docdb (through the docdb and rds clients): the "
                                "DocumentDB answers come from recorded AWS responses served by a loopback proxy below, "
                                "and the mapping is pinned in the unit test",
    "emr ListSecurityConfigurations": "moto answers 500; the proxy answers the list with the names of configurations "
                                      "created in moto, whose DescribeSecurityConfiguration moto serves",
    "OSP-AWS-0125 (service software update)": "moto returns no ServiceSoftwareOptions: never judged on moto; "
                                              "recorded response and _test.rego",
    "OSP-AWS-0120 with a VPCId": "moto's VPCOptions carry SubnetIds but no VPCId; the VPC domain is recognised by its "
                                 "subnets, the VPCId case is in the recorded response",
    "OSP-AWS-0128 PASS (Neptune IAM auth)": "moto's CreateDBCluster for neptune refuses IAM authentication "
                                            "(InvalidParameterCombination, as for a Multi-AZ DB cluster)",
    "OSP-AWS-0132 PASS (Neptune Multi-AZ)": "moto answers MultiAZ false for every cluster",
    "OSP-AWS-0138 with block public access off": "moto stores BlockPublicSecurityGroupRules=false as true; the FAIL "
                                                 "twin permits port 80 instead, the off case is in the _test.rego",
    "OSP-AWS-0137 PASS (EMR private primary node)": "moto gives every primary node a public ec2-...amazonaws.com name; "
                                                    "the private name is in the recorded response",
    "AVD-AWS-0128 with the AWS managed key as a key ARN": "moto keeps the key reference as given (alias/aws/rds is "
                                                          "seeded instead); the key ARN case is in the _test.rego",
}


def xml_answer(name):
    with open(os.path.join(FIXTURES, name)) as f:
        return 200, {"Content-Type": "text/xml"}, f.read()


def test_opensearch_state_and_checks(t):
    m = t.moto()
    os_ = m.client("opensearch")
    open_policy = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*",
         "Resource": "arn:aws:es:us-east-1:%s:domain/bad/*" % ACCOUNT}]})
    # public, open to anyone, nothing on, TLS 1.0 policy
    os_.create_domain(DomainName="bad", EngineVersion="OpenSearch_2.11", AccessPolicies=open_policy)
    os_.create_domain(
        DomainName="good", EngineVersion="OpenSearch_2.11",
        ClusterConfig={"InstanceType": "r6g.large.search", "InstanceCount": 3, "DedicatedMasterEnabled": True,
                       "DedicatedMasterCount": 3, "ZoneAwarenessEnabled": True},
        EncryptionAtRestOptions={"Enabled": True}, NodeToNodeEncryptionOptions={"Enabled": True},
        DomainEndpointOptions={"EnforceHTTPS": True, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"},
        VPCOptions={"SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"]},
        AdvancedSecurityOptions={"Enabled": True, "InternalUserDatabaseEnabled": True,
                                 "MasterUserOptions": {"MasterUserName": "admin", "MasterUserPassword": "Passw0rd!x"}},
        LogPublishingOptions={
            "AUDIT_LOGS": {"CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:%s:log-group:a" % ACCOUNT, "Enabled": True},
            "ES_APPLICATION_LOGS": {"CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:%s:log-group:e" % ACCOUNT,
                                    "Enabled": True}})
    # an Elasticsearch-engine domain created through the legacy API: the OpenSearch API lists it too
    m.client("es").create_elasticsearch_domain(DomainName="legacy", ElasticsearchVersion="7.10")
    for i in range(6):  # 9 domains: two DescribeDomains batches
        os_.create_domain(DomainName="more-%d" % i)

    s = inspect(m, ["elasticsearch"]).svc("elasticsearch")
    arn = "arn:aws:es:us-east-1:%s:domain/%%s" % ACCOUNT
    names = sorted(val(d["domainname"]) for d in s["domains"])
    assert names == sorted(["bad", "good", "legacy"] + ["more-%d" % i for i in range(6)]), names
    g = unwrap(by(s["domains"], "domainname", "good"))
    assert g["atrestencryption"]["enabled"] is True and g["transitencryption"] == {"enabled": True}, g
    assert g["endpoint"] == {"enforcehttps": True, "tlspolicy": "Policy-Min-TLS-1-2-PFS-2023-10"}, g
    assert g["logpublishing"]["auditenabled"] is True and g["logpublishing"]["errorenabled"] is True, g
    assert g["subnetids"] == ["subnet-1"] and g["advancedsecurity"]["enabled"] is True, g
    assert g["clusterconfig"]["instancecount"] == 3 and g["clusterconfig"]["dedicatedmastercount"] == 3, g
    b = unwrap(by(s["domains"], "domainname", "bad"))
    assert b["atrestencryption"]["enabled"] is False and b["logpublishing"]["auditenabled"] is False, b
    assert "vpcid" not in b and "subnetids" not in b, b

    f, _ = findings(t, m, ["elasticsearch"])
    want = {}
    for cid in ("AVD-AWS-0042", "AVD-AWS-0043", "AVD-AWS-0046", "AVD-AWS-0048", "AVD-AWS-0126", "OSP-AWS-0120",
                "OSP-AWS-0121", "OSP-AWS-0122", "OSP-AWS-0123", "OSP-AWS-0124", "OSP-AWS-0139"):
        want[(cid, arn % "bad")] = "FAIL"
        want[(cid, arn % "good")] = "PASS"
    got = {k: f.get(k) for k in want}
    assert got == want, got
    # moto returns no ServiceSoftwareOptions: never a FAIL on a guess
    assert not [k for k, v in f.items() if k[0] == "OSP-AWS-0125" and v == "FAIL"], f
    assert inspect(m, ["elasticsearch"], regions=["eu-west-3"]).svc("elasticsearch", "eu-west-3")["domains"] == []


def seed_neptune(m):
    kms = m.client("kms")
    cmk = kms.create_key(Description="neptune")["KeyMetadata"]["Arn"]
    rds, nep = m.client("rds"), m.client("neptune")
    # Aurora (and any other engine) is not Neptune: Trivy judges it as Neptune and as DocumentDB
    rds.create_db_cluster(DBClusterIdentifier="aur", Engine="aurora-postgresql", MasterUsername="admin",
                          MasterUserPassword="password-1")
    nep.create_db_cluster(DBClusterIdentifier="nep-bad", Engine="neptune")
    nep.create_db_cluster(DBClusterIdentifier="nep-awskey", Engine="neptune", StorageEncrypted=True,
                          KmsKeyId="alias/aws/rds")
    nep.create_db_cluster(DBClusterIdentifier="nep-good", Engine="neptune", StorageEncrypted=True, KmsKeyId=cmk,
                          DeletionProtection=True, BackupRetentionPeriod=7, EnableCloudwatchLogsExports=["audit"],
                          CopyTagsToSnapshot=True)
    nep.create_db_cluster_snapshot(DBClusterIdentifier="nep-bad", DBClusterSnapshotIdentifier="nep-public")
    rds.modify_db_cluster_snapshot_attribute(DBClusterSnapshotIdentifier="nep-public", AttributeName="restore",
                                             ValuesToAdd=["all"])
    nep.create_db_cluster_snapshot(DBClusterIdentifier="nep-good", DBClusterSnapshotIdentifier="nep-private")
    rds.modify_db_cluster_snapshot_attribute(DBClusterSnapshotIdentifier="nep-private", AttributeName="restore",
                                             ValuesToAdd=["444455556666"])
    rds.create_db_cluster_snapshot(DBClusterIdentifier="aur", DBClusterSnapshotIdentifier="aur-snap")


def test_neptune_state_and_checks(t):
    m = t.moto()
    seed_neptune(m)
    r = inspect(m, ["neptune", "documentdb", "rds"])
    s = r.svc("neptune")
    assert sorted(val(c["identifier"]) for c in s["clusters"]) == ["nep-awskey", "nep-bad", "nep-good"], s
    assert [val(x["identifier"]) for x in s["clustersnapshots"]] == ["nep-public", "nep-private"] or \
        sorted(val(x["identifier"]) for x in s["clustersnapshots"]) == ["nep-private", "nep-public"], s
    g = unwrap(by(s["clusters"], "identifier", "nep-good"))
    assert g["logging"] == {"audit": True} and g["enabledlogexports"] == ["audit"], g
    assert g["storageencrypted"] is True and g["deletionprotection"] is True and g["backupretentionperiod"] == 7, g
    assert g["copytagstosnapshot"] is True and g["engine"] == "neptune", g
    pub = unwrap(by(s["clustersnapshots"], "identifier", "nep-public"))
    assert pub["snapshotattributes"] == [{"attributename": "restore", "attributevalues": ["all"]}], pub
    # the engine filter: Neptune is in neither DocumentDB nor RDS, Aurora only in RDS
    assert r.svc("documentdb") == {"clusters": [], "clustersnapshots": []}, r.svc("documentdb")
    assert [val(c["clusteridentifier"]) for c in r.svc("rds")["clusters"]] == ["aur"], r.svc("rds")["clusters"]

    f, _ = findings(t, m, ["neptune", "kms"])
    c = "arn:aws:rds:us-east-1:%s:cluster:%%s" % ACCOUNT
    snap = "arn:aws:rds:us-east-1:%s:cluster-snapshot:%%s" % ACCOUNT
    want = {
        ("AVD-AWS-0075", c % "nep-bad"): "FAIL", ("AVD-AWS-0075", c % "nep-good"): "PASS",
        ("AVD-AWS-0076", c % "nep-bad"): "FAIL", ("AVD-AWS-0076", c % "nep-good"): "PASS",
        ("AVD-AWS-0128", c % "nep-awskey"): "FAIL", ("AVD-AWS-0128", c % "nep-good"): "PASS",
        ("OSP-AWS-0126", c % "nep-bad"): "FAIL", ("OSP-AWS-0126", c % "nep-good"): "PASS",
        ("OSP-AWS-0127", c % "nep-bad"): "FAIL", ("OSP-AWS-0127", c % "nep-good"): "PASS",
        ("OSP-AWS-0128", c % "nep-good"): "FAIL",  # moto cannot turn IAM authentication on (CANNOT_EXPRESS)
        ("OSP-AWS-0129", snap % "nep-public"): "FAIL", ("OSP-AWS-0129", snap % "nep-private"): "PASS",
        ("OSP-AWS-0130", snap % "nep-public"): "FAIL", ("OSP-AWS-0130", snap % "nep-private"): "PASS",
        ("OSP-AWS-0131", c % "nep-bad"): "FAIL", ("OSP-AWS-0131", c % "nep-good"): "PASS",
        ("OSP-AWS-0132", c % "nep-bad"): "FAIL",
    }
    got = {k: f.get(k) for k in want}
    assert got == want, got
    assert not [k for k in f if k[1] in (c % "aur", snap % "aur-snap")], [k for k in f if "aur" in k[1]]


def docdb_answers(method, path, headers, body):
    """Recorded DocumentDB answers for the docdb-filtered RDS reads (moto cannot create a docdb cluster);
    everything else goes to moto."""
    form = urllib.parse.parse_qs(body.decode() if isinstance(body, bytes) else body)
    if form.get("Filters.Filter.1.Values.Value.1") != ["docdb"] and not form.get("DBClusterSnapshotIdentifier", [""])[0].startswith("docs-"):
        return None
    action = form.get("Action", [""])[0]
    if action == "DescribeDBClusters":
        return xml_answer("docdb_clusters_aws.xml")
    if action == "DescribeDBInstances":
        return xml_answer("docdb_instances_aws.xml")
    if action == "DescribeDBClusterSnapshots":
        return xml_answer("docdb_cluster_snapshots_aws.xml")
    if action == "DescribeDBClusterSnapshotAttributes":
        return xml_answer("docdb_snapshot_attrs_%s.xml" % form["DBClusterSnapshotIdentifier"][0][len("docs-"):])
    return None


def test_documentdb_from_recorded_answers(t):
    m = t.moto()
    kms = m.client("kms")
    kms.create_key(Description="unrelated")  # kms collected: the recorded keys are not in it
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=docdb_answers) as p:
        env = m.env(AWS_ENDPOINT_URL=p.endpoint)
        d = run_osprey(["inspect", "--region", "us-east-1", "--service", "documentdb", "--cache-dir",
                        os.path.join(t.tmp, "i")], env=env)
        assert d.returncode == 0, d.stderr[-2000:]
        s = run_osprey(["aws", "--region", "us-east-1", "--service", "documentdb", "--include-non-failures",
                        "--format", "json", "--cache-dir", os.path.join(t.tmp, "s")], env=env)
        assert s.returncode in (0, 1), s.stderr[-2000:]
    doc = json.loads(d.stdout)["aws"]["documentdb"]
    assert [val(c["identifier"]) for c in doc["clusters"]] == ["docs-bad", "docs-awskey", "docs-good"], doc
    assert [val(i["identifier"]) for i in by(doc["clusters"], "identifier", "docs-good")["instances"]] == ["docs-good-1"]
    c = "arn:aws:rds:us-east-1:111122223333:cluster:%s"
    snap = "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:%s"
    f = {(x["ID"], x["Resource"]): x["Status"] for x in json.loads(s.stdout)["Findings"]}
    want = {
        ("AVD-AWS-0020", c % "docs-bad"): "FAIL", ("AVD-AWS-0020", c % "docs-awskey"): "PASS",
        ("AVD-AWS-0020", c % "docs-good"): "PASS",
        ("AVD-AWS-0021", c % "docs-bad"): "FAIL", ("AVD-AWS-0021", c % "docs-good"): "PASS",
        ("OSP-AWS-0133", c % "docs-bad"): "FAIL", ("OSP-AWS-0133", c % "docs-good"): "PASS",
        ("OSP-AWS-0134", snap % "docs-public"): "FAIL", ("OSP-AWS-0134", snap % "docs-private"): "PASS",
        ("OSP-AWS-0135", c % "docs-awskey"): "FAIL", ("OSP-AWS-0135", c % "docs-good"): "PASS",
        ("OSP-AWS-0136", c % "docs-bad"): "FAIL", ("OSP-AWS-0136", c % "docs-good"): "PASS",
    }
    got = {k: f.get(k) for k in want}
    assert got == want, got
    # 0022 without kms in the scan: a key ARN is never guessed AWS managed
    assert f.get(("AVD-AWS-0022", c % "docs-awskey")) != "FAIL", f
    assert not [k for k in f if "aur-stray" in k[1]], f


CONFIGS = {
    "sc-good": {"EncryptionConfiguration": {
        "EnableInTransitEncryption": True, "EnableAtRestEncryption": True,
        "InTransitEncryptionConfiguration": {"TLSCertificateConfiguration": {"CertificateProviderType": "PEM",
                                                                             "S3Object": "s3://certs/emr.zip"}},
        "AtRestEncryptionConfiguration": {
            "S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"},
            "LocalDiskEncryptionConfiguration": {"EncryptionKeyProviderType": "AwsKms", "AwsKmsKey": "arn:k"}}}},
    "sc-bad": {"EncryptionConfiguration": {"EnableInTransitEncryption": False, "EnableAtRestEncryption": False}},
}


def emr_list_answer(method, path, headers, body):
    if headers.get("X-Amz-Target", "").endswith(".ListSecurityConfigurations"):  # moto: 500
        return 200, {"Content-Type": "application/x-amz-json-1.1"}, json.dumps(
            {"SecurityConfigurations": [{"Name": n, "CreationDateTime": 1733600000.0} for n in sorted(CONFIGS)]})
    return None


def cluster(emr, name, **kw):
    return emr.run_job_flow(Name=name, ReleaseLabel="emr-6.10.0", JobFlowRole="EMR_EC2_DefaultRole",
                            ServiceRole="EMR_DefaultRole",
                            Instances={"MasterInstanceType": "m5.xlarge", "SlaveInstanceType": "m5.xlarge",
                                       "InstanceCount": 1, "KeepJobFlowAliveWhenNoSteps": True}, **kw)["JobFlowId"]


def test_emr_state_and_checks(t):
    m = t.moto()
    emr = m.client("emr")
    for n, conf in CONFIGS.items():
        emr.create_security_configuration(Name=n, SecurityConfiguration=json.dumps(conf))
    good = cluster(emr, "good", SecurityConfiguration="sc-good")
    bad = cluster(emr, "bad", SecurityConfiguration="sc-bad")
    none = cluster(emr, "none")
    gone = cluster(emr, "gone")
    emr.terminate_job_flows(JobFlowIds=[gone])  # not active: not collected, not judged
    emr.put_block_public_access_configuration(BlockPublicAccessConfiguration={
        "BlockPublicSecurityGroupRules": True, "PermittedPublicSecurityGroupRuleRanges": [{"MinRange": 22, "MaxRange": 22}]})
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=emr_list_answer) as p:
        env = m.env(AWS_ENDPOINT_URL=p.endpoint)
        d = run_osprey(["inspect", "--region", "us-east-1", "--service", "emr", "--cache-dir",
                        os.path.join(t.tmp, "i")], env=env)
        assert d.returncode == 0, d.stderr[-2000:]
        s = run_osprey(["aws", "--region", "us-east-1", "--service", "emr", "--include-non-failures", "--format",
                        "json", "--cache-dir", os.path.join(t.tmp, "s")], env=env)
        assert s.returncode in (0, 1), s.stderr[-2000:]
        # moto ignores BlockPublicSecurityGroupRules=false (CANNOT_EXPRESS): the FAIL twin opens port 80
        emr.put_block_public_access_configuration(BlockPublicAccessConfiguration={
            "BlockPublicSecurityGroupRules": True,
            "PermittedPublicSecurityGroupRuleRanges": [{"MinRange": 22, "MaxRange": 22}, {"MinRange": 80, "MaxRange": 80}]})
        s2 = run_osprey(["aws", "--region", "us-east-1", "--service", "emr",
                         "--include-non-failures", "--format", "json", "--cache-dir", os.path.join(t.tmp, "s2")], env=env)
        assert s2.returncode in (0, 1), s2.stderr[-2000:]
    doc = json.loads(d.stdout)["aws"]["emr"]
    ids = sorted(val(c["id"]) for c in doc["clusters"])
    assert ids == sorted([good, bad, none]), (ids, gone)
    g = unwrap(by(doc["clusters"], "id", good))
    assert g["securityconfiguration"] == "sc-good" and g["settings"]["name"] == "good", g
    assert g["settings"]["releaselabel"] == "emr-6.10.0" and g["settings"]["servicerole"] == "EMR_DefaultRole", g
    assert "securityconfiguration" not in unwrap(by(doc["clusters"], "id", none))
    assert sorted(val(x["name"]) for x in doc["securityconfiguration"]) == ["sc-bad", "sc-good"], doc
    assert json.loads(val(by(doc["securityconfiguration"], "name", "sc-good")["configuration"])) == CONFIGS["sc-good"]
    assert unwrap(doc["blockpublicaccess"]) == {"blockpublicsecuritygrouprules": True,
                                                "permittedpublicsecuritygroupruleranges": [{"minrange": 22, "maxrange": 22}]}, doc["blockpublicaccess"]

    rep = json.loads(s.stdout)
    f = {(x["ID"], x["Resource"]): x["Status"] for x in rep["Findings"]}
    carn = "arn:aws:elasticmapreduce:us-east-1:%s:cluster/%%s" % ACCOUNT
    sarn = "arn:aws:elasticmapreduce:us-east-1:%s:security-configuration/%%s" % ACCOUNT
    want = {}
    for cid in ("AVD-AWS-0137", "AVD-AWS-0138", "AVD-AWS-0139"):
        want.update({(cid, sarn % "sc-bad"): "FAIL", (cid, sarn % "sc-good"): "PASS",
                     (cid, carn % bad): "FAIL", (cid, carn % none): "FAIL", (cid, carn % good): "PASS"})
    want[("OSP-AWS-0137", carn % good)] = "FAIL"  # moto: every primary node has a public name (CANNOT_EXPRESS)
    got = {k: f.get(k) for k in want}
    assert got == want, got
    bpa = [x["Status"] for x in rep["Findings"] if x["ID"] == "OSP-AWS-0138"]
    assert bpa == ["PASS"], bpa
    bpa = [(x["Status"], x["Message"]) for x in json.loads(s2.stdout)["Findings"] if x["ID"] == "OSP-AWS-0138"]
    assert bpa == [("FAIL", "EMR block public access lets ports 80-80 be opened to the internet.")], bpa
    assert not [k for k in f if gone in k[1]], f
    assert all(x["Status"] == "ok" for x in rep["Services"]), rep["Services"]


LOCKED = [""]


def emr_denied_cluster(method, path, headers, body):
    """ListSecurityConfigurations answered (moto: 500), DescribeCluster of one cluster denied."""
    if headers.get("X-Amz-Target", "").endswith(".DescribeCluster") and LOCKED[0].encode() in body:
        return 400, {"Content-Type": "application/x-amz-json-1.1"}, json.dumps(
            {"__type": "AccessDeniedException", "message": "no (test proxy)"})
    return emr_list_answer(method, path, headers, body)


def test_emr_denied_describe_cluster_is_a_gap_not_a_verdict(t):
    m = t.moto()
    emr = m.client("emr")
    for n, conf in CONFIGS.items():
        emr.create_security_configuration(Name=n, SecurityConfiguration=json.dumps(conf))
    locked = cluster(emr, "locked")
    free = cluster(emr, "free")
    LOCKED[0] = locked
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=emr_denied_cluster) as p:
        env = m.env(AWS_ENDPOINT_URL=p.endpoint)
        d = run_osprey(["inspect", "--region", "us-east-1", "--service", "emr", "--cache-dir",
                        os.path.join(t.tmp, "i")], env=env)
        s = run_osprey(["aws", "--region", "us-east-1", "--service", "emr", "--include-non-failures", "--format",
                        "json", "--cache-dir", os.path.join(t.tmp, "s")], env=env)
    assert d.returncode == 0 and s.returncode in (0, 1), (d.stderr[-2000:], s.stderr[-2000:])
    doc = json.loads(d.stdout)["aws"]["emr"]
    lk = by(doc["clusters"], "id", locked)
    assert [g["read"] for g in lk["__defsec_metadata"]["gaps"]] == ["DescribeCluster"], lk
    assert val(lk["state"]) == "WAITING" and "securityconfiguration" not in lk, lk
    assert "gaps" not in by(doc["clusters"], "id", free)["__defsec_metadata"]
    f = {(x["ID"], x["Resource"]): x["Status"] for x in json.loads(s.stdout)["Findings"]}
    carn = "arn:aws:elasticmapreduce:us-east-1:%s:cluster/%%s" % ACCOUNT
    for cid in ("AVD-AWS-0137", "AVD-AWS-0138", "AVD-AWS-0139", "OSP-AWS-0137"):
        assert f.get((cid, carn % locked)) == "ERROR", (cid, f)  # not evaluated, never a guessed FAIL
        assert f.get((cid, carn % free)) == "FAIL", (cid, f)  # no security configuration; public name


def test_not_offered_in_the_region_is_skipped_never_failed(t):
    import http.server
    import threading
    m = t.moto()
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OptIn)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        fake = "http://127.0.0.1:%d" % srv.server_address[1]
        env = m.env(AWS_ENDPOINT_URL=m.endpoint, AWS_ENDPOINT_URL_OPENSEARCH=fake, AWS_ENDPOINT_URL_EMR=fake)
        r = run_osprey(["aws", "--region", "us-east-1", "--service", "elasticsearch", "--service", "emr", "--service",
                        "neptune", "--format", "json", "--cache-dir", os.path.join(t.tmp, "c")], env=env)
        assert r.returncode in (0, 1), (r.returncode, r.stderr[-2000:])
        status = {s["Service"]: s["Status"] for s in json.loads(r.stdout)["Services"]}
        assert status == {"elasticsearch": "skipped", "emr": "skipped", "neptune": "ok"}, status
    finally:
        srv.shutdown()


def test_calls_per_resource(t):
    """OpenSearch: ListDomainNames + one DescribeDomains per five domains; Neptune: two lists + 1 per manual
    snapshot, 0 per cluster; DocumentDB: three lists; EMR: three account reads + 1 per cluster + 1 per
    security configuration."""
    m = t.moto()
    for i in range(11):
        m.client("opensearch").create_domain(DomainName="d-%d" % i)
    seed_neptune(m)  # 3 clusters, 2 manual Neptune snapshots
    emr = m.client("emr")
    for n, conf in CONFIGS.items():
        emr.create_security_configuration(Name=n, SecurityConfiguration=json.dumps(conf))
    for i in range(3):
        cluster(emr, "c-%d" % i)
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=emr_list_answer) as p:
        r = run_osprey(["inspect", "--quiet", "--debug", "--endpoint", p.endpoint, "--region", "us-east-1",
                        "--service", "elasticsearch", "--service", "neptune", "--service", "documentdb", "--service",
                        "emr", "--cache-dir", os.path.join(t.tmp, "c")], env=m.env())
    assert r.returncode == 0, r.stderr[-2000:]
    calls = dict(re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr))
    assert int(calls["elasticsearch"]) == 1 + 3, calls
    assert int(calls["neptune"]) == 2 + 2, calls
    assert int(calls["documentdb"]) == 3, calls
    assert int(calls["emr"]) == 3 + 3 + 2, calls


READ_ACTIONS = ["es:ListDomainNames", "es:DescribeDomains", "rds:DescribeDBClusters", "rds:DescribeDBInstances",
                "rds:DescribeDBClusterSnapshots", "rds:DescribeDBClusterSnapshotAttributes",
                "elasticmapreduce:ListClusters", "elasticmapreduce:DescribeCluster",
                "elasticmapreduce:ListSecurityConfigurations", "elasticmapreduce:DescribeSecurityConfiguration",
                "elasticmapreduce:GetBlockPublicAccessConfiguration"]


def test_help_readme_and_policy_name_the_services_and_their_reads(t):
    r = run_osprey(["aws", "--help"])
    assert r.returncode == 0, r.stderr
    listed = r.stdout.split("Services (--service / --skip-service):", 1)[1]
    for svc in ("documentdb", "elasticsearch", "emr", "neptune"):
        assert "\n  %s " % svc in listed, (svc, listed)
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        readme = f.read()
    services = readme.split("### Services", 1)[1].split("\n#", 1)[0]
    policy = readme.split("<!-- permissions:begin -->", 1)[1].split("<!-- permissions:end -->", 1)[0]
    for svc in ("documentdb", "elasticsearch", "emr", "neptune"):
        assert "| `%s` |" % svc in services, svc
    missing = [a for a in READ_ACTIONS if '"%s"' % a not in policy]
    assert not missing, missing


if __name__ == "__main__":
    main(globals())
