/* organizations.c: the AWS Organizations collector (global, once per account). DescribeOrganization
 * from any account; the organization-wide lists (accounts, service control policies, delegated
 * administrators) only answer in the management account or a delegated administrator. A member
 * account's AccessDenied there, and AWSOrganizationsNotInUseException (no organization), are
 * answers recorded in the state ("inuse": false; "accountslisted", "policieslisted",
 * "delegatedadministratorslisted": false), never a failed service. */
#include <string.h>

#include "collect/col_int.h"

#define ORG_TARGET "AWSOrganizationsV20161128."

/* DescribeOrganization's answer (NULL: no organization) -> organizations.organization. */
json_t *col_org_map_organization(json_t *resp, const char *account)
{
    json_t *org = json_object_get(resp, "Organization");
    const char *arn = col_s(org, "Arn");
    json_t *o = col_obj(arn);
    col_add_bool(o, "inuse", arn != NULL, arn);
    if (!arn)
        return o;
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "id", json_object_get(org, "Id"), arn);
    col_add_str_v(o, "featureset", json_object_get(org, "FeatureSet"), arn);
    const char *mgmt = col_s(org, "MasterAccountId");
    col_add_str(o, "managementaccountid", mgmt, arn);
    col_add_bool(o, "ismanagementaccount", mgmt && account && strcmp(mgmt, account) == 0, arn);
    return o;
}

static const struct col_field account_fields[] = {
    {"id", "Id", COL_F_STR},
    {"name", "Name", COL_F_STR},
    {"status", "Status", COL_F_STR},
    {"joinedmethod", "JoinedMethod", COL_F_STR},
    {"joinedtimestamp", "JoinedTimestamp", COL_F_TIME},
};

/* One ListAccounts entry (no e-mail address: personal data no check reads). */
json_t *col_org_map_account(json_t *a)
{
    const char *arn = col_s(a, "Arn");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    COL_ADD_FIELDS(o, a, account_fields, arn);
    return o;
}

static const struct col_field policy_fields[] = {
    {"id", "Id", COL_F_STR},
    {"name", "Name", COL_F_STR},
    {"type", "Type", COL_F_STR},
    {"awsmanaged", "AwsManaged", COL_F_BOOL},
};

/* One ListPolicies(SERVICE_CONTROL_POLICY) entry. */
json_t *col_org_map_policy(json_t *p)
{
    const char *arn = col_s(p, "Arn");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    COL_ADD_FIELDS(o, p, policy_fields, arn);
    return o;
}

static const struct col_field delegated_fields[] = {
    {"id", "Id", COL_F_STR},
    {"name", "Name", COL_F_STR},
    {"status", "Status", COL_F_STR},
    {"delegationenableddate", "DelegationEnabledDate", COL_F_TIME},
};

/* One ListDelegatedAdministrators entry. */
json_t *col_org_map_delegated(json_t *d)
{
    const char *arn = col_s(d, "Arn");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    COL_ADD_FIELDS(o, d, delegated_fields, arn);
    return o;
}

struct org_list {
    const char *key;            /* response list */
    json_t *(*map)(json_t *it); /* NULL result: skipped */
    json_t *out;
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct org_list *l = ud;
    json_t *it;
    size_t i;
    COL_ITEMS(json_object_get(body, l->key), i, it) col_push(l->out, l->map(it));
    return OSP_OK;
}

/* Is this failure the answer "not from this account" (member account, or no organization)? */
static int org_not_here(const struct osp_err *err)
{
    return aws_error_is_access_denied(err->aws_code) ||
           strcmp(err->aws_code, "AWSOrganizationsNotInUseException") == 0;
}

enum osp_code col_organizations(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct aws_call c = col_json_call("organizations", job->region, ORG_TARGET "DescribeOrganization", "1.1", "{}");
    json_t *body = NULL;
    enum osp_code rc = col_get(job, &c, "AWSOrganizationsNotInUseException", &body, err);
    aws_call_cleanup(&c);
    if (rc != OSP_OK)
        return rc;
    json_t *org = col_org_map_organization(body, job->account);
    json_object_set_new(state, "organization", org);
    const char *arn = col_s(org, "arn.value"); /* NULL: no organization */
    json_decref(body);
    json_t *accounts = col_arr(state, "accounts"), *policies = col_arr(state, "policies"),
           *delegated = col_arr(state, "delegatedadministrators");
    if (!arn) /* no organization: nothing else to ask */
        return OSP_OK;
    struct {
        const char *flag, *target, *body, *key;
        json_t *(*map)(json_t *);
        json_t *out;
    } lists[] = {
        {"accountslisted", ORG_TARGET "ListAccounts", "{\"MaxResults\":20}", "Accounts", col_org_map_account, accounts},
        {"policieslisted", ORG_TARGET "ListPolicies", "{\"Filter\":\"SERVICE_CONTROL_POLICY\",\"MaxResults\":20}",
         "Policies", col_org_map_policy, policies},
        {"delegatedadministratorslisted", ORG_TARGET "ListDelegatedAdministrators", "{\"MaxResults\":20}",
         "DelegatedAdministrators", col_org_map_delegated, delegated},
    };
    for (size_t i = 0; rc == OSP_OK && i < sizeof lists / sizeof lists[0]; i++) {
        struct org_list l = {lists[i].key, lists[i].map, lists[i].out};
        struct aws_call lc = col_json_call("organizations", job->region, lists[i].target, "1.1", lists[i].body);
        rc = col_paginate(job, &lc, "NextToken", "NextToken", NULL, list_page, &l, err);
        aws_call_cleanup(&lc);
        int here = rc == OSP_OK;
        if (rc != OSP_OK && org_not_here(err)) { /* a member account: the lists are the management's */
            json_array_clear(lists[i].out);
            osp_err_init(err);
            rc = OSP_OK;
        }
        col_add_bool(org, lists[i].flag, here, arn);
    }
    return rc;
}
