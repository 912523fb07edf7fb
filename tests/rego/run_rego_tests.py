#!/usr/bin/env python3
"""Run the data-driven Rego cases of tests/rego/*.test through `osprey rego eval`.

A .test file holds cases, each opened by a "### <name>" line, then sections opened by
"--- <section>" lines (jq's tests/jq.test idea):

    ### else falls through to the next value
    --- module
    package t
    p := 1 if false else := 2
    --- query
    data.t.p
    --- want
    2

Sections: module (repeatable), data (JSON), input (JSON), query (one line), flags (extra
arguments, e.g. --strict-builtin-errors), and exactly one of
    want       the JSON value of the query's first expression in the first result, compared
               exactly (sets print as sorted arrays), or the word `undefined`;
    bindings   the JSON list of all result bindings, compared exactly;
    error      text that must appear in "<file>:<row>: <code>: <message>" of the first error.
With `want`, an optional `raw` section is text that must appear in the printed JSON as is
(number spelling: 1e3 stays 1e3, big integers print in full).
Exit status 1 when any case fails.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile


def parse_cases(path):
    cases, cur, sec = [], None, None
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.startswith("### "):
            cur = {"name": line[4:].strip(), "line": lineno, "module": []}
            cases.append(cur)
            sec = None
            continue
        if cur is None:
            continue
        if line.startswith("--- "):
            sec = line[4:].strip()
            if sec == "module":
                cur["module"].append("")
            else:
                cur[sec] = ""
            continue
        if sec == "module":
            cur["module"][-1] += line
        elif sec:
            cur[sec] += line
    return cases


def norm(v):
    """Compare numbers by value (1e3 == 1000), as Rego does."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, list):
        return [norm(x) for x in v]
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()}
    return v


def run_case(osprey, case, tmp):
    args = [osprey, "rego", "eval", "--format", "json"]
    for i, text in enumerate(case["module"]):
        p = os.path.join(tmp, "m%d.rego" % i)
        open(p, "w").write(text)
        args += ["--data", p]
    if "data" in case:
        p = os.path.join(tmp, "data.json")
        open(p, "w").write(case["data"])
        args += ["--data", p]
    if "input" in case:
        p = os.path.join(tmp, "input.json")
        open(p, "w").write(case["input"])
        args += ["--input", p]
    args += case.get("flags", "").split()
    args.append(case["query"].strip())
    proc = subprocess.run(args, capture_output=True, text=True, timeout=60)
    try:
        out = json.loads(proc.stdout)
    except ValueError:
        return "unparsable output (exit %d): %s %s" % (proc.returncode, proc.stdout, proc.stderr)
    if "error" in case:
        want = case["error"].strip()
        errs = out.get("errors") or []
        if not errs:
            return "wanted error %r, got %s" % (want, proc.stdout.strip())
        e = errs[0]
        loc = e.get("location") or {}
        text = "%s:%s: %s: %s" % (os.path.basename(loc.get("file", "")), loc.get("row", 0),
                                  e.get("code"), e.get("message"))
        return None if want in text else "error %r does not contain %r" % (text, want)
    if out.get("errors"):
        return "unexpected error: %s" % json.dumps(out["errors"])
    results = out.get("result") or []
    if "bindings" in case:
        got = [r.get("bindings", {}) for r in results]
        want = json.loads(case["bindings"])
        return None if got == want else "bindings %s, want %s" % (json.dumps(got), json.dumps(want))
    want_text = case["want"].strip()
    if want_text == "undefined":
        return None if not results else "wanted undefined, got %s" % json.dumps(results)
    if not results:
        return "undefined, wanted %s" % want_text
    got = results[0]["expressions"][0]["value"]
    want = json.loads(want_text)
    if json.dumps(norm(got), sort_keys=True) != json.dumps(norm(want), sort_keys=True):
        return "got %s, want %s" % (json.dumps(got), want_text)
    if "raw" in case and case["raw"].strip() not in proc.stdout:
        return "output lacks %r: %s" % (case["raw"].strip(), proc.stdout)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--osprey", required=True)
    ap.add_argument("dir")
    args = ap.parse_args()
    failed = total = 0
    for path in sorted(glob.glob(os.path.join(args.dir, "*.test"))):
        for case in parse_cases(path):
            total += 1
            with tempfile.TemporaryDirectory() as tmp:
                err = run_case(args.osprey, case, tmp)
            where = "%s:%d" % (os.path.basename(path), case["line"])
            if err:
                failed += 1
                print("FAIL %s %s: %s" % (where, case["name"], err))
            else:
                print("PASS %s %s" % (where, case["name"]))
    print("%d passed, %d failed" % (total - failed, failed))
    return 1 if failed or not total else 0


if __name__ == "__main__":
    sys.exit(main())
