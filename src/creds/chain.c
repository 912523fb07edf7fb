/* chain.c: the credential chain: settings snapshot, provider order, AssumeRole on top, refresh. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "creds/creds_int.h"

#define TRIED_MAX 2048

/* ---- network hooks: the defaults go through aws.h ---- */
static enum osp_code real_call(void *ud, struct aws_call *call, struct aws_response *resp, struct osp_err *err)
{
    return aws_call(ud, call, resp, err);
}

static enum osp_code real_http(void *ud, const char *method, const char *url, const char *const *headers,
                               const char *body, long timeout_ms, int attempts, int *status, char **out, size_t *outlen,
                               struct osp_err *err)
{
    return aws_http_simple(ud, method, url, headers, body, timeout_ms, attempts, status, out, outlen, err);
}

static const struct cred_ops real_ops = {real_call, real_http, aws_response_cleanup};

void cred_chain_set_ops(struct cred_chain *c, const struct cred_ops *ops, void *ud)
{
    c->ops = ops;
    c->ops_ud = ud;
}

static void *ops_ud(struct cred_chain *c)
{
    return c->ops_ud ? c->ops_ud : c->client;
}

enum osp_code cred_call(struct cred_chain *c, struct aws_call *call, struct aws_response *resp, struct osp_err *err)
{
    memset(resp, 0, sizeof(*resp));
    if (!c->ops_ud && !c->client)
        return osp_err_set(err, OSP_EINTERNAL, "credential chain used without an AWS client");
    return c->ops->call(ops_ud(c), call, resp, err);
}

void cred_response_cleanup(struct cred_chain *c, struct aws_response *resp)
{
    c->ops->response_cleanup(resp);
}

enum osp_code cred_http(struct cred_chain *c, const char *method, const char *url, const char *const *headers,
                        long timeout_ms, int attempts, int *status, char **out, struct osp_err *err)
{
    size_t len = 0;
    *out = NULL;
    if (!c->ops_ud && !c->client)
        return osp_err_set(err, OSP_EINTERNAL, "credential chain used without an AWS client");
    return c->ops->http(ops_ud(c), method, url, headers, NULL, timeout_ms, attempts, status, out, &len, err);
}

/* ---- small shared helpers ---- */
void cred_note(struct cred_chain *c, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    osp_debug(c->ctx, "credentials: %s", line);
    if (c->tried.len && osp_buf_adds(&c->tried, "; "))
        return; /* the list is capped; a longer one adds nothing a user reads */
    if (osp_buf_adds(&c->tried, line))
        return;
}

enum osp_code cred_fill(struct aws_creds *out, const char *akid, const char *secret, const char *token,
                        time_t expiration, const char *provider, struct osp_err *err)
{
    memset(out, 0, sizeof(*out));
    if (cred_copy(out->access_key_id, sizeof(out->access_key_id), akid) ||
        cred_copy(out->secret_access_key, sizeof(out->secret_access_key), secret))
        return osp_err_set(err, OSP_EPARSE, "%s: access key id or secret is too long", provider);
    if (token && *token && !(out->session_token = strdup(token)))
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    out->expiration = expiration;
    snprintf(out->provider, sizeof(out->provider), "%s", provider);
    return OSP_OK;
}

const char *cred_sts_region(const struct cred_chain *c)
{
    return c->region ? c->region : "us-east-1";
}

/* ---- construction ---- */
static int dup_opt(char **dst, const char *flag, const struct osp_ctx *ctx, const char *env)
{
    const char *v = flag && *flag ? flag : (env ? osp_getenv_nonempty(ctx, env) : NULL);
    *dst = NULL;
    return v && !(*dst = strdup(v)) ? -1 : 0;
}

static enum osp_code load_files(struct cred_chain *c, struct osp_err *err)
{
    const char *cfg = osp_getenv_nonempty(c->ctx, "AWS_CONFIG_FILE");
    const char *crd = osp_getenv_nonempty(c->ctx, "AWS_SHARED_CREDENTIALS_FILE");
    c->config_path = cred_expand_home(c->ctx, cfg ? cfg : "~/.aws/config");
    c->credentials_path = cred_expand_home(c->ctx, crd ? crd : "~/.aws/credentials");
    if (!c->config_path || !c->credentials_path)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    int found;
    enum osp_code rc = cred_ini_load(c->config_path, &c->config, &found, err);
    if (!rc)
        rc = cred_ini_load(c->credentials_path, &c->credentials, &found, err);
    return rc;
}

static enum osp_code pick_settings(struct cred_chain *c, struct osp_err *err)
{
    const char *p = c->profile;
    const char *env_region = osp_getenv_nonempty(c->ctx, "AWS_REGION");
    if (!env_region)
        env_region = osp_getenv_nonempty(c->ctx, "AWS_DEFAULT_REGION");
    const char *region = c->region ? c->region : env_region ? env_region : cred_profile_get(c, p, "region");
    const char *ca = osp_getenv_nonempty(c->ctx, "AWS_CA_BUNDLE");
    const char *ep = cred_profile_get(c, p, "endpoint_url");
    int want = region && *region;
    char *r = want ? strdup(region) : NULL; /* region may be c->region itself */
    free(c->region);
    c->region = r;
    if ((want && !r) || dup_opt(&c->endpoint_url, ep, c->ctx, NULL) ||
        dup_opt(&c->ca_bundle, ca ? ca : cred_profile_get(c, p, "ca_bundle"), c->ctx, NULL))
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    if (c->ca_bundle) {
        char *x = cred_expand_home(c->ctx, c->ca_bundle);
        free(c->ca_bundle);
        c->ca_bundle = x;
    }
    return OSP_OK;
}

enum osp_code cred_chain_new(struct osp_ctx *ctx, const struct cred_opts *o, struct cred_chain **out,
                             struct osp_err *err)
{
    static const struct cred_opts none;
    if (!o)
        o = &none;
    struct cred_chain *c = calloc(1, sizeof(*c));
    if (!c)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    c->ctx = ctx;
    c->ops = &real_ops;
    osp_buf_init(&c->tried, TRIED_MAX);
    const char *prof = o->profile && *o->profile ? o->profile : osp_getenv_nonempty(ctx, "AWS_PROFILE");
    c->profile_explicit = prof != NULL;
    c->profile_flag = o->profile && *o->profile;
    enum osp_code rc = OSP_OK;
    if (dup_opt(&c->profile, prof ? prof : "default", ctx, NULL) ||
        dup_opt(&c->role_arn, o->role_arn, ctx, "OSPREY_ROLE_ARN") ||
        dup_opt(&c->role_session_name, o->role_session_name, ctx, NULL) ||
        dup_opt(&c->external_id, o->external_id, ctx, NULL) ||
        dup_opt(&c->wi_token_file, o->web_identity_token_file, ctx, NULL) ||
        dup_opt(&c->wi_token_env, o->web_identity_token_env, ctx, NULL) || dup_opt(&c->region, o->region, ctx, NULL))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    if (!rc)
        rc = load_files(c, err);
    if (!rc && c->profile_explicit && !cred_profile_exists(c, c->profile))
        rc = osp_err_set(err, OSP_ECONFIG, "profile '%s' not found in %s or %s (check --profile / AWS_PROFILE)",
                         c->profile, c->config_path, c->credentials_path);
    if (!rc)
        rc = pick_settings(c, err);
    if (rc) {
        cred_chain_free(c);
        return rc;
    }
    *out = c;
    return OSP_OK;
}

void cred_chain_free(struct cred_chain *c)
{
    if (!c)
        return;
    cred_ini_cleanup(&c->config);
    cred_ini_cleanup(&c->credentials);
    char *strs[] = {c->config_path, c->credentials_path, c->profile,      c->role_arn, c->role_session_name,
                    c->external_id, c->wi_token_file,    c->wi_token_env, c->region,   c->endpoint_url,
                    c->ca_bundle};
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
        free(strs[i]);
    osp_buf_cleanup(&c->tried);
    free(c);
}

const char *cred_chain_region(const struct cred_chain *c)
{
    return c->region;
}

const char *cred_chain_endpoint_url(const struct cred_chain *c)
{
    return c->endpoint_url;
}

const char *cred_chain_ca_bundle(const struct cred_chain *c)
{
    return c->ca_bundle;
}

const char *cred_chain_profile(const struct cred_chain *c)
{
    return c->profile;
}

/* ---- resolution ----
 * The AWS CLI's order (botocore's default resolver): env keys, the selected profile's role_arn
 * with source_profile/credential_source, web identity (AWS_ROLE_ARN/AWS_WEB_IDENTITY_TOKEN_FILE,
 * each falling back to the profile's role_arn/web_identity_token_file), the rest of the profile
 * (SSO, static keys, credential_process), then the machine's providers. AWS_PROFILE only selects
 * the profile; the --profile flag also drops the environment: env keys and the web identity
 * variables are not consulted, and only that profile is used. */
static enum osp_code step_profile(struct cred_chain *c, struct aws_creds *out, struct osp_err *err)
{
    if (!cred_profile_exists(c, c->profile)) {
        cred_note(c, "profile '%s': not in %s or %s", c->profile, c->config_path, c->credentials_path);
        return OSP_ENOTFOUND;
    }
    return cred_profile(c, c->profile, out, err);
}

static enum osp_code step_profile_role(struct cred_chain *c, struct aws_creds *out, struct osp_err *err)
{
    const char *p = c->profile;
    if (!cred_profile_get(c, p, "role_arn") ||
        (!cred_profile_get(c, p, "source_profile") && !cred_profile_get(c, p, "credential_source")))
        return OSP_ENOTFOUND;
    return cred_profile(c, p, out, err);
}

static enum osp_code step_webid(struct cred_chain *c, struct aws_creds *out, struct osp_err *err)
{
    return cred_webid(c, !c->profile_flag, c->profile, out, err);
}

typedef enum osp_code (*cred_step_fn)(struct cred_chain *, struct aws_creds *, struct osp_err *);

static const struct {
    cred_step_fn fn;
    int assumes_role; /* already assumed c->role_arn: no AssumeRole on top */
    int with_flag;    /* still consulted when --profile was given */
} steps[] = {
    {cred_env, 0, 0},  {step_profile_role, 0, 1}, {step_webid, 0, 1}, {step_profile, 0, 1},
    {cred_oidc, 1, 0}, {cred_ecs, 0, 0},          {cred_imds, 0, 0},
};

static enum osp_code resolve_base(struct cred_chain *c, struct aws_creds *out, int *assumed, struct osp_err *err)
{
    *assumed = 0;
    for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
        if (c->profile_flag && !steps[i].with_flag)
            continue;
        enum osp_code rc = steps[i].fn(c, out, err);
        if (rc == OSP_OK)
            *assumed = steps[i].assumes_role;
        if (rc != OSP_ENOTFOUND)
            return rc;
    }
    if (c->profile_flag)
        return osp_err_set(err, OSP_ECREDS,
                           "profile '%s' has no credentials: add aws_access_key_id/aws_secret_access_key, "
                           "role_arn with source_profile, credential_process or sso_session (%s)",
                           c->profile, osp_buf_str(&c->tried));
    return osp_err_set(err, OSP_ECREDS,
                       "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile, "
                       "or in CI pass --role-arn with an OIDC token (tried: %s)",
                       osp_buf_str(&c->tried));
}

static const char *key_tail(const struct aws_creds *cr)
{
    size_t n = strlen(cr->access_key_id);
    return n > 4 ? cr->access_key_id + n - 4 : "";
}

enum osp_code cred_chain_resolve(struct cred_chain *c, struct aws_client *client, struct aws_creds *out,
                                 struct osp_err *err)
{
    c->client = client;
    osp_buf_reset(&c->tried);
    struct aws_creds base;
    int assumed = 0;
    enum osp_code rc = resolve_base(c, &base, &assumed, err);
    if (rc)
        return rc;
    if (c->role_arn && !assumed) {
        char prov[48];
        snprintf(prov, sizeof(prov), "assume-role:%s", base.provider);
        osp_debug(c->ctx, "credentials: base from %s, assuming %s", base.provider, c->role_arn);
        rc = cred_sts_assume_role(c, &base, c->role_arn, c->role_session_name, c->external_id, NULL, prov, out, err);
        aws_creds_cleanup(&base);
        if (rc)
            return rc;
    } else {
        *out = base;
    }
    osp_debug(c->ctx, "credentials: using %s (access key ...%s%s)", out->provider, key_tail(out),
              out->expiration ? ", temporary" : "");
    return OSP_OK;
}

enum osp_code cred_chain_refresh(void *chain, struct aws_creds *out, struct osp_err *err)
{
    struct cred_chain *c = chain;
    osp_debug(c->ctx, "credentials: refreshing temporary credentials before they expire");
    return cred_chain_resolve(c, c->client, out, err);
}
