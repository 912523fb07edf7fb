"""A service AWS does not offer in a region has no endpoint there: its host name does not resolve.
That is "not available" (skipped), never a failure, and never fatal to the other services. An
endpoint the user configured that does not resolve stays a failure (a typo must not pass)."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402


def scan(t, m, env, *services):
    args = ["aws", "--region", "us-east-1", "--cache-dir", os.path.join(t.tmp, "c%d" % len(os.listdir(t.tmp))),
            "--format", "json"]
    for s in services:
        args += ["--service", s]
    r = run_osprey(args, env=env)
    assert r.stdout.strip(), (r.returncode, r.stderr[-2000:])
    return r, {s["Service"]: s for s in json.loads(r.stdout)["Services"]}


def test_unresolvable_default_endpoint_is_not_available(t):
    m = t.moto()
    m.client("kms").create_key(Description="k")
    # sts and kms go to moto; lambda keeps AWS's own endpoint, which this sandbox cannot resolve,
    # exactly as a region without Lambda has no lambda.<region>.amazonaws.com
    env = m.env()
    env.pop("AWS_ENDPOINT_URL", None)
    env.update(AWS_ENDPOINT_URL_STS=m.endpoint, AWS_ENDPOINT_URL_KMS=m.endpoint)
    r, svcs = scan(t, m, env, "kms", "lambda")
    assert svcs["kms"]["Status"] == "ok", svcs
    assert svcs["lambda"]["Status"] == "skipped", svcs
    assert svcs["lambda"]["ErrorCode"] == "EndpointNotFound", svcs
    assert r.returncode in (0, 1), r.stderr[-1500:]


def test_unresolvable_custom_endpoint_fails(t):
    m = t.moto()
    env = m.env()
    env.pop("AWS_ENDPOINT_URL", None)
    env.update(AWS_ENDPOINT_URL_STS=m.endpoint, AWS_ENDPOINT_URL_LAMBDA="http://no-such-host.invalid:4566")
    _, svcs = scan(t, m, env, "lambda")
    assert svcs["lambda"]["Status"] == "failed", svcs


if __name__ == "__main__":
    main(globals())
