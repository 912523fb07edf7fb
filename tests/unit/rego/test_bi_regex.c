/* test_bi_regex.c: regex.* (Go RE2 semantics on PCRE2) and glob.* (gobwas semantics). */
#include "test_bi_helpers.h"

static void test_regex_match_and_validity(void)
{
    BT_EQ("regex.match(\"^[a-z]+$\", \"abc\")", "true");
    BT_EQ("regex.match(\"^$\", \"x\")", "false");
    BT_EQ("regex.match(\"a$\", \"a\\n\")", "false");
    BT_EQ("regex.is_valid(\"++\")", "false");
    BT_EQ("regex.is_valid(\".+\")", "true");
    BT_ERR("regex.match(\"[\", \"x\")", "eval_builtin_error", "error parsing regexp");
    BT_UNDEF("regex.match(\"[\", \"x\")");
}

static void test_regex_find_and_split(void)
{
    BT_EQ("regex.find_n(\"a.\", \"paranormal\", 2)", "[\"ar\",\"an\"]");
    BT_EQ("regex.find_all_string_submatch_n(\"a(x*)b\", \"-ab-axb-\", -1)", "[[\"ab\",\"\"],[\"axb\",\"x\"]]");
    BT_EQ("regex.split(\"a\", \"banana\")", "[\"b\",\"n\",\"n\",\"\"]");
    BT_EQ("regex.split(\"^[a-z]+$\", \"foobar\")", "[\"\",\"\"]");
}

static void test_regex_replace_expands_groups(void)
{
    BT_EQ("regex.replace(\"-wy-wxxy-\", \"w(x*)y\", \"0\")", "\"-0-0-\"");
    BT_EQ("regex.replace(\"foo\", \"(foo)\", \"$1$1\")", "\"foofoo\"");
    BT_EQ("regex.replace(\"foo barx\", \"[a-z]{2}\", \"_\")", "\"_o __\"");
    BT_EQ("regex.replace(\"ab\", \"(?P<x>a)\", \"${x}-\")", "\"a-b\"");
}

static void test_regex_template_and_globs_match(void)
{
    BT_EQ("regex.template_match(\"urn:foo:{.*}\", \"urn:foo:bar:baz\", \"{\", \"}\")", "true");
    BT_EQ("regex.template_match(\"urn:foo.bar:{[0-9]+}\", \"urn:foo_bar:1\", \"{\", \"}\")", "false");
    BT_EQ("regex.globs_match(\"a.a.[0-9]+z\", \".b.b2359825792*594823z\")", "true");
    BT_EQ("regex.globs_match(\"[a-z]+\", \"[0-9]*\")", "false");
    BT_ERR("regex.globs_match(\"pqrs]\", \"[a-b]+\")", "eval_builtin_error", "set-close ']' with no preceding '['");
}

static void test_glob_match_delimiters(void)
{
    BT_EQ("glob.match(\"*.github.com\", [\".\"], \"api.github.com\")", "true");
    BT_EQ("glob.match(\"*.github.com\", [\".\"], \"a.b.github.com\")", "false");
    BT_EQ("glob.match(\"api.**.com\", [\".\"], \"api.cdn.github.com\")", "true");
    BT_EQ("glob.match(\"*\", [], \"foo.bar\")", "false");
    BT_EQ("glob.match(\"*\", null, \"foo.bar\")", "true");
    BT_EQ("glob.match(\"{cat,bat,[fr]at}\", [], \"rat\")", "true");
    BT_EQ("glob.match(\"[!a-c]at\", [], \"bat\")", "false");
    BT_EQ("glob.match(\"?at\", [\"f\"], \"fat\")", "false");
    BT_EQ("glob.quote_meta(\"*.github.com\")", "\"\\\\*.github.com\"");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_regex_match_and_validity),     OSP_TEST(test_regex_find_and_split),
    OSP_TEST(test_regex_replace_expands_groups), OSP_TEST(test_regex_template_and_globs_match),
    OSP_TEST(test_glob_match_delimiters),        {0},
};

int main(void)
{
    return osp_test_run("bi_regex", tests);
}
