/* bi_gql.h: GraphQL parsing for the graphql.* builtins (folder-private).
 *
 * Documents are parsed into rv values in the JSON shape OPA exposes (gqlparser's AST with
 * null fields dropped). Errors read like gqlparser's, with OPA's location suffix:
 * "Expected Name, found <EOF> in GraphQL string at location 1:2".
 */
#ifndef OSPREY_REGO_BI_GQL_H
#define OSPREY_REGO_BI_GQL_H

#include <stddef.h>

#include "rego/value.h"

/* Parse a query / schema document. 0 and a new value in *out, or -1 with msg. */
int bi_gql_parse_query(const char *src, size_t len, rv *out, char *msg, size_t msglen);
int bi_gql_parse_schema(const char *src, size_t len, rv *out, char *msg, size_t msglen);

/* Query fields carry their "line:col" under this key until bi_gql_strip() removes it. */
#define BI_GQL_POS "__position"

/* Copy of an AST without the position keys (new). */
rv bi_gql_strip(rv ast);

/* Schema checks (types resolve, operation roots exist, no duplicates). 0 or -1 with msg. */
int bi_gql_check_schema(rv schema, char *msg, size_t msglen);
/* Query checks against a checked schema (fields, arguments, fragments, variables). */
int bi_gql_check_query(rv query, rv schema, char *msg, size_t msglen);

#endif
