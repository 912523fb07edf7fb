"""AccessDenied on one service: every other service is still scanned, and the failure is named in
every output format and on stderr, never swallowed."""
import json
import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

DENY_S3 = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]})


def test_access_denied_on_s3_is_reported_everywhere(t):
    m = t.moto()
    key = m.iam_user("auditor", DENY_S3)
    m.client("s3").create_bucket(Bucket="hidden-bucket")
    m.client("kms").create_key(Description="visible")
    m.enable_auth()
    env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    out = t.tmp
    r = run_osprey(["aws", "--service", "s3", "--service", "kms", "--quiet", "--format", "table",
                    "--format", "json=%s/r.json" % out, "--format", "sarif=%s/r.sarif" % out,
                    "--format", "junit=%s/r.xml" % out], env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "AccessDenied" in r.stdout, "the table must show the failed service:\n" + r.stdout
    report = json.load(open(os.path.join(out, "r.json")))
    svc = {s["Service"]: s for s in report["Services"]}
    assert svc["s3"]["Status"] == "failed" and "AccessDenied" in svc["s3"]["ErrorCode"], svc
    assert svc["kms"]["Status"] == "ok", svc
    sarif = json.load(open(os.path.join(out, "r.sarif")))
    notes = [n for run in sarif["runs"] for inv in run.get("invocations", [])
             for n in inv.get("toolExecutionNotifications", [])]
    assert any("AccessDenied" in n["message"]["text"] and "s3" in n["message"]["text"] for n in notes), notes
    junit = ET.parse(os.path.join(out, "r.xml")).getroot()
    errors = [e for e in junit.iter("error")]
    assert any("AccessDenied" in (e.get("message", "") + (e.text or "")) for e in errors), ET.tostring(junit)[:2000]


if __name__ == "__main__":
    main(globals())
