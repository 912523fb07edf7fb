/* aws.h: the AWS request core's public API: one client, signed calls, parsed responses.
 *
 * Owns: struct aws_client (one libcurl multi handle driven by one I/O thread, the connection
 * pool, the concurrency cap, the retry quota and the clock-skew offset) and the credentials
 * it signs with. Everything above this layer (creds/, collect/) calls AWS only through here
 * and never includes curl, libxml2 or OpenSSL headers.
 *
 * Threading: aws_call() is thread-safe and blocks the calling thread until the response is
 * complete (or failed after retries). Many worker threads may call at once; at most
 * opts.concurrency requests are on the wire at any time, all on the one multi handle.
 *
 * Responses of every protocol are parsed into a jansson tree (json_t), so collectors read
 * XML and JSON services the same way:
 *   - JSON protocols: the body as-is.
 *   - XML protocols (query, ec2, rest-xml): each element becomes an object member named after
 *     the element (namespace prefixes dropped); an element holding only text becomes a string;
 *     an empty element becomes "". Wrappers of list items named "member" or "item" become
 *     arrays (so `<Users><member>..</member></Users>` is "Users": [..] even with one item).
 *     Repeated sibling elements of the same name become an array. Use aws_items() to iterate
 *     a value that may be one object or an array (REST-XML lists such as S3's <Bucket>).
 *   - The top-level "<Action>Response"/"<Action>Result" wrappers are kept as they are.
 *
 * Ownership: struct aws_response is filled by aws_call(); release it with
 * aws_response_cleanup(). The json_t tree belongs to the response; json_incref() to keep part.
 *
 * Errors: a non-2xx reply whose body parses as an AWS error (any protocol, including XML
 * errors from JSON services) fills resp->error and aws_call() returns OSP_EAWS (OSP_EAUTH for
 * signature/credential/token errors), with err->aws_code / http_status / request_id set and a
 * message "AccessDenied: User ... is not authorized (HTTP 403, request id ...)".
 * Throttling, 5xx and transient network errors are retried (standard mode: max attempts,
 * exponential backoff with full jitter, a retry quota); resp->attempts says how many were made.
 *
 *   struct aws_call c = AWS_CALL_QUERY("iam", "us-east-1", "ListUsers", "2010-05-08");
 *   aws_call_param(&c, "MaxItems", "100");
 *   struct aws_response r;
 *   if (aws_call(client, &c, &r, &err) == OSP_OK) {
 *       json_t *users = json_object_get(json_object_get(json_object_get(r.body,
 *           "ListUsersResponse"), "ListUsersResult"), "Users");
 *       ...
 *   }
 *   aws_response_cleanup(&r); aws_call_cleanup(&c);
 */
#ifndef OSPREY_AWS_AWS_H
#define OSPREY_AWS_AWS_H

#include <jansson.h>
#include <stddef.h>
#include <time.h>

#include "core/ctx.h"
#include "core/err.h"

/* ---- credentials (filled by creds/, read only by aws/sigv4.c) ---- */
struct aws_creds {
    char access_key_id[128];
    char secret_access_key[256];
    char *session_token;   /* owned; NULL when none */
    time_t expiration;     /* 0: never expires */
    char provider[48];     /* "env", "profile:dev", "web-identity", ... for --debug */
};
void aws_creds_cleanup(struct aws_creds *c);
/* Deep copy (dst is overwritten, not freed first). */
OSP_MUST_CHECK enum osp_code aws_creds_copy(struct aws_creds *dst, const struct aws_creds *src);

/* Called by the client (under its lock) when the credentials expire within 5 minutes. */
typedef enum osp_code (*aws_refresh_fn)(void *ud, struct aws_creds *out, struct osp_err *err);

/* ---- client ---- */
struct aws_client_opts {
    const char *endpoint_url;  /* --endpoint / AWS_ENDPOINT_URL: one URL for every service */
    const char *profile_endpoint_url; /* profile's endpoint_url; below the env vars in priority */
    int concurrency;           /* max requests in flight; default 32 */
    long timeout_ms;           /* per attempt; default 30000 */
    long connect_timeout_ms;   /* default 5000 */
    int max_attempts;          /* default 3 (AWS standard retry mode) */
    size_t max_response_bytes; /* default 64 MiB; larger bodies fail with OSP_ELIMIT */
    const char *ca_bundle;     /* AWS_CA_BUNDLE */
    int insecure;              /* disable TLS verification (warns once) */
    double retry_base_delay;   /* seconds; default 0.1 (tests may lower it) */
};

struct aws_client;

OSP_MUST_CHECK enum osp_code aws_client_new(struct osp_ctx *ctx, const struct aws_client_opts *opts,
                                            struct aws_client **out, struct osp_err *err);
void aws_client_free(struct aws_client *c); /* NULL ok; waits for the I/O thread */
/* Copies creds; refresh (may be NULL) is called when they near expiry. */
OSP_MUST_CHECK enum osp_code aws_client_set_creds(struct aws_client *c, const struct aws_creds *creds,
                                                  aws_refresh_fn refresh, void *refresh_ud, struct osp_err *err);
struct osp_ctx *aws_client_ctx(struct aws_client *c);

/* Counters, for tests, --debug summaries and benchmarks. */
struct aws_stats {
    unsigned long requests;  /* HTTP attempts made */
    unsigned long retries;
    unsigned long throttled;
    unsigned long bytes_in;
};
void aws_client_stats(struct aws_client *c, struct aws_stats *out);
/* Per service: attempts, throttling answers, waits for the client-side rate limit (see
 * ratelimit.h) and the rate it has adapted to. Fills up to max rows; returns how many exist. */
struct aws_service_stats {
    char service[32];
    unsigned long requests, throttles, waits;
    double waited, rate, max_rate; /* seconds slept; requests/s now and ceiling */
};
size_t aws_client_service_stats(struct aws_client *c, struct aws_service_stats *out, size_t max);

/* ---- one call ---- */
enum aws_protocol {
    AWS_PROTO_QUERY,    /* IAM, STS, SNS, RDS, ELB, CloudWatch (Action=..&Version=..) */
    AWS_PROTO_EC2,      /* EC2's variant of query */
    AWS_PROTO_RESTXML,  /* S3, CloudFront, Route 53 */
    AWS_PROTO_JSON,     /* JSON 1.0/1.1 with X-Amz-Target (KMS, Logs, Config, CloudTrail, ...) */
    AWS_PROTO_RESTJSON, /* REST-JSON (Access Analyzer, Account, Lambda, ...) */
};

struct aws_param {
    char *name;
    char *value;
};

struct aws_call {
    const char *service;     /* endpoint / signing name: "iam", "s3", "ec2", "logs", "sts", ... */
    const char *region;      /* signing region; global services are mapped by the endpoint layer */
    enum aws_protocol proto;
    const char *action;      /* query/ec2: Action; json: the X-Amz-Target value
                                ("TrentService.ListKeys"); rest: a label for logs */
    const char *api_version; /* query/ec2: Version */
    const char *json_version;/* json: "1.0" or "1.1" (Content-Type application/x-amz-json-1.x) */
    const char *method;      /* rest: "GET", "POST", ...; others: POST (query may use GET) */
    const char *path;        /* rest: "/", "/bucket", "/v20190101/analyzer" (unencoded; the
                                signer encodes); S3 bucket calls use path style */
    const char *body;        /* json/rest-json: request body (NULL: "{}" for json, none for rest) */
    struct aws_param *params;/* query/ec2: form parameters; rest: query-string parameters */
    size_t nparams, capparams;
    const char *host_prefix; /* rarely needed; NULL */
    int allow_404;           /* rest: treat 404 as success with error filled (e.g. no bucket policy) */
    const struct aws_creds *creds; /* sign with these instead of the client's (AssumeRole from a
                                      source profile); borrowed for the duration of the call */
    int anonymous;           /* send unsigned (AssumeRoleWithWebIdentity) */
    const char *const *headers; /* extra "Name: value" header lines, NULL-terminated; borrowed */
};

/* Macro parameters end in an underscore so they never collide with the member designators. */
#define AWS_CALL_QUERY(svc_, region_, action_, version_) \
    ((struct aws_call){.service = (svc_), .region = (region_), .proto = AWS_PROTO_QUERY, .action = (action_), .api_version = (version_)})
#define AWS_CALL_EC2(region_, action_) \
    ((struct aws_call){.service = "ec2", .region = (region_), .proto = AWS_PROTO_EC2, .action = (action_), .api_version = "2016-11-15"})
#define AWS_CALL_JSON(svc_, region_, target_, jsonver_, body_) \
    ((struct aws_call){.service = (svc_), .region = (region_), .proto = AWS_PROTO_JSON, .action = (target_), .json_version = (jsonver_), .body = (body_)})
#define AWS_CALL_REST(svc_, region_, proto_, meth_, path_) \
    ((struct aws_call){.service = (svc_), .region = (region_), .proto = (proto_), .method = (meth_), .path = (path_), .action = (path_)})

/* Add a parameter (copied). Replaces an existing one of the same name. */
OSP_MUST_CHECK enum osp_code aws_call_param(struct aws_call *c, const char *name, const char *value);
/* Add a list parameter: query style "Prefix.member.1", "Prefix.member.2", ...; EC2 style
 * "Prefix.1", "Prefix.2", ... (chosen by c->proto). Values are copied. */
OSP_MUST_CHECK enum osp_code aws_call_param_list(struct aws_call *c, const char *prefix, const char *const *values,
                                                 size_t n);
void aws_call_cleanup(struct aws_call *c); /* frees params only */

struct aws_error {
    char code[96];       /* "AccessDenied", "ThrottlingException", "SignatureDoesNotMatch" */
    char message[384];
    char request_id[80];
    int http_status;
};

struct aws_response {
    int http_status;
    json_t *body;          /* parsed body (see above); NULL for an empty body */
    struct aws_error error;/* code[0] == 0 when the call succeeded */
    int attempts;
    int throttled;         /* attempts answered with a throttling error */
    double latency;        /* seconds, all attempts */
};

/* Sign, send (with retries), parse. Thread-safe, blocking. On OSP_OK, resp->body is set (or
 * NULL for an empty 2xx body). On failure resp->error / err say why; resp must still be
 * cleaned up. */
OSP_MUST_CHECK enum osp_code aws_call(struct aws_client *c, struct aws_call *call, struct aws_response *resp,
                                      struct osp_err *err);
void aws_response_cleanup(struct aws_response *r);

/* Is this AWS error code one that means "not permitted" (AccessDenied, UnauthorizedOperation,
 * AccessDeniedException, AuthorizationError, ...)? Collectors use it to mark a service failed. */
int aws_error_is_access_denied(const char *code);
/* Does this code mean the service/region/operation does not exist here (unsupported region,
 * unknown endpoint, OptInRequired, InvalidAction for a region without the service)? */
int aws_error_is_unsupported(const char *code);

/* ---- plain HTTP (IMDS, ECS credential endpoint, CI OIDC token endpoints) ---- */
/* One unsigned request through the same multi handle, no retries beyond `attempts`, no AWS
 * error parsing. headers: NULL-terminated "Name: value" lines (borrowed). body may be NULL.
 * On OSP_OK *status is the HTTP status and *out holds the body (caller frees, NUL-terminated).
 * Fails with OSP_ENET on connection errors/timeouts, OSP_ELIMIT past max_response_bytes. */
OSP_MUST_CHECK enum osp_code aws_http_simple(struct aws_client *c, const char *method, const char *url,
                                             const char *const *headers, const char *body, long timeout_ms,
                                             int attempts, int *status, char **out, size_t *outlen,
                                             struct osp_err *err);

/* ---- tree helpers ---- */
/* Follow a dotted path of object members: aws_get(r.body, "ListUsersResponse.ListUsersResult.Users"). */
json_t *aws_get(json_t *root, const char *dotted_path);
/* String at a dotted path, or NULL. */
const char *aws_get_str(json_t *root, const char *dotted_path);
/* Iterate a list that may be an array, a single object/string, or NULL. NULL, JSON null (moto)
 * and "" (an empty XML list such as <Users/>) hold no items:
 *   size_t i; json_t *v;  AWS_ITEMS(list, i, v) { ... }                                    */
size_t aws_items_len(json_t *list);
json_t *aws_items_at(json_t *list, size_t i);
#define AWS_ITEMS(list, i, v) \
    for ((i) = 0; (i) < aws_items_len(list) && ((v) = aws_items_at((list), (i))) != NULL; (i)++)

/* ---- pagination ---- */
/* Calls `call` repeatedly, feeding the output token back as input, invoking page_fn on each
 * response body. token_in: request parameter (query/ec2/rest) or JSON body member (json, and
 * rest-json calls that have a body)
 * ("Marker", "NextToken", "ContinuationToken"); token_out: dotted path to the next token in
 * the response; for query APIs with IsTruncated, the token is read only when
 * "<...>.IsTruncated" is "true" (pass truncated_path, else NULL). Stops after max_pages
 * (0: 10000) with OSP_ELIMIT rather than looping forever on a token that never changes.
 * The call is left as given (the token parameter / body member is removed again). */
typedef enum osp_code (*aws_page_fn)(void *ud, json_t *body, struct osp_err *err);
OSP_MUST_CHECK enum osp_code aws_paginate(struct aws_client *c, struct aws_call *call, const char *token_in,
                                          const char *token_out, const char *truncated_path, aws_page_fn page_fn,
                                          void *ud, struct osp_err *err);

/* ---- endpoints ---- */
/* The partition of a region: "aws", "aws-cn", "aws-us-gov" (unknown regions: "aws"). */
const char *aws_partition_of(const char *region);
/* The partition's public regions (NULL-terminated, static; *n of them; NULL for unknown ones). */
const char *const *aws_partition_regions(const char *partition, size_t *n);
/* Does this look like a valid region name ("us-east-1", "cn-north-1", "us-gov-west-1")? */
int aws_region_is_valid(const char *region);

#endif
