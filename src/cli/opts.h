/* opts.h: the typed flag table of `osprey aws`, `inspect`, `convert`, `whoami` and `merge`, and the parsed options.
 *
 * One static table (opts.c) says, per flag, its kind (switch, string, list, comma list, number,
 * duration), where its value goes in struct cli_opts (a field offset) and how one value is checked.
 * That one table drives parsing from every source, `--help` (grouped by category),
 * `osprey help <flag>` (the embedded page src/cli/flags/<long>.md) and `osprey help --markdown`
 * (the README's flag reference). A docs test checks that every flag has a page and every page a flag.
 *
 * Sources, strongest first: the command line; the environment variable OSPREY_<FLAG> (upper case,
 * '-' -> '_', lists comma-separated); the config file (-c/--config, OSPREY_CONFIG, else
 * ./osprey.yaml when present) under Trivy's key (cloud.aws.region, cache.dir, ...) or the flag's own
 * name; the default. A flag given by a stronger source ignores the weaker ones entirely (lists are
 * replaced, not merged). Values from argv and the environment are borrowed; values that had to be
 * copied (comma lists, the config file) live in the struct's own pool, so struct cli_opts still
 * owns no heap memory.
 */
#ifndef OSPREY_CLI_OPTS_H
#define OSPREY_CLI_OPTS_H

#include <stddef.h>
#include <stdio.h>

#include "core/ctx.h"
#include "core/err.h"

#define CLI_MAX_LIST 64
#define CLI_MAX_ARGS 4096 /* positional arguments: merge takes one report per shard */
#define CLI_POOL_BYTES 32768

enum cli_cmd { CLI_CMD_AWS = 1, CLI_CMD_INSPECT = 2, CLI_CMD_CONVERT = 4, CLI_CMD_WHOAMI = 8, CLI_CMD_MERGE = 16 };

enum cli_kind {
    CLI_SWITCH,   /* int, 1 when given (env/config: true/false, 1/0, yes/no) */
    CLI_STR,      /* const char * */
    CLI_LIST,     /* struct cli_list: one value per use; repeatable */
    CLI_CSV,      /* struct cli_list: each use may be a comma list (s3,iam); repeatable */
    CLI_INT,      /* int, range-checked by the flag's check */
    CLI_DURATION, /* long long seconds; Go syntax (1.5h, 1h30m, 500ms) plus d and w */
};

struct cli_flag;
/* Validate one value (one element of a comma list); a usage error names the flag and the fix. */
typedef enum osp_code (*cli_check_fn)(const struct cli_flag *f, const char *v, struct osp_err *err);

struct cli_flag {
    const char *name;     /* long name without dashes */
    char shortopt;        /* 0: none */
    const char *arg;      /* argument placeholder ("REGION"), NULL for a switch */
    enum cli_kind kind;
    size_t offset;        /* of the field in struct cli_opts */
    cli_check_fn check;   /* NULL: any value */
    const char *category; /* "Scan", "AWS", "Cache", "Checks", "Output", "General" */
    const char *def;      /* default shown in help, or NULL */
    const char *env;      /* a non-osprey environment variable read later as a fallback (AWS_REGION), or NULL */
    const char *config;   /* Trivy's config-file key ("cloud.aws.region"); NULL: the flag name only */
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
    struct cli_list accounts;       /* --accounts: several accounts, each through member_role_name */
    const char *member_role_name; /* a role name or an ARN template with {account} */
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
    const char *max_eval_memory; /* --max-eval-memory SIZE (checked by cli_parse_size) */
    /* output */
    struct cli_list formats, severities, thresholds, allow_incomplete;
    const char *output, *ignorefile, *ignore_policy, *fail_on;
    int exit_code, exit_code_set;
    int sarif_max_results; /* 0: FMT_SARIF_MAX_RESULTS */
    const char *sarif_category; /* NULL: accounts and regions; "account": a run per account */
    const char *plan;           /* merge --plan */
    /* general */
    int quiet, no_progress, progress, debug, help;
    const char *config; /* -c/--config: the config file that was read, or NULL */
    /* positional arguments (convert: the report file; merge: the shard reports) */
    struct {
        const char *v[CLI_MAX_ARGS];
        size_t n;
    } args;
    /* copies of values that are not argv's or the environment's */
    char pool[CLI_POOL_BYTES];
    size_t pool_used;
};

const struct cli_flag *cli_flags(size_t *n);
const struct cli_flag *cli_flag_find(const char *name);
/* Other long names the command line accepts for f (Trivy's older names), space-separated, or NULL. */
const char *cli_flag_aliases(const struct cli_flag *f);
/* CLI_LIST and CLI_CSV flags may be given several times. */
int cli_flag_repeatable(const struct cli_flag *f);
/* "OSPREY_MAX_CACHE_AGE" for max-cache-age. */
void cli_flag_env_name(const struct cli_flag *f, char *out, size_t n);
/* Parse argv (argv[0] is the subcommand) for `cmd`, then OSPREY_<FLAG> variables, then the config
 * file (see above; skipped with --help). On a usage error returns OSP_EUSAGE with a one-line
 * message naming the source, the bad value and the fix. Validates values that need no AWS: region
 * names, durations, ARN shape, formats, severities, numbers. */
OSP_MUST_CHECK enum osp_code cli_opts_parse(const struct osp_ctx *ctx, enum cli_cmd cmd, int argc, char **argv,
                                            struct cli_opts *o, struct osp_err *err);
/* "512MiB", "2GiB", "1048576" (units B, K/KB/KiB, M, G, T: powers of 1024) -> bytes; -1 when
 * malformed or above 1 TiB. */
int cli_parse_size(const char *v, long long *out);
/* `osprey <cmd> --help`: usage and every flag grouped by category. */
void cli_opts_usage(enum cli_cmd cmd, FILE *f);
/* Flag reference as Markdown (README section). */
void cli_opts_markdown(FILE *f);

#endif
