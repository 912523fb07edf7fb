#!/usr/bin/env python3
"""bench_artifact: artifact size and load time for a synthetic 1000-resource account (run by hand).

    python3 tests/bench/bench_artifact.py [--resources 1000] [--osprey build/osprey]

Builds state in the collectors' shape (every scalar wrapped with its metadata, every resource with
__defsec_metadata; see src/collect/STATE.md) for 1000 resources spread over services and regions,
imports it with `osprey cache import`, exports it with `osprey cache export`, and times
import (verify + inflate + sqlite write), export (sqlite read + deflate + write) and `cache ls`.
Prints sizes and the median of 5 runs.

With --scan it also seeds a private moto with N real resources (S3 buckets, IAM users, security
groups, KMS keys in equal parts), scans it once with --cache-artifact, and times an --offline replay
of that artifact (load + evaluation + report) against a replay from an already-warm --cache-dir.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration", "cache"))
import artfmt  # noqa: E402

ACCT = "123456789012"
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"]


def wrap(v, arn):
    return {"value": v, "filepath": arn, "resource": arn, "sourceprefix": "remote", "managed": True,
            "explicit": True, "unresolvable": False, "startline": 0, "endline": 0, "fskey": ""}


def meta(arn):
    m = wrap(None, arn)
    del m["value"]
    return m


def resource(kind, i, region):
    arn = "arn:aws:%s:%s:%s:%s/%s-%05d" % (kind, region, ACCT, kind, kind, i)
    r = {"__defsec_metadata": meta(arn)}
    for f, v in (("name", "%s-%05d" % (kind, i)), ("arn", arn), ("encrypted", i % 3 == 0),
                 ("created", "2024-01-%02dT10:00:00Z" % (1 + i % 28)), ("owner", "team-%d" % (i % 17)),
                 ("size", 100 + i), ("public", i % 5 == 0), ("kmskeyid", "alias/k-%d" % (i % 9))):
        r[f] = wrap(v, arn)
    r["tags"] = [wrap("env=prod", arn), wrap("app=%d" % (i % 40), arn)]
    r["rules"] = [{"__defsec_metadata": meta(arn), "cidr": wrap("10.%d.0.0/16" % (i % 250), arn),
                   "port": wrap(443, arn)} for _ in range(2)]
    return r


SERVICES = [("ec2", "instances"), ("s3", "buckets"), ("rds", "instances"), ("kms", "keys"), ("sns", "topics")]


def build(n):
    per = {}
    for i in range(n):
        svc, coll = SERVICES[i % len(SERVICES)]
        region = "global" if svc == "s3" else REGIONS[i % len(REGIONS)]
        per.setdefault((region, svc), {coll: []})[coll].append(resource(svc, i, region))
    now = int(time.time())
    return [artfmt.entry(ACCT, r, s, json.dumps(st, sort_keys=True, separators=(",", ":")), now - 60)
            for (r, s), st in sorted(per.items())]


def timed(cmd):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if r.returncode:
        sys.exit("%s failed: %s" % (" ".join(cmd), r.stderr))
    return dt


def scan_bench(a):
    sys.path.insert(0, os.path.join(HERE, "..", "tools"))
    from osptest import Case, run_osprey
    t = Case("bench")
    try:
        m = t.moto()
        q = a.resources // 4
        s3, iam, ec2, kms = m.client("s3"), m.client("iam"), m.client("ec2"), m.client("kms")
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        for i in range(q):
            s3.create_bucket(Bucket="bench-bucket-%05d" % i)
            iam.create_user(UserName="bench-user-%05d" % i)
            ec2.create_security_group(GroupName="bench-sg-%05d" % i, Description="b", VpcId=vpc)
            kms.create_key(Description="bench-%d" % i)
        art = os.path.join(t.tmp, "a.osc")
        base = ["aws", "--region", "us-east-1", "--account", m.account_id, "--quiet", "--service", "s3", "--service",
                "iam", "--service", "ec2", "--service", "kms", "--format", "json", "-o", os.devnull]
        t0 = time.perf_counter()
        r = run_osprey(base + ["--endpoint", m.endpoint, "--cache-artifact", art, "--cache-dir",
                               os.path.join(t.tmp, "c0")], env=m.env(), timeout=3600)
        live = time.perf_counter() - t0
        if r.returncode not in (0, 1):
            sys.exit("scan failed: " + r.stderr)
        hdr, ents = artfmt.decode(open(art, "rb").read())
        raw = sum(len(e["state"]) for e in ents)
        off, warm = [], []
        for k in range(5):
            t0 = time.perf_counter()
            r = run_osprey(base + ["--offline", "--cache-artifact", art, "--cache-dir", os.path.join(t.tmp, "o%d" % k)],
                           env=m.env())
            off.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            r = run_osprey(base + ["--offline", "--cache-dir", os.path.join(t.tmp, "o%d" % k)], env=m.env())
            warm.append(time.perf_counter() - t0)
            if r.returncode not in (0, 1):
                sys.exit("offline replay failed: " + r.stderr)
        print("moto scan of %d resources: live %.1f s; state JSON %d bytes in %d entries; artifact %d bytes" %
              (a.resources, live, raw, len(ents), os.path.getsize(art)))
        print("  offline replay from the artifact (fresh cache dir) %.0f ms; from a warm cache dir %.0f ms "
              "(median of 5)" % (statistics.median(off) * 1000, statistics.median(warm) * 1000))
    finally:
        t.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--resources", type=int, default=1000)
    ap.add_argument("--osprey", default=os.environ.get("OSPREY_BIN", "build/osprey"))
    ap.add_argument("--scan", action="store_true", help="also time a real scan and offline replay on moto")
    a = ap.parse_args()
    os.environ["OSPREY_BIN"] = a.osprey
    if a.scan:
        scan_bench(a)
    ents = build(a.resources)
    raw = sum(len(e["state"]) for e in ents)
    tmp = tempfile.mkdtemp(prefix="osp-bench-")
    art = os.path.join(tmp, "a.osc")
    with open(art, "wb") as f:
        f.write(artfmt.encode(ents, int(time.time())))
    imp, exp, ls = [], [], []
    for k in range(5):
        cdir = os.path.join(tmp, "c%d" % k)
        imp.append(timed([a.osprey, "cache", "import", art, "--cache-dir", cdir]))
        exp.append(timed([a.osprey, "cache", "export", os.path.join(tmp, "e.osc"), "--cache-dir", cdir]))
        ls.append(timed([a.osprey, "cache", "ls", "--cache-dir", cdir]))
    nop = statistics.median(timed([a.osprey, "cache", "--help"]) for _ in range(5))
    size = os.path.getsize(os.path.join(tmp, "e.osc"))
    print("resources %d in %d entries; state JSON %d bytes" % (a.resources, len(ents), raw))
    print("artifact %d bytes (%.1f%% of the JSON); cache.db %d bytes" %
          (size, 100.0 * size / raw, os.path.getsize(os.path.join(tmp, "c0", "cache.db"))))
    print("median of 5 (whole process, incl. exec ~%.1f ms):" % (nop * 1000))
    print("  cache import (verify+inflate+sqlite write) %.1f ms" % (statistics.median(imp) * 1000))
    print("  cache export (sqlite read+deflate+write)   %.1f ms" % (statistics.median(exp) * 1000))
    print("  cache ls                                   %.1f ms" % (statistics.median(ls) * 1000))


if __name__ == "__main__":
    main()
