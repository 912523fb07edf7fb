"""The credential chain end to end: `osprey whoami` against its own moto, one provider per test.

moto's STS accepts any JWT for AssumeRoleWithWebIdentity and returns temporary credentials whose
GetCallerIdentity ARN is the assumed role, so each test can see which path supplied credentials.
"""
import datetime
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from fake_creds import ECSEndpoint, GitHubOIDC, IMDS, SSOPortal, temp_creds  # noqa: E402
from osptest import base_env, main, run_osprey  # noqa: E402

ACCOUNT = "123456789012"
JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9zcHJleSJ9.c2lnbmF0dXJl"


def whoami(args, env):
    r = run_osprey(["whoami"] + list(args), env=env, timeout=60)
    lines = dict(l.split(": ", 1) for l in r.stdout.splitlines() if ": " in l)
    return r, lines


def moto_env(m, **extra):
    """Endpoint and region of this moto, and no credentials at all."""
    env = base_env()
    env.update({"AWS_ENDPOINT_URL": m.endpoint, "AWS_REGION": "us-east-1"})
    env.update(extra)
    return env


def write(t, name, text, mode=0o600):
    path = os.path.join(t.tmp, name)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)
    return path


def expect_ok(r, lines, provider):
    assert r.returncode == 0, "exit %d: %s" % (r.returncode, r.stderr)
    assert lines.get("account") == ACCOUNT, r.stdout
    assert lines.get("credentials") == provider, r.stdout


def test_static_env_keys(t):
    m = t.moto()
    r, lines = whoami([], m.env())
    expect_ok(r, lines, "env")
    assert lines["arn"].startswith("arn:aws:"), r.stdout
    assert lines["region"] == "us-east-1"


def test_profile_role_arn_with_source_profile(t):
    m = t.moto()
    cfg = write(t, "config", "[profile scan]\nrole_arn = arn:aws:iam::%s:role/scanner\nsource_profile = base\n"
                "role_session_name = osp-it\nexternal_id = ext-1\nregion = eu-west-1\n" % ACCOUNT)
    crd = write(t, "credentials", "[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
    env = moto_env(m, AWS_CONFIG_FILE=cfg, AWS_SHARED_CREDENTIALS_FILE=crd)
    env.pop("AWS_REGION")
    r, lines = whoami(["--profile", "scan"], env)
    expect_ok(r, lines, "assume-role:scan")
    assert lines["arn"] == "arn:aws:sts::%s:assumed-role/scanner/osp-it" % ACCOUNT, r.stdout
    assert lines["region"] == "eu-west-1", r.stdout  # the profile's region


def test_assumed_role_near_expiry_is_refreshed_through_sts(t):
    """duration_seconds = 120 puts the role credentials inside the client's 5-minute refresh window,
    so the client calls cred_chain_refresh (which calls STS on the same client) before signing."""
    m = t.moto()
    cfg = write(t, "config", "[profile short]\nrole_arn = arn:aws:iam::%s:role/short\nsource_profile = base\n"
                "duration_seconds = 120\nrole_session_name = brief\n" % ACCOUNT)
    crd = write(t, "credentials", "[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
    r, lines = whoami(["--profile", "short", "--debug"], moto_env(m, AWS_CONFIG_FILE=cfg,
                                                                    AWS_SHARED_CREDENTIALS_FILE=crd))
    expect_ok(r, lines, "assume-role:short")
    assert "refreshing temporary credentials" in r.stderr, r.stderr
    assert r.stderr.count("AssumeRole ") >= 2, r.stderr


def test_role_arn_flag_on_env_keys(t):
    m = t.moto()
    r, lines = whoami(["--role-arn", "arn:aws:iam::%s:role/audit" % ACCOUNT, "--role-session-name", "s1"], m.env())
    expect_ok(r, lines, "assume-role:env")
    assert lines["arn"] == "arn:aws:sts::%s:assumed-role/audit/s1" % ACCOUNT, r.stdout


def test_web_identity_token_file_env(t):
    m = t.moto()
    tok = write(t, "token", JWT + "\n")
    env = moto_env(m, AWS_ROLE_ARN="arn:aws:iam::%s:role/webid" % ACCOUNT, AWS_WEB_IDENTITY_TOKEN_FILE=tok,
                   AWS_ROLE_SESSION_NAME="wi-sess")
    r, lines = whoami(["--debug"], env)
    expect_ok(r, lines, "web-identity")
    assert lines["arn"] == "arn:aws:sts::%s:assumed-role/webid/wi-sess" % ACCOUNT, r.stdout
    assert JWT not in r.stdout + r.stderr


def test_github_actions_oidc(t):
    m = t.moto()
    with GitHubOIDC(request_token="req-token-canary", jwt=JWT) as gh:
        env = moto_env(m, ACTIONS_ID_TOKEN_REQUEST_URL=gh.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN="req-token-canary",
                       OSPREY_ROLE_ARN="arn:aws:iam::%s:role/gha" % ACCOUNT)
        r, lines = whoami(["--debug", "--role-session-name", "gh-run"], env)
        expect_ok(r, lines, "oidc:github")
        assert lines["arn"] == "arn:aws:sts::%s:assumed-role/gha/gh-run" % ACCOUNT, r.stdout
        assert len(gh.requests) == 1, gh.requests
        assert "req-token-canary" not in r.stderr and JWT not in r.stderr
        # a wrong request token: the endpoint says 401 and osprey exits 3 naming the permission
        env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "wrong"
        r, lines = whoami([], env)
        assert r.returncode == 3, (r.returncode, r.stderr)
        assert "HTTP 401" in r.stderr and "id-token: write" in r.stderr, r.stderr


def test_gitlab_id_token_env(t):
    m = t.moto()
    env = moto_env(m, GITLAB_OIDC_TOKEN=JWT)
    r, lines = whoami(["--role-arn", "arn:aws:iam::%s:role/gitlab" % ACCOUNT, "--web-identity-token-env",
                       "GITLAB_OIDC_TOKEN"], env)
    expect_ok(r, lines, "oidc:env")
    assert ":assumed-role/gitlab/" in lines["arn"], r.stdout


def test_web_identity_token_file_flag(t):
    m = t.moto()
    tok = write(t, "ci-token", JWT)
    r, lines = whoami(["--role-arn", "arn:aws:iam::%s:role/ci" % ACCOUNT, "--web-identity-token-file", tok,
                       "--role-session-name", "ci-run"], moto_env(m))
    expect_ok(r, lines, "oidc:file")
    assert lines["arn"] == "arn:aws:sts::%s:assumed-role/ci/ci-run" % ACCOUNT, r.stdout
    r, _ = whoami(["--role-arn", "arn:aws:iam::%s:role/ci" % ACCOUNT, "--web-identity-token-file",
                   os.path.join(t.tmp, "missing")], moto_env(m))
    assert r.returncode == 3 and "missing" in r.stderr, (r.returncode, r.stderr)


def test_credential_process_and_refresh(t):
    m = t.moto()
    count = os.path.join(t.tmp, "count")
    # expires in 2 minutes: inside the client's 5-minute refresh window, so it must be run again
    script = write(t, "proc.py", """import datetime, json, sys
with open(%r, "a") as f:
    f.write("x")
exp = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=2)
print(json.dumps({"Version": 1, "AccessKeyId": "ASIAPROCESS0000001", "SecretAccessKey": "procSecretCanary",
                  "SessionToken": "procTokenCanary", "Expiration": exp.strftime("%%Y-%%m-%%dT%%H:%%M:%%SZ")}))
""" % count)
    cfg = write(t, "config", "[profile tool]\ncredential_process = %s %s\n" % (sys.executable, script))
    env = moto_env(m, AWS_CONFIG_FILE=cfg)
    r, lines = whoami(["--profile", "tool", "--debug"], env)
    expect_ok(r, lines, "process:tool")
    assert "procSecretCanary" not in r.stderr and "procTokenCanary" not in r.stderr
    with open(count) as f:
        runs = len(f.read())
    assert runs >= 2, "credential_process ran %d time(s); near-expiry credentials were not refreshed" % runs


def test_credential_process_failure_exits_3(t):
    m = t.moto()
    cfg = write(t, "config", "[profile bad]\ncredential_process = sh -c 'exit 4'\n")
    r, _ = whoami(["--profile", "bad"], moto_env(m, AWS_CONFIG_FILE=cfg))
    assert r.returncode == 3, (r.returncode, r.stderr)
    assert "credential_process failed (exit status 4)" in r.stderr, r.stderr


def test_ecs_full_uri_with_token_file(t):
    m = t.moto()
    tokfile = write(t, "ecs-token", "ecs-auth-canary\n")
    with ECSEndpoint(auth_token="ecs-auth-canary", creds=temp_creds("ASIAECS")) as ecs:
        env = moto_env(m, AWS_CONTAINER_CREDENTIALS_FULL_URI=ecs.url,
                       AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=tokfile)
        r, lines = whoami(["--debug"], env)
        expect_ok(r, lines, "ecs")
        assert len(ecs.requests) == 1 and ecs.requests[0][2].get("Authorization") == "ecs-auth-canary"
        assert "ecs-auth-canary" not in r.stderr
        # the token variable works too, and a wrong one is refused with exit 3
        env.pop("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
        env["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "wrong"
        r, lines = whoami([], env)
        assert r.returncode == 3 and "HTTP 401" in r.stderr, (r.returncode, r.stderr)


def test_imds_v2(t):
    m = t.moto()
    with IMDS(role="osprey-instance", creds=temp_creds("ASIAIMDS")) as imds:
        env = moto_env(m, AWS_EC2_METADATA_SERVICE_ENDPOINT=imds.url)
        env.pop("AWS_EC2_METADATA_DISABLED")
        r, lines = whoami([], env)
        expect_ok(r, lines, "imds")
        methods = [(q[0], q[1]) for q in imds.requests]
        assert methods[0] == ("PUT", "/latest/api/token"), methods
        assert len(methods) == 3, methods
        # AWS_EC2_METADATA_DISABLED=true: IMDS is never asked
        env["AWS_EC2_METADATA_DISABLED"] = "true"
        before = len(imds.requests)
        r, _ = whoami([], env)
        assert r.returncode == 3 and len(imds.requests) == before, (r.returncode, imds.requests)


def test_sso_session_cache_and_portal(t):
    m = t.moto()
    home = os.path.join(t.tmp, "home")
    cache = os.path.join(home, ".aws", "sso", "cache")
    os.makedirs(cache)
    exp = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)
    name = hashlib.sha1(b"corp").hexdigest() + ".json"  # the AWS CLI names the cache file so
    with open(os.path.join(cache, name), "w") as f:
        json.dump({"startUrl": "https://corp.awsapps.com/start", "region": "eu-west-1",
                   "accessToken": "sso-access-canary", "expiresAt": exp.strftime("%Y-%m-%dT%H:%M:%SZ")}, f)
    cfg = write(t, "config", "[profile dev]\nsso_session = corp\nsso_account_id = %s\nsso_role_name = ReadOnly\n"
                "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n"
                % ACCOUNT)
    with SSOPortal("sso-access-canary", ACCOUNT, "ReadOnly", temp_creds("ASIASSO")) as portal:
        env = moto_env(m, HOME=home, AWS_CONFIG_FILE=cfg, AWS_ENDPOINT_URL_SSO=portal.url)
        r, lines = whoami(["--profile", "dev", "--debug"], env)
        expect_ok(r, lines, "sso:dev")
        assert len(portal.requests) == 1, portal.requests
        assert "sso-access-canary" not in r.stderr
        # an expired cache says how to log in again
        with open(os.path.join(cache, name), "w") as f:
            json.dump({"accessToken": "x", "expiresAt": "2020-01-01T00:00:00Z"}, f)
        r, _ = whoami(["--profile", "dev"], env)
        assert r.returncode == 3 and "aws sso login --sso-session corp" in r.stderr, (r.returncode, r.stderr)


def test_endpoint_flag(t):
    m = t.moto()
    env = m.env()
    env.pop("AWS_ENDPOINT_URL")
    r, lines = whoami(["--endpoint", m.endpoint, "--region", "eu-north-1"], env)
    expect_ok(r, lines, "env")
    assert lines["region"] == "eu-north-1", r.stdout


def test_no_credentials_exit_3_names_the_fix(t):
    m = t.moto()
    r, _ = whoami([], moto_env(m))
    assert r.returncode == 3, (r.returncode, r.stderr)
    assert "no AWS credentials found" in r.stderr, r.stderr
    for hint in ("AWS_ACCESS_KEY_ID", "--profile", "--role-arn"):
        assert hint in r.stderr, r.stderr
    assert r.stdout == ""


def test_config_errors_exit_2(t):
    m = t.moto()
    cfg = write(t, "config", "[default]\nregion = us-east-1\nthis line is wrong\n")
    r, _ = whoami([], moto_env(m, AWS_CONFIG_FILE=cfg))
    assert r.returncode == 2 and "%s:3:" % cfg in r.stderr, (r.returncode, r.stderr)
    r, _ = whoami(["--profile", "missing"], m.env())
    assert r.returncode == 2 and "profile 'missing' not found" in r.stderr, (r.returncode, r.stderr)
    r, _ = whoami(["--no-such-flag"], m.env())
    assert r.returncode == 2 and "--no-such-flag" in r.stderr, (r.returncode, r.stderr)
    r, _ = whoami(["--region", "nope"], m.env())
    assert r.returncode == 2 and "'nope'" in r.stderr, (r.returncode, r.stderr)


def test_debug_names_provider_never_secrets(t):
    m = t.moto()
    env = m.env(AWS_SECRET_ACCESS_KEY="SecretCanary/0123456789abcdefghijklmnopqrstuv",
                AWS_SESSION_TOKEN="SessionTokenCanary0123456789")
    r, lines = whoami(["--debug"], env)
    expect_ok(r, lines, "env")
    assert "credentials: using env" in r.stderr, r.stderr
    for canary in ("SecretCanary", "SessionTokenCanary"):
        assert canary not in r.stdout + r.stderr, canary


if __name__ == "__main__":
    main(globals())
