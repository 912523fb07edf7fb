"""config, kms, account and accessanalyzer against moto: recorders and their status, delivery
channels, KMS rotation from GetKeyRotationStatus, alternate contacts; Access Analyzer (moto answers
500) is reported failed while the rest still comes back."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap, val  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main  # noqa: E402


def test_config_recorder_and_channel(t):
    m = t.moto()
    r = inspect(m, ["config"])
    s = r.svc("config")
    assert s["recorders"] == [] and s["deliverychannels"] == [] and "configurationaggregrator" not in s
    cfg = m.client("config")
    m.client("s3").create_bucket(Bucket="config-bucket-x")
    cfg.put_configuration_recorder(ConfigurationRecorder={"name": "default", "roleARN": "arn:aws:iam::123456789012:role/c",
                                   "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True}})
    cfg.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": "config-bucket-x"})
    s = inspect(m, ["config"]).svc("config")
    rec = unwrap(s["recorders"][0])
    assert rec["allsupported"] is True and rec["includeglobalresourcetypes"] is True and rec["recording"] is False, rec
    cfg.start_configuration_recorder(ConfigurationRecorderName="default")
    s = inspect(m, ["config"]).svc("config")
    assert val(s["recorders"][0]["recording"]) is True
    assert val(s["deliverychannels"][0]["s3bucketname"]) == "config-bucket-x"


def test_kms_rotation(t):
    m = t.moto()
    kms = m.client("kms")
    on = kms.create_key(Description="rotated")["KeyMetadata"]["Arn"]
    kms.enable_key_rotation(KeyId=on)
    off = kms.create_key(Description="not rotated")["KeyMetadata"]["Arn"]
    sign = kms.create_key(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"]
    keys = inspect(m, ["kms"]).svc("kms")["keys"]
    assert val(by(keys, "arn", on)["rotationenabled"]) is True
    assert val(by(keys, "arn", off)["rotationenabled"]) is False
    s = unwrap(by(keys, "arn", sign))
    assert "rotationenabled" not in s and s["usage"] == "SIGN_VERIFY", s
    assert inspect(m, ["kms"], regions=["eu-west-3"]).svc("kms", "eu-west-3")["keys"] == []


def test_kms_aliases(t):
    m = t.moto()
    kms = m.client("kms")
    key = kms.create_key(Description="app")["KeyMetadata"]
    kms.create_alias(AliasName="alias/app-data", TargetKeyId=key["KeyId"])
    s = inspect(m, ["kms"]).svc("kms")
    app = unwrap(by(s["aliases"], "name", "alias/app-data"))
    assert app["targetkeyid"] == key["KeyId"], app
    assert app["arn"] == "arn:aws:kms:us-east-1:123456789012:alias/app-data", app
    # AWS-managed aliases are listed too (lib.aws.kms resolves alias/aws/* as AWS-managed)
    assert "alias/aws/rds" in [val(a["name"]) for a in s["aliases"]]
    other = inspect(m, ["kms"], regions=["eu-west-3"]).svc("kms", "eu-west-3")
    assert "alias/app-data" not in [val(a["name"]) for a in other["aliases"]]


def test_account_alternate_contacts(t):
    m = t.moto()
    s = inspect(m, ["account"]).svc("account")
    assert s["alternatecontacts"] == []
    m.client("account").put_alternate_contact(AlternateContactType="SECURITY", EmailAddress="sec@example.com",
                                              Name="Sec", PhoneNumber="+15555550100", Title="CISO")
    s = inspect(m, ["account"]).svc("account")
    c = unwrap(by(s["alternatecontacts"], "type", "SECURITY"))
    assert c["emailaddress"] == "sec@example.com" and c["title"] == "CISO", c


def test_accessanalyzer_failure_is_reported_and_others_survive(t):
    m = t.moto()
    m.client("kms").create_key(Description="k")
    r = inspect(m, ["accessanalyzer", "kms"])
    assert len(r.svc("kms")["keys"]) == 1
    aws = r.docs.get("us-east-1", {}).get("aws", {})
    if "accessanalyzer" in aws:  # a moto that implements it
        assert isinstance(aws["accessanalyzer"]["analyzers"], list)
    else:
        assert any("accessanalyzer" in str(k) for k in r.failed), (r.failed, r.stderr[-1500:])


if __name__ == "__main__":
    main(globals())
