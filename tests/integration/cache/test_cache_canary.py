"""No credential ever reaches the cache, the artifact (compressed or not), the reports or the logs:
scan with canary secrets, then search every file the run wrote, byte by byte and decompressed."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import artfmt  # noqa: E402
from osptest import main, run_osprey  # noqa: E402

SECRET = "CanarySecretKey0123456789abcdefghijklmnop"
TOKEN = "CanarySessionToken-ZZZ-0123456789-abcdefghijklmnopqrstuvwxyz"


def files_under(d):
    for root, _, names in os.walk(d):
        for n in names:
            yield os.path.join(root, n)


def assert_clean(blob, where):
    for canary in (SECRET, TOKEN, SECRET[:20], TOKEN[:24]):
        assert canary.encode() not in blob, "credential canary found in %s" % where


def test_canary_secrets_never_reach_cache_artifact_or_reports(t):
    m = t.moto()
    m.client("s3").create_bucket(Bucket="canary-bucket")
    m.client("iam").create_user(UserName="canary-user")
    out = os.path.join(t.tmp, "out")
    os.makedirs(out)
    env = m.env(AWS_SECRET_ACCESS_KEY=SECRET, AWS_SESSION_TOKEN=TOKEN)
    art = os.path.join(out, "a.osc")
    args = ["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "s3", "--service", "iam",
            "--cache-dir", os.path.join(out, "cache"), "--cache-artifact", art, "--debug",
            "--format", "json=%s" % os.path.join(out, "r.json"), "--format", "sarif=%s" % os.path.join(out, "r.sarif"),
            "--format", "junit=%s" % os.path.join(out, "r.xml"), "--format", "table"]
    r = run_osprey(args, env=env)
    assert r.returncode in (0, 1), r.stderr
    assert_clean(r.stdout.encode(), "stdout")
    assert_clean(r.stderr.encode(), "stderr (--debug)")
    # the run wrote what we expect, so the search below covers something
    assert os.path.exists(os.path.join(out, "cache", "cache.db")) and os.path.exists(art)
    seen = 0
    for p in files_under(out):
        with open(p, "rb") as f:
            data = f.read()
        assert_clean(data, p)
        seen += 1
    assert seen >= 5, seen
    with open(art, "rb") as f:
        hdr, ents = artfmt.decode(f.read())
    assert ents, "empty artifact"
    for e in ents:
        assert_clean((e["state"] + (e["status"] or "")).encode(), "artifact entry %s/%s" % (e["region"], e["service"]))
    # sqlite may keep text in freed pages; check an exported, decompressed copy as well
    exp = os.path.join(t.tmp, "exp.osc")
    r = run_osprey(["cache", "export", exp, "--cache-dir", os.path.join(out, "cache")], env=env)
    assert r.returncode == 0, r.stderr
    with open(exp, "rb") as f:
        for e in artfmt.decode(f.read())[1]:
            assert_clean((e["state"] + (e["status"] or "")).encode(), "exported entry %s" % e["service"])


ART_KEY = "CanaryArtifactKey-0123456789-abcdefghij"


def test_artifact_key_never_reaches_outputs(t):
    m = t.moto()
    m.client("s3").create_bucket(Bucket="canary-bucket")
    out = os.path.join(t.tmp, "out")
    os.makedirs(out)
    art = os.path.join(out, "a.osc")
    base = ["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "s3", "--debug",
            "--cache-dir", os.path.join(out, "cache"), "--cache-artifact", art]
    runs = [
        (base + ["--format", "json=%s" % os.path.join(out, "r.json")], m.env(OSPREY_ARTIFACT_KEY=ART_KEY)),
        (base + ["--artifact-key", ART_KEY, "--offline", "--format", "sarif=%s" % os.path.join(out, "r.sarif")],
         m.env()),
        (base + ["--offline"], m.env(OSPREY_ARTIFACT_KEY=ART_KEY[::-1])),  # wrong key: refused
        (base + ["--offline", "--artifact-key", ART_KEY[:12]], m.env()),  # too short: usage error
    ]
    for args, env in runs:
        r = run_osprey(args, env=env)
        for canary in (ART_KEY, ART_KEY[::-1], ART_KEY[:12]):
            assert canary not in r.stdout + r.stderr, "artifact key in the output of %s" % args
    for p in files_under(out):
        with open(p, "rb") as f:
            data = f.read()
        for canary in (ART_KEY, ART_KEY[:12]):
            assert canary.encode() not in data, "artifact key found in %s" % p


if __name__ == "__main__":
    main(globals())
