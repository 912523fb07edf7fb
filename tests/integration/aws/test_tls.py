"""TLS: certificate verification is always on; AWS_CA_BUNDLE trusts a private CA; --insecure
connects anyway and warns once. A TLS-terminating faultproxy (rate 0) with a throw-away
self-signed certificate for 127.0.0.1 sits in front of moto.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from faultproxy import FaultProxy  # noqa: E402
from osptest import main, run_osprey  # noqa: E402


def self_signed(t):
    """A throw-away certificate for 127.0.0.1 (cryptography ships with moto; openssl CLI as fallback)."""
    cert, key = os.path.join(t.tmp, "cert.pem"), os.path.join(t.tmp, "key.pem")
    try:
        import datetime
        import ipaddress

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                        "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, capture_output=True)
        return cert, key
    k = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    c = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(k.public_key())
         .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
         .not_valid_after(now + datetime.timedelta(days=1))
         .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
         .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
         .sign(k, hashes.SHA256()))
    with open(cert, "wb") as f:
        f.write(c.public_bytes(serialization.Encoding.PEM))
    with open(key, "wb") as f:
        f.write(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()))
    return cert, key


def tls_front(t):
    m = t.moto()
    cert, key = self_signed(t)
    return m, cert, FaultProxy(m.endpoint, rate=0, certfile=cert, keyfile=key)


def test_untrusted_certificate_is_refused_without_retries(t):
    m, cert, p = tls_front(t)
    with p:
        r = run_osprey(["whoami", "--debug", "--endpoint", p.endpoint], env=m.env(), timeout=60)
    assert r.returncode == 3, "exit %d: %s" % (r.returncode, r.stderr)
    assert "AWS_CA_BUNDLE" in r.stderr, r.stderr
    assert "1 attempt, 0 retries" in r.stderr, r.stderr


def test_ca_bundle_trusts_a_private_ca(t):
    m, cert, p = tls_front(t)
    with p:
        r = run_osprey(["whoami", "--endpoint", p.endpoint], env=m.env(AWS_CA_BUNDLE=cert), timeout=60)
    assert r.returncode == 0, r.stderr
    assert "account: 123456789012" in r.stdout


def test_insecure_connects_and_warns_once(t):
    m, cert, p = tls_front(t)
    m.client("kms").create_key(Description="k")
    with p:
        r = run_osprey(["inspect", "--insecure", "--service", "kms", "--update-cache", "--cache-dir",
                        os.path.join(t.tmp, "cache")], env=m.env(AWS_ENDPOINT_URL=p.endpoint), timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("TLS certificate verification is DISABLED") == 1, r.stderr


if __name__ == "__main__":
    main(globals())
