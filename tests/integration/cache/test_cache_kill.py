"""A process killed with SIGKILL in the middle of a cache write leaves a cache osprey reads without error,
holding either all of the write or none of it."""
import json
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import artfmt  # noqa: E402
from osptest import OSPREY_BIN, base_env, main, run_osprey  # noqa: E402

NOW = int(time.time())
ACCT = "123456789012"
SERVICES = ["svc%03d" % i for i in range(300)]


def entries(fill, size):
    state = json.dumps({"items": [fill * 64] * (size // 70)})
    return [artfmt.entry(ACCT, "us-east-1", s, state, NOW - 10) for s in SERVICES]


def ls(cdir):
    r = run_osprey(["cache", "ls", "--cache-dir", cdir, "--format", "json"], env=base_env())
    assert r.returncode == 0, "cache unreadable after kill: %s" % r.stderr
    ents = json.loads(r.stdout)["entries"]
    for e in ents:
        e.pop("age_seconds")  # moves with the clock
    return ents


def seed(t, cdir, name, ents):
    art = os.path.join(t.tmp, name)
    with open(art, "wb") as f:
        f.write(artfmt.encode(ents, NOW))
    return art


def test_kill_9_during_import_leaves_old_or_new_state(t):
    cdir = os.path.join(t.tmp, "cache")
    small = seed(t, cdir, "small.osc", entries("a", 1000))
    big = seed(t, cdir, "big.osc", entries("b", 40000))  # ~12 MB of state: the write takes a while
    r = run_osprey(["cache", "import", small, "--cache-dir", cdir], env=base_env())
    assert r.returncode == 0, r.stderr
    small_size = {e["size"] for e in ls(cdir)}
    started = time.time()
    r = run_osprey(["cache", "import", big, "--cache-dir", cdir], env=base_env())
    full = time.time() - started
    assert r.returncode == 0, r.stderr
    big_size = {e["size"] for e in ls(cdir)}
    assert len(small_size) == 1 and len(big_size) == 1 and small_size != big_size
    killed = 0
    outcomes = set()
    for i in range(8):
        # alternate the direction so every kill interrupts a real change
        src = small if i % 2 == 0 else big
        p = subprocess.Popen([OSPREY_BIN, "cache", "import", src, "--cache-dir", cdir], env=base_env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(full * (0.2 + 0.1 * i))
        if p.poll() is None:
            os.kill(p.pid, signal.SIGKILL)
            killed += 1
        p.wait()
        sizes = {e["size"] for e in ls(cdir)}
        assert len(ls(cdir)) == len(SERVICES), "entries went missing"
        assert sizes in (small_size, big_size), "a half-written import is visible: %s" % sizes
        outcomes.add("big" if sizes == big_size else "small")
    print("import took %.2fs; killed %d of 8 imports mid-run; outcomes %s" % (full, killed, sorted(outcomes)))
    assert killed >= 2, "no import was interrupted; the test proves nothing (import took %.2fs)" % full
    # and the cache still takes writes
    r = run_osprey(["cache", "import", small, "--cache-dir", cdir], env=base_env())
    assert r.returncode == 0, r.stderr
    assert {e["size"] for e in ls(cdir)} == small_size


WRITER = r"""
import os, signal, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE entries SET state = ? ", ("x" * 100000,))
db.execute("DELETE FROM entries WHERE service > 'svc100'")
print("in transaction", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_kill_9_inside_an_open_sqlite_transaction(t):
    cdir = os.path.join(t.tmp, "cache")
    art = seed(t, cdir, "s.osc", entries("a", 1000))
    r = run_osprey(["cache", "import", art, "--cache-dir", cdir], env=base_env())
    assert r.returncode == 0, r.stderr
    before = ls(cdir)
    w = subprocess.run([sys.executable, "-c", WRITER, os.path.join(cdir, "cache.db")], capture_output=True, text=True)
    assert w.returncode == -signal.SIGKILL and "in transaction" in w.stdout, (w.returncode, w.stdout, w.stderr)
    assert ls(cdir) == before
    out = os.path.join(t.tmp, "after.osc")
    r = run_osprey(["cache", "export", out, "--cache-dir", cdir], env=base_env())
    assert r.returncode == 0, r.stderr
    with open(out, "rb") as f:
        assert len(artfmt.decode(f.read())[1]) == len(SERVICES)


if __name__ == "__main__":
    main(globals())
