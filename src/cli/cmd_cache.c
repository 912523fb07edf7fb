/* cmd_cache.c: `osprey cache` (placeholder until its issue lands). */
#include <stdio.h>

#include "cli/cli.h"

int cli_cache(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    fprintf(stderr, "osprey: 'cache' is not implemented yet\n");
    return 5;
}
