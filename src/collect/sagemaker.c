/* sagemaker.c: the SageMaker collector: notebook instances (ListNotebookInstances, then
 * DescribeNotebookInstance for each: 1 call per notebook) with their network, root access and
 * volume key settings. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "collect/col_int.h"

#define SM_SVC "api.sagemaker"

/* "Enabled" / "Disabled"; absent is AWS's default, Enabled (moto leaves RootAccess out then). */
static void add_enabled(json_t *o, const char *key, json_t *v, const char *arn)
{
    const char *s = json_string_value(v);
    col_add_bool(o, key, !s || strcasecmp(s, "Disabled") != 0, arn);
}

/* DescribeNotebookInstance; NULL without NotebookInstanceArn. */
json_t *col_sagemaker_map_notebook(json_t *d)
{
    const char *arn = col_s(d, "NotebookInstanceArn");
    if (!arn || !*arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(d, "NotebookInstanceName"), arn);
    col_add_str_v(o, "status", json_object_get(d, "NotebookInstanceStatus"), arn);
    col_add_str_v(o, "instancetype", json_object_get(d, "InstanceType"), arn);
    add_enabled(o, "directinternetaccess", json_object_get(d, "DirectInternetAccess"), arn);
    add_enabled(o, "rootaccess", json_object_get(d, "RootAccess"), arn);
    json_t *key = json_object_get(d, "KmsKeyId"), *subnet = json_object_get(d, "SubnetId");
    col_add_str(o, "kmskeyid", json_is_string(key) ? json_string_value(key) : "", arn);
    col_add_str(o, "subnetid", json_is_string(subnet) ? json_string_value(subnet) : "", arn);
    col_add_str_list(o, "securitygroups", json_object_get(d, "SecurityGroups"), arn);
    col_add_str_v(o, "rolearn", json_object_get(d, "RoleArn"), arn);
    col_add_str_v(o, "platformidentifier", json_object_get(d, "PlatformIdentifier"), arn);
    return o;
}

struct sm_run {
    json_t *names;
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct sm_run *run = ud;
    json_t *n;
    size_t i;
    COL_ITEMS(json_object_get(body, "NotebookInstances"), i, n) {
        json_t *name = json_object_get(n, "NotebookInstanceName");
        if (json_is_string(name))
            json_array_append(run->names, name);
    }
    return OSP_OK;
}

static enum osp_code one_notebook(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct sm_run *run = ud;
    struct col_read r;
    memset(&r, 0, sizeof r);
    json_t *req = json_pack("{s:O}", "NotebookInstanceName", json_array_get(run->names, i));
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    col_fmt(r.arg, sizeof r.arg, "%s", txt ? txt : "{}");
    free(txt);
    json_decref(req);
    r.call = col_json_call(SM_SVC, job->region, "SageMaker.DescribeNotebookInstance", "1.1", r.arg);
    r.name = "DescribeNotebookInstance";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err); /* the list has no settings to judge */
    if (rc == OSP_OK)
        *slot = col_sagemaker_map_notebook(r.body);
    col_reads_cleanup(&r, 1);
    return rc;
}

enum osp_code col_sagemaker(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct sm_run run = {json_array()};
    json_t *out = col_arr(state, "notebookinstances");
    struct aws_call c = col_json_call(SM_SVC, job->region, "SageMaker.ListNotebookInstances", "1.1",
                                      "{\"MaxResults\":100}");
    enum osp_code rc = col_paginate(job, &c, "NextToken", "NextToken", NULL, list_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.names), one_notebook, &run, out, err);
    json_decref(run.names);
    return rc;
}
