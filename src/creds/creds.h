/* creds.h: the AWS credential chain, in the AWS SDK / CLI order, plus region and endpoint settings
 * read from the same configuration.
 *
 * Owns: struct cred_chain (a snapshot of the environment and the shared config/credentials files
 * taken at cred_chain_new(), the flags it was given, and the client it last resolved with).
 *
 * Order (first that yields credentials wins; "tried" lines are kept for the error message):
 *   1. env keys: AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY [+ AWS_SESSION_TOKEN], unless --profile
 *      (AWS_PROFILE only selects the profile, as in the AWS CLI)
 *   2. the selected profile's role_arn with source_profile / credential_source
 *   3. web identity: AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE [+ AWS_ROLE_SESSION_NAME], each
 *      falling back to the profile's role_arn / web_identity_token_file (--profile: profile only)
 *   4. the rest of the selected profile (--profile, else AWS_PROFILE, else "default"): SSO, static
 *      keys, credential_process. With --profile the chain stops here.
 *   5. CI OIDC (needs a role ARN): --web-identity-token-file (else AWS_WEB_IDENTITY_TOKEN_FILE
 *      without AWS_ROLE_ARN), the env var named by
 *      --web-identity-token-env (GitLab id_tokens), or the GitHub Actions token endpoint
 *      (ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN); then STS AssumeRoleWithWebIdentity (unsigned)
 *   6. ECS container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI)
 *   7. EC2 IMDSv2 (unless AWS_EC2_METADATA_DISABLED=true)
 * With a role ARN (--role-arn / OSPREY_ROLE_ARN) and base credentials from 1-4, 6 or 7, osprey
 * then calls sts:AssumeRole signed with the base credentials (--external-id, --role-session-name).
 *
 * Ownership: cred_chain_new() copies every string it is given; cred_chain_free() frees the chain.
 * The strings returned by cred_chain_region()/_endpoint_url()/_ca_bundle() live as long as the
 * chain. struct aws_creds filled by cred_chain_resolve() is the caller's (aws_creds_cleanup()).
 * The chain keeps (borrows) the client handed to cred_chain_resolve() for cred_chain_refresh():
 * free the client after the chain, or never refresh after freeing it.
 *
 *   struct cred_opts o = {.profile = flag_profile, .role_arn = flag_role, .region = flag_region};
 *   struct cred_chain *chain;
 *   if (cred_chain_new(ctx, &o, &chain, &err)) return cli_fail(&err);
 *   ... aws_client_new(ctx, &copts, &client, &err) with cred_chain_endpoint_url(chain) ...
 *   struct aws_creds cr;
 *   if (cred_chain_resolve(chain, client, &cr, &err) == OSP_OK &&
 *       aws_client_set_creds(client, &cr, cred_chain_refresh, chain, &err) == OSP_OK) ...
 *   aws_creds_cleanup(&cr); aws_client_free(client); cred_chain_free(chain);
 *
 * Secrets never reach a log line: --debug names the provider only (and the key id's last 4).
 */
#ifndef OSPREY_CREDS_CREDS_H
#define OSPREY_CREDS_CREDS_H

#include <stddef.h>

#include "aws/aws.h"
#include "core/ctx.h"
#include "core/err.h"

/* From the CLI flags; NULL = not given. All strings are copied by cred_chain_new(). */
struct cred_opts {
    const char *profile;                 /* --profile (else AWS_PROFILE, else "default") */
    const char *role_arn;                /* --role-arn (else OSPREY_ROLE_ARN) */
    const char *role_session_name;       /* --role-session-name (else AWS_ROLE_SESSION_NAME) */
    const char *external_id;             /* --external-id */
    const char *web_identity_token_file; /* --web-identity-token-file */
    const char *web_identity_token_env;  /* --web-identity-token-env: env var holding a JWT */
    const char *region;                  /* the first --region value, if given */
};

struct cred_chain;

/* Read the environment and the shared config/credentials files; no network. Fails with
 * OSP_ECONFIG (exit 2) naming file:line for a malformed file, or an explicit profile that
 * exists in neither file. */
OSP_MUST_CHECK enum osp_code cred_chain_new(struct osp_ctx *ctx, const struct cred_opts *o, struct cred_chain **out,
                                            struct osp_err *err);
void cred_chain_free(struct cred_chain *c); /* NULL ok */

/* --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region; NULL if none. */
const char *cred_chain_region(const struct cred_chain *c);
/* The profile's endpoint_url, or NULL (AWS_ENDPOINT_URL* is read by the aws client itself). */
const char *cred_chain_endpoint_url(const struct cred_chain *c);
/* AWS_CA_BUNDLE, else the profile's ca_bundle, else NULL. */
const char *cred_chain_ca_bundle(const struct cred_chain *c);
/* The selected profile name ("default" unless --profile / AWS_PROFILE). */
const char *cred_chain_profile(const struct cred_chain *c);

/* Resolve credentials, using `client` for STS, SSO, IMDS, ECS and OIDC token calls. On OSP_OK
 * *out is filled (caller cleans up) and out->provider names the source ("env", "profile:dev",
 * "assume-role:profile:dev", "web-identity", "oidc:github", "process:dev", "sso:dev", "ecs",
 * "imds"). When nothing yields credentials: OSP_ECREDS with a message listing what was tried
 * and how to fix it. A configured provider that fails (unreadable token file, STS error,
 * failing credential_process) stops the chain with its own error. */
OSP_MUST_CHECK enum osp_code cred_chain_resolve(struct cred_chain *c, struct aws_client *client, struct aws_creds *out,
                                                struct osp_err *err);
/* An aws_refresh_fn: resolves again with the client of the last cred_chain_resolve(). */
OSP_MUST_CHECK enum osp_code cred_chain_refresh(void *chain, struct aws_creds *out, struct osp_err *err);

/* sts:AssumeRole signed with the client's credentials (a second hop: the member role of an
 * organization account, assumed from the credentials the chain resolved). `session` is the role
 * session name; out->provider becomes `provider`. */
OSP_MUST_CHECK enum osp_code cred_assume_role_with(struct aws_client *client, const char *region, const char *role_arn,
                                                   const char *session, const char *provider, struct aws_creds *out,
                                                   struct osp_err *err);
/* sts:GetCallerIdentity with the client's credentials: account id and ARN. region may be NULL
 * (us-east-1). */
OSP_MUST_CHECK enum osp_code cred_caller_identity(struct aws_client *client, const char *region, char account[32],
                                                  char *arn, size_t arnlen, struct osp_err *err);

#endif
