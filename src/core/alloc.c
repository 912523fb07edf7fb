/* alloc.c: the out-of-memory policy (alloc.h). */
#include "core/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/err.h"

void osp_oom(void)
{
    /* write(2), not stdio: nothing here may allocate */
    static const char msg[] = "osprey: out of memory\n";
    ssize_t w = write(STDERR_FILENO, msg, sizeof(msg) - 1);
    (void)w;
    _exit(osp_exit_code(OSP_ENOMEM));
}

void *osp_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        osp_oom();
    return p;
}

void *osp_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        osp_oom();
    return p;
}

void *osp_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        osp_oom();
    return q;
}

char *osp_xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d)
        osp_oom();
    return d;
}
