"""The built-in CIS specs against the benchmarks' own classes, as osprey reports them (the bundled
demo artifact, offline): every recommendation listed once in order, CIS 1.2.0's Scored / Not Scored
as ../shared/reference/cis-aws-foundations-1.2.0.tsv has it, the Automated / Manual counts of CIS
1.4.0, 2.0.0 and 3.0.0 (aws-services-next.md section 5) and 7.0.0 (prowler's cis_7.0_aws.json), and every control CIS classes Manual
reported MANUAL, never PASS."""
import csv
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import SHARED_DIR, SOURCE_DIR, main, run_osprey  # noqa: E402

# spec: (controls, automated, manual)
COUNTS = {"aws-cis-1.4": (58, 51, 7), "aws-cis-2.0": (64, 55, 9), "aws-cis-3.0": (62, 54, 8),
          "aws-cis-7.0": (70, 34, 36)}


def controls(t, spec):
    art = os.path.join(t.tmp, "demo.osc")
    if not os.path.exists(art):
        shutil.copy(os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc"), art)
    r = run_osprey(["aws", "--offline", "--cache-artifact", art, "--compliance", spec, "--format", "json"], cwd=t.tmp)
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-2000:])
    return json.loads(r.stdout)["Compliance"]["Controls"]


def vkey(cid):
    return tuple(int(x) for x in cid.split("."))


def test_cis12_scored_classes_are_the_benchmarks(t):
    with open(os.path.join(SHARED_DIR, "reference", "cis-aws-foundations-1.2.0.tsv")) as f:
        ref = {row["control"]: row["scored"] for row in csv.DictReader(f, delimiter="\t")}
    got = controls(t, "aws-cis-1.2")
    assert [c["ID"] for c in got] == sorted(ref, key=vkey), [c["ID"] for c in got]
    wrong = [(c["ID"], c["Assessment"], ref[c["ID"]]) for c in got if c["Assessment"].lower() != ref[c["ID"]]]
    assert not wrong, wrong


def test_automated_and_manual_counts_and_manual_is_never_pass(t):
    for spec, (n, automated, manual) in COUNTS.items():
        got = controls(t, spec)
        ids = [c["ID"] for c in got]
        assert len(ids) == n and len(set(ids)) == n and ids == sorted(ids, key=vkey), (spec, ids)
        kinds = [c["Assessment"] for c in got]
        assert kinds.count("Automated") == automated and kinds.count("Manual") == manual, (spec, kinds)
        for c in got:
            assert c["Level"] in ("1", "2"), (spec, c)
            if c["Assessment"] == "Manual":
                assert c["Status"] == "MANUAL" and c.get("Reason"), (spec, c)
            else:
                assert c["Status"] != "MANUAL", (spec, c)


if __name__ == "__main__":
    main(globals())
