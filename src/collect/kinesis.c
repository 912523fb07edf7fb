/* kinesis.c: the Kinesis Data Streams collector: streams and their server-side encryption. One
 * call per stream (DescribeStreamSummary; DescribeStream would also page through the shards). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define KIN_TARGET "Kinesis_20131202."

/* DescribeStreamSummary. EncryptionType NONE or KMS; KeyId as set (alias, alias ARN, key ARN or id). */
json_t *col_kinesis_map_stream(json_t *resp)
{
    json_t *d = json_object_get(resp, "StreamDescriptionSummary");
    const char *arn = col_s(d, "StreamARN");
    json_t *s = col_obj(arn);
    col_add_str(s, "arn", arn, arn);
    col_add_str_v(s, "name", json_object_get(d, "StreamName"), arn);
    col_add_str_v(s, "status", json_object_get(d, "StreamStatus"), arn);
    json_t *enc = col_obj(arn);
    col_add_str_v(enc, "type", json_object_get(d, "EncryptionType"), arn);
    col_add_str_v(enc, "kmskeyid", json_object_get(d, "KeyId"), arn);
    col_set(s, "encryption", enc);
    return s;
}

struct kin_run {
    json_t *names; /* stream names */
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct kin_run *run = ud;
    json_t *n;
    size_t i;
    COL_ITEMS(json_object_get(body, "StreamNames"), i, n) {
        if (json_is_string(n))
            json_array_append(run->names, n);
    }
    return OSP_OK;
}

static enum osp_code one_stream(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct kin_run *run = ud;
    const char *name = json_string_value(json_array_get(run->names, i));
    struct col_read r;
    memset(&r, 0, sizeof r);
    json_t *req = json_pack("{s:s}", "StreamName", name);
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    col_fmt(r.arg, sizeof r.arg, "%s", txt ? txt : "{}");
    free(txt);
    json_decref(req);
    r.call = col_json_call("kinesis", job->region, KIN_TARGET "DescribeStreamSummary", "1.1", r.arg);
    r.name = "DescribeStreamSummary";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err); /* without it there is no stream to judge */
    if (rc == OSP_OK)
        *slot = col_kinesis_map_stream(r.body);
    col_reads_cleanup(&r, 1);
    return rc;
}

enum osp_code col_kinesis(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct kin_run run = {json_array()};
    json_t *streams = col_arr(state, "streams");
    struct aws_call c = col_json_call("kinesis", job->region, KIN_TARGET "ListStreams", "1.1", "{\"Limit\":100}");
    enum osp_code rc = col_paginate(job, &c, "NextToken", "NextToken", NULL, list_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.names), one_stream, &run, streams, err);
    json_decref(run.names);
    return rc;
}
