/* test_parse.c: syntax and compile errors carry OPA's code and the right file:line:col. */
#include <string.h>

#include "osp_test.h"
#include "rego/rego.h"

struct outcome {
    enum osp_code rc;
    struct rego_error e;
};

static struct outcome compile(const char *src, bool v0)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct rego_opts o;
    memset(&o, 0, sizeof(o));
    o.v0_compatible = v0;
    struct osp_err err;
    osp_err_init(&err);
    struct rego_engine *e = NULL;
    struct outcome r;
    memset(&r, 0, sizeof(r));
    r.rc = rego_engine_new(&ctx, &o, &e, &err);
    if (!r.rc)
        r.rc = rego_add_module(e, "m.rego", src, strlen(src), &err);
    if (!r.rc)
        r.rc = rego_compile(e, &err);
    if (r.rc)
        r.e = *rego_last_error(e);
    rego_engine_free(e);
    return r;
}

static void test_unclosed_array_points_at_the_closing_brace(void)
{
    struct outcome r = compile("package t\n\np if {\n\tx := [1, 2\n}\n", false);
    CU_ASSERT_EQUAL(r.rc, OSP_EPOLICY);
    CU_ASSERT_STRING_EQUAL(r.e.code, "rego_parse_error");
    CU_ASSERT_STRING_EQUAL(r.e.file, "m.rego");
    CU_ASSERT_EQUAL(r.e.line, 5);
    CU_ASSERT_EQUAL(r.e.col, 1);
}

static void test_unterminated_string_reports_its_line(void)
{
    struct outcome r = compile("package t\n\np := \"abc\nq := 1\n", false);
    CU_ASSERT_EQUAL(r.rc, OSP_EPOLICY);
    CU_ASSERT_STRING_EQUAL(r.e.code, "rego_parse_error");
    CU_ASSERT_EQUAL(r.e.line, 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.e.message, "non-terminated string"));
}

static void test_missing_package_is_an_error_at_line_one(void)
{
    struct outcome r = compile("p := 1\n", false);
    CU_ASSERT_EQUAL(r.rc, OSP_EPOLICY);
    CU_ASSERT_EQUAL(r.e.line, 1);
    CU_ASSERT_EQUAL(r.e.col, 1);
}

static void test_v1_requires_if_before_a_body(void)
{
    const char *src = "package t\n\np[x] {\n\tx := 1\n}\n";
    struct outcome r = compile(src, false);
    CU_ASSERT_EQUAL(r.rc, OSP_EPOLICY);
    CU_ASSERT_EQUAL(r.e.line, 3);
    CU_ASSERT_EQUAL(r.e.col, 6);
    CU_ASSERT_EQUAL(compile(src, true).rc, OSP_OK); /* v0 accepts it */
}

static void test_unsafe_var_points_at_the_variable(void)
{
    struct outcome r = compile("package t\n\np if {\n\tcount(y) > 1\n}\n", false);
    CU_ASSERT_EQUAL(r.rc, OSP_EPOLICY);
    CU_ASSERT_STRING_EQUAL(r.e.code, "rego_unsafe_var_error");
    CU_ASSERT_STRING_EQUAL(r.e.message, "var y is unsafe");
    CU_ASSERT_EQUAL(r.e.line, 4);
    CU_ASSERT_EQUAL(r.e.col, 8);
}

static void test_undefined_function_is_a_type_error(void)
{
    struct outcome r = compile("package t\n\np := nosuch(1)\n", false);
    CU_ASSERT_EQUAL(r.rc, OSP_EPOLICY);
    CU_ASSERT_STRING_EQUAL(r.e.code, "rego_type_error");
    CU_ASSERT_STRING_EQUAL(r.e.message, "undefined function nosuch");
    CU_ASSERT_EQUAL(r.e.line, 3);
    CU_ASSERT_EQUAL(r.e.col, 6);
}

static void test_deep_nesting_is_refused_not_crashed(void)
{
    char src[4200] = "package t\np := ";
    size_t n = strlen(src);
    for (int i = 0; i < 2000; i++)
        src[n++] = '[';
    src[n] = '\0';
    struct outcome r = compile(src, false);
    CU_ASSERT_EQUAL(r.rc, OSP_EPOLICY);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.e.message, "nesting too deep"));
}

static void test_reassignment_is_a_compile_error(void)
{
    struct outcome r = compile("package t\n\np if {\n\tx := 1\n\tx := 2\n}\n", false);
    CU_ASSERT_EQUAL(r.rc, OSP_EPOLICY);
    CU_ASSERT_STRING_EQUAL(r.e.message, "var x assigned above");
    CU_ASSERT_EQUAL(r.e.line, 5);
}

static void test_valid_module_compiles(void)
{
    const char *src = "package t\n\nimport rego.v1\n\n# METADATA\n# title: x\n"
                      "deny contains msg if {\n\tsome b in input.buckets\n\tnot b.ok\n"
                      "\tmsg := sprintf(\"%s\", [b.name])\n}\n";
    CU_ASSERT_EQUAL(compile(src, false).rc, OSP_OK);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_unclosed_array_points_at_the_closing_brace),
    OSP_TEST(test_unterminated_string_reports_its_line),
    OSP_TEST(test_missing_package_is_an_error_at_line_one),
    OSP_TEST(test_v1_requires_if_before_a_body),
    OSP_TEST(test_unsafe_var_points_at_the_variable),
    OSP_TEST(test_undefined_function_is_a_type_error),
    OSP_TEST(test_deep_nesting_is_refused_not_crashed),
    OSP_TEST(test_reassignment_is_a_compile_error),
    OSP_TEST(test_valid_module_compiles),
    {0},
};

int main(void)
{
    return osp_test_run("rego_parse", tests);
}
