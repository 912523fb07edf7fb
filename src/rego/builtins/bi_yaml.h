/* bi_yaml.h: YAML <-> rv, the one home of libyaml in the Rego engine (used by yaml.* builtins
 * and by rego/metadata.c for METADATA blocks).
 *
 * Scalars resolve as sigs.k8s.io/yaml (go-yaml v2) does when OPA converts YAML to JSON:
 * null/~/empty -> null, true/false/yes/no/on/off -> booleans, integers and floats -> numbers,
 * everything quoted or otherwise -> strings. Mapping keys become strings. Aliases are followed
 * with a node budget so "billion laughs" documents end in an error.
 *
 *   rv v; char msg[256]; int line;
 *   if (bi_yaml_parse(text, len, &v, msg, sizeof msg, &line) != 0) ... msg names the problem ...
 */
#ifndef OSPREY_REGO_BI_YAML_H
#define OSPREY_REGO_BI_YAML_H

#include <stddef.h>

#include "rego/value.h"

/* Parse one YAML document (an empty document gives null). Returns 0 and a new value in *out,
 * or -1 with "yaml: line N: problem" in msg and the 1-based line in *line (if not NULL). */
int bi_yaml_parse(const char *text, size_t len, rv *out, char *msg, size_t msglen, int *line);

/* Same as bi_yaml_parse, and when the document is a mapping, *key_lines (new, may be NULL)
 * maps each top-level key to the 1-based line it appears on, for error messages. */
int bi_yaml_parse_lines(const char *text, size_t len, rv *out, rv *key_lines, char *msg, size_t msglen, int *line);

/* YAML text of v (block style), malloc'd; NULL on failure. */
char *bi_yaml_dump(rv v);

#endif
