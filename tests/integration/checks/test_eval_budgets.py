"""Hostile checks cannot escape the evaluation budgets (issue 19 items 2 and 3).

- Regex backtracking is charged to the query's step budget: `regex.match("^(a+)+$", s)` over
  many strings ends within seconds with eval_cancel_error (main spent ~0.13 s per string, hours
  for 100k strings, with no error).
- Values a query holds are capped (--max-eval-memory, default 2 GiB): a 10^9-element
  comprehension ends with a clear message (main grew until abort(), exit 134, no message).
- Out of memory is one policy: `osprey: out of memory`, exit 3 (main: abort(), exit 134)."""
import os
import resource
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import OSPREY_BIN, SOURCE_DIR, base_env, main, run_osprey  # noqa: E402

DEMO = os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc")
HUGE = "count([[i, j] | some i in numbers.range(1, 100000); some j in numbers.range(1, 10000)])"

REGEX_BOMB = """# METADATA
# title: Backtracking bomb
# custom:
#   id: USR-0666
#   avd_id: USR-0666
#   severity: HIGH
#   short_code: bomb
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package user.bomb

import rego.v1

strs := [concat("", [concat("", ["a" | some _ in numbers.range(1, 30)]), sprintf("!%d", [i])]) |
	some i in numbers.range(1, 100000)]

deny contains res if {
	some s in strs
	regex.match("^(a+)+$", s)
	res := result.new("matched", {})
}
"""


def write(t, name, text):
    path = os.path.join(t.tmp, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def child_cpu():
    """CPU seconds used by finished child processes: what a budget bounds, whatever the load of a
    shared CI machine does to wall time."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def test_backtracking_regex_is_charged_to_the_step_budget(t):
    pol = write(t, "re.rego", "package p\n\nimport rego.v1\n\n"
                "strs := [concat(\"\", [concat(\"\", [\"a\" | some _ in numbers.range(1, 30)]), \"!\"]) |"
                " some _ in numbers.range(1, 100000)]\n\n"
                "n := count([s | some s in strs; regex.match(\"^(a+)+$\", s)])\n")
    start = child_cpu()
    r = run_osprey(["rego", "eval", "--data", pol, "data.p.n"], timeout=120)
    took = child_cpu() - start
    assert took < 20, "the regex bomb ran for %.1f s of CPU" % took
    assert r.returncode == 2, (r.returncode, r.stdout[-500:], r.stderr[-500:])
    assert "eval_cancel_error" in r.stderr and "regex.match" in r.stderr and "step budget" in r.stderr, r.stderr
    # ordinary regexes still answer, and cheaply
    r = run_osprey(["rego", "eval", "--format", "pretty",
                    'count([x | some x in numbers.range(1, 20000); regex.match("^[0-9]+$", format_int(x, 10))])'])
    assert r.returncode == 0 and r.stdout.strip() == "20000", (r.stdout, r.stderr)


def test_regex_bomb_in_a_scan_is_a_named_gap(t):
    art = os.path.join(t.tmp, "demo.osc")
    shutil.copy(DEMO, art)
    write(t, "bomb.rego", REGEX_BOMB)
    start = child_cpu()
    r = run_osprey(["aws", "--offline", "--cache-artifact", art, "--quiet", "--config-check",
                    os.path.join(t.tmp, "bomb.rego"), "--check-namespaces", "user", "--service", "s3",
                    "--fail-on", "CRITICAL", "--format", "json=%s" % os.path.join(t.tmp, "r.json")], timeout=300)
    took = child_cpu() - start
    assert took < 60, "the scan with a regex bomb ran for %.1f s of CPU" % took
    assert r.returncode == 6, (r.returncode, r.stderr[-1500:])
    assert "USR-0666" in r.stderr and "step budget" in r.stderr, r.stderr[-1500:]


def test_comprehension_is_bounded_by_the_memory_cap(t):
    start = child_cpu()
    r = run_osprey(["rego", "eval", "--max-eval-memory", "64MiB", HUGE], timeout=120)
    assert child_cpu() - start < 30
    assert r.returncode == 2, (r.returncode, r.stderr[-500:])
    assert "eval_cancel_error" in r.stderr and "memory cap of 64 MiB" in r.stderr and "--max-eval-memory" in r.stderr
    r = run_osprey(["rego", "eval", "--max-eval-memory", "lots", "1"])
    assert r.returncode == 2 and "invalid --max-eval-memory 'lots'" in r.stderr, r.stderr
    r = run_osprey(["aws", "--offline", "--max-eval-memory", "12", "--region", "us-east-1"])
    assert r.returncode == 2 and "max-eval-memory" in r.stderr, r.stderr


def test_out_of_memory_is_one_message_and_exit_3(t):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    # the default cap (2 GiB) is above what this process may map: the allocator fails first
    r = subprocess.run([OSPREY_BIN, "rego", "eval", HUGE], preexec_fn=limit, capture_output=True, text=True,
                       env=base_env(), timeout=120)
    assert r.returncode == 3, (r.returncode, r.stderr[-500:])
    assert r.stderr.endswith("osprey: out of memory\n"), r.stderr[-500:]


if __name__ == "__main__":
    main(globals())
