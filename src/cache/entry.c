/* entry.c: struct cache_entry lifecycle, copying, ordering and key validation. */
#include "cache/cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cache_entry_cleanup(struct cache_entry *e)
{
    if (!e)
        return;
    free(e->state_json);
    free(e->status_json);
    memset(e, 0, sizeof(*e));
}

void cache_entries_free(struct cache_entry *e, size_t n)
{
    if (!e)
        return;
    for (size_t i = 0; i < n; i++)
        cache_entry_cleanup(&e[i]);
    free(e);
}

static char *dup_or_null(const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *failed = 1;
    return d;
}

enum osp_code cache_entry_copy(struct cache_entry *dst, const struct cache_entry *src, struct osp_err *err)
{
    int failed = 0;
    struct cache_entry tmp = *src;
    tmp.state_json = dup_or_null(src->state_json, &failed);
    tmp.status_json = dup_or_null(src->status_json, &failed);
    if (failed) {
        free(tmp.state_json);
        free(tmp.status_json);
        return osp_err_set(err, OSP_ENOMEM, "out of memory copying a cache entry");
    }
    *dst = tmp;
    return OSP_OK;
}

int cache_entry_cmp(const void *a, const void *b)
{
    const struct cache_entry *x = a, *y = b;
    int c = strcmp(x->account, y->account);
    if (!c)
        c = strcmp(x->partition, y->partition);
    if (!c)
        c = strcmp(x->region, y->region);
    if (!c)
        c = strcmp(x->service, y->service);
    return c;
}

static enum osp_code set_field(char *dst, size_t cap, const char *what, const char *v, struct osp_err *err)
{
    if (!v || !*v)
        return osp_err_set(err, OSP_EUSAGE, "empty %s in a cache key", what);
    size_t len = strlen(v);
    if (len >= cap)
        return osp_err_set(err, OSP_EUSAGE, "%s '%.40s' is too long for the cache (max %zu bytes)", what, v, cap - 1);
    memcpy(dst, v, len + 1);
    return OSP_OK;
}

void cache_escape(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && k + 5 < cap; p++) {
        if (*p == '\n' || *p == '\r' || *p == '\t')
            k += (size_t)snprintf(out + k, cap - k, "\\%c", *p == '\n' ? 'n' : *p == '\r' ? 'r' : 't');
        else if (*p < 0x20 || *p >= 0x7f || *p == '\\')
            k += (size_t)snprintf(out + k, cap - k, *p == '\\' ? "\\\\" : "\\x%02x", *p);
        else
            out[k++] = (char)*p;
    }
    if (cap)
        out[k < cap ? k : cap - 1] = '\0';
}

static int key_chars_ok(const char *v, size_t max)
{
    size_t n = strlen(v);
    if (n < 1 || n > max)
        return 0;
    for (; *v; v++)
        if (!((*v >= 'a' && *v <= 'z') || (*v >= '0' && *v <= '9') || *v == '-'))
            return 0;
    return 1;
}

const char *cache_entry_key_problem(const struct cache_entry *e, const char **value)
{
    size_t n = strlen(e->account);
    int digits = n == 12;
    for (size_t i = 0; digits && i < n; i++)
        digits = e->account[i] >= '0' && e->account[i] <= '9';
    const char *what = !digits                           ? "account (not 12 digits)"
                       : !key_chars_ok(e->partition, 15) ? "partition"
                       : !key_chars_ok(e->region, 31)    ? "region"
                       : !key_chars_ok(e->service, 31)   ? "service"
                                                         : NULL;
    if (value)
        *value = !what ? NULL
                 : what[0] == 'a' ? e->account
                 : what[0] == 'p' ? e->partition
                 : what[0] == 'r' ? e->region
                                  : e->service;
    return what;
}

enum osp_code cache_entry_check_key(const struct cache_entry *e, enum osp_code code, const char *context,
                                    struct osp_err *err)
{
    const char *v = NULL, *what = cache_entry_key_problem(e, &v);
    if (!what)
        return OSP_OK;
    char esc[200];
    cache_escape(v, esc, sizeof(esc));
    return osp_err_set(err, code, "%sinvalid %s '%s' in a cache key (accounts are 12 digits; partitions, regions "
                       "and services are 1-31 of a-z, 0-9 and '-')",
                       context, what, esc);
}

enum osp_code cache_entry_set_key(struct cache_entry *e, const char *account, const char *partition, const char *region,
                                  const char *service, struct osp_err *err)
{
    enum osp_code rc = set_field(e->account, sizeof(e->account), "account", account, err);
    if (!rc)
        rc = set_field(e->partition, sizeof(e->partition), "partition", partition, err);
    if (!rc)
        rc = set_field(e->region, sizeof(e->region), "region", region, err);
    if (!rc)
        rc = set_field(e->service, sizeof(e->service), "service", service, err);
    if (!rc)
        rc = cache_entry_check_key(e, OSP_EUSAGE, "", err);
    return rc;
}
