"""The CI-facing formats on the hand-written report (no AWS scan): GitLab Code Quality carries
the fields GitLab's schema requires, ASFF is accepted by (moto's) Security Hub through the aws
CLI, and SARIF is compact and capped by --sarif-max-results, most severe first."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "sample-report.json")
SEV_RANK = {"CRITICAL": 4, "HIGH": 3, "MEDIUM": 2, "LOW": 1, "UNKNOWN": 0}


def convert(t, fmt, *extra):
    out = os.path.join(t.tmp, "report." + fmt)
    r = run_osprey(["convert", "--format", "%s=%s" % (fmt, out)] + list(extra) + [FIXTURE], cwd=t.tmp)
    assert r.returncode == 0, "convert --format %s: exit %d\n%s" % (fmt, r.returncode, r.stderr)
    return out


def fixture_failures():
    with open(FIXTURE, encoding="utf-8") as f:
        return [x for x in json.load(f)["Findings"] if x["Status"] == "FAIL"]


def test_codequality_has_gitlab_required_fields(t):
    # GitLab's Code Quality report: an array of issues; each needs description, check_name,
    # fingerprint, severity (info/minor/major/critical/blocker), location.path, location.lines.begin.
    with open(convert(t, "codequality"), encoding="utf-8") as f:
        issues = json.load(f)
    fails = fixture_failures()
    assert isinstance(issues, list) and len(issues) == len(fails) > 0, (len(issues), len(fails))
    for i in issues:
        for key in ("description", "check_name", "fingerprint", "severity", "location"):
            assert key in i, (key, i)
        assert isinstance(i["description"], str) and i["description"], i
        assert isinstance(i["check_name"], str) and i["check_name"], i
        assert isinstance(i["fingerprint"], str) and len(i["fingerprint"]) == 64, i
        assert i["severity"] in ("info", "minor", "major", "critical", "blocker"), i
        loc = i["location"]
        assert isinstance(loc.get("path"), str) and loc["path"].startswith("aws/"), loc
        assert isinstance(loc.get("lines", {}).get("begin"), int) and loc["lines"]["begin"] >= 1, loc
    assert len({i["fingerprint"] for i in issues}) == len(issues), "fingerprints must be unique"
    assert {i["check_name"] for i in issues} == {f["ID"] for f in fails}
    want = {"CRITICAL": "blocker", "HIGH": "critical", "MEDIUM": "major", "LOW": "minor", "UNKNOWN": "info"}
    sev = {f["ID"]: f["Severity"] for f in fails}
    assert all(i["severity"] == want[sev[i["check_name"]]] for i in issues), issues
    # stable: the same report gives the same bytes
    first = open(os.path.join(t.tmp, "report.codequality"), "rb").read()
    assert open(convert(t, "codequality"), "rb").read() == first


def test_asff_imports_into_security_hub(t):
    path = convert(t, "asff")
    with open(path, encoding="utf-8") as f:
        findings = json.load(f)
    assert isinstance(findings, list) and 0 < len(findings) <= 100, len(findings)
    for x in findings:
        assert x["SchemaVersion"] == "2018-10-08" and x["Compliance"]["Status"] in ("FAILED", "PASSED",
                                                                                   "NOT_AVAILABLE"), x
        assert x["Severity"]["Label"] in ("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"), x
        assert x["ProductArn"].endswith(":product/%s/default" % x["AwsAccountId"]), x
    assert len({x["Id"] for x in findings}) == len(findings), "finding ids must be unique"
    m = t.moto()
    m.aws("securityhub", "enable-security-hub")
    res = m.aws("securityhub", "batch-import-findings", "--findings", "file://" + path)
    assert res["FailedCount"] == 0 and res["SuccessCount"] == len(findings), res
    got = m.aws("securityhub", "get-findings")["Findings"]
    assert sorted(g["Id"] for g in got) == sorted(x["Id"] for x in findings), (len(got), len(findings))
    by_id = {g["Id"]: g for g in got}
    for x in findings:
        g = by_id[x["Id"]]
        assert g["Severity"]["Label"] == x["Severity"]["Label"] and g["Compliance"]["Status"] == x["Compliance"]["Status"]
        assert g["Resources"][0]["Id"] == x["Resources"][0]["Id"]


def test_sarif_is_compact_and_capped_most_severe_first(t):
    path = convert(t, "sarif")
    text = open(path, encoding="utf-8").read()
    assert text.count("\n") == 1 and text.endswith("}\n"), "SARIF must be written without indentation"
    results = json.loads(text)["runs"][0]["results"]
    per_result = len(json.dumps(results, separators=(",", ":"), ensure_ascii=False)) / max(1, len(results))
    assert per_result < 1000, "%.0f bytes per result" % per_result
    capped = convert(t, "sarif", "--sarif-max-results", "2")
    run = json.load(open(capped, encoding="utf-8"))["runs"][0]
    kept = run["results"]
    assert len(kept) == 2, len(kept)
    ranks = sorted((SEV_RANK[f["Severity"]] for f in fixture_failures()), reverse=True)
    assert [SEV_RANK[r["properties"]["severity"]] for r in kept] == ranks[:2], kept
    notes = run["invocations"][0].get("toolExecutionNotifications", [])
    assert any(n["descriptor"]["id"] == "osprey/results-truncated" for n in notes), notes
    r = run_osprey(["convert", "--format", "sarif", "--sarif-max-results", "0", FIXTURE], cwd=t.tmp)
    assert r.returncode == 2 and "--sarif-max-results" in r.stderr, (r.returncode, r.stderr)


if __name__ == "__main__":
    main(globals())
