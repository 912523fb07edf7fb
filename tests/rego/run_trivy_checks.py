#!/usr/bin/env python3
"""trivy-checks' own tests for its cloud checks under `osprey rego test` (issue 16 acceptance).

Needs a checkout of github.com/aquasecurity/trivy-checks (CI has no internet): its path in
TRIVY_CHECKS_DIR, else /work/trivy-checks or /tmp/trivy-checks. Without one the test is skipped
(exit 77, which CTest reports as skipped) and says so. Runs, with the files unchanged:
    osprey rego test checks/cloud lib/cloud lib/test
and requires every test to pass.
"""
import argparse
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--osprey", required=True)
    a = ap.parse_args()
    cands = [os.environ.get("TRIVY_CHECKS_DIR"), "/work/trivy-checks", "/tmp/trivy-checks"]
    root = next((c for c in cands if c and os.path.isdir(os.path.join(c, "checks", "cloud"))), None)
    if not root:
        print("SKIPPED: no trivy-checks checkout (set TRIVY_CHECKS_DIR to one)")
        return 77
    head = subprocess.run(["git", "-C", root, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    print("trivy-checks at %s (%s)" % (root, head or "not a git checkout"))
    r = subprocess.run([a.osprey, "rego", "test", "checks/cloud", "lib/cloud", "lib/test"], cwd=root,
                       capture_output=True, text=True)
    sys.stdout.write(r.stdout[-4000:])
    sys.stderr.write(r.stderr[-4000:])
    if r.returncode != 0 or "PASS:" not in r.stdout or "FAIL:" in r.stdout or "ERROR:" in r.stdout:
        print("FAILED: not every trivy-checks test passes")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
