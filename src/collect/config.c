/* config.c: the AWS Config collector: recorders + status, delivery channels, aggregators. */
#include <string.h>

#include "collect/col_int.h"

static json_t *status_for(json_t *statuses, const char *name)
{
    json_t *s;
    size_t i;
    COL_ITEMS(json_object_get(statuses, "ConfigurationRecordersStatus"), i, s) {
        const char *n = col_s(s, "name");
        if (n && name && strcmp(n, name) == 0)
            return s;
    }
    return NULL;
}

static int all_regions(json_t *agg)
{
    json_t *src;
    size_t i;
    if (col_truthy(aws_get(agg, "OrganizationAggregationSource.AllAwsRegions")))
        return 1;
    COL_ITEMS(json_object_get(agg, "AccountAggregationSources"), i, src) {
        if (col_truthy(json_object_get(src, "AllAwsRegions")))
            return 1;
    }
    return 0;
}

static void map_recorders(json_t *state, json_t *recorders, json_t *statuses, const char *prefix)
{
    json_t *out = col_arr(state, "recorders"), *r;
    size_t i;
    COL_ITEMS(json_object_get(recorders, "ConfigurationRecorders"), i, r) {
        char arn[300];
        const char *name = col_s(r, "name");
        col_fmt(arn, sizeof arn, "%sconfig-recorder/%s", prefix, name ? name : "");
        json_t *o = col_obj(arn), *st = status_for(statuses, name);
        col_add_str(o, "name", name, arn);
        col_add_str_v(o, "rolearn", json_object_get(r, "roleARN"), arn);
        col_add_bool_v(o, "allsupported", aws_get(r, "recordingGroup.allSupported"), arn);
        col_add_bool_v(o, "includeglobalresourcetypes", aws_get(r, "recordingGroup.includeGlobalResourceTypes"), arn);
        col_add_bool_v(o, "recording", json_object_get(st, "recording"), arn);
        col_add_str_v(o, "laststatus", json_object_get(st, "lastStatus"), arn);
        col_push(out, o);
    }
}

static void map_channels(json_t *state, json_t *channels, const char *prefix)
{
    json_t *out = col_arr(state, "deliverychannels"), *d;
    size_t i;
    COL_ITEMS(json_object_get(channels, "DeliveryChannels"), i, d) {
        char arn[300];
        const char *name = col_s(d, "name");
        col_fmt(arn, sizeof arn, "%sdelivery-channel/%s", prefix, name ? name : "");
        json_t *o = col_obj(arn);
        col_add_str(o, "name", name, arn);
        col_add_str_v(o, "s3bucketname", json_object_get(d, "s3BucketName"), arn);
        col_add_str_v(o, "snstopicarn", json_object_get(d, "snsTopicARN"), arn);
        col_push(out, o);
    }
}

static void map_aggregators(json_t *state, json_t *aggregators)
{
    json_t *out = col_arr(state, "aggregators"), *a, *pick = NULL;
    size_t i;
    COL_ITEMS(json_object_get(aggregators, "ConfigurationAggregators"), i, a) {
        const char *arn = col_s(a, "ConfigurationAggregatorArn");
        json_t *o = col_obj(arn);
        col_add_str_v(o, "name", json_object_get(a, "ConfigurationAggregatorName"), arn);
        col_add_str(o, "arn", arn, arn);
        col_add_bool(o, "sourceallregions", all_regions(a), arn);
        col_push(out, o);
        if (!pick || (!all_regions(pick) && all_regions(a)))
            pick = a;
    }
    if (pick) {
        const char *arn = col_s(pick, "ConfigurationAggregatorArn");
        json_t *o = col_obj(arn);
        col_add_bool(o, "sourceallregions", all_regions(pick), arn);
        col_set(state, "configurationaggregrator", o);
    }
}

void col_config_map(json_t *state, json_t *recorders, json_t *statuses, json_t *channels, json_t *aggregators,
                    const char *partition, const char *region, const char *account)
{
    char prefix[160];
    col_fmt(prefix, sizeof prefix, "arn:%s:config:%s:%s:", partition, region, account);
    map_recorders(state, recorders, statuses, prefix);
    map_channels(state, channels, prefix);
    map_aggregators(state, aggregators);
}

struct agg_pages {
    json_t *all; /* {"ConfigurationAggregators": [...]} */
};

static enum osp_code agg_page(void *ud, json_t *body, struct osp_err *err)
{
    struct agg_pages *p = ud;
    json_t *a, *arr = json_object_get(p->all, "ConfigurationAggregators");
    size_t i;
    COL_ITEMS(json_object_get(body, "ConfigurationAggregators"), i, a) json_array_append(arr, a);
    return OSP_OK;
}

struct cfg_run {
    json_t *body[3]; /* recorders, their status, delivery channels */
    struct agg_pages ap;
};

/* The four describes are independent: in flight together. */
static enum osp_code cfg_one(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    static const char *const ops[] = {"StarlingDoveService.DescribeConfigurationRecorders",
                                      "StarlingDoveService.DescribeConfigurationRecorderStatus",
                                      "StarlingDoveService.DescribeDeliveryChannels",
                                      "StarlingDoveService.DescribeConfigurationAggregators"};
    struct cfg_run *run = ud;
    struct aws_call c = col_json_call("config", job->region, ops[i], "1.1", "{}");
    enum osp_code rc = i < 3 ? col_get(job, &c, NULL, &run->body[i], err)
                             : col_paginate(job, &c, "NextToken", "NextToken", NULL, agg_page, &run->ap, err);
    aws_call_cleanup(&c);
    return rc;
}

enum osp_code col_config(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct cfg_run run = {{NULL, NULL, NULL}, {json_pack("{s:[]}", "ConfigurationAggregators")}};
    enum osp_code rc = col_each(job, 4, cfg_one, &run, err);
    if (rc == OSP_OK)
        col_config_map(state, run.body[0], run.body[1], run.body[2], run.ap.all, job->partition, job->region,
                       job->account);
    for (size_t i = 0; i < 3; i++)
        json_decref(run.body[i]);
    json_decref(run.ap.all);
    return rc;
}
