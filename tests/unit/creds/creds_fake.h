/* creds_fake.h: a fake environment, fake network hooks and temp files for the creds unit tests. */
#ifndef OSPREY_TESTS_CREDS_FAKE_H
#define OSPREY_TESTS_CREDS_FAKE_H

#define _XOPEN_SOURCE 700 /* nftw, to remove the temp dir */

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "creds/creds_int.h"
#include "osp_test.h"

#define FAKE_MAX 32

struct fake {
    const char *env[FAKE_MAX][2];
    size_t nenv;
    char dir[64];
    /* network record */
    int calls, http_calls;
    char last_action[64], last_role[256], last_external_id[128], last_session[128], last_signer[128];
    int last_anonymous;
    char last_token[256], last_url[512], last_headers[1024], last_call_headers[1024];
    const char *http_reply[8]; /* replies to successive http calls; NULL: connection refused */
    int http_status[8];
    char log[8192];
};

static struct fake F;

static const char *fake_getenv(void *ud, const char *name)
{
    struct fake *f = ud;
    for (size_t i = 0; i < f->nenv; i++)
        if (!strcmp(f->env[i][0], name))
            return f->env[i][1];
    return NULL;
}

static void fake_setenv(const char *k, const char *v)
{
    for (size_t i = 0; i < F.nenv; i++)
        if (!strcmp(F.env[i][0], k)) {
            F.env[i][1] = v;
            return;
        }
    F.env[F.nenv][0] = k;
    F.env[F.nenv][1] = v;
    F.nenv++;
}

static void fake_log(void *ud, enum osp_log_level lvl, const char *line)
{
    (void)lvl;
    struct fake *f = ud;
    size_t n = strlen(f->log);
    snprintf(f->log + n, sizeof(f->log) - n, "%s\n", line);
}

static const char *param(const struct aws_call *c, const char *name)
{
    for (size_t i = 0; i < c->nparams; i++)
        if (!strcmp(c->params[i].name, name))
            return c->params[i].value;
    return NULL;
}

/* STS replies: the returned key id encodes the role name, so tests can see which role was assumed. */
static enum osp_code fake_call(void *ud, struct aws_call *call, struct aws_response *resp, struct osp_err *err)
{
    struct fake *f = ud;
    f->calls++;
    snprintf(f->last_action, sizeof(f->last_action), "%s", call->action);
    snprintf(f->last_role, sizeof(f->last_role), "%s", param(call, "RoleArn") ? param(call, "RoleArn") : "");
    snprintf(f->last_external_id, sizeof(f->last_external_id), "%s",
             param(call, "ExternalId") ? param(call, "ExternalId") : "");
    snprintf(f->last_session, sizeof(f->last_session), "%s",
             param(call, "RoleSessionName") ? param(call, "RoleSessionName") : "");
    snprintf(f->last_token, sizeof(f->last_token), "%s",
             param(call, "WebIdentityToken") ? param(call, "WebIdentityToken") : "");
    snprintf(f->last_signer, sizeof(f->last_signer), "%s", call->creds ? call->creds->access_key_id : "");
    f->last_anonymous = call->anonymous;
    f->last_call_headers[0] = 0;
    for (const char *const *h = call->headers; h && *h; h++)
        snprintf(f->last_call_headers + strlen(f->last_call_headers),
                 sizeof(f->last_call_headers) - strlen(f->last_call_headers), "%s\n", *h);
    if (!strcmp(call->action, "GetRoleCredentials")) {
        resp->body = json_pack("{s:{s:s,s:s,s:s,s:I}}", "roleCredentials", "accessKeyId", "ASIASSO", "secretAccessKey",
                               "ssosecret", "sessionToken", "ssotoken", "expiration", (json_int_t)4102444800000LL);
        return OSP_OK;
    }
    const char *role = param(call, "RoleArn");
    const char *slash = role ? strrchr(role, '/') : NULL;
    if (slash && !strcmp(slash + 1, "denied"))
        return osp_err_set(err, OSP_EAUTH, "AccessDenied: not allowed to assume %s", role);
    char akid[64], resp_name[96], result[96];
    snprintf(akid, sizeof(akid), "ASIA-%s", slash ? slash + 1 : "x");
    snprintf(resp_name, sizeof(resp_name), "%sResponse", call->action);
    snprintf(result, sizeof(result), "%sResult", call->action);
    resp->body = json_pack("{s:{s:{s:{s:s,s:s,s:s,s:s}}}}", resp_name, result, "Credentials", "AccessKeyId", akid,
                           "SecretAccessKey", "SECRETCANARY", "SessionToken", "TOKENCANARY", "Expiration",
                           "2100-01-01T00:00:00Z");
    return OSP_OK;
}

static enum osp_code fake_http(void *ud, const char *method, const char *url, const char *const *headers,
                               const char *body, long timeout_ms, int attempts, int *status, char **out, size_t *outlen,
                               struct osp_err *err)
{
    struct fake *f = ud;
    int i = f->http_calls++;
    snprintf(f->last_url, sizeof(f->last_url), "%s %s", method, url);
    f->last_headers[0] = 0;
    for (const char *const *h = headers; h && *h; h++)
        snprintf(f->last_headers + strlen(f->last_headers), sizeof(f->last_headers) - strlen(f->last_headers), "%s\n",
                 *h);
    if (i >= 8 || !f->http_reply[i])
        return osp_err_set(err, OSP_ENET, "connection refused: %s", url);
    *status = f->http_status[i] ? f->http_status[i] : 200;
    *out = strdup(f->http_reply[i]);
    *outlen = strlen(*out);
    return OSP_OK;
}

static void fake_cleanup(struct aws_response *r)
{
    json_decref(r->body);
    r->body = NULL;
}

static const struct cred_ops fake_ops = {fake_call, fake_http, fake_cleanup};

static char fake_dir_made[64];

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void fake_rm_dir(void)
{
    if (fake_dir_made[0])
        nftw(fake_dir_made, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Reset everything; configs go to F.dir/config and F.dir/credentials. */
static void fake_reset(struct osp_ctx *ctx)
{
    char dir[64];
    snprintf(dir, sizeof(dir), "%s", F.dir);
    memset(&F, 0, sizeof(F));
    if (dir[0])
        snprintf(F.dir, sizeof(F.dir), "%s", dir);
    else {
        snprintf(F.dir, sizeof(F.dir), "/tmp/osp-creds-XXXXXX");
        if (!mkdtemp(F.dir))
            abort();
        snprintf(fake_dir_made, sizeof(fake_dir_made), "%s", F.dir);
        atexit(fake_rm_dir);
    }
    osp_ctx_init(ctx);
    ctx->getenv_fn = fake_getenv;
    ctx->getenv_ud = &F;
    ctx->log_fn = fake_log;
    ctx->log_ud = &F;
    ctx->log_level = OSP_LOG_DEBUG;
    static char cfg[128], crd[128], home[128];
    snprintf(cfg, sizeof(cfg), "%s/config", F.dir);
    snprintf(crd, sizeof(crd), "%s/credentials", F.dir);
    snprintf(home, sizeof(home), "%s", F.dir);
    unlink(cfg);
    unlink(crd);
    fake_setenv("AWS_CONFIG_FILE", cfg);
    fake_setenv("AWS_SHARED_CREDENTIALS_FILE", crd);
    fake_setenv("HOME", home);
    fake_setenv("AWS_EC2_METADATA_DISABLED", "true");
}

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof(path), "%s/%s", F.dir, name);
    FILE *fp = fopen(path, "w");
    if (!fp)
        abort();
    fputs(text, fp);
    fclose(fp);
}

/* New chain with fake network; asserts success. */
static struct cred_chain *new_chain(struct osp_ctx *ctx, const struct cred_opts *o)
{
    struct cred_chain *c = NULL;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = cred_chain_new(ctx, o, &c, &err);
    if (rc)
        fprintf(stderr, "cred_chain_new: %s\n", err.msg);
    CU_ASSERT_EQUAL_FATAL(rc, OSP_OK);
    cred_chain_set_ops(c, &fake_ops, &F);
    return c;
}

#endif
