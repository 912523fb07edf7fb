"""Secrets never reach the terminal through error messages (issue 19 item 6): a credential_process
whose output is broken JSON is reported by position, never by quoting the output (main printed
jansson's "near '...'" text: part of the secret key), and fatal messages pass the same redaction
as log lines (main printed them raw)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import base_env, main, run_osprey  # noqa: E402

SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYzz"


def test_broken_credential_process_output_is_not_quoted(t):
    script = os.path.join(t.tmp, "creds.sh")
    with open(script, "w") as f:
        # the JSON is cut inside the secret, where jansson's error text points
        f.write("#!/bin/sh\nprintf '%%s' '{\"Version\": 1, \"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\", "
                "\"SecretAccessKey\": \"%s'\n" % SECRET)
    os.chmod(script, 0o700)
    cfg = os.path.join(t.tmp, "config")
    with open(cfg, "w") as f:
        f.write("[profile tool]\ncredential_process = %s\nregion = us-east-1\n" % script)
    env = {k: v for k, v in base_env().items() if not k.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE=cfg, AWS_SHARED_CREDENTIALS_FILE=os.path.join(t.tmp, "none"))
    for args in (["whoami", "--profile", "tool"], ["aws", "--profile", "tool", "--service", "s3", "--debug"]):
        r = run_osprey(args, env=env, timeout=60)
        assert r.returncode == 3, (args, r.returncode, r.stderr)
        assert "output is not JSON (error at line 1, column" in r.stderr, r.stderr
        assert SECRET[:8] not in r.stderr + r.stdout, "the secret was printed: " + r.stderr


def test_fatal_messages_are_redacted(t):
    r = run_osprey(["aws", "--region", "bad aws_secret_access_key=%s" % SECRET])
    assert r.returncode == 2, r.stderr
    assert "invalid --region" in r.stderr and SECRET not in r.stderr and "****" in r.stderr, r.stderr


if __name__ == "__main__":
    main(globals())
