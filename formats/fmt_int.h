/* fmt_int.h: helpers shared by the writers in formats/ (not for other layers). */
#ifndef OSPREY_FORMATS_FMT_INT_H
#define OSPREY_FORMATS_FMT_INT_H

#include <jansson.h>
#include <stdio.h>

#include "core/buf.h"
#include "results/result.h"

/* JSON builders that record an allocation failure in *bad instead of returning it, so a writer
 * checks once at the end. jset takes v (even on failure). */
void fmt_jset(json_t *obj, const char *key, json_t *v, int *bad);
void fmt_jstr(json_t *obj, const char *key, const char *s, int *bad);
void fmt_jpush(json_t *arr, json_t *v, int *bad);
json_t *fmt_jobj(int *bad);
json_t *fmt_jarr(int *bad);
/* Dump root (indented, keys in insertion order, trailing newline) to out; takes root. */
enum osp_code fmt_jdump(json_t *root, int bad, FILE *out, const char *what, struct osp_err *err);
/* The same without indentation or spaces (SARIF: GitLab and GitHub cap the file size). */
enum osp_code fmt_jdump_compact(json_t *root, int bad, FILE *out, const char *what, struct osp_err *err);

/* The part of an ARN after its fifth ':' ("bucket", "user/alice"); the whole string if it is not
 * an ARN. */
const char *fmt_arn_resource(const char *arn);
/* Append s percent-encoded (RFC 3986 unreserved kept; '/' kept when keep_slash). */
enum osp_code fmt_pct_encode(struct osp_buf *b, const char *s, int keep_slash);
/* What a gap is about, for a sentence: "service kms in us-east-1", "region eu-west-1",
 * "check AVD-AWS-0102 in us-east-1", "resource arn:... in us-east-1". */
void fmt_gap_subject(const struct res_gap *g, char *out, size_t n);
/* Pseudo-path of a finding, aws/<account>/<region>/<service>/<resource part of the ARN>: relative,
 * each segment percent-encoded, empty segments "_", "." and ".." encoded, never empty (SARIF
 * artifact locations, Code Quality paths). Sets *bad on out of memory. */
void fmt_location_path(const struct res_finding *f, struct osp_buf *b, int *bad);
/* Count FAIL findings in r. */
size_t fmt_count_status(const struct res_report *r, enum res_status st);

/* FAIL findings grouped by check (the "overview by check"): most severe first, then most failing
 * resources, then id. A check's resources are its distinct (account, resource ARN) pairs, named
 * by the part after the ARN's fifth ':' (fmt_arn_resource), or by the region when account-wide.
 * Strings are borrowed from the report, which must outlive the groups.
 *
 *   struct fmt_check_groups gs;
 *   if (fmt_group_by_check(r, &gs)) ...;            // -1: out of memory
 *   for (size_t i = 0; i < gs.n; i++) use(gs.v[i].check_id, gs.v[i].n_resources, gs.v[i].resources[0]);
 *   fmt_check_groups_free(&gs);
 */
struct fmt_check_group {
    const char *check_id, *title;
    enum res_severity severity;
    size_t n_resources;     /* distinct failing resources */
    size_t n_findings;      /* FAIL findings (a resource may fail one check more than once) */
    const char **resources; /* n_resources names, in (account, ARN) order */
};
struct fmt_check_groups {
    struct fmt_check_group *v;
    size_t n;
    const char **names; /* storage behind every group's resources */
};
int fmt_group_by_check(const struct res_report *r, struct fmt_check_groups *out);
void fmt_check_groups_free(struct fmt_check_groups *g);

/* A plain grid for the table writer: cells are copied; colours (ANSI codes or NULL) are borrowed
 * static strings. Widths count UTF-8 characters, so colour never disturbs alignment. */
struct fmt_grid {
    size_t ncols, nrows, cap;
    const char *const *headers;
    const int *right; /* per column: 1 = right-aligned */
    char **cells;     /* nrows * ncols */
    const char **colors;
};
void fmt_grid_init(struct fmt_grid *g, size_t ncols, const char *const *headers, const int *right);
/* Append a row of ncols cells (colors may be NULL). Returns 0, or -1 on out of memory. */
int fmt_grid_row(struct fmt_grid *g, const char *const *cells, const char *const *colors);
void fmt_grid_print(const struct fmt_grid *g, FILE *out, int color);
void fmt_grid_free(struct fmt_grid *g);

#endif
