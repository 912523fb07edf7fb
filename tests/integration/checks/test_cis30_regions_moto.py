"""Issue 13: CIS AWS 3.0 on moto with the compliant account seeded in every region moto reports
enabled (EBS encryption by default, Config recording, flow logs, Security Hub, closed default
security groups and NACLs) and scanned with `--region all`: every automated control moto can
express PASSes, the region-scoped ones included. A one-region scan may never PASS them
(test_cis_moto.py asserts NOT EVALUATED naming the regions there); a scan of every enabled region
is the honest way to a PASS."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main  # noqa: E402
from test_cis_moto import (CANNOT_EXPRESS_30, GOOD, MANUAL_30, REGION_SCOPED_30, scan, seed_30, seed_bad,  # noqa: E402
                           seed_good, seed_good_14, seed_good_every_region)


def test_cis30_compliant_account_passes_region_scoped_controls_on_every_region(t):
    m = t.moto(account_id=None, extra_env={"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"})
    for seed in (seed_bad, seed_good, seed_good_14, seed_30, seed_good_every_region):
        seed(m)
    good, report = scan(t, m, GOOD, "aws-cis-3.0", region="all")
    assert len(good) == 62, list(good)
    problems = []
    for cid, c in good.items():
        if cid in MANUAL_30:
            if c["Status"] != "MANUAL":
                problems.append("%s should be MANUAL: %s" % (cid, c["Status"]))
        elif cid not in CANNOT_EXPRESS_30 and c["Status"] != "PASS":
            failing = [f["Message"] for f in report["Findings"] if f["Status"] == "FAIL" and f["ID"] in c["Checks"]]
            problems.append("%s: %s %r %s" % (cid, c["Status"], c.get("Reason"), failing[:3]))
    assert not problems, "\n".join(problems)
    assert REGION_SCOPED_30 - set(CANNOT_EXPRESS_30) <= {cid for cid, c in good.items() if c["Status"] == "PASS"}


if __name__ == "__main__":
    main(globals())
