/* format.h: report writers (table, json, sarif, junit, codequality, asff, html) behind one vtable, and the
 * `--format FORMAT[=PATH]` / `--output PATH` spec list the CLI commands share.
 *
 * Writers read only results/result.h; they print nothing but the report to `out`, log through
 * o->ctx, and never change the report. Every writer is deterministic: the same report and
 * options give the same bytes (the table's cache ages use o->now, which the CLI sets from
 * osp_now(ctx)).
 *
 *   struct fmt_specs specs = {0};
 *   fmt_specs_add(&specs, "sarif=out.sarif", err);     // once per --format
 *   fmt_specs_finish(&specs, output_or_NULL, err);     // applies --output, defaults to table
 *   struct fmt_opts o = {.ctx = ctx, .now = osp_now(ctx)};
 *   fmt_write_all(&specs, report, &o, err);            // colour decided per destination
 *   fmt_specs_free(&specs);
 */
#ifndef OSPREY_FORMATS_FORMAT_H
#define OSPREY_FORMATS_FORMAT_H

#include <stdio.h>
#include <time.h>

#include "core/ctx.h"
#include "core/err.h"
#include "results/result.h"

#define FMT_SARIF_MAX_RESULTS 25000 /* GitHub code scanning's limit per run */

enum { FMT_HINT_NONE = 0, FMT_HINT_DEMO, FMT_HINT_INTERACTIVE };

struct fmt_opts {
    const struct osp_ctx *ctx; /* for warnings; may be NULL */
    int color;                 /* table: ANSI colours (set by the caller, or by fmt_write_all) */
    time_t now;                /* table: "from cache, 3h old" is now - collected_at; 0 hides ages */
    const char *service;       /* table: the one --service asked for -> per-resource view */
    const char *arn;           /* table: --arn -> every finding of that resource */
    int compliance_all;        /* table: --report all: findings as well as the compliance table */
    size_t sarif_max_results;  /* 0: FMT_SARIF_MAX_RESULTS */
    const char *sarif_category; /* NULL: "osprey/aws/<accounts>/<regions>/"; "account": one run per account;
                                 * "org": one run "osprey/aws/org/"; else the run's category as given */
    int checks_only;           /* table: --report checks: the overview by check without the service summary */
    size_t height;             /* table: terminal rows (fmt_term_size); caps the overview by check. 0: no cap */
    size_t width;              /* table: terminal columns; fits the overview's resource names. 0: unknown */
    int next_hint;             /* table: end with "next:" steps: FMT_HINT_DEMO or FMT_HINT_INTERACTIVE */
};

struct fmt_writer {
    const char *name;
    const char *summary;
    OSP_MUST_CHECK enum osp_code (*write)(const struct res_report *r, const struct fmt_opts *o, FILE *out,
                                          struct osp_err *err);
};

/* The writer called name, or NULL. */
const struct fmt_writer *fmt_find(const char *name);
/* "table, json, sarif, junit" for help and error texts. */
const char *fmt_names(void);
/* Write r in format to out. Unknown format: OSP_EUSAGE. A failed write: OSP_EIO. */
OSP_MUST_CHECK enum osp_code fmt_write(const char *format, const struct res_report *r, const struct fmt_opts *o,
                                       FILE *out, struct osp_err *err);

/* Individual writers (also reachable through fmt_find). */
OSP_MUST_CHECK enum osp_code fmt_table_write(const struct res_report *r, const struct fmt_opts *o, FILE *out,
                                             struct osp_err *err);
OSP_MUST_CHECK enum osp_code fmt_json_write(const struct res_report *r, const struct fmt_opts *o, FILE *out,
                                            struct osp_err *err);
OSP_MUST_CHECK enum osp_code fmt_sarif_write(const struct res_report *r, const struct fmt_opts *o, FILE *out,
                                             struct osp_err *err);
OSP_MUST_CHECK enum osp_code fmt_junit_write(const struct res_report *r, const struct fmt_opts *o, FILE *out,
                                             struct osp_err *err);

OSP_MUST_CHECK enum osp_code fmt_codequality_write(const struct res_report *r, const struct fmt_opts *o, FILE *out,
                                                   struct osp_err *err);
OSP_MUST_CHECK enum osp_code fmt_asff_write(const struct res_report *r, const struct fmt_opts *o, FILE *out,
                                            struct osp_err *err);
OSP_MUST_CHECK enum osp_code fmt_html_write(const struct res_report *r, const struct fmt_opts *o, FILE *out,
                                            struct osp_err *err);

/* --format / --output: a list of (format, path) where path NULL means stdout. Owns its strings. */
struct fmt_spec {
    char *format;
    char *path;
};
struct fmt_specs {
    struct fmt_spec *v;
    size_t n;
};

/* Parse one --format value: "sarif" or "sarif=out/report.sarif". Unknown format or empty path:
 * OSP_EUSAGE naming it. */
OSP_MUST_CHECK enum osp_code fmt_specs_add(struct fmt_specs *s, const char *arg, struct osp_err *err);
/* After all --format flags: with none, the default is table; `output` (--output, may be NULL)
 * becomes the path of the single format given without one (several formats without a path and
 * --output is an error); at most one format may go to stdout. */
OSP_MUST_CHECK enum osp_code fmt_specs_finish(struct fmt_specs *s, const char *output, struct osp_err *err);
void fmt_specs_free(struct fmt_specs *s);
/* 1 when colour suits f: a terminal and NO_COLOR unset or empty. */
int fmt_color_wanted(const struct osp_ctx *ctx, FILE *f);
/* The terminal size the table fits for f: LINES and COLUMNS when set (LINES=0: no cap), else
 * the size of f when it is a terminal, else 0 (unknown: no height cap, a fixed few names). */
void fmt_term_size(const struct osp_ctx *ctx, FILE *f, size_t *height, size_t *width);
/* Write every spec: files are written to PATH.tmp then renamed; stdout gets colour when
 * fmt_color_wanted says so (o->color is ignored here), and the terminal's size (fmt_term_size;
 * files get neither). */
OSP_MUST_CHECK enum osp_code fmt_write_all(const struct fmt_specs *s, const struct res_report *r,
                                           const struct fmt_opts *o, struct osp_err *err);

#endif
