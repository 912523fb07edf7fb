/* test_bi_crypto.c: crypto.* and io.jwt.* builtins (hashes, x509, keys, JWT sign/verify).
 * The HS256 token below was cross-checked with Python's hmac module. */
#include "test_bi_helpers.h"

/* A throwaway P-256 test key and its self-signed certificate (CN and DNS osprey.test, URI
 * spiffe://osprey/test), written as Rego string bodies. */
#define TEST_EC_KEY                                                                                                    \
    "-----BEGIN EC PRIVATE KEY-----\\n"                                                                                \
    "MHcCAQEEIPHj9KX9L30gnddTOZv1zgpk+KG7L9tg1omKUcf2qzM5oAoGCCqGSM49\\n"                                              \
    "AwEHoUQDQgAENF41kSa+FH6Pv+hiDpo/J21s1378HOkJwyc4wWB+SHzz4NS6iWfY\\n"                                              \
    "c6CR7EkxAkswQdmVpWNEfd2HOu6hZlJZtg==\\n"                                                                          \
    "-----END EC PRIVATE KEY-----\\n"
#define TEST_EC_CERT                                                                                                   \
    "-----BEGIN CERTIFICATE-----\\n"                                                                                   \
    "MIIBszCCAVigAwIBAgIUR+vr40jDX1C8QnymKynsq+F/1CwwCgYIKoZIzj0EAwIw\\n"                                              \
    "FjEUMBIGA1UEAwwLb3NwcmV5LnRlc3QwIBcNMjYxMTI2MDQ1MjE5WhgPMjEyNjEx\\n"                                              \
    "MDIwNDUyMTlaMBYxFDASBgNVBAMMC29zcHJleS50ZXN0MFkwEwYHKoZIzj0CAQYI\\n"                                              \
    "KoZIzj0DAQcDQgAENF41kSa+FH6Pv+hiDpo/J21s1378HOkJwyc4wWB+SHzz4NS6\\n"                                              \
    "iWfYc6CR7EkxAkswQdmVpWNEfd2HOu6hZlJZtqOBgTB/MB0GA1UdDgQWBBSjOEqt\\n"                                              \
    "SzW9i1XrhK1k6XJHKRp3azAfBgNVHSMEGDAWgBSjOEqtSzW9i1XrhK1k6XJHKRp3\\n"                                              \
    "azAPBgNVHRMBAf8EBTADAQH/MCwGA1UdEQQlMCOCC29zcHJleS50ZXN0hhRzcGlm\\n"                                              \
    "ZmU6Ly9vc3ByZXkvdGVzdDAKBggqhkjOPQQDAgNJADBGAiEA32FP1yoHyVueYnIl\\n"                                              \
    "4TrPT5sUXvz/UM6EshUwgLpgNPQCIQD8346UOQrkeFtSEv1HE1gc/OYYy+knQ0j+\\n"                                              \
    "EZAMKmuG4Q==\\n"                                                                                                  \
    "-----END CERTIFICATE-----\\n"

#define HS_KEY "{\"kty\": \"oct\", \"k\": base64url.encode_no_pad(\"secret\")}"

static void test_crypto_hashes_and_hmac(void)
{
    BT_EQ("crypto.md5(\"lorem ipsum\")", "\"80a751fde577028640c419000e33eba6\"");
    BT_EQ("crypto.sha1(\"lorem ipsum\")", "\"bfb7759a67daeb65410490b4d98bb9da7d1ea2ce\"");
    BT_EQ("crypto.sha256(\"lorem ipsum\")", "\"5e2bf57d3f40c4b6df69daf1936cb766f832374b4fc0259a7cbff06e2f70f269\"");
    BT_EQ("crypto.hmac.sha256(\"foo\", \"bar\")",
          "\"147933218aaabc0b8b10a2b3a5c34684c8d94341bcf10a4736dc7270f7741851\"");
    BT_EQ("crypto.hmac.md5(\"foo\", \"bar\")", "\"31b6db9e5eb4addb42f1a6ca07367adc\"");
    BT_EQ("crypto.hmac.equal(\"abc\", \"abc\")", "true");
    BT_EQ("crypto.hmac.equal(\"abc\", \"ab\")", "false");
}

static void test_crypto_x509_certificates(void)
{
    BT_EQ("crypto.x509.parse_certificates(\"" TEST_EC_CERT "\")[0].Subject.CommonName", "\"osprey.test\"");
    BT_EQ("crypto.x509.parse_certificates(\"" TEST_EC_CERT "\")[0].DNSNames", "[\"osprey.test\"]");
    BT_EQ("crypto.x509.parse_certificates(\"" TEST_EC_CERT "\")[0].URIStrings", "[\"spiffe://osprey/test\"]");
    BT_EQ("crypto.x509.parse_certificates(\"" TEST_EC_CERT "\")[0].IsCA", "true");
    BT_EQ("crypto.x509.parse_certificates(base64.encode(\"" TEST_EC_CERT "\"))[0].Issuer.CommonName",
          "\"osprey.test\"");
    BT_ERR("crypto.x509.parse_certificates(\"foobar\")", "eval_builtin_error", "illegal base64");
    BT_ERR("crypto.x509.parse_certificates(\"YmFkc3RyaW5n\")", "eval_builtin_error", "x509: malformed certificate");
}

static void test_crypto_verify_chain_options(void)
{
    BT_EQ("crypto.x509.parse_and_verify_certificates(\"" TEST_EC_CERT TEST_EC_CERT "\")[0]", "true");
    BT_EQ("crypto.x509.parse_and_verify_certificates_with_options(\"" TEST_EC_CERT TEST_EC_CERT "\", "
          "{\"DNSName\": \"osprey.test\"})[0]",
          "true");
    BT_EQ("crypto.x509.parse_and_verify_certificates_with_options(\"" TEST_EC_CERT TEST_EC_CERT "\", "
          "{\"DNSName\": \"other.test\"})",
          "[false,[]]");
    /* 1990: before the certificate's notBefore */
    BT_EQ("crypto.x509.parse_and_verify_certificates_with_options(\"" TEST_EC_CERT TEST_EC_CERT "\", "
          "{\"CurrentTime\": 631152000000000000})[0]",
          "false");
}

static void test_crypto_keys(void)
{
    BT_EQ("crypto.parse_private_keys(\"" TEST_EC_KEY "\")[0].crv", "\"P-256\"");
    BT_EQ("count(crypto.parse_private_keys(\"nope\"))", "0");
    BT_EQ("crypto.parse_private_keys(\"\")", "null");
    BT_EQ("count(crypto.x509.parse_keypair(\"" TEST_EC_CERT "\", \"" TEST_EC_KEY "\").Certificate)", "1");
    BT_ERR("crypto.x509.parse_rsa_private_key(\"invalid\")", "eval_builtin_error", "illegal base64");
}

static void test_jwt_hs256_round_trip(void)
{
    BT_EQ("io.jwt.encode_sign({\"alg\": \"HS256\", \"typ\": \"JWT\"}, {}, " HS_KEY ")",
          "\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M\"");
    BT_EQ("io.jwt.verify_hs256(io.jwt.encode_sign({\"alg\": \"HS256\"}, {\"a\": 1}, " HS_KEY "), \"secret\")", "true");
    BT_EQ("io.jwt.verify_hs256(io.jwt.encode_sign({\"alg\": \"HS256\"}, {\"a\": 1}, " HS_KEY "), \"other\")", "false");
    BT_EQ("io.jwt.decode(io.jwt.encode_sign({\"alg\": \"HS256\"}, {\"sub\": \"x\"}, " HS_KEY "))[1]",
          "{\"sub\":\"x\"}");
    BT_ERR("io.jwt.decode(\"a.b\")", "eval_builtin_error", "encoded JWT must have 3 sections, found 2");
    BT_ERR("io.jwt.encode_sign_raw(\"{}\", \"{}\", \"{}\")", "eval_builtin_error", "missing or invalid 'alg' header");
}

static void test_jwt_es256_sign_then_verify_with_certificate(void)
{
    BT_EQ("io.jwt.verify_es256(io.jwt.encode_sign({\"alg\": \"ES256\"}, {\"iss\": \"osprey\"}, "
          "crypto.parse_private_keys(\"" TEST_EC_KEY "\")[0]), \"" TEST_EC_CERT "\")",
          "true");
    BT_EQ("io.jwt.verify_rs256(io.jwt.encode_sign({\"alg\": \"ES256\"}, {\"iss\": \"osprey\"}, "
          "crypto.parse_private_keys(\"" TEST_EC_KEY "\")[0]), \"" TEST_EC_CERT "\")",
          "false");
}

static void test_jwt_decode_verify_checks_claims(void)
{
    BT_EQ("io.jwt.decode_verify(io.jwt.encode_sign({\"alg\": \"HS256\"}, {\"iss\": \"a\", \"exp\": 2000}, " HS_KEY
          "), {\"secret\": \"secret\", \"iss\": \"a\", \"time\": 1999000000000})[0]",
          "true");
    BT_EQ("io.jwt.decode_verify(io.jwt.encode_sign({\"alg\": \"HS256\"}, {\"iss\": \"a\", \"exp\": 2000}, " HS_KEY
          "), {\"secret\": \"secret\", \"time\": 2000000000000})",
          "[false,{},{}]");
    BT_EQ("io.jwt.decode_verify(io.jwt.encode_sign({\"alg\": \"HS256\"}, {\"iss\": \"a\"}, " HS_KEY
          "), {\"secret\": \"secret\", \"iss\": \"b\"})[0]",
          "false");
    BT_ERR("io.jwt.decode_verify(io.jwt.encode_sign({\"alg\": \"HS256\"}, {\"exp\": \"soon\"}, " HS_KEY
           "), {\"secret\": \"secret\"})",
           "eval_builtin_error", "exp value must be a number");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_crypto_hashes_and_hmac),
    OSP_TEST(test_crypto_x509_certificates),
    OSP_TEST(test_crypto_verify_chain_options),
    OSP_TEST(test_crypto_keys),
    OSP_TEST(test_jwt_hs256_round_trip),
    OSP_TEST(test_jwt_es256_sign_then_verify_with_certificate),
    OSP_TEST(test_jwt_decode_verify_checks_claims),
    {0},
};

int main(void)
{
    return osp_test_run("bi_crypto", tests);
}
