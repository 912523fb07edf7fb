/* cloudwatch.c: the CloudWatch collector: metric alarms, log groups and their metric filters. */
#include <string.h>

#include "collect/col_int.h"

json_t *col_cw_map_alarm(json_t *a)
{
    const char *arn = col_s(a, "AlarmArn");
    json_t *o = col_obj(arn), *d, *m;
    size_t i;
    col_add_str_v(o, "alarmname", json_object_get(a, "AlarmName"), arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "metricname", json_object_get(a, "MetricName"), arn);
    col_add_str_v(o, "namespace", json_object_get(a, "Namespace"), arn);
    col_add_bool_v(o, "actionsenabled", json_object_get(a, "ActionsEnabled"), arn);
    col_add_str_v(o, "statevalue", json_object_get(a, "StateValue"), arn);
    col_add_str_list(o, "alarmactions", json_object_get(a, "AlarmActions"), arn);
    json_t *dims = col_arr(o, "dimensions");
    COL_ITEMS(json_object_get(a, "Dimensions"), i, d) {
        json_t *x = col_obj(arn);
        col_add_str_v(x, "name", json_object_get(d, "Name"), arn);
        col_add_str_v(x, "value", json_object_get(d, "Value"), arn);
        col_push(dims, x);
    }
    json_t *metrics = col_arr(o, "metrics");
    COL_ITEMS(json_object_get(a, "Metrics"), i, m) {
        json_t *x = col_obj(arn);
        col_add_str_v(x, "id", json_object_get(m, "Id"), arn);
        col_add_str_v(x, "expression", json_object_get(m, "Expression"), arn);
        col_add_str_v(x, "metricname", aws_get(m, "MetricStat.Metric.MetricName"), arn);
        col_push(metrics, x);
    }
    return o;
}

json_t *col_cw_map_log_group(json_t *g)
{
    char arn[600];
    const char *raw = col_s(g, "arn");
    col_fmt(arn, sizeof arn, "%s", raw ? raw : "");
    size_t n = strlen(arn);
    if (n >= 2 && strcmp(arn + n - 2, ":*") == 0)
        arn[n - 2] = '\0';
    json_t *o = col_obj(arn);
    col_add_str_v(o, "name", json_object_get(g, "logGroupName"), arn);
    if (raw)
        col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "kmskeyid", json_object_get(g, "kmsKeyId"), arn);
    col_add_int_v(o, "retentionindays", json_object_get(g, "retentionInDays"), arn);
    col_arr(o, "metricfilters");
    return o;
}

static json_t *map_filter(json_t *f, const char *arn)
{
    json_t *o = col_obj(arn), *t;
    size_t i;
    col_add_str_v(o, "filtername", json_object_get(f, "filterName"), arn);
    col_add_str_v(o, "filterpattern", json_object_get(f, "filterPattern"), arn);
    json_t *tr = col_arr(o, "metrictransformations");
    COL_ITEMS(json_object_get(f, "metricTransformations"), i, t) {
        json_t *x = col_obj(arn);
        col_add_str_v(x, "metricname", json_object_get(t, "metricName"), arn);
        col_add_str_v(x, "metricnamespace", json_object_get(t, "metricNamespace"), arn);
        col_push(tr, x);
    }
    return o;
}

/* filters: raw DescribeMetricFilters items; each goes under the log group it names. */
void col_cw_attach_filters(json_t *state, json_t *filters)
{
    json_t *groups = json_object_get(state, "loggroups"), *f, *g;
    size_t i, k;
    COL_ITEMS(filters, i, f) {
        const char *name = col_s(f, "logGroupName");
        json_array_foreach(groups, k, g) {
            const char *gn = json_string_value(json_object_get(json_object_get(g, "name"), "value"));
            if (!name || !gn || strcmp(name, gn) != 0)
                continue;
            const char *arn = json_string_value(json_object_get(json_object_get(g, "__defsec_metadata"), "resource"));
            col_push(col_arr(g, "metricfilters"), map_filter(f, arn));
            break;
        }
    }
}

struct cw_pages {
    json_t *state;
    json_t *filters;
};

static enum osp_code alarm_page(void *ud, json_t *body, struct osp_err *err)
{
    struct cw_pages *p = ud;
    json_t *out = col_arr(p->state, "alarms"), *a;
    size_t i;
    COL_ITEMS(aws_get(body, "DescribeAlarmsResponse.DescribeAlarmsResult.MetricAlarms"), i, a)
        col_push(out, col_cw_map_alarm(a));
    return OSP_OK;
}

static enum osp_code group_page(void *ud, json_t *body, struct osp_err *err)
{
    struct cw_pages *p = ud;
    json_t *out = col_arr(p->state, "loggroups"), *g;
    size_t i;
    COL_ITEMS(json_object_get(body, "logGroups"), i, g) col_push(out, col_cw_map_log_group(g));
    return OSP_OK;
}

static enum osp_code filter_page(void *ud, json_t *body, struct osp_err *err)
{
    struct cw_pages *p = ud;
    json_t *f;
    size_t i;
    COL_ITEMS(json_object_get(body, "metricFilters"), i, f) json_array_append(p->filters, f);
    return OSP_OK;
}

/* Alarms, log groups, metric filters: three independent lists, in flight together. */
static enum osp_code cw_list(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct aws_call c = i == 0 ? col_query_call("monitoring", job->region, "DescribeAlarms", "2010-08-01")
                        : col_json_call("logs", job->region,
                                        i == 1 ? "Logs_20140328.DescribeLogGroups" : "Logs_20140328.DescribeMetricFilters",
                                        "1.1", "{}");
    enum osp_code rc = i == 0 ? col_paginate(job, &c, "NextToken", "DescribeAlarmsResponse.DescribeAlarmsResult.NextToken",
                                             NULL, alarm_page, ud, err)
                       : col_paginate(job, &c, "nextToken", "nextToken", NULL, i == 1 ? group_page : filter_page, ud, err);
    aws_call_cleanup(&c);
    return rc;
}

enum osp_code col_cloudwatch(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct cw_pages p = {state, json_array()};
    col_arr(state, "alarms"); /* created here: the lists only append to their own array */
    col_arr(state, "loggroups");
    enum osp_code rc = col_each(job, 3, cw_list, &p, err);
    if (rc == OSP_OK)
        col_cw_attach_filters(state, p.filters);
    json_decref(p.filters);
    return rc;
}
