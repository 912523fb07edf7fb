/* metadata.h: parse a `# METADATA` comment block into OPA's annotation object.
 *
 * The parser (rego/parse.c) collects the comment lines that follow `# METADATA` and hands
 * their text here, either with the comment markers already stripped or as the raw lines
 * ("# title: x"); a leading '#' and one space are removed from every line when all lines
 * start with '#'. The YAML is read with libyaml (rego/builtins/bi_yaml.c) and checked the way
 * OPA checks annotations; the result is an rv object holding only the fields present:
 *
 *   scope              "rule" | "document" | "package" | "subpackages" (default_scope if absent)
 *   title, description strings
 *   entrypoint         boolean
 *   organizations      array of strings
 *   authors            array of {"name", "email"} ("Jane <j@x.io>" strings are split)
 *   related_resources  array of {"ref", "description"} (bare URL strings become {"ref"})
 *   schemas            array of {"path": [terms], "schema": [terms]} or {"path", "definition"}
 *   custom             object (any YAML mapping)
 *
 * Ownership: *out is a new reference the caller releases with rv_unref. On failure nothing is
 * stored in *out, *line (if not NULL) gets the 1-based line inside the block, and err holds
 * one line: "yaml: line 3: mapping values are not allowed in this context" or
 * "line 2: invalid annotation scope 'everything'".
 *
 *   rv ann; int line;
 *   if (rego_metadata_parse(text, len, "rule", &ann, &line, err)) ... report file:(start+line) ...
 */
#ifndef OSPREY_REGO_METADATA_H
#define OSPREY_REGO_METADATA_H

#include <stddef.h>

#include "core/err.h"
#include "rego/value.h"

/* Parse one METADATA block. default_scope may be NULL (no scope filled in). Errors return
 * OSP_EPOLICY. */
OSP_MUST_CHECK enum osp_code rego_metadata_parse(const char *text, size_t len, const char *default_scope, rv *out,
                                                 int *line, struct osp_err *err);

#endif
