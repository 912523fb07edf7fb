/* safefile.c: atomic file replacement (mkstemp beside the target, fsync, rename). */
#include "core/safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *kind(mode_t m)
{
    if (S_ISDIR(m))
        return "a directory";
    if (S_ISFIFO(m))
        return "a FIFO";
    if (S_ISCHR(m) || S_ISBLK(m))
        return "a device";
    if (S_ISSOCK(m))
        return "a socket";
    return "not a regular file";
}

/* Flush the directory so the rename survives a crash; best effort. */
static void sync_dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(dir);
}

enum osp_code osp_safefile_open(const char *path, struct osp_safefile *sf, struct osp_err *err)
{
    memset(sf, 0, sizeof(*sf));
    struct stat st;
    sf->mode = 0600;
    if (lstat(path, &st) == 0) {
        if (S_ISREG(st.st_mode))
            sf->mode = st.st_mode & 07777;
        else if (!S_ISLNK(st.st_mode))
            return osp_err_set(err, OSP_EIO, "refusing to write '%s': it is %s, not a regular file", path,
                               kind(st.st_mode));
    } else if (errno != ENOENT) {
        return osp_err_set(err, OSP_EIO, "cannot write '%s': %s", path, strerror(errno));
    }
    size_t n = strlen(path) + sizeof(".tmp.XXXXXX");
    sf->path = strdup(path);
    sf->tmp = malloc(n);
    if (!sf->path || !sf->tmp) {
        osp_safefile_abort(sf);
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    snprintf(sf->tmp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(sf->tmp); /* O_CREAT|O_EXCL, mode 0600: never follows a planted name */
    if (fd < 0) {
        int e = errno;
        free(sf->tmp);
        sf->tmp = NULL;
        osp_safefile_abort(sf);
        return osp_err_set(err, OSP_EIO, "cannot create a temporary file beside '%s': %s", path, strerror(e));
    }
    sf->f = fdopen(fd, "wb");
    if (!sf->f) {
        close(fd);
        osp_safefile_abort(sf);
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    return OSP_OK;
}

enum osp_code osp_safefile_commit(struct osp_safefile *sf, struct osp_err *err)
{
    int bad = fflush(sf->f) != 0 || ferror(sf->f) || fchmod(fileno(sf->f), sf->mode) != 0 || fsync(fileno(sf->f)) != 0;
    int saved = errno;
    if (fclose(sf->f) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    sf->f = NULL;
    if (!bad && rename(sf->tmp, sf->path) != 0) {
        bad = 1;
        saved = errno;
    }
    if (bad) {
        osp_err_set(err, OSP_EIO, "cannot write '%s': %s", sf->path, strerror(saved));
        osp_safefile_abort(sf);
        return OSP_EIO;
    }
    sync_dir_of(sf->path);
    free(sf->tmp);
    free(sf->path);
    memset(sf, 0, sizeof(*sf));
    return OSP_OK;
}

void osp_safefile_abort(struct osp_safefile *sf)
{
    if (sf->f)
        fclose(sf->f);
    if (sf->tmp)
        unlink(sf->tmp);
    free(sf->tmp);
    free(sf->path);
    memset(sf, 0, sizeof(*sf));
}
