"""Integration tests of `osprey convert` and `osprey merge` on a hand-written report (no AWS).

SARIF is validated against the OASIS schema, JUnit against Jenkins' XSD with xmllint, JSON
against formats/osprey-report.schema.json; the exit-code matrix of issue 7 runs end to end.
"""
import json
import os
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import SHARED_DIR, SOURCE_DIR, base_env, main, run_osprey  # noqa: E402
import validate_json_schema  # noqa: E402

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "sample-report.json")
SARIF_SCHEMA = os.path.join(SHARED_DIR, "reference", "sarif-schema-2.1.0.json")
JUNIT_XSD = os.path.join(SHARED_DIR, "reference", "jenkins-junit.xsd")
REPORT_SCHEMA = os.path.join(SOURCE_DIR, "formats", "osprey-report.schema.json")


if validate_json_schema.jsonschema is None:
    raise SystemExit("python3 module jsonschema is missing: run tests/tools/install-validators.sh")


def convert(t, *args, cwd=None, ok=(0,)):
    r = run_osprey(["convert"] + list(args), cwd=cwd or t.tmp)
    assert r.returncode in ok, "convert %s: exit %d\n%s" % (args, r.returncode, r.stderr)
    return r


def schema_ok(schema, path):
    with open(path, encoding="utf-8") as f:
        errors = validate_json_schema.validate(schema, json.load(f))
    assert not errors, "%s invalid against %s:\n%s" % (path, schema, "\n".join(errors[:20]))


def write_matrix_report(t, complete=True):
    """{1 HIGH, 2 LOW} as a JSON report, from the fixture's texts. complete: without the
    fixture's failed kms collection (a gap, which makes a gated run exit 6)."""
    with open(FIXTURE, encoding="utf-8") as f:
        doc = json.load(f)
    if complete:
        doc["Services"] = [s for s in doc["Services"] if s["Status"] != "failed"]
    base = dict(doc["Findings"][0])
    findings = []
    for cid, sev, arn in (("AVD-AWS-0086", "HIGH", "arn:aws:s3:::a"), ("AVD-AWS-0091", "LOW", "arn:aws:s3:::a"),
                          ("AVD-AWS-0091", "LOW", "arn:aws:s3:::b")):
        f = dict(base)
        f.update({"ID": cid, "Severity": sev, "Resource": arn})
        findings.append(f)
    doc["Findings"] = findings
    doc.pop("Compliance")
    path = os.path.join(t.tmp, "matrix.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return path


def test_sarif_valid_and_github_safe(t):
    out = os.path.join(t.tmp, "r.sarif")
    convert(t, "--format", "sarif=" + out, FIXTURE)
    schema_ok(SARIF_SCHEMA, out)
    with open(out, encoding="utf-8") as f:
        sarif = json.load(f)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0"
    assert run["tool"]["driver"]["version"] == "0.1.0"
    assert "123456789012" in run["automationDetails"]["id"] and "us-east-1" in run["automationDetails"]["id"]
    results = run["results"]
    assert len(results) == 6, len(results)  # FAIL findings only
    for res in results:
        for loc in res["locations"]:
            uri = loc["physicalLocation"]["artifactLocation"]["uri"]
            assert uri, "empty uri"
            assert not urllib.parse.urlsplit(uri).scheme, "uri has a scheme: " + uri
            assert uri.startswith("aws/123456789012/"), uri
            assert " " not in uri and "#" not in uri, uri
            arn = res["properties"]["resource"]
            assert loc["logicalLocations"][0]["fullyQualifiedName"] == arn
            assert arn in res["message"]["text"]
        rule = run["tool"]["driver"]["rules"][res["ruleIndex"]]
        assert rule["id"] == res["ruleId"]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["properties"]["security-severity"] in ("9.5", "8.0", "5.5", "2.0")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("kms" in n["message"]["text"] and "AccessDenied" in n["message"]["text"] for n in notes)
    assert "compliance" in run["properties"]


def test_sarif_fingerprints_equal_across_runs(t):
    a, b = os.path.join(t.tmp, "a.sarif"), os.path.join(t.tmp, "b.sarif")
    convert(t, "-f", "sarif", "-o", a, FIXTURE)
    convert(t, "-f", "sarif=" + b, FIXTURE)
    fps = []
    for p in (a, b):
        with open(p, encoding="utf-8") as f:
            fps.append([r["partialFingerprints"] for r in json.load(f)["runs"][0]["results"]])
    assert fps[0] == fps[1]
    assert len({json.dumps(x) for x in fps[0]}) == len(fps[0]), "fingerprints must differ per finding"
    with open(a, "rb") as fa, open(b, "rb") as fb:
        assert fa.read() == fb.read()


def test_junit_valid_and_distinct_testcases(t):
    out = os.path.join(t.tmp, "r.xml")
    convert(t, "--include-non-failures", "--format", "junit=" + out, FIXTURE)
    r = subprocess.run(["xmllint", "--noout", "--schema", JUNIT_XSD, out], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    import xml.etree.ElementTree as ET
    root = ET.parse(out).getroot()
    cases = [c for c in root.iter("testcase") if c.get("name", "").startswith("AVD-AWS-0086 ")]
    assert len(cases) == 2, [c.get("name") for c in cases]
    assert cases[0].get("name") != cases[1].get("name")
    assert all(c.get("classname") == "aws.s3" for c in cases)
    assert all(c.find("failure").get("type") == "HIGH" for c in cases)
    suites = [s.get("name") for s in root.iter("testsuite")]
    assert "osprey aws 123456789012 us-east-1" in suites and "osprey aws 123456789012 eu-west-1" in suites
    errs = [c for c in root.iter("testcase") if c.find("error") is not None]
    assert any(c.get("classname") == "aws.kms" for c in errs)


def test_json_valid_and_round_trips(t):
    a, b = os.path.join(t.tmp, "a.json"), os.path.join(t.tmp, "b.json")
    convert(t, "--include-non-failures", "-f", "json=" + a, FIXTURE)
    schema_ok(REPORT_SCHEMA, a)
    schema_ok(REPORT_SCHEMA, FIXTURE)
    convert(t, "--include-non-failures", "-f", "json=" + b, a)
    with open(a, "rb") as fa, open(b, "rb") as fb:
        assert fa.read() == fb.read(), "convert of a converted report changed it"


def test_convert_equals_direct_render(t):
    """The SARIF (and JUnit) of a saved JSON report equal those written in the same run as the JSON."""
    d = os.path.join(t.tmp, "scan")
    os.mkdir(d)
    convert(t, "-f", "json=" + os.path.join(d, "r.json"), "-f", "sarif=" + os.path.join(d, "r.sarif"),
            "-f", "junit=" + os.path.join(d, "r.xml"), FIXTURE)
    for fmt, ext in (("sarif", "sarif"), ("junit", "xml")):
        again = os.path.join(t.tmp, "again." + ext)
        convert(t, "-f", "%s=%s" % (fmt, again), os.path.join(d, "r.json"))
        with open(again, "rb") as fa, open(os.path.join(d, "r." + ext), "rb") as fb:
            assert fa.read() == fb.read(), fmt + " differs after convert"


def test_several_formats_and_stdout_rules(t):
    r = convert(t, "-f", "json", "-f", "table", FIXTURE, ok=(2,))
    assert "stdout" in r.stderr
    r = convert(t, "-f", "yaml", FIXTURE, ok=(2,))
    assert "yaml" in r.stderr
    r = convert(t, "-f", "json", FIXTURE)
    assert json.loads(r.stdout)["SchemaVersion"] == 1
    r = convert(t, FIXTURE)
    assert "Compliance: CIS" in r.stdout and "\033[" not in r.stdout


def test_exit_code_matrix(t):
    report = write_matrix_report(t)
    ign = os.path.join(t.tmp, "ignore")
    with open(ign, "w") as f:
        f.write("AVD-AWS-0086 exp:2999-01-01 # accepted\n")
    expired = os.path.join(t.tmp, "expired")
    with open(expired, "w") as f:
        f.write("AVD-AWS-0086 exp:2020-01-01\n")
    cases = [([], 0), (["--fail-on", "critical"], 0), (["--fail-on", "high"], 1), (["--threshold", "low=1"], 1),
             (["--threshold", "low=2"], 0), (["--fail-on", "high", "--exit-code", "7"], 7),
             (["--fail-on", "high", "--ignorefile", ign], 0), (["--fail-on", "high", "--ignorefile", expired], 1),
             (["--fail-on", "high", "--severity", "LOW"], 0)]
    for args, want in cases:
        r = run_osprey(["convert", "-f", "json"] + args + [report], cwd=t.tmp)
        assert r.returncode == want, "%s: exit %d, want %d\n%s" % (args, r.returncode, want, r.stderr)
        if want:
            assert "threshold breached" in r.stderr, r.stderr
    r = run_osprey(["convert", "-f", "json", "--fail-on", "high", "--ignorefile", expired, report], cwd=t.tmp)
    assert "expired" in r.stderr, r.stderr


def test_default_ignorefile_and_bad_line(t):
    report = write_matrix_report(t)
    with open(os.path.join(t.tmp, ".ospreyignore"), "w") as f:
        f.write("AVD-AWS-0086 arn:aws:s3:::*\n")
    r = run_osprey(["convert", "-f", "json", "--fail-on", "high", report], cwd=t.tmp)
    assert r.returncode == 0, r.stderr
    statuses = {(x["ID"], x["Status"]) for x in json.loads(r.stdout)["Findings"]}
    assert ("AVD-AWS-0086", "IGNORED") in statuses
    with open(os.path.join(t.tmp, ".ospreyignore"), "w") as f:
        f.write("# ok\nAVD-AWS-0086 not-an-arn\n")
    r = run_osprey(["convert", "-f", "json", report], cwd=t.tmp)
    assert r.returncode == 2 and ".ospreyignore:2:" in r.stderr, r.stderr


def test_merge_shards(t):
    with open(FIXTURE, encoding="utf-8") as f:
        doc = json.load(f)
    east, west = dict(doc), dict(doc)
    east["Findings"] = [x for x in doc["Findings"] if x["Region"] == "us-east-1"]
    east["Services"] = [x for x in doc["Services"] if x["Region"] == "us-east-1"]
    east["Regions"] = ["us-east-1"]
    west["Findings"] = [x for x in doc["Findings"] if x["Region"] == "eu-west-1"]
    west["Services"] = [x for x in doc["Services"] if x["Region"] == "eu-west-1"]
    west["Regions"] = ["eu-west-1"]
    west.pop("Compliance")
    paths = []
    for name, d in (("east.json", east), ("west.json", west)):
        paths.append(os.path.join(t.tmp, name))
        with open(paths[-1], "w", encoding="utf-8") as f:
            json.dump(d, f)
    out = os.path.join(t.tmp, "all.json")
    r = run_osprey(["merge"] + paths + ["-o", out])
    assert r.returncode == 0, r.stderr
    schema_ok(REPORT_SCHEMA, out)
    whole = os.path.join(t.tmp, "whole.json")
    convert(t, "--include-non-failures", "-f", "json=" + whole, FIXTURE)
    with open(out, "rb") as fa, open(whole, "rb") as fb:
        assert fa.read() == fb.read(), "merging the two shards must give the unsharded report"
    west["SchemaVersion"] = 2
    with open(paths[1], "w", encoding="utf-8") as f:
        json.dump(west, f)
    r = run_osprey(["merge"] + paths + ["-o", out])
    assert r.returncode == 2 and "SchemaVersion" in r.stderr, r.stderr


if __name__ == "__main__":
    os.environ.update({k: v for k, v in base_env().items() if k == "NO_COLOR"})
    main(globals())
