/* test_runner.c: the collector table, the input document, col_run's argument checks and its
 * per-service failure handling (against a closed loopback port: no AWS, no moto). */
#include "col_test.h"

static void test_registry_sorted_and_findable(void)
{
    size_t n;
    const struct col_service *s = col_services(&n);
    CU_ASSERT(n >= 10);
    for (size_t i = 1; i < n; i++)
        CU_ASSERT(strcmp(s[i - 1].name, s[i].name) < 0);
    CU_ASSERT_PTR_NOT_NULL(col_find("iam"));
    CU_ASSERT_EQUAL(col_find("iam")->global, 1);
    CU_ASSERT_EQUAL(col_find("ec2")->global, 0);
    CU_ASSERT_PTR_NULL(col_find("ec3"));
    CU_ASSERT_PTR_NULL(col_find(NULL));
    CU_ASSERT_STRING_EQUAL(col_status_name(COL_SKIPPED), "skipped");
}

static void test_build_input_merges_global_and_region(void)
{
    struct col_result r[4];
    memset(r, 0, sizeof r);
    snprintf(r[0].service, sizeof r[0].service, "iam");
    snprintf(r[0].region, sizeof r[0].region, "global");
    r[0].state = json_pack("{s:[]}", "users");
    snprintf(r[1].service, sizeof r[1].service, "ec2");
    snprintf(r[1].region, sizeof r[1].region, "us-east-1");
    r[1].state = json_pack("{s:[]}", "vpcs");
    snprintf(r[2].service, sizeof r[2].service, "ec2");
    snprintf(r[2].region, sizeof r[2].region, "eu-west-1");
    r[2].state = json_pack("{s:[{}]}", "vpcs");
    snprintf(r[3].service, sizeof r[3].service, "kms");
    snprintf(r[3].region, sizeof r[3].region, "us-east-1");
    r[3].status = COL_FAILED;
    json_t *doc = col_build_input(r, 4, "eu-west-1");
    CU_ASSERT_PTR_NOT_NULL(ct_at(doc, "aws.iam.users"));
    CU_ASSERT_EQUAL(ct_len(doc, "aws.ec2.vpcs"), 1);
    CU_ASSERT_PTR_NULL(ct_at(doc, "aws.kms"));
    json_decref(doc);
    doc = col_build_input(r, 4, "us-east-1");
    CU_ASSERT_EQUAL(ct_len(doc, "aws.ec2.vpcs"), 0);
    CU_ASSERT_PTR_NULL(ct_at(doc, "aws.kms")); /* failed: absent, not empty */
    /* the document holds its own references: the results can go first */
    for (int i = 0; i < 4; i++)
        json_decref(r[i].state);
    CU_ASSERT_EQUAL(ct_len(doc, "aws.iam.users"), 0);
    json_decref(doc);
}

static void test_run_rejects_unknown_service_and_no_region(void)
{
    struct osp_ctx ctx;
    struct osp_err err;
    struct col_result *res = NULL;
    size_t n = 0;
    const char *regions[] = {"us-east-1"}, *svcs[] = {"s3", "ec3"};
    osp_ctx_init(&ctx);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(col_run(&ctx, NULL, "111122223333", "aws", regions, 1, svcs, 2, 2, NULL, NULL, &res, &n, &err),
                    OSP_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "'ec3'"));
    osp_err_init(&err);
    CU_ASSERT_EQUAL(col_run(&ctx, NULL, "111122223333", "aws", regions, 0, svcs, 1, 2, NULL, NULL, &res, &n, &err),
                    OSP_EUSAGE);
}

struct progress {
    int calls, last_done, total;
};

static void on_progress(void *ud, const char *service, const char *region, int done, int total)
{
    struct progress *p = ud;
    p->calls++;
    p->last_done = done;
    p->total = total;
    (void)service;
    (void)region;
}

static void test_run_keeps_going_when_every_service_fails(void)
{
    struct osp_ctx ctx;
    struct osp_err err;
    struct aws_client *client = NULL;
    struct col_result *res = NULL;
    size_t n = 0;
    const char *regions[] = {"us-east-1", "eu-west-1", "us-east-1"}, *svcs[] = {"kms", "iam", "kms"};
    struct aws_client_opts o = {.endpoint_url = "http://127.0.0.1:9", .max_attempts = 1, .connect_timeout_ms = 500,
                                .timeout_ms = 1000, .retry_base_delay = 0.001};
    struct aws_creds creds = {.access_key_id = "AKIDEXAMPLE", .secret_access_key = "secret"};
    struct progress p = {0};
    osp_ctx_init(&ctx);
    ctx.log_level = OSP_LOG_ERROR;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(aws_client_new(&ctx, &o, &client, &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(aws_client_set_creds(client, &creds, NULL, NULL, &err), OSP_OK);
    CU_ASSERT_EQUAL(col_run(&ctx, client, "111122223333", NULL, regions, 3, svcs, 3, 4, on_progress, &p, &res, &n, &err),
                    OSP_OK);
    /* iam once (global), kms per distinct region; sorted by (service, region) */
    CU_ASSERT_EQUAL_FATAL(n, 3);
    CU_ASSERT_STRING_EQUAL(res[0].service, "iam");
    CU_ASSERT_STRING_EQUAL(res[0].region, "global");
    CU_ASSERT_STRING_EQUAL(res[1].region, "eu-west-1");
    CU_ASSERT_STRING_EQUAL(res[2].region, "us-east-1");
    for (size_t i = 0; i < n; i++) {
        CU_ASSERT_EQUAL(res[i].status, COL_FAILED);
        CU_ASSERT_PTR_NULL(res[i].state);
        CU_ASSERT(res[i].err_code[0] != '\0');
        CU_ASSERT(res[i].err_message[0] != '\0');
        CU_ASSERT(res[i].calls >= 1);
    }
    CU_ASSERT_EQUAL(p.calls, 3);
    CU_ASSERT_EQUAL(p.last_done, 3);
    CU_ASSERT_EQUAL(p.total, 3);
    json_t *doc = col_build_input(res, n, "us-east-1");
    CU_ASSERT_EQUAL(json_object_size(json_object_get(doc, "aws")), 0);
    json_decref(doc);
    col_results_free(res, n);
    aws_client_free(client);
}

static void test_state_values_tolerate_every_shape(void)
{
    json_t *o = json_object(), *v;
    col_add_str_v(o, "a", NULL, "arn:x");
    col_add_str_v(o, "b", (v = json_null()), "arn:x");
    col_add_bool_v(o, "c", (v = json_string("maybe")), "arn:x");
    json_decref(v);
    CU_ASSERT_EQUAL(json_object_size(o), 0);
    col_add_int_v(o, "n", (v = json_string("42")), "arn:x");
    json_decref(v);
    col_add_bool_v(o, "t", (v = json_string("true")), "arn:x");
    json_decref(v);
    col_add_time_v(o, "ms", (v = json_integer(1600000000000LL)), "arn:x");
    json_decref(v);
    col_add_time_v(o, "iso", (v = json_string("2020-09-13T12:26:40.123+00:00")), "arn:x");
    json_decref(v);
    col_add_time_v(o, "na", (v = json_string("N/A")), "arn:x");
    json_decref(v);
    col_add_doc_v(o, "doc", (v = json_string("%7B%22a%22%3A1%7D")), "arn:x");
    json_decref(v);
    CU_ASSERT_EQUAL(ct_int(o, "n"), 42);
    CU_ASSERT_EQUAL(ct_bool(o, "t"), 1);
    CT_STR_EQ(o, "ms", "2020-09-13T12:26:40Z");
    CT_STR_EQ(o, "iso", "2020-09-13T12:26:40Z");
    CU_ASSERT_PTR_NULL(ct_at(o, "na"));
    CT_STR_EQ(o, "doc", "{\"a\":1}");
    json_decref(o);
    size_t len;
    char *d = col_base64_decode("aGVsbG8=", &len);
    CU_ASSERT_STRING_EQUAL(d, "hello");
    CU_ASSERT_EQUAL(len, 5);
    free(d);
    CU_ASSERT_PTR_NULL(col_base64_decode("not*base64", NULL));
}

static const struct osp_test tests[] = {
    OSP_TEST(test_registry_sorted_and_findable),
    OSP_TEST(test_build_input_merges_global_and_region),
    OSP_TEST(test_run_rejects_unknown_service_and_no_region),
    OSP_TEST(test_run_keeps_going_when_every_service_fails),
    OSP_TEST(test_state_values_tolerate_every_shape),
    {0},
};

int main(void)
{
    return osp_test_run("collect_runner", tests);
}
