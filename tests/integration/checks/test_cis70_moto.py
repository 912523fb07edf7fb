"""CIS AWS Foundations 7.0.0 end to end on moto (issue 14): the two accounts of test_cis_moto.py
(A misconfigured, B compliant, reached through assumed roles), `osprey aws --compliance aws-cis-7.0`
and `--report all`. Controls moto cannot express are listed in CANNOT_EXPRESS_70 with the reason
and covered by the checks' _test.rego inputs instead."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402
from test_cis_moto import (BAD, CANNOT_EXPRESS, CANNOT_EXPRESS_14, GOOD, REGION, check_region_scoped, client,  # noqa: E402
                           creds, judge, scan, seed_30, seed_bad, seed_good, seed_good_14, seed_good_every_region,
                           seeded)

# CIS 7.0.0: renumbered (2.x identity, 3.x storage, 4.x logging, 5.x monitoring, 6.x networking), the
# monitoring controls 5.1-5.15 Manual, 2.16 instance roles Automated, 6.1.2 CIFS new.
CANNOT_EXPRESS_70 = {
    "2.4": CANNOT_EXPRESS["1.12"], "2.5": CANNOT_EXPRESS["1.13"], "2.11": CANNOT_EXPRESS["1.3"],
    "2.12": CANNOT_EXPRESS["1.4"], "2.17": CANNOT_EXPRESS_14["1.19"], "2.18": CANNOT_EXPRESS_14["1.20"],
}
REGION_SCOPED_70 = {"2.16", "3.2.1", "3.2.2", "3.2.3", "3.3.1", "4.2", "4.3", "4.5", "4.6", "4.7", "4.8", "4.9", "5.16",
                    "6.1.1", "6.1.2", "6.2", "6.3", "6.4", "6.5", "6.7"}


def seed_70(m):
    """What CIS 7.0 adds: an instance admitting CIFS (TCP 445) from the internet on the
    misconfigured account (6.1.2), and evidence for the manual 2.21: a public event bus and a
    secret any account may read there, their named-principal twins on the compliant account."""
    ec2 = client(m, BAD, "ec2")
    sg = ec2.create_security_group(GroupName="smb", Description="file shares")["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 445, "ToPort": 445, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    ami = ec2.describe_images()["Images"][0]["ImageId"]
    ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, SecurityGroupIds=[sg])  # 6.1.2
    for acct, principal in ((BAD, "*"), (GOOD, "444455556666")):
        ev = client(m, acct, "events")
        ev.create_event_bus(Name="partners")
        ev.put_permission(EventBusName="partners", Action="events:PutEvents", Principal=principal, StatementId="p")
        sm = client(m, acct, "secretsmanager")
        sm.create_secret(Name="shared", SecretString="not-a-secret")
        sm.put_resource_policy(SecretId="shared", ResourcePolicy=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": "*" if principal == "*" else {"AWS": "arn:aws:iam::%s:root" % principal},
             "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}))


def test_cis70_report_all_fails_misconfigured_and_passes_compliant_account(t):
    """`--compliance aws-cis-7.0 --report all` on the two-account moto: all 70 recommendations in
    the benchmark's numbering; every Manual one MANUAL on both accounts (its evidence listed);
    every automated control moto can express FAILs on the misconfigured account and PASSes on the
    compliant one, which is seeded in every region moto reports enabled and scanned with --region
    all (a one-region scan leaves the region-scoped controls NOT EVALUATED, never PASS)."""
    m, (bad, bad_report), (good1, _) = seeded(t, "aws-cis-7.0", seed_bad, seed_good, seed_good_14, seed_30, seed_70)
    ids = list(bad.keys())
    assert len(ids) == 70 and ids[0] == "2.1.1" and ids[6] == "2.2" and ids[-1] == "6.8", ids
    manual = {cid for cid, c in bad.items() if c["Assessment"] == "Manual"}
    assert len(manual) == 36 and {"2.1.5", "2.21", "5.1", "5.15", "6.6"} <= manual, sorted(manual)
    problems = []
    for cid in REGION_SCOPED_70 - set(CANNOT_EXPRESS_70):
        check_region_scoped(problems, cid, good1[cid])
    assert not problems, "\n".join(problems)
    seed_good_every_region(m)
    good, good_report = scan(t, m, GOOD, "aws-cis-7.0", region="all")
    problems, pending = judge(bad, good, good_report, manual, CANNOT_EXPRESS_70, ())
    assert not problems, "\n".join(problems)
    assert not pending, pending  # every automated control's checks are in the catalog
    live = [cid for cid, c in bad.items() if c["Assessment"] == "Automated" and cid not in CANNOT_EXPRESS_70]
    assert len(live) == 34 - len(CANNOT_EXPRESS_70), live
    assert all(good[cid]["Status"] == "PASS" for cid in live) and all(bad[cid]["Status"] == "FAIL" for cid in live)
    # the CIFS control names the instance and the open group; evidence of 2.21 on the bad account only
    cifs = [f for f in bad_report["Findings"] if f["ID"] == "OSP-AWS-0043" and f["Status"] == "FAIL"]
    assert len(cifs) == 1 and "445" in cifs[0]["Message"] and "0.0.0.0/0" in cifs[0]["Message"], cifs
    for report, want in ((bad_report, {"OSP-AWS-0091", "OSP-AWS-0092"}), (good_report, set())):
        got = {f["ID"] for f in report["Findings"] if f["Status"] == "FAIL" and f["ID"] in ("OSP-AWS-0091", "OSP-AWS-0092")}
        assert got == want, (got, want)
    # --report all: every control in the table, the manual notes with their evidence
    env = m.env()
    key, secret, token = creds(m, BAD)
    env.update({"AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": token})
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", REGION, "--compliance", "aws-cis-7.0",
                    "--report", "all", "--cache-dir", os.path.join(t.tmp, "cache-%s-%s" % (BAD, REGION))], env=env)
    assert r.returncode in (0, 1), r.stderr[-2000:]
    assert "Compliance: AWS CIS Foundations Benchmark v7.0.0 (aws-cis-7.0" in r.stdout, r.stdout[:2000]
    for cid in ids:
        assert ("| %-5s " % cid) in r.stdout, (cid, r.stdout[:6000])
    assert "2.21 MANUAL: CIS classes this recommendation Manual" in r.stdout, r.stdout[-6000:]
    assert "6.1.2" in r.stdout and "Controls: " in r.stdout


if __name__ == "__main__":
    main(globals())
