"""Credential precedence, side by side with the AWS CLI: for every combination of env keys,
AWS_PROFILE, --profile, web identity and source_profile chains, `osprey whoami` and
`aws sts get-caller-identity` (same environment, same moto) must name the same caller, or both
fail. Each source has its own IAM user or role, so the ARN tells which one was used."""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402


def seed(t):
    m = t.moto()
    keys = {u: m.iam_user(u, json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"}]})) for u in ("envuser", "puser", "defuser")}
    token = os.path.join(t.tmp, "token.jwt")
    with open(token, "w") as f:
        f.write("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln\n")
    cfg = os.path.join(t.tmp, "config")
    with open(cfg, "w") as f:
        f.write("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n\n" %
                (keys["defuser"]["AccessKeyId"], keys["defuser"]["SecretAccessKey"]))
        f.write("[profile p]\naws_access_key_id = %s\naws_secret_access_key = %s\n\n" %
                (keys["puser"]["AccessKeyId"], keys["puser"]["SecretAccessKey"]))
        f.write("[profile r]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = p\n"
                "role_session_name = sess-r\n\n")
        f.write("[profile r2]\nrole_arn = arn:aws:iam::123456789012:role/r2\nsource_profile = r\n"
                "role_session_name = sess-r2\n\n")
        f.write("[profile w]\nrole_arn = arn:aws:iam::123456789012:role/w\nweb_identity_token_file = %s\n"
                "role_session_name = sess-w\n\n" % token)
        f.write("[profile empty]\nregion = us-east-1\n")
    return m, keys, token, cfg


def env_for(m, t, cfg, extra):
    home = os.path.join(t.tmp, "home")
    os.makedirs(home, exist_ok=True)
    env = {k: v for k, v in m.env().items() if not k.startswith("AWS_ACCESS_KEY_ID") and k != "AWS_SECRET_ACCESS_KEY"}
    env.update({"AWS_CONFIG_FILE": cfg, "AWS_SHARED_CREDENTIALS_FILE": os.path.join(t.tmp, "nocreds"),
                "HOME": home, "AWS_EC2_METADATA_DISABLED": "true"})
    env.update(extra)
    return env


def aws_cli(env, profile):
    cmd = ["aws"] + (["--profile", profile] if profile else []) + \
          ["sts", "get-caller-identity", "--output", "json", "--endpoint-url", env["AWS_ENDPOINT_URL"]]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    return json.loads(r.stdout)["Arn"] if r.returncode == 0 else None


def osprey(env, profile):
    r = run_osprey(["whoami"] + (["--profile", profile] if profile else []), env=env, timeout=120)
    if r.returncode != 0:
        return None
    return [line.split(": ", 1)[1] for line in r.stdout.splitlines() if line.startswith("arn: ")][0]


def test_matrix_agrees_with_aws_cli(t):
    if not shutil.which("aws"):
        raise RuntimeError("the aws CLI is required for this test")
    m, keys, token, cfg = seed(t)
    envkeys = {"AWS_ACCESS_KEY_ID": keys["envuser"]["AccessKeyId"],
               "AWS_SECRET_ACCESS_KEY": keys["envuser"]["SecretAccessKey"]}
    webid = {"AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/wenv", "AWS_WEB_IDENTITY_TOKEN_FILE": token,
             "AWS_ROLE_SESSION_NAME": "sess-env"}
    user = "arn:aws:iam::123456789012:user/%s"
    role = "arn:aws:sts::123456789012:assumed-role/%s"
    rows = [  # (name, env, --profile, expected caller; None = both fail)
        ("env keys", envkeys, None, user % "envuser"),
        ("env keys + AWS_PROFILE", dict(envkeys, AWS_PROFILE="p"), None, user % "envuser"),
        ("env keys + --profile", envkeys, "p", user % "puser"),
        ("AWS_PROFILE", {"AWS_PROFILE": "p"}, None, user % "puser"),
        ("default profile", {}, None, user % "defuser"),
        ("env keys + AWS_PROFILE source_profile", dict(envkeys, AWS_PROFILE="r"), None, user % "envuser"),
        ("AWS_PROFILE source_profile", {"AWS_PROFILE": "r"}, None, role % "r/sess-r"),
        ("env keys + --profile source_profile", envkeys, "r", role % "r/sess-r"),
        ("source_profile chain", {"AWS_PROFILE": "r2"}, None, role % "r2/sess-r2"),
        ("web identity env + default profile", webid, None, role % "wenv/sess-env"),
        ("web identity env + AWS_PROFILE", dict(webid, AWS_PROFILE="p"), None, role % "wenv/sess-env"),
        ("web identity env + AWS_PROFILE source_profile", dict(webid, AWS_PROFILE="r"), None, role % "r/sess-r"),
        ("web identity env + --profile", webid, "p", user % "puser"),
        ("web identity env + env keys", dict(webid, **envkeys), None, user % "envuser"),
        ("web identity profile", {"AWS_PROFILE": "w"}, None, role % "w/sess-w"),
        ("web identity profile + env keys", dict(envkeys, AWS_PROFILE="w"), None, user % "envuser"),
        ("web identity profile + --profile", {}, "w", role % "w/sess-w"),
        ("unknown AWS_PROFILE + env keys", dict(envkeys, AWS_PROFILE="nope"), None, None),
        ("unknown --profile + env keys", envkeys, "nope", None),
        ("--profile without credentials + env keys", envkeys, "empty", None),
        ("AWS_PROFILE without credentials + env keys", dict(envkeys, AWS_PROFILE="empty"), None, user % "envuser"),
    ]
    bad = []
    for name, extra, profile, want in rows:
        env = env_for(m, t, cfg, extra)
        got_cli, got_osprey = aws_cli(env, profile), osprey(env, profile)
        line = "%-45s aws=%s osprey=%s" % (name, got_cli, got_osprey)
        print(line)
        if got_cli != got_osprey or got_cli != want:
            bad.append(line + " want=%s" % want)
    assert not bad, "rows that disagree:\n" + "\n".join(bad)


def test_configure_list_and_osprey_agree_on_env_keys_over_aws_profile(t):
    """The runner case of the issue: configure-aws-credentials exported keys, AWS_PROFILE is set."""
    m, keys, _, cfg = seed(t)
    env = env_for(m, t, cfg, {"AWS_PROFILE": "p", "AWS_ACCESS_KEY_ID": keys["envuser"]["AccessKeyId"],
                              "AWS_SECRET_ACCESS_KEY": keys["envuser"]["SecretAccessKey"]})
    r = subprocess.run(["aws", "configure", "list"], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    access = [line.split() for line in r.stdout.splitlines() if line.strip().startswith("access_key")][0]
    assert access[2] == "env", r.stdout  # the CLI takes the key from the environment
    w = run_osprey(["whoami"], env=env)
    assert w.returncode == 0, w.stderr
    assert "credentials: env\n" in w.stdout and "user/envuser" in w.stdout, w.stdout


def test_aws_scan_uses_env_keys_when_aws_profile_is_set(t):
    """The same runner case through `osprey aws`: the scan signs with the exported keys."""
    m, keys, _, cfg = seed(t)
    env = env_for(m, t, cfg, {"AWS_PROFILE": "p", "AWS_ACCESS_KEY_ID": keys["envuser"]["AccessKeyId"],
                              "AWS_SECRET_ACCESS_KEY": keys["envuser"]["SecretAccessKey"]})
    r = run_osprey(["aws", "--service", "s3", "-f", "json", "--debug"], env=env)
    assert r.returncode == 0, r.stderr
    assert "credentials from env" in r.stderr and "as arn:aws:iam::123456789012:user/envuser" in r.stderr, r.stderr
    r = run_osprey(["aws", "--service", "s3", "-f", "json", "--debug", "--profile", "p"], env=env)
    assert r.returncode == 0, r.stderr
    assert "credentials from profile:p" in r.stderr and "user/puser" in r.stderr, r.stderr


if __name__ == "__main__":
    main(globals())
