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

static const char *const contact_types[] = {"SECURITY", "BILLING", "OPERATIONS"};

static enum osp_code one_contact(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    json_t **out = ud;
    char body[96];
    struct aws_call c = col_rest_call("account", strcmp(job->partition, "aws") == 0 ? "us-east-1" : job->region,
                                      AWS_PROTO_RESTJSON, "POST", "/getAlternateContact");
    c.body = col_fmt(body, sizeof body, "{\"AlternateContactType\":\"%s\"}", contact_types[i]);
    c.action = "GetAlternateContact";
    enum osp_code rc = col_get(job, &c, "ResourceNotFoundException", &out[i], err); /* not found: not set */
    aws_call_cleanup(&c);
    return rc;
}

enum osp_code col_account(struct col_job *job, json_t *state, struct osp_err *err)
{
    json_t *out[3] = {NULL, NULL, NULL};
    enum osp_code rc = col_each(job, 3, one_contact, out, err);
    col_arr(state, "alternatecontacts");
    for (size_t i = 0; rc == OSP_OK && i < 3; i++)
        if (out[i])
            col_account_map_contact(state, out[i], job->partition, job->account);
    for (size_t i = 0; i < 3; i++)
        json_decref(out[i]);
    return rc;
}
