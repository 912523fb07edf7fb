/* bi_gql.c: graphql.* builtins on top of bi_gql_parse.c and bi_gql_check.c. */
#include <stdio.h>
#include <string.h>

#include "rego/builtins/bi_gql.h"
#include "rego/builtins/bi_int.h"

/* A query or schema operand: GraphQL text (parsed) or an AST object (borrowed as is). */
static int doc_operand(rv v, int schema, rv *out, char *msg, size_t msglen)
{
    if (rv_kind(v) == RV_OBJECT) {
        *out = rv_ref(v);
        return 0;
    }
    if (rv_kind(v) != RV_STRING) {
        snprintf(msg, msglen, "must be string or object but got %s", bi_tname(v));
        return -1;
    }
    return schema ? bi_gql_parse_schema(rv_str(v), rv_str_len(v), out, msg, msglen)
                  : bi_gql_parse_query(rv_str(v), rv_str_len(v), out, msg, msglen);
}

BI(gql_parse_query)
{
    BI_WANT(0, RV_STRING);
    char msg[300];
    rv doc;
    if (bi_gql_parse_query(rv_str(a[0]), rv_str_len(a[0]), &doc, msg, sizeof msg) != 0)
        return rego_bi_error(bc, "%s", msg);
    rv clean = bi_gql_strip(doc);
    rv_unref(doc);
    return bi_ok(out, clean);
}

BI(gql_parse_schema)
{
    BI_WANT(0, RV_STRING);
    char msg[300];
    rv doc;
    if (bi_gql_parse_schema(rv_str(a[0]), rv_str_len(a[0]), &doc, msg, sizeof msg) != 0)
        return rego_bi_error(bc, "%s", msg);
    return bi_ok(out, doc);
}

/* Parse and check both documents; 0 with *q and *s (new), or -1 with msg. */
static int load_both(const rv *a, rv *q, rv *s, char *msg, size_t msglen)
{
    *q = *s = rv_undef();
    if (doc_operand(a[1], 1, s, msg, msglen) != 0 || bi_gql_check_schema(*s, msg, msglen) != 0 ||
        doc_operand(a[0], 0, q, msg, msglen) != 0 || bi_gql_check_query(*q, *s, msg, msglen) != 0) {
        rv_unref(*q);
        rv_unref(*s);
        return -1;
    }
    return 0;
}

BI(gql_parse)
{
    char msg[300];
    rv q, s;
    if (load_both(a, &q, &s, msg, sizeof msg) != 0)
        return rego_bi_error(bc, "%s", msg);
    rv r = rv_arr_with_cap(2);
    rv_arr_push(&r, bi_gql_strip(q));
    rv_arr_push(&r, s);
    rv_unref(q);
    return bi_ok(out, r);
}

BI(gql_parse_and_verify)
{
    char msg[300];
    rv q, s;
    rv r = rv_arr_with_cap(3);
    if (load_both(a, &q, &s, msg, sizeof msg) != 0) {
        rv_arr_push(&r, rv_bool(false));
        rv_arr_push(&r, rv_obj_new());
        rv_arr_push(&r, rv_obj_new());
    } else {
        rv_arr_push(&r, rv_bool(true));
        rv_arr_push(&r, bi_gql_strip(q));
        rv_arr_push(&r, s);
        rv_unref(q);
    }
    return bi_ok(out, r);
}

BI(gql_is_valid)
{
    char msg[300];
    rv q, s;
    int ok = load_both(a, &q, &s, msg, sizeof msg) == 0;
    if (ok) {
        rv_unref(q);
        rv_unref(s);
    }
    return bi_ok(out, rv_bool(ok));
}

BI(gql_schema_is_valid)
{
    char msg[300];
    rv s;
    int ok = doc_operand(a[0], 1, &s, msg, sizeof msg) == 0;
    if (ok) {
        ok = bi_gql_check_schema(s, msg, sizeof msg) == 0;
        rv_unref(s);
    }
    return bi_ok(out, rv_bool(ok));
}
