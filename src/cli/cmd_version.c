/* cmd_version.c: `osprey version`. */
#include <curl/curl.h>
#include <stdio.h>

#include "cli/cli.h"

int cli_version(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    if (argc > 1)
        return cli_usage_error("'osprey version' takes no arguments (got '%s')", argv[1]);
    printf("osprey %s\n", OSPREY_VERSION);
    return 0;
}
