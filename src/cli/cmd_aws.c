/* cmd_aws.c: `osprey aws` (placeholder until its issue lands). */
#include <stdio.h>

#include "cli/cli.h"

int cli_aws(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    fprintf(stderr, "osprey: 'aws' is not implemented yet\n");
    return 5;
}
