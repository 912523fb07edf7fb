/* catalog_int.h: the scan catalog's private layout, shared by catalog.c and run.c. */
#ifndef OSPREY_SCAN_CATALOG_INT_H
#define OSPREY_SCAN_CATALOG_INT_H

#include "rego/rego.h"
#include "scan/scan_int.h"

/* What the pipeline needs besides the public metadata of a check. */
struct scan_check_run {
    const char **deny_refs; /* "data.<package>.deny", "data.<package>.deny_x" */
    size_t ndeny;
    const char *gap_ref; /* "data.<package>.not_evaluated" when the module has one, else NULL */
    const char *satisfied_ref; /* "data.<package>.satisfied" when the module has one, else NULL */
    const char **collections; /* input.aws.<service>.<collection> names the module mentions; "<ns>.<collection>"
                                 when it reads deeper (scan_collection resolves both) */
    size_t ncollections;
    size_t module;   /* engine module index (SIZE_MAX: none) */
    int global_only; /* reads only global services: the same result in every region */
    const char *text; /* the module's source (pool), for the fields it reads (gaps.c) */
};

struct scan_raw_list;
/* gaps.c: after check `check` ran on input `input` (its records from index `before` on), each
 * resource with a gap in a field the check reads gets one not-evaluated record instead. */
OSP_MUST_CHECK enum osp_code scan_gaps_apply(const struct scan_catalog *c, struct scan_raw_list *raws, size_t check,
                                             size_t input, size_t before, rv doc, struct osp_err *err);
int scan_text_reads_field(const char *text, const char *field);
/* catalog.c: the collection `name` of a service's state svc: svc[name], or for "ns.coll",
 * svc[ns][coll] when svc[ns] is a namespace (an object that is not a resource: Trivy's
 * apigateway.v1 / .v2), else svc[ns]. Borrowed; undefined when absent. */
rv scan_collection(rv svc, const char *name);
int scan_doc_has_gaps(rv doc); /* any resource of the document with a gap (one walk per input) */

struct scan_catalog {
    struct osp_ctx *ctx;
    struct scan_pool pool;
    struct scan_check *checks; /* sorted by id */
    struct scan_check_run *run;
    size_t nchecks, cap;
    struct scan_spec spec;
    int has_spec;
    struct rego_engine *engine; /* NULL when loaded for metadata only */
    int include_non_failures, trace;
    const char **enabled_regions; /* scan_catalog_set_enabled_regions (in pool); NULL: not known */
    size_t nenabled_regions;
    time_t enabled_recorded_at; /* scan_catalog_set_enabled_recorded; 0: learnt live */
};

/* report.c: services, findings (FAIL and PASS records), check errors (gaps) and the compliance
 * report -> report. */
/* present: names of services found in at least one input document (`input.aws.<name>`); a
 * compliance control needing a service absent from every document is ERROR, not PASS. */
struct scan_present {
    char names[64][32];
    size_t n;
};
OSP_MUST_CHECK enum osp_code scan_report_fill(const struct scan_catalog *c, const char *account, const char *partition,
                                              const struct scan_input *inputs, size_t ninputs,
                                              const struct scan_raw_list *raws, const struct scan_raw_list *errors,
                                              const struct scan_present *present, const struct res_service *services,
                                              size_t nservices, const struct scan_gap_list *gaps,
                                              struct res_report *report, struct osp_err *err);

#endif
