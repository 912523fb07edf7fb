/* test_bi_aggregates.c: count/sum/max/sort, comparisons, arrays and sets. */
#include "test_bi_helpers.h"

static void test_aggregates_over_collections(void)
{
    BT_EQ("count(\"åäö\")", "3");
    BT_EQ("count({\"a\": 1, \"b\": 2})", "2");
    BT_EQ("sum([49649733057, 1])", "49649733058");
    BT_EQ("product({1, 2, 3, 4})", "24");
    BT_EQ("max([1, 3, 2])", "3");
    BT_EQ("min({\"b\", \"a\"})", "\"a\"");
    BT_EQ("max([])", "UNDEFINED");
    BT_EQ("sort([4, \"a\", null, 1])", "[null,1,4,\"a\"]");
    BT_ERR("count(5)", "eval_type_error", "operand 1 must be one of {array, object, set, string} but got number");
    BT_ERR("sum([\"a\"])", "eval_type_error", "operand 1 must be array of numbers but got array containing string");
}

static void test_aggregates_comparisons_use_total_order(void)
{
    BT_EQ("1 == 1.0", "true");
    BT_EQ("\"a\" < 1", "false");
    BT_EQ("null < false", "true");
    BT_EQ("[1, 2] < [1, 3]", "true");
}

static void test_arrays_builtins(void)
{
    BT_EQ("array.concat([1], [2, 3])", "[1,2,3]");
    BT_EQ("array.slice([1, 2, 3, 4, 5], -1, 2)", "[1,2]");
    BT_EQ("array.slice([1, 2, 3], 1000, 2000)", "[]");
    BT_EQ("array.reverse([1, 2, 3])", "[3,2,1]");
    BT_EQ("array.flatten([[1, [2]], 3])", "[1,[2],3]");
    BT_ERR("array.concat({}, [])", "eval_type_error", "array.concat: operand 1 must be array but got object");
}

static void test_sets_union_intersection(void)
{
    BT_EQ("union({{1, 2}, {2, 3}})", "[1,2,3]");
    BT_EQ("intersection({{1, 2}, {2, 3}})", "[2]");
    BT_EQ("{1, 2} & {2}", "[2]");
    BT_EQ("{1} | {2}", "[1,2]");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_aggregates_over_collections),
    OSP_TEST(test_aggregates_comparisons_use_total_order),
    OSP_TEST(test_arrays_builtins),
    OSP_TEST(test_sets_union_intersection),
    {0},
};

int main(void)
{
    return osp_test_run("bi_aggregates", tests);
}
