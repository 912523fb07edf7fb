/* test_bi_strings.c: string builtins against OPA's documented results and error texts. */
#include "test_bi_helpers.h"

static void test_strings_concat_joins_arrays_and_sets(void)
{
    BT_EQ("concat(\"/\", [\"\", \"foo\", \"bar\"])", "\"/foo/bar\"");
    BT_EQ("concat(\",\", {\"b\", \"a\"})", "\"a,b\"");
    BT_ERR("concat(\",\", [1])", "eval_type_error",
           "concat: operand 2 must be array of strings but got array containing number");
}

static void test_strings_indexof_counts_code_points(void)
{
    BT_EQ("indexof(\"skön var våren\", \"vår\")", "9");
    BT_EQ("indexof(\"abc\", \"x\")", "-1");
    BT_EQ("indexof_n(\"dogcatdogcat\", \"cat\")", "[3,9]");
}

static void test_strings_substring_is_rune_based(void)
{
    BT_EQ("substring(\"aåäö\", 2, -1)", "\"äö\"");
    BT_EQ("substring(\"abcdefgh\", 2, 10000)", "\"cdefgh\"");
    BT_EQ("substring(\"aaa\", 4, -1)", "\"\"");
    BT_ERR("substring(\"aaa\", -1, 1)", "eval_builtin_error", "negative offset");
    BT_ERR("substring(\"aaa\", 1.5, 1)", "eval_type_error",
           "operand 2 must be integer number but got floating-point number");
}

static void test_strings_split_replace_follow_go(void)
{
    BT_EQ("split(\"test\", \"\")", "[\"t\",\"e\",\"s\",\"t\"]");
    BT_EQ("split(\"\", \".\")", "[\"\"]");
    BT_EQ("replace(\"foo...bar\", \"..\", \",,\")", "\"foo,,.bar\"");
    BT_EQ("strings.replace_n({\"f\": \"x\", \"foo\": \"xxx\"}, \"foobar\")", "\"xoobar\"");
    BT_ERR("strings.replace_n({\"f\": 1}, \"foo\")", "eval_type_error",
           "operand 1 non-string value found in pattern object");
}

static void test_strings_trim_family(void)
{
    BT_EQ("trim(\"¡¡¡foo, bar!!!\", \"!¡\")", "\"foo, bar\"");
    BT_EQ("trim_left(\"..a..\", \".\")", "\"a..\"");
    BT_EQ("trim_right(\"..a..\", \".\")", "\"..a\"");
    BT_EQ("trim_prefix(\"prefix-x\", \"prefix-\")", "\"x\"");
    BT_EQ("trim_suffix(\"x.rego\", \".rego\")", "\"x\"");
    BT_EQ("trim_space(\" \\t\\n foo \\r\\n\")", "\"foo\"");
}

static void test_strings_case_reverse_count(void)
{
    BT_EQ("upper(\"abcå\")", "\"ABCÅ\"");
    BT_EQ("lower(\"AbÄ\")", "\"abä\"");
    BT_EQ("strings.reverse(\"abc\")", "\"cba\"");
    BT_EQ("strings.count(\"cheese\", \"e\")", "3");
    BT_EQ("strings.count(\"dummy\", \"\")", "6");
    BT_ERR("strings.reverse(1)", "eval_type_error", "operand 1 must be string but got number");
}

static void test_strings_prefix_suffix_matches(void)
{
    BT_EQ("startswith(\"abcdef\", \"abc\")", "true");
    BT_EQ("endswith(\"abcdef\", \"abc\")", "false");
    BT_EQ("contains(\"abcdef\", \"cde\")", "true");
    BT_EQ("strings.any_prefix_match([\"a/b\", \"c/d\"], {\"c/\"})", "true");
    BT_EQ("strings.any_suffix_match(\"a.json\", [\".yaml\"])", "false");
    BT_ERR("strings.any_prefix_match(1, \"a\")", "eval_type_error",
           "operand 1 must be one of {string, set, array} but got number");
}

static void test_strings_format_int_bases(void)
{
    BT_EQ("format_int(15.5, 16)", "\"f\"");
    BT_EQ("format_int(-8, 2)", "\"-1000\"");
    BT_ERR("format_int(1, 7)", "eval_type_error", "operand 2 must be one of {2, 8, 10, 16}");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_strings_concat_joins_arrays_and_sets),
    OSP_TEST(test_strings_indexof_counts_code_points),
    OSP_TEST(test_strings_substring_is_rune_based),
    OSP_TEST(test_strings_split_replace_follow_go),
    OSP_TEST(test_strings_trim_family),
    OSP_TEST(test_strings_case_reverse_count),
    OSP_TEST(test_strings_prefix_suffix_matches),
    OSP_TEST(test_strings_format_int_bases),
    {0},
};

int main(void)
{
    return osp_test_run("bi_strings", tests);
}
