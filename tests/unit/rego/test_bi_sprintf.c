/* test_bi_sprintf.c: sprintf follows Go's fmt on the argument types OPA passes. */
#include "test_bi_helpers.h"

static void test_sprintf_basic_verbs(void)
{
    BT_EQ("sprintf(\"hi %s\", [\"there\"])", "\"hi there\"");
    BT_EQ("sprintf(\"%02d|%-4d|%4d\", [5, 7, 42])", "\"05|7   |  42\"");
    BT_EQ("sprintf(\"%02X.%02x %o %b\", [127, 255, 8, 5])", "\"7F.ff 10 101\"");
    BT_EQ("sprintf(\"%.2f %e\", [3.1415, 1234.5])", "\"3.14 1.234500e+03\"");
    BT_EQ("sprintf(\"%q %x\", [\"a\\\"b\", \"hi\"])", "\"\\\"a\\\\\\\"b\\\" 6869\"");
    BT_EQ("sprintf(\"100%%\", [])", "\"100%\"");
}

static void test_sprintf_v_uses_rego_text_for_composites(void)
{
    BT_EQ("sprintf(\"%v\", [[\"there\", 5, 3.14]])", "\"[\\\"there\\\", 5, 3.14]\"");
    BT_EQ("sprintf(\"%v %s\", [true, null])", "\"true null\"");
    BT_EQ("sprintf(\"%v\", [{1}])", "\"{1}\"");
    BT_EQ("sprintf(\"%v %v\", [1000000.5, 0.000001])", "\"1.0000005e+06 1e-06\"");
}

static void test_sprintf_big_integers_stay_exact(void)
{
    BT_EQ("sprintf(\"%s\", [123456789123456789123])", "\"123456789123456789123\"");
    BT_EQ("sprintf(\"%d\", [1208925819614629174706175])", "\"1208925819614629174706175\"");
}

static void test_sprintf_mismatches_print_like_go(void)
{
    BT_EQ("sprintf(\"%d\", [\"x\"])", "\"%!d(string=x)\"");
    BT_EQ("sprintf(\"%s\", [5])", "\"%!s(int=5)\"");
    BT_EQ("sprintf(\"%d %d\", [1])", "\"1 %!d(MISSING)\"");
    BT_EQ("sprintf(\"%d\", [1, \"a\"])", "\"1%!(EXTRA string=a)\"");
    BT_ERR("sprintf(\"%d\", 1)", "eval_type_error", "operand 2 must be array but got number");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_sprintf_basic_verbs),
    OSP_TEST(test_sprintf_v_uses_rego_text_for_composites),
    OSP_TEST(test_sprintf_big_integers_stay_exact),
    OSP_TEST(test_sprintf_mismatches_print_like_go),
    {0},
};

int main(void)
{
    return osp_test_run("bi_sprintf", tests);
}
