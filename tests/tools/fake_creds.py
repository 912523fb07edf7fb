"""fake_creds: loopback HTTP servers that stand in for credential endpoints in osprey's tests.

    with GitHubOIDC(request_token="rt", jwt="a.b.c") as gh:      # ACTIONS_ID_TOKEN_REQUEST_URL
        env["ACTIONS_ID_TOKEN_REQUEST_URL"] = gh.url
    with ECSEndpoint(auth_token="tok", creds=CREDS) as ecs: ...    # AWS_CONTAINER_CREDENTIALS_FULL_URI
    with IMDS(role="r", creds=CREDS) as imds: ...                 # AWS_EC2_METADATA_SERVICE_ENDPOINT

Each listens on 127.0.0.1 on a free port (a daemon thread), checks what the real service checks
(bearer token and audience; Authorization; the IMDSv2 session token) and records every request in
.requests as (method, path, headers) so tests can assert on them. Nothing leaves 127.0.0.1.
"""
import datetime
import http.server
import json
import threading
import urllib.parse


def temp_creds(prefix="ASIAFAKE", minutes=60):
    exp = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes)
    return {"AccessKeyId": prefix + "0000000001", "SecretAccessKey": "fakeSecret/" + prefix,
            "Token": "fakeSessionToken" + prefix, "Expiration": exp.strftime("%Y-%m-%dT%H:%M:%SZ")}


class _Server:
    def __init__(self):
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _do(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                owner.requests.append((self.command, self.path, dict(self.headers.items())))
                status, ctype, out = owner.handle(self.command, self.path, self.headers, body)
                data = out.encode() if isinstance(out, str) else out
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = _do

        self.requests = []
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.base = "http://127.0.0.1:%d" % self.port
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def handle(self, method, path, headers, body):
        raise NotImplementedError


class GitHubOIDC(_Server):
    """The Actions ID token endpoint: GET <url>&audience=... with 'Authorization: bearer <request token>'."""

    def __init__(self, request_token, jwt, audience="sts.amazonaws.com"):
        super().__init__()
        self.request_token, self.jwt, self.audience = request_token, jwt, audience
        self.url = self.base + "/_apis/pipelines/1/idtoken?api-version=2.0"

    def handle(self, method, path, headers, body):
        q = urllib.parse.parse_qs(urllib.parse.urlparse(path).query)
        if headers.get("Authorization") != "bearer " + self.request_token:
            return 401, "application/json", '{"message": "bad bearer token"}'
        if q.get("audience") != [self.audience] or q.get("api-version") != ["2.0"]:
            return 400, "application/json", '{"message": "wrong audience"}'
        return 200, "application/json", json.dumps({"count": 1, "value": self.jwt})


class ECSEndpoint(_Server):
    """The ECS / EKS container credentials endpoint (FULL_URI form), checking Authorization."""

    def __init__(self, auth_token, creds, path="/v2/credentials/task"):
        super().__init__()
        self.auth_token, self.creds = auth_token, creds
        self.url = self.base + path

    def handle(self, method, path, headers, body):
        if headers.get("Authorization") != self.auth_token:
            return 401, "application/json", '{"message": "unauthorized"}'
        return 200, "application/json", json.dumps(self.creds)


class IMDS(_Server):
    """IMDSv2: PUT /latest/api/token (TTL header required), then GETs with X-aws-ec2-metadata-token."""

    SESSION = "imds-session-token-0123"

    def __init__(self, role, creds):
        super().__init__()
        self.role, self.creds = role, creds
        self.url = self.base

    def handle(self, method, path, headers, body):
        if path == "/latest/api/token":
            if method != "PUT" or not headers.get("X-aws-ec2-metadata-token-ttl-seconds"):
                return 400, "text/plain", "token requests need PUT and a TTL"
            return 200, "text/plain", self.SESSION
        if headers.get("X-aws-ec2-metadata-token") != self.SESSION:
            return 401, "text/plain", "IMDSv1 is disabled"
        prefix = "/latest/meta-data/iam/security-credentials/"
        if path == prefix:
            return 200, "text/plain", self.role
        if path == prefix + self.role:
            body = dict(self.creds, Code="Success", Type="AWS-HMAC", LastUpdated="2024-01-01T00:00:00Z")
            return 200, "text/plain", json.dumps(body)
        return 404, "text/plain", "not found"


class SSOPortal(_Server):
    """IAM Identity Center's portal: GET /federation/credentials?account_id=..&role_name=.. with the
    x-amz-sso_bearer_token header (point AWS_ENDPOINT_URL_SSO here)."""

    def __init__(self, access_token, account_id, role_name, creds):
        super().__init__()
        self.access_token, self.account_id, self.role_name, self.creds = access_token, account_id, role_name, creds
        self.url = self.base

    def handle(self, method, path, headers, body):
        u = urllib.parse.urlparse(path)
        q = urllib.parse.parse_qs(u.query)
        if u.path != "/federation/credentials" or method != "GET":
            return 404, "application/json", '{"message": "not found"}'
        if headers.get("x-amz-sso_bearer_token") != self.access_token:
            return 401, "application/json", '{"message": "Session token not found or invalid"}'
        if q.get("account_id") != [self.account_id] or q.get("role_name") != [self.role_name]:
            return 403, "application/json", '{"message": "No access"}'
        exp = datetime.datetime.strptime(self.creds["Expiration"], "%Y-%m-%dT%H:%M:%SZ")
        exp_ms = int(exp.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000)
        return 200, "application/json", json.dumps({"roleCredentials": {
            "accessKeyId": self.creds["AccessKeyId"], "secretAccessKey": self.creds["SecretAccessKey"],
            "sessionToken": self.creds["Token"], "expiration": exp_ms}})
