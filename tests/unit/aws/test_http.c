/* test_http.c: aws_call() end to end against a scripted loopback server: signing on the wire,
 * retries and backoff, error mapping, response cap, concurrency cap, connection reuse, clock
 * skew, credential refresh, pagination, plain HTTP, and redaction of --debug lines. */
#include <stdatomic.h>
#include <string.h>

#include "aws/aws.h"
#include "aws/retry.h"
#include "aws_fixture.h"
#include "core/log.h"
#include "loopback.h"
#include "osp_test.h"

#define AKID "AKIDTESTEXAMPLE"
#define SECRET "s3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tXYZ"
#define TOKEN "FQoGZXIvYXdzEXAMPLESESSIONTOKENvalue0123456789"

/* ---- fixtures ---- */

struct logcap {
    pthread_mutex_t mu;
    struct osp_buf text;
};
static struct logcap logs = {PTHREAD_MUTEX_INITIALIZER, {0}};

static void log_sink(void *ud, enum osp_log_level lvl, const char *line)
{
    (void)ud;
    (void)lvl;
    pthread_mutex_lock(&logs.mu);
    if (osp_buf_addf(&logs.text, "%s\n", line) != OSP_OK)
        fprintf(stderr, "log capture out of memory\n");
    pthread_mutex_unlock(&logs.mu);
}

static struct osp_ctx ctx;

static struct lb_server *server(lb_handler h, void *ud)
{
    /* static storage: detached connection threads may outlive a test by a few ms */
    static struct lb_server pool[32];
    static int used;
    CU_ASSERT_FATAL(used < 32);
    struct lb_server *s = &pool[used++];
    CU_ASSERT_EQUAL_FATAL(lb_start(s, h, ud), 0);
    return s;
}

static struct aws_client *client_for(struct lb_server *s, struct aws_client_opts *o)
{
    char url[64];
    lb_url(s, url, sizeof(url));
    struct aws_client_opts d = {0};
    if (!o)
        o = &d;
    o->endpoint_url = url;
    if (o->retry_base_delay == 0)
        o->retry_base_delay = 0.01;
    osp_ctx_init(&ctx);
    ctx.log_level = OSP_LOG_DEBUG;
    ctx.log_fn = log_sink;
    ctx.rng_state = 42;
    osp_buf_cleanup(&logs.text);
    struct aws_client *c = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(aws_client_new(&ctx, o, &c, &err), OSP_OK);
    struct aws_creds cr = {
        .access_key_id = AKID, .secret_access_key = SECRET, .session_token = TOKEN, .provider = "test"};
    CU_ASSERT_EQUAL_FATAL(aws_client_set_creds(c, &cr, NULL, NULL, &err), OSP_OK);
    return c;
}

static void done(struct aws_client *c, struct lb_server *s)
{
    aws_client_free(c);
    lb_stop(s);
    lb_sleep_ms(20);
}

static char *whoami_xml;

static void ok_whoami(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)r;
    (void)ud;
    w->body = whoami_xml;
}

static enum osp_code whoami(struct aws_client *c, struct aws_response *resp, struct osp_err *err)
{
    struct aws_call call = AWS_CALL_QUERY("sts", "us-east-1", "GetCallerIdentity", "2011-06-15");
    enum osp_code rc = aws_call(c, &call, resp, err);
    aws_call_cleanup(&call);
    return rc;
}

/* ---- tests ---- */

static void test_query_call_signed_on_the_wire_and_reuses_connection(void)
{
    struct lb_server *s = server(ok_whoami, NULL);
    struct aws_client *c = client_for(s, NULL);
    for (int i = 0; i < 5; i++) {
        struct aws_response r;
        struct osp_err err;
        osp_err_init(&err);
        CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_OK);
        CU_ASSERT_STRING_EQUAL(aws_get_str(r.body, "GetCallerIdentityResponse.GetCallerIdentityResult.Account"),
                               "123456789012");
        CU_ASSERT_EQUAL(r.attempts, 1);
        CU_ASSERT_EQUAL(r.http_status, 200);
        aws_response_cleanup(&r);
    }
    struct lb_req *q = &s->last;
    CU_ASSERT_STRING_EQUAL(q->method, "POST");
    CU_ASSERT_STRING_EQUAL(q->target, "/");
    CU_ASSERT_STRING_EQUAL(q->body, "Action=GetCallerIdentity&Version=2011-06-15");
    char h[1024];
    lb_header(q->headers, "Authorization", h, sizeof(h));
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "AWS4-HMAC-SHA256 Credential=" AKID "/"));
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "/us-east-1/sts/aws4_request"));
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "content-type;host;x-amz-date;x-amz-security-token"));
    lb_header(q->headers, "X-Amz-Security-Token", h, sizeof(h));
    CU_ASSERT_STRING_EQUAL(h, TOKEN);
    lb_header(q->headers, "Content-Type", h, sizeof(h));
    CU_ASSERT_STRING_EQUAL(h, "application/x-www-form-urlencoded; charset=utf-8");
    CU_ASSERT_EQUAL(s->requests, 5);
    CU_ASSERT_EQUAL(s->connections, 1); /* keep-alive: one connection for five calls */
    done(c, s);
}

/* Throttle the first `n` requests with the protocol's throttling error. */
struct throttle {
    int n;
    int status;
    const char *body;
};

static void throttling(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    struct throttle *t = ud;
    if (r->seq < t->n) {
        w->status = t->status;
        w->body = t->body;
        return;
    }
    w->body = whoami_xml;
}

static void test_throttling_is_retried_with_backoff(void)
{
    struct throttle t = {2, 400,
                         "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded"
                         "</Message></Error><RequestId>r1</RequestId></ErrorResponse>"};
    struct lb_server *s = server(throttling, &t);
    struct aws_client *c = client_for(s, NULL);
    struct aws_response r;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_OK);
    CU_ASSERT_EQUAL(r.attempts, 3);
    CU_ASSERT_EQUAL(r.error.code[0], '\0');
    aws_response_cleanup(&r);
    struct aws_stats st;
    aws_client_stats(c, &st);
    CU_ASSERT_EQUAL(st.requests, 3);
    CU_ASSERT_EQUAL(st.retries, 2);
    CU_ASSERT_EQUAL(st.throttled, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(osp_buf_str(&logs.text), "retry 1 of sts GetCallerIdentity after Throttling"));
    CU_ASSERT_PTR_NOT_NULL(strstr(osp_buf_str(&logs.text), "3 attempts, 2 retries"));
    done(c, s);
}

static void test_throttling_gives_up_after_its_attempts(void)
{
    struct throttle t = {100, 429, "{\"__type\":\"ThrottlingException\",\"message\":\"slow down\"}"};
    struct lb_server *s = server(throttling, &t);
    struct aws_client *c = client_for(s, NULL);
    struct aws_call call = AWS_CALL_JSON("logs", "eu-west-1", "Logs_20140328.DescribeLogGroups", "1.1", NULL);
    struct aws_response r;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_call(c, &call, &r, &err), OSP_EAWS);
    CU_ASSERT_EQUAL(r.attempts, AWS_THROTTLE_ATTEMPTS); /* throttling gets more than max_attempts (3) */
    CU_ASSERT_EQUAL(r.throttled, AWS_THROTTLE_ATTEMPTS);
    CU_ASSERT_STRING_EQUAL(r.error.code, "ThrottlingException");
    CU_ASSERT_STRING_EQUAL(err.aws_code, "ThrottlingException");
    CU_ASSERT_STRING_EQUAL(err.msg, "ThrottlingException: slow down (HTTP 429, request id none)");
    CU_ASSERT_EQUAL(s->requests, AWS_THROTTLE_ATTEMPTS);
    char h[256];
    lb_header(s->last.headers, "X-Amz-Target", h, sizeof(h));
    CU_ASSERT_STRING_EQUAL(h, "Logs_20140328.DescribeLogGroups");
    lb_header(s->last.headers, "Content-Type", h, sizeof(h));
    CU_ASSERT_STRING_EQUAL(h, "application/x-amz-json-1.1");
    CU_ASSERT_STRING_EQUAL(s->last.body, "{}");
    aws_response_cleanup(&r);
    done(c, s);
}

static void test_5xx_retried_and_auth_errors_not(void)
{
    struct throttle t = {1, 503, "<Error><Code>ServiceUnavailable</Code><Message>busy</Message></Error>"};
    struct lb_server *s = server(throttling, &t);
    struct aws_client *c = client_for(s, NULL);
    struct aws_response r;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_OK);
    CU_ASSERT_EQUAL(r.attempts, 2);
    aws_response_cleanup(&r);
    done(c, s);

    size_t len;
    char *sig = aws_fixture("err_query_sts_signature.xml", &len);
    struct throttle a = {100, 403, sig};
    s = server(throttling, &a);
    c = client_for(s, NULL);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_EAUTH);
    CU_ASSERT_EQUAL(r.attempts, 1);
    CU_ASSERT_STRING_EQUAL(err.aws_code, "SignatureDoesNotMatch");
    CU_ASSERT_EQUAL(strncmp(err.msg, "SignatureDoesNotMatch: The request signature", 44), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "(HTTP 403, request id 0e6c1d2a-0000-4000-8000-000000000001)"));
    CU_ASSERT_EQUAL(osp_exit_code(err.code), 3);
    aws_response_cleanup(&r);
    done(c, s);
    /* sig stays allocated: a server thread may still be writing it (freed at exit) */
    static char *keep;
    free(keep);
    keep = sig;
}

/* First a throttle, then the connection drops mid-reply: the final error is the network one. */
static void throttle_then_drop(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)ud;
    w->status = r->seq == 0 ? 400 : 200;
    w->body = r->seq == 0 ? "<ErrorResponse><Error><Code>Throttling</Code><Message>x</Message></Error></ErrorResponse>"
                          : whoami_xml;
    w->drop = r->seq > 0;
}

static void test_error_describes_the_last_attempt(void)
{
    struct lb_server *s = server(throttle_then_drop, NULL);
    struct aws_client *c = client_for(s, NULL);
    struct aws_response r;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_NOT_EQUAL(whoami(c, &r, &err), OSP_OK);
    CU_ASSERT_EQUAL(r.attempts, 3);
    CU_ASSERT_STRING_NOT_EQUAL(r.error.code, "Throttling");
    CU_ASSERT_PTR_NULL(strstr(err.msg, "Throttling"));
    CU_ASSERT_EQUAL(err.code, OSP_ENET);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "cannot reach http://127.0.0.1:"));
    aws_response_cleanup(&r);
    done(c, s);
}

static char *big_body;

static void big(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)r;
    w->body = big_body;
    w->close_delimited = ud != NULL;
}

static void test_response_size_cap(void)
{
    size_t n = 3u << 20;
    big_body = malloc(n + 1);
    memset(big_body, 'x', n);
    big_body[n] = '\0';
    for (int delimited = 0; delimited < 2; delimited++) {
        struct lb_server *s = server(big, delimited ? (void *)1 : NULL);
        struct aws_client_opts o = {.max_response_bytes = 1u << 20};
        struct aws_client *c = client_for(s, &o);
        struct aws_response r;
        struct osp_err err;
        osp_err_init(&err);
        CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_ELIMIT);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "cap"));
        CU_ASSERT_EQUAL(r.attempts, 1);
        aws_response_cleanup(&r);
        char *out = NULL;
        size_t outlen;
        int status;
        char url[80];
        lb_url(s, url, sizeof(url));
        osp_err_init(&err);
        CU_ASSERT_EQUAL(aws_http_simple(c, "GET", url, NULL, NULL, 2000, 1, &status, &out, &outlen, &err), OSP_ELIMIT);
        CU_ASSERT_PTR_NULL(out);
        done(c, s);
    }
    /* big_body stays: the server may still be writing it to a closed connection */
}

static void slow(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)r;
    (void)ud;
    w->delay_ms = 25;
    w->body = whoami_xml;
}

struct worker {
    struct aws_client *c;
    atomic_int *ok;
};

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    for (int i = 0; i < 4; i++) {
        struct aws_response r;
        struct osp_err err;
        osp_err_init(&err);
        if (whoami(w->c, &r, &err) == OSP_OK && r.body)
            atomic_fetch_add(w->ok, 1);
        aws_response_cleanup(&r);
    }
    return NULL;
}

static void test_concurrency_cap_across_threads(void)
{
    struct lb_server *s = server(slow, NULL);
    struct aws_client_opts o = {.concurrency = 3};
    struct aws_client *c = client_for(s, &o);
    atomic_int ok = 0;
    struct worker w = {c, &ok};
    pthread_t t[10];
    for (int i = 0; i < 10; i++)
        pthread_create(&t[i], NULL, worker_main, &w);
    for (int i = 0; i < 10; i++)
        pthread_join(t[i], NULL);
    CU_ASSERT_EQUAL(atomic_load(&ok), 40);
    CU_ASSERT_EQUAL(s->requests, 40);
    CU_ASSERT_TRUE(s->max_inflight <= 3);
    CU_ASSERT_TRUE(s->max_inflight >= 2); /* they really did run in parallel */
    CU_ASSERT_TRUE(s->connections <= 3 + 1);
    done(c, s);
}

static void hang(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)r;
    (void)ud;
    w->delay_ms = 700;
}

static void test_timeouts_retry_then_fail_as_network_error(void)
{
    struct lb_server *s = server(hang, NULL);
    struct aws_client_opts o = {.timeout_ms = 150};
    struct aws_client *c = client_for(s, &o);
    struct aws_response r;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_ENET);
    CU_ASSERT_EQUAL(r.attempts, 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "timed out"));
    aws_response_cleanup(&r);
    done(c, s);
    /* nothing listening: a port the kernel just handed out and we closed again */
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t al = sizeof(a);
    CU_ASSERT_FATAL(bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
                    getsockname(fd, (struct sockaddr *)&a, &al) == 0);
    close(fd);
    char dead[64];
    snprintf(dead, sizeof(dead), "http://127.0.0.1:%d", ntohs(a.sin_port));
    struct aws_client_opts o2 = {.endpoint_url = dead, .max_attempts = 1};
    struct aws_client *c2 = NULL;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(aws_client_new(&ctx, &o2, &c2, &err), OSP_OK);
    struct aws_call call = AWS_CALL_QUERY("sts", "us-east-1", "GetCallerIdentity", "2011-06-15");
    call.anonymous = 1;
    CU_ASSERT_EQUAL(aws_call(c2, &call, &r, &err), OSP_ENET);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, dead));
    aws_client_free(c2);
}

/* First reply: RequestTimeTooSkewed with a Date one hour ahead; then accept only a request
 * whose X-Amz-Date is within a minute of that clock. */
static void skewed(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    time_t ahead = *(time_t *)ud;
    char amz[32];
    lb_header(r->headers, "X-Amz-Date", amz, sizeof(amz));
    struct tm tm;
    gmtime_r(&ahead, &tm);
    char want[32];
    strftime(want, sizeof(want), "%Y%m%dT%H%M", &tm);
    char date[64];
    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    snprintf(w->headers, sizeof(w->headers), "Date: %s\r\n", date);
    if (strncmp(amz, want, 12) != 0) {
        w->status = 403;
        w->body = "<ErrorResponse><Error><Code>RequestTimeTooSkewed</Code><Message>too skewed</Message></Error>"
                  "</ErrorResponse>";
        return;
    }
    w->body = whoami_xml;
}

static void test_clock_skew_corrected_from_date_header(void)
{
    time_t ahead = time(NULL) + 3600;
    struct lb_server *s = server(skewed, &ahead);
    struct aws_client *c = client_for(s, NULL);
    struct aws_response r;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_OK);
    CU_ASSERT_EQUAL(r.attempts, 2);
    aws_response_cleanup(&r);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_OK); /* the offset is remembered */
    CU_ASSERT_EQUAL(r.attempts, 1);
    aws_response_cleanup(&r);
    done(c, s);
}

static int refreshes;

static enum osp_code refresh_cb(void *ud, struct aws_creds *out, struct osp_err *err)
{
    (void)ud;
    (void)err;
    refreshes++;
    memset(out, 0, sizeof(*out));
    snprintf(out->access_key_id, sizeof(out->access_key_id), "AKIDREFRESHED");
    snprintf(out->secret_access_key, sizeof(out->secret_access_key), "new-secret");
    snprintf(out->provider, sizeof(out->provider), "refreshed");
    out->expiration = time(NULL) + 3600;
    return OSP_OK;
}

static void test_credentials_refresh_near_expiry_and_explicit_creds(void)
{
    struct lb_server *s = server(ok_whoami, NULL);
    struct aws_client *c = client_for(s, NULL);
    struct aws_creds cr = {
        .access_key_id = "AKIDOLD", .secret_access_key = "old", .provider = "t", .expiration = time(NULL) + 120};
    struct osp_err err;
    osp_err_init(&err);
    refreshes = 0;
    CU_ASSERT_EQUAL(aws_client_set_creds(c, &cr, refresh_cb, NULL, &err), OSP_OK);
    struct aws_response r;
    CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_OK);
    aws_response_cleanup(&r);
    CU_ASSERT_EQUAL(refreshes, 1);
    char h[512];
    lb_header(s->last.headers, "Authorization", h, sizeof(h));
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "Credential=AKIDREFRESHED/"));
    lb_header(s->last.headers, "X-Amz-Security-Token", h, sizeof(h));
    CU_ASSERT_STRING_EQUAL(h, "");
    CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_OK); /* fresh now: no second refresh */
    aws_response_cleanup(&r);
    CU_ASSERT_EQUAL(refreshes, 1);
    /* per-call creds and anonymous calls */
    struct aws_creds other = {.access_key_id = "AKIDSOURCE", .secret_access_key = "x"};
    struct aws_call call = AWS_CALL_QUERY("sts", "us-east-1", "AssumeRole", "2011-06-15");
    call.creds = &other;
    CU_ASSERT_EQUAL(aws_call(c, &call, &r, &err), OSP_OK);
    aws_response_cleanup(&r);
    lb_header(s->last.headers, "Authorization", h, sizeof(h));
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "Credential=AKIDSOURCE/"));
    call.creds = NULL;
    call.anonymous = 1;
    CU_ASSERT_EQUAL(aws_call(c, &call, &r, &err), OSP_OK);
    aws_response_cleanup(&r);
    lb_header(s->last.headers, "Authorization", h, sizeof(h));
    CU_ASSERT_STRING_EQUAL(h, "");
    done(c, s);
}

/* Query pagination: Marker / IsTruncated over three pages. */
static void paged_query(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)ud;
    static char body[512];
    int page = strstr(r->body, "Marker=m2") ? 2 : strstr(r->body, "Marker=m1") ? 1 : 0;
    snprintf(body, sizeof(body),
             "<ListRolesResponse><ListRolesResult><Roles><member><RoleName>r%d</RoleName></member></Roles>"
             "<IsTruncated>%s</IsTruncated>%s</ListRolesResult></ListRolesResponse>",
             page, page < 2 ? "true" : "false",
             page == 0   ? "<Marker>m1</Marker>"
             : page == 1 ? "<Marker>m2</Marker>"
                         : "<Marker>stale</Marker>");
    w->body = body;
}

static enum osp_code collect_names(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct osp_buf *b = ud;
    json_t *list = aws_get(body, "ListRolesResponse.ListRolesResult.Roles");
    if (!list)
        list = json_object_get(body, "logGroups");
    size_t i;
    json_t *v;
    AWS_ITEMS(list, i, v)
    {
        const char *n = aws_get_str(v, "RoleName");
        if (!n)
            n = aws_get_str(v, "logGroupName");
        if (osp_buf_addf(b, "%s,", n ? n : "?"))
            return OSP_ENOMEM;
    }
    return OSP_OK;
}

static void paged_json(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)ud;
    if (strstr(r->body, "\"nextToken\":\"t1\""))
        w->body = "{\"logGroups\":[{\"logGroupName\":\"b\"}],\"nextToken\":null}";
    else
        w->body = "{\"logGroups\":[{\"logGroupName\":\"a\"}],\"nextToken\":\"t1\"}";
}

static void test_paginate_query_and_json(void)
{
    struct lb_server *s = server(paged_query, NULL);
    struct aws_client *c = client_for(s, NULL);
    struct aws_call call = AWS_CALL_QUERY("iam", "us-east-1", "ListRoles", "2010-05-08");
    struct osp_buf names;
    osp_buf_init(&names, 0);
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_paginate(c, &call, "Marker", "ListRolesResponse.ListRolesResult.Marker",
                                 "ListRolesResponse.ListRolesResult.IsTruncated", collect_names, &names, &err),
                    OSP_OK);
    CU_ASSERT_STRING_EQUAL(osp_buf_str(&names), "r0,r1,r2,");
    CU_ASSERT_EQUAL(call.nparams, 0); /* the call is left as it was given */
    aws_call_cleanup(&call);
    done(c, s);

    s = server(paged_json, NULL);
    c = client_for(s, NULL);
    struct aws_call j = AWS_CALL_JSON("logs", "us-east-1", "Logs_20140328.DescribeLogGroups", "1.1", "{\"limit\":1}");
    osp_buf_reset(&names);
    CU_ASSERT_EQUAL(aws_paginate(c, &j, "nextToken", "nextToken", NULL, collect_names, &names, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(osp_buf_str(&names), "a,b,");
    CU_ASSERT_STRING_EQUAL(j.body, "{\"limit\":1}");
    CU_ASSERT_PTR_NOT_NULL(strstr(s->last.body, "\"limit\":1"));
    /* REST-JSON list calls sent as POST carry the token in the body too */
    struct aws_call rj = AWS_CALL_REST("access-analyzer", "us-east-1", AWS_PROTO_RESTJSON, "POST", "/finding");
    rj.body = "{\"analyzerArn\":\"a\"}";
    osp_buf_reset(&names);
    CU_ASSERT_EQUAL(aws_paginate(c, &rj, "nextToken", "nextToken", NULL, collect_names, &names, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(osp_buf_str(&names), "a,b,");
    CU_ASSERT_EQUAL(rj.nparams, 0);
    CU_ASSERT_STRING_EQUAL(rj.body, "{\"analyzerArn\":\"a\"}");
    CU_ASSERT_STRING_EQUAL(s->last.target, "/finding");
    done(c, s);
    osp_buf_cleanup(&names);
}

static void same_token(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)r;
    (void)ud;
    w->body = "<DescribeVolumesResponse><volumeSet/><nextToken>again</nextToken></DescribeVolumesResponse>";
}

/* DescribeVolumes pages from a server answering h: ELIMIT expected; *requests and the error's
 * text (and the last request's body) for the caller to check. */
static void paginate_until_stopped(lb_handler h, int *requests, char *msg, size_t msglen, char *body, size_t bodylen)
{
    struct lb_server *s = server(h, NULL);
    struct aws_client *c = client_for(s, NULL);
    struct aws_call call = AWS_CALL_EC2("us-east-1", "DescribeVolumes");
    struct osp_buf names;
    osp_buf_init(&names, 0);
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(
        aws_paginate(c, &call, "NextToken", "DescribeVolumesResponse.nextToken", NULL, collect_names, &names, &err),
        OSP_ELIMIT);
    CU_ASSERT_EQUAL(call.nparams, 0);
    *requests = s->requests;
    snprintf(msg, msglen, "%s", err.msg);
    snprintf(body, bodylen, "%s", s->last.body);
    aws_call_cleanup(&call);
    osp_buf_cleanup(&names);
    done(c, s);
}

static void test_paginate_stops_on_a_stuck_token(void)
{
    int requests;
    char msg[512], body[512];
    paginate_until_stopped(same_token, &requests, msg, sizeof msg, body, sizeof body);
    CU_ASSERT_EQUAL(requests, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(body, "NextToken=again"));
}

/* A, B, A, B, ...: main followed the cycle for 10,000 pages (441 s against a slow server). */
static void cycling_tokens(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)ud;
    w->body = strstr(r->body, "NextToken=A")
                  ? "<DescribeVolumesResponse><volumeSet/><nextToken>B</nextToken></DescribeVolumesResponse>"
                  : "<DescribeVolumesResponse><volumeSet/><nextToken>A</nextToken></DescribeVolumesResponse>";
}

static void test_paginate_stops_on_a_token_cycle(void)
{
    int requests;
    char msg[512], body[512];
    paginate_until_stopped(cycling_tokens, &requests, msg, sizeof msg, body, sizeof body);
    CU_ASSERT_EQUAL(requests, 3); /* A, B, then A again: stopped at once */
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "repeated the pagination token of page 1 (a cycle)"));
}

static void rest_s3(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)ud;
    if (strstr(r->target, "continuation-token=c%2B1"))
        w->body =
            "<ListBucketResult><Contents><Key>k2</Key></Contents><IsTruncated>false</IsTruncated></ListBucketResult>";
    else if (strstr(r->target, "policy"))
        w->status = 404, w->body = "<Error><Code>NoSuchBucketPolicy</Code><Message>none</Message></Error>";
    else
        w->body = "<ListBucketResult><Contents><Key>k1</Key></Contents><IsTruncated>true</IsTruncated>"
                  "<NextContinuationToken>c+1</NextContinuationToken></ListBucketResult>";
}

static enum osp_code count_pages(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    (void)body;
    (*(int *)ud)++;
    return OSP_OK;
}

static void test_rest_xml_s3_path_style_and_allow_404(void)
{
    struct lb_server *s = server(rest_s3, NULL);
    struct aws_client *c = client_for(s, NULL);
    struct aws_call call = AWS_CALL_REST("s3", "eu-west-1", AWS_PROTO_RESTXML, "GET", "/my bucket");
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_call_param(&call, "list-type", "2"), OSP_OK);
    int pages = 0;
    CU_ASSERT_EQUAL(aws_paginate(c, &call, "continuation-token", "ListBucketResult.NextContinuationToken", NULL,
                                 count_pages, &pages, &err),
                    OSP_OK);
    CU_ASSERT_EQUAL(pages, 2);
    CU_ASSERT_EQUAL(strncmp(s->last.target, "/my%20bucket?", 13), 0);
    char h[512];
    lb_header(s->last.headers, "x-amz-content-sha256", h, sizeof(h));
    CU_ASSERT_STRING_EQUAL(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    lb_header(s->last.headers, "Authorization", h, sizeof(h));
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "/eu-west-1/s3/aws4_request"));
    aws_call_cleanup(&call);
    struct aws_call pol = AWS_CALL_REST("s3", "eu-west-1", AWS_PROTO_RESTXML, "GET", "/b");
    CU_ASSERT_EQUAL(aws_call_param(&pol, "policy", ""), OSP_OK);
    pol.allow_404 = 1;
    struct aws_response r;
    CU_ASSERT_EQUAL(aws_call(c, &pol, &r, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(r.error.code, "NoSuchBucketPolicy");
    CU_ASSERT_EQUAL(r.http_status, 404);
    CU_ASSERT_PTR_NULL(r.body);
    aws_response_cleanup(&r);
    aws_call_cleanup(&pol);
    done(c, s);
}

static void rest_json(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)ud;
    if (strstr(r->target, "/denied")) {
        w->status = 403;
        snprintf(w->headers, sizeof(w->headers),
                 "x-amzn-ErrorType: AccessDeniedException:http://internal.amazon.com/coral/x/\r\n"
                 "x-amzn-RequestId: rj-1\r\n");
        w->body = "{\"message\":\"not allowed\"}";
        return;
    }
    w->body = "{\"analyzers\":[{\"name\":\"a1\"}],\"nextToken\":null}";
}

static void test_rest_json_and_json_1_0(void)
{
    struct lb_server *s = server(rest_json, NULL);
    struct aws_client *c = client_for(s, NULL);
    struct aws_call call = AWS_CALL_REST("access-analyzer", "eu-west-1", AWS_PROTO_RESTJSON, "POST", "/analyzer");
    call.body = "{\"analyzerName\":\"a1\"}";
    struct aws_response r;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_call(c, &call, &r, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(aws_get_str(json_array_get(aws_get(r.body, "analyzers"), 0), "name"), "a1");
    aws_response_cleanup(&r);
    char h[512];
    lb_header(s->last.headers, "Content-Type", h, sizeof(h));
    CU_ASSERT_STRING_EQUAL(h, "application/json");
    CU_ASSERT_STRING_EQUAL(s->last.body, "{\"analyzerName\":\"a1\"}");
    lb_header(s->last.headers, "Authorization", h, sizeof(h));
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "/eu-west-1/access-analyzer/aws4_request"));
    struct aws_call d = AWS_CALL_REST("access-analyzer", "eu-west-1", AWS_PROTO_RESTJSON, "GET", "/denied");
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_call(c, &d, &r, &err), OSP_EAWS);
    CU_ASSERT_STRING_EQUAL(r.error.code, "AccessDeniedException");
    CU_ASSERT_STRING_EQUAL(r.error.request_id, "rj-1");
    CU_ASSERT_TRUE(aws_error_is_access_denied(err.aws_code));
    CU_ASSERT_STRING_EQUAL(err.msg, "AccessDeniedException: not allowed (HTTP 403, request id rj-1)");
    aws_response_cleanup(&r);
    struct aws_call j = AWS_CALL_JSON("dynamodb", "eu-west-1", "DynamoDB_20120810.ListTables", "1.0", NULL);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_call(c, &j, &r, &err), OSP_OK);
    aws_response_cleanup(&r);
    lb_header(s->last.headers, "Content-Type", h, sizeof(h));
    CU_ASSERT_STRING_EQUAL(h, "application/x-amz-json-1.0");
    done(c, s);
}

static void echo_bearer(const struct lb_req *r, struct lb_resp *w, void *ud)
{
    (void)ud;
    static char body[256];
    char h[128];
    lb_header(r->headers, "Authorization", h, sizeof(h));
    snprintf(body, sizeof(body), "{\"value\":\"%s %s %s\"}", r->method, r->target, h);
    w->status = 201;
    w->body = body;
}

static void test_http_simple(void)
{
    struct lb_server *s = server(echo_bearer, NULL);
    struct aws_client *c = client_for(s, NULL);
    char base[64], url[128];
    lb_url(s, base, sizeof(base));
    snprintf(url, sizeof(url), "%s/token?audience=sts.amazonaws.com", base);
    const char *hdrs[] = {"Authorization: bearer abc", NULL};
    int status = 0;
    char *out = NULL;
    size_t len = 0;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_http_simple(c, "GET", url, hdrs, NULL, 2000, 1, &status, &out, &len, &err), OSP_OK);
    CU_ASSERT_EQUAL(status, 201);
    CU_ASSERT_STRING_EQUAL(out, "{\"value\":\"GET /token?audience=sts.amazonaws.com bearer abc\"}");
    CU_ASSERT_EQUAL(len, strlen(out));
    free(out);
    CU_ASSERT_EQUAL(aws_http_simple(c, "PUT", url, NULL, "x", 2000, 1, &status, &out, &len, &err), OSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "PUT /token"));
    free(out);
    done(c, s);
}

/* --debug: each call logs a line with service, method, host, action, status, attempts; no
 * secret ever reaches the log sink, and a line carrying Authorization/X-Amz-Security-Token
 * values comes out masked. */
static void test_debug_lines_are_redacted(void)
{
    struct lb_server *s = server(ok_whoami, NULL);
    struct aws_client *c = client_for(s, NULL);
    struct aws_response r;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(whoami(c, &r, &err), OSP_OK);
    aws_response_cleanup(&r);
    osp_debug(&ctx, "request headers: Authorization: AWS4-HMAC-SHA256 Credential=" AKID
                    "/20240101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=deadbeef");
    osp_debug(&ctx, "X-Amz-Security-Token: " TOKEN);
    osp_debug(&ctx, "presigned ?X-Amz-Security-Token=" TOKEN "&X-Amz-Signature=deadbeef");
    const char *l = osp_buf_str(&logs.text);
    char port[16];
    snprintf(port, sizeof(port), ":%d", s->port);
    CU_ASSERT_PTR_NOT_NULL(strstr(l, "aws: sts POST 127.0.0.1"));
    CU_ASSERT_PTR_NOT_NULL(strstr(l, "GetCallerIdentity -> 200"));
    CU_ASSERT_PTR_NOT_NULL(strstr(l, "1 attempt, 0 retries"));
    CU_ASSERT_PTR_NOT_NULL(strstr(l, "Authorization: ****"));
    CU_ASSERT_PTR_NULL(strstr(l, TOKEN));
    CU_ASSERT_PTR_NULL(strstr(l, SECRET));
    CU_ASSERT_PTR_NULL(strstr(l, "deadbeef"));
    CU_ASSERT_PTR_NULL(strstr(l, "Credential=" AKID));
    done(c, s);
}

int main(void)
{
    whoami_xml = aws_fixture("ok_sts_whoami.xml", NULL);
    if (!whoami_xml)
        return 1;
    static const struct osp_test tests[] = {
        OSP_TEST(test_query_call_signed_on_the_wire_and_reuses_connection),
        OSP_TEST(test_throttling_is_retried_with_backoff),
        OSP_TEST(test_throttling_gives_up_after_its_attempts),
        OSP_TEST(test_5xx_retried_and_auth_errors_not),
        OSP_TEST(test_error_describes_the_last_attempt),
        OSP_TEST(test_response_size_cap),
        OSP_TEST(test_concurrency_cap_across_threads),
        OSP_TEST(test_timeouts_retry_then_fail_as_network_error),
        OSP_TEST(test_clock_skew_corrected_from_date_header),
        OSP_TEST(test_credentials_refresh_near_expiry_and_explicit_creds),
        OSP_TEST(test_paginate_query_and_json),
        OSP_TEST(test_paginate_stops_on_a_stuck_token),
        OSP_TEST(test_paginate_stops_on_a_token_cycle),
        OSP_TEST(test_rest_xml_s3_path_style_and_allow_404),
        OSP_TEST(test_rest_json_and_json_1_0),
        OSP_TEST(test_http_simple),
        OSP_TEST(test_debug_lines_are_redacted),
        {0},
    };
    int rc = osp_test_run("http", tests);
    /* whoami_xml stays: detached server threads may still be sending it */
    osp_buf_cleanup(&logs.text);
    return rc;
}
