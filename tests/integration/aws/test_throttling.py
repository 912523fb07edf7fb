"""Throttling end to end: tests/tools/faultproxy.py answers ~30% of requests with the protocol's
throttling error (query Throttling, EC2 RequestLimitExceeded, JSON ThrottlingException, S3
SlowDown); osprey's standard-mode retries must still get every call through, and --debug must
show each retry. The proxy never throttles more than twice in a row, so 3 attempts always suffice.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from faultproxy import FaultProxy  # noqa: E402
from osptest import main, run_osprey  # noqa: E402

CALL_LINE = re.compile(r"aws: (\S+) (\S+) \S+ (\S+) -> (\d+).*\((\d+) ms, (\d+) attempts?, (\d+) retr(?:y|ies)\)")


def calls(stderr):
    """Per-call debug lines: (service, action, status, attempts, retries)."""
    return [(m.group(1), m.group(3), int(m.group(4)), int(m.group(6)), int(m.group(7)))
            for m in CALL_LINE.finditer(stderr)]


def test_whoami_survives_query_throttling(t):
    m = t.moto()
    with FaultProxy(m.endpoint, rate=0.3, seed=11) as p:
        retries = 0
        for i in range(12):
            r = run_osprey(["whoami", "--debug"], env=m.env(AWS_ENDPOINT_URL=p.endpoint), timeout=60)
            assert r.returncode == 0, "run %d: exit %d\n%s" % (i, r.returncode, r.stderr)
            assert "account: 123456789012" in r.stdout, r.stdout
            got = calls(r.stderr)
            assert got and got[-1][:3] == ("sts", "GetCallerIdentity", 200), r.stderr
            retries += sum(c[4] for c in got)
            for c in got:
                if c[4]:
                    assert "retry 1 of sts GetCallerIdentity after Throttling (HTTP 400)" in r.stderr, r.stderr
        stats = p.stats
    assert stats["throttled"] >= 2, stats
    assert stats["by_code"].get("Throttling") == stats["throttled"], stats
    # every throttled answer was retried, and --debug counted each retry
    assert retries == stats["throttled"], (retries, stats)


def inspect(m, endpoint, cache_dir, services):
    args = ["inspect", "--debug", "--update-cache", "--cache-dir", cache_dir]
    for s in services:
        args += ["--service", s]
    return run_osprey(args, env=m.env(AWS_ENDPOINT_URL=endpoint), timeout=300)


def test_scan_survives_throttling_of_every_protocol(t):
    """query (iam), ec2, json (kms) and rest-xml (s3) calls all recover; the collected state is
    the same as without throttling."""
    m = t.moto()
    m.client("s3").create_bucket(Bucket="throttle-bucket")
    m.client("kms").create_key(Description="k1")
    m.client("iam").create_user(UserName="alice")
    services = ["iam", "ec2", "kms", "s3"]
    clean = inspect(m, m.endpoint, os.path.join(t.tmp, "c1"), services)
    assert clean.returncode == 0, clean.stderr
    with FaultProxy(m.endpoint, rate=0.3, seed=5) as p:
        r = inspect(m, p.endpoint, os.path.join(t.tmp, "c2"), services)
        stats = p.stats
    assert r.returncode == 0, "exit %d\n%s" % (r.returncode, r.stderr[-3000:])
    for code in ("Throttling", "RequestLimitExceeded", "ThrottlingException", "SlowDown"):
        assert stats["by_code"].get(code, 0) >= 1, (code, stats)
    got = calls(r.stderr)
    assert sum(c[4] for c in got) == stats["throttled"], stats
    assert any(c[4] > 0 and c[0] == "kms" for c in got), r.stderr
    assert "after ThrottlingException" in r.stderr and "after SlowDown (HTTP 503)" in r.stderr
    assert "after RequestLimitExceeded (HTTP 503)" in r.stderr
    assert json.loads(r.stdout) == json.loads(clean.stdout), "throttled scan collected different state"


if __name__ == "__main__":
    main(globals())
