/* cmd_rego.c: `osprey rego` (placeholder until its issue lands). */
#include <stdio.h>

#include "cli/cli.h"

int cli_rego(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    fprintf(stderr, "osprey: 'rego' is not implemented yet\n");
    return 5;
}
