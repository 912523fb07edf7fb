/* util.c: small helpers of the credential chain: capped file reads, trimming, ~ expansion. */
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
