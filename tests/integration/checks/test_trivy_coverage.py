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
# issue 13, svc-net: load balancers (ELBv2 and classic), EKS, ECR, SQS
NET_IDS = {
    "elb": ["AVD-AWS-0047", "AVD-AWS-0052", "AVD-AWS-0053", "AVD-AWS-0054"],
    "eks": ["AVD-AWS-0038", "AVD-AWS-0039", "AVD-AWS-0040", "AVD-AWS-0041"],
    "ecr": ["AVD-AWS-0030", "AVD-AWS-0031", "AVD-AWS-0032", "AVD-AWS-0033"],
    "sqs": ["AVD-AWS-0096", "AVD-AWS-0097", "AVD-AWS-0135"],
}
COLLECTED |= set(NET_IDS)
COLLECTED |= {"lambda", "rds"}
COLLECTED |= {"dynamodb", "efs", "securityhub"}  # issue 13, svc-data
COLLECTED |= {"athena", "kinesis", "ssm"}  # issue 14, svc-data
COLLECTED |= {"cloudfront", "codebuild", "ecs"}  # issue 14, svc-b2a
COLLECTED |= {"guardduty", "acm"}
COLLECTED |= {"backup", "inspector2", "macie", "sagemaker", "ssoadmin", "workspaces"}  # issue 15, svc-acct
COLLECTED |= {"apigateway"}  # issue 14, svc-apigw
COLLECTED |= {"elasticache", "mq", "msk", "redshift"}  # issue 15, svc-cache
COLLECTED |= {"documentdb", "elasticsearch", "emr", "neptune"}  # issue 15, svc-db
COLLECTED |= {"route53", "wafv2", "wafv2cloudfront"}  # issue 14, svc-edge (Trivy has no checks for them)
COLLECTED |= {"eventbridge", "glacier", "organizations"}  # issue 14, cis7
NOT_SHIPPED = {
    "AVD-AWS-0134": "deprecated by Trivy: a Terraform-only stub (HTTP data blocks), nothing in an account to judge",
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


def test_issue13_data_services_are_covered(t):
    have = catalog()
    for cid, svc in (("AVD-AWS-0023", "dynamodb"), ("AVD-AWS-0024", "dynamodb"), ("AVD-AWS-0025", "dynamodb"),
                     ("AVD-AWS-0037", "efs"), ("OSP-AWS-0030", "securityhub"), ("OSP-AWS-0031", "efs")):
        assert cid in have and have[cid]["service"] == svc, cid
def test_net_services_ship_every_trivy_id(t):
    with open(os.path.join(SHARED_DIR, "reference", "trivy-aws-checks.tsv")) as f:
        trivy = {row["avd_id"]: row["service"] for row in csv.DictReader(f, delimiter="\t")
                 if row["service"] in NET_IDS and row["deprecated"] != "yes"}
    assert sorted(trivy) == sorted(i for ids in NET_IDS.values() for i in ids), trivy
    have = catalog()
    for svc, ids in NET_IDS.items():
        for cid in ids:
            assert cid in have, cid
            assert have[cid]["service"] == svc, (cid, have[cid]["service"])


def test_no_check_reads_a_service_that_is_not_collected(t):
    for cid, c in catalog().items():
        assert set(c["services"]) <= COLLECTED, (cid, c["services"])
        assert c["service"] in COLLECTED, cid


# --- Every live Trivy AWS check (issue 15 item 4) -------------------------------------------------
# Trivy's non-deprecated AWS checks that read live state (trivy-aws-checks.tsv:
# trivy_aws_populates_input=yes, deprecated=no), with osprey's status for each: implemented (in
# `osprey checks list`, active or retired) or missing. EXPECTED_MISSING names today's gaps, the
# services being collected in this release; when a service lands, delete its line here. Once the
# dict is empty the test asserts 100%. `python3 test_trivy_coverage.py --list` prints the listing.
EXPECTED_MISSING = {}
# Checks that can no longer fire on today's AWS: kept under their Trivy IDs, marked
# `custom.retired` in METADATA and shown "retired" by `checks list` (aws-services-next.md section 4).
RETIRED = {
    "AVD-AWS-0049": "elasticache: describes EC2-Classic cache security groups, which no longer exist",
    "AVD-AWS-0083": "redshift: describes EC2-Classic cluster security groups",
    "AVD-AWS-0085": "redshift: fires on EC2-Classic cluster security groups only",
    "AVD-AWS-0127": "redshift: every cluster is in a VPC since EC2-Classic was retired",
    "AVD-AWS-0179": "msk: encryption at rest is always on",
}


def live_trivy_checks():
    with open(os.path.join(SHARED_DIR, "reference", "trivy-aws-checks.tsv")) as f:
        return [row for row in csv.DictReader(f, delimiter="\t")
                if row["trivy_aws_populates_input"] == "yes" and row["deprecated"] == "no"]


def coverage(have):
    """[(avd_id, service, osprey status)]: implemented (active), implemented (retired) or missing."""
    out = []
    for row in live_trivy_checks():
        c = have.get(row["avd_id"])
        out.append((row["avd_id"], row["service"], "missing" if c is None else "implemented (%s)" % c["status"]))
    return sorted(out)


def test_every_live_trivy_check_is_implemented_or_expected_missing(t):
    have = catalog()
    rows = coverage(have)
    assert len(rows) == 150, len(rows)  # the reference list: 150 live, non-deprecated Trivy AWS checks
    for avd, svc, status in rows:
        print("%s %-14s %s" % (avd, svc, status))
    missing = sorted(avd for avd, _, status in rows if status == "missing")
    expected = sorted(i for ids in EXPECTED_MISSING.values() for i in ids)
    landed = sorted(set(expected) - set(missing))
    assert not landed, "implemented now: delete them from EXPECTED_MISSING: %s" % landed
    assert missing == expected, "missing from the catalog: %s" % sorted(set(missing) - set(expected))
    implemented = len(rows) - len(missing)
    print("osprey implements %d of %d live Trivy AWS checks (%d%%)"
          % (implemented, len(rows), 100 * implemented // len(rows)))
    for avd, svc, status in rows:  # an implemented Trivy ID carries its own id and service
        if status != "missing":
            assert have[avd]["trivy_id"] == avd and have[avd]["service"] == svc, (avd, have[avd]["service"], svc)


def test_checks_list_shows_trivy_id_and_status(t):
    for c in catalog().values():
        assert c["status"] in ("active", "retired"), c["id"]
        assert c["trivy_id"] == (c["id"] if c["id"].startswith("AVD-AWS-") else None), c["id"]
        assert (c["status"] == "retired") == bool(c.get("retired")), c["id"]
    table = run_osprey(["checks", "list"]).stdout.splitlines()
    assert table[0].split()[:5] == ["ID", "SEVERITY", "SERVICE", "TRIVY-ID", "STATUS"], table[0]
    rows = {line.split()[0]: line.split() for line in table[1:]}
    assert rows["AVD-AWS-0086"][3:5] == ["AVD-AWS-0086", "active"], rows["AVD-AWS-0086"]
    assert rows["OSP-AWS-0001"][3:5] == ["-", "active"], rows["OSP-AWS-0001"]


def test_retired_checks_are_marked_and_only_those(t):
    have = catalog()
    retired = sorted(cid for cid, c in have.items() if c["status"] == "retired")
    assert retired == sorted(set(RETIRED) & set(have)), retired
    for cid in retired:
        assert len(have[cid]["retired"]) > 20, (cid, have[cid]["retired"])  # one sentence why
        r = run_osprey(["checks", "list", "--service", have[cid]["service"]])
        assert any(line.split()[:1] == [cid] and line.split()[4] == "retired"
                   for line in r.stdout.splitlines()), r.stdout


def test_a_custom_check_marked_retired_is_listed_as_retired(t):
    d = os.path.join(t.tmp, "policies")
    os.makedirs(d)
    with open(os.path.join(d, "relic.rego"), "w") as f:
        f.write("""# METADATA
# title: Classic relic
# custom:
#   id: USR-0009
#   severity: LOW
#   recommended_action: Nothing to do.
#   retired: "EC2-Classic was shut down, so nothing it reads exists any more."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package user.relic
import rego.v1
deny contains "never" if false
""")
    r = run_osprey(["checks", "list", "--config-check", d, "--check-namespaces", "user", "--format", "json"])
    assert r.returncode == 0, r.stderr
    mine = [c for c in json.loads(r.stdout) if c["id"] == "USR-0009"]
    assert mine and mine[0]["status"] == "retired" and mine[0]["trivy_id"] is None, mine
    assert mine[0]["retired"].startswith("EC2-Classic was shut down"), mine
    r = run_osprey(["checks", "show", "USR-0009", "--config-check", d, "--check-namespaces", "user"])
    assert "Status:      retired: EC2-Classic was shut down" in r.stdout, r.stdout


if __name__ == "__main__":
    if sys.argv[1:] == ["--list"]:
        for avd_id, service, status in coverage(catalog()):
            print("%s\t%s\t%s" % (avd_id, service, status))
        sys.exit(0)
    main(globals())
