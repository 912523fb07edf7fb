/* art_int.h: folder-private helpers of the artifact codec: big-endian integers and the payload
 * record codec (entries <-> bytes, no compression). See src/cache/README.md for the layout. */
#ifndef OSPREY_CACHE_ART_INT_H
#define OSPREY_CACHE_ART_INT_H

#include <stdint.h>

#include "cache/cache.h"

#ifndef OSPREY_VERSION
#define OSPREY_VERSION "0.0.0-dev"
#endif

/* A bounded reader over untrusted bytes: every get fails (returns 0) instead of overrunning. */
struct art_rd {
    const uint8_t *p;
    size_t len, off;
};

int art_rd_u8(struct art_rd *r, uint8_t *v);
int art_rd_u32(struct art_rd *r, uint32_t *v);
int art_rd_u64(struct art_rd *r, uint64_t *v);
int art_rd_bytes(struct art_rd *r, size_t n, const uint8_t **v);

OSP_MUST_CHECK enum osp_code art_put_u8(struct osp_buf *b, uint8_t v);
OSP_MUST_CHECK enum osp_code art_put_u32(struct osp_buf *b, uint32_t v);
OSP_MUST_CHECK enum osp_code art_put_u64(struct osp_buf *b, uint64_t v);
/* A string with a 1-byte length (short fields) or a 4-byte length (JSON text). */
OSP_MUST_CHECK enum osp_code art_put_str8(struct osp_buf *b, const char *s);
OSP_MUST_CHECK enum osp_code art_put_str32(struct osp_buf *b, const char *s);

/* Serialize n entries, already sorted by key and free of duplicates, into out. */
OSP_MUST_CHECK enum osp_code art_payload_build(const struct cache_entry *const *sorted, size_t n, struct osp_buf *out,
                                               struct osp_err *err);
/* Parse exactly n records filling all of p[0..len); checks order, uniqueness and field sizes.
 * Errors are OSP_EARTIFACT "corrupted (...)". *out is freed with cache_entries_free. */
OSP_MUST_CHECK enum osp_code art_payload_parse(const uint8_t *p, size_t len, uint32_t n, struct cache_entry **out,
                                               struct osp_err *err);

/* Keyed format (art_crypt.c): the sealed stream is a 12-byte nonce, the ciphertext of the zlib
 * stream and a 16-byte GCM tag; the header before it is the additional authenticated data. */
#define ART_IV_LEN 12
#define ART_TAG_LEN 16
void art_mac(const struct art_key *k, const void *data, size_t len, uint8_t out[32]);
int art_mac_equal(const uint8_t *a, const uint8_t *b); /* constant time */
OSP_MUST_CHECK enum osp_code art_seal(const struct art_key *k, const uint8_t *aad, size_t aadlen, const uint8_t *z,
                                      size_t zlen, struct osp_buf *out, struct osp_err *err);
/* Decrypt and verify; *z (malloc'd, caller frees) receives the zlib stream. */
OSP_MUST_CHECK enum osp_code art_open(const struct art_key *k, const uint8_t *aad, size_t aadlen,
                                      const uint8_t *sealed, size_t len, uint8_t **z, size_t *zlen,
                                      struct osp_err *err);

#endif
