"""ec2 collector against moto: instances (profile, IMDS, user data, devices), volumes, security
groups, default SG, VPCs and flow logs, NACLs, launch templates, EBS default encryption; an empty
region; DescribeInstances pagination."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap, val  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main  # noqa: E402

AMI = "ami-12c6146b"


def test_instances_network_and_defaults(t):
    m = t.moto()
    ec2 = m.client("ec2")
    iam = m.client("iam")
    iam.create_role(RoleName="app", AssumeRolePolicyDocument="{}")
    prof = iam.create_instance_profile(InstanceProfileName="app-prof")["InstanceProfile"]
    vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
    sub = ec2.create_subnet(VpcId=vpc, CidrBlock="10.1.1.0/24")["Subnet"]["SubnetId"]
    web = ec2.create_security_group(GroupName="web", Description="web tier", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=web, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "ssh"}]}])
    ec2.create_flow_logs(ResourceIds=[vpc], ResourceType="VPC", TrafficType="ALL", LogGroupName="flow",
                         DeliverLogsPermissionArn="arn:aws:iam::123456789012:role/fl")
    ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, SubnetId=sub, SecurityGroupIds=[web], UserData="PASSWORD=hunter2",
                      IamInstanceProfile={"Arn": prof["Arn"]}, MetadataOptions={"HttpTokens": "required"})
    ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1)  # default VPC, IMDSv1, no profile
    ec2.create_volume(AvailabilityZone="us-east-1a", Size=10, Encrypted=True)
    ec2.enable_ebs_encryption_by_default()
    ec2.create_launch_template(LaunchTemplateName="web-lt", LaunchTemplateData={
        "MetadataOptions": {"HttpTokens": "optional"}, "UserData": "ZWNobyBoaQ==", "SecurityGroupIds": [web]})
    s = inspect(m, ["ec2"]).svc("ec2")
    insts = [unwrap(i) for i in s["instances"]]
    assert len(insts) == 2, insts
    secure = [i for i in insts if i.get("iaminstanceprofile")][0]
    assert secure["iaminstanceprofile"] == prof["Arn"]
    assert secure["metadataoptions"]["httptokens"] == "required"
    assert secure["userdata"] == "PASSWORD=hunter2"
    assert [g["name"] for g in secure["securitygroups"]] == ["web"]
    assert secure["rootblockdevice"]["encrypted"] in (True, False)
    plain = [i for i in insts if not i.get("iaminstanceprofile")][0]
    assert plain["metadataoptions"]["httptokens"] == "optional" and "userdata" not in plain
    webg = unwrap(by(s["securitygroups"], "id", web))
    rule = webg["ingressrules"][0]
    assert rule["cidrs"] == ["0.0.0.0/0"] and rule["fromport"] == 22 and rule["protocol"] == "tcp", rule
    assert rule["description"] == "ssh" and webg["isdefault"] is False and webg["description"] == "web tier"
    v = unwrap(by(s["vpcs"], "id", vpc))
    assert v["flowlogsenabled"] is True and v["isdefault"] is False
    assert any(g["isdefault"] for g in v["securitygroups"]), v["securitygroups"]
    default_vpc = [unwrap(x) for x in s["vpcs"] if val(x["isdefault"])][0]
    assert default_vpc["flowlogsenabled"] is False
    dsg = [g for g in default_vpc["securitygroups"] if g["isdefault"]][0]
    assert dsg["egressrules"], dsg
    acls = [unwrap(a) for a in s["networkacls"]]
    assert acls and all(a["rules"] for a in acls)
    assert any(r["action"] == "allow" and r["cidrs"] == ["0.0.0.0/0"] and r["type"] == "ingress" for r in acls[0]["rules"])
    assert any(unwrap(x)["encryption"]["enabled"] for x in s["volumes"])
    assert val(s["ebsencryptionbydefault"]["enabled"]) is True
    lt = unwrap(by(s["launchtemplates"], "name", "web-lt"))
    assert lt["instance"]["metadataoptions"]["httptokens"] == "optional" and lt["instance"]["userdata"] == "echo hi", lt
    assert [g["id"] for g in lt["instance"]["securitygroups"]] == [web]
    assert any(val(x["id"]) == sub for x in s["subnets"])


def test_empty_region_shows_empty_collections(t):
    m = t.moto()
    s = inspect(m, ["ec2"], regions=["ap-southeast-2"]).svc("ec2", "ap-southeast-2")
    assert s["instances"] == [] and s["volumes"] == [] and s["launchtemplates"] == []
    assert val(s["ebsencryptionbydefault"]["enabled"]) is False


def test_instances_paginate(t):
    m = t.moto()
    ec2 = m.client("ec2")
    for _ in range(3):
        ec2.run_instances(ImageId=AMI, MinCount=350, MaxCount=350)
    s = inspect(m, ["ec2"]).svc("ec2")
    ids = {val(i["id"]) for i in s["instances"]}
    assert len(ids) == 1050, len(ids)


if __name__ == "__main__":
    main(globals())
