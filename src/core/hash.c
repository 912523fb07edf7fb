/* hash.c: SHA-256 and HMAC-SHA256 through OpenSSL. */
#include "core/hash.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

void osp_sha256(const void *data, size_t len, uint8_t out[OSP_SHA256_LEN])
{
    SHA256(data, len, out);
}

void osp_hmac_sha256(const void *key, size_t keylen, const void *data, size_t len, uint8_t out[OSP_SHA256_LEN])
{
    unsigned int outlen = OSP_SHA256_LEN;
    HMAC(EVP_sha256(), key, (int)keylen, data, len, out, &outlen);
}

void osp_hex(const uint8_t *in, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    out[2 * n] = '\0';
}

void osp_sha256_hex(const void *data, size_t len, char out[2 * OSP_SHA256_LEN + 1])
{
    uint8_t md[OSP_SHA256_LEN];
    osp_sha256(data, len, md);
    osp_hex(md, sizeof(md), out);
}

void osp_sha1_hex(const void *data, size_t len, char out[41])
{
    uint8_t md[SHA_DIGEST_LENGTH];
    SHA1(data, len, md);
    osp_hex(md, sizeof(md), out);
}
