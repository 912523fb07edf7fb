/* report.h: the JSON report (schema formats/osprey-report.schema.json): write, read, load.
 *
 * The JSON report carries everything the other formats need (rule texts, references, service
 * states, compliance), so a saved report re-renders byte for byte (`osprey convert`). Keys come
 * in a fixed order, empty optional fields are left out, and reading then writing a report gives
 * the same bytes.
 *
 *   char *text = NULL;
 *   if (res_report_to_json(r, &text, err)) ...;  // caller frees text
 *   struct res_report *back = NULL;
 *   if (res_report_load(ctx, "results.json", &back, err)) ...;  // caller frees with res_report_free
 */
#ifndef OSPREY_RESULTS_REPORT_H
#define OSPREY_RESULTS_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "core/ctx.h"
#include "results/result.h"

/* Largest report file read (bytes). */
#define RES_REPORT_MAX_BYTES ((size_t)512 << 20)

/* Serialise r (indented, newline-terminated) into a new string (*out, caller frees). */
OSP_MUST_CHECK enum osp_code res_report_to_json(const struct res_report *r, char **out, struct osp_err *err);
/* The same bytes written to out as they are made (one finding's tree at a time, never the whole
 * report in memory); OSP_EIO when out refuses them. */
OSP_MUST_CHECK enum osp_code res_report_write_json(const struct res_report *r, FILE *out, struct osp_err *err);
/* Parse a report from text; name is used in messages ("results.json"). Fails with OSP_EPARSE
 * naming the bad field, or OSP_EUSAGE for an unsupported SchemaVersion. *out is the caller's. */
OSP_MUST_CHECK enum osp_code res_report_from_json(const char *text, size_t len, const char *name,
                                                  struct res_report **out, struct osp_err *err);
/* Read and parse a report file ("-" is stdin). */
OSP_MUST_CHECK enum osp_code res_report_load(const struct osp_ctx *ctx, const char *path, struct res_report **out,
                                             struct osp_err *err);

#endif
