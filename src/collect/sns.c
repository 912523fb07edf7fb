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
    struct aws_call c = col_query_call("sns", job->region, "GetTopicAttributes", SNS_VERSION);
    struct aws_response r = {0};
    enum osp_code rc = aws_call_param(&c, "TopicArn", arn);
    if (rc == OSP_OK && (rc = col_call(job, &c, &r, err)) == OSP_OK)
        run->out[i] = col_sns_map_topic(arn, aws_get(r.body, "GetTopicAttributesResponse.GetTopicAttributesResult.Attributes"));
    aws_response_cleanup(&r);
    aws_call_cleanup(&c);
    return rc;
}

enum osp_code col_sns(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct sns_run run = {json_array(), NULL, json_array()};
    json_t *topics = col_arr(state, "topics");
    struct aws_call c = col_query_call("sns", job->region, "ListTopics", SNS_VERSION);
    enum osp_code rc = col_paginate(job, &c, "NextToken", "ListTopicsResponse.ListTopicsResult.NextToken", NULL,
                                    topic_page, &run, err);
    aws_call_cleanup(&c);
    size_t n = json_array_size(run.arns);
    if (rc == OSP_OK && !(run.out = calloc(n + 1, sizeof *run.out)))
        rc = osp_err_set(err, OSP_ENOMEM, "sns: out of memory for %zu topics", n);
    if (rc == OSP_OK)
        rc = col_each(job, n, one_topic, &run, err);
    for (size_t i = 0; run.out && i < n; i++)
        if (run.out[i])
            col_push(topics, run.out[i]);
    if (rc == OSP_OK) {
        struct aws_call s = col_query_call("sns", job->region, "ListSubscriptions", SNS_VERSION);
        rc = col_paginate(job, &s, "NextToken", "ListSubscriptionsResponse.ListSubscriptionsResult.NextToken", NULL,
                          sub_page, &run, err);
        aws_call_cleanup(&s);
    }
    if (rc == OSP_OK)
        col_sns_attach_subscriptions(state, run.subs);
    free(run.out);
    json_decref(run.arns);
    json_decref(run.subs);
    return rc;
}
