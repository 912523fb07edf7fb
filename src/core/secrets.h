/* secrets.h: the secret patterns osprey knows, and the redactor that keeps them out of state.
 *
 * One table of rules (description + PCRE2 pattern) serves both sides: collectors store
 * secret-bearing free text (EC2 user data, launch template user data) through
 * osp_secret_redact(), which replaces every matched span by a marker
 *     [osprey-redacted:<rule description>]
 * and environment-variable values through osp_secret_redact_value() (always a marker:
 * "[osprey-redacted]", or the rule's marker when a pattern matched). The checks' secret scanner
 * (squealer.scan_string, src/scan/trivy_builtins.c) asks osp_secret_find(), which reports a rule
 * for its pattern or for its marker, so a redacted state is judged as the clear text would be:
 * live, from the cache and from an artifact. A marker naming no known rule counts for nothing.
 *
 * Patterns are compiled once (thread-safe); every function may run on any thread.
 * Returned strings are the caller's to free.
 */
#ifndef OSPREY_CORE_SECRETS_H
#define OSPREY_CORE_SECRETS_H

#include <stddef.h>

#define OSP_SECRET_MARKER "[osprey-redacted]"     /* a value redacted without a matching rule */
#define OSP_SECRET_MARKER_RULE "[osprey-redacted:" /* ... followed by the description and ']' */

size_t osp_secret_rule_count(void);
const char *osp_secret_rule_name(size_t i); /* its description ("AWS Access Key ID"); NULL past the end */

/* The first rule (table order) whose pattern matches s[0..len) or whose marker s contains:
 * 1 and *description set (static text), 0 when none, -1 when the pattern engine failed. */
int osp_secret_find(const char *s, size_t len, const char **description);

/* s[0..len) with each span any rule matches replaced by its marker (leftmost match first, then
 * on after it). New NUL-terminated string; *found (may be NULL) counts the spans. NULL on out
 * of memory or a pattern engine failure: the caller then stores nothing. */
char *osp_secret_redact(const char *s, size_t len, size_t *found);

/* The marker the value of an environment variable `name` is stored as: the marker of the first
 * rule that matches the value, or the assignment NAME="value" (so DB_PASSWORD=hunter2 is a
 * "Password literal"), else OSP_SECRET_MARKER. Never holds any byte of the value. New string;
 * NULL on out of memory. name may be NULL. */
char *osp_secret_redact_value(const char *name, const char *s, size_t len);

#endif
