/* cmd_whoami.c: `osprey whoami` (placeholder until its issue lands). */
#include <stdio.h>

#include "cli/cli.h"

int cli_whoami(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    fprintf(stderr, "osprey: 'whoami' is not implemented yet\n");
    return 5;
}
