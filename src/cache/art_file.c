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

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Flush the directory so the rename survives a crash; best effort. */
static void sync_dir_of(const char *path)
{
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof(dir), ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

static enum osp_code write_temp_and_rename(const char *path, const struct osp_buf *b, struct osp_err *err)
{
    size_t tlen = strlen(path) + sizeof(".tmp.XXXXXX");
    char *tmp = malloc(tlen);
    if (!tmp)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    snprintf(tmp, tlen, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp); /* mode 0600 */
    if (fd < 0) {
        osp_err_set(err, OSP_EIO, "cannot create a temporary file beside '%s': %s", path, strerror(errno));
        free(tmp);
        return err->code;
    }
    int bad = write_all(fd, b->data, b->len) != 0 || fchmod(fd, 0600) != 0 || fsync(fd) != 0;
    int saved = errno;
    if (close(fd) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    if (!bad && rename(tmp, path) != 0) {
        bad = 1;
        saved = errno;
    }
    if (bad) {
        unlink(tmp);
        osp_err_set(err, OSP_EIO, "cannot write artifact '%s': %s", path, strerror(saved));
    } else {
        sync_dir_of(path);
    }
    free(tmp);
    return bad ? OSP_EIO : OSP_OK;
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
