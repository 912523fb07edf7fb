/* bi_aws.c: providers.aws.sign_req: sign a request object with AWS Signature V4 the way OPA
 * does (method and path as given, aws headers plus the request's own, S3/Glacier payload hash). */
#include <ctype.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "rego/builtins/bi_gotime.h"
#include "rego/builtins/bi_int.h"

/* "missing"/"invalid" key lists in OPA's {"a", "b"} form; 0 when all are present and strings. */
static int check_keys(rv obj, const char *const *keys, size_t n, char *missing, char *invalid, size_t len)
{
    int bad = 0;
    missing[0] = invalid[0] = 0;
    for (size_t i = 0; i < n; i++) {
        rv v = rv_obj_get_s(obj, keys[i]);
        char *list = rv_is_undef(v) ? missing : rv_kind(v) != RV_STRING ? invalid : NULL;
        if (!list)
            continue;
        size_t l = strlen(list);
        snprintf(list + l, len - l, "%s\"%s\"", l ? ", " : "", keys[i]);
        bad = 1;
    }
    return bad;
}

static enum rego_bi_status check_args(struct rego_bctx *bc, const rv *a)
{
    static const char *const req_keys[] = {"method", "url"};
    static const char *const cfg_keys[] = {"aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"};
    char missing[200], invalid[200];
    BI_WANT(0, RV_OBJECT);
    BI_WANT(1, RV_OBJECT);
    BI_WANT(2, RV_NUMBER);
    if (check_keys(a[0], req_keys, 2, missing, invalid, sizeof missing))
        return rego_bi_type_error(bc, "operand 1 %s required request parameters(s): {%s}",
                                  missing[0] ? "missing" : "invalid values for", missing[0] ? missing : invalid);
    if (check_keys(a[1], cfg_keys, 4, missing, invalid, sizeof missing))
        return rego_bi_type_error(bc, "operand 2 %s required AWS config parameters(s): {%s}",
                                  missing[0] ? "missing" : "invalid values for", missing[0] ? missing : invalid);
    rv dps = rv_obj_get_s(a[1], "disable_payload_signing");
    if (!rv_is_undef(dps) && rv_kind(dps) != RV_BOOL)
        return rego_bi_type_error(bc, "operand 2 invalid value for 'disable_payload_signing' in AWS config");
    return REGO_BI_OK;
}

/* Host and escaped path of a URL (path may be empty, query kept raw). */
static void split_url(const char *url, char *host, size_t hl, char *path, size_t pl, char *query, size_t ql)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t n = strcspn(p, "/?#");
    snprintf(host, hl, "%.*s", (int)n, p);
    p += n;
    n = strcspn(p, "?#");
    snprintf(path, pl, "%.*s", (int)n, p);
    p += n;
    query[0] = 0;
    if (*p == '?')
        snprintf(query, ql, "%.*s", (int)strcspn(p + 1, "#"), p + 1);
}

/* Body bytes: raw_body, else the JSON of body, else empty. Caller frees. */
static char *body_bytes(rv req, size_t *n)
{
    rv raw = rv_obj_get_s(req, "raw_body"), body = rv_obj_get_s(req, "body");
    char *s = rv_kind(raw) == RV_STRING ? strdup(rv_str(raw)) : !rv_is_undef(body) ? bi_json(body) : strdup("");
    *n = s ? (rv_kind(raw) == RV_STRING ? rv_str_len(raw) : strlen(s)) : 0;
    return s;
}

/* Headers to sign (lower-case keys): aws headers, then the request's own on top. */
static rv signing_headers(rv req, rv aws)
{
    rv h = rv_ref(aws), own = rv_obj_get_s(req, "headers");
    for (size_t i = 0; rv_kind(own) == RV_OBJECT && i < rv_len(own); i++) {
        rv k = rv_obj_key_at(own, i), v = rv_obj_val_at(own, i);
        if (rv_kind(k) != RV_STRING || rv_kind(v) != RV_STRING)
            continue;
        char *low = strdup(rv_str(k));
        for (char *c = low; c && *c; c++)
            *c = (char)tolower((unsigned char)*c);
        if (low && strcmp(low, "authorization") != 0)
            rv_obj_set(&h, rv_str_new(low), rv_ref(v));
        free(low);
    }
    return h;
}

static enum osp_code canonical(struct osp_buf *b, rv req, const char *path, const char *query, rv h,
                               const char *payload)
{
    enum osp_code rc = osp_buf_addf(b, "%s\n%s\n%s\n", rv_str(rv_obj_get_s(req, "method")), path, query);
    for (size_t i = 0; i < rv_len(h) && !rc; i++)
        rc = osp_buf_addf(b, "%s:%s\n", rv_str(rv_obj_key_at(h, i)), rv_str(rv_obj_val_at(h, i)));
    if (!rc)
        rc = osp_buf_addc(b, '\n');
    for (size_t i = 0; i < rv_len(h) && !rc; i++)
        rc = osp_buf_addf(b, "%s%s", i ? ";" : "", rv_str(rv_obj_key_at(h, i)));
    return rc ? rc : osp_buf_addf(b, "\n%s", payload);
}

struct sigctx {
    rv req, cfg;
    const char *service, *region;
    char host[512], path[2048], query[2048], payload[65], date[16], iso[24];
};

/* Payload hash (or UNSIGNED-PAYLOAD) and the headers AWS wants signed. */
static rv aws_headers(struct sigctx *s)
{
    size_t blen;
    char *body = body_bytes(s->req, &blen);
    if (rv_is_true(rv_obj_get_s(s->cfg, "disable_payload_signing")))
        snprintf(s->payload, sizeof s->payload, "UNSIGNED-PAYLOAD");
    else
        osp_sha256_hex(body ? body : "", body ? blen : 0, s->payload);
    free(body);
    rv aws = rv_obj_new(), token = rv_obj_get_s(s->cfg, "aws_session_token");
    rv_obj_set(&aws, rv_str_new("host"), rv_str_new(s->host));
    rv_obj_set(&aws, rv_str_new("x-amz-date"), rv_str_new(s->iso));
    if (!strcmp(s->service, "s3") || !strcmp(s->service, "glacier"))
        rv_obj_set(&aws, rv_str_new("x-amz-content-sha256"), rv_str_new(s->payload));
    if (rv_kind(token) == RV_STRING && rv_str_len(token))
        rv_obj_set(&aws, rv_str_new("x-amz-security-token"), rv_ref(token));
    return aws;
}

/* The hex signature of the string to sign, keyed by the secret's derived signing key. */
static int signature(const struct sigctx *s, const char *creq_hash, char sig[65])
{
    const char *secret = rv_str(rv_obj_get_s(s->cfg, "aws_secret_access_key"));
    size_t sl = strlen(secret) + 4;
    char *key = malloc(sl + 1);
    struct osp_buf sts;
    osp_buf_init(&sts, 4096);
    int ok = key && !osp_buf_addf(&sts, "AWS4-HMAC-SHA256\n%s\n%s/%s/%s/aws4_request\n%s", s->iso, s->date, s->region,
                                  s->service, creq_hash);
    if (ok) {
        unsigned char k[32], out[32];
        snprintf(key, sl + 1, "AWS4%s", secret);
        osp_hmac_sha256(key, sl, s->date, strlen(s->date), k);
        osp_hmac_sha256(k, 32, s->region, strlen(s->region), k);
        osp_hmac_sha256(k, 32, s->service, strlen(s->service), k);
        osp_hmac_sha256(k, 32, "aws4_request", 12, k);
        osp_hmac_sha256(k, 32, osp_buf_str(&sts), sts.len, out);
        osp_hex(out, 32, sig);
        OPENSSL_cleanse(k, sizeof k);
        OPENSSL_cleanse(key, sl);
    }
    free(key);
    osp_buf_cleanup(&sts);
    return ok ? 0 : -1;
}

static enum osp_code auth_header(struct osp_buf *b, const struct sigctx *s, rv signed_headers, const char *sig)
{
    enum osp_code rc = osp_buf_addf(b, "AWS4-HMAC-SHA256 Credential=%s/%s/%s/%s/aws4_request,SignedHeaders=",
                                    rv_str(rv_obj_get_s(s->cfg, "aws_access_key")), s->date, s->region, s->service);
    for (size_t i = 0; i < rv_len(signed_headers) && !rc; i++)
        rc = osp_buf_addf(b, "%s%s", i ? ";" : "", rv_str(rv_obj_key_at(signed_headers, i)));
    return rc ? rc : osp_buf_addf(b, ",Signature=%s", sig);
}

/* The request with its headers merged: its own, the AWS ones, and Authorization (taken). */
static rv signed_request(rv req, rv aws, rv authz)
{
    rv own = rv_obj_get_s(req, "headers");
    rv headers = rv_kind(own) == RV_OBJECT ? rv_ref(own) : rv_obj_new();
    for (size_t i = 0; i < rv_len(aws); i++)
        rv_obj_set(&headers, rv_ref(rv_obj_key_at(aws, i)), rv_ref(rv_obj_val_at(aws, i)));
    rv_obj_set(&headers, rv_str_new("Authorization"), authz);
    rv res = rv_ref(req);
    rv_obj_set(&res, rv_str_new("headers"), headers);
    return res;
}

BI(aws_sign_req)
{
    BI_TRY(check_args(bc, a));
    char *t = bi_num_text(a[2]);
    int64_t ns = 0;
    int ok = t && t[0] != '-' && strspn(t, "0123456789") == strlen(t) && rv_num_to_int64(a[2], &ns);
    free(t);
    if (!ok)
        return rego_bi_type_error(bc, "operand 3 could not convert time_ns value into a unix timestamp");
    struct sigctx s = {.req = a[0], .cfg = a[1]};
    s.service = rv_str(rv_obj_get_s(a[1], "aws_service"));
    s.region = rv_str(rv_obj_get_s(a[1], "aws_region"));
    split_url(rv_str(rv_obj_get_s(a[0], "url")), s.host, sizeof s.host, s.path, sizeof s.path, s.query, sizeof s.query);
    struct bi_tz utc;
    char msg[64], creq_hash[65], sig[65];
    bi_tz_load("", &utc, msg, sizeof msg);
    bi_gotime_format("20060102", ns / 1000000000, 0, &utc, s.date, sizeof s.date);
    bi_gotime_format("20060102T150405Z", ns / 1000000000, 0, &utc, s.iso, sizeof s.iso);
    rv aws = aws_headers(&s), sh = signing_headers(a[0], aws);
    struct osp_buf creq, auth;
    osp_buf_init(&creq, 1u << 20);
    osp_buf_init(&auth, 4096);
    enum osp_code rc = canonical(&creq, a[0], s.path, s.query, sh, s.payload);
    osp_sha256_hex(osp_buf_str(&creq), creq.len, creq_hash);
    if (!rc && signature(&s, creq_hash, sig) != 0)
        rc = OSP_ENOMEM;
    if (!rc)
        rc = auth_header(&auth, &s, sh, sig);
    rv_unref(sh);
    osp_buf_cleanup(&creq);
    if (rc) {
        rv_unref(aws);
        osp_buf_cleanup(&auth);
        return bi_oom(bc);
    }
    rv res = signed_request(a[0], aws, rv_str_new(osp_buf_str(&auth)));
    osp_buf_cleanup(&auth);
    rv_unref(aws);
    return bi_ok(out, res);
}
