"""Issue 14 (cis7): organizations (global), eventbridge, glacier and Secrets Manager resource
policies against moto. The collectors' state; each new check FAILs on a seeded misconfigured
resource and PASSes on its compliant twin; a member account's AccessDenied on the organization-wide
lists is an answer (the service is collected, the lists flagged unread), not a failure;
organizations is collected once per account (region "global"), its findings not repeated per
region; calls per resource stay within 2.

What moto 5.2.1 cannot express is listed in CANNOT_EXPRESS with the reason; those cases are covered
by the checks' _test.rego inputs and the mappers' unit tests (tests/unit/collect/test_org_events_glacier.c)."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap, val  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

ACCOUNT = "123456789012"
CANNOT_EXPRESS = {
    "glacier vault access policy": "moto has no GetVaultAccessPolicy/SetVaultAccessPolicy route (HTTP 404 without an "
                                   "error code); OSP-AWS-0090 is covered by _test.rego and the recorded response",
    "member account of an organization": "moto answers ListAccounts & co. from any account of the organization; the "
                                         "member's AccessDenied is shown here through IAM enforcement instead",
}
PUBLIC_SECRET = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]})
NAMED_SECRET = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % ACCOUNT}, "Action": "secretsmanager:GetSecretValue",
     "Resource": "*"}]})


def findings(t, m, services, name="scan", env=None, regions=("us-east-1",)):
    args = ["aws", "--endpoint", m.endpoint, "--include-non-failures", "--format", "json",
            "--cache-dir", os.path.join(t.tmp, "cache-" + name)]
    for r in regions:
        args += ["--region", r]
    for s in services:
        args += ["--service", s]
    r = run_osprey(args, env=env or m.env())
    assert r.returncode in (0, 1), "exit %d: %s" % (r.returncode, r.stderr[-2000:])
    return json.loads(r.stdout)


def statuses(report):
    return {(f["ID"], f["Resource"]): f["Status"] for f in report["Findings"]}


def calls(m, services):
    r = inspect(m, services, extra=["--debug"])
    return {k: int(v) for k, v in re.findall(r"collect: (\w+) (?:us-east-1|global): (\d+) calls", r.stderr)}


def test_eventbridge_buses_policies_and_check(t):
    m = t.moto()
    ev = m.client("events")
    for name in ("open", "partner", "plain"):
        ev.create_event_bus(Name=name)
    ev.put_permission(EventBusName="open", Action="events:PutEvents", Principal="*", StatementId="anyone")
    ev.put_permission(EventBusName="partner", Action="events:PutEvents", Principal="444455556666", StatementId="p")
    s = inspect(m, ["eventbridge"]).svc("eventbridge")
    names = sorted(val(b["name"]) for b in s["buses"])
    assert names == ["default", "open", "partner", "plain"], names
    assert "policy" not in by(s["buses"], "name", "plain"), s
    assert "444455556666" in val(by(s["buses"], "name", "partner")["policy"])
    arn = "arn:aws:events:us-east-1:%s:event-bus/%%s" % ACCOUNT
    f = statuses(findings(t, m, ["eventbridge"]))
    want = {("OSP-AWS-0091", arn % "open"): "FAIL", ("OSP-AWS-0091", arn % "partner"): "PASS",
            ("OSP-AWS-0091", arn % "plain"): "PASS"}
    assert {k: f.get(k) for k in want} == want, f
    assert calls(m, ["eventbridge"])["eventbridge"] <= 1 + 4, "one DescribeEventBus per bus, one list page"


def test_secret_policies_and_check(t):
    m = t.moto()
    sm = m.client("secretsmanager")
    arns = {n: sm.create_secret(Name=n, SecretString="canary-%s-value" % n)["ARN"] for n in ("public", "named", "none")}
    sm.put_resource_policy(SecretId="public", ResourcePolicy=PUBLIC_SECRET)
    sm.put_resource_policy(SecretId="named", ResourcePolicy=NAMED_SECRET)
    r = inspect(m, ["ssm"])
    s = r.svc("ssm")
    assert '"Principal":"*"' in val(by(s["secrets"], "name", "public")["policy"]), s
    assert "policy" not in by(s["secrets"], "name", "none")
    assert "canary-" not in r.stdout + json.dumps(r.docs), "secret values are never read"
    f = statuses(findings(t, m, ["ssm"]))
    want = {("OSP-AWS-0092", arns["public"]): "FAIL", ("OSP-AWS-0092", arns["named"]): "PASS",
            ("OSP-AWS-0092", arns["none"]): "PASS"}
    assert {k: f.get(k) for k in want} == want, f
    assert calls(m, ["ssm"])["ssm"] <= 1 + 3, "one GetResourcePolicy per secret, one list page"


def test_glacier_vaults_listed_and_moto_gap_is_a_failure_not_a_pass(t):
    m = t.moto()
    r = inspect(m, ["glacier"])
    assert r.svc("glacier") == {"vaults": []}, r.svc("glacier")  # no vault: nothing to ask
    m.client("glacier").create_vault(vaultName="backups")
    r = inspect(m, ["glacier"])
    # moto cannot answer GetVaultAccessPolicy (see CANNOT_EXPRESS): the service fails, loudly,
    # rather than reporting a vault whose policy nobody read
    assert "glacier" not in r.docs.get("us-east-1", {}).get("aws", {}), r.docs
    assert "glacier" in json.dumps([list(k) if isinstance(k, tuple) else k for k in r.failed]) + r.stderr, r.failed


def test_organization_management_account_and_delegated_administrators(t):
    m = t.moto()
    org = m.client("organizations")
    r = inspect(m, ["organizations"])
    s = unwrap(r.svc("organizations"))
    assert s["organization"] == {"inuse": False} and s["accounts"] == [], s  # no organization: an answer
    org.create_organization(FeatureSet="ALL")
    member = org.create_account(AccountName="security", Email="sec@example.com")["CreateAccountStatus"]["AccountId"]
    s = unwrap(inspect(m, ["organizations"]).svc("organizations"))
    o = s["organization"]
    assert o["inuse"] and o["ismanagementaccount"] and o["featureset"] == "ALL", o
    assert o["accountslisted"] and o["policieslisted"] and o["delegatedadministratorslisted"], o
    assert sorted(a["id"] for a in s["accounts"]) == sorted([ACCOUNT, member]), s["accounts"]
    assert all("email" not in a for a in s["accounts"]), "no e-mail addresses in the state"
    assert [p["name"] for p in s["policies"]] == ["FullAWSAccess"], s["policies"]
    assert s["delegatedadministrators"] == [], s
    rep = findings(t, m, ["organizations"], name="org1", regions=("us-east-1", "eu-west-1"))
    org_arn = o["arn"]
    got = [f for f in rep["Findings"] if f["ID"] == "OSP-AWS-0093"]
    assert [(f["Resource"], f["Status"]) for f in got] == [(org_arn, "FAIL")], got  # once, not per region
    org.register_delegated_administrator(AccountId=member, ServicePrincipal="ssm.amazonaws.com")
    s = unwrap(inspect(m, ["organizations"]).svc("organizations"))
    assert [d["id"] for d in s["delegatedadministrators"]] == [member], s
    f = statuses(findings(t, m, ["organizations"], name="org2"))
    assert f.get(("OSP-AWS-0093", org_arn)) == "PASS", f
    assert calls(m, ["organizations"])["organizations"] <= 4, "1-4 calls per account"


def test_member_account_access_denied_is_an_answer(t):
    m = t.moto()
    m.client("organizations").create_organization(FeatureSet="ALL")
    key = m.iam_user("member", json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": ["organizations:List*"], "Resource": "*"}]}))
    m.enable_auth()
    env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    r = inspect(m, ["organizations"], env=env)
    s = unwrap(r.svc("organizations"))  # collected, not failed
    o = s["organization"]
    assert o["inuse"] and not o["accountslisted"] and not o["policieslisted"], o
    assert not o["delegatedadministratorslisted"] and s["accounts"] == [] and s["delegatedadministrators"] == [], s
    assert not r.failed, r.failed
    rep = findings(t, m, ["organizations"], env=env, name="member")
    assert not [f for f in rep["Findings"] if f["ID"] == "OSP-AWS-0093" and f["Status"] == "FAIL"], rep["Findings"]


if __name__ == "__main__":
    main(globals())
