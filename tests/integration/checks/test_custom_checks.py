"""Custom checks through `osprey aws`: a check written for `trivy aws` (METADATA + deny +
result.new, package user.*) runs unchanged with --config-check and --check-namespaces user, reads
--config-data, and a syntax error stops the scan with exit 2 naming file:line:col."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

CHECK = """# METADATA
# title: Buckets must carry the team prefix
# description: Our naming rule.
# scope: package
# schemas:
#   - input: schema["cloud"]
# custom:
#   id: USR-0042
#   avd_id: USR-0042
#   severity: HIGH
#   short_code: team-prefix
#   recommended_action: Rename the bucket.
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package user.custom

import rego.v1

deny contains res if {
	some bucket in input.aws.s3.buckets
	not startswith(bucket.name.value, data.naming.prefix)
	res := result.new(sprintf("Bucket %s lacks the team prefix", [bucket.name.value]), bucket)
}
"""


def scan(t, m, *extra):
    return run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "s3", "--format", "json",
                       "--cache-dir", os.path.join(t.tmp, "cache")] + list(extra), env=m.env())


def write(t, name, text):
    path = os.path.join(t.tmp, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


def test_user_check_runs_with_its_own_id_and_severity(t):
    m = t.moto()
    s3 = m.client("s3")
    s3.create_bucket(Bucket="teamx-logs")
    s3.create_bucket(Bucket="random-bucket")
    write(t, "policies/naming.rego", CHECK)
    write(t, "data/naming.yaml", "naming:\n  prefix: teamx-\n")
    r = scan(t, m, "--config-check", os.path.join(t.tmp, "policies"), "--check-namespaces", "user",
             "--config-data", os.path.join(t.tmp, "data"))
    assert r.returncode in (0, 1), r.stderr
    mine = [f for f in json.loads(r.stdout)["Findings"] if f["ID"] == "USR-0042"]
    assert len(mine) == 1, mine
    assert mine[0]["Severity"] == "HIGH" and mine[0]["Status"] == "FAIL"
    assert mine[0]["Resource"] == "arn:aws:s3:::random-bucket", mine[0]
    assert mine[0]["Message"] == "Bucket random-bucket lacks the team prefix"


def test_user_namespace_is_not_evaluated_unless_asked(t):
    m = t.moto()
    m.client("s3").create_bucket(Bucket="random-bucket")
    write(t, "policies/naming.rego", CHECK)
    write(t, "data/naming.json", json.dumps({"naming": {"prefix": "teamx-"}}))
    r = scan(t, m, "--config-check", os.path.join(t.tmp, "policies"), "--config-data", os.path.join(t.tmp, "data"))
    assert r.returncode in (0, 1), r.stderr
    assert not [f for f in json.loads(r.stdout)["Findings"] if f["ID"] == "USR-0042"]


def test_rego_v0_trivy_style_check_runs(t):
    m = t.moto()
    m.client("s3").create_bucket(Bucket="random-bucket")
    write(t, "v0/old.rego", "# METADATA\n# title: Old style\n# custom:\n#   id: USR-0007\n#   severity: MEDIUM\n"
                            "#   input:\n#     selector:\n#     - type: cloud\n#       subtypes:\n#         - service: s3\n"
                            "package user.old\n\ndeny[res] {\n  bucket := input.aws.s3.buckets[_]\n"
                            "  res := result.new(\"old style finding\", bucket)\n}\n")
    r = scan(t, m, "--config-check", os.path.join(t.tmp, "v0"), "--check-namespaces", "user")
    assert r.returncode in (0, 1), r.stderr
    mine = [f for f in json.loads(r.stdout)["Findings"] if f["ID"] == "USR-0007"]
    assert len(mine) == 1 and mine[0]["Severity"] == "MEDIUM", mine


def test_include_non_failures_reports_pass_per_resource(t):
    m = t.moto()
    s3 = m.client("s3")
    s3.create_bucket(Bucket="versioned")
    s3.put_bucket_versioning(Bucket="versioned", VersioningConfiguration={"Status": "Enabled"})
    s3.create_bucket(Bucket="plain")
    r = scan(t, m, "--include-non-failures")
    assert r.returncode in (0, 1), r.stderr
    rows = {(f["Resource"], f["Status"]) for f in json.loads(r.stdout)["Findings"] if f["ID"] == "AVD-AWS-0090"}
    assert rows == {("arn:aws:s3:::versioned", "PASS"), ("arn:aws:s3:::plain", "FAIL")}, rows


def test_syntax_error_in_custom_check_is_exit_2_with_position(t):
    m = t.moto()
    bad = write(t, "broken.rego", "package user.broken\n\nimport rego.v1\n\ndeny contains x if {\n\tx := [1,\n}\n")
    r = scan(t, m, "--config-check", bad, "--check-namespaces", "user")
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "broken.rego:" in r.stderr, r.stderr


if __name__ == "__main__":
    main(globals())
