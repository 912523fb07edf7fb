/* cache.h: the scan cache (sqlite3, one row per account/partition/region/service) and the cache
 * artifact (one file that carries the same entries between CI jobs).
 *
 * The cache stores collected state as opaque JSON text: it knows nothing of AWS calls or Rego.
 * An entry is keyed by (account, partition, region, service); global services use region "global".
 *
 * Ownership:
 * - struct cache_entry owns state_json and status_json (malloc'd); cache_entry_cleanup frees them
 *   and leaves the entry empty. Arrays returned by cache_list / art_read / art_decode are freed
 *   with cache_entries_free(array, n).
 * - Functions that take entries (cache_put, art_write, art_encode) only borrow them.
 * - struct cache_store is opened by cache_open / cache_open_memory and freed by cache_close
 *   (cache_close(NULL) is a no-op). One store per thread.
 * - Out-parameters are written only on success.
 *
 *   struct cache_store *s;
 *   if (cache_open(ctx, dir, &s, err)) return err->code;
 *   struct cache_entry e;
 *   rc = cache_get(s, "123456789012", "aws", "us-east-1", "s3", 24 * 3600, &e, err);
 *   if (rc == OSP_OK) { use(e.state_json); cache_entry_cleanup(&e); }
 *   else if (rc == OSP_ENOTFOUND) collect_again();   // missing or stale: err stays unset
 *   cache_close(s);
 *
 * Error codes: OSP_ECACHE for a corrupted or unusable database (the message suggests
 * `osprey cache clean`), OSP_ETIMEOUT when another osprey holds the database lock longer than
 * the busy timeout, OSP_EIO for files and directories, OSP_EARTIFACT for a bad artifact (one
 * line saying which: truncated, corrupted, not an osprey artifact (wrong magic), newer format
 * version, checksum mismatch, or over a size limit such as a decompression bomb), OSP_ELIMIT when
 * entries to be written exceed the artifact limits.
 * The artifact format is documented byte by byte in src/cache/README.md.
 */
#ifndef OSPREY_CACHE_CACHE_H
#define OSPREY_CACHE_CACHE_H

#include <stddef.h>
#include <time.h>

#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"

/* Newest artifact format this build reads and writes: 1 is checksummed (written without a key),
 * 2 is encrypted and authenticated with the artifact key (written with one). */
#define ART_FORMAT_VERSION 2
#define ART_FORMAT_UNKEYED 1
/* The artifact key: two 32-byte keys derived (HKDF-SHA256) from a secret of at least
 * ART_KEY_MIN_SECRET bytes: one for the file's HMAC-SHA256, one for AES-256-GCM. */
#define ART_KEY_LEN 32
#define ART_KEY_MIN_SECRET 16
/* Hard limits on artifacts (untrusted input). */
#define ART_MAX_FILE_BYTES (256u * 1024u * 1024u)     /* compressed file size */
#define ART_MAX_PAYLOAD_BYTES (256u * 1024u * 1024u) /* decompressed payload size, all entries */
#define ART_MAX_ENTRY_BYTES (64u * 1024u * 1024u)    /* one entry's state (or status) text */
#define ART_MAX_ENTRIES 1000000u
/* An entry collected more than this far in the future (clock skew allowance) is always stale. */
#define CACHE_MAX_FUTURE_SECS 300
/* Default busy timeout before a locked database is reported (milliseconds). */
#define CACHE_BUSY_TIMEOUT_MS 5000

struct cache_entry {
    char account[32], partition[16], region[32], service[32];
    time_t collected_at;
    char osprey_version[32];
    int schema_version; /* version of the state document's shape, set by the caller */
    char *state_json;   /* owned; never NULL in a stored entry ("{}" for an empty service) */
    char *status_json;  /* owned; NULL when the service collected fine */
    size_t size;        /* bytes of state_json (filled by cache_get/cache_list/art_read) */
};

void cache_entry_cleanup(struct cache_entry *e);
void cache_entries_free(struct cache_entry *e, size_t n); /* cleans each, frees the array */
/* Deep copy of src into dst (dst is overwritten, not cleaned first). */
OSP_MUST_CHECK enum osp_code cache_entry_copy(struct cache_entry *dst, const struct cache_entry *src,
                                              struct osp_err *err);
/* Total order on the key (account, partition, region, service), for qsort. */
int cache_entry_cmp(const void *a, const void *b);
/* Keys are untrusted text (artifacts): account 12 digits; partition, region and service 1-31 of
 * [a-z0-9-] (partition up to 15). The name of the first invalid field, NULL when all are valid;
 * *value (may be NULL) receives the offending value. */
const char *cache_entry_key_problem(const struct cache_entry *e, const char **value);
/* cache_entry_key_problem as an error of the given code, the value escaped, prefixed by context. */
OSP_MUST_CHECK enum osp_code cache_entry_check_key(const struct cache_entry *e, enum osp_code code,
                                                   const char *context, struct osp_err *err);
/* s with CR, LF, TAB as \r \n \t and other control or non-ASCII bytes as \xNN, into out (cap bytes,
 * truncated, always terminated): safe to print on a terminal or into CI logs. */
void cache_escape(const char *s, char *out, size_t cap);
/* Set the four key fields; OSP_EUSAGE when a value is empty, too long or not a valid key. */
OSP_MUST_CHECK enum osp_code cache_entry_set_key(struct cache_entry *e, const char *account, const char *partition,
                                                 const char *region, const char *service, struct osp_err *err);

struct cache_store;

/* The default cache directory: $XDG_CACHE_HOME/osprey, else $HOME/.cache/osprey.
 * In CI (core/ci.h: stateless by default in pipelines) *out is set to NULL and OSP_OK returned.
 * *out is the caller's to free. OSP_ECONFIG when neither variable is usable. */
OSP_MUST_CHECK enum osp_code cache_default_dir(struct osp_ctx *ctx, char **out, struct osp_err *err);
/* The database file inside dir ("<dir>/cache.db"); caller frees. NULL on out of memory. */
char *cache_db_path(const char *dir);

/* Open (creating dir with mode 0700 and the database with mode 0600 if needed) <dir>/cache.db.
 * The handle keeps ctx (borrowed; it must outlive the store). */
OSP_MUST_CHECK enum osp_code cache_open(struct osp_ctx *ctx, const char *dir, struct cache_store **out,
                                        struct osp_err *err);
/* The store of a run without --cache-dir: in CI an in-memory store; else the default directory,
 * and when that cannot be created or opened (unwritable or unset HOME) a warning and an
 * in-memory store instead of an error. */
OSP_MUST_CHECK enum osp_code cache_open_default(struct osp_ctx *ctx, struct cache_store **out, struct osp_err *err);
/* An in-memory store with the same behaviour, for stateless runs; gone at cache_close. */
OSP_MUST_CHECK enum osp_code cache_open_memory(struct osp_ctx *ctx, struct cache_store **out, struct osp_err *err);
void cache_close(struct cache_store *s);
/* How long to wait for another process's lock before OSP_ETIMEOUT (default CACHE_BUSY_TIMEOUT_MS). */
void cache_set_busy_timeout(struct cache_store *s, int ms);
/* Delete <dir>/cache.db and its -wal/-shm/-journal files, even when the database is corrupted.
 * Missing files are not an error. */
OSP_MUST_CHECK enum osp_code cache_destroy(const char *dir, struct osp_err *err);

/* Fetch one entry into *out (caller cleans it). OSP_ENOTFOUND (err left unset) when missing,
 * when older than max_age seconds relative to osp_now(ctx) (max_age < 0 means any age), or when
 * collected more than CACHE_MAX_FUTURE_SECS in the future (always stale). */
OSP_MUST_CHECK enum osp_code cache_get(struct cache_store *s, const char *account, const char *partition,
                                       const char *region, const char *service, long long max_age,
                                       struct cache_entry *out, struct osp_err *err);
/* Store n entries in one transaction, replacing existing rows with the same key (a service
 * that became empty replaces the old entry with its empty state). All or nothing. */
OSP_MUST_CHECK enum osp_code cache_put(struct cache_store *s, const struct cache_entry *entries, size_t n,
                                       struct osp_err *err);
/* Every entry, sorted by key, without state text (state_json is NULL, status_json is kept; size is
 * the state size and schema/version/collected_at are filled). Free with cache_entries_free. */
OSP_MUST_CHECK enum osp_code cache_list(struct cache_store *s, struct cache_entry **out, size_t *n,
                                        struct osp_err *err);
/* Remove entries collected more than older_than seconds before osp_now(ctx); -1 removes all.
 * *removed (may be NULL) receives the count. */
OSP_MUST_CHECK enum osp_code cache_clean(struct cache_store *s, long long older_than, size_t *removed,
                                         struct osp_err *err);

/* Artifact. The same entries and created time always give the same bytes: entries are sorted,
 * the zlib level is fixed and nothing but `created` comes from the clock.
 * Duplicate keys are refused (OSP_EUSAGE). */
OSP_MUST_CHECK enum osp_code art_encode(struct osp_ctx *ctx, const struct cache_entry *e, size_t n, time_t created,
                                        struct osp_buf *out, struct osp_err *err);
/* Verify and decode an artifact held in memory. Never a partial result: on error *out is untouched.
 * *created (may be NULL) receives the header's created time. Free with cache_entries_free. */
OSP_MUST_CHECK enum osp_code art_decode(struct osp_ctx *ctx, const void *data, size_t len, struct cache_entry **out,
                                        size_t *n, time_t *created, struct osp_err *err);
/* Write atomically: a 0600 temp file beside path, fsync, then rename over path. */
OSP_MUST_CHECK enum osp_code art_write(struct osp_ctx *ctx, const char *path, const struct cache_entry *e, size_t n,
                                       time_t created, struct osp_err *err);
/* Read, verify and decode path (opened read-only; never modified). OSP_ENOTFOUND when the file
 * does not exist, OSP_EIO when it cannot be read; decode errors are prefixed with the path. */
OSP_MUST_CHECK enum osp_code art_read(struct osp_ctx *ctx, const char *path, struct cache_entry **out, size_t *n,
                                      struct osp_err *err);

/* The artifact key derived from a secret (OSP_EUSAGE when shorter than ART_KEY_MIN_SECRET; the
 * message never quotes the secret). Wipe it with art_key_cleanse. */
struct art_key {
    unsigned char mac[ART_KEY_LEN], enc[ART_KEY_LEN];
};
OSP_MUST_CHECK enum osp_code art_key_derive(const char *secret, struct art_key *out, struct osp_err *err);
void art_key_cleanse(struct art_key *k);

/* What a decoded artifact said about itself. */
struct art_meta {
    time_t created;
    unsigned version;  /* 1 or 2 */
    int authenticated; /* 1 when the MAC was verified with the caller's key */
};

/* The same as art_encode/art_decode/art_write/art_read with a key: key != NULL writes format 2
 * (encrypted, with an HMAC) and, when reading, accepts only a format-2 file whose MAC verifies
 * with that key (an unkeyed or wrongly keyed file is OSP_EARTIFACT). key == NULL writes format 1
 * and reads format 1 as unauthenticated; a format-2 file then fails (it needs the key). meta may
 * be NULL. The unkeyed functions above are these with key == NULL. */
OSP_MUST_CHECK enum osp_code art_encode_keyed(struct osp_ctx *ctx, const struct art_key *key, const struct cache_entry *e,
                                              size_t n, time_t created, struct osp_buf *out, struct osp_err *err);
OSP_MUST_CHECK enum osp_code art_decode_keyed(struct osp_ctx *ctx, const struct art_key *key, const void *data,
                                              size_t len, struct cache_entry **out, size_t *n, struct art_meta *meta,
                                              struct osp_err *err);
OSP_MUST_CHECK enum osp_code art_write_keyed(struct osp_ctx *ctx, const struct art_key *key, const char *path,
                                             const struct cache_entry *e, size_t n, time_t created,
                                             struct osp_err *err);
OSP_MUST_CHECK enum osp_code art_read_keyed(struct osp_ctx *ctx, const struct art_key *key, const char *path,
                                            struct cache_entry **out, size_t *n, struct art_meta *meta,
                                            struct osp_err *err);

#endif
