/* test_bi_misc.c: semver, units, uuid and net.cidr_* builtins. */
#include "test_bi_helpers.h"

static void test_misc_semver(void)
{
    BT_EQ("semver.compare(\"1.0.0\", \"2.0.0\")", "-1");
    BT_EQ("semver.compare(\"1.0.0-alpha\", \"1.0.0\")", "-1");
    BT_EQ("semver.compare(\"1.0.0-alpha.10\", \"1.0.0-alpha.2\")", "1");
    BT_EQ("semver.compare(\"1.0.0+a\", \"1.0.0+b\")", "0");
    BT_EQ("[semver.is_valid(\"1.0.0\"), semver.is_valid(\"1\"), semver.is_valid(1)]", "[true,false,false]");
    BT_ERR("semver.compare(\"1\", \"1.0.0\")", "eval_builtin_error",
           "semver.compare: operand 1: string \"1\" is not a valid SemVer");
}

static void test_misc_units_are_exact(void)
{
    BT_EQ("units.parse(\"500m\") == 0.5", "true");
    BT_EQ("units.parse(\"0.0000005M\") == 0.5", "true");
    BT_EQ("units.parse(\"10Ei\")", "11529215046068469760");
    BT_EQ("units.parse(\"4E2G\")", "400000000000");
    BT_EQ("units.parse_bytes(\"\\\"100TIB\\\"\")", "109951162777600");
    BT_EQ("units.parse_bytes(\"5e2MiB\")", "524288000");
    BT_ERR("units.parse(\"100 k\")", "eval_builtin_error", "spaces not allowed in resource strings");
    BT_ERR("units.parse_bytes(\"GB\")", "eval_builtin_error", "no byte amount provided");
    BT_ERR("units.parse(\".5.2\")", "eval_builtin_error", "could not parse amount to a number");
}

static void test_misc_uuid(void)
{
    BT_EQ("uuid.parse(\"{00000000-0000-4000-8000-000000000000}\")", "{\"variant\":\"RFC4122\",\"version\":4}");
    BT_EQ("uuid.parse(\"000003e8-48b9-21ee-b200-325096b39f47\").time", "1693566990121469600");
    BT_EQ("uuid.parse(\"000003e8-48b9-21ee-b200-325096b39f47\").domain", "\"Person\"");
    BT_EQ("uuid.parse(\"not-a-uuid\")", "UNDEFINED");
    BT_EQ("regex.match(\"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$\", uuid.rfc4122(\"k\"))",
          "true");
}

static void test_misc_cidr(void)
{
    BT_EQ("net.cidr_contains(\"10.0.0.0/8\", \"10.1.2.3\")", "true");
    BT_EQ("net.cidr_contains(\"172.17.0.0/24\", \"172.17.0.0/16\")", "false");
    BT_EQ("net.cidr_intersects(\"fd1e:5bfe:8af3:9ddc::/64\", \"fd1e:5bfe:8af3:9ddc:1111::/72\")", "true");
    BT_EQ("net.cidr_is_valid(\"192.168.1.2\")", "false");
    BT_EQ("net.cidr_expand(\"192.168.1.1/31\")", "[\"192.168.1.0\",\"192.168.1.1\"]");
    BT_EQ("net.cidr_merge([\"192.0.2.112/30\", \"192.0.2.116/31\", \"192.0.2.118/31\"])", "[\"192.0.2.112/29\"]");
    BT_EQ("net.cidr_merge([\"192.0.128.0\", \"192.0.129.0\"])", "[\"192.0.128.0/23\"]");
    BT_EQ("net.cidr_contains_matches({\"k\": \"1.1.1.0/24\"}, [\"1.1.1.1\", \"2.2.2.2\"])", "[[\"k\",0]]");
    BT_ERR("net.cidr_expand(\"192.168.1.1/33\")", "eval_builtin_error", "invalid CIDR address: 192.168.1.1/33");
    BT_ERR("net.cidr_merge([\"::1\"])", "eval_builtin_error", "IPv6 invalid: needs prefix length");
}

static void test_misc_graph_reachable(void)
{
    BT_EQ("graph.reachable({\"a\": {\"b\"}, \"b\": {\"c\"}, \"c\": {\"a\"}, \"x\": set()}, {\"a\"})",
          "[\"a\",\"b\",\"c\"]");
    BT_EQ("graph.reachable_paths({\"a\": [\"b\", \"c\"], \"b\": [\"c\"], \"c\": []}, {\"a\"})",
          "[[\"a\",\"b\",\"c\"],[\"a\",\"c\"]]");
    BT_ERR("graph.reachable(1, [])", "eval_type_error", "operand 1 must be object but got number");
    BT_ERR("graph.reachable({}, \"a\")", "eval_type_error", "operand 2 must be one of {array, set} but got string");
}

static void test_misc_render_template(void)
{
    BT_EQ("strings.render_template(\"{{.a}}-{{.b}}\", {\"a\": \"x\", \"b\": 2})", "\"x-2\"");
    BT_EQ("strings.render_template(\"{{range $i, $n := .l}}{{if $i}},{{end}}{{$n}}{{end}}\", {\"l\": [\"p\", \"q\"]})",
          "\"p,q\"");
    BT_EQ("strings.render_template(\"{{if .f}}yes{{else}}no{{end}}\", {\"f\": false})", "\"no\"");
    BT_EQ("strings.render_template(\"{{.missing}}\", {})", "\"<undefined>\"");
    BT_ERR("strings.render_template(\"{{.a\", {})", "eval_builtin_error", "unclosed action");
}

static void test_misc_no_network_builtins(void)
{
    BT_ERR("http.send({\"bad_key\": 1, \"method\": \"get\", \"url\": \"http://127.0.0.1:1\"})", "eval_type_error",
           "invalid request parameters(s): {\"bad_key\"}");
    BT_ERR("http.send({\"method\": \"get\"})", "eval_type_error", "missing required request parameters(s): {\"url\"}");
    BT_ERR("http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:1\"})", "eval_builtin_error",
           "disabled in osprey");
    BT_EQ("net.lookup_ip_addr(\"10.0.0.1\")", "[\"10.0.0.1\"]");
    BT_EQ("net.lookup_ip_addr(\"localhost\")", "[\"127.0.0.1\",\"::1\"]");
    BT_ERR("net.lookup_ip_addr(\"example.com\")", "eval_builtin_error", "name resolution is disabled");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_misc_no_network_builtins),
    OSP_TEST(test_misc_graph_reachable),
    OSP_TEST(test_misc_render_template),
    OSP_TEST(test_misc_semver),
    OSP_TEST(test_misc_units_are_exact),
    OSP_TEST(test_misc_uuid),
    OSP_TEST(test_misc_cidr),
    {0},
};

int main(void)
{
    return osp_test_run("bi_misc", tests);
}
