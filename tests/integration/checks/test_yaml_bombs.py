"""A "billion laughs" YAML document (nine levels of nine aliases) in a check's METADATA, a
compliance spec (--compliance @FILE) or a --config-data file ends in a clear error naming the file,
quickly: all three go through the engine's one YAML reader and its alias budget. Offline, on the
bundled demo artifact."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'] + [
    "%s: &%s [%s]" % (c, c, ",".join(["*" + p] * 9)) for p, c in zip("abcdefgh", "bcdefghi")]

DEMO = os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc")


def write(t, name, text):
    path = os.path.join(t.tmp, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def offline(t, *extra):
    art = os.path.join(t.tmp, "demo.osc")
    with open(DEMO, "rb") as src, open(art, "wb") as dst:
        dst.write(src.read())
    return run_osprey(["aws", "--offline", "--cache-artifact", art, "--region", "us-east-1", "--quiet",
                       "--cache-dir", os.path.join(t.tmp, "cache")] + list(extra), timeout=60)


def test_bomb_in_metadata(t):
    meta = "".join("#   %s\n" % line for line in LAUGHS)
    path = write(t, "bomb.rego", "# METADATA\n# title: t\n# custom:\n" + meta +
                 "package user.bomb\n\nimport rego.v1\n\ndeny contains 1 if false\n")
    r = run_osprey(["checks", "list", "--config-check", path], timeout=60)
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "bomb.rego:2" in r.stderr and "too large" in r.stderr, r.stderr


def test_bomb_in_compliance_spec(t):
    path = write(t, "spec.yaml", "\n".join(LAUGHS) + "\n")
    r = offline(t, "--compliance", "@" + path)
    assert r.returncode != 0 and "spec.yaml" in r.stderr and "too large" in r.stderr, (r.returncode, r.stderr)


def test_bomb_in_config_data(t):
    path = write(t, "data.yaml", "\n".join(LAUGHS) + "\n")
    r = offline(t, "--config-data", path)
    assert r.returncode != 0 and "data.yaml" in r.stderr and "too large" in r.stderr, (r.returncode, r.stderr)


if __name__ == "__main__":
    main(globals())
