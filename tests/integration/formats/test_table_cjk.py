"""A custom compliance spec with CJK control names renders a table whose borders line up: every
row of the grid is as wide, in terminal columns, as its border (osprey aws --compliance @spec)."""
import os
import shutil
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import SOURCE_DIR, base_env, main, run_osprey  # noqa: E402

SPEC = """spec:
  id: cjk-demo
  title: "自定义合规"
  version: "1.0"
  controls:
    - id: "1.1"
      name: "避免使用根用户"
      severity: LOW
      checks:
        - id: AVD-AWS-0140
    - id: "1.2"
      name: "MFA is enabled for every IAM user"
      severity: MEDIUM
      checks:
        - id: AVD-AWS-0145
    - id: "2.1"
      name: "ルートアカウントのMFAを有効にする"
      severity: HIGH
      checks:
        - id: AVD-AWS-0086
"""


def columns(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def test_cjk_control_names_line_up(t):
    shutil.copy(os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc"), os.path.join(t.tmp, "d.osc"))
    with open(os.path.join(t.tmp, "spec.yaml"), "w") as f:
        f.write(SPEC)
    r = run_osprey(["aws", "--offline", "--cache-artifact", "d.osc", "-q", "--compliance", "@spec.yaml"],
                   env=base_env(), cwd=t.tmp)
    assert r.returncode == 0, r.stderr
    grid = [line for line in r.stdout.splitlines() if line.startswith(("+", "|"))]
    assert any("避免使用根用户" in line for line in grid), r.stdout
    widths = {columns(line) for line in grid}
    assert len(widths) == 1, "misaligned rows:\n" + "\n".join("%3d %s" % (columns(x), x) for x in grid)


if __name__ == "__main__":
    main(globals())
