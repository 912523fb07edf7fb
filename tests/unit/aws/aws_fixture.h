/* aws_fixture.h: read a recorded response from tests/fixtures/aws/ (unit tests only). */
#ifndef OSPREY_TESTS_AWS_FIXTURE_H
#define OSPREY_TESTS_AWS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"

/* Whole file, NUL-terminated (caller frees); NULL when missing. */
static inline char *aws_fixture(const char *name, size_t *len)
{
    const char *src = getenv("OSPREY_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof(path), "%s/tests/fixtures/aws/%s", src && *src ? src : ".", name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "fixture missing: %s\n", path);
        return NULL;
    }
    struct osp_buf b;
    osp_buf_init(&b, 0);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if (osp_buf_add(&b, chunk, n))
            break;
    fclose(f);
    if (len)
        *len = b.len;
    return osp_buf_take(&b);
}

#endif
