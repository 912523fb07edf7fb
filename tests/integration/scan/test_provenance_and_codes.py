"""Reports say where each service's state came from and whose error code is whose (issue 19 items
1 and 6).

- Provenance: live (this run), cache (the local cache), artifact (+ its created time, and whether
  its MAC was verified with --artifact-key). main said nothing: a replay of a forged artifact read
  like a live scan.
- ErrorSource/CodeSource: osprey's own codes (OSP_EPARSE: a malformed response) are marked
  "osprey", AWS's "aws"; a response cannot pass itself off as one of osprey's codes (main reported
  OSP_EPARSE as if AWS had said it).
- Offline --account is honoured without a region (main ignored it and reported the artifact's
  account).
- A plain-http endpoint to a host that is not loopback is warned about (the session token goes in
  clear)."""
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cache"))
import artfmt  # noqa: E402
from faultproxy import FaultProxy  # noqa: E402
from osptest import SOURCE_DIR, base_env, main, run_osprey  # noqa: E402

DEMO = os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc")
REGION = "us-east-1"
KEY = "a-ci-secret-of-at-least-16-bytes"


def report(path):
    with open(path) as f:
        return json.load(f)


def provenance(rep):
    return {(s["Service"], s["Region"]): s.get("Provenance") for s in rep["Services"]}


def test_live_cache_and_artifact_provenance(t):
    m = t.moto()
    m.client("s3").create_bucket(Bucket="prov-bucket")
    cache, art = os.path.join(t.tmp, "cache"), os.path.join(t.tmp, "a.osc")
    env = dict(m.env(), OSPREY_ARTIFACT_KEY=KEY)

    def scan(out, *extra):
        r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", REGION, "--service", "s3", "--service", "kms",
                        "--quiet", "--format", "json=%s" % out] + list(extra), env=env)
        assert r.returncode in (0, 1), r.stderr
        return report(out)

    live = scan(os.path.join(t.tmp, "live.json"), "--cache-dir", cache, "--cache-artifact", art)
    assert set(p["Source"] for p in provenance(live).values()) == {"live"}, provenance(live)
    cached = scan(os.path.join(t.tmp, "cached.json"), "--cache-dir", cache)
    assert set(p["Source"] for p in provenance(cached).values()) == {"cache"}, provenance(cached)
    # a keyed artifact replayed offline: authenticated, with the artifact's created time
    replay = scan(os.path.join(t.tmp, "replay.json"), "--offline", "--cache-artifact", art)
    for p in provenance(replay).values():
        assert p["Source"] == "artifact" and p["Authenticated"] is True and p["ArtifactCreatedAt"], p
    # the same file without its key still serves offline, and says it is not authenticated
    env.pop("OSPREY_ARTIFACT_KEY")
    m.stop()
    shutil.copy(DEMO, os.path.join(t.tmp, "demo.osc"))
    r = run_osprey(["aws", "--offline", "--cache-artifact", os.path.join(t.tmp, "demo.osc"), "--quiet",
                    "--format", "json=%s" % os.path.join(t.tmp, "demo.json")], env=base_env())
    assert r.returncode in (0, 1), r.stderr
    demo = report(os.path.join(t.tmp, "demo.json"))
    created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(artfmt.decode(open(DEMO, "rb").read())[0]["created"]))
    assert all(p == {"Source": "artifact", "ArtifactCreatedAt": created, "Authenticated": False}
               for p in provenance(demo).values()), provenance(demo)
    # convert keeps it (the report reader round-trips Provenance)
    r = run_osprey(["convert", "--format", "json", "-o", os.path.join(t.tmp, "conv.json"),
                    os.path.join(t.tmp, "demo.json")])
    assert r.returncode == 0, r.stderr
    assert provenance(report(os.path.join(t.tmp, "conv.json"))) == provenance(demo)


def test_osprey_codes_are_apart_from_aws_codes(t):
    m = t.moto()

    def answer(method, path, headers, body):
        target = headers.get("X-Amz-Target", "")
        if target.startswith("TrentService."):  # KMS: an AWS error whose code mimics one of osprey's
            return 400, {"Content-Type": "application/x-amz-json-1.1"}, json.dumps(
                {"__type": "OSP_EPARSE", "message": "forged"})
        if b"Action=ListTopics" in body:  # SNS: a body osprey cannot parse
            return 200, {"Content-Type": "text/xml"}, "<ListTopicsResponse><ListTopicsResult>"
        return None

    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=answer) as p:
        out = os.path.join(t.tmp, "r.json")
        r = run_osprey(["aws", "--endpoint", p.endpoint, "--region", REGION, "--service", "kms", "--service", "sns",
                        "--quiet", "--cache-dir", os.path.join(t.tmp, "c"), "--format", "json=%s" % out],
                       env=m.env())
    assert r.returncode in (0, 1), r.stderr
    rep = report(out)
    svc = {s["Service"]: s for s in rep["Services"]}
    assert svc["kms"]["Status"] == "failed" and svc["kms"]["ErrorCode"] == "Aws.OSP_EPARSE", svc["kms"]
    assert svc["kms"]["ErrorSource"] == "aws", svc["kms"]
    assert svc["sns"]["Status"] == "failed" and svc["sns"]["ErrorCode"] == "OSP_EPARSE", svc["sns"]
    assert svc["sns"]["ErrorSource"] == "osprey", svc["sns"]
    gaps = {g["Service"]: g for g in rep["Gaps"]}
    assert gaps["kms"]["CodeSource"] == "aws" and gaps["sns"]["CodeSource"] == "osprey", gaps


def test_offline_account_without_region(t):
    art = os.path.join(t.tmp, "demo.osc")
    shutil.copy(DEMO, art)
    env = {k: v for k, v in base_env().items() if k not in ("AWS_REGION", "AWS_DEFAULT_REGION")}
    r = run_osprey(["aws", "--offline", "--cache-artifact", art, "--account", "999999999999", "--quiet",
                    "--format", "json"], env=env)
    assert r.returncode == 3, (r.returncode, r.stdout[:300])
    assert "no state for account 999999999999" in r.stderr, r.stderr
    r = run_osprey(["aws", "--offline", "--cache-artifact", art, "--account", "123456789012", "--quiet",
                    "--format", "json"], env=env)
    assert r.returncode in (0, 1), r.stderr
    assert json.loads(r.stdout)["Accounts"] == ["123456789012"]


def test_clear_text_endpoint_to_another_host_warns(t):
    env = dict(base_env(), AWS_ACCESS_KEY_ID="AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY="x" * 40)
    r = run_osprey(["whoami", "--endpoint", "http://sts.example.invalid:1", "--region", REGION], env=env, timeout=60)
    assert r.returncode == 3, r.stderr
    assert "plain http to a host that is not loopback" in r.stderr and "sts.example.invalid" in r.stderr, r.stderr
    m = t.moto()  # loopback: no warning
    r = run_osprey(["whoami", "--endpoint", m.endpoint, "--region", REGION], env=m.env())
    assert r.returncode == 0 and "plain http" not in r.stderr, r.stderr


if __name__ == "__main__":
    main(globals())
