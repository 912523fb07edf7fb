/* buf.c: capped growable byte buffer. */
#include "core/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

void osp_buf_init(struct osp_buf *b, size_t max)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->max = max;
}

void osp_buf_cleanup(struct osp_buf *b)
{
    free(b->data);
    osp_buf_init(b, b->max);
}

void osp_buf_reset(struct osp_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static enum osp_code grow(struct osp_buf *b, size_t need)
{
    if (b->max && need > b->max)
        return OSP_ELIMIT;
    if (need + 1 <= b->cap)
        return OSP_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return OSP_ENOMEM;
    b->data = p;
    b->cap = cap;
    return OSP_OK;
}

enum osp_code osp_buf_add(struct osp_buf *b, const void *p, size_t n)
{
    enum osp_code rc = grow(b, b->len + n);
    if (rc)
        return rc;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return OSP_OK;
}

enum osp_code osp_buf_adds(struct osp_buf *b, const char *s)
{
    return osp_buf_add(b, s, strlen(s));
}

enum osp_code osp_buf_addc(struct osp_buf *b, char c)
{
    return osp_buf_add(b, &c, 1);
}

enum osp_code osp_buf_addf(struct osp_buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        return OSP_EINTERNAL;
    }
    enum osp_code rc = grow(b, b->len + (size_t)n);
    if (rc) {
        va_end(ap2);
        return rc;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
    return OSP_OK;
}

const char *osp_buf_str(const struct osp_buf *b)
{
    return b->data ? b->data : "";
}

char *osp_buf_take(struct osp_buf *b)
{
    char *p = b->data;
    if (!p)
        p = calloc(1, 1);
    osp_buf_init(b, b->max);
    return p;
}

enum osp_code osp_buf_add_escaped(struct osp_buf *b, const char *s)
{
    enum osp_code rc = OSP_OK;
    for (const unsigned char *p = (const unsigned char *)s; *p && !rc; p++) {
        if (*p == '\n' || *p == '\r' || *p == '\t')
            rc = osp_buf_addf(b, "\\%c", *p == '\n' ? 'n' : *p == '\r' ? 'r' : 't');
        else if (*p < 0x20 || *p == 0x7f)
            rc = osp_buf_addf(b, "\\x%02x", *p);
        else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) /* C1 control, UTF-8 encoded */
            rc = osp_buf_addf(b, "\\x%02x", *++p);
        else
            rc = osp_buf_addc(b, (char)*p);
    }
    return rc;
}

char *osp_escape_controls(const char *s)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    if (osp_buf_add_escaped(&b, s ? s : "") || osp_buf_adds(&b, ""))
        osp_oom();
    return osp_buf_take(&b);
}
