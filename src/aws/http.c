/* http.c: the one curl multi handle and its I/O thread: queue, concurrency cap, timeouts. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/client_int.h"
#include "core/log.h"

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_global(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

void aws_xfer_init(struct aws_xfer *x, size_t max_bytes)
{
    memset(x, 0, sizeof(*x));
    osp_buf_init(&x->resp, max_bytes);
}

enum osp_code aws_xfer_header(struct aws_xfer *x, const char *line)
{
    struct curl_slist *l = curl_slist_append(x->headers, line);
    if (!l)
        return OSP_ENOMEM;
    x->headers = l;
    return OSP_OK;
}

void aws_xfer_cleanup(struct aws_xfer *x)
{
    curl_slist_free_all(x->headers);
    x->headers = NULL;
    osp_buf_cleanup(&x->resp);
}

long long aws_http_parse_date(const char *date)
{
    if (!date || !*date)
        return -1;
    time_t t = curl_getdate(date, NULL);
    return t < 0 ? -1 : (long long)t;
}

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
    struct aws_xfer *x = ud;
    if (osp_buf_add(&x->resp, p, size * n) != OSP_OK) {
        x->too_big = 1;
        return 0; /* aborts the transfer with CURLE_WRITE_ERROR */
    }
    return size * n;
}

/* Copy the value of header `name` from a raw header line into dst. */
static void header_value(const char *line, size_t len, const char *name, char *dst, size_t dstlen)
{
    size_t nl = strlen(name);
    if (len <= nl || strncasecmp(line, name, nl) != 0 || line[nl] != ':')
        return;
    const char *v = line + nl + 1;
    size_t vl = len - nl - 1;
    while (vl && (*v == ' ' || *v == '\t'))
        v++, vl--;
    while (vl && (v[vl - 1] == '\r' || v[vl - 1] == '\n' || v[vl - 1] == ' '))
        vl--;
    snprintf(dst, dstlen, "%.*s", (int)vl, v);
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
    struct aws_xfer *x = ud;
    size_t len = size * n;
    header_value(p, len, "Date", x->date, sizeof(x->date));
    header_value(p, len, "x-amzn-RequestId", x->request_id, sizeof(x->request_id));
    header_value(p, len, "x-amz-request-id", x->request_id, sizeof(x->request_id));
    header_value(p, len, "x-amzn-ErrorType", x->error_type, sizeof(x->error_type));
    return len;
}

static void *io_main(void *arg)
{
    struct aws_client *c = arg;
    CURLM *multi = c->multi;
    int cap = c->opts.concurrency;
    for (;;) {
        pthread_mutex_lock(&c->mu);
        while (c->qhead && c->in_flight < cap) {
            struct aws_xfer *x = c->qhead;
            c->qhead = x->next;
            if (!c->qhead)
                c->qtail = NULL;
            x->latency = osp_now_monotonic(c->ctx);
            curl_multi_add_handle(multi, x->easy);
            c->in_flight++;
        }
        int stop = c->stopping && c->in_flight == 0 && !c->qhead;
        pthread_mutex_unlock(&c->mu);
        if (stop)
            break;
        int running = 0;
        curl_multi_perform(multi, &running);
        CURLMsg *m;
        int left;
        while ((m = curl_multi_info_read(multi, &left)) != NULL) {
            if (m->msg != CURLMSG_DONE)
                continue;
            struct aws_xfer *x = NULL;
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&x);
            CURLcode rc = m->data.result;
            curl_multi_remove_handle(multi, m->easy_handle);
            pthread_mutex_lock(&c->mu);
            x->result = (int)rc;
            x->latency = osp_now_monotonic(c->ctx) - x->latency;
            x->done = 1;
            c->in_flight--;
            pthread_cond_broadcast(&c->cv);
            pthread_mutex_unlock(&c->mu);
        }
        curl_multi_poll(multi, NULL, 0, 500, NULL);
    }
    return NULL;
}

enum osp_code aws_http_start(struct aws_client *c, struct osp_err *err)
{
    pthread_once(&curl_once, curl_global);
    CURLM *multi = curl_multi_init();
    if (!multi)
        return osp_err_set(err, OSP_ENOMEM, "cannot create the HTTP engine (curl_multi_init failed)");
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)c->opts.concurrency);
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, (long)c->opts.concurrency);
    c->multi = multi;
    if (pthread_create(&c->io, NULL, io_main, c) != 0) {
        curl_multi_cleanup(multi);
        c->multi = NULL;
        return osp_err_set(err, OSP_EINTERNAL, "cannot start the HTTP I/O thread");
    }
    c->io_started = 1;
    return OSP_OK;
}

void aws_http_stop(struct aws_client *c)
{
    if (c->io_started) {
        pthread_mutex_lock(&c->mu);
        c->stopping = 1;
        pthread_mutex_unlock(&c->mu);
        curl_multi_wakeup(c->multi);
        pthread_join(c->io, NULL);
        c->io_started = 0;
    }
    if (c->multi)
        curl_multi_cleanup(c->multi);
    c->multi = NULL;
}

static void set_method(CURL *e, const struct aws_xfer *x)
{
    if (strcmp(x->method, "GET") == 0) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else if (strcmp(x->method, "HEAD") == 0) {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else {
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, x->body ? x->body : "");
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(x->body ? x->bodylen : 0));
        if (strcmp(x->method, "POST") != 0)
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, x->method);
    }
}

static CURL *make_easy(struct aws_client *c, struct aws_xfer *x)
{
    CURL *e = curl_easy_init();
    if (!e)
        return NULL;
    curl_easy_setopt(e, CURLOPT_URL, x->url);
    set_method(e, x);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, (struct curl_slist *)x->headers);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
    curl_easy_setopt(e, CURLOPT_PRIVATE, x);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, x->timeout_ms > 0 ? x->timeout_ms : c->opts.timeout_ms);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, c->opts.connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    if (c->opts.max_response_bytes)
        curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->opts.max_response_bytes);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, c->opts.insecure ? 0L : 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, c->opts.insecure ? 0L : 2L);
    if (c->ca_bundle)
        curl_easy_setopt(e, CURLOPT_CAINFO, c->ca_bundle);
    return e;
}

static enum osp_code transport_result(struct aws_xfer *x)
{
    CURLcode rc = (CURLcode)x->result;
    if (rc == CURLE_OK)
        return OSP_OK;
    if (x->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
        x->too_big = 1;
        snprintf(x->errmsg, sizeof(x->errmsg), "response larger than the %zu-byte cap", x->resp.max);
        return OSP_ELIMIT;
    }
    if (rc == CURLE_OPERATION_TIMEDOUT) {
        x->timed_out = 1;
        snprintf(x->errmsg, sizeof(x->errmsg), "timed out: %s", curl_easy_strerror(rc));
        return OSP_ETIMEOUT;
    }
    switch (rc) {
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
        x->permanent = 1;
        snprintf(x->errmsg, sizeof(x->errmsg), "%s (TLS: set AWS_CA_BUNDLE/--ca-bundle for a private CA)",
                 curl_easy_strerror(rc));
        return OSP_ENET;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        x->permanent = 1;
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
        x->no_host = 1; /* still retried: resolvers fail transiently too */
        break;
    default:
        break;
    }
    snprintf(x->errmsg, sizeof(x->errmsg), "%s", curl_easy_strerror(rc));
    return OSP_ENET;
}

enum osp_code aws_http_perform(struct aws_client *c, struct aws_xfer *x)
{
    if (c->opts.insecure) {
        pthread_mutex_lock(&c->mu);
        int warn = !c->warned_insecure;
        c->warned_insecure = 1;
        pthread_mutex_unlock(&c->mu);
        if (warn)
            osp_warn(c->ctx, "TLS certificate verification is DISABLED (insecure mode); do not use this in production");
    }
    CURL *e = make_easy(c, x);
    if (!e) {
        snprintf(x->errmsg, sizeof(x->errmsg), "cannot create an HTTP request (out of memory)");
        return OSP_ENOMEM;
    }
    x->easy = e;
    x->done = 0;
    x->next = NULL;
    pthread_mutex_lock(&c->mu);
    if (c->qtail)
        c->qtail->next = x;
    else
        c->qhead = x;
    c->qtail = x;
    c->stats.requests++;
    pthread_mutex_unlock(&c->mu);
    curl_multi_wakeup(c->multi);
    pthread_mutex_lock(&c->mu);
    while (!x->done)
        pthread_cond_wait(&c->cv, &c->mu);
    c->stats.bytes_in += x->resp.len;
    pthread_mutex_unlock(&c->mu);
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &x->status);
    enum osp_code rc = transport_result(x);
    curl_easy_cleanup(e);
    x->easy = NULL;
    return rc;
}
