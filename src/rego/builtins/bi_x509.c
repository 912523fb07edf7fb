/* bi_x509.c: crypto.x509.* and crypto.parse_private_keys builtins (OpenSSL). */
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"
#include "rego/builtins/bi_pki.h"

#define MAX_CERTS 256

struct certs {
    X509 *x[MAX_CERTS];
    int n;
};

static void certs_free(struct certs *c)
{
    for (int i = 0; i < c->n; i++)
        X509_free(c->x[i]);
    c->n = 0;
}

/* All certificates in PEM or concatenated DER. */
static int read_certs(const unsigned char *d, size_t n, int pem, struct certs *c)
{
    c->n = 0;
    if (pem) {
        BIO *b = BIO_new_mem_buf(d, (int)n);
        X509 *x;
        while (b && c->n < MAX_CERTS && (x = PEM_read_bio_X509(b, NULL, NULL, NULL)))
            c->x[c->n++] = x;
        BIO_free(b);
        ERR_clear_error();
        return c->n ? 0 : -1;
    }
    const unsigned char *p = d, *end = d + n;
    while (p < end && c->n < MAX_CERTS) {
        X509 *x = d2i_X509(NULL, &p, end - p);
        if (!x) {
            ERR_clear_error();
            certs_free(c);
            return -1;
        }
        c->x[c->n++] = x;
    }
    return c->n ? 0 : -1;
}

static enum rego_bi_status load_certs(struct rego_bctx *bc, rv in, struct certs *c)
{
    char msg[200];
    size_t n;
    int pem;
    unsigned char *d = bi_pki_input(rv_str(in), rv_str_len(in), &n, &pem, msg, sizeof msg);
    if (!d)
        return rego_bi_error(bc, "%s", msg);
    int rc = read_certs(d, n, pem, c);
    free(d);
    if (rc != 0)
        return rego_bi_error(bc, pem ? "failed to find any PEM certificates" : "x509: malformed certificate");
    return REGO_BI_OK;
}

static rv certs_rv(X509 *const *x, int n)
{
    rv arr = rv_arr_new();
    for (int i = 0; i < n; i++)
        rv_arr_push(&arr, bi_cert_rv(x[i]));
    return arr;
}

BI(x509_parse_certificates)
{
    BI_WANT(0, RV_STRING);
    struct certs c;
    BI_TRY(load_certs(bc, a[0], &c));
    rv arr = certs_rv(c.x, c.n);
    certs_free(&c);
    return bi_ok(out, arr);
}

struct vopts {
    const char *dns; /* NULL: any name */
    int64_t time_ns; /* 0: now */
};

/* OPA's order: the first certificate is the root, the last the leaf, the rest intermediates. */
static rv verify_chain(struct certs *c, const struct vopts *o)
{
    X509_STORE *store = X509_STORE_new();
    STACK_OF(X509) *mid = sk_X509_new_null();
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    rv res = rv_arr_new(), chain = rv_arr_new();
    int ok = 0;
    if (store && mid && ctx && X509_STORE_add_cert(store, c->x[0])) {
        for (int i = 1; i < c->n - 1; i++)
            sk_X509_push(mid, c->x[i]);
        X509_STORE_set_flags(store, X509_V_FLAG_PARTIAL_CHAIN);
        int init = X509_STORE_CTX_init(ctx, store, c->x[c->n - 1], mid);
        X509_VERIFY_PARAM *vp = init ? X509_STORE_CTX_get0_param(ctx) : NULL;
        if (vp && o && o->dns)
            X509_VERIFY_PARAM_set1_host(vp, o->dns, 0);
        if (vp && o && o->time_ns)
            X509_VERIFY_PARAM_set_time(vp, (time_t)(o->time_ns / 1000000000));
        if (init && X509_verify_cert(ctx) == 1) {
            STACK_OF(X509) *ch = X509_STORE_CTX_get0_chain(ctx);
            for (int i = 0; i < sk_X509_num(ch); i++)
                rv_arr_push(&chain, bi_cert_rv(sk_X509_value(ch, i)));
            ok = 1;
        }
    }
    ERR_clear_error();
    X509_STORE_CTX_free(ctx);
    sk_X509_free(mid);
    X509_STORE_free(store);
    rv_arr_push(&res, rv_bool(ok));
    rv_arr_push(&res, chain);
    return res;
}

BI(x509_parse_and_verify_certificates)
{
    BI_WANT(0, RV_STRING);
    struct certs c;
    if (load_certs(bc, a[0], &c) != REGO_BI_OK) {
        rv res = rv_arr_new();
        rv_arr_push(&res, rv_bool(false));
        rv_arr_push(&res, rv_arr_new());
        return bi_ok(out, res);
    }
    if (c.n < 2) {
        certs_free(&c);
        return rego_bi_type_error(bc, "operand 1 must supply at least two certificates to be able to verify");
    }
    rv res = verify_chain(&c, NULL);
    certs_free(&c);
    return bi_ok(out, res);
}

/* Options: DNSName, CurrentTime (ns); KeyUsages and MaxConstraintComparisons are accepted and
 * ignored (OpenSSL checks no extended key usage unless asked). */
BI(x509_parse_and_verify_certificates_with_options)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_OBJECT);
    struct vopts o = {0};
    for (size_t i = 0; i < rv_len(a[1]); i++) {
        const char *k = rv_str(rv_obj_key_at(a[1], i));
        rv v = rv_obj_val_at(a[1], i);
        if (!strcmp(k, "DNSName") && rv_kind(v) == RV_STRING)
            o.dns = rv_str(v);
        else if (!strcmp(k, "CurrentTime") && rv_kind(v) == RV_NUMBER)
            rv_num_to_int64(v, &o.time_ns);
        else if (strcmp(k, "KeyUsages") && strcmp(k, "MaxConstraintComparisons"))
            return rego_bi_error(bc, "invalid key option: %s", k);
    }
    struct certs c;
    c.n = 0;
    rv res;
    if (load_certs(bc, a[0], &c) != REGO_BI_OK || c.n < 2) {
        if (c.n)
            certs_free(&c);
        res = rv_arr_new();
        rv_arr_push(&res, rv_bool(false));
        rv_arr_push(&res, rv_arr_new());
        return bi_ok(out, res);
    }
    res = verify_chain(&c, &o);
    certs_free(&c);
    return bi_ok(out, res);
}

BI(x509_parse_certificate_request)
{
    BI_WANT(0, RV_STRING);
    char msg[200];
    size_t n;
    int pem;
    unsigned char *d = bi_pki_input(rv_str(a[0]), rv_str_len(a[0]), &n, &pem, msg, sizeof msg);
    if (!d)
        return rego_bi_error(bc, "%s", msg);
    X509_REQ *req = NULL;
    if (pem) {
        BIO *b = BIO_new_mem_buf(d, (int)n);
        req = b ? PEM_read_bio_X509_REQ(b, NULL, NULL, NULL) : NULL;
        BIO_free(b);
    } else {
        const unsigned char *p = d;
        req = d2i_X509_REQ(NULL, &p, (long)n);
    }
    free(d);
    ERR_clear_error();
    if (!req)
        return rego_bi_error(bc, pem ? "failed to decode PEM block containing certificate request"
                                     : "asn1: structure error: tags don't match");
    /* a request carries the fields of a certificate we read: reuse the Subject mapping */
    X509 *tmp = X509_new();
    rv o = rv_obj_new();
    if (tmp && X509_set_subject_name(tmp, X509_REQ_get_subject_name(req))) {
        rv full = bi_cert_rv(tmp);
        rv_obj_set(&o, rv_str_new("Subject"), rv_ref(rv_obj_get_s(full, "Subject")));
        rv_unref(full);
    }
    unsigned char *der = NULL;
    int dl = i2d_X509_REQ(req, &der);
    if (dl > 0)
        rv_obj_set(&o, rv_str_new("Raw"), bi_b64std(der, (size_t)dl));
    OPENSSL_free(der);
    rv_obj_set(&o, rv_str_new("Version"), rv_num_int(X509_REQ_get_version(req)));
    X509_free(tmp);
    X509_REQ_free(req);
    return bi_ok(out, o);
}

/* ---- private keys ---- */

/* Every private key in PEM data, as JWKs. */
static rv pem_private_keys(const unsigned char *d, size_t n)
{
    rv arr = rv_arr_new();
    BIO *b = BIO_new_mem_buf(d, (int)n);
    EVP_PKEY *k;
    while (b && rv_len(arr) < MAX_CERTS && (k = PEM_read_bio_PrivateKey(b, NULL, NULL, NULL))) {
        rv jwk = bi_jwk_of(k, 1);
        if (!rv_is_undef(jwk))
            rv_arr_push(&arr, jwk);
        EVP_PKEY_free(k);
    }
    BIO_free(b);
    ERR_clear_error();
    return arr;
}

BI(x509_parse_rsa_private_key)
{
    BI_WANT(0, RV_STRING);
    char msg[200];
    size_t n;
    int pem;
    unsigned char *d = bi_pki_input(rv_str(a[0]), rv_str_len(a[0]), &n, &pem, msg, sizeof msg);
    if (!d)
        return rego_bi_error(bc, "%s", msg);
    rv keys = pem ? pem_private_keys(d, n) : rv_arr_new();
    free(d);
    rv k = rv_arr_at(keys, 0);
    if (rv_is_undef(k) || strcmp(rv_str(rv_obj_get_s(k, "kty")), "RSA") != 0) {
        rv_unref(keys);
        return rego_bi_error(bc, "failed to parse PEM block containing the RSA private key");
    }
    rv r = rv_ref(k);
    rv_unref(keys);
    return bi_ok(out, r);
}

BI(crypto_parse_private_keys)
{
    BI_WANT(0, RV_STRING);
    if (rv_str_len(a[0]) == 0)
        return bi_ok(out, rv_null());
    char msg[200];
    size_t n;
    int pem;
    unsigned char *d = bi_pki_input(rv_str(a[0]), rv_str_len(a[0]), &n, &pem, msg, sizeof msg);
    if (!d)
        return bi_ok(out, rv_arr_new());
    rv keys = pem ? pem_private_keys(d, n) : rv_arr_new();
    free(d);
    return bi_ok(out, keys);
}

BI(x509_parse_keypair)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    struct certs c;
    BI_TRY(load_certs(bc, a[0], &c));
    char msg[200];
    size_t n;
    int pem;
    unsigned char *d = bi_pki_input(rv_str(a[1]), rv_str_len(a[1]), &n, &pem, msg, sizeof msg);
    EVP_PKEY *key = NULL;
    if (d && pem) {
        BIO *b = BIO_new_mem_buf(d, (int)n);
        key = b ? PEM_read_bio_PrivateKey(b, NULL, NULL, NULL) : NULL;
        BIO_free(b);
    }
    free(d);
    ERR_clear_error();
    if (!key || X509_check_private_key(c.x[0], key) != 1) {
        ERR_clear_error();
        EVP_PKEY_free(key);
        certs_free(&c);
        return rego_bi_error(bc, key ? "tls: private key does not match public key"
                                     : "tls: failed to find any PEM data in key input");
    }
    rv o = rv_obj_new(), ders = rv_arr_new();
    for (int i = 0; i < c.n; i++) {
        unsigned char *der = NULL;
        int dl = i2d_X509(c.x[i], &der);
        rv_arr_push(&ders, dl > 0 ? bi_b64std(der, (size_t)dl) : rv_str_new(""));
        OPENSSL_free(der);
    }
    rv_obj_set(&o, rv_str_new("Certificate"), ders);
    rv jwk = bi_jwk_of(key, 1);
    rv_obj_set(&o, rv_str_new("PrivateKey"), rv_is_undef(jwk) ? rv_null() : jwk);
    rv_obj_set(&o, rv_str_new("Leaf"), bi_cert_rv(c.x[0]));
    EVP_PKEY_free(key);
    certs_free(&c);
    return bi_ok(out, o);
}
