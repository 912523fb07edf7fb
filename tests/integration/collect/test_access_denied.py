"""A scan where IAM policy denies one service (moto with auth enforcement): every other service is
still collected, and the failed one is named with the AWS error code."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import inspect, val  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main  # noqa: E402

DENY_KMS = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Effect": "Deny", "Action": "kms:*", "Resource": "*"}]})


def test_denied_service_fails_alone(t):
    m = t.moto()
    key = m.iam_user("auditor", DENY_KMS)
    m.client("kms").create_key(Description="hidden")
    m.client("sns").create_topic(Name="visible")
    m.enable_auth()
    env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    r = inspect(m, ["kms", "sns", "iam"], env=env)
    topics = [val(x["arn"]) for x in r.svc("sns")["topics"]]
    assert [a.endswith(":visible") for a in topics] == [True], (topics, r.failed, r.stderr[-1500:])
    assert any(val(u["name"]) == "auditor" for u in r.svc("iam")["users"])
    assert "kms" not in r.docs["us-east-1"]["aws"], "a denied service must be absent, not empty"
    text = json.dumps([list(k) if isinstance(k, tuple) else k for k in r.failed]) + json.dumps(list(r.failed.values()))
    assert "kms" in text and ("AccessDenied" in text or "AccessDenied" in r.stderr), (r.failed, r.stderr[-1500:])


if __name__ == "__main__":
    main(globals())
