/* cmd_whoami.c: `osprey whoami`: which identity and credential source osprey would use. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "aws/aws.h"
#include "cli/cli.h"
#include "creds/creds.h"

struct whoami_opts {
    struct cred_opts cred;
    const char *endpoint;
    int debug, quiet, help;
};

static const char whoami_usage[] =
    "Usage: osprey whoami [flags]\n"
    "\n"
    "Resolve AWS credentials the way 'osprey aws' does and print the account, the caller ARN,\n"
    "the credential source and the region (sts:GetCallerIdentity).\n"
    "\n"
    "Flags:\n"
    "  --profile NAME                  shared config/credentials profile (env AWS_PROFILE)\n"
    "  --region REGION                 region (env AWS_REGION, AWS_DEFAULT_REGION, profile region)\n"
    "  --endpoint URL                  send every AWS call to URL (env AWS_ENDPOINT_URL)\n"
    "  --role-arn ARN                  assume this role; in CI, with an OIDC token (env OSPREY_ROLE_ARN)\n"
    "  --role-session-name NAME        session name for the assumed role\n"
    "  --external-id ID                external id for sts:AssumeRole\n"
    "  --web-identity-token-file PATH  OIDC token file for --role-arn\n"
    "  --web-identity-token-env NAME   env var holding an OIDC token for --role-arn (GitLab id_tokens)\n"
    "  --debug                         log which credential providers were tried (never secrets)\n"
    "  --quiet                         no progress output\n"
    "  --help                          this help\n"
    "\n"
    "Exit codes: 0 ok, 2 bad flags or configuration, 3 no credentials, auth or network failure.\n";

enum {
    O_PROFILE = 1000,
    O_REGION,
    O_ENDPOINT,
    O_ROLE,
    O_SESSION,
    O_EXTID,
    O_WIFILE,
    O_WIENV,
    O_DEBUG,
    O_QUIET,
    O_HELP
};

static const struct option whoami_longopts[] = {
    {"profile", required_argument, NULL, O_PROFILE},
    {"region", required_argument, NULL, O_REGION},
    {"endpoint", required_argument, NULL, O_ENDPOINT},
    {"role-arn", required_argument, NULL, O_ROLE},
    {"role-session-name", required_argument, NULL, O_SESSION},
    {"external-id", required_argument, NULL, O_EXTID},
    {"web-identity-token-file", required_argument, NULL, O_WIFILE},
    {"web-identity-token-env", required_argument, NULL, O_WIENV},
    {"debug", no_argument, NULL, O_DEBUG},
    {"quiet", no_argument, NULL, O_QUIET},
    {"help", no_argument, NULL, O_HELP},
    {NULL, 0, NULL, 0},
};

static void set_opt(struct whoami_opts *o, int id, const char *arg)
{
    const char **slots[] = {&o->cred.profile,
                            &o->cred.region,
                            &o->endpoint,
                            &o->cred.role_arn,
                            &o->cred.role_session_name,
                            &o->cred.external_id,
                            &o->cred.web_identity_token_file,
                            &o->cred.web_identity_token_env};
    if (id >= O_PROFILE && id <= O_WIENV)
        *slots[id - O_PROFILE] = arg;
    else if (id == O_DEBUG)
        o->debug = 1;
    else if (id == O_QUIET)
        o->quiet = 1;
    else if (id == O_HELP)
        o->help = 1;
}

static int parse_flags(int argc, char **argv, struct whoami_opts *o)
{
    memset(o, 0, sizeof(*o));
    opterr = 0;
    optind = 1;
    int id;
    while ((id = getopt_long(argc, argv, ":", whoami_longopts, NULL)) != -1) {
        if (id == '?' || id == ':') {
            const char *bad = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
            return cli_usage_error("%s flag '%s' for whoami (see 'osprey whoami --help')",
                                   id == ':' ? "missing value for" : "unknown", bad);
        }
        set_opt(o, id, optarg);
    }
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s' for whoami (see 'osprey whoami --help')", argv[optind]);
    if (o->cred.region && !aws_region_is_valid(o->cred.region))
        return cli_usage_error("invalid region '%s' (use a name like us-east-1)", o->cred.region);
    return 0;
}

static int report(struct cred_chain *chain, struct aws_client *client, const struct aws_creds *cr)
{
    struct osp_err err;
    osp_err_init(&err);
    char account[32], arn[512];
    const char *region = cred_chain_region(chain);
    if (cred_caller_identity(client, region, account, arn, sizeof(arn), &err))
        return cli_fail(&err);
    printf("account: %s\narn: %s\ncredentials: %s\nregion: %s\n", account, arn, cr->provider,
           region ? region : "(none)");
    return 0;
}

static int run(struct osp_ctx *ctx, const struct whoami_opts *o)
{
    struct osp_err err;
    osp_err_init(&err);
    struct cred_chain *chain = NULL;
    struct aws_client *client = NULL;
    struct aws_creds cr;
    memset(&cr, 0, sizeof(cr));
    int status;
    if (cred_chain_new(ctx, &o->cred, &chain, &err))
        return cli_fail(&err);
    struct aws_client_opts copts = {0};
    copts.endpoint_url = o->endpoint;
    copts.profile_endpoint_url = cred_chain_endpoint_url(chain);
    copts.ca_bundle = cred_chain_ca_bundle(chain);
    if (aws_client_new(ctx, &copts, &client, &err) || cred_chain_resolve(chain, client, &cr, &err) ||
        aws_client_set_creds(client, &cr, cred_chain_refresh, chain, &err))
        status = cli_fail(&err);
    else
        status = report(chain, client, &cr);
    aws_creds_cleanup(&cr);
    aws_client_free(client);
    cred_chain_free(chain);
    return status;
}

int cli_whoami(struct osp_ctx *ctx, int argc, char **argv)
{
    struct whoami_opts o;
    int st = parse_flags(argc, argv, &o);
    if (st)
        return st;
    if (o.help) {
        fputs(whoami_usage, stdout);
        return 0;
    }
    if (o.debug)
        ctx->log_level = OSP_LOG_DEBUG;
    ctx->quiet = o.quiet;
    return run(ctx, &o);
}
