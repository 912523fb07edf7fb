/* test_yaml.c: YAML -> rv as METADATA, specs and --config-data files need it. */
#include <stdio.h>
#include <string.h>

#include "osp_test.h"
#include "scan/scan_int.h"

static rv parse_ok(const char *text)
{
    rv v = rv_undef();
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_yaml_parse(text, strlen(text), "t.yaml", &v, &err), OSP_OK);
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
    rv v = parse_ok("list:\n  - x\n  - id: y\ntext: |\n  one\n  two\nfolded: >-\n  one\n  two\n");
    rv list = rv_obj_get_s(v, "list");
    CU_ASSERT_EQUAL_FATAL(rv_len(list), 2);
    CU_ASSERT_STRING_EQUAL(rv_str(rv_arr_at(list, 0)), "x");
    CU_ASSERT_STRING_EQUAL(rv_str(rv_obj_get_s(rv_arr_at(list, 1), "id")), "y");
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
    CU_ASSERT_NOT_EQUAL(scan_yaml_parse(bad, strlen(bad), "spec.yaml", &v, &err), OSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "spec.yaml:"));
}

static void test_deep_nesting_is_a_limit_error(void)
{
    char text[2048] = "";
    size_t n = 0;
    for (int i = 0; i < 100; i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "[");
    for (int i = 0; i < 100; i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "]");
    rv v = rv_undef();
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(scan_yaml_parse(text, n, "deep.yaml", &v, &err), OSP_ELIMIT);
}

static void test_empty_document_is_null(void)
{
    rv v = parse_ok("");
    CU_ASSERT_EQUAL(rv_kind(v), RV_NULL);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_scalars_get_yaml_types),           OSP_TEST(test_sequences_and_block_text),
    OSP_TEST(test_invalid_yaml_names_file_and_line), OSP_TEST(test_deep_nesting_is_a_limit_error),
    OSP_TEST(test_empty_document_is_null),           {0},
};

int main(void)
{
    return osp_test_run("scan_yaml", tests);
}
