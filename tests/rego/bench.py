#!/usr/bin/env python3
"""Benchmark: N check modules against one large state document with `osprey rego eval`.

    python3 tests/rego/bench.py --osprey build/osprey [--checks 200] [--buckets 60000]
                                [--instances 40000] [--workdir /tmp/rego-bench]

Writes a Trivy-shaped input (input.aws.s3.buckets, input.aws.ec2.instances, every value
wrapped as {"value": ...} with __defsec_metadata) and N deny modules, each iterating one
collection, then times parsing the input alone and evaluating every deny set. Prints the input
size, the wall and CPU seconds of each run, and the number of findings. Not a CTest test:
timings depend on the machine.
"""
import argparse
import json
import os
import resource
import subprocess
import time

FIELDS = [("s3", "buckets", "encryption.enabled.value"), ("s3", "buckets", "versioning.enabled.value"),
          ("s3", "buckets", "logging.enabled.value"), ("s3", "buckets", "publicaccessblock.ignorepublicacls.value"),
          ("ec2", "instances", "rootblockdevice.encrypted.value")]


def write_input(path, nb, ni):
    buckets = [{"name": {"value": "bucket-%d" % i},
                "encryption": {"enabled": {"value": i % 97 != 0}},
                "versioning": {"enabled": {"value": i % 89 != 0}},
                "logging": {"enabled": {"value": i % 83 != 0}},
                "publicaccessblock": {"ignorepublicacls": {"value": i % 79 != 0}},
                "tags": {"k%d" % j: "v%d" % j for j in range(3)},
                "__defsec_metadata": {"resource": "arn:aws:s3:::bucket-%d" % i, "managed": True}}
               for i in range(nb)]
    instances = [{"id": "i-%08x" % i, "rootblockdevice": {"encrypted": {"value": i % 71 != 0}},
                  "metadataoptions": {"httptokens": {"value": "required"}},
                  "__defsec_metadata": {"resource": "arn:aws:ec2:::i-%d" % i, "managed": True}}
                 for i in range(ni)]
    with open(path, "w") as f:
        json.dump({"aws": {"s3": {"buckets": buckets}, "ec2": {"instances": instances}}}, f)
    return os.path.getsize(path)


def write_checks(d, n):
    os.makedirs(d, exist_ok=True)
    for i in range(n):
        svc, coll, field = FIELDS[i % len(FIELDS)]
        with open(os.path.join(d, "check%03d.rego" % i), "w") as f:
            f.write("""# METADATA
# title: bench check %d
# custom:
#   id: BENCH-%04d
package bench.aws.%s.check%d

import rego.v1

deny contains res if {
\tsome r in input.aws.%s.%s
\tr.__defsec_metadata.managed
\tnot r.%s
\tres := {"msg": sprintf("%%s fails check %d", [r.__defsec_metadata.resource])}
}
""" % (i, i, svc, i, svc, coll, field, i))


def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    wall = time.time() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out, wall, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--osprey", required=True)
    ap.add_argument("--checks", type=int, default=200)
    ap.add_argument("--buckets", type=int, default=60000)
    ap.add_argument("--instances", type=int, default=40000)
    ap.add_argument("--workdir", default="/tmp/rego-bench")
    a = ap.parse_args()
    os.makedirs(a.workdir, exist_ok=True)
    inp = os.path.join(a.workdir, "input.json")
    size = write_input(inp, a.buckets, a.instances)
    checks = os.path.join(a.workdir, "checks")
    write_checks(checks, a.checks)
    print("input: %.1f MB, %d buckets, %d instances; %d checks" % (size / 1e6, a.buckets, a.instances, a.checks))
    _, wall, cpu = timed([a.osprey, "rego", "eval", "--input", inp, "x := 1"])
    print("parse input only: %.2f s wall, %.2f s cpu" % (wall, cpu))
    q = "n := sum([count(d.deny) | d := data.bench.aws[_][_]])"
    out, wall, cpu = timed([a.osprey, "rego", "eval", "--data", checks, "--input", inp, q])
    n = json.loads(out)["result"][0]["bindings"]["n"]
    print("parse + %d checks: %.2f s wall, %.2f s cpu, %d findings" % (a.checks, wall, cpu, n))


if __name__ == "__main__":
    main()
