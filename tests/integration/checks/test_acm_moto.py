"""acm on moto: an imported certificate with a 1024-bit RSA key that expires in 10 days FAILs
OSP-AWS-0061 and OSP-AWS-0062; its compliant twin (RSA 2048, 200 days left) and an EC P-384 one
PASS; ListCertificates alone (with every key type) is the whole cost.

What moto 5.2.1 cannot express: RequestCertificate ignores KeyAlgorithm (always RSA_2048) and
leaves the certificate PENDING_VALIDATION one year out, so every case is seeded by
ImportCertificate (moto reads key type and validity from the PEM). Real AWS's default key-type
filter (RSA_1024/RSA_2048 only without Includes.keyTypes) is not modelled; the collector always
sends every key type. Trivy has no ACM check (shared/reference/trivy-aws-checks.tsv).
"""
import datetime
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from osptest import main, run_osprey  # noqa: E402


def pem(cn, key, days):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - datetime.timedelta(days=300))
            .not_valid_after(now + datetime.timedelta(days=days)).sign(key, hashes.SHA256()))
    return (cert.public_bytes(serialization.Encoding.PEM),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                              serialization.NoEncryption()))


def seed(m):
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    acm = m.client("acm")
    arns = {}
    for cn, key, days in (("bad.example.com", rsa.generate_private_key(public_exponent=65537, key_size=1024), 10),
                          ("good.example.com", rsa.generate_private_key(public_exponent=65537, key_size=2048), 200),
                          ("ec.example.com", ec.generate_private_key(ec.SECP384R1()), 200)):
        c, k = pem(cn, key, days)
        arns[cn] = acm.import_certificate(Certificate=c, PrivateKey=k)["CertificateArn"]
    return arns


def test_short_rsa_and_expiring_fail_compliant_twins_pass(t):
    m = t.moto()
    arns = seed(m)
    out = os.path.join(t.tmp, "r.json")
    r = run_osprey(["aws", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "acm", "--cache-dir",
                    os.path.join(t.tmp, "c"), "--include-non-failures", "--format", "json=" + out, "--debug"],
                   env=m.env())
    assert r.returncode in (0, 1), r.stderr[-2000:]
    rep = json.load(open(out))
    assert [s["Status"] for s in rep["Services"]] == ["ok"], rep["Services"]
    got = {(f["ID"], f["Status"], f["Resource"]) for f in rep["Findings"]}
    for cid in ("OSP-AWS-0061", "OSP-AWS-0062"):
        assert (cid, "FAIL", arns["bad.example.com"]) in got, (cid, got)
        for ok in ("good.example.com", "ec.example.com"):
            assert (cid, "PASS", arns[ok]) in got, (cid, ok, got)
            assert (cid, "FAIL", arns[ok]) not in got, (cid, ok, got)
    calls = {s: int(n) for s, n in re.findall(r"collect: (\w+) us-east-1: (\d+) calls", r.stderr)}
    assert calls.get("acm") == 1, calls  # ListCertificates only: 0 calls per certificate


def test_state(t):
    m = t.moto()
    arns = seed(m)
    r = run_osprey(["inspect", "--endpoint", m.endpoint, "--region", "us-east-1", "--service", "acm",
                    "--cache-dir", os.path.join(t.tmp, "c")], env=m.env())
    assert r.returncode == 0, r.stderr[-2000:]
    doc = json.loads(r.stdout)
    doc = doc if "aws" in doc else list(doc.values())[0]
    certs = {c["domainname"]["value"]: c for c in doc["aws"]["acm"]["certificates"]}
    assert set(certs) == set(arns), certs
    assert certs["bad.example.com"]["keyalgorithm"]["value"] == "RSA_1024"
    assert certs["ec.example.com"]["keyalgorithm"]["value"] == "EC_secp384r1"
    assert certs["good.example.com"]["status"]["value"] == "ISSUED"
    assert certs["good.example.com"]["inuse"]["value"] is False
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", certs["bad.example.com"]["notafter"]["value"]), certs


def test_readme_minimal_policy_names_acm_read(t):
    text = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "README.md")).read()
    policy = json.loads(text.split("<!-- permissions:begin -->", 1)[1].split("```json", 1)[1].split("```", 1)[0])
    assert "acm:ListCertificates" in policy["Statement"][0]["Action"]


if __name__ == "__main__":
    main(globals())
