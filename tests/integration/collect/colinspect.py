"""colinspect: run `osprey inspect` against a moto and return the input documents per region.

Every call uses a fresh --cache-dir. Until `osprey inspect` exists in the binary (it prints "not implemented"), this falls back to the
private collector driver (tests/bench/col_driver.c, built on demand into OSPREY_BUILD_DIR), which
calls the same col_run/col_build_input API. Either way the result is:
    Inspect(docs={region: {"aws": {...}}}, failed={(service, region): code}, stdout, stderr, rc)
Helpers unwrap Trivy-style wrapped values: val(x) -> x["value"].
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import OSPREY_BIN, SOURCE_DIR, run_osprey  # noqa: E402

BUILD_DIR = os.environ.get("OSPREY_BUILD_DIR") or os.path.dirname(OSPREY_BIN)


class Inspect:
    def __init__(self, docs, failed, stdout, stderr, rc):
        self.docs, self.failed, self.stdout, self.stderr, self.rc = docs, failed, stdout, stderr, rc

    def svc(self, service, region="us-east-1"):
        aws = self.docs.get(region, {}).get("aws", {})
        assert service in aws, "%s missing from %s document; failed=%s stderr=%s" % (
            service, region, self.failed, self.stderr[-2000:])
        return aws[service]


def val(x):
    assert isinstance(x, dict) and "value" in x, "not a wrapped value: %r" % (x,)
    return x["value"]


def unwrap(x):
    if isinstance(x, dict):
        if "value" in x and "filepath" in x:
            return x["value"]
        return {k: unwrap(v) for k, v in x.items() if k != "__defsec_metadata"}
    if isinstance(x, list):
        return [unwrap(v) for v in x]
    return x


def by(items, field, value):
    for it in items:
        if field in it and val(it[field]) == value:
            return it
    raise AssertionError("no item with %s == %r among %s" % (field, value, [unwrap(i).get(field) for i in items]))


def _driver():
    exe = os.path.join(BUILD_DIR, "col_driver")
    if not os.path.exists(exe):
        subprocess.run(["sh", os.path.join(SOURCE_DIR, "tests", "bench", "build_driver.sh"), BUILD_DIR],
                       check=True, capture_output=True)
    return exe


def _normalise(out, regions):
    """inspect output: one document {"aws":..}, or {region: document}, or a list of documents."""
    if isinstance(out, dict) and "aws" in out:
        return {regions[0]: out}
    if isinstance(out, list):
        docs = {}
        for i, d in enumerate(out):
            reg = d.get("region") or regions[min(i, len(regions) - 1)]
            docs[reg] = d.get("input", d) if "aws" not in d else d
        return docs
    return {k: v for k, v in out.items() if not k.startswith("_")}


def _failures(text):
    failed = {}
    for line in text.splitlines():
        low = line.lower()
        if "failed" in low or "accessdenied" in low or "denied" in low:
            failed[line.strip()] = True
    return failed


def inspect(m, services=(), regions=("us-east-1",), env=None, extra=()):
    env = env or m.env()
    # a fresh cache per call: state cached by an earlier call (or another test) must not answer
    args = ["inspect", "--quiet", "--endpoint", m.endpoint, "--cache-dir", tempfile.mkdtemp(prefix="osp-colcache-")]
    for s in services:
        args += ["--service", s]
    for r in regions:
        args += ["--region", r]
    r = run_osprey(args + list(extra), env=env)
    if not (r.returncode == 5 and "not implemented" in r.stderr):
        try:
            out = json.loads(r.stdout) if r.stdout.strip() else {}
        except ValueError:
            raise AssertionError("inspect printed no JSON (rc %d): %s %s" % (r.returncode, r.stdout[:500], r.stderr[-1500:]))
        return Inspect(_normalise(out, list(regions)), _failures(r.stderr + json.dumps(out)), r.stdout, r.stderr,
                       r.returncode)
    cmd = [_driver(), "--endpoint", m.endpoint]
    for s in services:
        cmd += ["--service", s]
    for reg in regions:
        cmd += ["--region", reg]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    failed = {(x["service"], x["region"]): x["code"] for x in out["_results"] if x["status"] != "ok"}
    return Inspect(_normalise(out, list(regions)), failed, p.stdout, p.stderr, p.returncode)


# ---- scan helpers the per-service moto tests share ----
def scan_findings(tmp, m, services, name="scan"):
    """{(check id, resource): status} of a scan of `services` in us-east-1, non-failures included."""
    args = ["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--include-non-failures", "--format", "json",
            "--cache-dir", os.path.join(tmp, "cache-" + name)]
    for s in services:
        args += ["--service", s]
    r = run_osprey(args, env=m.env())
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-2000:])
    return {(f["ID"], f["Resource"]): f["Status"] for f in json.loads(r.stdout)["Findings"]}


def call_counts(m, services):
    """{service: API calls} of an inspect of `services` in us-east-1 (from the --debug summary)."""
    r = inspect(m, services, extra=["--debug"])
    return {k: int(v) for k, v in re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr)}


def readme_policy():
    """The README's minimal IAM policy document."""
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        text = f.read()
    return json.loads(text.split("<!-- permissions:begin -->", 1)[1].split("```json", 1)[1].split("```", 1)[0])


def scan_as_policy(tmp, m, policy, services, name):
    """Scan `services` as an IAM user holding exactly `policy`, with moto's IAM enforcement turned on:
    ({service: status}, report)."""
    key = m.iam_user("scanner", json.dumps(policy))
    m.enable_auth()
    env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    args = ["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--format", "json",
            "--cache-dir", os.path.join(tmp, name)]
    for svc in services:
        args += ["--service", svc]
    r = run_osprey(args, env=env)
    assert r.stdout.strip(), (r.returncode, r.stderr[-2000:])
    rep = json.loads(r.stdout)
    return {x["Service"]: x["Status"] for x in rep["Services"]}, rep
