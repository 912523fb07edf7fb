/* cmd_whoami.c: `osprey whoami`: which identity and credential source osprey would use. */
#include <stdio.h>
#include <string.h>

#include "aws/aws.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/session.h"
#include "creds/creds.h"

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

static int run(struct osp_ctx *ctx, const struct cli_opts *o)
{
    struct cred_opts co = cli_cred_opts(o);
    struct osp_err err;
    osp_err_init(&err);
    struct cred_chain *chain = NULL;
    struct aws_client *client = NULL;
    struct aws_creds cr;
    memset(&cr, 0, sizeof(cr));
    int status;
    if (cred_chain_new(ctx, &co, &chain, &err))
        return cli_fail(&err);
    struct aws_client_opts copts = {0};
    copts.endpoint_url = o->endpoint;
    copts.profile_endpoint_url = cred_chain_endpoint_url(chain);
    copts.ca_bundle = o->ca_bundle ? o->ca_bundle : cred_chain_ca_bundle(chain);
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

/* The flags are the credential rows of the one flag table (opts.c), with its env and config sources. */
int cli_whoami(struct osp_ctx *ctx, int argc, char **argv)
{
    struct cli_opts o;
    struct osp_err err;
    osp_err_init(&err);
    if (cli_opts_parse(ctx, CLI_CMD_WHOAMI, argc, argv, &o, &err))
        return cli_fail(&err);
    if (o.help) {
        cli_opts_usage(CLI_CMD_WHOAMI, stdout);
        return 0;
    }
    if (o.regions.n > 1 || (o.regions.n && !strcmp(o.regions.v[0], "all")))
        return cli_usage_error("whoami takes one --region, not '%s'", o.regions.v[o.regions.n - 1]);
    if (o.debug)
        ctx->log_level = OSP_LOG_DEBUG;
    ctx->quiet = o.quiet || o.no_progress;
    return run(ctx, &o);
}
