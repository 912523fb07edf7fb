/* bi_pki.c: EVP_PKEY <-> JWK, input decoding and Go-shaped certificate objects (OpenSSL 3). */
#include "rego/builtins/bi_pki.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rego/builtins/bi_int.h"

#define PKI_MAX_INPUT (1u << 22)

rv bi_b64url(const unsigned char *d, size_t n)
{
    static const char A[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char *o = malloc((n + 2) / 3 * 4 + 1);
    if (!o)
        return rv_str_new("");
    size_t k = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16 | (i + 1 < n ? (uint32_t)d[i + 1] << 8 : 0) | (i + 2 < n ? d[i + 2] : 0);
        o[k++] = A[v >> 18 & 63];
        o[k++] = A[v >> 12 & 63];
        if (i + 1 < n)
            o[k++] = A[v >> 6 & 63];
        if (i + 2 < n)
            o[k++] = A[v & 63];
    }
    o[k] = 0;
    return rv_str_take(o, k);
}

/* ---- key -> JWK ---- */

static void put_bn(rv *jwk, const char *name, EVP_PKEY *k, const char *param, int pad)
{
    BIGNUM *bn = NULL;
    if (!EVP_PKEY_get_bn_param(k, param, &bn) || !bn)
        return;
    int len = BN_num_bytes(bn);
    if (pad > len)
        len = pad;
    unsigned char *buf = malloc((size_t)len + 1);
    if (buf && BN_bn2binpad(bn, buf, len) == len)
        rv_obj_set(jwk, rv_str_new(name), bi_b64url(buf, (size_t)len));
    free(buf);
    BN_free(bn);
}

static const char *jwk_curve(const char *group)
{
    if (!strcmp(group, "prime256v1") || !strcmp(group, "P-256"))
        return "P-256";
    if (!strcmp(group, "secp384r1") || !strcmp(group, "P-384"))
        return "P-384";
    if (!strcmp(group, "secp521r1") || !strcmp(group, "P-521"))
        return "P-521";
    return NULL;
}

rv bi_jwk_of(EVP_PKEY *k, int priv)
{
    rv jwk = rv_obj_new();
    if (EVP_PKEY_is_a(k, "RSA")) {
        rv_obj_set(&jwk, rv_str_new("kty"), rv_str_new("RSA"));
        put_bn(&jwk, "n", k, OSSL_PKEY_PARAM_RSA_N, 0);
        put_bn(&jwk, "e", k, OSSL_PKEY_PARAM_RSA_E, 0);
        if (priv) {
            put_bn(&jwk, "d", k, OSSL_PKEY_PARAM_RSA_D, 0);
            put_bn(&jwk, "p", k, OSSL_PKEY_PARAM_RSA_FACTOR1, 0);
            put_bn(&jwk, "q", k, OSSL_PKEY_PARAM_RSA_FACTOR2, 0);
            put_bn(&jwk, "dp", k, OSSL_PKEY_PARAM_RSA_EXPONENT1, 0);
            put_bn(&jwk, "dq", k, OSSL_PKEY_PARAM_RSA_EXPONENT2, 0);
            put_bn(&jwk, "qi", k, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, 0);
        }
        return jwk;
    }
    if (EVP_PKEY_is_a(k, "EC")) {
        char group[64] = "";
        size_t gl = 0;
        EVP_PKEY_get_utf8_string_param(k, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &gl);
        const char *crv = jwk_curve(group);
        if (!crv) {
            rv_unref(jwk);
            return rv_undef();
        }
        int size = !strcmp(crv, "P-256") ? 32 : !strcmp(crv, "P-384") ? 48 : 66;
        rv_obj_set(&jwk, rv_str_new("kty"), rv_str_new("EC"));
        rv_obj_set(&jwk, rv_str_new("crv"), rv_str_new(crv));
        put_bn(&jwk, "x", k, OSSL_PKEY_PARAM_EC_PUB_X, size);
        put_bn(&jwk, "y", k, OSSL_PKEY_PARAM_EC_PUB_Y, size);
        if (priv)
            put_bn(&jwk, "d", k, OSSL_PKEY_PARAM_PRIV_KEY, size);
        return jwk;
    }
    if (EVP_PKEY_is_a(k, "ED25519")) {
        unsigned char raw[64];
        size_t n = sizeof raw;
        rv_obj_set(&jwk, rv_str_new("kty"), rv_str_new("OKP"));
        rv_obj_set(&jwk, rv_str_new("crv"), rv_str_new("Ed25519"));
        if (EVP_PKEY_get_raw_public_key(k, raw, &n))
            rv_obj_set(&jwk, rv_str_new("x"), bi_b64url(raw, n));
        n = sizeof raw;
        if (priv && EVP_PKEY_get_raw_private_key(k, raw, &n))
            rv_obj_set(&jwk, rv_str_new("d"), bi_b64url(raw, n));
        return jwk;
    }
    rv_unref(jwk);
    return rv_undef();
}

/* ---- JWK -> key ---- */

static BIGNUM *jwk_bn(rv jwk, const char *name)
{
    rv v = rv_obj_get_s(jwk, name);
    if (rv_kind(v) != RV_STRING)
        return NULL;
    size_t n, bad;
    char *raw = bi_b64_decode(rv_str(v), rv_str_len(v), 1, 0, &n, &bad);
    if (!raw)
        return NULL;
    BIGNUM *bn = BN_bin2bn((unsigned char *)raw, (int)n, NULL);
    free(raw);
    return bn;
}

static EVP_PKEY *from_params(const char *type, OSSL_PARAM_BLD *bld, int priv)
{
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
    EVP_PKEY *k = NULL;
    if (params && ctx && EVP_PKEY_fromdata_init(ctx) > 0)
        EVP_PKEY_fromdata(ctx, &k, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    return k;
}

static EVP_PKEY *rsa_from_jwk(rv jwk)
{
    static const struct {
        const char *jwk, *param;
    } parts[] = {{"n", OSSL_PKEY_PARAM_RSA_N},          {"e", OSSL_PKEY_PARAM_RSA_E},
                 {"d", OSSL_PKEY_PARAM_RSA_D},          {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
                 {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},    {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
                 {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    BIGNUM *bns[8] = {0};
    int priv = 0, ok = bld != NULL;
    for (size_t i = 0; i < 8 && ok; i++) {
        bns[i] = jwk_bn(jwk, parts[i].jwk);
        if (!bns[i] && i < 2)
            ok = 0;
        else if (bns[i] && (i < 2 || (i == 2 || bns[2])))
            ok = OSSL_PARAM_BLD_push_BN(bld, parts[i].param, bns[i]);
        priv |= i == 2 && bns[i];
    }
    EVP_PKEY *k = ok ? from_params("RSA", bld, priv) : NULL;
    for (size_t i = 0; i < 8; i++)
        BN_free(bns[i]);
    OSSL_PARAM_BLD_free(bld);
    return k;
}

static EVP_PKEY *ec_from_jwk(rv jwk)
{
    const char *crv = rv_str(rv_obj_get_s(jwk, "crv"));
    const char *group = !strcmp(crv, "P-256")   ? "prime256v1"
                        : !strcmp(crv, "P-384") ? "secp384r1"
                        : !strcmp(crv, "P-521") ? "secp521r1"
                                                : NULL;
    int size = !strcmp(crv, "P-256") ? 32 : !strcmp(crv, "P-384") ? 48 : 66;
    BIGNUM *x = jwk_bn(jwk, "x"), *y = jwk_bn(jwk, "y"), *d = jwk_bn(jwk, "d");
    unsigned char pub[1 + 2 * 66];
    EVP_PKEY *k = NULL;
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    if (group && x && y && bld && BN_bn2binpad(x, pub + 1, size) == size &&
        BN_bn2binpad(y, pub + 1 + size, size) == size) {
        pub[0] = 4;
        if (OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0) &&
            OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub, 1 + 2 * (size_t)size) &&
            (!d || OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, d)))
            k = from_params("EC", bld, d != NULL);
    }
    BN_free(x);
    BN_free(y);
    BN_free(d);
    OSSL_PARAM_BLD_free(bld);
    return k;
}

static EVP_PKEY *okp_from_jwk(rv jwk)
{
    if (strcmp(rv_str(rv_obj_get_s(jwk, "crv")), "Ed25519") != 0)
        return NULL;
    rv x = rv_obj_get_s(jwk, "x"), d = rv_obj_get_s(jwk, "d");
    size_t n, bad;
    EVP_PKEY *k = NULL;
    if (rv_kind(d) == RV_STRING) {
        char *raw = bi_b64_decode(rv_str(d), rv_str_len(d), 1, 0, &n, &bad);
        if (raw)
            k = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, (unsigned char *)raw, n);
        free(raw);
        return k;
    }
    char *raw = rv_kind(x) == RV_STRING ? bi_b64_decode(rv_str(x), rv_str_len(x), 1, 0, &n, &bad) : NULL;
    if (raw)
        k = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, (unsigned char *)raw, n);
    free(raw);
    return k;
}

EVP_PKEY *bi_pkey_from_jwk(rv jwk, char *msg, size_t msglen)
{
    const char *kty = rv_str(rv_obj_get_s(jwk, "kty"));
    EVP_PKEY *k = !strcmp(kty, "RSA")   ? rsa_from_jwk(jwk)
                  : !strcmp(kty, "EC")  ? ec_from_jwk(jwk)
                  : !strcmp(kty, "OKP") ? okp_from_jwk(jwk)
                                        : NULL;
    if (!k)
        snprintf(msg, msglen, "failed to parse a JWK key (set)");
    return k;
}

/* ---- input decoding ---- */

unsigned char *bi_pki_input(const char *s, size_t n, size_t *outlen, int *is_pem, char *msg, size_t msglen)
{
    if (n > PKI_MAX_INPUT) {
        snprintf(msg, msglen, "input of %zu bytes is too large", n);
        return NULL;
    }
    if (n >= 10 && !memcmp(s, "-----BEGIN", 10)) {
        unsigned char *c = malloc(n + 1);
        if (!c)
            return NULL;
        memcpy(c, s, n);
        c[n] = 0;
        *outlen = n;
        *is_pem = 1;
        return c;
    }
    size_t bad;
    char *d = bi_b64_decode(s, n, 0, 1, outlen, &bad);
    if (!d) {
        snprintf(msg, msglen, "illegal base64 data at input byte %zu", bad);
        return NULL;
    }
    *is_pem = *outlen >= 10 && !memcmp(d, "-----BEGIN", 10);
    return (unsigned char *)d;
}

/* ---- certificates in Go's JSON shape ---- */

static rv null_if_empty(rv arr)
{
    if (rv_len(arr))
        return arr;
    rv_unref(arr);
    return rv_null();
}

static rv asn1_str(const ASN1_STRING *s)
{
    unsigned char *u = NULL;
    int n = ASN1_STRING_to_UTF8(&u, s);
    rv r = n >= 0 ? rv_str_newn((const char *)u, (size_t)n) : rv_str_new("");
    OPENSSL_free(u);
    return r;
}

static rv oid_ints(const ASN1_OBJECT *o)
{
    char buf[128];
    rv arr = rv_arr_new();
    if (OBJ_obj2txt(buf, sizeof buf, o, 1) <= 0)
        return arr;
    for (char *p = buf; *p;) {
        rv_arr_push(&arr, rv_num_int(strtoll(p, &p, 10)));
        if (*p == '.')
            p++;
    }
    return arr;
}

static rv name_rv(const X509_NAME *nm)
{
    static const struct {
        int nid;
        const char *field;
        int list;
    } map[] = {{NID_countryName, "Country", 1},
               {NID_organizationName, "Organization", 1},
               {NID_organizationalUnitName, "OrganizationalUnit", 1},
               {NID_localityName, "Locality", 1},
               {NID_stateOrProvinceName, "Province", 1},
               {NID_streetAddress, "StreetAddress", 1},
               {NID_postalCode, "PostalCode", 1},
               {NID_serialNumber, "SerialNumber", 0},
               {NID_commonName, "CommonName", 0}};
    rv o = rv_obj_new(), names = rv_arr_new();
    for (size_t m = 0; m < sizeof map / sizeof map[0]; m++) {
        rv list = rv_arr_new(), last = rv_str_new("");
        for (int i = -1; (i = X509_NAME_get_index_by_NID(nm, map[m].nid, i)) >= 0;) {
            rv s = asn1_str(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(nm, i)));
            rv_unref(last);
            last = rv_ref(s);
            rv_arr_push(&list, s);
        }
        if (map[m].list) {
            rv_obj_set(&o, rv_str_new(map[m].field), null_if_empty(list));
            rv_unref(last);
        } else {
            rv_obj_set(&o, rv_str_new(map[m].field), last);
            rv_unref(list);
        }
    }
    for (int i = 0; i < X509_NAME_entry_count(nm); i++) {
        const X509_NAME_ENTRY *e = X509_NAME_get_entry(nm, i);
        rv t = rv_obj_new();
        rv_obj_set(&t, rv_str_new("Type"), oid_ints(X509_NAME_ENTRY_get_object(e)));
        rv_obj_set(&t, rv_str_new("Value"), asn1_str(X509_NAME_ENTRY_get_data(e)));
        rv_arr_push(&names, t);
    }
    rv_obj_set(&o, rv_str_new("Names"), null_if_empty(names));
    rv_obj_set(&o, rv_str_new("ExtraNames"), rv_null());
    return o;
}

static rv time_rv(const ASN1_TIME *t)
{
    struct tm tm;
    char buf[32] = "";
    if (ASN1_TIME_to_tm(t, &tm))
        strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return rv_str_new(buf);
}

static void add_sans(rv *o, X509 *x)
{
    rv dns = rv_arr_new(), email = rv_arr_new(), ip = rv_arr_new(), uri = rv_arr_new();
    GENERAL_NAMES *gens = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
    for (int i = 0; gens && i < sk_GENERAL_NAME_num(gens); i++) {
        const GENERAL_NAME *g = sk_GENERAL_NAME_value(gens, i);
        if (g->type == GEN_DNS)
            rv_arr_push(&dns, asn1_str(g->d.dNSName));
        else if (g->type == GEN_EMAIL)
            rv_arr_push(&email, asn1_str(g->d.rfc822Name));
        else if (g->type == GEN_URI)
            rv_arr_push(&uri, asn1_str(g->d.uniformResourceIdentifier));
        else if (g->type == GEN_IPADD) {
            char txt[64];
            int len = g->d.iPAddress->length;
            const unsigned char *b = g->d.iPAddress->data;
            if (len == 4)
                snprintf(txt, sizeof txt, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
            else
                snprintf(txt, sizeof txt, "ipv6:%d", len);
            rv_arr_push(&ip, rv_str_new(txt));
        }
    }
    GENERAL_NAMES_free(gens);
    rv_obj_set(o, rv_str_new("DNSNames"), null_if_empty(dns));
    rv_obj_set(o, rv_str_new("EmailAddresses"), null_if_empty(email));
    rv_obj_set(o, rv_str_new("IPAddresses"), null_if_empty(ip));
    rv_obj_set(o, rv_str_new("URIStrings"), null_if_empty(uri));
}

static int64_t go_key_usage(X509 *x)
{
    uint32_t ku = X509_get_key_usage(x);
    if (ku == UINT32_MAX)
        return 0;
    static const uint32_t bits[] = {KU_DIGITAL_SIGNATURE, KU_NON_REPUDIATION, KU_KEY_ENCIPHERMENT,
                                    KU_DATA_ENCIPHERMENT, KU_KEY_AGREEMENT,   KU_KEY_CERT_SIGN,
                                    KU_CRL_SIGN,          KU_ENCIPHER_ONLY,   KU_DECIPHER_ONLY};
    int64_t go = 0;
    for (int i = 0; i < 9; i++)
        if (ku & bits[i])
            go |= (int64_t)1 << i;
    return go;
}

static int64_t go_pubkey_alg(EVP_PKEY *k)
{
    if (!k)
        return 0;
    return EVP_PKEY_is_a(k, "RSA")       ? 1
           : EVP_PKEY_is_a(k, "DSA")     ? 2
           : EVP_PKEY_is_a(k, "EC")      ? 3
           : EVP_PKEY_is_a(k, "ED25519") ? 4
                                         : 0;
}

rv bi_cert_rv(X509 *x)
{
    rv o = rv_obj_new();
    unsigned char *der = NULL;
    int dl = i2d_X509(x, &der);
    if (dl > 0) {
        rv_obj_set(&o, rv_str_new("Raw"), bi_b64std(der, (size_t)dl));
        OPENSSL_free(der);
    }
    rv_obj_set(&o, rv_str_new("Version"), rv_num_int(X509_get_version(x) + 1));
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), NULL);
    char *dec = bn ? BN_bn2dec(bn) : NULL;
    rv_obj_set(&o, rv_str_new("SerialNumber"), dec ? rv_num_parse(dec, strlen(dec)) : rv_num_int(0));
    OPENSSL_free(dec);
    BN_free(bn);
    rv_obj_set(&o, rv_str_new("Subject"), name_rv(X509_get_subject_name(x)));
    rv_obj_set(&o, rv_str_new("Issuer"), name_rv(X509_get_issuer_name(x)));
    rv_obj_set(&o, rv_str_new("NotBefore"), time_rv(X509_get0_notBefore(x)));
    rv_obj_set(&o, rv_str_new("NotAfter"), time_rv(X509_get0_notAfter(x)));
    add_sans(&o, x);
    uint32_t flags = X509_get_extension_flags(x);
    rv_obj_set(&o, rv_str_new("IsCA"), rv_bool((flags & EXFLAG_CA) != 0));
    rv_obj_set(&o, rv_str_new("BasicConstraintsValid"), rv_bool((flags & EXFLAG_BCONS) != 0));
    rv_obj_set(&o, rv_str_new("KeyUsage"), rv_num_int(go_key_usage(x)));
    rv_obj_set(&o, rv_str_new("PublicKeyAlgorithm"), rv_num_int(go_pubkey_alg(X509_get0_pubkey(x))));
    return o;
}
