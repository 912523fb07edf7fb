"""wafv2 (REGIONAL per region, CLOUDFRONT scope once per account) and route53 (global) against moto:
the collectors' state, every check of OSP-AWS-0080..0087 FAILs on a misconfigured resource and
PASSes on its compliant twin where moto can express it, calls per resource, and the global
services collected and reported once in a multi-region scan.

moto 5.2.1 has no ListResourcesForWebACL (HTTP 500): the tests put a loopback proxy in front of
wafv2 that answers it from moto's own associations (GetWebACLForResource over the region's load
balancers and API stages) and forwards everything else. What moto cannot express at all is
listed in CANNOT_EXPRESS with the reason; those cases are covered by the checks' _test.rego
inputs and the recorded responses of tests/unit/collect/test_edge.c."""
import json
import os
import re
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, unwrap, val  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from faultproxy import FaultProxy  # noqa: E402
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

ACCOUNT = "123456789012"
CANNOT_EXPRESS = {
    "OSP-AWS-0080 PASS for a CLOUDFRONT-scope web ACL": "moto's ListLoggingConfigurations(Scope=CLOUDFRONT) "
    "looks for ':global:' in ARNs it writes as ':us-east-1:...:global/...', so it never lists one",
    "OSP-AWS-0083 PASS (a DNSSEC-signed zone)": "moto's GetDNSSEC always answers NOT_SIGNING and "
    "EnableHostedZoneDNSSEC is 404",
    "OSP-AWS-0086 FAIL (signing ACTION_NEEDED, a broken key-signing key)": "same: no signing in moto",
    "OSP-AWS-0088 PASS for a CLOUDFRONT-scope rule group": "PASS records list the check's own service's "
    "collection (wafv2); the CLOUDFRONT scope's twin is asserted not to FAIL",
    "OSP-AWS-0081 PASS through Firewall Manager rule groups": "moto cannot create Firewall Manager policies",
    "ListResourcesForWebACL": "not implemented by moto (500); answered by the proxy from moto's GetWebACLForResource",
}

VC = lambda name, on: {"SampledRequestsEnabled": on, "CloudWatchMetricsEnabled": on, "MetricName": name}  # noqa: E731


def associations(m):
    """An answer() hook for FaultProxy: ListResourcesForWebACL from moto's own association state
    (one at a time: boto3's default session is not safe to build clients from several threads)."""
    lock = threading.Lock()

    def answer(method, path, headers, body):
        if headers.get("X-Amz-Target") != "AWSWAF_20190729.ListResourcesForWebACL":
            return None
        with lock:
            return resources(headers, body)

    def resources(headers, body):
        region = re.search(r"Credential=[^/]+/\d+/([^/]+)/", headers.get("Authorization", "")).group(1)
        req = json.loads(body or b"{}")
        waf = m.client("wafv2", region=region)
        arns = []
        if req.get("ResourceType", "APPLICATION_LOAD_BALANCER") == "APPLICATION_LOAD_BALANCER":
            arns = [lb["LoadBalancerArn"] for lb in m.client("elbv2", region=region).describe_load_balancers()["LoadBalancers"]
                    if lb["Type"] == "application"]
        elif req["ResourceType"] == "API_GATEWAY":
            apigw = m.client("apigateway", region=region)
            for api in apigw.get_rest_apis()["items"]:
                arns += ["arn:aws:apigateway:%s::/restapis/%s/stages/%s" % (region, api["id"], s["stageName"])
                         for s in apigw.get_stages(restApiId=api["id"])["item"]]
        mine = [a for a in arns if (waf.get_web_acl_for_resource(ResourceArn=a).get("WebACL") or {}).get("ARN") == req["WebACLArn"]]
        return 200, {"Content-Type": "application/x-amz-json-1.1"}, json.dumps({"ResourceArns": mine}).encode()
    return answer


def scan(t, m, services, regions=("us-east-1",), name="scan", extra=()):
    """osprey aws (JSON, non-failures included) with wafv2 behind the association proxy."""
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=associations(m)) as p:
        args = ["aws", "--include-non-failures", "--format", "json", "--debug",
                "--cache-dir", tempfile.mkdtemp(dir=t.tmp, prefix=name)] + list(extra)
        for r in regions:
            args += ["--region", r]
        for s in services:
            args += ["--service", s]
        r = run_osprey(args, env=m.env(AWS_ENDPOINT_URL_WAFV2=p.endpoint))
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-3000:])
    return json.loads(r.stdout), r.stderr


def status(rep):
    out = {}
    for f in rep["Findings"]:
        out.setdefault((f["ID"], f["Resource"]), set()).add(f["Status"])
    return {k: "FAIL" if "FAIL" in v else "/".join(sorted(v)) for k, v in out.items()}


def calls(stderr, service, region):
    got = re.findall(r"collect: %s %s: (\d+) calls" % (re.escape(service), re.escape(region)), stderr)
    assert len(got) == 1, (service, region, got)
    return int(got[0])


def inspect_doc(t, m, services, region="us-east-1"):
    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=associations(m)) as p:
        args = ["inspect", "--region", region, "--cache-dir", tempfile.mkdtemp(dir=t.tmp, prefix="inspect")]
        for s in services:
            args += ["--service", s]
        r = run_osprey(args, env=m.env(AWS_ENDPOINT_URL_WAFV2=p.endpoint))
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)["aws"]


def seed_waf(m):
    ec2, elb, waf, logs = m.client("ec2"), m.client("elbv2"), m.client("wafv2"), m.client("logs")
    vpc = ec2.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock="10.40.%d.0/24" % i, AvailabilityZone="us-east-1" + z)["Subnet"]["SubnetId"]
               for i, z in ((1, "a"), (2, "b"))]
    albs = {n: elb.create_load_balancer(Name=n, Subnets=subnets, Type="application")["LoadBalancers"][0]["LoadBalancerArn"]
            for n in ("alb-open", "alb-protected")}
    elb.create_load_balancer(Name="nlb-tcp", Subnets=subnets, Type="network")
    block = [{"Name": "rate", "Priority": 1, "Action": {"Block": {}}, "VisibilityConfig": VC("rate", True),
              "Statement": {"RateBasedStatement": {"Limit": 2000, "AggregateKeyType": "IP"}}}]
    count = [dict(block[0], Action={"Count": {}})]
    acls = {}
    for name, scope, rules, metrics in (("acl-bad", "REGIONAL", [], False), ("acl-good", "REGIONAL", block, True),
                                        ("acl-count", "REGIONAL", count, True), ("edge-bad", "CLOUDFRONT", [], False),
                                        ("edge-good", "CLOUDFRONT", block, True)):
        acls[name] = waf.create_web_acl(Name=name, Scope=scope, DefaultAction={"Allow": {}}, Rules=rules,
                                        VisibilityConfig=VC(name, metrics))["Summary"]["ARN"]
    for name, scope, metrics in (("rg-bad", "REGIONAL", False), ("rg-good", "REGIONAL", True),
                                 ("rg-edge-bad", "CLOUDFRONT", False)):
        acls[name] = waf.create_rule_group(Name=name, Scope=scope, Capacity=10, Rules=[dict(block[0], Name=name + "-r")],
                                           VisibilityConfig=VC(name, metrics))["Summary"]["ARN"]
    waf.associate_web_acl(WebACLArn=acls["acl-good"], ResourceArn=albs["alb-protected"])
    for name in ("acl-good", "acl-count"):
        logs.create_log_group(logGroupName="aws-waf-logs-" + name)
        waf.put_logging_configuration(LoggingConfiguration={
            "ResourceArn": acls[name], "LogDestinationConfigs": ["arn:aws:logs:us-east-1:%s:log-group:aws-waf-logs-%s" % (ACCOUNT, name)]})
    return acls, albs


def test_wafv2_state(t):
    m = t.moto()
    acls, albs = seed_waf(m)
    aws = inspect_doc(t, m, ["wafv2", "elb"])
    assert "wafv2cloudfront" in aws, "--service wafv2 reads the CLOUDFRONT scope too"
    regional = aws["wafv2"]["webacls"]
    assert sorted(val(a["name"]) for a in regional) == ["acl-bad", "acl-count", "acl-good"]
    good = unwrap(by(regional, "name", "acl-good"))
    assert good["scope"] == "REGIONAL" and good["defaultaction"] == "ALLOW" and good["cloudwatchmetricsenabled"] is True
    assert good["rules"] == [{"name": "rate", "priority": 1, "action": "BLOCK", "overrideaction": "", "kind": "rule",
                              "cloudwatchmetricsenabled": True, "sampledrequestsenabled": True, "metricname": "rate"}], good
    assert good["associatedresources"] == [{"arn": albs["alb-protected"], "type": "APPLICATION_LOAD_BALANCER"}], good
    assert good["logging"]["enabled"] is True
    assert good["logging"]["destinations"] == ["arn:aws:logs:us-east-1:%s:log-group:aws-waf-logs-acl-good" % ACCOUNT]
    bad = unwrap(by(regional, "name", "acl-bad"))
    assert bad["rules"] == [] and bad["associatedresources"] == [] and bad["logging"]["enabled"] is False, bad
    edge = aws["wafv2cloudfront"]["webacls"]
    assert sorted(val(a["name"]) for a in edge) == ["edge-bad", "edge-good"]
    e = unwrap(by(edge, "name", "edge-good"))
    assert e["scope"] == "CLOUDFRONT" and e["associatedresources"] == [] and e["arn"] == acls["edge-good"], e
    # another region: its own (no) REGIONAL ACLs, the same CLOUDFRONT ones
    other = inspect_doc(t, m, ["wafv2"], region="eu-west-1")
    assert other["wafv2"]["webacls"] == [] and len(other["wafv2cloudfront"]["webacls"]) == 2


def test_wafv2_checks_and_calls(t):
    m = t.moto()
    acls, albs = seed_waf(m)
    rep, err = scan(t, m, ["wafv2", "elb"])
    st = status(rep)
    want = {
        ("OSP-AWS-0080", acls["acl-bad"]): "FAIL", ("OSP-AWS-0080", acls["acl-good"]): "PASS",
        ("OSP-AWS-0080", acls["edge-bad"]): "FAIL",
        ("OSP-AWS-0081", acls["acl-bad"]): "FAIL", ("OSP-AWS-0081", acls["acl-good"]): "PASS",
        ("OSP-AWS-0081", acls["edge-bad"]): "FAIL",
        ("OSP-AWS-0082", albs["alb-open"]): "FAIL", ("OSP-AWS-0082", albs["alb-protected"]): "PASS",
        ("OSP-AWS-0085", acls["acl-bad"]): "FAIL", ("OSP-AWS-0085", acls["acl-good"]): "PASS",
        ("OSP-AWS-0085", acls["edge-bad"]): "FAIL",
        ("OSP-AWS-0087", acls["acl-count"]): "FAIL", ("OSP-AWS-0087", acls["acl-good"]): "PASS",
        ("OSP-AWS-0088", acls["rg-bad"]): "FAIL", ("OSP-AWS-0088", acls["rg-good"]): "PASS",
        ("OSP-AWS-0088", acls["rg-edge-bad"]): "FAIL",
    }
    got = {k: st.get(k) for k in want}
    assert got == want, "\n".join("%s %s: want %s got %s" % (k[0], k[1], want[k], got[k]) for k in want if got[k] != want[k])
    # the CLOUDFRONT-scope twin: no FAIL (PASS records list the check's own service's collection,
    # wafv2; the CLOUDFRONT-scope ACLs are in wafv2cloudfront)
    for check in ("OSP-AWS-0081", "OSP-AWS-0085", "OSP-AWS-0087"):
        assert st.get((check, acls["edge-good"])) in (None, "PASS"), (check, st.get((check, acls["edge-good"])))
    assert not [k for k in st if k[0] == "OSP-AWS-0082" and "/net/" in k[1] and st[k] == "FAIL"], "NLBs are not judged"
    # calls: ListWebACLs, ListLoggingConfigurations and ListRuleGroups per scope; per REGIONAL ACL
    # GetWebACL and ListResourcesForWebACL for ALBs (2: API stages name their ACL themselves), per
    # CLOUDFRONT ACL GetWebACL (1), per rule group GetRuleGroup (1)
    assert calls(err, "wafv2", "us-east-1") == 3 + 3 * 2 + 2, err[-2000:]
    assert calls(err, "wafv2cloudfront", "global") == 3 + 1 * 2 + 1, err[-2000:]


def seed_zones(m):
    r53, logs = m.client("route53"), m.client("logs")
    vpc = m.client("ec2").create_vpc(CidrBlock="10.41.0.0/16")["Vpc"]["VpcId"]
    zones = {}
    for name, private in (("open.example", False), ("logged.example", False), ("corp.internal", True)):
        kw = {"HostedZoneConfig": {"PrivateZone": True}, "VPC": {"VPCRegion": "us-east-1", "VPCId": vpc}} if private else {}
        zones[name] = r53.create_hosted_zone(Name=name, CallerReference=name, **kw)["HostedZone"]["Id"].split("/")[-1]
    logs.create_log_group(logGroupName="/aws/route53/logged.example")
    r53.create_query_logging_config(HostedZoneId=zones["logged.example"], CloudWatchLogsLogGroupArn=
                                    "arn:aws:logs:us-east-1:%s:log-group:/aws/route53/logged.example:*" % ACCOUNT)
    return {n: "arn:aws:route53:::hostedzone/" + z for n, z in zones.items()}, zones


def test_route53_state_checks_and_calls(t):
    m = t.moto()
    arns, ids = seed_zones(m)
    z = {val(x["name"]): unwrap(x) for x in inspect_doc(t, m, ["route53"])["route53"]["hostedzones"]}
    assert sorted(z) == ["corp.internal.", "logged.example.", "open.example."], z
    assert z["open.example."]["private"] is False and z["open.example."]["dnssec"]["servesignature"] == "NOT_SIGNING"
    assert z["open.example."]["querylogging"] == {"enabled": False}
    assert z["logged.example."]["querylogging"]["enabled"] is True
    assert z["logged.example."]["querylogging"]["loggrouparn"].endswith(":log-group:/aws/route53/logged.example:*")
    assert z["corp.internal."]["private"] is True and "dnssec" not in z["corp.internal."], "no GetDNSSEC for private zones"
    assert z["corp.internal."]["arn"] == arns["corp.internal"] and z["corp.internal."]["id"] == ids["corp.internal"]
    rep, err = scan(t, m, ["route53"])
    st = status(rep)
    want = {("OSP-AWS-0083", arns["open.example"]): "FAIL", ("OSP-AWS-0083", arns["logged.example"]): "FAIL",
            ("OSP-AWS-0084", arns["open.example"]): "FAIL", ("OSP-AWS-0084", arns["logged.example"]): "PASS",
            ("OSP-AWS-0086", arns["open.example"]): "PASS"}
    got = {k: st.get(k) for k in want}
    assert got == want, got
    assert not [k for k in st if k[1] == arns["corp.internal"] and st[k] == "FAIL"], "private zones are not judged"
    # ListHostedZones + ListQueryLoggingConfigs, and GetDNSSEC per public zone
    assert calls(err, "route53", "global") == 2 + 2, err[-2000:]


def test_global_services_collected_and_reported_once(t):
    m = t.moto()
    acls, _ = seed_waf(m)
    arns, _ = seed_zones(m)
    regions = ("us-east-1", "eu-west-1", "ap-southeast-2")
    rep, err = scan(t, m, ["wafv2", "route53"], regions=regions, name="multi")
    rows = sorted((s["Service"], s["Region"]) for s in rep["Services"])
    assert rows == sorted([("route53", "global"), ("wafv2cloudfront", "global")] +
                          [("wafv2", r) for r in regions]), rows
    assert len(re.findall(r"collect: wafv2cloudfront ", err)) == 1 and len(re.findall(r"collect: route53 ", err)) == 1
    fails = [(f["ID"], f["Resource"]) for f in rep["Findings"] if f["Status"] == "FAIL"]
    for key in (("OSP-AWS-0080", acls["edge-bad"]), ("OSP-AWS-0081", acls["edge-bad"]), ("OSP-AWS-0085", acls["edge-bad"]),
                ("OSP-AWS-0088", acls["rg-edge-bad"]),
                ("OSP-AWS-0083", arns["open.example"]), ("OSP-AWS-0084", arns["open.example"])):
        assert fails.count(key) == 1, (key, fails.count(key))
    assert len(fails) == len(set(fails)), "no finding repeated per region"
    zone = [f for f in rep["Findings"] if f["Resource"] == arns["open.example"]]
    assert {f["Region"] for f in zone} == {"global"}, zone


def test_the_two_waf_scopes_are_selected_together(t):
    """--service / --skip-service / --arn naming one WAF scope name both; findings of the
    CLOUDFRONT-scope ACLs (check service wafv2) are not filtered away by --service wafv2cloudfront."""
    m = t.moto()
    edge = m.client("wafv2").create_web_acl(Name="edge", Scope="CLOUDFRONT", DefaultAction={"Allow": {}},
                                            VisibilityConfig=VC("edge", False))["Summary"]["ARN"]

    def rows(*args):
        r = run_osprey(["aws", "--region", "us-east-1", "--format", "json", "--cache-dir",
                        tempfile.mkdtemp(dir=t.tmp)] + list(args), env=m.env())
        assert r.returncode in (0, 1, 2), r.stderr[-2000:]
        rep = json.loads(r.stdout) if r.stdout.strip() else None
        return r, rep, sorted(s["Service"] for s in rep["Services"]) if rep else None

    _, rep, svcs = rows("--service", "wafv2cloudfront")
    assert svcs == ["wafv2", "wafv2cloudfront"], svcs
    assert ("OSP-AWS-0081", edge) in [(f["ID"], f["Resource"]) for f in rep["Findings"]], rep["Findings"]
    _, rep, svcs = rows("--arn", edge)
    assert {"wafv2", "wafv2cloudfront"} <= set(svcs), svcs  # (and the services checks of wafv2 read: elb)
    assert {f["Resource"] for f in rep["Findings"]} == {edge}, rep["Findings"]
    r, rep, _ = rows("--service", "wafv2", "--skip-service", "wafv2cloudfront")
    assert r.returncode == 2 and "no services left" in r.stderr, r.stderr


def test_help_readme_and_policy_name_the_services_and_their_reads(t):
    r = run_osprey(["aws", "--help"])
    assert r.returncode == 0, r.stderr
    listed = r.stdout.split("Services (--service / --skip-service):", 1)[1]
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        readme = f.read()
    services = readme.split("### Services", 1)[1].split("\n#", 1)[0]
    policy = readme.split("<!-- permissions:begin -->", 1)[1].split("<!-- permissions:end -->", 1)[0]
    for svc in ("route53", "wafv2", "wafv2cloudfront"):
        assert "\n  %s " % svc in listed and "| `%s`" % svc in services, svc
    reads = ["wafv2:ListWebACLs", "wafv2:GetWebACL", "wafv2:ListLoggingConfigurations", "wafv2:ListResourcesForWebACL",
             "wafv2:ListRuleGroups", "wafv2:GetRuleGroup",
             "route53:ListHostedZones", "route53:GetDNSSEC", "route53:ListQueryLoggingConfigs"]
    assert not [a for a in reads if '"%s"' % a not in policy], policy


def readme_policy():
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        text = f.read()
    return json.loads(text.split("<!-- permissions:begin -->", 1)[1].split("```json", 1)[1].split("```", 1)[0])


def test_readme_minimal_policy_under_moto_iam(t):
    """moto with IAM enforcement: the README's policy collects both WAF scopes with no failure and
    no gap, and without the wafv2 actions they fail. route53 is checked by action name only (the
    help test above): with auth on, moto 5.2.1 answers every Route 53 request, boto3's too, with
    SignatureDoesNotMatch. Only CLOUDFRONT-scope ACLs are seeded: the ListResourcesForWebACL
    stand-in cannot sign its own moto calls once auth is on."""
    def run(policy, name):
        m = t.moto()
        m.client("wafv2").create_web_acl(Name="edge", Scope="CLOUDFRONT", DefaultAction={"Allow": {}},
                                         VisibilityConfig=VC("edge", True))
        m.client("wafv2").create_rule_group(Name="g", Scope="CLOUDFRONT", Capacity=1, VisibilityConfig=VC("g", True))
        key = m.iam_user("scanner", json.dumps(policy))
        m.enable_auth()
        env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
        r = run_osprey(["aws", "--region", "us-east-1", "--service", "wafv2", "--format", "json",
                        "--cache-dir", os.path.join(t.tmp, name)], env=env)
        assert r.stdout.strip(), (r.returncode, r.stderr[-2000:])
        rep = json.loads(r.stdout)
        return {s["Service"]: s["Status"] for s in rep["Services"]}, rep

    policy = readme_policy()
    st, rep = run(policy, "full")
    assert st == {"wafv2": "ok", "wafv2cloudfront": "ok"}, (st, rep["Services"])
    assert not rep.get("Gaps"), rep.get("Gaps")
    actions = policy["Statement"][0]["Action"]
    actions[:] = [a for a in actions if not a.startswith("wafv2:")]
    st, _ = run(policy, "none")
    assert st == {"wafv2": "failed", "wafv2cloudfront": "failed"}, st


DENIED = (b'<?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error>'
          b'<Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform route53:GetDNSSEC</Message>'
          b'</Error><RequestId>r-1</RequestId></ErrorResponse>')


def test_denied_dnssec_is_a_gap_and_not_evaluated(t):
    """GetDNSSEC denied: the zone is kept with a gap naming `dnssec`, OSP-AWS-0083 reports it NOT
    EVALUATED (an ERROR finding) instead of FAIL, and OSP-AWS-0084 judges it as usual."""
    m = t.moto()
    arns, _ = seed_zones(m)

    def deny(method, path, headers, body):
        return (403, {"Content-Type": "text/xml"}, DENIED) if path.split("?")[0].endswith("/dnssec") else None

    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=deny) as p:
        r = run_osprey(["aws", "--region", "us-east-1", "--service", "route53", "--format", "json",
                        "--cache-dir", os.path.join(t.tmp, "gap")], env=m.env(AWS_ENDPOINT_URL=p.endpoint))
        assert p.stats["answered"] == 2, p.stats  # the two public zones
    assert r.returncode in (0, 1), r.stderr[-2000:]
    rep = json.loads(r.stdout)
    assert [s["Status"] for s in rep["Services"]] == ["ok"], rep["Services"]
    f = [x for x in rep["Findings"] if x["ID"] == "OSP-AWS-0083" and x["Resource"] == arns["open.example"]]
    assert [x["Status"] for x in f] == ["ERROR"] and "GetDNSSEC was denied" in f[0]["Message"], f
    assert [x["Status"] for x in rep["Findings"] if x["ID"] == "OSP-AWS-0084" and x["Resource"] == arns["open.example"]] \
        == ["FAIL"], "the other checks judge the zone as usual"


if __name__ == "__main__":
    main(globals())
