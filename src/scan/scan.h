/* scan.h: the evaluation pipeline: checks (built-in + custom) x region inputs -> report.
 *
 * A scan_catalog holds every check osprey will run: the built-in catalog compiled into the
 * binary (checks/, see embed.h), plus custom checks from --config-check files or folders,
 * data documents from --config-data, and the compliance spec asked for. It is loaded once
 * and evaluated against one input document per region ({"aws": {...}}, see
 * src/collect/STATE.md). Only `deny` / `deny_*` rules produce findings, as in Trivy; a rule's
 * results may be result.new(...) objects, strings, or [msg, cause] pairs.
 *
 * Findings carry check id, title, severity, service, region, account, the resource ARN (from
 * the cause's metadata `resource`, else `filepath`), message and the CIS framework ids.
 * Findings with the same (check, resource ARN) from several regions (global services: iam,
 * s3, account, and multi-region trails) are reported once, for the first region in input
 * order. Service failures become RES_SVC_FAILED service statuses in the report, and compliance
 * controls whose checks need a failed service are ERROR.
 *
 * Before evaluation each region's input gets `input.osprey = {"region", "account",
 * "partition"}` (checks use it to judge account-level settings region by region).
 *
 * Ownership: the catalog owns everything it loaded; scan_catalog_free() frees it. Strings in
 * the options are borrowed during scan_catalog_load only. scan_evaluate() borrows the inputs
 * and adds copies to the caller's report.
 *
 *   struct scan_opts o = {.compliance = "aws-cis-1.2"};
 *   struct scan_catalog *cat;
 *   if (scan_catalog_load(ctx, &o, &cat, err)) return cli_fail(err);   // exit 2 on bad Rego
 *   struct scan_input in[] = {{.region = "us-east-1", .doc = doc_us}, {.region = "eu-west-1", .doc = doc_eu}};
 *   rc = scan_evaluate(cat, "123456789012", "aws", in, 2, services, nservices, report, err);
 *   scan_catalog_free(cat);
 */
#ifndef OSPREY_SCAN_SCAN_H
#define OSPREY_SCAN_SCAN_H

#include <stddef.h>
#include <time.h>

#include "core/ctx.h"
#include "core/err.h"
#include "rego/value.h"
#include "results/result.h"

struct scan_opts {
    const char *const *config_checks; /* --config-check FILE|DIR (repeatable) */
    size_t nconfig_checks;
    const char *const *namespaces; /* --check-namespaces: packages evaluated besides builtin.* */
    size_t nnamespaces;
    const char *const *data_dirs; /* --config-data DIR|FILE: JSON/YAML merged under data. */
    size_t ndata_dirs;
    int include_non_failures; /* --include-non-failures: PASS per (check, resource) */
    const char *compliance;   /* "aws-cis-1.2", "aws-cis-1.4", "aws-cis-2.0", "aws-cis-3.0", "@spec.yaml" or NULL */
    int trace;                /* --trace: log each rule evaluation at debug level */
    int no_builtin;           /* run custom checks only (tests) */
    int no_builtin_lib;       /* --no-builtin-lib: load no checks/lib module (see scan_add_builtin_modules) */
    long long max_eval_memory; /* --max-eval-memory: bytes of values one query may hold; 0: the engine's 2 GiB */
};

/* One check as its METADATA describes it. All strings non-NULL ("" when unknown). */
struct scan_check {
    const char *id; /* custom.id, else custom.avd_id, else the package path */
    const char *avd_id;
    const char *title;
    const char *description;
    enum res_severity severity;
    const char *service; /* custom.service, else the first input selector subtype */
    const char *short_code;
    const char *recommended_action;
    const char *impact;                                /* custom.impact: why it matters */
    const char *fix_console, *fix_cli, *fix_terraform; /* custom.remediation.{console,cli,terraform} */
    const char *retired; /* custom.retired: why it can no longer fire on today's AWS ("" when live) */
    const char *package;   /* "builtin.aws.iam.aws0142" */
    const char *path;      /* checks/aws/iam/enforce_root_mfa.rego, or the custom file */
    const char **services; /* every service the check reads (selector subtypes) */
    size_t nservices;
    const char **references; /* related_resources */
    size_t nreferences;
    struct res_fw_ref *frameworks; /* sorted by (framework, id) */
    size_t nframeworks;
    int builtin; /* 1: compiled into osprey */
};

/* A compliance control: checks behind it, or manual. */
struct scan_control {
    const char *id; /* benchmark numbering ("1.10", "2.1.3") */
    const char *name;
    const char *note; /* why it is manual or not covered, when it is */
    enum res_severity severity;
    int manual;
    int not_covered; /* `covered: false`: no osprey check answers it (NOT COVERED, never PASS) */
    const char **checks;
    size_t nchecks;
    const char *level;      /* CIS profile level "1" / "2" ("" when the spec does not say) */
    const char *assessment; /* "Automated" / "Manual" ("" when the spec does not say) */
    int account_scope;      /* `scope: account`: judged whole from any region's data (e.g. the
                             * alarm chain, which follows the trail's log group) */
};

struct scan_spec {
    const char *id, *title, *version, *description;
    struct scan_control *controls; /* benchmark order */
    size_t ncontrols;
};

/* One region's state document. Give doc (borrowed), or json text when doc is undefined. */
struct scan_input {
    const char *region;
    int partial; /* only some services read (e.g. the alarm chain's log group region): evidence
                  * for check gaps there, but not a scanned region for region-scoped controls */
    rv doc;
    const char *json;
    size_t json_len;
};

struct scan_catalog;
struct rego_engine;
struct col_result;

/* The input document of each region ({"aws": {service: state}}) straight from the state: a
 * result's state is r[i].state (jansson, converted directly), or texts[i] when that is NULL
 * (cached JSON, parsed once; texts may be NULL). Global services' state (region "global") goes
 * into every region's document, as col_build_input() does, but is built once and shared, and
 * equal strings and small values are stored once. docs[i] (new, for regions[i]) is the
 * caller's to rv_unref. OSP_ECACHE names a cached text that is not valid JSON. */
OSP_MUST_CHECK enum osp_code scan_build_inputs(const struct col_result *r, const char *const *texts, size_t n,
                                               const char *const *regions, size_t nregions, rv *docs,
                                               struct osp_err *err);
/* The same from r[i].state, every metadata object located as scan_locate_copy() locates it
 * (locate.h) while it is converted: no located jansson copy of the state is made. A result read
 * back from storage (r[i].text set) then drops its parsed state (r[i].state = NULL): the engine
 * values and the stored text are all that is needed after this. */
OSP_MUST_CHECK enum osp_code scan_build_located_inputs(struct col_result *r, size_t n,
                                                       const char *const *regions, size_t nregions, rv *docs,
                                                       struct osp_err *err);

/* Add the built-in helper modules (checks/lib: lib.cloud.*, lib.aws.*, lib.net, lib.datetime,
 * lib.test, lib.osprey*) to an engine before rego_compile, e.g. for `osprey rego test` of custom
 * checks that import them. */
OSP_MUST_CHECK enum osp_code scan_add_builtin_libs(struct rego_engine *e, struct osp_err *err);
struct rego_opts;
/* Engine options with osprey's host builtins (Trivy's result.new, isManaged,
 * squealer.scan_string, cidr.is_public, cidr.count_addresses: trivy_builtins.c) and a wall-clock
 * deadline of SCAN_QUERY_SECONDS per query; the rest zero (the engine's step budget and 2 GiB
 * memory cap). Every engine that may run checks written for Trivy is made with these. */
#define SCAN_QUERY_SECONDS 300.0
void scan_rego_opts_init(struct rego_opts *o);

/* Library replacement (README): add the built-in modules (SCAN_BI_LIB: checks/lib,
 * SCAN_BI_CHECKS: checks/aws) that go with the user's modules already in e. A user module whose
 * package equals a built-in module's package replaces that package; a built-in module importing
 * a replaced package is added only if everything then compiles. SCAN_BI_NO_LIB: no checks/lib
 * module at all (--no-builtin-lib). ro: the engine's options (for the trial compile). */
enum { SCAN_BI_LIB = 1, SCAN_BI_CHECKS = 2, SCAN_BI_NO_LIB = 4 };
OSP_MUST_CHECK enum osp_code scan_add_builtin_modules(struct osp_ctx *ctx, struct rego_engine *e,
                                                      const struct rego_opts *ro, unsigned what, struct osp_err *err);
/* The same choice as flags: sel[i] (scan_embedded_count entries) is 1 for each embedded file to add. */
OSP_MUST_CHECK enum osp_code scan_builtin_select(struct osp_ctx *ctx, struct rego_engine *e, const struct rego_opts *ro,
                                                 unsigned what, unsigned char *sel, struct osp_err *err);

/* Built-ins + custom checks + data + compliance spec, compiled. A syntax or compile error in
 * a check is OSP_EPOLICY with "file:line:col: message" (exit 2); an unknown compliance spec
 * or unreadable --config-check path is OSP_EUSAGE / OSP_ECONFIG. */
OSP_MUST_CHECK enum osp_code scan_catalog_load(struct osp_ctx *ctx, const struct scan_opts *o,
                                               struct scan_catalog **out, struct osp_err *err);
/* The same, reading METADATA only (no Rego engine): for `osprey checks list|show`. */
OSP_MUST_CHECK enum osp_code scan_catalog_load_metadata(struct osp_ctx *ctx, const struct scan_opts *o,
                                                        struct scan_catalog **out, struct osp_err *err);
void scan_catalog_free(struct scan_catalog *c);

/* Checks in id order. */
size_t scan_catalog_count(const struct scan_catalog *c);
const struct scan_check *scan_catalog_at(const struct scan_catalog *c, size_t i);
const struct scan_check *scan_catalog_find(const struct scan_catalog *c, const char *id);
/* The compliance spec loaded (NULL when none was asked for). */
const struct scan_spec *scan_catalog_spec(const struct scan_catalog *c);

/* The regions enabled for the account (copied), so that a compliance report can say which were
 * not scanned; without it (offline, or never called) region-scoped controls are NOT EVALUATED. */
OSP_MUST_CHECK enum osp_code scan_catalog_set_enabled_regions(struct scan_catalog *c, const char *const *regions,
                                                              size_t n, struct osp_err *err);
/* The enabled regions were not learnt from AWS by this run but recorded at `at` (the cache or
 * artifact): the coverage line says so. 0: learnt live. */
void scan_catalog_set_enabled_recorded(struct scan_catalog *c, time_t at);

/* Names of the built-in compliance specs ("aws-cis-1.2", ...), NULL-terminated. */
const char *const *scan_builtin_specs(void);

/* Evaluate every check against every region input, then fill report: the services (copied
 * from services[], which may be NULL), findings (deduplicated), PASS results when asked, and
 * the compliance report when a spec was loaded. account and partition may be NULL. */
OSP_MUST_CHECK enum osp_code scan_evaluate(struct scan_catalog *c, const char *account, const char *partition,
                                           const struct scan_input *inputs, size_t ninputs,
                                           const struct res_service *services, size_t nservices,
                                           struct res_report *report, struct osp_err *err);

#endif
