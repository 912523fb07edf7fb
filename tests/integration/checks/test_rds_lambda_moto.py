"""rds and lambda on moto: misconfigured resources FAIL their check ids, compliant twins do not, in
one account (two variants of each resource), from a live scan.

What moto 5.2.1 cannot express, and where it is covered instead:
- AVD-AWS-0133 / AVD-AWS-0078: moto never returns PerformanceInsightsEnabled or
  PerformanceInsightsKMSKeyId, so 0133 FAILs on every moto instance (asserted below for the bad one
  only) and 0078 never applies. Covered by checks/aws/rds/*_test.rego and the AWS-shaped recorded
  response rds_instances_aws.xml (tests/unit/collect/test_rds_lambda.c).
- AVD-AWS-0079 with the AWS-managed key given as a key ARN: moto answers a cluster encrypted without
  a key with the placeholder KmsKeyId "default_kms_key_id" (a key it does not list), so the
  AWS-managed case is seeded as "alias/aws/rds"; the key-ARN case is in the _test.rego.
- AVD-AWS-0180 on Aurora members: moto omits PubliclyAccessible for them (_test.rego covers it).
- AVD-AWS-0067 with ArnEquals / StringLike / lower-case condition keys: moto's AddPermission always
  writes ArnLike AWS:SourceArn; covered by lambda_policy_aws.json in the mapper unit test.
- Lambda function URLs of aliases: moto has no ListFunctionUrlConfigs (404).
"""
import io
import json
import os
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

ACCT = "123456789012"
R = "arn:aws:rds:us-east-1:%s:" % ACCT
F = "arn:aws:lambda:us-east-1:%s:function:" % ACCT


def seed(m):
    kms = m.client("kms")
    cmk = kms.create_key(Description="rds")["KeyMetadata"]["Arn"]
    kms.create_alias(AliasName="alias/rds-data", TargetKeyId=cmk)
    rds = m.client("rds")
    common = dict(DBInstanceClass="db.t3.micro", AllocatedStorage=20, MasterUsername="admin", MasterUserPassword="pw-123456")
    rds.create_db_instance(DBInstanceIdentifier="bad-db", Engine="mysql", PubliclyAccessible=True, BackupRetentionPeriod=1,
                           AutoMinorVersionUpgrade=False, StorageEncrypted=False, **common)
    rds.create_db_instance(DBInstanceIdentifier="good-db", Engine="postgres", PubliclyAccessible=False,
                           BackupRetentionPeriod=7, AutoMinorVersionUpgrade=True, StorageEncrypted=True, KmsKeyId=cmk,
                           DeletionProtection=True, EnableIAMDatabaseAuthentication=True, **common)
    cl = dict(MasterUsername="admin", MasterUserPassword="pw-123456")
    rds.create_db_cluster(DBClusterIdentifier="bad-aur", Engine="aurora-mysql", StorageEncrypted=False,
                          BackupRetentionPeriod=1, DeletionProtection=False, **cl)
    rds.create_db_cluster(DBClusterIdentifier="awskey-aur", Engine="aurora-mysql", StorageEncrypted=True,
                          KmsKeyId="alias/aws/rds", BackupRetentionPeriod=7, DeletionProtection=True,
                          EnableIAMDatabaseAuthentication=True, **cl)
    rds.create_db_cluster(DBClusterIdentifier="good-aur", Engine="aurora-postgresql", StorageEncrypted=True, KmsKeyId=cmk,
                          BackupRetentionPeriod=7, DeletionProtection=True, EnableIAMDatabaseAuthentication=True, **cl)
    for c in ("bad-aur", "good-aur"):
        rds.create_db_instance(DBInstanceIdentifier=c + "-1", DBClusterIdentifier=c, DBInstanceClass="db.r5.large",
                               Engine="aurora-mysql" if c == "bad-aur" else "aurora-postgresql")
    rds.create_db_snapshot(DBSnapshotIdentifier="pub-snap", DBInstanceIdentifier="bad-db")
    rds.modify_db_snapshot_attribute(DBSnapshotIdentifier="pub-snap", AttributeName="restore", ValuesToAdd=["all"])
    rds.create_db_snapshot(DBSnapshotIdentifier="shared-snap", DBInstanceIdentifier="good-db")
    rds.modify_db_snapshot_attribute(DBSnapshotIdentifier="shared-snap", AttributeName="restore",
                                     ValuesToAdd=["444455556666"])
    rds.create_db_cluster_snapshot(DBClusterSnapshotIdentifier="pub-csnap", DBClusterIdentifier="bad-aur")
    rds.modify_db_cluster_snapshot_attribute(DBClusterSnapshotIdentifier="pub-csnap", AttributeName="restore",
                                             ValuesToAdd=["all"])
    rds.create_db_cluster_snapshot(DBClusterSnapshotIdentifier="priv-csnap", DBClusterIdentifier="good-aur")

    role = m.client("iam").create_role(RoleName="fn", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.py", "def handler(e, c):\n    return 1\n")
    lam = m.client("lambda")
    base = dict(Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": buf.getvalue()})
    lam.create_function(FunctionName="bad-fn", Environment={"Variables": {"DB_PASSWORD": "not-in-any-output-42"}},
                        **base)
    lam.add_permission(FunctionName="bad-fn", StatementId="sns", Action="lambda:InvokeFunction",
                       Principal="sns.amazonaws.com")
    lam.add_permission(FunctionName="bad-fn", StatementId="anyone", Action="lambda:InvokeFunction", Principal="*")
    lam.create_function(FunctionName="good-fn", TracingConfig={"Mode": "Active"},
                        Environment={"Variables": {"TABLE": "orders"}}, **base)
    lam.add_permission(FunctionName="good-fn", StatementId="s3", Action="lambda:InvokeFunction",
                       Principal="s3.amazonaws.com", SourceArn="arn:aws:s3:::uploads", SourceAccount=ACCT)


# (check id, resource ARN) that must FAIL, and the compliant twins that must not.
MUST_FAIL = [
    ("AVD-AWS-0180", R + "db:bad-db"), ("AVD-AWS-0077", R + "db:bad-db"), ("AVD-AWS-0177", R + "db:bad-db"),
    ("AVD-AWS-0080", R + "db:bad-db"), ("AVD-AWS-0176", R + "db:bad-db"), ("OSP-AWS-0010", R + "db:bad-db"),
    ("AVD-AWS-0133", R + "db:bad-db"),
    ("AVD-AWS-0343", R + "cluster:bad-aur"), ("AVD-AWS-0079", R + "cluster:bad-aur"),
    ("AVD-AWS-0077", R + "cluster:bad-aur"), ("AVD-AWS-0176", R + "cluster:bad-aur"),
    ("AVD-AWS-0079", R + "cluster:awskey-aur"),
    ("OSP-AWS-0011", R + "snapshot:pub-snap"), ("OSP-AWS-0011", R + "cluster-snapshot:pub-csnap"),
    ("AVD-AWS-0066", F + "bad-fn"), ("AVD-AWS-0067", F + "bad-fn"), ("OSP-AWS-0012", F + "bad-fn"),
    ("OSP-AWS-0013", F + "bad-fn"),
]
MUST_NOT_FAIL = [
    (cid, R + "db:good-db") for cid in ("AVD-AWS-0180", "AVD-AWS-0077", "AVD-AWS-0177", "AVD-AWS-0080",
                                         "AVD-AWS-0176", "OSP-AWS-0010")
] + [
    (cid, R + "cluster:good-aur") for cid in ("AVD-AWS-0343", "AVD-AWS-0079", "AVD-AWS-0077", "AVD-AWS-0176")
] + [
    # Trivy flags every Aurora member for instance deletion protection; osprey leaves it to the cluster
    ("AVD-AWS-0177", R + "db:bad-aur-1"), ("AVD-AWS-0177", R + "db:good-aur-1"),
    ("AVD-AWS-0077", R + "db:bad-aur-1"),
    ("OSP-AWS-0011", R + "snapshot:shared-snap"), ("OSP-AWS-0011", R + "cluster-snapshot:priv-csnap"),
] + [(cid, F + "good-fn") for cid in ("AVD-AWS-0066", "AVD-AWS-0067", "OSP-AWS-0012", "OSP-AWS-0013")]


def test_misconfigured_fail_and_compliant_twins_pass(t):
    m = t.moto()
    seed(m)
    out = os.path.join(t.tmp, "r.json")
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "rds", "--service", "lambda",
                    "--service", "kms", "--cache-dir", os.path.join(t.tmp, "c"), "--include-non-failures",
                    "--format", "json=" + out], env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    rep = json.load(open(out))
    assert all(s["Status"] == "ok" for s in rep["Services"]), rep["Services"]
    fails = {(f["ID"], f["Resource"]) for f in rep["Findings"] if f["Status"] == "FAIL"}
    missing = [x for x in MUST_FAIL if x not in fails]
    assert not missing, (missing, sorted(fails))
    wrong = [x for x in MUST_NOT_FAIL if x in fails]
    assert not wrong, wrong
    passes = {(f["ID"], f["Resource"]) for f in rep["Findings"] if f["Status"] == "PASS"}
    not_passed = [x for x in MUST_NOT_FAIL if x not in passes]
    assert not not_passed, not_passed
    assert "not-in-any-output-42" not in open(out).read() + r.stdout + r.stderr


def test_calls_per_resource_stay_within_two(t):
    """lambda: ListFunctions pages + GetPolicy per function, and GetFunctionUrlConfig only for a
    function whose policy lets someone invoke a URL (1 of 3 here): 5 calls for 3 functions; rds:
    four list calls + one attribute read per manual snapshot (instances and clusters cost nothing)."""
    import re
    m = t.moto()
    seed(m)  # 2 functions; 6 instances, 3 clusters, 4 manual snapshots
    lam = m.client("lambda")
    role = m.client("iam").get_role(RoleName="fn")["Role"]["Arn"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.py", "def handler(e, c):\n    return 1\n")
    lam.create_function(FunctionName="url-fn", Runtime="python3.12", Role=role, Handler="index.handler",
                        Code={"ZipFile": buf.getvalue()})
    lam.create_function_url_config(FunctionName="url-fn", AuthType="NONE")
    lam.add_permission(FunctionName="url-fn", StatementId="url", Action="lambda:InvokeFunctionUrl", Principal="*")
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "rds", "--service", "lambda",
                    "--cache-dir", os.path.join(t.tmp, "c"), "--debug", "--format", "json"], env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    calls = {s: int(n) for s, n in re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr)}
    assert calls.get("lambda") == 1 + 3 + 1, calls
    assert calls.get("rds") == 4 + 4, calls
    resources, lists = {"lambda": 3, "rds": 6 + 3 + 4}, {"lambda": 1, "rds": 4}
    assert calls["lambda"] <= 2 * resources["lambda"], calls  # list calls included
    for svc, n in resources.items():  # beyond the (paginated) list calls
        assert calls[svc] - lists[svc] <= 2 * n, (svc, calls[svc], n)
    r = run_osprey(["inspect", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "lambda",
                    "--cache-dir", os.path.join(t.tmp, "c")], env=m.env())
    assert r.returncode == 0, r.stderr[-2000:]
    doc = json.loads(r.stdout)
    doc = doc if "aws" in doc else list(doc.values())[0]
    urls = {f["name"]["value"]: [u["authtype"]["value"] for u in f["functionurls"]] for f in doc["aws"]["lambda"]["functions"]}
    assert urls == {"bad-fn": [], "good-fn": [], "url-fn": ["NONE"]}, urls


def test_instances_paginate(t):
    m = t.moto()
    rds = m.client("rds")
    for i in range(105):  # pages of 100 (Marker)
        rds.create_db_instance(DBInstanceIdentifier="db-%03d" % i, Engine="postgres", DBInstanceClass="db.t3.micro",
                               AllocatedStorage=20, MasterUsername="u", MasterUserPassword="pw-123456")
    r = run_osprey(["inspect", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "rds", "--cache-dir",
                    os.path.join(t.tmp, "c")], env=m.env())
    assert r.returncode == 0, r.stderr[-2000:]
    doc = json.loads(r.stdout)
    doc = doc if "aws" in doc else list(doc.values())[0]
    ids = sorted(i["dbinstanceidentifier"]["value"] for i in doc["aws"]["rds"]["instances"])
    assert ids == ["db-%03d" % i for i in range(105)], (len(ids), ids[:3])


def readme_policy():
    text = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "README.md")).read()
    block = text.split("<!-- permissions:begin -->", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    return json.loads(block)


def test_readme_minimal_policy_covers_every_read(t):
    m = t.moto()
    seed(m)
    policy = readme_policy()
    actions = policy["Statement"][0]["Action"]
    for a in ("kms:ListAliases", "rds:DescribeDBInstances", "rds:DescribeDBSnapshotAttributes",
              "rds:DescribeDBClusterSnapshotAttributes", "lambda:ListFunctions", "lambda:GetPolicy",
              "lambda:GetFunctionUrlConfig"):
        assert a in actions, a
    key = m.iam_user("scanner", json.dumps(policy))
    m.enable_auth()
    env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    out = os.path.join(t.tmp, "r.json")
    # lambda is left out: with auth on, moto 5.2.1 answers every Lambda request (boto3's too) with
    # SignatureDoesNotMatch; its actions are checked by name above
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "rds",
                    "--service", "kms", "--cache-dir", os.path.join(t.tmp, "c"), "--format", "json=" + out], env=env)
    assert r.returncode in (0, 1), r.stderr[-2000:]
    rep = json.load(open(out))
    assert all(s["Status"] == "ok" for s in rep["Services"]), rep["Services"]
    assert not rep.get("Gaps"), rep.get("Gaps")
    # and the policy is what allowed it: without the rds reads, rds fails
    actions[:] = [a for a in actions if not a.startswith("rds:")]
    m2 = t.moto()
    seed(m2)
    key = m2.iam_user("scanner", json.dumps(policy))
    m2.enable_auth()
    env = m2.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    r = run_osprey(["aws", "--endpoint", m2.endpoint, "--region", "us-east-1", "--service", "rds", "--cache-dir",
                    os.path.join(t.tmp, "c2"), "--format", "json"], env=env)
    rep = json.loads(r.stdout)
    assert [s["Status"] for s in rep["Services"]] == ["failed"], rep["Services"]


def test_empty_region_has_empty_collections(t):
    m = t.moto()
    r = run_osprey(["inspect", "--endpoint", m.endpoint, "--region", "eu-west-3", "--service", "rds", "--service",
                    "lambda", "--cache-dir", os.path.join(t.tmp, "c")], env=m.env())
    assert r.returncode == 0, r.stderr[-2000:]
    doc = json.loads(r.stdout)
    doc = doc if "aws" in doc else list(doc.values())[0]
    assert doc["aws"]["lambda"] == {"functions": []}, doc["aws"]["lambda"]
    assert doc["aws"]["rds"] == {"instances": [], "clusters": [], "snapshots": [], "clustersnapshots": []}, doc["aws"]["rds"]


if __name__ == "__main__":
    main(globals())
