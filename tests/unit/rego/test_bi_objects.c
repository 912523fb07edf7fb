/* test_bi_objects.c: object.*, json.filter/remove/patch. */
#include "test_bi_helpers.h"

static void test_objects_get_with_paths(void)
{
    BT_EQ("object.get({\"a\": {\"b\": [{\"c\": 1}]}}, [\"a\", \"b\", 0, \"c\"], 2)", "1");
    BT_EQ("object.get({\"a\": 1}, \"b\", \"dflt\")", "\"dflt\"");
    BT_EQ("object.get({\"a\": 1}, [], 2)", "{\"a\":1}");
    BT_ERR("object.get(\"s\", \"a\", 1)", "eval_type_error", "object.get: operand 1 must be object but got string");
}

static void test_objects_keys_filter_remove(void)
{
    BT_EQ("object.keys({\"a\": 1, \"b\": 2})", "[\"a\",\"b\"]");
    BT_EQ("object.filter({\"a\": 1, \"b\": 2, \"c\": 3}, [\"a\", \"c\"])", "{\"a\":1,\"c\":3}");
    BT_EQ("object.remove({\"a\": 1, \"b\": 2}, {\"a\": 0})", "{\"b\":2}");
    BT_ERR("object.remove({}, 1)", "eval_type_error", "operand 2 must be one of {object, set, array} but got number");
}

static void test_objects_union_merges_deeply(void)
{
    BT_EQ("object.union({\"a\": {\"b\": 1, \"c\": 2}}, {\"a\": {\"b\": 3}})", "{\"a\":{\"b\":3,\"c\":2}}");
    BT_EQ("object.union_n([{\"a\": 1}, {\"b\": 2}, {\"a\": 3}])", "{\"a\":3,\"b\":2}");
    BT_EQ("object.subset({\"a\": 1, \"b\": {\"c\": 2, \"d\": 3}}, {\"b\": {\"c\": 2}})", "true");
    BT_EQ("object.subset([1, 2, 3, 4], [2, 3])", "true");
    BT_EQ("object.subset([1, 2, 3, 4], [2, 4])", "false");
}

static void test_objects_json_filter_remove_patch(void)
{
    BT_EQ("json.filter({\"a\": {\"b\": 7, \"c\": 8}, \"e\": 9}, [\"a/b\", \"e\"])", "{\"a\":{\"b\":7},\"e\":9}");
    BT_EQ("json.remove({\"a\": [{\"b\": 7, \"c\": 8}, {\"d\": 9}]}, {\"a/0/b\", \"a/1\"})", "{\"a\":[{\"c\":8}]}");
    BT_EQ("json.patch({\"a\": [1, 3]}, [{\"op\": \"add\", \"path\": \"/a/1\", \"value\": 2}])", "{\"a\":[1,2,3]}");
    BT_EQ("json.patch({\"a\": 1}, [{\"op\": \"move\", \"from\": \"/a\", \"path\": \"/b\"}])", "{\"b\":1}");
    BT_EQ("json.patch({\"a\": 1}, [{\"op\": \"test\", \"path\": \"/a\", \"value\": 2}])", "UNDEFINED");
    BT_ERR("json.remove([], [])", "eval_type_error", "json.remove: operand 1 must be object but got array");
}

static void test_objects_json_schema(void)
{
    BT_EQ("json.match_schema({\"id\": 5}, {\"properties\": {\"id\": {\"type\": \"integer\"}}, \"required\": [\"id\"]})",
          "[true,[]]");
    BT_EQ("json.match_schema({\"id\": \"x\"}, {\"properties\": {\"id\": {\"type\": \"integer\"}}})",
          "[false,[{\"desc\":\"Invalid type. Expected: integer, given: string\",\"error\":\"id: Invalid type. "
          "Expected: integer, given: string\",\"field\":\"id\",\"type\":\"invalid_type\"}]]");
    BT_EQ("json.match_schema(\"{}\", \"{\\\"required\\\": [\\\"name\\\"]}\")[1][0].desc", "\"name is required\"");
    BT_EQ("json.match_schema([1, 1], {\"uniqueItems\": true, \"maxItems\": 1})[1][0].type", "\"array_max_items\"");
    BT_EQ("json.verify_schema({\"type\": \"boolean\"})", "[true,null]");
    BT_EQ("json.verify_schema({\"type\": \"nope\"})[0]", "false");
    BT_ERR("json.match_schema({}, {\"type\": \"nope\"})", "eval_builtin_error",
           "has a primitive type that is NOT VALID -- given: /nope/");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_objects_json_schema),
    OSP_TEST(test_objects_get_with_paths),
    OSP_TEST(test_objects_keys_filter_remove),
    OSP_TEST(test_objects_union_merges_deeply),
    OSP_TEST(test_objects_json_filter_remove_patch),
    {0},
};

int main(void)
{
    return osp_test_run("bi_objects", tests);
}
