"""iam collector against moto: users, groups, roles, policies (inline with documents), the root user
from the credential report / account summary, password policy, pagination of roles and policies."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap, val  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main  # noqa: E402

ADMIN = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                                                              "Action": "sts:AssumeRole"}]})


def test_users_groups_roles_inline_policies(t):
    m = t.moto()
    iam = m.client("iam")
    iam.create_user(UserName="alice")
    iam.put_user_policy(UserName="alice", PolicyName="alice-admin", PolicyDocument=ADMIN)
    iam.create_access_key(UserName="alice")
    iam.create_user(UserName="bob")  # compliant: no policies, no keys
    iam.create_group(GroupName="ops")
    iam.add_user_to_group(GroupName="ops", UserName="bob")
    iam.put_group_policy(GroupName="ops", PolicyName="ops-inline", PolicyDocument=ADMIN)
    iam.create_role(RoleName="app", AssumeRolePolicyDocument=TRUST)
    iam.put_role_policy(RoleName="app", PolicyName="app-inline", PolicyDocument=ADMIN)
    arn = iam.create_policy(PolicyName="cust", PolicyDocument=ADMIN)["Policy"]["Arn"]
    iam.attach_role_policy(RoleName="app", PolicyArn=arn)
    s = inspect(m, ["iam"]).svc("iam")
    alice = by(s["users"], "name", "alice")
    pol = by(alice["policies"], "name", "alice-admin")
    assert val(pol["builtin"]) is False and val(pol["inline"]) is True
    assert json.loads(val(pol["document"]))["Statement"][0]["Action"] == "*"
    assert pol["document"]["resource"] == "arn:aws:iam::123456789012:user/alice"
    assert pol["document"]["sourceprefix"] == "remote" and pol["document"]["managed"] is True
    assert [val(k["active"]) for k in alice["accesskeys"]] == [True]
    bob = by(s["users"], "name", "bob")
    assert bob["policies"] == [] and bob["accesskeys"] == [] and bob["mfadevices"] == []
    assert [val(g["name"]) for g in bob["groups"]] == ["ops"]
    ops = by(s["groups"], "name", "ops")
    assert json.loads(val(by(ops["policies"], "name", "ops-inline")["document"]))["Statement"][0]["Effect"] == "Allow"
    assert [val(u["name"]) for u in ops["users"]] == ["bob"]
    app = by(s["roles"], "name", "app")
    names = sorted(val(p["name"]) for p in app["policies"])
    assert names == ["app-inline", "cust"], names
    attached = by(app["policies"], "name", "cust")
    assert val(attached["inline"]) is False and "document" in attached
    assert "ec2.amazonaws.com" in val(app["assumerolepolicydocument"])
    cust = by(s["policies"], "name", "cust")
    assert val(cust["builtin"]) is False and val(cust["attachmentcount"]) == 1


def test_root_user_and_password_policy(t):
    m = t.moto()
    iam = m.client("iam")
    s = inspect(m, ["iam"]).svc("iam")
    root = by(s["users"], "name", "root")
    assert val(root["root"]) is True
    assert root["__defsec_metadata"]["resource"] == "arn:aws:iam::123456789012:root"
    assert val(root["mfaactive"]) is False and root["mfadevices"] == [] and root["accesskeys"] == []
    assert val(s["passwordpolicy"]["exists"]) is False and "minimumlength" not in s["passwordpolicy"]
    # now: a password policy and a virtual MFA device on root
    iam.update_account_password_policy(MinimumPasswordLength=14, RequireSymbols=True, PasswordReusePrevention=24)
    serial = iam.create_virtual_mfa_device(VirtualMFADeviceName="root-mfa")["VirtualMFADevice"]["SerialNumber"]
    iam.create_user(UserName="carol")
    iam.enable_mfa_device(UserName="carol", SerialNumber=serial, AuthenticationCode1="123456", AuthenticationCode2="654321")
    s = inspect(m, ["iam"]).svc("iam")
    pp = unwrap(s["passwordpolicy"])
    assert pp["exists"] is True and pp["minimumlength"] == 14 and pp["requiresymbols"] is True, pp
    assert pp["reusepreventioncount"] == 24
    carol = by(s["users"], "name", "carol")
    assert [val(d["isvirtual"]) for d in carol["mfadevices"]] == [True], unwrap(carol)
    assert val(carol["mfaactive"]) is True


def test_many_roles_and_policies_paginate(t):
    m = t.moto()
    iam = m.client("iam")
    for i in range(120):
        iam.create_role(RoleName="r%03d" % i, AssumeRolePolicyDocument=TRUST)
        iam.create_policy(PolicyName="p%03d" % i, PolicyDocument=ADMIN)
    s = inspect(m, ["iam"]).svc("iam")
    assert len(s["roles"]) == 120, len(s["roles"])
    assert len([p for p in s["policies"] if val(p["name"]).startswith("p")]) == 120


if __name__ == "__main__":
    main(globals())
