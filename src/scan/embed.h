/* embed.h: the built-in checks and compliance specs compiled into the binary.
 *
 * cmake/embed.cmake generates gen/scan_embedded.c from checks/ at build time: every
 * checks/lib and checks/aws Rego files except *_test.rego, and the checks/compliance YAML specs. The table is static,
 * read-only data sorted by path and ends with a {NULL, NULL, 0} entry.
 *
 *   for (const struct scan_embedded *e = scan_embedded_files; e->path; e++) use(e->path, e->data, e->len);
 */
#ifndef OSPREY_SCAN_EMBED_H
#define OSPREY_SCAN_EMBED_H

#include <stddef.h>

struct scan_embedded {
    const char *path; /* relative to the source root: "checks/aws/iam/enforce_root_mfa.rego" */
    const char *data; /* NUL-terminated text */
    size_t len;       /* bytes, without the NUL */
};

extern const struct scan_embedded scan_embedded_files[];
extern const unsigned long scan_embedded_count;

/* The embedded file at path, or NULL. */
const struct scan_embedded *scan_embedded_find(const char *path);

#endif
