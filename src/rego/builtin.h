/* builtin.h: how a builtin function plugs into the Rego evaluator.
 *
 * Builtins live in src/rego/builtins/ and use only this header and rego/value.h, never
 * evaluator internals. They are registered in ONE static table returned by
 *
 *     const struct rego_builtin *rego_builtins_table(size_t *n);
 *
 * (defined in src/rego/builtins/; the evaluator looks names up there). Each entry names the
 * builtin as Rego spells it ("count", "strings.replace_n", "plus" for the + operator, "eq"
 * for ==, "neq", "lt", "gt", "lte", "gte", "minus", "mul", "div", "rem", "and" for set &,
 * "or" for set |), its arity and its C function.
 *
 * Calling convention:
 *   - args[0..arity-1] are BORROWED (do not unref them). They are never undefined.
 *   - On REGO_BI_OK the function stores a NEW reference in *out.
 *   - REGO_BI_UNDEF: the call is undefined (e.g. object.get without default never is, but
 *     a failed regex match on bad input may be); *out untouched.
 *   - REGO_BI_ERR: call rego_bi_type_error() or rego_bi_error() first (they return
 *     REGO_BI_ERR, so `return rego_bi_type_error(bc, ...)`). Under --strict-builtin-errors
 *     the error stops the query, as in OPA; otherwise the expression is undefined.
 *
 * Error texts follow OPA, without the builtin name (the evaluator prefixes "<name>: "):
 *     return rego_bi_type_error(bc, "operand 1 must be string but got %s", rv_kind_name(...));
 *   -> code eval_type_error, message "upper: operand 1 must be string but got number"
 *     return rego_bi_error(bc, "invalid regular expression: %s", why);
 *   -> code eval_builtin_error, message "regex.match: invalid regular expression: ..."
 */
#ifndef OSPREY_REGO_BUILTIN_H
#define OSPREY_REGO_BUILTIN_H

#include <stddef.h>
#include <stdint.h>

#include "core/ctx.h"
#include "core/err.h"
#include "rego/value.h"

struct rego_bctx; /* per-call context, owned by the evaluator */

enum rego_bi_status { REGO_BI_OK = 0, REGO_BI_UNDEF, REGO_BI_ERR };

typedef enum rego_bi_status (*rego_bi_fn)(struct rego_bctx *bc, const rv *args, rv *out);

/* flags */
#define REGO_BI_NONDET 0x1u /* result may differ between calls (rand, time.now_ns, uuid.rfc4122) */

struct rego_builtin {
    const char *name; /* "strings.replace_n" */
    int arity;        /* number of operands (the result is not counted) */
    rego_bi_fn fn;
    unsigned flags;
};

/* Defined by src/rego/builtins/: the whole table, *n entries. */
const struct rego_builtin *rego_builtins_table(size_t *n);

/* Errors (return REGO_BI_ERR). Message is printf-style, without the builtin name. */
enum rego_bi_status rego_bi_type_error(struct rego_bctx *bc, const char *fmt, ...) OSP_PRINTF(2, 3);
enum rego_bi_status rego_bi_error(struct rego_bctx *bc, const char *fmt, ...) OSP_PRINTF(2, 3);

/* Context available to builtins. */
struct osp_ctx *rego_bctx_osp(struct rego_bctx *bc); /* borrowed; for logging, rng */
const char *rego_bctx_name(struct rego_bctx *bc);    /* the builtin's name */
int64_t rego_bctx_now_ns(struct rego_bctx *bc);      /* fixed for the whole query (OPA) */
/* Per-query cache, e.g. for rand.intn and uuid.rfc4122 which must return the same value for
 * the same arguments within one query. get borrows (undefined if absent); put takes key, val. */
rv rego_bctx_cache_get(struct rego_bctx *bc, rv key);
void rego_bctx_cache_put(struct rego_bctx *bc, rv key, rv val);
/* The query's budgets (rego.h): charge steps for a builtin's own work (regex backtracking) and
 * see what is left. A charge past the step budget, the memory cap or the deadline returns
 * REGO_BI_ERR with eval_cancel_error, which ends the query even without strict builtin errors. */
enum rego_bi_status rego_bctx_charge(struct rego_bctx *bc, unsigned long steps);
unsigned long rego_bctx_steps_left(struct rego_bctx *bc);
/* Environment for opa.runtime()-like builtins: borrowed, may be NULL. */
const char *rego_bctx_getenv(struct rego_bctx *bc, const char *name);

#endif
