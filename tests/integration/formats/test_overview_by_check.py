"""The overview by check (one row per failing check, most severe first) on the bundled demo and on
a larger seeded account (tests/demo/*.osc, made by tests/demo/make_demo.py), cut to a given
terminal height and width: golden files in tests/golden/table/. OSPREY_UPDATE_GOLDEN=1 rewrites them."""
import fcntl
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
import osptest  # noqa: E402
from osptest import base_env, main, run_osprey  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..")
DEMO = os.path.join(ROOT, "tests", "demo")
GOLDEN = os.path.join(ROOT, "tests", "golden", "table")


def render(t, artifact, lines, columns, *extra):
    """Replay a copy of the artifact offline (a scan writes its artifact back) as a terminal of
    lines x columns would show it."""
    copy = os.path.join(t.tmp, artifact)
    shutil.copy(os.path.join(DEMO, artifact), copy)
    env = base_env()
    env.update({"LINES": str(lines), "COLUMNS": str(columns)})
    r = run_osprey(["aws", "--offline", "--cache-artifact", copy] + list(extra), env=env)
    assert r.returncode == 0, (r.returncode, r.stderr)
    return r.stdout


def golden(name, got):
    path = os.path.join(GOLDEN, name)
    if os.environ.get("OSPREY_UPDATE_GOLDEN"):
        with open(path, "w") as f:
            f.write(got)
    with open(path) as f:
        want = f.read()
    assert got == want, "%s differs; got:\n%s" % (path, got)


def rows(text):
    return [ln for ln in text.splitlines() if ln.startswith("| ") and not ln.startswith("| ID ")]


def test_demo_overview_cut_to_24_lines(t):
    out = render(t, "demo-account.osc", 24, 120, "--report", "checks")
    golden("bycheck-demo.txt", out)
    assert "Scan overview" not in out  # --report checks: the overview by check alone
    assert rows(out)[0].startswith("| AVD-AWS-0104 | CRITICAL |")
    assert "more failing checks not shown" in out and "LINES=0" in out
    assert all(len(ln) <= 120 for ln in out.splitlines() if ln.startswith(("|", "+")))
    assert "next: osprey explain AVD-AWS-0104" in out  # the bundled demo ends with next steps


def test_large_account_overview_cut_to_30_lines(t):
    out = render(t, "large-account.osc", 30, 100, "--report", "checks")
    golden("bycheck-large.txt", out)
    counts = [int(r.split("|")[4]) for r in rows(out)]
    sevs = [r.split("|")[2].strip() for r in rows(out)]
    order = ["CRITICAL", "HIGH", "MEDIUM", "LOW"]
    # most severe first; within a severity, most failing resources first
    assert [order.index(s) for s in sevs] == sorted(order.index(s) for s in sevs)
    for i in range(1, len(sevs)):
        if sevs[i] == sevs[i - 1]:
            assert counts[i] <= counts[i - 1], (rows(out)[i - 1], rows(out)[i])
    assert counts[0] == 504  # every security group, each its own resource
    assert all(len(ln) <= 100 for ln in out.splitlines() if ln.startswith(("|", "+")))
    assert "next:" not in out  # not the demo, not a terminal


def test_summary_is_followed_by_the_overview_and_lines_0_lists_every_check(t):
    out = render(t, "large-account.osc", 0, 0)
    assert out.index("Scan overview") < out.index("Failing checks (most severe first)")
    assert "not shown" not in out
    full = rows(out[out.index("Failing checks"):])
    assert len(full) == len({r.split("|")[1] for r in full}) > 40  # one row per check, all of them


def test_demo_shows_no_failed_service(t):
    out = render(t, "demo-account.osc", 0, 0)
    assert "ERROR" not in out and "Scan errors" not in out, out
    assert "accessanalyzer" in out  # collected, not left out
    summary = rows(out.split("Failing checks")[0])
    # every row of the summary is a service that was collected: s3 findings that CloudTrail's
    # state produced in us-east-1 count under s3's global row, not under a row with no status
    assert summary and all(r.rstrip(" |").split("|")[-1].strip() not in ("", "-") for r in summary), summary


def on_terminal(t, rows, cols, env_extra):
    """Run a scan of a copy of the demo (under another name: not 'the demo') with stdout on a
    pseudo-terminal of rows x cols; return what it printed."""
    copy = os.path.join(t.tmp, "account.osc")
    shutil.copy(os.path.join(DEMO, "demo-account.osc"), copy)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = base_env()
    for k in ("LINES", "COLUMNS", "NO_COLOR"):
        env.pop(k, None)
    env.update(env_extra)
    p = subprocess.Popen([osptest.OSPREY_BIN, "aws", "--offline", "--cache-artifact", copy], stdout=slave,
                         stderr=subprocess.PIPE, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert p.wait(timeout=60) == 0, p.stderr.read()
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_on_a_terminal_the_overview_fits_it_in_colour_unless_no_color(t):
    out = on_terminal(t, 30, 100, {})
    assert "\033[" in out  # colour on a terminal
    assert "cut to the terminal's 30 lines" in out, out
    # a first interactive look ends with next steps, but not "scan your own account": it was one
    assert "next: osprey explain AVD-AWS-0104" in out and "scan your own account" not in out, out
    plain = on_terminal(t, 30, 100, {"NO_COLOR": "1"})
    assert "\033[" not in plain
    table = [ln for ln in plain.split("Failing checks (most severe first)")[1].splitlines() if ln.startswith(("|", "+"))]
    assert len(table) > 10 and all(len(ln) <= 100 for ln in table), table
    wide = on_terminal(t, 30, 100, {"LINES": "0", "COLUMNS": "200"})  # the variables win over the terminal
    assert "not shown" not in wide


if __name__ == "__main__":
    main(globals())
