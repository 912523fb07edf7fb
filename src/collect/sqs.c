/* sqs.c: the SQS collector: queues and all their attributes (encryption, access policy). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define SQS_VERSION "2012-11-05"

/* GetQueueAttributes' Attribute list ({Name, Value} entries) or, from the JSON protocol, a map. */
static json_t *attr(json_t *attrs, const char *name)
{
    json_t *list = json_object_get(attrs, "Attribute"), *e;
    size_t i;
    if (!list)
        return json_object_get(attrs, "Attributes") ? json_object_get(json_object_get(attrs, "Attributes"), name)
                                                     : json_object_get(attrs, name);
    COL_ITEMS(list, i, e) {
        const char *k = col_s(e, "Name");
        if (k && strcmp(k, name) == 0)
            return json_object_get(e, "Value");
    }
    return NULL;
}

/* url: the queue URL from ListQueues; attrs: GetQueueAttributesResult (or NULL: attributes
 * unread). The ARN is the QueueArn attribute, else built from the URL's account and name. */
json_t *col_sqs_map_queue(const char *url, json_t *attrs, const char *partition, const char *region)
{
    char built[512];
    const char *arn = json_string_value(attr(attrs, "QueueArn"));
    if (!arn || !*arn) {
        const char *name = url ? strrchr(url, '/') : NULL, *acct = NULL;
        size_t alen = 0;
        if (name && name > url) { /* https://sqs.REGION.amazonaws.com/ACCOUNT/NAME */
            const char *p = name - 1;
            while (p > url && *p != '/')
                p--;
            acct = p + 1;
            alen = (size_t)(name - acct);
        }
        col_fmt(built, sizeof built, "arn:%s:sqs:%s:%.*s:%s", partition ? partition : "aws", region ? region : "",
                (int)alen, acct ? acct : "", name ? name + 1 : "");
        arn = built;
    }
    json_t *q = col_obj(arn), *enc = col_obj(arn);
    col_add_str(q, "queueurl", url, arn);
    col_add_str(q, "arn", arn, arn);
    json_t *kms = attr(attrs, "KmsMasterKeyId");
    if (!col_blank(kms))
        col_add_str_v(enc, "kmskeyid", kms, arn);
    json_t *sse = attr(attrs, "SqsManagedSseEnabled"); /* "true"/"false": SSE-SQS (Trivy compares "SSE-SQS") */
    if (!col_blank(sse))
        col_add_bool(enc, "managedencryption", col_truthy(sse), arn);
    col_set(q, "encryption", enc);
    json_t *pols = col_arr(q, "policies"), *doc = attr(attrs, "Policy");
    if (!col_blank(doc)) {
        json_t *p = col_obj(arn);
        col_add_str(p, "name", "queue-policy", arn);
        col_add_bool(p, "builtin", 0, arn);
        col_add_doc_v(p, "document", doc, arn);
        if (json_object_get(p, "document"))
            col_push(pols, p);
        else
            json_decref(p);
    }
    return q;
}

struct sqs_run {
    json_t *urls;
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    struct sqs_run *run = ud;
    json_t *u;
    size_t i;
    COL_ITEMS(aws_get(body, "ListQueuesResponse.ListQueuesResult.QueueUrl"), i, u) {
        if (json_is_string(u))
            json_array_append(run->urls, u);
    }
    return OSP_OK;
}

static enum osp_code one_queue(struct col_job *job, size_t i, void *ud, json_t **out, struct osp_err *err)
{
    struct sqs_run *run = ud;
    const char *url = json_string_value(json_array_get(run->urls, i));
    struct col_read r = {.call = col_query_call("sqs", job->region, "GetQueueAttributes", SQS_VERSION),
                         .name = "GetQueueAttributes", .fields = "encryption,policies"};
    osp_err_init(&r.err);
    (void)col_read_param(&r, "QueueUrl", url);
    (void)col_read_param(&r, "AttributeName.1", "All");
    json_t *gapbox = col_obj(url); /* a denied read's gap lands here first */
    enum osp_code rc = col_read_all(job, gapbox, &r, 1, err);
    if (rc == OSP_OK) {
        json_t *q = col_sqs_map_queue(url, aws_get(r.body, "GetQueueAttributesResponse.GetQueueAttributesResult"),
                                      job->partition, job->region);
        json_t *gaps = json_object_get(json_object_get(gapbox, "__defsec_metadata"), "gaps");
        if (gaps) { /* without attributes there is nothing to judge: drop the fields it would fill */
            json_object_set(json_object_get(q, "__defsec_metadata"), "gaps", gaps);
            json_object_del(q, "encryption");
            json_object_del(q, "policies");
        }
        *out = q;
    }
    json_decref(gapbox);
    col_reads_cleanup(&r, 1);
    return rc;
}

enum osp_code col_sqs(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct sqs_run run = {json_array()};
    json_t *queues = col_arr(state, "queues");
    struct aws_call c = col_query_call("sqs", job->region, "ListQueues", SQS_VERSION);
    enum osp_code rc = aws_call_param(&c, "MaxResults", "1000");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "NextToken", "ListQueuesResponse.ListQueuesResult.NextToken", NULL, list_page, &run,
                          err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.urls), one_queue, &run, queues, err);
    json_decref(run.urls);
    return rc;
}
