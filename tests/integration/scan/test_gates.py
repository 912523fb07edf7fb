"""Never pass a gate blind (issue 11, items 1-4): an incomplete run says so in every format and a
gated one exits 6 unless the gap is accepted; `--offline --region all` means the regions stored;
every finding has its own identity (JSON Fingerprint, SARIF fingerprints and lines, JUnit names);
`--exit-code 0` reports only; `--arn` gets every finding about its resource, at one location.

Each test fails on the osprey before this work (OSPREY_BIN=/work/main/build/osprey) and passes
after. The demo artifact (tests/demo/demo-account.osc) holds us-east-1 and global state; the tests
replay a copy where Access Analyzer was denied in us-east-1 (as an SCP would), the case of the
issue."""
import collections
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cache"))
import artfmt  # noqa: E402
from osptest import SHARED_DIR, SOURCE_DIR, base_env, free_port, main, run_osprey  # noqa: E402
import validate_json_schema  # noqa: E402

DEMO = os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc")
REPORT_SCHEMA = os.path.join(SOURCE_DIR, "formats", "osprey-report.schema.json")
SARIF_SCHEMA = os.path.join(SHARED_DIR, "reference", "sarif-schema-2.1.0.json")
JUNIT_XSD = os.path.join(SHARED_DIR, "reference", "jenkins-junit.xsd")
INCOMPLETE = 6


DENIED = json.dumps({"status": "failed", "code": "AccessDeniedException",
                     "message": "explicit deny in a service control policy"}, sort_keys=True, separators=(",", ":"))


def demo_artifact(path):
    """The demo artifact with accessanalyzer in us-east-1 failed (AccessDeniedException)."""
    with open(DEMO, "rb") as f:
        hdr, entries = artfmt.decode(f.read())
    for e in entries:
        if e["service"] == "accessanalyzer" and e["region"] == "us-east-1":
            e["status"], e["state"] = DENIED, "{}"
    assert any(e["status"] == DENIED for e in entries), "the demo has no accessanalyzer state in us-east-1"
    with open(path, "wb") as f:
        f.write(artfmt.encode(entries, hdr["created"], hdr["osprey_version"]))


def demo(t, *args):
    """osprey aws on a copy of the demo artifact (Access Analyzer denied), offline, quiet."""
    art = os.path.join(t.tmp, "d.osc")
    if not os.path.exists(art):
        demo_artifact(art)
    return run_osprey(["aws", "--offline", "--cache-artifact", art, "-q"] + list(args), cwd=t.tmp)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def schema_ok(path, schema=REPORT_SCHEMA):
    errors = validate_json_schema.validate(schema, load(path))
    assert not errors, "%s invalid:\n%s" % (path, "\n".join(errors[:20]))


def junit_ok(path):
    r = subprocess.run(["xmllint", "--noout", "--schema", JUNIT_XSD, path], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def sarif_invocation(path):
    return load(path)["runs"][0]["invocations"][0]


def test_offline_region_all_means_every_stored_region(t):
    out = os.path.join(t.tmp, "all.json")
    r = demo(t, "--region", "all", "-f", "json=" + out)
    assert r.returncode == 0, r.stderr
    rep = load(out)
    assert "us-east-1" in rep["Regions"], rep["Regions"]
    fails = [f for f in rep["Findings"] if f["Status"] == "FAIL"]
    assert len(fails) > 100, len(fails)
    r = demo(t, "--region", "all", "--fail-on", "LOW", "--allow-incomplete", "accessanalyzer", "-f", "json=" + out)
    assert r.returncode == 1, "exit %d (want 1: findings breach --fail-on LOW)\n%s" % (r.returncode, r.stderr)
    # the same as without --region (every stored region either way)
    out2 = os.path.join(t.tmp, "none.json")
    r = demo(t, "--fail-on", "LOW", "--allow-incomplete", "accessanalyzer", "-f", "json=" + out2)
    assert r.returncode == 1, r.stderr
    assert load(out2)["Findings"] == rep["Findings"]
    schema_ok(out)


def test_offline_region_not_stored_is_a_gap(t):
    out = os.path.join(t.tmp, "r.json")
    r = demo(t, "--region", "us-east-1", "--region", "eu-west-1", "--fail-on", "CRITICAL",
             "--allow-incomplete", "accessanalyzer", "-f", "json=" + out)
    assert r.returncode == INCOMPLETE, "exit %d\n%s" % (r.returncode, r.stderr)
    assert "eu-west-1" in r.stderr, r.stderr
    rep = load(out)
    assert rep["Status"] == "incomplete"
    gaps = [g for g in rep["Gaps"] if g["Kind"] == "region"]
    assert [g["Region"] for g in gaps] == ["eu-west-1"] and not gaps[0]["Accepted"], rep["Gaps"]
    schema_ok(out)
    r = run_osprey(["convert", "-f", "junit=" + os.path.join(t.tmp, "r.xml"), "-f",
                    "sarif=" + os.path.join(t.tmp, "r.sarif"), out])
    assert r.returncode == 0, r.stderr
    junit_ok(os.path.join(t.tmp, "r.xml"))
    schema_ok(os.path.join(t.tmp, "r.sarif"), SARIF_SCHEMA)
    assert "eu-west-1" in open(os.path.join(t.tmp, "r.xml")).read()
    r = demo(t, "--region", "us-east-1", "--region", "eu-west-1", "--fail-on", "CRITICAL",
             "--allow-incomplete", "accessanalyzer", "--allow-incomplete", "*/eu-west-1", "-f", "json=" + out)
    assert r.returncode in (0, 1), "exit %d\n%s" % (r.returncode, r.stderr)
    assert load(out)["Status"] == "complete"


def test_failed_service_makes_gated_run_incomplete_everywhere(t):
    sarif, js, junit = (os.path.join(t.tmp, n) for n in ("r.sarif", "r.json", "r.xml"))
    r = demo(t, "--service", "accessanalyzer", "--fail-on", "LOW", "-f", "sarif=" + sarif, "-f", "json=" + js,
             "-f", "junit=" + junit, "-f", "table=" + os.path.join(t.tmp, "r.txt"))
    assert r.returncode == INCOMPLETE, "exit %d\n%s" % (r.returncode, r.stderr)
    inv = sarif_invocation(sarif)
    assert inv["executionSuccessful"] is False, inv
    assert any("accessanalyzer" in n["message"]["text"] for n in inv["toolExecutionNotifications"]), inv
    rep = load(js)
    assert rep["Status"] == "incomplete" and rep["Gate"]["Incomplete"] and rep["Gate"]["ExitCode"] == INCOMPLETE
    schema_ok(js)
    root = ET.parse(junit).getroot()
    assert any("accessanalyzer" in (e.get("message", "") + (e.text or "") + c.get("name", ""))
               for c in root.iter("testcase") for e in c.iter("error")), ET.tostring(root)[:2000]
    with open(os.path.join(t.tmp, "r.txt")) as f:
        assert "INCOMPLETE" in f.read()
    junit_ok(junit)
    schema_ok(sarif, SARIF_SCHEMA)
    # accepted: the run exits by its thresholds (no accessanalyzer finding: 0), and says complete
    r = demo(t, "--service", "accessanalyzer", "--fail-on", "LOW", "--allow-incomplete", "accessanalyzer",
             "-f", "sarif=" + sarif, "-f", "json=" + js)
    assert r.returncode == 0, "exit %d\n%s" % (r.returncode, r.stderr)
    assert sarif_invocation(sarif)["executionSuccessful"] is True
    assert load(js)["Status"] == "complete" and load(js)["Gaps"][0]["Accepted"] is True
    # no gate: exit 0 as before, but the report still says incomplete
    r = demo(t, "--service", "accessanalyzer", "-f", "json=" + js)
    assert r.returncode == 0 and load(js)["Status"] == "incomplete", r.stderr


def test_allow_incomplete_same_run_exits_by_thresholds(t):
    r = demo(t, "--fail-on", "LOW", "-f", "sarif=" + os.path.join(t.tmp, "a.sarif"))
    assert r.returncode == INCOMPLETE, "exit %d\n%s" % (r.returncode, r.stderr)
    assert sarif_invocation(os.path.join(t.tmp, "a.sarif"))["executionSuccessful"] is False
    r = demo(t, "--fail-on", "LOW", "--allow-incomplete", "accessanalyzer/us-east-1",
             "-f", "sarif=" + os.path.join(t.tmp, "b.sarif"))
    assert r.returncode == 1, "exit %d\n%s" % (r.returncode, r.stderr)
    r = demo(t, "--fail-on", "LOW", "--allow-incomplete", "accessanalyzer/eu-west-1", "-f", "json")
    assert r.returncode == INCOMPLETE, "a gap in another region is not accepted: exit %d" % r.returncode
    r = demo(t, "--fail-on", "LOW", "--allow-incomplete", "/x")
    assert r.returncode == 2, r.stderr


def test_exit_code_zero_is_report_only(t):
    out = os.path.join(t.tmp, "r.json")
    r = demo(t, "--exit-code", "0", "--fail-on", "LOW", "-f", "json=" + out)
    assert r.returncode == 0, "exit %d\n%s" % (r.returncode, r.stderr)
    gate = load(out)["Gate"]
    assert gate["Breached"] is True and gate["Incomplete"] is True and gate["ExitCode"] == 0, gate
    assert "threshold breached" in r.stderr, r.stderr
    schema_ok(out)
    # convert reads the saved report with the same verdicts
    r = run_osprey(["convert", "--exit-code", "0", "--threshold", "high=0", "-f", "json", out])
    assert r.returncode == 0 and json.loads(r.stdout)["Gate"]["Breached"] is True, r.stderr
    r = run_osprey(["convert", "--threshold", "high=0", "-f", "json", out])
    assert r.returncode == INCOMPLETE, r.stderr
    r = run_osprey(["convert", "--threshold", "high=0", "--allow-incomplete", "accessanalyzer", "-f", "json", out])
    assert r.returncode == 1, r.stderr


def identities(t, prefix, run):
    """(fingerprints, sarif (rule, uri, line) keys, junit (suite, classname, name) keys) of one run."""
    js, sarif, junit, cq = (os.path.join(t.tmp, prefix + n) for n in (".json", ".sarif", ".xml", ".cq.json"))
    r = run("-f", "json=" + js, "-f", "sarif=" + sarif, "-f", "junit=" + junit, "-f", "codequality=" + cq)
    assert r.returncode in (0, INCOMPLETE), "exit %d\n%s" % (r.returncode, r.stderr)
    fps = [f.get("Fingerprint") for f in load(js)["Findings"]]
    results = load(sarif)["runs"][0]["results"]
    locs = [(x["ruleId"], x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             x["locations"][0]["physicalLocation"]["region"]["startLine"]) for x in results]
    hashes = [x["partialFingerprints"].get("primaryLocationLineHash", sorted(x["partialFingerprints"].values())[0])
              for x in results]
    cases = [(s.get("name"), c.get("classname"), c.get("name"))
             for s in ET.parse(junit).getroot().iter("testsuite") for c in s.iter("testcase")]
    cq_fps = [i["fingerprint"] for i in load(cq)]
    return fps, locs, hashes, cases, cq_fps


def dupes(v):
    return [k for k, n in collections.Counter(v).items() if n > 1]


def test_demo_findings_have_one_identity_each(t):
    a = identities(t, "a", lambda *x: demo(t, *x))
    for name, v in zip(("SARIF (rule, uri, startLine)", "primaryLocationLineHash", "JUnit name",
                        "Code Quality fingerprint", "Fingerprint"), a[1:] + a[:1]):
        assert v and not dupes(v), "%s shared: %s" % (name, dupes(v)[:5])
    b = identities(t, "b", lambda *x: demo(t, *x))
    assert a == b, "two runs on equal state must give equal identities"


def seed_network(m):
    ec2 = m.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    for _ in range(3):
        acl = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
        for egress in (False, True):
            for num, port in ((100, None), (110, 22), (120, 3389)):
                kw = {"PortRange": {"From": port, "To": port}, "Protocol": "6"} if port else {"Protocol": "-1"}
                ec2.create_network_acl_entry(NetworkAclId=acl, RuleNumber=num, RuleAction="allow", Egress=egress,
                                             CidrBlock="0.0.0.0/0", **kw)
    for i in range(3):
        sg = ec2.create_security_group(GroupName="open-%d" % i, Description="open", VpcId=vpc)["GroupId"]
        ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": p, "ToPort": p, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
            for p in (22, 80, 443, 3389)])
        ec2.authorize_security_group_egress(GroupId=sg, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 25, "ToPort": 25, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])


def test_moto_nacls_and_security_groups_have_one_identity_each(t):
    m = t.moto()
    seed_network(m)

    def scan(*extra):
        return run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "ec2", "-q",
                           "--cache-dir", os.path.join(t.tmp, "cache"), "--update-cache"] + list(extra), env=m.env())
    a = identities(t, "a", scan)
    per_rule = collections.Counter(x[0] for x in a[1])
    assert per_rule.get("AVD-AWS-0102", 0) >= 6 and per_rule.get("AVD-AWS-0124", 0) >= 6, per_rule
    for name, v in zip(("SARIF (rule, uri, startLine)", "primaryLocationLineHash", "JUnit name",
                        "Code Quality fingerprint", "Fingerprint"), a[1:] + a[:1]):
        assert not dupes(v), "%s shared: %s" % (name, dupes(v)[:5])
    b = identities(t, "b", scan)
    assert a == b, "two runs on equal state must give equal identities"


CONFLICT = """# METADATA
# title: Conflicting function outputs
# custom:
#   id: USR-0666
#   severity: LOW
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package user.conflict

import rego.v1

f(_) := 1

f(_) := 2

deny contains msg if {
	some bucket in input.aws.s3.buckets
	f(bucket) == 1
	msg := "never"
}
"""


def test_check_that_fails_to_evaluate_is_a_gap(t):
    pol = os.path.join(t.tmp, "pol")
    os.makedirs(pol)
    with open(os.path.join(pol, "conflict.rego"), "w") as f:
        f.write(CONFLICT)
    out = os.path.join(t.tmp, "r.json")
    r = demo(t, "--service", "s3", "--config-check", pol, "--check-namespaces", "user", "--fail-on", "CRITICAL",
             "-f", "json=" + out, "-f", "sarif=" + os.path.join(t.tmp, "r.sarif"))
    assert r.returncode == INCOMPLETE, "exit %d\n%s" % (r.returncode, r.stderr)
    gaps = [g for g in load(out)["Gaps"] if g["Kind"] == "check"]
    assert gaps and gaps[0]["Check"] == "USR-0666" and gaps[0]["Code"] == "eval_conflict_error", load(out)["Gaps"]
    notes = sarif_invocation(os.path.join(t.tmp, "r.sarif"))["toolExecutionNotifications"]
    assert any("USR-0666" in n["message"]["text"] for n in notes), notes
    schema_ok(os.path.join(t.tmp, "r.sarif"), SARIF_SCHEMA)
    r = demo(t, "--service", "s3", "--config-check", pol, "--check-namespaces", "user", "--fail-on", "CRITICAL",
             "--allow-incomplete", "USR-0666", "-f", "json=" + out)
    assert r.returncode in (0, 1), "exit %d\n%s" % (r.returncode, r.stderr)


def test_account_given_and_network_down_is_incomplete(t):
    env = base_env()
    env.update({"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "x" * 40,
                "AWS_REGION": "us-east-1", "AWS_MAX_ATTEMPTS": "1"})
    dead = "http://127.0.0.1:%d" % free_port()  # nothing listens there
    out = os.path.join(t.tmp, "r.json")
    r = run_osprey(["aws", "--endpoint", dead, "--account", "123456789012", "--service", "s3", "--service", "kms",
                    "-q", "--fail-on", "HIGH", "--cache-dir", os.path.join(t.tmp, "c"), "-f", "json=" + out,
                    "--timeout", "60s"], env=env, timeout=120)
    assert r.returncode == INCOMPLETE, "exit %d\n%s" % (r.returncode, r.stderr[-2000:])
    rep = load(out)
    assert {g["Service"] for g in rep["Gaps"]} == {"s3", "kms"}, rep["Gaps"]


def test_arn_gets_findings_of_every_service_at_one_location(t):
    full = os.path.join(t.tmp, "full.json")
    r = demo(t, "-f", "json=" + full)
    assert r.returncode == 0, r.stderr
    by_res = collections.defaultdict(set)
    for f in load(full)["Findings"]:
        by_res[f["Resource"]].add(f["ID"])
    bucket = next(res for res, ids in sorted(by_res.items())
                  if res.startswith("arn:aws:s3:::") and {"AVD-AWS-0171", "AVD-AWS-0172"} & ids)
    want = sorted(f["ID"] for f in json.loads(run_osprey(["convert", "--arn", bucket, "-f", "json", full]).stdout)
                  ["Findings"])
    r = demo(t, "--arn", bucket, "-f", "json=" + os.path.join(t.tmp, "arn.json"),
             "-f", "sarif=" + os.path.join(t.tmp, "arn.sarif"))
    assert r.returncode == 0, r.stderr
    got = load(os.path.join(t.tmp, "arn.json"))["Findings"]
    assert sorted(f["ID"] for f in got) == want, (sorted(f["ID"] for f in got), want)
    assert {f["Region"] for f in got} == {"global"}, {(f["ID"], f["Region"]) for f in got}
    uris = {x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for x in load(os.path.join(t.tmp, "arn.sarif"))["runs"][0]["results"]}
    assert len(uris) == 1, uris


if __name__ == "__main__":
    main(globals())
