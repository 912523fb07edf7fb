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


if __name__ == "__main__":
    main(globals())
