/* creds_int.h: what the files of src/creds/ share: the INI model, the chain's innards, the
 * provider signature and the network hooks unit tests replace. Not for use outside src/creds/
 * and tests/unit/creds/.
 *
 * Providers return OSP_OK with *out filled, OSP_ENOTFOUND when they do not apply (after
 * cred_note() says why), or any other code (with err set) when they apply but fail: that
 * stops the chain, as the AWS SDKs do.
 */
#ifndef OSPREY_CREDS_CREDS_INT_H
#define OSPREY_CREDS_CREDS_INT_H

#include <stddef.h>
#include <time.h>

#include "aws/aws.h"
#include "core/buf.h"
#include "creds/creds.h"

/* ---- ini.c: AWS-style INI files ---- */
struct cred_kv {
    char *key;       /* lower-cased */
    char *value;     /* trimmed; nested "sub = v" lines are appended after '\n' */
    size_t len, cap; /* strlen(value) and its allocation, so appends stay linear */
    int line;
};
struct cred_section {
    char *name; /* text between the brackets, trimmed, inner blanks collapsed to one */
    int line;
    struct cred_kv *kv;
    size_t n, cap;
};
struct cred_ini {
    char *path; /* for messages; NULL when nothing was loaded */
    struct cred_section *secs;
    size_t n, cap;
};

#define CRED_INI_MAX_BYTES (4u << 20)

/* Parse text (NUL-terminated); `path` is used in "path:line: ..." errors (OSP_ECONFIG). */
OSP_MUST_CHECK enum osp_code cred_ini_parse(const char *path, const char *text, struct cred_ini *out,
                                            struct osp_err *err);
/* Load a file. A missing file is not an error: *found = 0 and an empty ini. */
OSP_MUST_CHECK enum osp_code cred_ini_load(const char *path, struct cred_ini *out, int *found, struct osp_err *err);
void cred_ini_cleanup(struct cred_ini *ini);
const struct cred_section *cred_ini_section(const struct cred_ini *ini, const char *name);
const char *cred_ini_get(const struct cred_section *s, const char *key); /* NULL if absent */

/* ---- file helpers (util.c) ---- */
/* Read a whole small file (cap bytes at most), NUL-terminated; caller frees. OSP_EIO if unreadable. */
OSP_MUST_CHECK enum osp_code cred_read_file(const char *path, size_t cap, char **out, struct osp_err *err);
/* Strip leading/trailing white space in place; returns s. */
char *cred_trim(char *s);
/* Copy src into dst (dstlen bytes); 0 ok, -1 if it did not fit (dst then holds ""). */
int cred_copy(char *dst, size_t dstlen, const char *src);
/* "~/.aws/x" -> "$HOME/.aws/x"; caller frees. NULL on OOM. */
char *cred_expand_home(const struct osp_ctx *ctx, const char *path);

/* ---- network hooks (chain.c has the defaults that call aws.h) ---- */
struct cred_ops {
    enum osp_code (*call)(void *ud, struct aws_call *call, struct aws_response *resp, struct osp_err *err);
    enum osp_code (*http)(void *ud, const char *method, const char *url, const char *const *headers, const char *body,
                          long timeout_ms, int attempts, int *status, char **out, size_t *outlen, struct osp_err *err);
    void (*response_cleanup)(struct aws_response *r);
};

/* ---- the chain ---- */
struct cred_chain {
    struct osp_ctx *ctx;
    struct cred_ini config, credentials;
    char *config_path, *credentials_path;
    char *profile;        /* selected profile name */
    int profile_explicit; /* --profile or AWS_PROFILE */
    int profile_flag;     /* --profile: the environment's keys and web identity are not consulted */
    char *role_arn, *role_session_name, *external_id;
    char *wi_token_file, *wi_token_env;
    char *region, *endpoint_url, *ca_bundle;
    struct aws_client *client; /* borrowed; from the last resolve */
    const struct cred_ops *ops;
    void *ops_ud;         /* NULL: the client */
    struct osp_buf tried; /* "; "-separated notes for the final error message */
};

/* Replace the network hooks (unit tests). ud is passed to every hook. */
void cred_chain_set_ops(struct cred_chain *c, const struct cred_ops *ops, void *ud);
/* Record why a provider did not apply (for the OSP_ECREDS message and --debug). */
void cred_note(struct cred_chain *c, const char *fmt, ...) OSP_PRINTF(2, 3);
/* Fill out from plain strings (token may be NULL or ""); provider is copied (truncated). */
OSP_MUST_CHECK enum osp_code cred_fill(struct aws_creds *out, const char *akid, const char *secret, const char *token,
                                       time_t expiration, const char *provider, struct osp_err *err);
/* The region STS/SSO calls use: the chain's, else "us-east-1". */
const char *cred_sts_region(const struct cred_chain *c);
/* Call / HTTP through the hooks. */
OSP_MUST_CHECK enum osp_code cred_call(struct cred_chain *c, struct aws_call *call, struct aws_response *resp,
                                       struct osp_err *err);
void cred_response_cleanup(struct cred_chain *c, struct aws_response *resp);
OSP_MUST_CHECK enum osp_code cred_http(struct cred_chain *c, const char *method, const char *url,
                                       const char *const *headers, long timeout_ms, int attempts, int *status,
                                       char **out, struct osp_err *err);
/* Merged profile lookup: the credentials file wins over the config file for the same key. */
const char *cred_profile_get(const struct cred_chain *c, const char *profile, const char *key);
int cred_profile_exists(const struct cred_chain *c, const char *profile);
/* [sso-session name] in the config file. */
const struct cred_section *cred_sso_session(const struct cred_chain *c, const char *name);

/* ---- credential JSON (credjson.c) ---- */
/* credential_process output: {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?,
 * "Expiration"?}. Expired credentials (Expiration <= now) are an error. */
OSP_MUST_CHECK enum osp_code cred_parse_process_json(const char *text, time_t now, const char *provider,
                                                     struct aws_creds *out, struct osp_err *err);
/* ECS / IMDS output: {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}. */
OSP_MUST_CHECK enum osp_code cred_parse_container_json(const char *text, time_t now, const char *provider,
                                                       struct aws_creds *out, struct osp_err *err);

/* ---- providers ---- */
OSP_MUST_CHECK enum osp_code cred_env(struct cred_chain *c, struct aws_creds *out, struct osp_err *err);
/* Web identity: AWS_ROLE_ARN / AWS_WEB_IDENTITY_TOKEN_FILE / AWS_ROLE_SESSION_NAME (when use_env),
 * each falling back to `profile`'s role_arn / web_identity_token_file / role_session_name
 * (profile may be NULL). OSP_ENOTFOUND unless both a role and a token file are known. */
OSP_MUST_CHECK enum osp_code cred_webid(struct cred_chain *c, int use_env, const char *profile, struct aws_creds *out,
                                        struct osp_err *err);
/* Assume role_arn with the web identity token in `token_file` (read here). */
OSP_MUST_CHECK enum osp_code cred_webid_file(struct cred_chain *c, const char *role_arn, const char *token_file,
                                             const char *session, const char *provider, struct aws_creds *out,
                                             struct osp_err *err);
OSP_MUST_CHECK enum osp_code cred_profile(struct cred_chain *c, const char *name, struct aws_creds *out,
                                          struct osp_err *err);
OSP_MUST_CHECK enum osp_code cred_process(struct cred_chain *c, const char *profile, const char *command,
                                          struct aws_creds *out, struct osp_err *err);
OSP_MUST_CHECK enum osp_code cred_sso(struct cred_chain *c, const char *profile, struct aws_creds *out,
                                      struct osp_err *err);
/* Read the SSO access token for a profile from ~/.aws/sso/cache (pure file I/O). Caller frees
 * *token. Fills region (the sso_region) too. */
OSP_MUST_CHECK enum osp_code cred_sso_token(struct cred_chain *c, const char *profile, char **token, char *region,
                                            size_t regionlen, struct osp_err *err);
OSP_MUST_CHECK enum osp_code cred_oidc(struct cred_chain *c, struct aws_creds *out, struct osp_err *err);
OSP_MUST_CHECK enum osp_code cred_ecs(struct cred_chain *c, struct aws_creds *out, struct osp_err *err);
OSP_MUST_CHECK enum osp_code cred_imds(struct cred_chain *c, struct aws_creds *out, struct osp_err *err);

/* ---- STS (sts.c) ---- */
/* AssumeRole signed with base. session/external_id/duration (seconds, a profile's
 * duration_seconds) may be NULL. */
OSP_MUST_CHECK enum osp_code cred_sts_assume_role(struct cred_chain *c, const struct aws_creds *base,
                                                  const char *role_arn, const char *session, const char *external_id,
                                                  const char *duration, const char *provider, struct aws_creds *out,
                                                  struct osp_err *err);
/* AssumeRoleWithWebIdentity, unsigned. */
OSP_MUST_CHECK enum osp_code cred_sts_assume_role_web(struct cred_chain *c, const char *role_arn, const char *session,
                                                      const char *token, const char *provider, struct aws_creds *out,
                                                      struct osp_err *err);
/* A default session name: "osprey-<epoch seconds>". */
void cred_default_session(const struct cred_chain *c, char *out, size_t outlen);

#endif
