/* cmd_help.c: `osprey help [COMMAND | FLAG | --markdown]` and the top-level usage. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "core/embedded.h"

extern const struct osp_embedded osp_flag_pages[];

void cli_print_commands(FILE *f);

static const char *flag_page(const char *flag)
{
    char want[96];
    snprintf(want, sizeof(want), "%s.md", flag);
    for (const struct osp_embedded *p = osp_flag_pages; p->name; p++)
        if (!strcmp(p->name, want))
            return p->data;
    return NULL;
}

/* The page of one flag: a header generated from the flag table, then the prose page. */
static int print_flag(const struct cli_flag *f)
{
    const char *page = flag_page(f->name);
    printf("--%s%s%s", f->name, f->arg ? " " : "", f->arg ? f->arg : "");
    if (f->shortopt)
        printf("  (short: -%c)", f->shortopt);
    printf("\n  %s\n", f->help);
    if (cli_flag_aliases(f))
        printf("  also accepted as: %s (Trivy's older names)\n", cli_flag_aliases(f));
    printf("  commands:%s%s%s%s%s\n", f->cmds & CLI_CMD_AWS ? " aws" : "", f->cmds & CLI_CMD_INSPECT ? " inspect" : "",
           f->cmds & CLI_CMD_CONVERT ? " convert" : "", f->cmds & CLI_CMD_WHOAMI ? " whoami" : "",
           f->cmds & CLI_CMD_MERGE ? " merge" : "");
    if (f->def)
        printf("  default: %s\n", f->def);
    char env[64];
    cli_flag_env_name(f, env, sizeof(env));
    if (strcmp(f->name, "help"))
        printf("  environment: %s%s%s\n", env, f->env ? ", then " : "", f->env ? f->env : "");
    if (strcmp(f->name, "help") && strcmp(f->name, "config"))
        printf("  config key: %s\n", f->config ? f->config : f->name);
    if (cli_flag_repeatable(f))
        printf("  repeatable: yes%s\n", f->kind == CLI_CSV ? " (or a comma list)" : "");
    if (page) {
        const char *body = strchr(page, '\n'); /* skip the page's own title line */
        printf("%s", body ? body : page);
    }
    return 0;
}

static void usage(void)
{
    printf("osprey: a CI-native scanner for AWS security misconfigurations\n\n"
           "Usage: osprey <command> [flags]\n\nCommands:\n");
    cli_print_commands(stdout);
    printf("\nRun 'osprey <command> --help' for the flags of a command, 'osprey help FLAG' for one flag.\n"
           "Exit codes: 0 ok, 1 threshold breached, 2 usage/config error, 3 scan could not run,\n"
           "4 not found, 5 internal error, 6 incomplete run under a gate.\n");
}

int cli_help(struct osp_ctx *ctx, int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage();
        return 0;
    }
    const char *what = argv[1];
    if (!strcmp(what, "--markdown")) {
        cli_opts_markdown(stdout);
        return 0;
    }
    static const struct {
        const char *name;
        enum cli_cmd cmd;
    } cmds[] = {{"aws", CLI_CMD_AWS}, {"inspect", CLI_CMD_INSPECT}, {"convert", CLI_CMD_CONVERT},
                {"whoami", CLI_CMD_WHOAMI}, {"merge", CLI_CMD_MERGE}};
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
        if (!strcmp(what, cmds[i].name)) {
            cli_opts_usage(cmds[i].cmd, stdout);
            return 0;
        }
    if (!strcmp(what, "org")) {
        char *org_help[] = {"org", "--help", NULL};
        return cli_org(ctx, 2, org_help);
    }
    while (*what == '-')
        what++;
    const struct cli_flag *f = cli_flag_find(what);
    if (f)
        return print_flag(f);
    return cli_usage_error("no help for '%s' (try 'osprey help', 'osprey help aws' or 'osprey help FLAG')", argv[1]);
}
