/* cmd_aws.c: `osprey aws`: scan an account: state -> checks -> filtered report -> outputs -> exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/deadline.h"
#include "cli/opts.h"
#include "cli/report_out.h"
#include "cli/scope.h"
#include "cli/session.h"
#include "cli/state_source.h"
#include "core/log.h"
#include "formats/format.h"
#include "results/result.h"
#include "scan/scan.h"

static void print_usage(void)
{
    cli_opts_usage(CLI_CMD_AWS, stdout);
    size_t n;
    const struct col_service *s = col_services(&n);
    printf("\nServices (--service / --skip-service):\n");
    for (size_t i = 0; i < n; i++)
        printf("  %-15s %s%s\n", s[i].name, s[i].summary ? s[i].summary : "", s[i].global ? " (global)" : "");
}

static enum osp_code load_catalog(struct osp_ctx *ctx, const struct cli_opts *o, struct scan_catalog **out,
                                  struct osp_err *err)
{
    struct scan_opts so = {
        .config_checks = o->config_checks.v,
        .nconfig_checks = o->config_checks.n,
        .namespaces = o->check_namespaces.v,
        .nnamespaces = o->check_namespaces.n,
        .data_dirs = o->config_data.v,
        .ndata_dirs = o->config_data.n,
        .include_non_failures = o->include_non_failures,
        .compliance = o->compliance,
        .trace = o->trace,
        .no_builtin_lib = o->no_builtin_lib,
    };
    return scan_catalog_load(ctx, &so, out, err);
}

/* One row per (service, region); cached state is marked so the table can say so. */
static struct res_service *service_rows(struct cli_session *s, const struct cli_state *st)
{
    struct res_service *rows = calloc(st->n ? st->n : 1, sizeof(*rows));
    for (size_t i = 0; rows && i < st->n; i++) {
        const struct col_result *c = &st->results[i];
        rows[i] = (struct res_service){
            .account = s->account,
            .region = c->region,
            .service = c->service,
            .state = c->status == COL_FAILED    ? RES_SVC_FAILED
                     : c->status == COL_SKIPPED ? RES_SVC_SKIPPED
                     : st->from_cache[i]        ? RES_SVC_CACHED
                                                : RES_SVC_OK,
            .error_code = c->err_code[0] ? c->err_code : NULL,
            .error_message = c->err_message[0] ? c->err_message : NULL,
            .collected_at = c->collected_at,
        };
    }
    return rows;
}

/* Every region's input document (as JSON text, parsed once by the engine) -> checks -> report. */
static enum osp_code evaluate(struct cli_session *s, struct scan_catalog *cat, const struct cli_state *st,
                              struct res_report *r, struct osp_err *err)
{
    struct scan_input in[CLI_MAX_LIST];
    char *texts[CLI_MAX_LIST] = {0};
    struct res_service *rows = service_rows(s, st);
    enum osp_code rc = rows ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < s->nregions; i++) {
        json_t *doc = col_build_input(st->results, st->n, s->regions[i]);
        texts[i] = doc ? json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
        json_decref(doc);
        if (!texts[i])
            rc = osp_err_set(err, OSP_ENOMEM, "out of memory building the input of %s", s->regions[i]);
        in[i] = (struct scan_input){.region = s->regions[i], .doc = rv_undef(), .json = texts[i],
                                    .json_len = texts[i] ? strlen(texts[i]) : 0};
    }
    for (size_t i = 0; !rc && i < s->nregions; i++)
        rc = res_report_add_region(r, s->regions[i], err);
    if (!rc)
        rc = res_report_add_account(r, s->account, err);
    if (!rc)
        rc = scan_evaluate(cat, s->account, s->partition, in, s->nregions, rows, st->n, r, err);
    for (size_t i = 0; i < s->nregions; i++)
        free(texts[i]);
    free(rows);
    return rc;
}

int cli_aws(struct osp_ctx *ctx, int argc, char **argv)
{
    struct cli_opts o;
    struct osp_err err;
    osp_err_init(&err);
    if (cli_opts_parse(CLI_CMD_AWS, argc, argv, &o, &err))
        return cli_fail(&err);
    if (o.help) {
        print_usage();
        return 0;
    }
    cli_deadline_arm(o.timeout);
    const char *services[64];
    size_t nservices = 0;
    struct cli_report_out out;
    struct scan_catalog *cat = NULL;
    struct res_report *report = NULL;
    struct cli_session s;
    struct cli_state st;
    memset(&s, 0, sizeof(s));
    memset(&st, 0, sizeof(st));
    enum osp_code rc = cli_report_out_init(ctx, &o, &out, &err); /* formats, filters, thresholds: fail fast */
    out.uncache = 1;
    if (!rc)
        rc = cli_scope_services(&o, services, &nservices, &err);
    if (!rc)
        rc = load_catalog(ctx, &o, &cat, &err); /* a broken custom check stops us before any AWS call */
    if (!rc)
        rc = cli_session_open(ctx, &o, &s, &err);
    if (!rc)
        rc = cli_state_load(&s, services, nservices, &st, &err);
    if (!rc && !(report = res_report_new(RES_TOOL_NAME, OSPREY_VERSION)))
        rc = osp_err_set(&err, OSP_ENOMEM, "out of memory");
    if (!rc)
        rc = evaluate(&s, cat, &st, report, &err);
    if (!rc)
        rc = cli_state_save_artifact(&s, &st, &err);
    int status = rc ? cli_fail(&err) : cli_report_out_finish(&out, report);
    res_report_free(report);
    cli_state_cleanup(&st);
    cli_session_close(&s);
    scan_catalog_free(cat);
    cli_report_out_cleanup(&out);
    return status;
}
