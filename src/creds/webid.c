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

enum osp_code cred_webid_env(struct cred_chain *c, struct aws_creds *out, struct osp_err *err)
{
    const char *file = osp_getenv_nonempty(c->ctx, "AWS_WEB_IDENTITY_TOKEN_FILE");
    const char *role = osp_getenv_nonempty(c->ctx, "AWS_ROLE_ARN");
    if (!file || !role) {
        cred_note(c, "web-identity: %s not set", file ? "AWS_ROLE_ARN" : "AWS_WEB_IDENTITY_TOKEN_FILE");
        return OSP_ENOTFOUND;
    }
    return cred_webid_file(c, role, file, osp_getenv_nonempty(c->ctx, "AWS_ROLE_SESSION_NAME"), "web-identity", out,
                           err);
}
