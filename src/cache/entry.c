/* entry.c: struct cache_entry lifecycle, copying, ordering and key validation. */
#include "cache/cache.h"

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
    return rc;
}
