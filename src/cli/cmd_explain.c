/* cmd_explain.c: `osprey explain ID|ARN`: what a check means and how to fix it, or every
 * finding of one resource with its check's explanation.
 *
 * A check comes from the catalog's METADATA: description, custom.impact (why it matters),
 * custom.remediation.{console,cli,terraform}, related_resources, and the controls of the
 * built-in compliance specs (checks/compliance/) that list it. A resource's findings come
 * from a saved JSON report (--input) or from an offline scan of the cache or an artifact (the
 * artifact is read from a private copy, so explaining never rewrites it). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "results/report.h"
#include "scan/scan.h"

#define EXPLAIN_MAX_REGIONS 32
#define EXPLAIN_WIDTH 100 /* text is wrapped to this, or to COLUMNS when narrower */
#define EXPLAIN_HINTS 3   /* nearest ids suggested for an unknown one */

struct explain_args {
    const char *what, *input, *artifact, *cache_dir;
    const char *regions[EXPLAIN_MAX_REGIONS], *checks[EXPLAIN_MAX_REGIONS], *ns[EXPLAIN_MAX_REGIONS];
    size_t nregions, nchecks, nns;
};

static const char USAGE[] =
    "Usage: osprey explain ID|ARN [--input REPORT.json | --cache-artifact FILE] [--cache-dir DIR] [--region R]...\n"
    "                            [--config-check PATH]... [--check-namespaces NS]...\n"
    "\n"
    "Explain a check: what it verifies, why it matters, how to fix it (console steps, the AWS CLI\n"
    "and Terraform), links, and the CIS controls it maps to. ID is a check id (AVD-AWS-0086) or a\n"
    "short code (block-public-acls); --config-check and --check-namespaces add custom checks, as\n"
    "for 'osprey aws'.\n"
    "\n"
    "Explain a resource (an ARN): every finding of that resource with its check's explanation,\n"
    "from a saved JSON report (--input, written by 'osprey aws --format json=FILE'), or from an\n"
    "offline scan of the cache artifact (--cache-artifact) or of the cache (--cache-dir, default\n"
    "as for 'osprey aws'). No AWS call is made.\n"
    "\n"
    "Examples:\n"
    "  osprey explain AVD-AWS-0086\n"
    "  osprey explain arn:aws:s3:::demo-public-assets --cache-artifact tests/demo/demo-account.osc\n"
    "  osprey explain arn:aws:iam::123456789012:user/alice --input osprey.json\n"
    "\n"
    "Exit codes: 0 explained; 2 usage; 3 the cache or artifact could not be read; 4 no such check,\n"
    "or no finding for that resource.\n";

static int parse_args(int argc, char **argv, struct explain_args *a)
{
    memset(a, 0, sizeof(*a));
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        const char **slot = !strcmp(s, "--input")            ? &a->input
                            : !strcmp(s, "--cache-artifact") ? &a->artifact
                            : !strcmp(s, "--cache-dir")      ? &a->cache_dir
                                                             : NULL;
        if (slot && val) {
            *slot = argv[++i];
        } else if (!strcmp(s, "--region") && val && a->nregions < EXPLAIN_MAX_REGIONS) {
            a->regions[a->nregions++] = argv[++i];
        } else if (!strcmp(s, "--config-check") && val && a->nchecks < EXPLAIN_MAX_REGIONS) {
            a->checks[a->nchecks++] = argv[++i];
        } else if (!strcmp(s, "--check-namespaces") && val && a->nns < EXPLAIN_MAX_REGIONS) {
            a->ns[a->nns++] = argv[++i];
        } else if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
            return 1;
        } else if (s[0] == '-' || a->what) {
            return cli_usage_error("explain: unexpected '%s' (see 'osprey explain --help')", s);
        } else {
            a->what = s;
        }
    }
    if (!a->what)
        return cli_usage_error("explain: which check or resource? (osprey explain ID|ARN; 'osprey checks list' "
                               "lists the checks)");
    if (a->input && (a->artifact || a->cache_dir || a->nregions))
        return cli_usage_error("explain: --input reads a saved report; it takes no --cache-artifact, --cache-dir "
                               "or --region");
    return 0;
}

static size_t text_width(void)
{
    const char *cols = getenv("COLUMNS");
    long n = cols ? strtol(cols, NULL, 10) : 0;
    return n >= 40 && n < EXPLAIN_WIDTH ? (size_t)n : EXPLAIN_WIDTH;
}

/* Print text word-wrapped, every line indented by indent spaces. */
static void wrapped(const char *text, size_t indent)
{
    size_t width = text_width(), col = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\n')
            p++;
        size_t n = strcspn(p, " \n");
        if (!n)
            break;
        if (col && col + 1 + n > width) {
            putchar('\n');
            col = 0;
        }
        if (!col) {
            printf("%*s", (int)indent, "");
            col = indent;
        } else {
            putchar(' ');
            col++;
        }
        fwrite(p, 1, n, stdout);
        col += n;
        p += n;
    }
    if (col)
        putchar('\n');
}

/* A labelled block: "  Label: text" with the text wrapped under the label. */
static void labelled(const char *label, const char *text)
{
    if (!text || !*text)
        return;
    printf("  %s\n", label);
    wrapped(text, 4);
}

/* "CIS AWS Foundations 1.4: 2.1.5, 2.1.1" for every built-in spec listing the check. */
static int print_controls(struct osp_ctx *ctx, const char *id)
{
    const char *const *specs = scan_builtin_specs();
    int any = 0;
    for (size_t s = 0; specs[s]; s++) {
        struct scan_opts o = {.compliance = specs[s]};
        struct scan_catalog *cat;
        struct osp_err err;
        osp_err_init(&err);
        if (scan_catalog_load_metadata(ctx, &o, &cat, &err))
            return cli_fail(&err);
        const struct scan_spec *spec = scan_catalog_spec(cat);
        size_t n = 0;
        for (size_t i = 0; spec && i < spec->ncontrols; i++) {
            const struct scan_control *c = &spec->controls[i];
            for (size_t k = 0; k < c->nchecks; k++) {
                if (strcmp(c->checks[k], id))
                    continue;
                if (!any++)
                    printf("\nCompliance\n");
                if (n++)
                    printf(", %s", c->id);
                else
                    printf("  %s (%s): %s", spec->title, specs[s], c->id);
                break;
            }
        }
        if (n)
            putchar('\n');
        scan_catalog_free(cat);
    }
    return 0;
}

static void section(const char *title, const char *text)
{
    if (!text || !*text)
        return;
    printf("\n%s\n", title);
    wrapped(text, 2);
}

/* Commands are printed whole, one per line (split at " && "), so they can be copied. */
static void commands(const char *label, const char *cli)
{
    if (!*cli)
        return;
    printf("  %s\n", label);
    for (const char *p = cli; *p;) {
        const char *amp = strstr(p, " && aws "); /* not the && inside a filter pattern */
        size_t n = amp ? (size_t)(amp - p) : strlen(p);
        printf("    %.*s\n", (int)n, p);
        p += n + (amp ? 4 : 0);
    }
}

static int explain_check(struct osp_ctx *ctx, const struct scan_check *c)
{
    printf("%s  %s  %s\n", c->id, res_severity_name(c->severity), c->title);
    printf("Service: %s    Short code: %s\n", *c->service ? c->service : "-", *c->short_code ? c->short_code : "-");
    section("What it checks", c->description);
    section("Why it matters", c->impact);
    section("How to fix it", c->recommended_action);
    labelled("Console:", c->fix_console);
    commands("AWS CLI:", c->fix_cli);
    labelled("Terraform:", c->fix_terraform);
    int rc = print_controls(ctx, c->id);
    for (size_t i = 0; i < c->nreferences; i++)
        printf("%s  %s\n", i ? "" : "\nLinks\n", c->references[i]);
    return rc;
}

/* Levenshtein distance, case-insensitive (ids and short codes are short). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[64];
    if (la >= 63 || lb >= 63)
        return (size_t)-1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t sub = diag + (tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]));
            size_t best = up + 1 < row[j - 1] + 1 ? up + 1 : row[j - 1] + 1;
            row[j] = sub < best ? sub : best;
            diag = up;
        }
    }
    return row[lb];
}

/* A check by id or short code, case-insensitive. */
static const struct scan_check *find_check(const struct scan_catalog *cat, const char *what)
{
    for (size_t i = 0; i < scan_catalog_count(cat); i++) {
        const struct scan_check *c = scan_catalog_at(cat, i);
        if (!strcasecmp(c->id, what) || !strcasecmp(c->avd_id, what) ||
            (*c->short_code && !strcasecmp(c->short_code, what)))
            return c;
    }
    return NULL;
}

/* "no check 'X'" and the nearest ids (by id or short code; same number counts as near). */
static int unknown_check(const struct scan_catalog *cat, const char *what)
{
    const struct scan_check *best[EXPLAIN_HINTS] = {0};
    size_t dist[EXPLAIN_HINTS];
    const char *digits = what + strcspn(what, "0123456789");
    for (size_t i = 0; i < scan_catalog_count(cat); i++) {
        const struct scan_check *c = scan_catalog_at(cat, i);
        size_t d = distance(what, c->id), ds = *c->short_code ? distance(what, c->short_code) : (size_t)-1;
        d = ds < d ? ds : d;
        size_t nd = strlen(digits);
        if (nd >= 2 && strlen(c->id) >= nd && !strcmp(c->id + strlen(c->id) - nd, digits))
            d = 0; /* "0086" or "AWS-0086": the number alone names it */
        for (size_t k = 0; k < EXPLAIN_HINTS; k++) {
            if (best[k] && dist[k] <= d)
                continue;
            memmove(&best[k + 1], &best[k], (EXPLAIN_HINTS - k - 1) * sizeof(best[0]));
            memmove(&dist[k + 1], &dist[k], (EXPLAIN_HINTS - k - 1) * sizeof(dist[0]));
            best[k] = c;
            dist[k] = d;
            break;
        }
    }
    char *shown = osp_escape_controls(what);
    fprintf(stderr, "osprey: no check '%s'", shown);
    free(shown);
    for (size_t k = 0, n = 0; k < EXPLAIN_HINTS; k++)
        if (best[k] && dist[k] <= strlen(what) / 2)
            fprintf(stderr, "%s%s (%s)", n++ ? ", " : "; nearest: ", best[k]->id, best[k]->title);
    fprintf(stderr, "\nosprey: 'osprey checks list' lists every check id\n");
    return 4;
}

/* The report of an offline scan of the cache / a private copy of the artifact, as JSON. */
static int offline_report(struct osp_ctx *ctx, const struct explain_args *a, struct res_report **out)
{
    char dir[256], json[300], art[300];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof(dir), "%s/osprey-explain-XXXXXX", tmp && *tmp && strlen(tmp) < 200 ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "osprey: cannot make a temporary directory: %m\n");
        return 5;
    }
    snprintf(json, sizeof(json), "json=%s/report.json", dir);
    snprintf(art, sizeof(art), "%s/state.osc", dir);
    char *argv[16 + 6 * EXPLAIN_MAX_REGIONS];
    int argc = 0, rc = 0;
    argv[argc++] = "aws";
    argv[argc++] = "--offline";
    argv[argc++] = "--quiet";
    /* no --arn: it narrows the scan to the ARN's service and region, and checks of other
     * services (CloudTrail data events for a bucket) report on the resource too */
    argv[argc++] = "--format";
    argv[argc++] = json;
    if (a->artifact) {
        FILE *in = fopen(a->artifact, "rb"), *cp = in ? fopen(art, "wb") : NULL;
        char buf[65536];
        size_t n;
        while (cp && (n = fread(buf, 1, sizeof(buf), in)) > 0)
            if (fwrite(buf, 1, n, cp) != n)
                rc = 3;
        if (!cp || (in && ferror(in)) || fclose(cp))
            rc = 3;
        if (in)
            fclose(in);
        if (rc) {
            cli_errf("cannot read the cache artifact %s: %s", a->artifact, strerror(errno));
            goto done;
        }
        argv[argc++] = "--cache-artifact";
        argv[argc++] = art;
    }
    if (a->cache_dir) {
        argv[argc++] = "--cache-dir";
        argv[argc++] = (char *)a->cache_dir;
    }
    for (size_t i = 0; i < a->nchecks; i++) {
        argv[argc++] = "--config-check";
        argv[argc++] = (char *)a->checks[i];
    }
    for (size_t i = 0; i < a->nns; i++) {
        argv[argc++] = "--check-namespaces";
        argv[argc++] = (char *)a->ns[i];
    }
    for (size_t i = 0; i < a->nregions; i++) {
        argv[argc++] = "--region";
        argv[argc++] = (char *)a->regions[i];
    }
    argv[argc] = NULL;
    rc = cli_aws(ctx, argc, argv);
    if (rc <= 1) { /* 1: a threshold, never asked for here */
        struct osp_err err;
        osp_err_init(&err);
        rc = res_report_load(ctx, json + 5, out, &err) ? cli_fail(&err) : 0;
    }
done:
    unlink(json + 5);
    unlink(art);
    rmdir(dir);
    return rc;
}

static int explain_arn(struct osp_ctx *ctx, const struct scan_catalog *cat, const struct explain_args *a)
{
    struct res_report *r = NULL;
    int rc = 0;
    if (a->input) {
        struct osp_err err;
        osp_err_init(&err);
        if (res_report_load(ctx, a->input, &r, &err))
            return cli_fail(&err);
    } else if ((rc = offline_report(ctx, a, &r))) {
        return rc;
    }
    size_t n = 0;
    for (size_t i = 0; i < r->n_findings; i++) {
        const struct res_finding *f = &r->findings[i];
        if (strcmp(f->resource, a->what))
            continue;
        if (!n++)
            printf("%s (%s, %s, account %s)\n", f->resource, f->service, f->region, f->account);
        printf("\n[%zu] %s  %s  %s: %s\n", n, res_status_name(f->status), res_severity_name(f->severity), f->check_id,
               f->title);
        if (*f->message)
            wrapped(f->message, 4);
        const struct scan_check *c = scan_catalog_find(cat, f->check_id);
        if (c && *c->impact)
            labelled("Why it matters:", c->impact);
        printf("  How to fix it:\n");
        wrapped(c ? c->recommended_action : f->resolution, 4);
        if (c)
            commands("AWS CLI:", c->fix_cli);
        printf("  More: osprey explain %s\n", f->check_id);
    }
    if (!n)
        fprintf(stderr,
                "osprey: no findings for %s in %s (check the ARN, and that its service and region were scanned)\n",
                a->what, a->input ? a->input : a->artifact ? a->artifact : "the cache");
    res_report_free(r);
    return n ? 0 : 4;
}

int cli_explain(struct osp_ctx *ctx, int argc, char **argv)
{
    struct explain_args a;
    int bad = parse_args(argc, argv, &a);
    if (bad == 1) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (bad)
        return bad;
    struct scan_opts o = {
        .config_checks = a.checks, .nconfig_checks = a.nchecks, .namespaces = a.ns, .nnamespaces = a.nns};
    struct scan_catalog *cat;
    struct osp_err err;
    osp_err_init(&err);
    if (scan_catalog_load_metadata(ctx, &o, &cat, &err))
        return cli_fail(&err);
    int rc;
    if (!strncmp(a.what, "arn:", 4)) {
        rc = explain_arn(ctx, cat, &a);
    } else {
        const struct scan_check *c = find_check(cat, a.what);
        rc = c ? explain_check(ctx, c) : unknown_check(cat, a.what);
    }
    scan_catalog_free(cat);
    return rc;
}
