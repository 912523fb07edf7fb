/* athena.c: the Athena collector: workgroups, their query-result encryption and whether the
 * workgroup's settings override the clients'. One call per workgroup (GetWorkGroup). Databases are
 * not emitted: the API gives them no encryption setting to judge (see STATE.md). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define ATH_TARGET "AmazonAthena."

/* GetWorkGroup; arn: the workgroup's ARN (the API gives none). */
json_t *col_athena_map_workgroup(json_t *resp, const char *arn)
{
    json_t *wg = json_object_get(resp, "WorkGroup");
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(wg, "Name"), arn);
    col_add_str_v(o, "state", json_object_get(wg, "State"), arn);
    json_t *cfg = json_object_get(wg, "Configuration");
    json_t *ec = json_object_get(json_object_get(cfg, "ResultConfiguration"), "EncryptionConfiguration");
    json_t *enc = col_obj(arn);
    col_add_str_v(enc, "type", json_object_get(ec, "EncryptionOption"), arn);
    col_add_str_v(enc, "kmskey", json_object_get(ec, "KmsKey"), arn);
    col_set(o, "encryption", enc);
    col_add_bool_v(o, "enforceconfiguration", json_object_get(cfg, "EnforceWorkGroupConfiguration"), arn);
    return o;
}

struct ath_run {
    json_t *names;
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct ath_run *run = ud;
    json_t *w;
    size_t i;
    COL_ITEMS(json_object_get(body, "WorkGroups"), i, w) {
        json_t *n = json_object_get(w, "Name");
        if (json_is_string(n))
            json_array_append(run->names, n);
    }
    return OSP_OK;
}

static enum osp_code one_workgroup(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct ath_run *run = ud;
    const char *name = json_string_value(json_array_get(run->names, i));
    char arn[400];
    col_fmt(arn, sizeof arn, "arn:%s:athena:%s:%s:workgroup/%s", job->partition, job->region, job->account, name);
    struct col_read r;
    memset(&r, 0, sizeof r);
    json_t *req = json_pack("{s:s}", "WorkGroup", name);
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    col_fmt(r.arg, sizeof r.arg, "%s", txt ? txt : "{}");
    free(txt);
    json_decref(req);
    r.call = col_json_call("athena", job->region, ATH_TARGET "GetWorkGroup", "1.1", r.arg);
    r.name = "GetWorkGroup";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err); /* the list has no settings to judge */
    if (rc == OSP_OK)
        *slot = col_athena_map_workgroup(r.body, arn);
    col_reads_cleanup(&r, 1);
    return rc;
}

enum osp_code col_athena(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct ath_run run = {json_array()};
    json_t *out = col_arr(state, "workgroups");
    struct aws_call c = col_json_call("athena", job->region, ATH_TARGET "ListWorkGroups", "1.1", "{\"MaxResults\":50}");
    enum osp_code rc = col_paginate(job, &c, "NextToken", "NextToken", NULL, list_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.names), one_workgroup, &run, out, err);
    json_decref(run.names);
    return rc;
}
