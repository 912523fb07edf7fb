/* cloudtrail.c: the CloudTrail collector: trails (shadow trails included), status, selectors. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define CT_TARGET "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."

static const char *tarn(json_t *t)
{
    return json_string_value(json_object_get(json_object_get(t, "__defsec_metadata"), "resource"));
}

json_t *col_cloudtrail_map_trail(json_t *tr)
{
    const char *arn = col_s(tr, "TrailARN");
    json_t *t = col_obj(arn);
    col_add_str_v(t, "name", json_object_get(tr, "Name"), arn);
    col_add_str(t, "arn", arn, arn);
    col_add_bool_v(t, "ismultiregion", json_object_get(tr, "IsMultiRegionTrail"), arn);
    col_add_bool_v(t, "enablelogfilevalidation", json_object_get(tr, "LogFileValidationEnabled"), arn);
    col_add_str_v(t, "kmskeyid", json_object_get(tr, "KmsKeyId"), arn);
    col_add_str_v(t, "bucketname", json_object_get(tr, "S3BucketName"), arn);
    col_add_str_v(t, "cloudwatchlogsloggrouparn", json_object_get(tr, "CloudWatchLogsLogGroupArn"), arn);
    col_add_str_v(t, "homeregion", json_object_get(tr, "HomeRegion"), arn);
    col_add_bool_v(t, "isorganizationtrail", json_object_get(tr, "IsOrganizationTrail"), arn);
    col_add_bool_v(t, "includeglobalserviceevents", json_object_get(tr, "IncludeGlobalServiceEvents"), arn);
    col_add_str_v(t, "snstopicarn", json_object_get(tr, "SnsTopicARN"), arn);
    col_arr(t, "eventselectors");
    return t;
}

void col_cloudtrail_map_status(json_t *t, json_t *status)
{
    const char *arn = tarn(t);
    col_add_bool_v(t, "islogging", json_object_get(status, "IsLogging"), arn);
    col_add_time_v(t, "latestcloudwatchlogsdeliverytime", json_object_get(status, "LatestCloudWatchLogsDeliveryTime"),
                   arn);
}

static json_t *map_selector(json_t *s, const char *arn)
{
    json_t *o = col_obj(arn), *d;
    size_t i;
    col_add_str_v(o, "readwritetype", json_object_get(s, "ReadWriteType"), arn);
    col_add_bool_v(o, "includemanagementevents", json_object_get(s, "IncludeManagementEvents"), arn);
    json_t *drs = col_arr(o, "dataresources");
    COL_ITEMS(json_object_get(s, "DataResources"), i, d) {
        json_t *dr = col_obj(arn);
        col_add_str_v(dr, "type", json_object_get(d, "Type"), arn);
        col_add_str_list(dr, "values", json_object_get(d, "Values"), arn);
        col_push(drs, dr);
    }
    return o;
}

static json_t *map_advanced(json_t *s, const char *arn)
{
    json_t *o = col_obj(arn), *f;
    size_t i;
    col_add_str_v(o, "name", json_object_get(s, "Name"), arn);
    json_t *fs = col_arr(o, "fieldselectors");
    COL_ITEMS(json_object_get(s, "FieldSelectors"), i, f) {
        json_t *fo = col_obj(arn);
        col_add_str_v(fo, "field", json_object_get(f, "Field"), arn);
        col_add_str_list(fo, "equals", json_object_get(f, "Equals"), arn);
        col_add_str_list(fo, "notequals", json_object_get(f, "NotEquals"), arn);
        col_add_str_list(fo, "startswith", json_object_get(f, "StartsWith"), arn);
        col_push(fs, fo);
    }
    return o;
}

void col_cloudtrail_map_selectors(json_t *t, json_t *resp)
{
    const char *arn = tarn(t);
    json_t *sel = col_arr(t, "eventselectors"), *s;
    size_t i;
    COL_ITEMS(json_object_get(resp, "EventSelectors"), i, s) col_push(sel, map_selector(s, arn));
    json_t *adv = json_object_get(resp, "AdvancedEventSelectors");
    if (!col_blank(adv)) {
        json_t *a = col_arr(t, "advancedeventselectors");
        COL_ITEMS(adv, i, s) col_push(a, map_advanced(s, arn));
    }
}

/* One JSON call with {"<key>": "<value>"} (or {}); *body is a new reference. */
static enum osp_code ct_call(struct col_job *job, const char *region, const char *op, const char *key, const char *value,
                             json_t **body, struct osp_err *err)
{
    char target[160];
    json_t *req = key ? json_pack("{s:s}", key, value) : json_pack("{s:b}", "includeShadowTrails", 1);
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    struct aws_call c = col_json_call("cloudtrail", region, col_fmt(target, sizeof target, "%s%s", CT_TARGET, op),
                                      "1.1", txt ? txt : "{}");
    struct aws_response r;
    enum osp_code rc = col_call(job, &c, &r, err);
    if (rc == OSP_OK)
        *body = json_incref(r.body);
    aws_response_cleanup(&r);
    aws_call_cleanup(&c);
    free(txt);
    json_decref(req);
    return rc;
}

struct ct_run {
    json_t *trails; /* array of state trails, in DescribeTrails order */
};

static enum osp_code one_trail(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct ct_run *run = ud;
    json_t *t = json_array_get(run->trails, i), *body = NULL;
    const char *arn = tarn(t);
    /* a shadow (multi-region) trail answers in its home region */
    const char *home = json_string_value(json_object_get(json_object_get(t, "homeregion"), "value"));
    const char *region = home && *home ? home : job->region;
    enum osp_code rc = ct_call(job, region, "GetTrailStatus", "Name", arn, &body, err);
    if (rc == OSP_OK)
        col_cloudtrail_map_status(t, body);
    json_decref(body);
    body = NULL;
    if (rc == OSP_OK && (rc = ct_call(job, region, "GetEventSelectors", "TrailName", arn, &body, err)) == OSP_OK)
        col_cloudtrail_map_selectors(t, body);
    json_decref(body);
    return rc;
}

enum osp_code col_cloudtrail(struct col_job *job, json_t *state, struct osp_err *err)
{
    json_t *body = NULL, *tr;
    size_t i;
    json_t *trails = col_arr(state, "trails");
    enum osp_code rc = ct_call(job, job->region, "DescribeTrails", NULL, NULL, &body, err);
    if (rc)
        return rc;
    COL_ITEMS(json_object_get(body, "trailList"), i, tr) {
        if (col_s(tr, "TrailARN"))
            col_push(trails, col_cloudtrail_map_trail(tr));
    }
    json_decref(body);
    struct ct_run run = {trails};
    return col_each(job, json_array_size(trails), one_trail, &run, err);
}
