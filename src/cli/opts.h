/* opts.h: the flag table of `osprey aws`, `inspect` and `convert`, and the parsed options.
 *
 * One static table (opts.c) drives parsing (getopt_long), `--help` (grouped by category),
 * `osprey help <flag>` (the embedded page src/cli/flags/<long>.md) and `osprey help --markdown`
 * (the README's flag reference). A docs test checks that every flag has a page and every page
 * a flag. struct cli_opts owns nothing: its strings point into argv.
 */
#ifndef OSPREY_CLI_OPTS_H
#define OSPREY_CLI_OPTS_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

#define CLI_MAX_LIST 64

enum cli_cmd { CLI_CMD_AWS = 1, CLI_CMD_INSPECT = 2, CLI_CMD_CONVERT = 4 };

struct cli_flag {
    const char *name;     /* long name without dashes */
    char shortopt;        /* 0: none */
    const char *arg;      /* argument placeholder ("REGION"), NULL for a switch */
    int repeatable;
    const char *category; /* "Scan", "AWS", "Cache", "Checks", "Output", "General" */
    const char *def;      /* default shown in help, or NULL */
    const char *env;      /* environment variable read as a fallback, or NULL */
    unsigned cmds;        /* CLI_CMD_* bitmask: which subcommands accept it */
    const char *help;     /* one line */
};

struct cli_list {
    const char *v[CLI_MAX_LIST];
    size_t n;
};

struct cli_opts {
    /* scan selection */
    struct cli_list regions, services, skip_services;
    const char *arn, *account;
    /* AWS connection and credentials */
    const char *endpoint, *profile, *role_arn, *role_session_name, *external_id;
    const char *web_identity_token_file, *web_identity_token_env, *ca_bundle;
    int insecure, concurrency;
    long long timeout; /* seconds for the whole scan; 0: none */
    /* cache */
    const char *cache_dir, *cache_artifact, *artifact_key;
    int update_cache, offline;
    long long max_cache_age;
    /* checks */
    struct cli_list config_checks, check_namespaces, config_data;
    const char *compliance, *report;
    int trace, include_non_failures;
    int no_builtin_lib; /* --no-builtin-lib */
    /* output */
    struct cli_list formats, severities, thresholds, allow_incomplete;
    const char *output, *ignorefile, *fail_on;
    int exit_code, exit_code_set;
    int sarif_max_results; /* 0: FMT_SARIF_MAX_RESULTS */
    /* general */
    int quiet, debug, help;
    int progress;
    /* positional arguments (convert: the report file) */
    struct cli_list args;
};

const struct cli_flag *cli_flags(size_t *n);
const struct cli_flag *cli_flag_find(const char *name);
/* Parse argv (argv[0] is the subcommand) for `cmd`. On a usage error returns OSP_EUSAGE with a
 * one-line message naming the bad value and the fix. Validates values that need no AWS: region
 * names, service names, durations, ARN shape, formats, severities, numbers. */
OSP_MUST_CHECK enum osp_code cli_opts_parse(enum cli_cmd cmd, int argc, char **argv, struct cli_opts *o,
                                            struct osp_err *err);
/* `osprey <cmd> --help`: usage and every flag grouped by category. */
void cli_opts_usage(enum cli_cmd cmd, FILE *f);
/* Flag reference as Markdown (README section). */
void cli_opts_markdown(FILE *f);

#endif
