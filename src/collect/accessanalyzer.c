/* accessanalyzer.c: the IAM Access Analyzer collector: analyzers of the region. */
#include "collect/col_int.h"

void col_aa_map_page(json_t *state, json_t *page)
{
    json_t *out = col_arr(state, "analyzers"), *a;
    size_t i;
    COL_ITEMS(json_object_get(page, "analyzers"), i, a) {
        const char *arn = col_s(a, "arn");
        const char *status = col_s(a, "status");
        json_t *o = col_obj(arn);
        col_add_str(o, "arn", arn, arn);
        col_add_str_v(o, "name", json_object_get(a, "name"), arn);
        if (status)
            col_add_bool(o, "active", status[0] == 'A' && status[1] == 'C', arn); /* "ACTIVE" */
        col_add_str(o, "status", status, arn);
        col_add_str_v(o, "type", json_object_get(a, "type"), arn);
        col_push(out, o);
    }
}

static enum osp_code aa_page(void *ud, json_t *body, struct osp_err *err)
{
    col_aa_map_page(ud, body);
    return OSP_OK;
}

enum osp_code col_accessanalyzer(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct aws_call c = col_rest_call("access-analyzer", job->region, AWS_PROTO_RESTJSON, "GET", "/analyzer");
    col_arr(state, "analyzers");
    enum osp_code rc = aws_call_param(&c, "maxResults", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "nextToken", "nextToken", NULL, aa_page, state, err);
    aws_call_cleanup(&c);
    return rc;
}
