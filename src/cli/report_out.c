/* report_out.c: filters, ignores, outputs and thresholds applied to a finished report. */
#include "cli/report_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/scope.h"
#include "core/log.h"

static enum osp_code init_filter(struct cli_report_out *out, struct osp_err *err)
{
    const struct cli_opts *o = out->opts;
    memset(&out->filter, 0, sizeof(out->filter));
    for (size_t i = 0; i < o->severities.n; i++)
        if (res_filter_parse_severities(o->severities.v[i], &out->filter.severities, err))
            return err->code;
    size_t ns = 0;
    for (size_t i = 0; i < o->services.n && ns < CLI_MAX_LIST; i++) {
        out->service_list[ns++] = o->services.v[i];
        const char *other = cli_scope_companion(o->services.v[i]); /* wafv2 <-> wafv2cloudfront */
        if (other && ns < CLI_MAX_LIST)
            out->service_list[ns++] = other;
    }
    out->filter.services = ns ? out->service_list : NULL;
    out->filter.n_services = ns;
    out->filter.arns = o->arn ? &o->arn : NULL;
    out->filter.n_arns = o->arn ? 1 : 0;
    out->filter.include_non_failures = o->include_non_failures;
    return OSP_OK;
}

static enum osp_code init_threshold(struct cli_report_out *out, struct osp_err *err)
{
    const struct cli_opts *o = out->opts;
    res_threshold_init(&out->threshold);
    if (o->fail_on && res_threshold_parse_fail_on(&out->threshold, o->fail_on, err))
        return err->code;
    for (size_t i = 0; i < o->thresholds.n; i++)
        if (res_threshold_parse_max(&out->threshold, o->thresholds.v[i], err))
            return err->code;
    if (o->exit_code_set) {
        char code[16];
        snprintf(code, sizeof(code), "%d", o->exit_code);
        if (res_threshold_parse_exit_code(&out->threshold, code, err))
            return err->code;
    }
    return OSP_OK;
}

enum osp_code cli_report_out_init(struct osp_ctx *ctx, const struct cli_opts *o, struct cli_report_out *out,
                                  struct osp_err *err)
{
    memset(out, 0, sizeof(*out));
    out->ctx = ctx;
    out->opts = o;
    for (size_t i = 0; i < o->formats.n; i++)
        if (fmt_specs_add(&out->specs, o->formats.v[i], err))
            return err->code;
    if (fmt_specs_finish(&out->specs, o->output, err))
        return err->code;
    enum osp_code rc = init_filter(out, err);
    if (!rc)
        rc = init_threshold(out, err);
    if (!rc)
        rc = res_ignore_load(ctx, o->ignorefile, &out->ignore, err);
    if (!rc && o->ignore_policy)
        rc = cli_ignore_policy_load(ctx, o->ignore_policy, &out->ignore_policy, err);
    return rc;
}

/* Machine-readable reports must not depend on whether state came from the cache, so that an
 * offline replay of an artifact is byte-identical to the scan that wrote it; only the table
 * says "from cache". */
static void uncache(struct res_report *r)
{
    for (size_t i = 0; i < r->n_services; i++)
        if (r->services[i].state == RES_SVC_CACHED)
            r->services[i].state = RES_SVC_OK;
}

/* "next:" steps after the table: on the bundled demo, and on an interactive scan with no
 * format, output or threshold chosen (someone trying osprey out, not a pipeline). */
static int wants_next_hint(const struct cli_opts *o)
{
    const char *art = o->cache_artifact ? strrchr(o->cache_artifact, '/') : NULL;
    art = art ? art + 1 : o->cache_artifact;
    if (art && !strcmp(art, "demo-account.osc"))
        return FMT_HINT_DEMO;
    int first_look = isatty(STDOUT_FILENO) && !o->formats.n && !o->output && !o->fail_on && !o->thresholds.n;
    return first_look ? FMT_HINT_INTERACTIVE : FMT_HINT_NONE;
}

static enum osp_code write_outputs(struct cli_report_out *out, struct res_report *r, struct osp_err *err)
{
    const struct cli_opts *o = out->opts;
    struct fmt_opts fo = {
        .ctx = out->ctx,
        .now = osp_now(out->ctx),
        .service = o->services.n == 1 ? o->services.v[0] : NULL,
        .arn = o->arn,
        .compliance_all = o->report && !strcmp(o->report, "all"),
        .checks_only = o->report && !strcmp(o->report, "checks"),
        .next_hint = wants_next_hint(o),
        .sarif_max_results = (size_t)o->sarif_max_results,
        .sarif_category = o->sarif_category,
    };
    struct fmt_specs tables = {0}, machine = {0};
    struct fmt_spec tv[16], mv[16];
    tables.v = tv;
    machine.v = mv;
    for (size_t i = 0; i < out->specs.n && i < 16; i++) {
        if (!strcmp(out->specs.v[i].format, "table"))
            tv[tables.n++] = out->specs.v[i];
        else
            mv[machine.n++] = out->specs.v[i];
    }
    enum osp_code rc = tables.n ? fmt_write_all(&tables, r, &fo, err) : OSP_OK;
    if (out->uncache)
        uncache(r);
    if (!rc && machine.n)
        rc = fmt_write_all(&machine, r, &fo, err);
    return rc;
}

int cli_report_out_finish(struct cli_report_out *out, struct res_report *r)
{
    struct osp_err err;
    osp_err_init(&err);
    /* the order of res_apply(): ignores, then filters, then the deterministic sort */
    if (out->ignore)
        res_ignore_apply(out->ctx, out->ignore, r);
    size_t by_policy = 0;
    if (out->ignore_policy && cli_ignore_policy_apply(out->ignore_policy, r, &by_policy, &err))
        return cli_fail(&err);
    res_filter_apply(r, &out->filter);
    res_report_sort(r);
    for (size_t i = 0; i < out->opts->allow_incomplete.n; i++)
        if (!res_report_accept_gaps(r, out->opts->allow_incomplete.v[i]))
            osp_warn(out->ctx, "--allow-incomplete %s: no such gap in this run", out->opts->allow_incomplete.v[i]);
    /* the verdict first, so that the JSON report carries it (Gate) */
    int status = res_threshold_gate(&out->threshold, r);
    if (write_outputs(out, r, &err))
        return cli_fail(&err);
    if (r->gate.summary)
        cli_errf("%s", r->gate.summary);
    else if (!res_report_complete(r) && !out->opts->quiet)
        fprintf(stderr, "osprey: incomplete run: some services, regions or checks were not evaluated (see the "
                        "report); a gate (--fail-on) would exit %d\n",
                osp_exit_code(OSP_EINCOMPLETE));
    return status;
}

void cli_report_out_cleanup(struct cli_report_out *out)
{
    fmt_specs_free(&out->specs);
    res_ignore_free(out->ignore);
    out->ignore = NULL;
    cli_ignore_policy_free(out->ignore_policy);
    out->ignore_policy = NULL;
}
