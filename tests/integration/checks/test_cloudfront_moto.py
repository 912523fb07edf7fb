"""cloudfront on moto (global): misconfigured distributions FAIL AVD-AWS-0010..0013, compliant twins
PASS; a distribution on the default certificate does not fail 0013 and one logged only through a
v2 delivery does not fail 0010 (Trivy's false positives); a scan of two regions collects CloudFront
once and reports each finding once, under region "global".

What moto 5.2.1 cannot express, and where it is covered instead:
- moto reports CloudFrontDefaultCertificate=true even beside an ACM certificate: osprey reads a
  named ACM / IAM certificate as custom (cloudfront_config_good_moto.xml in test_cloudfront.c);
  the AWS-shaped response is cloudfront_config_aws.xml.
- moto writes distribution ARNs without the empty region field (arn:aws:cloudfront:ACCT:...);
  osprey restores AWS's form, and matches deliveries on ":distribution/<id>" (test_cloudfront.c).
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402

IDS = ("AVD-AWS-0010", "AVD-AWS-0011", "AVD-AWS-0012", "AVD-AWS-0013")
ACM = "arn:aws:acm:us-east-1:123456789012:certificate/x"


def dist(cf, ref, https=True, logs=False, waf=False, tls=None):
    cfg = {"CallerReference": ref, "Comment": ref, "Enabled": True,
           "Origins": {"Quantity": 1, "Items": [{"Id": "o1", "DomainName": "b.s3.amazonaws.com",
                                                 "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
           "DefaultCacheBehavior": {"TargetOriginId": "o1", "MinTTL": 0,
                                    "ViewerProtocolPolicy": "redirect-to-https" if https else "allow-all",
                                    "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}}}}
    if logs:
        cfg["Logging"] = {"Enabled": True, "IncludeCookies": False, "Bucket": "logs.s3.amazonaws.com", "Prefix": "cf/"}
    if waf:
        cfg["WebACLId"] = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/w/abc"
    if tls:
        cfg["ViewerCertificate"] = {"ACMCertificateArn": ACM, "SSLSupportMethod": "sni-only", "MinimumProtocolVersion": tls}
    return cf.create_distribution(DistributionConfig=cfg)["Distribution"]["Id"]


def seed(m):
    cf = m.client("cloudfront")
    ids = {"bad": dist(cf, "bad", https=False, tls="TLSv1"),
           "good": dist(cf, "good", logs=True, waf=True, tls="TLSv1.2_2021"),
           "default-cert": dist(cf, "default-cert", logs=True, waf=True),
           "v2-logs": dist(cf, "v2-logs", waf=True, tls="TLSv1.2_2021")}
    logs = m.client("logs")
    logs.put_delivery_source(name="cf", logType="ACCESS_LOGS",
                             resourceArn="arn:aws:cloudfront::123456789012:distribution/" + ids["v2-logs"])
    dest = logs.put_delivery_destination(name="cf-dst", deliveryDestinationConfiguration={
        "destinationResourceArn": "arn:aws:s3:::cf-logs"})["deliveryDestination"]["arn"]
    logs.create_delivery(deliverySourceName="cf", deliveryDestinationArn=dest)
    return ids


def test_twins_and_global_once(t):
    m = t.moto()
    ids = seed(m)
    out = os.path.join(t.tmp, "r.json")
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1,eu-west-1", "--service", "cloudfront",
                    "--cache-dir", os.path.join(t.tmp, "c"), "--include-non-failures", "--debug",
                    "--format", "json=" + out], env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    rep = json.load(open(out))
    assert [(s["Region"], s["Status"]) for s in rep["Services"]] == [("global", "ok")], rep["Services"]
    assert len(re.findall(r"collect: cloudfront \S+: \d+ calls", r.stderr)) == 1, r.stderr[-2000:]
    seen = {}
    for f in rep["Findings"]:
        if f["ID"] in IDS:
            key = (f["ID"], f["Resource"].rsplit("/", 1)[-1])
            seen.setdefault(key, []).append(f["Status"])
            assert f["Region"] == "global", f
    assert all(len(v) == 1 for v in seen.values()), seen  # not repeated per region
    st = {k: v[0] for k, v in seen.items()}
    for cid in IDS:
        assert st.get((cid, ids["bad"])) == "FAIL", (cid, st)
        assert st.get((cid, ids["good"])) == "PASS", (cid, st)
    assert st.get(("AVD-AWS-0013", ids["default-cert"])) == "PASS", st
    assert st.get(("AVD-AWS-0010", ids["v2-logs"])) == "PASS", st


if __name__ == "__main__":
    main(globals())
