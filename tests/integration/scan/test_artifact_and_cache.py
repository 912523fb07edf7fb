"""Restoring an older artifact into a local cache never replaces state that is newer locally."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402


def buckets(report_path):
    report = json.load(open(report_path))
    return sorted({f["Resource"] for f in report["Findings"] if f["Service"] == "s3" and f["Resource"]})


def test_old_artifact_does_not_replace_newer_local_state(t):
    m = t.moto()
    s3 = m.client("s3")
    s3.create_bucket(Bucket="first-bucket")
    cache, art = os.path.join(t.tmp, "cache"), os.path.join(t.tmp, "old.osc")
    r1 = os.path.join(t.tmp, "r1.json")
    r = run_osprey(["aws", "--service", "s3", "--quiet", "--cache-dir", cache, "--cache-artifact", art,
                    "--format", "json=" + r1], env=m.env())
    assert r.returncode == 0, r.stderr
    old_artifact = open(art, "rb").read()
    time.sleep(1.2)  # collection times have one-second resolution
    s3.create_bucket(Bucket="second-bucket")
    r = run_osprey(["aws", "--service", "s3", "--quiet", "--cache-dir", cache, "--update-cache",
                    "--format", "json=" + os.path.join(t.tmp, "r2.json")], env=m.env())
    assert r.returncode == 0, r.stderr
    with open(art, "wb") as f:  # the artifact as an earlier CI job left it
        f.write(old_artifact)
    r3 = os.path.join(t.tmp, "r3.json")
    r = run_osprey(["aws", "--service", "s3", "--quiet", "--cache-dir", cache, "--cache-artifact", art, "--offline",
                    "--account", m.account_id, "--region", "us-east-1", "--format", "json=" + r3], env=m.env())
    assert r.returncode == 0, r.stderr
    assert any("second-bucket" in b for b in buckets(r3)), buckets(r3)
    assert not any("second-bucket" in b for b in buckets(r1)), buckets(r1)


def test_narrower_offline_run_keeps_the_rest_of_the_artifact(t):
    m = t.moto()
    m.client("s3").create_bucket(Bucket="kept-bucket")
    m.client("kms").create_key(Description="kept key")
    art = os.path.join(t.tmp, "state.osc")
    r = run_osprey(["aws", "--service", "s3", "--service", "kms", "--quiet", "--cache-artifact", art,
                    "--format", "json=" + os.path.join(t.tmp, "full.json")], env=m.env())
    assert r.returncode == 0, r.stderr
    before = open(art, "rb").read()
    m.stop()  # from here on nothing may call AWS
    r = run_osprey(["aws", "--offline", "--service", "s3", "--quiet", "--cache-artifact", art,
                    "--format", "json=" + os.path.join(t.tmp, "s3.json")], env=m.env())
    assert r.returncode == 0, r.stderr
    assert open(art, "rb").read() == before, "a run over fewer services must not drop the others from the artifact"
    r = run_osprey(["aws", "--offline", "--service", "s3", "--service", "kms", "--quiet", "--cache-artifact", art,
                    "--format", "json=" + os.path.join(t.tmp, "again.json")], env=m.env())
    assert r.returncode == 0, "kms must still be in the artifact: " + r.stderr
    # the same report as the live run, but for each service's provenance: live then, the artifact now
    with open(os.path.join(t.tmp, "again.json")) as f1, open(os.path.join(t.tmp, "full.json")) as f2:
        again, full = json.load(f1), json.load(f2)
    assert {s["Provenance"]["Source"] for s in full["Services"]} == {"live"}
    assert {s["Provenance"]["Source"] for s in again["Services"]} == {"artifact"}
    for rep in (again, full):
        for s in rep["Services"]:
            del s["Provenance"]
    assert again == full


if __name__ == "__main__":
    main(globals())
