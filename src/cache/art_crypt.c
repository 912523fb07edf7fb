/* art_crypt.c: the keyed artifact (format version 2): HKDF key derivation, AES-256-GCM sealing of
 * the zlib stream and the HMAC-SHA256 over the file (the only OpenSSL user in src/cache). */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <stdlib.h>
#include <string.h>

#include "cache/art_int.h"
#include "core/hash.h"

#define ART_HKDF_SALT "osprey cache artifact v2"

static int hkdf(const char *secret, size_t slen, const char *info, uint8_t out[ART_KEY_LEN])
{
    EVP_PKEY_CTX *pc = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, NULL);
    size_t olen = ART_KEY_LEN;
    int ok = pc && EVP_PKEY_derive_init(pc) > 0 && EVP_PKEY_CTX_set_hkdf_md(pc, EVP_sha256()) > 0 &&
             EVP_PKEY_CTX_set1_hkdf_salt(pc, (const unsigned char *)ART_HKDF_SALT, (int)strlen(ART_HKDF_SALT)) > 0 &&
             EVP_PKEY_CTX_set1_hkdf_key(pc, (const unsigned char *)secret, (int)slen) > 0 &&
             EVP_PKEY_CTX_add1_hkdf_info(pc, (const unsigned char *)info, (int)strlen(info)) > 0 &&
             EVP_PKEY_derive(pc, out, &olen) > 0 && olen == ART_KEY_LEN;
    EVP_PKEY_CTX_free(pc);
    return ok;
}

enum osp_code art_key_derive(const char *secret, struct art_key *out, struct osp_err *err)
{
    size_t slen = secret ? strlen(secret) : 0;
    if (slen < ART_KEY_MIN_SECRET)
        return osp_err_set(err, OSP_EUSAGE, "the artifact key is too short (%zu characters; use at least %d random ones)",
                           slen, ART_KEY_MIN_SECRET);
    struct art_key k;
    if (!hkdf(secret, slen, "mac", k.mac) || !hkdf(secret, slen, "enc", k.enc)) {
        OPENSSL_cleanse(&k, sizeof(k));
        return osp_err_set(err, OSP_EINTERNAL, "cannot derive the artifact keys (OpenSSL HKDF failed)");
    }
    *out = k;
    OPENSSL_cleanse(&k, sizeof(k));
    return OSP_OK;
}

void art_key_cleanse(struct art_key *k)
{
    if (k)
        OPENSSL_cleanse(k, sizeof(*k));
}

void art_mac(const struct art_key *k, const void *data, size_t len, uint8_t out[OSP_SHA256_LEN])
{
    osp_hmac_sha256(k->mac, sizeof(k->mac), data, len, out);
}

int art_mac_equal(const uint8_t *a, const uint8_t *b)
{
    return CRYPTO_memcmp(a, b, OSP_SHA256_LEN) == 0;
}

/* One AES-256-GCM pass; enc=1 seals (writes the tag), enc=0 opens (checks it). */
static int gcm(int enc, const struct art_key *k, const uint8_t iv[ART_IV_LEN], const uint8_t *aad, size_t aadlen,
               const uint8_t *in, size_t len, uint8_t *out, uint8_t tag[ART_TAG_LEN])
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int n = 0, ok = c && EVP_CipherInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL, enc) == 1 &&
                    EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, ART_IV_LEN, NULL) == 1 &&
                    EVP_CipherInit_ex(c, NULL, NULL, k->enc, iv, enc) == 1 &&
                    EVP_CipherUpdate(c, NULL, &n, aad, (int)aadlen) == 1;
    for (size_t off = 0; ok && off < len;) {
        int step = len - off > (1u << 30) ? (1 << 30) : (int)(len - off);
        ok = EVP_CipherUpdate(c, out + off, &n, in + off, step) == 1;
        off += (size_t)step;
    }
    if (ok && !enc)
        ok = EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, ART_TAG_LEN, tag) == 1;
    if (ok)
        ok = EVP_CipherFinal_ex(c, out + len, &n) == 1;
    if (ok && enc)
        ok = EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, ART_TAG_LEN, tag) == 1;
    EVP_CIPHER_CTX_free(c);
    return ok;
}

enum osp_code art_seal(const struct art_key *k, const uint8_t *aad, size_t aadlen, const uint8_t *z, size_t zlen,
                       struct osp_buf *out, struct osp_err *err)
{
    /* A synthetic nonce (HMAC of the header and the plaintext under the MAC key) keeps the output a
     * function of the input, as the format promises, and never repeats for different content. */
    uint8_t iv[OSP_SHA256_LEN], tag[ART_TAG_LEN];
    struct osp_buf b;
    osp_buf_init(&b, 0);
    enum osp_code rc = osp_buf_add(&b, "nonce", 5);
    if (!rc)
        rc = osp_buf_add(&b, aad, aadlen);
    if (!rc)
        rc = osp_buf_add(&b, z, zlen);
    if (!rc)
        art_mac(k, b.data, b.len, iv);
    osp_buf_cleanup(&b);
    uint8_t *ct = rc ? NULL : malloc(zlen + 16);
    if (!ct)
        return osp_err_set(err, OSP_ENOMEM, "out of memory encrypting the artifact");
    if (!gcm(1, k, iv, aad, aadlen, z, zlen, ct, tag)) {
        free(ct);
        return osp_err_set(err, OSP_EINTERNAL, "cannot encrypt the artifact (OpenSSL AES-GCM failed)");
    }
    rc = osp_buf_add(out, iv, ART_IV_LEN);
    if (!rc)
        rc = osp_buf_add(out, ct, zlen);
    if (!rc)
        rc = osp_buf_add(out, tag, ART_TAG_LEN);
    free(ct);
    return rc ? osp_err_set(err, OSP_ENOMEM, "out of memory writing the artifact") : OSP_OK;
}

enum osp_code art_open(const struct art_key *k, const uint8_t *aad, size_t aadlen, const uint8_t *sealed, size_t len,
                       uint8_t **z, size_t *zlen, struct osp_err *err)
{
    if (len < ART_IV_LEN + ART_TAG_LEN)
        return osp_err_set(err, OSP_EARTIFACT, "corrupted (encrypted payload shorter than its nonce and tag)");
    size_t n = len - ART_IV_LEN - ART_TAG_LEN;
    uint8_t *pt = malloc(n + 16), tag[ART_TAG_LEN];
    if (!pt)
        return osp_err_set(err, OSP_ENOMEM, "out of memory decrypting the artifact");
    memcpy(tag, sealed + ART_IV_LEN + n, ART_TAG_LEN);
    if (!gcm(0, k, sealed, aad, aadlen, sealed + ART_IV_LEN, n, pt, tag)) {
        free(pt);
        return osp_err_set(err, OSP_EARTIFACT, "authentication failed (AES-GCM tag mismatch)");
    }
    *z = pt;
    *zlen = n;
    return OSP_OK;
}
