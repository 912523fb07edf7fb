/* account.c: the Account collector: alternate contacts (CIS: a security contact is registered). */
#include <stdio.h>
#include <string.h>

#include "collect/col_int.h"

void col_account_map_contact(json_t *state, json_t *resp, const char *partition, const char *account)
{
    json_t *c = json_object_get(resp, "AlternateContact");
    const char *type = col_s(c, "AlternateContactType");
    json_t *out = col_arr(state, "alternatecontacts");
    if (!type)
        return;
    char arn[200];
    col_fmt(arn, sizeof arn, "arn:%s:account::%s:alternate-contact/%s", partition, account, type);
    json_t *o = col_obj(arn);
    col_add_str(o, "type", type, arn);
    col_add_str_v(o, "name", json_object_get(c, "Name"), arn);
    col_add_str_v(o, "emailaddress", json_object_get(c, "EmailAddress"), arn);
    col_add_str_v(o, "phonenumber", json_object_get(c, "PhoneNumber"), arn);
    col_add_str_v(o, "title", json_object_get(c, "Title"), arn);
    col_push(out, o);
}

static enum osp_code one_contact(struct col_job *job, json_t *state, const char *type, struct osp_err *err)
{
    char body[96];
    struct aws_call c = col_rest_call("account", strcmp(job->partition, "aws") == 0 ? "us-east-1" : job->region,
                                      AWS_PROTO_RESTJSON, "POST", "/getAlternateContact");
    struct aws_response r;
    struct osp_err e;
    osp_err_init(&e);
    c.body = col_fmt(body, sizeof body, "{\"AlternateContactType\":\"%s\"}", type);
    c.allow_404 = 1;
    enum osp_code rc = col_call(job, &c, &r, &e);
    if (col_err_is(&r, &e, "ResourceNotFoundException"))
        rc = OSP_OK; /* not set */
    else if (rc == OSP_OK && r.error.code[0]) {
        rc = osp_err_set(err, OSP_EAWS, "account GetAlternateContact %s: %s: %s", type, r.error.code, r.error.message);
        snprintf(err->aws_code, sizeof err->aws_code, "%s", r.error.code);
    } else if (rc)
        *err = e;
    else
        col_account_map_contact(state, r.body, job->partition, job->account);
    aws_response_cleanup(&r);
    aws_call_cleanup(&c);
    return rc;
}

enum osp_code col_account(struct col_job *job, json_t *state, struct osp_err *err)
{
    static const char *const types[] = {"SECURITY", "BILLING", "OPERATIONS"};
    enum osp_code rc = OSP_OK;
    col_arr(state, "alternatecontacts");
    for (size_t i = 0; rc == OSP_OK && i < sizeof types / sizeof types[0]; i++)
        rc = one_contact(job, state, types[i], err);
    return rc;
}
