"""CI detection in one place and a default cache that cannot be created: Jenkins sets no CI, and a
docker agent often has an unwritable HOME. Neither may stop a scan before its first AWS call."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402


def unwritable_home(t):
    """A HOME below a regular file: mkdir fails with ENOTDIR even as root."""
    blocker = os.path.join(t.tmp, "not-a-dir")
    with open(blocker, "w") as f:
        f.write("x")
    return os.path.join(blocker, "home")


def scan_env(t, m, **extra):
    env = m.env(HOME=unwritable_home(t), **extra)
    env.pop("XDG_CACHE_HOME", None)
    for k in ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "BUILD_ID", "TF_BUILD", "BUILDKITE", "CIRCLECI"):
        env.pop(k, None)
    env.update(extra)
    return env


def seeded(t):
    m = t.moto()
    m.aws("s3api", "create-bucket", "--bucket", "ci-bucket")
    return m


def test_jenkins_without_ci_and_unwritable_home_scans(t):
    m = seeded(t)
    env = scan_env(t, m, JENKINS_URL="http://jenkins.example:8080/", BUILD_ID="17")
    r = run_osprey(["aws", "--service", "s3", "-f", "json", "-q"], env=env)
    assert r.returncode == 0, r.stderr
    assert any(f["Resource"] == "arn:aws:s3:::ci-bucket" for f in json.loads(r.stdout)["Findings"])
    assert "cache" not in r.stderr, r.stderr  # detected as CI: stateless, nothing to warn about
    assert not os.path.exists(os.path.join(t.tmp, "not-a-dir", "home"))


def test_every_ci_system_is_stateless(t):
    m = seeded(t)
    for var, val in (("GITHUB_ACTIONS", "true"), ("GITLAB_CI", "true"), ("TF_BUILD", "True"), ("BUILDKITE", "true"),
                     ("CIRCLECI", "true"), ("CI", "TRUE"), ("BUILD_ID", "5")):
        home = os.path.join(t.tmp, "home-" + var)
        env = scan_env(t, m, **{var: val})
        env["HOME"] = home
        r = run_osprey(["aws", "--service", "s3", "-f", "json", "-q"], env=env)
        assert r.returncode == 0, (var, r.stderr)
        assert not os.path.exists(os.path.join(home, ".cache", "osprey")), var + " wrote a cache"


def test_unwritable_home_outside_ci_warns_and_scans(t):
    m = seeded(t)
    r = run_osprey(["aws", "--service", "s3", "-f", "json"], env=scan_env(t, m))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["Findings"], r.stdout
    warn = [line for line in r.stderr.splitlines() if "in-memory cache" in line]
    assert len(warn) == 1 and "--cache-dir" in warn[0], r.stderr


def test_explicit_cache_dir_that_fails_is_still_an_error(t):
    m = seeded(t)
    r = run_osprey(["aws", "--service", "s3", "--cache-dir", unwritable_home(t)], env=scan_env(t, m))
    assert r.returncode == 3, r.stderr


if __name__ == "__main__":
    main(globals())
