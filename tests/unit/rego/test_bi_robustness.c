/* test_bi_robustness.c: every builtin in the table, called through the engine with odd
 * arguments (wrong types, huge numbers, broken encodings), must return a value, undefined or
 * an error: never crash, hang or leak (run it under -DOSPREY_SANITIZE=ON). */
#include "rego/builtin.h"
#include "test_bi_helpers.h"

static const char *const pool[] = {
    "null",
    "true",
    "0",
    "-1",
    "2.5",
    "1e300",
    "123456789012345678901234567890",
    "-9223372036854775808",
    "\"\"",
    "\"abc\"",
    "\"åäö😀\"",
    "\"%d %s %v %q %x %-5.2f %!\"",
    "\"[\"",
    "\"a.*\"",
    "\"{a,b}*?[!x-z]\"",
    "\"2017-06-02T19:00:00-07:00\"",
    "\"1h30m\"",
    "\"10.0.0.0/8\"",
    "\"::1/128\"",
    "\"a.b.c\"",
    "\"{{.a}}{{range .b}}{{end}}\"",
    "\"aGVsbG8=\"",
    "\"1.0.0-alpha\"",
    "\"100Mi\"",
    "\"America/New_York\"",
    "[]",
    "[1, 2, 3]",
    "[\"a\", \"b\"]",
    "[[1], [2, [3]]]",
    "[1, \"x\", null]",
    "[0, \"UTC\"]",
    "{}",
    "{\"a\": {\"b\": [1, {\"c\": 2}]}}",
    "{\"method\": \"get\", \"url\": \"http://x\"}",
    "{\"op\": \"add\", \"path\": \"/a\", \"value\": 1}",
    "{\"kty\": \"oct\", \"k\": \"YQ\"}",
    "{1, \"a\"}",
    "set()",
    "{{1}, {2}}",
};
#define NPOOL (sizeof pool / sizeof pool[0])

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void test_robustness_every_builtin_survives_odd_arguments(void)
{
    size_t n;
    const struct rego_builtin *t = rego_builtins_table(&n);
    CU_ASSERT_TRUE(n > 150);
    size_t calls = 0, values = 0;
    for (size_t round = 0; round < 12; round++) {
        for (size_t i = 0; i < n; i++) {
            if (!strcmp(t[i].name, "test.sleep"))
                continue;
            char expr[2048];
            size_t len = (size_t)snprintf(expr, sizeof expr, "%s(", t[i].name);
            for (int k = 0; k < t[i].arity; k++)
                len += (size_t)snprintf(expr + len, sizeof expr - len, "%s%s", k ? ", " : "", pool[next() % NPOOL]);
            snprintf(expr + len, sizeof expr - len, ")");
            char *got = bt_eval(expr);
            CU_ASSERT_PTR_NOT_NULL_FATAL(got);
            /* the engine answered: a value, undefined, or an OPA-style error */
            CU_ASSERT_TRUE(strncmp(got, "ENGINE", 6) != 0);
            values += strncmp(got, "ERROR", 5) != 0;
            calls++;
            free(got);
        }
    }
    CU_ASSERT_TRUE(calls > 1500);
    CU_ASSERT_TRUE(values > 0);
}

static void test_robustness_limits_end_in_errors(void)
{
    BT_ERR("numbers.range(0, 100000000)", "eval_builtin_error", "too large");
    BT_ERR("net.cidr_expand(\"10.0.0.0/8\")", "eval_builtin_error", "too many addresses");
    BT_ERR("bits.lsh(1, 100000)", "eval_builtin_error", "too large");
    BT_ERR("glob.match(\"*a*a*a*a*a*a*a*a*a*a*a*a*a*b\", null, "
           "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")",
           "eval_builtin_error", "too complex");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_robustness_every_builtin_survives_odd_arguments),
    OSP_TEST(test_robustness_limits_end_in_errors),
    {0},
};

int main(void)
{
    return osp_test_run("bi_robustness", tests);
}
