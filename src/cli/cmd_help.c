/* cmd_help.c: `osprey help` and `osprey --help`. */
#include <stdio.h>

#include "cli/cli.h"

void cli_print_commands(FILE *f);

int cli_help(struct osp_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    printf("osprey: a CI-native scanner for AWS security misconfigurations\n\n"
           "Usage: osprey <command> [flags]\n\nCommands:\n");
    cli_print_commands(stdout);
    printf("\nRun 'osprey <command> --help' for the flags of a command.\n");
    return 0;
}
