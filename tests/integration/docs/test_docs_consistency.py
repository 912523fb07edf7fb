"""Docs stay in step with code: flag pages vs the flag table, README flag reference vs
`osprey help --markdown`, the README checks per service vs the catalog, the README exit-code
table vs core/err.h, the README test command vs .ci/run."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402


def flag_table_names():
    src = open(os.path.join(SOURCE_DIR, "src", "cli", "opts.c")).read()
    block = src[src.index("static const struct cli_flag flags[]"):]
    block = block[:block.index("};")]
    return set(re.findall(r'^\s*\{"([a-z0-9-]+)",', block, re.M))


def test_every_flag_has_a_page_and_every_page_a_flag(t):
    pages = {f[:-3] for f in os.listdir(os.path.join(SOURCE_DIR, "src", "cli", "flags")) if f.endswith(".md")}
    flags = flag_table_names()
    assert flags, "no flags parsed from opts.c"
    assert pages == flags, "pages without flags: %s; flags without pages: %s" % (pages - flags, flags - pages)


def readme():
    return open(os.path.join(SOURCE_DIR, "README.md")).read()


def test_readme_flag_reference_is_generated(t):
    r = run_osprey(["help", "--markdown"])
    assert r.returncode == 0
    text = readme()
    start = text.index("<!-- flags:begin -->") + len("<!-- flags:begin -->")
    end = text.index("<!-- flags:end -->")
    assert text[start:end].strip() == r.stdout.strip(), "README flag section differs from `osprey help --markdown`"


def test_readme_checks_per_service_is_generated(t):
    sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "tools"))
    from update_readme import checks_per_service  # noqa: E402
    r = run_osprey(["checks", "list", "--format", "json"])
    assert r.returncode == 0, r.stderr
    checks = json.loads(r.stdout)
    text = readme()
    start = text.index("<!-- checks-per-service:begin -->") + len("<!-- checks-per-service:begin -->")
    end = text.index("<!-- checks-per-service:end -->")
    assert text[start:end].strip() == checks_per_service(checks).strip(), \
        "README checks per service differs from the catalog: run tests/tools/update_readme.py"
    total = text[start:end].strip().splitlines()[-1]
    assert "| %d |" % len(checks) in total, total  # the total row counts every check


def test_readme_exit_codes_match_err_h(t):
    err_h = open(os.path.join(SOURCE_DIR, "src", "core", "err.h")).read()
    codes = set(int(c) for c in re.findall(r"X\(OSP_\w+, (\d+),", err_h))
    text = readme()
    section = text[text.index("## Exit codes"):]
    section = section[:section.index("\n## ", 5)]
    documented = set(int(c) for c in re.findall(r"^\| `?(\d+)`? \|", section, re.M))
    assert codes <= documented, "exit codes %s not in README" % (codes - documented)


def test_readme_test_command_is_what_ci_runs(t):
    ci = open(os.path.join(SOURCE_DIR, ".ci", "run")).read().strip().splitlines()[-1]
    assert ci in readme(), "the README must show the exact test command .ci/run runs: " + ci


if __name__ == "__main__":
    main(globals())
