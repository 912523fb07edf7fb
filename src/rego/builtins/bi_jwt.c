/* bi_jwt.c: io.jwt.* builtins: decode, verify_* (HS/RS/PS/ES/EdDSA), decode_verify with
 * claim checks, and encode_sign / encode_sign_raw (OpenSSL). */
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rego/builtins/bi_int.h"
#include "rego/builtins/bi_pki.h"

#define JWT_MAX_NEST 8
#define JWT_MAX_KEYS 64

enum alg_kind { K_HMAC, K_RSA, K_PSS, K_EC, K_ED };

struct alg {
    const char *name;
    enum alg_kind kind;
    const char *md; /* digest name, NULL for EdDSA */
    int ec_size;
};

static const struct alg algs[] = {
    {"HS256", K_HMAC, "SHA256", 0}, {"HS384", K_HMAC, "SHA384", 0}, {"HS512", K_HMAC, "SHA512", 0},
    {"RS256", K_RSA, "SHA256", 0},  {"RS384", K_RSA, "SHA384", 0},  {"RS512", K_RSA, "SHA512", 0},
    {"PS256", K_PSS, "SHA256", 0},  {"PS384", K_PSS, "SHA384", 0},  {"PS512", K_PSS, "SHA512", 0},
    {"ES256", K_EC, "SHA256", 32},  {"ES384", K_EC, "SHA384", 48},  {"ES512", K_EC, "SHA512", 66},
    {"EdDSA", K_ED, NULL, 0},
};

static const struct alg *find_alg(const char *name)
{
    for (size_t i = 0; i < sizeof algs / sizeof algs[0]; i++)
        if (!strcmp(algs[i].name, name))
            return &algs[i];
    return NULL;
}

/* ---- token decoding ---- */

struct jwt {
    const char *signing_input; /* header "." payload, borrowed from the token text */
    size_t signing_len;
    rv header, payload;
    unsigned char *sig;
    size_t siglen;
};

static void jwt_free(struct jwt *t)
{
    rv_unref(t->header);
    rv_unref(t->payload);
    free(t->sig);
    memset(t, 0, sizeof *t);
}

static char *b64url_part(const char *s, size_t n, size_t *outlen, size_t *bad)
{
    while (n && s[n - 1] == '=')
        n--;
    return bi_b64_decode(s, n, 1, 0, outlen, bad);
}

static enum rego_bi_status json_part(struct rego_bctx *bc, const char *what, const char *s, size_t n, rv *out)
{
    size_t len, bad;
    char *raw = b64url_part(s, n, &len, &bad);
    if (!raw)
        return rego_bi_error(bc, "JWT %s had invalid encoding: illegal base64 data at input byte %zu", what, bad);
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = rv_json_parse(raw, len, NULL, out, &err);
    free(raw);
    if (rc != OSP_OK)
        return rego_bi_error(bc, "JWT %s had invalid JSON: %s", what, err.msg);
    return REGO_BI_OK;
}

static bool is_nested(rv header);

/* The payload: JSON, or for a nested token (cty JWT) the inner token, quoted or raw. */
static enum rego_bi_status payload_part(struct rego_bctx *bc, rv header, const char *s, size_t n, rv *out)
{
    if (!is_nested(header))
        return json_part(bc, "payload", s, n, out);
    size_t len, bad;
    char *raw = b64url_part(s, n, &len, &bad);
    if (!raw)
        return rego_bi_error(bc, "JWT payload had invalid encoding: illegal base64 data at input byte %zu", bad);
    struct osp_err err;
    osp_err_init(&err);
    if (rv_json_parse(raw, len, NULL, out, &err) == OSP_OK && rv_kind(*out) == RV_STRING) {
        free(raw);
        return REGO_BI_OK;
    }
    if (err.code == OSP_OK)
        rv_unref(*out);
    *out = rv_str_take(raw, len);
    return REGO_BI_OK;
}

/* Split and decode one token (no nesting). */
static enum rego_bi_status jwt_decode_one(struct rego_bctx *bc, const char *s, size_t n, struct jwt *t)
{
    memset(t, 0, sizeof *t);
    const char *d1 = memchr(s, '.', n);
    if (!d1)
        return rego_bi_error(bc, "encoded JWT had no period separators");
    const char *d2 = memchr(d1 + 1, '.', n - (size_t)(d1 + 1 - s));
    size_t dots = 1;
    for (const char *p = d1 + 1; p < s + n; p++)
        dots += *p == '.';
    if (dots != 2)
        return rego_bi_error(bc, "encoded JWT must have 3 sections, found %zu", dots + 1);
    BI_TRY(json_part(bc, "header", s, (size_t)(d1 - s), &t->header));
    if (rv_kind(t->header) != RV_OBJECT) {
        jwt_free(t);
        return rego_bi_error(bc, "JWT header had invalid JSON: not an object");
    }
    if (!rv_is_undef(rv_obj_get_s(t->header, "enc"))) {
        jwt_free(t);
        return rego_bi_error(bc, "JWT is a JWE object, which is not supported");
    }
    enum rego_bi_status st = payload_part(bc, t->header, d1 + 1, (size_t)(d2 - d1 - 1), &t->payload);
    if (st != REGO_BI_OK) {
        jwt_free(t);
        return st;
    }
    size_t bad;
    t->sig = (unsigned char *)b64url_part(d2 + 1, (size_t)(s + n - d2 - 1), &t->siglen, &bad);
    if (!t->sig) {
        jwt_free(t);
        return rego_bi_error(bc, "JWT signature had invalid encoding: illegal base64 data at input byte %zu", bad);
    }
    t->signing_input = s;
    t->signing_len = (size_t)(d2 - s);
    return REGO_BI_OK;
}

static bool is_nested(rv header)
{
    rv cty = rv_obj_get_s(header, "cty");
    return rv_kind(cty) == RV_STRING && !strcasecmp(rv_str(cty), "JWT");
}

static rv hex_of(const unsigned char *d, size_t n)
{
    char *o = malloc(2 * n + 1);
    if (!o)
        return rv_str_new("");
    for (size_t i = 0; i < n; i++) {
        o[2 * i] = "0123456789abcdef"[d[i] >> 4];
        o[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
    }
    o[2 * n] = 0;
    return rv_str_take(o, 2 * n);
}

BI(jwt_decode)
{
    BI_WANT(0, RV_STRING);
    struct jwt t;
    BI_TRY(jwt_decode_one(bc, rv_str(a[0]), rv_str_len(a[0]), &t));
    for (int depth = 0; is_nested(t.header) && depth < JWT_MAX_NEST; depth++) {
        if (rv_kind(t.payload) != RV_STRING) {
            jwt_free(&t);
            return rego_bi_error(bc, "nested JWT payload is not a string");
        }
        rv inner = rv_ref(t.payload);
        jwt_free(&t);
        enum rego_bi_status st = jwt_decode_one(bc, rv_str(inner), rv_str_len(inner), &t);
        rv_unref(inner);
        if (st != REGO_BI_OK)
            return st;
    }
    rv res = rv_arr_with_cap(3);
    rv_arr_push(&res, rv_ref(t.header));
    rv_arr_push(&res, rv_ref(t.payload));
    rv_arr_push(&res, hex_of(t.sig, t.siglen));
    jwt_free(&t);
    return bi_ok(out, res);
}

/* ---- signatures ---- */

/* Raw R||S (JWS) <-> DER ECDSA-Sig-Value. */
static unsigned char *ec_raw_to_der(const unsigned char *raw, size_t n, int size, size_t *derlen)
{
    if ((int)n != 2 * size)
        return NULL;
    ECDSA_SIG *es = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(raw, size, NULL), *s = BN_bin2bn(raw + size, size, NULL);
    unsigned char *der = NULL;
    if (es && r && s && ECDSA_SIG_set0(es, r, s)) {
        r = s = NULL;
        int len = i2d_ECDSA_SIG(es, &der);
        *derlen = len > 0 ? (size_t)len : 0;
    }
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(es);
    return der;
}

static int set_padding(EVP_PKEY_CTX *pctx, const struct alg *al, int verify)
{
    if (al->kind != K_PSS)
        return 1;
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, verify ? RSA_PSS_SALTLEN_AUTO : RSA_PSS_SALTLEN_DIGEST) > 0;
}

static int key_fits(EVP_PKEY *k, const struct alg *al)
{
    switch (al->kind) {
    case K_RSA:
    case K_PSS:
        return EVP_PKEY_is_a(k, "RSA");
    case K_EC:
        return EVP_PKEY_is_a(k, "EC");
    case K_ED:
        return EVP_PKEY_is_a(k, "ED25519");
    default:
        return 0;
    }
}

static int verify_pkey(const struct alg *al, EVP_PKEY *k, const struct jwt *t)
{
    if (!key_fits(k, al))
        return 0;
    const unsigned char *sig = t->sig;
    size_t siglen = t->siglen;
    unsigned char *der = NULL;
    if (al->kind == K_EC) {
        der = ec_raw_to_der(t->sig, t->siglen, al->ec_size, &siglen);
        if (!der)
            return 0;
        sig = der;
    }
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = NULL;
    int ok = md && EVP_DigestVerifyInit_ex(md, &pctx, al->md, NULL, NULL, k, NULL) > 0 && set_padding(pctx, al, 1) &&
             EVP_DigestVerify(md, sig, siglen, (const unsigned char *)t->signing_input, t->signing_len) == 1;
    EVP_MD_CTX_free(md);
    OPENSSL_free(der);
    ERR_clear_error();
    return ok;
}

static int verify_hmac(const struct alg *al, const char *secret, size_t slen, const struct jwt *t)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (slen > INT32_MAX || !HMAC(EVP_get_digestbyname(al->md), secret, (int)slen,
                                  (const unsigned char *)t->signing_input, t->signing_len, mac, &n))
        return 0;
    return n == t->siglen && CRYPTO_memcmp(mac, t->sig, n) == 0;
}

/* ---- verification keys ---- */

struct vkeys {
    EVP_PKEY *k[JWT_MAX_KEYS];
    rv alg[JWT_MAX_KEYS]; /* the JWK's "alg", or undefined */
    rv kid[JWT_MAX_KEYS];
    int n;
};

static void vkeys_free(struct vkeys *v)
{
    for (int i = 0; i < v->n; i++) {
        EVP_PKEY_free(v->k[i]);
        rv_unref(v->alg[i]);
        rv_unref(v->kid[i]);
    }
    v->n = 0;
}

static const char *find_mem(const char *h, size_t hn, const char *n, size_t nn)
{
    for (size_t i = 0; nn <= hn && i + nn <= hn; i++)
        if (h[i] == n[0] && !memcmp(h + i, n, nn))
            return h + i;
    return NULL;
}

/* One PEM block: its type, DER bytes (malloc'd) and what follows the END line. */
static int pem_block(const char *s, size_t n, char *type, size_t tlen, unsigned char **der, size_t *dlen,
                     const char **rest)
{
    const char *b = find_mem(s, n, "-----BEGIN ", 11);
    if (!b)
        return 0;
    const char *te = find_mem(b + 11, n - (size_t)(b + 11 - s), "-----", 5);
    if (!te || (size_t)(te - b - 11) >= tlen)
        return 0;
    snprintf(type, tlen, "%.*s", (int)(te - b - 11), b + 11);
    const char *body = te + 5, *end = find_mem(body, n - (size_t)(body - s), "-----END ", 9);
    if (!end)
        return 0;
    const char *eol = memchr(end + 9, '\n', n - (size_t)(end + 9 - s));
    *rest = eol ? eol + 1 : s + n;
    char *clean = malloc((size_t)(end - body) + 1);
    size_t k = 0;
    for (const char *p = body; clean && p < end; p++)
        if (*p != '\n' && *p != '\r' && *p != ' ' && *p != '\t')
            clean[k++] = *p;
    size_t bad;
    *der = clean ? (unsigned char *)bi_b64_decode(clean, k, 0, 1, dlen, &bad) : NULL;
    free(clean);
    return *der ? 1 : -1;
}

static enum rego_bi_status keys_from_pem(struct rego_bctx *bc, const char *s, size_t n, struct vkeys *v)
{
    char type[64];
    unsigned char *der = NULL;
    size_t dlen = 0;
    const char *rest = NULL;
    int rc = pem_block(s, n, type, sizeof type, &der, &dlen, &rest);
    if (rc < 0)
        return rego_bi_error(bc, "failed to parse a PEM certificate");
    if (rest < s + n && strspn(rest, " \t\r\n") < (size_t)(s + n - rest)) {
        free(der);
        return rego_bi_error(bc, "extra data after a PEM certificate block");
    }
    const unsigned char *p = der;
    EVP_PKEY *k = NULL;
    enum rego_bi_status st = REGO_BI_OK;
    if (!strcmp(type, "CERTIFICATE")) {
        X509 *x = d2i_X509(NULL, &p, (long)dlen);
        k = x ? X509_get_pubkey(x) : NULL;
        X509_free(x);
        if (!k)
            st = rego_bi_error(bc, "failed to parse a PEM certificate");
    } else if (!strcmp(type, "PUBLIC KEY")) {
        k = d2i_PUBKEY(NULL, &p, (long)dlen);
        if (!k)
            st = rego_bi_error(bc, "failed to parse a PEM public key");
    } else {
        st = rego_bi_error(bc, "failed to extract a Key from the PEM certificate");
    }
    ERR_clear_error();
    free(der);
    if (k) {
        v->k[0] = k;
        v->alg[0] = rv_undef();
        v->kid[0] = rv_undef();
        v->n = 1;
    }
    return st;
}

static int add_jwk(struct vkeys *v, rv jwk)
{
    char msg[120];
    if (rv_kind(jwk) != RV_OBJECT || v->n >= JWT_MAX_KEYS)
        return -1;
    EVP_PKEY *k = bi_pkey_from_jwk(jwk, msg, sizeof msg);
    if (!k)
        return -1;
    v->k[v->n] = k;
    v->alg[v->n] = rv_ref(rv_obj_get_s(jwk, "alg"));
    v->kid[v->n] = rv_ref(rv_obj_get_s(jwk, "kid"));
    v->n++;
    return 0;
}

/* Keys from a PEM certificate/public key or a JWK / JWK set (JSON text). */
static enum rego_bi_status load_keys(struct rego_bctx *bc, const char *s, size_t n, struct vkeys *v)
{
    v->n = 0;
    if (find_mem(s, n, "-----BEGIN ", 11))
        return keys_from_pem(bc, s, n, v);
    struct osp_err err;
    osp_err_init(&err);
    rv doc;
    if (rv_json_parse(s, n, NULL, &doc, &err) != OSP_OK)
        return rego_bi_error(bc, "failed to parse a JWK key (set)");
    rv set = rv_obj_get_s(doc, "keys");
    int bad = 0;
    if (rv_kind(set) == RV_ARRAY) {
        for (size_t i = 0; i < rv_len(set); i++)
            bad |= add_jwk(v, rv_arr_at(set, i)) != 0 && strcmp(rv_str(rv_obj_get_s(rv_arr_at(set, i), "kty")), "oct");
    } else {
        bad = add_jwk(v, doc) != 0;
    }
    rv_unref(doc);
    if (bad || v->n == 0) {
        vkeys_free(v);
        return rego_bi_error(bc, "failed to parse a JWK key (set)");
    }
    return REGO_BI_OK;
}

/* Whether any key verifies the token with al; keys whose JWK names another alg or kid are skipped. */
static int verify_with_keys(const struct alg *al, const struct vkeys *v, const struct jwt *t)
{
    rv kid = rv_obj_get_s(t->header, "kid");
    for (int i = 0; i < v->n; i++) {
        if (rv_kind(v->alg[i]) == RV_STRING && strcmp(rv_str(v->alg[i]), al->name) != 0)
            continue;
        if (rv_kind(v->kid[i]) == RV_STRING && rv_kind(kid) == RV_STRING && !rv_equal(kid, v->kid[i]))
            continue;
        if (verify_pkey(al, v->k[i], t))
            return 1;
    }
    return 0;
}

static enum rego_bi_status verify_builtin(struct rego_bctx *bc, const rv *a, rv *out, const char *alg_name)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    const struct alg *al = find_alg(alg_name);
    struct jwt t;
    BI_TRY(jwt_decode_one(bc, rv_str(a[0]), rv_str_len(a[0]), &t));
    int ok;
    if (al->kind == K_HMAC) {
        ok = verify_hmac(al, rv_str(a[1]), rv_str_len(a[1]), &t);
    } else {
        struct vkeys v;
        enum rego_bi_status st = load_keys(bc, rv_str(a[1]), rv_str_len(a[1]), &v);
        if (st != REGO_BI_OK) {
            jwt_free(&t);
            return st;
        }
        ok = verify_with_keys(al, &v, &t);
        vkeys_free(&v);
    }
    jwt_free(&t);
    return bi_ok(out, rv_bool(ok));
}

#define VERIFY_FN(fn, name)                                                                                            \
    BI(fn)                                                                                                             \
    {                                                                                                                  \
        return verify_builtin(bc, a, out, name);                                                                       \
    }

VERIFY_FN(jwt_verify_hs256, "HS256")
VERIFY_FN(jwt_verify_hs384, "HS384")
VERIFY_FN(jwt_verify_hs512, "HS512")
VERIFY_FN(jwt_verify_rs256, "RS256")
VERIFY_FN(jwt_verify_rs384, "RS384")
VERIFY_FN(jwt_verify_rs512, "RS512")
VERIFY_FN(jwt_verify_ps256, "PS256")
VERIFY_FN(jwt_verify_ps384, "PS384")
VERIFY_FN(jwt_verify_ps512, "PS512")
VERIFY_FN(jwt_verify_es256, "ES256")
VERIFY_FN(jwt_verify_es384, "ES384")
VERIFY_FN(jwt_verify_es512, "ES512")
VERIFY_FN(jwt_verify_eddsa, "EdDSA")

/* ---- signing (encode_sign, encode_sign_raw) ---- */

static unsigned char *ec_der_to_raw(const unsigned char *der, size_t n, int size, size_t *rawlen)
{
    const unsigned char *p = der;
    ECDSA_SIG *es = d2i_ECDSA_SIG(NULL, &p, (long)n);
    unsigned char *raw = es ? malloc(2 * (size_t)size) : NULL;
    const BIGNUM *r, *s;
    if (raw) {
        ECDSA_SIG_get0(es, &r, &s);
        if (BN_bn2binpad(r, raw, size) != size || BN_bn2binpad(s, raw + size, size) != size) {
            free(raw);
            raw = NULL;
        }
        *rawlen = 2 * (size_t)size;
    }
    ECDSA_SIG_free(es);
    return raw;
}

/* Signature over input with the JWK key; malloc'd, NULL with msg on failure. */
static unsigned char *sign_input(const struct alg *al, rv jwk, const char *input, size_t n, size_t *siglen, char *msg,
                                 size_t msglen)
{
    if (al->kind == K_HMAC) {
        rv k = rv_obj_get_s(jwk, "k");
        size_t klen, bad;
        char *key = rv_kind(k) == RV_STRING ? bi_b64_decode(rv_str(k), rv_str_len(k), 1, 0, &klen, &bad) : NULL;
        unsigned char *mac = key ? malloc(EVP_MAX_MD_SIZE) : NULL;
        unsigned int ml = 0;
        if (!mac || klen > INT32_MAX ||
            !HMAC(EVP_get_digestbyname(al->md), key, (int)klen, (const unsigned char *)input, n, mac, &ml)) {
            snprintf(msg, msglen, "failed to sign: invalid oct key");
            free(mac);
            mac = NULL;
        }
        free(key);
        *siglen = ml;
        return mac;
    }
    EVP_PKEY *k = bi_pkey_from_jwk(jwk, msg, msglen);
    if (!k || !key_fits(k, al)) {
        EVP_PKEY_free(k);
        snprintf(msg, msglen, "failed to sign: key does not fit algorithm %s", al->name);
        return NULL;
    }
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = NULL;
    unsigned char *sig = NULL;
    size_t sl = 0;
    if (md && EVP_DigestSignInit_ex(md, &pctx, al->md, NULL, NULL, k, NULL) > 0 && set_padding(pctx, al, 0) &&
        EVP_DigestSign(md, NULL, &sl, (const unsigned char *)input, n) > 0 && (sig = OPENSSL_malloc(sl)) &&
        EVP_DigestSign(md, sig, &sl, (const unsigned char *)input, n) > 0) {
        unsigned char *res = al->kind == K_EC ? ec_der_to_raw(sig, sl, al->ec_size, siglen) : malloc(sl);
        if (res && al->kind != K_EC) {
            memcpy(res, sig, sl);
            *siglen = sl;
        }
        OPENSSL_free(sig);
        sig = res;
    } else {
        OPENSSL_free(sig);
        sig = NULL;
    }
    if (!sig)
        snprintf(msg, msglen, "failed to sign with %s", al->name);
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(k);
    ERR_clear_error();
    return sig;
}

/* The alg of a raw header text, with OPA's error wording. */
static enum rego_bi_status header_alg(struct rego_bctx *bc, const char *h, size_t n, rv *hdr)
{
    struct osp_err err;
    osp_err_init(&err);
    size_t ws = 0;
    while (ws < n && (h[ws] == ' ' || h[ws] == '\t' || h[ws] == '\r' || h[ws] == '\n'))
        ws++;
    if (n == 0)
        return rego_bi_error(bc, "missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string");
    if (h[ws] != '{')
        return rego_bi_error(bc, "missing or invalid 'alg' header: jwsbb: header \"alg\" not found");
    if (rv_json_parse(h, n, NULL, hdr, &err) != OSP_OK)
        return rego_bi_error(bc, "missing or invalid 'alg' header: cannot parse JSON");
    if (rv_kind(rv_obj_get_s(*hdr, "alg")) != RV_STRING) {
        rv_unref(*hdr);
        return rego_bi_error(bc, "missing or invalid 'alg' header: jwsbb: header \"alg\" not found");
    }
    return REGO_BI_OK;
}

static enum rego_bi_status encode(struct rego_bctx *bc, const char *h, size_t hn, const char *p, size_t pn, rv jwk,
                                  rv *out)
{
    rv hdr;
    BI_TRY(header_alg(bc, h, hn, &hdr));
    const struct alg *al = find_alg(rv_str(rv_obj_get_s(hdr, "alg")));
    if (!al) {
        enum rego_bi_status st = rego_bi_error(bc, "unknown JWS algorithm: %s", rv_str(rv_obj_get_s(hdr, "alg")));
        rv_unref(hdr);
        return st;
    }
    rv typ = rv_obj_get_s(hdr, "typ");
    bool want_json = rv_kind(typ) == RV_STRING && !strcasecmp(rv_str(typ), "JWT");
    rv_unref(hdr);
    if (want_json) {
        struct osp_err err;
        osp_err_init(&err);
        rv pv;
        if (rv_json_parse(p, pn, NULL, &pv, &err) != OSP_OK)
            return rego_bi_error(bc, "type is JWT but payload is not JSON");
        rv_unref(pv);
    }
    rv h64 = bi_b64url((const unsigned char *)h, hn), p64 = bi_b64url((const unsigned char *)p, pn);
    struct osp_buf b;
    osp_buf_init(&b, 0);
    enum osp_code rc = osp_buf_add(&b, rv_str(h64), rv_str_len(h64));
    if (!rc)
        rc = osp_buf_addc(&b, '.');
    if (!rc)
        rc = osp_buf_add(&b, rv_str(p64), rv_str_len(p64));
    rv_unref(h64);
    rv_unref(p64);
    char msg[160];
    size_t sl = 0;
    unsigned char *sig = rc ? NULL : sign_input(al, jwk, osp_buf_str(&b), b.len, &sl, msg, sizeof msg);
    if (!sig) {
        osp_buf_cleanup(&b);
        return rc ? bi_oom(bc) : rego_bi_error(bc, "%s", msg);
    }
    rv s64 = bi_b64url(sig, sl);
    free(sig);
    rc = osp_buf_addc(&b, '.');
    if (!rc)
        rc = osp_buf_add(&b, rv_str(s64), rv_str_len(s64));
    rv_unref(s64);
    if (rc) {
        osp_buf_cleanup(&b);
        return bi_oom(bc);
    }
    size_t len = b.len;
    return bi_ok(out, rv_str_take(osp_buf_take(&b), len));
}

BI(jwt_encode_sign)
{
    BI_WANT(0, RV_OBJECT);
    BI_WANT(1, RV_OBJECT);
    BI_WANT(2, RV_OBJECT);
    char *h = bi_json(a[0]), *p = bi_json(a[1]);
    enum rego_bi_status st = h && p ? encode(bc, h, strlen(h), p, strlen(p), a[2], out) : bi_oom(bc);
    free(h);
    free(p);
    return st;
}

BI(jwt_encode_sign_raw)
{
    for (int i = 0; i < 3; i++)
        BI_WANT(i, RV_STRING);
    struct osp_err err;
    osp_err_init(&err);
    rv jwk;
    if (rv_json_parse(rv_str(a[2]), rv_str_len(a[2]), NULL, &jwk, &err) != OSP_OK)
        return rego_bi_error(bc, "failed to parse the signing key: %s", err.msg);
    enum rego_bi_status st = encode(bc, rv_str(a[0]), rv_str_len(a[0]), rv_str(a[1]), rv_str_len(a[1]), jwk, out);
    rv_unref(jwk);
    return st;
}

/* ---- io.jwt.decode_verify ---- */

struct constraints {
    rv cert, secret, alg, iss, aud, time;
};

static enum rego_bi_status read_constraints(struct rego_bctx *bc, rv c, struct constraints *k)
{
    static const char *const names[] = {"cert", "secret", "alg", "iss", "aud", "time"};
    rv *slots[] = {&k->cert, &k->secret, &k->alg, &k->iss, &k->aud, &k->time};
    for (int i = 0; i < 6; i++)
        *slots[i] = rv_undef();
    for (size_t i = 0; i < rv_len(c); i++) {
        rv key = rv_obj_key_at(c, i), val = rv_obj_val_at(c, i);
        int j = 0;
        while (j < 6 && !(rv_kind(key) == RV_STRING && !strcmp(rv_str(key), names[j])))
            j++;
        if (j == 6)
            return rego_bi_error(bc, "unknown token validation constraint: %s", rv_str(key));
        if (rv_kind(val) != (j == 5 ? RV_NUMBER : RV_STRING))
            return rego_bi_error(bc, "token validation constraint %s must be a %s", names[j],
                                 j == 5 ? "number" : "string");
        *slots[j] = val;
    }
    if (rv_is_undef(k->cert) == rv_is_undef(k->secret))
        return rego_bi_error(bc, "exactly one of cert and secret must be given");
    return REGO_BI_OK;
}

/* Signature of one (possibly outer) token against the constraints. */
static int token_verifies(const struct jwt *t, const struct constraints *k, const struct vkeys *v)
{
    rv alg = rv_obj_get_s(t->header, "alg");
    if (rv_kind(alg) != RV_STRING || !rv_is_undef(rv_obj_get_s(t->header, "crit")))
        return 0;
    if (!rv_is_undef(k->alg) && !rv_equal(alg, k->alg))
        return 0;
    const struct alg *al = find_alg(rv_str(alg));
    if (!al)
        return 0;
    if (!rv_is_undef(k->secret))
        return al->kind == K_HMAC && verify_hmac(al, rv_str(k->secret), rv_str_len(k->secret), t);
    return al->kind != K_HMAC && verify_with_keys(al, v, t);
}

/* exp / nbf against the evaluation time (nanoseconds). -1 error (msg set), 0 fails, 1 ok. */
static int check_time(rv payload, rv now, char *msg, size_t msglen)
{
    static const char *const claims[] = {"exp", "nbf"};
    for (int i = 0; i < 2; i++) {
        rv c = rv_obj_get_s(payload, claims[i]);
        if (rv_is_undef(c))
            continue;
        if (rv_kind(c) != RV_NUMBER) {
            snprintf(msg, msglen, "%s value must be a number", claims[i]);
            return -1;
        }
        rv ns = bi_scale10(c, 9);
        if (rv_is_undef(ns))
            return 0;
        int cmp = rv_num_cmp(now, ns);
        rv_unref(ns);
        if (i == 0 ? cmp >= 0 : cmp < 0)
            return 0;
    }
    return 1;
}

static int claims_ok(rv payload, const struct constraints *k)
{
    if (!rv_is_undef(k->iss) && !rv_equal(rv_obj_get_s(payload, "iss"), k->iss))
        return 0;
    rv aud = rv_obj_get_s(payload, "aud");
    if (rv_is_undef(k->aud))
        return rv_is_undef(aud);
    if (rv_kind(aud) == RV_STRING)
        return rv_equal(aud, k->aud);
    for (size_t i = 0; rv_kind(aud) == RV_ARRAY && i < rv_len(aud); i++)
        if (rv_equal(rv_arr_at(aud, i), k->aud))
            return 1;
    return 0;
}

static rv unverified(void)
{
    rv r = rv_arr_with_cap(3);
    rv_arr_push(&r, rv_bool(false));
    rv_arr_push(&r, rv_obj_new());
    rv_arr_push(&r, rv_obj_new());
    return r;
}

BI(jwt_decode_verify)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_OBJECT);
    struct constraints k;
    BI_TRY(read_constraints(bc, a[1], &k));
    struct vkeys v = {.n = 0};
    if (!rv_is_undef(k.cert) && load_keys(bc, rv_str(k.cert), rv_str_len(k.cert), &v) != REGO_BI_OK)
        return bi_ok(out, unverified());
    struct jwt t;
    enum rego_bi_status st = jwt_decode_one(bc, rv_str(a[0]), rv_str_len(a[0]), &t);
    int ok = st == REGO_BI_OK;
    rv text = rv_undef(); /* keeps the inner token alive: t.signing_input points into it */
    for (int depth = 0; ok && depth <= JWT_MAX_NEST; depth++) {
        ok = token_verifies(&t, &k, &v);
        if (!ok || !is_nested(t.header))
            break;
        rv inner = rv_ref(t.payload);
        jwt_free(&t);
        rv_unref(text);
        text = inner;
        ok = rv_kind(inner) == RV_STRING &&
             (st = jwt_decode_one(bc, rv_str(inner), rv_str_len(inner), &t)) == REGO_BI_OK;
    }
    vkeys_free(&v);
    if (st != REGO_BI_OK) {
        rv_unref(text);
        return st;
    }
    char msg[120];
    rv now = rv_is_undef(k.time) ? rv_num_int(rego_bctx_now_ns(bc)) : rv_ref(k.time);
    int tc = ok ? check_time(t.payload, now, msg, sizeof msg) : 0;
    rv_unref(now);
    if (tc < 0 || !ok || !tc || !claims_ok(t.payload, &k)) {
        jwt_free(&t);
        rv_unref(text);
        return tc < 0 ? rego_bi_error(bc, "%s", msg) : bi_ok(out, unverified());
    }
    rv r = rv_arr_with_cap(3);
    rv_arr_push(&r, rv_bool(true));
    rv_arr_push(&r, rv_ref(t.header));
    rv_arr_push(&r, rv_ref(t.payload));
    jwt_free(&t);
    rv_unref(text);
    return bi_ok(out, r);
}
