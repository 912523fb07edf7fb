"""Bad command lines exit 2 with one line that names the bad value and the fix."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import base_env, main, run_osprey  # noqa: E402

CASES = [
    (["aws", "--region", "nope-1"], "'nope-1'"),
    (["aws", "--bogus"], "'--bogus'"),
    (["aws", "--service", "ec3", "--region", "us-east-1"], "'ec3'"),
    (["aws", "--max-cache-age", "2x", "--region", "us-east-1"], "'2x'"),
    (["aws", "--timeout", "soon", "--region", "us-east-1"], "'soon'"),
    (["aws", "--arn", "arn:aws:s3", "--region", "us-east-1"], "'arn:aws:s3'"),
    (["aws", "--arn", "bucket/x"], "'bucket/x'"),
    (["aws", "--format", "pdf"], "'pdf'"),
    (["aws", "--severity", "HIGH,SEVERE"], "'SEVERE'"),
    (["aws", "--threshold", "high"], "'high'"),
    (["aws", "--exit-code", "256"], "'256'"),
    (["aws", "--allow-incomplete", "s3/"], "'s3/'"),
    (["aws", "--allow-incomplete", "bad pattern!"], "'bad pattern!'"),
    (["aws", "--allow-incomplete", "s3/eu west"], "'s3/eu west'"),
    (["aws", "--concurrency", "lots"], "'lots'"),
    (["aws", "--account", "12345"], "'12345'"),
    (["aws", "--compliance", "pci"], "'pci'"),
    (["aws", "--region"], "--region"),
    (["aws", "stray"], "'stray'"),
    (["frobnicate"], "'frobnicate'"),
    (["version", "--bogus"], "'--bogus'"),
    (["checks", "list", "--service", "ec3"], "'ec3'"),
]


def test_bad_flags_exit_2_with_one_line(t):
    for args, needle in CASES:
        r = run_osprey(args)
        assert r.returncode == 2, (args, r.returncode, r.stderr)
        lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1, (args, r.stderr)
        assert needle in lines[0], (args, lines[0])
        assert r.stdout == "", (args, r.stdout)


def test_no_region_anywhere_exits_2(t):
    env = base_env()
    env.update({"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "x"})
    r = run_osprey(["aws"], env=env)
    assert r.returncode == 2, r.stderr
    assert "region" in r.stderr and "--region" in r.stderr, r.stderr


def test_help_lists_every_flag(t):
    r = run_osprey(["aws", "--help"])
    assert r.returncode == 0, r.stderr
    for name in sorted(os.listdir(os.path.join(os.environ.get("OSPREY_SOURCE_DIR", "."), "src", "cli", "flags"))):
        flag = "--" + name[:-3]
        assert flag in r.stdout, flag


def test_help_flag_prints_page(t):
    r = run_osprey(["help", "max-cache-age"])
    assert r.returncode == 0
    assert "default: 24h" in r.stdout and "90m" in r.stdout, r.stdout


def test_version(t):
    r = run_osprey(["version"])
    assert r.returncode == 0 and r.stdout.startswith("osprey "), r.stdout


if __name__ == "__main__":
    main(globals())
