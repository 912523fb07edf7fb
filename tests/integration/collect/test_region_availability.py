"""A service a region does not offer is "not available" there (`skipped`), never failed and never
fatal to the other services: here its endpoint host name does not resolve (DNS), which is what a
regional endpoint of a service missing from that region looks like."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402


def test_service_without_endpoint_is_not_available(t):
    m = t.moto()
    m.client("kms").create_key(Description="k")
    env = m.env(AWS_ENDPOINT_URL_SNS="http://sns.us-east-1.invalid")
    out = os.path.join(tempfile.mkdtemp(prefix="osp-avail-"), "r.json")
    r = run_osprey(["aws", "--cache-dir", tempfile.mkdtemp(prefix="osp-availc-"), "--service", "sns,kms", "--region",
                    "us-east-1", "--format", "json", "--exit-code", "0", "-o", out], env=env)
    assert os.path.exists(out), (r.returncode, r.stderr[-1500:])
    with open(out) as f:
        rep = json.load(f)
    status = {s["Service"]: s for s in rep["Services"]}
    assert status["sns"]["Status"] == "skipped", (status["sns"], r.stderr[-1500:])
    assert status["sns"]["ErrorCode"] == "UnknownEndpoint", status["sns"]
    assert "sns.us-east-1.invalid" in status["sns"]["ErrorMessage"], status["sns"]
    assert status["kms"]["Status"] == "ok", status["kms"]
    assert r.returncode == 0, (r.returncode, r.stderr[-1500:])


if __name__ == "__main__":
    main(globals())
