#!/usr/bin/env python3
"""Collection benchmark against its lower bound (by hand, not in CI; tests/integration/collect/
test_bench_wire.py runs a tiny version for correctness only).

A private moto is seeded with B buckets, G security groups and U IAM users; osprey scans it for
us-east-1 through a loopback proxy (tests/tools/faultproxy.py, no faults) that delays every
request by L ms. For each run it prints wall time, requests, the emulator's CPU time and

    LB = max(emulator CPU on the scan's requests, requests x L / concurrency, depth x L)

the time no client can beat: moto is one Python process (its CPU is serial work), at most
`concurrency` requests wait out L at once, and the longest chain of dependent calls waits L per
link. Sizes grow in place (the small account is seeded, measured, then topped up to the large
one), so each size is seeded once.

    python3 tests/bench/bench_wire.py [--build DIR] [--baseline /work/main/build/osprey]
        [--sizes 200/500/100,2000/1000/500] [--latency 0,50] [--concurrency 32]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
from faultproxy import FaultProxy  # noqa: E402
from osptest import Moto  # noqa: E402

DEPTH = 4  # longest chain of dependent calls: ListBuckets -> ListBuckets?bucket-region -> account block -> bucket reads; IAM report


class Account:
    """A moto seeded incrementally: grow() adds what is missing to reach a size."""

    def __init__(self, workdir):
        self.moto = Moto(workdir=workdir)
        self.have = [0, 0, 0]

    def grow(self, buckets, groups, users):
        s3, ec2, iam = self.moto.client("s3"), self.moto.client("ec2"), self.moto.client("iam")
        for i in range(self.have[0], buckets):
            s3.create_bucket(Bucket="bench-%05d" % i)
        for i in range(self.have[1], groups):
            ec2.create_security_group(GroupName="bench-sg-%05d" % i, Description="bench")
        for i in range(self.have[2], users):
            iam.create_user(UserName="bench-user-%05d" % i)
        self.have = [max(a, b) for a, b in zip(self.have, (buckets, groups, users))]

    def block_account(self):
        """The account-level public access block with all four settings (CIS 2.1.4): buckets' own
        blocks are then not read. S3 Control's PUT by hand, as tests/integration/collect/test_s3.py."""
        body = (b'<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">'
                b'<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>'
                b'<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>'
                b'</PublicAccessBlockConfiguration>')
        m = self.moto
        req = urllib.request.Request(m.endpoint + "/v20180820/configuration/publicAccessBlock", data=body, method="PUT",
                                     headers={"x-amz-account-id": m.account_id, "Content-Type": "application/xml",
                                              "Authorization": "AWS4-HMAC-SHA256 Credential=%s/20240101/us-east-1/s3/"
                                              "aws4_request, SignedHeaders=host, Signature=0" % m.ACCESS_KEY})
        urllib.request.urlopen(req).read()

    def cpu(self):
        """CPU seconds moto has used so far (user + system)."""
        with open("/proc/%d/stat" % self.moto.proc.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu(who):
    u = resource.getrusage(who)
    return u.ru_utime + u.ru_stime


def scan(exe, account, latency_ms, concurrency, fmt="json"):
    """One scan through a delaying proxy: (report text, wall s, requests, emulator CPU s, {osprey, proxy CPU s})."""
    proxy = FaultProxy(account.moto.endpoint, rate=0, throttle_first=False, latency_ms=latency_ms).start()
    try:
        env = account.moto.env(AWS_ENDPOINT_URL=proxy.endpoint)
        cmd = [exe, "aws", "--region", "us-east-1", "--format", fmt, "--quiet", "--concurrency", str(concurrency),
               "--cache-dir", tempfile.mkdtemp(prefix="osp-bench-cache-")]
        cpu0, t0, kid0, self0 = account.cpu(), time.time(), _cpu(resource.RUSAGE_CHILDREN), _cpu(resource.RUSAGE_SELF)
        r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=3600)
        wall, cpu = time.time() - t0, account.cpu() - cpu0
        # osprey is the only child waited for meanwhile; the proxy's threads run in this process
        other = {"osprey": _cpu(resource.RUSAGE_CHILDREN) - kid0, "proxy": _cpu(resource.RUSAGE_SELF) - self0}
        if r.returncode not in (0, 1):
            raise RuntimeError("%s failed (%d): %s" % (exe, r.returncode, r.stderr[-2000:]))
        return r.stdout, wall, proxy.stats["forwarded"] + proxy.stats["throttled"], cpu, other
    finally:
        proxy.stop()


def findings(report):
    """The findings of a JSON report, without times: what must not change with latency or concurrency."""
    doc = json.loads(report)
    out = []
    for f in doc.get("Findings") or doc.get("Results") or []:
        out.append(json.dumps(f, sort_keys=True))
    return sorted(out), [(s.get("Service"), s.get("Region"), s.get("Status")) for s in doc.get("Services", [])]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(HERE, "..", "..", "build"))
    ap.add_argument("--baseline", help="another osprey binary to measure the same way (e.g. main's)")
    ap.add_argument("--sizes", default="200/500/100,2000/1000/500", help="buckets/groups/users,...")
    ap.add_argument("--latency", default="0,50", help="ms per request, comma-separated")
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--account-block", action="store_true",
                    help="seed the account-level public access block (all four settings, as CIS 2.1.4 asks)")
    a = ap.parse_args()
    exes = [("osprey", os.path.join(a.build, "osprey"))] + ([("baseline", a.baseline)] if a.baseline else [])
    acct = Account(tempfile.mkdtemp(prefix="osp-bench-"))
    if a.account_block:
        acct.block_account()
        print("<!-- account-level public access block: all four settings -->")
    print("| size B/G/U | L ms | binary | wall s | requests | calls / resource | emulator CPU s | LB s | wall / LB "
          "| osprey CPU s | proxy CPU s | load avg |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    try:
        for size in a.sizes.split(","):
            b, g, u = (int(x) for x in size.split("/"))
            t0 = time.time()
            acct.grow(b, g, u)
            print("<!-- seeded %s in %.0fs -->" % (size, time.time() - t0), flush=True)
            for lat in (float(x) for x in a.latency.split(",")):
                for name, exe in exes:
                    _, wall, req, cpu, other = scan(exe, acct, lat, a.concurrency)
                    lb = max(cpu, req * lat / 1000.0 / a.concurrency, DEPTH * lat / 1000.0)
                    print("| %s | %g | %s | %.1f | %d | %.2f | %.1f | %.1f | %.2f | %.1f | %.1f | %.1f |" % (
                        size, lat, name, wall, req, req / float(b + g + u), cpu, lb, wall / lb, other["osprey"],
                        other["proxy"], os.getloadavg()[0]), flush=True)
    finally:
        acct.moto.stop()


if __name__ == "__main__":
    main()
