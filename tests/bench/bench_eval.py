#!/usr/bin/env python3
"""bench_eval: evaluation cost of a large account, replayed offline (run by hand).

    python3 tests/bench/bench_eval.py [--osprey build/osprey] [--sizes 1000,10000,100000] [--repeat 3]
    python3 tests/bench/bench_eval.py --make 100000 --out big.osc     # only write the artifact

The state is the demo account's (tests/demo/demo-account.osc) replicated: every resource of every
collection (the elements of input.aws.<service>.<collection> lists) is copied with its names, ids and
ARNs made unique (suffix "-rNNNNN"), and every reference to them inside the copy follows (a copied
trail names its copied bucket, a copied instance its copied security group). Account-level settings
(password policy, account summary, public access block, EBS default encryption) stay single. A
"resource" is an object carrying __defsec_metadata, as osprey's collectors emit them; the demo holds
85, so 100k resources are ~1176 copies (~122 MB of state).

For each size it prints the wall time, CPU time (user + sys) and peak RSS of
`osprey aws --offline --cache-artifact A --format F --output FILE` (median of --repeat runs; the
artifact is a copy of one osprey has written once, as a CI replay reads it: the run finds it
unchanged and does not write it again), and with --format json (the default) the findings count.
Run it on an idle machine: wall time is CPU time plus waiting.
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(HERE, "..", "integration", "cache"))
import artfmt  # noqa: E402

DEMO = os.path.join(ROOT, "tests", "demo", "demo-account.osc")


def count_resources(v):
    if isinstance(v, dict):
        return ("__defsec_metadata" in v) + sum(count_resources(x) for x in v.values())
    if isinstance(v, list):
        return sum(count_resources(x) for x in v)
    return 0


def arn_tokens(v, out):
    """ARNs of the resources inside v and their last path segment (the name or id)."""
    if isinstance(v, dict):
        arn = v.get("__defsec_metadata", {}).get("resource")
        if isinstance(arn, str) and arn.startswith("arn:"):
            out.add(arn)
            tail = re.split(r"[/:]", arn)[-1]
            if len(tail) >= 3:
                out.add(tail)
        for x in v.values():
            arn_tokens(x, out)
    elif isinstance(v, list):
        for x in v:
            arn_tokens(x, out)


class Replicator:
    """Copies of the demo's collection elements; copy 0 is the original."""

    def __init__(self, entries):
        self.entries = entries
        self.states = {}
        self.per_copy = 0
        tokens = set()
        for e in entries:
            if e["status"] is not None:
                continue
            st = json.loads(e["state"])
            self.states[(e["region"], e["service"])] = st
            for coll, items in st.items():
                if isinstance(items, list):
                    self.per_copy += count_resources(items)
                    arn_tokens(items, tokens)
        self.fixed = sum(count_resources(s) for s in self.states.values()) - self.per_copy
        alt = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
        self.rx = re.compile(r"(?<![A-Za-z0-9_.-])(" + alt + r")(?![A-Za-z0-9_-])")

    def copies_for(self, resources):
        return max(1, round((resources - self.fixed) / self.per_copy))

    def entries_for(self, ncopies):
        out = []
        for e in self.entries:
            st = self.states.get((e["region"], e["service"]))
            if st is None:
                out.append(e)
                continue
            parts = []
            for coll in sorted(st):
                items = st[coll]
                if not isinstance(items, list) or not items:
                    parts.append(json.dumps(coll) + ":" + json.dumps(items, sort_keys=True, separators=(",", ":")))
                    continue
                text = ",".join(json.dumps(x, sort_keys=True, separators=(",", ":")) for x in items)
                copies = [text] + [self.rx.sub(lambda m, k=k: m.group(1) + "-r%05d" % k, text) for k in range(1, ncopies)]
                parts.append(json.dumps(coll) + ":[" + ",".join(copies) + "]")
            out.append(dict(e, state="{" + ",".join(parts) + "}"))
        return out


def make(rep, copies, path, osprey=None):
    hdr_created = 1795670108
    with open(path, "wb") as f:
        f.write(artfmt.encode(rep.entries_for(copies), hdr_created))
    if osprey:  # as osprey writes it (its header's created time): what a CI replay reads back
        subprocess.run([osprey, "aws", "--offline", "--cache-artifact", path, "--format", "json", "--output",
                        path + ".first.json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        os.unlink(path + ".first.json")


def run(osprey, art, fmt="json"):
    """(wall s, cpu s, peak RSS MB, findings or None) of one offline replay writing a fmt report."""
    tmp = art + ".run"
    shutil.copyfile(art, tmp)
    out = tmp + "." + fmt
    cmd = [osprey, "aws", "--offline", "--cache-artifact", tmp, "--format", fmt, "--output", out]
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, _, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    err = p.stderr.read().decode()
    p.stderr.close()
    findings = None
    if fmt == "json":
        with open(out) as f:
            findings = len(json.load(f).get("Findings", []))
    os.unlink(tmp)
    os.unlink(out)
    if p.returncode not in (None, 0):
        raise SystemExit("osprey failed: " + err)
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, findings


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--osprey", default=os.path.join(ROOT, "build", "osprey"))
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--format", default="json", help="report format written (json: findings are counted)")
    ap.add_argument("--make", type=int, help="only write an artifact of this many resources to --out")
    ap.add_argument("--out")
    ap.add_argument("--keep", help="directory to keep the generated artifacts in (reused when present)")
    a = ap.parse_args()
    _, entries = artfmt.decode(open(DEMO, "rb").read())
    rep = Replicator(entries)
    if a.make:
        make(rep, rep.copies_for(a.make), a.out)
        return
    work = a.keep or tempfile.mkdtemp(prefix="bench-eval-")
    os.makedirs(work, exist_ok=True)
    rows = []
    print("%10s %8s %8s %8s %9s %9s" % ("resources", "MB", "wall s", "CPU s", "RSS MB", "findings"))
    for size in (int(s) for s in a.sizes.split(",")):
        copies = rep.copies_for(size)
        art = os.path.join(work, "bench-%d.osc" % copies)
        if not os.path.exists(art):
            make(rep, copies, art, a.osprey)
        mb = sum(len(e["state"]) for e in rep.entries_for(1)) * copies / 1e6
        runs = [run(a.osprey, art, a.format) for _ in range(a.repeat)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rss = max(r[2] for r in runs)
        res = rep.fixed + rep.per_copy * copies
        rows.append((res, wall, cpu))
        found = "-" if runs[0][3] is None else str(runs[0][3])
        print("%10d %8.1f %8.2f %8.2f %9.0f %9s" % (res, mb, wall, cpu, rss, found), flush=True)
    for (n0, w0, c0), (n1, w1, c1) in zip(rows, rows[1:]):
        print("x%.1f resources: x%.1f wall, x%.1f CPU" % (n1 / n0, w1 / w0, c1 / c0))
    if not a.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
