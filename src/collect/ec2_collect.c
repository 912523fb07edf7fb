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

static void ec2_read(struct col_read *r, struct col_job *job, const char *action, const char *p1, const char *v1,
                     const char *p2, const char *v2)
{
    r->call = col_ec2_call(job->region, action);
    r->name = action;
    osp_err_init(&r->err);
    if (p1)
        (void)col_read_param(r, p1, v1);
    if (p2)
        (void)col_read_param(r, p2, v2);
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
    json_t *raw = json_array_get(run->insts, i);
    json_t *o = col_ec2_map_instance(&run->c, raw);
    struct col_read r = {0};
    ec2_read(&r, job, "DescribeInstanceAttribute", "InstanceId", col_s(raw, "instanceId"), "Attribute", "userData");
    r.fields = "userdata";
    enum osp_code rc = col_read_all(job, o, &r, 1, err);
    if (rc == OSP_OK && r.answer == COL_ANS_OK)
        col_ec2_map_userdata(o, r.body);
    col_reads_cleanup(&r, 1);
    if (rc == OSP_OK)
        run->inst_out[i] = o;
    else
        json_decref(o);
    return rc;
}

static enum osp_code one_template(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct ec2_run *run = ud;
    json_t *raw = json_array_get(run->tpls, i);
    struct col_read r = {0};
    ec2_read(&r, job, "DescribeLaunchTemplateVersions", "LaunchTemplateId", col_s(raw, "launchTemplateId"),
             "LaunchTemplateVersion.1", "$Default");
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err);
    if (rc == OSP_OK) {
        json_t *vers = aws_get(r.body, "DescribeLaunchTemplateVersionsResponse.launchTemplateVersionSet");
        run->tpl_out[i] = col_ec2_map_template(&run->c, raw, aws_items_at(col_list(vers), 0));
    }
    col_reads_cleanup(&r, 1);
    return rc;
}

/* Every list the collector needs; independent of each other, so all in flight together. */
enum { L_SGS, L_VOLS, L_VPCS, L_FLOWLOGS, L_NACLS, L_SUBNETS, L_EBS, L_INSTANCES, L_TEMPLATES, L_ROUTES, L_PEERING, L_N };
static const struct {
    const char *action, *list, *p1, *v1;
} ec2_lists[L_N] = {
    {"DescribeSecurityGroups", "securityGroupInfo", NULL, NULL},
    {"DescribeVolumes", "volumeSet", NULL, NULL},
    {"DescribeVpcs", "vpcSet", NULL, NULL},
    {"DescribeFlowLogs", "flowLogSet", NULL, NULL},
    {"DescribeNetworkAcls", "networkAclSet", NULL, NULL},
    {"DescribeSubnets", "subnetSet", NULL, NULL},
    {"GetEbsEncryptionByDefault", NULL, NULL, NULL}, /* one call, not a list */
    {"DescribeInstances", "reservationSet", "MaxResults", "1000"},
    {"DescribeLaunchTemplates", "launchTemplates", NULL, NULL},
    {"DescribeRouteTables", "routeTableSet", NULL, NULL},
    {"DescribeVpcPeeringConnections", "vpcPeeringConnectionSet", NULL, NULL},
};

static enum osp_code one_list(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    json_t **out = ud;
    if (ec2_lists[i].list)
        return ec2_all(job, ec2_lists[i].action, ec2_lists[i].list, &out[i], ec2_lists[i].p1, ec2_lists[i].v1, err);
    struct aws_call c = col_ec2_call(job->region, ec2_lists[i].action);
    enum osp_code rc = col_get(job, &c, NULL, &out[i], err);
    aws_call_cleanup(&c);
    return rc;
}

/* Security groups, volumes first: instances, VPCs and templates refer to them. */
static void map_lookups(json_t *state, struct ec2_run *run, json_t *sgs, json_t *vols)
{
    json_t *v;
    size_t i;
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
}

/* Instances (not terminated), in DescribeInstances order. */
static void pick_instances(struct ec2_run *run, json_t *reservations)
{
    json_t *res, *inst;
    size_t i, k;
    COL_ITEMS(reservations, i, res) {
        COL_ITEMS(json_object_get(res, "instancesSet"), k, inst) {
            const char *st = col_s(inst, "instanceState.name");
            if (!st || strcmp(st, "terminated") != 0)
                json_array_append(run->insts, inst);
        }
    }
}

/* Per instance its user data, per launch template its default version: two fan-outs at once. */
static enum osp_code details(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct ec2_run *run = ud;
    return i == 0 ? col_each(job, json_array_size(run->insts), one_instance, run, err)
                  : col_each(job, json_array_size(run->tpls), one_template, run, err);
}

enum osp_code col_ec2(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct ec2_run run = {.c = {job->partition, job->region, job->account, json_object(), json_object()},
                          .insts = json_array()};
    json_t *l[L_N] = {0};
    size_t i;
    enum osp_code rc = col_each(job, L_N, one_list, l, err);
    if (rc == OSP_OK) {
        map_lookups(state, &run, l[L_SGS], l[L_VOLS]);
        col_ec2_map_vpcs(state, &run.c, l[L_VPCS], l[L_FLOWLOGS]);
        col_ec2_map_nacls(state, &run.c, l[L_NACLS]);
        col_ec2_map_subnets(state, &run.c, l[L_SUBNETS]);
        col_ec2_map_ebs_default(state, &run.c, l[L_EBS]);
        col_ec2_map_route_tables(state, &run.c, l[L_ROUTES]);
        col_ec2_map_peerings(state, &run.c, l[L_PEERING]);
        pick_instances(&run, l[L_INSTANCES]);
        run.tpls = json_incref(l[L_TEMPLATES]);
        run.inst_out = calloc(json_array_size(run.insts) + 1, sizeof *run.inst_out);
        run.tpl_out = calloc(json_array_size(run.tpls) + 1, sizeof *run.tpl_out);
        if (!run.inst_out || !run.tpl_out)
            rc = osp_err_set(err, OSP_ENOMEM, "ec2: out of memory for instances and launch templates");
    }
    if (rc == OSP_OK)
        rc = col_each(job, 2, details, &run, err);
    if (rc == OSP_OK) {
        json_t *out = col_arr(state, "instances");
        for (i = 0; i < json_array_size(run.insts); i++)
            if (run.inst_out[i])
                col_push(out, run.inst_out[i]);
        out = col_arr(state, "launchtemplates");
        for (i = 0; i < json_array_size(run.tpls); i++)
            if (run.tpl_out[i])
                col_push(out, run.tpl_out[i]);
    } else {
        for (i = 0; run.inst_out && i < json_array_size(run.insts); i++)
            json_decref(run.inst_out[i]);
        for (i = 0; run.tpl_out && i < json_array_size(run.tpls); i++)
            json_decref(run.tpl_out[i]);
    }
    if (rc == OSP_OK)
        rc = col_ec2_launch_configs(job, state, err);
    for (i = 0; i < L_N; i++)
        json_decref(l[i]);
    json_decref(run.insts);
    json_decref(run.tpls);
    free(run.inst_out);
    free(run.tpl_out);
    json_decref(run.c.sgs);
    json_decref(run.c.volumes);
    return rc;
}
