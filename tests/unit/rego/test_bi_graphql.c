/* test_bi_graphql.c: graphql.* parsing (gqlparser AST shape, error positions) and validation. */
#include "test_bi_helpers.h"

#define SCHEMA "\"type Query { pupil(name: String!): Pupil } type Pupil { id: ID! friends: [Pupil] }\""

static void test_graphql_parse_query_shape(void)
{
    BT_EQ(
        "graphql.parse_query(\"{ f(a: $v) }\")",
        "{\"Operations\":[{\"Name\":\"\",\"Operation\":\"query\",\"SelectionSet\":[{\"Alias\":\"f\",\"Arguments\":"
        "[{\"Name\":\"a\",\"Value\":{\"ExpectedTypeHasDefault\":false,\"Kind\":0,\"Raw\":\"v\"}}],\"Name\":\"f\"}]}]}");
    BT_ERR("graphql.parse_query(\"{\")", "eval_builtin_error",
           "Expected Name, found <EOF> in GraphQL string at location 1:2");
    BT_ERR("graphql.parse_query(\"notanoperation\")", "eval_builtin_error",
           "Unexpected Name \"notanoperation\" in GraphQL string at location 1:1");
}

static void test_graphql_parse_schema_shape(void)
{
    BT_EQ("graphql.parse_schema(\"type Hello { world: [String!] }\").Definitions[0].Fields[0].Type",
          "{\"Elem\":{\"NamedType\":\"String\",\"NonNull\":true},\"NamedType\":\"\",\"NonNull\":false}");
    BT_EQ("graphql.parse_schema(\"union U = | A | B\").Definitions[0].Types", "[\"A\",\"B\"]");
    BT_ERR("graphql.parse_schema(\"type Hello { }\")", "eval_builtin_error",
           "expected at least one definition, found } in GraphQL string at location 1:14");
}

static void test_graphql_validation(void)
{
    BT_EQ("graphql.schema_is_valid(" SCHEMA ")", "true");
    BT_EQ("graphql.schema_is_valid(\"type Hello implements World { f: String }\")", "false");
    BT_EQ("graphql.schema_is_valid(\"schema { query: Query }\")", "false");
    BT_EQ("graphql.schema_is_valid(\"input I { p: Pupil } type Pupil { id: ID }\")", "false");
    BT_EQ("graphql.is_valid(\"{ pupil(name: \\\"x\\\") { id friends { id } } }\", " SCHEMA ")", "true");
    BT_EQ("graphql.is_valid(\"{ pupil { id } }\", " SCHEMA ")", "false");
    BT_EQ("graphql.is_valid(\"{ pupil(name: \\\"x\\\") { nope } }\", " SCHEMA ")", "false");
    BT_EQ("graphql.parse_and_verify(\"mutation { x }\", " SCHEMA ")", "[false,{},{}]");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_graphql_parse_query_shape),
    OSP_TEST(test_graphql_parse_schema_shape),
    OSP_TEST(test_graphql_validation),
    {0},
};

int main(void)
{
    return osp_test_run("bi_graphql", tests);
}
