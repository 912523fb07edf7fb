#!/usr/bin/env python3
"""action/summary.py: what the action's scan step needs from the reports, from osprey's JSON
report and (when written) its SARIF.

  summary.py facts REPORT.json SARIF|-       -> KEY=VALUE lines: counts, category, incomplete
  summary.py markdown REPORT.json SARIF|- TOP -> the job summary's Markdown on stdout

Tolerant: a missing or unreadable report gives zero counts and says so; the completeness of a
run is read from the SARIF's invocations[0].executionSuccessful, else from the JSON report's
top-level Status ("incomplete") or an Incomplete flag (either shape)."""
import json
import sys

SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"]


def load(path):
    if not path or path == "-":
        return None
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def cell(s):
    """A Markdown table cell: one line, pipes escaped, bounded."""
    s = " ".join(str(s if s is not None else "").split()).replace("|", "\\|")
    return s if len(s) <= 200 else s[:197] + "..."


def incomplete_json(report):
    if not isinstance(report, dict):
        return False
    status = report.get("Status")
    if isinstance(status, str) and status.lower() == "incomplete":
        return True
    for v in [report] + [x for x in report.values() if isinstance(x, dict)]:
        if v.get("Incomplete") is True or (isinstance(v.get("Status"), str) and v["Status"].lower() == "incomplete"):
            return True
    return False


def facts(report, sarif):
    findings = report.get("Findings", []) if isinstance(report, dict) else []
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        if f.get("Status") == "FAIL" and f.get("Severity") in counts:
            counts[f["Severity"]] += 1
    out = {s.lower(): counts[s] for s in SEVERITIES}
    category, sarif_incomplete = "", False
    if isinstance(sarif, dict):
        runs = sarif.get("runs") or [{}]
        category = (runs[0].get("automationDetails") or {}).get("id", "")
        for inv in runs[0].get("invocations") or []:
            if inv.get("executionSuccessful") is False:
                sarif_incomplete = True
    out["category"] = category
    gate = report.get("Gate") if isinstance(report, dict) else None
    # the gate's own verdict: also under --exit-code 0 (report-only) and in an incomplete run (exit 6)
    out["breached"] = ("true" if gate.get("Breached") else "false") if isinstance(gate, dict) else ""
    out["incomplete"] = "true" if sarif_incomplete or incomplete_json(report) else "false"
    out["accounts"] = "+".join(report.get("Accounts", [])) if isinstance(report, dict) else ""
    out["regions"] = "+".join(report.get("Regions", [])) if isinstance(report, dict) else ""
    return out


def markdown(report, sarif, top):
    f = facts(report, sarif)
    lines = ["### osprey: AWS account %s (%s)" % (cell(f["accounts"] or "unknown"), cell(f["regions"] or "no region")), ""]
    if not isinstance(report, dict):
        return "\n".join(lines + ["No report was written: the scan did not run to the end (see the step log).", ""])
    lines += ["| Severity | Failed findings |", "|---|---|"]
    lines += ["| %s | %d |" % (s, f[s.lower()]) for s in SEVERITIES if s != "UNKNOWN" or f["unknown"]]
    lines.append("")
    if f["incomplete"] == "true":
        lines += ["**Incomplete scan**: some services or regions could not be scanned, so the absence of a "
                  "finding there proves nothing.", ""]
    fails = [x for x in report.get("Findings", []) if x.get("Status") == "FAIL"]
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    fails.sort(key=lambda x: (rank.get(x.get("Severity"), 9), x.get("ID", ""), x.get("Resource", "")))
    if fails:
        lines += ["#### Top findings", "", "| Severity | Check | Resource | Region |", "|---|---|---|---|"]
        for x in fails[:top]:
            check = "%s %s" % (x.get("ID", ""), x.get("Title", ""))
            lines.append("| %s | %s | %s | %s |" % (cell(x.get("Severity")), cell(check),
                                                     cell(x.get("Resource") or "account " + x.get("Account", "")),
                                                     cell(x.get("Region"))))
        if len(fails) > top:
            lines.append("")
            lines.append("%d more failed findings in the reports." % (len(fails) - top))
        lines.append("")
    bad = [s for s in report.get("Services", []) if str(s.get("Status", "")).lower() in ("failed", "error")]
    if bad:
        lines += ["#### Services not scanned", "", "| Account | Region | Service | Error |", "|---|---|---|---|"]
        for s in bad:
            err = ": ".join(x for x in (s.get("ErrorCode", ""), s.get("ErrorMessage", "")) if x)
            lines.append("| %s | %s | %s | %s |" % (cell(s.get("Account")), cell(s.get("Region")),
                                                     cell(s.get("Service")), cell(err)))
        lines.append("")
    comp = report.get("Compliance")
    if isinstance(comp, dict) and comp.get("Controls") is not None:
        ctl = comp.get("Controls") or []
        by = {}
        for c in ctl:
            by[c.get("Status", "")] = by.get(c.get("Status", ""), 0) + 1
        lines += ["#### Compliance: %s" % cell(comp.get("Title") or comp.get("ID")), "",
                  "| PASS | FAIL | MANUAL | ERROR |", "|---|---|---|---|",
                  "| %d | %d | %d | %d |" % tuple(by.get(k, 0) for k in ("PASS", "FAIL", "MANUAL", "ERROR")), ""]
        failing = [c for c in ctl if c.get("Status") == "FAIL"]
        if failing:
            lines += ["| Failing control | Name | Severity | Failing resources |", "|---|---|---|---|"]
            for c in failing[:top]:
                lines.append("| %s | %s | %s | %s |" % (cell(c.get("ID")), cell(c.get("Name")), cell(c.get("Severity")),
                                                        cell(c.get("FailingResources", ""))))
            lines.append("")
    return "\n".join(lines)


def main(argv):
    if len(argv) < 4 or argv[1] not in ("facts", "markdown"):
        sys.stderr.write(__doc__)
        return 2
    report, sarif = load(argv[2]), load(argv[3])
    if argv[1] == "facts":
        for k, v in facts(report, sarif).items():  # one line each: CR and LF dropped
            print("%s=%s" % (k, str(v).replace("\r", "").replace("\n", "")))
    else:
        print(markdown(report, sarif, int(argv[4]) if len(argv) > 4 else 10))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
