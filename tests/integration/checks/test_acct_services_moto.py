"""Account-level services of issue 15 on moto (macie, inspector2, backup, sagemaker, workspaces,
ssoadmin, and the iam/ec2 extras): for every check moto can express, a misconfigured resource FAILs
and its compliant twin PASSes, from one live scan of two regions.

What moto 5.2.1 cannot express (judged by the rego tests and the recorded-response unit tests instead):
- OSP-AWS-0140 "Macie not enabled" in a region never touched: moto answers ENABLED before EnableMacie
  was ever called. The off case is seeded by EnableMacie + DisableMacie (moto then answers
  ResourceNotFoundException; AWS answers AccessDeniedException "Macie is not enabled", unit-tested).
  PAUSED cannot be seeded (UpdateMacieSession does not change the status).
- OSP-AWS-0147 (public backup vault access policy): Get/PutBackupVaultAccessPolicy are 404 on moto;
  the vault carries a gap naming `policy` and the check says nothing about it.
- OSP-AWS-0142 FAIL (no federation at all): moto creates an ACTIVE Identity Center instance in every
  region, so an account without federation cannot be seeded; the PASS cases (SAML provider, Identity
  Center) are live.
- OSP-AWS-0146/0145 PASS: moto's Enable accepts LAMBDA and LAMBDA_CODE, so both are expressible; the
  ENABLING state is not (rego test).
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402
from test_batch2_policy_moto import readme_policy  # noqa: E402

ACCT = "123456789012"
SERVICES = ["backup", "ec2", "iam", "inspector2", "macie", "sagemaker", "ssoadmin", "workspaces"]


def seed(m):
    out = {}
    # macie: us-east-1 enabled then disabled (off); eu-west-1 never touched (moto: ENABLED)
    mc = m.client("macie2", region="us-east-1")
    mc.enable_macie()
    mc.disable_macie()
    # inspector2: EC2 + ECR in us-east-1; eu-west-1 never enabled
    m.client("inspector2", region="us-east-1").enable(accountIds=[ACCT], resourceTypes=["EC2", "ECR"])
    m.client("inspector2", region="eu-west-1").enable(accountIds=[ACCT], resourceTypes=["LAMBDA", "LAMBDA_CODE"])
    # backup: one locked and one open vault with a plan in us-east-1; a vault without plan in eu-west-1
    b = m.client("backup", region="us-east-1")
    b.create_backup_vault(BackupVaultName="locked")
    b.put_backup_vault_lock_configuration(BackupVaultName="locked", MinRetentionDays=7, MaxRetentionDays=365)
    b.create_backup_vault(BackupVaultName="open")
    b.create_backup_plan(BackupPlan={"BackupPlanName": "daily", "Rules": [{"RuleName": "r", "TargetBackupVaultName": "locked"}]})
    m.client("backup", region="eu-west-1").create_backup_vault(BackupVaultName="orphan")
    # sagemaker: defaults (every setting bad) and the compliant twin
    sm = m.client("sagemaker", region="us-east-1")
    role = "arn:aws:iam::%s:role/sm" % ACCT
    sm.create_notebook_instance(NotebookInstanceName="nb-open", InstanceType="ml.t3.medium", RoleArn=role)
    sm.create_notebook_instance(NotebookInstanceName="nb-closed", InstanceType="ml.t3.medium", RoleArn=role,
                                DirectInternetAccess="Disabled", RootAccess="Disabled", SubnetId="subnet-0abc",
                                SecurityGroupIds=["sg-0abc"], KmsKeyId="arn:aws:kms:us-east-1:%s:key/k1" % ACCT)
    # workspaces (needs a directory registered with WorkSpaces)
    ec2 = m.client("ec2", region="us-east-1")
    v = ec2.create_vpc(CidrBlock="10.5.0.0/16")["Vpc"]["VpcId"]
    s1 = ec2.create_subnet(VpcId=v, CidrBlock="10.5.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    s2 = ec2.create_subnet(VpcId=v, CidrBlock="10.5.2.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
    d = m.client("ds", region="us-east-1").create_directory(
        Name="corp.example.com", Password="Passw0rd!x", Size="Small", VpcSettings={"VpcId": v, "SubnetIds": [s1, s2]})["DirectoryId"]
    ws = m.client("workspaces", region="us-east-1")
    ws.register_workspace_directory(DirectoryId=d, EnableSelfService=False)
    got = ws.create_workspaces(Workspaces=[
        {"DirectoryId": d, "UserName": "plain", "BundleId": "wsb-1", "RootVolumeEncryptionEnabled": False,
         "UserVolumeEncryptionEnabled": False},
        {"DirectoryId": d, "UserName": "sealed", "BundleId": "wsb-1", "RootVolumeEncryptionEnabled": True,
         "UserVolumeEncryptionEnabled": True, "VolumeEncryptionKey": "arn:aws:kms:us-east-1:%s:key/k2" % ACCT}])
    out["ws"] = {w["UserName"]: w["WorkspaceId"] for w in got["PendingRequests"]}
    # ec2 peering: a route for the whole peer VPC (bad) and one for a peer subnet (good)
    a = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    p = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
    pcx = ec2.create_vpc_peering_connection(VpcId=a, PeerVpcId=p)["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    ec2.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    wide = ec2.create_route_table(VpcId=a)["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=wide, DestinationCidrBlock="10.1.0.0/16", VpcPeeringConnectionId=pcx)
    narrow = ec2.create_route_table(VpcId=a)["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=narrow, DestinationCidrBlock="10.1.7.0/24", VpcPeeringConnectionId=pcx)
    out.update(wide=wide, narrow=narrow, pcx=pcx)
    # iam: a SAML provider (federation)
    m.client("iam").create_saml_provider(SAMLMetadataDocument="<md>" + "x" * 1000 + "</md>", Name="corp-idp")
    return out


def scan(t, m, *extra):
    out = os.path.join(t.tmp, "r%d.json" % len(os.listdir(t.tmp)))
    args = ["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--region", "eu-west-1",
            "--cache-dir", os.path.join(t.tmp, "c%d" % len(os.listdir(t.tmp))), "--include-non-failures",
            "--format", "json=" + out]
    for s in SERVICES:
        args += ["--service", s]
    r = run_osprey(args + list(extra), env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    return json.load(open(out))


def findings(rep, cid):
    return {(f["Status"], f["Resource"]) for f in rep["Findings"] if f["ID"] == cid}


def test_fail_and_pass_per_check(t):
    m = t.moto()
    s = seed(m)
    rep = scan(t, m)
    bad = [(x["Service"], x.get("Region"), x["Status"]) for x in rep["Services"] if x["Status"] != "ok"]
    assert not bad, bad
    macie = "arn:aws:macie2:%s:" + ACCT + ":session"
    got = findings(rep, "OSP-AWS-0140")
    assert ("FAIL", macie % "us-east-1") in got and ("PASS", macie % "eu-west-1") in got, got
    insp = "arn:aws:inspector2:%s:" + ACCT + ":account"
    for cid, on, off in (("OSP-AWS-0143", "us-east-1", "eu-west-1"), ("OSP-AWS-0144", "us-east-1", "eu-west-1"),
                         ("OSP-AWS-0145", "eu-west-1", "us-east-1"), ("OSP-AWS-0146", "eu-west-1", "us-east-1")):
        got = findings(rep, cid)
        assert ("PASS", insp % on) in got and ("FAIL", insp % off) in got, (cid, got)
        assert ("FAIL", insp % on) not in got, (cid, got)
    vault = "arn:aws:backup:%s:" + ACCT + ":backup-vault:%s"
    got = findings(rep, "OSP-AWS-0148")
    assert ("FAIL", vault % ("us-east-1", "open")) in got and ("PASS", vault % ("us-east-1", "locked")) in got, got
    assert ("FAIL", vault % ("us-east-1", "locked")) not in got, got
    got = findings(rep, "OSP-AWS-0149")
    assert {r for st, r in got if st == "FAIL"} == {"arn:aws:backup:eu-west-1:%s:backup-plan:*" % ACCT}, got
    assert not {r for st, r in findings(rep, "OSP-AWS-0147") if st == "FAIL"}  # policy unknown on moto
    nb = "arn:aws:sagemaker:us-east-1:" + ACCT + ":notebook-instance/%s"
    for cid in ("OSP-AWS-0150", "OSP-AWS-0151", "OSP-AWS-0152", "OSP-AWS-0153"):
        got = findings(rep, cid)
        assert ("FAIL", nb % "nb-open") in got and ("PASS", nb % "nb-closed") in got, (cid, got)
        assert ("FAIL", nb % "nb-closed") not in got, (cid, got)
    wsarn = "arn:aws:workspaces:us-east-1:" + ACCT + ":workspace/%s"
    fails = [f for f in rep["Findings"] if f["ID"] == "AVD-AWS-0109" and f["Status"] == "FAIL"]
    assert sorted(f["Resource"] for f in fails) == [wsarn % s["ws"]["plain"]] * 2, fails
    assert ("PASS", wsarn % s["ws"]["sealed"]) in findings(rep, "AVD-AWS-0109")
    rtb = "arn:aws:ec2:us-east-1:" + ACCT + ":route-table/%s"
    got = findings(rep, "OSP-AWS-0141")
    assert ("FAIL", rtb % s["wide"]) in got, got
    assert ("FAIL", rtb % s["narrow"]) not in got, got
    msg = [f["Message"] for f in rep["Findings"] if f["ID"] == "OSP-AWS-0141" and f["Status"] == "FAIL"]
    assert any("10.1.0.0/16" in x and s["pcx"] in x for x in msg), msg
    got = findings(rep, "OSP-AWS-0142")
    assert got == {("PASS", "arn:aws:iam::%s:saml-provider/corp-idp" % ACCT)}, got


def test_federation_through_identity_center_alone(t):
    """No IAM identity provider: moto's Identity Center instances (one per region: each region is
    asked, since an instance answers only in its home region) are the federation; OSP-AWS-0142 does
    not fail (its PASS rows name the IAM providers it read, none here)."""
    m = t.moto()
    r = run_osprey(["inspect", "--endpoint", m.endpoint, "--region", "us-east-1", "--region", "eu-west-1",
                    "--service", "ssoadmin", "--service", "iam", "--cache-dir", os.path.join(t.tmp, "c")], env=m.env())
    assert r.returncode == 0, r.stderr[-2000:]
    doc = json.loads(r.stdout)["us-east-1"]["aws"]
    assert doc["iam"]["samlproviders"] == [] and doc["iam"]["oidcproviders"] == [], doc["iam"].keys()
    insts = doc["ssoadmin"]["instances"]
    assert len(insts) == 2 and {i["region"]["value"] for i in insts} == {"us-east-1", "eu-west-1"}, insts
    assert sorted(x["value"] for x in doc["ssoadmin"]["regions"]) == ["eu-west-1", "us-east-1"]
    rep = scan(t, m)
    assert not any(f["ID"] == "OSP-AWS-0142" and f["Status"] == "FAIL" for f in rep["Findings"])



def test_state_shapes_and_calls_per_resource(t):
    m = t.moto()
    seed(m)
    r = run_osprey(["inspect", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "backup",
                    "--service", "sagemaker", "--service", "macie", "--service", "inspector2", "--service", "workspaces",
                    "--cache-dir", os.path.join(t.tmp, "c"), "--debug"], env=m.env())
    assert r.returncode == 0, r.stderr[-2000:]
    doc = json.loads(r.stdout)
    doc = doc if "aws" in doc else list(doc.values())[0]
    aws = doc["aws"]
    assert aws["macie"]["session"]["enabled"]["value"] is False and aws["macie"]["session"]["status"]["value"] == "DISABLED"
    acct = aws["inspector2"]["account"]
    assert (acct["ec2"]["value"], acct["ecr"]["value"], acct["lambda"]["value"]) == ("ENABLED", "ENABLED", "DISABLED")
    vaults = {v["name"]["value"]: v for v in aws["backup"]["vaults"]}
    assert vaults["locked"]["locked"]["value"] is True and vaults["locked"]["minretentiondays"]["value"] == 7
    gaps = vaults["open"]["__defsec_metadata"]["gaps"]
    assert [(g["read"], g["fields"]) for g in gaps] == [("GetBackupVaultAccessPolicy", ["policy"])], gaps
    assert [p["name"]["value"] for p in aws["backup"]["plans"]] == ["daily"]
    nbs = {n["name"]["value"]: n for n in aws["sagemaker"]["notebookinstances"]}
    assert nbs["nb-open"]["rootaccess"]["value"] is True and nbs["nb-closed"]["rootaccess"]["value"] is False
    wss = {w["username"]["value"]: w for w in aws["workspaces"]["workspaces"]}
    assert wss["plain"]["rootvolume"]["encryption"]["enabled"]["value"] is False  # moto drops false: absent -> false
    assert wss["sealed"]["uservolume"]["encryption"]["enabled"]["value"] is True
    calls = {s: int(n) for s, n in re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr)}
    assert calls["backup"] == 2 + 2, calls      # ListBackupPlans, ListBackupVaults + 1 policy per vault
    assert calls["sagemaker"] == 1 + 2, calls   # ListNotebookInstances + 1 describe per notebook
    assert calls["macie"] == 1 and calls["inspector2"] == 1 and calls["workspaces"] == 1, calls


def test_readme_policy_lets_them_collect_and_without_it_they_fail(t):
    """Live under moto's IAM enforcement with the README's policy: every service collects, and
    without its new actions each fails (iam keeps collecting: its provider lists stay unknown).
    macie and backup are checked by name only: with auth on, moto 5.2.1 answers their REST GET
    requests (boto3's too) with SignatureDoesNotMatch."""
    live = ["ec2", "iam", "inspector2", "sagemaker", "ssoadmin", "workspaces"]
    policy = readme_policy()

    def run(pol, name):
        m = t.moto()
        seed(m)
        key = m.iam_user("scanner", json.dumps(pol))
        m.enable_auth()
        env = m.env(AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
        r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1"] + sum((["--service", x] for x in live), [])
                       + ["--cache-dir", os.path.join(t.tmp, name), "--format", "json"], env=env)
        assert r.returncode in (0, 1), r.stderr[-2000:]
        return r, json.loads(r.stdout)

    _, rep = run(policy, "full")
    assert sorted((x["Service"], x["Status"]) for x in rep["Services"]) == [(x, "ok") for x in live], rep["Services"]
    new = ("ec2:DescribeRouteTables", "ec2:DescribeVpcPeeringConnections", "iam:ListSAMLProviders",
           "iam:ListOpenIDConnectProviders", "inspector2:", "sagemaker:", "sso:", "workspaces:")
    policy["Statement"][0]["Action"] = [a for a in policy["Statement"][0]["Action"] if not a.startswith(new)]
    r, rep = run(policy, "cut")
    status = {x["Service"]: x["Status"] for x in rep["Services"]}
    assert status == {"ec2": "failed", "iam": "ok", "inspector2": "failed", "sagemaker": "failed",
                      "ssoadmin": "failed", "workspaces": "failed"}, status
    assert "ListSAMLProviders denied" in r.stderr, r.stderr[-2000:]


def test_readme_minimal_policy_names_every_new_read(t):
    policy = readme_policy()
    actions = set(policy["Statement"][0]["Action"])
    want = {"backup:GetBackupVaultAccessPolicy", "backup:ListBackupPlans", "backup:ListBackupVaults",
            "ec2:DescribeRouteTables", "ec2:DescribeVpcPeeringConnections", "iam:ListOpenIDConnectProviders",
            "iam:ListSAMLProviders", "inspector2:BatchGetAccountStatus", "macie2:GetMacieSession",
            "sagemaker:DescribeNotebookInstance", "sagemaker:ListNotebookInstances", "sso:ListInstances",
            "workspaces:DescribeWorkspaces"}
    assert want <= actions, want - actions


if __name__ == "__main__":
    main(globals())
