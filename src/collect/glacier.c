/* glacier.c: the S3 Glacier collector: the region's vaults (ListVaults) and each vault's access
 * policy (GetVaultAccessPolicy: 1 call per vault; ResourceNotFoundException = no policy). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

static const char *const glacier_headers[] = {"x-amz-glacier-version: 2012-06-01", NULL};

/* One ListVaults entry -> glacier.vaults[_] (NULL without VaultARN). */
json_t *col_glacier_map_vault(json_t *v)
{
    const char *arn = col_s(v, "VaultARN");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(v, "VaultName"), arn);
    return o;
}

/* GetVaultAccessPolicy's answer {"policy": {"Policy": "<json>"}} (NULL: none) -> vault.policy. */
void col_glacier_map_policy(json_t *vault, json_t *resp)
{
    if (!json_is_object(vault))
        return;
    const char *arn = json_string_value(json_object_get(json_object_get(vault, "__defsec_metadata"), "resource"));
    col_add_doc_v(vault, "policy", json_object_get(json_object_get(resp, "policy"), "Policy"), arn);
}

struct gl_run {
    json_t *vaults; /* raw ListVaults entries */
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct gl_run *run = ud;
    json_t *v;
    size_t i;
    COL_ITEMS(json_object_get(body, "VaultList"), i, v) {
        if (col_s(v, "VaultARN") && col_s(v, "VaultName"))
            json_array_append(run->vaults, v);
    }
    return OSP_OK;
}

static enum osp_code one_vault(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct gl_run *run = ud;
    json_t *raw = json_array_get(run->vaults, i);
    const char *name = col_s(raw, "VaultName");
    if (strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") != strlen(name))
        return OSP_ENOTFOUND; /* not a vault name AWS would return: nothing to address it by */
    json_t *vault = col_glacier_map_vault(raw);
    struct col_read r;
    memset(&r, 0, sizeof r);
    col_fmt(r.arg, sizeof r.arg, "/-/vaults/%s/access-policy", name);
    r.call = col_rest_call("glacier", job->region, AWS_PROTO_RESTJSON, "GET", r.arg);
    r.call.action = "GetVaultAccessPolicy";
    r.call.headers = glacier_headers;
    r.name = "GetVaultAccessPolicy";
    r.absent = "ResourceNotFoundException"; /* no access policy */
    r.fields = "policy";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, vault, &r, 1, err);
    if (rc == OSP_OK && r.answer == COL_ANS_OK)
        col_glacier_map_policy(vault, r.body);
    col_reads_cleanup(&r, 1);
    if (rc == OSP_OK)
        *slot = vault;
    else
        json_decref(vault);
    return rc;
}

enum osp_code col_glacier(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct gl_run run = {json_array()};
    json_t *out = col_arr(state, "vaults");
    struct aws_call c = col_rest_call("glacier", job->region, AWS_PROTO_RESTJSON, "GET", "/-/vaults");
    c.action = "ListVaults";
    c.headers = glacier_headers;
    enum osp_code rc = aws_call_param(&c, "limit", "50");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "marker", "Marker", NULL, list_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.vaults), one_vault, &run, out, err);
    json_decref(run.vaults);
    return rc;
}
