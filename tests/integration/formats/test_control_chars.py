"""Untrusted text never steers a terminal or a CI log (issue 19 item 5): text from AWS responses
(error messages, names) reaches table cells and log lines with CR, LF, tabs and escape sequences
shown escaped, so a message cannot start a line of its own (a GitHub "::warning::" workflow
command, a forged "osprey:" line) or drive the terminal. main printed them raw."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cache"))
import artfmt  # noqa: E402
from faultproxy import FaultProxy  # noqa: E402
from osptest import SOURCE_DIR, main, run_osprey  # noqa: E402

DEMO = os.path.join(SOURCE_DIR, "tests", "demo", "demo-account.osc")

EVIL = "denied\r\n::warning title=x::forged\n\x1b[2J\x1b]0;title\x07osprey: all clear\x9b"


def test_error_text_is_escaped_in_logs_and_table(t):
    m = t.moto()

    def answer(method, path, headers, body):
        if headers.get("X-Amz-Target", "").startswith("TrentService."):
            return 400, {"Content-Type": "application/x-amz-json-1.1"}, json.dumps(
                {"__type": "AccessDeniedException", "message": EVIL})
        return None

    with FaultProxy(m.endpoint, rate=0, throttle_first=False, answer=answer) as p:
        r = run_osprey(["aws", "--endpoint", p.endpoint, "--region", "us-east-1", "--service", "kms",
                        "--cache-dir", os.path.join(t.tmp, "c"), "--no-progress", "--report", "all"], env=m.env())
    assert r.returncode in (0, 1), r.stderr
    clean(r.stderr + r.stdout)
    # the AWS message is one line already; the C1 control (U+009B, a CSI on some terminals) is escaped
    assert "osprey: all clear\\x9b" in r.stderr, r.stderr
    assert "all clear\\x9b" in r.stdout, r.stdout  # the table's failed-service cell too


def clean(text):
    assert "\x1b" not in text and "\x07" not in text and "\r" not in text and "\u009b" not in text, text
    for line in text.split("\n"):
        assert not line.startswith("::"), line


def test_resource_names_are_escaped_in_table_cells(t):
    _, ents = artfmt.decode(open(DEMO, "rb").read())
    for e in ents:
        e["collected_at"] = int(time.time()) - 60
        if e["service"] == "s3":  # a bucket name no AWS would allow, as a forged artifact may carry
            e["state"] = e["state"].replace("demo-public-assets", "demo-public-assets\\n::warning::forged\\u001b[31m")
    art = os.path.join(t.tmp, "evil.osc")
    with open(art, "wb") as f:
        f.write(artfmt.encode(ents, int(time.time())))
    r = run_osprey(["aws", "--offline", "--cache-artifact", art, "--no-progress", "--report", "all",
                    "--service", "s3"])
    assert r.returncode in (0, 1), r.stderr
    assert "demo-public-assets\\n::warning::forged\\x1b[31m" in r.stdout, r.stdout
    clean(r.stdout + r.stderr)
    # the details view of one resource prints the finding messages escaped too
    r = run_osprey(["aws", "--offline", "--cache-artifact", art, "--no-progress", "--service", "s3",
                    "--arn", "arn:aws:s3:::demo-public-assets\n::warning::forged\x1b[31m"])
    clean(r.stdout + r.stderr)


def test_command_line_text_is_escaped_in_fatal_messages(t):
    """File names and ids from the command line (or a CI variable feeding it) reach fatal and usage
    messages escaped too: main printed them raw from cli_fail, cli_usage_error, `checks show`,
    `explain` and `rego` errors."""
    evil_path = os.path.join(t.tmp, "no\n::warning::forged\x1b[2J.osc")
    cases = [
        ["aws", "--offline", "--cache-artifact", evil_path, "--no-progress"],
        ["checks", "show", "AVD-AWS-9999\n::error::forged"],
        ["explain", "AVD\n::error::forged\x1b[2J"],
        ["rego", "eval", "--data", evil_path, "data"],
        ["aws", "--severity", "HIGH\n::error::forged"],
    ]
    for args in cases:
        r = run_osprey(args)
        assert r.returncode != 0, (args, r.stdout, r.stderr)
        assert "forged" in r.stderr, (args, r.stderr)  # the message still names the bad input
        clean(r.stderr)


if __name__ == "__main__":
    main(globals())
