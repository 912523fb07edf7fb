/* test_value.c: rv ordering, number arithmetic and formatting, big ints, JSON round trip. */
#include <stdlib.h>
#include <string.h>

#include "osp_test.h"
#include "rego/value.h"

static rv J(const char *text)
{
    struct osp_err err;
    osp_err_init(&err);
    rv v = rv_undef();
    if (rv_json_parse(text, strlen(text), NULL, &v, &err))
        return rv_undef();
    return v;
}

static int dump_eq(rv v, const char *want)
{
    char *s = rv_json_dump(v, false);
    int ok = s && strcmp(s, want) == 0;
    if (!ok)
        fprintf(stderr, "got %s want %s\n", s ? s : "(null)", want);
    free(s);
    return ok;
}

static void test_order_across_kinds_follows_opa(void)
{
    rv v = J("[{\"a\":1}, \"s\", [1], 2, true, null, false]");
    rv s = rv_set_new();
    for (size_t i = 0; i < rv_len(v); i++)
        rv_set_add(&s, rv_ref(rv_arr_at(v, i)));
    rv_set_add(&s, rv_set_new());
    CU_ASSERT_EQUAL(rv_len(s), 8);
    CU_ASSERT_TRUE(dump_eq(s, "[null,false,true,2,\"s\",[1],{\"a\":1},[]]"));
    rv_unref(v);
    rv_unref(s);
}

static void test_numbers_compare_by_value(void)
{
    rv a = rv_num_parse("1.0", 3), b = rv_num_int(1), c = rv_num_parse("1.5", 3);
    CU_ASSERT_TRUE(rv_equal(a, b));
    CU_ASSERT_EQUAL(rv_hash(a), rv_hash(b));
    CU_ASSERT_TRUE(rv_cmp(b, c) < 0);
    CU_ASSERT_TRUE(rv_cmp(c, rv_num_int(2)) < 0);
    rv s = rv_set_new();
    rv_set_add(&s, rv_ref(a));
    CU_ASSERT_TRUE(rv_set_has(s, b));
    rv_unref(s);
    rv_unref(a);
    rv_unref(c);
}

static void test_big_integers_do_not_overflow(void)
{
    rv a = rv_num_int(INT64_MAX), one = rv_num_int(1);
    rv b = rv_num_add(a, one);
    CU_ASSERT_TRUE(dump_eq(b, "9223372036854775808"));
    CU_ASSERT_TRUE(rv_cmp(b, a) > 0);
    rv c = rv_num_sub(b, one);
    CU_ASSERT_TRUE(rv_equal(c, a));
    rv big = rv_num_parse("123456789012345678901234567890", 30);
    rv sq = rv_num_mul(big, big);
    CU_ASSERT_TRUE(dump_eq(sq, "15241578753238836750495351562536198787501905199875019052100"));
    rv q = rv_num_div(sq, big);
    CU_ASSERT_TRUE(rv_equal(q, big));
    rv_unref(b);
    rv_unref(c);
    rv_unref(big);
    rv_unref(sq);
    rv_unref(q);
}

static void test_number_formatting(void)
{
    rv half = rv_num_div(rv_num_int(1), rv_num_int(2));
    CU_ASSERT_TRUE(dump_eq(half, "0.5"));
    rv third = rv_num_div(rv_num_int(1), rv_num_int(3));
    CU_ASSERT_TRUE(dump_eq(third, "0.3333333333333333"));
    rv six = rv_num_div(rv_num_int(12), rv_num_int(2));
    CU_ASSERT_TRUE(dump_eq(six, "6"));
    rv one_half = rv_num_parse("1.5", 3);
    rv x = rv_num_mul(one_half, rv_num_int(2));
    CU_ASSERT_TRUE(dump_eq(x, "3"));
    rv lit = rv_num_parse("1e3", 3);
    CU_ASSERT_TRUE(dump_eq(lit, "1e3")); /* literal spelling is kept, as OPA does */
    CU_ASSERT_TRUE(rv_equal(lit, rv_num_int(1000)));
    rv big = rv_num_parse("1234567.5", 9);
    rv m = rv_num_mul(big, rv_num_int(1));
    CU_ASSERT_TRUE(dump_eq(m, "1.2345675e+06"));
    CU_ASSERT_TRUE(rv_is_undef(rv_num_div(rv_num_int(1), rv_num_int(0))));
    CU_ASSERT_TRUE(rv_is_undef(rv_num_parse("1.", 2)));
    rv r = rv_num_rem(rv_num_int(-7), rv_num_int(3));
    CU_ASSERT_TRUE(dump_eq(r, "-1"));
    rv_unref(half);
    rv_unref(third);
    rv_unref(lit);
    rv_unref(m);
    rv_unref(one_half);
    rv_unref(big);
}

static void test_json_round_trip_sorts_keys_and_keeps_spelling(void)
{
    rv huge = J("[2e308]"); /* beyond double range: kept by spelling, as OPA does */
    CU_ASSERT_TRUE(dump_eq(huge, "[2e308]"));
    rv big = rv_num_parse("1e300", 5);
    CU_ASSERT_TRUE(rv_cmp(rv_arr_at(huge, 0), big) > 0);
    rv_unref(big);
    rv_unref(huge);
    rv v = J("{\"b\":[1,2.50,-0.0001],\"a\":{\"y\":null,\"x\":\"\\u00e9\\n\\ud83d\\ude00\"}}");
    CU_ASSERT_TRUE(dump_eq(v, "{\"a\":{\"x\":\"\xc3\xa9\\n\xf0\x9f\x98\x80\",\"y\":null},\"b\":[1,2.50,-0.0001]}"));
    char *s = rv_json_dump(v, false);
    rv w = J(s);
    CU_ASSERT_TRUE(rv_equal(v, w));
    free(s);
    rv_unref(v);
    rv_unref(w);
}

static void test_json_limits_and_errors(void)
{
    struct osp_err err;
    osp_err_init(&err);
    rv v;
    struct rv_json_limits lim = {4, 0, NULL, false};
    CU_ASSERT_EQUAL(rv_json_parse("[[[[[1]]]]]", 11, &lim, &v, &err), OSP_EPARSE);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(rv_json_parse("{\"a\":1,}", 8, NULL, &v, &err), OSP_EPARSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "column"));
    osp_err_init(&err);
    CU_ASSERT_EQUAL(rv_json_parse("[1] x", 5, NULL, &v, &err), OSP_EPARSE);
}

static void test_objects_any_keys_copy_on_write(void)
{
    rv o = rv_obj_new();
    for (int i = 0; i < 100; i++)
        rv_obj_set(&o, rv_num_int(99 - i), rv_num_int(i));
    rv_obj_set(&o, rv_str_new("k"), rv_bool(true));
    CU_ASSERT_EQUAL(rv_len(o), 101);
    CU_ASSERT_TRUE(rv_equal(rv_obj_get(o, rv_num_int(0)), rv_num_int(99)));
    CU_ASSERT_TRUE(rv_equal(rv_obj_key_at(o, 0), rv_num_int(0)));
    rv shared = rv_ref(o);
    rv_obj_set(&o, rv_str_new("k"), rv_bool(false));
    CU_ASSERT_TRUE(rv_is_true(rv_obj_get_s(shared, "k")));
    CU_ASSERT_FALSE(rv_is_true(rv_obj_get_s(o, "k")));
    CU_ASSERT_TRUE(rv_obj_del(&o, rv_num_int(5)));
    CU_ASSERT_EQUAL(rv_len(o), 100);
    CU_ASSERT_TRUE(rv_cmp(shared, o) != 0);
    CU_ASSERT_TRUE(dump_eq(rv_obj_get(o, rv_num_int(6)), "93"));
    rv_unref(o);
    rv_unref(shared);
}

static void test_rego_writer_prints_sets(void)
{
    rv s = rv_set_new();
    struct osp_buf b;
    osp_buf_init(&b, 0);
    CU_ASSERT_EQUAL(rv_rego_write(s, &b), OSP_OK);
    CU_ASSERT_STRING_EQUAL(osp_buf_str(&b), "set()");
    rv_set_add(&s, rv_str_new("a"));
    rv_set_add(&s, rv_num_int(1));
    osp_buf_reset(&b);
    CU_ASSERT_EQUAL(rv_rego_write(s, &b), OSP_OK);
    CU_ASSERT_STRING_EQUAL(osp_buf_str(&b), "{1, \"a\"}");
    osp_buf_cleanup(&b);
    rv_unref(s);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_order_across_kinds_follows_opa),
    OSP_TEST(test_numbers_compare_by_value),
    OSP_TEST(test_big_integers_do_not_overflow),
    OSP_TEST(test_number_formatting),
    OSP_TEST(test_json_round_trip_sorts_keys_and_keeps_spelling),
    OSP_TEST(test_json_limits_and_errors),
    OSP_TEST(test_objects_any_keys_copy_on_write),
    OSP_TEST(test_rego_writer_prints_sets),
    {0},
};

int main(void)
{
    return osp_test_run("rego_value", tests);
}
