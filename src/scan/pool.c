/* pool.c: a list of malloc'd blocks freed together, for the catalog's strings and arrays. */
#include <stdlib.h>
#include <string.h>

#include "scan/scan_int.h"

void *scan_pool_alloc(struct scan_pool *p, size_t size)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        void **b = realloc(p->blocks, cap * sizeof(*b));
        if (!b)
            return NULL;
        p->blocks = b;
        p->cap = cap;
    }
    void *m = calloc(1, size ? size : 1);
    if (m)
        p->blocks[p->n++] = m;
    return m;
}

const char *scan_pool_strdup(struct scan_pool *p, const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s) + 1;
    char *d = scan_pool_alloc(p, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void scan_pool_free(struct scan_pool *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->blocks[i]);
    free(p->blocks);
    p->blocks = NULL;
    p->n = p->cap = 0;
}
