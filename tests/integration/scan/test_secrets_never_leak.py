"""A canary secret key and session token never reach stdout, stderr (even with --debug), the
cache, the artifact or any report."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

CANARY_SECRET = "CanarySecretKey0000000000000000000000000"
CANARY_TOKEN = "CanarySessionToken1111111111111111111111111"


def files_under(d):
    for root, _, names in os.walk(d):
        for n in names:
            yield os.path.join(root, n)


def test_canary_secrets_appear_nowhere(t):
    m = t.moto()
    m.aws("s3api", "create-bucket", "--bucket", "canary-bucket")
    m.aws("iam", "create-user", "--user-name", "canary-user")
    env = m.env(AWS_SECRET_ACCESS_KEY=CANARY_SECRET, AWS_SESSION_TOKEN=CANARY_TOKEN)
    out = os.path.join(t.tmp, "out")
    os.makedirs(out)
    cache = os.path.join(t.tmp, "cache")
    art = os.path.join(out, "state.osc")
    r = run_osprey(["aws", "--debug", "--service", "s3", "--service", "iam", "--cache-dir", cache,
                    "--cache-artifact", art, "--format", "table", "--format", "json=%s/r.json" % out,
                    "--format", "sarif=%s/r.sarif" % out, "--format", "junit=%s/r.xml" % out], env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "debug:" in r.stderr and "GetCallerIdentity" in r.stderr, "the debug log should show requests"
    for stream in (r.stdout, r.stderr):
        assert CANARY_SECRET not in stream and CANARY_TOKEN not in stream
    checked = 0
    for f in list(files_under(cache)) + list(files_under(out)):
        data = open(f, "rb").read()
        assert CANARY_SECRET.encode() not in data and CANARY_TOKEN.encode() not in data, f
        checked += 1
    assert checked >= 5, "expected the cache database, the artifact and four reports"
    # the artifact is compressed: check its decoded content too
    dump = run_osprey(["cache", "import", art, "--cache-dir", os.path.join(t.tmp, "c2")], env=env)
    assert dump.returncode == 0, dump.stderr
    for f in files_under(os.path.join(t.tmp, "c2")):
        data = open(f, "rb").read()
        assert CANARY_SECRET.encode() not in data and CANARY_TOKEN.encode() not in data, f
    sqlite = subprocess.run(["sqlite3", os.path.join(t.tmp, "c2", "cache.db"), "select state from entries"],
                            capture_output=True, text=True)
    assert "canary-bucket" in sqlite.stdout and CANARY_SECRET not in sqlite.stdout


if __name__ == "__main__":
    main(globals())
