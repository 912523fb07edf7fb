/* test_chain.c: provider order, profile chains and cycles, AssumeRole on top, OIDC, ECS, IMDS,
 * the no-credentials message and redaction of debug lines (fake env and fake network). */
#include "creds_fake.h"

static enum osp_code resolve(struct cred_chain *c, struct aws_creds *out, struct osp_err *err)
{
    osp_err_init(err);
    memset(out, 0, sizeof(*out));
    return cred_chain_resolve(c, NULL, out, err);
}

static void test_env_keys_win_over_default_profile(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n");
    fake_setenv("AWS_ACCESS_KEY_ID", "AKIDENV");
    fake_setenv("AWS_SECRET_ACCESS_KEY", "secretenv");
    fake_setenv("AWS_SESSION_TOKEN", "tok");
    struct cred_chain *c = new_chain(&ctx, NULL);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "AKIDENV");
    CU_ASSERT_STRING_EQUAL(cr.session_token, "tok");
    CU_ASSERT_STRING_EQUAL(cr.provider, "env");
    CU_ASSERT_EQUAL(F.calls + F.http_calls, 0);
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_profile_flag_wins_over_env_keys_aws_profile_does_not(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n");
    fake_setenv("AWS_ACCESS_KEY_ID", "AKIDENV");
    fake_setenv("AWS_SECRET_ACCESS_KEY", "secretenv");
    struct cred_opts o = {.profile = "dev"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "AKIDDEV");
    CU_ASSERT_STRING_EQUAL(cr.provider, "profile:dev");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
    /* AWS_PROFILE only selects the profile: env keys still come first (the AWS CLI's order) */
    fake_setenv("AWS_PROFILE", "dev");
    c = new_chain(&ctx, NULL);
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "AKIDENV");
    CU_ASSERT_STRING_EQUAL(cr.provider, "env");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
    /* ... and without env keys it is the profile that is used */
    fake_setenv("AWS_ACCESS_KEY_ID", "");
    fake_setenv("AWS_SECRET_ACCESS_KEY", "");
    c = new_chain(&ctx, NULL);
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "AKIDDEV");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_half_set_env_keys_is_an_error(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    fake_setenv("AWS_ACCESS_KEY_ID", "AKIDENV");
    struct cred_chain *c = new_chain(&ctx, NULL);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_ECREDS);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "AWS_SECRET_ACCESS_KEY"));
    cred_chain_free(c);
}

static void test_web_identity_env_comes_before_profile(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n");
    write_file("token", "  eyJhbGciOi.jwt.sig\n");
    char path[160];
    snprintf(path, sizeof(path), "%s/token", F.dir);
    fake_setenv("AWS_WEB_IDENTITY_TOKEN_FILE", path);
    fake_setenv("AWS_ROLE_ARN", "arn:aws:iam::111122223333:role/ci");
    fake_setenv("AWS_ROLE_SESSION_NAME", "sess1");
    struct cred_chain *c = new_chain(&ctx, NULL);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "ASIA-ci");
    CU_ASSERT_STRING_EQUAL(cr.provider, "web-identity");
    CU_ASSERT_STRING_EQUAL(F.last_action, "AssumeRoleWithWebIdentity");
    CU_ASSERT_STRING_EQUAL(F.last_token, "eyJhbGciOi.jwt.sig");
    CU_ASSERT_STRING_EQUAL(F.last_session, "sess1");
    CU_ASSERT_EQUAL(F.last_anonymous, 1);
    CU_ASSERT_EQUAL(cr.expiration, 4102444800);
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_missing_web_identity_token_file_stops_the_chain(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n");
    fake_setenv("AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent/token");
    fake_setenv("AWS_ROLE_ARN", "arn:aws:iam::111122223333:role/ci");
    struct cred_chain *c = new_chain(&ctx, NULL);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_ECREDS);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "/nonexistent/token"));
    cred_chain_free(c);
}

static void test_role_chain_through_source_profiles(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("config", "[profile top]\nrole_arn = arn:aws:iam::1:role/top\nsource_profile = mid\n"
                         "external_id = ext-42\nrole_session_name = s-top\n"
                         "[profile mid]\nrole_arn = arn:aws:iam::1:role/mid\nsource_profile = base\n");
    write_file("credentials", "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = sb\n");
    struct cred_opts o = {.profile = "top"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_EQUAL(F.calls, 2);
    /* the last AssumeRole (top) was signed with mid's temporary keys */
    CU_ASSERT_STRING_EQUAL(F.last_signer, "ASIA-mid");
    CU_ASSERT_STRING_EQUAL(F.last_role, "arn:aws:iam::1:role/top");
    CU_ASSERT_STRING_EQUAL(F.last_external_id, "ext-42");
    CU_ASSERT_STRING_EQUAL(F.last_session, "s-top");
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "ASIA-top");
    CU_ASSERT_STRING_EQUAL(cr.provider, "assume-role:top");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_profile_cycle_is_detected_before_any_call(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("config", "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
                         "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = c\n"
                         "[profile c]\nrole_arn = arn:aws:iam::1:role/c\nsource_profile = a\n");
    struct cred_opts o = {.profile = "a"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_ECONFIG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "a -> b -> c -> a"));
    CU_ASSERT_EQUAL(F.calls, 0);
    cred_chain_free(c);
}

static void test_self_source_profile_uses_its_static_keys(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("credentials", "[me]\naws_access_key_id = AKIDME\naws_secret_access_key = s\n"
                              "role_arn = arn:aws:iam::1:role/self\nsource_profile = me\n");
    struct cred_opts o = {.profile = "me"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_signer, "AKIDME");
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "ASIA-self");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_credential_source_environment_and_bad_values(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("config", "[profile e]\nrole_arn = arn:aws:iam::1:role/fromenv\ncredential_source = Environment\n"
                         "[profile bad]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Floppy\n"
                         "[profile both]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Environment\n"
                         "source_profile = e\n"
                         "[profile nosrc]\nrole_arn = arn:aws:iam::1:role/x\n");
    fake_setenv("AWS_ACCESS_KEY_ID", "AKIDENV");
    fake_setenv("AWS_SECRET_ACCESS_KEY", "secretenv");
    struct cred_opts o = {.profile = "e"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_signer, "AKIDENV");
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "ASIA-fromenv");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
    const char *bad[][2] = {{"bad", "Floppy"}, {"both", "keep one"}, {"nosrc", "no source_profile"}};
    for (size_t i = 0; i < 3; i++) {
        struct cred_opts ob = {.profile = bad[i][0]};
        c = new_chain(&ctx, &ob);
        CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_ECONFIG);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, bad[i][1]));
        cred_chain_free(c);
    }
}

static void test_role_arn_flag_assumes_role_with_base_credentials(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    fake_setenv("AWS_ACCESS_KEY_ID", "AKIDENV");
    fake_setenv("AWS_SECRET_ACCESS_KEY", "secretenv");
    struct cred_opts o = {.role_arn = "arn:aws:iam::999:role/audit", .external_id = "xid", .role_session_name = "scan"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_action, "AssumeRole");
    CU_ASSERT_STRING_EQUAL(F.last_signer, "AKIDENV");
    CU_ASSERT_STRING_EQUAL(F.last_external_id, "xid");
    CU_ASSERT_STRING_EQUAL(F.last_session, "scan");
    CU_ASSERT_STRING_EQUAL(cr.provider, "assume-role:env");
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "ASIA-audit");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
    /* OSPREY_ROLE_ARN is the env form; an STS refusal is an auth failure (exit 3) */
    fake_setenv("OSPREY_ROLE_ARN", "arn:aws:iam::999:role/denied");
    c = new_chain(&ctx, NULL);
    CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_EAUTH);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "AccessDenied"));
    CU_ASSERT_EQUAL(osp_exit_code(err.code), 3);
    cred_chain_free(c);
}

static void test_github_oidc_fetches_token_with_bearer_and_audience(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    fake_setenv("ACTIONS_ID_TOKEN_REQUEST_URL", "http://127.0.0.1:1/token?api-version=2.0");
    fake_setenv("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "reqtok");
    F.http_reply[0] = "{\"count\": 1, \"value\": \"gh.jwt.value\"}";
    struct cred_opts o = {.role_arn = "arn:aws:iam::111122223333:role/gha"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_url, "GET http://127.0.0.1:1/token?api-version=2.0&audience=sts.amazonaws.com");
    CU_ASSERT_PTR_NOT_NULL(strstr(F.last_headers, "Authorization: bearer reqtok\n"));
    CU_ASSERT_STRING_EQUAL(F.last_action, "AssumeRoleWithWebIdentity");
    CU_ASSERT_STRING_EQUAL(F.last_token, "gh.jwt.value");
    CU_ASSERT_EQUAL(F.calls, 1); /* no AssumeRole on top of the OIDC role */
    CU_ASSERT_STRING_EQUAL(cr.provider, "oidc:github");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_github_oidc_error_status_names_the_permission(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    fake_setenv("ACTIONS_ID_TOKEN_REQUEST_URL", "http://127.0.0.1:1/token");
    fake_setenv("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "reqtok");
    F.http_reply[0] = "{\"message\": \"no\"}";
    F.http_status[0] = 403;
    struct cred_opts o = {.role_arn = "arn:aws:iam::111122223333:role/gha"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_ECREDS);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "id-token: write"));
    CU_ASSERT_STRING_EQUAL(F.last_url, "GET http://127.0.0.1:1/token?audience=sts.amazonaws.com");
    cred_chain_free(c);
}

static void test_gitlab_token_env_var(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    fake_setenv("AWS_OIDC_TOKEN", "gl.jwt.value\n");
    struct cred_opts o = {.role_arn = "arn:aws:iam::111122223333:role/gl", .web_identity_token_env = "AWS_OIDC_TOKEN"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_token, "gl.jwt.value");
    CU_ASSERT_STRING_EQUAL(cr.provider, "oidc:env");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
    struct cred_opts o2 = {.role_arn = "arn:aws:iam::1:role/gl", .web_identity_token_env = "UNSET_VAR"};
    c = new_chain(&ctx, &o2);
    CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_ECREDS);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "id_tokens"));
    cred_chain_free(c);
}

static void test_role_arn_with_token_file_flag_or_env(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("jwt", "file.jwt.value\n");
    char path[160];
    snprintf(path, sizeof(path), "%s/jwt", F.dir);
    struct cred_opts o = {.role_arn = "arn:aws:iam::1:role/f", .web_identity_token_file = path};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_token, "file.jwt.value");
    CU_ASSERT_STRING_EQUAL(F.last_role, "arn:aws:iam::1:role/f");
    CU_ASSERT_STRING_EQUAL(cr.provider, "oidc:file");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
    /* AWS_WEB_IDENTITY_TOKEN_FILE without AWS_ROLE_ARN serves --role-arn */
    fake_setenv("AWS_WEB_IDENTITY_TOKEN_FILE", path);
    struct cred_opts o2 = {.role_arn = "arn:aws:iam::1:role/g"};
    c = new_chain(&ctx, &o2);
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_role, "arn:aws:iam::1:role/g");
    CU_ASSERT_EQUAL(F.calls, 2);
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_ecs_full_uri_with_token_file(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    write_file("ecstoken", "ecs-auth-token\n");
    char path[160];
    snprintf(path, sizeof(path), "%s/ecstoken", F.dir);
    fake_setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:5/creds");
    fake_setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", path);
    fake_setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored-when-file-set");
    F.http_reply[0] = "{\"AccessKeyId\":\"ASIAECS\",\"SecretAccessKey\":\"s\",\"Token\":\"t\","
                      "\"Expiration\":\"2100-01-01T00:00:00Z\"}";
    struct cred_chain *c = new_chain(&ctx, NULL);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_url, "GET http://127.0.0.1:5/creds");
    CU_ASSERT_PTR_NOT_NULL(strstr(F.last_headers, "Authorization: ecs-auth-token\n"));
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "ASIAECS");
    CU_ASSERT_STRING_EQUAL(cr.session_token, "t");
    CU_ASSERT_STRING_EQUAL(cr.provider, "ecs");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
    /* plain http to a non-loopback host is refused, however the URL dresses it up (main's prefix
     * match let userinfo "127.0.0.1@" through and sent the token to the host after it) */
    static const char *const refused[] = {
        "http://evil.example/creds",     "http://127.0.0.1@evil.example/creds", "http://127.0.0.1.evil.example/",
        "http://localhost.evil.example/", "http://[::1]@evil.example/",         "http://169.254.170.2@evil.example/",
        "http://169.254.170.22/creds",    "ftp://127.0.0.1/creds",              "http://localhost/creds",
    };
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        fake_setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", refused[i]);
        c = new_chain(&ctx, NULL);
        osp_err_init(&err);
        F.last_url[0] = 0;
        CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_ECONFIG);
        CU_ASSERT_STRING_EQUAL(F.last_url, ""); /* nothing was sent */
        if (strcmp(F.last_url, ""))
            fprintf(stderr, "%s reached %s\n", refused[i], F.last_url);
        cred_chain_free(c);
    }
    static const char *const allowed[] = {"http://127.0.0.2:9/c", "http://[::1]:9/c", "http://169.254.170.23/c",
                                          "http://[fd00:ec2::23]/c", "https://creds.example/c"};
    for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
        fake_setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", allowed[i]);
        F.http_calls = 0;
        c = new_chain(&ctx, NULL);
        osp_err_init(&err);
        CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_OK);
        aws_creds_cleanup(&cr);
        cred_chain_free(c);
    }
    /* a relative URI cannot move the request off the agent: it stays a path */
    fake_setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", NULL);
    fake_setenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "@evil.example/creds");
    F.http_calls = 0;
    c = new_chain(&ctx, NULL);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_url, "GET http://169.254.170.2/@evil.example/creds");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_ecs_relative_uri_uses_the_agent_address(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    fake_setenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
    F.http_reply[0] = "{\"AccessKeyId\":\"ASIAECS\",\"SecretAccessKey\":\"s\",\"Token\":\"t\"}";
    struct cred_chain *c = new_chain(&ctx, NULL);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(F.last_url, "GET http://169.254.170.2/v2/credentials/abc");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_imds_v2_token_then_role_credentials(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    fake_setenv("AWS_EC2_METADATA_DISABLED", "false");
    fake_setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:7/");
    F.http_reply[0] = "imds-session-token";
    F.http_reply[1] = "my-instance-role\n";
    F.http_reply[2] = "{\"Code\":\"Success\",\"AccessKeyId\":\"ASIAIMDS\",\"SecretAccessKey\":\"s\","
                      "\"Token\":\"t\",\"Expiration\":\"2100-01-01T00:00:00Z\"}";
    struct cred_chain *c = new_chain(&ctx, NULL);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_EQUAL(F.http_calls, 3);
    CU_ASSERT_STRING_EQUAL(F.last_url,
                           "GET http://127.0.0.1:7/latest/meta-data/iam/security-credentials/my-instance-role");
    CU_ASSERT_PTR_NOT_NULL(strstr(F.last_headers, "X-aws-ec2-metadata-token: imds-session-token\n"));
    CU_ASSERT_STRING_EQUAL(cr.provider, "imds");
    CU_ASSERT_STRING_EQUAL(cr.access_key_id, "ASIAIMDS");
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_nothing_found_names_what_was_tried_and_the_fix(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    fake_setenv("AWS_EC2_METADATA_DISABLED", "TRUE");
    struct cred_chain *c = new_chain(&ctx, NULL);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_ECREDS);
    CU_ASSERT_EQUAL(osp_exit_code(err.code), 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "AWS_ACCESS_KEY_ID"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "--profile"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "imds: disabled"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "ecs:"));
    CU_ASSERT_EQUAL(F.http_calls, 0);
    cred_chain_free(c);
    /* IMDS enabled but unreachable: still "no credentials", not a network error */
    fake_setenv("AWS_EC2_METADATA_DISABLED", NULL);
    fake_setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:9");
    c = new_chain(&ctx, NULL);
    CU_ASSERT_EQUAL(resolve(c, &cr, &err), OSP_ECREDS);
    CU_ASSERT_EQUAL(F.http_calls, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "imds:"));
    cred_chain_free(c);
}

static void test_debug_lines_name_the_provider_but_never_secrets(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    fake_setenv("AWS_ACCESS_KEY_ID", "AKIDCANARY1234");
    fake_setenv("AWS_SECRET_ACCESS_KEY", "SECRETCANARY-ENV");
    fake_setenv("AWS_SESSION_TOKEN", "TOKENCANARY-ENV");
    struct cred_opts o = {.role_arn = "arn:aws:iam::1:role/r"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(F.log, "using assume-role:env"));
    CU_ASSERT_PTR_NULL(strstr(F.log, "CANARY"));
    CU_ASSERT_PTR_NULL(strstr(F.log, "AKIDCANARY"));
    /* the redactor masks the forms a secret could take in a log line */
    char *r = osp_redact("{\"SecretAccessKey\": \"SECRETCANARY\", \"SessionToken\": \"TOKENCANARY\"}");
    CU_ASSERT_PTR_NULL(strstr(r, "CANARY"));
    free(r);
    aws_creds_cleanup(&cr);
    cred_chain_free(c);
}

static void test_refresh_resolves_again(void)
{
    struct osp_ctx ctx;
    fake_reset(&ctx);
    fake_setenv("AWS_ACCESS_KEY_ID", "AKIDENV");
    fake_setenv("AWS_SECRET_ACCESS_KEY", "secretenv");
    struct cred_opts o = {.role_arn = "arn:aws:iam::1:role/r"};
    struct cred_chain *c = new_chain(&ctx, &o);
    struct aws_creds cr, cr2;
    struct osp_err err;
    CU_ASSERT_EQUAL_FATAL(resolve(c, &cr, &err), OSP_OK);
    CU_ASSERT_EQUAL(F.calls, 1);
    CU_ASSERT_EQUAL_FATAL(cred_chain_refresh(c, &cr2, &err), OSP_OK);
    CU_ASSERT_EQUAL(F.calls, 2);
    CU_ASSERT_STRING_EQUAL(cr2.access_key_id, "ASIA-r");
    aws_creds_cleanup(&cr);
    aws_creds_cleanup(&cr2);
    cred_chain_free(c);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_env_keys_win_over_default_profile),
    OSP_TEST(test_profile_flag_wins_over_env_keys_aws_profile_does_not),
    OSP_TEST(test_half_set_env_keys_is_an_error),
    OSP_TEST(test_web_identity_env_comes_before_profile),
    OSP_TEST(test_missing_web_identity_token_file_stops_the_chain),
    OSP_TEST(test_role_chain_through_source_profiles),
    OSP_TEST(test_profile_cycle_is_detected_before_any_call),
    OSP_TEST(test_self_source_profile_uses_its_static_keys),
    OSP_TEST(test_credential_source_environment_and_bad_values),
    OSP_TEST(test_role_arn_flag_assumes_role_with_base_credentials),
    OSP_TEST(test_github_oidc_fetches_token_with_bearer_and_audience),
    OSP_TEST(test_github_oidc_error_status_names_the_permission),
    OSP_TEST(test_gitlab_token_env_var),
    OSP_TEST(test_role_arn_with_token_file_flag_or_env),
    OSP_TEST(test_ecs_full_uri_with_token_file),
    OSP_TEST(test_ecs_relative_uri_uses_the_agent_address),
    OSP_TEST(test_imds_v2_token_then_role_credentials),
    OSP_TEST(test_nothing_found_names_what_was_tried_and_the_fix),
    OSP_TEST(test_debug_lines_name_the_provider_but_never_secrets),
    OSP_TEST(test_refresh_resolves_again),
    {0},
};

int main(void)
{
    return osp_test_run("creds_chain", tests);
}
