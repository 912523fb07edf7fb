/* cmd_convert.c: `osprey convert` (placeholder until its issue lands). */
#include <stdio.h>

#include "cli/cli.h"

int cli_convert(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    fprintf(stderr, "osprey: 'convert' is not implemented yet\n");
    return 5;
}
