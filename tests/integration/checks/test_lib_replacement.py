"""Library replacement through --config-check (README "Library replacement"): a user's lib.net with
other functions than osprey's replaces osprey's package; the built-in checks that need osprey's
version are left out with a warning naming them, the others (and the user's check using the user's
lib) run; --no-builtin-lib leaves every checks/lib module out. Offline, on the demo artifact."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

USER_LIB = """package lib.net

import rego.v1

is_wide_open(cidr) if cidr in {"0.0.0.0/0", "::/0"}

# a document where osprey's lib.net has a function: loaded together they would not compile
protocol := "any"
"""

USER_CHECK = """# METADATA
# title: Security groups must not be open to the world
# custom:
#   id: USER-NET-1
#   severity: LOW
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package user.net_open

import rego.v1

import data.lib.net

deny contains res if {
	some sg in input.aws.ec2.securitygroups
	some rule in sg.ingressrules
	some block in rule.cidrs
	net.is_wide_open(block.value)
	res := result.new("open to the world", block)
}
"""


def setup(t):
    d = os.path.join(t.tmp, "policies")
    os.makedirs(d)
    with open(os.path.join(d, "net.rego"), "w") as f:
        f.write(USER_LIB)
    with open(os.path.join(d, "check.rego"), "w") as f:
        f.write(USER_CHECK)
    art = os.path.join(t.tmp, "demo.osc")
    with open(os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc"), "rb") as src, open(art, "wb") as dst:
        dst.write(src.read())
    return d, art


def scan(t, art, *extra):
    out = os.path.join(t.tmp, "out.json")
    r = run_osprey(["aws", "--offline", "--cache-artifact", art, "--region", "us-east-1", "--quiet", "--format", "json",
                    "-o", out, "--cache-dir", os.path.join(t.tmp, "cache")] + list(extra), timeout=120)
    return r, (json.load(open(out)) if os.path.exists(out) else None)


def test_user_lib_replaces_builtin_and_dependents_step_aside(t):
    d, art = setup(t)
    r, rep = scan(t, art, "--config-check", d, "--check-namespaces", "user")
    assert r.returncode in (0, 1) and rep is not None, (r.returncode, r.stderr)
    assert "no_public_ssh_sgr.rego" in r.stderr and "data.lib.net" in r.stderr, r.stderr
    ids = {f["ID"] for f in rep["Findings"]}
    assert any(i.startswith("AWS-") or i.startswith("OSP-") for i in ids), ids  # the other built-ins still run
    r = run_osprey(["checks", "list", "--config-check", d, "--check-namespaces", "user"], timeout=60)
    assert r.returncode == 0, r.stderr
    assert "USER-NET-1" in r.stdout and "OSP-AWS-0007" not in r.stdout, r.stdout


def test_no_builtin_lib_loads_no_lib_module(t):
    d, art = setup(t)
    r, rep = scan(t, art, "--config-check", d, "--check-namespaces", "user", "--no-builtin-lib")
    assert r.returncode in (0, 1) and rep is not None, (r.returncode, r.stderr)
    # every built-in check importing a checks/lib package other than the user's lib.net steps aside
    assert "data.lib.aws.iam" in r.stderr, r.stderr


if __name__ == "__main__":
    main(globals())
