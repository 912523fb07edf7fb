/* credjson.c: credential JSON documents: credential_process output and ECS / IMDS responses. */
#include <stdlib.h>
#include <string.h>

#include "core/timeutil.h"
#include "creds/creds_int.h"

static const char *str_member(json_t *o, const char *name)
{
    json_t *v = json_object_get(o, name);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Expiration: RFC 3339 string; absent or null means "does not expire". */
static enum osp_code read_expiration(json_t *o, const char *what, time_t now, time_t *exp, struct osp_err *err)
{
    json_t *v = json_object_get(o, "Expiration");
    *exp = 0;
    if (!v || json_is_null(v))
        return OSP_OK;
    if (!json_is_string(v) || (*exp = osp_parse_rfc3339(json_string_value(v))) == (time_t)-1)
        return osp_err_set(err, OSP_EPARSE, "%s: Expiration is not an RFC 3339 time (e.g. 2030-01-02T03:04:05Z)", what);
    if (*exp <= now)
        return osp_err_set(err, OSP_ECREDS, "%s returned credentials that expired at %s (refresh the source)", what,
                           json_string_value(v));
    return OSP_OK;
}

static enum osp_code parse_doc(const char *text, const char *what, json_t **root, struct osp_err *err)
{
    json_error_t je;
    *root = json_loads(text, JSON_REJECT_DUPLICATES, &je);
    if (!*root)
        /* jansson's text quotes the input near the error, which may be the secret: position only */
        return osp_err_set(err, OSP_EPARSE, "%s: output is not JSON (error at line %d, column %d)", what, je.line,
                           je.column);
    if (!json_is_object(*root)) {
        json_decref(*root);
        *root = NULL;
        return osp_err_set(err, OSP_EPARSE, "%s: output is not a JSON object", what);
    }
    return OSP_OK;
}

static enum osp_code fill_from(json_t *root, const char *what, const char *token_field, time_t now,
                               const char *provider, struct aws_creds *out, struct osp_err *err)
{
    const char *akid = str_member(root, "AccessKeyId");
    const char *secret = str_member(root, "SecretAccessKey");
    if (!akid || !*akid || !secret || !*secret)
        return osp_err_set(err, OSP_EPARSE, "%s: output lacks AccessKeyId or SecretAccessKey", what);
    json_t *tok = json_object_get(root, token_field);
    if (tok && !json_is_null(tok) && !json_is_string(tok))
        return osp_err_set(err, OSP_EPARSE, "%s: %s is not a string", what, token_field);
    time_t exp;
    enum osp_code rc = read_expiration(root, what, now, &exp, err);
    if (rc)
        return rc;
    return cred_fill(out, akid, secret, json_string_value(tok), exp, provider, err);
}

enum osp_code cred_parse_process_json(const char *text, time_t now, const char *provider, struct aws_creds *out,
                                      struct osp_err *err)
{
    const char *what = "credential_process";
    json_t *root;
    enum osp_code rc = parse_doc(text, what, &root, err);
    if (rc)
        return rc;
    json_t *ver = json_object_get(root, "Version");
    if (!json_is_integer(ver) || json_integer_value(ver) != 1)
        rc = osp_err_set(err, OSP_EPARSE, "%s: output must have \"Version\": 1 (see the AWS credential_process docs)",
                         what);
    if (!rc)
        rc = fill_from(root, what, "SessionToken", now, provider, out, err);
    json_decref(root);
    return rc;
}

enum osp_code cred_parse_container_json(const char *text, time_t now, const char *provider, struct aws_creds *out,
                                        struct osp_err *err)
{
    json_t *root;
    enum osp_code rc = parse_doc(text, provider, &root, err);
    if (rc)
        return rc;
    const char *code = str_member(root, "Code");
    if (code && strcmp(code, "Success") != 0)
        rc = osp_err_set(err, OSP_ECREDS, "%s: credentials endpoint answered Code '%s'", provider, code);
    if (!rc)
        rc = fill_from(root, provider, "Token", now, provider, out, err);
    json_decref(root);
    return rc;
}
