/* mq.c: the Amazon MQ collector: brokers (ActiveMQ and RabbitMQ). ListBrokers gives summaries
 * only; one DescribeBroker per broker gives logging, public access and upgrade settings. */
#include <string.h>

#include "collect/col_int.h"

/* DescribeBroker; NULL without brokerArn. */
json_t *col_mq_map_broker(json_t *b)
{
    const char *arn = col_s(b, "brokerArn");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "id", json_object_get(b, "brokerId"), arn);
    col_add_str_v(o, "name", json_object_get(b, "brokerName"), arn);
    col_add_str_v(o, "state", json_object_get(b, "brokerState"), arn);
    col_add_str_v(o, "enginetype", json_object_get(b, "engineType"), arn);
    col_add_str_v(o, "engineversion", json_object_get(b, "engineVersion"), arn);
    col_add_str_v(o, "deploymentmode", json_object_get(b, "deploymentMode"), arn);
    col_add_str_v(o, "authenticationstrategy", json_object_get(b, "authenticationStrategy"), arn);
    col_add_bool_v(o, "publicaccess", json_object_get(b, "publiclyAccessible"), arn);
    col_add_bool_v(o, "autominorversionupgrade", json_object_get(b, "autoMinorVersionUpgrade"), arn);
    json_t *logs = json_object_get(b, "logs");
    json_t *lg = col_obj(arn);
    /* RabbitMQ brokers have no audit log: `audit` stays absent for them */
    col_add_bool_v(lg, "audit", json_object_get(logs, "audit"), arn);
    col_add_bool_v(lg, "general", json_object_get(logs, "general"), arn);
    col_set(o, "logging", lg);
    json_t *eo = json_object_get(b, "encryptionOptions");
    json_t *enc = col_obj(arn);
    col_add_bool_v(enc, "useawsownedkey", json_object_get(eo, "useAwsOwnedKey"), arn);
    col_add_str_v(enc, "kmskeyid", json_object_get(eo, "kmsKeyId"), arn);
    col_set(o, "encryption", enc);
    return o;
}

struct mq_run {
    json_t *ids;
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct mq_run *run = ud;
    json_t *b;
    size_t i;
    COL_ITEMS(json_object_get(body, "brokerSummaries"), i, b) {
        json_t *id = json_object_get(b, "brokerId");
        if (json_is_string(id))
            json_array_append(run->ids, id);
    }
    return OSP_OK;
}

static enum osp_code one_broker(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct mq_run *run = ud;
    const char *id = json_string_value(json_array_get(run->ids, i));
    struct col_read r;
    memset(&r, 0, sizeof r);
    col_fmt(r.arg, sizeof r.arg, "/v1/brokers/%s", id);
    r.call = col_rest_call("mq", job->region, AWS_PROTO_RESTJSON, "GET", r.arg);
    r.call.action = r.name = "DescribeBroker";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err); /* the summary has nothing to judge */
    if (rc == OSP_OK)
        *slot = col_mq_map_broker(r.body);
    col_reads_cleanup(&r, 1);
    return rc;
}

enum osp_code col_mq(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct mq_run run = {json_array()};
    json_t *brokers = col_arr(state, "brokers");
    struct aws_call c = col_rest_call("mq", job->region, AWS_PROTO_RESTJSON, "GET", "/v1/brokers");
    c.action = "ListBrokers";
    enum osp_code rc = aws_call_param(&c, "maxResults", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "nextToken", "nextToken", NULL, list_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.ids), one_broker, &run, brokers, err);
    json_decref(run.ids);
    return rc;
}
