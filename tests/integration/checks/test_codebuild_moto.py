"""codebuild on moto: a misconfigured project FAILs its check ids, a compliant twin PASSes, from a
live scan; plaintext variable values and source credentials never reach any output; calls stay
within 2 per resource (BatchGetProjects takes 100 names).

What moto 5.2.1 cannot express, and where it is covered instead:
- secondaryArtifacts and secondarySources: moto's CreateProject drops them, so the secondary
  branch of AVD-AWS-0018 and OSP-AWS-0051 is covered by codebuild_projects_aws.json
  (tests/unit/collect/test_codebuild.c) and checks/aws/codebuild/*_test.rego.
- NO_SOURCE / NO_ARTIFACTS projects: moto's CreateProject demands a location for NO_SOURCE; the
  NO_ARTIFACTS exemption of 0018 is in the _test.rego and the AWS-shaped response.
- A project without logsConfig (AWS then logs to CloudWatch): moto echoes only what was set; the
  default is asserted on a bare project in test_codebuild.c.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

P = "arn:aws:codebuild:us-east-1:123456789012:project/"
CLEAR = "NotInAnyOutput-8642"
URL_PW = "UrlPw-97531"
ROLE = "arn:aws:iam::123456789012:role/cb"


def project(cb, name, bad):
    env = {"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0", "computeType": "BUILD_GENERAL1_SMALL",
           "privilegedMode": bad,
           "environmentVariables": [{"name": "DB_PASSWORD", "value": CLEAR, "type": "PLAINTEXT"} if bad else
                                    {"name": "DB_PASSWORD", "value": "/ci/db", "type": "PARAMETER_STORE"},
                                    {"name": "STAGE", "value": "prod"}]}
    loc = "https://bot:%s@bitbucket.org/acme/app.git" % URL_PW if bad else "https://bitbucket.org/acme/app.git"
    status = "DISABLED" if bad else "ENABLED"
    cb.create_project(name=name, source={"type": "BITBUCKET", "location": loc},
                      artifacts={"type": "S3", "location": "out", "encryptionDisabled": bad}, environment=env,
                      serviceRole=ROLE, logsConfig={"cloudWatchLogs": {"status": status},
                                                    "s3Logs": {"status": "DISABLED"}})


def seed(m):
    cb = m.client("codebuild")
    project(cb, "bad-cb", True)
    project(cb, "good-cb", False)


IDS = ("AVD-AWS-0018", "OSP-AWS-0050", "OSP-AWS-0051", "OSP-AWS-0052", "OSP-AWS-0053")


def test_misconfigured_fail_and_compliant_twins_pass(t):
    m = t.moto()
    seed(m)
    out = os.path.join(t.tmp, "r.json")
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "codebuild", "--cache-dir",
                    os.path.join(t.tmp, "c"), "--include-non-failures", "--format", "json=" + out], env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    rep = json.load(open(out))
    assert all(s["Status"] == "ok" for s in rep["Services"]), rep["Services"]
    fails = {(f["ID"], f["Resource"]) for f in rep["Findings"] if f["Status"] == "FAIL"}
    passes = {(f["ID"], f["Resource"]) for f in rep["Findings"] if f["Status"] == "PASS"}
    missing = [(i, P + "bad-cb") for i in IDS if (i, P + "bad-cb") not in fails]
    assert not missing, (missing, sorted(fails))
    wrong = [(i, P + "good-cb") for i in IDS if (i, P + "good-cb") in fails or (i, P + "good-cb") not in passes]
    assert not wrong, (wrong, sorted(fails))
    blob = open(out).read() + r.stdout + r.stderr
    assert CLEAR not in blob and URL_PW not in blob


def test_calls_per_resource_stay_within_two(t):
    m = t.moto()
    cb = m.client("codebuild")
    for i in range(102):
        project(cb, "p-%03d" % i, i % 2 == 0)
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "codebuild",
                    "--cache-dir", os.path.join(t.tmp, "c"), "--debug", "--format", "json"], env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    calls = {s: int(n) for s, n in re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr)}
    lists = calls["codebuild"] - 2  # two BatchGetProjects for 102 names
    assert 1 <= lists <= 2, calls
    rep = json.loads(r.stdout)
    ids = {f["Resource"] for f in rep["Findings"] if f["ID"] == "OSP-AWS-0052"}
    assert len(ids) == 51, len(ids)


if __name__ == "__main__":
    main(globals())
