"""`osprey aws` with the cache, on moto behind a request-counting proxy: a second scan within
--max-cache-age makes no AWS request, --update-cache refreshes only the requested services, a short
--max-cache-age collects again, and an artifact replayed --offline gives byte-identical reports."""
import http.client
import http.server
import json
import os
import re
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import artfmt  # noqa: E402
from osptest import main, run_osprey  # noqa: E402

REGION = "us-east-1"
SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request")
HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade", "te", "trailer"}


class CountingProxy:
    """A loopback HTTP proxy in front of moto that records (service, region, method, path) per request."""

    def __init__(self, upstream_port):
        self.requests = []
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def forward(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                m = SCOPE.search(self.headers.get("Authorization", ""))
                with proxy.lock:
                    proxy.requests.append((m.group(2) if m else "?", m.group(1) if m else "?", self.command,
                                           self.path))
                conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
                hdrs = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
                conn.request(self.command, self.path, body=body, headers=hdrs)
                resp = conn.getresponse()
                data = resp.read()
                self.send_response(resp.status, resp.reason)
                for k, v in resp.getheaders():
                    if k.lower() not in HOP and k.lower() != "content-length":
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
                conn.close()
                self.close_connection = True

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = forward

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.endpoint = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def take(self):
        with self.lock:
            r, self.requests = self.requests, []
        return r

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def seed(m):
    s3 = m.client("s3")
    s3.create_bucket(Bucket="cache-test-bucket")
    m.client("iam").create_user(UserName="alice")
    m.client("kms").create_key(Description="k")


def scan(t, m, proxy, *extra, ok=True):
    args = ["aws", "--endpoint", proxy.endpoint, "--region", REGION, "--account", m.account_id, "--quiet"]
    r = run_osprey(args + list(extra), env=m.env())
    if ok:
        assert r.returncode in (0, 1), "osprey %s -> %d\n%s" % (" ".join(extra), r.returncode, r.stderr)
    return r


def test_second_scan_within_max_age_makes_no_requests(t):
    m = t.moto()
    seed(m)
    proxy = CountingProxy(m.port)
    try:
        cdir = os.path.join(t.tmp, "cache")
        svc = ["--service", "s3", "--service", "iam", "--service", "kms", "--cache-dir", cdir]
        scan(t, m, proxy, *svc, "--format", "json", "-o", os.path.join(t.tmp, "r1.json"))
        first = proxy.take()
        seen = {s for s, _, _, _ in first}
        assert len(first) > 3 and {"s3", "iam", "kms"} <= seen, first
        print("first scan: %d requests (%s)" % (len(first), sorted(seen)))

        scan(t, m, proxy, *svc, "--format", "json", "-o", os.path.join(t.tmp, "r2.json"))
        assert proxy.take() == [], "a scan within --max-cache-age called AWS"

        scan(t, m, proxy, "--service", "s3", "--cache-dir", cdir, "--update-cache")
        only = proxy.take()
        assert only and {s for s, _, _, _ in only} == {"s3"}, "--update-cache --service s3 collected %s" % only
        scan(t, m, proxy, *svc)  # iam and kms stayed cached, s3 was just refreshed
        assert proxy.take() == []

        time.sleep(2)
        scan(t, m, proxy, *svc, "--max-cache-age", "1s")
        again = proxy.take()
        assert {"s3", "iam", "kms"} <= {s for s, _, _, _ in again}, again
        scan(t, m, proxy, *svc, "--max-cache-age", "1h")
        assert proxy.take() == []
    finally:
        proxy.stop()


def test_deleted_resources_replace_the_cached_state(t):
    m = t.moto()
    seed(m)
    proxy = CountingProxy(m.port)
    try:
        cdir = os.path.join(t.tmp, "cache")
        scan(t, m, proxy, "--service", "s3", "--cache-dir", cdir)
        m.client("s3").delete_bucket(Bucket="cache-test-bucket")
        scan(t, m, proxy, "--service", "s3", "--cache-dir", cdir, "--update-cache")
        out = os.path.join(t.tmp, "x.osc")
        r = run_osprey(["cache", "export", out, "--cache-dir", cdir], env=m.env())
        assert r.returncode == 0, r.stderr
        with open(out, "rb") as f:
            ents = artfmt.decode(f.read())[1]
        s3 = [e for e in ents if e["service"] == "s3"]
        assert len(s3) == 1 and s3[0]["region"] == "global"
        assert json.loads(s3[0]["state"])["buckets"] == [], s3[0]["state"][:200]
    finally:
        proxy.stop()


def test_offline_artifact_replay_is_byte_identical(t):
    m = t.moto()
    seed(m)
    proxy = CountingProxy(m.port)
    art = os.path.join(t.tmp, "a.osc")
    formats = ["json", "sarif", "junit"]
    try:
        outs1 = []
        for fmt in formats:
            outs1 += ["--format", "%s=%s" % (fmt, os.path.join(t.tmp, "r1.%s" % fmt))]
        r = scan(t, m, proxy, "--service", "s3", "--service", "iam", "--cache-dir", os.path.join(t.tmp, "c1"),
                 "--cache-artifact", art, *outs1)
        assert os.path.exists(art), r.stderr
        made = {}
        for svc, _, _, _ in proxy.take():
            made[svc] = made.get(svc, 0) + 1
    finally:
        proxy.stop()
        m.stop()
    with open(art, "rb") as f:
        before = f.read()
    hdr, ents = artfmt.decode(before)
    assert hdr["accounts"] == [m.account_id] and {e["service"] for e in ents} == {"s3", "iam"}
    outs2 = []
    for fmt in formats:
        outs2 += ["--format", "%s=%s" % (fmt, os.path.join(t.tmp, "r2.%s" % fmt))]
    r = run_osprey(["aws", "--endpoint", proxy.endpoint, "--region", REGION, "--service", "s3", "--service", "iam",
                    "--quiet", "--offline", "--cache-artifact", art, "--cache-dir", os.path.join(t.tmp, "c2")] + outs2,
                   env=m.env())
    assert r.returncode in (0, 1), r.stderr
    for fmt in formats:
        with open(os.path.join(t.tmp, "r1.%s" % fmt), "rb") as f1, open(os.path.join(t.tmp, "r2.%s" % fmt), "rb") as f2:
            assert f1.read() == f2.read(), "%s report differs after the offline replay" % fmt
    # the service rows carry the calls the collecting run made (stored with the state, so the
    # replay reports the same numbers), and --debug names them for cached state
    with open(os.path.join(t.tmp, "r2.json")) as f:
        rows = {row["Service"]: row for row in json.load(f)["Services"]}
    assert {"s3", "iam"} <= set(rows), rows
    for svc in ("s3", "iam"):
        assert rows[svc].get("Calls") == made.get(svc), (svc, rows[svc], made)
    r = run_osprey(["aws", "--region", REGION, "--service", "s3", "--debug", "--offline", "--cache-artifact", art,
                    "--cache-dir", os.path.join(t.tmp, "c5"), "--format", "json", "-o", os.path.join(t.tmp, "r5.json")],
                   env=m.env())
    assert r.returncode in (0, 1), r.stderr
    assert re.search(r"s3 global from cache \(.*collected with %d calls, 0 throttled\)" % made["s3"], r.stderr), \
        r.stderr[-2000:]
    # an offline scan asking for a service the artifact lacks fails, naming it
    r = run_osprey(["aws", "--region", REGION, "--service", "kms", "--quiet", "--offline", "--cache-artifact", art,
                    "--cache-dir", os.path.join(t.tmp, "c3")], env=m.env())
    assert r.returncode == 3 and "kms" in r.stderr, (r.returncode, r.stderr)
    # and a damaged artifact stops the scan with exit 3, the file untouched
    bad = bytearray(before)
    bad[len(bad) // 2] ^= 0x10
    with open(art, "wb") as f:
        f.write(bad)
    r = run_osprey(["aws", "--region", REGION, "--service", "s3", "--quiet", "--offline", "--cache-artifact", art,
                    "--cache-dir", os.path.join(t.tmp, "c4")], env=m.env())
    assert r.returncode == 3 and "checksum mismatch" in r.stderr, (r.returncode, r.stderr)
    with open(art, "rb") as f:
        assert f.read() == bytes(bad)


if __name__ == "__main__":
    main(globals())
