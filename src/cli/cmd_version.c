/* cmd_version.c: `osprey version`. */
#include <curl/curl.h>
#include <stdio.h>

#include "cli/cli.h"

int cli_version(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    printf("osprey %s\n", OSPREY_VERSION);
    return 0;
}
