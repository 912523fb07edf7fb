"""The GitHub Action's entry script outside GitHub: INPUT_* variables become flags, osprey trades
a (fake, loopback) workflow OIDC token for the role through moto's STS, and the step outputs and
the Markdown job summary are written."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from fake_creds import GitHubOIDC  # noqa: E402
from osptest import OSPREY_BIN, SOURCE_DIR, main  # noqa: E402

JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJyZXBvOm9zcHJleS9vc3ByZXk6cmVmOnJlZnMvaGVhZHMvbWFpbiJ9.sig"


def read_kv(path):
    out = {}
    for line in open(path):
        k, _, v = line.rstrip("\n").partition("=")
        out[k] = v
    return out


def run_entry(t, m, gh, **inputs):
    gh_out = os.path.join(t.tmp, "github_output")
    summary = os.path.join(t.tmp, "step_summary")
    open(gh_out, "w").close()
    open(summary, "w").close()
    env = {k: v for k, v in m.env().items() if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    env.update({"OSPREY_BIN": OSPREY_BIN, "GITHUB_OUTPUT": gh_out, "GITHUB_STEP_SUMMARY": summary,
                "RUNNER_TEMP": t.tmp, "CI": "true", "GITHUB_ACTIONS": "true",
                "ACTIONS_ID_TOKEN_REQUEST_URL": gh.url, "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "request-token-123"})
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
    assert out["category"].startswith("osprey/123456789012/") and "us-east-1" in out["category"], out
    report = json.load(open(os.path.join(t.tmp, "osprey.json")))
    highs = sum(1 for f in report["Findings"] if f["Status"] == "FAIL" and f["Severity"] == "HIGH")
    assert int(out["high"]) == highs, (out, highs)
    assert os.path.exists(os.path.join(t.tmp, "osprey.sarif")) and os.path.exists(os.path.join(t.tmp, "state.osc"))
    assert "| HIGH | %d |" % highs in summary and "Threshold breached" in summary, summary


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


if __name__ == "__main__":
    main(globals())
