"""Endpoint overrides end to end with `osprey whoami` (one sts:GetCallerIdentity call):
--endpoint beats AWS_ENDPOINT_URL_<SERVICE>, which beats AWS_ENDPOINT_URL. A dead loopback port
stands in for the endpoint that must not be used.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import free_port, main, run_osprey  # noqa: E402


def dead():
    return "http://127.0.0.1:%d" % free_port()


def test_service_variable_beats_global_variable(t):
    m = t.moto()
    env = m.env(AWS_ENDPOINT_URL=dead(), AWS_ENDPOINT_URL_STS=m.endpoint)
    r = run_osprey(["whoami", "--debug"], env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "sts POST 127.0.0.1:%d GetCallerIdentity -> 200" % m.port in r.stderr, r.stderr


def test_endpoint_flag_beats_service_variable(t):
    m = t.moto()
    env = m.env(AWS_ENDPOINT_URL=dead(), AWS_ENDPOINT_URL_STS=dead())
    r = run_osprey(["whoami", "--endpoint", m.endpoint], env=env, timeout=60)
    assert r.returncode == 0, r.stderr


def test_unreachable_endpoint_exits_3_with_the_url(t):
    m = t.moto()
    url = dead()
    r = run_osprey(["whoami", "--debug"], env=m.env(AWS_ENDPOINT_URL=url), timeout=120)
    assert r.returncode == 3, r.stderr
    assert "cannot reach %s" % url in r.stderr, r.stderr
    assert "3 attempts, 2 retries" in r.stderr, r.stderr  # connection refused is transient: retried


if __name__ == "__main__":
    main(globals())
