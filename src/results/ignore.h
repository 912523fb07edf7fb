/* ignore.h: the ignore file (--ignorefile, default .ospreyignore, falling back to .trivyignore).
 *
 * Syntax, one entry a line (a .trivyignore is valid as is):
 *   # comment lines; a comment block right above an entry is its reason
 *   AVD-AWS-0086                                     ignore this check everywhere
 *   AVD-AWS-0086 arn:aws:s3:::logs-* arn:aws:s3:::tmp  only for resources matching an ARN glob
 *   OSP-AWS-0001 exp:2025-06-30  # accepted risk: ticket SEC-12   (trailing comment = reason)
 * `exp:YYYY-MM-DD` keeps the entry in force through that day (UTC); after it the entry warns
 * and stops applying. Globs use fnmatch rules ('*' also crosses '/'). Any other token is an
 * error naming file:line.
 *
 * Ownership: res_ignore_* returns a struct res_ignore the caller frees with res_ignore_free.
 *
 *   struct res_ignore *ig = NULL;
 *   if (res_ignore_load(ctx, path_or_NULL, &ig, err)) ...;   // NULL path: the defaults, if present
 *   size_t n = res_ignore_apply(ctx, ig, report);             // FAIL -> IGNORED with a reason
 *   res_ignore_free(ig);
 */
#ifndef OSPREY_RESULTS_IGNORE_H
#define OSPREY_RESULTS_IGNORE_H

#include <stddef.h>
#include <time.h>

#include "core/ctx.h"
#include "results/result.h"

#define RES_IGNORE_DEFAULT ".ospreyignore"
#define RES_IGNORE_TRIVY ".trivyignore"
#define RES_IGNORE_TRIVY_YAML ".trivyignore.yaml"
#define RES_IGNORE_MAX_BYTES ((size_t)4 << 20)
#define RES_IGNORE_MAX_LINE 4096

struct res_ignore_rule {
    char *id;
    char **globs; /* ARN globs; none = every resource */
    size_t n_globs;
    time_t expires;     /* 0 = never; else the first second the rule no longer applies */
    int expiry_instant; /* expires is Trivy's expired_at itself (YAML), not the day after exp: */
    char *reason;   /* "" when none given */
    char *where;    /* "file:line" */
};

struct res_ignore {
    struct res_ignore_rule *rules;
    size_t n_rules;
};

/* Parse text; name is the file name used in messages. Bad line: OSP_ECONFIG "name:line: ...". */
OSP_MUST_CHECK enum osp_code res_ignore_parse(const char *text, size_t len, const char *name, struct res_ignore **out,
                                              struct osp_err *err);
/* Trivy's YAML ignore file (.trivyignore.yaml): sections vulnerabilities, misconfigurations,
 * secrets, licenses; entries {id, paths, purls, expired_at, statement}. Only misconfigurations
 * apply (id = the check id, with or without "AVD-"; paths = ARN globs; expired_at: the entry stops
 * applying at that instant, a bare date meaning its midnight UTC, as in Trivy; statement = the
 * reason). Unknown sections or fields: OSP_ECONFIG "name:line: ...". */
OSP_MUST_CHECK enum osp_code res_ignore_parse_yaml(const char *text, size_t len, const char *name,
                                                   struct res_ignore **out, struct osp_err *err);
/* Load path (must exist; *.yaml / *.yml are read as Trivy's YAML file), or with path NULL the first
 * of .ospreyignore / .trivyignore / .trivyignore.yaml in the current directory that exists (none:
 * an empty list). */
OSP_MUST_CHECK enum osp_code res_ignore_load(const struct osp_ctx *ctx, const char *path, struct res_ignore **out,
                                             struct osp_err *err);
void res_ignore_free(struct res_ignore *ig);

/* The rule that suppresses f at time now, or NULL. Expired rules never match. */
const struct res_ignore_rule *res_ignore_match(const struct res_ignore *ig, const struct res_finding *f, time_t now);
/* Mark every FAIL finding an unexpired rule covers as IGNORED (reason: the rule's, else
 * "listed in file:line"); warn once through osp_log for each expired rule. Returns how many
 * findings were ignored. now comes from osp_now(ctx). */
size_t res_ignore_apply(const struct osp_ctx *ctx, const struct res_ignore *ig, struct res_report *r);

#endif
