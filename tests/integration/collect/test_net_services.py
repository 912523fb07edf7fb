"""elb (ELBv2 + classic), eks, ecr, sqs against moto: seeded misconfigured resources FAIL their
Trivy IDs and compliant twins PASS, through `osprey aws --format json --include-non-failures`;
the collected state has Trivy's shape.

What moto 5.2.1 cannot express is covered by the checks' _test.rego inputs and the recorded-response
mapper tests (tests/unit/collect/test_net.c) instead:"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

ACCT = "123456789012"
CANNOT_EXPRESS = {
    "AVD-AWS-0135 (AWS managed key by ARN)": "moto has no AWS managed keys (KeyManager AWS), so a queue whose key ARN "
                                             "resolves to aws/sqs cannot be seeded; the literal alias/aws/sqs is tested",
    "AVD-AWS-0033 (AWS managed key by ARN)": "same: no AWS managed key in moto; AES256 and a customer key are tested",
    "AVD-AWS-0031 (IMMUTABLE_WITH_EXCLUSION)": "moto 5.2.1 rejects the exclusion mutabilities",
    "AVD-AWS-0054 (redirect to HTTP)": "tested with HTTPS redirects only; the #{protocol} case is in _test.rego",
    "eks under IAM enforcement": "moto's EKS answers SignatureDoesNotMatch to every signed request once auth is on "
                                 "(boto3 too), so the minimal-policy test covers elb, ecr, sqs and kms only",
    "elb desync mitigation / WAF fail-open attributes": "moto returns 6 attribute keys, not these (no check reads them)",
}
POLICY_ALL = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "*"}]})
POLICY_SEND = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % ACCT}, "Action": ["sqs:SendMessage"], "Resource": "*"}]})
ECR_PUBLIC = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Sid": "pub", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "ecr:*"}]})
ECR_ACCOUNT = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Sid": "acct", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % ACCT}, "Action": "ecr:BatchGetImage"}]})
ALL_LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"]


def seed_sqs(m):
    kms = m.client("kms")
    key = kms.create_key(Description="app")["KeyMetadata"]["KeyId"]
    kms.create_alias(AliasName="alias/app", TargetKeyId=key)
    sqs = m.client("sqs")
    sqs.create_queue(QueueName="plain", Attributes={"SqsManagedSseEnabled": "false"})
    sqs.create_queue(QueueName="sse-sqs")  # the default: SSE-SQS, which Trivy flags
    sqs.create_queue(QueueName="open", Attributes={"KmsMasterKeyId": "alias/aws/sqs", "Policy": POLICY_ALL})
    sqs.create_queue(QueueName="good", Attributes={"KmsMasterKeyId": "alias/app", "Policy": POLICY_SEND})


def seed_ecr(m):
    kms = m.client("kms")
    key = kms.create_key(Description="ecr")["KeyMetadata"]["Arn"]
    ecr = m.client("ecr")
    ecr.create_repository(repositoryName="bad")
    ecr.set_repository_policy(repositoryName="bad", policyText=ECR_PUBLIC)
    ecr.create_repository(repositoryName="good", imageTagMutability="IMMUTABLE",
                          imageScanningConfiguration={"scanOnPush": True},
                          encryptionConfiguration={"encryptionType": "KMS", "kmsKey": key})
    ecr.set_repository_policy(repositoryName="good", policyText=ECR_ACCOUNT)
    ecr.create_repository(repositoryName="prod-api", imageTagMutability="IMMUTABLE",
                          encryptionConfiguration={"encryptionType": "KMS", "kmsKey": key})
    ecr.put_registry_scanning_configuration(scanType="ENHANCED", rules=[
        {"scanFrequency": "CONTINUOUS_SCAN", "repositoryFilters": [{"filter": "prod-*", "filterType": "WILDCARD"}]}])


def seed_eks(m):
    eks = m.client("eks")
    role = "arn:aws:iam::%s:role/eks" % ACCT
    eks.create_cluster(name="open", roleArn=role, resourcesVpcConfig={
        "subnetIds": [], "endpointPublicAccess": True, "endpointPrivateAccess": False, "publicAccessCidrs": ["0.0.0.0/0"]})
    eks.create_cluster(name="closed", roleArn=role,
                       resourcesVpcConfig={"subnetIds": [], "endpointPublicAccess": False, "endpointPrivateAccess": True},
                       logging={"clusterLogging": [{"types": ALL_LOGS, "enabled": True}]},
                       encryptionConfig=[{"resources": ["secrets"],
                                          "provider": {"keyArn": "arn:aws:kms:us-east-1:%s:key/abc" % ACCT}}])
    eks.create_cluster(name="limited", roleArn=role, resourcesVpcConfig={
        "subnetIds": [], "endpointPublicAccess": True, "publicAccessCidrs": ["10.20.0.0/16"]})


def scan(t, m, services):
    out = os.path.join(tempfile.mkdtemp(prefix="osp-net-"), "r.json")
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--cache-dir", tempfile.mkdtemp(prefix="osp-netc-"),
                    "--service", ",".join(services), "--region", "us-east-1", "--format", "json",
                    "--include-non-failures", "--exit-code", "0", "-o", out], env=m.env())
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    with open(out) as f:
        rep = json.load(f)
    bad = [s for s in rep["Services"] if s["Status"] != "ok"]
    assert not bad, bad
    got = {}
    for f in rep["Findings"]:
        got.setdefault((f["ID"], f["Resource"]), set()).add(f["Status"])
    return got


def expect(got, cid, resource, status):
    have = got.get((cid, resource))
    assert have == {status}, "%s on %s: want %s, got %s (all for %s: %s)" % (
        cid, resource, status, have, cid, sorted((r, s) for (c, r), s in got.items() if c == cid))


def test_sqs(t):
    m = t.moto()
    seed_sqs(m)
    q = lambda n: "arn:aws:sqs:us-east-1:%s:%s" % (ACCT, n)  # noqa: E731
    st = inspect(m, ["sqs"]).svc("sqs")
    sse = unwrap(by(st["queues"], "arn", q("sse-sqs")))
    assert sse["encryption"] == {"managedencryption": True}, sse
    assert unwrap(by(st["queues"], "arn", q("open")))["policies"][0]["name"] == "queue-policy"
    got = scan(t, m, ["sqs", "kms"])
    expect(got, "AVD-AWS-0096", q("plain"), "FAIL")
    expect(got, "AVD-AWS-0096", q("sse-sqs"), "PASS")  # Trivy: FAIL
    expect(got, "AVD-AWS-0096", q("good"), "PASS")
    expect(got, "AVD-AWS-0097", q("open"), "FAIL")  # "Action": "sqs:*" as a string: Trivy misses it
    expect(got, "AVD-AWS-0097", q("good"), "PASS")
    expect(got, "AVD-AWS-0135", q("open"), "FAIL")
    expect(got, "AVD-AWS-0135", q("good"), "PASS")  # alias/app resolves to a customer managed key


def test_ecr(t):
    m = t.moto()
    seed_ecr(m)
    r = lambda n: "arn:aws:ecr:us-east-1:%s:repository/%s" % (ACCT, n)  # noqa: E731
    st = inspect(m, ["ecr"]).svc("ecr")
    assert unwrap(st["registryscanning"])["scantype"] == "ENHANCED", st["registryscanning"]
    got = scan(t, m, ["ecr", "kms"])
    for cid in ("AVD-AWS-0030", "AVD-AWS-0031", "AVD-AWS-0032", "AVD-AWS-0033"):
        expect(got, cid, r("bad"), "FAIL")
        expect(got, cid, r("good"), "PASS")
    expect(got, "AVD-AWS-0030", r("prod-api"), "PASS")  # scanned by the registry rule prod-*: Trivy FAILs it


def test_eks(t):
    m = t.moto()
    seed_eks(m)
    c = lambda n: "arn:aws:eks:us-east-1:%s:cluster/%s" % (ACCT, n)  # noqa: E731
    st = inspect(m, ["eks"]).svc("eks")
    closed = unwrap(by(st["clusters"], "name", "closed"))
    assert closed["logging"] == {k: True for k in ("api", "audit", "authenticator", "controllermanager", "scheduler")}
    assert closed["encryption"]["secrets"] is True and closed["publicaccessenabled"] is False
    got = scan(t, m, ["eks"])
    for cid in ("AVD-AWS-0038", "AVD-AWS-0039", "AVD-AWS-0040", "AVD-AWS-0041"):
        expect(got, cid, c("open"), "FAIL")
        expect(got, cid, c("closed"), "PASS")
    expect(got, "AVD-AWS-0040", c("limited"), "FAIL")
    expect(got, "AVD-AWS-0041", c("limited"), "PASS")  # public endpoint, private range only


if __name__ == "__main__":
    main(globals())
