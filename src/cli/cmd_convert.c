/* cmd_convert.c: `osprey convert`: re-render a saved JSON report with new formats, filters and
 * thresholds, without AWS. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/log.h"
#include "formats/format.h"
#include "results/apply.h"
#include "results/report.h"
#include "results/threshold.h"

#define CONVERT_MAX_LIST 64

struct convert_opts {
    struct fmt_specs specs;
    const char *output, *ignorefile, *arn, *report_mode, *input;
    const char *services[CONVERT_MAX_LIST];
    size_t n_services;
    struct res_filter filter;
    struct res_threshold thr;
};

static void convert_usage(FILE *f)
{
    fprintf(f,
            "Usage: osprey convert [flags] results.json\n"
            "Re-render a JSON report written by 'osprey aws --format json' (no AWS calls).\n\n"
            "  -f, --format FORMAT[=PATH]   %s; repeatable, at most one without PATH (stdout)\n"
            "  -o, --output PATH            write the single --format to PATH\n"
            "  -s, --severity LIST          only these severities (e.g. HIGH,CRITICAL)\n"
            "      --service NAME           only this service (repeatable; one: per-resource table)\n"
            "      --arn ARN                only this resource (table: every finding in detail)\n"
            "      --include-non-failures   keep PASS results\n"
            "      --ignorefile FILE        ignore file (default .ospreyignore, else .trivyignore)\n"
            "      --fail-on SEVERITY       exit non-zero if a finding is at or above SEVERITY\n"
            "      --threshold SEV=MAX      exit non-zero if more than MAX findings of SEV (repeatable)\n"
            "      --exit-code N            exit status on a breach (default 1)\n"
            "      --report summary|all     compliance: the control table only, or findings too\n"
            "  -q, --quiet                  no warnings\n",
            fmt_names());
}

enum { OPT_SERVICE = 256, OPT_ARN, OPT_NONFAIL, OPT_IGNORE, OPT_FAILON, OPT_THRESHOLD, OPT_EXITCODE, OPT_REPORT };

static const struct option convert_longopts[] = {{"format", required_argument, NULL, 'f'},
                                                 {"output", required_argument, NULL, 'o'},
                                                 {"severity", required_argument, NULL, 's'},
                                                 {"service", required_argument, NULL, OPT_SERVICE},
                                                 {"arn", required_argument, NULL, OPT_ARN},
                                                 {"include-non-failures", no_argument, NULL, OPT_NONFAIL},
                                                 {"ignorefile", required_argument, NULL, OPT_IGNORE},
                                                 {"fail-on", required_argument, NULL, OPT_FAILON},
                                                 {"threshold", required_argument, NULL, OPT_THRESHOLD},
                                                 {"exit-code", required_argument, NULL, OPT_EXITCODE},
                                                 {"report", required_argument, NULL, OPT_REPORT},
                                                 {"quiet", no_argument, NULL, 'q'},
                                                 {"help", no_argument, NULL, 'h'},
                                                 {NULL, 0, NULL, 0}};

static enum osp_code convert_flag(struct osp_ctx *ctx, struct convert_opts *o, int c, const char *v,
                                  struct osp_err *err)
{
    switch (c) {
    case 'f':
        return fmt_specs_add(&o->specs, v, err);
    case 'o':
        return (o->output = v, OSP_OK);
    case 's':
        return res_filter_parse_severities(v, &o->filter.severities, err);
    case OPT_SERVICE:
        if (o->n_services == CONVERT_MAX_LIST)
            return osp_err_set(err, OSP_EUSAGE, "too many --service flags (at most %d)", CONVERT_MAX_LIST);
        o->services[o->n_services++] = v;
        return OSP_OK;
    case OPT_ARN:
        return (o->arn = v, OSP_OK);
    case OPT_NONFAIL:
        return (o->filter.include_non_failures = 1, OSP_OK);
    case OPT_IGNORE:
        return (o->ignorefile = v, OSP_OK);
    case OPT_FAILON:
        return res_threshold_parse_fail_on(&o->thr, v, err);
    case OPT_THRESHOLD:
        return res_threshold_parse_max(&o->thr, v, err);
    case OPT_EXITCODE:
        return res_threshold_parse_exit_code(&o->thr, v, err);
    case OPT_REPORT:
        if (strcmp(v, "summary") && strcmp(v, "all"))
            return osp_err_set(err, OSP_EUSAGE, "invalid --report '%s' (use summary or all)", v);
        return (o->report_mode = v, OSP_OK);
    case 'q':
        ctx->quiet = 1;
        ctx->log_level = OSP_LOG_ERROR;
        return OSP_OK;
    }
    return osp_err_set(err, OSP_EUSAGE, "unknown flag (see 'osprey convert --help')");
}

/* Returns -1 to go on, or an exit status (help, usage error). */
static int convert_parse(struct osp_ctx *ctx, int argc, char **argv, struct convert_opts *o, struct osp_err *err)
{
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:s:qh", convert_longopts, NULL)) != -1) {
        if (c == 'h') {
            convert_usage(stdout);
            return 0;
        }
        if (c == '?')
            return cli_usage_error("unknown flag '%s' for convert (see 'osprey convert --help')", argv[optind - 1]);
        if (c == ':')
            return cli_usage_error("flag '%s' needs a value (see 'osprey convert --help')", argv[optind - 1]);
        if (convert_flag(ctx, o, c, optarg, err))
            return cli_fail(err);
    }
    if (argc - optind != 1)
        return cli_usage_error(
            "convert takes exactly one report file, got %d (usage: osprey convert --format F results.json)",
            argc - optind);
    o->input = argv[optind];
    if (fmt_specs_finish(&o->specs, o->output, err))
        return cli_fail(err);
    o->filter.services = o->services;
    o->filter.n_services = o->n_services;
    if (o->arn) {
        o->filter.arns = &o->arn;
        o->filter.n_arns = 1;
    }
    return -1;
}

static int convert_run(struct osp_ctx *ctx, struct convert_opts *o, struct osp_err *err)
{
    struct res_report *r = NULL;
    if (res_report_load(ctx, o->input, &r, err) || res_apply(ctx, r, o->ignorefile, &o->filter, err)) {
        res_report_free(r);
        return cli_fail(err);
    }
    struct fmt_opts fo = {.ctx = ctx,
                          .now = osp_now(ctx),
                          .service = o->n_services == 1 ? o->services[0] : NULL,
                          .arn = o->arn,
                          .compliance_all = o->report_mode && !strcmp(o->report_mode, "all")};
    int status;
    if (fmt_write_all(&o->specs, r, &fo, err)) {
        status = cli_fail(err);
    } else {
        char *summary = NULL;
        status = res_threshold_eval(&o->thr, r, &summary);
        if (summary)
            fprintf(stderr, "osprey: %s\n", summary);
        free(summary);
    }
    res_report_free(r);
    return status;
}

int cli_convert(struct osp_ctx *ctx, int argc, char **argv)
{
    struct convert_opts o = {0};
    struct osp_err err;
    osp_err_init(&err);
    res_threshold_init(&o.thr);
    int status = convert_parse(ctx, argc, argv, &o, &err);
    if (status < 0)
        status = convert_run(ctx, &o, &err);
    fmt_specs_free(&o.specs);
    return status;
}
