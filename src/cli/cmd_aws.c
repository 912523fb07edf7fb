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

/* --arn: a check of the ARN's service may read other services too (AVD-AWS-0172 judges a
 * bucket by the CloudTrail trails that log it); collect those as well, so the resource gets
 * every finding a full scan gives it. */
static void add_related_services(const struct scan_catalog *cat, const char **services, size_t *n)
{
    size_t base = *n;
    for (size_t i = 0; i < scan_catalog_count(cat); i++) {
        const struct scan_check *k = scan_catalog_at(cat, i);
        int related = 0;
        for (size_t b = 0; b < base && !related; b++) {
            related = !strcmp(k->service, services[b]);
            for (size_t j = 0; j < k->nservices && !related; j++)
                related = !strcmp(k->services[j], services[b]);
        }
        for (size_t j = 0; related && j < k->nservices && *n < 64; j++) {
            const struct col_service *svc = col_find(k->services[j]);
            int have = !svc;
            for (size_t m = 0; m < *n && !have; m++)
                have = !strcmp(services[m], svc->name);
            if (!have)
                services[(*n)++] = svc->name;
        }
    }
}

/* One row per (service, region); cached state is marked so the table can say so. */
static struct res_service *service_rows(struct cli_session *s, const struct scan_state *st)
{
    struct res_service *rows = calloc(st->n ? st->n : 1, sizeof(*rows));
    for (size_t i = 0; rows && i < st->n; i++) {
        const struct col_result *c = &st->results[i];
        rows[i] = (struct res_service){
            .account = s->scope.account,
            .region = c->region,
            .service = c->service,
            .state = c->status == COL_FAILED    ? RES_SVC_FAILED
                     : c->status == COL_SKIPPED ? RES_SVC_SKIPPED
                     : st->from_cache[i]        ? RES_SVC_CACHED
                                                : RES_SVC_OK,
            .error_code = c->err_code[0] ? c->err_code : NULL,
            .error_message = c->err_message[0] ? c->err_message : NULL,
            .collected_at = c->collected_at,
            .calls = c->calls, /* from the cache: the collecting run's, so a replay reports the same */
        };
    }
    return rows;
}

/* Every region's input document (built from the state directly, shared where equal) -> checks -> report. */
static enum osp_code evaluate(struct cli_session *s, struct scan_catalog *cat, struct scan_state *st,
                              struct res_report *r, struct osp_err *err)
{
    /* the regions asked for, then those read only for the alarm chain (--compliance) */
    struct scan_input in[2 * SCAN_MAX_REGIONS];
    rv docs[2 * SCAN_MAX_REGIONS] = {{0}};
    const char *regions[2 * SCAN_MAX_REGIONS];
    size_t nin = s->scope.nregions + s->scope.nchain;
    for (size_t i = 0; i < nin; i++)
        regions[i] = i < s->scope.nregions ? s->scope.regions[i] : s->scope.chain[i - s->scope.nregions];
    struct res_service *rows = service_rows(s, st);
    /* each service's state located (sub-finding keys and lines) while it is converted, once,
     * shared by every region */
    enum osp_code rc = rows ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory");
    if (!rc)
        rc = scan_build_located_inputs(st->results, st->n, regions, nin, docs, err);
    for (size_t i = 0; i < nin; i++)
        in[i] = (struct scan_input){.region = regions[i], .partial = i >= s->scope.nregions, .doc = docs[i]};
    for (size_t i = 0; !rc && i < nin; i++)
        rc = res_report_add_region(r, in[i].region, err);
    if (!rc)
        rc = res_report_add_account(r, s->scope.account, err);
    if (!rc)
        rc = scan_catalog_set_enabled_regions(cat, (const char *const *)s->scope.enabled, s->scope.nenabled, err);
    if (!rc)
        scan_catalog_set_enabled_recorded(cat, s->scope.enabled_recorded ? s->scope.enabled_at : 0);
    if (!rc)
        rc = scan_evaluate(cat, s->scope.account, s->scope.partition, in, nin, rows, st->n, r, err);
    for (size_t i = 0; !rc && i < st->nmissing; i++) { /* --offline: asked for, nothing stored */
        struct res_gap g = {.kind = RES_GAP_REGION, .account = s->scope.account, .region = st->missing_regions[i],
                            .code = "not-stored",
                            .message = "--offline: the cache and artifact hold no state for this region"};
        rc = res_report_add_gap(r, &g, err);
    }
    for (size_t i = 0; i < nin; i++)
        rv_unref(docs[i]);
    free(rows);
    return rc;
}

int cli_aws(struct osp_ctx *ctx, int argc, char **argv)
{
    struct cli_opts o;
    struct osp_err err;
    osp_err_init(&err);
    if (cli_opts_parse(ctx, CLI_CMD_AWS, argc, argv, &o, &err))
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
    struct scan_state st;
    memset(&s, 0, sizeof(s));
    memset(&st, 0, sizeof(st));
    enum osp_code rc = cli_report_out_init(ctx, &o, &out, &err); /* formats, filters, thresholds: fail fast */
    out.uncache = 1;
    if (!rc)
        rc = cli_scope_services(&o, services, &nservices, &err);
    if (!rc)
        rc = load_catalog(ctx, &o, &cat, &err); /* a broken custom check stops us before any AWS call */
    if (!rc && o.arn)
        add_related_services(cat, services, &nservices);
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
    scan_state_cleanup(&st);
    cli_session_close(&s);
    scan_catalog_free(cat);
    cli_report_out_cleanup(&out);
    return status;
}
