/* main_dispatch.c: top-level argv dispatch to subcommands, and shared error printing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/log.h"

static const struct {
    const char *name;
    int (*fn)(struct osp_ctx *, int, char **);
    const char *summary;
} commands[] = {
    {"aws", cli_aws, "scan an AWS account for misconfigurations"},
    {"inspect", cli_inspect, "print the input document(s) checks will see, as JSON"},
    {"checks", cli_checks, "list and show the built-in checks"},
    {"explain", cli_explain, "explain a check (why, how to fix) or every finding of one resource"},
    {"rego", cli_rego, "evaluate, test and parse Rego policies (OPA-compatible)"},
    {"cache", cli_cache, "list, export, import and clean the scan cache"},
    {"convert", cli_convert, "re-render a saved JSON report in other formats"},
    {"merge", cli_merge, "merge JSON reports from sharded scans"},
    {"org", cli_org, "plan an AWS Organization scan over a CI job matrix (org plan)"},
    {"whoami", cli_whoami, "show which AWS identity and credential source osprey would use"},
    {"help", cli_help, "show help for a command or flag"},
    {"version", cli_version, "print the version"},
};

int cli_fail(const struct osp_err *err)
{
    /* a fatal message passes the same redaction as every log line (core/log.h) */
    char *red = err->msg[0] ? osp_redact(err->msg) : NULL;
    cli_errf("%s", red ? red : err->msg[0] ? "(message withheld)" : osp_strerror(err->code));
    free(red);
    return osp_exit_code(err->code);
}

/* One line on stderr: "osprey: " and the message with CR, LF and escape sequences shown escaped,
 * so a file name, check id or AWS text cannot start a CI workflow command or drive the terminal. */
static void verrf(const char *fmt, va_list ap)
{
    char line[4096];
    vsnprintf(line, sizeof(line), fmt, ap);
    char *safe = osp_escape_controls(line);
    fprintf(stderr, "osprey: %s\n", safe);
    free(safe);
}

void cli_errf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verrf(fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verrf(fmt, ap);
    va_end(ap);
    return 2;
}

void cli_print_commands(FILE *f);
void cli_print_commands(FILE *f)
{
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
}

int cli_main(struct osp_ctx *ctx, int argc, char **argv)
{
    if (argc < 2)
        return cli_help(ctx, argc - 1, argv + 1);
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h"))
        return cli_help(ctx, argc - 1, argv + 1);
    if (!strcmp(name, "--version") || !strcmp(name, "-v"))
        return cli_version(ctx, argc - 1, argv + 1);
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (!strcmp(commands[i].name, name))
            return commands[i].fn(ctx, argc - 1, argv + 1);
    return cli_usage_error("unknown command '%s' (see 'osprey --help')", name);
}
