"""Launch configurations (autoscaling) on moto: they fill ec2.launchconfigurations, which Trivy
reads and trivy-aws never fills. A misconfigured one FAILs AVD-AWS-0008/0009/0122/0130, a
compliant twin PASSes; with EBS encryption by default on, 0008 passes (every new volume is
encrypted whatever the mapping says); the user data secret never reaches any output.

What moto 5.2.1 cannot express, and where it is covered instead:
- instance store (VirtualName) and NoDevice mappings, a snapshot-based volume without Encrypted,
  launch configurations without MetadataOptions: covered by autoscaling_launch_configs_aws.xml
  (tests/unit/collect/test_ec2_lc.c) and checks/aws/ec2/*_test.rego.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

AMI = "ami-12c6146b"
KEY = "AKIALAUNCHCFG0123456"
IDS = ("AVD-AWS-0008", "AVD-AWS-0009", "AVD-AWS-0122", "AVD-AWS-0130")


def seed(m):
    asg = m.client("autoscaling")
    asg.create_launch_configuration(
        LaunchConfigurationName="bad-lc", ImageId=AMI, InstanceType="t3.micro", AssociatePublicIpAddress=True,
        UserData="#!/bin/sh\nexport AWS_ACCESS_KEY_ID=%s\n" % KEY,
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 8, "Encrypted": False}}],
        MetadataOptions={"HttpTokens": "optional", "HttpEndpoint": "enabled"})
    asg.create_launch_configuration(
        LaunchConfigurationName="good-lc", ImageId=AMI, InstanceType="t3.micro", AssociatePublicIpAddress=False,
        UserData="#!/bin/sh\necho hello\n",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 8, "Encrypted": True}}],
        MetadataOptions={"HttpTokens": "required", "HttpEndpoint": "enabled"})


def scan(t, m, name):
    out = os.path.join(t.tmp, name + ".json")
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "ec2", "--cache-dir",
                    os.path.join(t.tmp, name), "--include-non-failures", "--format", "json=" + out], env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    rep = json.load(open(out))
    assert all(s["Status"] == "ok" for s in rep["Services"]), rep["Services"]
    assert KEY not in open(out).read() + r.stdout + r.stderr
    by = {}
    for f in rep["Findings"]:
        if f["ID"] in IDS:
            by.setdefault((f["ID"], f["Resource"].rsplit("/", 1)[-1]), set()).add(f["Status"])
    return by


def test_misconfigured_fail_and_compliant_twin_pass(t):
    m = t.moto()
    seed(m)
    by = scan(t, m, "a")
    for cid in IDS:
        assert "FAIL" in by.get((cid, "bad-lc"), set()), (cid, by)
        assert by.get((cid, "good-lc")) == {"PASS"}, (cid, by)
    m.client("ec2").enable_ebs_encryption_by_default()
    by = scan(t, m, "b")
    assert by.get(("AVD-AWS-0008", "bad-lc")) == {"PASS"}, by
    assert "FAIL" in by.get(("AVD-AWS-0009", "bad-lc"), set()), by


if __name__ == "__main__":
    main(globals())
