"""`osprey aws` end to end: a wrong secret under signature enforcement and missing credentials
stop the scan with exit 3 naming the cause; `--region all` scans every region the account has."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import base_env, main, run_osprey  # noqa: E402

ALLOW_ALL = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def test_wrong_secret_exits_3_naming_the_aws_code(t):
    m = t.moto()
    key = m.iam_user("scanner", ALLOW_ALL)
    m.enable_auth()
    env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    good = run_osprey(["aws", "--service", "kms", "--quiet", "--format", "json"], env=env)
    assert good.returncode == 0, good.stderr
    secret = key["SecretAccessKey"]
    env["AWS_SECRET_ACCESS_KEY"] = ("X" if secret[0] != "X" else "Y") + secret[1:]  # always differs
    r = run_osprey(["aws", "--service", "kms", "--quiet"], env=env)
    assert r.returncode == 3, (r.returncode, r.stderr)
    assert "SignatureDoesNotMatch" in r.stderr, r.stderr
    assert r.stdout == "", "no report may be written when the scan could not run"


def test_no_credentials_exits_3_with_the_fix(t):
    env = base_env()
    env.update({"AWS_REGION": "us-east-1", "HOME": t.tmp})
    r = run_osprey(["aws", "--service", "kms", "--endpoint", "http://127.0.0.1:9"], env=env)
    assert r.returncode == 3, (r.returncode, r.stderr)
    assert "credential" in r.stderr.lower() and "AWS_ACCESS_KEY_ID" in r.stderr, r.stderr


def test_region_all_scans_every_enabled_region(t):
    m = t.moto()
    expected = sorted(x["RegionName"] for x in m.client("ec2").describe_regions()["Regions"])
    m.client("kms", region="eu-west-3").create_key(Description="in paris")
    out = os.path.join(t.tmp, "r.json")
    r = run_osprey(["aws", "--region", "all", "--service", "kms", "--quiet", "--format", "json=" + out], env=m.env())
    assert r.returncode == 0, r.stderr[-3000:]
    report = json.load(open(out))
    scanned = sorted({s["Region"] for s in report["Services"] if s["Service"] == "kms"})
    assert scanned == expected, (scanned, expected)
    assert len(expected) > 10


if __name__ == "__main__":
    main(globals())
