#!/usr/bin/env python3
"""Regenerate the generated sections of README.md from their sources:
  flags        <- `osprey help --markdown` (the flag table in src/cli/opts.c)
  checks-per-service <- `osprey checks list --format json` (the check catalog, checks/aws/)
Usage: python3 tests/tools/update_readme.py [--osprey build/osprey]
tests/integration/docs/test_docs_consistency.py fails when a section is stale."""
import argparse
import json
import os
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def replace_section(text, name, body):
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    a = text.index(begin) + len(begin)
    b = text.index(end)
    return text[:a] + "\n" + body.strip() + "\n" + text[b:]


def checks_per_service(checks):
    """The README table of checks per service from `osprey checks list --format json`."""
    rows = {}
    for c in checks:
        r = rows.setdefault(c["service"], [0, 0, 0, 0])
        r[0] += 1
        r[1] += bool(c.get("trivy_id"))
        r[2] += not c.get("trivy_id")
        r[3] += c.get("status") == "retired"
    total = [sum(r[i] for r in rows.values()) for i in range(4)]
    lines = ["| service | checks | Trivy IDs | osprey's own | retired |", "|---|--:|--:|--:|--:|"]
    lines += ["| `%s` | %d | %d | %d | %d |" % (s, *rows[s]) for s in sorted(rows)]
    lines.append("| all %d services | %d | %d | %d | %d |" % (len(rows), *total))
    return "\n".join(lines)


def catalog(osprey):
    out = subprocess.run([osprey, "checks", "list", "--format", "json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--osprey", default=os.path.join(ROOT, "build", "osprey"))
    a = ap.parse_args()
    path = os.path.join(ROOT, "README.md")
    text = open(path).read()
    flags = subprocess.run([a.osprey, "help", "--markdown"], capture_output=True, text=True, check=True).stdout
    text = replace_section(text, "flags", flags)
    text = replace_section(text, "checks-per-service", checks_per_service(catalog(a.osprey)))
    open(path, "w").write(text)
    print("README.md updated")


if __name__ == "__main__":
    main()
