/* workspaces.c: the WorkSpaces collector: every workspace with its volume encryption
 * (DescribeWorkspaces, 25 per page; nothing per workspace). */
#include <string.h>

#include "collect/col_int.h"

static json_t *volume(json_t *enabled, json_t *key, const char *arn)
{
    json_t *v = col_obj(arn), *enc = col_obj(arn);
    /* AWS and moto leave the flag out when it is false: absent is unencrypted */
    col_add_bool(enc, "enabled", col_truthy(enabled), arn);
    col_add_str_v(enc, "kmskeyid", col_truthy(enabled) ? key : NULL, arn);
    col_set(v, "encryption", enc);
    return v;
}

/* One DescribeWorkspaces entry; NULL without WorkspaceId. */
json_t *col_workspaces_map(json_t *w, const char *partition, const char *region, const char *account)
{
    const char *id = col_s(w, "WorkspaceId");
    char arn[320];
    if (!id || !*id)
        return NULL;
    col_fmt(arn, sizeof arn, "arn:%s:workspaces:%s:%s:workspace/%s", partition, region, account, id);
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str(o, "id", id, arn);
    col_add_str_v(o, "directoryid", json_object_get(w, "DirectoryId"), arn);
    col_add_str_v(o, "username", json_object_get(w, "UserName"), arn);
    col_add_str_v(o, "state", json_object_get(w, "State"), arn);
    col_add_str_v(o, "bundleid", json_object_get(w, "BundleId"), arn);
    json_t *key = json_object_get(w, "VolumeEncryptionKey");
    col_set(o, "rootvolume", volume(json_object_get(w, "RootVolumeEncryptionEnabled"), key, arn));
    col_set(o, "uservolume", volume(json_object_get(w, "UserVolumeEncryptionEnabled"), key, arn));
    return o;
}

struct ws_page {
    struct col_job *job;
    json_t *out;
};

static enum osp_code ws_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct ws_page *p = ud;
    json_t *w;
    size_t i;
    COL_ITEMS(json_object_get(body, "Workspaces"), i, w)
        col_push(p->out, col_workspaces_map(w, p->job->partition, p->job->region, p->job->account));
    return OSP_OK;
}

enum osp_code col_workspaces(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct ws_page p = {job, col_arr(state, "workspaces")};
    struct aws_call c = col_json_call("workspaces", job->region, "WorkspacesService.DescribeWorkspaces", "1.1",
                                      "{\"Limit\":25}");
    enum osp_code rc = col_paginate(job, &c, "NextToken", "NextToken", NULL, ws_page, &p, err);
    aws_call_cleanup(&c);
    return rc;
}
