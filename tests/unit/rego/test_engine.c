/* test_engine.c: the rego.h API as the scan pipeline uses it: modules, annotations, eval_ref,
 * one frozen input shared by several evaluating threads. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "osp_test.h"
#include "rego/rego.h"
#include "rego/value_int.h" /* rv_thaw */

static const char check_src[] = "# METADATA\n"
                                "# title: S3 buckets are encrypted\n"
                                "# custom:\n"
                                "#   id: AVD-AWS-0088\n"
                                "#   severity: HIGH\n"
                                "package builtin.aws.s3.aws0088\n"
                                "\n"
                                "deny contains res if {\n"
                                "\tsome b in input.aws.s3.buckets\n"
                                "\tnot b.encryption.enabled.value\n"
                                "\tres := {\"msg\": sprintf(\"bucket %s is not encrypted\", [b.name.value])}\n"
                                "}\n";

static struct rego_engine *engine(struct osp_ctx *ctx)
{
    struct osp_err err;
    osp_err_init(&err);
    struct rego_engine *e = NULL;
    struct rego_opts o;
    memset(&o, 0, sizeof(o));
    CU_ASSERT_EQUAL_FATAL(rego_engine_new(ctx, &o, &e, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(rego_add_module(e, "s3.rego", check_src, strlen(check_src), &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(rego_compile(e, &err), OSP_OK);
    return e;
}

static rv input_doc(size_t n)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    CU_ASSERT_EQUAL(osp_buf_adds(&b, "{\"aws\":{\"s3\":{\"buckets\":["), OSP_OK);
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL(osp_buf_addf(&b,
                                     "%s{\"name\":{\"value\":\"b%zu\"},\"encryption\":{\"enabled\":"
                                     "{\"value\":%s}}}",
                                     i ? "," : "", i, i % 3 ? "true" : "false"),
                        OSP_OK);
    CU_ASSERT_EQUAL(osp_buf_adds(&b, "]}}}"), OSP_OK);
    struct osp_err err;
    osp_err_init(&err);
    rv v = rv_undef();
    CU_ASSERT_EQUAL(rego_input_parse(b.data, b.len, &v, &err), OSP_OK);
    osp_buf_cleanup(&b);
    return v;
}

static void test_module_info_exposes_package_annotations(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct rego_engine *e = engine(&ctx);
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(rego_module_count(e), 1);
    struct rego_module_info mi;
    CU_ASSERT_EQUAL_FATAL(rego_module_info(e, 0, &mi, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(mi.package, "builtin.aws.s3.aws0088");
    CU_ASSERT_STRING_EQUAL(mi.filename, "s3.rego");
    CU_ASSERT_EQUAL(mi.nrules, 1);
    CU_ASSERT_STRING_EQUAL(mi.rules[0], "deny");
    rv custom = rv_obj_get_s(mi.annotations, "custom");
    CU_ASSERT_STRING_EQUAL(rv_str(rv_obj_get_s(custom, "id")), "AVD-AWS-0088");
    CU_ASSERT_STRING_EQUAL(rv_str(rv_obj_get_s(mi.annotations, "title")), "S3 buckets are encrypted");
    rego_engine_free(e);
}

static void test_eval_ref_returns_the_deny_set(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct rego_engine *e = engine(&ctx);
    rv in = input_doc(6);
    struct osp_err err;
    osp_err_init(&err);
    rv deny = rv_undef();
    CU_ASSERT_EQUAL(rego_eval_ref(e, "data.builtin.aws.s3.aws0088.deny", in, &deny, &err), OSP_OK);
    CU_ASSERT_EQUAL(rv_kind(deny), RV_SET);
    CU_ASSERT_EQUAL(rv_len(deny), 2);
    CU_ASSERT_STRING_EQUAL(rv_str(rv_obj_get_s(rv_set_at(deny, 0), "msg")), "bucket b0 is not encrypted");
    rv_unref(deny);
    rv_unref(in);
    rego_engine_free(e);
}

struct worker {
    struct rego_engine *e;
    rv input;
    size_t count;
    int failures;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    for (int i = 0; i < 50; i++) {
        struct osp_err err;
        osp_err_init(&err);
        rv deny = rv_undef();
        if (rego_eval_ref(w->e, "data.builtin.aws.s3.aws0088.deny", w->input, &deny, &err) || rv_len(deny) != w->count)
            w->failures++;
        rv_unref(deny);
    }
    return NULL;
}

static void test_threads_share_a_compiled_engine_and_frozen_input(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct rego_engine *e = engine(&ctx);
    rv in = input_doc(300);
    rv_freeze(in);
    struct worker w[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        w[i] = (struct worker){e, in, 100, 0};
        CU_ASSERT_EQUAL(pthread_create(&th[i], NULL, work, &w[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CU_ASSERT_EQUAL(w[i].failures, 0);
    }
    rego_engine_free(e);
    rv_thaw(in); /* frozen values are immortal: thaw so the input can be released */
    rv_unref(in);
}

/* An engine with options o and no modules, compiled (NULL on failure, asserted). */
static struct rego_engine *bare_engine(struct osp_ctx *ctx, const struct rego_opts *o)
{
    struct osp_err err;
    osp_err_init(&err);
    struct rego_engine *e = NULL;
    CU_ASSERT_EQUAL(rego_engine_new(ctx, o, &e, &err), OSP_OK);
    if (e && rego_compile(e, &err)) {
        CU_FAIL("compile");
        rego_engine_free(e);
        e = NULL;
    }
    return e;
}

static void test_step_budget_ends_runaway_queries(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct rego_opts o;
    memset(&o, 0, sizeof(o));
    o.max_steps = 1000;
    struct osp_err err;
    osp_err_init(&err);
    struct rego_engine *e = bare_engine(&ctx, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    rv r = rv_undef();
    CU_ASSERT_EQUAL(rego_eval(e, "x := numbers.range(1, 100000)[_]; x < 0", rv_undef(), &r, &err), OSP_EEVAL);
    CU_ASSERT_STRING_EQUAL(rego_last_error(e)->code, "eval_cancel_error");
    rego_engine_free(e);
}

/* The wall-clock deadline ends a query the step budget would still allow, and the memory cap one
 * that holds too many values; both are eval_cancel_error, neither a hang nor abort(). */
static void test_deadline_and_memory_cap_end_queries(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct rego_opts o;
    memset(&o, 0, sizeof(o));
    o.max_steps = 4000000000UL;
    o.max_seconds = 0.2;
    struct osp_err err;
    osp_err_init(&err);
    struct rego_engine *e = bare_engine(&ctx, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    rv r = rv_undef();
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CU_ASSERT_EQUAL(rego_eval(e, "x := numbers.range(1, 20000)[_]; y := numbers.range(1, 20000)[_]; x + y < 0",
                              rv_undef(), &r, &err),
                    OSP_EEVAL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    CU_ASSERT(t1.tv_sec - t0.tv_sec < 5);
    CU_ASSERT_STRING_EQUAL(rego_last_error(e)->code, "eval_cancel_error");
    CU_ASSERT_PTR_NOT_NULL(strstr(rego_last_error(e)->message, "deadline"));
    rego_engine_free(e);

    memset(&o, 0, sizeof(o));
    o.max_memory = 8 << 20;
    osp_err_init(&err);
    e = bare_engine(&ctx, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(rego_eval(e, "x := [[i, j] | i := numbers.range(1, 1000)[_]; j := numbers.range(1, 1000)[_]]",
                              rv_undef(), &r, &err),
                    OSP_EEVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(rego_last_error(e)->message, "memory cap of 8 MiB"));
    /* and a query within the cap still answers on the same engine */
    osp_err_init(&err);
    CU_ASSERT_EQUAL(rego_eval(e, "x := count([i | i := numbers.range(1, 1000)[_]])", rv_undef(), &r, &err), OSP_OK);
    rv_unref(r);
    rego_engine_free(e);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_module_info_exposes_package_annotations),
    OSP_TEST(test_eval_ref_returns_the_deny_set),
    OSP_TEST(test_threads_share_a_compiled_engine_and_frozen_input),
    OSP_TEST(test_step_budget_ends_runaway_queries),
    OSP_TEST(test_deadline_and_memory_cap_end_queries),
    {0},
};

int main(void)
{
    return osp_test_run("rego_engine", tests);
}
