/* cmd_merge.c: `osprey merge`: one JSON report from the reports of sharded scans. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "formats/format.h"
#include "results/report.h"

static void merge_usage(FILE *f)
{
    fprintf(f, "Usage: osprey merge [-o all.json] a.json b.json ...\n"
               "Merge JSON reports from sharded scans (other accounts or regions) into one JSON report.\n"
               "Reports must share SchemaVersion and partition; identical findings are kept once.\n\n"
               "  -o, --output PATH   write the merged report here (default: stdout)\n");
}

static const struct option merge_longopts[] = {
    {"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};

static enum osp_code merge_files(struct osp_ctx *ctx, char **paths, int n, struct res_report **out, struct osp_err *err)
{
    struct res_report *all = NULL;
    enum osp_code rc = res_report_load(ctx, paths[0], &all, err);
    for (int i = 1; !rc && i < n; i++) {
        struct res_report *r = NULL;
        rc = res_report_load(ctx, paths[i], &r, err);
        if (!rc && (rc = res_report_merge(all, r, err)))
            osp_err_prefix(err, "%s: ", paths[i]);
        res_report_free(r);
    }
    if (rc) {
        res_report_free(all);
        return rc;
    }
    *out = all;
    return OSP_OK;
}

int cli_merge(struct osp_ctx *ctx, int argc, char **argv)
{
    const char *output = NULL;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:h", merge_longopts, NULL)) != -1) {
        if (c == 'h') {
            merge_usage(stdout);
            return 0;
        }
        if (c == 'o')
            output = optarg;
        else
            return cli_usage_error("%s '%s' for merge (see 'osprey merge --help')",
                                   c == ':' ? "missing value for flag" : "unknown flag", argv[optind - 1]);
    }
    if (argc - optind < 1)
        return cli_usage_error("merge needs at least one report (usage: osprey merge a.json b.json -o all.json)");
    struct osp_err err;
    osp_err_init(&err);
    struct res_report *all = NULL;
    if (merge_files(ctx, argv + optind, argc - optind, &all, &err))
        return cli_fail(&err);
    struct fmt_specs specs = {0};
    struct fmt_opts fo = {.ctx = ctx};
    enum osp_code rc = fmt_specs_add(&specs, "json", &err);
    if (!rc)
        rc = fmt_specs_finish(&specs, output, &err);
    if (!rc)
        rc = fmt_write_all(&specs, all, &fo, &err);
    fmt_specs_free(&specs);
    res_report_free(all);
    return rc ? cli_fail(&err) : 0;
}
