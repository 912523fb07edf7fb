/* files.c: read custom check files and folders (--config-check, --config-data) safely. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scan/files.h"

#define FILE_MAX_BYTES (8u << 20)
#define DIR_MAX_DEPTH 16
#define DIR_MAX_FILES 10000

enum osp_code scan_read_file(const char *path, char **out, size_t *len, struct osp_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return osp_err_set(err, OSP_ECONFIG, "cannot open '%s': %s", path, strerror(errno));
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0 || n > FILE_MAX_BYTES)
            break;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf)
        return osp_err_set(err, OSP_ENOMEM, "out of memory reading '%s'", path);
    if (bad || n > FILE_MAX_BYTES) {
        free(buf);
        return osp_err_set(err, bad ? OSP_EIO : OSP_ELIMIT, bad ? "cannot read '%s'" : "'%s' is larger than 8 MiB",
                           path);
    }
    buf[n] = 0;
    *out = buf;
    *len = n;
    return OSP_OK;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

int scan_path_matches(const char *path, const char *const *suffixes)
{
    if (has_suffix(path, "_test.rego"))
        return 0;
    for (size_t i = 0; suffixes[i]; i++)
        if (has_suffix(path, suffixes[i]))
            return 1;
    return 0;
}

static enum osp_code push(struct scan_paths *p, const char *path, struct osp_err *err)
{
    if (p->n >= DIR_MAX_FILES)
        return osp_err_set(err, OSP_ELIMIT, "more than %d files under the given folder", DIR_MAX_FILES);
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        char **v = realloc(p->v, cap * sizeof(*v));
        if (!v)
            return osp_err_set(err, OSP_ENOMEM, "out of memory listing files");
        p->v = v;
        p->cap = cap;
    }
    if (!(p->v[p->n] = strdup(path)))
        return osp_err_set(err, OSP_ENOMEM, "out of memory listing files");
    p->n++;
    return OSP_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static enum osp_code walk(const char *dir, const char *const *suffixes, int depth, struct scan_paths *p,
                          struct osp_err *err)
{
    if (depth > DIR_MAX_DEPTH)
        return osp_err_set(err, OSP_ELIMIT, "'%s' is nested more than %d folders deep", dir, DIR_MAX_DEPTH);
    DIR *d = opendir(dir);
    if (!d)
        return osp_err_set(err, OSP_ECONFIG, "cannot open folder '%s': %s", dir, strerror(errno));
    enum osp_code rc = OSP_OK;
    struct dirent *de;
    while (!rc && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(de->d_name) + 2;
        char *path = malloc(n);
        if (!path) {
            rc = osp_err_set(err, OSP_ENOMEM, "out of memory listing '%s'", dir);
            break;
        }
        snprintf(path, n, "%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            rc = walk(path, suffixes, depth + 1, p, err);
        else if (scan_path_matches(path, suffixes))
            rc = push(p, path, err);
        free(path);
    }
    closedir(d);
    return rc;
}

enum osp_code scan_list_files(const char *path, const char *const *suffixes, struct scan_paths *out,
                              struct osp_err *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return osp_err_set(err, OSP_ECONFIG, "cannot read '%s': %s", path, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return push(out, path, err);
    size_t first = out->n;
    enum osp_code rc = walk(path, suffixes, 0, out, err);
    if (!rc)
        qsort(out->v + first, out->n - first, sizeof(*out->v), cmp_str);
    return rc;
}

void scan_paths_cleanup(struct scan_paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    memset(p, 0, sizeof(*p));
}
