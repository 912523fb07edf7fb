/* ssm.c: the Secrets Manager collector, under Trivy's service name `ssm` (input.aws.ssm): secrets'
 * metadata from ListSecrets alone (0 calls per secret). Secret values are never read. */
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

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    json_t *s;
    size_t i;
    COL_ITEMS(json_object_get(body, "SecretList"), i, s) {
        if (col_s(s, "ARN"))
            col_push(ud, col_ssm_map_secret(s));
    }
    return OSP_OK;
}

enum osp_code col_ssm(struct col_job *job, json_t *state, struct osp_err *err)
{
    json_t *out = col_arr(state, "secrets");
    struct aws_call c = col_json_call("secretsmanager", job->region, "secretsmanager.ListSecrets", "1.1",
                                      "{\"MaxResults\":100}");
    enum osp_code rc = col_paginate(job, &c, "NextToken", "NextToken", NULL, list_page, out, err);
    aws_call_cleanup(&c);
    return rc;
}
