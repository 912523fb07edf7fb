/* bi_crypto.c: crypto.md5/sha1/sha256, crypto.hmac.* and constant-time crypto.hmac.equal
 * (OpenSSL). */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

static rv hex_of(const unsigned char *d, size_t n)
{
    char buf[2 * EVP_MAX_MD_SIZE + 1];
    for (size_t i = 0; i < n; i++) {
        buf[2 * i] = "0123456789abcdef"[d[i] >> 4];
        buf[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
    }
    buf[2 * n] = 0;
    return rv_str_new(buf);
}

static enum rego_bi_status digest(struct rego_bctx *bc, const rv *a, rv *out, const EVP_MD *md)
{
    BI_WANT(0, RV_STRING);
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!EVP_Digest(rv_str(a[0]), rv_str_len(a[0]), d, &n, md, NULL))
        return rego_bi_error(bc, "digest failed");
    return bi_ok(out, hex_of(d, n));
}

BI(crypto_md5)
{
    return digest(bc, a, out, EVP_md5());
}

BI(crypto_sha1)
{
    return digest(bc, a, out, EVP_sha1());
}

BI(crypto_sha256)
{
    return digest(bc, a, out, EVP_sha256());
}

static enum rego_bi_status hmac(struct rego_bctx *bc, const rv *a, rv *out, const EVP_MD *md)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (rv_str_len(a[1]) > INT32_MAX ||
        !HMAC(md, rv_str(a[1]), (int)rv_str_len(a[1]), (const unsigned char *)rv_str(a[0]), rv_str_len(a[0]), d, &n))
        return rego_bi_error(bc, "HMAC failed");
    return bi_ok(out, hex_of(d, n));
}

BI(crypto_hmac_md5)
{
    return hmac(bc, a, out, EVP_md5());
}

BI(crypto_hmac_sha1)
{
    return hmac(bc, a, out, EVP_sha1());
}

BI(crypto_hmac_sha256)
{
    return hmac(bc, a, out, EVP_sha256());
}

BI(crypto_hmac_sha512)
{
    return hmac(bc, a, out, EVP_sha512());
}

BI(crypto_hmac_equal)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    size_t n = rv_str_len(a[0]);
    bool eq = n == rv_str_len(a[1]) && CRYPTO_memcmp(rv_str(a[0]), rv_str(a[1]), n) == 0;
    return bi_ok(out, rv_bool(eq));
}
