"""s3 collector against moto: misconfigured and compliant buckets, the account public access block."""
import json
import os
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from colinspect import by, inspect, unwrap, val  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

TLS_ONLY = {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*",
            "Resource": "arn:aws:s3:::good-bucket/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}


def test_compliant_and_misconfigured_buckets(t):
    m = t.moto()
    s3 = m.client("s3")
    s3.create_bucket(Bucket="good-bucket")
    s3.create_bucket(Bucket="log-bucket")
    s3.put_bucket_versioning(Bucket="good-bucket", VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_encryption(Bucket="good-bucket", ServerSideEncryptionConfiguration={"Rules": [
        {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "alias/k"}}]})
    s3.put_public_access_block(Bucket="good-bucket", PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    s3.put_bucket_policy(Bucket="good-bucket", Policy=json.dumps(TLS_ONLY))
    s3.put_bucket_acl(Bucket="log-bucket", ACL="log-delivery-write")
    s3.put_bucket_logging(Bucket="good-bucket", BucketLoggingStatus={"LoggingEnabled": {
        "TargetBucket": "log-bucket", "TargetPrefix": "good/"}})
    s3.create_bucket(Bucket="bad-bucket", ACL="public-read-write")
    s3.create_bucket(Bucket="eu-bucket", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    s = inspect(m, ["s3"]).svc("s3")
    good = unwrap(by(s["buckets"], "name", "good-bucket"))
    assert good["versioning"]["enabled"] is True
    assert good["encryption"] == {"enabled": True, "algorithm": "aws:kms", "kmskeyid": "alias/k",
                                  "bucketkeyenabled": False} or good["encryption"]["algorithm"] == "aws:kms", good
    assert good["publicaccessblock"]["restrictpublicbuckets"] is True
    assert good["logging"] == {"enabled": True, "targetbucket": "log-bucket", "targetprefix": "good/"}, good["logging"]
    assert json.loads(good["bucketpolicies"][0]["document"]) == TLS_ONLY
    assert good["acl"] == "private" and good["bucketlocation"] == "us-east-1"
    bad = by(s["buckets"], "name", "bad-bucket")
    assert bad["__defsec_metadata"]["resource"] == "arn:aws:s3:::bad-bucket"
    badu = unwrap(bad)
    assert badu["acl"] in ("public-read", "public-read-write"), badu  # moto grants AllUsers READ only
    assert "publicaccessblock" not in badu and badu["bucketpolicies"] == []
    assert badu["encryption"]["enabled"] is False and badu["versioning"]["enabled"] is False
    assert badu["logging"] == {"enabled": False}
    uris = [g["grantee"].get("uri") for g in badu["grants"]]
    assert "http://acs.amazonaws.com/groups/global/AllUsers" in uris
    logb = unwrap(by(s["buckets"], "name", "log-bucket"))  # moto grants LogDelivery READ_ACP only
    assert any(g["grantee"].get("uri", "").endswith("/s3/LogDelivery") for g in logb["grants"]), logb
    assert unwrap(by(s["buckets"], "name", "eu-bucket"))["bucketlocation"] == "eu-west-1"
    assert unwrap(s["accountpublicaccessblock"]) == {"exists": False}


def test_empty_account_and_account_block(t):
    m = t.moto()
    r = inspect(m, ["s3"])
    s = r.svc("s3")
    assert s["buckets"] == []
    # boto3's s3control always prefixes the host with the account id; send the PUT by hand
    # (moto checks no signature until auth is enabled, and routes /v20180820/ to S3 Control)
    body = (b'<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">'
            b'<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>'
            b'<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets>'
            b'</PublicAccessBlockConfiguration>')
    req = urllib.request.Request(m.endpoint + "/v20180820/configuration/publicAccessBlock", data=body, method="PUT",
                                 headers={"x-amz-account-id": m.account_id, "Content-Type": "application/xml", "Authorization":
                                          "AWS4-HMAC-SHA256 Credential=%s/20240101/us-east-1/s3/aws4_request, "
                                          "SignedHeaders=host, Signature=0" % m.ACCESS_KEY})
    urllib.request.urlopen(req).read()
    s = inspect(m, ["s3"]).svc("s3")
    apb = unwrap(s["accountpublicaccessblock"])
    assert apb["exists"] is True and apb["blockpublicacls"] is True and apb["restrictpublicbuckets"] is False, apb


def put_account_block(m, restrict):
    body = (b'<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">'
            b'<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>'
            b'<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>%s</RestrictPublicBuckets>'
            b'</PublicAccessBlockConfiguration>' % (b"true" if restrict else b"false"))
    req = urllib.request.Request(m.endpoint + "/v20180820/configuration/publicAccessBlock", data=body, method="PUT",
                                 headers={"x-amz-account-id": m.account_id, "Content-Type": "application/xml", "Authorization":
                                          "AWS4-HMAC-SHA256 Credential=%s/20240101/us-east-1/s3/aws4_request, "
                                          "SignedHeaders=host, Signature=0" % m.ACCESS_KEY})
    urllib.request.urlopen(req).read()


def test_account_block_of_all_four_spares_the_bucket_reads(t):
    """With the account's public access block setting all four, a bucket's own block can change
    nothing (the stricter applies): it is not read, 5 reads per bucket instead of 6. With one of
    the four off, every bucket's block is read again."""
    import re
    m = t.moto()
    s3 = m.client("s3")
    for i in range(4):
        s3.create_bucket(Bucket="b-%d" % i)
    s3.put_public_access_block(Bucket="b-0", PublicAccessBlockConfiguration={
        "BlockPublicAcls": False, "IgnorePublicAcls": False, "BlockPublicPolicy": False, "RestrictPublicBuckets": False})
    counts = {}
    for restrict in (True, False):
        put_account_block(m, restrict)
        out = os.path.join(t.tmp, "r-%s.json" % restrict)
        r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "s3", "--cache-dir",
                        os.path.join(t.tmp, "c-%s" % restrict), "--debug", "--format", "json=" + out], env=m.env())
        assert r.returncode in (0, 1), r.stderr[-2000:]
        calls = {s: int(n) for s, n in re.findall(r"collect: (\w+) global: (\d+) calls", r.stderr)}
        counts[restrict] = calls["s3"]
        fails = {(f["ID"], f["Resource"]) for f in json.load(open(out))["Findings"] if f["Status"] == "FAIL"}
        pab_checks = {"AVD-AWS-0086", "AVD-AWS-0087", "AVD-AWS-0091", "AVD-AWS-0093", "AVD-AWS-0094"}
        if restrict:  # the account blocks everything: no bucket fails a block check, whatever its own says
            assert not {f for f in fails if f[0] in pab_checks}, fails
        else:  # restrictpublicbuckets is off at the account: b-0's own block (all off) is read and fails 0093
            assert ("AVD-AWS-0093", "arn:aws:s3:::b-0") in fails, fails
        s = inspect(m, ["s3"]).svc("s3")
        own = {b["name"]["value"]: "publicaccessblock" in b for b in s["buckets"]}
        assert own == ({"b-0": False, "b-1": False, "b-2": False, "b-3": False} if restrict else
                       {"b-0": True, "b-1": False, "b-2": False, "b-3": False}), own
    assert counts[False] - counts[True] == 4, counts  # one GetPublicAccessBlock per bucket spared


if __name__ == "__main__":
    main(globals())
