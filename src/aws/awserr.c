/* awserr.c: error bodies of every AWS protocol -> {code, message, request id, status}. */
#include "aws/awserr.h"

#include <stdio.h>
#include <string.h>

#include "aws/xml.h"

/* Error text is printed as one line: control characters from the body (newlines, terminal
 * escapes) become spaces. */
static void one_line(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = ' ';
}

static void copy(char *dst, size_t n, const char *src)
{
    if (src && *src && !*dst) {
        snprintf(dst, n, "%s", src);
        one_line(dst);
    }
}

/* "aws.protocoltests#FooError" -> "FooError"; "FooError:http://..." -> "FooError". */
static void set_code(struct aws_error *e, const char *raw)
{
    if (!raw || !*raw || e->code[0])
        return;
    const char *hash = strrchr(raw, '#');
    const char *s = hash ? hash + 1 : raw;
    size_t n = strcspn(s, ":");
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    if (n >= sizeof(e->code))
        n = sizeof(e->code) - 1;
    memcpy(e->code, s, n);
    e->code[n] = '\0';
    one_line(e->code);
    /* a response may not pass itself off as one of osprey's own codes (core/err.h) */
    if (osp_code_is_own(e->code)) {
        char own[sizeof(e->code)];
        snprintf(own, sizeof(own), "%s", e->code);
        snprintf(e->code, sizeof(e->code), "Aws.%s", own);
    }
}

static const char *jstr(json_t *o, const char *const *names)
{
    for (size_t i = 0; names[i]; i++) {
        const char *v = json_string_value(json_object_get(o, names[i]));
        if (v && *v)
            return v;
    }
    return NULL;
}

static const char *const code_keys[] = {"__type", "code", "Code", NULL};
static const char *const msg_keys[] = {"message", "Message", "errorMessage", "error_description", NULL};
static const char *const rid_keys[] = {"RequestId", "RequestID", "requestId", NULL};

/* Depth-first: the first object with a "Code" member (query, EC2, S3 and XML-on-JSON errors). */
static json_t *find_error_obj(json_t *v, int depth)
{
    if (depth > 8 || !v)
        return NULL;
    if (json_is_object(v) && json_is_string(json_object_get(v, "Code")))
        return v;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x)
        {
            json_t *f = find_error_obj(x, depth + 1);
            if (f)
                return f;
        }
        return NULL;
    }
    const char *k;
    json_t *x;
    json_object_foreach(v, k, x)
    {
        json_t *f = find_error_obj(x, depth + 1);
        if (f)
            return f;
    }
    return NULL;
}

static json_t *find_key(json_t *v, const char *const *names, int depth)
{
    if (depth > 8 || !json_is_object(v))
        return NULL;
    if (jstr(v, names))
        return v;
    const char *k;
    json_t *x;
    json_object_foreach(v, k, x)
    {
        json_t *f = find_key(x, names, depth + 1);
        if (f)
            return f;
    }
    return NULL;
}

static void parse_xml(const char *body, size_t len, struct aws_error *e)
{
    json_t *root = NULL;
    struct osp_err err;
    osp_err_init(&err);
    if (aws_xml_to_json(body, len, 1 << 20, &root, &err) != OSP_OK)
        return;
    json_t *eo = find_error_obj(root, 0);
    if (eo) {
        set_code(e, json_string_value(json_object_get(eo, "Code")));
        copy(e->message, sizeof(e->message), jstr(eo, msg_keys));
        copy(e->request_id, sizeof(e->request_id), jstr(eo, rid_keys));
    }
    json_t *ro = find_key(root, rid_keys, 0);
    if (ro)
        copy(e->request_id, sizeof(e->request_id), jstr(ro, rid_keys));
    json_decref(root);
}

static void parse_json(const char *body, size_t len, struct aws_error *e)
{
    json_t *root = json_loadb(body, len, 0, NULL);
    if (!json_is_object(root)) {
        json_decref(root);
        return;
    }
    set_code(e, jstr(root, code_keys));
    copy(e->message, sizeof(e->message), jstr(root, msg_keys));
    /* some services nest: {"Error": {"Code": ..., "Message": ...}} */
    json_t *eo = find_error_obj(root, 0);
    if (eo) {
        set_code(e, json_string_value(json_object_get(eo, "Code")));
        copy(e->message, sizeof(e->message), jstr(eo, msg_keys));
    }
    json_decref(root);
}

void aws_error_parse(const char *body, size_t len, const char *hdr_errtype, const char *hdr_reqid, int status,
                     struct aws_error *out)
{
    memset(out, 0, sizeof(*out));
    out->http_status = status;
    size_t i = 0;
    while (body && i < len && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n'))
        i++;
    /* The header names the code for REST-JSON; a body code is the fallback. */
    set_code(out, hdr_errtype);
    if (body && i < len && body[i] == '<')
        parse_xml(body + i, len - i, out);
    else if (body && i < len && body[i] == '{')
        parse_json(body + i, len - i, out);
    copy(out->request_id, sizeof(out->request_id), hdr_reqid);
    if (!out->code[0])
        snprintf(out->code, sizeof(out->code), "%d", status);
    if (!out->message[0])
        snprintf(out->message, sizeof(out->message), "HTTP %d from AWS with no error message", status);
}

/* 1 when code is in the NULL-terminated list (a NULL code is in none). */
static int in_list(const char *const *list, const char *code)
{
    for (size_t i = 0; code && list[i]; i++)
        if (strcmp(list[i], code) == 0)
            return 1;
    return 0;
}

static const char *const auth_codes[] = {
    "SignatureDoesNotMatch",
    "InvalidClientTokenId",
    "UnrecognizedClientException",
    "IncompleteSignature",
    "ExpiredToken",
    "ExpiredTokenException",
    "InvalidAccessKeyId",
    "AuthFailure",
    "InvalidSignatureException",
    "MissingAuthenticationToken",
    "MissingAuthenticationTokenException",
    "InvalidToken",
    "TokenRefreshRequired",
    NULL,
};

enum osp_code aws_error_code_class(const char *code)
{
    return in_list(auth_codes, code) ? OSP_EAUTH : OSP_EAWS;
}

int aws_error_is_skew(const char *code)
{
    return code && (strcmp(code, "RequestTimeTooSkewed") == 0 || strcmp(code, "RequestExpired") == 0 ||
                    strcmp(code, "SignatureExpired") == 0 || strcmp(code, "InvalidSignatureException") == 0 ||
                    strcmp(code, "RequestInTheFuture") == 0);
}

void aws_error_format(const struct aws_error *e, char *out, size_t outlen)
{
    snprintf(out, outlen, "%s: %s (HTTP %d, request id %s)", e->code, e->message, e->http_status,
             e->request_id[0] ? e->request_id : "none");
}

enum osp_code aws_error_to_err(const struct aws_error *e, struct osp_err *err)
{
    char msg[640];
    aws_error_format(e, msg, sizeof(msg));
    enum osp_code code = aws_error_code_class(e->code);
    if (err && err->code == OSP_OK) {
        osp_err_set(err, code, "%s", msg);
        snprintf(err->aws_code, sizeof(err->aws_code), "%s", e->code);
        snprintf(err->request_id, sizeof(err->request_id), "%s", e->request_id);
        err->http_status = e->http_status;
    }
    return code;
}

static const char *const denied_codes[] = {
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "AuthorizationError",
    "AuthorizationErrorException",
    "UnauthorizedAccess",
    "Forbidden",
    "ForbiddenException",
    "NotAuthorized",
    "AllAccessDisabled",
    "403",
    NULL,
};

int aws_error_is_access_denied(const char *code)
{
    return in_list(denied_codes, code);
}

static const char *const unsupported_codes[] = {
    "OptInRequired",
    "InvalidAction",
    "UnsupportedOperation",
    "UnsupportedOperationException",
    "UnknownOperationException",
    "InvalidClientTokenId.UnsupportedRegion",
    "UnrecognizedServiceException",
    "SubscriptionRequiredException",
    "NotSupportedException",
    "InvalidRegion",
    "EndpointNotFound",
    "UnknownEndpoint",
    "ServiceNotSupported",
    NULL,
};

int aws_error_is_unsupported(const char *code)
{
    return in_list(unsupported_codes, code);
}
