#!/usr/bin/env python3
"""Rewrite conformance-known-failures.txt from a run_conformance.py --report JSON.

    python3 ../shared/rego-conformance/run_conformance.py --suite ../shared/rego-conformance \
        --versions v1 -j 8 --tool "build/osprey rego eval" --report /tmp/conf.json
    python3 tests/rego/update_known_failures.py /tmp/conf.json

Entries are "v1/<note>" lines grouped by category, each with the first failure reason as a
comment, so a reviewer sees why a case is expected to fail.
"""
import json
import os
import sys

HEADER = """# OPA v1 conformance cases osprey's Rego engine is known to fail (run_conformance.py
# --known-failures syntax: one "v1/<note>" per line). A failure not listed here fails CTest
# (rego/conformance); a listed case that passes is reported as fixed: remove it.
# Regenerate with tests/rego/update_known_failures.py after a run with --report.
"""


def main():
    report = json.load(open(sys.argv[1]))
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "conformance-known-failures.txt")
    bycat = {}
    for r in report["results"]:
        if r["status"] not in ("FAIL", "ERROR"):
            continue
        reason = " ".join(r.get("reason", "").split())[:110]
        bycat.setdefault(r["category"], {}).setdefault("%s/%s" % (r["version"], r["note"]), reason)
    lines = [HEADER]
    for cat in sorted(bycat):
        lines.append("\n# %s (%d)\n" % (cat, len(bycat[cat])))
        for key in sorted(bycat[cat]):
            lines.append("%s\n" % key)
            if bycat[cat][key]:
                lines.append("#   %s\n" % bycat[cat][key])
    with open(out, "w") as f:
        f.writelines(lines)
    print("%d entries written to %s" % (sum(len(v) for v in bycat.values()), out))


if __name__ == "__main__":
    main()
