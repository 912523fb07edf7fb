/* scan_int.h: helpers shared inside src/scan/ (not for other layers). */
#ifndef OSPREY_SCAN_SCAN_INT_H
#define OSPREY_SCAN_SCAN_INT_H

#include <stddef.h>

#include "core/ctx.h"
#include "core/err.h"
#include "rego/value.h"
#include "results/result.h"
#include "scan/scan.h"

/* A pool of malloc'd blocks freed together (the catalog's strings and arrays). */
struct scan_pool {
    void **blocks;
    size_t n, cap;
};
void *scan_pool_alloc(struct scan_pool *p, size_t size);          /* zeroed; NULL on ENOMEM */
const char *scan_pool_strdup(struct scan_pool *p, const char *s); /* NULL s -> ""; NULL on ENOMEM */
void scan_pool_free(struct scan_pool *p);

/* meta.c: fill c from module i of e (parsed; compiled or not): its package and METADATA (the
 * package-scoped block, else the one above its first deny rule). *library (if not NULL) is set
 * when METADATA says `custom: {library: true}`. Strings go into pool. */
struct rego_engine;
OSP_MUST_CHECK enum osp_code scan_check_from_engine(struct scan_pool *pool, struct rego_engine *e, size_t i,
                                                    int builtin, struct scan_check *c, int *library,
                                                    struct osp_err *err);
/* The same for one module's text, parsed on its own (v0 syntax allowed unless builtin). */
OSP_MUST_CHECK enum osp_code scan_check_from_module(struct scan_pool *pool, const char *path, const char *text,
                                                    int builtin, struct scan_check *c, struct osp_err *err);
/* Fill c's id, title, severity ... from a legacy __rego_metadata__ object (no-op otherwise). */
OSP_MUST_CHECK enum osp_code scan_check_from_legacy(struct scan_pool *pool, rv legacy, struct scan_check *c);
/* "LOW" / "medium" ... -> severity; RES_SEV_UNKNOWN for anything else. */
enum res_severity scan_severity_from(const char *s);

/* spec.c: a compliance spec (osprey's or Trivy's YAML layout) -> spec (strings in pool). */
OSP_MUST_CHECK enum osp_code scan_spec_parse(struct scan_pool *pool, const char *text, size_t len, const char *name,
                                             struct scan_spec *spec, struct osp_err *err);

/* A raw result of one check on one region's input. */
struct scan_raw {
    size_t check;   /* index into the catalog's checks */
    size_t input;   /* index of the region input that produced it */
    char *resource; /* malloc'd ARN ("" when none) */
    char *message;  /* malloc'd */
    int pass;       /* 1: a PASS record (no deny result for this resource) */
    int global;     /* the check's service is global (iam, s3, account): same in every region */
    int not_evaluated; /* a gap in the resource's state: reported as ERROR with the reason */
    char *key;      /* malloc'd sub-finding key (the cause's fskey), NULL: the whole resource */
    unsigned line;  /* the cause's startline (scan_locate numbering), 0: none */
};
struct scan_raw_list {
    struct scan_raw *v;
    size_t n, cap;
};
OSP_MUST_CHECK enum osp_code scan_raw_add(struct scan_raw_list *l, size_t check, size_t input, const char *resource,
                                          const char *message, int pass, struct osp_err *err);
void scan_raw_cleanup(struct scan_raw_list *l);
/* Set r's key and line from the cause of a deny result (its fskey and startline, which
 * scan_locate_input() gave every metadata object). */
OSP_MUST_CHECK enum osp_code scan_raw_locate(struct scan_raw *r, rv result, struct osp_err *err);
/* results.c: drop later duplicates of (check, resource, key, pass) when resource is non-empty (or,
 * for global checks without a resource, of (check, message)), and PASS records whose
 * (check, resource) also failed somewhere. Keeps first-seen order. */
void scan_raw_dedupe(struct scan_raw_list *l);
/* 1 for services collected once and repeated in every region's document. */
int scan_service_is_global(const char *service);

/* Turn a deny result value into (message, resource ARN); both malloc'd. Accepts
 * result.new objects ({msg, resource, filepath, ...}), strings and [msg, cause] arrays. */
OSP_MUST_CHECK enum osp_code scan_result_decode(rv result, char **msg, char **resource, struct osp_err *err);

/* compliance.c: one control's status from the raw results (already deduplicated). failed_services
 * lists services (e.g. "iam") that failed in some region. */
struct scan_ctl_eval {
    enum res_ctl_status status;
    size_t n_failing;
};
/* 1 when id names check c: its id or avd_id, with or without the "AVD-" prefix. */
int scan_check_id_matches(const struct scan_check *c, const char *id);
struct scan_ctl_eval scan_control_eval(const struct scan_control *ctl, const struct scan_check *checks, size_t nchecks,
                                       const struct scan_raw_list *raws, const char *const *failed_services,
                                       size_t nfailed);

#endif
