/* ssm.c: the Secrets Manager collector, under Trivy's service name `ssm` (input.aws.ssm): secrets'
 * metadata from ListSecrets and each secret's resource policy (GetResourcePolicy: 1 call per
 * secret). Secret values are never read. */
#include <string.h>

#include "collect/col_int.h"

/* One ListSecrets entry. No KmsKeyId: the AWS managed key aws/secretsmanager. */
json_t *col_ssm_map_secret(json_t *sec)
{
    const char *arn = col_s(sec, "ARN");
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(sec, "Name"), arn);
    col_add_str_v(o, "kmskeyid", json_object_get(sec, "KmsKeyId"), arn);
    col_add_bool_v(o, "rotationenabled", json_object_get(sec, "RotationEnabled"), arn);
    col_add_time_v(o, "lastrotateddate", json_object_get(sec, "LastRotatedDate"), arn);
    col_add_time_v(o, "lastaccesseddate", json_object_get(sec, "LastAccessedDate"), arn);
    col_add_str_v(o, "owningservice", json_object_get(sec, "OwningService"), arn);
    return o;
}

/* GetResourcePolicy's answer -> secret.policy (no ResourcePolicy: the secret has none). */
void col_ssm_map_policy(json_t *secret, json_t *resp)
{
    if (!json_is_object(secret))
        return;
    const char *arn = json_string_value(json_object_get(json_object_get(secret, "__defsec_metadata"), "resource"));
    col_add_doc_v(secret, "policy", json_object_get(resp, "ResourcePolicy"), arn);
}

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    json_t *s;
    size_t i;
    COL_ITEMS(json_object_get(body, "SecretList"), i, s) {
        if (col_s(s, "ARN"))
            json_array_append(ud, s);
    }
    return OSP_OK;
}

static enum osp_code one_secret(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    json_t *sec = col_ssm_map_secret(json_array_get(ud, i));
    const char *arn = col_s(json_array_get(ud, i), "ARN");
    struct col_read r;
    memset(&r, 0, sizeof r);
    col_read_json_arg(&r, "SecretId", arn);
    r.call = col_json_call("secretsmanager", job->region, "secretsmanager.GetResourcePolicy", "1.1", r.arg);
    r.name = "GetResourcePolicy";
    r.fields = "policy";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, sec, &r, 1, err); /* denied: a gap; the rest is judged */
    if (rc == OSP_OK && r.answer == COL_ANS_OK)
        col_ssm_map_policy(sec, r.body);
    col_reads_cleanup(&r, 1);
    if (rc == OSP_OK)
        *slot = sec;
    else
        json_decref(sec);
    return rc;
}

enum osp_code col_ssm(struct col_job *job, json_t *state, struct osp_err *err)
{
    json_t *out = col_arr(state, "secrets"), *listed = json_array();
    struct aws_call c = col_json_call("secretsmanager", job->region, "secretsmanager.ListSecrets", "1.1",
                                      "{\"MaxResults\":100}");
    enum osp_code rc = col_paginate(job, &c, "NextToken", "NextToken", NULL, list_page, listed, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(listed), one_secret, listed, out, err);
    json_decref(listed);
    return rc;
}
