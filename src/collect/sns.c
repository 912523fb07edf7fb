/* sns.c: the SNS collector: topics, their KMS key, and every subscription of the region. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define SNS_VERSION "2010-03-31"

/* attrs: GetTopicAttributes' Attributes ({"entry": [{key, value}]} from XML, or a plain map). */
static json_t *attr(json_t *attrs, const char *key)
{
    json_t *entries = json_object_get(attrs, "entry"), *e;
    size_t i;
    if (!entries)
        return json_object_get(attrs, key);
    COL_ITEMS(entries, i, e) {
        const char *k = col_s(e, "key");
        if (k && strcmp(k, key) == 0)
            return json_object_get(e, "value");
    }
    return NULL;
}

json_t *col_sns_map_topic(const char *arn, json_t *attrs)
{
    json_t *t = col_obj(arn), *enc = col_obj(arn);
    col_add_str(t, "arn", arn, arn);
    json_t *kms = attr(attrs, "KmsMasterKeyId");
    if (!col_blank(kms))
        col_add_str_v(enc, "kmskeyid", kms, arn);
    col_set(t, "encryption", enc);
    col_arr(t, "subscriptions");
    return t;
}

void col_sns_attach_subscriptions(json_t *state, json_t *subs)
{
    json_t *s, *t;
    size_t i, k;
    COL_ITEMS(subs, i, s) {
        const char *topic = col_s(s, "TopicArn");
        json_array_foreach(json_object_get(state, "topics"), k, t) {
            const char *ta = json_string_value(json_object_get(json_object_get(t, "arn"), "value"));
            if (!topic || !ta || strcmp(topic, ta) != 0)
                continue;
            json_t *o = col_obj(ta);
            col_add_str_v(o, "arn", json_object_get(s, "SubscriptionArn"), ta);
            col_add_str_v(o, "protocol", json_object_get(s, "Protocol"), ta);
            col_add_str_v(o, "endpoint", json_object_get(s, "Endpoint"), ta);
            col_push(col_arr(t, "subscriptions"), o);
            break;
        }
    }
}

struct sns_run {
    json_t *arns;  /* topic ARNs */
    json_t **out;
    json_t *subs;  /* raw subscriptions */
};

static enum osp_code topic_page(void *ud, json_t *body, struct osp_err *err)
{
    struct sns_run *run = ud;
    json_t *t;
    size_t i;
    COL_ITEMS(aws_get(body, "ListTopicsResponse.ListTopicsResult.Topics"), i, t) {
        if (col_s(t, "TopicArn"))
            json_array_append_new(run->arns, json_string(col_s(t, "TopicArn")));
    }
    return OSP_OK;
}

static enum osp_code sub_page(void *ud, json_t *body, struct osp_err *err)
{
    struct sns_run *run = ud;
    json_t *s;
    size_t i;
    COL_ITEMS(aws_get(body, "ListSubscriptionsResponse.ListSubscriptionsResult.Subscriptions"), i, s)
        json_array_append(run->subs, s);
    return OSP_OK;
}

static enum osp_code one_topic(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct sns_run *run = ud;
    const char *arn = json_string_value(json_array_get(run->arns, i));
    struct col_read r = {.call = col_query_call("sns", job->region, "GetTopicAttributes", SNS_VERSION),
                         .name = "GetTopicAttributes", .fields = "encryption"};
    osp_err_init(&r.err);
    (void)col_read_param(&r, "TopicArn", arn);
    json_t *t = col_obj(arn); /* where a gap goes; the topic is mapped once its attributes are in */
    enum osp_code rc = col_read_all(job, t, &r, 1, err);
    if (rc == OSP_OK) {
        json_t *m = col_sns_map_topic(arn, aws_get(r.body, "GetTopicAttributesResponse.GetTopicAttributesResult.Attributes"));
        json_t *gaps = json_object_get(json_object_get(t, "__defsec_metadata"), "gaps");
        if (gaps)
            json_object_set(json_object_get(m, "__defsec_metadata"), "gaps", gaps);
        run->out[i] = m;
    }
    json_decref(t);
    col_reads_cleanup(&r, 1);
    return rc;
}

/* The topics and the region's subscriptions: two independent lists. */
static enum osp_code sns_list(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct sns_run *run = ud;
    struct aws_call c = col_query_call("sns", job->region, i ? "ListSubscriptions" : "ListTopics", SNS_VERSION);
    enum osp_code rc = i ? col_paginate(job, &c, "NextToken", "ListSubscriptionsResponse.ListSubscriptionsResult.NextToken",
                                        NULL, sub_page, run, err)
                         : col_paginate(job, &c, "NextToken", "ListTopicsResponse.ListTopicsResult.NextToken", NULL,
                                        topic_page, run, err);
    aws_call_cleanup(&c);
    return rc;
}

enum osp_code col_sns(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct sns_run run = {json_array(), NULL, json_array()};
    json_t *topics = col_arr(state, "topics");
    enum osp_code rc = col_each(job, 2, sns_list, &run, err);
    size_t n = json_array_size(run.arns);
    if (rc == OSP_OK && !(run.out = calloc(n + 1, sizeof *run.out)))
        rc = osp_err_set(err, OSP_ENOMEM, "sns: out of memory for %zu topics", n);
    if (rc == OSP_OK)
        rc = col_each(job, n, one_topic, &run, err);
    for (size_t i = 0; run.out && i < n; i++)
        if (run.out[i])
            col_push(topics, run.out[i]);
    if (rc == OSP_OK)
        col_sns_attach_subscriptions(state, run.subs);
    free(run.out);
    json_decref(run.arns);
    json_decref(run.subs);
    return rc;
}
