"""A scan where IAM policy denies one service (moto with auth enforcement): every other service is
still collected, and the failed one is named with the AWS error code."""
import json
import os
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import inspect, val  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main  # noqa: E402

def enable_auth(m):
    # moto 5 reads the body of /moto-api/reset-auth as a bare number, and only when it is not sent as a
    # form (urllib's default content type): osptest's JSON body gets a 500
    try:
        m.enable_auth()
    except Exception:
        urllib.request.urlopen(urllib.request.Request(m.endpoint + "/moto-api/reset-auth", data=b"0", method="POST",
                                                      headers={"Content-Type": "text/plain"})).read()


DENY_KMS = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Effect": "Deny", "Action": "kms:*", "Resource": "*"}]})


def test_denied_service_fails_alone(t):
    m = t.moto()
    iam = m.client("iam")
    iam.create_user(UserName="auditor")
    iam.put_user_policy(UserName="auditor", PolicyName="no-kms", PolicyDocument=DENY_KMS)
    key = iam.create_access_key(UserName="auditor")["AccessKey"]
    m.client("kms").create_key(Description="hidden")
    m.client("sns").create_topic(Name="visible")
    enable_auth(m)
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
