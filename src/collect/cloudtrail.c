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

static void ct_read(struct col_read *r, const char *region, const char *op, const char *key, const char *value)
{
    json_t *req = json_pack("{s:s}", key, value);
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    col_fmt(r->arg, sizeof r->arg, "%s", txt ? txt : "{}");
    r->name = op + strlen(CT_TARGET);
    r->call = col_json_call("cloudtrail", region, op, "1.1", r->arg);
    osp_err_init(&r->err);
    free(txt);
    json_decref(req);
}

struct ct_run {
    json_t *trails; /* array of state trails, in DescribeTrails order */
    json_t **keep;  /* one slot per trail: the trail, or NULL when it vanished */
};

static enum osp_code one_trail(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct ct_run *run = ud;
    json_t *t = json_array_get(run->trails, i);
    const char *arn = tarn(t);
    /* a shadow (multi-region) trail answers in its home region */
    const char *home = json_string_value(json_object_get(json_object_get(t, "homeregion"), "value"));
    const char *region = home && *home ? home : job->region;
    struct col_read r[2];
    memset(r, 0, sizeof r);
    ct_read(&r[0], region, CT_TARGET "GetTrailStatus", "Name", arn);
    ct_read(&r[1], region, CT_TARGET "GetEventSelectors", "TrailName", arn);
    r[0].fields = "islogging,latestcloudwatchlogsdeliverytime";
    r[1].fields = "eventselectors,advancedeventselectors";
    enum osp_code rc = col_read_all(job, t, r, 2, err);
    if (rc == OSP_OK && r[0].answer == COL_ANS_OK)
        col_cloudtrail_map_status(t, r[0].body);
    if (rc == OSP_OK && r[1].answer == COL_ANS_OK)
        col_cloudtrail_map_selectors(t, r[1].body);
    if (rc == OSP_OK)
        run->keep[i] = t;
    col_reads_cleanup(r, 2);
    return rc;
}

enum osp_code col_cloudtrail(struct col_job *job, json_t *state, struct osp_err *err)
{
    json_t *body = NULL, *tr, *all = json_array();
    size_t i;
    json_t *trails = col_arr(state, "trails");
    struct aws_call c = col_json_call("cloudtrail", job->region, CT_TARGET "DescribeTrails", "1.1",
                                      "{\"includeShadowTrails\":true}");
    enum osp_code rc = col_get(job, &c, NULL, &body, err);
    COL_ITEMS(json_object_get(body, "trailList"), i, tr) {
        if (col_s(tr, "TrailARN"))
            col_push(all, col_cloudtrail_map_trail(tr));
    }
    json_decref(body);
    struct ct_run run = {all, calloc(json_array_size(all) + 1, sizeof(json_t *))};
    if (rc == OSP_OK && !run.keep)
        rc = osp_err_set(err, OSP_ENOMEM, "cloudtrail: out of memory");
    if (rc == OSP_OK)
        rc = col_each(job, json_array_size(all), one_trail, &run, err);
    for (i = 0; rc == OSP_OK && i < json_array_size(all); i++)
        if (run.keep[i])
            json_array_append(trails, run.keep[i]);
    free(run.keep);
    json_decref(all);
    return rc;
}
