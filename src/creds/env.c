/* env.c: credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY [/ AWS_SESSION_TOKEN]. */
#include "creds/creds_int.h"

enum osp_code cred_env(struct cred_chain *c, struct aws_creds *out, struct osp_err *err)
{
    const char *akid = osp_getenv_nonempty(c->ctx, "AWS_ACCESS_KEY_ID");
    const char *secret = osp_getenv_nonempty(c->ctx, "AWS_SECRET_ACCESS_KEY");
    if (!akid && !secret) {
        cred_note(c, "env: AWS_ACCESS_KEY_ID not set");
        return OSP_ENOTFOUND;
    }
    if (!akid || !secret)
        return osp_err_set(err, OSP_ECREDS, "%s is set but %s is not (set both, or unset both)",
                           akid ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY",
                           akid ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID");
    const char *token = osp_getenv_nonempty(c->ctx, "AWS_SESSION_TOKEN");
    if (!token)
        token = osp_getenv_nonempty(c->ctx, "AWS_SECURITY_TOKEN");
    return cred_fill(out, akid, secret, token, 0, "env", err);
}
