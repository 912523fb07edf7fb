"""API Gateway (issue 14) against moto: the v1 and v2 collector's state in Trivy's shape, every
apigateway check FAILs on a seeded misconfigured resource and PASSes on its compliant twin, at most
2 calls per API, the service in `osprey aws --help`, the README and its minimal IAM policy.

What moto 5.2.1 cannot express is listed in CANNOT_EXPRESS with the reason; those cases are covered
by the checks' _test.rego inputs and the recorded AWS responses of tests/unit/collect/test_apigateway.c."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

ACCOUNT = "123456789012"
LOGS = "arn:aws:logs:us-east-1:%s:log-group:gw" % ACCOUNT
CERT = "arn:aws:acm:us-east-1:%s:certificate/00000000-0000-0000-0000-000000000000" % ACCOUNT
WS_ROUTE = "$request.body.action"
CANNOT_EXPRESS = {
    "OSP-AWS-0070 PASS (stage with a WAF web ACL)": "moto ignores the webAclArn patch and has no wafv2 "
    "AssociateWebACL for stages; GetStages never returns webAclArn (recorded response apigw_stages_aws.json)",
    "OSP-AWS-0072 PASS (stage with a client certificate)": "moto has no GenerateClientCertificate (404) and drops "
    "the clientCertificateId patch (recorded response apigw_stages_aws.json)",
    "AVD-AWS-0005 one finding for a domain listed by both APIs": "moto keeps v1 and v2 domain names apart; on AWS a "
    "regional domain is in both lists (aws0005 _test.rego)",
    "OSP-AWS-0071 per-route WebSocket logging": "moto drops RouteSettings on CreateStage (_test.rego)",
    "pagination of GetResources / GetStages / GetRoutes": "moto ignores limit/maxResults (a splitting proxy "
    "in test_second_pages_of_resources_and_routes_are_read; unit test of the mappers appending pages)",
    "the README policy under IAM enforcement": "with auth on, moto 5.2.1 answers API Gateway's REST-JSON requests "
    "(boto3's too) with SignatureDoesNotMatch; the policy is checked by action and scope, a denial by a proxy",
}


def seed(m):
    """Misconfigured and compliant twins of everything the checks judge. Returns their ids."""
    gw, v2 = m.client("apigateway"), m.client("apigatewayv2")
    m.client("logs").create_log_group(logGroupName="gw")
    ids = {}
    bad = gw.create_rest_api(name="bad")["id"]
    root = gw.get_resources(restApiId=bad)["items"][0]["id"]
    pets = gw.create_resource(restApiId=bad, parentId=root, pathPart="pets")["id"]
    for verb, auth, key in (("GET", "NONE", False), ("OPTIONS", "NONE", False), ("POST", "AWS_IAM", False),
                            ("PUT", "NONE", True)):
        gw.put_method(restApiId=bad, resourceId=pets, httpMethod=verb, authorizationType=auth, apiKeyRequired=key)
        gw.put_integration(restApiId=bad, resourceId=pets, httpMethod=verb, type="MOCK")
    gw.create_deployment(restApiId=bad, stageName="dev")
    # caching on, cache not encrypted, execution logging off
    plain = gw.create_rest_api(name="plain-cache")["id"]
    proot = gw.get_resources(restApiId=plain)["items"][0]["id"]
    gw.put_method(restApiId=plain, resourceId=proot, httpMethod="GET", authorizationType="AWS_IAM")
    gw.put_integration(restApiId=plain, resourceId=proot, httpMethod="GET", type="MOCK")
    dep = gw.create_deployment(restApiId=plain)["id"]
    gw.create_stage(restApiId=plain, stageName="live", deploymentId=dep, cacheClusterEnabled=True,
                    cacheClusterSize="0.5")
    gw.update_stage(restApiId=plain, stageName="live", patchOperations=[
        {"op": "replace", "path": "/*/*/caching/enabled", "value": "true"},
        {"op": "replace", "path": "/*/*/caching/dataEncrypted", "value": "false"},  # moto's default is true
        {"op": "replace", "path": "/*/*/logging/loglevel", "value": "OFF"}])
    good = gw.create_rest_api(name="good")["id"]
    groot = gw.get_resources(restApiId=good)["items"][0]["id"]
    gw.put_method(restApiId=good, resourceId=groot, httpMethod="GET", authorizationType="AWS_IAM")
    gw.put_integration(restApiId=good, resourceId=groot, httpMethod="GET", type="MOCK")
    dep = gw.create_deployment(restApiId=good)["id"]
    gw.create_stage(restApiId=good, stageName="prod", deploymentId=dep, cacheClusterEnabled=True,
                    cacheClusterSize="0.5", tracingEnabled=True)
    gw.update_stage(restApiId=good, stageName="prod", patchOperations=[
        {"op": "replace", "path": "/accessLogSettings/destinationArn", "value": LOGS},
        {"op": "replace", "path": "/accessLogSettings/format", "value": "$context.requestId"},
        {"op": "replace", "path": "/*/*/caching/enabled", "value": "true"},
        {"op": "replace", "path": "/*/*/caching/dataEncrypted", "value": "true"},
        {"op": "replace", "path": "/*/*/logging/loglevel", "value": "ERROR"}])
    # private APIs: open to every VPC endpoint, and limited to one with the documented Deny pattern
    invoke = {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}
    only_mine = dict(invoke, Effect="Deny", Condition={"StringNotEquals": {"aws:SourceVpce": "vpce-0123"}})
    for name, stmts in (("private-open", [invoke]), ("private-mine", [invoke, only_mine])):
        ids[name] = gw.create_rest_api(name=name, endpointConfiguration={"types": ["PRIVATE"]}, policy=json.dumps(
            {"Version": "2012-10-17", "Statement": stmts}))["id"]
    gw.create_domain_name(domainName="old.example.com", securityPolicy="TLS_1_0", certificateArn=CERT)
    gw.create_domain_name(domainName="new.example.com", securityPolicy="TLS_1_2", certificateArn=CERT)
    h = v2.create_api(Name="http-bad", ProtocolType="HTTP")["ApiId"]
    v2.create_route(ApiId=h, RouteKey="GET /open", AuthorizationType="NONE")
    v2.create_stage(ApiId=h, StageName="$default")
    hg = v2.create_api(Name="http-good", ProtocolType="HTTP")["ApiId"]
    v2.create_route(ApiId=hg, RouteKey="GET /closed", AuthorizationType="AWS_IAM")
    v2.create_stage(ApiId=hg, StageName="prod", AccessLogSettings={"DestinationArn": LOGS,
                                                                   "Format": "$context.requestId"})
    ws = v2.create_api(Name="ws-bad", ProtocolType="WEBSOCKET", RouteSelectionExpression=WS_ROUTE)["ApiId"]
    v2.create_route(ApiId=ws, RouteKey="$connect", AuthorizationType="NONE")
    v2.create_route(ApiId=ws, RouteKey="sendmessage", AuthorizationType="NONE")
    v2.create_stage(ApiId=ws, StageName="live", DefaultRouteSettings={"LoggingLevel": "OFF"})
    wsg = v2.create_api(Name="ws-good", ProtocolType="WEBSOCKET", RouteSelectionExpression=WS_ROUTE)["ApiId"]
    v2.create_route(ApiId=wsg, RouteKey="$connect", AuthorizationType="AWS_IAM")
    v2.create_route(ApiId=wsg, RouteKey="sendmessage", AuthorizationType="NONE")  # not judged: auth is on $connect
    v2.create_stage(ApiId=wsg, StageName="live", DefaultRouteSettings={"LoggingLevel": "ERROR"},
                    AccessLogSettings={"DestinationArn": LOGS, "Format": "$context.requestId"})
    v2.create_domain_name(DomainName="v2old.example.com", DomainNameConfigurations=[
        {"CertificateArn": CERT, "EndpointType": "REGIONAL", "SecurityPolicy": "TLS_1_0"}])
    v2.create_domain_name(DomainName="v2new.example.com", DomainNameConfigurations=[
        {"CertificateArn": CERT, "EndpointType": "REGIONAL", "SecurityPolicy": "TLS_1_2"}])
    ids.update(bad=bad, plain=plain, good=good, h=h, hg=hg, ws=ws, wsg=wsg, pets=pets)
    return ids


def findings(t, m, name="scan"):
    args = ["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--include-non-failures", "--format", "json",
            "--service", "apigateway", "--cache-dir", os.path.join(t.tmp, "cache-" + name)]
    r = run_osprey(args, env=m.env())
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-2000:])
    out = {}
    for f in json.loads(r.stdout)["Findings"]:
        out.setdefault((f["ID"], f["Resource"]), set()).add(f["Status"])
    return {k: "FAIL" if "FAIL" in v else v.pop() for k, v in out.items()}


def test_state_in_trivys_shape(t):
    m = t.moto()
    ids = seed(m)
    r = inspect(m, ["apigateway"], extra=["--debug"])
    s = r.svc("apigateway")
    rest = "arn:aws:apigateway:us-east-1::/restapis/%s"
    good = by(s["v1"]["apis"], "name", "good")
    assert good["__defsec_metadata"]["resource"] == rest % ids["good"], good["__defsec_metadata"]
    stage = unwrap(good)["stages"][0]
    assert stage["name"] == "prod" and stage["xraytracingenabled"] is True and stage["cacheclusterenabled"] is True
    assert stage["accesslogging"] == {"cloudwatchloggrouparn": LOGS, "format": "$context.requestId"}, stage
    assert stage["restmethodsettings"] == [{"method": "*/*", "cacheenabled": True, "cachedataencrypted": True,
                                            "logginglevel": "ERROR"}], stage
    assert good["stages"][0]["__defsec_metadata"]["resource"] == rest % ids["good"] + "/stages/prod"
    bad = unwrap(by(s["v1"]["apis"], "name", "bad"))
    # a stage without method settings gets AWS's defaults, marked: Trivy judges no caching there
    assert bad["stages"][0]["restmethodsettings"] == [{"method": "*/*", "cacheenabled": False,
                                                       "cachedataencrypted": False, "logginglevel": "OFF",
                                                       "defaulted": True}], bad["stages"]
    pets = [x for x in bad["resources"] if x.get("path") == "/pets"][0]
    assert [(x["httpmethod"], x["authorizationtype"], x["apikeyrequired"]) for x in pets["methods"]] == [
        ("GET", "NONE", False), ("OPTIONS", "NONE", False), ("POST", "AWS_IAM", False), ("PUT", "NONE", True)], pets
    doms = {unwrap(d)["name"]: unwrap(d)["securitypolicy"] for d in s["v1"]["domainnames"]}
    assert doms == {"old.example.com": "TLS_1_0", "new.example.com": "TLS_1_2"}, doms
    ws = unwrap(by(s["v2"]["apis"], "name", "ws-bad"))
    assert ws["protocoltype"] == "WEBSOCKET" and ws["stages"][0]["defaultroutesettings"] == {"logginglevel": "OFF"}
    assert sorted((x["routekey"], x["authorizationtype"]) for x in ws["routes"]) == [
        ("$connect", "NONE"), ("sendmessage", "NONE")], ws
    hg = unwrap(by(s["v2"]["apis"], "name", "http-good"))
    assert hg["stages"][0]["accesslogging"]["cloudwatchloggrouparn"] == LOGS, hg
    doms = {unwrap(d)["name"]: unwrap(d)["securitypolicy"] for d in s["v2"]["domainnames"]}
    assert doms == {"v2old.example.com": "TLS_1_0", "v2new.example.com": "TLS_1_2"}, doms
    priv = unwrap(by(s["v1"]["apis"], "name", "private-open"))
    assert priv["endpointtypes"] == ["PRIVATE"] and json.loads(priv["policy"])["Statement"][0]["Principal"] == "*"
    assert "policy" not in bad, bad
    # calls: GetRestApis, GetDomainNames, GetApis, GetDomainNames + 2 per API (5 REST, 4 v2)
    n = {k: int(v) for k, v in re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr)}
    assert n["apigateway"] == 4 + 2 * 9, n


def test_every_check_fails_the_misconfigured_and_passes_the_twin(t):
    m = t.moto()
    ids = seed(m)
    f = findings(t, m)
    rest = "arn:aws:apigateway:us-east-1::/restapis/%s"
    v2 = "arn:aws:apigateway:us-east-1::/apis/%s"
    dom = "arn:aws:apigateway:us-east-1::/domainnames/%s"
    want = {
        ("AVD-AWS-0001", rest % ids["bad"] + "/stages/dev"): "FAIL",
        ("AVD-AWS-0001", v2 % ids["h"] + "/stages/$default"): "FAIL",
        ("AVD-AWS-0001", rest % ids["good"]): "PASS",
        ("AVD-AWS-0001", v2 % ids["hg"]): "PASS",
        ("AVD-AWS-0002", rest % ids["plain"] + "/stages/live"): "FAIL",
        ("AVD-AWS-0002", rest % ids["good"]): "PASS",
        ("AVD-AWS-0003", rest % ids["bad"] + "/stages/dev"): "FAIL",
        ("AVD-AWS-0003", rest % ids["good"]): "PASS",
        # Trivy exempts "OPTION": the CORS preflight OPTIONS method of /pets is not a finding here
        ("AVD-AWS-0004", rest % ids["bad"] + "/resources/%s/methods/GET" % ids["pets"]): "FAIL",
        ("AVD-AWS-0004", rest % ids["good"]): "PASS",
        ("AVD-AWS-0005", dom % "old.example.com"): "FAIL",
        ("AVD-AWS-0005", dom % "v2old.example.com"): "FAIL",
        ("AVD-AWS-0005", dom % "new.example.com"): "PASS",
        ("AVD-AWS-0005", dom % "v2new.example.com"): "PASS",
        # a stage with no method settings caches nothing: Trivy never sees it
        ("AVD-AWS-0190", rest % ids["bad"] + "/stages/dev"): "FAIL",
        ("AVD-AWS-0190", rest % ids["good"]): "PASS",
        ("OSP-AWS-0070", rest % ids["good"] + "/stages/prod"): "FAIL",
        ("OSP-AWS-0071", rest % ids["plain"] + "/stages/live"): "FAIL",
        ("OSP-AWS-0071", v2 % ids["ws"] + "/stages/live"): "FAIL",
        ("OSP-AWS-0071", rest % ids["good"]): "PASS",
        ("OSP-AWS-0071", v2 % ids["wsg"]): "PASS",
        ("OSP-AWS-0072", rest % ids["good"] + "/stages/prod"): "FAIL",
        ("OSP-AWS-0073", v2 % ids["ws"]): None,  # its $connect route fails, so the API does not pass
        ("OSP-AWS-0073", v2 % ids["wsg"]): "PASS",
        ("OSP-AWS-0073", v2 % ids["hg"]): "PASS",
        ("OSP-AWS-0074", rest % ids["private-open"]): "FAIL",
        ("OSP-AWS-0074", rest % ids["private-mine"]): "PASS",
        ("OSP-AWS-0074", rest % ids["good"]): "PASS",  # not private: not judged
    }
    assert {k: f.get(k) for k in want} == want, {k: f.get(k) for k in want}
    assert not [k for k in f if k[0] == "AVD-AWS-0004" and k[1].endswith("/methods/OPTIONS")], f
    failed_routes = sorted(k[1] for k, v in f.items() if k[0] == "OSP-AWS-0073" and v == "FAIL")
    assert len(failed_routes) == 2 and all("/routes/" in r for r in failed_routes), failed_routes
    # a resource whose part failed does not pass
    assert f.get(("AVD-AWS-0001", rest % ids["bad"])) is None, f


def test_help_readme_and_policy(t):
    r = run_osprey(["aws", "--help"])
    assert r.returncode == 0, r.stderr
    listed = r.stdout.split("Services (--service / --skip-service):", 1)[1]
    assert "\n  apigateway " in listed, listed
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        readme = f.read()
    services = readme.split("### Services", 1)[1].split("\n#", 1)[0]
    assert "| `apigateway` |" in services
    policy = json.loads(readme.split("<!-- permissions:begin -->", 1)[1].split("```json", 1)[1].split("```", 1)[0])
    gw = [st for st in policy["Statement"] if "apigateway:GET" in st["Action"]]
    assert len(gw) == 1 and gw[0]["Resource"] != "*", policy  # never /apikeys (API key values)
    assert not [r for r in gw[0]["Resource"] if "apikeys" in r or r.endswith("::/*")], gw
    assert {"arn:aws:apigateway:*::/restapis/*", "arn:aws:apigateway:*::/apis/*"} <= set(gw[0]["Resource"]), gw
    assert not [a for st in policy["Statement"] for a in st["Action"]
                if a.startswith("apigateway:") and a != "apigateway:GET"], policy


class Proxy:
    """An HTTP proxy in front of moto whose GET answers `edit(path, query, status, body)` may
    rewrite: returns (status, headers, body) or None to pass moto's answer through."""

    def __init__(self, m, edit):
        accepts = self.accepts = set()  # Accept headers of the GETs
        import http.server
        import threading
        import urllib.error
        import urllib.request

        class H(http.server.BaseHTTPRequestHandler):
            def relay(self, method):
                n = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(n) if n else None
                req = urllib.request.Request(m.endpoint + self.path, data=data, headers=dict(self.headers),
                                             method=method)
                try:
                    with urllib.request.urlopen(req) as up:
                        status, headers, body = up.status, dict(up.headers), up.read()
                except urllib.error.HTTPError as e:
                    status, headers, body = e.code, dict(e.headers), e.read()
                path, _, query = self.path.partition("?")
                if method == "GET":
                    accepts.add(self.headers.get("Accept"))
                out = edit(path, query, status, body) if method == "GET" else None
                if out:
                    status, headers, body = out
                self.send_response(status)
                for k, v in headers.items():
                    if k.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                self.relay("GET")

            def do_POST(self):  # noqa: N802 (STS GetCallerIdentity)
                self.relay("POST")

            def log_message(self, *a):
                pass

        self.srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=self.srv.serve_forever, daemon=True).start()
        self.endpoint = "http://127.0.0.1:%d" % self.srv.server_address[1]

    def scan(self, t, m, name, extra=()):
        r = run_osprey(["aws", "--endpoint", self.endpoint, "--region", "us-east-1", "--format", "json",
                        "--include-non-failures", "--service", "apigateway", "--cache-dir", os.path.join(t.tmp, name),
                        "--debug"] + list(extra), env=m.env(AWS_ENDPOINT_URL=self.endpoint))
        assert r.stdout.strip(), (r.returncode, r.stderr[-2000:])
        return json.loads(r.stdout), r.stderr

    def close(self):
        self.srv.shutdown()


def test_denied_reads_fail_the_service_never_pass(t):
    """A denied GetStages / GetResources would leave an API without stages or methods, which every
    check would pass: the collector fails the service instead. moto's IAM enforcement cannot be
    used here (it answers API Gateway's REST-JSON requests, boto3's too, with
    SignatureDoesNotMatch once auth is on), so the denial comes from a proxy in front of moto."""
    m = t.moto()
    seed(m)

    def deny(path, query, status, body):
        if path.endswith("/stages"):
            return 403, {"x-amzn-ErrorType": "AccessDeniedException", "Content-Type": "application/json"}, json.dumps(
                {"message": "User is not authorized to perform: apigateway:GET"}).encode()
        return None

    p = Proxy(m, deny)
    try:
        rep, _ = p.scan(t, m, "denied")
        svc = {x["Service"]: x for x in rep["Services"]}
        assert svc["apigateway"]["Status"] == "failed", svc
        assert "AccessDenied" in svc["apigateway"].get("ErrorCode", ""), svc
        # every check says "not evaluated", none passes or fails on the half-read state
        assert {x["Status"] for x in rep["Findings"]} == {"ERROR"}, rep["Findings"]
    finally:
        p.close()


def test_second_pages_of_resources_and_routes_are_read(t):
    """moto ignores limit/maxResults: a proxy splits GetResources and GetRoutes answers in two
    pages (position / nextToken), and the methods and routes of the second page are judged."""
    m = t.moto()
    ids = seed(m)

    def split(path, query, status, body):
        key = "item" if path.endswith("/resources") else "items" if path.endswith("/routes") else None
        if status != 200 or not key:
            return None
        doc = json.loads(body)
        items = doc.get(key) or []
        tok = "position" if key == "item" else "nextToken"
        if tok + "=second" in query:
            doc = {key: items[1:]}
        elif len(items) > 1:
            doc = {key: items[:1], tok: "second"}
        return 200, {"Content-Type": "application/json"}, json.dumps(doc).encode()

    p = Proxy(m, split)
    try:
        rep, err = p.scan(t, m, "pages")
        assert {x["Service"]: x["Status"] for x in rep["Services"]} == {"apigateway": "ok"}, rep["Services"]
        # AWS's v1 API answers in HAL (lists under _embedded) unless asked for JSON
        assert p.accepts == {"application/json"}, p.accepts
        fails = {(f["ID"], f["Resource"]) for f in rep["Findings"] if f["Status"] == "FAIL"}
        rest = "arn:aws:apigateway:us-east-1::/restapis/%s" % ids["bad"]
        # /pets is the second resource of "bad": only on the second page
        assert ("AVD-AWS-0004", rest + "/resources/%s/methods/GET" % ids["pets"]) in fails, fails
        ws = [r for (c, r) in fails if c == "OSP-AWS-0073" and "/apis/%s/" % ids["ws"] in r]
        assert len(ws) == 1, fails  # $connect, wherever its page
        n = {k: int(v) for k, v in re.findall(r"collect: (\w+) us-east-1: (\d+) calls", err)}
        # 4 lists + 2 per API (9) + a second page for each API with 2 or more resources or routes
        # ("bad": 2 resources; ws-bad and ws-good: 2 routes)
        assert n["apigateway"] == 4 + 2 * 9 + 3, n
    finally:
        p.close()


def test_region_without_api_gateway_is_not_available(t):
    m = t.moto()
    m.client("kms").create_key(Description="k")
    env = m.env()
    env.pop("AWS_ENDPOINT_URL", None)  # apigateway keeps AWS's own host name, which does not resolve here
    env.update(AWS_ENDPOINT_URL_STS=m.endpoint, AWS_ENDPOINT_URL_KMS=m.endpoint)
    r = run_osprey(["aws", "--region", "us-east-1", "--cache-dir", os.path.join(t.tmp, "na"), "--format", "json",
                    "--service", "kms", "--service", "apigateway"], env=env)
    assert r.stdout.strip(), (r.returncode, r.stderr[-2000:])
    svcs = {s["Service"]: s for s in json.loads(r.stdout)["Services"]}
    assert svcs["kms"]["Status"] == "ok" and svcs["apigateway"]["Status"] == "skipped", svcs
    assert r.returncode in (0, 1), r.stderr[-1500:]


if __name__ == "__main__":
    main(globals())
