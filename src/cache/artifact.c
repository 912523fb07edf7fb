/* artifact.c: pack and unpack the cache artifact: header, zlib stream, SHA-256 (the only zlib.h user). */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "cache/art_int.h"
#include "core/hash.h"

static const uint8_t art_magic[8] = {0x89, 'O', 'S', 'P', 'C', '\r', '\n', 0x1a};
#define ART_ZLIB_LEVEL 6
#define ART_CHUNK 65536

static int cmp_ptr(const void *a, const void *b)
{
    return cache_entry_cmp(*(const struct cache_entry *const *)a, *(const struct cache_entry *const *)b);
}

/* Sorted pointers into e; refuses duplicate keys and invalid entries. */
static enum osp_code sort_entries(const struct cache_entry *e, size_t n, const struct cache_entry ***out,
                                  struct osp_err *err)
{
    if (n > ART_MAX_ENTRIES)
        return osp_err_set(err, OSP_ELIMIT, "%zu cache entries exceed the artifact limit of %u", n, ART_MAX_ENTRIES);
    const struct cache_entry **v = calloc(n ? n : 1, sizeof(*v));
    if (!v)
        return osp_err_set(err, OSP_ENOMEM, "out of memory writing the artifact");
    for (size_t i = 0; i < n; i++)
        v[i] = &e[i];
    qsort(v, n, sizeof(*v), cmp_ptr);
    for (size_t i = 0; i < n; i++) {
        const char *bad = NULL;
        if (cache_entry_key_problem(v[i], NULL)) {
            enum osp_code rc = cache_entry_check_key(v[i], OSP_EUSAGE, "cannot write artifact: ", err);
            free(v);
            return rc;
        }
        if (!v[i]->state_json)
            bad = "no state";
        else if (i > 0 && cache_entry_cmp(v[i - 1], v[i]) == 0)
            bad = "a duplicate key";
        if (bad) {
            osp_err_set(err, OSP_EUSAGE, "cannot write artifact: entry %s/%s/%s/%s has %s", v[i]->account,
                        v[i]->partition, v[i]->region, v[i]->service, bad);
            free(v);
            return err->code;
        }
    }
    *out = v;
    return OSP_OK;
}

/* Header fields up to (not including) the lengths: magic, version, created, osprey version, accounts, count. */
static enum osp_code put_header(struct osp_buf *b, const struct cache_entry *const *v, size_t n, time_t created,
                                uint32_t version)
{
    enum osp_code rc = osp_buf_add(b, art_magic, sizeof(art_magic));
    if (!rc)
        rc = art_put_u32(b, version);
    if (!rc)
        rc = art_put_u64(b, (uint64_t)(int64_t)created);
    if (!rc)
        rc = art_put_str8(b, OSPREY_VERSION);
    uint32_t accounts = 0;
    for (size_t i = 0; i < n; i++)
        accounts += (i == 0 || strcmp(v[i - 1]->account, v[i]->account) != 0);
    if (!rc)
        rc = art_put_u32(b, accounts);
    for (size_t i = 0; !rc && i < n; i++)
        if (i == 0 || strcmp(v[i - 1]->account, v[i]->account) != 0)
            rc = art_put_str8(b, v[i]->account);
    if (!rc)
        rc = art_put_u32(b, (uint32_t)n);
    return rc;
}

/* U, C and the stream; with a key the stream is sealed (C counts the nonce and tag too). */
static enum osp_code deflate_into(const struct art_key *key, struct osp_buf *out, const struct osp_buf *payload,
                                  struct osp_err *err)
{
    uLongf cap = compressBound((uLong)payload->len);
    Bytef *z = malloc(cap ? cap : 1);
    if (!z)
        return osp_err_set(err, OSP_ENOMEM, "out of memory compressing the artifact");
    int zrc = compress2(z, &cap, (const Bytef *)payload->data, (uLong)payload->len, ART_ZLIB_LEVEL);
    enum osp_code rc = OSP_OK;
    if (zrc != Z_OK)
        rc = osp_err_set(err, OSP_EINTERNAL, "zlib compress failed (%d)", zrc);
    if (!rc)
        rc = art_put_u64(out, (uint64_t)payload->len);
    if (!rc)
        rc = art_put_u64(out, (uint64_t)cap + (key ? ART_IV_LEN + ART_TAG_LEN : 0));
    if (!rc && key)
        rc = art_seal(key, (const uint8_t *)out->data, out->len, z, cap, out, err);
    else if (!rc)
        rc = osp_buf_add(out, z, cap);
    free(z);
    if (rc && !err->code)
        osp_err_set(err, rc, "out of memory writing the artifact");
    return rc;
}

enum osp_code art_encode(struct osp_ctx *ctx, const struct cache_entry *e, size_t n, time_t created,
                         struct osp_buf *out, struct osp_err *err)
{
    return art_encode_keyed(ctx, NULL, e, n, created, out, err);
}

enum osp_code art_encode_keyed(struct osp_ctx *ctx, const struct art_key *key, const struct cache_entry *e, size_t n,
                               time_t created, struct osp_buf *out, struct osp_err *err)
{
    (void)ctx;
    const struct cache_entry **v = NULL;
    if (sort_entries(e, n, &v, err))
        return err->code;
    struct osp_buf payload, file;
    osp_buf_init(&payload, ART_MAX_PAYLOAD_BYTES);
    osp_buf_init(&file, 0);
    enum osp_code rc = art_payload_build(v, n, &payload, err);
    if (!rc && put_header(&file, v, n, created, key ? ART_FORMAT_VERSION : ART_FORMAT_UNKEYED))
        rc = osp_err_set(err, OSP_EUSAGE, "cannot write artifact: a key or version string is too long");
    if (!rc)
        rc = deflate_into(key, &file, &payload, err);
    uint8_t sum[OSP_SHA256_LEN];
    if (!rc && key) {
        art_mac(key, file.data, file.len, sum);
        if (osp_buf_add(&file, sum, sizeof(sum)))
            rc = osp_err_set(err, OSP_ENOMEM, "out of memory writing the artifact");
    }
    if (!rc) {
        osp_sha256(file.data, file.len, sum);
        if (osp_buf_add(&file, sum, sizeof(sum)))
            rc = osp_err_set(err, OSP_ENOMEM, "out of memory writing the artifact");
    }
    free(v);
    osp_buf_cleanup(&payload);
    if (rc) {
        osp_buf_cleanup(&file);
        return rc;
    }
    osp_buf_cleanup(out);
    *out = file;
    return OSP_OK;
}

/* Inflate exactly `want` bytes from z[0..zlen): more is a bomb, less or leftovers are corruption. */
static enum osp_code inflate_exact(const uint8_t *z, size_t zlen, uint64_t want, struct osp_buf *out,
                                   struct osp_err *err)
{
    z_stream zs;
    memset(&zs, 0, sizeof(zs));
    if (inflateInit(&zs) != Z_OK)
        return osp_err_set(err, OSP_ENOMEM, "out of memory decompressing the artifact");
    zs.next_in = (Bytef *)(uintptr_t)z;
    zs.avail_in = (uInt)zlen;
    osp_buf_init(out, (size_t)want + 1);
    uint8_t chunk[ART_CHUNK];
    int zrc = Z_OK;
    const char *why = NULL;
    while (zrc == Z_OK && !why) {
        zs.next_out = chunk;
        zs.avail_out = sizeof(chunk);
        zrc = inflate(&zs, Z_NO_FLUSH);
        size_t got = sizeof(chunk) - zs.avail_out;
        if (zrc != Z_OK && zrc != Z_STREAM_END)
            why = zs.msg ? zs.msg : "invalid compressed data";
        else if (out->len + got > want)
            why = "payload inflates past its declared size";
        else if (osp_buf_add(out, chunk, got))
            why = "out of memory";
        else if (zrc == Z_OK && got == 0 && zs.avail_in == 0)
            why = "compressed stream ends early";
    }
    if (!why && (out->len != want || zs.avail_in != 0))
        why = out->len != want ? "payload shorter than declared" : "bytes after the end of the compressed stream";
    inflateEnd(&zs);
    if (why) {
        osp_buf_cleanup(out);
        return osp_err_set(err, OSP_EARTIFACT, "corrupted (zlib: %s)", why);
    }
    return OSP_OK;
}

struct art_header {
    uint32_t version;
    int64_t created;
    uint32_t accounts, entries;
    uint64_t payload_len, z_len;
    size_t z_off;
    size_t trailer; /* bytes after the stream: SHA-256 (v1), HMAC and SHA-256 (v2) */
    struct art_rd acct; /* the account list, for cross-checking */
};

static enum osp_code truncated(size_t len, struct osp_err *err)
{
    return osp_err_set(err, OSP_EARTIFACT, "truncated (file ends at byte %zu, inside the header)", len);
}

static enum osp_code skip_accounts(struct art_rd *r, uint32_t count, size_t len, struct osp_err *err)
{
    for (uint32_t i = 0; i < count; i++) {
        uint8_t n;
        const uint8_t *p;
        if (!art_rd_u8(r, &n) || !art_rd_bytes(r, n, &p))
            return truncated(len, err);
    }
    return OSP_OK;
}

/* Magic, version and lengths, checked in the order that gives the most useful message. */
static enum osp_code parse_header(const uint8_t *d, size_t len, struct art_header *h, struct osp_err *err)
{
    size_t m = len < sizeof(art_magic) ? len : sizeof(art_magic);
    if (memcmp(d, art_magic, m) != 0)
        return osp_err_set(err, OSP_EARTIFACT, "not an osprey artifact (wrong magic)");
    struct art_rd r = {d, len, sizeof(art_magic)};
    uint64_t created;
    uint8_t vlen;
    const uint8_t *p;
    if (len < sizeof(art_magic) || !art_rd_u32(&r, &h->version))
        return truncated(len, err);
    if (h->version > ART_FORMAT_VERSION)
        return osp_err_set(err, OSP_EARTIFACT, "newer format version %u (this osprey reads up to %d); upgrade osprey",
                           h->version, ART_FORMAT_VERSION);
    if (h->version == 0)
        return osp_err_set(err, OSP_EARTIFACT, "corrupted (format version 0)");
    if (!art_rd_u64(&r, &created) || !art_rd_u8(&r, &vlen) || !art_rd_bytes(&r, vlen, &p) ||
        !art_rd_u32(&r, &h->accounts))
        return truncated(len, err);
    h->created = (int64_t)created;
    h->acct = r;
    if (skip_accounts(&r, h->accounts, len, err))
        return err->code;
    if (!art_rd_u32(&r, &h->entries) || !art_rd_u64(&r, &h->payload_len) || !art_rd_u64(&r, &h->z_len))
        return truncated(len, err);
    h->z_off = r.off;
    h->trailer = h->version >= 2 ? 2 * OSP_SHA256_LEN : OSP_SHA256_LEN;
    uint64_t left = len - r.off;
    if (h->z_len > left || left - h->z_len < h->trailer)
        return osp_err_set(err, OSP_EARTIFACT, "truncated (%zu bytes, the header promises %llu)", len,
                           (unsigned long long)(r.off + h->z_len + h->trailer));
    if (left - h->z_len > h->trailer)
        return osp_err_set(err, OSP_EARTIFACT, "corrupted (%llu unexpected bytes after the checksum)",
                           (unsigned long long)(left - h->z_len - h->trailer));
    return OSP_OK;
}

static enum osp_code check_limits(const struct art_header *h, struct osp_err *err)
{
    if (h->payload_len > ART_MAX_PAYLOAD_BYTES)
        return osp_err_set(err, OSP_EARTIFACT, "payload of %llu bytes exceeds the %u-byte limit (refusing to inflate)",
                           (unsigned long long)h->payload_len, ART_MAX_PAYLOAD_BYTES);
    /* the smallest record is 26 bytes, so a tiny payload cannot make us allocate a million entries */
    if (h->entries > ART_MAX_ENTRIES || h->accounts > h->entries || (uint64_t)h->entries * 26 > h->payload_len)
        return osp_err_set(err, OSP_EARTIFACT, "corrupted (%u entries, %u accounts)", h->entries, h->accounts);
    return OSP_OK;
}

/* The header's account list must equal the distinct accounts of the entries, in order. */
static enum osp_code check_accounts(struct art_header *h, const struct cache_entry *e, struct osp_err *err)
{
    uint32_t seen = 0;
    for (uint32_t i = 0; i < h->entries; i++) {
        if (i > 0 && !strcmp(e[i - 1].account, e[i].account))
            continue;
        uint8_t n;
        const uint8_t *p;
        if (seen++ >= h->accounts || !art_rd_u8(&h->acct, &n) || !art_rd_bytes(&h->acct, n, &p) ||
            strlen(e[i].account) != n || memcmp(p, e[i].account, n) != 0)
            return osp_err_set(err, OSP_EARTIFACT, "corrupted (header account list does not match the entries)");
    }
    if (seen != h->accounts)
        return osp_err_set(err, OSP_EARTIFACT, "corrupted (header account list does not match the entries)");
    return OSP_OK;
}

/* The zlib stream: as stored (v1) or, for v2, after the MAC and the GCM tag verify with key.
 * *owned is set when the stream was decrypted into a new buffer. */
static enum osp_code open_stream(const struct art_key *key, const uint8_t *d, const struct art_header *h,
                                 const uint8_t **z, size_t *zlen, uint8_t **owned, struct osp_err *err)
{
    size_t body = h->z_off + (size_t)h->z_len;
    *owned = NULL;
    if (h->version < 2 && key)
        return osp_err_set(err, OSP_EARTIFACT,
                           "not authenticated (format version %u, written without an artifact key); a run with "
                           "an artifact key refuses it: delete it or write it again with the key",
                           h->version);
    if (h->version < 2) {
        *z = d + h->z_off;
        *zlen = (size_t)h->z_len;
        return OSP_OK;
    }
    if (!key)
        return osp_err_set(err, OSP_EARTIFACT,
                           "encrypted with an artifact key (format version 2); give the key with "
                           "--artifact-key or OSPREY_ARTIFACT_KEY");
    uint8_t mac[OSP_SHA256_LEN];
    art_mac(key, d, body, mac);
    if (!art_mac_equal(mac, d + body))
        return osp_err_set(err, OSP_EARTIFACT,
                           "authentication failed (the HMAC does not verify: a different artifact key, or the "
                           "file was tampered with)");
    if (art_open(key, d, h->z_off, d + h->z_off, (size_t)h->z_len, owned, zlen, err))
        return err->code;
    *z = *owned;
    return OSP_OK;
}

enum osp_code art_decode(struct osp_ctx *ctx, const void *data, size_t len, struct cache_entry **out, size_t *n,
                         time_t *created, struct osp_err *err)
{
    struct art_meta meta;
    enum osp_code rc = art_decode_keyed(ctx, NULL, data, len, out, n, &meta, err);
    if (!rc && created)
        *created = meta.created;
    return rc;
}

enum osp_code art_decode_keyed(struct osp_ctx *ctx, const struct art_key *key, const void *data, size_t len,
                               struct cache_entry **out, size_t *n, struct art_meta *meta, struct osp_err *err)
{
    (void)ctx;
    const uint8_t *d = data;
    struct art_header h;
    memset(&h, 0, sizeof(h));
    if (len == 0)
        return osp_err_set(err, OSP_EARTIFACT, "truncated (empty file)");
    if (len > ART_MAX_FILE_BYTES)
        return osp_err_set(err, OSP_EARTIFACT, "file of %zu bytes exceeds the %u-byte artifact limit", len,
                           ART_MAX_FILE_BYTES);
    if (parse_header(d, len, &h, err) || check_limits(&h, err))
        return err->code;
    size_t summed = len - OSP_SHA256_LEN;
    uint8_t sum[OSP_SHA256_LEN];
    osp_sha256(d, summed, sum);
    if (memcmp(sum, d + summed, OSP_SHA256_LEN) != 0)
        return osp_err_set(err, OSP_EARTIFACT,
                           "checksum mismatch (SHA-256 of the content differs; the file was "
                           "altered or damaged)");
    const uint8_t *z = NULL;
    size_t zlen = 0;
    uint8_t *owned = NULL;
    if (open_stream(key, d, &h, &z, &zlen, &owned, err))
        return err->code;
    struct osp_buf payload;
    enum osp_code zrc = inflate_exact(z, zlen, h.payload_len, &payload, err);
    free(owned);
    if (zrc)
        return zrc;
    struct cache_entry *e = NULL;
    enum osp_code rc = art_payload_parse((const uint8_t *)payload.data, payload.len, h.entries, &e, err);
    osp_buf_cleanup(&payload);
    if (!rc && (rc = check_accounts(&h, e, err)) != OSP_OK)
        cache_entries_free(e, h.entries);
    if (rc)
        return rc;
    *out = e;
    *n = h.entries;
    if (meta)
        *meta = (struct art_meta){(time_t)h.created, h.version, key != NULL};
    return OSP_OK;
}
