/* sts.c: the STS calls of the chain: AssumeRole, AssumeRoleWithWebIdentity, GetCallerIdentity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/timeutil.h"
#include "creds/creds_int.h"

#define STS_VERSION "2011-06-15"

static struct aws_call sts_call(const char *region, const char *action)
{
    return AWS_CALL_QUERY("sts", region, action, STS_VERSION);
}

void cred_default_session(const struct cred_chain *c, char *out, size_t outlen)
{
    snprintf(out, outlen, "osprey-%lld", (long long)osp_now(c->ctx));
}

/* <Action>Response.<Action>Result.Credentials -> out */
static enum osp_code read_credentials(json_t *body, const char *action, const char *provider, struct aws_creds *out,
                                      struct osp_err *err)
{
    char path[128];
    snprintf(path, sizeof(path), "%sResponse.%sResult.Credentials", action, action);
    json_t *cr = aws_get(body, path);
    const char *akid = aws_get_str(cr, "AccessKeyId");
    const char *secret = aws_get_str(cr, "SecretAccessKey");
    const char *token = aws_get_str(cr, "SessionToken");
    const char *exp = aws_get_str(cr, "Expiration");
    if (!akid || !secret || !token)
        return osp_err_set(err, OSP_EPARSE, "sts:%s: response has no Credentials", action);
    time_t t = exp ? osp_parse_rfc3339(exp) : 0;
    if (t == (time_t)-1)
        return osp_err_set(err, OSP_EPARSE, "sts:%s: bad Expiration '%s'", action, exp);
    return cred_fill(out, akid, secret, token, t, provider, err);
}

static enum osp_code sts_creds_call(struct cred_chain *c, struct aws_call *call, const char *provider,
                                    struct aws_creds *out, struct osp_err *err)
{
    struct aws_response resp;
    enum osp_code rc = cred_call(c, call, &resp, err);
    if (!rc)
        rc = read_credentials(resp.body, call->action, provider, out, err);
    else
        osp_err_prefix(err, "sts:%s: ", call->action);
    cred_response_cleanup(c, &resp);
    return rc;
}

/* Sends call unless building its parameters failed (built != OSP_OK), then frees it. */
static enum osp_code sts_send(struct cred_chain *c, struct aws_call *call, enum osp_code built, const char *provider,
                              struct aws_creds *out, struct osp_err *err)
{
    enum osp_code rc =
        built ? osp_err_set(err, OSP_ENOMEM, "out of memory") : sts_creds_call(c, call, provider, out, err);
    aws_call_cleanup(call);
    return rc;
}

static enum osp_code common_params(struct cred_chain *c, struct aws_call *call, const char *role_arn,
                                   const char *session)
{
    char def[64];
    if (!session || !*session) {
        cred_default_session(c, def, sizeof(def));
        session = def;
    }
    if (aws_call_param(call, "RoleArn", role_arn) || aws_call_param(call, "RoleSessionName", session))
        return OSP_ENOMEM;
    return OSP_OK;
}

enum osp_code cred_sts_assume_role(struct cred_chain *c, const struct aws_creds *base, const char *role_arn,
                                   const char *session, const char *external_id, const char *duration,
                                   const char *provider, struct aws_creds *out, struct osp_err *err)
{
    struct aws_call call = sts_call(cred_sts_region(c), "AssumeRole");
    call.creds = base;
    enum osp_code rc = common_params(c, &call, role_arn, session);
    if (!rc && external_id && aws_call_param(&call, "ExternalId", external_id))
        rc = OSP_ENOMEM;
    if (!rc && duration && aws_call_param(&call, "DurationSeconds", duration))
        rc = OSP_ENOMEM;
    return sts_send(c, &call, rc, provider, out, err);
}

enum osp_code cred_sts_assume_role_web(struct cred_chain *c, const char *role_arn, const char *session,
                                       const char *token, const char *provider, struct aws_creds *out,
                                       struct osp_err *err)
{
    struct aws_call call = sts_call(cred_sts_region(c), "AssumeRoleWithWebIdentity");
    call.anonymous = 1;
    /* OSPREY_ROLE_DURATION_SECONDS: the session length CI asks for (the action's role-duration-seconds) */
    const char *dur = osp_getenv_nonempty(c->ctx, "OSPREY_ROLE_DURATION_SECONDS");
    if (dur && (dur[strspn(dur, "0123456789")] || strlen(dur) > 5 || atoi(dur) < 900 || atoi(dur) > 43200)) {
        aws_call_cleanup(&call);
        return osp_err_set(err, OSP_EUSAGE, "invalid OSPREY_ROLE_DURATION_SECONDS '%s' (seconds, 900 to 43200)", dur);
    }
    enum osp_code rc = common_params(c, &call, role_arn, session);
    if (!rc && aws_call_param(&call, "WebIdentityToken", token))
        rc = OSP_ENOMEM;
    if (!rc && dur && aws_call_param(&call, "DurationSeconds", dur))
        rc = OSP_ENOMEM;
    return sts_send(c, &call, rc, provider, out, err);
}

enum osp_code cred_assume_role_with(struct aws_client *client, const char *region, const char *role_arn,
                                    const char *session, const char *provider, struct aws_creds *out,
                                    struct osp_err *err)
{
    struct aws_call call = sts_call(region ? region : "us-east-1", "AssumeRole");
    struct aws_response resp;
    memset(&resp, 0, sizeof(resp));
    enum osp_code rc = OSP_OK;
    if (aws_call_param(&call, "RoleArn", role_arn) || aws_call_param(&call, "RoleSessionName", session))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    if (!rc && (rc = aws_call(client, &call, &resp, err)))
        osp_err_prefix(err, "sts:AssumeRole %s: ", role_arn);
    if (!rc)
        rc = read_credentials(resp.body, "AssumeRole", provider, out, err);
    aws_response_cleanup(&resp);
    aws_call_cleanup(&call);
    return rc;
}

enum osp_code cred_caller_identity(struct aws_client *client, const char *region, char account[32], char *arn,
                                   size_t arnlen, struct osp_err *err)
{
    struct aws_call call = sts_call(region ? region : "us-east-1", "GetCallerIdentity");
    struct aws_response resp;
    memset(&resp, 0, sizeof(resp));
    enum osp_code rc = aws_call(client, &call, &resp, err);
    if (!rc) {
        const char *acct = aws_get_str(resp.body, "GetCallerIdentityResponse.GetCallerIdentityResult.Account");
        const char *a = aws_get_str(resp.body, "GetCallerIdentityResponse.GetCallerIdentityResult.Arn");
        if (!acct || !a || cred_copy(account, 32, acct) || cred_copy(arn, arnlen, a))
            rc = osp_err_set(err, OSP_EPARSE, "sts:GetCallerIdentity: response lacks Account or Arn");
    } else {
        osp_err_prefix(err, "sts:GetCallerIdentity: ");
    }
    aws_response_cleanup(&resp);
    aws_call_cleanup(&call);
    return rc;
}
