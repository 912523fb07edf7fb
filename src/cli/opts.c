/* opts.c: the typed flag table and parsing from argv, OSPREY_<FLAG> variables and the config file. */
#include "cli/opts.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <yaml.h>

#include "aws/aws.h"
#include "core/timeutil.h"
#include "scan/scan.h"
#include "formats/format.h"
#include "results/result.h"

#define BOTH (CLI_CMD_AWS | CLI_CMD_INSPECT)
#define AWS CLI_CMD_AWS
#define OUT (CLI_CMD_AWS | CLI_CMD_CONVERT | CLI_CMD_MERGE) /* report flags: also re-rendering and merging */
#define ALL (CLI_CMD_AWS | CLI_CMD_INSPECT | CLI_CMD_CONVERT | CLI_CMD_WHOAMI | CLI_CMD_MERGE)
#define CRED (BOTH | CLI_CMD_WHOAMI) /* credential flags: also `osprey whoami` */
#define AT(field) offsetof(struct cli_opts, field)

#define CLI_CONFIG_DEFAULT "osprey.yaml"

static enum osp_code check_region(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_arn(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_role_arn(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_account(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_concurrency(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_endpoint(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_compliance(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_report(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_format(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_severity(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_fail_on(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_threshold(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_exit_code(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_sarif_max_results(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_allow_incomplete(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_size(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_member_role(const struct cli_flag *f, const char *v, struct osp_err *err);
static enum osp_code check_sarif_category(const struct cli_flag *f, const char *v, struct osp_err *err);

/* Keep sorted by category, then by name; every entry has a page in src/cli/flags/<name>.md.
 * name, short, ARG, kind, field, check, category, default, native env, Trivy config key, commands, help */
static const struct cli_flag flags[] = {
    /* Scan */
    {"region", 0, "REGION", CLI_CSV, AT(regions), check_region, "Scan", "from AWS config", "AWS_REGION",
     "cloud.aws.region", CRED, "region(s) to scan: repeat or comma-separate, or 'all' for every enabled region"},
    {"service", 0, "SERVICE", CLI_CSV, AT(services), NULL, "Scan", "all supported", NULL, "cloud.aws.service", OUT | CLI_CMD_INSPECT,
     "only scan these services (s3,iam or repeated)"},
    {"skip-service", 0, "SERVICE", CLI_CSV, AT(skip_services), NULL, "Scan", NULL, NULL, "cloud.aws.skip-service",
     BOTH, "do not scan these services (comma list or repeated)"},
    {"arn", 0, "ARN", CLI_STR, AT(arn), check_arn, "Scan", NULL, NULL, "cloud.aws.arn", OUT | CLI_CMD_INSPECT,
     "only scan and report the resource with this ARN"},
    {"account", 0, "ID", CLI_STR, AT(account), check_account, "Scan", "from STS", NULL, "cloud.aws.account", BOTH,
     "the 12-digit account id; skips the STS identity call when the cache is fresh"},
    {"accounts", 0, "ID", CLI_CSV, AT(accounts), check_account, "Scan", NULL, NULL, NULL, AWS,
     "scan these accounts (comma list or repeated), each through --member-role-name from the same credentials"},
    {"timeout", 0, "DURATION", CLI_DURATION, AT(timeout), NULL, "Scan", "none", NULL, NULL, BOTH,
     "give up the whole scan after this long (e.g. 10m, 1h30m)"},
    {"concurrency", 0, "N", CLI_INT, AT(concurrency), check_concurrency, "Scan", "32", NULL, NULL, BOTH,
     "maximum AWS requests in flight at once"},
    /* AWS */
    {"endpoint", 0, "URL", CLI_STR, AT(endpoint), check_endpoint, "AWS", NULL, "AWS_ENDPOINT_URL", "cloud.aws.endpoint",
     CRED, "send every AWS request to this endpoint (emulators, proxies)"},
    {"profile", 0, "NAME", CLI_STR, AT(profile), NULL, "AWS", "default", "AWS_PROFILE", NULL, CRED,
     "shared config/credentials profile to use"},
    {"role-arn", 0, "ARN", CLI_STR, AT(role_arn), check_role_arn, "AWS", NULL, NULL, NULL, CRED,
     "assume this role (with CI OIDC: the role trusted by the identity provider)"},
    {"role-session-name", 0, "NAME", CLI_STR, AT(role_session_name), NULL, "AWS", "osprey-<time>",
     "AWS_ROLE_SESSION_NAME", NULL, CRED, "session name for assumed roles"},
    {"external-id", 0, "ID", CLI_STR, AT(external_id), NULL, "AWS", NULL, NULL, NULL, CRED,
     "external id for --role-arn"},
    {"web-identity-token-file", 0, "FILE", CLI_STR, AT(web_identity_token_file), NULL, "AWS", NULL,
     "AWS_WEB_IDENTITY_TOKEN_FILE", NULL, CRED, "OIDC token file to exchange for --role-arn credentials"},
    {"web-identity-token-env", 0, "VAR", CLI_STR, AT(web_identity_token_env), NULL, "AWS", NULL, NULL, NULL, CRED,
     "name of an environment variable holding an OIDC token (GitLab id_tokens)"},
    {"ca-bundle", 0, "FILE", CLI_STR, AT(ca_bundle), NULL, "AWS", NULL, "AWS_CA_BUNDLE", NULL, CRED,
     "PEM bundle of CAs to trust for TLS"},
    {"member-role-name", 0, "NAME", CLI_STR, AT(member_role_name), check_member_role, "AWS",
     "OrganizationAccountAccessRole", NULL, NULL, AWS,
     "role assumed in each --accounts account: a name, or an ARN template with {account}"},
    {"insecure", 0, NULL, CLI_SWITCH, AT(insecure), NULL, "AWS", NULL, NULL, NULL, BOTH,
     "disable TLS certificate verification (warns; never in production)"},
    /* Cache */
    {"cache-dir", 0, "DIR", CLI_STR, AT(cache_dir), NULL, "Cache", "$XDG_CACHE_HOME/osprey", NULL, "cache.dir", BOTH,
     "where collected state is cached (none by default in CI)"},
    {"max-cache-age", 0, "DURATION", CLI_DURATION, AT(max_cache_age), NULL, "Cache", "24h", NULL,
     "cloud.max-cache-age", BOTH, "re-collect cached state older than this (e.g. 1.5h)"},
    {"update-cache", 0, NULL, CLI_SWITCH, AT(update_cache), NULL, "Cache", NULL, NULL, "cloud.update-cache", BOTH,
     "re-collect the requested services even if cached"},
    {"cache-artifact", 0, "FILE", CLI_STR, AT(cache_artifact), NULL, "Cache", NULL, NULL, NULL, BOTH,
     "load state from this artifact if it exists; write the state used back to it"},
    {"artifact-key", 0, "SECRET", CLI_STR, AT(artifact_key), NULL, "Cache", NULL, NULL, NULL, BOTH,
     "encrypt and authenticate the --cache-artifact with this secret (prefer OSPREY_ARTIFACT_KEY)"},
    {"offline", 0, NULL, CLI_SWITCH, AT(offline), NULL, "Cache", NULL, NULL, NULL, BOTH,
     "never call AWS; use only the cache and artifact"},
    /* Checks */
    {"config-check", 0, "PATH", CLI_LIST, AT(config_checks), NULL, "Checks", NULL, NULL, "rego.check", AWS,
     "custom Rego check file or directory; repeatable"},
    {"check-namespaces", 0, "NS", CLI_CSV, AT(check_namespaces), NULL, "Checks", "builtin", NULL, "rego.namespaces",
     AWS, "evaluate custom checks in these package namespaces (comma list or repeated)"},
    {"config-data", 0, "DIR", CLI_LIST, AT(config_data), NULL, "Checks", NULL, NULL, "rego.data", AWS,
     "JSON/YAML data loaded under data.; repeatable"},
    {"compliance", 0, "SPEC", CLI_STR, AT(compliance), check_compliance, "Checks", NULL, NULL, "scan.compliance", AWS,
     "compliance report: aws-cis-1.2, aws-cis-1.4, aws-cis-2.0, aws-cis-3.0, aws-fsbp or @spec.yaml"},
    {"report", 0, "TYPE", CLI_STR, AT(report), check_report, "Checks", "summary", NULL, NULL, OUT,
     "table detail: summary, all (compliance + findings) or checks (failing checks only)"},
    {"include-non-failures", 0, NULL, CLI_SWITCH, AT(include_non_failures), NULL, "Checks", NULL, NULL,
     "misconfiguration.include-non-failures", CLI_CMD_AWS | CLI_CMD_CONVERT, "also report passed checks per resource"},
    {"max-eval-memory", 0, "SIZE", CLI_STR, AT(max_eval_memory), check_size, "Checks", "2GiB", NULL, NULL, AWS,
     "memory one check's evaluation may hold (e.g. 512MiB); past it the check ends with an error"},
    {"no-builtin-lib", 0, NULL, CLI_SWITCH, AT(no_builtin_lib), NULL, "Checks", NULL, NULL, NULL, AWS,
     "load none of osprey's data.lib modules (bring your own)"},
    {"trace", 0, NULL, CLI_SWITCH, AT(trace), NULL, "Checks", NULL, NULL, "rego.trace", AWS,
     "print Rego evaluation traces to stderr"},
    /* Output */
    {"format", 'f', "FORMAT[=PATH]", CLI_LIST, AT(formats), check_format, "Output", "table", NULL, NULL, OUT,
     "table, json, sarif, junit, codequality, asff or html; repeat with =PATH for several outputs"},
    {"output", 'o', "PATH", CLI_STR, AT(output), NULL, "Output", "stdout", NULL, NULL, OUT,
     "write the (single) --format output to this file"},
    {"severity", 's', "LIST", CLI_CSV, AT(severities), check_severity, "Output", "all", NULL, NULL, OUT,
     "only report these severities (e.g. HIGH,CRITICAL)"},
    {"ignorefile", 0, "FILE", CLI_STR, AT(ignorefile), NULL, "Output", ".ospreyignore", NULL, NULL, OUT,
     "file of check ids/ARNs to ignore (.trivyignore and .trivyignore.yaml accepted)"},
    {"ignore-policy", 0, "FILE", CLI_STR, AT(ignore_policy), NULL, "Output", NULL, NULL, NULL, OUT,
     "Rego policy (package trivy, rule ignore) deciding which findings to ignore"},
    {"fail-on", 0, "SEVERITY", CLI_STR, AT(fail_on), check_fail_on, "Output", NULL, NULL, NULL, OUT,
     "exit non-zero if any finding is at or above this severity"},
    {"threshold", 0, "SEV=MAX", CLI_LIST, AT(thresholds), check_threshold, "Output", NULL, NULL, NULL, OUT,
     "exit non-zero if more than MAX findings of SEV remain; repeatable"},
    {"exit-code", 0, "N", CLI_INT, AT(exit_code), check_exit_code, "Output", "1", NULL, NULL, OUT,
     "exit code used when a threshold is breached; 0: report only"},
    {"allow-incomplete", 0, "SERVICE[/REGION]", CLI_LIST, AT(allow_incomplete), check_allow_incomplete, "Output", NULL,
     NULL, NULL, OUT,
     "accept this known gap (a service or region not collected, a check id not evaluated, an account id); repeatable"},
    {"plan", 0, "FILE", CLI_STR, AT(plan), NULL, "Output", NULL, NULL, NULL, CLI_CMD_MERGE,
     "the shard plan of 'osprey org plan': an account without a shard report is a gap"},
    {"sarif-category", 0, "CATEGORY", CLI_STR, AT(sarif_category), check_sarif_category, "Output",
     "accounts/regions", NULL, NULL, OUT, "SARIF category: 'account' (one run per account), 'org', or your own id"},
    {"sarif-max-results", 0, "N", CLI_INT, AT(sarif_max_results), check_sarif_max_results, "Output", "25000", NULL,
     NULL, OUT, "keep at most N results in the SARIF report, most severe first"},
    /* General */
    {"config", 'c', "FILE", CLI_STR, AT(config), NULL, "General", "osprey.yaml", NULL, NULL, ALL,
     "read flag values from this YAML file (Trivy's keys); flags and OSPREY_<FLAG> win"},
    {"quiet", 'q', NULL, CLI_SWITCH, AT(quiet), NULL, "General", NULL, NULL, NULL, ALL, "no progress output"},
    {"no-progress", 0, NULL, CLI_SWITCH, AT(no_progress), NULL, "General", NULL, NULL, NULL, ALL,
     "no progress line, keep warnings (trivy's --no-progress)"},
    {"progress", 0, NULL, CLI_SWITCH, AT(progress), NULL, "General", NULL, NULL, NULL, BOTH,
     "progress lines on stderr even when it is not a terminal"},
    {"debug", 'd', NULL, CLI_SWITCH, AT(debug), NULL, "General", NULL, NULL, NULL, ALL,
     "log each AWS request and decision to stderr (secrets redacted)"},
    {"help", 'h', NULL, CLI_SWITCH, AT(help), NULL, "General", NULL, NULL, NULL, ALL, "show this help"},
};

#define NFLAGS (sizeof(flags) / sizeof(flags[0]))

/* Trivy's older long names, still accepted on the command line (help shows them). */
static const struct {
    const char *flag, *aliases; /* space-separated */
} flag_aliases[] = {
    {"config-check", "policy config-policy"},
    {"config-data", "data"},
    {"check-namespaces", "namespaces policy-namespaces"},
};
#define MAX_ALIASES 2 /* per flag */
#define ALIAS_LEN 32

const char *cli_flag_aliases(const struct cli_flag *f)
{
    for (size_t i = 0; i < sizeof(flag_aliases) / sizeof(flag_aliases[0]); i++)
        if (!strcmp(flag_aliases[i].flag, f->name))
            return flag_aliases[i].aliases;
    return NULL;
}

const struct cli_flag *cli_flags(size_t *n)
{
    *n = NFLAGS;
    return flags;
}

const struct cli_flag *cli_flag_find(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < NFLAGS; i++)
        if (!strcmp(flags[i].name, name))
            return &flags[i];
    for (size_t i = 0; i < NFLAGS; i++) /* an alias names its flag */
        for (const char *a = cli_flag_aliases(&flags[i]); a && *a; a += strcspn(a, " "), a += *a == ' ')
            if (strcspn(a, " ") == n && !strncmp(a, name, n))
                return &flags[i];
    return NULL;
}

int cli_flag_repeatable(const struct cli_flag *f)
{
    return f->kind == CLI_LIST || f->kind == CLI_CSV;
}

void cli_flag_env_name(const struct cli_flag *f, char *out, size_t n)
{
    size_t k = (size_t)snprintf(out, n, "OSPREY_");
    for (const char *p = f->name; *p && k + 1 < n; p++)
        out[k++] = *p == '-' ? '_' : (char)toupper((unsigned char)*p);
    if (k < n)
        out[k] = '\0';
}

static const char *cmd_name(enum cli_cmd cmd)
{
    return cmd == CLI_CMD_AWS       ? "aws"
           : cmd == CLI_CMD_INSPECT ? "inspect"
           : cmd == CLI_CMD_CONVERT ? "convert"
           : cmd == CLI_CMD_MERGE   ? "merge"
                                    : "whoami";
}

/* "aws, inspect, convert" for the flag reference. */
static void cmd_names(unsigned cmds, char *out, size_t n)
{
    static const enum cli_cmd all[] = {CLI_CMD_AWS, CLI_CMD_INSPECT, CLI_CMD_CONVERT, CLI_CMD_WHOAMI, CLI_CMD_MERGE};
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
        if (cmds & all[i])
            len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s", len ? ", " : "", cmd_name(all[i]));
}

/* ---- checks of one value ---- */

static enum osp_code check_int(const struct cli_flag *f, const char *v, long lo, long hi, struct osp_err *err)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < lo || n > hi)
        return osp_err_set(err, OSP_EUSAGE, "invalid --%s '%s' (use a whole number from %ld to %ld)", f->name, v, lo,
                           hi);
    return OSP_OK;
}

static enum osp_code check_concurrency(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    return check_int(f, v, 1, 1024, err);
}

static enum osp_code check_exit_code(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    return check_int(f, v, 0, 255, err);
}

int cli_parse_size(const char *v, long long *out)
{
    static const struct {
        const char *unit;
        int shift;
    } units[] = {{"", 0}, {"B", 0}, {"K", 10}, {"KB", 10}, {"KiB", 10}, {"M", 20}, {"MB", 20},
                 {"MiB", 20}, {"G", 30}, {"GB", 30}, {"GiB", 30}, {"T", 40}, {"TB", 40}, {"TiB", 40}};
    char *end;
    if (!v || *v < '0' || *v > '9')
        return -1;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || n > (1ULL << 40))
        return -1;
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
        if (!strcmp(end, units[i].unit)) {
            if (n > ((1ULL << 40) >> units[i].shift))
                return -1;
            *out = (long long)(n << units[i].shift);
            return 0;
        }
    return -1;
}

static enum osp_code check_size(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    long long n;
    if (cli_parse_size(v, &n) || n < (1LL << 20))
        return osp_err_set(err, OSP_EUSAGE, "invalid --%s '%s' (use a size of at least 1MiB, e.g. 512MiB or 4GiB)",
                           f->name, v);
    return OSP_OK;
}

static enum osp_code check_allow_incomplete(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    (void)f;
    if (res_gap_pattern_valid(v))
        return osp_err_set(err, OSP_EUSAGE,
                           "invalid --allow-incomplete '%s' (use SERVICE, SERVICE/REGION, */REGION or a check id)", v);
    return OSP_OK;
}

static enum osp_code check_sarif_max_results(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    return check_int(f, v, 1, 10000000, err);
}

static int is_severity(const char *s, size_t n)
{
    static const char *const sev[] = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"};
    for (size_t i = 0; i < 5; i++)
        if (strlen(sev[i]) == n && !strncasecmp(sev[i], s, n))
            return 1;
    return 0;
}

static enum osp_code check_severity(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    if (!is_severity(v, strlen(v)))
        return osp_err_set(err, OSP_EUSAGE, "invalid --%s '%s' (use CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN)", f->name,
                           v);
    return OSP_OK;
}

static enum osp_code check_fail_on(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    if (strchr(v, ','))
        return osp_err_set(err, OSP_EUSAGE, "--fail-on takes one severity, not '%s'", v);
    return check_severity(f, v, err);
}

static enum osp_code check_format(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    size_t n = strcspn(v, "=");
    (void)f;
    char name[32];
    snprintf(name, sizeof(name), "%.*s", (int)(n < sizeof(name) ? n : sizeof(name) - 1), v);
    if (n < sizeof(name) && fmt_find(name)) {
        if (v[n] == '=' && !v[n + 1])
            return osp_err_set(err, OSP_EUSAGE, "empty path in --format '%s' (use FORMAT=PATH)", v);
        return OSP_OK;
    }
    return osp_err_set(err, OSP_EUSAGE, "unknown --format '%.*s' (use %s)", (int)n, v, fmt_names());
}

static enum osp_code check_threshold(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    const char *eq = strchr(v, '=');
    char *end;
    (void)f;
    if (!eq || !is_severity(v, (size_t)(eq - v)) || !eq[1] || strtol(eq + 1, &end, 10) < 0 || *end)
        return osp_err_set(err, OSP_EUSAGE, "invalid --threshold '%s' (use SEVERITY=MAX, e.g. high=0)", v);
    return OSP_OK;
}

/* arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE */
static enum osp_code check_arn(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    const char *fl[6];
    size_t n = 0;
    const char *p = v;
    while (n < 6) {
        fl[n++] = p;
        if (n == 6)
            break;
        p = strchr(p, ':');
        if (!p)
            break;
        p++;
    }
    int ok = n == 6 && !strncmp(v, "arn:", 4) &&
             (!strncmp(fl[1], "aws:", 4) || !strncmp(fl[1], "aws-cn:", 7) || !strncmp(fl[1], "aws-us-gov:", 11)) &&
             fl[2][0] != ':' && *fl[5];
    if (ok && fl[4][0] != ':') { /* account, when present, is 12 digits */
        for (int i = 0; i < 12; i++)
            ok = ok && isdigit((unsigned char)fl[4][i]);
        ok = ok && fl[4][12] == ':';
    }
    (void)f;
    if (!ok)
        return osp_err_set(err, OSP_EUSAGE,
                           "malformed --arn '%s' (expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)", v);
    return OSP_OK;
}

static enum osp_code check_role_arn(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    enum osp_code rc = check_arn(f, v, err);
    if (rc)
        osp_err_prefix(err, "--role-arn: ");
    return rc;
}

static enum osp_code check_account(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    size_t n = strlen(v);
    int ok = n == 12;
    (void)f;
    for (size_t i = 0; ok && i < n; i++)
        ok = isdigit((unsigned char)v[i]);
    return ok ? OSP_OK : osp_err_set(err, OSP_EUSAGE, "invalid --%s '%s' (expected a 12-digit account id)", f->name, v);
}

/* 1 when v is 1..max characters, each a letter, a digit or one of extra. */
static int word_ok(const char *v, size_t max, const char *extra)
{
    size_t n = strlen(v);
    int ok = n > 0 && n <= max;
    for (size_t i = 0; ok && i < n; i++)
        ok = isalnum((unsigned char)v[i]) || strchr(extra, v[i]);
    return ok;
}

/* A role name (with an optional path: "path/Name"), or an ARN template naming {account}. */
static enum osp_code check_member_role(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    (void)f;
    if (!strncmp(v, "arn:", 4)) {
        if (!strstr(v, "{account}") || !strstr(v, ":role/"))
            return osp_err_set(err, OSP_EUSAGE,
                               "invalid --member-role-name '%s' (an ARN template must name {account}, e.g. "
                               "arn:aws:iam::{account}:role/OspreyAudit)",
                               v);
        return OSP_OK;
    }
    size_t n = strlen(v);
    int ok = word_ok(v, 512, "+=,.@_-/") && v[0] != '/' && v[n - 1] != '/';
    return ok ? OSP_OK
              : osp_err_set(err, OSP_EUSAGE,
                            "invalid --member-role-name '%s' (use a role name such as OrganizationAccountAccessRole, "
                            "or an ARN template with {account})",
                            v);
}

static enum osp_code check_sarif_category(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    (void)f;
    return word_ok(v, 200, "+=,.@_-/:") ? OSP_OK
              : osp_err_set(err, OSP_EUSAGE,
                            "invalid --sarif-category '%s' (use 'account', 'org' or an id of letters, digits and "
                            "/._-)",
                            v);
}

static enum osp_code check_region(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    (void)f;
    if (!strcmp(v, "all") || aws_region_is_valid(v))
        return OSP_OK;
    return osp_err_set(err, OSP_EUSAGE, "invalid --region '%s' (use a region name like us-east-1, or 'all')", v);
}

static enum osp_code check_endpoint(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    (void)f;
    if (strncmp(v, "http://", 7) && strncmp(v, "https://", 8))
        return osp_err_set(err, OSP_EUSAGE, "invalid --endpoint '%s' (use an http:// or https:// URL)", v);
    return OSP_OK;
}

static enum osp_code check_compliance(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    (void)f;
    for (const char *const *s = scan_builtin_specs(); *s; s++)
        if (!strcmp(v, *s))
            return OSP_OK;
    if (v[0] != '@')
        return osp_err_set(err, OSP_EUSAGE,
                           "unknown --compliance '%s' (use aws-cis-1.2, aws-cis-1.4, aws-cis-2.0, aws-cis-3.0, aws-fsbp or @FILE)", v);
    return OSP_OK;
}

static enum osp_code check_report(const struct cli_flag *f, const char *v, struct osp_err *err)
{
    (void)f;
    if (strcmp(v, "summary") && strcmp(v, "all") && strcmp(v, "checks"))
        return osp_err_set(err, OSP_EUSAGE, "invalid --report '%s' (use summary, all or checks)", v);
    return OSP_OK;
}

/* ---- storing values: one generic path for every flag, driven by kind and offset ---- */

static const char *pool_dup(struct cli_opts *o, const char *s, size_t n, struct osp_err *err)
{
    if (o->pool_used + n + 1 > sizeof(o->pool)) {
        osp_err_set(err, OSP_EUSAGE, "flag values too long (more than %zu bytes in all)", sizeof(o->pool));
        return NULL;
    }
    char *d = o->pool + o->pool_used;
    memcpy(d, s, n);
    d[n] = '\0';
    o->pool_used += n + 1;
    return d;
}

static int parse_bool(const char *v, int *out)
{
    static const char *const yes[] = {"true", "1", "yes", "on"}, *const no[] = {"false", "0", "no", "off"};
    for (size_t i = 0; i < 4; i++) {
        if (!strcasecmp(v, yes[i]))
            return *out = 1, 0;
        if (!strcasecmp(v, no[i]))
            return *out = 0, 0;
    }
    return -1;
}

static enum osp_code list_add(const struct cli_flag *f, struct cli_list *l, const char *v, struct osp_err *err)
{
    if (f->check && f->check(f, v, err))
        return err->code;
    if (l->n >= CLI_MAX_LIST)
        return osp_err_set(err, OSP_EUSAGE, "too many --%s values (at most %d)", f->name, CLI_MAX_LIST);
    l->v[l->n++] = v;
    return OSP_OK;
}

/* Store one value of flag f. `stable`: v outlives the options (argv, environ); otherwise parts
 * that are kept are copied into the pool. `split`: also split CLI_LIST values on commas (env). */
static enum osp_code store(struct cli_opts *o, const struct cli_flag *f, const char *v, int stable, int split,
                           struct osp_err *err)
{
    void *field = (char *)o + f->offset;
    switch (f->kind) {
    case CLI_SWITCH: {
        int b;
        if (parse_bool(v, &b))
            return osp_err_set(err, OSP_EUSAGE, "invalid --%s '%s' (use true or false)", f->name, v);
        *(int *)field = b;
        return OSP_OK;
    }
    case CLI_STR:
        if (f->check && f->check(f, v, err))
            return err->code;
        if (!stable && !(v = pool_dup(o, v, strlen(v), err)))
            return err->code;
        *(const char **)field = v;
        return OSP_OK;
    case CLI_INT:
        if (f->check && f->check(f, v, err))
            return err->code;
        *(int *)field = (int)strtol(v, NULL, 10);
        return OSP_OK;
    case CLI_DURATION: {
        enum osp_code rc = osp_parse_duration(v, (long long *)field, err);
        if (rc)
            osp_err_prefix(err, "--%s: ", f->name);
        return rc;
    }
    case CLI_LIST:
    case CLI_CSV:
        if (f->kind == CLI_LIST && !split) {
            if (!stable && !(v = pool_dup(o, v, strlen(v), err)))
                return err->code;
            return list_add(f, field, v, err);
        }
        for (const char *p = v;;) {
            size_t n = strcspn(p, ",");
            const char *a = p, *b = p + n;
            while (a < b && isspace((unsigned char)*a))
                a++;
            while (b > a && isspace((unsigned char)b[-1]))
                b--;
            if (a == b)
                return osp_err_set(err, OSP_EUSAGE, "empty value in --%s '%s'", f->name, v);
            const char *item = pool_dup(o, a, (size_t)(b - a), err);
            if (!item || list_add(f, field, item, err))
                return err->code;
            if (!p[n])
                return OSP_OK;
            p += n + 1;
        }
    }
    return osp_err_set(err, OSP_EINTERNAL, "flag --%s has no kind", f->name);
}

/* ---- sources ---- */

/* Long options for getopt: each flag's name and its aliases (copied into names). */
static enum osp_code build_getopt(enum cli_cmd cmd, struct option *lo, char *so, char (*names)[ALIAS_LEN])
{
    size_t k = 0, s = 0, na = 0;
    so[s++] = ':'; /* report missing arguments distinctly */
    for (size_t i = 0; i < NFLAGS; i++) {
        if (!(flags[i].cmds & cmd))
            continue;
        int has_arg = flags[i].arg ? required_argument : no_argument;
        lo[k++] = (struct option){flags[i].name, has_arg, NULL, 256 + (int)i};
        for (const char *p = cli_flag_aliases(&flags[i]); p && *p && na < NFLAGS * MAX_ALIASES;) {
            size_t n = strcspn(p, " ");
            snprintf(names[na], ALIAS_LEN, "%.*s", (int)n, p);
            lo[k++] = (struct option){names[na++], has_arg, NULL, 256 + (int)i};
            p += n + (p[n] == ' ');
        }
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
    for (size_t i = 0; i < NFLAGS; i++)
        if (flags[i].shortopt == c)
            return &flags[i];
    return NULL;
}

static enum osp_code from_argv(enum cli_cmd cmd, int argc, char **argv, struct cli_opts *o, unsigned char *given,
                               struct osp_err *err)
{
    struct option lo[NFLAGS * (1 + MAX_ALIASES) + 1];
    char so[2 * NFLAGS + 2];
    char names[NFLAGS * MAX_ALIASES][ALIAS_LEN];
    build_getopt(cmd, lo, so, names);
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
        given[f - flags] = 1;
        enum osp_code rc = store(o, f, f->arg ? optarg : "true", 1, 0, err);
        if (rc)
            return rc;
    }
    for (; optind < argc; optind++) {
        if (cmd != CLI_CMD_CONVERT && cmd != CLI_CMD_MERGE)
            return osp_err_set(err, OSP_EUSAGE, "unexpected argument '%s' (see 'osprey %s --help')", argv[optind],
                               cmd_name(cmd));
        if (o->args.n >= CLI_MAX_ARGS)
            return osp_err_set(err, OSP_EUSAGE, "too many arguments (at most %d)", CLI_MAX_ARGS);
        o->args.v[o->args.n++] = argv[optind];
    }
    return OSP_OK;
}

static enum osp_code from_env(const struct osp_ctx *ctx, enum cli_cmd cmd, struct cli_opts *o, unsigned char *given,
                              struct osp_err *err)
{
    for (size_t i = 0; i < NFLAGS; i++) {
        const struct cli_flag *f = &flags[i];
        if (given[i] || !(f->cmds & cmd) || !strcmp(f->name, "help"))
            continue;
        char name[64];
        cli_flag_env_name(f, name, sizeof(name));
        const char *v = osp_getenv_nonempty(ctx, name);
        if (!v)
            continue;
        given[i] = 2;
        if (store(o, f, v, 1, 1, err)) {
            osp_err_prefix(err, "%s: ", name);
            return err->code;
        }
    }
    return OSP_OK;
}

/* ---- the config file: YAML mappings, nested keys joined with '.' ---- */

struct cfg {
    const char *path;
    enum cli_cmd cmd;
    struct cli_opts *o;
    unsigned char *given;
    unsigned char seen[NFLAGS];
    struct osp_err *err;
};

static const struct cli_flag *cfg_flag(const char *key)
{
    for (size_t i = 0; i < NFLAGS; i++)
        if ((flags[i].config && !strcmp(flags[i].config, key)) || !strcmp(flags[i].name, key))
            return &flags[i];
    return NULL;
}

static enum osp_code cfg_error(struct cfg *c, const yaml_node_t *n, const char *what, const char *key)
{
    return osp_err_set(c->err, OSP_EUSAGE, "%s:%lu: '%s' %s", c->path, (unsigned long)n->start_mark.line + 1, key,
                       what);
}

static enum osp_code cfg_value(struct cfg *c, yaml_document_t *doc, const char *key, yaml_node_t *v)
{
    const struct cli_flag *f = cfg_flag(key);
    if (!f || !strcmp(f->name, "config") || !strcmp(f->name, "help"))
        return cfg_error(c, v, "is not a setting (keys are flag names or Trivy's, see 'osprey help config')", key);
    size_t i = (size_t)(f - flags);
    if (c->seen[i]++)
        return cfg_error(c, v, "is set twice", key);
    if (!(f->cmds & c->cmd) || c->given[i])
        return OSP_OK; /* another subcommand's flag, or given by a stronger source */
    if (v->type == YAML_SEQUENCE_NODE && !cli_flag_repeatable(f))
        return cfg_error(c, v, "takes one value, not a list", key);
    yaml_node_item_t *it = v->type == YAML_SEQUENCE_NODE ? v->data.sequence.items.start : NULL;
    yaml_node_item_t *end = v->type == YAML_SEQUENCE_NODE ? v->data.sequence.items.top : NULL;
    for (yaml_node_t *n = it ? yaml_document_get_node(doc, *it) : v; n;
         n = it && ++it < end ? yaml_document_get_node(doc, *it) : NULL) {
        if (n->type != YAML_SCALAR_NODE)
            return cfg_error(c, n, "must be a value or a list of values", key);
        if (store(c->o, f, (const char *)n->data.scalar.value, 0, 0, c->err)) {
            osp_err_prefix(c->err, "%s:%lu: ", c->path, (unsigned long)n->start_mark.line + 1);
            return c->err->code;
        }
    }
    return OSP_OK;
}

static enum osp_code cfg_mapping(struct cfg *c, yaml_document_t *doc, yaml_node_t *map, const char *prefix)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key), *v = yaml_document_get_node(doc, p->value);
        if (!k || !v || k->type != YAML_SCALAR_NODE)
            return osp_err_set(c->err, OSP_EUSAGE, "%s: keys must be plain names", c->path);
        char key[160];
        if ((size_t)snprintf(key, sizeof(key), "%s%s%s", prefix, *prefix ? "." : "", (const char *)k->data.scalar.value) >=
            sizeof(key)) /* also bounds the nesting depth */
            return cfg_error(c, k, "is not a setting (nested too deep)", prefix);
        enum osp_code rc = v->type == YAML_MAPPING_NODE ? cfg_mapping(c, doc, v, key) : cfg_value(c, doc, key, v);
        if (rc)
            return rc;
    }
    return OSP_OK;
}

static enum osp_code from_config(enum cli_cmd cmd, struct cli_opts *o, unsigned char *given, struct osp_err *err)
{
    const char *path = o->config;
    if (!path) {
        if (access(CLI_CONFIG_DEFAULT, F_OK) != 0)
            return OSP_OK;
        path = o->config = CLI_CONFIG_DEFAULT;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return osp_err_set(err, OSP_EUSAGE, "cannot read config file '%s' (check --config / OSPREY_CONFIG)", path);
    yaml_parser_t parser;
    yaml_document_t doc;
    struct cfg c = {.path = path, .cmd = cmd, .o = o, .given = given, .err = err};
    enum osp_code rc = OSP_OK;
    if (!yaml_parser_initialize(&parser)) {
        fclose(fp);
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    yaml_parser_set_input_file(&parser, fp);
    if (!yaml_parser_load(&parser, &doc)) {
        rc = osp_err_set(err, OSP_EUSAGE, "%s:%lu: malformed YAML: %s", path, (unsigned long)parser.problem_mark.line + 1,
                         parser.problem ? parser.problem : "parse error");
    } else {
        yaml_node_t *root = yaml_document_get_root_node(&doc);
        if (root && root->type == YAML_MAPPING_NODE)
            rc = cfg_mapping(&c, &doc, root, "");
        else if (root && !(root->type == YAML_SCALAR_NODE && !root->data.scalar.length))
            rc = osp_err_set(err, OSP_EUSAGE, "%s: expected a mapping of flag names to values", path);
        yaml_document_delete(&doc);
    }
    yaml_parser_delete(&parser);
    fclose(fp);
    return rc;
}

enum osp_code cli_opts_parse(const struct osp_ctx *ctx, enum cli_cmd cmd, int argc, char **argv, struct cli_opts *o,
                             struct osp_err *err)
{
    unsigned char given[NFLAGS] = {0}; /* 1: argv, 2: environment */
    memset(o, 0, sizeof(*o));
    o->concurrency = 32;
    o->max_cache_age = 24 * 3600;
    o->exit_code = 1;
    o->member_role_name = "OrganizationAccountAccessRole";
    enum osp_code rc = from_argv(cmd, argc, argv, o, given, err);
    if (!rc && !o->help)
        rc = from_env(ctx, cmd, o, given, err);
    if (!rc && !o->help)
        rc = from_config(cmd, o, given, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < NFLAGS; i++)
        if (given[i] && !strcmp(flags[i].name, "exit-code"))
            o->exit_code_set = 1;
    if (o->output && o->formats.n > 1)
        return osp_err_set(err, OSP_EUSAGE, "--output goes with a single --format; use --format FORMAT=PATH for several");
    return OSP_OK;
}

/* ---- help and the README reference ---- */

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
    else if (cmd == CLI_CMD_WHOAMI)
        fprintf(f, "Usage: osprey whoami [flags]\n\nResolve AWS credentials the way 'osprey aws' does and print the "
                   "account, the caller ARN,\nthe credential source and the region (sts:GetCallerIdentity).\n");
    else if (cmd == CLI_CMD_MERGE)
        fprintf(f, "Usage: osprey merge [flags] [--plan PLAN] SHARD.json ...\n\nMerge the JSON reports of sharded scans "
                   "(accounts, regions) into one report: findings kept once by\nfingerprint, a per-account summary on "
                   "stderr, and with --plan every planned account without a\nshard report is a gap (the run is "
                   "incomplete). Default output: JSON on stdout.\n");
    else
        fprintf(f, "Usage: osprey convert [flags] REPORT.json\n\nRe-render a JSON report written by 'osprey aws "
                   "--format json' with new formats, filters and thresholds (no AWS calls).\n");
    for (size_t c = 0; c < sizeof(categories) / sizeof(categories[0]); c++) {
        int header = 0;
        for (size_t i = 0; i < NFLAGS; i++) {
            if (!(flags[i].cmds & cmd) || strcmp(flags[i].category, categories[c]))
                continue;
            if (!header++)
                fprintf(f, "\n%s flags:\n", categories[c]);
            char left[64];
            flag_left(&flags[i], left, sizeof(left));
            fprintf(f, "  %-38s %s", left, flags[i].help);
            for (const char *a = cli_flag_aliases(&flags[i]), *first = a; a && *a;) {
                size_t n = strcspn(a, " ");
                fprintf(f, "%s--%.*s%s", a == first ? " (also: " : ", ", (int)n, a, a[n] ? "" : ")");
                a += n + (a[n] == ' ');
            }
            if (flags[i].def)
                fprintf(f, " (default: %s)", flags[i].def);
            if (flags[i].env)
                fprintf(f, " [$%s]", flags[i].env);
            fputc('\n', f);
        }
    }
    fprintf(f, "\nEvery flag can also be set as OSPREY_<FLAG> (OSPREY_MAX_CACHE_AGE=1.5h; lists comma-separated)\n"
               "or in the config file (--config, default ./osprey.yaml); precedence: flag > env > file > default.\n"
               "\nExit codes: 0 ok, 1 threshold breached (see --exit-code), 2 usage or configuration error,\n"
               "3 the scan could not run (credentials, network, cache), 4 not found, 5 internal error,\n"
               "6 incomplete run under a gate (see --allow-incomplete).\n"
               "Run 'osprey help FLAG' for the full page of a flag.\n");
}

void cli_opts_markdown(FILE *f)
{
    for (size_t c = 0; c < sizeof(categories) / sizeof(categories[0]); c++) {
        fprintf(f, "\n#### %s\n\n| flag | argument | default | env | config key | applies to | description |\n"
                   "|---|---|---|---|---|---|---|\n",
                categories[c]);
        for (size_t i = 0; i < NFLAGS; i++) {
            const struct cli_flag *x = &flags[i];
            if (strcmp(x->category, categories[c]))
                continue;
            char cmds[64], env[128] = "", key[96] = "";
            cmd_names(x->cmds, cmds, sizeof(cmds));
            if (strcmp(x->name, "help")) {
                char own[64];
                cli_flag_env_name(x, own, sizeof(own));
                snprintf(env, sizeof(env), "`%s`%s%s%s", own, x->env ? ", `" : "", x->env ? x->env : "",
                         x->env ? "`" : "");
            }
            if (strcmp(x->name, "help") && strcmp(x->name, "config"))
                snprintf(key, sizeof(key), "`%s`", x->config ? x->config : x->name);
            fprintf(f, "| `--%s`%s%c%s | %s%s%s | %s | %s | %s | %s | %s%s |\n", x->name, x->shortopt ? " `-" : "",
                    x->shortopt ? x->shortopt : ' ', x->shortopt ? "`" : "", x->arg ? "`" : "", x->arg ? x->arg : "",
                    x->arg ? "`" : "", x->def ? x->def : "", env, key, cmds, x->help,
                    cli_flag_repeatable(x) ? " (repeatable)" : "");
        }
    }
}
