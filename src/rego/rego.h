/* rego.h: the Rego engine API that scan/ and cli/ use (nothing else in src/rego/ is public
 * except value.h and builtin.h).
 *
 * Lifecycle: rego_engine_new -> rego_add_module / rego_add_data_json (any number) ->
 * rego_compile (once) -> rego_eval / rego_query_rule (many times) -> rego_engine_free.
 * After rego_compile the engine is read-only; each rego_eval builds its own evaluation state,
 * so concurrent evaluations on one compiled engine are safe if the input values passed in
 * are frozen (rv_freeze) and distinct threads do not share an osp_err.
 *
 * Ownership: the engine copies module text and data; `input` is borrowed for the call;
 * results are new references the caller releases with rv_unref. Results may share frozen
 * parts of the engine (data, policy constants): release or copy them before
 * rego_engine_free. Errors fill the caller's osp_err; compile errors carry
 * "file:line:col: code: message" text.
 *
 *   struct rego_engine *e;
 *   struct rego_opts o = {0};
 *   if (rego_engine_new(ctx, &o, &e, err) || rego_add_module(e, "p.rego", src, len, err) ||
 *       rego_compile(e, err)) ...;
 *   rv doc; rego_input_parse(json, jlen, &doc, err); rv_freeze(doc);
 *   rv rs; rego_eval(e, "data.p.deny", doc, &rs, err);   // rs: {"result": [...]} shape
 *   rv_unref(rs); rego_engine_free(e);
 */
#ifndef OSPREY_REGO_REGO_H
#define OSPREY_REGO_REGO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/ctx.h"
#include "core/err.h"
#include "rego/value.h"

struct rego_engine;
struct rego_builtin;

/* A query past its step budget, memory cap or deadline ends with eval_cancel_error (OSP_EEVAL). */
#define REGO_DEFAULT_MEMORY (2LL << 30)

struct rego_opts {
    bool v0_compatible;         /* parse modules with Rego v0 syntax */
    bool strict_builtin_errors; /* a builtin error stops the query (else: undefined) */
    unsigned long max_steps;    /* evaluation step budget per query; 0: 100 million */
    unsigned max_depth;         /* call/rule nesting cap; 0: 250 */
    size_t max_stack;           /* C stack bytes one evaluation may use; 0: 2 MiB */
    long long max_memory;       /* bytes of values one query may hold; 0: 2 GiB (REGO_DEFAULT_MEMORY) */
    double max_seconds;         /* wall-clock deadline of one query; 0: none */
    /* print() output: called once per print call with the formatted line (no newline).
     * NULL: printed lines go to osp_log at INFO level. */
    void (*print_fn)(void *ud, const char *file, int line, const char *text);
    void *print_ud;
    /* Builtins the host adds (rego/builtin.h), e.g. Trivy's result.new from src/scan/: looked up
     * after the engine's own table, so they cannot shadow an OPA builtin. Borrowed: the table
     * must outlive the engine. */
    const struct rego_builtin *host_builtins;
    size_t nhost_builtins;
};

/* Structured error of the last failed compile/eval (OPA's {code, message, location}). */
struct rego_error {
    char code[48]; /* "rego_parse_error", "rego_unsafe_var_error", "eval_conflict_error", ... */
    char message[400];
    char file[160]; /* "" when unknown */
    int line, col;  /* 0 when unknown */
};

OSP_MUST_CHECK enum osp_code rego_engine_new(struct osp_ctx *ctx, const struct rego_opts *opts,
                                             struct rego_engine **out, struct osp_err *err);
void rego_engine_free(struct rego_engine *e);

/* Parse and add a module (copied). Syntax errors: OSP_EPOLICY, err names file:line:col. */
OSP_MUST_CHECK enum osp_code rego_add_module(struct rego_engine *e, const char *filename, const char *text, size_t len,
                                             struct osp_err *err);
/* Merge a JSON document under data (objects merge recursively; a conflict is an error). */
OSP_MUST_CHECK enum osp_code rego_add_data_json(struct rego_engine *e, const char *json, size_t len,
                                                struct osp_err *err);
/* Same with an rv (borrowed; merged copy-on-write). */
OSP_MUST_CHECK enum osp_code rego_add_data(struct rego_engine *e, rv data, struct osp_err *err);
/* Name resolution, safety, rule grouping, call targets. Call once after adding everything. */
OSP_MUST_CHECK enum osp_code rego_compile(struct rego_engine *e, struct osp_err *err);

/* Parse input JSON once for many queries (returns new; rv_freeze it to share across threads). */
OSP_MUST_CHECK enum osp_code rego_input_parse(const char *json, size_t len, rv *out, struct osp_err *err);

/* Evaluate a query like `opa eval`. input may be undefined (rv_undef()). On success *result is
 * the opa eval JSON shape as an rv object: {"result": [{"expressions": [{"value": v, "text":
 * "...", "location": {"row": r, "col": c}}], "bindings": {...}}]} or {} when undefined. */
OSP_MUST_CHECK enum osp_code rego_eval(struct rego_engine *e, const char *query, rv input, rv *result,
                                       struct osp_err *err);
/* The value of one document, e.g. rego_eval_ref(e, "data.aws.s3.deny", input, &v, err):
 * *out is the value (new) or undefined. Faster than rego_eval for the scan pipeline. */
OSP_MUST_CHECK enum osp_code rego_eval_ref(struct rego_engine *e, const char *ref, rv input, rv *out,
                                           struct osp_err *err);
/* The structured form of the last error set by compile/eval on this engine (not thread-safe:
 * for concurrent evaluation use the osp_err text). */
const struct rego_error *rego_last_error(const struct rego_engine *e);

/* ---- module listing for the checks loader ---- */
struct rego_module_info {
    const char *filename;
    const char *package; /* "data.aws.s3.bucket_encryption" form without "data." */
    rv annotations;      /* borrowed: package METADATA as an object (custom.*, title, ...) or undefined */
    const char **rules;  /* distinct rule names (first head segment) in source order */
    size_t nrules;
};
/* Number of modules, and module i's info (pointers live until rego_engine_free). */
size_t rego_module_count(const struct rego_engine *e);
OSP_MUST_CHECK enum osp_code rego_module_info(struct rego_engine *e, size_t i, struct rego_module_info *out,
                                              struct osp_err *err);
/* Module i's source text as added (borrowed). */
OSP_MUST_CHECK enum osp_code rego_module_source(const struct rego_engine *e, size_t i, const char **text, size_t *len,
                                                struct osp_err *err);
/* The data packages module i imports ("lib.aws.iam" for `import data.lib.aws.iam`); input,
 * future and rego.v1 imports are left out. The array lives until rego_engine_free. */
OSP_MUST_CHECK enum osp_code rego_module_imports(struct rego_engine *e, size_t i, const char ***out, size_t *n,
                                                 struct osp_err *err);
/* METADATA parsed now (before or after rego_compile), as a new value (undefined when none):
 * rule NULL: module i's package-scoped block; else the block above the first rule named rule
 * ("deny*": the first whose name starts with "deny"). A block that is not valid is OSP_EPOLICY
 * with "file:line: rego_parse_error: ..." text. */
OSP_MUST_CHECK enum osp_code rego_module_annotations(struct rego_engine *e, size_t i, const char *rule, rv *out,
                                                     struct osp_err *err);
/* After rego_compile: the set of input paths module i reads, as arrays of the leading constant
 * keys (at most depth of them): `input.aws.s3.buckets[_].name` gives ["aws", "s3", "buckets"] for
 * depth 3, with import aliases resolved. New value. */
OSP_MUST_CHECK enum osp_code rego_module_input_paths(struct rego_engine *e, size_t i, size_t depth, rv *out,
                                                     struct osp_err *err);
/* One YAML document -> value, the reader the engine uses for METADATA and yaml.unmarshal: go-yaml
 * scalar rules, nesting and alias expansion capped (a "billion laughs" document is an error).
 * Errors: OSP_ECONFIG "name:line: invalid YAML: ...". New value in *out. */
OSP_MUST_CHECK enum osp_code rego_yaml_parse(const char *text, size_t len, const char *name, rv *out,
                                             struct osp_err *err);
/* METADATA of a rule (rule scope) in a package, or undefined. Borrowed. */
rv rego_rule_annotations(struct rego_engine *e, const char *package, const char *rule);

/* Parse a module and return its syntax tree as JSON text (for `osprey rego parse`); caller
 * frees. */
OSP_MUST_CHECK enum osp_code rego_parse_to_json(const char *filename, const char *text, size_t len, bool v0, char **out,
                                                struct osp_err *err);

#endif
