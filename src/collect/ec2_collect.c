/* ec2_collect.c: the EC2 collector's calls; mapping lives in ec2.c and ec2_network.c. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

struct gather {
    const char *path; /* dotted path of the list in each page */
    json_t *items;    /* accumulated */
};

static enum osp_code gather_page(void *ud, json_t *body, struct osp_err *err)
{
    struct gather *g = ud;
    json_t *v;
    size_t i;
    COL_ITEMS(aws_get(body, g->path), i, v) json_array_append(g->items, v);
    return OSP_OK;
}

/* Every item of a (paginated) Describe call: new array in *out. */
static enum osp_code ec2_all(struct col_job *job, const char *action, const char *list, json_t **out,
                             const char *p1, const char *v1, struct osp_err *err)
{
    char path[160], tok[160];
    struct gather g = {col_fmt(path, sizeof path, "%sResponse.%s", action, list), json_array()};
    struct aws_call c = col_ec2_call(job->region, action);
    enum osp_code rc = p1 ? aws_call_param(&c, p1, v1) : OSP_OK;
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "NextToken", col_fmt(tok, sizeof tok, "%sResponse.nextToken", action), NULL,
                          gather_page, &g, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        *out = g.items;
    else
        json_decref(g.items);
    return rc;
}

static enum osp_code ec2_one(struct col_job *job, const char *action, const char *p1, const char *v1, const char *p2,
                             const char *v2, json_t **body, struct osp_err *err)
{
    struct aws_call c = col_ec2_call(job->region, action);
    struct aws_response r;
    enum osp_code rc = p1 ? aws_call_param(&c, p1, v1) : OSP_OK;
    if (rc == OSP_OK && p2)
        rc = aws_call_param(&c, p2, v2);
    if (rc == OSP_OK) {
        rc = col_call(job, &c, &r, err);
        if (rc == OSP_OK)
            *body = json_incref(r.body);
        aws_response_cleanup(&r);
    }
    aws_call_cleanup(&c);
    return rc;
}

struct ec2_run {
    struct col_ec2_ctx c;
    json_t *insts;     /* raw instance items */
    json_t **inst_out; /* mapped instances */
    json_t *tpls;      /* raw launch templates */
    json_t **tpl_out;
};

static enum osp_code one_instance(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct ec2_run *run = ud;
    json_t *raw = json_array_get(run->insts, i), *body = NULL;
    json_t *o = col_ec2_map_instance(&run->c, raw);
    enum osp_code rc = ec2_one(job, "DescribeInstanceAttribute", "InstanceId", col_s(raw, "instanceId"), "Attribute",
                               "userData", &body, err);
    if (rc == OSP_OK)
        col_ec2_map_userdata(o, body);
    json_decref(body);
    if (rc == OSP_OK)
        run->inst_out[i] = o;
    else
        json_decref(o);
    return rc;
}

static enum osp_code one_template(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct ec2_run *run = ud;
    json_t *raw = json_array_get(run->tpls, i), *body = NULL;
    enum osp_code rc = ec2_one(job, "DescribeLaunchTemplateVersions", "LaunchTemplateId", col_s(raw, "launchTemplateId"),
                               "LaunchTemplateVersion.1", "$Default", &body, err);
    if (rc == OSP_OK) {
        json_t *vers = aws_get(body, "DescribeLaunchTemplateVersionsResponse.launchTemplateVersionSet");
        run->tpl_out[i] = col_ec2_map_template(&run->c, raw, aws_items_at(col_list(vers), 0));
    }
    json_decref(body);
    return rc;
}

/* Instances (not terminated) and their user data, in DescribeInstances order. */
static enum osp_code instances(struct col_job *job, json_t *state, struct ec2_run *run, json_t *reservations,
                               struct osp_err *err)
{
    json_t *res, *inst;
    size_t i, k, n;
    run->insts = json_array();
    COL_ITEMS(reservations, i, res) {
        COL_ITEMS(json_object_get(res, "instancesSet"), k, inst) {
            const char *st = col_s(inst, "instanceState.name");
            if (!st || strcmp(st, "terminated") != 0)
                json_array_append(run->insts, inst);
        }
    }
    n = json_array_size(run->insts);
    run->inst_out = calloc(n + 1, sizeof *run->inst_out);
    if (!run->inst_out)
        return osp_err_set(err, OSP_ENOMEM, "ec2: out of memory for %zu instances", n);
    enum osp_code rc = col_each(job, n, one_instance, run, err);
    json_t *out = col_arr(state, "instances");
    for (i = 0; i < n; i++)
        if (run->inst_out[i])
            col_push(out, run->inst_out[i]);
    return rc;
}

static enum osp_code templates(struct col_job *job, json_t *state, struct ec2_run *run, struct osp_err *err)
{
    enum osp_code rc = ec2_all(job, "DescribeLaunchTemplates", "launchTemplates", &run->tpls, NULL, NULL, err);
    if (rc)
        return rc;
    size_t n = json_array_size(run->tpls);
    run->tpl_out = calloc(n + 1, sizeof *run->tpl_out);
    if (!run->tpl_out)
        return osp_err_set(err, OSP_ENOMEM, "ec2: out of memory for %zu launch templates", n);
    rc = col_each(job, n, one_template, run, err);
    json_t *out = col_arr(state, "launchtemplates");
    for (size_t i = 0; i < n; i++)
        if (run->tpl_out[i])
            col_push(out, run->tpl_out[i]);
    return rc;
}

/* Security groups, volumes first: instances, VPCs and templates refer to them. */
static enum osp_code lookups(struct col_job *job, json_t *state, struct ec2_run *run, struct osp_err *err)
{
    json_t *sgs = NULL, *vols = NULL, *v;
    size_t i;
    enum osp_code rc = ec2_all(job, "DescribeSecurityGroups", "securityGroupInfo", &sgs, NULL, NULL, err);
    if (rc == OSP_OK)
        rc = ec2_all(job, "DescribeVolumes", "volumeSet", &vols, NULL, NULL, err);
    json_t *sg_out = col_arr(state, "securitygroups"), *vol_out = col_arr(state, "volumes");
    json_array_foreach(sgs, i, v) {
        json_t *o = col_ec2_map_sg(&run->c, v);
        const char *id = col_s(v, "groupId");
        if (id)
            json_object_set(run->c.sgs, id, o);
        col_push(sg_out, o);
    }
    json_array_foreach(vols, i, v) {
        const char *id = col_s(v, "volumeId");
        if (id)
            json_object_set(run->c.volumes, id, v);
        col_push(vol_out, col_ec2_map_volume(&run->c, v));
    }
    json_decref(sgs);
    json_decref(vols);
    return rc;
}

static enum osp_code network(struct col_job *job, json_t *state, struct ec2_run *run, struct osp_err *err)
{
    json_t *vpcs = NULL, *fl = NULL, *acls = NULL, *subnets = NULL, *ebs = NULL;
    enum osp_code rc = ec2_all(job, "DescribeVpcs", "vpcSet", &vpcs, NULL, NULL, err);
    if (rc == OSP_OK)
        rc = ec2_all(job, "DescribeFlowLogs", "flowLogSet", &fl, NULL, NULL, err);
    if (rc == OSP_OK)
        rc = ec2_all(job, "DescribeNetworkAcls", "networkAclSet", &acls, NULL, NULL, err);
    if (rc == OSP_OK)
        rc = ec2_all(job, "DescribeSubnets", "subnetSet", &subnets, NULL, NULL, err);
    if (rc == OSP_OK)
        rc = ec2_one(job, "GetEbsEncryptionByDefault", NULL, NULL, NULL, NULL, &ebs, err);
    if (rc == OSP_OK) {
        col_ec2_map_vpcs(state, &run->c, vpcs, fl);
        col_ec2_map_nacls(state, &run->c, acls);
        col_ec2_map_subnets(state, &run->c, subnets);
        col_ec2_map_ebs_default(state, &run->c, ebs);
    }
    json_decref(vpcs);
    json_decref(fl);
    json_decref(acls);
    json_decref(subnets);
    json_decref(ebs);
    return rc;
}

enum osp_code col_ec2(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct ec2_run run = {.c = {job->partition, job->region, job->account, json_object(), json_object()}};
    json_t *reservations = NULL;
    enum osp_code rc = lookups(job, state, &run, err);
    if (rc == OSP_OK)
        rc = network(job, state, &run, err);
    if (rc == OSP_OK)
        rc = ec2_all(job, "DescribeInstances", "reservationSet", &reservations, "MaxResults", "1000", err);
    if (rc == OSP_OK)
        rc = instances(job, state, &run, reservations, err);
    if (rc == OSP_OK)
        rc = templates(job, state, &run, err);
    json_decref(reservations);
    json_decref(run.insts);
    json_decref(run.tpls);
    free(run.inst_out);
    free(run.tpl_out);
    json_decref(run.c.sgs);
    json_decref(run.c.volumes);
    return rc;
}
