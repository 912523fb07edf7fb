/* util.c: small helpers of the credential chain: capped file reads, trimming, ~ expansion, SHA-1. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "creds/creds_int.h"

enum osp_code cred_read_file(const char *path, size_t cap, char **out, struct osp_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return osp_err_set(err, OSP_EIO, "cannot read %s: %s", path, strerror(errno));
    struct osp_buf b;
    osp_buf_init(&b, cap);
    char chunk[4096];
    size_t n;
    enum osp_code rc = OSP_OK;
    while (!rc && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if (osp_buf_add(&b, chunk, n))
            rc = osp_err_set(err, OSP_ELIMIT, "%s is larger than %zu bytes (is it the right file?)", path, cap);
    if (!rc && ferror(f))
        rc = osp_err_set(err, OSP_EIO, "error reading %s", path);
    fclose(f);
    if (rc) {
        osp_buf_cleanup(&b);
        return rc;
    }
    if (!b.data && osp_buf_adds(&b, "")) {
        osp_buf_cleanup(&b);
        return osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", path);
    }
    *out = osp_buf_take(&b);
    return *out ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", path);
}

char *cred_trim(char *s)
{
    char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    size_t n = strlen(p);
    while (n && isspace((unsigned char)p[n - 1]))
        n--;
    memmove(s, p, n);
    s[n] = 0;
    return s;
}

int cred_copy(char *dst, size_t dstlen, const char *src)
{
    size_t n = strlen(src);
    if (n >= dstlen) {
        if (dstlen)
            dst[0] = 0;
        return -1;
    }
    memcpy(dst, src, n + 1);
    return 0;
}

char *cred_expand_home(const struct osp_ctx *ctx, const char *path)
{
    const char *home = osp_getenv_nonempty(ctx, "HOME");
    if (path[0] != '~' || (path[1] && path[1] != '/') || !home)
        return strdup(path);
    size_t hn = strlen(home), pn = strlen(path + 1);
    char *p = malloc(hn + pn + 1);
    if (p) {
        memcpy(p, home, hn);
        memcpy(p + hn, path + 1, pn + 1);
    }
    return p;
}

/* ---- SHA-1 (FIPS 180-4), only to name the SSO token cache file as the AWS CLI does ---- */
struct sha1 {
    uint32_t h[5];
    uint64_t len;
    uint8_t block[64];
    size_t used;
};

static uint32_t rol(uint32_t x, int n)
{
    return (x << n) | (x >> (32 - n));
}

static void sha1_block(struct sha1 *s, const uint8_t *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5A827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ED9EBA1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8F1BBCDC;
        } else {
            f = b ^ c ^ d;
            k = 0xCA62C1D6;
        }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = t;
    }
    s->h[0] += a;
    s->h[1] += b;
    s->h[2] += c;
    s->h[3] += d;
    s->h[4] += e;
}

static void sha1_add(struct sha1 *s, const uint8_t *p, size_t n)
{
    s->len += n;
    while (n--) {
        s->block[s->used++] = *p++;
        if (s->used == 64) {
            sha1_block(s, s->block);
            s->used = 0;
        }
    }
}

void cred_sha1_hex(const void *data, size_t len, char out[41])
{
    struct sha1 s = {{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0}, 0, {0}, 0};
    sha1_add(&s, data, len);
    uint64_t bits = s.len * 8;
    uint8_t pad = 0x80, zero = 0;
    sha1_add(&s, &pad, 1);
    while (s.used != 56)
        sha1_add(&s, &zero, 1);
    uint8_t lenb[8];
    for (int i = 0; i < 8; i++)
        lenb[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha1_add(&s, lenb, 8);
    uint8_t digest[20];
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 4; j++)
            digest[4 * i + j] = (uint8_t)(s.h[i] >> (24 - 8 * j));
    osp_hex(digest, 20, out);
}
