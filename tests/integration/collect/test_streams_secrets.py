"""Issue 14's simplest services against moto: kinesis, athena and Secrets Manager (Trivy's `ssm`).
The collectors' state, and every check of these services FAILs on a seeded misconfigured resource
and PASSes on its compliant twin; calls per resource stay within 2.

What moto 5.2.1 cannot express is listed in CANNOT_EXPRESS with the reason; those cases are covered
by the checks' _test.rego inputs and the mappers' unit tests (tests/unit/collect/test_data_services.c)."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

ACCOUNT = "123456789012"
CANNOT_EXPRESS = {
    "kinesis stream without EncryptionType": "moto always returns it; recorded responses cover NONE/null",
}


def findings(t, m, services, name="scan"):
    args = ["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--include-non-failures", "--format", "json",
            "--cache-dir", os.path.join(t.tmp, "cache-" + name)]
    for s in services:
        args += ["--service", s]
    r = run_osprey(args, env=m.env())
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-2000:])
    return {(f["ID"], f["Resource"]): f["Status"] for f in json.loads(r.stdout)["Findings"]}


def calls(m, services):
    r = inspect(m, services, extra=["--debug"])
    return {k: int(v) for k, v in re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr)}


def test_kinesis_state_and_check(t):
    m = t.moto()
    kin, kms = m.client("kinesis"), m.client("kms")
    cmk = kms.create_key(Description="streams")["KeyMetadata"]["Arn"]
    arn = "arn:aws:kinesis:us-east-1:%s:stream/%%s" % ACCOUNT
    for name in ("plain", "awskey", "cmk"):
        kin.create_stream(StreamName=name, ShardCount=1)
    kin.start_stream_encryption(StreamName="awskey", EncryptionType="KMS", KeyId="alias/aws/kinesis")
    kin.start_stream_encryption(StreamName="cmk", EncryptionType="KMS", KeyId=cmk)
    s = inspect(m, ["kinesis"]).svc("kinesis")
    assert unwrap(by(s["streams"], "name", "plain"))["encryption"] == {"type": "NONE"}, s
    assert unwrap(by(s["streams"], "name", "cmk"))["encryption"] == {"type": "KMS", "kmskeyid": cmk}, s
    assert unwrap(by(s["streams"], "name", "awskey"))["arn"] == arn % "awskey"
    f = findings(t, m, ["kinesis", "kms"])
    want = {("AVD-AWS-0064", arn % "plain"): "FAIL", ("AVD-AWS-0064", arn % "awskey"): "FAIL",
            ("AVD-AWS-0064", arn % "cmk"): "PASS"}
    assert {k: f.get(k) for k in want} == want, f
    assert calls(m, ["kinesis"])["kinesis"] <= 3 + 1, "one DescribeStreamSummary per stream, one list page"


def test_athena_state_and_checks(t):
    m = t.moto()
    ath = m.client("athena")
    ath.create_work_group(Name="sealed", Configuration={
        "ResultConfiguration": {"EncryptionConfiguration": {"EncryptionOption": "SSE_S3"}},
        "EnforceWorkGroupConfiguration": True})
    ath.create_work_group(Name="open", Configuration={"EnforceWorkGroupConfiguration": False})
    s = inspect(m, ["athena"]).svc("athena")
    assert "databases" not in s, s  # no encryption property in the API: never emitted
    wgs = {unwrap(w)["name"]: unwrap(w) for w in s["workgroups"]}
    assert set(wgs) == {"primary", "sealed", "open"}, wgs
    assert wgs["sealed"]["encryption"] == {"type": "SSE_S3"} and wgs["sealed"]["enforceconfiguration"] is True, wgs
    assert wgs["open"]["encryption"] == {} and wgs["open"]["enforceconfiguration"] is False, wgs
    arn = "arn:aws:athena:us-east-1:%s:workgroup/%%s" % ACCOUNT
    f = findings(t, m, ["athena"])
    want = {("AVD-AWS-0006", arn % "open"): "FAIL", ("AVD-AWS-0006", arn % "primary"): "FAIL",
            ("AVD-AWS-0006", arn % "sealed"): "PASS",
            ("AVD-AWS-0007", arn % "open"): "FAIL", ("AVD-AWS-0007", arn % "sealed"): "PASS"}
    assert {k: f.get(k) for k in want} == want, f
    assert calls(m, ["athena"])["athena"] <= 3 + 1, "one GetWorkGroup per workgroup, one list page"


def test_secrets_manager_state_and_check(t):
    m = t.moto()
    sm, kms = m.client("secretsmanager"), m.client("kms")
    cmk = kms.create_key(Description="secrets")["KeyMetadata"]["Arn"]
    default = sm.create_secret(Name="default-key", SecretString="canary-not-collected-1")["ARN"]
    alias = sm.create_secret(Name="alias-key", SecretString="x", KmsKeyId="alias/aws/secretsmanager")["ARN"]
    own = sm.create_secret(Name="own-key", SecretString="x", KmsKeyId=cmk)["ARN"]
    r = inspect(m, ["ssm"])
    s = r.svc("ssm")
    assert "canary-not-collected-1" not in r.stdout  # values are never read
    assert "kmskeyid" not in unwrap(by(s["secrets"], "arn", default)), s
    assert unwrap(by(s["secrets"], "arn", own))["kmskeyid"] == cmk
    f = findings(t, m, ["ssm", "kms"])
    want = {("AVD-AWS-0098", default): "FAIL", ("AVD-AWS-0098", alias): "FAIL", ("AVD-AWS-0098", own): "PASS"}
    assert {k: f.get(k) for k in want} == want, f
    # ListSecrets, then GetResourcePolicy per secret (CIS 7.0 2.21: OSP-AWS-0092) and nothing more
    assert calls(m, ["ssm"])["ssm"] == 1 + 3, "one list page and one GetResourcePolicy per secret"


def test_help_readme_and_policy_name_the_services_and_their_reads(t):
    r = run_osprey(["aws", "--help"])
    assert r.returncode == 0, r.stderr
    listed = r.stdout.split("Services (--service / --skip-service):", 1)[1]
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        readme = f.read()
    services = readme.split("### Services", 1)[1].split("\n#", 1)[0]
    policy = readme.split("<!-- permissions:begin -->", 1)[1].split("<!-- permissions:end -->", 1)[0]
    for svc in ("athena", "kinesis", "ssm"):
        assert "\n  %s " % svc in listed and "| `%s` |" % svc in services, svc
    reads = ["athena:ListWorkGroups", "athena:GetWorkGroup", "kinesis:ListStreams", "kinesis:DescribeStreamSummary",
             "secretsmanager:ListSecrets"]
    assert not [a for a in reads if '"%s"' % a not in policy], policy


def readme_policy():
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        text = f.read()
    return json.loads(text.split("<!-- permissions:begin -->", 1)[1].split("```json", 1)[1].split("```", 1)[0])


# efs and securityhub are left out: with auth on, moto 5.2.1 answers their REST-JSON requests (boto3's
# too) with SignatureDoesNotMatch; their reads are checked by name in the test above and in
# test_data_services.py
SVC_DATA = ["dynamodb", "kinesis", "athena", "ssm"]


def test_readme_minimal_policy_lets_the_data_services_collect_completely(t):
    """moto with IAM enforcement: a user holding exactly the README's policy collects the svc-data
    services (DAX included) with no failure and no gap; without their reads, they fail."""
    def seeded():
        m = t.moto()
        m.client("dynamodb").create_table(TableName="t", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                                          AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                                          BillingMode="PAY_PER_REQUEST")
        m.client("dax").create_cluster(ClusterName="cache-one", NodeType="dax.t3.small", ReplicationFactor=1,
                                       IamRoleArn="arn:aws:iam::%s:role/dax" % ACCOUNT)
        m.client("athena").create_work_group(Name="wg")
        m.client("kinesis").create_stream(StreamName="s", ShardCount=1)
        m.client("secretsmanager").create_secret(Name="sec", SecretString="x")
        return m

    def scan(m, policy, name):
        key = m.iam_user("scanner", json.dumps(policy))
        m.enable_auth()
        env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
        args = ["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--format", "json",
                "--cache-dir", os.path.join(t.tmp, name)]
        for svc in SVC_DATA:
            args += ["--service", svc]
        r = run_osprey(args, env=env)
        assert r.stdout.strip(), (r.returncode, r.stderr[-2000:])
        rep = json.loads(r.stdout)
        return {x["Service"]: x["Status"] for x in rep["Services"]}, rep

    policy = readme_policy()
    status, rep = scan(seeded(), policy, "full")
    assert status == {svc: "ok" for svc in SVC_DATA}, (status, rep["Services"])
    assert not rep.get("Gaps"), rep.get("Gaps")
    prefixes = ("dynamodb:", "dax:", "elasticfilesystem:", "securityhub:", "kinesis:", "athena:", "secretsmanager:")
    policy["Statement"][0]["Action"] = [a for a in policy["Statement"][0]["Action"] if not a.startswith(prefixes)]
    status, _ = scan(seeded(), policy, "none")
    assert status == {svc: "failed" for svc in SVC_DATA}, status


if __name__ == "__main__":
    main(globals())
