/* ssoadmin.c: the IAM Identity Center collector: the account's Identity Center instances
 * (sso-admin ListInstances). An instance lives in one home region and ListInstances answers
 * only there, so this global service asks every scanned region once (1 call per region) and
 * keeps each instance once; a region without the service is passed over, not failed. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"
#include "core/log.h"

/* One ListInstances entry; NULL without InstanceArn. region: where it was listed. */
json_t *col_ssoadmin_map_instance(json_t *inst, const char *region)
{
    const char *arn = col_s(inst, "InstanceArn");
    if (!arn || !*arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(inst, "Name"), arn);
    col_add_str_v(o, "identitystoreid", json_object_get(inst, "IdentityStoreId"), arn);
    col_add_str_v(o, "owneraccountid", json_object_get(inst, "OwnerAccountId"), arn);
    col_add_str_v(o, "status", json_object_get(inst, "Status"), arn);
    col_add_time_v(o, "createddate", json_object_get(inst, "CreatedDate"), arn);
    col_add_str(o, "region", region, arn);
    return o;
}

struct sso_run {
    const char **regions; /* the distinct scanned regions */
    size_t n;
    json_t **found; /* per region: raw instances, or NULL when the region has no service */
};

static enum osp_code inst_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    json_t *v;
    size_t i;
    COL_ITEMS(json_object_get(body, "Instances"), i, v) if (json_is_object(v)) json_array_append(ud, v);
    return OSP_OK;
}

static enum osp_code one_region(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct sso_run *run = ud;
    json_t *got = json_array();
    struct aws_call c = col_json_call("sso-admin", run->regions[i], "SWBExternalService.ListInstances", "1.1",
                                      "{\"MaxResults\":100}");
    enum osp_code rc = col_paginate(job, &c, "NextToken", "NextToken", NULL, inst_page, got, err);
    aws_call_cleanup(&c);
    if (rc != OSP_OK && err->aws_code[0] && aws_error_is_unsupported(err->aws_code)) {
        osp_debug(job->ctx, "ssoadmin: not offered in %s (%s)", run->regions[i], err->aws_code);
        osp_err_init(err);
        json_decref(got);
        return OSP_OK;
    }
    if (rc == OSP_OK)
        run->found[i] = got;
    else
        json_decref(got);
    return rc;
}

enum osp_code col_ssoadmin(struct col_job *job, json_t *state, struct osp_err *err)
{
    const char *one[1] = {job->region};
    const char *const *regs = job->regions && job->nregions ? job->regions : one;
    size_t nreg = job->regions && job->nregions ? job->nregions : 1;
    struct sso_run run = {calloc(nreg + 1, sizeof(char *)), 0, calloc(nreg + 1, sizeof(json_t *))};
    json_t *out = col_arr(state, "instances"), *searched = col_arr(state, "regions"), *seen = json_object(), *v;
    enum osp_code rc = OSP_OK;
    if (!run.regions || !run.found || !seen)
        rc = osp_err_set(err, OSP_ENOMEM, "ssoadmin: out of memory for %zu regions", nreg);
    for (size_t i = 0; rc == OSP_OK && i < nreg; i++) {
        size_t k = 0;
        while (k < run.n && strcmp(run.regions[k], regs[i]) != 0)
            k++;
        if (k == run.n)
            run.regions[run.n++] = regs[i];
    }
    if (rc == OSP_OK)
        rc = col_each(job, run.n, one_region, &run, err);
    for (size_t i = 0; rc == OSP_OK && i < run.n; i++) {
        size_t k;
        if (!run.found[i])
            continue;
        col_push(searched, col_wrap(json_string(run.regions[i]), NULL));
        COL_ITEMS(run.found[i], k, v) {
            const char *arn = col_s(v, "InstanceArn");
            if (!arn || json_object_get(seen, arn))
                continue;
            json_object_set_new(seen, arn, json_true());
            col_push(out, col_ssoadmin_map_instance(v, run.regions[i]));
        }
    }
    for (size_t i = 0; run.found && i < run.n; i++)
        json_decref(run.found[i]);
    free(run.found);
    free(run.regions);
    json_decref(seen);
    return rc;
}
