"""faultproxy: a loopback HTTP proxy that throttles a share of AWS requests before they reach moto.

It sits in front of an upstream (normally a test's own moto_server) on 127.0.0.1 and a free port.
Each request is either forwarded unchanged (Host header included, so SigV4 signatures still
verify upstream) or answered with the throttling error of the request's protocol:

    query (IAM, STS, SNS, ...)   400  <ErrorResponse><Error><Code>Throttling</Code>...
    ec2 (Version=2016-11-15)     503  <Response><Errors><Error><Code>RequestLimitExceeded</Code>...
    json (X-Amz-Target)          400  {"__type": "ThrottlingException", ...}
    rest-json (x-amz-json path)  429  x-amzn-ErrorType: TooManyRequestsException
    rest-xml (S3 and others)     503  <Error><Code>SlowDown</Code>...

The choice is random at `rate` (default 0.3) from one seeded stream per protocol (so the
decisions for, say, JSON calls do not depend on how many S3 calls ran in between), never more
than `max_consecutive` times in a row per protocol (default 2), and never more than that many
times in a row for the same request (method, path, target and body: a retry of a call), however
many other calls of the protocol are in flight between its attempts, so a client with 3 attempts
always gets through: the test is about recovering, not about losing. With throttle_first
(default on) the first request of each protocol is always throttled, so every protocol seen is
exercised even when it makes only a couple of calls. GET /__faultproxy/stats returns
{"forwarded": n, "throttled": n, "by_code": {...}}.

    from faultproxy import FaultProxy
    p = FaultProxy(moto.endpoint, rate=0.3, seed=7); p.start()
    ... point the client at p.endpoint ...
    p.stop()

With certfile/keyfile it serves HTTPS (rate=0 makes it a plain TLS terminator). latency_ms delays
every request by that long before it is answered (how far a real region is; the benchmark's L).
answer(method, path, headers, body) may answer a request itself: return (status, headers, body)
to send that instead of forwarding (an AccessDenied for one bucket's policy, a NoSuchBucket), or
None to go on as usual.

mode picks what a chosen request gets instead of the throttling error (same rate, seed,
max_consecutive and throttle_first; `only(method, path, headers, body)`, if given, limits the
faults to the requests it returns true for, the others are forwarded as usual):

    throttle   the protocol's throttling error (above; the default)
    5xx        a server error, in turn: 500 with the protocol's InternalError/InternalFailure body,
               502 with an HTML page (a load balancer's), 503 ServiceUnavailable, 504 with no body
    truncate   the upstream answer with its full Content-Length but only half the body, then the
               connection closes (the client sees a partial transfer)
    reset      the connection is reset (RST) without an answer
    hang       no answer for hang_s seconds (default 40: past osprey's 30 s request timeout), then
               the connection closes; stop() releases hung requests at once
    slow       the upstream answer's headers at once, its body after slow_s seconds (default 2)
    trickle    the upstream answer's body in chunks of trickle_bytes (default 64) every trickle_s
               seconds (default 0.05), capped at trickle_max_s (default 5) per answer, after which
               the rest is sent at once

Stats count faults as "faulted" with by_code keys "500", "502", "503", "504", "truncate", "reset",
"hang", "slow" and "trickle" (throttling keeps "throttled" and the AWS error code).

    p = FaultProxy(moto.endpoint, mode="reset", rate=0.2, seed=3).start()

Or standalone: python3 faultproxy.py --upstream http://127.0.0.1:5000 --rate 0.3 [--port N] [--latency-ms L]
               [--mode MODE]
Nothing here talks to anything but 127.0.0.1.
"""
import argparse
import hashlib
import http.client
import http.server
import json
import random
import socket
import struct
import ssl
import threading
import time
import urllib.parse
import uuid

_HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"}


def classify(method, path, headers, body):
    """The AWS protocol of a request, from what is on the wire."""
    if headers.get("X-Amz-Target"):
        return "json"
    ctype = headers.get("Content-Type", "")
    if "x-www-form-urlencoded" in ctype and body:
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        if form.get("Version", [""])[0] == "2016-11-15":
            return "ec2"
        if "Action" in form:
            return "query"
    if "json" in ctype:
        return "rest-json"
    auth = headers.get("Authorization", "")
    if "/s3/aws4_request" in auth or headers.get("x-amz-content-sha256"):
        return "rest-xml"
    return "rest-json" if path.startswith("/20") or path.startswith("/v") else "rest-xml"


def throttle_response(proto):
    """(status, headers, body) of the protocol's throttling error."""
    rid = str(uuid.uuid4())
    if proto == "json":
        body = json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded (faultproxy)"})
        return 400, {"Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": rid}, body, "ThrottlingException"
    if proto == "rest-json":
        body = json.dumps({"message": "Too many requests (faultproxy)"})
        return 429, {"Content-Type": "application/json", "x-amzn-RequestId": rid,
                     "x-amzn-ErrorType": "TooManyRequestsException"}, body, "TooManyRequestsException"
    if proto == "ec2":
        body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>RequestLimitExceeded</Code>"
                "<Message>Request limit exceeded (faultproxy).</Message></Error></Errors><RequestID>%s</RequestID>"
                "</Response>" % rid)
        return 503, {"Content-Type": "text/xml"}, body, "RequestLimitExceeded"
    if proto == "query":
        body = ("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded (faultproxy)"
                "</Message></Error><RequestId>%s</RequestId></ErrorResponse>" % rid)
        return 400, {"Content-Type": "text/xml", "x-amzn-RequestId": rid}, body, "Throttling"
    body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request "
            "rate (faultproxy).</Message><RequestId>%s</RequestId></Error>" % rid)
    return 503, {"Content-Type": "application/xml", "x-amz-request-id": rid}, body, "SlowDown"


MODES = ("throttle", "5xx", "truncate", "reset", "hang", "slow", "trickle")


def server_error(proto, turn):
    """(status, headers, body, code) of the turn-th 5xx answer: 500, 502, 503, 504 in rotation."""
    rid = str(uuid.uuid4())
    status = (500, 502, 503, 504)[turn % 4]
    if status == 502:
        return 502, {"Content-Type": "text/html"}, "<html><body><h1>502 Bad Gateway</h1></body></html>", "502"
    if status == 504:
        return 504, {}, "", "504"
    code = "InternalError" if status == 500 else "ServiceUnavailable"
    if proto == "json":
        name = "InternalFailure" if status == 500 else "ServiceUnavailableException"
        return status, {"Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": rid}, json.dumps(
            {"__type": name, "message": "server error (faultproxy)"}), str(status)
    if proto == "rest-json":
        name = "InternalFailure" if status == 500 else "ServiceUnavailableException"
        return status, {"Content-Type": "application/json", "x-amzn-ErrorType": name, "x-amzn-RequestId": rid}, json.dumps(
            {"message": "server error (faultproxy)"}), str(status)
    if proto == "ec2":
        return status, {"Content-Type": "text/xml"}, (
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>%s</Code><Message>server error "
            "(faultproxy)</Message></Error></Errors><RequestID>%s</RequestID></Response>" % (code, rid)), str(status)
    if proto == "query":
        return status, {"Content-Type": "text/xml", "x-amzn-RequestId": rid}, (
            "<ErrorResponse><Error><Type>Receiver</Type><Code>%s</Code><Message>server error (faultproxy)</Message>"
            "</Error><RequestId>%s</RequestId></ErrorResponse>" % (code, rid)), str(status)
    return status, {"Content-Type": "application/xml", "x-amz-request-id": rid}, (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>%s</Code><Message>server error (faultproxy)"
        "</Message><RequestId>%s</RequestId></Error>" % (code, rid)), str(status)


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 256  # the default 5 drops connections when a client opens 64 at once


class FaultProxy:
    def __init__(self, upstream, rate=0.3, seed=1, max_consecutive=2, port=0, throttle_first=True,
                 certfile=None, keyfile=None, latency_ms=0, answer=None, mode="throttle", only=None, hang_s=40.0,
                 slow_s=2.0, trickle_bytes=64, trickle_s=0.05, trickle_max_s=5.0):
        if mode not in MODES:
            raise ValueError("faultproxy mode %r: one of %s" % (mode, ", ".join(MODES)))
        self.mode, self.only = mode, only
        self.hang_s, self.slow_s = hang_s, slow_s
        self.trickle_bytes, self.trickle_s, self.trickle_max_s = trickle_bytes, trickle_s, trickle_max_s
        self._released = threading.Event()  # set by stop(): hung requests end
        self._turn = 0
        u = urllib.parse.urlsplit(upstream)
        if u.hostname not in ("127.0.0.1", "localhost"):
            raise ValueError("faultproxy only forwards to loopback, not %r" % upstream)
        self.up_host, self.up_port = u.hostname, u.port or 80
        self.rate, self.max_consecutive = rate, max_consecutive
        self.latency = latency_ms / 1000.0
        self.answer = answer
        self.seed, self.throttle_first = seed, throttle_first
        self._rngs, self._streaks, self._req_streaks = {}, {}, {}
        self._lock = threading.Lock()
        self.stats = {"forwarded": 0, "throttled": 0, "answered": 0, "faulted": 0, "by_code": {}, "by_protocol": {}}
        self._server = _Server(("127.0.0.1", port), self._handler_class())
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        scheme = "http"
        if certfile:  # terminate TLS here (tests of certificate verification and AWS_CA_BUNDLE)
            tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            tls.load_cert_chain(certfile, keyfile)
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
            scheme = "https"
        self.endpoint = "%s://127.0.0.1:%d" % (scheme, self.port)
        self._thread = None

    def _decide(self, proto, key=None):
        with self._lock:
            seen = self.stats["by_protocol"].get(proto, 0)
            self.stats["by_protocol"][proto] = seen + 1
            rng = self._rngs.setdefault(proto, random.Random("%s-%s" % (self.seed, proto)))
            streak = self._streaks.get(proto, 0)
            draw = rng.random() < self.rate or (self.throttle_first and seen == 0)
            again = self._req_streaks.get(key, 0)  # this request's earlier attempts faulted in a row
            throttle = streak < self.max_consecutive and again < self.max_consecutive and draw
            self._streaks[proto] = streak + 1 if throttle else 0
            if key is not None:
                self._req_streaks[key] = again + 1 if throttle else 0
            return throttle

    def _count(self, key, code=None):
        with self._lock:
            self.stats[key] += 1
            if code:
                self.stats["by_code"][code] = self.stats["by_code"].get(code, 0) + 1

    def _handler_class(self):
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _reply(self, status, headers, body, send=None, delay=0.0, chunk=0):
                """Answer with body; send: bytes of it to send before closing (a truncated answer);
                delay: seconds between the headers and the body; chunk: trickle the body."""
                data = body.encode() if isinstance(body, str) else body
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command == "HEAD":
                    return
                try:
                    if send is not None:
                        self.wfile.write(data[:send])
                        self.wfile.flush()
                        return self._drop(rst=False)
                    if delay:
                        self.wfile.flush()
                        proxy._released.wait(delay)
                    if chunk:
                        end = time.monotonic() + proxy.trickle_max_s
                        i = 0
                        while i < len(data) and time.monotonic() < end and not proxy._released.is_set():
                            self.wfile.write(data[i:i + chunk])
                            self.wfile.flush()
                            i += chunk
                            time.sleep(proxy.trickle_s)
                        data = data[i:]
                    self.wfile.write(data)
                except OSError:
                    self.close_connection = True

            def _handle(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                if self.path == "/__faultproxy/stats":
                    with proxy._lock:
                        return self._reply(200, {"Content-Type": "application/json"}, json.dumps(proxy.stats))
                if proxy.latency:
                    time.sleep(proxy.latency)
                own = proxy.answer(self.command, self.path, self.headers, body) if proxy.answer else None
                if own:
                    proxy._count("answered")
                    return self._reply(*own)
                proto = classify(self.command, self.path, self.headers, body)
                chosen = (proxy.only is None or proxy.only(self.command, self.path, self.headers, body)) and \
                    proxy._decide(proto, (self.command, self.path, self.headers.get("X-Amz-Target"),
                                          hashlib.sha256(body).hexdigest()))
                mode = proxy.mode if chosen else None
                if mode == "throttle":
                    status, headers, text, code = throttle_response(proto)
                    proxy._count("throttled", code)
                    return self._reply(status, headers, text)
                if mode == "5xx":
                    with proxy._lock:
                        turn, proxy._turn = proxy._turn, proxy._turn + 1
                    status, headers, text, code = server_error(proto, turn)
                    proxy._count("faulted", code)
                    return self._reply(status, headers, text)
                if mode in ("reset", "hang"):
                    proxy._count("faulted", mode)
                    if mode == "hang":
                        proxy._released.wait(proxy.hang_s)
                    return self._drop(rst=mode == "reset")
                if mode:
                    proxy._count("faulted", mode)
                else:
                    proxy._count("forwarded")
                up = self._forward(body)
                if up is None:
                    return None
                status, out, data = up
                if mode == "truncate":
                    return self._reply(status, out, data, send=len(data) // 2)
                if mode == "slow":
                    return self._reply(status, out, data, delay=proxy.slow_s)
                if mode == "trickle":
                    return self._reply(status, out, data, chunk=proxy.trickle_bytes)
                return self._reply(status, out, data)

            def _forward(self, body):
                """(status, headers, body) of the upstream's answer, or None after answering 502."""
                conn = http.client.HTTPConnection(proxy.up_host, proxy.up_port, timeout=60)
                try:
                    headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
                    conn.request(self.command, self.path, body=body, headers=headers)
                    r = conn.getresponse()
                    data = r.read()
                    out = {k: v for k, v in r.getheaders() if k.lower() not in _HOP_BY_HOP | {"content-length"}}
                    return r.status, out, data
                except (OSError, http.client.HTTPException) as e:
                    self._reply(502, {"Content-Type": "text/plain"}, "faultproxy: upstream failed: %s" % e)
                    return None
                finally:
                    conn.close()

            def _drop(self, rst):
                """Close the connection without an answer: a reset (RST) or an ordinary close."""
                self.close_connection = True
                try:
                    if rst:  # linger 0: close() sends RST, not FIN
                        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                        self.rfile.close()
                        self.connection.close()
                    else:
                        self.wfile.flush()
                        self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = _handle

        return Handler

    def start(self):
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._released.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main():
    ap = argparse.ArgumentParser(description="loopback proxy that throttles a share of AWS requests")
    ap.add_argument("--upstream", required=True, help="http://127.0.0.1:PORT of the real (moto) server")
    ap.add_argument("--rate", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-consecutive", type=int, default=2)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--latency-ms", type=float, default=0)
    ap.add_argument("--mode", choices=MODES, default="throttle", help="what a chosen request gets (default throttle)")
    ap.add_argument("--hang-s", type=float, default=40.0)
    a = ap.parse_args()
    p = FaultProxy(a.upstream, a.rate, a.seed, a.max_consecutive, a.port, latency_ms=a.latency_ms, mode=a.mode,
                   hang_s=a.hang_s)
    print(p.endpoint, flush=True)
    try:
        p._server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

