"""Issue 21 cases moto cannot seed, judged on recorded state: a moto scan writes an artifact, the
test edits the state in it (tests/integration/cache/artfmt.py) and `osprey aws --offline` judges
the edited state, as it would an artifact recorded on AWS.

- an inactive root access key (moto has no root keys): CIS 1.4 1.4 / 1.2 1.12 FAIL, whether the
  evidence is GetAccountSummary's AccountAccessKeysPresent or the credential report's root row;
- accounts in the aws-cn and aws-us-gov partitions: an S3 data-event selector in the account's
  own partition satisfies 1.4 3.10 / 3.11; one written for `arn:aws:s3` does not."""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
sys.path.insert(0, os.path.join(HERE, "..", "cache"))
import artfmt  # noqa: E402
from osptest import main, run_osprey  # noqa: E402

REGION = "us-east-1"


def record(t, m, services, name="rec.osc"):
    """Scan moto online into an artifact; return (path, header, entries)."""
    art = os.path.join(t.tmp, name)
    args = ["aws", "--endpoint", m.endpoint, "--region", REGION, "--quiet", "--cache-artifact", art,
            "--cache-dir", os.path.join(t.tmp, "cache-" + name)]
    for s in services:
        args += ["--service", s]
    r = run_osprey(args, env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    with open(art, "rb") as f:
        hdr, ents = artfmt.decode(f.read())
    return art, hdr, ents


def write(t, hdr, ents, name):
    path = os.path.join(t.tmp, name)
    with open(path, "wb") as f:
        f.write(artfmt.encode(ents, hdr["created"], hdr["osprey_version"]))
    return path


def offline(t, art, spec, region, services):
    args = ["aws", "--offline", "--cache-artifact", art, "--compliance", spec, "--format", "json", "--region", region]
    for s in services:
        args += ["--service", s]
    r = run_osprey(args, cwd=t.tmp)
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-2000:])
    report = json.loads(r.stdout)
    return {c["ID"]: c for c in report["Compliance"]["Controls"]}, report


def edit_iam(ents, fn):
    out = []
    for e in ents:
        e = dict(e)
        if e["service"] == "iam":
            state = json.loads(e["state"])
            fn(state)
            e["state"] = json.dumps(state, sort_keys=True, separators=(",", ":"))
        out.append(e)
    return out


def root_of(state):
    roots = [u for u in state["users"] if u.get("root", {}).get("value") is True]
    assert len(roots) == 1, state["users"]
    return roots[0]


def meta_like(obj, value):
    m = dict(obj["__defsec_metadata"])
    m["value"] = value
    return m


def test_inactive_root_access_key_fails(t):
    """AVD-AWS-0141 counted only *active* root keys before issue 21: an inactive key (which can be
    re-activated) passed CIS 1.4 1.4 and 1.2 1.12."""
    m = t.moto()
    _, hdr, ents = record(t, m, ["iam"])

    def summary_says_keys(state):  # no credential report row for root: GetAccountSummary decides
        s = state["accountsummary"]
        s["accountaccesskeyspresent"] = meta_like(s, True)
        root_of(state)["accesskeys"] = []

    def report_row_inactive_key(state):  # the credential report's root row: key 1 present, inactive
        root = root_of(state)
        root["accesskeys"] = [{"__defsec_metadata": root["__defsec_metadata"],
                               "slot": meta_like(root, 1), "active": meta_like(root, False),
                               "creationdate": meta_like(root, "2026-01-02T03:04:05Z"),
                               "lastaccess": meta_like(root, "")}]
        s = state["accountsummary"]
        s["accountaccesskeyspresent"] = meta_like(s, False)

    clean = write(t, hdr, ents, "clean.osc")
    ctl14, _ = offline(t, clean, "aws-cis-1.4", REGION, ["iam"])
    assert ctl14["1.4"]["Status"] == "PASS", ctl14["1.4"]  # the twin: no root key anywhere
    for name, fn in (("summary", summary_says_keys), ("report-row", report_row_inactive_key)):
        art = write(t, hdr, edit_iam(ents, fn), name + ".osc")
        ctl14, report = offline(t, art, "aws-cis-1.4", REGION, ["iam"])
        assert ctl14["1.4"]["Status"] == "FAIL" and ctl14["1.4"]["FailingResources"] == 1, (name, ctl14["1.4"])
        msgs = [f["Message"] for f in report["Findings"] if f["ID"] == "AVD-AWS-0141" and f["Status"] == "FAIL"]
        assert len(msgs) == 1 and "root user has" in msgs[0], (name, msgs)
        if name == "report-row":
            assert "(0 active)" in msgs[0], msgs
        ctl12, _ = offline(t, art, "aws-cis-1.2", REGION, ["iam"])
        assert ctl12["1.12"]["Status"] == "FAIL", (name, ctl12["1.12"])


PARTITIONS = (("aws-cn", "cn-north-1"), ("aws-us-gov", "us-gov-west-1"))


def to_partition(ents, partition, region, selector_partition):
    """The recorded account moved to another partition: every ARN and the region rewritten; the
    trail's data-event selector values written for selector_partition."""
    out = []
    for e in ents:
        e = dict(e, partition=partition, region=region if e["region"] == REGION else e["region"])
        s = e["state"].replace(REGION, region)
        s = re.sub(r'arn:aws(?=[:"])', "arn:" + partition, s)
        s = s.replace('"value":"arn:%s:s3"' % partition, '"value":"arn:%s:s3"' % selector_partition)
        e["state"] = s
        out.append(e)
    return out


def test_data_event_selectors_in_other_partitions(t):
    """3.10/3.11 compared selector values with `arn:aws:s3` before issue 21: a China or GovCloud
    account logging all its buckets' data events FAILed, and a selector for the wrong partition
    could never be told apart."""
    m = t.moto()
    m.client("s3").create_bucket(Bucket="data-bucket")
    ct = m.client("cloudtrail")
    ct.create_trail(Name="main", S3BucketName="data-bucket", IsMultiRegionTrail=True)
    ct.start_logging(Name="main")
    ct.put_event_selectors(TrailName="main", EventSelectors=[{
        "ReadWriteType": "All", "IncludeManagementEvents": True,
        "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}])
    _, hdr, ents = record(t, m, ["s3", "cloudtrail"])
    svcs = ["s3", "cloudtrail"]
    for partition, region in PARTITIONS:
        art = write(t, hdr, to_partition(ents, partition, region, partition), partition + ".osc")
        ctl, report = offline(t, art, "aws-cis-1.4", region, svcs)
        assert any(f["Resource"].startswith("arn:%s:s3:::data-bucket" % partition) for f in report["Findings"]), \
            [f["Resource"] for f in report["Findings"]][:5]
        failing = [f for f in report["Findings"] if f["ID"] in ("AVD-AWS-0171", "AVD-AWS-0172") and f["Status"] == "FAIL"]
        assert not failing, (partition, failing)
        for cid in ("3.10", "3.11"):
            assert ctl[cid]["Status"] != "FAIL", (partition, cid, ctl[cid])
        wrong = write(t, hdr, to_partition(ents, partition, region, "aws"), partition + "-wrong.osc")
        ctl, _ = offline(t, wrong, "aws-cis-1.4", region, svcs)
        for cid in ("3.10", "3.11"):
            assert ctl[cid]["Status"] == "FAIL", (partition, cid, ctl[cid])


if __name__ == "__main__":
    main(globals())
