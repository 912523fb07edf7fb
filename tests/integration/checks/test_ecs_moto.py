"""ecs on moto: misconfigured clusters and task definitions FAIL their check ids, compliant twins
PASS, from a live scan; only the latest revision of a family is judged; environment values never
reach any output; calls stay within 2 per resource.

What moto 5.2.1 cannot express, and where it is covered instead:
- "Latest ACTIVE revision" when the newest revision is deregistered: moto's DescribeTaskDefinition
  by family returns the newest revision whatever its status (AWS returns the newest ACTIVE one), so
  the test never deregisters; the choice is AWS's, osprey only asks by family.
- Fields AWS returns and moto does not (environmentFiles, secrets, EFS authorizationConfig, an EFS
  volume without transitEncryption, a cluster that never set containerInsights): covered by the
  recorded response ecs_*_aws.json (tests/unit/collect/test_ecs.c) and checks/aws/ecs/*_test.rego.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

ACCT = "123456789012"
C = "arn:aws:ecs:us-east-1:%s:cluster/" % ACCT
T = "arn:aws:ecs:us-east-1:%s:task-definition/" % ACCT
CLEAR = "not-in-any-output-77"


def seed(m):
    ecs = m.client("ecs")
    ecs.create_cluster(clusterName="bad-cl", settings=[{"name": "containerInsights", "value": "disabled"}])
    ecs.create_cluster(clusterName="plain-cl")
    ecs.create_cluster(clusterName="enhanced-cl", settings=[{"name": "containerInsights", "value": "enhanced"}])
    ecs.create_cluster(clusterName="good-cl", settings=[{"name": "containerInsights", "value": "enabled"}])
    app = {"name": "app", "image": "nginx", "memory": 256, "essential": True}
    # web:1 is old and bad, web:2 (the latest) is compliant: only web:2 is judged
    ecs.register_task_definition(family="web", containerDefinitions=[dict(app, environment=[
        {"name": "DB_PASSWORD", "value": CLEAR}])],
        volumes=[{"name": "d", "efsVolumeConfiguration": {"fileSystemId": "fs-1", "transitEncryption": "DISABLED"}}])
    ecs.register_task_definition(family="web", containerDefinitions=[dict(app, environment=[
        {"name": "MODE", "value": "fast"}])],
        volumes=[{"name": "d", "efsVolumeConfiguration": {"fileSystemId": "fs-1", "transitEncryption": "ENABLED"}},
                 {"name": "scratch", "host": {"sourcePath": "/tmp"}}])
    ecs.register_task_definition(family="worker", containerDefinitions=[dict(app, environment=[
        {"name": "DB_PASSWORD", "value": CLEAR}, {"name": "AWS_KEY", "value": "AKIAIOSFODNN7EXAMPLQ"}])],
        volumes=[{"name": "d", "efsVolumeConfiguration": {"fileSystemId": "fs-2", "transitEncryption": "DISABLED"}}])
    ecs.register_task_definition(family="bindonly", containerDefinitions=[app],
                                 volumes=[{"name": "scratch", "host": {"sourcePath": "/tmp"}}])


MUST_FAIL = [("AVD-AWS-0034", C + "bad-cl"), ("AVD-AWS-0034", C + "plain-cl"),
             ("AVD-AWS-0035", T + "worker:1"), ("AVD-AWS-0036", T + "worker:1")]
MUST_PASS = [("AVD-AWS-0034", C + "enhanced-cl"), ("AVD-AWS-0034", C + "good-cl"),
             ("AVD-AWS-0035", T + "web:2"), ("AVD-AWS-0036", T + "web:2"),
             ("AVD-AWS-0035", T + "bindonly:1"), ("AVD-AWS-0036", T + "bindonly:1")]


def scan(t, m, extra=()):
    out = os.path.join(t.tmp, "r.json")
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "ecs", "--cache-dir",
                    os.path.join(t.tmp, "c"), "--include-non-failures", "--format", "json=" + out] + list(extra),
                   env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    return r, out


def test_misconfigured_fail_and_compliant_twins_pass(t):
    m = t.moto()
    seed(m)
    r, out = scan(t, m)
    rep = json.load(open(out))
    assert all(s["Status"] == "ok" for s in rep["Services"]), rep["Services"]
    fails = {(f["ID"], f["Resource"]) for f in rep["Findings"] if f["Status"] == "FAIL"}
    passes = {(f["ID"], f["Resource"]) for f in rep["Findings"] if f["Status"] == "PASS"}
    missing = [x for x in MUST_FAIL if x not in fails]
    assert not missing, (missing, sorted(fails))
    wrong = [x for x in MUST_PASS if x in fails or x not in passes]
    assert not wrong, (wrong, sorted(fails))
    # the old revision web:1 is not judged at all (Trivy scans every revision)
    assert not [f for f in rep["Findings"] if f["Resource"] == T + "web:1"]
    # Trivy flags host volumes for 0035: one finding for worker's EFS volume, none for bind mounts
    assert len([f for f in rep["Findings"] if f["ID"] == "AVD-AWS-0035" and f["Status"] == "FAIL"]) == 1
    assert CLEAR not in open(out).read() + r.stdout + r.stderr


def test_calls_per_resource_stay_within_two(t):
    """ListClusters + one DescribeClusters per 100 clusters; ListTaskDefinitionFamilies + one
    DescribeTaskDefinition per family."""
    m = t.moto()
    seed(m)  # 4 clusters, 3 families
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "ecs",
                    "--cache-dir", os.path.join(t.tmp, "c"), "--debug", "--format", "json"], env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    calls = {s: int(n) for s, n in re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr)}
    assert calls.get("ecs") == 1 + 1 + 1 + 3, calls


def test_clusters_batch_by_100(t):
    m = t.moto()
    ecs = m.client("ecs")
    for i in range(103):
        ecs.create_cluster(clusterName="c-%03d" % i)
    r = run_osprey(["inspect", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "ecs", "--cache-dir",
                    os.path.join(t.tmp, "c")], env=m.env())
    assert r.returncode == 0, r.stderr[-2000:]
    doc = json.loads(r.stdout)
    doc = doc if "aws" in doc else list(doc.values())[0]
    names = sorted(c["name"]["value"] for c in doc["aws"]["ecs"]["clusters"])
    assert names == ["c-%03d" % i for i in range(103)], (len(names), names[:3])


if __name__ == "__main__":
    main(globals())
