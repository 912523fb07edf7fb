"""Cache keys are untrusted text (issue 19 item 5): an artifact whose region carries a newline (which
would reach $GITHUB_OUTPUT and workflow-command lines) is refused with one clear exit-3 line, and
`osprey cache ls` shows keys from an older database with control characters escaped."""
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import artfmt  # noqa: E402
from osptest import base_env, main, run_osprey  # noqa: E402

NOW = int(time.time())
ACCT = "111111111111"
EVIL = "x\nsarif=/etc/shadow"


def bad_artifacts():
    yield "region", [artfmt.entry(ACCT, EVIL, "s3", "{}", NOW - 10)], "x\\nsarif=/etc/shadow"
    yield "service", [artfmt.entry(ACCT, "us-east-1", "s3\r::warning::x", "{}", NOW - 10)], "s3\\r::warning::x"
    yield "account", [artfmt.entry("1234\x1b[31m", "us-east-1", "s3", "{}", NOW - 10)], "1234\\x1b[31m"
    yield "partition", [artfmt.entry(ACCT, "us-east-1", "s3", "{}", NOW - 10, partition="AWS")], "AWS"


def test_invalid_keys_in_an_artifact_exit_3_on_one_line(t):
    for what, ents, shown in bad_artifacts():
        art = os.path.join(t.tmp, what + ".osc")
        data = artfmt.encode(ents, NOW)
        with open(art, "wb") as f:
            f.write(data)
        for args in (["aws", "--offline", "--region", "us-east-1", "--service", "s3", "--cache-artifact", art],
                     ["cache", "import", art, "--cache-dir", os.path.join(t.tmp, "c-" + what)]):
            r = run_osprey(args, env=base_env())
            assert r.returncode == 3, (what, args[0], r.returncode, r.stdout, r.stderr)
            lines = r.stderr.splitlines()
            assert len(lines) == 1 and "invalid " + what in lines[0] and shown in lines[0], (what, r.stderr)
            assert "\x1b" not in r.stderr and "\r" not in r.stderr and EVIL not in r.stdout + r.stderr
            with open(art, "rb") as f:
                assert f.read() == data, "a refused artifact was modified"


def test_cache_ls_escapes_control_characters(t):
    cdir = os.path.join(t.tmp, "cache")
    good = os.path.join(t.tmp, "good.osc")
    with open(good, "wb") as f:
        f.write(artfmt.encode([artfmt.entry(ACCT, "us-east-1", "s3", "{}", NOW - 10)], NOW))
    r = run_osprey(["cache", "import", good, "--cache-dir", cdir], env=base_env())
    assert r.returncode == 0, r.stderr
    db = sqlite3.connect(os.path.join(cdir, "cache.db"))  # a row an older osprey could have stored
    db.execute("UPDATE entries SET region = ?, service = ?", (EVIL, "s3\x1b]0;pwned\x07"))
    db.commit()
    db.close()
    r = run_osprey(["cache", "ls", "--cache-dir", cdir], env=base_env())
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout, r.stdout
    rows = r.stdout.splitlines()
    assert len(rows) == 2 and "x\\nsarif=/etc/shadow" in rows[1] and "s3\\x1b]0;pwned\\x07" in rows[1], r.stdout


def test_world_writable_cache_dir_warns(t):
    good = os.path.join(t.tmp, "good.osc")
    with open(good, "wb") as f:
        f.write(artfmt.encode([artfmt.entry(ACCT, "us-east-1", "s3", "{}", NOW - 10)], NOW))
    private, shared = os.path.join(t.tmp, "private"), os.path.join(t.tmp, "shared")
    os.mkdir(shared)
    os.chmod(shared, 0o777)
    r = run_osprey(["cache", "import", good, "--cache-dir", private], env=base_env())
    assert r.returncode == 0 and "world-writable" not in r.stderr, r.stderr
    assert "unauthenticated artifact" in r.stderr, r.stderr  # an unkeyed import says what it trusts
    r = run_osprey(["cache", "import", good, "--cache-dir", shared], env=base_env())
    assert r.returncode == 0 and "world-writable" in r.stderr and shared in r.stderr, r.stderr


def test_unknown_services_are_dropped_on_write_back(t):
    art = os.path.join(t.tmp, "a.osc")
    ents = [artfmt.entry(ACCT, "us-east-1", "s3", '{"buckets":[]}', NOW - 10, ),
            artfmt.entry(ACCT, "global", "s3", '{"buckets":[]}', NOW - 10),
            artfmt.entry(ACCT, "us-east-1", "not-a-service", "{}", NOW - 10)]
    with open(art, "wb") as f:
        f.write(artfmt.encode(ents, NOW))
    r = run_osprey(["aws", "--offline", "--account", ACCT, "--region", "us-east-1", "--service", "s3", "--quiet",
                    "--cache-artifact", art], env=base_env())
    assert r.returncode in (0, 1), r.stderr
    with open(art, "rb") as f:
        kept = {(e["region"], e["service"]) for e in artfmt.decode(f.read())[1]}
    assert ("us-east-1", "not-a-service") not in kept and ("global", "s3") in kept, kept


if __name__ == "__main__":
    main(globals())
