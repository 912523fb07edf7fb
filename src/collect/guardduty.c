/* guardduty.c: the GuardDuty collector: the region's detectors (ListDetectors), each with its status
 * and protection plans (GetDetector: Features, with their additional configuration). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

static json_t *map_feature(json_t *f, const char *arn)
{
    json_t *o = col_obj(arn), *extra = col_arr(o, "additionalconfiguration"), *a;
    size_t i;
    col_add_str_v(o, "name", json_object_get(f, "name"), arn);
    col_add_str_v(o, "status", json_object_get(f, "status"), arn);
    COL_ITEMS(json_object_get(f, "additionalConfiguration"), i, a) {
        json_t *e = col_obj(arn);
        col_add_str_v(e, "name", json_object_get(a, "name"), arn);
        col_add_str_v(e, "status", json_object_get(a, "status"), arn);
        col_push(extra, e);
    }
    return o;
}

json_t *col_guardduty_map_detector(const char *id, const char *partition, const char *region, const char *account)
{
    char arn[512];
    if (!id || !*id)
        return NULL;
    col_fmt(arn, sizeof arn, "arn:%s:guardduty:%s:%s:detector/%s", partition, region, account, id);
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str(o, "id", id, arn);
    col_arr(o, "features");
    return o;
}

void col_guardduty_map_get(json_t *o, json_t *get)
{
    if (!json_is_object(o))
        return;
    const char *arn = json_string_value(json_object_get(json_object_get(o, "__defsec_metadata"), "resource"));
    json_t *feats = col_arr(o, "features"), *f;
    const char *status = col_s(get, "status");
    size_t i;
    col_add_str(o, "status", status, arn);
    if (status)
        col_add_bool(o, "enabled", !strcmp(status, "ENABLED"), arn);
    col_add_str_v(o, "findingpublishingfrequency", json_object_get(get, "findingPublishingFrequency"), arn);
    COL_ITEMS(json_object_get(get, "features"), i, f) col_push(feats, map_feature(f, arn));
}

struct gd_run {
    json_t *ids; /* detector ids (strings) */
};

static enum osp_code ids_page(void *ud, json_t *body, struct osp_err *err)
{
    struct gd_run *run = ud;
    json_t *d;
    size_t i;
    COL_ITEMS(json_object_get(body, "detectorIds"), i, d) {
        if (json_is_string(d))
            json_array_append(run->ids, d);
    }
    return OSP_OK;
}

static enum osp_code one_detector(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct gd_run *run = ud;
    const char *id = json_string_value(json_array_get(run->ids, i));
    json_t *det = col_guardduty_map_detector(id, job->partition, job->region, job->account);
    struct col_read r[1];
    if (!det)
        return OSP_ENOTFOUND;
    memset(r, 0, sizeof r);
    col_fmt(r[0].arg, sizeof r[0].arg, "/detector/%s", id);
    r[0].call = col_rest_call("guardduty", job->region, AWS_PROTO_RESTJSON, "GET", r[0].arg);
    r[0].name = "GetDetector";
    r[0].fields = "status,enabled,features";
    osp_err_init(&r[0].err);
    enum osp_code rc = col_read_all(job, det, r, 1, err);
    if (rc == OSP_OK && r[0].answer == COL_ANS_OK)
        col_guardduty_map_get(det, r[0].body);
    col_reads_cleanup(r, 1);
    if (rc == OSP_OK)
        *slot = det;
    else
        json_decref(det);
    return rc;
}

enum osp_code col_guardduty(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct gd_run run = {json_array()};
    json_t *dets = col_arr(state, "detectors");
    struct aws_call c = col_rest_call("guardduty", job->region, AWS_PROTO_RESTJSON, "GET", "/detector");
    enum osp_code rc = aws_call_param(&c, "maxResults", "50");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "nextToken", "nextToken", NULL, ids_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.ids), one_detector, &run, dets, err);
    json_decref(run.ids);
    return rc;
}
