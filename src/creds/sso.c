/* sso.c: IAM Identity Center: the cached SSO access token, then sso:GetRoleCredentials. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/log.h"
#include "core/timeutil.h"
#include "creds/creds_int.h"

#define SSO_CACHE_MAX (256u << 10)

struct sso_conf {
    const char *session;   /* sso_session name, or NULL (legacy) */
    const char *start_url; /* from the sso-session section or the profile */
    const char *region;
    const char *account, *role;
};

static enum osp_code sso_conf(struct cred_chain *c, const char *profile, struct sso_conf *s, struct osp_err *err)
{
    memset(s, 0, sizeof(*s));
    s->session = cred_profile_get(c, profile, "sso_session");
    if (s->session) {
        const struct cred_section *sec = cred_sso_session(c, s->session);
        if (!sec)
            return osp_err_set(err, OSP_ECONFIG, "profile '%s': [sso-session %s] not found in %s", profile, s->session,
                               c->config_path);
        s->start_url = cred_ini_get(sec, "sso_start_url");
        s->region = cred_ini_get(sec, "sso_region");
    } else {
        s->start_url = cred_profile_get(c, profile, "sso_start_url");
        s->region = cred_profile_get(c, profile, "sso_region");
    }
    s->account = cred_profile_get(c, profile, "sso_account_id");
    s->role = cred_profile_get(c, profile, "sso_role_name");
    const char *missing = !s->start_url ? "sso_start_url"
                          : !s->region  ? "sso_region"
                          : !s->account ? "sso_account_id"
                          : !s->role    ? "sso_role_name"
                                        : NULL;
    if (missing)
        return osp_err_set(err, OSP_ECONFIG, "profile '%s': SSO configuration lacks %s (see 'aws configure sso')",
                           profile, missing);
    return OSP_OK;
}

/* expiresAt: "2030-01-02T03:04:05Z", older CLIs wrote "...UTC". */
static time_t sso_expiry(const char *s)
{
    char tmp[64];
    size_t n = strlen(s);
    if (n > 3 && n < sizeof(tmp) && !strcmp(s + n - 3, "UTC")) {
        memcpy(tmp, s, n - 3);
        tmp[n - 3] = 'Z';
        tmp[n - 2] = 0;
        s = tmp;
    }
    return osp_parse_rfc3339(s);
}

static enum osp_code token_from_cache(struct cred_chain *c, const char *profile, const char *path, const char *login,
                                      char **token, struct osp_err *err)
{
    char *text = NULL;
    if (cred_read_file(path, SSO_CACHE_MAX, &text, err))
        return osp_err_set(err, OSP_ECREDS, "profile '%s': no SSO token cached; run '%s'", profile, login);
    json_error_t je;
    json_t *root = json_loads(text, 0, &je);
    free(text);
    json_t *tok = json_object_get(root, "accessToken"), *exp = json_object_get(root, "expiresAt");
    enum osp_code rc = OSP_OK;
    if (!json_is_string(tok) || !json_is_string(exp))
        rc = osp_err_set(err, OSP_ECREDS, "profile '%s': SSO token cache %s is not valid; run '%s'", profile, path,
                         login);
    else if (sso_expiry(json_string_value(exp)) == (time_t)-1 || sso_expiry(json_string_value(exp)) <= osp_now(c->ctx))
        rc = osp_err_set(err, OSP_ECREDS, "profile '%s': the SSO session has expired; run '%s'", profile, login);
    else if (!(*token = strdup(json_string_value(tok))))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    json_decref(root);
    return rc;
}

enum osp_code cred_sso_token(struct cred_chain *c, const char *profile, char **token, char *region, size_t regionlen,
                             struct osp_err *err)
{
    struct sso_conf s;
    enum osp_code rc = sso_conf(c, profile, &s, err);
    if (rc)
        return rc;
    const char *key = s.session ? s.session : s.start_url;
    char hex[41], login[160], rel[128];
    osp_sha1_hex(key, strlen(key), hex);
    if (s.session)
        snprintf(login, sizeof(login), "aws sso login --sso-session %s", s.session);
    else
        snprintf(login, sizeof(login), "aws sso login --profile %s", profile);
    snprintf(rel, sizeof(rel), "~/.aws/sso/cache/%s.json", hex);
    char *path = cred_expand_home(c->ctx, rel);
    if (!path)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    osp_debug(c->ctx, "credentials: profile '%s': SSO token cache %s", profile, path);
    rc = token_from_cache(c, profile, path, login, token, err);
    free(path);
    if (!rc && cred_copy(region, regionlen, s.region))
        rc = osp_err_set(err, OSP_ECONFIG, "profile '%s': sso_region too long", profile);
    return rc;
}

static enum osp_code role_creds(json_t *body, const char *prov, struct aws_creds *out, struct osp_err *err)
{
    json_t *rc = json_object_get(body, "roleCredentials");
    const char *akid = aws_get_str(rc, "accessKeyId"), *secret = aws_get_str(rc, "secretAccessKey");
    json_t *exp = json_object_get(rc, "expiration");
    if (!akid || !secret)
        return osp_err_set(err, OSP_EPARSE, "sso:GetRoleCredentials: response has no roleCredentials");
    time_t t = json_is_integer(exp) ? (time_t)(json_integer_value(exp) / 1000) : 0;
    return cred_fill(out, akid, secret, aws_get_str(rc, "sessionToken"), t, prov, err);
}

enum osp_code cred_sso(struct cred_chain *c, const char *profile, struct aws_creds *out, struct osp_err *err)
{
    char *token = NULL, region[64], prov[48], hdr[4096];
    enum osp_code rc = cred_sso_token(c, profile, &token, region, sizeof(region), err);
    if (rc)
        return rc;
    struct sso_conf s;
    if (sso_conf(c, profile, &s, err) ||
        snprintf(hdr, sizeof(hdr), "x-amz-sso_bearer_token: %s", token) >= (int)sizeof(hdr)) {
        free(token);
        return osp_err_set(err, OSP_ECREDS, "profile '%s': SSO access token too long", profile);
    }
    free(token);
    const char *headers[] = {hdr, NULL};
    struct aws_call call = AWS_CALL_REST("sso", region, AWS_PROTO_RESTJSON, "GET", "/federation/credentials");
    call.anonymous = 1;
    call.headers = headers;
    call.action = "GetRoleCredentials";
    struct aws_response resp;
    memset(&resp, 0, sizeof(resp));
    if (aws_call_param(&call, "account_id", s.account) || aws_call_param(&call, "role_name", s.role))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    else if ((rc = cred_call(c, &call, &resp, err)) != OSP_OK)
        osp_err_prefix(err, "profile '%s': sso:GetRoleCredentials: ", profile);
    snprintf(prov, sizeof(prov), "sso:%s", profile);
    if (!rc)
        rc = role_creds(resp.body, prov, out, err);
    explicit_bzero(hdr, sizeof(hdr));
    cred_response_cleanup(c, &resp);
    aws_call_cleanup(&call);
    return rc;
}
