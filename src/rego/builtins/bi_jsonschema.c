/* bi_jsonschema.c: json.verify_schema and json.match_schema: a JSON Schema (draft 4-7) subset
 * with gojsonschema's error types and wording: type, enum, const, required, properties,
 * additionalProperties, items, min/max(Length|Items|Properties|imum), exclusive bounds,
 * pattern, uniqueItems, allOf/anyOf/oneOf/not and local $ref. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

#define JS_MAX_DEPTH 64

static const char *const type_names[] = {"array", "boolean", "integer", "number", "null", "object", "string"};

struct jsv {
    rv root;
    rv errors; /* array of error objects */
    int depth;
};

static const char *given_type(rv v)
{
    switch (rv_kind(v)) {
    case RV_NULL:
        return "null";
    case RV_BOOL:
        return "boolean";
    case RV_NUMBER:
        return rv_num_is_int(v) ? "integer" : "number";
    case RV_STRING:
        return "string";
    case RV_OBJECT:
        return "object";
    default:
        return "array";
    }
}

static void add_error(struct jsv *j, const char *field, const char *type, const char *desc)
{
    rv e = rv_obj_new();
    size_t n = strlen(field) + strlen(desc) + 3;
    char *full = malloc(n);
    if (full)
        snprintf(full, n, "%s: %s", field, desc);
    rv_obj_set(&e, rv_str_new("error"), full ? rv_str_take(full, strlen(full)) : rv_str_new(desc));
    rv_obj_set(&e, rv_str_new("desc"), rv_str_new(desc));
    rv_obj_set(&e, rv_str_new("field"), rv_str_new(field));
    rv_obj_set(&e, rv_str_new("type"), rv_str_new(type));
    rv_arr_push(&j->errors, e);
}

static void child_path(const char *field, const char *key, char *out, size_t n)
{
    if (!strcmp(field, "(root)"))
        snprintf(out, n, "%s", key);
    else
        snprintf(out, n, "%s.%s", field, key);
}

static int type_matches(const char *t, rv v)
{
    if (!strcmp(t, "integer"))
        return rv_kind(v) == RV_NUMBER && rv_num_is_int(v);
    if (!strcmp(t, "number"))
        return rv_kind(v) == RV_NUMBER;
    if (!strcmp(t, "array"))
        return rv_kind(v) == RV_ARRAY || rv_kind(v) == RV_SET;
    return !strcmp(t, given_type(v)) || (!strcmp(t, "object") && rv_kind(v) == RV_OBJECT);
}

static char *num_text(rv n)
{
    char *t = bi_num_text(n);
    return t ? t : strdup("?");
}

static void validate(struct jsv *j, rv s, rv v, const char *field);

static void check_type(struct jsv *j, rv s, rv v, const char *field)
{
    rv t = rv_obj_get_s(s, "type");
    if (rv_is_undef(t))
        return;
    int ok = 0;
    char want[128] = "";
    for (size_t i = 0; i < (rv_kind(t) == RV_ARRAY ? rv_len(t) : 1); i++) {
        rv ti = rv_kind(t) == RV_ARRAY ? rv_arr_at(t, i) : t;
        ok |= type_matches(rv_str(ti), v);
        size_t l = strlen(want);
        snprintf(want + l, sizeof want - l, "%s%s", l ? "/" : "", rv_str(ti));
    }
    if (!ok) {
        char desc[200];
        snprintf(desc, sizeof desc, "Invalid type. Expected: %s, given: %s", want, given_type(v));
        add_error(j, field, "invalid_type", desc);
    }
}

static void check_enum_const(struct jsv *j, rv s, rv v, const char *field)
{
    rv en = rv_obj_get_s(s, "enum"), cn = rv_obj_get_s(s, "const");
    if (rv_kind(en) == RV_ARRAY) {
        int found = 0;
        for (size_t i = 0; i < rv_len(en) && !found; i++)
            found = rv_equal(rv_arr_at(en, i), v);
        if (!found) {
            char allowed[400] = "";
            for (size_t i = 0, l = 0; i < rv_len(en) && l < sizeof allowed - 1; i++) {
                char *t = bi_json(rv_arr_at(en, i));
                snprintf(allowed + l, sizeof allowed - l, "%s%s", i ? ", " : "", t ? t : "");
                l = strlen(allowed);
                free(t);
            }
            char desc[600];
            snprintf(desc, sizeof desc, "%s must be one of the following: %s", field, allowed);
            add_error(j, field, "enum", desc);
        }
    }
    if (!rv_is_undef(cn) && !rv_equal(cn, v)) {
        char *t = bi_json(cn), desc[600];
        snprintf(desc, sizeof desc, "%s does not match: %s", field, t ? t : "");
        free(t);
        add_error(j, field, "const", desc);
    }
}

/* minimum/maximum and exclusive bounds (numbers), min/maxLength (strings). */
static void check_bounds(struct jsv *j, rv s, rv v, const char *field)
{
    static const struct {
        const char *kw, *type, *pre;
        int sign, str;
    } rules[] = {
        {"minimum", "number_gte", "Must be greater than or equal to ", -1, 0},
        {"maximum", "number_lte", "Must be less than or equal to ", 1, 0},
        {"exclusiveMinimum", "number_gt", "Must be greater than ", -2, 0},
        {"exclusiveMaximum", "number_lt", "Must be less than ", 2, 0},
        {"minLength", "string_gte", "String length must be greater than or equal to ", -1, 1},
        {"maxLength", "string_lte", "String length must be less than or equal to ", 1, 1},
    };
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        rv lim = rv_obj_get_s(s, rules[i].kw);
        if (rv_kind(lim) != RV_NUMBER)
            continue;
        if (rules[i].str ? rv_kind(v) != RV_STRING : rv_kind(v) != RV_NUMBER)
            continue;
        rv x = rules[i].str ? rv_num_int((int64_t)bi_utf8_count(rv_str(v), rv_str_len(v))) : rv_ref(v);
        int c = rv_num_cmp(x, lim), sg = rules[i].sign;
        rv_unref(x);
        int bad = sg == -1 ? c < 0 : sg == 1 ? c > 0 : sg == -2 ? c <= 0 : c >= 0;
        if (bad) {
            char *t = num_text(lim), desc[200];
            snprintf(desc, sizeof desc, "%s%s", rules[i].pre, t);
            free(t);
            add_error(j, field, rules[i].type, desc);
        }
    }
    rv pat = rv_obj_get_s(s, "pattern");
    if (rv_kind(pat) == RV_STRING && rv_kind(v) == RV_STRING &&
        bi_regex_match(rv_str(pat), rv_str_len(pat), rv_str(v), rv_str_len(v)) == 0) {
        char desc[300];
        snprintf(desc, sizeof desc, "Does not match pattern '%s'", rv_str(pat));
        add_error(j, field, "pattern", desc);
    }
}

static void check_object(struct jsv *j, rv s, rv v, const char *field)
{
    rv req = rv_obj_get_s(s, "required"), props = rv_obj_get_s(s, "properties");
    rv addl = rv_obj_get_s(s, "additionalProperties");
    for (size_t i = 0; rv_kind(req) == RV_ARRAY && i < rv_len(req); i++) {
        rv k = rv_arr_at(req, i);
        if (rv_is_undef(rv_obj_get(v, k))) {
            char desc[200];
            snprintf(desc, sizeof desc, "%s is required", rv_str(k));
            add_error(j, field, "required", desc);
        }
    }
    for (size_t i = 0; i < rv_len(v); i++) {
        rv k = rv_obj_key_at(v, i);
        char path[256];
        child_path(field, rv_str(k), path, sizeof path);
        rv ps = rv_kind(props) == RV_OBJECT ? rv_obj_get(props, k) : rv_undef();
        if (!rv_is_undef(ps)) {
            validate(j, ps, rv_obj_val_at(v, i), path);
        } else if (rv_kind(addl) == RV_BOOL && !rv_is_true(addl)) {
            char desc[300];
            snprintf(desc, sizeof desc, "Additional property %s is not allowed", rv_str(k));
            add_error(j, field, "additional_property_not_allowed", desc);
        } else if (rv_kind(addl) == RV_OBJECT) {
            validate(j, addl, rv_obj_val_at(v, i), path);
        }
    }
    static const struct {
        const char *kw, *type, *pre, *post;
        int min;
    } counts[] = {{"minProperties", "array_min_properties", "Must have at least ", " properties", 1},
                  {"maxProperties", "array_max_properties", "Must have at most ", " properties", 0}};
    for (int i = 0; i < 2; i++) {
        rv lim = rv_obj_get_s(s, counts[i].kw);
        int64_t l;
        if (rv_kind(lim) == RV_NUMBER && rv_num_to_int64(lim, &l) &&
            (counts[i].min ? (int64_t)rv_len(v) < l : (int64_t)rv_len(v) > l)) {
            char desc[120];
            snprintf(desc, sizeof desc, "%s%lld%s", counts[i].pre, (long long)l, counts[i].post);
            add_error(j, field, counts[i].type, desc);
        }
    }
}

static void check_array(struct jsv *j, rv s, rv v, const char *field)
{
    rv items = rv_obj_get_s(s, "items");
    for (size_t i = 0; i < rv_len(v); i++) {
        rv is = rv_kind(items) == RV_ARRAY ? rv_arr_at(items, i) : items;
        if (rv_is_undef(is))
            continue;
        char path[256], idx[24];
        snprintf(idx, sizeof idx, "%zu", i);
        child_path(field, idx, path, sizeof path);
        validate(j, is, bi_elem_at(v, i), path);
    }
    static const struct {
        const char *kw, *type, *pre, *post;
        int min;
    } counts[] = {{"minItems", "array_min_items", "Array must have at least ", " items", 1},
                  {"maxItems", "array_max_items", "Array must have at most ", " items", 0}};
    for (int i = 0; i < 2; i++) {
        rv lim = rv_obj_get_s(s, counts[i].kw);
        int64_t l;
        if (rv_kind(lim) == RV_NUMBER && rv_num_to_int64(lim, &l) &&
            (counts[i].min ? (int64_t)rv_len(v) < l : (int64_t)rv_len(v) > l)) {
            char desc[120];
            snprintf(desc, sizeof desc, "%s%lld%s", counts[i].pre, (long long)l, counts[i].post);
            add_error(j, field, counts[i].type, desc);
        }
    }
    if (rv_is_true(rv_obj_get_s(s, "uniqueItems")))
        for (size_t a2 = 0; a2 < rv_len(v); a2++)
            for (size_t b = a2 + 1; b < rv_len(v); b++)
                if (rv_equal(bi_elem_at(v, a2), bi_elem_at(v, b))) {
                    char desc[120];
                    snprintf(desc, sizeof desc, "array items[%zu,%zu] must be unique", a2, b);
                    add_error(j, field, "unique", desc);
                    return;
                }
}

/* Errors a sub-schema would report, without keeping them. */
static size_t count_errors(struct jsv *j, rv s, rv v, const char *field)
{
    rv saved = j->errors;
    j->errors = rv_arr_new();
    validate(j, s, v, field);
    size_t n = rv_len(j->errors);
    rv_unref(j->errors);
    j->errors = saved;
    return n;
}

static void check_combinators(struct jsv *j, rv s, rv v, const char *field)
{
    rv all = rv_obj_get_s(s, "allOf"), any = rv_obj_get_s(s, "anyOf"), one = rv_obj_get_s(s, "oneOf");
    rv not = rv_obj_get_s(s, "not");
    for (size_t i = 0; rv_kind(all) == RV_ARRAY && i < rv_len(all); i++)
        validate(j, rv_arr_at(all, i), v, field);
    if (rv_kind(any) == RV_ARRAY) {
        size_t ok = 0;
        for (size_t i = 0; i < rv_len(any); i++)
            ok += count_errors(j, rv_arr_at(any, i), v, field) == 0;
        if (!ok)
            add_error(j, field, "number_any_of", "Must validate at least one schema (anyOf)");
    }
    if (rv_kind(one) == RV_ARRAY) {
        size_t ok = 0;
        for (size_t i = 0; i < rv_len(one); i++)
            ok += count_errors(j, rv_arr_at(one, i), v, field) == 0;
        if (ok != 1)
            add_error(j, field, "number_one_of", "Must validate one and only one schema (oneOf)");
    }
    if (rv_kind(not ) == RV_OBJECT && count_errors(j, not, v, field) == 0)
        add_error(j, field, "number_not", "Must not validate the schema (not)");
}

/* "#/definitions/x" and "#/$defs/x" against the root schema. */
static rv resolve_ref(rv root, const char *ref)
{
    if (ref[0] != '#')
        return rv_undef();
    rv cur = root;
    for (const char *p = ref + 1; *p == '/' && !rv_is_undef(cur);) {
        p++;
        size_t n = strcspn(p, "/");
        rv k = rv_str_newn(p, n);
        cur = rv_obj_get(cur, k);
        rv_unref(k);
        p += n;
    }
    return cur;
}

static void validate(struct jsv *j, rv s, rv v, const char *field)
{
    if (rv_kind(s) != RV_OBJECT || ++j->depth > JS_MAX_DEPTH) {
        j->depth--;
        return;
    }
    rv ref = rv_obj_get_s(s, "$ref");
    if (rv_kind(ref) == RV_STRING) {
        validate(j, resolve_ref(j->root, rv_str(ref)), v, field);
        j->depth--;
        return;
    }
    check_type(j, s, v, field);
    check_enum_const(j, s, v, field);
    check_bounds(j, s, v, field);
    if (rv_kind(v) == RV_OBJECT)
        check_object(j, s, v, field);
    if (rv_kind(v) == RV_ARRAY || rv_kind(v) == RV_SET)
        check_array(j, s, v, field);
    check_combinators(j, s, v, field);
    j->depth--;
}

/* ---- schema checks ---- */

static int valid_type_name(const char *t)
{
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
        if (!strcmp(type_names[i], t))
            return 1;
    return 0;
}

/* A schema's type names, recursively; msg gets gojsonschema's complaint. */
static int check_schema(rv s, char *msg, size_t msglen, int depth)
{
    if (rv_kind(s) != RV_OBJECT || depth > JS_MAX_DEPTH)
        return 0;
    rv t = rv_obj_get_s(s, "type");
    for (size_t i = 0; !rv_is_undef(t) && i < (rv_kind(t) == RV_ARRAY ? rv_len(t) : 1); i++) {
        rv ti = rv_kind(t) == RV_ARRAY ? rv_arr_at(t, i) : t;
        if (rv_kind(ti) != RV_STRING || !valid_type_name(rv_str(ti))) {
            snprintf(msg, msglen,
                     "has a primitive type that is NOT VALID -- given: /%s/ Expected valid values "
                     "are:[array boolean integer number null object string]",
                     rv_str(ti));
            return -1;
        }
    }
    for (size_t i = 0; i < rv_len(s); i++) {
        rv k = rv_obj_key_at(s, i), v = rv_obj_val_at(s, i);
        const char *ks = rv_str(k);
        if (!strcmp(ks, "properties") || !strcmp(ks, "definitions") || !strcmp(ks, "$defs")) {
            for (size_t p = 0; rv_kind(v) == RV_OBJECT && p < rv_len(v); p++)
                if (check_schema(rv_obj_val_at(v, p), msg, msglen, depth + 1))
                    return -1;
        } else if (!strcmp(ks, "items") || !strcmp(ks, "allOf") || !strcmp(ks, "anyOf") || !strcmp(ks, "oneOf") ||
                   !strcmp(ks, "not") || !strcmp(ks, "additionalProperties")) {
            for (size_t p = 0; p < (rv_kind(v) == RV_ARRAY ? rv_len(v) : 1); p++)
                if (check_schema(rv_kind(v) == RV_ARRAY ? rv_arr_at(v, p) : v, msg, msglen, depth + 1))
                    return -1;
        }
    }
    return 0;
}

/* A schema or document operand: JSON text or a value. New reference, or undefined. */
static rv value_operand(rv v, char *msg, size_t msglen)
{
    if (rv_kind(v) != RV_STRING)
        return rv_ref(v);
    struct osp_err err;
    osp_err_init(&err);
    rv out;
    if (rv_json_parse(rv_str(v), rv_str_len(v), NULL, &out, &err) != OSP_OK) {
        snprintf(msg, msglen, "%s", err.msg);
        return rv_undef();
    }
    return out;
}

BI(json_verify_schema)
{
    if (rv_kind(a[0]) != RV_STRING && rv_kind(a[0]) != RV_OBJECT && rv_kind(a[0]) != RV_BOOL)
        return bi_want_one_of(bc, a, 0, "string, object");
    char msg[300] = "";
    rv s = value_operand(a[0], msg, sizeof msg);
    rv res = rv_arr_with_cap(2);
    if (!rv_is_undef(s) && check_schema(s, msg, sizeof msg, 0) == 0) {
        rv_arr_push(&res, rv_bool(true));
        rv_arr_push(&res, rv_null());
    } else {
        char full[360];
        snprintf(full, sizeof full, "jsonschema: %s", msg);
        rv_arr_push(&res, rv_bool(false));
        rv_arr_push(&res, rv_str_new(full));
    }
    rv_unref(s);
    return bi_ok(out, res);
}

BI(json_match_schema)
{
    if (rv_kind(a[1]) != RV_STRING && rv_kind(a[1]) != RV_OBJECT && rv_kind(a[1]) != RV_BOOL)
        return bi_want_one_of(bc, a, 1, "string, object");
    char msg[300] = "";
    rv doc = value_operand(a[0], msg, sizeof msg);
    if (rv_is_undef(doc))
        return rego_bi_error(bc, "%s", msg);
    rv s = value_operand(a[1], msg, sizeof msg);
    if (rv_is_undef(s) || check_schema(s, msg, sizeof msg, 0) != 0) {
        rv_unref(doc);
        rv_unref(s);
        return rego_bi_error(bc, "%s", msg);
    }
    struct jsv j = {s, rv_arr_new(), 0};
    validate(&j, s, doc, "(root)");
    rv res = rv_arr_with_cap(2);
    rv_arr_push(&res, rv_bool(rv_len(j.errors) == 0));
    rv_arr_push(&res, j.errors);
    rv_unref(doc);
    rv_unref(s);
    return bi_ok(out, res);
}
