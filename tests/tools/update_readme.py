#!/usr/bin/env python3
"""Regenerate the generated sections of README.md from their sources:
  flags        <- `osprey help --markdown` (the flag table in src/cli/opts.c)
Usage: python3 tests/tools/update_readme.py [--osprey build/osprey]
tests/integration/docs/test_docs_consistency.py fails when a section is stale."""
import argparse
import os
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def replace_section(text, name, body):
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    a = text.index(begin) + len(begin)
    b = text.index(end)
    return text[:a] + "\n" + body.strip() + "\n" + text[b:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--osprey", default=os.path.join(ROOT, "build", "osprey"))
    a = ap.parse_args()
    path = os.path.join(ROOT, "README.md")
    text = open(path).read()
    flags = subprocess.run([a.osprey, "help", "--markdown"], capture_output=True, text=True, check=True).stdout
    text = replace_section(text, "flags", flags)
    open(path, "w").write(text)
    print("README.md updated")


if __name__ == "__main__":
    main()
