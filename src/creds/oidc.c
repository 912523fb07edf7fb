/* oidc.c: native CI OIDC: a GitHub Actions or GitLab ID token -> sts:AssumeRoleWithWebIdentity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "creds/creds_int.h"

#define OIDC_AUDIENCE "sts.amazonaws.com"
#define OIDC_TIMEOUT_MS 10000
#define OIDC_ATTEMPTS 3

/* GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com (or $OSPREY_OIDC_AUDIENCE) with the
 * request bearer token. */
static enum osp_code github_token(struct cred_chain *c, const char *url0, const char *bearer, char **token,
                                  struct osp_err *err)
{
    /* OSPREY_OIDC_AUDIENCE: the aud the role's trust policy expects (the action's `audience`) */
    const char *aud = osp_getenv_nonempty(c->ctx, "OSPREY_OIDC_AUDIENCE");
    if (!aud)
        aud = OIDC_AUDIENCE;
    if (aud[strspn(aud, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/")])
        return osp_err_set(err, OSP_EUSAGE, "invalid OSPREY_OIDC_AUDIENCE '%s' (letters, digits and -._~:/ only)",
                           aud);
    size_t n = strlen(url0) + strlen(aud) + 16, hn = strlen(bearer) + 32;
    char *url = malloc(n), *hdr = malloc(hn), *body = NULL;
    if (!url || !hdr) {
        free(url);
        free(hdr);
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    snprintf(url, n, "%s%caudience=%s", url0, strchr(url0, '?') ? '&' : '?', aud);
    snprintf(hdr, hn, "Authorization: bearer %s", bearer);
    const char *headers[] = {hdr, "Accept: application/json", NULL};
    int status = 0;
    enum osp_code rc = cred_http(c, "GET", url, headers, OIDC_TIMEOUT_MS, OIDC_ATTEMPTS, &status, &body, err);
    explicit_bzero(hdr, hn);
    free(hdr);
    free(url);
    if (rc) {
        osp_err_prefix(err, "GitHub OIDC token endpoint: ");
        return rc;
    }
    json_error_t je;
    json_t *root = status == 200 ? json_loads(body, 0, &je) : NULL;
    json_t *v = json_object_get(root, "value");
    if (status != 200)
        rc = osp_err_set(err, OSP_ECREDS,
                         "GitHub OIDC token endpoint answered HTTP %d (does the job have "
                         "'permissions: id-token: write'?)",
                         status);
    else if (!json_is_string(v) || !*json_string_value(v))
        rc = osp_err_set(err, OSP_ECREDS, "GitHub OIDC token endpoint: the answer has no \"value\"");
    else if (!(*token = strdup(json_string_value(v))))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    json_decref(root);
    if (body)
        explicit_bzero(body, strlen(body));
    free(body);
    return rc;
}

static enum osp_code token_from_env(struct cred_chain *c, char **token, struct osp_err *err)
{
    const char *v = osp_getenv_nonempty(c->ctx, c->wi_token_env);
    if (!v)
        return osp_err_set(err, OSP_ECREDS,
                           "--web-identity-token-env names '%s' but it is not set (in GitLab CI "
                           "declare it under id_tokens: with aud: sts.amazonaws.com)",
                           c->wi_token_env);
    if (!(*token = strdup(v)))
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    cred_trim(*token);
    return OSP_OK;
}

enum osp_code cred_oidc(struct cred_chain *c, struct aws_creds *out, struct osp_err *err)
{
    if (!c->role_arn) {
        cred_note(c, "oidc: no --role-arn / OSPREY_ROLE_ARN");
        return OSP_ENOTFOUND;
    }
    /* a token file: the flag, else AWS_WEB_IDENTITY_TOKEN_FILE set without AWS_ROLE_ARN */
    const char *file = c->wi_token_file ? c->wi_token_file : osp_getenv_nonempty(c->ctx, "AWS_WEB_IDENTITY_TOKEN_FILE");
    if (file && !c->wi_token_env) {
        osp_debug(c->ctx, "credentials: oidc: token from %s", file);
        return cred_webid_file(c, c->role_arn, file, c->role_session_name, "oidc:file", out, err);
    }
    const char *gh_url = osp_getenv_nonempty(c->ctx, "ACTIONS_ID_TOKEN_REQUEST_URL");
    const char *gh_tok = osp_getenv_nonempty(c->ctx, "ACTIONS_ID_TOKEN_REQUEST_TOKEN");
    char *token = NULL;
    const char *prov;
    enum osp_code rc;
    if (c->wi_token_env) {
        prov = "oidc:env";
        rc = token_from_env(c, &token, err);
    } else if (gh_url && gh_tok) {
        prov = "oidc:github";
        osp_debug(c->ctx, "credentials: oidc: requesting a GitHub Actions ID token");
        rc = github_token(c, gh_url, gh_tok, &token, err);
    } else {
        cred_note(c, "oidc: no token (ACTIONS_ID_TOKEN_REQUEST_URL not set: GitHub jobs need 'permissions: id-token: "
                     "write'; GitLab: --web-identity-token-env)");
        return OSP_ENOTFOUND;
    }
    if (!rc)
        rc = cred_sts_assume_role_web(c, c->role_arn, c->role_session_name, token, prov, out, err);
    if (token) {
        explicit_bzero(token, strlen(token));
        free(token);
    }
    return rc;
}
