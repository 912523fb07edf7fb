/* plan.h: the shard plan of an organization scan (`osprey org plan` writes it, `osprey merge
 * --plan` reads it): which accounts each CI job scans, and the member role assumed in each.
 *
 * A plan is a list of shards, numbered from 1, each a list of 12-digit account ids; an account is
 * in exactly one shard. Written as:
 *   lines   one shard per line, its accounts comma-separated; '#' lines are comments (the first
 *           names the member role) -- a Kubernetes Indexed Job reads line JOB_COMPLETION_INDEX+1
 *   github  one line of matrix JSON: {"include":[{"shard":"1","accounts":"1111...,2222...","role":"..."}]}
 *           for `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}` (at most 256 jobs)
 *   gitlab  a child pipeline: the included template's `.osprey-org-scan` job extended with
 *           `parallel:matrix` of OSPREY_SHARD / OSPREY_ACCOUNTS (at most 200 jobs)
 * cli_plan_read() takes the lines or the github form.
 *
 * Ownership: struct cli_plan owns its shards and strings; cli_plan_free() frees them.
 */
#ifndef OSPREY_CLI_PLAN_H
#define OSPREY_CLI_PLAN_H

#include <stddef.h>
#include <stdio.h>

#include "core/ctx.h"
#include "core/err.h"

#define CLI_PLAN_GITHUB_MAX 256 /* jobs in one GitHub Actions matrix */
#define CLI_PLAN_GITLAB_MAX 200 /* jobs in one GitLab parallel:matrix */

struct cli_shard {
    char (*accounts)[13];
    size_t n;
};

struct cli_plan {
    struct cli_shard *shards;
    size_t n;
    size_t n_accounts;
    char role[600]; /* --member-role-name ("" when the plan file does not say) */
};

/* Cut the sorted accounts into shards of at most shard_size (>= 1), in order. */
OSP_MUST_CHECK enum osp_code cli_plan_make(const char (*accounts)[13], size_t n, size_t shard_size, const char *role,
                                           struct cli_plan *out, struct osp_err *err);
/* OSP_EUSAGE when the plan has more shards than the CI system of format allows (naming the
 * --shard-size that fits), or format is unknown. */
OSP_MUST_CHECK enum osp_code cli_plan_fits(const struct cli_plan *p, const char *format, struct osp_err *err);
/* Write the plan in format "lines", "github" or "gitlab" (gitlab_include: the template the child
 * pipeline includes). OSP_EUSAGE when the plan has more shards than the CI system allows. */
OSP_MUST_CHECK enum osp_code cli_plan_write(const struct cli_plan *p, const char *format, const char *gitlab_include,
                                            FILE *out, struct osp_err *err);
/* Read a plan written as lines or github. OSP_EUSAGE naming file:line for a malformed plan, an
 * account that is not 12 digits, or an account listed twice. */
OSP_MUST_CHECK enum osp_code cli_plan_read(const char *path, struct cli_plan *out, struct osp_err *err);
/* The 1-based shard holding account, or 0. */
size_t cli_plan_shard_of(const struct cli_plan *p, const char *account);
void cli_plan_free(struct cli_plan *p);

#endif
