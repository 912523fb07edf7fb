/* inspector2.c: the Inspector (v2) collector: which scan types are enabled for the account in the
 * region (BatchGetAccountStatus for the account itself, 1 call). An account that never enabled
 * Inspector is DISABLED, not a failure. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

/* The scan types: the API's key, the state's key. */
static const struct {
    const char *api, *key;
} scan_types[] = {{"ec2", "ec2"}, {"ecr", "ecr"}, {"lambda", "lambda"}, {"lambdaCode", "lambdacode"}};

/* The status of one scan type: resourceState.<t>.status, or the older resourceStatus.<t>. */
static const char *type_status(json_t *acct, const char *t)
{
    const char *s = col_s(json_object_get(json_object_get(acct, "resourceState"), t), "status");
    if (!s)
        s = json_string_value(json_object_get(json_object_get(acct, "resourceStatus"), t));
    return s;
}

json_t *col_inspector2_map_status(json_t *resp, const char *account, const char *arn)
{
    json_t *acct = NULL, *a;
    size_t i;
    COL_ITEMS(json_object_get(resp, "accounts"), i, a) {
        const char *id = col_s(a, "accountId");
        if (json_is_object(a) && (!acct || (id && account && strcmp(id, account) == 0)))
            acct = a;
    }
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str(o, "accountid", account, arn);
    /* no entry for the account: Inspector was never enabled (moto answers so; AWS says DISABLED) */
    const char *st = acct ? col_s(acct, "state.status") : "DISABLED";
    if (!st && acct)
        st = col_s(acct, "status");
    col_add_str(o, "status", st, arn);
    for (size_t t = 0; t < sizeof scan_types / sizeof scan_types[0]; t++)
        col_add_str(o, scan_types[t].key, acct ? type_status(acct, scan_types[t].api) : "DISABLED", arn);
    return o;
}

/* Why the account's status could not be read (failedAccounts), or NULL. */
const char *col_inspector2_failed(json_t *resp, const char *account)
{
    json_t *a;
    size_t i;
    COL_ITEMS(json_object_get(resp, "failedAccounts"), i, a) {
        const char *id = col_s(a, "accountId");
        if (!id || !account || strcmp(id, account) == 0)
            return col_s(a, "errorMessage") ? col_s(a, "errorMessage") : col_s(a, "errorCode") ? col_s(a, "errorCode") : "failed";
    }
    return NULL;
}

enum osp_code col_inspector2(struct col_job *job, json_t *state, struct osp_err *err)
{
    char arn[256], body[64];
    col_fmt(arn, sizeof arn, "arn:%s:inspector2:%s:%s:account", job->partition, job->region, job->account);
    col_fmt(body, sizeof body, "{\"accountIds\":[\"%s\"]}", job->account);
    struct aws_call c = col_rest_call("inspector2", job->region, AWS_PROTO_RESTJSON, "POST", "/status/batch/get");
    c.action = "BatchGetAccountStatus";
    c.body = body;
    json_t *resp = NULL;
    enum osp_code rc = col_get(job, &c, NULL, &resp, err);
    aws_call_cleanup(&c);
    const char *why = rc == OSP_OK ? col_inspector2_failed(resp, job->account) : NULL;
    if (why)
        rc = osp_err_set(err, OSP_EAWS, "inspector2 BatchGetAccountStatus: account %s: %s", job->account, why);
    if (rc == OSP_OK)
        col_set(state, "account", col_inspector2_map_status(resp, job->account, arn));
    json_decref(resp);
    return rc;
}
