"""One resource never sinks a service (issue 22). A loopback proxy in front of moto answers
AccessDenied to one bucket's GetBucketPolicy, NoSuchBucket to every read of another bucket,
AccessDeniedException to one KMS key's GetKeyRotationStatus and AccessDenied to one role's
GetRolePolicy. The denied bucket and key stay, with a gap naming the read, the error and the
fields it fills; the vanished bucket is dropped (debug line); every other resource is collected as
in a clean run; no service fails. A denied list call still fails its service."""
import json
import os
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
from colinspect import val  # noqa: E402
from faultproxy import FaultProxy  # noqa: E402
from osptest import main, run_osprey  # noqa: E402

POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                                                             "Resource": "arn:aws:s3:::gap-locked/*"}]})
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                                                            "Action": "sts:AssumeRole"}]})


def s3_error(status, code):
    body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>%s</Code><Message>%s (test proxy)</Message></Error>" % (code, code)
    return status, {"Content-Type": "application/xml"}, body


def rules(locked_key, deny_list=False):
    def answer(method, path, headers, body):
        u = urllib.parse.urlsplit(path)
        q = urllib.parse.parse_qs(u.query, keep_blank_values=True)
        if deny_list and u.path == "/" and "/s3/aws4_request" in headers.get("Authorization", ""):
            return s3_error(403, "AccessDenied")
        if u.path == "/gap-locked" and "policy" in q:
            return s3_error(403, "AccessDenied")
        if u.path == "/gap-gone" and q:
            return s3_error(404, "NoSuchBucket")
        target = headers.get("X-Amz-Target", "")
        if target.endswith("GetKeyRotationStatus") and locked_key in body.decode():
            return 400, {"Content-Type": "application/x-amz-json-1.1"}, json.dumps(
                {"__type": "AccessDeniedException", "message": "not for you (test proxy)"})
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        if form.get("Action") == ["GetRolePolicy"] and form.get("RoleName") == ["gap-role"]:
            return 403, {"Content-Type": "text/xml"}, ("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                                                       "<Message>no (test proxy)</Message></Error></ErrorResponse>")
        return None
    return answer


def seed(m):
    s3 = m.client("s3")
    for b in ("gap-ok-1", "gap-ok-2", "gap-locked", "gap-gone"):
        s3.create_bucket(Bucket=b)
    s3.put_bucket_policy(Bucket="gap-locked", Policy=POLICY)
    s3.put_bucket_versioning(Bucket="gap-ok-2", VersioningConfiguration={"Status": "Enabled"})
    kms = m.client("kms")
    keys = [kms.create_key(Description="gap-%d" % i)["KeyMetadata"]["KeyId"] for i in range(2)]
    iam = m.client("iam")
    iam.create_role(RoleName="gap-role", AssumeRolePolicyDocument=TRUST)
    iam.put_role_policy(RoleName="gap-role", PolicyName="inline", PolicyDocument=POLICY)
    return keys


def inspect(t, m, endpoint, *extra):
    args = ["inspect", "--debug", "--region", "us-east-1", "--cache-dir", tempfile.mkdtemp(dir=t.tmp)]
    for s in ("s3", "kms", "iam"):
        args += ["--service", s]
    return run_osprey(args + list(extra), env=m.env(AWS_ENDPOINT_URL=endpoint), timeout=300)


def by_name(items, key, value):
    return {val(x[key]): x for x in items}.get(value)


def test_denied_and_vanished_resources(t):
    m = t.moto()
    keys = seed(m)
    clean = inspect(t, m, m.endpoint)
    assert clean.returncode == 0, clean.stderr[-2000:]
    cdoc = json.loads(clean.stdout)["aws"]
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=rules(keys[1])) as p:
        r = inspect(t, m, p.endpoint)
        assert p.stats["answered"] >= 3, p.stats
    assert r.returncode == 0, r.stderr[-3000:]
    doc = json.loads(r.stdout)["aws"]
    for svc in ("s3", "kms", "iam"):
        assert svc in doc, "%s must not fail: %s" % (svc, r.stderr[-2000:])
    buckets = doc["s3"]["buckets"]
    names = sorted(val(b["name"]) for b in buckets)
    assert names == ["gap-locked", "gap-ok-1", "gap-ok-2"], names  # gap-gone dropped
    assert "gap-gone" in r.stderr and "vanished" in r.stderr, r.stderr[-2000:]
    for b in ("gap-ok-1", "gap-ok-2"):
        assert by_name(buckets, "name", b) == by_name(cdoc["s3"]["buckets"], "name", b)
    locked = by_name(buckets, "name", "gap-locked")
    gaps = locked["__defsec_metadata"]["gaps"]
    assert [(g["read"], g["code"], g["fields"]) for g in gaps] == [("GetBucketPolicy", "AccessDenied", ["bucketpolicies"])], gaps
    assert locked["bucketpolicies"] == [], "nothing invented for the denied read"
    clean_locked = dict(by_name(cdoc["s3"]["buckets"], "name", "gap-locked"))
    assert clean_locked["bucketpolicies"], "the clean run reads the policy"
    for k in ("versioning", "encryption", "logging", "acl", "publicaccessblock"):  # what was read is kept
        assert locked.get(k) == clean_locked.get(k), k
    ks = {val(k["id"]): k for k in doc["kms"]["keys"]}
    cks = {val(k["id"]): k for k in cdoc["kms"]["keys"]}
    assert ks[keys[0]] == cks[keys[0]]
    assert "rotationenabled" in cks[keys[1]] and "rotationenabled" not in ks[keys[1]]
    g = ks[keys[1]]["__defsec_metadata"]["gaps"]
    assert [(x["read"], x["code"], x["fields"]) for x in g] == [("GetKeyRotationStatus", "AccessDeniedException",
                                                                 ["rotationenabled"])], g
    # IAM reads inline role policies in GetAccountAuthorizationDetails: no GetRolePolicy to deny, no gap
    role = by_name(doc["iam"]["roles"], "name", "gap-role")
    assert role == by_name(cdoc["iam"]["roles"], "name", "gap-role") and "gaps" not in role["__defsec_metadata"]
    assert "GetKeyRotationStatus denied" in r.stderr and "GetBucketPolicy denied" in r.stderr


def scan(t, m, endpoint, fmt="json", extra=(), codes=(0, 1)):
    args = ["aws", "--format", fmt, "--include-non-failures", "--region", "us-east-1",
            "--cache-dir", tempfile.mkdtemp(dir=t.tmp)] + list(extra)
    for s in ("s3", "kms", "iam"):
        args += ["--service", s]
    r = run_osprey(args, env=m.env(AWS_ENDPOINT_URL=endpoint), timeout=300)
    assert r.returncode in codes, (r.returncode, r.stderr[-2000:])
    return r


def verdicts(report, resource_part):
    return {(f["ID"], f["Status"], f["Message"]) for f in json.loads(report)["Findings"] if resource_part in f["Resource"]}


def test_gaps_are_not_evaluated_in_reports(t):
    m = t.moto()
    keys = seed(m)
    clean = scan(t, m, m.endpoint).stdout
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=rules(keys[1])) as p:
        gapped = scan(t, m, p.endpoint).stdout
        sarif = scan(t, m, p.endpoint, "sarif").stdout
        table = scan(t, m, p.endpoint, "table").stdout
    doc = json.loads(gapped)
    assert all(s["Status"] == "ok" for s in doc["Services"]), doc["Services"]
    # the key whose rotation status was denied: its rotation check is not evaluated, nothing else changes
    k1 = verdicts(gapped, keys[1])
    assert ("AVD-AWS-0065", "ERROR",
            "not evaluated: GetKeyRotationStatus was denied (AccessDeniedException: not for you (test proxy)), "
            "so this check cannot judge the resource") in k1, k1
    assert {v for v in verdicts(clean, keys[1]) if v[0] != "AVD-AWS-0065"} == {v for v in k1 if v[0] != "AVD-AWS-0065"}
    assert verdicts(gapped, keys[0]) == verdicts(clean, keys[0])
    # the bucket whose policy was denied: the check reading bucketpolicies is not evaluated; the rest judged
    locked, clean_locked = verdicts(gapped, ":::gap-locked"), verdicts(clean, ":::gap-locked")
    ne = {v for v in locked if v[1] == "ERROR"}
    assert ne and all(v[2].startswith("not evaluated: GetBucketPolicy was denied (AccessDenied") for v in ne), locked
    assert {v[0] for v in ne} == {"OSP-AWS-0004"}, ne
    assert {v for v in locked if v[0] not in {x[0] for x in ne}} == {v for v in clean_locked if v[0] not in {x[0] for x in ne}}
    for b in (":::gap-ok-1", ":::gap-ok-2"):
        assert verdicts(gapped, b) == verdicts(clean, b)
    assert not verdicts(gapped, ":::gap-gone"), "a vanished bucket has no findings"
    assert "not evaluated: GetKeyRotationStatus was denied" in sarif and "not evaluated: GetBucketPolicy" in sarif
    assert "could not run 2" in table, table  # the key and the bucket, each for one check
    # the gaps make the run incomplete (gates issue): a gate fails closed unless the gap is accepted
    assert doc["Status"] == "incomplete", doc.get("Status")
    res_gaps = sorted((g["Service"], g["Resource"].split(":")[-1]) for g in doc["Gaps"] if g["Kind"] == "resource")
    assert res_gaps == sorted([("kms", "key/" + keys[1]), ("s3", "gap-locked")]), doc["Gaps"]
    assert '"executionSuccessful":false' in sarif.replace(" ", ""), "SARIF says the run was incomplete"
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=rules(keys[1])) as p:
        scan(t, m, p.endpoint, extra=["--fail-on", "CRITICAL"], codes=(6,))
        ok = scan(t, m, p.endpoint, extra=["--fail-on", "CRITICAL", "--allow-incomplete", "s3",
                                           "--allow-incomplete", "kms"], codes=(0, 1))
    assert json.loads(ok.stdout)["Status"] == "complete"


def test_denied_list_still_fails_the_service(t):
    m = t.moto()
    keys = seed(m)
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=rules(keys[1], deny_list=True)) as p:
        r = inspect(t, m, p.endpoint)
    doc = json.loads(r.stdout)["aws"] if r.stdout.strip() else {}
    assert "s3" not in doc, "a denied ListBuckets fails s3"
    assert "kms" in doc and "iam" in doc, r.stderr[-2000:]
    assert "s3" in r.stderr and "AccessDenied" in r.stderr, r.stderr[-2000:]


if __name__ == "__main__":
    main(globals())
