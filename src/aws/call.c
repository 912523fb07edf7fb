/* call.c: aws_call(): build, sign, send with standard-mode retries, parse; and aws_http_simple(). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aws/awserr.h"
#include "aws/client_int.h"
#include "aws/endpoint.h"
#include "aws/proto.h"
#include "aws/sigv4.h"
#include "core/log.h"

#define MAX_EXTRA_HEADERS 16

static void sleep_seconds(double s)
{
    if (s <= 0)
        return;
    struct timespec ts = {(time_t)s, (long)((s - floor(s)) * 1e9)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

struct attempt {
    struct aws_client *c;
    const struct aws_call *call;
    const struct aws_endpoint *ep;
    const struct aws_req *req;
    const struct aws_creds *creds; /* NULL: anonymous */
    char url[2048];
    double sent_at; /* when this attempt left the rate limit (monotonic s) */
};

/* Split "Name: value" header lines of the call into name/value pairs (in line storage). */
static size_t split_headers(const char *const *lines, char store[][512], struct aws_sigv4_hdr *out)
{
    size_t n = 0;
    for (size_t i = 0; lines && lines[i] && n < MAX_EXTRA_HEADERS; i++) {
        snprintf(store[n], 512, "%s", lines[i]);
        char *colon = strchr(store[n], ':');
        if (!colon)
            continue;
        *colon = '\0';
        char *v = colon + 1;
        while (*v == ' ')
            v++;
        out[n].name = store[n];
        out[n].value = v;
        n++;
    }
    return n;
}

static enum osp_code add_headers(struct aws_xfer *x, const struct aws_sigv4_hdr *h, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char line[8192];
        snprintf(line, sizeof(line), "%s: %s", h[i].name, h[i].value);
        if (aws_xfer_header(x, line))
            return OSP_ENOMEM;
    }
    return OSP_OK;
}

/* Sign (unless anonymous) and send one attempt. OSP_OK: some HTTP response arrived. */
static enum osp_code send_once(struct attempt *a, struct aws_xfer *x, struct osp_err *err)
{
    const struct aws_req *r = a->req;
    struct aws_sigv4_hdr h[MAX_EXTRA_HEADERS + 4];
    char store[MAX_EXTRA_HEADERS][512];
    size_t n = 0;
    h[n++] = (struct aws_sigv4_hdr){"Host", a->ep->host};
    if (r->content_type)
        h[n++] = (struct aws_sigv4_hdr){"Content-Type", r->content_type};
    if (a->call->proto == AWS_PROTO_JSON && a->call->action)
        h[n++] = (struct aws_sigv4_hdr){"X-Amz-Target", a->call->action};
    n += split_headers(a->call->headers, store, h + n);
    enum osp_code rc = add_headers(x, h, n);
    if (!rc && !r->content_type)
        rc = aws_xfer_header(x, "Content-Type:");
    if (!rc)
        rc = aws_xfer_header(x, "Expect:");
    if (!rc)
        rc = aws_xfer_header(x, "User-Agent: osprey/0.1 (+aws request core)");
    if (rc)
        return osp_err_set(err, rc, "out of memory building request headers");
    if (a->creds) {
        int rest = a->call->proto == AWS_PROTO_RESTXML || a->call->proto == AWS_PROTO_RESTJSON;
        pthread_mutex_lock(&a->c->mu);
        double skew = a->c->skew;
        pthread_mutex_unlock(&a->c->mu);
        struct aws_sigv4_input in = {
            .method = r->method,
            .path = osp_buf_str(&r->path),
            .query = rest ? a->call->params : NULL,
            .nquery = rest ? a->call->nparams : 0,
            .headers = h,
            .nheaders = n,
            .body = r->body.data,
            .bodylen = r->body.len,
            .access_key = a->creds->access_key_id,
            .secret_key = a->creds->secret_access_key,
            .session_token = a->creds->session_token,
            .region = a->ep->signing_region,
            .service = a->ep->signing_name,
            .when = osp_now(a->c->ctx) + (time_t)llround(skew),
            .normalize_path = !r->s3,
            .double_encode = !r->s3,
            .add_content_sha256 = r->s3,
        };
        struct aws_sigv4_out so;
        rc = aws_sigv4_sign_header(&in, &so, err);
        if (rc)
            return rc;
        rc = add_headers(x, so.add, so.nadd);
        aws_sigv4_out_cleanup(&so);
        if (rc)
            return osp_err_set(err, rc, "out of memory building request headers");
    }
    x->method = r->method;
    x->url = a->url;
    x->body = r->body.data;
    x->bodylen = r->body.len;
    return aws_http_perform(a->c, x);
}

/* Remember how far the server's clock is from ours (from its Date header). */
static int note_skew(struct aws_client *c, const struct aws_xfer *x)
{
    long long server = aws_http_parse_date(x->date);
    if (server < 0)
        return 0;
    double skew = (double)(server - (long long)osp_now(c->ctx));
    pthread_mutex_lock(&c->mu);
    double old = c->skew;
    c->skew = fabs(skew) > 60 ? skew : 0;
    pthread_mutex_unlock(&c->mu);
    return fabs(skew - old) > 60;
}

struct outcome {
    enum osp_code rc; /* transport result */
    enum aws_retry_kind kind;
    int skew_retry;
};

/* Read one attempt's result into resp. Returns 1 when the call is finished successfully. */
static int judge(struct attempt *a, struct aws_xfer *x, struct aws_response *resp, struct outcome *o,
                 struct osp_err *perr)
{
    resp->http_status = (int)x->status;
    o->kind = AWS_RETRY_NO;
    o->skew_retry = 0;
    if (o->rc != OSP_OK) {
        o->kind = x->permanent            ? AWS_RETRY_NO
                  : o->rc == OSP_ETIMEOUT ? AWS_RETRY_TIMEOUT
                  : o->rc == OSP_ENET     ? AWS_RETRY_TRANSIENT
                                          : AWS_RETRY_NO;
        return 0;
    }
    if (x->status >= 200 && x->status < 300) {
        o->rc = aws_proto_parse_body(a->call->proto, osp_buf_str(&x->resp), x->resp.len, a->c->opts.max_response_bytes,
                                     &resp->body, perr);
        memset(&resp->error, 0, sizeof(resp->error));
        return o->rc == OSP_OK;
    }
    aws_error_parse(osp_buf_str(&x->resp), x->resp.len, x->error_type[0] ? x->error_type : NULL,
                    x->request_id[0] ? x->request_id : NULL, (int)x->status, &resp->error);
    if (a->call->allow_404 && x->status == 404)
        return 1;
    int skewed = note_skew(a->c, x);
    if (aws_error_is_skew(resp->error.code) && (strcmp(resp->error.code, "InvalidSignatureException") != 0 || skewed))
        o->skew_retry = 1;
    o->kind = aws_retry_classify(resp->error.code, (int)x->status);
    return 0;
}

static void fail_message(struct attempt *a, struct aws_xfer *x, struct aws_response *resp, struct outcome *o,
                         struct osp_err *err)
{
    if (o->rc == OSP_OK && resp->error.code[0]) {
        aws_error_to_err(&resp->error, err);
        return;
    }
    if (x->permanent)
        osp_err_set(err, OSP_ENET, "cannot connect to %s: %s", a->ep->url, x->errmsg);
    else if (o->rc == OSP_ETIMEOUT || o->rc == OSP_ENET)
        osp_err_set(err, OSP_ENET, "cannot reach %s: %s (check --endpoint and network access)", a->ep->url, x->errmsg);
    /* AWS's own endpoint name does not resolve: the service is not offered in that region (callers
     * report it as not available, aws_error_is_unsupported). A custom endpoint stays a failure. */
    if (o->rc == OSP_ENET && x->no_host && !a->ep->custom)
        snprintf(err->aws_code, sizeof err->aws_code, "%s", "EndpointNotFound");
    else if (o->rc == OSP_ELIMIT)
        osp_err_set(err, OSP_ELIMIT, "%s %s: %s", a->call->service, a->call->action ? a->call->action : "", x->errmsg);
    else
        osp_err_set(err, o->rc, "%s %s: the response could not be read", a->call->service,
                    a->call->action ? a->call->action : "");
}

/* May we retry? Takes quota and sleeps the backoff when yes. */
static int may_retry(struct attempt *a, struct aws_response *resp, struct outcome *o, int attempt, int *cost)
{
    struct aws_client *c = a->c;
    if (o->skew_retry) {
        osp_debug(c->ctx, "aws: clock skew detected (%s); re-signing %s %s", resp->error.code, a->call->service,
                  a->call->action ? a->call->action : "");
        return attempt < c->opts.max_attempts + 1;
    }
    /* A throttling answer asks us to slow down, and the rate limit has (see rate_outcome): it gets
     * more attempts than other errors, so a busy account is scanned late rather than partly. */
    int cap = o->kind == AWS_RETRY_THROTTLE && c->opts.max_attempts < AWS_THROTTLE_ATTEMPTS ? AWS_THROTTLE_ATTEMPTS
                                                                                            : c->opts.max_attempts;
    if (o->kind == AWS_RETRY_NO || attempt >= cap)
        return 0;
    pthread_mutex_lock(&c->mu);
    int got = aws_quota_acquire(&c->quota, o->kind);
    double delay = got ? aws_retry_delay(c->ctx, c->opts.retry_base_delay, attempt) : 0;
    if (got)
        c->stats.retries++;
    pthread_mutex_unlock(&c->mu);
    const char *why = resp->error.code[0]            ? resp->error.code
                      : o->kind == AWS_RETRY_TIMEOUT ? "timeout"
                                                     : "network error";
    if (!got) {
        osp_debug(c->ctx, "aws: retry quota exhausted; not retrying %s %s after %s", a->call->service,
                  a->call->action ? a->call->action : "", why);
        return 0;
    }
    *cost = got;
    osp_debug(c->ctx, "aws: retry %d of %s %s after %s (HTTP %d), backoff %.3fs", attempt, a->call->service,
              a->call->action ? a->call->action : "", why, resp->http_status, delay);
    sleep_seconds(delay);
    return 1;
}

/* Under mu: the rate bucket of a service (created on first use; NULL when the table is full). */
static struct aws_rate *rate_of(struct aws_client *c, const char *service)
{
    for (size_t i = 0; i < c->nrates; i++)
        if (strcmp(c->rates[i].service, service) == 0)
            return &c->rates[i];
    if (c->nrates == AWS_MAX_SERVICES)
        return NULL;
    aws_rate_init(&c->rates[c->nrates], service, osp_now_monotonic(c->ctx));
    return &c->rates[c->nrates++];
}

/* Wait for the service's rate limit (on this worker thread, never the I/O thread). */
static void rate_wait(struct attempt *a)
{
    struct aws_client *c = a->c;
    pthread_mutex_lock(&c->mu);
    struct aws_rate *r = rate_of(c, a->call->service ? a->call->service : "");
    double wait = 0;
    if (r) {
        r->requests++;
        wait = aws_rate_take(r, osp_now_monotonic(c->ctx));
    }
    pthread_mutex_unlock(&c->mu);
    if (wait > 0) {
        osp_debug(c->ctx, "aws: %s rate limit: waiting %.3f s", a->call->service, wait);
        sleep_seconds(wait);
    }
    a->sent_at = osp_now_monotonic(c->ctx);
}

static void rate_outcome(struct attempt *a, int throttled)
{
    struct aws_client *c = a->c;
    pthread_mutex_lock(&c->mu);
    struct aws_rate *r = rate_of(c, a->call->service ? a->call->service : "");
    if (r && throttled) {
        aws_rate_throttled(r, a->sent_at, osp_now_monotonic(c->ctx));
        osp_debug(c->ctx, "aws: %s throttled: client rate now %.1f/s", r->service, r->rate);
    } else if (r)
        aws_rate_ok(r, osp_now_monotonic(c->ctx));
    pthread_mutex_unlock(&c->mu);
}

static enum osp_code run_attempts(struct attempt *a, struct aws_response *resp, struct osp_err *err)
{
    struct aws_client *c = a->c;
    int cost = 0;
    for (int attempt = 1;; attempt++) {
        struct aws_xfer x;
        aws_xfer_init(&x, c->opts.max_response_bytes);
        struct outcome o = {0};
        struct osp_err perr;
        osp_err_init(&perr);
        rate_wait(a);
        o.rc = send_once(a, &x, &perr);
        if (o.rc == OSP_ENOMEM || o.rc == OSP_EINTERNAL) {
            aws_xfer_cleanup(&x);
            osp_err_set(err, o.rc, "%s", perr.msg[0] ? perr.msg : x.errmsg);
            return o.rc;
        }
        resp->attempts = attempt;
        memset(&resp->error, 0, sizeof(resp->error)); /* describe this attempt, not an earlier one */
        int ok = judge(a, &x, resp, &o, &perr);
        int throttled = (resp->error.code[0] && aws_retry_is_throttle_code(resp->error.code)) || resp->http_status == 429;
        if (throttled) {
            resp->throttled++;
            pthread_mutex_lock(&c->mu);
            c->stats.throttled++;
            pthread_mutex_unlock(&c->mu);
        }
        if (o.rc == OSP_OK)
            rate_outcome(a, throttled);
        if (ok || (o.rc != OSP_OK && perr.code)) {
            aws_xfer_cleanup(&x);
            if (!ok)
                return osp_err_set(err, perr.code, "%s %s: %s", a->call->service,
                                   a->call->action ? a->call->action : "", perr.msg);
            pthread_mutex_lock(&c->mu);
            aws_quota_success(&c->quota, cost);
            pthread_mutex_unlock(&c->mu);
            return OSP_OK;
        }
        if (!may_retry(a, resp, &o, attempt, &cost)) {
            fail_message(a, &x, resp, &o, err);
            aws_xfer_cleanup(&x);
            return err->code ? err->code : OSP_EAWS;
        }
        aws_xfer_cleanup(&x);
    }
}

static void log_call(struct attempt *a, const struct aws_response *resp, enum osp_code rc)
{
    osp_debug(a->c->ctx, "aws: %s %s %s %s -> %d%s%s (%.0f ms, %d attempt%s, %d retr%s)%s", a->call->service,
              a->req->method, a->ep->host, a->call->action ? a->call->action : "", resp->http_status,
              resp->error.code[0] ? " " : "", resp->error.code, resp->latency * 1000.0, resp->attempts,
              resp->attempts == 1 ? "" : "s", resp->attempts > 0 ? resp->attempts - 1 : 0,
              resp->attempts == 2 ? "y" : "ies", rc ? " FAILED" : "");
}

enum osp_code aws_call(struct aws_client *c, struct aws_call *call, struct aws_response *resp, struct osp_err *err)
{
    memset(resp, 0, sizeof(*resp));
    struct aws_endpoint ep;
    enum osp_code rc =
        aws_endpoint_resolve(c->ctx, c->endpoint_url, c->profile_endpoint_url, call->service, call->region, &ep, err);
    if (!rc)
        rc = aws_endpoint_apply_host_prefix(&ep, call->host_prefix, err);
    if (rc)
        return rc;
    struct aws_req req;
    if ((rc = aws_req_build(call, &ep, &req, err)) != OSP_OK)
        return rc;
    struct aws_creds creds;
    memset(&creds, 0, sizeof(creds));
    if (!call->anonymous) {
        rc = call->creds ? aws_creds_copy(&creds, call->creds) : aws_client_creds_snapshot(c, &creds, err);
        if (rc) {
            aws_req_cleanup(&req);
            return osp_err_set(err, rc, "out of memory copying credentials");
        }
    }
    struct attempt a = {.c = c, .call = call, .ep = &ep, .req = &req, .creds = call->anonymous ? NULL : &creds};
    snprintf(a.url, sizeof(a.url), "%s%s%s%s", ep.url, osp_buf_str(&req.path), req.query.len ? "?" : "",
             osp_buf_str(&req.query));
    double t0 = osp_now_monotonic(c->ctx);
    rc = run_attempts(&a, resp, err);
    resp->latency = osp_now_monotonic(c->ctx) - t0;
    log_call(&a, resp, rc);
    aws_creds_cleanup(&creds);
    aws_req_cleanup(&req);
    return rc;
}

enum osp_code aws_http_simple(struct aws_client *c, const char *method, const char *url, const char *const *headers,
                              const char *body, long timeout_ms, int attempts, int *status, char **out, size_t *outlen,
                              struct osp_err *err)
{
    *out = NULL;
    if (outlen)
        *outlen = 0;
    if (attempts < 1)
        attempts = 1;
    char last[256] = "";
    for (int i = 0; i < attempts; i++) {
        struct aws_xfer x;
        aws_xfer_init(&x, c->opts.max_response_bytes);
        x.method = method;
        x.url = url;
        x.body = body;
        x.bodylen = body ? strlen(body) : 0;
        x.timeout_ms = timeout_ms;
        enum osp_code rc = OSP_OK;
        for (size_t h = 0; headers && headers[h] && !rc; h++)
            rc = aws_xfer_header(&x, headers[h]);
        if (!rc && !body)
            rc = aws_xfer_header(&x, "Content-Type:");
        if (!rc)
            rc = aws_http_perform(c, &x);
        if (rc == OSP_OK) {
            *status = (int)x.status;
            if (outlen)
                *outlen = x.resp.len;
            *out = osp_buf_take(&x.resp);
            osp_debug(c->ctx, "aws: %s %s -> %d (%.0f ms)", method, url, *status, x.latency * 1000.0);
            aws_xfer_cleanup(&x);
            return *out ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
        }
        snprintf(last, sizeof(last), "%s", x.errmsg);
        aws_xfer_cleanup(&x);
        if (rc == OSP_ELIMIT || rc == OSP_ENOMEM)
            return osp_err_set(err, rc, "%s %s: %s", method, url, last);
        osp_debug(c->ctx, "aws: %s %s failed (attempt %d of %d): %s", method, url, i + 1, attempts, last);
    }
    return osp_err_set(err, OSP_ENET, "%s %s: %s", method, url, last);
}
