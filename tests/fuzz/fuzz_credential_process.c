/* fuzz_credential_process.c: fuzz target for credential JSON: credential_process output, the ECS
 * and IMDS credential documents, and the GitHub Actions OIDC token answer.
 *
 * The input (up to its first NUL, as the real readers see it) is parsed directly by
 * cred_parse_process_json and cred_parse_container_json, then served as the HTTP body of the ECS
 * endpoint, of each IMDS step and of the GitHub token endpoint through stubbed network hooks, with
 * STS stubbed to grant fixed credentials. Invariants: OSP_OK means both keys are set; a failure
 * carries a message; the OIDC request token (FUZZ_SECRET) never reaches a log line or an error.
 */
#include <stdint.h>

#include "creds/creds_int.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct stub {
    const char *body;      /* the fuzz input */
    int imds_step_is_body; /* which IMDS request gets the input: 0 token, 1 role name, 2 creds */
};

#define IMDS_CREDS                                                                                                     \
    "{\"Code\":\"Success\",\"AccessKeyId\":\"ASIAFUZZ\",\"SecretAccessKey\":\"s\",\"Token\":\"t\","                    \
    "\"Expiration\":\"2099-01-01T00:00:00Z\"}"

static const char *const fake_env[] = {
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "/v2/credentials/fuzz",
    "ACTIONS_ID_TOKEN_REQUEST_URL",
    "http://127.0.0.1:1/token?api-version=2.0",
    "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
    FUZZ_SECRET,
    NULL,
};

static const char *env_get(void *ud, const char *name)
{
    (void)ud;
    for (size_t i = 0; fake_env[i]; i += 2)
        if (!strcmp(fake_env[i], name))
            return fake_env[i + 1];
    return NULL;
}

static enum osp_code stub_call(void *ud, struct aws_call *call, struct aws_response *resp, struct osp_err *err)
{
    (void)ud;
    memset(resp, 0, sizeof(*resp));
    char outer[96], inner[96];
    snprintf(outer, sizeof(outer), "%sResponse", call->action);
    snprintf(inner, sizeof(inner), "%sResult", call->action);
    resp->http_status = 200;
    resp->body =
        json_pack("{s:{s:{s:{s:s,s:s,s:s,s:s}}}}", outer, inner, "Credentials", "AccessKeyId", "ASIAFUZZSTUB",
                  "SecretAccessKey", "stub-secret", "SessionToken", "stub-token", "Expiration", "2099-01-01T00:00:00Z");
    return resp->body ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
}

static enum osp_code stub_http(void *ud, const char *method, const char *url, const char *const *headers,
                               const char *body, long timeout_ms, int attempts, int *status, char **out, size_t *outlen,
                               struct osp_err *err)
{
    struct stub *s = ud;
    (void)headers, (void)body, (void)timeout_ms, (void)attempts;
    const char *text = s->body;
    if (strstr(url, "/latest/")) { /* IMDS: token PUT, role-name GET, then the role's credentials */
        size_t n = strlen(url);
        int step = !strcmp(method, "PUT") ? 0 : (n && url[n - 1] == '/') ? 1 : 2;
        if (step != s->imds_step_is_body)
            text = step == 0 ? "fuzz-imds-token" : step == 1 ? "fuzz-role" : IMDS_CREDS;
    }
    *status = 200;
    *out = strdup(text);
    *outlen = *out ? strlen(*out) : 0;
    return *out ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
}

static void stub_cleanup(struct aws_response *r)
{
    json_decref(r->body);
    r->body = NULL;
}

static const struct cred_ops stub_ops = {stub_call, stub_http, stub_cleanup};

static void check(enum osp_code rc, struct aws_creds *cr, const struct osp_err *err)
{
    if (rc == OSP_OK) {
        FUZZ_CHECK(cr->access_key_id[0] && cr->secret_access_key[0]);
        aws_creds_cleanup(cr);
    } else if (rc != OSP_ENOTFOUND) {
        FUZZ_CHECK(err->code == rc && err->msg[0]);
    }
    FUZZ_CHECK(!fuzz_leaks_secret(err->msg));
}

typedef enum osp_code (*provider_fn)(struct cred_chain *c, struct aws_creds *out, struct osp_err *err);

static void through_provider(const char *text, provider_fn fn, int imds_step, int with_role)
{
    size_t log_lines = 0;
    struct osp_ctx ctx;
    fuzz_ctx(&ctx, &log_lines);
    ctx.getenv_fn = env_get;
    struct stub s = {text, imds_step};
    struct cred_chain c;
    memset(&c, 0, sizeof(c));
    char role[] = "arn:aws:iam::123456789012:role/fuzz", region[] = "us-east-1";
    c.ctx = &ctx;
    c.region = region;
    c.role_arn = with_role ? role : NULL;
    osp_buf_init(&c.tried, 2048);
    cred_chain_set_ops(&c, &stub_ops, &s);
    struct aws_creds cr;
    memset(&cr, 0, sizeof(cr));
    struct osp_err err;
    osp_err_init(&err);
    check(fn(&c, &cr, &err), &cr, &err);
    FUZZ_CHECK(!fuzz_leaks_secret(osp_buf_str(&c.tried)));
    osp_buf_cleanup(&c.tried);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_note_input(data, size);
    char *text = fuzz_strndup(data, size);
    if (!text)
        return 0;
    struct aws_creds cr;
    memset(&cr, 0, sizeof(cr));
    struct osp_err err;
    osp_err_init(&err);
    check(cred_parse_process_json(text, FUZZ_NOW, "credential_process", &cr, &err), &cr, &err);
    osp_err_init(&err);
    check(cred_parse_container_json(text, FUZZ_NOW, "ecs", &cr, &err), &cr, &err);
    through_provider(text, cred_ecs, -1, 0);
    for (int step = 0; step < 3; step++)
        through_provider(text, cred_imds, step, 0);
    through_provider(text, cred_oidc, -1, 1);
    free(text);
    return 0;
}
