"""dynamodb (+DAX), efs and securityhub against moto: the collectors' state, and every check of
these services FAILs on a seeded misconfigured resource and PASSes on its compliant twin.

What moto 5.2.1 cannot express is listed in CANNOT_EXPRESS with the reason; those cases are covered
by the checks' _test.rego inputs and the mappers' unit tests on recorded responses
(tests/unit/collect/test_data_services.c)."""
import http.server
import json
import os
import re
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap, val  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from faultproxy import FaultProxy  # noqa: E402
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

ACCOUNT = "123456789012"
CANNOT_EXPRESS = {
    "dynamodb SSE status UPDATING / DAX SSE DISABLING": "moto switches encryption at once; recorded responses cover them",
    "dynamodb ContinuousBackupsUnavailableException": "moto always answers DescribeContinuousBackups",
    "securityhub enabled standards": "moto answers GetEnabledStandards with 404: `standards` stays absent "
                                     "there; the mapping is covered by recorded responses",
    "efs backup policy ENABLING/DISABLING": "moto's PutBackupPolicy answers 500; the policy is seeded at creation "
                                            "(Backup=True), states in transition only in recorded responses",
}


def findings(t, m, services, region="us-east-1", name="scan"):
    """{(check id, resource ARN): status} from `osprey aws --include-non-failures --format json`."""
    args = ["aws", "--endpoint", m.endpoint, "--region", region, "--include-non-failures", "--format", "json",
            "--cache-dir", os.path.join(t.tmp, "cache-" + name)]
    for s in services:
        args += ["--service", s]
    r = run_osprey(args, env=m.env())
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-2000:])
    rep = json.loads(r.stdout)
    return {(f["ID"], f["Resource"]): f["Status"] for f in rep["Findings"]}, rep


def table(ddb, name, **kw):
    ddb.create_table(TableName=name, KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                     BillingMode="PAY_PER_REQUEST", **kw)
    return "arn:aws:dynamodb:us-east-1:%s:table/%s" % (ACCOUNT, name)


def test_dynamodb_state_and_checks(t):
    m = t.moto()
    ddb, dax, kms = m.client("dynamodb"), m.client("dax"), m.client("kms")
    cmk = kms.create_key(Description="tables")["KeyMetadata"]["Arn"]
    owned = table(ddb, "owned")  # AWS-owned key, no PITR: fails 0024 and 0025
    managed = table(ddb, "managed", SSESpecification={"Enabled": True, "SSEType": "KMS"})  # alias/aws/dynamodb
    good = table(ddb, "good", SSESpecification={"Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": cmk},
                 DeletionProtectionEnabled=True)
    ddb.update_continuous_backups(TableName="good", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    role = "arn:aws:iam::%s:role/dax" % ACCOUNT
    dax.create_cluster(ClusterName="plain", NodeType="dax.t3.small", ReplicationFactor=1, IamRoleArn=role)
    dax.create_cluster(ClusterName="sealed", NodeType="dax.t3.small", ReplicationFactor=1, IamRoleArn=role,
                       SSESpecification={"Enabled": True})

    s = inspect(m, ["dynamodb"]).svc("dynamodb")
    t_good = unwrap(by(s["tables"], "arn", good))
    assert t_good["pointintimerecovery"] is True and t_good["deletionprotection"] is True, t_good
    assert t_good["serversideencryption"] == {"enabled": True, "kmskeyid": cmk, "ssetype": "KMS"}, t_good
    t_owned = unwrap(by(s["tables"], "arn", owned))
    assert t_owned["pointintimerecovery"] is False and t_owned["serversideencryption"] == {"enabled": False}, t_owned
    assert val(by(s["tables"], "arn", managed)["serversideencryption"]["kmskeyid"]).startswith("arn:aws:kms:")
    plain = unwrap(by(s["daxclusters"], "name", "plain"))
    assert plain["serversideencryption"] == {"enabled": False} and "pointintimerecovery" not in plain, plain
    assert val(by(s["daxclusters"], "name", "sealed")["serversideencryption"]["enabled"]) is True

    f, _ = findings(t, m, ["dynamodb", "kms"])
    dax_arn = "arn:aws:dax:us-east-1:%s:cache/%%s" % ACCOUNT
    want = {
        ("AVD-AWS-0024", owned): "FAIL", ("AVD-AWS-0024", managed): "FAIL", ("AVD-AWS-0024", good): "PASS",
        ("AVD-AWS-0025", owned): "FAIL", ("AVD-AWS-0025", managed): "FAIL", ("AVD-AWS-0025", good): "PASS",
        ("AVD-AWS-0023", dax_arn % "plain"): "FAIL", ("AVD-AWS-0023", dax_arn % "sealed"): "PASS",
    }
    got = {k: f.get(k) for k in want}
    assert got == want, got
    # 0024 never judges DAX clusters (they have no point-in-time recovery)
    assert not [k for k in f if k[0] == "AVD-AWS-0024" and ":dax:" in k[1]], f

    # without kms in the scan a key ARN cannot be told AWS-managed: never a FAIL on a guess (the
    # check's not_evaluated names it for compliance reports); the AWS-owned key still fails
    f, rep = findings(t, m, ["dynamodb"], name="nokms")
    assert f.get(("AVD-AWS-0025", managed)) != "FAIL" and f.get(("AVD-AWS-0025", owned)) == "FAIL", f


def test_dynamodb_empty_region(t):
    m = t.moto()
    s = inspect(m, ["dynamodb"], regions=["eu-west-3"]).svc("dynamodb", "eu-west-3")
    assert s["tables"] == [] and s["daxclusters"] == [], s


def test_efs_state_and_checks(t):
    m = t.moto()
    efs, kms = m.client("efs"), m.client("kms")
    key = kms.create_key(Description="efs")["KeyMetadata"]["Arn"]
    good = efs.create_file_system(CreationToken="good", Encrypted=True, KmsKeyId=key, Backup=True,
                                  Tags=[{"Key": "Name", "Value": "shared"}])["FileSystemArn"]
    bad = efs.create_file_system(CreationToken="bad")["FileSystemArn"]  # unencrypted, no backup policy

    s = inspect(m, ["efs"]).svc("efs")
    g = unwrap(by(s["filesystems"], "arn", good))
    assert g["encrypted"] is True and g["automaticbackups"] is True and g["backuppolicystatus"] == "ENABLED", g
    assert g["name"] == "shared" and g["kmskeyid"], g
    b = unwrap(by(s["filesystems"], "arn", bad))
    assert b["encrypted"] is False and b["automaticbackups"] is False and "kmskeyid" not in b, b

    f, _ = findings(t, m, ["efs"])
    want = {("AVD-AWS-0037", bad): "FAIL", ("AVD-AWS-0037", good): "PASS",
            ("OSP-AWS-0031", bad): "FAIL", ("OSP-AWS-0031", good): "PASS"}
    got = {k: f.get(k) for k in want}
    assert got == want, got
    assert inspect(m, ["efs"], regions=["eu-west-3"]).svc("efs", "eu-west-3")["filesystems"] == []


def test_securityhub_state_and_check(t):
    m = t.moto()
    m.client("securityhub", region="us-east-1").enable_security_hub(EnableDefaultStandards=False)
    r = inspect(m, ["securityhub"], regions=["us-east-1", "eu-west-1"])
    on, off = unwrap(r.svc("securityhub", "us-east-1")["hub"]), unwrap(r.svc("securityhub", "eu-west-1")["hub"])
    assert on["enabled"] is True and on["arn"] == "arn:aws:securityhub:us-east-1:%s:hub/default" % ACCOUNT, on
    assert on["subscribedat"].endswith("Z") and "standards" not in on, on  # moto: GetEnabledStandards is 404
    # not subscribed is a state, not a failure
    assert off == {"arn": "arn:aws:securityhub:eu-west-1:%s:hub/default" % ACCOUNT, "enabled": False}, off
    assert not r.failed, r.failed

    args = ["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--region", "eu-west-1", "--service",
            "securityhub", "--include-non-failures", "--format", "json", "--cache-dir", os.path.join(t.tmp, "c")]
    p = run_osprey(args, env=m.env())
    assert p.returncode in (0, 1), p.stderr[-2000:]
    rep = json.loads(p.stdout)
    got = {(f["ID"], f["Region"]): f["Status"] for f in rep["Findings"]}
    assert got == {("OSP-AWS-0030", "us-east-1"): "PASS", ("OSP-AWS-0030", "eu-west-1"): "FAIL"}, got
    assert all(s["Status"] == "ok" for s in rep["Services"]), rep["Services"]


class OptIn(http.server.BaseHTTPRequestHandler):
    """A region where the service is not offered: every call answers OptInRequired."""

    def _answer(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        body = json.dumps({"__type": "OptInRequired", "message": "not offered in this region"}).encode()
        self.send_response(400)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("x-amzn-ErrorType", "OptInRequired")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *_):
        pass


def test_not_offered_in_the_region_is_skipped_never_failed(t):
    m = t.moto()
    table(m.client("dynamodb"), "kept")
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OptIn)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        fake = "http://127.0.0.1:%d" % srv.server_address[1]
        env = m.env(AWS_ENDPOINT_URL=m.endpoint, AWS_ENDPOINT_URL_DAX=fake, AWS_ENDPOINT_URL_SECURITYHUB=fake)
        r = run_osprey(["aws", "--region", "us-east-1", "--service", "dynamodb", "--service", "securityhub",
                        "--service", "efs", "--format", "json", "--cache-dir", os.path.join(t.tmp, "c")], env=env)
        assert r.returncode in (0, 1), (r.returncode, r.stderr[-2000:])
        status = {s["Service"]: s["Status"] for s in json.loads(r.stdout)["Services"]}
        assert status == {"dynamodb": "ok", "efs": "ok", "securityhub": "skipped"}, status
        d = run_osprey(["inspect", "--region", "us-east-1", "--service", "dynamodb", "--cache-dir",
                        os.path.join(t.tmp, "c2")], env=env)  # no --endpoint: it would override DAX's
        assert d.returncode == 0, d.stderr[-2000:]
        ddb = json.loads(d.stdout)["aws"]["dynamodb"]
        assert [val(x["name"]) for x in ddb["tables"]] == ["kept"] and "daxclusters" not in ddb, ddb
    finally:
        srv.shutdown()


READ_ACTIONS = ["dynamodb:ListTables", "dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups",
                "dax:DescribeClusters", "elasticfilesystem:DescribeFileSystems",
                "elasticfilesystem:DescribeBackupPolicy", "securityhub:DescribeHub",
                "securityhub:GetEnabledStandards"]


def test_help_readme_and_policy_name_the_services_and_their_reads(t):
    r = run_osprey(["aws", "--help"])
    assert r.returncode == 0, r.stderr
    listed = r.stdout.split("Services (--service / --skip-service):", 1)[1]
    for svc in ("dynamodb", "efs", "securityhub"):
        assert "\n  %s " % svc in listed, (svc, listed)
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        readme = f.read()
    services = readme.split("### Services", 1)[1].split("\n#", 1)[0]
    policy = readme.split("<!-- permissions:begin -->", 1)[1].split("<!-- permissions:end -->", 1)[0]
    for svc in ("dynamodb", "efs", "securityhub"):
        assert "| `%s` |" % svc in services, svc
    missing = [a for a in READ_ACTIONS if '"%s"' % a not in policy]
    assert not missing, missing


def test_calls_per_resource(t):
    """At most 2 calls per table (DescribeTable, DescribeContinuousBackups), 1 per file system, none per
    DAX cluster, plus the list pages; Security Hub: DescribeHub, and GetEnabledStandards when on."""
    m = t.moto()
    ddb = m.client("dynamodb")
    for i in range(6):
        table(ddb, "t%d" % i)
    for i in range(2):
        m.client("dax").create_cluster(ClusterName="cache-%d" % i, NodeType="dax.t3.small", ReplicationFactor=1,
                                       IamRoleArn="arn:aws:iam::%s:role/dax" % ACCOUNT)
    for i in range(4):
        m.client("efs").create_file_system(CreationToken="fs%d" % i)
    m.client("securityhub").enable_security_hub()
    r = inspect(m, ["dynamodb", "efs", "securityhub"], extra=["--debug"])
    calls = dict(re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr))
    assert int(calls["dynamodb"]) <= 2 * 6 + 2, calls  # + ListTables, DescribeClusters
    assert int(calls["efs"]) <= 4 + 1, calls
    assert int(calls["securityhub"]) <= 2, calls


def denied_reads(method, path, headers, body):
    """A loopback proxy's answers: AccessDenied to one table's PITR read, one file system's backup
    policy and Security Hub's standards; everything else goes to moto."""
    target = headers.get("X-Amz-Target", "")
    if target.endswith("DescribeContinuousBackups") and b'"locked"' in body:
        return 400, {"Content-Type": "application/x-amz-json-1.0"}, json.dumps(
            {"__type": "com.amazonaws.dynamodb.v20120810#AccessDeniedException", "message": "no (test proxy)"})
    if path.endswith("/backup-policy") and DENIED_FS[0] in path:
        return 403, {"Content-Type": "application/json", "x-amzn-ErrorType": "AccessDeniedException"}, json.dumps(
            {"message": "no (test proxy)"})
    if path.startswith("/standards/get"):
        return 403, {"Content-Type": "application/json", "x-amzn-ErrorType": "AccessDeniedException"}, json.dumps(
            {"Message": "no (test proxy)"})
    return None


DENIED_FS = [""]


def test_denied_reads_are_gaps_not_verdicts(t):
    m = t.moto()
    ddb, efs = m.client("dynamodb"), m.client("efs")
    locked, free = table(ddb, "locked"), table(ddb, "free")
    fs = efs.create_file_system(CreationToken="locked")
    DENIED_FS[0] = fs["FileSystemId"]
    m.client("securityhub").enable_security_hub()
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=denied_reads) as p:
        env = m.env(AWS_ENDPOINT_URL=p.endpoint)
        r = run_osprey(["inspect", "--region", "us-east-1", "--service", "dynamodb", "--service", "efs", "--service",
                        "securityhub", "--cache-dir", os.path.join(t.tmp, "i")], env=env)
        assert r.returncode == 0, r.stderr[-2000:]
        doc = json.loads(r.stdout)["aws"]
        s = run_osprey(["aws", "--region", "us-east-1", "--service", "dynamodb", "--service", "efs", "--service",
                        "securityhub", "--include-non-failures", "--format", "json",
                        "--cache-dir", os.path.join(t.tmp, "s")], env=env)
        assert s.returncode in (0, 1), s.stderr[-2000:]
    t_locked = by(doc["dynamodb"]["tables"], "arn", locked)
    gaps = [(g["read"], g["fields"]) for g in t_locked["__defsec_metadata"]["gaps"]]
    assert gaps == [("DescribeContinuousBackups", ["pointintimerecovery"])], gaps
    assert "pointintimerecovery" not in t_locked and "serversideencryption" in t_locked, t_locked
    assert val(by(doc["dynamodb"]["tables"], "arn", free)["pointintimerecovery"]) is False
    f = doc["efs"]["filesystems"][0]
    assert [g["read"] for g in f["__defsec_metadata"]["gaps"]] == ["DescribeBackupPolicy"], f
    assert "automaticbackups" not in f and val(f["encrypted"]) is False, f
    hub = doc["securityhub"]["hub"]
    assert val(hub["enabled"]) is True and "standards" not in hub, hub
    assert [g["read"] for g in hub["__defsec_metadata"]["gaps"]] == ["GetEnabledStandards"], hub
    st = {(x["ID"], x["Resource"]): x["Status"] for x in json.loads(s.stdout)["Findings"]}
    assert st[("AVD-AWS-0024", locked)] == "ERROR" and st[("AVD-AWS-0024", free)] == "FAIL", st
    assert st[("AVD-AWS-0025", locked)] == "FAIL", st  # read what was not denied: judged as usual
    assert st[("OSP-AWS-0031", fs["FileSystemArn"])] == "ERROR" and st[("AVD-AWS-0037", fs["FileSystemArn"])] == "FAIL"


if __name__ == "__main__":
    main(globals())
