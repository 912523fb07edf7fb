"""`osprey checks list|show`: the catalog is printed from the binary alone (no checks/ on disk)."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402


def osprey(*args):
    # Run from an empty folder: the built-in checks must come from the binary.
    with tempfile.TemporaryDirectory() as d:
        return run_osprey(list(args), cwd=d)


def test_list_json_has_every_check_with_metadata(t):
    r = osprey("checks", "list", "--format", "json")
    assert r.returncode == 0, r.stderr
    checks = json.loads(r.stdout)
    assert len(checks) >= 90, len(checks)
    ids = [c["id"] for c in checks]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for c in checks:
        assert c["id"].startswith(("AVD-AWS-", "OSP-AWS-")), c["id"]
        assert c["severity"] in ("LOW", "MEDIUM", "HIGH", "CRITICAL"), c
        assert c["title"] and c["service"] and c["recommended_action"], c["id"]
    root_mfa = next(c for c in checks if c["id"] == "AVD-AWS-0142")
    assert root_mfa["frameworks"] == {"cis-aws-1.2": ["1.13"], "cis-aws-1.4": ["1.5"]}


def test_list_filters_by_service(t):
    r = osprey("checks", "list", "--service", "kms", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert [c["id"] for c in json.loads(r.stdout)] == ["AVD-AWS-0065", "OSP-AWS-0176"]
    table = osprey("checks", "list", "--service", "sns").stdout.splitlines()
    assert table[0].split()[:3] == ["ID", "SEVERITY", "SERVICE"] and len(table) == 3, table


def test_show_prints_one_check_and_unknown_is_exit_4(t):
    r = osprey("checks", "show", "OSP-AWS-0006")
    assert r.returncode == 0 and "AWS Config" in r.stdout and "cis-aws-1.2:2.5" in r.stdout, r.stdout
    r = osprey("checks", "show", "AVD-AWS-9999")
    assert r.returncode == 4 and "AVD-AWS-9999" in r.stderr


def test_bad_usage_is_exit_2(t):
    assert osprey("checks", "list", "--format", "xml").returncode == 2
    assert osprey("checks", "frobnicate").returncode == 2


if __name__ == "__main__":
    main(globals())
