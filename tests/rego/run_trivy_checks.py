#!/usr/bin/env python3
"""trivy-checks' own tests for its cloud checks under `osprey rego test` (issue 16 acceptance).

Needs a checkout of github.com/aquasecurity/trivy-checks (CI has no internet): its path in
TRIVY_CHECKS_DIR, else /work/trivy-checks or /tmp/trivy-checks. Without one the test is skipped
(exit 77, which CTest reports as skipped) and says so. Runs, with the files unchanged:
    osprey rego test checks/cloud lib/cloud lib/test
and requires every test to pass; then loads the same checks/cloud and lib/cloud as
`--config-check` (namespace builtin) for a scan of a moto account and requires it to load and
evaluate without errors.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--osprey", required=True)
    a = ap.parse_args()
    a.osprey = os.path.abspath(a.osprey)
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
    return scan_with_moto(a.osprey, root)


def scan_with_moto(osprey, root):
    from osptest import Moto  # noqa: E402 (moto_server, as the integration tests start it)
    tmp = tempfile.mkdtemp(prefix="osp-trivy-checks-")
    m = Moto(workdir=tmp)
    try:
        m.client("s3").create_bucket(Bucket="trivy-checks-bucket")
        out = os.path.join(tmp, "out.json")
        r = subprocess.run([osprey, "aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--quiet",
                            "--cache-dir", os.path.join(tmp, "cache"), "--format", "json", "-o", out,
                            "--config-check", os.path.join(root, "checks", "cloud"),
                            "--config-check", os.path.join(root, "lib", "cloud"), "--check-namespaces", "builtin"],
                           capture_output=True, text=True, env=m.env(), timeout=240)
        sys.stderr.write(r.stderr[-4000:])
        if r.returncode not in (0, 1) or not os.path.exists(out):
            print("FAILED: the scan with trivy-checks as --config-check ended with %d" % r.returncode)
            return 1
        ids = {f.get("ID") for f in json.load(open(out)).get("Findings", [])}
        print("scan with trivy-checks as --config-check: %d distinct finding ids" % len(ids))
        if "AWS-0086" not in ids:  # Trivy's s3 public-access-block check on the bucket
            print("FAILED: trivy-checks' AVD-AWS-0086 did not report the moto bucket")
            return 1
        return 0
    finally:
        m.stop()


if __name__ == "__main__":
    sys.exit(main())
