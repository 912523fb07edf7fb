"""A forged cache artifact (issue 19): the SHA-256 is a checksum anyone can recompute, so an artifact
rewritten to say "S3 has no buckets", dated ten years ahead, must not hide S3's HIGH findings from an
online scan, must never reach the persistent cache, and is refused outright by a run with an
artifact key. Keyed artifacts (format 2) round-trip and refuse a wrong key or tampering."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import artfmt  # noqa: E402
from osptest import main, run_osprey  # noqa: E402

REGION = "us-east-1"
KEY = "canary-artifact-key-7f3a9c1e5b"
TEN_YEARS = 10 * 365 * 24 * 3600


def seed(m):
    for b in ("forge-a", "forge-b", "forge-c"):
        m.client("s3").create_bucket(Bucket=b)


def scan(m, t, name, *extra, env=None):
    out = os.path.join(t.tmp, name + ".json")
    args = ["aws", "--endpoint", m.endpoint, "--region", REGION, "--account", m.account_id, "--service", "s3",
            "--quiet", "--format", "json=" + out] + list(extra)
    r = run_osprey(args, env=dict(m.env(), CI="true", **(env or {})))
    high = None
    if os.path.exists(out):
        with open(out) as f:
            rep = json.load(f)
        high = sum(1 for x in rep["Findings"] if x["Service"] == "s3" and x["Severity"] == "HIGH")
        os.unlink(out)
    return r, high


def forge(path):
    """Rewrite the s3 entry to no buckets, collected ten years ahead, and recompute the checksum."""
    with open(path, "rb") as f:
        hdr, ents = artfmt.decode(f.read())
    for e in ents:
        if e["service"] == "s3":
            e["state"] = json.dumps({"buckets": []})
            e["collected_at"] = int(time.time()) + TEN_YEARS
    data = artfmt.encode(ents, hdr["created"], osprey_version=hdr["osprey_version"])
    with open(path, "wb") as f:
        f.write(data)
    return data


def test_forged_unkeyed_artifact_cannot_hide_findings_online(t):
    m = t.moto()
    seed(m)
    art = os.path.join(t.tmp, "state.osc")
    r, high = scan(m, t, "r0", "--cache-artifact", art)
    assert r.returncode == 0 and high and high >= 3, (r.returncode, high, r.stderr)
    forged = forge(art)

    # online: the forged entry is neither fresh nor trusted, S3 is collected again
    r, high2 = scan(m, t, "r1", "--cache-artifact", art, "--fail-on", "HIGH")
    assert r.returncode == 1, "--fail-on HIGH passed on a forged artifact: %d %s" % (r.returncode, r.stderr)
    assert high2 == high, (high2, high)
    assert "unauthenticated" in r.stderr and "state.osc" in r.stderr, r.stderr

    # and the forgery never lands in a persistent cache: a later scan of that cache finds the buckets
    forged_path = os.path.join(t.tmp, "forged.osc")
    with open(forged_path, "wb") as f:
        f.write(forged)
    cdir = os.path.join(t.tmp, "cache")
    r, high3 = scan(m, t, "r2", "--cache-artifact", forged_path, "--cache-dir", cdir)
    assert high3 == high, (high3, r.stderr)
    out = os.path.join(t.tmp, "export.osc")
    r = run_osprey(["cache", "export", out, "--cache-dir", cdir], env=m.env())
    assert r.returncode == 0, r.stderr
    with open(out, "rb") as f:
        s3 = [e for e in artfmt.decode(f.read())[1] if e["service"] == "s3"]
    assert len(s3) == 1 and len(json.loads(s3[0]["state"])["buckets"]) == 3, s3

    # offline, a future collected_at is stale too: the scan names s3 as missing instead of reporting 0
    with open(forged_path, "wb") as f:
        f.write(forged)
    r, _ = scan(m, t, "r3", "--offline", "--cache-artifact", forged_path)
    assert r.returncode == 3 and "s3" in r.stderr and "no cached state" in r.stderr, (r.returncode, r.stderr)

    # a keyed run refuses the unkeyed artifact: exit 3, file untouched
    r, _ = scan(m, t, "r4", "--cache-artifact", forged_path, env={"OSPREY_ARTIFACT_KEY": KEY})
    assert r.returncode == 3 and "not authenticated" in r.stderr, (r.returncode, r.stderr)
    with open(forged_path, "rb") as f:
        assert f.read() == forged


def test_unauthenticated_artifact_still_serves_offline_with_a_warning(t):
    m = t.moto()
    seed(m)
    art = os.path.join(t.tmp, "state.osc")
    r, high = scan(m, t, "r0", "--cache-artifact", art)
    assert r.returncode == 0 and high, r.stderr
    m.stop()
    r, high2 = scan(m, t, "r1", "--offline", "--cache-artifact", art)
    assert r.returncode == 0 and high2 == high, (r.returncode, r.stderr)
    assert "unauthenticated" in r.stderr, r.stderr


def test_keyed_artifact_round_trips_and_refuses_wrong_keys_and_tampering(t):
    m = t.moto()
    seed(m)
    art = os.path.join(t.tmp, "state.osc")
    env = {"OSPREY_ARTIFACT_KEY": KEY}
    r, high = scan(m, t, "r0", "--cache-artifact", art, "--debug", env=env)
    assert r.returncode == 0 and high, r.stderr
    with open(art, "rb") as f:
        good = f.read()
    assert good[8:12] == b"\x00\x00\x00\x02", good[:12]
    assert b"forge-a" not in good, "the keyed artifact is not encrypted"
    assert KEY not in r.stderr and KEY.encode() not in good

    # offline with the key: authenticated, no warning, same findings
    r, high2 = scan(m, t, "r1", "--offline", "--cache-artifact", art, env=env)
    assert r.returncode == 0 and high2 == high and "unauthenticated" not in r.stderr, r.stderr

    # the same key on the command line works too and never shows in output
    r, high3 = scan(m, t, "r2", "--offline", "--cache-artifact", art, "--artifact-key", KEY, "--debug")
    assert r.returncode == 0 and high3 == high and KEY not in r.stderr + r.stdout, r.stderr

    bad_cases = [
        ({"OSPREY_ARTIFACT_KEY": "some-other-key-of-length"}, good, "authentication failed"),
        ({}, good, "--artifact-key"),
    ]
    tampered = bytearray(good)
    tampered[len(good) // 2] ^= 0x04
    import hashlib
    tampered[-32:] = hashlib.sha256(bytes(tampered[:-32])).digest()
    bad_cases.append((env, bytes(tampered), "authentication failed"))
    for e, data, want in bad_cases:
        with open(art, "wb") as f:
            f.write(data)
        r, _ = scan(m, t, "rb", "--cache-artifact", art, env=e)
        assert r.returncode == 3 and want in r.stderr and "state.osc" in r.stderr, (want, r.returncode, r.stderr)
        assert KEY not in r.stderr
        with open(art, "rb") as f:
            assert f.read() == data, "a refused artifact was modified"

    # a too-short key is a usage error that does not quote it
    r, _ = scan(m, t, "rs", "--cache-artifact", art, "--artifact-key", "short-k3y")
    assert r.returncode == 2 and "short-k3y" not in r.stderr, (r.returncode, r.stderr)


if __name__ == "__main__":
    main(globals())
