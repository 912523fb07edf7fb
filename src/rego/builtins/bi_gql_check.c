/* bi_gql_check.c: GraphQL schema and query validation: the gqlparser rules policies hit most
 * (types resolve and have the right kinds, roots exist, interfaces are declared transitively,
 * fields, arguments and fragments exist, required arguments are given). */
#include <stdio.h>
#include <string.h>

#include "rego/builtins/bi_gql.h"
#include "rego/builtins/bi_int.h"

#define GQL_CHECK_DEPTH 64

static const char *const scalars[] = {"Int", "Float", "String", "Boolean", "ID"};
static const char *const builtin_directives[] = {"deprecated", "skip", "include", "specifiedBy", "oneOf", "defer"};

static int fail(char *msg, size_t msglen, const char *what, const char *name)
{
    snprintf(msg, msglen, "%s %s", what, name);
    return -1;
}

/* name -> definition object (merged with its extensions). Returns new. */
static int type_map(rv schema, rv *types, char *msg, size_t msglen)
{
    rv m = rv_obj_new();
    for (size_t i = 0; i < sizeof scalars / sizeof scalars[0]; i++) {
        rv d = rv_obj_new();
        rv_obj_set(&d, rv_str_new("Kind"), rv_str_new("SCALAR"));
        rv_obj_set(&m, rv_str_new(scalars[i]), d);
    }
    rv defs = rv_obj_get_s(schema, "Definitions"), exts = rv_obj_get_s(schema, "Extensions");
    for (size_t i = 0; i < rv_len(defs); i++) {
        rv d = rv_arr_at(defs, i), nm = rv_obj_get_s(d, "Name");
        if (!rv_is_undef(rv_obj_get(m, nm))) {
            rv_unref(m);
            return fail(msg, msglen, "Cannot redeclare type", rv_str(nm));
        }
        rv_obj_set(&m, rv_ref(nm), rv_ref(d));
    }
    static const char *const lists[] = {"Fields", "Interfaces", "Types", "EnumValues", "Directives"};
    for (size_t i = 0; i < rv_len(exts); i++) {
        rv e = rv_arr_at(exts, i), nm = rv_obj_get_s(e, "Name");
        rv base = rv_ref(rv_obj_get(m, nm));
        if (rv_is_undef(base))
            base = rv_obj_new(), rv_obj_set(&base, rv_str_new("Kind"), rv_ref(rv_obj_get_s(e, "Kind")));
        if (!rv_equal(rv_obj_get_s(base, "Kind"), rv_obj_get_s(e, "Kind"))) {
            rv_unref(base);
            rv_unref(m);
            return fail(msg, msglen, "Cannot extend type because the base type has another kind:", rv_str(nm));
        }
        for (size_t l = 0; l < 5; l++) {
            rv add = rv_obj_get_s(e, lists[l]);
            if (rv_is_undef(add))
                continue;
            rv cur = rv_obj_get_s(base, lists[l]);
            rv merged = rv_is_undef(cur) ? rv_ref(add) : rv_arr_concat(cur, add);
            rv_obj_set(&base, rv_str_new(lists[l]), merged);
        }
        rv_obj_set(&m, rv_ref(nm), base);
    }
    *types = m;
    return 0;
}

static const char *named(rv type)
{
    while (!rv_is_undef(rv_obj_get_s(type, "Elem")))
        type = rv_obj_get_s(type, "Elem");
    return rv_str(rv_obj_get_s(type, "NamedType"));
}

static const char *kind_of(rv types, const char *name)
{
    rv d = rv_obj_get_s(types, name);
    return rv_is_undef(d) ? NULL : rv_str(rv_obj_get_s(d, "Kind"));
}

static int is_input(const char *k)
{
    return k && (!strcmp(k, "SCALAR") || !strcmp(k, "ENUM") || !strcmp(k, "INPUT_OBJECT"));
}

static int check_directives(rv dirs, rv known, char *msg, size_t msglen)
{
    for (size_t i = 0; i < rv_len(dirs); i++) {
        const char *n = rv_str(rv_obj_get_s(rv_arr_at(dirs, i), "Name"));
        int ok = !rv_is_undef(rv_obj_get_s(known, n));
        for (size_t b = 0; !ok && b < sizeof builtin_directives / sizeof builtin_directives[0]; b++)
            ok = !strcmp(n, builtin_directives[b]);
        if (!ok)
            return fail(msg, msglen, "Undefined directive", n);
    }
    return 0;
}

static int check_input_values(rv args, rv types, rv known_dirs, char *msg, size_t msglen)
{
    for (size_t i = 0; i < rv_len(args); i++) {
        rv a = rv_arr_at(args, i);
        const char *t = named(rv_obj_get_s(a, "Type"));
        if (!kind_of(types, t))
            return fail(msg, msglen, "Undefined type", t);
        if (!is_input(kind_of(types, t)))
            return fail(msg, msglen, "is not an input type:", t);
        if (check_directives(rv_obj_get_s(a, "Directives"), known_dirs, msg, msglen))
            return -1;
    }
    return 0;
}

static int has_name(rv list, rv name)
{
    for (size_t i = 0; i < rv_len(list); i++)
        if (rv_equal(rv_arr_at(list, i), name))
            return 1;
    return 0;
}

static int check_object(rv d, rv types, rv dirs, char *msg, size_t msglen)
{
    rv fields = rv_obj_get_s(d, "Fields"), ifs = rv_obj_get_s(d, "Interfaces");
    for (size_t i = 0; i < rv_len(fields); i++) {
        rv f = rv_arr_at(fields, i);
        const char *t = named(rv_obj_get_s(f, "Type")), *k = kind_of(types, t);
        if (!k)
            return fail(msg, msglen, "Undefined type", t);
        if (!strcmp(k, "INPUT_OBJECT"))
            return fail(msg, msglen, "is not an output type:", t);
        if (check_input_values(rv_obj_get_s(f, "Arguments"), types, dirs, msg, msglen) ||
            check_directives(rv_obj_get_s(f, "Directives"), dirs, msg, msglen))
            return -1;
    }
    for (size_t i = 0; i < rv_len(ifs); i++) {
        rv in = rv_arr_at(ifs, i);
        const char *k = kind_of(types, rv_str(in));
        if (!k)
            return fail(msg, msglen, "Undefined type", rv_str(in));
        if (strcmp(k, "INTERFACE"))
            return fail(msg, msglen, "is not an interface:", rv_str(in));
        rv parents = rv_obj_get_s(rv_obj_get(types, in), "Interfaces");
        for (size_t p = 0; p < rv_len(parents); p++)
            if (!has_name(ifs, rv_arr_at(parents, p)))
                return fail(msg, msglen, "must also implement", rv_str(rv_arr_at(parents, p)));
    }
    return 0;
}

static int check_def(rv d, rv types, rv dirs, char *msg, size_t msglen)
{
    const char *k = rv_str(rv_obj_get_s(d, "Kind"));
    if (check_directives(rv_obj_get_s(d, "Directives"), dirs, msg, msglen))
        return -1;
    if (!strcmp(k, "OBJECT") || !strcmp(k, "INTERFACE"))
        return check_object(d, types, dirs, msg, msglen);
    if (!strcmp(k, "INPUT_OBJECT"))
        return check_input_values(rv_obj_get_s(d, "Fields"), types, dirs, msg, msglen);
    if (!strcmp(k, "UNION")) {
        rv members = rv_obj_get_s(d, "Types");
        for (size_t i = 0; i < rv_len(members); i++) {
            const char *m = rv_str(rv_arr_at(members, i)), *mk = kind_of(types, m);
            if (!mk)
                return fail(msg, msglen, "Undefined type", m);
            if (strcmp(mk, "OBJECT"))
                return fail(msg, msglen, "union member is not an object type:", m);
        }
    }
    return 0;
}

static int check_roots(rv list, rv types, rv dirs, char *msg, size_t msglen)
{
    for (size_t i = 0; i < rv_len(list); i++) {
        rv s = rv_arr_at(list, i), ops = rv_obj_get_s(s, "OperationTypes");
        if (check_directives(rv_obj_get_s(s, "Directives"), dirs, msg, msglen))
            return -1;
        for (size_t o = 0; o < rv_len(ops); o++) {
            const char *t = rv_str(rv_obj_get_s(rv_arr_at(ops, o), "Type")), *k = kind_of(types, t);
            if (!k || strcmp(k, "OBJECT"))
                return fail(msg, msglen, "Undefined type", t);
        }
    }
    return 0;
}

static rv directive_map(rv schema)
{
    rv m = rv_obj_new(), defs = rv_obj_get_s(schema, "Directives");
    for (size_t i = 0; i < rv_len(defs); i++)
        rv_obj_set(&m, rv_ref(rv_obj_get_s(rv_arr_at(defs, i), "Name")), rv_bool(true));
    return m;
}

int bi_gql_check_schema(rv schema, char *msg, size_t msglen)
{
    rv types;
    if (rv_kind(schema) != RV_OBJECT)
        return fail(msg, msglen, "schema is not a document:", bi_tname(schema));
    if (type_map(schema, &types, msg, msglen))
        return -1;
    rv dirs = directive_map(schema);
    int rc = check_roots(rv_obj_get_s(schema, "Schema"), types, dirs, msg, msglen) ||
             check_roots(rv_obj_get_s(schema, "SchemaExtension"), types, dirs, msg, msglen);
    for (size_t i = 0; !rc && i < rv_len(types); i++)
        rc = check_def(rv_obj_val_at(types, i), types, dirs, msg, msglen);
    rv_unref(dirs);
    rv_unref(types);
    return rc ? -1 : 0;
}

/* ---- queries ---- */

struct qctx {
    rv types, frags;
    char *msg;
    size_t msglen;
};

static rv find_field(rv def, const char *name)
{
    rv fields = rv_obj_get_s(def, "Fields");
    for (size_t i = 0; i < rv_len(fields); i++)
        if (!strcmp(rv_str(rv_obj_get_s(rv_arr_at(fields, i), "Name")), name))
            return rv_arr_at(fields, i);
    return rv_undef();
}

/* "[Locale!]!" spelling of a type reference. */
static void type_text(rv t, char *out, size_t n)
{
    rv elem = rv_obj_get_s(t, "Elem");
    if (rv_is_undef(elem)) {
        snprintf(out, n, "%s%s", rv_str(rv_obj_get_s(t, "NamedType")),
                 rv_is_true(rv_obj_get_s(t, "NonNull")) ? "!" : "");
        return;
    }
    char inner[120];
    type_text(elem, inner, sizeof inner);
    snprintf(out, n, "[%s]%s", inner, rv_is_true(rv_obj_get_s(t, "NonNull")) ? "!" : "");
}

static int check_args(struct qctx *q, rv fdef, rv field)
{
    rv defs = rv_obj_get_s(fdef, "Arguments"), given = rv_obj_get_s(field, "Arguments");
    for (size_t i = 0; i < rv_len(given); i++) {
        rv n = rv_obj_get_s(rv_arr_at(given, i), "Name");
        size_t k = 0;
        while (k < rv_len(defs) && !rv_equal(rv_obj_get_s(rv_arr_at(defs, k), "Name"), n))
            k++;
        if (k == rv_len(defs))
            return fail(q->msg, q->msglen, "Unknown argument", rv_str(n));
    }
    for (size_t k = 0; k < rv_len(defs); k++) {
        rv d = rv_arr_at(defs, k);
        if (!rv_is_true(rv_obj_get_s(rv_obj_get_s(d, "Type"), "NonNull")) ||
            !rv_is_undef(rv_obj_get_s(d, "DefaultValue")))
            continue;
        size_t i = 0;
        while (i < rv_len(given) && !rv_equal(rv_obj_get_s(rv_arr_at(given, i), "Name"), rv_obj_get_s(d, "Name")))
            i++;
        if (i == rv_len(given)) {
            char type[128];
            int64_t line = 0, col = 0;
            rv pos = rv_obj_get_s(field, BI_GQL_POS);
            rv_num_to_int64(rv_arr_at(pos, 0), &line);
            rv_num_to_int64(rv_arr_at(pos, 1), &col);
            type_text(rv_obj_get_s(d, "Type"), type, sizeof type);
            snprintf(q->msg, q->msglen,
                     "Field \"%s\" argument \"%s\" of type \"%s\" is required, but it was not "
                     "provided in GraphQL string at location %lld:%lld",
                     rv_str(rv_obj_get_s(field, "Name")), rv_str(rv_obj_get_s(d, "Name")), type, (long long)line,
                     (long long)col);
            return -1;
        }
    }
    return 0;
}

static int check_selections(struct qctx *q, rv sel, const char *type, int depth)
{
    rv def = rv_obj_get_s(q->types, type);
    if (rv_is_undef(def))
        return fail(q->msg, q->msglen, "Undefined type", type);
    if (depth > GQL_CHECK_DEPTH)
        return fail(q->msg, q->msglen, "selection nested too deeply in", type);
    for (size_t i = 0; i < rv_len(sel); i++) {
        rv s = rv_arr_at(sel, i), nm = rv_obj_get_s(s, "Name"), tc = rv_obj_get_s(s, "TypeCondition");
        if (!rv_is_undef(tc)) { /* inline fragment */
            const char *t = rv_str_len(tc) ? rv_str(tc) : type;
            if (check_selections(q, rv_obj_get_s(s, "SelectionSet"), t, depth + 1))
                return -1;
        } else if (rv_is_undef(rv_obj_get_s(s, "Alias"))) { /* fragment spread */
            rv f = rv_obj_get(q->frags, nm);
            if (rv_is_undef(f))
                return fail(q->msg, q->msglen, "Unknown fragment", rv_str(nm));
        } else if (strcmp(rv_str(nm), "__typename") != 0) {
            const char *k = rv_str(rv_obj_get_s(def, "Kind"));
            rv fdef = (!strcmp(k, "OBJECT") || !strcmp(k, "INTERFACE")) ? find_field(def, rv_str(nm)) : rv_undef();
            if (rv_is_undef(fdef))
                return fail(q->msg, q->msglen, "Cannot query field", rv_str(nm));
            if (check_args(q, fdef, s))
                return -1;
            rv sub = rv_obj_get_s(s, "SelectionSet");
            if (!rv_is_undef(sub) && check_selections(q, sub, named(rv_obj_get_s(fdef, "Type")), depth + 1))
                return -1;
        }
    }
    return 0;
}

/* The root type of an operation: the schema definition's, else Query/Mutation/Subscription. */
static const char *root_type(rv schema, rv types, const char *op)
{
    static const char *const defaults[][2] = {
        {"query", "Query"}, {"mutation", "Mutation"}, {"subscription", "Subscription"}};
    rv lists[2] = {rv_obj_get_s(schema, "Schema"), rv_obj_get_s(schema, "SchemaExtension")};
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < rv_len(lists[l]); i++) {
            rv ops = rv_obj_get_s(rv_arr_at(lists[l], i), "OperationTypes");
            for (size_t o = 0; o < rv_len(ops); o++)
                if (!strcmp(rv_str(rv_obj_get_s(rv_arr_at(ops, o), "Operation")), op))
                    return rv_str(rv_obj_get_s(rv_arr_at(ops, o), "Type"));
        }
    for (int d = 0; d < 3; d++)
        if (!strcmp(defaults[d][0], op) && !rv_is_undef(rv_obj_get_s(types, defaults[d][1])))
            return defaults[d][1];
    return NULL;
}

int bi_gql_check_query(rv query, rv schema, char *msg, size_t msglen)
{
    if (rv_kind(query) != RV_OBJECT)
        return fail(msg, msglen, "query is not a document:", bi_tname(query));
    struct qctx q = {rv_undef(), rv_obj_new(), msg, msglen};
    if (type_map(schema, &q.types, msg, msglen)) {
        rv_unref(q.frags);
        return -1;
    }
    rv frags = rv_obj_get_s(query, "Fragments"), ops = rv_obj_get_s(query, "Operations");
    for (size_t i = 0; i < rv_len(frags); i++)
        rv_obj_set(&q.frags, rv_ref(rv_obj_get_s(rv_arr_at(frags, i), "Name")), rv_ref(rv_arr_at(frags, i)));
    int rc = 0;
    for (size_t i = 0; !rc && i < rv_len(frags); i++) {
        rv f = rv_arr_at(frags, i);
        rc = check_selections(&q, rv_obj_get_s(f, "SelectionSet"), rv_str(rv_obj_get_s(f, "TypeCondition")), 0);
    }
    for (size_t i = 0; !rc && i < rv_len(ops); i++) {
        rv o = rv_arr_at(ops, i);
        const char *root = root_type(schema, q.types, rv_str(rv_obj_get_s(o, "Operation")));
        rc = root ? check_selections(&q, rv_obj_get_s(o, "SelectionSet"), root, 0)
                  : fail(msg, msglen, "Schema does not support operation type", rv_str(rv_obj_get_s(o, "Operation")));
    }
    rv_unref(q.types);
    rv_unref(q.frags);
    return rc ? -1 : 0;
}
