"""`osprey explain ID|ARN`: a check's explanation (why, the fix, CIS controls, links), every
finding of one resource of the demo account, and unknown ids (exit 4 with the nearest ids)."""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

DEMO = os.path.join(os.path.dirname(__file__), "..", "..", "demo", "demo-account.osc")


def demo_copy(t):
    path = os.path.join(t.tmp, "demo-account.osc")
    shutil.copy(DEMO, path)
    return path


def test_check_id_explains_why_fix_controls_and_links(t):
    r = run_osprey(["explain", "AVD-AWS-0142"])
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.startswith("AVD-AWS-0142  CRITICAL  The root user has MFA\n"), out
    for section in ("What it checks", "Why it matters", "How to fix it", "  Console:", "Compliance", "Links"):
        assert "\n%s\n" % section in out, (section, out)
    # controls come from the compliance specs (checks/compliance/*.yaml)
    assert "(aws-cis-1.2): 1.13" in out and "(aws-cis-1.4): 1.5" in out, out
    # short codes and any case work too
    r2 = run_osprey(["explain", "block-public-acls"])
    assert r2.returncode == 0 and r2.stdout.startswith("AVD-AWS-0086  HIGH"), r2.stdout
    assert "    aws s3api put-public-access-block --bucket BUCKET " in r2.stdout  # one copyable line
    assert run_osprey(["explain", "avd-aws-0086"]).stdout == r2.stdout


def test_every_builtin_check_is_explained(t):
    checks = json.loads(run_osprey(["checks", "list", "--format", "json"]).stdout)
    assert len(checks) >= 90
    for c in checks:
        r = run_osprey(["explain", c["id"]])
        assert r.returncode == 0, (c["id"], r.stderr)
        assert "\nWhy it matters\n" in r.stdout and "\n  Console:\n" in r.stdout, (c["id"], r.stdout)
        cli = r.stdout.split("\n  AWS CLI:\n")
        if len(cli) > 1:  # whole commands, one per line
            block = []
            for line in cli[1].splitlines():
                if not line.startswith("    "):
                    break
                block.append(line)
            assert block and all(ln.startswith("    aws ") for ln in block), (c["id"], block)


CUSTOM = """# METADATA
# title: Buckets carry an owner tag
# custom:
#   id: USER-0001
#   severity: MEDIUM
#   recommended_action: Add an owner tag to the bucket.
#   impact: Without an owner nobody answers for the bucket's data.
#   remediation:
#     cli: aws s3api put-bucket-tagging --bucket BUCKET --tagging 'TagSet=[{Key=owner,Value=TEAM}]'
package user.owner

import rego.v1

deny contains res if {
    some bucket in input.aws.s3.buckets
    res := result.new("no owner", bucket)
}
"""


def test_custom_check_fields_are_explained(t):
    d = os.path.join(t.tmp, "policies")
    os.mkdir(d)
    with open(os.path.join(d, "owner.rego"), "w") as f:
        f.write(CUSTOM)
    r = run_osprey(["explain", "USER-0001", "--config-check", d, "--check-namespaces", "user"])
    assert r.returncode == 0, r.stderr
    assert "\nWhy it matters\n  Without an owner nobody answers for the bucket's data.\n" in r.stdout, r.stdout
    assert "\n    aws s3api put-bucket-tagging --bucket BUCKET" in r.stdout, r.stdout


def test_unknown_id_exits_4_with_the_nearest_ids(t):
    r = run_osprey(["explain", "AVD-AWS-86"])
    assert r.returncode == 4, (r.returncode, r.stderr)
    assert r.stdout == ""
    assert "no check 'AVD-AWS-86'" in r.stderr and "nearest: AVD-AWS-0086" in r.stderr, r.stderr
    assert "osprey checks list" in r.stderr
    r = run_osprey(["explain", "blok-public-acl"])
    assert r.returncode == 4 and "AVD-AWS-0086" in r.stderr, r.stderr


def test_arn_from_the_demo_artifact_lists_its_findings_and_leaves_the_artifact_alone(t):
    art = demo_copy(t)
    before = (open(art, "rb").read(), os.stat(art).st_mtime_ns)
    arn = "arn:aws:s3:::demo-public-assets"
    r = run_osprey(["explain", arn, "--cache-artifact", art])
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(arn + " (s3, global, account 123456789012)\n"), r.stdout
    assert "FAIL  HIGH  AVD-AWS-0092: No bucket is public through its ACL" in r.stdout
    assert "public canned ACL 'public-read'" in r.stdout  # the finding's own message
    assert "    aws s3api put-bucket-acl --bucket BUCKET --acl private\n" in r.stdout
    assert "More: osprey explain AVD-AWS-0092" in r.stdout
    assert (open(art, "rb").read(), os.stat(art).st_mtime_ns) == before
    # the same from a saved JSON report
    report = os.path.join(t.tmp, "osprey.json")
    s = run_osprey(["aws", "--offline", "--cache-artifact", art, "--format", "json=" + report])
    assert s.returncode == 0, s.stderr
    r2 = run_osprey(["explain", arn, "--input", report])
    assert r2.returncode == 0 and r2.stdout == r.stdout, r2.stdout


def test_arn_without_findings_exits_4(t):
    r = run_osprey(["explain", "arn:aws:s3:::no-such-bucket", "--cache-artifact", demo_copy(t)])
    assert r.returncode == 4, (r.returncode, r.stderr)
    assert "no findings for arn:aws:s3:::no-such-bucket" in r.stderr


def test_usage_and_help(t):
    r = run_osprey(["explain"])
    assert r.returncode == 2 and "osprey explain ID|ARN" in r.stderr, r.stderr
    r = run_osprey(["explain", "AVD-AWS-0086", "--bogus"])
    assert r.returncode == 2 and "'--bogus'" in r.stderr, r.stderr
    h = run_osprey(["explain", "--help"])
    assert h.returncode == 0 and h.stdout.startswith("Usage: osprey explain ID|ARN"), h.stdout
    top = run_osprey(["--help"])
    assert "\n  explain " in top.stdout, top.stdout


if __name__ == "__main__":
    main(globals())
