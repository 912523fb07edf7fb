"""The evaluation benchmark (tests/bench/bench_eval.py) in small: the demo account replicated 1, 4
and 9 times evaluates to the demo's findings, each finding on a replicated resource exactly as
many times as there are copies, and account-level findings once. Correctness only, no timings."""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
sys.path.insert(0, os.path.join(HERE, "..", "cache"))
from osptest import OSPREY_BIN, main, run_osprey  # noqa: E402
import artfmt  # noqa: E402
import bench_eval  # noqa: E402

COPY = re.compile(r"-r\d{5}")


def findings(t, art, name):
    out = os.path.join(t.tmp, name + ".json")
    r = run_osprey(["aws", "--offline", "--cache-artifact", art, "--quiet", "--format", "json", "--output", out])
    assert r.returncode == 0, r.stderr[-2000:]
    with open(out) as f:
        return json.load(f)["Findings"]


def key(f):
    return (f["ID"], f["Region"], COPY.sub("", f["Resource"]), COPY.sub("", f["Message"]))


def test_replicated_demo_findings_scale_with_the_copies(t):
    with open(bench_eval.DEMO, "rb") as f:
        _, entries = artfmt.decode(f.read())
    rep = bench_eval.Replicator(entries)
    # the demo holds real content, and copies_for() sizes the replication exactly (the demo grows with
    # every new service, so a fixed 10000-resource bound would say nothing about the replicator)
    assert rep.per_copy > 50 and rep.copies_for(rep.fixed + 100 * rep.per_copy) == 100
    demo = os.path.join(t.tmp, "demo.osc")
    with open(demo, "wb") as f, open(bench_eval.DEMO, "rb") as g:
        f.write(g.read())
    base = collections.Counter(key(f) for f in findings(t, demo, "demo"))
    assert base
    for copies in (1, 4, 9):
        art = os.path.join(t.tmp, "x%d.osc" % copies)
        bench_eval.make(rep, copies, art)
        got = findings(t, art, "x%d" % copies)
        per = collections.Counter(key(f) for f in got)
        replicated = {key(f) for f in got if COPY.search(f["Resource"])}
        assert set(per) == set(base), (copies, set(per) ^ set(base))
        for k, n in base.items():
            want = n * copies if k in replicated else n
            assert per[k] == want, (copies, k, per[k], want)
        if copies > 1:
            assert replicated, "the copies were not evaluated"
    # the benchmark's own runner (wall, CPU, peak RSS, findings) on the largest
    wall, cpu, rss, n = bench_eval.run(OSPREY_BIN, art)
    assert n == len(got) and wall > 0 and cpu > 0 and rss > 0


if __name__ == "__main__":
    main(globals())
