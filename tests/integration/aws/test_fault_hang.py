"""Hangs and endless bodies (issue 19 item 8), through tests/tools/faultproxy.py: osprey's request
timeout (30 s per attempt) bounds every call, so a server that never answers, or answers one byte a
second for ever, costs at most its attempts and never hangs the scan.

- One hung request (no answer for 40 s): the attempt times out, the retry gets through, and the
  state equals a clean run's.
- Every KMS request hangs and S3's ListBuckets body trickles for ever (two proxies in a chain): the
  scan ends within its attempts' timeouts, IAM and EC2 are collected in full, KMS and S3 are named as
  gaps, and the gated run exits 6.
The other fault modes (5xx, truncation, resets, slow and trickled bodies) are in test_faults.py.
"""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from faultproxy import FaultProxy  # noqa: E402
from osptest import main, run_osprey  # noqa: E402

REQUEST_TIMEOUT = 30  # osprey's per-attempt timeout (src/aws/client.c)
ATTEMPTS = 3


def seed(m):
    m.client("s3").create_bucket(Bucket="hang-bucket")
    m.client("kms").create_key(Description="hang-key")
    m.client("iam").create_user(UserName="hang-user")


def run(t, m, endpoint, cmd, services, extra=(), timeout=600):
    args = [cmd, "--region", "us-east-1", "--cache-dir", tempfile.mkdtemp(dir=t.tmp)]
    if cmd == "aws":
        args += ["--format", "json"]
    for s in services:
        args += ["--service", s]
    start = time.monotonic()
    r = run_osprey(args + list(extra), env=m.env(AWS_ENDPOINT_URL=endpoint), timeout=timeout)
    return r, time.monotonic() - start


def crashed(r):
    return r.returncode < 0 or r.returncode >= 128 or "AddressSanitizer" in r.stderr or "runtime error" in r.stderr


def is_kms(method, path, headers, body):
    return headers.get("X-Amz-Target", "").startswith("TrentService.")


def is_list_buckets(method, path, headers, body):
    return method == "GET" and path.split("?")[0] == "/" and "/s3/aws4_request" in headers.get("Authorization", "")


def test_one_hung_request_is_retried(t):
    m = t.moto()
    seed(m)
    clean, _ = run(t, m, m.endpoint, "inspect", ["kms", "iam"])
    assert clean.returncode == 0, clean.stderr[-2000:]
    # the first KMS request hangs (40 s, past the request timeout); every later one is forwarded
    with FaultProxy(m.endpoint, mode="hang", rate=0.0, throttle_first=True, max_consecutive=1, only=is_kms,
                    hang_s=40) as p:
        r, took = run(t, m, p.endpoint, "inspect", ["kms", "iam"])
        stats = p.stats
    assert not crashed(r), (r.returncode, r.stderr[-3000:])
    assert r.returncode == 0, r.stderr[-3000:]
    assert stats["by_code"] == {"hang": 1}, stats
    assert REQUEST_TIMEOUT - 1 <= took < REQUEST_TIMEOUT + 60, took  # one timeout, then the retry
    assert json.loads(r.stdout) == json.loads(clean.stdout), "the state differs from a clean run"


def test_endless_hang_and_trickle_name_their_gaps(t):
    m = t.moto()
    seed(m)
    clean, _ = run(t, m, m.endpoint, "inspect", ["iam", "ec2"])
    assert clean.returncode == 0, clean.stderr[-2000:]
    want = json.loads(clean.stdout)["aws"]
    forever = dict(rate=1.0, max_consecutive=10 ** 6, seed=3)
    with FaultProxy(m.endpoint, mode="trickle", only=is_list_buckets, trickle_bytes=1, trickle_s=1.0,
                    trickle_max_s=3600, **forever) as inner, \
            FaultProxy(inner.endpoint, mode="hang", only=is_kms, hang_s=3600, **forever) as outer:
        r, took = run(t, m, outer.endpoint, "aws", ["iam", "ec2", "kms", "s3"], extra=["--fail-on", "CRITICAL"])
        hung, trickled = outer.stats["by_code"].get("hang", 0), inner.stats["by_code"].get("trickle", 0)
    assert not crashed(r), (r.returncode, r.stderr[-3000:])
    assert r.returncode == 6, "gated incomplete run: exit %d\n%s" % (r.returncode, r.stderr[-3000:])
    # bounded by the attempts' timeouts (plus backoff and the rest of the scan), never by the server
    assert took < ATTEMPTS * (REQUEST_TIMEOUT + 20) + 60, took  # + backoff (at most 20 s) per retry
    assert 1 <= hung <= ATTEMPTS and 1 <= trickled <= ATTEMPTS, (hung, trickled)
    rep = json.loads(r.stdout)
    assert rep["Status"] == "incomplete", rep.get("Status")
    svc = {s["Service"]: s["Status"] for s in rep["Services"]}
    assert svc["kms"] != "ok" and svc["s3"] != "ok", rep["Services"]
    assert svc["iam"] == "ok" and svc["ec2"] == "ok", rep["Services"]
    gaps = {g.get("Service") for g in rep["Gaps"]}
    assert {"kms", "s3"} <= gaps, rep["Gaps"]
    assert "iam" not in gaps and "ec2" not in gaps, rep["Gaps"]
    assert rep["Gate"]["ExitCode"] == 6, rep["Gate"]
    assert want["iam"] and want["ec2"]  # the clean run collected both (what the scan's ok status stands for)


if __name__ == "__main__":
    main(globals())
