/* test_tasks.c: the task pool (col_each: nested fan-outs, every item once, the lowest failing
 * item's error, vanished items dropped), answer classification and gap records. No network. */
#include <stdatomic.h>

#include "col_test.h"

struct fan {
    _Atomic int seen[64];
    _Atomic int inner;
};

static enum osp_code inner_item(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    (void)job, (void)i, (void)err;
    ((struct fan *)ud)->inner++;
    return OSP_OK;
}

static enum osp_code outer_item(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct fan *f = ud;
    f->seen[i]++;
    return col_each(job, 5, inner_item, f, err); /* a resource's reads, fanned out from inside an item */
}

static enum osp_code failing_item(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    (void)job, (void)ud;
    if (i == 3 || i == 7)
        return osp_err_set(err, OSP_EAWS, "item %zu failed", i);
    if (i == 5)
        return OSP_ENOTFOUND; /* vanished: dropped, not an error */
    return OSP_OK;
}

static void with_pool(int concurrency, void (*fn)(struct col_job *))
{
    struct col_counters count = {0};
    struct col_job job = {.pool = col_pool_new(concurrency), .count = &count, .service = "t", .region = "r"};
    CU_ASSERT_PTR_NOT_NULL_FATAL(job.pool);
    fn(&job);
    col_pool_free(job.pool);
}

static void nested(struct col_job *job)
{
    static struct fan f;
    memset(&f, 0, sizeof f);
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(col_each(job, 64, outer_item, &f, &err), OSP_OK);
    for (int i = 0; i < 64; i++)
        CU_ASSERT_EQUAL(f.seen[i], 1);
    CU_ASSERT_EQUAL(f.inner, 64 * 5);
    CU_ASSERT_EQUAL(job->count->items, 64 + 64 * 5);
    CU_ASSERT_EQUAL(job->count->done, 64 + 64 * 5);
}

static void test_tasks_nested_fanout_every_item_once(void)
{
    with_pool(1, nested); /* 2 threads: waiters run their own items, no deadlock */
    with_pool(32, nested);
    struct col_counters count = {0};
    struct col_job nopool = {.count = &count};
    nested(&nopool); /* no pool: everything on the caller */
}

static void failing(struct col_job *job)
{
    for (int run = 0; run < 20; run++) {
        struct osp_err err;
        osp_err_init(&err);
        CU_ASSERT_EQUAL(col_each(job, 10, failing_item, NULL, &err), OSP_EAWS);
        CU_ASSERT_STRING_EQUAL(err.msg, "item 3 failed"); /* the lowest failing item, however they ran */
    }
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(col_each(job, 1, failing_item, NULL, &err), OSP_OK);
}

static void test_tasks_errors_deterministic_and_vanished_dropped(void)
{
    with_pool(8, failing);
}

static void test_tasks_classify(void)
{
    CU_ASSERT_EQUAL(col_classify("", NULL), COL_ANS_OK);
    CU_ASSERT_EQUAL(col_classify("NoSuchBucketPolicy", "NoSuchBucketPolicy"), COL_ANS_ABSENT);
    CU_ASSERT_EQUAL(col_classify("ResourceNotFoundException", "ResourceNotFoundException"), COL_ANS_ABSENT);
    CU_ASSERT_EQUAL(col_classify("ResourceNotFoundException", NULL), COL_ANS_GONE);
    CU_ASSERT_EQUAL(col_classify("NoSuchBucket", "NoSuchBucketPolicy"), COL_ANS_GONE);
    CU_ASSERT_EQUAL(col_classify("NoSuchEntity", NULL), COL_ANS_GONE);
    CU_ASSERT_EQUAL(col_classify("InvalidInstanceID.NotFound", NULL), COL_ANS_GONE);
    CU_ASSERT_EQUAL(col_classify("AccessDenied", NULL), COL_ANS_DENIED);
    CU_ASSERT_EQUAL(col_classify("AccessDeniedException", NULL), COL_ANS_DENIED);
    CU_ASSERT_EQUAL(col_classify("UnauthorizedOperation", NULL), COL_ANS_DENIED);
    CU_ASSERT_EQUAL(col_classify("ValidationError", NULL), COL_ANS_FAILED);
    CU_ASSERT_EQUAL(col_classify("NoSuchLifecycleConfiguration", NULL), COL_ANS_FAILED); /* undeclared "not set" */
}

static void test_tasks_gap_record(void)
{
    struct col_counters count = {0};
    struct col_job job = {.count = &count};
    json_t *b = col_obj("arn:aws:s3:::locked");
    struct col_read r = {.name = "GetBucketPolicy", .fields = "bucketpolicies,policy"};
    snprintf(r.code, sizeof r.code, "AccessDenied");
    snprintf(r.message, sizeof r.message, "no");
    col_gap_add(&job, b, &r);
    json_t *gaps = json_object_get(json_object_get(b, "__defsec_metadata"), "gaps");
    char *txt = json_dumps(gaps, JSON_COMPACT | JSON_SORT_KEYS);
    CU_ASSERT_STRING_EQUAL(txt, "[{\"code\":\"AccessDenied\",\"fields\":[\"bucketpolicies\",\"policy\"],\"message\":\"no\","
                                "\"read\":\"GetBucketPolicy\"}]");
    CU_ASSERT_EQUAL(count.gaps, 1);
    free(txt);
    json_decref(b);
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_tasks_nested_fanout_every_item_once),
        OSP_TEST(test_tasks_errors_deterministic_and_vanished_dropped),
        OSP_TEST(test_tasks_classify),
        OSP_TEST(test_tasks_gap_record),
        {0},
    };
    return osp_test_run("tasks", tests);
}
