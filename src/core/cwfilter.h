/* cwfilter.h: CloudWatch Logs JSON filter patterns, parsed, and a proof that one covers another.
 *
 * A JSON filter pattern is `{ EXPR }` where EXPR combines comparisons with `&&`, `||` and
 * parentheses (any nesting):
 *
 *     $.eventName = CreateRoute             $.errorCode = "*UnauthorizedOperation"
 *     $.eventType != "AwsServiceEvent"      $.userIdentity.invokedBy NOT EXISTS
 *     $.bytes >= 1024                       $.x IS NULL | IS TRUE | IS FALSE
 *     $.eventName = %Create.*%   (regular expression value)
 *
 * Values are quoted ("...", backslash escapes) or bare; `*` in a string value is a wildcard.
 * When one level mixes `&&` and `||` without parentheses the pattern is read both ways
 * (`&&` binding tighter, and left to right), and a proof must hold for both readings.
 *
 * cwf_covers(filter, required) answers 1 only when every event `required` matches is provably
 * matched by `filter`: `required` is put in disjunctive normal form, and for each conjunction the
 * filter must evaluate true from what that conjunction alone guarantees (`$.eventName =
 * CreateRoute` makes `$.eventName = CreateRoute`, `$.eventName = Create*` and `$.eventName !=
 * DeleteRoute` true; it says nothing of `$.eventName = CreateRouteTable` or of any other
 * field). So a filter missing a term, or narrowing it with an extra `&&`, is not a proof.
 * The proof is sound, not complete: 0 means "not proven", never "proven not".
 *
 *     struct cwf_pattern *f, *cis;
 *     if (cwf_parse(text, strlen(text), &f, &err)) ...   // OSP_EPARSE "offset 12: expected ..."
 *     int ok = cwf_covers(f, cis);
 *     cwf_free(f);
 */
#ifndef OSPREY_CORE_CWFILTER_H
#define OSPREY_CORE_CWFILTER_H

#include <stddef.h>

#include "core/err.h"

/* Parser limits: nesting depth and the number of conjunctions a DNF may grow to. */
#define CWF_MAX_DEPTH 256
#define CWF_MAX_DNF 4096
#define CWF_MAX_LEN 65536 /* bytes (CloudWatch itself takes 1024) */

struct cwf_pattern;

/* Parse text (len bytes, need not be NUL-terminated). On error *out is NULL and err holds
 * OSP_EPARSE with the byte offset ("offset 7: expected '=' ..."), OSP_ELIMIT for nesting past
 * CWF_MAX_DEPTH or text longer than CWF_MAX_LEN, or OSP_ENOMEM. Text that is not a JSON pattern (no braces: a term or
 * space-delimited pattern, or empty) is OSP_EPARSE too. */
OSP_MUST_CHECK enum osp_code cwf_parse(const char *text, size_t len, struct cwf_pattern **out, struct osp_err *err);
void cwf_free(struct cwf_pattern *p);

/* 1: every event `required` matches is matched by `filter` (see above); 0: not proven. */
int cwf_covers(const struct cwf_pattern *filter, const struct cwf_pattern *required);

/* The canonical text of a pattern (fully parenthesised, values quoted), malloc'd, or NULL on
 * out of memory: what the parser understood, for messages and tests. Parsing it again gives
 * the same text. `reading` is 0 (`&&` binds tighter) or 1 (left to right). */
char *cwf_format(const struct cwf_pattern *p, int reading);
/* 1 when the pattern mixes `&&` and `||` on one level without parentheses (two readings). */
int cwf_ambiguous(const struct cwf_pattern *p);

#endif
