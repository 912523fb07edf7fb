"""Reports are written safely (issue 19 item 4): a random temp file beside the target, fsync, rename.
A symlink or FIFO planted at `<path>.tmp` is never followed (main overwrote the symlink's target and
hung on the FIFO), a FIFO or directory at the target is refused with exit 3, and a report
keeps the replaced file's mode (0600 for a new one). Covers `aws --format`, `convert -o`, `merge -o`."""
import os
import shutil
import stat
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

DEMO = os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc")


def report(t, path, fmt="json"):
    art = os.path.join(t.tmp, "demo.osc")
    if not os.path.exists(art):
        shutil.copy(DEMO, art)
    return run_osprey(["aws", "--offline", "--cache-artifact", art, "--quiet", "--format", "%s=%s" % (fmt, path)],
                      timeout=60)


def writers(t):
    """(name, run(path)) for each command that writes a report to a path."""
    base = os.path.join(t.tmp, "base.json")
    if not os.path.exists(base):
        r = report(t, base)
        assert r.returncode in (0, 1) and os.path.exists(base), r.stderr
    return [
        ("aws --format", lambda p: report(t, p, "sarif")),
        ("convert -o", lambda p: run_osprey(["convert", "--format", "junit", "-o", p, base], timeout=60)),
        ("merge -o", lambda p: run_osprey(["merge", "-o", p, base, base], timeout=60)),
    ]


def leftovers(d):
    return [n for n in os.listdir(d) if ".tmp" in n]


def test_planted_symlink_at_tmp_is_never_followed(t):
    for name, run in writers(t):
        d = os.path.join(t.tmp, name.split()[0])
        os.makedirs(d)
        victim = os.path.join(t.tmp, name.split()[0] + "-victim.txt")
        with open(victim, "w") as f:
            f.write("precious\n")
        out = os.path.join(d, "report.out")
        os.symlink(victim, out + ".tmp")
        r = run(out)
        assert r.returncode in (0, 1), (name, r.returncode, r.stderr)
        with open(victim) as f:
            assert f.read() == "precious\n", "%s followed the symlink planted at %s.tmp" % (name, out)
        assert os.path.isfile(out) and not os.path.islink(out) and os.path.getsize(out) > 0, name
        assert os.path.islink(out + ".tmp"), "the planted link itself is left alone"


def test_planted_fifo_at_tmp_does_not_hang(t):
    for name, run in writers(t):
        d = os.path.join(t.tmp, name.split()[0])
        os.makedirs(d)
        out = os.path.join(d, "report.out")
        os.mkfifo(out + ".tmp")
        r = run(out)  # main blocked here forever opening the FIFO
        assert r.returncode in (0, 1) and os.path.getsize(out) > 0, (name, r.stderr)


def test_non_regular_targets_are_refused(t):
    for name, run in writers(t):
        d = os.path.join(t.tmp, name.split()[0])
        os.makedirs(d)
        fifo, sub = os.path.join(d, "fifo"), os.path.join(d, "dir")
        os.mkfifo(fifo)
        os.mkdir(sub)
        # (no device case: a broken writer running as root would rename over the system's device node)
        for target, kind in ((fifo, "FIFO"), (sub, "directory")):
            r = run(target)
            assert r.returncode == 3, (name, target, r.returncode, r.stderr)
            assert "refusing to write" in r.stderr and kind in r.stderr and target in r.stderr, (name, r.stderr)
        assert stat.S_ISFIFO(os.stat(fifo).st_mode) and os.path.isdir(sub) and os.listdir(sub) == []
        assert leftovers(d) == [], leftovers(d)


def test_modes_are_kept_or_private(t):
    for name, run in writers(t):
        d = os.path.join(t.tmp, name.split()[0])
        os.makedirs(d)
        new, kept = os.path.join(d, "new.out"), os.path.join(d, "kept.out")
        with open(kept, "w") as f:
            f.write("old")
        os.chmod(kept, 0o640)
        old_umask = os.umask(0o022)
        try:
            for p in (new, kept):
                r = run(p)
                assert r.returncode in (0, 1), (name, r.stderr)
        finally:
            os.umask(old_umask)
        assert stat.S_IMODE(os.stat(new).st_mode) == 0o600, (name, oct(os.stat(new).st_mode))
        assert stat.S_IMODE(os.stat(kept).st_mode) == 0o640, (name, oct(os.stat(kept).st_mode))
        assert leftovers(d) == [], leftovers(d)


if __name__ == "__main__":
    main(globals())
