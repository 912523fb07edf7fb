/* test_yaml.c: YAML -> rv as METADATA, specs and --config-data files need it: one reader, the
 * engine's (rego_yaml_parse), with its nesting and alias budget. */
#include <stdio.h>
#include <string.h>

#include "osp_test.h"
#include "rego/rego.h"
#include "scan/scan_int.h"

static rv parse_ok(const char *text)
{
    rv v = rv_undef();
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(rego_yaml_parse(text, strlen(text), "t.yaml", &v, &err), OSP_OK);
    return v;
}

static void test_scalars_get_yaml_types(void)
{
    rv v = parse_ok("a: 14\nb: true\nc: ~\nd: \"1.10\"\ne: text here\nf: -3\ng: 'false'\n");
    CU_ASSERT_EQUAL(rv_kind(rv_obj_get_s(v, "a")), RV_NUMBER);
    CU_ASSERT(rv_is_true(rv_obj_get_s(v, "b")));
    CU_ASSERT_EQUAL(rv_kind(rv_obj_get_s(v, "c")), RV_NULL);
    CU_ASSERT_STRING_EQUAL(rv_str(rv_obj_get_s(v, "d")), "1.10"); /* quoted: stays a string */
    CU_ASSERT_STRING_EQUAL(rv_str(rv_obj_get_s(v, "e")), "text here");
    CU_ASSERT_EQUAL(rv_kind(rv_obj_get_s(v, "f")), RV_NUMBER);
    CU_ASSERT_EQUAL(rv_kind(rv_obj_get_s(v, "g")), RV_STRING);
    rv_unref(v);
}

static void test_sequences_and_block_text(void)
{
    rv v = parse_ok("list:\n  - x\n  - id: z\ntext: |\n  one\n  two\nfolded: >-\n  one\n  two\n");
    rv list = rv_obj_get_s(v, "list");
    CU_ASSERT_EQUAL_FATAL(rv_len(list), 2);
    CU_ASSERT_STRING_EQUAL(rv_str(rv_arr_at(list, 0)), "x");
    CU_ASSERT_STRING_EQUAL(rv_str(rv_obj_get_s(rv_arr_at(list, 1), "id")), "z");
    CU_ASSERT_STRING_EQUAL(rv_str(rv_obj_get_s(v, "text")), "one\ntwo\n");
    CU_ASSERT_STRING_EQUAL(rv_str(rv_obj_get_s(v, "folded")), "one two");
    rv_unref(v);
}

static void test_invalid_yaml_names_file_and_line(void)
{
    rv v = rv_undef();
    struct osp_err err;
    osp_err_init(&err);
    const char *bad = "a: 1\nb: [unclosed\n";
    CU_ASSERT_NOT_EQUAL(rego_yaml_parse(bad, strlen(bad), "spec.yaml", &v, &err), OSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "spec.yaml:"));
}

static void test_deep_nesting_is_a_limit_error(void)
{
    char text[2048] = "";
    size_t n = 0;
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "[");
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "]");
    rv v = rv_undef();
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(rego_yaml_parse(text, n, "deep.yaml", &v, &err), OSP_ECONFIG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "deep.yaml"));
}

/* "billion laughs": nine levels of nine aliases would expand to 9^9 nodes. */
static const char laughs[] = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                             "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                             "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                             "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                             "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                             "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
                             "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
                             "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
                             "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";

static void test_alias_bomb_is_an_error(void)
{
    rv v = rv_undef();
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(rego_yaml_parse(laughs, strlen(laughs), "bomb.yaml", &v, &err), OSP_ECONFIG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "bomb.yaml"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "too large"));
}

/* The same bomb in a compliance spec and in a METADATA block ends in a clear error. */
static void test_alias_bomb_in_spec_and_metadata_is_an_error(void)
{
    struct scan_pool pool = {0};
    struct scan_spec spec;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(scan_spec_parse(&pool, laughs, strlen(laughs), "spec.yaml", &spec, &err), OSP_ECONFIG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "too large"));
    char module[2048] = "";
    size_t n = (size_t)snprintf(module, sizeof module, "# METADATA\n# title: t\n# custom:\n");
    for (const char *p = laughs; *p;) {
        const char *e = strchr(p, '\n');
        n += (size_t)snprintf(module + n, sizeof module - n, "#   %.*s\n", (int)(e - p), p);
        p = e + 1;
    }
    snprintf(module + n, sizeof module - n, "package user.bomb\n");
    struct scan_check c;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(scan_check_from_module(&pool, "bomb.rego", module, 0, &c, &err), OSP_EPOLICY);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "bomb.rego:2: rego_parse_error: yaml: document too large"));
    scan_pool_free(&pool);
}

static void test_empty_document_is_null(void)
{
    rv v = parse_ok("");
    CU_ASSERT_EQUAL(rv_kind(v), RV_NULL);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_scalars_get_yaml_types),           OSP_TEST(test_sequences_and_block_text),
    OSP_TEST(test_invalid_yaml_names_file_and_line), OSP_TEST(test_deep_nesting_is_a_limit_error),
    OSP_TEST(test_empty_document_is_null),           OSP_TEST(test_alias_bomb_is_an_error),
    OSP_TEST(test_alias_bomb_in_spec_and_metadata_is_an_error), {0},
};

int main(void)
{
    return osp_test_run("scan_yaml", tests);
}
