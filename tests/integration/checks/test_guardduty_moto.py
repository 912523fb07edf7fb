"""guardduty on moto: a region whose detector is enabled PASSes OSP-AWS-0060; a suspended detector
and a region without any detector FAIL it (from a live scan of three regions).

What moto 5.2.1 cannot express: nothing this check reads (ListDetectors, GetDetector's status and
features all round-trip). Trivy has no guardduty check (shared/reference/trivy-aws-checks.tsv).
A denied GetDetector is not seeded here: it leaves a gap naming status,enabled,features on the detector.
The README's minimal policy is checked by action name only: with IAM enforcement on, moto answers
GuardDuty requests (boto3's too) with SignatureDoesNotMatch.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

ACCT = "123456789012"


def seed(m):
    on = m.client("guardduty", region="us-east-1").create_detector(
        Enable=True, Features=[{"Name": "S3_DATA_EVENTS", "Status": "ENABLED"},
                               {"Name": "EKS_RUNTIME_MONITORING", "Status": "ENABLED",
                                "AdditionalConfiguration": [{"Name": "EKS_ADDON_MANAGEMENT", "Status": "ENABLED"}]}])
    off = m.client("guardduty", region="eu-west-1").create_detector(Enable=False)
    return on["DetectorId"], off["DetectorId"]


def scan(t, m, *extra):
    out = os.path.join(t.tmp, "r%d.json" % len(os.listdir(t.tmp)))
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--region", "eu-west-1",
                    "--region", "us-west-2", "--service", "guardduty", "--cache-dir", os.path.join(t.tmp, "c"),
                    "--include-non-failures", "--format", "json=" + out] + list(extra), env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    return r, json.load(open(out))


def test_enabled_passes_suspended_and_missing_fail(t):
    m = t.moto()
    on, off = seed(m)
    _, rep = scan(t, m)
    assert [s["Status"] for s in rep["Services"]] == ["ok"] * 3, rep["Services"]
    got = {(f["Status"], f["Resource"]) for f in rep["Findings"] if f["ID"] == "OSP-AWS-0060"}
    gd = "arn:aws:guardduty:%s:" + ACCT + ":detector/%s"
    assert ("FAIL", gd % ("eu-west-1", off)) in got, got
    assert ("FAIL", gd % ("us-west-2", "*")) in got, got
    assert ("PASS", gd % ("us-east-1", on)) in got, got
    assert not any(s == "FAIL" and ":us-east-1:" in res for s, res in got), got


def test_state_and_calls_per_detector(t):
    m = t.moto()
    on, _ = seed(m)
    r = run_osprey(["inspect", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "guardduty",
                    "--cache-dir", os.path.join(t.tmp, "c"), "--debug"], env=m.env())
    assert r.returncode == 0, r.stderr[-2000:]
    doc = json.loads(r.stdout)
    doc = doc if "aws" in doc else list(doc.values())[0]
    (d,) = doc["aws"]["guardduty"]["detectors"]
    assert d["id"]["value"] == on and d["status"]["value"] == "ENABLED" and d["enabled"]["value"] is True, d
    feats = {f["name"]["value"]: f for f in d["features"]}
    assert feats["S3_DATA_EVENTS"]["status"]["value"] == "ENABLED", feats
    extra = feats["EKS_RUNTIME_MONITORING"]["additionalconfiguration"]
    assert [(e["name"]["value"], e["status"]["value"]) for e in extra] == [("EKS_ADDON_MANAGEMENT", "ENABLED")]
    calls = {s: int(n) for s, n in re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr)}
    assert calls.get("guardduty") == 1 + 1, calls  # ListDetectors + one GetDetector per detector


def test_readme_minimal_policy_names_guardduty_reads(t):
    """By name only: with moto's IAM enforcement on, moto 5.2.1 answers every GuardDuty request
    (boto3's too) with SignatureDoesNotMatch, as it does for Lambda."""
    text = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "README.md")).read()
    policy = json.loads(text.split("<!-- permissions:begin -->", 1)[1].split("```json", 1)[1].split("```", 1)[0])
    actions = policy["Statement"][0]["Action"]
    assert {"guardduty:ListDetectors", "guardduty:GetDetector"} <= set(actions), actions

if __name__ == "__main__":
    main(globals())
