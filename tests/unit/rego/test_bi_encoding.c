/* test_bi_encoding.c: base64, hex, urlquery, json.* and yaml.* builtins. */
#include "test_bi_helpers.h"

static void test_encoding_base64_variants(void)
{
    BT_EQ("base64.encode(\"subjects?_d\")", "\"c3ViamVjdHM/X2Q=\"");
    BT_EQ("base64.decode(\"aGVsbG8=\")", "\"hello\"");
    BT_EQ("base64.is_valid(\"aGVsbG8\")", "false");
    BT_EQ("base64url.encode(\"subjects?_d\")", "\"c3ViamVjdHM_X2Q=\"");
    BT_EQ("base64url.encode_no_pad(\"hello\")", "\"aGVsbG8\"");
    BT_EQ("base64url.decode(\"aGVsbG8\")", "\"hello\"");
    BT_ERR("base64.decode(\"a$==\")", "eval_builtin_error", "illegal base64 data at input byte 1");
}

static void test_encoding_hex_and_urlquery(void)
{
    BT_EQ("hex.encode(\"lorem\")", "\"6c6f72656d\"");
    BT_EQ("hex.decode(\"6c6f72656d\")", "\"lorem\"");
    BT_ERR("hex.decode(\"fghijkl\")", "eval_builtin_error", "invalid byte: U+0067 'g'");
    BT_EQ("urlquery.encode(\"a=b+1 c\")", "\"a%3Db%2B1+c\"");
    BT_EQ("urlquery.decode(\"a%3Db%2B1+c\")", "\"a=b+1 c\"");
    BT_EQ("urlquery.encode_object({\"a\": [\"b+1\", \"c\"], \"d\": \"e\"})", "\"a=b%2B1&a=c&d=e\"");
    BT_EQ("urlquery.decode_object(\"a=1&b&a=2\")", "{\"a\":[\"1\",\"2\"],\"b\":[\"\"]}");
    BT_ERR("urlquery.decode(\"%zz\")", "eval_builtin_error", "invalid URL escape \"%zz\"");
}

static void test_encoding_json(void)
{
    BT_EQ("json.marshal([{\"foo\": {3, 1}}])", "\"[{\\\"foo\\\":[1,3]}]\"");
    BT_EQ("json.unmarshal(\"[1, {\\\"a\\\": null}]\")", "[1,{\"a\":null}]");
    BT_EQ("json.is_valid(\"{\")", "false");
    /* Go's encoder escapes HTML-sensitive characters, and so does OPA's json.marshal */
    BT_EQ("json.marshal(\"<a&b>\")", "\"\\\"\\\\u003ca\\\\u0026b\\\\u003e\\\"\"");
    BT_EQ("json.marshal_with_options({\"a\": [1]}, {\"indent\": \" \"})", "\"{\\n \\\"a\\\": [\\n  1\\n ]\\n}\"");
    BT_EQ("json.marshal_with_options([], {\"prefix\": \"--\"})", "\"--[]\"");
    BT_ERR("json.marshal_with_options([], {\"bad\": 1})", "eval_type_error", "object contained unknown key \"bad\"");
    BT_ERR("json.unmarshal(1)", "eval_type_error", "operand 1 must be string but got number");
}

static void test_encoding_yaml(void)
{
    BT_EQ("yaml.unmarshal(\"a: yes\\nb: [1, '2']\\nc: ~\\nd: 1.5\")",
          "{\"a\":true,\"b\":[1,\"2\"],\"c\":null,\"d\":1.5}");
    BT_EQ("yaml.unmarshal(yaml.marshal({\"k\": [\"true\", 1, {\"x\": null}]}))", "{\"k\":[\"true\",1,{\"x\":null}]}");
    BT_EQ("yaml.is_valid(\"a: [\")", "false");
    BT_ERR("yaml.unmarshal(\"[1,2,3\")", "eval_builtin_error", "yaml: line 1: did not find");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_encoding_base64_variants),
    OSP_TEST(test_encoding_hex_and_urlquery),
    OSP_TEST(test_encoding_json),
    OSP_TEST(test_encoding_yaml),
    {0},
};

int main(void)
{
    return osp_test_run("bi_encoding", tests);
}
