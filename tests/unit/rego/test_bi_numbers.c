/* test_bi_numbers.c: arithmetic operators, rounding, ranges and bits.* with OPA's errors. */
#include "test_bi_helpers.h"

static void test_numbers_arithmetic_is_exact(void)
{
    BT_EQ("49649733057 + 1", "49649733058");
    BT_EQ("7 % 4", "3");
    BT_EQ("abs(-10)", "10");
    BT_EQ("{1, 2, 3} - {2}", "[1,3]");
    BT_ERR("1 / 0", "eval_builtin_error", "div: divide by zero");
    BT_ERR("7 % 0", "eval_builtin_error", "modulo by zero");
    BT_ERR("1.1 % 1", "eval_builtin_error", "modulo on floating-point number");
    BT_ERR("{1} - 1", "eval_type_error", "operand 2 must be set but got number");
}

static void test_numbers_rounding(void)
{
    BT_EQ("ceil(-1.99999)", "-1");
    BT_EQ("floor(-1.001)", "-2");
    BT_EQ("round(2.5)", "3");
    BT_EQ("round(-2.5)", "-3");
}

static void test_numbers_ranges(void)
{
    BT_EQ("numbers.range(2, -3)", "[2,1,0,-1,-2,-3]");
    BT_EQ("numbers.range_step(0, 10, 4)", "[0,4,8]");
    BT_EQ("numbers.range_step(10, 3, 2)", "[10,8,6,4]");
    BT_ERR("numbers.range_step(0, 10, -2)", "eval_builtin_error", "step must be a positive integer");
    BT_ERR("numbers.range(3.14, 4)", "eval_type_error",
           "numbers.range: operand 1 must be integer number but got floating-point number");
}

static void test_numbers_bits(void)
{
    BT_EQ("bits.and(7, 9)", "1");
    BT_EQ("bits.or(7, 9)", "15");
    BT_EQ("bits.xor(42, 3)", "41");
    BT_EQ("bits.negate(42)", "-43");
    BT_EQ("bits.lsh(9223372036854775807, 1)", "18446744073709551614");
    BT_EQ("bits.rsh(8, 3)", "1");
    BT_ERR("bits.lsh(7, -1)", "eval_type_error",
           "operand 2 must be an unsigned integer number but got a negative integer");
}

static void test_numbers_rand_intn_in_range(void)
{
    char *v = bt_eval("rand.intn(\"k\", 10)");
    long n = strtol(v, NULL, 10);
    CU_ASSERT_TRUE(n >= 0 && n < 10 && strchr(v, '.') == NULL);
    free(v);
    BT_EQ("rand.intn(\"k\", 0)", "0");
}

static void test_numbers_types_and_casts(void)
{
    BT_EQ("[is_number(1), is_string(1), is_set({1}), is_object({}), is_null(null)]", "[true,false,true,true,true]");
    BT_EQ("type_name({1})", "\"set\"");
    BT_EQ("to_number(\"-42.5\") + 0.5", "-42");
    BT_EQ("to_number(true)", "1");
    BT_ERR("to_number(\"broken\")", "eval_builtin_error", "invalid syntax");
    BT_ERR("to_number(\"inf\")", "eval_type_error", "to_number");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_numbers_arithmetic_is_exact),
    OSP_TEST(test_numbers_rounding),
    OSP_TEST(test_numbers_ranges),
    OSP_TEST(test_numbers_bits),
    OSP_TEST(test_numbers_rand_intn_in_range),
    OSP_TEST(test_numbers_types_and_casts),
    {0},
};

int main(void)
{
    return osp_test_run("bi_numbers", tests);
}
