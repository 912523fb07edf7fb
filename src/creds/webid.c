/* webid.c: web identity: a token file (AWS_WEB_IDENTITY_TOKEN_FILE or a profile's) -> STS. */
#include <stdlib.h>

#include "creds/creds_int.h"

#define WEBID_TOKEN_MAX (64u << 10)

enum osp_code cred_webid_file(struct cred_chain *c, const char *role_arn, const char *token_file, const char *session,
                              const char *provider, struct aws_creds *out, struct osp_err *err)
{
    char *token = NULL;
    enum osp_code rc = cred_read_file(token_file, WEBID_TOKEN_MAX, &token, err);
    if (rc) {
        osp_err_prefix(err, "web identity token: ");
        return rc == OSP_ELIMIT ? rc : OSP_ECREDS;
    }
    cred_trim(token);
    if (!*token)
        rc = osp_err_set(err, OSP_ECREDS, "web identity token file %s is empty (is the CI token step running?)",
                         token_file);
    else
        rc = cred_sts_assume_role_web(c, role_arn, session, token, provider, out, err);
    free(token);
    return rc;
}

static const char *env_or_profile(struct cred_chain *c, int use_env, const char *env, const char *profile,
                                  const char *key)
{
    const char *v = use_env ? osp_getenv_nonempty(c->ctx, env) : NULL;
    return v ? v : profile ? cred_profile_get(c, profile, key) : NULL;
}

enum osp_code cred_webid(struct cred_chain *c, int use_env, const char *profile, struct aws_creds *out,
                         struct osp_err *err)
{
    const char *file = env_or_profile(c, use_env, "AWS_WEB_IDENTITY_TOKEN_FILE", profile, "web_identity_token_file");
    const char *role = env_or_profile(c, use_env, "AWS_ROLE_ARN", profile, "role_arn");
    if (!file || !role) {
        cred_note(c, "web-identity: %s not set", file ? "AWS_ROLE_ARN" : "AWS_WEB_IDENTITY_TOKEN_FILE");
        return OSP_ENOTFOUND;
    }
    const char *session = env_or_profile(c, use_env, "AWS_ROLE_SESSION_NAME", profile, "role_session_name");
    char *path = cred_expand_home(c->ctx, file);
    if (!path)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    enum osp_code rc = cred_webid_file(c, role, path, session, "web-identity", out, err);
    free(path);
    return rc;
}
