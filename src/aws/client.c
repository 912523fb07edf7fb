/* client.c: client lifecycle, credentials (with refresh), call parameters and counters. */
#include <stdlib.h>
#include <string.h>

#include "aws/client_int.h"
#include "core/log.h"

void aws_creds_cleanup(struct aws_creds *c)
{
    if (!c)
        return;
    free(c->session_token);
    memset(c, 0, sizeof(*c)); /* wipe the secret */
}

enum osp_code aws_creds_copy(struct aws_creds *dst, const struct aws_creds *src)
{
    memcpy(dst, src, sizeof(*dst));
    dst->session_token = NULL;
    if (src->session_token && !(dst->session_token = strdup(src->session_token)))
        return OSP_ENOMEM;
    return OSP_OK;
}

static char *dup_opt(const char *s)
{
    return s && *s ? strdup(s) : NULL;
}

enum osp_code aws_client_new(struct osp_ctx *ctx, const struct aws_client_opts *opts, struct aws_client **out,
                             struct osp_err *err)
{
    *out = NULL;
    struct aws_client *c = calloc(1, sizeof(*c));
    if (!c)
        return osp_err_set(err, OSP_ENOMEM, "out of memory creating the AWS client");
    c->ctx = ctx;
    if (opts)
        c->opts = *opts;
    if (c->opts.concurrency <= 0)
        c->opts.concurrency = 32;
    if (c->opts.timeout_ms <= 0)
        c->opts.timeout_ms = 30000;
    if (c->opts.connect_timeout_ms <= 0)
        c->opts.connect_timeout_ms = 5000;
    if (c->opts.max_attempts <= 0)
        c->opts.max_attempts = 3;
    if (c->opts.max_response_bytes == 0)
        c->opts.max_response_bytes = (size_t)64 << 20;
    if (c->opts.retry_base_delay <= 0)
        c->opts.retry_base_delay = 0.1;
    c->endpoint_url = dup_opt(c->opts.endpoint_url);
    c->profile_endpoint_url = dup_opt(c->opts.profile_endpoint_url);
    c->ca_bundle = dup_opt(c->opts.ca_bundle);
    c->opts.endpoint_url = c->endpoint_url;
    c->opts.profile_endpoint_url = c->profile_endpoint_url;
    c->opts.ca_bundle = c->ca_bundle;
    aws_quota_init(&c->quota);
    pthread_mutex_init(&c->mu, NULL);
    /* recursive: a refresh callback may call aws_call() on this client from the same thread */
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&c->creds_mu, &attr);
    pthread_mutexattr_destroy(&attr);
    pthread_cond_init(&c->cv, NULL);
    enum osp_code rc = aws_http_start(c, err);
    if (rc) {
        aws_client_free(c);
        return rc;
    }
    *out = c;
    return OSP_OK;
}

void aws_client_free(struct aws_client *c)
{
    if (!c)
        return;
    aws_http_stop(c);
    if (c->stats.requests)
        osp_debug(c->ctx, "aws: %lu HTTP requests, %lu retries, %lu throttled, %lu bytes received", c->stats.requests,
                  c->stats.retries, c->stats.throttled, c->stats.bytes_in);
    for (size_t i = 0; i < c->nrates; i++) {
        const struct aws_rate *r = &c->rates[i];
        osp_debug(c->ctx, "aws: %s: %lu requests, %lu throttled, %lu waits for the rate limit (%.2f s), rate %.1f/s of %.0f/s",
                  r->service, r->requests, r->throttles, r->waits, r->waited, r->rate, r->max);
    }
    pthread_mutex_destroy(&c->mu);
    pthread_mutex_destroy(&c->creds_mu);
    pthread_cond_destroy(&c->cv);
    aws_creds_cleanup(&c->creds);
    free(c->endpoint_url);
    free(c->profile_endpoint_url);
    free(c->ca_bundle);
    free(c);
}

struct osp_ctx *aws_client_ctx(struct aws_client *c)
{
    return c->ctx;
}

enum osp_code aws_client_set_creds(struct aws_client *c, const struct aws_creds *creds, aws_refresh_fn refresh,
                                   void *refresh_ud, struct osp_err *err)
{
    struct aws_creds copy;
    if (aws_creds_copy(&copy, creds))
        return osp_err_set(err, OSP_ENOMEM, "out of memory copying credentials");
    pthread_mutex_lock(&c->creds_mu);
    aws_creds_cleanup(&c->creds);
    c->creds = copy;
    c->have_creds = 1;
    c->refresh = refresh;
    c->refresh_ud = refresh_ud;
    pthread_mutex_unlock(&c->creds_mu);
    osp_debug(c->ctx, "aws: using credentials from provider %s", creds->provider[0] ? creds->provider : "(unnamed)");
    return OSP_OK;
}

enum osp_code aws_client_creds_snapshot(struct aws_client *c, struct aws_creds *out, struct osp_err *err)
{
    memset(out, 0, sizeof(*out));
    pthread_mutex_lock(&c->creds_mu);
    enum osp_code rc = OSP_OK;
    if (!c->have_creds) {
        rc = osp_err_set(err, OSP_ECREDS, "no AWS credentials were given to the request core");
        goto out;
    }
    time_t now = osp_now(c->ctx);
    if (c->creds.expiration && c->creds.expiration - now < 300 && c->refresh && !c->refreshing) {
        struct aws_creds fresh;
        struct osp_err rerr;
        osp_err_init(&rerr);
        memset(&fresh, 0, sizeof(fresh));
        c->refreshing = 1; /* calls made by the callback sign with the current credentials */
        enum osp_code rrc = c->refresh(c->refresh_ud, &fresh, &rerr);
        c->refreshing = 0;
        if (rrc == OSP_OK) {
            aws_creds_cleanup(&c->creds);
            c->creds = fresh;
            osp_debug(c->ctx, "aws: refreshed credentials from provider %s", fresh.provider);
        } else if (c->creds.expiration <= now) {
            rc = osp_err_set(err, rerr.code ? rerr.code : OSP_ECREDS, "credentials expired and refresh failed: %s",
                             rerr.msg);
            goto out;
        } else {
            osp_warn(c->ctx, "credential refresh failed (%s); using the current credentials until they expire",
                     rerr.msg);
        }
    }
    if (aws_creds_copy(out, &c->creds))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory copying credentials");
out:
    pthread_mutex_unlock(&c->creds_mu);
    return rc;
}

size_t aws_client_service_stats(struct aws_client *c, struct aws_service_stats *out, size_t max)
{
    pthread_mutex_lock(&c->mu);
    size_t n = c->nrates;
    for (size_t i = 0; i < n && i < max; i++) {
        const struct aws_rate *r = &c->rates[i];
        out[i] = (struct aws_service_stats){.requests = r->requests, .throttles = r->throttles, .waits = r->waits,
                                            .waited = r->waited, .rate = r->rate, .max_rate = r->max};
        snprintf(out[i].service, sizeof out[i].service, "%s", r->service);
    }
    pthread_mutex_unlock(&c->mu);
    return n;
}

void aws_client_stats(struct aws_client *c, struct aws_stats *out)
{
    pthread_mutex_lock(&c->mu);
    *out = c->stats;
    pthread_mutex_unlock(&c->mu);
}

enum osp_code aws_call_param(struct aws_call *c, const char *name, const char *value)
{
    char *v = strdup(value ? value : "");
    if (!v)
        return OSP_ENOMEM;
    for (size_t i = 0; i < c->nparams; i++) {
        if (strcmp(c->params[i].name, name) == 0) {
            free(c->params[i].value);
            c->params[i].value = v;
            return OSP_OK;
        }
    }
    if (c->nparams == c->capparams) {
        size_t cap = c->capparams ? c->capparams * 2 : 8;
        struct aws_param *p = realloc(c->params, cap * sizeof(*p));
        if (!p) {
            free(v);
            return OSP_ENOMEM;
        }
        c->params = p;
        c->capparams = cap;
    }
    char *n = strdup(name);
    if (!n) {
        free(v);
        return OSP_ENOMEM;
    }
    c->params[c->nparams].name = n;
    c->params[c->nparams].value = v;
    c->nparams++;
    return OSP_OK;
}

enum osp_code aws_call_param_list(struct aws_call *c, const char *prefix, const char *const *values, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char name[256];
        if (c->proto == AWS_PROTO_EC2)
            snprintf(name, sizeof(name), "%s.%zu", prefix, i + 1);
        else
            snprintf(name, sizeof(name), "%s.member.%zu", prefix, i + 1);
        enum osp_code rc = aws_call_param(c, name, values[i]);
        if (rc)
            return rc;
    }
    return OSP_OK;
}

void aws_call_cleanup(struct aws_call *c)
{
    for (size_t i = 0; i < c->nparams; i++) {
        free(c->params[i].name);
        free(c->params[i].value);
    }
    free(c->params);
    c->params = NULL;
    c->nparams = c->capparams = 0;
}

void aws_response_cleanup(struct aws_response *r)
{
    if (!r)
        return;
    json_decref(r->body);
    r->body = NULL;
}
