"""Trivy's flag forms work unchanged: comma lists, Go durations, --no-progress, OSPREY_<FLAG>
variables and a config file with Trivy's keys, with precedence flag > env > file > default.
Runs `osprey aws --offline` on the bundled demo artifact (no AWS)."""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import SOURCE_DIR, base_env, main, run_osprey  # noqa: E402

DEMO = os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc")


def scan(t, args, env=None, files=None):
    """osprey aws --offline on a copy of the demo artifact, in t.tmp as the working directory."""
    art = os.path.join(t.tmp, "d.osc")
    if not os.path.exists(art):
        shutil.copy(DEMO, art)
    for name, text in (files or {}).items():
        with open(os.path.join(t.tmp, name), "w") as f:
            f.write(text)
    e = base_env()
    e.update(env or {})
    return run_osprey(["aws", "--offline", "--cache-artifact", art, "-q"] + args, env=e, cwd=t.tmp)


def findings(r):
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)["Findings"]


def test_service_comma_list_like_trivy(t):
    r = scan(t, ["--service", "s3,iam", "-f", "json"])
    assert r.returncode == 0, r.stderr
    got = {f["Service"] for f in findings(r)}
    assert got == {"s3", "iam"}, got
    twice = scan(t, ["--service", "s3", "--service", "iam", "-f", "json"])
    assert twice.stdout == r.stdout, "a comma list must mean the same as the repeated flag"


def test_skip_service_and_severity_comma_lists(t):
    r = findings(scan(t, ["--skip-service", "iam,s3", "--severity", "HIGH,CRITICAL", "-f", "json"]))
    assert r and {f["Service"] for f in r}.isdisjoint({"iam", "s3"}), {f["Service"] for f in r}
    assert {f["Severity"] for f in r} <= {"HIGH", "CRITICAL"}


def test_region_comma_list(t):
    r = scan(t, ["--region", "us-east-1,us-east-1", "-f", "json"])
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["Regions"] == ["global", "us-east-1"]


def test_go_durations_like_trivy(t):
    for d in ("1.5h", "1h30m", "500ms", "2h0m0s"):
        r = scan(t, ["--max-cache-age", d, "--timeout", d if d != "500ms" else "10m", "-f", "json"])
        assert r.returncode == 0, (d, r.stderr)
    bad = scan(t, ["--max-cache-age", "1.5"])
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    assert "--max-cache-age" in bad.stderr and "'1.5'" in bad.stderr, bad.stderr


def test_no_progress_is_accepted(t):
    r = scan(t, ["--no-progress", "-f", "json"])
    assert r.returncode == 0, r.stderr
    # nothing but the (deliberate) warning that the demo artifact carries no --artifact-key MAC
    other = [l for l in r.stderr.splitlines() if "is unauthenticated (no --artifact-key)" not in l]
    assert other == [], r.stderr


def test_env_variable_for_every_flag(t):
    base = findings(scan(t, ["-f", "json"]))
    r = findings(scan(t, ["-f", "json"], env={"OSPREY_SEVERITY": "CRITICAL", "OSPREY_SERVICE": "s3,iam",
                                               "OSPREY_MAX_CACHE_AGE": "1.5h", "OSPREY_NO_PROGRESS": "true"}))
    assert r and len(r) < len(base)
    assert {f["Severity"] for f in r} == {"CRITICAL"} and {f["Service"] for f in r} <= {"s3", "iam"}
    gate = scan(t, ["-f", "json"], env={"OSPREY_FAIL_ON": "CRITICAL"})
    assert gate.returncode == 1, gate.stderr


def test_env_bad_value_is_one_clear_usage_error(t):
    r = scan(t, [], env={"OSPREY_MAX_CACHE_AGE": "soon"})
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "OSPREY_MAX_CACHE_AGE" in lines[0] and "'soon'" in lines[0], r.stderr
    r = scan(t, [], env={"OSPREY_UPDATE_CACHE": "maybe"})
    assert r.returncode == 2 and "OSPREY_UPDATE_CACHE" in r.stderr, r.stderr


CONFIG = """cloud:
  aws:
    service: [s3, iam]
  max-cache-age: 1.5h
severity:
  - HIGH
  - CRITICAL
format: json
"""


def test_config_file_with_trivy_keys(t):
    r = findings(scan(t, [], files={"osprey.yaml": CONFIG}))  # read from the working directory
    assert r and {f["Service"] for f in r} <= {"s3", "iam"}
    assert {f["Severity"] for f in r} <= {"HIGH", "CRITICAL"}
    os.rename(os.path.join(t.tmp, "osprey.yaml"), os.path.join(t.tmp, "elsewhere.yaml"))
    again = scan(t, ["-c", "elsewhere.yaml"])
    assert again.returncode == 0 and json.loads(again.stdout)["Findings"] == r, again.stderr
    via_env = scan(t, [], env={"OSPREY_CONFIG": "elsewhere.yaml"})
    assert via_env.returncode == 0 and json.loads(via_env.stdout)["Findings"] == r, via_env.stderr


def test_precedence_flag_then_env_then_file(t):
    files = {"osprey.yaml": "severity: [LOW]\nformat: json\nservice: s3,iam,ec2\n"}
    file_only = {f["Severity"] for f in findings(scan(t, [], files=files))}
    assert file_only == {"LOW"}, file_only
    env_wins = {f["Severity"] for f in findings(scan(t, [], env={"OSPREY_SEVERITY": "MEDIUM"}))}
    assert env_wins == {"MEDIUM"}, env_wins
    flag_wins = {f["Severity"] for f in findings(scan(t, ["--severity", "HIGH"], env={"OSPREY_SEVERITY": "MEDIUM"}))}
    assert flag_wins == {"HIGH"}, flag_wins
    # lists are replaced, not merged: the flag's one service, not the file's three
    services = {f["Service"] for f in findings(scan(t, ["--service", "iam", "--severity", "LOW,MEDIUM,HIGH"]))}
    assert services == {"iam"}, services


def test_config_file_errors_name_file_and_line(t):
    r = scan(t, [], files={"osprey.yaml": "format: json\ncloud:\n  aws:\n    regoin: us-east-1\n"})
    assert r.returncode == 2, r.stderr
    line = r.stderr.strip()
    assert len(line.splitlines()) == 1 and "osprey.yaml:4" in line and "cloud.aws.regoin" in line, line
    r = scan(t, [], files={"osprey.yaml": "output: [a, b]\n"})
    assert r.returncode == 2 and "osprey.yaml:1" in r.stderr and "one value" in r.stderr, r.stderr
    r = scan(t, [], files={"osprey.yaml": "max-cache-age: later\n"})
    assert r.returncode == 2 and "osprey.yaml:1" in r.stderr and "'later'" in r.stderr, r.stderr
    r = scan(t, [], files={"osprey.yaml": "severity: [HIGH\n"})
    assert r.returncode == 2 and "osprey.yaml" in r.stderr and "YAML" in r.stderr, r.stderr
    r = scan(t, ["-c", "missing.yaml"])
    assert r.returncode == 2 and "missing.yaml" in r.stderr, r.stderr


def test_help_lists_new_flags_and_ignores_a_broken_config(t):
    with open(os.path.join(t.tmp, "osprey.yaml"), "w") as f:
        f.write("nonsense: [\n")
    r = run_osprey(["aws", "--help"], cwd=t.tmp)
    assert r.returncode == 0, r.stderr
    for flag in ("--no-progress", "--ignore-policy", "--config", "OSPREY_<FLAG>"):
        assert flag in r.stdout, flag


def test_trivyignore_yaml_like_trivy(t):
    base = findings(scan(t, ["-f", "json", "--severity", "CRITICAL"]))
    assert base, "the demo account has CRITICAL findings"
    ids = sorted({f["ID"] for f in base})
    # every other AVD id without its prefix (Trivy accepts both); osprey's own OSP ids keep theirs
    entries = "".join("  - id: %s\n    statement: reviewed %s\n" % (i[4:] if n % 2 and i.startswith("AVD-") else i, i)
                      for n, i in enumerate(ids))
    text = "misconfigurations:\n" + entries + "vulnerabilities:\n  - id: CVE-2024-0001\n"
    r = scan(t, ["-f", "json", "--severity", "CRITICAL", "--fail-on", "CRITICAL", "--ignorefile", ".trivyignore.yaml"],
             files={".trivyignore.yaml": text})
    assert r.returncode == 0, r.stderr  # every CRITICAL ignored: the gate passes
    got = json.loads(r.stdout)["Findings"]
    assert got and all(f["Status"] == "IGNORED" and f["IgnoreReason"].startswith("reviewed ") for f in got), got[:2]
    # found by default in the working directory, like .trivyignore
    d = scan(t, ["-f", "json", "--severity", "CRITICAL", "--fail-on", "CRITICAL"])
    assert d.returncode == 0, d.stderr
    # scoped by ARN glob (paths) and expired entries stop applying
    one = base[0]
    text = ("misconfigurations:\n  - id: %s\n    paths: [\"%s\"]\n  - id: %s\n    expired_at: 2001-01-01\n"
            % (one["ID"], one["Resource"], ids[-1]))
    r = scan(t, ["-f", "json", "--severity", "CRITICAL", "--ignorefile", "scoped.yaml"], files={"scoped.yaml": text})
    assert r.returncode == 0, r.stderr
    ignored = [(f["ID"], f["Resource"]) for f in json.loads(r.stdout)["Findings"] if f["Status"] == "IGNORED"]
    same = [f for f in base if (f["ID"], f["Resource"]) == (one["ID"], one["Resource"])]
    assert ignored == [(one["ID"], one["Resource"])] * len(same), ignored
    assert "expired" in r.stderr, r.stderr


def test_trivyignore_yaml_errors_are_usage_errors(t):
    r = scan(t, ["--ignorefile", "bad.yaml"], files={"bad.yaml": "misconfigurations:\n  - id: AVD-AWS-0086\n    paht: [x]\n"})
    assert r.returncode == 2, r.stderr
    assert "bad.yaml:3" in r.stderr and "paht" in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


POLICY = """package trivy

import rego.v1

default ignore := false

ignore if {
    input.AVDID == "%s"
    input.CauseMetadata.Provider == "AWS"
    input.Resource == "%s"
}

ignore if input.ID == "%s"
"""


def test_ignore_policy_with_trivy_semantics(t):
    base = findings(scan(t, ["-f", "json"]))
    one, other = base[0], next(f for f in base if f["ID"] != base[0]["ID"])
    policy = POLICY % (one["ID"], one["Resource"], other["ID"][4:])  # ID without AVD-, as Trivy's input has it
    r = scan(t, ["-f", "json", "--ignore-policy", "ignore.rego"], files={"ignore.rego": policy})
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)["Findings"]
    ignored = {(f["ID"], f["Resource"]) for f in got if f["Status"] == "IGNORED"}
    want = {(f["ID"], f["Resource"]) for f in base
            if (f["ID"], f["Resource"]) == (one["ID"], one["Resource"]) or f["ID"] == other["ID"]}
    assert ignored == want, (ignored, want)
    assert all(f["IgnoreReason"] == "ignore policy ignore.rego" for f in got if f["Status"] == "IGNORED")
    # thresholds count what is left: ignoring every finding passes a LOW gate
    everything = "package trivy\nimport rego.v1\nignore if input.Status == \"FAIL\"\n"
    gate = scan(t, ["-f", "json", "--fail-on", "LOW", "--ignore-policy", "all.rego"], files={"all.rego": everything})
    assert gate.returncode == 0, gate.stderr


def test_ignore_policy_errors_never_pass_a_gate(t):
    cases = {"syntax.rego": "package trivy\nignore if {\n", "notbool.rego": "package trivy\nignore := \"yes\"\n"}
    for name, text in cases.items():
        r = scan(t, ["-f", "json", "--fail-on", "LOW", "--ignore-policy", name], files={name: text})
        assert r.returncode == 2, (name, r.returncode, r.stderr)
        assert r.stdout == "" and name in r.stderr, (name, r.stderr)
    r = scan(t, ["--ignore-policy", "missing.rego"])
    assert r.returncode == 2 and "missing.rego" in r.stderr, r.stderr


def flag_rows():
    r = run_osprey(["help", "--markdown"])
    assert r.returncode == 0, r.stderr
    rows = []
    for line in r.stdout.splitlines():
        if line.startswith("| `--"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows.append((cells[0].split("`")[1][2:], cells[1], cells[3], cells[4]))
    return rows


def test_every_flag_has_an_env_variable_and_a_config_key(t):
    rows = flag_rows()
    assert len(rows) > 30, rows
    for name, arg, env, key in rows:
        if name == "help":
            continue
        want = "OSPREY_" + name.upper().replace("-", "_")
        assert env.startswith("`%s`" % want), (name, env)
        page = run_osprey(["help", name]).stdout
        assert "environment: " + want in page, (name, page)
        if name != "config":
            assert key.strip("`") and "config key: " + key.strip("`") in page, (name, key, page)
    # one generic path: every switch reads true/false from its variable, and rejects anything else
    switches = [name for name, arg, env, key in rows if not arg and name != "help"]
    assert len(switches) >= 8, switches
    for name in switches:
        var = "OSPREY_" + name.upper().replace("-", "_")
        r = run_osprey(["aws"], env=dict(base_env(), **{var: "maybe"}),
                       cwd=t.tmp)
        assert r.returncode == 2 and var in r.stderr and "'maybe'" in r.stderr, (name, r.returncode, r.stderr)


CHECK = """# METADATA
# title: every account gets one
# custom:
#   id: USR-0001
#   severity: LOW
package user.demo

import rego.v1

deny contains "custom check ran" if true
"""


def test_trivys_older_check_flag_names(t):
    os.makedirs(os.path.join(t.tmp, "pol"), exist_ok=True)
    with open(os.path.join(t.tmp, "pol", "c.rego"), "w") as f:
        f.write(CHECK)
    new = scan(t, ["-f", "json", "--config-check", "pol", "--check-namespaces", "user"])
    old = scan(t, ["-f", "json", "--policy", "pol", "--namespaces", "user"])
    older = scan(t, ["-f", "json", "--config-policy", "pol", "--policy-namespaces", "user"])
    assert new.returncode == 0, new.stderr
    assert any(f["ID"] == "USR-0001" for f in json.loads(new.stdout)["Findings"])
    assert old.stdout == new.stdout and older.stdout == new.stdout, (old.stderr, older.stderr)


if __name__ == "__main__":
    main(globals())
