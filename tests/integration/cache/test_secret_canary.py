"""Secrets in resource configuration (EC2 user data, launch template user data, Lambda environment
values) never reach the cache db (exported and decompressed too), the artifact, `osprey inspect`,
any report or the --debug log, while the checks that look for secrets still FAIL: live, on an
--offline replay from the cache and from an artifact."""
import base64
import io
import json
import os
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import artfmt  # noqa: E402
from osptest import main, run_osprey  # noqa: E402

AMI = "ami-12c6146b"
KEY_CANARY = "AKIACANARY0123456789"                  # matches "AWS Access Key ID"
UD_CANARY = "CanaryUserDataSecret-0123456789"        # DB_PASSWORD="..." matches "Password literal"
LT_CANARY = "CanaryTemplatePw-424242"                # https://admin:...@host matches "Password in URL"
ENV_SECRET = "CanaryLambdaEnvSecret-987654321"       # DB_PASSWORD value: rule marker
ENV_PLAIN = "CanaryLambdaPlainValue-13579"           # no rule matches: still never in clear
CANARIES = (KEY_CANARY, UD_CANARY, LT_CANARY, ENV_SECRET, ENV_PLAIN)


def files_under(d):
    for root, _, names in os.walk(d):
        for n in names:
            yield os.path.join(root, n)


def assert_clean(blob, where):
    if isinstance(blob, str):
        blob = blob.encode()
    for c in CANARIES:
        assert c.encode() not in blob, "canary %s found in %s" % (c, where)


def seed(m):
    ec2 = m.client("ec2")
    ud = "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=%s\nDB_PASSWORD=\"%s\"\n" % (KEY_CANARY, UD_CANARY)
    ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, UserData=ud)
    lt_ud = base64.b64encode(("#!/bin/sh\ncurl https://admin:%s@db.internal/init\n" % LT_CANARY).encode()).decode()
    ec2.create_launch_template(LaunchTemplateName="canary-lt", LaunchTemplateData={"UserData": lt_ud})
    iam = m.client("iam")
    role = iam.create_role(RoleName="fn-role", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.py", "def handler(e, c):\n    return 1\n")
    m.client("lambda").create_function(
        FunctionName="canary-fn", Runtime="python3.12", Role=role, Handler="index.handler",
        Code={"ZipFile": buf.getvalue()},
        Environment={"Variables": {"DB_PASSWORD": "'%s'" % ENV_SECRET, "PLAIN": ENV_PLAIN}})


def failed_ids(report_path):
    with open(report_path) as f:
        rep = json.load(f)
    return {x["ID"] for x in rep["Findings"] if x["Status"] == "FAIL"}


WANT_FAIL = {"AVD-AWS-0029", "AVD-AWS-0129", "OSP-AWS-0012"}


def test_secrets_redacted_everywhere_and_still_found(t):
    m = t.moto()
    seed(m)
    out = os.path.join(t.tmp, "out")
    os.makedirs(out)
    cache, art = os.path.join(out, "cache"), os.path.join(out, "a.osc")
    base = ["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "ec2", "--service", "lambda"]
    js = os.path.join(out, "r.json")
    r = run_osprey(base + ["--cache-dir", cache, "--cache-artifact", art, "--debug", "--format", "json=%s" % js,
                           "--format", "sarif=%s" % os.path.join(out, "r.sarif"),
                           "--format", "junit=%s" % os.path.join(out, "r.xml"), "--format", "table"], env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    assert_clean(r.stdout, "stdout")
    assert_clean(r.stderr, "stderr (--debug)")
    fails = failed_ids(js)
    assert WANT_FAIL <= fails, (WANT_FAIL - fails, r.stderr[-1500:])
    # offline from the cache, then offline from the artifact alone (fresh cache dir)
    js2, js3 = os.path.join(out, "offline-cache.json"), os.path.join(out, "offline-art.json")
    r = run_osprey(base + ["--cache-dir", cache, "--offline", "--debug", "--format", "json=%s" % js2], env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    assert_clean(r.stdout + r.stderr, "offline run output")
    assert WANT_FAIL <= failed_ids(js2), failed_ids(js2)
    r = run_osprey(base + ["--cache-dir", os.path.join(t.tmp, "empty-cache"), "--cache-artifact", art, "--offline",
                           "--format", "json=%s" % js3], env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    assert WANT_FAIL <= failed_ids(js3), failed_ids(js3)
    # inspect prints the state: markers, never the values
    r = run_osprey(["inspect", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "ec2", "--service",
                    "lambda", "--cache-dir", os.path.join(t.tmp, "inspect-cache")], env=m.env())
    assert r.returncode == 0, r.stderr[-2000:]
    assert_clean(r.stdout + r.stderr, "osprey inspect")
    assert "[osprey-redacted:Password literal]" in r.stdout and "[osprey-redacted]" in r.stdout, r.stdout[-3000:]
    assert "DB_PASSWORD" in r.stdout and "PLAIN" in r.stdout  # names stay
    # every file the runs wrote, raw
    seen = 0
    for p in files_under(out):
        with open(p, "rb") as f:
            assert_clean(f.read(), p)
        seen += 1
    assert seen >= 7, seen
    with open(art, "rb") as f:
        ents = artfmt.decode(f.read())[1]
    assert {e["service"] for e in ents} >= {"ec2", "lambda"}, [e["service"] for e in ents]
    for e in ents:
        assert_clean(e["state"] + (e["status"] or ""), "artifact entry %s/%s" % (e["region"], e["service"]))
    # sqlite may keep text in freed pages: check an exported, decompressed copy as well
    exp = os.path.join(t.tmp, "exp.osc")
    r = run_osprey(["cache", "export", exp, "--cache-dir", cache], env=m.env())
    assert r.returncode == 0, r.stderr
    with open(exp, "rb") as f:
        for e in artfmt.decode(f.read())[1]:
            assert_clean(e["state"] + (e["status"] or ""), "exported entry %s" % e["service"])


if __name__ == "__main__":
    main(globals())
