/* test_join_index.c: `some x in coll` followed by `x.path == t` uses a hash index of coll
 * (eval_index.c): same results, same order and same keys as scanning every element, and a
 * join of two large collections costs O(n + m) steps instead of O(n x m). */
#include <stdlib.h>
#include <string.h>

#include "osp_test.h"
#include "rego/rego.h"
#include "rego/value_int.h" /* rv_thaw */

/* Each rule has an indexed form (the equality right after the iteration) and a scanned twin
 * (the other side is a call, which the index does not take). */
static const char mod_src[] = "package j\n"
                              "import rego.v1\n"
                              "pairs contains [t.id, b.id] if {\n"
                              "  some t in input.ts\n"
                              "  some b in input.bs\n"
                              "  b.name.value == t.bn.value\n"
                              "}\n"
                              "pairs_scan contains [t.id, b.id] if {\n"
                              "  some t in input.ts\n"
                              "  some b in input.bs\n"
                              "  b.name.value == concat(\"\", [t.bn.value])\n"
                              "}\n"
                              "num := [i | some i, b in input.bs; b.n = 1]\n"
                              "num_scan := [i | some i, b in input.bs; b.n = abs(1)]\n"
                              "keys := [k | some k, v in input.obj; true == v.on]\n"
                              "keys_scan := [k | some k, v in input.obj; v.on == not_false]\n"
                              "not_false := true\n"
                              "members := [m | some m in input.set_of; m.x == 3]\n"
                              "members_scan := [m | some m in input.set_of; m.x == abs(3)]\n"
                              "bucket_of(t) := b if {\n"
                              "  some b in input.bs\n"
                              "  b.id == t.id\n"
                              "}\n"
                              "fn := [[t.id, b.id] | some t in input.ts; b := bucket_of(t)]\n"
                              "fn_scan := [[t.id, b.id] | some t in input.ts; some b in input.bs; "
                              "b.id == abs(t.id)]\n"
                              "missing := [b.id | some b in input.bs; b.name.value == input.nothing]\n"
                              "orphans contains t.id if {\n"
                              "  some t in input.ts\n"
                              "  not t.bn.value in {b.name.value | some b in input.bs; b.id >= 0}\n"
                              "}\n"
                              "orphans_scan contains t.id if {\n"
                              "  some t in input.ts\n"
                              "  not t.bn.value in {b.name.value | some b in input.bs; b.id >= 0; t.id == t.id}\n"
                              "}\n"
                              "per_t := [n | some t in input.ts; n := count([b | some b in input.bs; b.id < t.id])]\n";

static struct rego_engine *engine(struct osp_ctx *ctx, unsigned long max_steps)
{
    struct osp_err err;
    osp_err_init(&err);
    struct rego_engine *e = NULL;
    struct rego_opts o;
    memset(&o, 0, sizeof(o));
    o.max_steps = max_steps;
    CU_ASSERT_EQUAL_FATAL(rego_engine_new(ctx, &o, &e, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(rego_add_module(e, "j.rego", mod_src, strlen(mod_src), &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(rego_compile(e, &err), OSP_OK);
    return e;
}

/* nt trails naming buckets b0..b(nb/2) (some names twice, some buckets unnamed), nb buckets of
 * which some lack a name or use a number, an object and a set with mixed members. */
static rv input_doc(size_t nt, size_t nb)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    CU_ASSERT_EQUAL(osp_buf_adds(&b, "{\"ts\":["), OSP_OK);
    for (size_t i = 0; i < nt; i++)
        CU_ASSERT_EQUAL(osp_buf_addf(&b, "%s{\"id\":%zu,\"bn\":{\"value\":\"b%zu\"}}", i ? "," : "", i, (i * 7) % (nb / 2 + 1)),
                        OSP_OK);
    CU_ASSERT_EQUAL(osp_buf_adds(&b, "],\"bs\":["), OSP_OK);
    for (size_t i = 0; i < nb; i++) {
        enum osp_code rc;
        if (i % 5 == 4)
            rc = osp_buf_addf(&b, "%s{\"id\":%zu,\"n\":%s}", i ? "," : "", i, i % 2 ? "1.0" : "2");
        else
            rc = osp_buf_addf(&b, "%s{\"id\":%zu,\"n\":1,\"name\":{\"value\":\"b%zu\"}}", i ? "," : "", i,
                              i % (nb / 3 + 1));
        CU_ASSERT_EQUAL(rc, OSP_OK);
    }
    CU_ASSERT_EQUAL(osp_buf_adds(&b, "],\"obj\":{"), OSP_OK);
    for (size_t i = 0; i < 40; i++)
        CU_ASSERT_EQUAL(osp_buf_addf(&b, "%s\"k%02zu\":{\"on\":%s}", i ? "," : "", (i * 13) % 40, i % 3 ? "true" : "false"),
                        OSP_OK);
    CU_ASSERT_EQUAL(osp_buf_adds(&b, "},\"set_of\":[]}"), OSP_OK);
    struct osp_err err;
    osp_err_init(&err);
    rv v = rv_undef();
    CU_ASSERT_EQUAL_FATAL(rego_input_parse(b.data, b.len, &v, &err), OSP_OK);
    osp_buf_cleanup(&b);
    /* a set collection: input.set_of = {{"x": i % 4} | i < 40} with a few non-objects */
    rv set = rv_set_new();
    for (int i = 0; i < 40; i++) {
        rv m = rv_obj_new();
        rv_obj_set(&m, rv_str_new("x"), rv_num_int(i % 4));
        rv_obj_set(&m, rv_str_new("i"), rv_num_int(i));
        rv_set_add(&set, m);
    }
    rv_set_add(&set, rv_str_new("x"));
    rv_set_add(&set, rv_num_int(3));
    rv_obj_set(&v, rv_str_new("set_of"), set);
    return v;
}

static rv eval(struct rego_engine *e, const char *ref, rv in)
{
    struct osp_err err;
    osp_err_init(&err);
    rv v = rv_undef();
    CU_ASSERT_EQUAL(rego_eval_ref(e, ref, in, &v, &err), OSP_OK);
    return v;
}

static void same(struct rego_engine *e, rv in, const char *a, const char *b, size_t want_len)
{
    rv x = eval(e, a, in), y = eval(e, b, in);
    CU_ASSERT_TRUE(rv_equal(x, y));
    CU_ASSERT_EQUAL(rv_len(x), want_len);
    char *jx = rv_json_dump(x, false), *jy = rv_json_dump(y, false);
    CU_ASSERT_STRING_EQUAL(jx, jy); /* arrays: same order */
    free(jx);
    free(jy);
    rv_unref(x);
    rv_unref(y);
}

static void test_indexed_iteration_gives_the_scan_results(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct rego_engine *e = engine(&ctx, 0);
    rv in = input_doc(60, 90);
    rv_freeze(in);
    rv p = eval(e, "data.j.pairs", in);
    same(e, in, "data.j.pairs", "data.j.pairs_scan", rv_len(p));
    CU_ASSERT_TRUE(rv_len(p) > 60); /* names used twice join twice */
    rv_unref(p);
    same(e, in, "data.j.num", "data.j.num_scan", 81);   /* 1 and 1.0 are equal keys */
    same(e, in, "data.j.keys", "data.j.keys_scan", 26); /* object keys, in key order */
    same(e, in, "data.j.members", "data.j.members_scan", 10);
    same(e, in, "data.j.fn", "data.j.fn_scan", 60); /* inside a function, index kept across calls */
    rv m = eval(e, "data.j.missing", in);
    CU_ASSERT_EQUAL(rv_kind(m), RV_ARRAY);
    CU_ASSERT_EQUAL(rv_len(m), 0);
    rv_unref(m);
    rego_engine_free(e);
    rv_thaw(in);
    rv_unref(in);
}

/* A comprehension that mentions no variable of the body around it (the set of bucket names in
 * a loop over trails) is built once per query; one that does (t.id) is built per trail. Same
 * results either way. */
static void test_closed_comprehension_is_built_once(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct rego_engine *e = engine(&ctx, 0);
    rv in = input_doc(60, 20); /* trails name b0..b10; buckets carry b0..b6: some trails are orphans */
    rv_freeze(in);
    rv o = eval(e, "data.j.orphans", in);
    size_t norphans = rv_len(o);
    CU_ASSERT_TRUE(norphans > 0 && norphans < 60);
    rv_unref(o);
    same(e, in, "data.j.orphans", "data.j.orphans_scan", norphans);
    rv per = eval(e, "data.j.per_t", in); /* bound variable inside: evaluated per trail */
    CU_ASSERT_EQUAL(rv_len(per), 60);
    CU_ASSERT_TRUE(rv_equal(rv_arr_at(per, 0), rv_num_int(0)));
    CU_ASSERT_TRUE(rv_equal(rv_arr_at(per, 59), rv_num_int(20)));
    rv_unref(per);
    rego_engine_free(e);
    rv_thaw(in);
    rv_unref(in);
    /* 3000 trails x 3000 buckets: building the set per trail is 9 million steps */
    e = engine(&ctx, 200000);
    in = input_doc(3000, 3000);
    rv_freeze(in);
    o = eval(e, "data.j.orphans", in);
    CU_ASSERT_EQUAL(rv_kind(o), RV_SET);
    rv_unref(o);
    rego_engine_free(e);
    rv_thaw(in);
    rv_unref(in);
}

/* 3000 x 3000 elements: a scan is 9 million equality steps; the index needs about 12,000. */
static void test_join_of_large_collections_is_linear(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct rego_engine *e = engine(&ctx, 200000);
    rv in = input_doc(3000, 3000);
    rv_freeze(in);
    rv p = eval(e, "data.j.pairs", in);
    CU_ASSERT_TRUE(rv_len(p) >= 3000);
    rv f = eval(e, "data.j.fn", in);
    CU_ASSERT_EQUAL(rv_len(f), 3000);
    rv_unref(p);
    rv_unref(f);
    rego_engine_free(e);
    rv_thaw(in);
    rv_unref(in);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_indexed_iteration_gives_the_scan_results),
    OSP_TEST(test_join_of_large_collections_is_linear),
    OSP_TEST(test_closed_comprehension_is_built_once),
    {0},
};

int main(void)
{
    return osp_test_run("rego_join_index", tests);
}
