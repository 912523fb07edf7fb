"""tests/bench/bench_wire.py in miniature: a few resources, a few ms of latency per request. It keeps
the benchmark's code working and asserts only correctness: the same findings with latency as
without, and every request of the scan seen by the proxy. Timings are the benchmark's business."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
import bench_wire  # noqa: E402
from osptest import OSPREY_BIN, main  # noqa: E402


def test_latency_changes_no_finding(t):
    acct = bench_wire.Account(t.tmp)
    t._motos.append(acct.moto)  # stopped with the case
    acct.grow(5, 4, 3)
    fast, _, req0, cpu0, _ = bench_wire.scan(OSPREY_BIN, acct, 0, 32)
    slow, wall, req5, _, _ = bench_wire.scan(OSPREY_BIN, acct, 5, 8)
    assert bench_wire.findings(fast) == bench_wire.findings(slow)
    found, services = bench_wire.findings(fast)
    assert found, "the seeded account has findings (unencrypted buckets, users without MFA, ...)"
    assert all(s[2] in ("ok", "failed") for s in services) and ("s3", "global", "ok") in services, services
    assert req0 == req5 and req0 > 5 * 6, (req0, req5)  # every bucket read, through the proxy both times
    assert cpu0 > 0 and wall > 0


if __name__ == "__main__":
    main(globals())
