/* eventbridge.c: the EventBridge collector: the region's event buses and their resource policies
 * (ListEventBuses, then DescribeEventBus per bus: 1 call per bus; the policy is what the checks
 * read, and DescribeEventBus is the call documented to carry it). */
#include <string.h>

#include "collect/col_int.h"

#define EB_TARGET "AWSEvents."

/* DescribeEventBus's answer (or a ListEventBuses entry) -> eventbridge.buses[_]. */
json_t *col_eventbridge_map_bus(json_t *bus)
{
    const char *arn = col_s(bus, "Arn");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(bus, "Name"), arn);
    col_add_doc_v(o, "policy", json_object_get(bus, "Policy"), arn);
    col_add_str_v(o, "kmskeyidentifier", json_object_get(bus, "KmsKeyIdentifier"), arn);
    return o;
}

struct eb_run {
    json_t *names;
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct eb_run *run = ud;
    json_t *b;
    size_t i;
    COL_ITEMS(json_object_get(body, "EventBuses"), i, b) {
        json_t *n = json_object_get(b, "Name");
        if (json_is_string(n))
            json_array_append(run->names, n);
    }
    return OSP_OK;
}

static enum osp_code one_bus(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct eb_run *run = ud;
    struct col_read r;
    memset(&r, 0, sizeof r);
    col_read_json_arg(&r, "Name", json_string_value(json_array_get(run->names, i)));
    r.call = col_json_call("events", job->region, EB_TARGET "DescribeEventBus", "1.1", r.arg);
    r.name = "DescribeEventBus";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err); /* the policy is the point of the bus */
    if (rc == OSP_OK)
        *slot = col_eventbridge_map_bus(r.body);
    col_reads_cleanup(&r, 1);
    return rc;
}

enum osp_code col_eventbridge(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct eb_run run = {json_array()};
    json_t *out = col_arr(state, "buses");
    struct aws_call c = col_json_call("events", job->region, EB_TARGET "ListEventBuses", "1.1", "{\"Limit\":100}");
    enum osp_code rc = col_paginate(job, &c, "NextToken", "NextToken", NULL, list_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.names), one_bus, &run, out, err);
    json_decref(run.names);
    return rc;
}
