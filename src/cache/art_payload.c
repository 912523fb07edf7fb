/* art_payload.c: the artifact's entry records: big-endian fields, strict bounded parsing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/art_int.h"
#include "core/alloc.h"

int art_rd_bytes(struct art_rd *r, size_t n, const uint8_t **v)
{
    if (r->len - r->off < n)
        return 0;
    *v = r->p + r->off;
    r->off += n;
    return 1;
}

int art_rd_u8(struct art_rd *r, uint8_t *v)
{
    const uint8_t *p;
    if (!art_rd_bytes(r, 1, &p))
        return 0;
    *v = p[0];
    return 1;
}

int art_rd_u32(struct art_rd *r, uint32_t *v)
{
    const uint8_t *p;
    if (!art_rd_bytes(r, 4, &p))
        return 0;
    *v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    return 1;
}

int art_rd_u64(struct art_rd *r, uint64_t *v)
{
    uint32_t hi, lo;
    if (!art_rd_u32(r, &hi) || !art_rd_u32(r, &lo))
        return 0;
    *v = (uint64_t)hi << 32 | lo;
    return 1;
}

enum osp_code art_put_u8(struct osp_buf *b, uint8_t v)
{
    return osp_buf_add(b, &v, 1);
}

enum osp_code art_put_u32(struct osp_buf *b, uint32_t v)
{
    uint8_t p[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    return osp_buf_add(b, p, 4);
}

enum osp_code art_put_u64(struct osp_buf *b, uint64_t v)
{
    enum osp_code rc = art_put_u32(b, (uint32_t)(v >> 32));
    return rc ? rc : art_put_u32(b, (uint32_t)v);
}

enum osp_code art_put_str8(struct osp_buf *b, const char *s)
{
    size_t n = strlen(s);
    if (n > 255)
        return OSP_ELIMIT;
    enum osp_code rc = art_put_u8(b, (uint8_t)n);
    return rc ? rc : osp_buf_add(b, s, n);
}

enum osp_code art_put_str32(struct osp_buf *b, const char *s)
{
    size_t n = strlen(s);
    if (n > UINT32_MAX)
        return OSP_ELIMIT;
    enum osp_code rc = art_put_u32(b, (uint32_t)n);
    return rc ? rc : osp_buf_add(b, s, n);
}

static enum osp_code put_entry(struct osp_buf *b, const struct cache_entry *e)
{
    if ((e->status_json && strlen(e->status_json) > ART_MAX_ENTRY_BYTES) || strlen(e->state_json) > ART_MAX_ENTRY_BYTES)
        return OSP_ELIMIT;
    enum osp_code rc = art_put_str8(b, e->account);
    if (!rc)
        rc = art_put_str8(b, e->partition);
    if (!rc)
        rc = art_put_str8(b, e->region);
    if (!rc)
        rc = art_put_str8(b, e->service);
    if (!rc)
        rc = art_put_u64(b, (uint64_t)(int64_t)e->collected_at);
    if (!rc)
        rc = art_put_str8(b, e->osprey_version);
    if (!rc)
        rc = art_put_u32(b, (uint32_t)(int32_t)e->schema_version);
    if (!rc)
        rc = art_put_u8(b, e->status_json ? 1 : 0);
    if (!rc && e->status_json)
        rc = art_put_str32(b, e->status_json);
    if (!rc)
        rc = art_put_str32(b, e->state_json);
    return rc;
}

enum osp_code art_payload_build(const struct cache_entry *const *sorted, size_t n, struct osp_buf *out,
                                struct osp_err *err)
{
    for (size_t i = 0; i < n; i++) {
        enum osp_code rc = put_entry(out, sorted[i]);
        if (rc == OSP_ELIMIT)
            return osp_err_set(err, OSP_ELIMIT,
                               "cache entries exceed the artifact size limits (%u MiB in all, %u MiB per entry; %s/%s/%s "
                               "was the last tried)",
                               ART_MAX_PAYLOAD_BYTES >> 20, ART_MAX_ENTRY_BYTES >> 20, sorted[i]->region,
                               sorted[i]->service, sorted[i]->account);
        if (rc)
            return osp_err_set(err, rc, "out of memory building the artifact");
    }
    return OSP_OK;
}

/* A short string field into a fixed array: non-empty when required, no NUL, fits. */
static int rd_field(struct art_rd *r, char *dst, size_t cap, int required)
{
    uint8_t n;
    const uint8_t *p;
    if (!art_rd_u8(r, &n) || n >= cap || (required && n == 0) || !art_rd_bytes(r, n, &p) || memchr(p, 0, n))
        return 0;
    memcpy(dst, p, n);
    dst[n] = '\0';
    return 1;
}

/* 1 ok, 0 malformed, -2 longer than ART_MAX_ENTRY_BYTES */
static int rd_text(struct art_rd *r, char **dst)
{
    uint32_t n;
    const uint8_t *p;
    if (!art_rd_u32(r, &n))
        return 0;
    if (n > ART_MAX_ENTRY_BYTES)
        return -2;
    if (!art_rd_bytes(r, n, &p) || memchr(p, 0, n))
        return 0;
    *dst = osp_xmalloc((size_t)n + 1);
    memcpy(*dst, p, n);
    (*dst)[n] = '\0';
    return 1;
}

/* 1 ok, 0 malformed, -2 a text over the per-entry limit */
static int rd_entry(struct art_rd *r, struct cache_entry *e)
{
    uint64_t t;
    uint32_t schema;
    uint8_t has_status;
    if (!rd_field(r, e->account, sizeof(e->account), 1) || !rd_field(r, e->partition, sizeof(e->partition), 1) ||
        !rd_field(r, e->region, sizeof(e->region), 1) || !rd_field(r, e->service, sizeof(e->service), 1) ||
        !art_rd_u64(r, &t) || !rd_field(r, e->osprey_version, sizeof(e->osprey_version), 0) ||
        !art_rd_u32(r, &schema) || !art_rd_u8(r, &has_status) || has_status > 1)
        return 0;
    e->collected_at = (time_t)(int64_t)t;
    e->schema_version = (int)(int32_t)schema;
    int ok = 1;
    if (has_status)
        ok = rd_text(r, &e->status_json);
    if (ok == 1)
        ok = rd_text(r, &e->state_json);
    e->size = e->state_json ? strlen(e->state_json) : 0;
    return ok;
}

enum osp_code art_payload_parse(const uint8_t *p, size_t len, uint32_t n, struct cache_entry **out, struct osp_err *err)
{
    struct art_rd r = {p, len, 0};
    struct cache_entry *arr = calloc(n ? n : 1, sizeof(*arr));
    if (!arr)
        return osp_err_set(err, OSP_ENOMEM, "out of memory loading the artifact");
    const char *why = NULL;
    uint32_t i;
    for (i = 0; i < n && !why; i++) {
        int ok = rd_entry(&r, &arr[i]);
        if (ok < 0) {
            enum osp_code rc = osp_err_set(
                err, OSP_EARTIFACT, "entry %u (%s/%s/%s) is larger than the per-entry limit of %u MiB (refused)", i,
                cache_entry_key_problem(&arr[i], NULL) ? "?" : arr[i].region,
                cache_entry_key_problem(&arr[i], NULL) ? "?" : arr[i].service,
                cache_entry_key_problem(&arr[i], NULL) ? "?" : arr[i].account, ART_MAX_ENTRY_BYTES >> 20);
            cache_entries_free(arr, i + 1);
            return rc;
        }
        if (!ok)
            why = "malformed entry record";
        else if (cache_entry_key_problem(&arr[i], NULL)) {
            char ctx[48];
            snprintf(ctx, sizeof(ctx), "corrupted entry %u: ", i);
            enum osp_code rc = cache_entry_check_key(&arr[i], OSP_EARTIFACT, ctx, err);
            cache_entries_free(arr, i + 1);
            return rc;
        } else if (i > 0 && cache_entry_cmp(&arr[i - 1], &arr[i]) >= 0)
            why = "entries out of order or duplicated";
    }
    if (!why && r.off != r.len)
        why = "trailing bytes after the last entry";
    if (why) {
        cache_entries_free(arr, i);
        return osp_err_set(err, OSP_EARTIFACT, "corrupted (%s in entry %u)", why, i);
    }
    *out = arr;
    return OSP_OK;
}
