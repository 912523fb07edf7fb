/* bi_pki.h: key and certificate helpers shared by bi_x509.c and bi_jwt.c (folder-private).
 *
 * Keys move between three forms: OpenSSL EVP_PKEY, JWK objects (rv) and PEM text. The caller
 * owns every EVP_PKEY / X509 returned and frees it with EVP_PKEY_free / X509_free.
 */
#ifndef OSPREY_REGO_BI_PKI_H
#define OSPREY_REGO_BI_PKI_H

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <stddef.h>

#include "rego/value.h"

/* base64url without padding of n bytes, as a new rv string. */
rv bi_b64url(const unsigned char *d, size_t n);

/* JWK object of a key (private parts included when priv and present). Returns new, or
 * undefined for unsupported key types. */
rv bi_jwk_of(EVP_PKEY *k, int priv);

/* Key from a JWK object (RSA, EC P-256/384/521, OKP Ed25519, oct is rejected). NULL on error
 * with a reason in msg. */
EVP_PKEY *bi_pkey_from_jwk(rv jwk, char *msg, size_t msglen);

/* Decoded input of the x509 builtins: PEM text as is, else standard base64 (which may hold
 * PEM or DER). Returns malloc'd bytes, *is_pem set; NULL with an error in msg. */
unsigned char *bi_pki_input(const char *s, size_t n, size_t *outlen, int *is_pem, char *msg, size_t msglen);

/* Certificate object in the shape of Go's x509.Certificate JSON (the fields policies read). */
rv bi_cert_rv(X509 *x);

#endif
