/* files.h: reading custom check and data files for the scan catalog (folder-private).
 *
 * scan_list_files() expands a FILE or DIR argument into sorted paths whose names end with one
 * of the suffixes (never *_test.rego); folders are walked recursively with depth and count caps.
 * scan_read_file() reads a whole file (capped at 8 MiB) into a NUL-terminated malloc'd buffer.
 */
#ifndef OSPREY_SCAN_FILES_H
#define OSPREY_SCAN_FILES_H

#include <stddef.h>

#include "core/err.h"

struct scan_paths {
    char **v;
    size_t n, cap;
};

OSP_MUST_CHECK enum osp_code scan_list_files(const char *path, const char *const *suffixes, struct scan_paths *out,
                                             struct osp_err *err);
void scan_paths_cleanup(struct scan_paths *p);
OSP_MUST_CHECK enum osp_code scan_read_file(const char *path, char **out, size_t *len, struct osp_err *err);
/* 1 when path ends with one of the NULL-terminated suffixes and is not a _test.rego file. */
int scan_path_matches(const char *path, const char *const *suffixes);

#endif
