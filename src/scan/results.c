/* results.c: deny results -> raw records (message, resource ARN), and their de-duplication. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect/collect.h"
#include "core/hash.h"
#include "scan/scan_int.h"

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

enum osp_code scan_raw_add(struct scan_raw_list *l, size_t check, size_t input, const char *resource,
                           const char *message, int pass, struct osp_err *err)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        struct scan_raw *v = realloc(l->v, cap * sizeof(*v));
        if (!v)
            return osp_err_set(err, OSP_ENOMEM, "out of memory storing results");
        l->v = v;
        l->cap = cap;
    }
    struct scan_raw *r = &l->v[l->n];
    r->check = check;
    r->input = input;
    r->pass = pass;
    r->global = 0;
    r->not_evaluated = 0;
    r->key = NULL;
    r->line = 0;
    r->resource = dup_or_empty(resource);
    r->message = dup_or_empty(message);
    if (!r->resource || !r->message) {
        free(r->resource);
        free(r->message);
        return osp_err_set(err, OSP_ENOMEM, "out of memory storing results");
    }
    l->n++;
    return OSP_OK;
}

void scan_raw_cleanup(struct scan_raw_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].resource);
        free(l->v[i].message);
        free(l->v[i].key);
    }
    free(l->v);
    memset(l, 0, sizeof(*l));
}

/* qsort context: there is no qsort_r in C11, so the list is reached through the indices. */
static const struct scan_raw *sort_base;

/* The order both sorts start with: check, then resource ARN. */
static int by_check_resource(const struct scan_raw *x, const struct scan_raw *y)
{
    if (x->check != y->check)
        return x->check < y->check ? -1 : 1;
    return strcmp(x->resource, y->resource);
}

static int by_key(const void *a, const void *b)
{
    const struct scan_raw *x = &sort_base[*(const size_t *)a], *y = &sort_base[*(const size_t *)b];
    int c = by_check_resource(x, y);
    if (c)
        return c;
    if (x->pass != y->pass)
        return x->pass - y->pass; /* FAIL records first */
    if ((c = strcmp(x->key ? x->key : "", y->key ? y->key : "")) || (c = strcmp(x->message, y->message)))
        return c;
    if (x->input != y->input)
        return x->input < y->input ? -1 : 1;
    size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
    return ia < ib ? -1 : ia > ib;
}

/* Mark in drop[] every FAIL record that repeats an earlier (check, resource, key, message) (the
 * same finding seen from another region), and every PASS whose (check, resource) failed or
 * passed already, whatever part of the resource failed. Records without a resource are kept. */
static void mark_duplicates(const struct scan_raw_list *l, const size_t *idx, char *drop)
{
    for (size_t k = 1; k < l->n; k++) {
        const struct scan_raw *prev = &l->v[idx[k - 1]], *cur = &l->v[idx[k]];
        if (prev->check != cur->check || strcmp(prev->resource, cur->resource))
            continue;
        if (!*cur->resource && !cur->global)
            continue; /* a regional finding without ARN: one per region */
        if (cur->pass)
            drop[idx[k]] = 1; /* failed somewhere, or passed already: one PASS */
        else if (!strcmp(prev->key ? prev->key : "", cur->key ? cur->key : "") && !strcmp(prev->message, cur->message))
            drop[idx[k]] = 1; /* same finding seen from another region */
    }
    /* a resource does not pass a check that failed on a part of it (an API Gateway stage
     * "<api ARN>/stages/prod" of the API "<api ARN>"): its parts sort right after it */
    for (size_t k = 0; k < l->n; k++) {
        const struct scan_raw *cur = &l->v[idx[k]];
        size_t len = strlen(cur->resource);
        if (!cur->pass || !len || drop[idx[k]])
            continue;
        for (size_t j = k + 1; j < l->n; j++) {
            const struct scan_raw *part = &l->v[idx[j]];
            if (part->check != cur->check || strncmp(part->resource, cur->resource, len))
                break;
            if (part->resource[len] == '/' && !part->pass) {
                drop[idx[k]] = 1;
                break;
            }
        }
    }
}

/* Order for telling sub-findings apart: check, resource (and region input when there is no
 * resource), line, key, message. */
static int by_place(const void *a, const void *b)
{
    const struct scan_raw *x = &sort_base[*(const size_t *)a], *y = &sort_base[*(const size_t *)b];
    int c = by_check_resource(x, y);
    if (c)
        return c;
    if (!*x->resource && x->input != y->input)
        return x->input < y->input ? -1 : 1;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if ((c = strcmp(x->key ? x->key : "", y->key ? y->key : "")))
        return c;
    return strcmp(x->message, y->message);
}

static int same_place(const struct scan_raw *x, const struct scan_raw *y)
{
    return x->check == y->check && !strcmp(x->resource, y->resource) && (*x->resource || x->input == y->input);
}

/* Give two findings of one check about one resource distinct keys and lines: a key shared by
 * several messages (one NACL entry open on port 22 and on 3389) gets the message's hash
 * appended, and lines are raised past the previous one of the group. Deterministic: the
 * order is by content. */
static void disambiguate(struct scan_raw_list *l, size_t *idx)
{
    sort_base = l->v;
    qsort(idx, l->n, sizeof(*idx), by_place);
    sort_base = NULL;
    char *shared = calloc(l->n ? l->n : 1, 1); /* per position: its key is also another's */
    if (!shared)
        return;
    for (size_t k = 1; k < l->n; k++) {
        const struct scan_raw *prev = &l->v[idx[k - 1]], *cur = &l->v[idx[k]];
        if (same_place(prev, cur) && !strcmp(prev->key ? prev->key : "", cur->key ? cur->key : ""))
            shared[k - 1] = shared[k] = 1;
    }
    for (size_t k = 0; k < l->n; k++) {
        struct scan_raw *cur = &l->v[idx[k]];
        const struct scan_raw *prev = k ? &l->v[idx[k - 1]] : NULL;
        if (prev && same_place(prev, cur) && cur->line && cur->line <= prev->line)
            cur->line = prev->line + 1;
        if (!shared[k])
            continue;
        char hex[65];
        osp_sha256_hex(cur->message, strlen(cur->message), hex);
        size_t n = (cur->key ? strlen(cur->key) : 0) + 16;
        char *key = malloc(n);
        if (key) {
            snprintf(key, n, "%s#%.8s", cur->key ? cur->key : "", hex);
            free(cur->key);
            cur->key = key;
        }
    }
    free(shared);
}

void scan_raw_dedupe(struct scan_raw_list *l)
{
    if (l->n < 2)
        return;
    size_t *idx = malloc(l->n * sizeof(*idx));
    char *drop = calloc(l->n, 1);
    if (!idx || !drop) {
        free(idx);
        free(drop);
        return; /* keeping duplicates is safe; they only repeat findings */
    }
    for (size_t i = 0; i < l->n; i++)
        idx[i] = i;
    sort_base = l->v;
    qsort(idx, l->n, sizeof(*idx), by_key);
    sort_base = NULL;
    mark_duplicates(l, idx, drop);
    size_t w = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (drop[i]) {
            free(l->v[i].resource);
            free(l->v[i].message);
            free(l->v[i].key);
            continue;
        }
        l->v[w++] = l->v[i];
    }
    l->n = w;
    for (size_t i = 0; i < l->n; i++)
        idx[i] = i;
    disambiguate(l, idx);
    free(idx);
    free(drop);
}

int scan_service_is_global(const char *service)
{
    const struct col_service *svc = col_find(service);
    return svc && svc->global;
}

/* The resource ARN a cause or result object points at: metadata resource, else filepath. */
static const char *arn_of(rv obj)
{
    rv meta = rv_obj_get_s(obj, "__defsec_metadata");
    if (rv_kind(meta) != RV_OBJECT)
        meta = obj;
    rv r = rv_obj_get_s(meta, "resource");
    if (rv_kind(r) == RV_STRING && rv_len(r))
        return rv_str(r);
    r = rv_obj_get_s(meta, "filepath");
    return rv_kind(r) == RV_STRING ? rv_str(r) : "";
}

/* The metadata a result points at: a result.new object carries the cause's fields itself; a
 * [msg, cause] pair carries them in the cause. */
static rv location_of(rv result)
{
    if (rv_kind(result) == RV_ARRAY && rv_kind(rv_arr_at(result, 1)) == RV_OBJECT)
        result = rv_arr_at(result, 1);
    if (rv_kind(result) != RV_OBJECT)
        return rv_undef();
    rv meta = rv_obj_get_s(result, "__defsec_metadata");
    return rv_kind(meta) == RV_OBJECT ? meta : result;
}

enum osp_code scan_raw_locate(struct scan_raw *r, rv result, struct osp_err *err)
{
    rv meta = location_of(result);
    rv key = rv_obj_get_s(meta, "fskey"), line = rv_obj_get_s(meta, "startline");
    int64_t n = 0;
    if (rv_kind(line) == RV_NUMBER && rv_num_to_int64(line, &n) && n > 0 && n < 1000000000)
        r->line = (unsigned)n;
    if (rv_kind(key) == RV_STRING && rv_len(key)) {
        free(r->key);
        if (!(r->key = strdup(rv_str(key))))
            return osp_err_set(err, OSP_ENOMEM, "out of memory decoding a result");
    }
    return OSP_OK;
}

enum osp_code scan_result_decode(rv result, char **msg, char **resource, struct osp_err *err)
{
    const char *m = NULL, *res = "";
    char *owned = NULL;
    switch (rv_kind(result)) {
    case RV_STRING:
        m = rv_str(result);
        break;
    case RV_ARRAY:
        m = rv_kind(rv_arr_at(result, 0)) == RV_STRING ? rv_str(rv_arr_at(result, 0)) : NULL;
        if (rv_kind(rv_arr_at(result, 1)) == RV_OBJECT)
            res = arn_of(rv_arr_at(result, 1));
        break;
    case RV_OBJECT:
        m = rv_kind(rv_obj_get_s(result, "msg")) == RV_STRING ? rv_str(rv_obj_get_s(result, "msg")) : NULL;
        res = arn_of(result);
        break;
    default:
        break;
    }
    if (!m)
        m = owned = rv_json_dump(result, false);
    *msg = strdup(m ? m : "");
    *resource = strdup(res);
    free(owned);
    if (!*msg || !*resource) {
        free(*msg);
        free(*resource);
        return osp_err_set(err, OSP_ENOMEM, "out of memory decoding a result");
    }
    return OSP_OK;
}
