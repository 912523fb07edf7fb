/* result.h: the report model every output format reads (findings, scanned services, compliance).
 *
 * Ownership: a struct res_report owns every string and array reachable from it. Builders copy
 * what they are given (the caller keeps its own strings), and after a builder every string
 * field of the model is non-NULL ("" when unknown) and valid UTF-8 (invalid bytes become '?'),
 * so writers never test for NULL and JSON/XML output never fails on bad text.
 * res_report_free() frees everything. Nothing in a report depends on the wall clock: the only
 * times are when state was collected, so the same state gives byte-identical reports.
 *
 *   struct res_report *r = res_report_new("osprey", "0.1.0");
 *   res_report_add_account(r, "123456789012", err);
 *   struct res_finding f = {.check_id = "AVD-AWS-0086", .title = "...", .severity = RES_SEV_HIGH,
 *                           .status = RES_FAIL, .service = "s3", .region = "us-east-1",
 *                           .account = "123456789012", .resource = "arn:aws:s3:::b1", ...};
 *   res_report_add_finding(r, &f, err);          // copies f and its strings
 *   struct res_service s = {.account = ..., .region = ..., .service = "s3", .state = RES_SVC_OK};
 *   res_report_add_service_status(r, &s, err);   // copies
 *   res_report_sort(r);                          // deterministic order; writers expect it
 *   ...; res_report_free(r);
 *
 * Scan errors (a service that failed to collect) are services with state RES_SVC_FAILED; a
 * check that could not run because of one is a finding with status RES_ERROR.
 */
#ifndef OSPREY_RESULTS_RESULT_H
#define OSPREY_RESULTS_RESULT_H

#include <stddef.h>
#include <time.h>

#include "core/err.h"

#define RES_SCHEMA_VERSION 1
#define RES_TOOL_NAME "osprey"

/* Ordered: a larger value is more severe (UNKNOWN is the least). */
enum res_severity { RES_SEV_UNKNOWN = 0, RES_SEV_LOW, RES_SEV_MEDIUM, RES_SEV_HIGH, RES_SEV_CRITICAL };
#define RES_SEV_COUNT 5

enum res_status { RES_FAIL = 0, RES_PASS, RES_IGNORED, RES_ERROR };
enum res_svc_state { RES_SVC_OK = 0, RES_SVC_FAILED, RES_SVC_SKIPPED, RES_SVC_CACHED };
/* RES_CTL_ERROR is shown as "NOT EVALUATED": the scan lacks evidence for part of the control
 * (a region not scanned, a service that failed, data in another account); `reason` says which.
 * RES_CTL_NOT_COVERED ("NOT COVERED"): the spec says no osprey check answers the control (a
 * service osprey does not collect); `reason` says why. */
enum res_ctl_status { RES_CTL_PASS = 0, RES_CTL_FAIL, RES_CTL_MANUAL, RES_CTL_ERROR, RES_CTL_NOT_COVERED };
#define RES_CTL_COUNT 5

/* One framework control a check maps to, e.g. {"cis-aws-1.2", "2.1"}. */
struct res_fw_ref {
    const char *framework;
    const char *id;
};

struct res_finding {
    const char *check_id; /* AVD-AWS-0086 or OSP-AWS-NNNN */
    const char *title;
    const char *description;
    enum res_severity severity;
    enum res_status status;
    const char *service;
    const char *region; /* the region whose input produced it */
    const char *account;
    const char *resource; /* resource ARN ("" when the finding is account-wide) */
    const char *message;
    const char *resolution;  /* recommended action */
    const char **references; /* URLs */
    size_t n_references;
    struct res_fw_ref *frameworks; /* sorted by (framework, id), no duplicates */
    size_t n_frameworks;
    const char *ignore_reason; /* non-empty only when status is RES_IGNORED */
    /* Identity. key tells apart several findings of one check about one resource: the path of
     * the part in the resource's state, array elements named by a hash of their content (a NACL
     * entry "rules[27e5d401]", a security group rule's "ingressrules[3fa8c1d2]"; see
     * scan/locate.h); "" when the finding is about the resource as a whole. line is the 1-based line of the SARIF pseudo-file
     * (distinct per key within a resource; 0: 1). fingerprint is res_finding_fingerprint()'s
     * value, computed by res_report_add_finding when left NULL or "". */
    const char *key;
    unsigned line;
    const char *fingerprint;
};

/* What happened to one service in one region of one account. */
struct res_service {
    const char *account;
    const char *region;
    const char *service;
    enum res_svc_state state;
    const char *error_code;    /* RES_SVC_FAILED: e.g. AccessDenied */
    const char *error_message; /* RES_SVC_FAILED / RES_SVC_SKIPPED: why */
    time_t collected_at;       /* when its state was collected (0: unknown) */
    unsigned long calls;       /* AWS API calls made to collect it, stored with cached state (0: not known) */
    /* provenance of the state: "live" (collected by this run), "cache" (the local cache) or
     * "artifact" (the --cache-artifact, created at artifact_created, its MAC verified with the
     * artifact key or not); NULL or "": unknown (a report from an older osprey) */
    const char *source;
    time_t artifact_created;
    int artifact_authenticated;
};

/* Something a run was asked to look at and could not: a (service, region) that failed to
 * collect, a requested region with no state (offline), a check that failed to evaluate, or
 * (later, from per-resource collection errors) one resource whose details could not be read.
 * A run with any gap that is not accepted (--allow-incomplete) is incomplete. */
/* RES_GAP_ACCOUNT: a whole account was not scanned (its member role could not be assumed, or merge --plan
 * planned it and no shard report has it). */
enum res_gap_kind { RES_GAP_SERVICE = 0, RES_GAP_REGION, RES_GAP_CHECK, RES_GAP_RESOURCE, RES_GAP_ACCOUNT };

struct res_gap {
    enum res_gap_kind kind;
    const char *account;
    const char *region;   /* "global" for global services; "" when not tied to one */
    const char *service;  /* "" for a region gap */
    const char *check_id; /* RES_GAP_CHECK */
    const char *resource; /* RES_GAP_RESOURCE: the ARN */
    const char *code;     /* AccessDenied, not-stored, eval_conflict_error, ... */
    const char *message;
    int accepted; /* matched by --allow-incomplete: listed, but the run still counts as complete */
};

/* What the gate (--fail-on, --threshold, --exit-code) decided; active is 0 without a gate. */
struct res_gate {
    int active;
    int breached;   /* thresholds breached (also under --exit-code 0, which only reports) */
    int incomplete; /* the run was incomplete under the gate */
    int exit_code;  /* the exit status the run ends with */
    char *summary;  /* one line naming what breached and what is missing, or NULL */
};

struct res_control {
    const char *id; /* benchmark numbering, e.g. "1.10" */
    const char *name;
    enum res_severity severity;
    enum res_ctl_status status;
    size_t n_failing; /* failing resources */
    const char **checks;
    size_t n_checks;
    const char *reason;     /* why NOT EVALUATED, MANUAL or NOT COVERED ("" otherwise; NULL taken as "") */
    const char *level;      /* CIS profile level: "1", "2" or "" */
    const char *assessment; /* "Automated", "Manual" or "" */
};

struct res_compliance {
    const char *id; /* aws-cis-1.2 */
    const char *title;
    const char *version;
    const char *coverage; /* what the report covers: regions scanned vs enabled, services failed */
    struct res_control *controls; /* benchmark order, as added */
    size_t n_controls, cap_controls;
};

struct res_report {
    int schema_version; /* RES_SCHEMA_VERSION */
    const char *tool_name;
    const char *tool_version;
    const char *partition; /* aws, aws-cn, aws-us-gov */
    const char **accounts; /* sorted, unique */
    size_t n_accounts;
    const char **regions; /* sorted, unique */
    size_t n_regions;
    time_t collected_at;          /* when the state was collected (latest service), not the wall clock */
    struct res_service *services; /* sorted by account, region, service */
    size_t n_services, cap_services;
    struct res_finding *findings;
    size_t n_findings, cap_findings;
    struct res_compliance *compliance; /* NULL unless a compliance report was asked for */
    struct res_gap *gaps;              /* sorted by kind, account, region, service, check, resource */
    size_t n_gaps, cap_gaps;
    struct res_gate gate; /* filled by res_threshold_gate() before the outputs are written */
};

/* New empty report (NULL on out of memory). tool_name/version are copied (NULL: "osprey", ""). */
struct res_report *res_report_new(const char *tool_name, const char *tool_version);
void res_report_free(struct res_report *r);

OSP_MUST_CHECK enum osp_code res_report_set_partition(struct res_report *r, const char *partition, struct osp_err *err);
/* Add to the sorted, unique account / region lists (copies). */
OSP_MUST_CHECK enum osp_code res_report_add_account(struct res_report *r, const char *account, struct osp_err *err);
OSP_MUST_CHECK enum osp_code res_report_add_region(struct res_report *r, const char *region, struct osp_err *err);
/* Copies f, its strings, references and framework refs. Adds f's account and region to the lists. */
OSP_MUST_CHECK enum osp_code res_report_add_finding(struct res_report *r, const struct res_finding *f,
                                                    struct osp_err *err);
/* Copies s. Raises r->collected_at to s->collected_at when later. Adds account and region. */
OSP_MUST_CHECK enum osp_code res_report_add_service_status(struct res_report *r, const struct res_service *s,
                                                           struct osp_err *err);
/* Copies g unless an equal gap (same kind, account, region, service, check, resource) is
 * listed; then only its accepted flag is raised. A FAILED service status adds its gap itself. */
OSP_MUST_CHECK enum osp_code res_report_add_gap(struct res_report *r, const struct res_gap *g, struct osp_err *err);
/* 1 when every gap is accepted (or there is none). */
int res_report_complete(const struct res_report *r);
/* Accept the gaps that an --allow-incomplete pattern names: "SERVICE", "SERVICE/REGION",
 * "*\/REGION", a check id, or a 12-digit account id (every gap of that account); returns how many gaps it newly accepted. */
size_t res_report_accept_gaps(struct res_report *r, const char *pattern);
/* 0 when pattern has one of those shapes (the service and region are not looked up). */
int res_gap_pattern_valid(const char *pattern);
/* The stable identity of a finding: hex SHA-256 of check id, account, resource ARN (region
 * instead when there is none) and key. Equal on equal state, whatever the region order. */
void res_finding_fingerprint(const struct res_finding *f, char out[65]);
/* Starts the compliance report (replacing any earlier one). Copies the strings. */
OSP_MUST_CHECK enum osp_code res_report_set_compliance(struct res_report *r, const char *id, const char *title,
                                                       const char *version, struct osp_err *err);
/* Sets the compliance report's coverage sentence (copied); call res_report_set_compliance first. */
OSP_MUST_CHECK enum osp_code res_report_set_coverage(struct res_report *r, const char *coverage, struct osp_err *err);
/* Appends a control (copies it); call res_report_set_compliance first. */
OSP_MUST_CHECK enum osp_code res_report_add_control(struct res_report *r, const struct res_control *c,
                                                    struct osp_err *err);

/* Deterministic order: findings by severity desc, check id, region, resource, account, status,
 * line, key, message; services by account, region, service. Compliance controls keep benchmark
 * order. Gaps are kept sorted as they are added. */
void res_report_sort(struct res_report *r);
/* Remove finding i (keeps order). */
void res_report_remove_finding(struct res_report *r, size_t i);

/* Copy every finding, service, account and region of src into dst (compliance not merged).
 * Fails with OSP_EUSAGE when schema versions differ. */
OSP_MUST_CHECK enum osp_code res_report_merge(struct res_report *dst, const struct res_report *src,
                                              struct osp_err *err);

/* Names: "CRITICAL", "FAIL", "ok"/"failed"/"skipped"/"cached", "PASS"/"MANUAL". */
const char *res_severity_name(enum res_severity s);
const char *res_status_name(enum res_status s);
const char *res_svc_state_name(enum res_svc_state s);
const char *res_ctl_status_name(enum res_ctl_status s);
const char *res_gap_kind_name(enum res_gap_kind k); /* "service", "region", "check", "resource", "account" */
int res_gap_kind_parse(const char *name, enum res_gap_kind *out);
/* Case-insensitive parse; return 0 on success, -1 on an unknown name. */
int res_severity_parse(const char *name, enum res_severity *out);
int res_status_parse(const char *name, enum res_status *out);
int res_svc_state_parse(const char *name, enum res_svc_state *out);
int res_ctl_status_parse(const char *name, enum res_ctl_status *out);

/* Counts of findings with status RES_FAIL by severity (index enum res_severity). */
void res_report_count_failures(const struct res_report *r, size_t counts[RES_SEV_COUNT]);

#endif
