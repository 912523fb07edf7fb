"""SigV4 end to end against moto with signature enforcement on.

An IAM user and access key are created while moto still accepts anything; then auth is enforced
(POST /moto-api/reset-auth with a bare count, here 0) and every request must carry a valid
signature. A valid key gets sts:GetCallerIdentity through osprey; a wrong secret or an unknown
key fails with exit 3 and a message naming the AWS error code; temporary credentials sign with
X-Amz-Security-Token; and signed calls of every protocol (query, ec2, json, rest-xml) verify.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

ALLOW_ALL = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def enforcing_moto(t):
    """A moto with one IAM user (allowed everything) and its key; signatures enforced from now on."""
    m = t.moto()
    key = m.iam_user("scanner", ALLOW_ALL)
    m.client("s3").create_bucket(Bucket="signed-bucket")
    m.client("kms").create_key(Description="signed")
    m.enable_auth()
    return m, key["AccessKeyId"], key["SecretAccessKey"]


def whoami(m, key, secret, *extra, token=None):
    env = m.env(AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret)
    if token:
        env["AWS_SESSION_TOKEN"] = token
    return run_osprey(["whoami"] + list(extra), env=env, timeout=60)


def test_valid_key_passes_and_enforcement_is_real(t):
    m, key, secret = enforcing_moto(t)
    r = whoami(m, key, secret, "--debug")
    assert r.returncode == 0, r.stderr
    assert "arn: arn:aws:iam::123456789012:user/scanner" in r.stdout, r.stdout
    assert "GetCallerIdentity -> 200" in r.stderr, r.stderr
    assert secret not in r.stderr and secret not in r.stdout
    # the boto3 client with the moto default key is now refused too: enforcement is on
    sts = m.client("sts")
    try:
        sts.get_caller_identity()
        raise AssertionError("moto accepted an unknown key: signature enforcement is off")
    except sts.exceptions.ClientError as e:
        assert e.response["Error"]["Code"] == "InvalidClientTokenId", e.response


def test_wrong_secret_exits_3_naming_signature_error(t):
    m, key, secret = enforcing_moto(t)
    wrong = ("X" if secret[0] != "X" else "Y") + secret[1:]
    r = whoami(m, key, wrong)
    assert r.returncode == 3, "exit %d: %s" % (r.returncode, r.stderr)
    assert "SignatureDoesNotMatch" in r.stderr, r.stderr
    assert "(HTTP 403, request id " in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert wrong not in r.stderr


def test_unknown_key_exits_3_naming_code(t):
    m, _, secret = enforcing_moto(t)
    r = whoami(m, "AKIAUNKNOWNKEY000000", secret)
    assert r.returncode == 3, r.stderr
    assert "InvalidClientTokenId" in r.stderr, r.stderr


def test_session_token_is_signed(t):
    m, key, secret = enforcing_moto(t)
    # moto registers AssumeRole credentials for its auth checks (GetSessionToken's are not)
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                                 "Principal": {"AWS": "arn:aws:iam::123456789012:user/scanner"}}]})
    iam = m.client("iam", key=key, secret=secret)
    iam.create_role(RoleName="auditor", AssumeRolePolicyDocument=trust)
    iam.put_role_policy(RoleName="auditor", PolicyName="all", PolicyDocument=ALLOW_ALL)
    sts = m.client("sts", key=key, secret=secret)
    c = sts.assume_role(RoleArn="arn:aws:iam::123456789012:role/auditor", RoleSessionName="it")["Credentials"]
    r = whoami(m, c["AccessKeyId"], c["SecretAccessKey"], "--debug", token=c["SessionToken"])
    assert r.returncode == 0, r.stderr
    assert "assumed-role/auditor/it" in r.stdout, r.stdout
    assert c["SessionToken"] not in r.stderr and c["SecretAccessKey"] not in r.stderr
    # the token travels with the request and is checked: a tampered one is refused
    bad = whoami(m, c["AccessKeyId"], c["SecretAccessKey"], token=c["SessionToken"][:-4] + "AAAA")
    assert bad.returncode == 3, bad.stderr


def test_every_protocol_signs_correctly(t):
    """iam (query), ec2, kms (json 1.1) and s3 (rest-xml: single encoding, x-amz-content-sha256)."""
    m, key, secret = enforcing_moto(t)
    env = m.env(AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret)
    args = ["inspect", "--debug", "--update-cache", "--cache-dir", os.path.join(t.tmp, "cache")]
    for s in ("iam", "ec2", "kms", "s3"):
        args += ["--service", s]
    r = run_osprey(args, env=env, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    for bad in ("SignatureDoesNotMatch", "IncompleteSignature", "InvalidClientTokenId", "AccessDenied"):
        assert bad not in r.stderr, r.stderr[-3000:]
    for line in ("kms POST", "s3 GET", "ec2 POST", "iam POST"):
        assert line in r.stderr, (line, r.stderr[-2000:])
    doc = json.dumps(json.loads(r.stdout))
    assert "signed-bucket" in doc


if __name__ == "__main__":
    main(globals())
