/* cmd_checks.c: `osprey checks` (placeholder until its issue lands). */
#include <stdio.h>

#include "cli/cli.h"

int cli_checks(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    fprintf(stderr, "osprey: 'checks' is not implemented yet\n");
    return 5;
}
