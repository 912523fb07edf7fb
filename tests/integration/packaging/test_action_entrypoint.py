"""The GitHub Action's entry script outside GitHub: INPUT_* variables become flags, osprey trades
a (fake, loopback) workflow OIDC token for the role through moto's STS, and the step outputs and
the Markdown job summary are written. upload-sarif auto asks a fake GitHub API whether code
scanning is available; a stub osprey (a script that records its arguments and writes the reports
a test gives it) covers list splitting and incomplete runs."""
import json
import os
import re
import stat
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from fake_creds import GitHubOIDC, _Server  # noqa: E402
from osptest import OSPREY_BIN, SOURCE_DIR, main  # noqa: E402

JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJyZXBvOm9zcHJleS9vc3ByZXk6cmVmOnJlZnMvaGVhZHMvbWFpbiJ9.sig"


def read_kv(path):
    """$GITHUB_OUTPUT as GitHub reads it; every value must use the NAME<<DELIMITER form with a
    random delimiter (no plain NAME=VALUE line, which a value with a newline could forge)."""
    out, lines, i = {}, open(path).read().split("\n"), 0
    delims = set()
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        m = re.match(r"^([A-Za-z0-9_-]+)<<(osprey_[0-9a-f]{32})$", line)
        assert m, "output line not in the NAME<<DELIMITER form: %r" % line
        name, delim = m.groups()
        assert delim not in delims, "delimiter reused"
        delims.add(delim)
        end = lines.index(delim, i + 1)
        assert end == i + 2, "a value spans lines: %r" % lines[i:end + 1]
        out[name] = lines[i + 1]
        i = end + 1
    return out


class GitHubAPI(_Server):
    """GET /repos/OWNER/REPO/code-scanning/analyses answers `status` (403: no code scanning)."""

    def __init__(self, status):
        super().__init__()
        self.status = status

    def handle(self, method, path, headers, body):
        if headers.get("Authorization") != "Bearer gh-token-xyz":
            return 401, "application/json", '{"message": "Bad credentials"}'
        if not path.startswith("/repos/owner/infra/code-scanning/analyses"):
            return 404, "application/json", '{"message": "Not Found"}'
        if self.status == 403:
            return 403, "application/json", '{"message": "Code scanning is not enabled for this repository"}'
        if self.status == 404:
            return 404, "application/json", '{"message": "no analysis found"}'
        return self.status, "application/json", "[]"


def run_entry(t, m, gh, osprey=OSPREY_BIN, api=None, **inputs):
    gh_out = os.path.join(t.tmp, "github_output")
    summary = os.path.join(t.tmp, "step_summary")
    open(gh_out, "w").close()
    open(summary, "w").close()
    env = {k: v for k, v in (m.env() if m else os.environ).items()
           if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    env.update({"OSPREY_BIN": osprey, "GITHUB_OUTPUT": gh_out, "GITHUB_STEP_SUMMARY": summary,
                "RUNNER_TEMP": t.tmp, "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "owner/infra",
                "GITHUB_API_URL": api.base if api else "http://127.0.0.1:9", "INPUT_TOKEN": "gh-token-xyz"})
    if gh:
        env.update({"ACTIONS_ID_TOKEN_REQUEST_URL": gh.url, "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "request-token-123"})
    env.update({"INPUT_" + k.upper(): v for k, v in inputs.items()})
    r = subprocess.run(["bash", os.path.join(SOURCE_DIR, "action", "entrypoint.sh")], capture_output=True,
                       text=True, env=env, cwd=t.tmp, timeout=300)
    return r, read_kv(gh_out), open(summary).read()


def seed(m):
    s3 = m.client("s3")
    s3.create_bucket(Bucket="action-public-bucket")
    s3.put_bucket_acl(Bucket="action-public-bucket", ACL="public-read")


def test_oidc_scan_breach_writes_outputs_and_summary(t):
    m = t.moto()
    seed(m)
    with GitHubOIDC(request_token="request-token-123", jwt=JWT) as gh:
        r, out, summary = run_entry(t, m, gh, role_to_assume="arn:aws:iam::123456789012:role/osprey-ci",
                                    regions="us-east-1", services="s3", fail_on="HIGH",
                                    formats="json=osprey.json sarif=osprey.sarif junit=osprey.xml",
                                    cache_artifact="state.osc", exit_code="1")
        seen = list(gh.requests)
    assert r.returncode == 1, "a HIGH finding must breach --fail-on HIGH:\n" + r.stdout[-2000:] + r.stderr[-2000:]
    # osprey itself asked the token endpoint, with the bearer and the STS audience
    assert seen, "the OIDC token endpoint was never called"
    method, path, headers = seen[0]
    assert "audience=sts.amazonaws.com" in path, path
    assert headers.get("Authorization", headers.get("authorization", "")).lower() == "bearer request-token-123"
    assert out["breached"] == "true" and out["exit-code"] == "1", out
    assert int(out["high"]) >= 1, out
    assert out["json"] == "osprey.json" and out["sarif"] == "osprey.sarif" and out["junit"] == "osprey.xml", out
    sarif = json.load(open(os.path.join(t.tmp, "osprey.sarif")))
    assert out["category"] == sarif["runs"][0]["automationDetails"]["id"], out
    assert "123456789012" in out["category"] and "us-east-1" in out["category"], out
    report = json.load(open(os.path.join(t.tmp, "osprey.json")))
    highs = sum(1 for f in report["Findings"] if f["Status"] == "FAIL" and f["Severity"] == "HIGH")
    assert int(out["high"]) == highs, (out, highs)
    assert os.path.exists(os.path.join(t.tmp, "osprey.sarif")) and os.path.exists(os.path.join(t.tmp, "state.osc"))
    assert "| HIGH | %d |" % highs in summary and "Threshold breached" in summary, summary
    # the top findings name check, resource and severity
    assert "#### Top findings" in summary and "arn:aws:s3:::action-public-bucket" in summary, summary
    top = [f for f in report["Findings"] if f["Status"] == "FAIL"][0]
    assert re.search(r"\| %s \| %s " % (top["Severity"], re.escape(top["ID"])), summary), summary


def test_report_only_still_says_breached(t):
    """--exit-code 0 (report-only): the job passes, the breached output still tells the truth."""
    m = t.moto()
    seed(m)
    with GitHubOIDC(request_token="request-token-123", jwt=JWT) as gh:
        r, out, summary = run_entry(t, m, gh, role_to_assume="arn:aws:iam::123456789012:role/osprey-ci",
                                    regions="us-east-1", services="s3", fail_on="HIGH", exit_code="0")
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert out["breached"] == "true", out
    assert "Threshold breached" in summary, summary


def test_no_threshold_means_success_and_counts_still_reported(t):
    m = t.moto()
    seed(m)
    with GitHubOIDC(request_token="request-token-123", jwt=JWT) as gh:
        r, out, summary = run_entry(t, m, gh, role_to_assume="arn:aws:iam::123456789012:role/osprey-ci",
                                    regions="us-east-1", services="s3", formats="sarif=only.sarif")
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert out["breached"] == "false" and out["json"] == "" and out["sarif"] == "only.sarif", out
    assert int(out["high"]) >= 1, "counts come from a JSON report the script adds itself: %s" % out
    assert "No threshold breached" in summary, summary


def test_upload_sarif_auto_without_code_scanning_is_a_notice_not_a_failure(t):
    m = t.moto()
    seed(m)
    with GitHubOIDC(request_token="request-token-123", jwt=JWT) as gh, GitHubAPI(403) as api:
        r, out, summary = run_entry(t, m, gh, api=api, role_to_assume="arn:aws:iam::123456789012:role/osprey-ci",
                                    regions="us-east-1", services="s3", formats="sarif=osprey.sarif",
                                    upload_sarif="auto")
        asked = list(api.requests)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert asked and asked[0][1].startswith("/repos/owner/infra/code-scanning/analyses"), asked
    assert out["upload-sarif"] == "false", out
    assert "::notice title=osprey::code scanning is not available" in r.stdout, r.stdout[-2000:]
    assert "Code scanning is not available on this repository" in summary, summary
    assert "Code scanning is not enabled for this repository" in summary, "GitHub's reason is shown: " + summary
    assert "gh-token-xyz" not in r.stdout + r.stderr + summary + open(os.path.join(t.tmp, "github_output")).read()


def test_upload_sarif_auto_with_code_scanning_and_off(t):
    m = t.moto()
    seed(m)
    for status in (200, 404):  # 404 "no analysis found": available, nothing uploaded yet
        with GitHubOIDC(request_token="request-token-123", jwt=JWT) as gh, GitHubAPI(status) as api:
            r, out, summary = run_entry(t, m, gh, api=api, role_to_assume="arn:aws:iam::123456789012:role/osprey-ci",
                                        regions="us-east-1", services="s3", formats="sarif=osprey.sarif")
        assert r.returncode == 0 and out["upload-sarif"] == "true", (status, out, r.stderr[-1500:])
    with GitHubOIDC(request_token="request-token-123", jwt=JWT) as gh, GitHubAPI(200) as api:
        r, out, summary = run_entry(t, m, gh, api=api, role_to_assume="arn:aws:iam::123456789012:role/osprey-ci",
                                    regions="us-east-1", services="s3", formats="sarif=osprey.sarif",
                                    upload_sarif="false")
        assert not api.requests, "upload-sarif false must not probe"
    assert out["upload-sarif"] == "false" and "upload-sarif: false" in summary, (out, summary)


def test_custom_audience_and_session_name_reach_the_token_request(t):
    m = t.moto()
    seed(m)
    with GitHubOIDC(request_token="request-token-123", jwt=JWT, audience="osprey-audience") as gh:
        r, out, summary = run_entry(t, m, gh, role_to_assume="arn:aws:iam::123456789012:role/osprey-ci",
                                    audience="osprey-audience", role_session_name="nightly-scan",
                                    role_duration_seconds="1800", regions="us-east-1", services="s3",
                                    formats="json=osprey.json", upload_sarif="false")
        seen = list(gh.requests)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert "audience=osprey-audience" in seen[0][1], seen
    assert "--role-session-name nightly-scan" in r.stdout, r.stdout[:2000]
    r, out, summary = run_entry(t, m, None, role_to_assume="arn:aws:iam::123456789012:role/osprey-ci",
                                role_duration_seconds="60", formats="json=osprey.json")
    assert r.returncode == 2 and "role-duration-seconds" in r.stderr, (r.returncode, r.stderr)


STUB = r"""#!/usr/bin/env python3
# A stand-in for osprey: records its arguments, writes the reports named in stub.json.
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
json.dump(sys.argv[1:], open(os.path.join(here, "argv.json"), "w"))
spec = json.load(open(os.path.join(here, "stub.json")))
args = sys.argv[1:]
for i, a in enumerate(args):
    if a == "--format" and "=" in args[i + 1]:
        fmt, path = args[i + 1].split("=", 1)
        if fmt in spec:
            open(path, "w").write(json.dumps(spec[fmt]))
sys.exit(spec.get("exit", 0))
"""


def stub_osprey(t, **reports):
    d = os.path.join(t.tmp, "stub")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "osprey")
    open(path, "w").write(STUB)
    os.chmod(path, stat.S_IRWXU)
    json.dump(reports, open(os.path.join(d, "stub.json"), "w"))
    return path, lambda: json.load(open(os.path.join(d, "argv.json")))


def finding(check, sev, arn, status="FAIL"):
    return {"ID": check, "Title": "Title of " + check, "Severity": sev, "Status": status, "Service": "s3",
            "Region": "us-east-1", "Account": "123456789012", "Resource": arn}


REPORT = {"Accounts": ["123456789012"], "Regions": ["eu-west-1", "us-east-1"],
          "Services": [{"Account": "123456789012", "Region": "us-east-1", "Service": "s3", "Status": "ok"},
                       {"Account": "123456789012", "Region": "eu-west-1", "Service": "iam", "Status": "failed",
                        "ErrorCode": "AccessDenied", "ErrorMessage": "not authorized | to list"}],
          "Findings": [finding("AVD-AWS-0091", "LOW", "arn:aws:s3:::low"),
                       finding("AVD-AWS-0086", "CRITICAL", "arn:aws:s3:::crit|pipe"),
                       finding("AVD-AWS-0088", "HIGH", "arn:aws:s3:::high"),
                       finding("AVD-AWS-0090", "MEDIUM", "arn:aws:s3:::passing", "PASS")],
          "Compliance": {"ID": "aws-cis-1.2", "Title": "CIS AWS Foundations 1.2", "Controls": [
              {"ID": "2.1", "Name": "CloudTrail on", "Severity": "HIGH", "Status": "FAIL", "FailingResources": 2},
              {"ID": "2.2", "Name": "Log validation", "Severity": "MEDIUM", "Status": "PASS", "FailingResources": 0},
              {"ID": "1.1", "Name": "Root usage", "Severity": "LOW", "Status": "MANUAL", "FailingResources": 0}]}}


def sarif_doc(successful, auto_id="osprey/aws/123456789012/eu-west-1+us-east-1/"):
    return {"version": "2.1.0", "runs": [{"automationDetails": {"id": auto_id}, "results": [],
                                          "invocations": [{"executionSuccessful": successful}]}]}


def test_list_splitting_keeps_quotes_spaces_and_apostrophes(t):
    osprey, argv = stub_osprey(t, json=REPORT)
    r, out, summary = run_entry(
        t, None, None, osprey=osprey, regions="us-east-1, eu-west-1\nap-south-1",
        config_check="'my checks/a b.rego', bob's.rego \"x,y.rego\"", services=" s3 ,  iam ",
        formats='json=osprey.json "html=my report.html"', extra_args="--severity HIGH,CRITICAL --quiet",
        upload_sarif="false")
    assert r.returncode == 0, r.stdout + r.stderr
    a = argv()

    def values(flag):
        return [a[i + 1] for i, x in enumerate(a) if x == flag]
    assert values("--region") == ["us-east-1", "eu-west-1", "ap-south-1"], a
    assert values("--config-check") == ["my checks/a b.rego", "bob's.rego", "x,y.rego"], a
    assert values("--service") == ["s3", "iam"], a
    assert "html=my report.html" in values("--format") and "json=osprey.json" in values("--format"), a
    assert values("--severity") == ["HIGH,CRITICAL"] and "--quiet" in a, a
    # an unterminated quote is a configuration error that names the input, not a silent truncation
    r, out, summary = run_entry(t, None, None, osprey=osprey, config_check="'unterminated, x.rego")
    assert r.returncode == 2 and "config-check" in r.stderr and "unterminated quote" in r.stderr, r.stderr


def test_summary_content_and_incomplete_run_not_uploaded(t):
    bad_id = "osprey/aws/123456789012/\r\nevil=1"
    osprey, argv = stub_osprey(t, json=dict(REPORT, Status="incomplete"), sarif=sarif_doc(False, bad_id))
    with GitHubAPI(200) as api:
        r, out, summary = run_entry(t, None, None, osprey=osprey, api=api,
                                    formats="json=osprey.json sarif=osprey.sarif", upload_sarif="auto")
    assert r.returncode == 0, r.stdout + r.stderr
    # never uploaded: code scanning would close the alerts of what was not scanned
    assert out["upload-sarif"] == "false" and out["incomplete"] == "true", out
    assert "**not uploaded**" in summary and "upload-incomplete-sarif" in summary, summary
    # outputs are single-line: CR/LF stripped, so no forged output
    assert out["category"] == "osprey/aws/123456789012/evil=1" and "evil" not in out, out
    assert (out["critical"], out["high"], out["medium"], out["low"]) == ("1", "1", "0", "1"), out
    # the summary: severity table, top findings most severe first, failed services, compliance
    for want in ("| CRITICAL | 1 |", "| HIGH | 1 |", "| LOW | 1 |", "**Incomplete scan**", "#### Top findings",
                 "#### Services not scanned", "| 123456789012 | eu-west-1 | iam | AccessDenied: not authorized \\| to list |",
                 "#### Compliance: CIS AWS Foundations 1.2", "| 1 | 1 | 1 | 0 |", "| 2.1 | CloudTrail on | HIGH | 2 |"):
        assert want in summary, (want, summary)
    crit, high, low = (summary.index(x) for x in ("AVD-AWS-0086", "AVD-AWS-0088", "AVD-AWS-0091"))
    assert crit < high < low, summary
    assert "arn:aws:s3:::crit\\|pipe" in summary and "arn:aws:s3:::passing" not in summary, summary
    # asked for explicitly, the incomplete SARIF is uploaded; the other JSON shape is read too
    osprey, argv = stub_osprey(t, json=dict(REPORT, Gate={"Incomplete": True}), sarif=sarif_doc(True))
    r, out, summary = run_entry(t, None, None, osprey=osprey, formats="json=osprey.json sarif=osprey.sarif",
                                upload_sarif="true", upload_incomplete_sarif="true")
    assert out["incomplete"] == "true" and out["upload-sarif"] == "true", out
    osprey, argv = stub_osprey(t, json=dict(REPORT, Status="complete"), sarif=sarif_doc(True))
    r, out, summary = run_entry(t, None, None, osprey=osprey, formats="json=osprey.json sarif=osprey.sarif",
                                upload_sarif="true")
    assert out["incomplete"] == "false" and out["upload-sarif"] == "true", out
    assert "Incomplete scan" not in summary, summary


def test_newline_region_from_an_artifact_never_steers_outputs_or_the_log(t):
    """A region key "x\\nsarif=/etc/shadow" planted in the cache artifact, through the real osprey
    and entrypoint.sh: main wrote it into $GITHUB_OUTPUT (overriding the sarif output) and printed
    it raw on the log. Now the artifact is refused (exit 3) with the key escaped, and every output
    is one NAME<<DELIMITER block."""
    import time
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cache"))
    import artfmt
    art = os.path.join(t.tmp, "state.osc")
    evil = "x\nsarif=/etc/shadow\n::error::"  # a key field holds at most 31 bytes
    with open(art, "wb") as f:
        f.write(artfmt.encode([artfmt.entry("123456789012", evil, "ec2", "{}", int(time.time()))], int(time.time())))
    r, out, summary = run_entry(t, None, None, cache_artifact=art, regions="us-east-1", extra_args="--offline",
                                formats="json=osprey.json sarif=osprey.sarif", upload_sarif="false")
    assert r.returncode == 3, (r.returncode, r.stdout[-1000:], r.stderr[-1000:])
    assert out["sarif"] == "osprey.sarif" and out["exit-code"] == "3", out
    raw = open(os.path.join(t.tmp, "github_output")).read()
    assert "/etc/shadow" not in raw and "::error::" not in raw, raw
    for line in (r.stdout + r.stderr).split("\n"):
        assert not line.startswith("sarif=") and not line.startswith("::error::"), line
    assert "x\\nsarif=/etc/shadow\\n::error::" in r.stderr, r.stderr


if __name__ == "__main__":
    main(globals())
