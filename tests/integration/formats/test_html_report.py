"""`--format html` in headless Chromium (Debian's `chromium`): the page is self-contained (a
Content-Security-Policy forbids any load, and nothing refers to one), loads with no console error
or policy violation, and the severity/service/check selects hide the rows that do not match.

The test copies the page with two probe scripts added: one first in <head> records errors,
console.error calls and CSP violations; one last in <body> drives the selects and writes what it
saw into the DOM, which `chromium --dump-dom` prints."""
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "sample-report.json")

HEAD_PROBE = """<script>
window.__probe = {errors: []};
window.addEventListener('error', function (e) { window.__probe.errors.push('error: ' + e.message); });
document.addEventListener('securitypolicyviolation', function (e) {
  window.__probe.errors.push('csp: ' + e.blockedURI + ' ' + e.violatedDirective); });
(function () { var ce = console.error;
  console.error = function () { window.__probe.errors.push('console: ' + Array.prototype.join.call(arguments, ' '));
    return ce.apply(console, arguments); }; })();
</script>
"""

BODY_PROBE = """<script>
(function () {
  var out = {errors: window.__probe.errors, shown: document.getElementById('shown').textContent, runs: {}};
  function visible() {
    var rows = document.querySelectorAll('#findings tbody tr'), v = [];
    for (var i = 0; i < rows.length; i++)
      if (!rows[i].hidden && rows[i].getClientRects().length)
        v.push([rows[i].getAttribute('data-severity'), rows[i].getAttribute('data-service'),
                rows[i].getAttribute('data-check')]);
    return v;
  }
  function pick(name, value) {
    var s = document.getElementById('f-' + name);
    s.value = value;
    s.dispatchEvent(new Event('change'));
  }
  out.total = visible().length;
  var sets = %s;
  sets.forEach(function (set, i) {
    ['severity', 'service', 'check'].forEach(function (n) { pick(n, ''); });
    Object.keys(set).forEach(function (n) { pick(n, set[n]); });
    out.runs[i] = {rows: visible(), shown: document.getElementById('shown').textContent};
  });
  var pre = document.createElement('pre');
  pre.id = 'probe-result';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-extensions", "--disable-dev-shm-usage", "--virtual-time-budget=5000",
                  "--enable-logging=stderr", "--v=0"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    if os.environ.get("CI") == "true":
        raise AssertionError("chromium is not installed (.ci/install-deps installs Debian's chromium)")
    print("SKIP: chromium not installed (apt-get install chromium)")
    return None


def test_html_self_contained_loads_clean_and_filters(t):
    page = os.path.join(t.tmp, "report.html")
    r = run_osprey(["convert", "--format", "html=" + page, "--include-non-failures", FIXTURE], cwd=t.tmp)
    assert r.returncode == 0, r.stderr
    html = open(page, encoding="utf-8").read()
    # self-contained: nothing to fetch, and a policy that would block it anyway
    assert "default-src 'none'" in html, "no Content-Security-Policy"
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I), "external reference"
    assert not re.search(r"@import|url\(|<link\b|<img\b|<iframe\b|\bsrc\s*=", html, re.I), "external resource"
    for section in ('id="chart"', 'id="findings"', 'id="f-severity"', 'id="f-service"', 'id="f-check"'):
        assert section in html, section
    with open(FIXTURE, encoding="utf-8") as f:
        findings = json.load(f)["Findings"]
    # same report, same bytes
    again = os.path.join(t.tmp, "again.html")
    assert run_osprey(["convert", "--format", "html=" + again, "--include-non-failures", FIXTURE]).returncode == 0
    assert open(again, encoding="utf-8").read() == html

    browser = chromium()
    if not browser:
        return
    sev = findings[0]["Severity"]
    svc = sorted({f["Service"] for f in findings})[-1]
    chk = findings[-1]["ID"]
    sets = [{"severity": sev}, {"service": svc}, {"check": chk}, {"severity": sev, "service": svc}]
    probe_page = os.path.join(t.tmp, "probe.html")
    text = html.replace("<head>\n", "<head>\n" + HEAD_PROBE, 1)
    text = text.replace("</body>", BODY_PROBE % json.dumps(sets) + "</body>", 1)
    open(probe_page, "w", encoding="utf-8").write(text)
    profile = os.path.join(t.tmp, "chromium-profile")
    os.makedirs(profile)
    env = dict(os.environ, HOME=t.tmp, XDG_CONFIG_HOME=os.path.join(t.tmp, "xdg"))
    try:
        p = subprocess.run([browser] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, "--dump-dom",
                                                          "file://" + probe_page],
                           capture_output=True, text=True, timeout=120, env=env, cwd=t.tmp)
    except subprocess.TimeoutExpired:
        raise AssertionError("chromium did not finish within 120 s")
    m = re.search(r'<pre id="probe-result">(.*?)</pre>', p.stdout, re.S)
    assert m, "no probe result in the DOM (exit %d):\n%s\n%s" % (p.returncode, p.stdout[-2000:], p.stderr[-3000:])
    import html as htmlmod
    out = json.loads(htmlmod.unescape(m.group(1)))
    assert out["errors"] == [], out["errors"]
    console = [ln for ln in p.stderr.splitlines() if "CONSOLE" in ln or "Uncaught" in ln]
    assert not console, "console messages:\n" + "\n".join(console)
    n = len(findings)
    assert out["total"] == n and out["shown"] == "%d of %d shown" % (n, n), out
    for i, want in enumerate(sets):
        rows = out["runs"][str(i)]["rows"]
        expect = [f for f in findings if all(
            {"severity": f["Severity"], "service": f["Service"], "check": f["ID"]}[k] == v for k, v in want.items())]
        assert len(rows) == len(expect) and 0 < len(rows) < n or (len(rows) == len(expect) == n), (want, rows, n)
        names = ["severity", "service", "check"]
        assert all(r[names.index(k)] == v for r in rows for k, v in want.items()), (want, rows)
        assert out["runs"][str(i)]["shown"] == "%d of %d shown" % (len(expect), n), out["runs"][str(i)]


if __name__ == "__main__":
    main(globals())
