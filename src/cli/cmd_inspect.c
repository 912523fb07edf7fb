/* cmd_inspect.c: `osprey inspect` (placeholder until its issue lands). */
#include <stdio.h>

#include "cli/cli.h"

int cli_inspect(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    fprintf(stderr, "osprey: 'inspect' is not implemented yet\n");
    return 5;
}
