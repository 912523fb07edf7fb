/* opts.c: the flag table and argv parsing for `osprey aws`, `inspect` and `convert`. */
#include "cli/opts.h"

#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/aws.h"
#include "core/timeutil.h"
#include "formats/format.h"
#include "results/result.h"

#define BOTH (CLI_CMD_AWS | CLI_CMD_INSPECT)
#define AWS CLI_CMD_AWS
#define OUT (CLI_CMD_AWS | CLI_CMD_CONVERT)             /* report flags: also re-rendering */
#define ALL (CLI_CMD_AWS | CLI_CMD_INSPECT | CLI_CMD_CONVERT)

/* Keep sorted by category, then by name; every entry has a page in src/cli/flags/<name>.md. */
static const struct cli_flag flags[] = {
    /* Scan */
    {"region", 0, "REGION", 1, "Scan", "from AWS config", "AWS_REGION", BOTH,
     "region to scan; repeat for several, or 'all' for every enabled region"},
    {"service", 0, "SERVICE", 1, "Scan", "all supported", NULL, ALL, "only scan this service; repeatable"},
    {"skip-service", 0, "SERVICE", 1, "Scan", NULL, NULL, BOTH, "do not scan this service; repeatable"},
    {"arn", 0, "ARN", 0, "Scan", NULL, NULL, ALL, "only scan and report the resource with this ARN"},
    {"account", 0, "ID", 0, "Scan", "from STS", NULL, BOTH,
     "the 12-digit account id; skips the STS identity call when the cache is fresh"},
    {"timeout", 0, "DURATION", 0, "Scan", "none", NULL, BOTH, "give up the whole scan after this long (e.g. 10m)"},
    {"concurrency", 0, "N", 0, "Scan", "32", NULL, BOTH, "maximum AWS requests in flight at once"},
    /* AWS */
    {"endpoint", 0, "URL", 0, "AWS", NULL, "AWS_ENDPOINT_URL", BOTH,
     "send every AWS request to this endpoint (emulators, proxies)"},
    {"profile", 0, "NAME", 0, "AWS", "default", "AWS_PROFILE", BOTH, "shared config/credentials profile to use"},
    {"role-arn", 0, "ARN", 0, "AWS", NULL, "OSPREY_ROLE_ARN", BOTH,
     "assume this role (with CI OIDC: the role trusted by the identity provider)"},
    {"role-session-name", 0, "NAME", 0, "AWS", "osprey-<time>", "AWS_ROLE_SESSION_NAME", BOTH,
     "session name for assumed roles"},
    {"external-id", 0, "ID", 0, "AWS", NULL, NULL, BOTH, "external id for --role-arn"},
    {"web-identity-token-file", 0, "FILE", 0, "AWS", NULL, "AWS_WEB_IDENTITY_TOKEN_FILE", BOTH,
     "OIDC token file to exchange for --role-arn credentials"},
    {"web-identity-token-env", 0, "VAR", 0, "AWS", NULL, NULL, BOTH,
     "name of an environment variable holding an OIDC token (GitLab id_tokens)"},
    {"ca-bundle", 0, "FILE", 0, "AWS", NULL, "AWS_CA_BUNDLE", BOTH, "PEM bundle of CAs to trust for TLS"},
    {"insecure", 0, NULL, 0, "AWS", NULL, NULL, BOTH, "disable TLS certificate verification (warns; never in production)"},
    /* Cache */
    {"cache-dir", 0, "DIR", 0, "Cache", "$XDG_CACHE_HOME/osprey", NULL, BOTH,
     "where collected state is cached (none by default when CI=true)"},
    {"max-cache-age", 0, "DURATION", 0, "Cache", "24h", NULL, BOTH, "re-collect cached state older than this"},
    {"update-cache", 0, NULL, 0, "Cache", NULL, NULL, BOTH, "re-collect the requested services even if cached"},
    {"cache-artifact", 0, "FILE", 0, "Cache", NULL, NULL, BOTH,
     "load state from this artifact if it exists; write the state used back to it"},
    {"artifact-key", 0, "SECRET", 0, "Cache", NULL, "OSPREY_ARTIFACT_KEY", BOTH,
     "encrypt and authenticate the --cache-artifact with this secret (prefer the env variable)"},
    {"offline", 0, NULL, 0, "Cache", NULL, NULL, BOTH, "never call AWS; use only the cache and artifact"},
    /* Checks */
    {"config-check", 0, "PATH", 1, "Checks", NULL, NULL, AWS, "custom Rego check file or directory; repeatable"},
    {"check-namespaces", 0, "NS", 1, "Checks", "builtin", NULL, AWS,
     "evaluate custom checks in these package namespaces; repeatable"},
    {"config-data", 0, "DIR", 1, "Checks", NULL, NULL, AWS, "JSON/YAML data loaded under data.; repeatable"},
    {"compliance", 0, "SPEC", 0, "Checks", NULL, NULL, AWS,
     "compliance report: aws-cis-1.2, aws-cis-1.4 or @spec.yaml"},
    {"report", 0, "TYPE", 0, "Checks", "summary", NULL, OUT, "table detail: summary, all (compliance + findings) or checks (failing checks only)"},
    {"include-non-failures", 0, NULL, 0, "Checks", NULL, NULL, OUT, "also report passed checks per resource"},
    {"no-builtin-lib", 0, NULL, 0, "Checks", NULL, NULL, AWS, "load none of osprey's data.lib modules (bring your own)"},
    {"trace", 0, NULL, 0, "Checks", NULL, NULL, AWS, "print Rego evaluation traces to stderr"},
    /* Output */
    {"format", 'f', "FORMAT[=PATH]", 1, "Output", "table", NULL, OUT,
     "table, json, sarif, junit, codequality, asff or html; repeat with =PATH for several outputs"},
    {"output", 'o', "PATH", 0, "Output", "stdout", NULL, OUT, "write the (single) --format output to this file"},
    {"severity", 's', "LIST", 0, "Output", "all", NULL, OUT, "only report these severities (e.g. HIGH,CRITICAL)"},
    {"ignorefile", 0, "FILE", 0, "Output", ".ospreyignore", NULL, OUT, "file of check ids/ARNs to ignore"},
    {"fail-on", 0, "SEVERITY", 0, "Output", NULL, NULL, OUT, "exit non-zero if any finding is at or above this severity"},
    {"threshold", 0, "SEV=MAX", 1, "Output", NULL, NULL, OUT,
     "exit non-zero if more than MAX findings of SEV remain; repeatable"},
    {"exit-code", 0, "N", 0, "Output", "1", NULL, OUT,
     "exit code used when a threshold is breached; 0: report only"},
    {"allow-incomplete", 0, "SERVICE[/REGION]", 1, "Output", NULL, NULL, OUT,
     "accept this known gap (a service or region not collected, a check id not evaluated); repeatable"},
    {"sarif-max-results", 0, "N", 0, "Output", "25000", NULL, OUT,
     "keep at most N results in the SARIF report, most severe first"},
    /* General */
    {"quiet", 'q', NULL, 0, "General", NULL, NULL, ALL, "no progress output"},
    {"progress", 0, NULL, 0, "General", NULL, NULL, BOTH, "progress lines on stderr even when it is not a terminal"},
    {"debug", 'd', NULL, 0, "General", NULL, NULL, ALL, "log each AWS request and decision to stderr (secrets redacted)"},
    {"help", 'h', NULL, 0, "General", NULL, NULL, ALL, "show this help"},
};

const struct cli_flag *cli_flags(size_t *n)
{
    *n = sizeof(flags) / sizeof(flags[0]);
    return flags;
}

const struct cli_flag *cli_flag_find(const char *name)
{
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
        if (!strcmp(flags[i].name, name))
            return &flags[i];
    return NULL;
}

static const char *cmd_name(enum cli_cmd cmd)
{
    return cmd == CLI_CMD_AWS ? "aws" : cmd == CLI_CMD_INSPECT ? "inspect" : "convert";
}

/* "aws, inspect, convert" for the flag reference. */
static void cmd_names(unsigned cmds, char *out, size_t n)
{
    static const enum cli_cmd all[] = {CLI_CMD_AWS, CLI_CMD_INSPECT, CLI_CMD_CONVERT};
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < 3; i++)
        if (cmds & all[i])
            len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s", len ? ", " : "", cmd_name(all[i]));
}

static enum osp_code list_add(struct cli_list *l, const char *v, const char *flag, struct osp_err *err)
{
    if (l->n >= CLI_MAX_LIST)
        return osp_err_set(err, OSP_EUSAGE, "too many --%s values (at most %d)", flag, CLI_MAX_LIST);
    l->v[l->n++] = v;
    return OSP_OK;
}

static enum osp_code parse_int(const char *v, const char *flag, int lo, int hi, int *out, struct osp_err *err)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < lo || n > hi)
        return osp_err_set(err, OSP_EUSAGE, "invalid --%s '%s' (use a whole number from %d to %d)", flag, v, lo, hi);
    *out = (int)n;
    return OSP_OK;
}

static int is_severity(const char *s, size_t n)
{
    static const char *const sev[] = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"};
    for (size_t i = 0; i < 5; i++)
        if (strlen(sev[i]) == n && !strncasecmp(sev[i], s, n))
            return 1;
    return 0;
}

static enum osp_code check_severity_list(const char *v, const char *flag, struct osp_err *err)
{
    const char *p = v;
    do {
        const char *c = strchr(p, ',');
        size_t n = c ? (size_t)(c - p) : strlen(p);
        if (!is_severity(p, n))
            return osp_err_set(err, OSP_EUSAGE, "invalid --%s '%.*s' (use CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN)",
                               flag, (int)n, p);
        p = c ? c + 1 : NULL;
    } while (p);
    return OSP_OK;
}

static enum osp_code check_format(const char *v, struct osp_err *err)
{
    size_t n = strcspn(v, "=");
    char name[32];
    snprintf(name, sizeof(name), "%.*s", (int)(n < sizeof(name) ? n : sizeof(name) - 1), v);
    if (n < sizeof(name) && fmt_find(name)) {
        if (v[n] == '=' && !v[n + 1])
            return osp_err_set(err, OSP_EUSAGE, "empty path in --format '%s' (use FORMAT=PATH)", v);
        return OSP_OK;
    }
    return osp_err_set(err, OSP_EUSAGE, "unknown --format '%.*s' (use %s)", (int)n, v, fmt_names());
}

static enum osp_code check_threshold(const char *v, struct osp_err *err)
{
    const char *eq = strchr(v, '=');
    char *end;
    if (!eq || !is_severity(v, (size_t)(eq - v)) || !eq[1] || strtol(eq + 1, &end, 10) < 0 || *end)
        return osp_err_set(err, OSP_EUSAGE, "invalid --threshold '%s' (use SEVERITY=MAX, e.g. high=0)", v);
    return OSP_OK;
}

/* arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE */
static enum osp_code check_arn(const char *v, struct osp_err *err)
{
    const char *f[6];
    size_t n = 0;
    const char *p = v;
    while (n < 6) {
        f[n++] = p;
        if (n == 6)
            break;
        p = strchr(p, ':');
        if (!p)
            break;
        p++;
    }
    int ok = n == 6 && !strncmp(v, "arn:", 4) &&
             (!strncmp(f[1], "aws:", 4) || !strncmp(f[1], "aws-cn:", 7) || !strncmp(f[1], "aws-us-gov:", 11)) &&
             f[2][0] != ':' && *f[5];
    if (ok && f[4][0] != ':') { /* account, when present, is 12 digits */
        for (int i = 0; i < 12; i++)
            ok = ok && isdigit((unsigned char)f[4][i]);
        ok = ok && f[4][12] == ':';
    }
    if (!ok)
        return osp_err_set(err, OSP_EUSAGE,
                           "malformed --arn '%s' (expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)", v);
    return OSP_OK;
}

static enum osp_code check_account(const char *v, struct osp_err *err)
{
    size_t n = strlen(v);
    int ok = n == 12;
    for (size_t i = 0; ok && i < n; i++)
        ok = isdigit((unsigned char)v[i]);
    return ok ? OSP_OK : osp_err_set(err, OSP_EUSAGE, "invalid --account '%s' (expected a 12-digit account id)", v);
}

static enum osp_code check_region(const char *v, struct osp_err *err)
{
    if (!strcmp(v, "all") || aws_region_is_valid(v))
        return OSP_OK;
    return osp_err_set(err, OSP_EUSAGE, "invalid --region '%s' (use a region name like us-east-1, or 'all')", v);
}

static enum osp_code check_duration(const char *v, const char *flag, long long *out, struct osp_err *err)
{
    enum osp_code rc = osp_parse_duration(v, out, err);
    if (rc)
        osp_err_prefix(err, "--%s: ", flag);
    return rc;
}

/* Store one flag's value. Long names dispatch through one table lookup. */
static enum osp_code apply(const char *name, const char *v, struct cli_opts *o, struct osp_err *err)
{
#define IS(x) (!strcmp(name, x))
    if (IS("region"))
        return check_region(v, err) ? err->code : list_add(&o->regions, v, name, err);
    if (IS("service"))
        return list_add(&o->services, v, name, err);
    if (IS("skip-service"))
        return list_add(&o->skip_services, v, name, err);
    if (IS("arn"))
        return check_arn(v, err) ? err->code : (o->arn = v, OSP_OK);
    if (IS("account"))
        return check_account(v, err) ? err->code : (o->account = v, OSP_OK);
    if (IS("timeout"))
        return check_duration(v, name, &o->timeout, err);
    if (IS("concurrency"))
        return parse_int(v, name, 1, 1024, &o->concurrency, err);
    if (IS("endpoint")) {
        if (strncmp(v, "http://", 7) && strncmp(v, "https://", 8))
            return osp_err_set(err, OSP_EUSAGE, "invalid --endpoint '%s' (use an http:// or https:// URL)", v);
        o->endpoint = v;
        return OSP_OK;
    }
    if (IS("profile"))
        return (o->profile = v, OSP_OK);
    if (IS("role-arn"))
        return check_arn(v, err) ? (osp_err_prefix(err, "--role-arn: "), err->code) : (o->role_arn = v, OSP_OK);
    if (IS("role-session-name"))
        return (o->role_session_name = v, OSP_OK);
    if (IS("external-id"))
        return (o->external_id = v, OSP_OK);
    if (IS("web-identity-token-file"))
        return (o->web_identity_token_file = v, OSP_OK);
    if (IS("web-identity-token-env"))
        return (o->web_identity_token_env = v, OSP_OK);
    if (IS("ca-bundle"))
        return (o->ca_bundle = v, OSP_OK);
    if (IS("cache-dir"))
        return (o->cache_dir = v, OSP_OK);
    if (IS("max-cache-age"))
        return check_duration(v, name, &o->max_cache_age, err);
    if (IS("cache-artifact"))
        return (o->cache_artifact = v, OSP_OK);
    if (IS("artifact-key"))
        return (o->artifact_key = v, OSP_OK);
    if (IS("config-check"))
        return list_add(&o->config_checks, v, name, err);
    if (IS("check-namespaces"))
        return list_add(&o->check_namespaces, v, name, err);
    if (IS("config-data"))
        return list_add(&o->config_data, v, name, err);
    if (IS("compliance")) {
        if (strcmp(v, "aws-cis-1.2") && strcmp(v, "aws-cis-1.4") && v[0] != '@')
            return osp_err_set(err, OSP_EUSAGE, "unknown --compliance '%s' (use aws-cis-1.2, aws-cis-1.4 or @FILE)", v);
        return (o->compliance = v, OSP_OK);
    }
    if (IS("report")) {
        if (strcmp(v, "summary") && strcmp(v, "all") && strcmp(v, "checks"))
            return osp_err_set(err, OSP_EUSAGE, "invalid --report '%s' (use summary, all or checks)", v);
        return (o->report = v, OSP_OK);
    }
    if (IS("format"))
        return check_format(v, err) ? err->code : list_add(&o->formats, v, name, err);
    if (IS("output"))
        return (o->output = v, OSP_OK);
    if (IS("severity"))
        return check_severity_list(v, name, err) ? err->code : list_add(&o->severities, v, name, err);
    if (IS("ignorefile"))
        return (o->ignorefile = v, OSP_OK);
    if (IS("fail-on"))
        return check_severity_list(v, name, err) ? err->code
               : strchr(v, ',') ? osp_err_set(err, OSP_EUSAGE, "--fail-on takes one severity, not '%s'", v)
                                : (o->fail_on = v, OSP_OK);
    if (IS("threshold"))
        return check_threshold(v, err) ? err->code : list_add(&o->thresholds, v, name, err);
    if (IS("sarif-max-results"))
        return parse_int(v, name, 1, 10000000, &o->sarif_max_results, err);
    if (IS("exit-code")) {
        o->exit_code_set = 1;
        return parse_int(v, name, 0, 255, &o->exit_code, err);
    }
    if (IS("allow-incomplete"))
        return res_gap_pattern_valid(v) ? osp_err_set(err, OSP_EUSAGE,
                                                      "invalid --allow-incomplete '%s' (use SERVICE, SERVICE/REGION, "
                                                      "*/REGION or a check id)",
                                                      v)
                                        : list_add(&o->allow_incomplete, v, name, err);
#undef IS
    return osp_err_set(err, OSP_EINTERNAL, "flag --%s has no handler", name);
}

static void apply_switch(const char *name, struct cli_opts *o)
{
    int *const targets[] = {&o->insecure, &o->update_cache, &o->offline, &o->include_non_failures, &o->trace,
                            &o->quiet,    &o->debug,        &o->help,    &o->no_builtin_lib, &o->progress};
    static const char *const names[] = {"insecure", "update-cache", "offline", "include-non-failures", "trace",
                                        "quiet",    "debug",        "help",    "no-builtin-lib", "progress"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!strcmp(names[i], name))
            *targets[i] = 1;
}

static enum osp_code build_getopt(enum cli_cmd cmd, struct option *lo, char *so, size_t *map)
{
    size_t k = 0, s = 0;
    so[s++] = ':'; /* report missing arguments distinctly */
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
        if (!(flags[i].cmds & cmd))
            continue;
        lo[k] = (struct option){flags[i].name, flags[i].arg ? required_argument : no_argument, NULL, 256 + (int)i};
        map[k++] = i;
        if (flags[i].shortopt) {
            so[s++] = flags[i].shortopt;
            if (flags[i].arg)
                so[s++] = ':';
        }
    }
    lo[k] = (struct option){0, 0, 0, 0};
    so[s] = '\0';
    return OSP_OK;
}

static const struct cli_flag *by_short(int c)
{
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
        if (flags[i].shortopt == c)
            return &flags[i];
    return NULL;
}

enum osp_code cli_opts_parse(enum cli_cmd cmd, int argc, char **argv, struct cli_opts *o, struct osp_err *err)
{
    struct option lo[sizeof(flags) / sizeof(flags[0]) + 1];
    char so[2 * sizeof(flags) / sizeof(flags[0]) + 2];
    size_t map[sizeof(flags) / sizeof(flags[0])];
    memset(o, 0, sizeof(*o));
    o->concurrency = 32;
    o->max_cache_age = 24 * 3600;
    o->exit_code = 1;
    build_getopt(cmd, lo, so, map);
    optind = 0; /* full reset (GNU) */
    opterr = 0;
    int c, idx = -1;
    while ((c = getopt_long(argc, argv, so, lo, &idx)) != -1) {
        const struct cli_flag *f = NULL;
        if (c >= 256)
            f = &flags[c - 256];
        else if (c == '?' || c == ':') {
            const char *bad = argv[optind - 1];
            if (c == ':')
                return osp_err_set(err, OSP_EUSAGE, "%s needs a value (see 'osprey %s --help')", bad, cmd_name(cmd));
            return osp_err_set(err, OSP_EUSAGE, "unknown flag '%s' (see 'osprey %s --help')",
                               optopt ? (char[]){'-', (char)optopt, 0} : bad, cmd_name(cmd));
        } else
            f = by_short(c);
        if (!f)
            return osp_err_set(err, OSP_EINTERNAL, "unhandled option %d", c);
        enum osp_code rc = f->arg ? apply(f->name, optarg, o, err) : (apply_switch(f->name, o), OSP_OK);
        if (rc)
            return rc;
    }
    for (; optind < argc; optind++) {
        if (cmd != CLI_CMD_CONVERT)
            return osp_err_set(err, OSP_EUSAGE, "unexpected argument '%s' (see 'osprey %s --help')", argv[optind],
                               cmd_name(cmd));
        if (list_add(&o->args, argv[optind], "argument", err))
            return err->code;
    }
    if (o->output && o->formats.n > 1)
        return osp_err_set(err, OSP_EUSAGE, "--output goes with a single --format; use --format FORMAT=PATH for several");
    return OSP_OK;
}

static const char *const categories[] = {"Scan", "AWS", "Cache", "Checks", "Output", "General"};

static void flag_left(const struct cli_flag *f, char *buf, size_t n)
{
    if (f->shortopt)
        snprintf(buf, n, "-%c, --%s%s%s", f->shortopt, f->name, f->arg ? " " : "", f->arg ? f->arg : "");
    else
        snprintf(buf, n, "    --%s%s%s", f->name, f->arg ? " " : "", f->arg ? f->arg : "");
}

void cli_opts_usage(enum cli_cmd cmd, FILE *f)
{
    if (cmd == CLI_CMD_AWS)
        fprintf(f, "Usage: osprey aws [flags]\n\nScan an AWS account for security misconfigurations.\n"
                   "Credentials and region come from the AWS CLI configuration unless given.\n");
    else if (cmd == CLI_CMD_INSPECT)
        fprintf(f, "Usage: osprey inspect [flags]\n\nPrint the input document(s) the checks will see, as JSON.\n");
    else
        fprintf(f, "Usage: osprey convert [flags] REPORT.json\n\nRe-render a JSON report written by 'osprey aws "
                   "--format json' with new formats, filters and thresholds (no AWS calls).\n");
    for (size_t c = 0; c < sizeof(categories) / sizeof(categories[0]); c++) {
        int header = 0;
        for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
            if (!(flags[i].cmds & cmd) || strcmp(flags[i].category, categories[c]))
                continue;
            if (!header++)
                fprintf(f, "\n%s flags:\n", categories[c]);
            char left[64];
            flag_left(&flags[i], left, sizeof(left));
            fprintf(f, "  %-38s %s", left, flags[i].help);
            if (flags[i].def)
                fprintf(f, " (default: %s)", flags[i].def);
            if (flags[i].env)
                fprintf(f, " [$%s]", flags[i].env);
            fputc('\n', f);
        }
    }
    fprintf(f, "\nExit codes: 0 ok, 1 threshold breached (see --exit-code), 2 usage or configuration error,\n"
               "3 the scan could not run (credentials, network, cache), 4 not found, 5 internal error,\n"
               "6 incomplete run under a gate (see --allow-incomplete).\n"
               "Run 'osprey help FLAG' for the full page of a flag.\n");
}

void cli_opts_markdown(FILE *f)
{
    for (size_t c = 0; c < sizeof(categories) / sizeof(categories[0]); c++) {
        fprintf(f, "\n#### %s\n\n| flag | argument | default | env | applies to | description |\n|---|---|---|---|---|---|\n",
                categories[c]);
        for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
            const struct cli_flag *x = &flags[i];
            if (strcmp(x->category, categories[c]))
                continue;
            char cmds[48];
            cmd_names(x->cmds, cmds, sizeof(cmds));
            fprintf(f, "| `--%s`%s%c%s | %s%s%s | %s | %s%s%s | %s | %s%s |\n", x->name, x->shortopt ? " `-" : "",
                    x->shortopt ? x->shortopt : ' ', x->shortopt ? "`" : "", x->arg ? "`" : "", x->arg ? x->arg : "",
                    x->arg ? "`" : "", x->def ? x->def : "", x->env ? "`" : "", x->env ? x->env : "",
                    x->env ? "`" : "", cmds, x->help,
                    x->repeatable ? " (repeatable)" : "");
        }
    }
}
