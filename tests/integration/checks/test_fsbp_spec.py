"""The built-in AWS Foundational Security Best Practices spec (`--compliance aws-fsbp`): every FSBP
control under its own id, once, in order; controls osprey has checks for are decided by them, the
others are NOT COVERED with a reason (never PASS, never absent), in the JSON, table, SARIF, JUnit
and HTML reports of an offline scan of the bundled demo. The "after-merge" lines of the spec (checks
of the services this release added) are applied: those controls are decided by their checks."""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import SHARED_DIR, SOURCE_DIR, main, run_osprey  # noqa: E402

SPEC = os.path.join(SOURCE_DIR, "checks", "compliance", "aws-fsbp.yaml")
REPORT_SCHEMA = os.path.join(SOURCE_DIR, "formats", "osprey-report.schema.json")
JUNIT_XSD = os.path.join(SHARED_DIR, "reference", "jenkins-junit.xsd")

# The FSBP controls (AWS Security Hub), by section, as Prowler's FSBP mapping lists them (286), plus
# Inspector.1-4 and WorkSpaces.1-2, which joined the standard after that list was made (292).
FSBP = {
    "ACM": "1 2", "APIGateway": "1 2 3 4 5 8 9", "Account": "1", "AppSync": "1 2", "Athena": "1",
    "AutoScaling": "1 2 3 4 5 6 9", "Backup": "1", "CloudFormation": "1",
    "CloudFront": "1 3 4 5 6 7 8 9 10 12 13", "CloudTrail": "1 2 3 4 5 6 7", "CodeBuild": "1 2 3 4 5 7",
    "Cognito": "1", "Config": "1", "DMS": "1 6 7 8 9", "DocumentDB": "1 2 3 4 5", "DynamoDB": "1 2 3 4 6 7",
    "EC2": "1 2 3 4 6 7 8 9 10 12 13 14 15 16 17 18 19 20 21 22 23 24 25 28 51", "ECR": "1 2 3",
    "ECS": "1 2 3 4 5 8 9 10 12", "EFS": "1 2 3 4", "EKS": "1 2 3 8", "ELB": "1 2 3 4 5 6 7 9 10 12 13 14 16",
    "EMR": "1 2", "ES": "1 2 3 4 5 6 7 8", "ElastiCache": "1 2 3 4 5 6 7", "ElasticBeanstalk": "1 3",
    "EventBridge": "3", "FSx": "1", "GuardDuty": "1 9 10", "IAM": "1 2 3 4 5 6 7 8 9 10 19 21 22 26",
    "Inspector": "1 2 3 4", "KMS": "1 2 3 4 5", "Kinesis": "1", "Lambda": "1 2 3 5", "MSK": "1 2", "Macie": "1",
    "Neptune": "1 2 3 4 5 6 7 8 9", "NetworkFirewall": "2 3 4 5 6 9", "OpenSearch": "1 2 3 4 5 6 7 8 10",
    "PrivateCertificateAuthority": "1",
    "RDS": "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 34 35 36 37 38 39",
    "Redshift": "1 2 3 4 6 7 8 9 10", "Route53": "2", "S3": "1 2 3 5 6 7 8 9 10 11 12 13 14 15 17 19 20",
    "SNS": "1 2 4", "SQS": "1", "SSM": "1 2 3 4", "SageMaker": "1 2 3 4 5", "SecretsManager": "1 2 3 4",
    "StepFunctions": "1", "WAF": "1 2 3 4 6 7 8 10 11 12", "WorkSpaces": "1 2",
}
CONTROLS = ["%s.%s" % (s, n) for s, ns in FSBP.items() for n in ns.split()]
# Controls decided by osprey checks, and NOT COVERED ones.
COVERED, NOT_COVERED = 169, 123


def scan(t, fmt, *extra, spec="aws-fsbp"):
    art = os.path.join(t.tmp, "demo.osc")
    if not os.path.exists(art):
        shutil.copy(os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc"), art)
    r = run_osprey(["aws", "--offline", "--cache-artifact", art, "--compliance", spec, "--format", fmt, *extra],
                   cwd=t.tmp)
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-2000:])
    return r.stdout


def spec_controls():
    """(id, covered, checks) per control of the YAML, read line by line (no YAML library needed)."""
    out = []
    for line in open(SPEC):
        m = re.match(r'^    - id: "([^"]+)"$', line)
        if m:
            out.append([m.group(1), True, []])
        elif re.match(r"^      covered: false\b", line):
            out[-1][1] = False
        elif re.match(r"^        - id: (\S+)$", line):
            out[-1][2].append(line.split()[-1])
    return out


def test_every_fsbp_control_once_in_order_with_counts(t):
    assert len(CONTROLS) == 292 and len(set(CONTROLS)) == 292
    got = spec_controls()
    assert [c[0] for c in got] == CONTROLS, [c[0] for c in got]
    assert sum(c[1] for c in got) == COVERED and sum(not c[1] for c in got) == NOT_COVERED
    assert "after-merge" not in open(SPEC).read()  # every service of this release is mapped
    have = {c["id"] for c in json.loads(run_osprey(["checks", "list", "--format", "json"]).stdout)}
    for cid, covered, checks in got:  # today's mappings name checks of today's catalog only
        assert covered == bool(checks), cid
        assert set(checks) <= have, (cid, set(checks) - have)


def test_demo_scan_reports_pass_fail_and_not_covered(t):
    report = json.loads(scan(t, "json"))
    c = report["Compliance"]
    assert c["ID"] == "aws-fsbp" and [x["ID"] for x in c["Controls"]] == CONTROLS
    by = {x["ID"]: x for x in c["Controls"]}
    uncovered = {cid for cid, covered, _ in spec_controls() if not covered}
    assert {i for i, x in by.items() if x["Status"] == "NOT COVERED"} == uncovered
    for cid in uncovered:
        assert by[cid]["Reason"] and not by[cid]["Checks"] and by[cid]["FailingResources"] == 0, by[cid]
    assert by["AppSync.1"]["Reason"] == "osprey does not collect AWS AppSync."
    assert by["SageMaker.1"]["Checks"] == ["OSP-AWS-0150"] and by["SageMaker.1"]["Status"] != "NOT COVERED"
    assert by["Macie.1"]["Checks"] == ["OSP-AWS-0140"] and by["Macie.1"]["Status"] != "NOT COVERED"
    assert by["EventBridge.3"]["Reason"] == "No osprey check answers this yet (EventBridge is collected)."
    # the demo account: a public bucket, users without MFA, SSH and RDP open to the world
    for cid in ("S3.2", "S3.8", "IAM.5", "EC2.13", "EC2.14", "CloudTrail.1", "EC2.3"):
        assert by[cid]["Status"] == "FAIL" and by[cid]["FailingResources"] > 0, by[cid]
    for cid in ("IAM.4", "IAM.26", "CloudFront.3"):
        assert by[cid]["Status"] == "PASS", by[cid]
    assert all(x["Status"] in ("PASS", "FAIL", "NOT EVALUATED", "NOT COVERED") for x in c["Controls"])
    sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "tools"))
    from validate_json_schema import validate  # noqa: E402
    assert validate(REPORT_SCHEMA, report) == []
    # a saved report reads back with its NOT COVERED controls (osprey convert, osprey merge)
    path = os.path.join(t.tmp, "fsbp.json")
    with open(path, "w") as f:
        json.dump(report, f)
    r = run_osprey(["convert", "--format", "json", path], cwd=t.tmp)
    assert r.returncode == 0, r.stderr
    again = {x["ID"]: x for x in json.loads(r.stdout)["Compliance"]["Controls"]}
    assert again["AppSync.1"] == by["AppSync.1"], again["AppSync.1"]
    r = run_osprey(["merge", path, path], cwd=t.tmp)
    assert r.returncode in (0, 1), r.stderr
    merged = {x["ID"]: x for x in json.loads(r.stdout)["Compliance"]["Controls"]}
    assert merged["AppSync.1"]["Status"] == "NOT COVERED" and merged["S3.8"]["Status"] == "FAIL"


def test_table_lists_not_covered_and_counts_it(t):
    out = scan(t, "table")
    line = next(x for x in out.splitlines() if x.startswith("Controls: "))
    assert line.endswith(", %d NOT COVERED" % NOT_COVERED), line
    rows = [x for x in out.splitlines() if x.startswith("| AppSync.1 ")]
    assert len(rows) == 1 and "NOT COVERED" in rows[0], rows
    full = scan(t, "table", "--report", "all")  # --report all says why
    assert "  AppSync.1 NOT COVERED: osprey does not collect AWS AppSync." in full, full[-3000:]
    cis = scan(t, "table", spec="aws-cis-1.4")  # specs without uncovered controls: line unchanged
    assert re.search(r"^Controls: \d+ PASS, \d+ FAIL, \d+ MANUAL, \d+ NOT EVALUATED$", cis, re.M), cis[-2000:]


def test_junit_sarif_and_html_carry_not_covered(t):
    path = os.path.join(t.tmp, "fsbp.xml")
    open(path, "w").write(scan(t, "junit"))
    r = subprocess.run(["xmllint", "--noout", "--schema", JUNIT_XSD, path], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    suite = next(s for s in ET.parse(path).getroot().iter("testsuite") if s.get("name") == "osprey compliance aws-fsbp")
    cases = {c.get("name").split(" ", 1)[0]: c for c in suite.iter("testcase")}
    assert len(cases) == len(CONTROLS) and int(suite.get("skipped")) == NOT_COVERED
    skipped = cases["WAF.1"].find("skipped")
    assert skipped is not None and skipped.text == "not covered: osprey does not collect AWS WAF Classic.", skipped
    assert cases["S3.8"].find("failure") is not None
    sarif = json.loads(scan(t, "sarif"))
    ctl = {x["id"]: x for x in sarif["runs"][0]["properties"]["compliance"]["controls"]}
    assert ctl["WAF.1"]["status"] == "NOT COVERED" and ctl["WAF.1"]["reason"], ctl["WAF.1"]
    assert ctl["S3.8"]["status"] == "FAIL", ctl["S3.8"]
    html = scan(t, "html")
    assert '<td class="NOT-COVERED">NOT COVERED</td>' in html


def test_covered_false_with_checks_is_a_config_error(t):
    path = os.path.join(t.tmp, "bad.yaml")
    open(path, "w").write('spec:\n  id: bad\n  controls:\n    - id: "X.1"\n      name: "x"\n      covered: false\n'
                          '      checks:\n        - id: AVD-AWS-0086\n')
    r = run_osprey(["aws", "--offline", "--cache-artifact", os.path.join(SOURCE_DIR, "tests", "demo",
                    "demo-account.osc"), "--compliance", "@" + path], cwd=t.tmp)
    assert r.returncode == 2 and "X.1" in r.stderr and "covered: false" in r.stderr, (r.returncode, r.stderr)


def test_explain_names_the_fsbp_controls_of_a_check(t):
    r = run_osprey(["explain", "AVD-AWS-0092"])
    assert r.returncode == 0, r.stderr
    assert "AWS Foundational Security Best Practices (aws-fsbp): S3.2, S3.3" in r.stdout, r.stdout


if __name__ == "__main__":
    main(globals())
