/* client_int.h: struct aws_client and one HTTP transfer (private to src/aws/).
 *
 * Locks: `mu` guards the transfer queue, in-flight count, stats, retry quota, clock skew and
 * the ctx RNG; `creds_mu` (recursive) guards the credentials and their refresh. Never hold
 * both. A refresh callback may itself call aws_call() on the same client (it then signs with
 * the current credentials, without a nested refresh) or aws_http_simple().
 *
 * A worker fills a struct aws_xfer, calls aws_http_perform() and blocks on `cv` until the
 * I/O thread (the only thread touching the multi handle) marks it done.
 */
#ifndef OSPREY_AWS_CLIENT_INT_H
#define OSPREY_AWS_CLIENT_INT_H

#include <pthread.h>

#include "aws/aws.h"
#include "aws/ratelimit.h"
#include "aws/retry.h"
#include "core/buf.h"

#define AWS_MAX_SERVICES 64

struct aws_xfer {
    /* request (borrowed) */
    const char *method;
    const char *url;
    const char *body;
    size_t bodylen;
    long timeout_ms;
    void *headers; /* struct curl_slist *, owned; add with aws_xfer_header() */
    /* response */
    struct osp_buf resp; /* capped at max_response_bytes */
    long status;
    char date[64];        /* Date header */
    char request_id[80];  /* x-amzn-RequestId / x-amz-request-id */
    char error_type[128]; /* x-amzn-ErrorType */
    int too_big;
    int timed_out;
    int permanent;    /* transport failure that retrying cannot fix (TLS, bad URL) */
    int no_host;      /* the host name did not resolve (a service AWS does not offer in a region) */
    char errmsg[256]; /* transport failure, or "" */
    double latency;
    /* engine */
    void *easy;
    int result; /* CURLcode */
    int done;
    struct aws_xfer *next;
};

struct aws_client {
    struct osp_ctx *ctx;
    struct aws_client_opts opts; /* strings below are owned copies */
    char *endpoint_url, *profile_endpoint_url, *ca_bundle;

    pthread_mutex_t mu;
    pthread_cond_t cv;
    void *multi; /* CURLM * */
    pthread_t io;
    int io_started, stopping;
    struct aws_xfer *qhead, *qtail;
    int in_flight;
    struct aws_stats stats;
    struct aws_retry_quota quota;
    double skew; /* server clock minus ours, seconds */
    struct aws_rate rates[AWS_MAX_SERVICES]; /* per signing service, in order of first use */
    size_t nrates;
    int warned_insecure;

    pthread_mutex_t creds_mu;
    struct aws_creds creds;
    int have_creds;
    aws_refresh_fn refresh;
    void *refresh_ud;
    int refreshing; /* inside the refresh callback (creds_mu held, recursive) */
};

OSP_MUST_CHECK enum osp_code aws_http_start(struct aws_client *c, struct osp_err *err);
void aws_http_stop(struct aws_client *c);

void aws_xfer_init(struct aws_xfer *x, size_t max_bytes);
OSP_MUST_CHECK enum osp_code aws_xfer_header(struct aws_xfer *x, const char *line);
void aws_xfer_cleanup(struct aws_xfer *x);
/* Send and wait. OSP_OK: a response arrived (any status). Else OSP_ENET / OSP_ETIMEOUT /
 * OSP_ELIMIT with x->errmsg set. */
OSP_MUST_CHECK enum osp_code aws_http_perform(struct aws_client *c, struct aws_xfer *x);
/* A copy of the client's credentials (caller cleans up), refreshed first through the refresh
 * callback when they expire within 5 minutes. */
OSP_MUST_CHECK enum osp_code aws_client_creds_snapshot(struct aws_client *c, struct aws_creds *out,
                                                       struct osp_err *err);
/* Seconds since the epoch of an HTTP Date header, or -1. */
long long aws_http_parse_date(const char *date);

#endif
