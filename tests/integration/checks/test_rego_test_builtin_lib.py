"""`osprey rego test` offers osprey's built-in Trivy-compatible lib (data.lib.*) to a user's
policies, without clashing with a tree that carries its own copy (checks/)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

POLICY = """package user.custom.bucket

import rego.v1
import data.lib.cloud.metadata

deny contains res if {
\tsome b in input.aws.s3.buckets
\tstartswith(b.name.value, "tmp-")
\tres := result.new(sprintf("bucket %s", [b.name.value]), metadata.obj_by_path(b, ["name"]))
}
"""
TESTS = """package user.custom.bucket_test

import rego.v1
import data.user.custom.bucket

test_tmp_bucket_fails if {
\tcount(bucket.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "tmp-x"}}]}}}
}

test_other_bucket_passes if {
\tcount(bucket.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "prod"}}]}}}
}
"""


def test_user_tests_importing_lib_pass(t):
    open(os.path.join(t.tmp, "bucket.rego"), "w").write(POLICY)
    open(os.path.join(t.tmp, "bucket_test.rego"), "w").write(TESTS)
    r = run_osprey(["rego", "test", t.tmp, "-v"])
    assert r.returncode == 0, r.stdout + r.stderr
    assert "test_tmp_bucket_fails: PASS" in r.stdout and "PASS: 2/2" in r.stdout, r.stdout


def test_tree_with_its_own_lib_loads_once(t):
    r = run_osprey(["rego", "test", os.path.join(SOURCE_DIR, "checks")])
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert "FAIL" not in r.stdout.replace("FAIL:", ""), r.stdout[-2000:]


if __name__ == "__main__":
    main(globals())
