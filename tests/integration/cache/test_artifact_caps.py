"""Artifact payloads have caps far below main's 1 GiB (issue 19 item 2): 256 MiB inflated in all,
64 MiB per entry. A small artifact that inflates to hundreds of MiB is refused with exit 3 and a
message naming the limit, before it becomes a state string (main inflated a 920 KB artifact to a
900 MiB string: 4.7 GB RSS, 76 s)."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import artfmt  # noqa: E402
from osptest import main, run_osprey  # noqa: E402

ACCT = "123456789012"


def bomb_state(mib):
    # a JSON object of one long string: compresses about 1000:1
    return '{"buckets": [], "pad": "' + "a" * (mib << 20) + '"}'


def write(t, name, entries, level=9):
    path = os.path.join(t.tmp, name)
    with open(path, "wb") as f:
        f.write(artfmt.encode(entries, int(time.time()), level=level))
    return path


def offline(t, art):
    return run_osprey(["aws", "--offline", "--cache-artifact", art, "--region", "us-east-1", "--service", "s3",
                       "--quiet", "--format", "json"], timeout=120)


def test_one_entry_over_the_per_entry_cap_is_refused(t):
    now = int(time.time())
    art = write(t, "entry.osc", [artfmt.entry(ACCT, "global", "s3", bomb_state(100), now)])
    assert os.path.getsize(art) < 1 << 20, os.path.getsize(art)
    before = open(art, "rb").read()
    r = offline(t, art)
    assert r.returncode == 3, (r.returncode, r.stderr[-800:])
    assert "per-entry limit of 64 MiB" in r.stderr and "global/s3/" + ACCT in r.stderr, r.stderr[-800:]
    assert open(art, "rb").read() == before, "a refused artifact is left untouched"
    r = run_osprey(["cache", "import", art, "--cache-dir", os.path.join(t.tmp, "c")])
    assert r.returncode == 3 and "per-entry limit" in r.stderr, r.stderr[-800:]


def test_a_payload_over_the_total_cap_is_refused_before_inflating(t):
    now = int(time.time())
    ents = [artfmt.entry(ACCT, region, "s3", bomb_state(60), now)
            for region in ("eu-west-1", "eu-west-2", "eu-west-3", "us-east-1", "us-east-2")]
    art = write(t, "total.osc", ents)
    assert os.path.getsize(art) < 2 << 20, os.path.getsize(art)
    start = time.monotonic()
    r = offline(t, art)
    assert r.returncode == 3, (r.returncode, r.stderr[-800:])
    assert "exceeds the 268435456-byte limit (refusing to inflate)" in r.stderr, r.stderr[-800:]
    assert time.monotonic() - start < 10


def test_entries_under_the_caps_still_load(t):
    now = int(time.time())
    art = write(t, "ok.osc", [artfmt.entry(ACCT, "global", "s3", bomb_state(8), now)])
    r = offline(t, art)
    assert r.returncode == 0, (r.returncode, r.stderr[-800:])


if __name__ == "__main__":
    main(globals())
