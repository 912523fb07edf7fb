/* cmd_merge.c: `osprey merge`: one report from the JSON reports of sharded scans (accounts of an
 * organization, regions), checked against the shard plan, through the same tail as `osprey aws`
 * (report_out.c: filters, ignores, every format, thresholds and the incomplete-run gate). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/plan.h"
#include "cli/report_out.h"
#include "core/log.h"
#include "results/report.h"

/* The shard reports: each argument, or every *.json file (sorted) of an argument that is a
 * directory. The names are owned by the list. */
struct paths {
    char **v;
    size_t n;
};

static void paths_free(struct paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
}

static enum osp_code paths_add(struct paths *p, const char *dir, const char *name, struct osp_err *err)
{
    char **v = realloc(p->v, (p->n + 1) * sizeof(*v));
    size_t len = (dir ? strlen(dir) + 1 : 0) + strlen(name) + 1;
    char *s = v ? malloc(len) : NULL;
    if (v)
        p->v = v;
    if (!s)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    snprintf(s, len, "%s%s%s", dir ? dir : "", dir ? "/" : "", name);
    p->v[p->n++] = s;
    return OSP_OK;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static enum osp_code add_dir(struct paths *p, const char *dir, struct osp_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return osp_err_set(err, OSP_EUSAGE, "cannot read the directory '%s'", dir);
    size_t first = p->n;
    enum osp_code rc = OSP_OK;
    for (struct dirent *e; !rc && (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n > 5 && e->d_name[0] != '.' && !strcmp(e->d_name + n - 5, ".json"))
            rc = paths_add(p, dir, e->d_name, err);
    }
    closedir(d);
    if (!rc)
        qsort(p->v + first, p->n - first, sizeof(*p->v), by_name);
    return rc;
}

static enum osp_code gather(const struct cli_opts *o, struct paths *p, struct osp_err *err)
{
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < o->args.n; i++) {
        struct stat st;
        rc = !stat(o->args.v[i], &st) && S_ISDIR(st.st_mode) ? add_dir(p, o->args.v[i], err)
                                                             : paths_add(p, NULL, o->args.v[i], err);
    }
    return rc;
}

static enum osp_code merge_files(struct osp_ctx *ctx, const struct paths *p, struct res_report **out,
                                 struct osp_err *err)
{
    struct res_report *all = NULL;
    enum osp_code rc = OSP_OK;
    if (!p->n) { /* --plan with no shard report at all: every planned account is a gap */
        all = res_report_new(RES_TOOL_NAME, OSPREY_VERSION);
        rc = all ? res_report_set_partition(all, "aws", err) : osp_err_set(err, OSP_ENOMEM, "out of memory");
    } else if ((rc = res_report_load(ctx, p->v[0], &all, err))) {
        osp_err_prefix(err, "%s: ", p->v[0]);
    }
    for (size_t i = 1; !rc && i < p->n; i++) {
        struct res_report *r = NULL;
        rc = res_report_load(ctx, p->v[i], &r, err);
        if (!rc)
            rc = res_report_merge(all, r, err);
        if (rc)
            osp_err_prefix(err, "%s: ", p->v[i]);
        res_report_free(r);
    }
    if (rc) {
        res_report_free(all);
        return rc;
    }
    *out = all; /* sorted, one finding per fingerprint (res_report_merge) */
    return OSP_OK;
}

static int has_account(const struct res_report *r, const char *account)
{
    for (size_t i = 0; i < r->n_accounts; i++)
        if (!strcmp(r->accounts[i], account))
            return 1;
    return 0;
}

/* Every planned account no shard report covers is a gap; an account the plan does not know is
 * merged, with a warning. */
static enum osp_code check_plan(struct osp_ctx *ctx, const struct cli_plan *plan, struct res_report *r,
                                struct osp_err *err)
{
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < plan->n; i++)
        for (size_t j = 0; !rc && j < plan->shards[i].n; j++) {
            const char *a = plan->shards[i].accounts[j];
            if (has_account(r, a))
                continue;
            char msg[160];
            snprintf(msg, sizeof(msg), "planned in shard %zu, but no shard report covers this account", i + 1);
            struct res_gap g = {.kind = RES_GAP_ACCOUNT, .account = a, .code = "no-shard-report", .message = msg};
            rc = res_report_add_gap(r, &g, err);
            if (!rc)
                rc = res_report_add_account(r, a, err);
        }
    for (size_t i = 0; !rc && i < r->n_accounts; i++)
        if (!cli_plan_shard_of(plan, r->accounts[i]))
            osp_warn(ctx, "account %s is in a shard report but not in the plan", r->accounts[i]);
    return rc;
}

/* The per-account summary on stderr: failing findings by severity and what was not evaluated. */
static void account_table(const struct res_report *r, FILE *f)
{
    fprintf(f, "%-14s %-10s %8s %8s %8s %8s %8s %6s\n", "ACCOUNT", "STATUS", "FINDINGS", "CRITICAL", "HIGH", "MEDIUM",
            "LOW", "GAPS");
    size_t total[RES_SEV_COUNT] = {0}, tf = 0, tg = 0;
    for (size_t i = 0; i < r->n_accounts; i++) {
        const char *a = r->accounts[i];
        size_t c[RES_SEV_COUNT] = {0}, nf = 0, gaps = 0;
        int missing = 0;
        for (size_t k = 0; k < r->n_findings; k++)
            if (r->findings[k].status == RES_FAIL && !strcmp(r->findings[k].account, a))
                c[r->findings[k].severity]++, nf++;
        for (size_t k = 0; k < r->n_gaps; k++)
            if (!strcmp(r->gaps[k].account, a)) { /* an accepted gap is not counted, but still not scanned */
                gaps += !r->gaps[k].accepted;
                missing |= r->gaps[k].kind == RES_GAP_ACCOUNT;
            }
        fprintf(f, "%-14s %-10s %8zu %8zu %8zu %8zu %8zu %6zu\n", a,
                missing ? "NOT SCANNED"
                : gaps  ? "incomplete"
                        : "complete",
                nf, c[RES_SEV_CRITICAL], c[RES_SEV_HIGH], c[RES_SEV_MEDIUM], c[RES_SEV_LOW], gaps);
        for (size_t s = 0; s < RES_SEV_COUNT; s++)
            total[s] += c[s];
        tf += nf;
        tg += gaps;
    }
    fprintf(f, "%-14s %-10s %8zu %8zu %8zu %8zu %8zu %6zu\n", "TOTAL",
            res_report_complete(r) ? "complete" : "incomplete", tf, total[RES_SEV_CRITICAL], total[RES_SEV_HIGH],
            total[RES_SEV_MEDIUM], total[RES_SEV_LOW], tg);
}

int cli_merge(struct osp_ctx *ctx, int argc, char **argv)
{
    struct cli_opts o;
    struct osp_err err;
    osp_err_init(&err);
    if (cli_opts_parse(ctx, CLI_CMD_MERGE, argc, argv, &o, &err))
        return cli_fail(&err);
    if (o.help) {
        cli_opts_usage(CLI_CMD_MERGE, stdout);
        return 0;
    }
    if (!o.args.n && !o.plan)
        return cli_usage_error("merge needs at least one report (usage: osprey merge [--plan PLAN] a.json b.json "
                               "-o all.json)");
    ctx->quiet = o.quiet || o.no_progress;
    ctx->log_level = o.debug ? OSP_LOG_DEBUG : o.quiet ? OSP_LOG_ERROR : OSP_LOG_WARN;
    if (!o.formats.n) /* merge writes the JSON report unless told otherwise */
        o.formats.v[o.formats.n++] = "json";
    o.include_non_failures = 1; /* the shards decided what their reports hold: merging drops nothing */
    struct cli_report_out out;
    struct cli_plan plan = {0};
    struct paths paths = {0};
    struct res_report *r = NULL;
    enum osp_code rc = cli_report_out_init(ctx, &o, &out, &err);
    if (!rc && o.plan)
        rc = cli_plan_read(o.plan, &plan, &err);
    if (!rc)
        rc = gather(&o, &paths, &err);
    if (!rc && !paths.n && !o.plan)
        rc = osp_err_set(&err, OSP_EUSAGE, "no shard report (*.json) found in the directories given");
    if (!rc)
        rc = merge_files(ctx, &paths, &r, &err);
    if (!rc && o.plan)
        rc = check_plan(ctx, &plan, r, &err);
    int status = rc ? cli_fail(&err) : cli_report_out_finish(&out, r);
    if (!rc && !o.quiet) /* after --allow-incomplete and the ignores */
        account_table(r, stderr);
    res_report_free(r);
    paths_free(&paths);
    cli_plan_free(&plan);
    cli_report_out_cleanup(&out);
    return status;
}
