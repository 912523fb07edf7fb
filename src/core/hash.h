/* hash.h: SHA-256, HMAC-SHA256, SHA-1 (names only, never security) and hex encoding (OpenSSL). */
#ifndef OSPREY_CORE_HASH_H
#define OSPREY_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

#define OSP_SHA256_LEN 32

void osp_sha256(const void *data, size_t len, uint8_t out[OSP_SHA256_LEN]);
void osp_hmac_sha256(const void *key, size_t keylen, const void *data, size_t len, uint8_t out[OSP_SHA256_LEN]);
/* Lower-case hex of n bytes into out (2n+1 bytes). */
void osp_hex(const uint8_t *in, size_t n, char *out);
/* Lower-case hex SHA-256 of data into out (65 bytes). */
void osp_sha256_hex(const void *data, size_t len, char out[2 * OSP_SHA256_LEN + 1]);

/* Lower-case hex SHA-1 into out (41 bytes). Only for names that AWS tools derive with SHA-1
 * (the SSO token cache file); never for integrity or signing. */
void osp_sha1_hex(const void *data, size_t len, char out[41]);

#endif
