"""Two inspections of the same seeded account print byte-identical JSON (sorted keys, stable
order), even though services and per-resource calls run in parallel."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import inspect  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main  # noqa: E402


def test_same_account_same_bytes(t):
    m = t.moto()
    iam, s3, ec2, kms, sns = (m.client(x) for x in ("iam", "s3", "ec2", "kms", "sns"))
    for i in range(15):
        iam.create_user(UserName="u%02d" % i)
        s3.create_bucket(Bucket="det-bucket-%02d" % i)
        sns.create_topic(Name="t%02d" % i)
        kms.create_key(Description="k%02d" % i)
        ec2.create_security_group(GroupName="g%02d" % i, Description="d")
    ec2.run_instances(ImageId="ami-12c6146b", MinCount=15, MaxCount=15)
    svcs = ["iam", "s3", "ec2", "kms", "sns", "cloudtrail", "cloudwatch", "config", "account"]
    a = inspect(m, svcs, regions=["us-east-1", "eu-west-1"])
    b = inspect(m, svcs, regions=["us-east-1", "eu-west-1"])
    assert a.stdout and a.stdout == b.stdout, "two inspections differ"
    assert len(a.svc("s3")["buckets"]) == 15 and len(a.svc("ec2")["instances"]) == 15


if __name__ == "__main__":
    main(globals())
