"""elb (ELBv2 + classic), eks, ecr, sqs against moto: seeded misconfigured resources FAIL their
Trivy IDs and compliant twins PASS, through `osprey aws --format json --include-non-failures`;
the collected state has Trivy's shape; the README's minimal IAM policy is enough to collect them.

What moto 5.2.1 cannot express is covered by the checks' _test.rego inputs and the recorded-response
mapper tests (tests/unit/collect/test_net.c) instead:"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import _driver, by, inspect, unwrap  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

ACCT = "123456789012"
CANNOT_EXPRESS = {
    "AVD-AWS-0135 (AWS managed key by ARN)": "moto has no AWS managed keys (KeyManager AWS), so a queue whose key ARN "
                                             "resolves to aws/sqs cannot be seeded; the literal alias/aws/sqs is tested",
    "AVD-AWS-0033 (AWS managed key by ARN)": "same: no AWS managed key in moto; AES256 and a customer key are tested",
    "AVD-AWS-0031 (IMMUTABLE_WITH_EXCLUSION)": "moto 5.2.1 rejects the exclusion mutabilities",
    "AVD-AWS-0054 (redirect to HTTP)": "tested with HTTPS redirects only; the #{protocol} case is in _test.rego",
    "eks under IAM enforcement": "moto's EKS answers SignatureDoesNotMatch to every signed request once auth is on "
                                 "(boto3 too), so the minimal-policy test covers elb, ecr, sqs and kms only",
    "OSP-AWS-0022 (desync mitigation mode)": "moto never returns routing.http.desync_mitigation_mode nor the classic "
                                             "elb.http.desyncmitigationmode; the check judges only a returned mode",
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


def seed_elb(m):
    ec2 = m.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    s1 = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    s2 = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.2.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
    cert = m.client("acm").request_certificate(DomainName="app.example.com")["CertificateArn"]
    v2 = m.client("elbv2")
    tg = v2.create_target_group(Name="tg", Protocol="HTTP", Port=80, VpcId=vpc)["TargetGroups"][0]["TargetGroupArn"]
    fwd = [{"Type": "forward", "TargetGroupArn": tg}]
    bad = v2.create_load_balancer(Name="bad-alb", Subnets=[s1, s2], Scheme="internet-facing")["LoadBalancers"][0]
    v2.create_listener(LoadBalancerArn=bad["LoadBalancerArn"], Protocol="HTTP", Port=80, DefaultActions=fwd)
    v2.create_listener(LoadBalancerArn=bad["LoadBalancerArn"], Protocol="HTTPS", Port=443, DefaultActions=fwd,
                       SslPolicy="ELBSecurityPolicy-2016-08", Certificates=[{"CertificateArn": cert}])
    good = v2.create_load_balancer(Name="good-alb", Subnets=[s1, s2], Scheme="internal")["LoadBalancers"][0]
    v2.modify_load_balancer_attributes(LoadBalancerArn=good["LoadBalancerArn"], Attributes=[
        {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"},
        {"Key": "deletion_protection.enabled", "Value": "true"}])
    v2.create_listener(LoadBalancerArn=good["LoadBalancerArn"], Protocol="HTTP", Port=80, DefaultActions=[
        {"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}])
    v2.create_listener(LoadBalancerArn=good["LoadBalancerArn"], Protocol="HTTPS", Port=443, DefaultActions=fwd,
                       SslPolicy="ELBSecurityPolicy-TLS13-1-2-2021-06", Certificates=[{"CertificateArn": cert}])
    elb = m.client("elb")
    elb.create_load_balancer(LoadBalancerName="old-web", AvailabilityZones=["us-east-1a"], Listeners=[
        {"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80},
        {"Protocol": "HTTPS", "LoadBalancerPort": 443, "InstancePort": 80,
         "SSLCertificateId": "arn:aws:iam::%s:server-certificate/web" % ACCT}])
    elb.create_load_balancer_policy(LoadBalancerName="old-web", PolicyName="tls", PolicyTypeName="SSLNegotiationPolicyType",
                                    PolicyAttributes=[{"AttributeName": "Reference-Security-Policy",
                                                       "AttributeValue": "ELBSecurityPolicy-2015-05"}])
    elb.set_load_balancer_policies_of_listener(LoadBalancerName="old-web", LoadBalancerPort=443, PolicyNames=["tls"])
    elb.create_load_balancer(LoadBalancerName="inner", AvailabilityZones=["us-east-1a"], Scheme="internal",
                             Listeners=[{"Protocol": "TCP", "LoadBalancerPort": 5432, "InstancePort": 5432}])
    elb.create_load_balancer(LoadBalancerName="secure", AvailabilityZones=["us-east-1a"], Scheme="internal", Listeners=[
        {"Protocol": "HTTPS", "LoadBalancerPort": 443, "InstancePort": 80,
         "SSLCertificateId": "arn:aws:iam::%s:server-certificate/web" % ACCT}])


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


def test_elb(t):
    m = t.moto()
    seed_elb(m)
    st = inspect(m, ["elb"]).svc("elb")
    lbs = {x["name"]["value"]: x for x in st["loadbalancers"]}
    assert sorted(lbs) == ["bad-alb", "good-alb", "inner", "old-web", "secure"], sorted(lbs)
    old = unwrap(lbs["old-web"])
    assert old["type"] == "classic" and old["internal"] is False
    assert [x.get("tlspolicy") for x in old["listeners"]] == [None, "ELBSecurityPolicy-2015-05"], old["listeners"]
    arn = {n: x["__defsec_metadata"]["resource"] for n, x in lbs.items()}
    got = scan(t, m, ["elb"])
    for cid in ("AVD-AWS-0047", "AVD-AWS-0052", "AVD-AWS-0053", "AVD-AWS-0054"):
        expect(got, cid, arn["bad-alb"], "FAIL")
        expect(got, cid, arn["good-alb"], "PASS")
    expect(got, "AVD-AWS-0053", arn["old-web"], "FAIL")
    expect(got, "AVD-AWS-0047", arn["old-web"], "FAIL")  # the classic negotiation policy's reference policy
    expect(got, "AVD-AWS-0053", arn["inner"], "PASS")
    expect(got, "OSP-AWS-0020", arn["old-web"], "FAIL")  # HTTP listener
    expect(got, "OSP-AWS-0020", arn["inner"], "FAIL")  # TCP listener
    expect(got, "OSP-AWS-0020", arn["secure"], "PASS")
    expect(got, "OSP-AWS-0021", arn["bad-alb"], "FAIL")
    expect(got, "OSP-AWS-0021", arn["good-alb"], "PASS")


def test_calls_per_resource(t):
    """At most 2 calls per resource beyond the list calls (and ECR's one registry call per region),
    counted by col_run (the private driver): every per-resource read is a batch or needed one."""
    m = t.moto()
    seed_sqs(m)
    seed_ecr(m)
    seed_eks(m)
    seed_elb(m)
    n = {"sqs": 4, "ecr": 3, "eks": 3, "elb": 5}
    lists = {"sqs": 1, "ecr": 2, "eks": 1, "elb": 2}  # ecr: DescribeRepositories + GetRegistryScanningConfiguration
    drv = _driver()
    cmd = [drv, "--endpoint", m.endpoint, "--region", "us-east-1"] + sum((["--service", s] for s in sorted(n)), [])
    p = subprocess.run(cmd, capture_output=True, text=True, env=m.env(), timeout=300)
    assert p.returncode == 0, p.stderr[-1500:]
    calls = {x["service"]: x["calls"] for x in json.loads(p.stdout)["_results"] if x["status"] == "ok"}
    assert sorted(calls) == sorted(n), (calls, p.stderr[-1500:])
    for svc, res in n.items():
        per = (calls[svc] - lists[svc]) / res
        assert per <= 2, (svc, calls[svc], res)
    assert calls["sqs"] == 1 + 4 and calls["eks"] == 1 + 3 and calls["ecr"] == 2 + 3, calls
    # elb: 2 ALBs x (listeners + attributes), classic old-web and secure (attributes + policies), inner (attributes)
    assert calls["elb"] == 2 + 2 * 2 + 2 * 2 + 1, calls


def test_denied_reads_are_gaps_not_passes(t):
    """A denied per-resource read leaves the resource in the state with a gap: the checks that read
    the missing fields say ERROR (not evaluated) for it instead of PASS, the others judge it."""
    m = t.moto()
    key = m.iam_user("auditor", json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": ["ecr:GetRepositoryPolicy", "sqs:GetQueueAttributes"], "Resource": "*"}]}))
    seed_ecr(m)
    seed_sqs(m)
    m.enable_auth()
    env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    r = inspect(m, ["ecr", "sqs"], env=env)
    good = by(r.svc("ecr")["repositories"], "name", "good")
    assert "policies" not in good, good
    assert [g["read"] for g in good["__defsec_metadata"]["gaps"]] == ["GetRepositoryPolicy"], good["__defsec_metadata"]
    q = r.svc("sqs")["queues"][0]
    assert "encryption" not in q and q["__defsec_metadata"]["gaps"][0]["fields"] == ["encryption", "policies"], q
    out = os.path.join(tempfile.mkdtemp(prefix="osp-net-"), "r.json")
    run_osprey(["aws", "--endpoint", m.endpoint, "--cache-dir", tempfile.mkdtemp(prefix="osp-netc-"), "--service",
                "ecr,sqs", "--region", "us-east-1", "--format", "json", "--include-non-failures", "--exit-code", "0",
                "-o", out], env=env)
    with open(out) as f:
        got = {}
        for x in json.load(f)["Findings"]:
            got.setdefault((x["ID"], x["Resource"]), set()).add(x["Status"])
    repo = "arn:aws:ecr:us-east-1:%s:repository/good" % ACCT
    expect(got, "AVD-AWS-0032", repo, "ERROR")
    expect(got, "AVD-AWS-0031", repo, "PASS")
    expect(got, "AVD-AWS-0096", "arn:aws:sqs:us-east-1:%s:plain" % ACCT, "ERROR")


def readme_policy():
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        text = f.read()
    block = text.split("<!-- permissions:begin -->", 1)[1].split("<!-- permissions:end -->", 1)[0]
    return block.split("```json", 1)[1].split("```", 1)[0]


def test_readme_minimal_policy_covers_these_services(t):
    """With IAM enforcement on, a user holding exactly the README's minimal policy collects elb,
    ecr and sqs (with kms) without a denied call or a gap (eks: see CANNOT_EXPRESS)."""
    policy = readme_policy()
    actions = json.loads(policy)["Statement"][0]["Action"]
    for a in ("elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
              "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeLoadBalancerPolicies",
              "eks:ListClusters", "eks:DescribeCluster", "ecr:DescribeRepositories", "ecr:GetRepositoryPolicy",
              "ecr:GetRegistryScanningConfiguration", "sqs:ListQueues", "sqs:GetQueueAttributes"):
        assert a in actions, a
    m = t.moto()
    key = m.iam_user("scanner", policy)
    seed_sqs(m)
    seed_ecr(m)
    seed_elb(m)
    m.enable_auth()
    env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    r = inspect(m, ["elb", "ecr", "sqs", "kms"], env=env)
    aws = r.docs["us-east-1"]["aws"]
    for svc in ("elb", "ecr", "sqs", "kms"):
        assert svc in aws, (svc, r.failed, r.stderr[-1500:])
    assert "gaps" not in json.dumps(aws), r.stderr[-1500:]
    assert len(aws["elb"]["loadbalancers"]) == 5 and len(aws["sqs"]["queues"]) == 4


def test_help_lists_the_services(t):
    r = run_osprey(["aws", "--help"])
    assert r.returncode == 0, r.stderr
    listed = r.stdout.split("Services (--service / --skip-service):", 1)[1].split()
    for svc in ("ecr", "eks", "elb", "sqs"):
        assert svc in listed, (svc, r.stdout[-1500:])


if __name__ == "__main__":
    main(globals())
