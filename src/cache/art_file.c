/* art_file.c: artifact files: atomic write (0600 temp file, fsync, rename) and read-only load. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache/art_int.h"
#include "core/log.h"
#include "core/safefile.h"

/* The shared safe replacement (core/safefile.h), always 0600: the artifact maps the account. */
static enum osp_code write_temp_and_rename(const char *path, const struct osp_buf *b, struct osp_err *err)
{
    struct osp_safefile sf;
    if (osp_safefile_open(path, &sf, err))
        return err->code;
    sf.mode = 0600;
    if (b->len && fwrite(b->data, 1, b->len, sf.f) != b->len) {
        osp_safefile_abort(&sf);
        return osp_err_set(err, OSP_EIO, "cannot write artifact '%s': %s", path, strerror(errno));
    }
    if (osp_safefile_commit(&sf, err))
        return (osp_err_prefix(err, "artifact: "), err->code);
    return OSP_OK;
}

enum osp_code art_write(struct osp_ctx *ctx, const char *path, const struct cache_entry *e, size_t n, time_t created,
                        struct osp_err *err)
{
    return art_write_keyed(ctx, NULL, path, e, n, created, err);
}

enum osp_code art_write_keyed(struct osp_ctx *ctx, const struct art_key *key, const char *path,
                              const struct cache_entry *e, size_t n, time_t created, struct osp_err *err)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    enum osp_code rc = art_encode_keyed(ctx, key, e, n, created, &b, err);
    if (!rc)
        rc = write_temp_and_rename(path, &b, err);
    if (!rc)
        osp_debug(ctx, "cache: wrote artifact %s (%zu entries, %zu bytes)", path, n, b.len);
    osp_buf_cleanup(&b);
    return rc;
}

/* The whole file, up to the artifact size limit. */
static enum osp_code slurp(const char *path, struct osp_buf *b, struct osp_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK); /* a FIFO must not block us */
    if (fd < 0)
        return osp_err_set(err, errno == ENOENT ? OSP_ENOTFOUND : OSP_EIO, "cannot open cache artifact '%s': %s", path,
                           strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return osp_err_set(err, OSP_EIO, "cache artifact '%s' is not a regular file", path);
    }
    osp_buf_init(b, (size_t)ART_MAX_FILE_BYTES + 1);
    char chunk[65536];
    enum osp_code rc = OSP_OK;
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof(chunk));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            rc = osp_err_set(err, OSP_EIO, "cannot read cache artifact '%s': %s", path, strerror(errno));
            break;
        }
        if (r == 0)
            break;
        if (osp_buf_add(b, chunk, (size_t)r)) {
            rc = osp_err_set(err, OSP_EARTIFACT, "cache artifact '%s': file exceeds the %u-byte limit", path,
                             ART_MAX_FILE_BYTES);
            break;
        }
    }
    close(fd);
    if (rc)
        osp_buf_cleanup(b);
    return rc;
}

enum osp_code art_read(struct osp_ctx *ctx, const char *path, struct cache_entry **out, size_t *n, struct osp_err *err)
{
    return art_read_keyed(ctx, NULL, path, out, n, NULL, err);
}

enum osp_code art_read_keyed(struct osp_ctx *ctx, const struct art_key *key, const char *path,
                             struct cache_entry **out, size_t *n, struct art_meta *meta, struct osp_err *err)
{
    struct osp_buf b;
    if (slurp(path, &b, err))
        return err->code;
    enum osp_code rc = art_decode_keyed(ctx, key, b.data, b.len, out, n, meta, err);
    osp_buf_cleanup(&b);
    if (rc) {
        osp_err_prefix(err, "cache artifact '%s': ", path);
        return rc;
    }
    osp_debug(ctx, "cache: loaded artifact %s (%zu entries)", path, *n);
    return OSP_OK;
}
