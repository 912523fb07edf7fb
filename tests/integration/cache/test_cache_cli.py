"""`osprey cache` on a cache populated by importing artifacts: ls, export, import, clean, bad input."""
import json
import os
import stat
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import artfmt  # noqa: E402
from osptest import base_env, main, run_osprey  # noqa: E402

NOW = int(time.time())
A1, A2 = "111111111111", "222222222222"


def sample():
    return [
        artfmt.entry(A1, "us-east-1", "s3", json.dumps({"buckets": [{"name": "b%d" % i} for i in range(20)]}), NOW - 30),
        artfmt.entry(A1, "eu-west-1", "ec2", json.dumps({"instances": []}), NOW - 7200),
        artfmt.entry(A1, "global", "iam", json.dumps({"users": [], "roles": []}), NOW - 60,
                     status=json.dumps({"status": "failed", "code": "AccessDenied", "message": "denied"})),
        artfmt.entry(A2, "us-east-1", "kms", json.dumps({"keys": ["k1"]}), NOW - 90000),
    ]


def osprey(t, *args, ok=True, env=None):
    r = run_osprey(list(args), env=env or base_env())
    if ok:
        assert r.returncode == 0, "osprey %s -> %d: %s" % (" ".join(args), r.returncode, r.stderr)
    return r


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def populated(t, entries=None):
    art = os.path.join(t.tmp, "seed.osc")
    write(art, artfmt.encode(entries or sample(), NOW - 5))
    cdir = os.path.join(t.tmp, "cache")
    r = osprey(t, "cache", "import", art, "--cache-dir", cdir)
    assert "imported 4 entries" in r.stdout or entries, r.stdout
    return cdir


def ls_json(t, cdir):
    r = osprey(t, "cache", "ls", "--cache-dir", cdir, "--format", "json")
    return json.loads(r.stdout)["entries"]


def test_import_then_ls_shows_every_entry_sorted(t):
    cdir = populated(t)
    ents = ls_json(t, cdir)
    keys = [(e["account"], e["region"], e["service"]) for e in ents]
    assert keys == [(A1, "eu-west-1", "ec2"), (A1, "global", "iam"), (A1, "us-east-1", "s3"),
                    (A2, "us-east-1", "kms")], keys
    by = {e["service"]: e for e in ents}
    assert by["s3"]["size"] == len(sample()[0]["state"])
    assert by["iam"]["collection_error"] is True and by["s3"]["collection_error"] is False
    assert 7200 <= by["ec2"]["age_seconds"] < 7300
    table = osprey(t, "cache", "ls", "--cache-dir", cdir).stdout.splitlines()
    assert table[0].split() == ["ACCOUNT", "REGION", "SERVICE", "AGE", "SIZE", "STATUS"], table[0]
    assert len(table) == 5
    assert table[2].split()[:4] == [A1, "global", "iam", "1m"] and table[2].split()[-1] == "error", table[2]
    assert table[1].split()[3] == "2h", table[1]
    st = os.stat(cdir)
    assert stat.S_IMODE(st.st_mode) == 0o700, oct(st.st_mode)
    assert stat.S_IMODE(os.stat(os.path.join(cdir, "cache.db")).st_mode) == 0o600


def test_export_round_trip_is_exact_and_deterministic(t):
    cdir = populated(t)
    out = os.path.join(t.tmp, "out.osc")
    r = osprey(t, "cache", "export", out, "--cache-dir", cdir)
    assert "exported 4 entries" in r.stdout, r.stdout
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    data = read(out)
    hdr, ents = artfmt.decode(data)
    assert hdr["accounts"] == [A1, A2] and hdr["version"] == 1
    assert abs(hdr["created"] - time.time()) < 60
    want = sorted(sample(), key=artfmt._key)
    assert ents == want, (ents, want)
    # the documented format with the same entries and created time gives the very same bytes
    assert artfmt.encode(want, hdr["created"], osprey_version=hdr["osprey_version"]) == data
    # import into a fresh cache and export again: same entries
    cdir2 = os.path.join(t.tmp, "cache2")
    osprey(t, "cache", "import", out, "--cache-dir", cdir2)
    out2 = os.path.join(t.tmp, "out2.osc")
    osprey(t, "cache", "export", out2, "--cache-dir", cdir2)
    assert artfmt.decode(read(out2))[1] == want


def test_export_filters_by_account_and_region(t):
    cdir = populated(t)
    out = os.path.join(t.tmp, "f.osc")
    osprey(t, "cache", "export", out, "--cache-dir", cdir, "--account", A1, "--region", "us-east-1")
    hdr, ents = artfmt.decode(read(out))
    assert [(e["region"], e["service"]) for e in ents] == [("global", "iam"), ("us-east-1", "s3")], ents
    assert hdr["accounts"] == [A1]
    osprey(t, "cache", "export", out, "--cache-dir", cdir, "--account=" + A2)
    assert [e["service"] for e in artfmt.decode(read(out))[1]] == ["kms"]
    r = osprey(t, "cache", "export", out, "--cache-dir", cdir, "--account", "999999999999", ok=False)
    assert r.returncode == 3 and "match" in r.stderr, r.stderr


def test_import_replaces_and_empties_services(t):
    cdir = populated(t)
    newer = [artfmt.entry(A1, "us-east-1", "s3", "{\"buckets\":[]}", NOW - 1)]
    art = os.path.join(t.tmp, "newer.osc")
    write(art, artfmt.encode(newer, NOW))
    osprey(t, "cache", "import", art, "--cache-dir", cdir)
    by = {(e["account"], e["service"]): e for e in ls_json(t, cdir)}
    assert len(by) == 4
    assert by[(A1, "s3")]["size"] == len("{\"buckets\":[]}")
    out = os.path.join(t.tmp, "o.osc")
    osprey(t, "cache", "export", out, "--cache-dir", cdir, "--account", A1, "--region", "us-east-1")
    assert artfmt.decode(read(out))[1][1]["state"] == "{\"buckets\":[]}"


def stable(entries):
    return [{k: v for k, v in e.items() if k != "age_seconds"} for e in entries]  # age moves with the clock


def bad_case(t, cdir, data, want):
    path = os.path.join(t.tmp, "bad.osc")
    write(path, data)
    before = stable(ls_json(t, cdir))
    mtime = os.stat(path).st_mtime_ns
    r = osprey(t, "cache", "import", path, "--cache-dir", cdir, ok=False)
    assert r.returncode == 3, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and want in lines[0] and "bad.osc" in lines[0], (want, r.stderr)
    assert read(path) == data and os.stat(path).st_mtime_ns == mtime, "the artifact was modified"
    assert stable(ls_json(t, cdir)) == before, "a bad artifact changed the cache"


def test_bad_artifacts_exit_3_and_change_nothing(t):
    cdir = populated(t)
    good = artfmt.encode([artfmt.entry(A1, "us-west-2", "rds", "{\"instances\":[1,2,3]}", NOW)], NOW)
    flipped = bytearray(good)
    flipped[len(good) - 40] ^= 1
    bad_case(t, cdir, bytes(flipped), "checksum mismatch")
    bad_case(t, cdir, good[:-7], "truncated")
    bad_case(t, cdir, good[:25], "truncated")
    bad_case(t, cdir, b"PK\x03\x04 this is a zip file" + good, "not an osprey artifact (wrong magic)")
    bad_case(t, cdir, b"", "truncated")
    newer = artfmt.encode([artfmt.entry(A1, "us-west-2", "rds", "{}", NOW)], NOW, version=3)
    bad_case(t, cdir, newer, "newer format version 3")
    bomb = artfmt.encode([artfmt.entry(A1, "us-west-2", "rds", "{}", NOW)], NOW, raw_payload=b"\0" * (64 << 20),
                         declared=4096)
    started = time.time()
    bad_case(t, cdir, bomb, "inflates past its declared size")
    assert time.time() - started < 10
    huge = artfmt.encode([], NOW, raw_payload=b"\0" * 1024, declared=1 << 40)
    bad_case(t, cdir, huge, "exceeds")
    garbage = artfmt.encode([], NOW, raw_payload=b"x" * 100)  # valid checksum, payload not records
    bad_case(t, cdir, garbage, "corrupted")
    r = osprey(t, "cache", "import", os.path.join(t.tmp, "missing.osc"), "--cache-dir", cdir, ok=False)
    assert r.returncode == 3 and "missing.osc" in r.stderr


def test_clean_older_than_then_all(t):
    cdir = populated(t)
    r = osprey(t, "cache", "clean", "--older-than", "1h", "--cache-dir", cdir)
    assert "removed 2 entries" in r.stdout, r.stdout
    assert sorted(e["service"] for e in ls_json(t, cdir)) == ["iam", "s3"]
    r = osprey(t, "cache", "clean", "--cache-dir", cdir)
    assert "removed 2 entries" in r.stdout, r.stdout
    assert ls_json(t, cdir) == []
    assert not os.path.exists(os.path.join(cdir, "cache.db"))


def test_corrupted_database_is_reported_then_cleaned(t):
    cdir = populated(t)
    db = os.path.join(cdir, "cache.db")
    for suffix in ("-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    write(db, b"garbage, not sqlite " * 500)
    r = osprey(t, "cache", "ls", "--cache-dir", cdir, ok=False)
    assert r.returncode == 3, r
    assert "corrupted" in r.stderr and "osprey cache clean" in r.stderr, r.stderr
    r = osprey(t, "cache", "clean", "--older-than", "1d", "--cache-dir", cdir, ok=False)
    assert r.returncode == 3
    r = osprey(t, "cache", "clean", "--cache-dir", cdir)
    assert "unreadable" in r.stdout
    assert ls_json(t, cdir) == []


def test_usage_errors_exit_2(t):
    cdir = os.path.join(t.tmp, "c")
    for args in (["cache"], ["cache", "frob"], ["cache", "ls", "--bogus"], ["cache", "ls", "--format", "xml"],
                 ["cache", "export"], ["cache", "clean", "--older-than", "soon"], ["cache", "import", "a", "b"],
                 ["cache", "ls", "--cache-dir"], ["cache", "ls", "--region", "x"]):
        r = osprey(t, *(args + ["--cache-dir", cdir] if args[-1] != "--cache-dir" else args), ok=False)
        assert r.returncode == 2, (args, r.returncode, r.stderr)
        assert r.stderr.startswith("osprey: ") or "Usage" in r.stderr, r.stderr
    assert "Usage: osprey cache" in osprey(t, "cache", "--help").stdout
    assert "export" in osprey(t, "cache", "ls", "--help").stdout


def test_ci_without_cache_dir_is_stateless(t):
    env = base_env()
    env.update({"CI": "true", "HOME": t.tmp, "XDG_CACHE_HOME": os.path.join(t.tmp, "xdg")})
    r = run_osprey(["cache", "ls"], env=env)
    assert r.returncode == 2 and "--cache-dir" in r.stderr, r
    assert not os.path.exists(os.path.join(t.tmp, "xdg")) and not os.path.exists(os.path.join(t.tmp, ".cache"))
    env.pop("CI")
    r = run_osprey(["cache", "ls", "--format", "json"], env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["cache_dir"] == os.path.join(t.tmp, "xdg", "osprey")


if __name__ == "__main__":
    main(globals())
