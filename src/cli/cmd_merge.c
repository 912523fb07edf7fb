/* cmd_merge.c: `osprey merge` (placeholder until its issue lands). */
#include <stdio.h>

#include "cli/cli.h"

int cli_merge(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    fprintf(stderr, "osprey: 'merge' is not implemented yet\n");
    return 5;
}
