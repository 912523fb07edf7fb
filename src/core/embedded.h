/* embedded.h: the entry type of file tables embedded at build time (cmake/embed_files.cmake).
 * Tables end with a {NULL, NULL, 0} entry; data is NUL-terminated and static. */
#ifndef OSPREY_CORE_EMBEDDED_H
#define OSPREY_CORE_EMBEDDED_H

#include <stddef.h>

struct osp_embedded {
    const char *name; /* path relative to the embedded folder */
    const char *data;
    size_t len;
};

#endif
