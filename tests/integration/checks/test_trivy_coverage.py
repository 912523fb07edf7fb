"""The catalog holds every Trivy check ID of the services osprey collects, except those whose
input osprey does not collect (listed here with the reason), and never ships a check for a service
it does not collect."""
import csv
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import SHARED_DIR, main, run_osprey  # noqa: E402

COLLECTED = {"iam", "s3", "cloudtrail", "config", "kms", "ec2", "cloudwatch", "sns", "accessanalyzer", "account"}
COLLECTED |= {"lambda", "rds"}
COLLECTED |= {"guardduty", "acm"}
NOT_SHIPPED = {
    "AVD-AWS-0008": "reads ec2.launchconfigurations, which osprey does not collect",
    "AVD-AWS-0009": "reads ec2.launchconfigurations, which osprey does not collect",
    "AVD-AWS-0122": "reads ec2.launchconfigurations, which osprey does not collect",
}


def catalog():
    r = run_osprey(["checks", "list", "--format", "json"])
    assert r.returncode == 0, r.stderr
    return {c["id"]: c for c in json.loads(r.stdout)}


def test_every_trivy_check_of_collected_services_is_in_the_catalog(t):
    with open(os.path.join(SHARED_DIR, "reference", "trivy-aws-checks.tsv")) as f:
        trivy = [row for row in csv.DictReader(f, delimiter="\t") if row["service"] in COLLECTED]
    have = catalog()
    missing = [row["avd_id"] for row in trivy if row["avd_id"] not in have and row["avd_id"] not in NOT_SHIPPED]
    assert not missing, missing
    for row in trivy:
        if row["avd_id"] in have:
            assert have[row["avd_id"]]["service"] == row["service"], row["avd_id"]


def test_no_check_reads_a_service_that_is_not_collected(t):
    for cid, c in catalog().items():
        assert set(c["services"]) <= COLLECTED, (cid, c["services"])
        assert c["service"] in COLLECTED, cid


if __name__ == "__main__":
    main(globals())
