/* embed.c: lookup in the table of files compiled into the binary (gen/scan_embedded.c). */
#include <string.h>

#include "scan/embed.h"

const struct scan_embedded *scan_embedded_find(const char *path)
{
    for (const struct scan_embedded *e = scan_embedded_files; e->path; e++)
        if (!strcmp(e->path, path))
            return e;
    return NULL;
}
