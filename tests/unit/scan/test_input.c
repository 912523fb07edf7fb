/* test_input.c: scan_build_inputs: collected state -> region documents without JSON text:
 * the same values as parsing col_build_input's text, global services shared (not copied) by
 * every region, and repeated strings and scalar wrappers stored once. */
#include <stdlib.h>
#include <string.h>

#include "collect/collect.h"
#include "osp_test.h"
#include "rego/rego.h"
#include "scan/locate.h"
#include "scan/scan.h"

#define WRAP_FMT "{\"resource\":\"%s\",\"filepath\":\"%s\",\"managed\":true,\"startline\":0,\"value\":%s}"

static json_t *state_of(const char *svc, int n)
{
    json_t *items = json_array();
    for (int i = 0; i < n; i++) {
        char arn[96], w[400], w2[400];
        snprintf(arn, sizeof(arn), "arn:aws:%s:::thing-%d", svc, i);
        snprintf(w, sizeof(w), WRAP_FMT, arn, arn, "false");
        snprintf(w2, sizeof(w2), WRAP_FMT, arn, arn, "1.50");
        json_t *o = json_pack("{s:o, s:o, s:o, s:o, s:s}", "encrypted", json_loads(w, 0, NULL), "public",
                              json_loads(w, 0, NULL), "ratio", json_loads(w2, 0, NULL), "size",
                              json_pack("{s:i, s:I}", "value", i, "big", (json_int_t)1 << 40), "note", "é\n\"x\"");
        json_array_append_new(items, o);
    }
    return json_pack("{s:o}", "items", items);
}

static void result(struct col_result *r, const char *svc, const char *region, int n)
{
    memset(r, 0, sizeof(*r));
    snprintf(r->service, sizeof(r->service), "%s", svc);
    snprintf(r->region, sizeof(r->region), "%s", region);
    r->status = COL_OK;
    r->state = state_of(svc, n);
}

static void test_documents_equal_the_text_round_trip_and_share_global_state(void)
{
    struct col_result r[4];
    result(&r[0], "iam", "global", 5);
    result(&r[1], "ec2", "eu-west-1", 3);
    result(&r[2], "ec2", "us-east-1", 4);
    result(&r[3], "kms", "us-east-1", 2);
    r[3].status = COL_FAILED; /* failed services are left out, as col_build_input does */
    const char *regions[] = {"us-east-1", "eu-west-1"};
    rv docs[2];
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_build_inputs(r, NULL, 4, regions, 2, docs, &err), OSP_OK);
    for (int g = 0; g < 2; g++) {
        json_t *j = col_build_input(r, 4, regions[g]);
        char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
        rv want = rv_undef();
        CU_ASSERT_EQUAL(rego_input_parse(text, strlen(text), &want, &err), OSP_OK);
        char *a = rv_json_dump(docs[g], false), *b = rv_json_dump(want, false);
        CU_ASSERT_STRING_EQUAL(a, b); /* numbers keep their spelling (1.50), strings their bytes */
        free(a);
        free(b);
        rv_unref(want);
        free(text);
        json_decref(j);
    }
    rv iam0 = rv_obj_get_s(rv_obj_get_s(docs[0], "aws"), "iam");
    rv iam1 = rv_obj_get_s(rv_obj_get_s(docs[1], "aws"), "iam");
    CU_ASSERT_EQUAL(rv_kind(iam0), RV_OBJECT);
    CU_ASSERT_PTR_EQUAL(iam0.u.p, iam1.u.p); /* one copy of the global service */
    rv item = rv_arr_at(rv_obj_get_s(iam0, "items"), 1);
    rv enc = rv_obj_get_s(item, "encrypted"), pub = rv_obj_get_s(item, "public");
    CU_ASSERT_PTR_EQUAL(enc.u.p, pub.u.p); /* equal wrappers stored once */
    rv ratio = rv_obj_get_s(item, "ratio");
    CU_ASSERT_PTR_EQUAL(rv_obj_get_s(ratio, "resource").u.p, rv_obj_get_s(enc, "filepath").u.p);
    CU_ASSERT_PTR_NULL(rv_obj_get_s(rv_obj_get_s(docs[0], "aws"), "kms").u.p);
    for (int g = 0; g < 2; g++)
        rv_unref(docs[g]);
    for (int i = 0; i < 4; i++)
        json_decref(r[i].state);
}

static void test_shared_values_stay_distinct_where_they_print_differently(void)
{
    struct rv_share *t = rv_share_new();
    rv a = rv_obj_new(), b = rv_obj_new();
    rv_obj_set(&a, rv_str_new("v"), rv_num_parse("1", 1));
    rv_obj_set(&b, rv_str_new("v"), rv_num_parse("1.0", 3));
    a = rv_share(t, a);
    b = rv_share(t, b);
    CU_ASSERT_PTR_NOT_EQUAL(a.u.p, b.u.p); /* 1 == 1.0 but they print apart */
    rv c = rv_obj_new();
    rv_obj_set(&c, rv_str_new("v"), rv_num_parse("1", 1));
    c = rv_share(t, c);
    CU_ASSERT_PTR_EQUAL(a.u.p, c.u.p);
    rv_share_free(t);
    rv_obj_set(&c, rv_str_new("w"), rv_bool(true)); /* copy on write: a is untouched */
    CU_ASSERT_EQUAL(rv_len(a), 1);
    CU_ASSERT_EQUAL(rv_len(c), 2);
    rv_unref(a);
    rv_unref(b);
    rv_unref(c);
}

/* Locating while converting gives the values of converting scan_locate_copy()'s document: a
 * nested resource (own numbering), wrapped scalars, equal array elements (#2), metadata that
 * already carries a startline, a key that sorts before the metadata, deep nesting. */
static void test_located_inputs_equal_the_located_copy(void)
{
    const char *text =
        "{\"groups\":[{\"__defsec_metadata\":{\"resource\":\"arn:aws:ec2:::sg/1\",\"startline\":7},"
        "\"_a\":1,\"name\":{\"value\":\"g\",\"resource\":\"arn:aws:ec2:::sg/1\",\"startline\":0},"
        "\"rules\":[{\"__defsec_metadata\":{\"resource\":\"arn:aws:ec2:::sg/1\"},\"cidr\":{\"value\":\"0.0.0.0/0\","
        "\"resource\":\"arn:aws:ec2:::sg/1\",\"startline\":0}},"
        "{\"__defsec_metadata\":{\"resource\":\"arn:aws:ec2:::sg/1\"},\"cidr\":{\"value\":\"0.0.0.0/0\","
        "\"resource\":\"arn:aws:ec2:::sg/1\",\"startline\":0}}],"
        "\"vpc\":{\"__defsec_metadata\":{\"resource\":\"arn:aws:ec2:::vpc/2\"},\"id\":{\"value\":\"v\","
        "\"resource\":\"arn:aws:ec2:::vpc/2\",\"startline\":0},\"deep\":[[[{\"x\":{\"value\":1.50,"
        "\"resource\":\"arn:aws:ec2:::vpc/2\",\"startline\":0}}]]]}}],"
        "\"settings\":{\"__defsec_metadata\":{\"resource\":\"\"},\"on\":true}}";
    struct col_result r[2];
    memset(r, 0, sizeof(r));
    snprintf(r[0].service, sizeof(r[0].service), "ec2");
    snprintf(r[0].region, sizeof(r[0].region), "us-east-1");
    r[0].status = COL_OK;
    json_error_t je;
    r[0].state = json_loads(text, 0, &je);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r[0].state);
    r[1] = r[0];
    r[1].state = scan_locate_copy(r[0].state);
    const char *regions[] = {"us-east-1"};
    rv got, want;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_build_located_inputs(&r[0], 1, regions, 1, &got, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(scan_build_inputs(&r[1], NULL, 1, regions, 1, &want, &err), OSP_OK);
    char *a = rv_json_dump(got, false), *b = rv_json_dump(want, false);
    CU_ASSERT_STRING_EQUAL(a, b); /* same keys in the same order, same marks */
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "\"fskey\":\"rules["));
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "#2"));
    free(a);
    free(b);
    a = json_dumps(r[0].state, JSON_COMPACT);
    CU_ASSERT_PTR_NULL(strstr(a, "fskey")); /* the collected state is not changed */
    free(a);
    rv_unref(got);
    rv_unref(want);
    json_decref(r[0].state);
    json_decref(r[1].state);
}

/* State read back from storage keeps only its text (state NULL): the engine reads the text itself
 * and gives the values jansson's reading gives (reals in jansson's spelling, keys visited in
 * sorted order whatever the text's order, the stored counts left out); what jansson refuses
 * (integers beyond 64 bits, NUL in a string) is still refused with OSP_ECACHE. */
static void test_located_text_equals_the_located_copy(void)
{
    const char *text =
        "{\"__osprey_collection\":{\"calls\":3,\"throttles\":0},\"zones\":[{\"name\":{\"value\":[0.1,1e2,-0],"
        "\"resource\":\"arn:aws:ec2:::z/1\",\"startline\":0},\"__defsec_metadata\":{\"resource\":\"arn:aws:ec2:::z/1\"},"
        "\"rules\":[{\"__defsec_metadata\":{\"resource\":\"arn:aws:ec2:::z/1\"},\"w\":{\"value\":1.50,"
        "\"resource\":\"arn:aws:ec2:::z/1\",\"startline\":0}},{\"__defsec_metadata\":{\"resource\":\"arn:aws:ec2:::z/1\"},"
        "\"w\":{\"value\":1.5,\"resource\":\"arn:aws:ec2:::z/1\",\"startline\":0}}],\"Up\":{\"__defsec_metadata\":"
        "{\"resource\":\"arn:aws:ec2:::z/1\"},\"n\":2.25e0}}],\"misc\":{\"x\":[1,2.0,\"\\u00e9\"]}}";
    struct col_result r[2];
    memset(r, 0, sizeof(r));
    snprintf(r[0].service, sizeof(r[0].service), "ec2");
    snprintf(r[0].region, sizeof(r[0].region), "us-east-1");
    r[0].status = COL_OK;
    r[0].text = (char *)text;
    r[0].text_borrowed = 1;
    r[1] = r[0];
    r[1].text = NULL;
    json_t *j = json_loads(text, 0, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(j);
    json_object_del(j, "__osprey_collection");
    r[1].state = scan_locate_copy(j);
    const char *regions[] = {"us-east-1"};
    rv got, want;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_build_located_inputs(&r[0], 1, regions, 1, &got, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(scan_build_inputs(&r[1], NULL, 1, regions, 1, &want, &err), OSP_OK);
    char *a = rv_json_dump(got, false), *b = rv_json_dump(want, false);
    CU_ASSERT_STRING_EQUAL(a, b);
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "0.10000000000000001")); /* jansson's spelling of 0.1 */
    CU_ASSERT_PTR_NULL(strstr(a, "__osprey_collection"));
    CU_ASSERT_PTR_NULL(r[0].state);
    free(a);
    free(b);
    rv_unref(got);
    rv_unref(want);
    json_decref(j);
    json_decref(r[1].state);
    static const char *const refused[] = {
        "{\"a\":[{\"n\":123456789012345678901234567890}]}", "{\"a\":[{\"s\":\"x\\u0000y\"}]}",
        "{\"a\":[{\"n\":1e999}]}", "{\"a\":[}"};
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        r[0].text = (char *)refused[i];
        osp_err_init(&err);
        got = rv_undef();
        CU_ASSERT_EQUAL(scan_build_located_inputs(&r[0], 1, regions, 1, &got, &err), OSP_ECACHE);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "not valid JSON"));
        rv_unref(got);
    }
}

static const struct osp_test tests[] = {
    OSP_TEST(test_located_inputs_equal_the_located_copy),
    OSP_TEST(test_located_text_equals_the_located_copy),
    OSP_TEST(test_documents_equal_the_text_round_trip_and_share_global_state),
    OSP_TEST(test_shared_values_stay_distinct_where_they_print_differently),
    {0},
};

int main(void)
{
    return osp_test_run("scan_input", tests);
}
