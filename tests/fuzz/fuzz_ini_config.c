/* fuzz_ini_config.c: fuzz target for the shared config / credentials INI files and profile chains.
 *
 * The input is a config file; bytes after a first NUL are the credentials file. Both are parsed
 * with cred_ini_parse. Every section and key must then be found again by the lookups. When neither
 * file names a provider that runs a program or reads a file (credential_process, web identity
 * token files, SSO), every profile is resolved through the role_arn / source_profile chain with
 * STS replaced by a stub that grants fixed credentials, so cycles, depth limits and missing
 * sources are exercised. Invariants: a failure carries a message; a resolved profile has keys;
 * the stub's secret never reaches a log line or an error message.
 */
#include <stdint.h>
#include <strings.h>

#include "creds/creds_int.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t sts_calls;

static enum osp_code stub_call(void *ud, struct aws_call *call, struct aws_response *resp, struct osp_err *err)
{
    (void)ud;
    memset(resp, 0, sizeof(*resp));
    sts_calls++;
    if (!call->action || strcmp(call->action, "AssumeRole") != 0)
        return osp_err_set(err, OSP_EAWS, "stub: unexpected call %s", call->action ? call->action : "(null)");
    resp->http_status = 200;
    resp->body = json_pack("{s:{s:{s:{s:s,s:s,s:s,s:s}}}}", "AssumeRoleResponse", "AssumeRoleResult", "Credentials",
                           "AccessKeyId", "ASIAFUZZSTUB", "SecretAccessKey", FUZZ_SECRET, "SessionToken", "fuzz-token",
                           "Expiration", "2099-01-01T00:00:00Z");
    return resp->body ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
}

static enum osp_code stub_http(void *ud, const char *method, const char *url, const char *const *headers,
                               const char *body, long timeout_ms, int attempts, int *status, char **out, size_t *outlen,
                               struct osp_err *err)
{
    (void)ud, (void)method, (void)url, (void)headers, (void)body, (void)timeout_ms, (void)attempts;
    *status = 0;
    *out = NULL;
    *outlen = 0;
    return osp_err_set(err, OSP_ENET, "stub: no network in the fuzzer");
}

static void stub_cleanup(struct aws_response *r)
{
    json_decref(r->body);
    r->body = NULL;
}

static const struct cred_ops stub_ops = {stub_call, stub_http, stub_cleanup};

static void check_lookups(const struct cred_ini *ini)
{
    for (size_t i = 0; i < ini->n; i++) {
        const struct cred_section *s = &ini->secs[i];
        const struct cred_section *found = cred_ini_section(ini, s->name);
        FUZZ_CHECK(found != NULL && strcmp(found->name, s->name) == 0);
        for (size_t j = 0; j < s->n; j++)
            FUZZ_CHECK(cred_ini_get(s, s->kv[j].key) != NULL);
    }
}

/* Keys whose providers would run a program, read a file or need a token cache. */
static int has_side_effects(const struct cred_ini *ini)
{
    static const char *const keys[] = {"credential_process", "web_identity_token_file", "sso_session", "sso_start_url",
                                       NULL};
    for (size_t i = 0; i < ini->n; i++)
        for (size_t j = 0; j < ini->secs[i].n; j++)
            for (size_t k = 0; keys[k]; k++)
                if (!strcasecmp(ini->secs[i].kv[j].key, keys[k]))
                    return 1;
    return 0;
}

static void resolve_one(struct cred_chain *c, const char *name)
{
    struct aws_creds cr;
    memset(&cr, 0, sizeof(cr));
    struct osp_err err;
    osp_err_init(&err);
    size_t calls = sts_calls;
    enum osp_code rc = cred_profile(c, name, &cr, &err);
    FUZZ_CHECK(sts_calls - calls <= 16); /* PROFILE_MAX_DEPTH bounds the chain */
    if (rc == OSP_OK) {
        FUZZ_CHECK(cr.access_key_id[0] && cr.secret_access_key[0]);
        aws_creds_cleanup(&cr);
    } else if (rc != OSP_ENOTFOUND) {
        FUZZ_CHECK(err.code == rc && err.msg[0]);
        FUZZ_CHECK(!fuzz_leaks_secret(err.msg));
    }
}

static void resolve_all(struct cred_ini *config, struct cred_ini *credentials)
{
    size_t log_lines = 0;
    struct osp_ctx ctx;
    fuzz_ctx(&ctx, &log_lines);
    struct cred_chain c;
    memset(&c, 0, sizeof(c));
    c.ctx = &ctx;
    c.config = *config;
    c.credentials = *credentials;
    char config_path[] = "config", credentials_path[] = "credentials", region[] = "us-east-1";
    c.config_path = config_path;
    c.credentials_path = credentials_path;
    c.region = region;
    osp_buf_init(&c.tried, 2048);
    cred_chain_set_ops(&c, &stub_ops, &c);
    for (size_t i = 0; i < config->n; i++) {
        const char *n = config->secs[i].name;
        if (!strncmp(n, "profile ", 8))
            resolve_one(&c, n + 8);
        else if (!strcmp(n, "default"))
            resolve_one(&c, n);
    }
    for (size_t i = 0; i < credentials->n; i++)
        resolve_one(&c, credentials->secs[i].name);
    osp_buf_cleanup(&c.tried);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_note_input(data, size);
    char *text = fuzz_strndup(data, size);
    if (!text)
        return 0;
    size_t first = strlen(text);
    const char *creds_text = first < size ? text + first + 1 : "";
    struct cred_ini config, credentials;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = cred_ini_parse("config", text, &config, &err);
    if (rc != OSP_OK) {
        FUZZ_CHECK(err.code == rc && err.msg[0] && config.n == 0);
        free(text);
        return 0;
    }
    check_lookups(&config);
    osp_err_init(&err);
    rc = cred_ini_parse("credentials", creds_text, &credentials, &err);
    if (rc == OSP_OK) {
        check_lookups(&credentials);
        if (!has_side_effects(&config) && !has_side_effects(&credentials))
            resolve_all(&config, &credentials);
        cred_ini_cleanup(&credentials);
    } else {
        FUZZ_CHECK(err.code == rc && err.msg[0]);
    }
    cred_ini_cleanup(&config);
    free(text);
    return 0;
}
