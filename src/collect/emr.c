/* emr.c: the EMR collector: active clusters (ListClusters in the states STARTING, BOOTSTRAPPING,
 * RUNNING and WAITING, then DescribeCluster: 1 call per cluster; denied, the listed summary stays
 * with a gap), security configurations
 * (ListSecurityConfigurations, then DescribeSecurityConfiguration: 1 call per configuration) and
 * the account's block public access setting (GetBlockPublicAccessConfiguration, once). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define EMR_TARGET "ElasticMapReduce."

/* DescribeCluster's Cluster; NULL without ClusterArn. */
json_t *col_emr_map_cluster(json_t *resp)
{
    json_t *c = json_object_get(resp, "Cluster");
    const char *arn = col_s(c, "ClusterArn");
    if (!arn || !*arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "id", json_object_get(c, "Id"), arn);
    col_add_str_v(o, "state", json_object_get(json_object_get(c, "Status"), "State"), arn);
    json_t *s = col_obj(arn);
    col_add_str_v(s, "name", json_object_get(c, "Name"), arn);
    col_add_str_v(s, "releaselabel", json_object_get(c, "ReleaseLabel"), arn);
    col_add_str_v(s, "servicerole", json_object_get(c, "ServiceRole"), arn);
    col_set(o, "settings", s);
    col_add_str_v(o, "securityconfiguration", json_object_get(c, "SecurityConfiguration"), arn); /* absent: none */
    col_add_str_v(o, "masterpublicdnsname", json_object_get(c, "MasterPublicDnsName"), arn);
    json_t *ec2 = json_object_get(c, "Ec2InstanceAttributes");
    col_add_str_v(o, "subnetid", json_object_get(ec2, "Ec2SubnetId"), arn);
    return o;
}

/* DescribeSecurityConfiguration; arn: the configuration's ARN (the API gives none). */
json_t *col_emr_map_security_configuration(json_t *resp, const char *arn)
{
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(resp, "Name"), arn);
    col_add_str_v(o, "configuration", json_object_get(resp, "SecurityConfiguration"), arn);
    return o;
}

/* GetBlockPublicAccessConfiguration; arn: the account setting's ARN. */
json_t *col_emr_map_block_public_access(json_t *resp, const char *arn)
{
    json_t *b = json_object_get(resp, "BlockPublicAccessConfiguration"), *r;
    size_t i;
    json_t *o = col_obj(arn);
    col_add_bool_v(o, "blockpublicsecuritygrouprules", json_object_get(b, "BlockPublicSecurityGroupRules"), arn);
    json_t *ranges = col_arr(o, "permittedpublicsecuritygroupruleranges");
    COL_ITEMS(json_object_get(b, "PermittedPublicSecurityGroupRuleRanges"), i, r) {
        json_t *x = col_obj(arn);
        col_add_int_v(x, "minrange", json_object_get(r, "MinRange"), arn);
        col_add_int_v(x, "maxrange", json_object_get(r, "MaxRange"), arn);
        col_push(ranges, x);
    }
    return o;
}

struct emr_run {
    json_t *clusters; /* ListClusters summaries */
    json_t *names; /* security configuration names, listed */
    json_t *bpa;   /* GetBlockPublicAccessConfiguration */
};

/* A page function: the string `field` of each item of body[list] (NULL: the item itself), appended
 * to out. */
struct emr_names {
    const char *list, *field;
    json_t *out;
};

static enum osp_code gather(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    const struct emr_names *n = ud;
    json_t *x;
    size_t i;
    COL_ITEMS(json_object_get(body, n->list), i, x) {
        json_t *v = n->field ? json_object_get(x, n->field) : x;
        if (json_is_string(v) || (!n->field && json_is_object(v)))
            json_array_append(n->out, v);
    }
    return OSP_OK;
}

/* The three account-wide reads are independent: all at once. */
static enum osp_code emr_list(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct emr_run *run = ud;
    enum osp_code rc;
    if (i == 0) {
        struct aws_call c = col_json_call("elasticmapreduce", job->region, EMR_TARGET "ListClusters", "1.1",
                                          "{\"ClusterStates\":[\"STARTING\",\"BOOTSTRAPPING\",\"RUNNING\",\"WAITING\"]}");
        struct emr_names n = {"Clusters", NULL, run->clusters};
        rc = col_paginate(job, &c, "Marker", "Marker", NULL, gather, &n, err);
        aws_call_cleanup(&c);
    } else if (i == 1) {
        struct aws_call c = col_json_call("elasticmapreduce", job->region, EMR_TARGET "ListSecurityConfigurations",
                                          "1.1", "{}");
        struct emr_names n = {"SecurityConfigurations", "Name", run->names};
        rc = col_paginate(job, &c, "Marker", "Marker", NULL, gather, &n, err);
        aws_call_cleanup(&c);
    } else {
        struct aws_call c = col_json_call("elasticmapreduce", job->region, EMR_TARGET "GetBlockPublicAccessConfiguration",
                                          "1.1", "{}");
        rc = col_get(job, &c, NULL, &run->bpa, err);
        aws_call_cleanup(&c);
    }
    return rc;
}

/* One JSON read {key: value} of target; body in r->arg. */
static void json_read(struct col_job *job, struct col_read *r, const char *target, const char *key, const char *value)
{
    json_t *req = json_pack("{s:s}", key, value ? value : "");
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    col_fmt(r->arg, sizeof r->arg, "%s", txt ? txt : "{}");
    free(txt);
    json_decref(req);
    r->call = col_json_call("elasticmapreduce", job->region, target, "1.1", r->arg);
    r->name = strchr(target, '.') + 1;
    osp_err_init(&r->err);
}

/* The listed summary first (Id, Name, Status, ClusterArn), so a denied DescribeCluster leaves the
 * cluster in the state with a gap naming what it would have filled. */
static enum osp_code one_cluster(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct emr_run *run = ud;
    json_t *sum = json_array_get(run->clusters, i), *wrap = json_pack("{s:O}", "Cluster", sum);
    json_t *o = col_emr_map_cluster(wrap);
    json_decref(wrap);
    if (!o)
        return OSP_OK; /* no ARN: nothing to report it under */
    struct col_read r;
    memset(&r, 0, sizeof r);
    json_read(job, &r, EMR_TARGET "DescribeCluster", "ClusterId", col_s(sum, "Id"));
    r.fields = "settings,securityconfiguration,masterpublicdnsname,subnetid";
    enum osp_code rc = col_read_all(job, o, &r, 1, err);
    json_t *full = rc == OSP_OK && r.answer == COL_ANS_OK ? col_emr_map_cluster(r.body) : NULL;
    col_reads_cleanup(&r, 1);
    if (full) {
        json_decref(o);
        o = full;
    }
    if (rc == OSP_OK)
        *slot = o;
    else
        json_decref(o);
    return rc;
}

static enum osp_code one_config(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct emr_run *run = ud;
    const char *name = json_string_value(json_array_get(run->names, i));
    char arn[400];
    col_fmt(arn, sizeof arn, "arn:%s:elasticmapreduce:%s:%s:security-configuration/%s", job->partition, job->region,
            job->account, name);
    struct col_read r;
    memset(&r, 0, sizeof r);
    json_read(job, &r, EMR_TARGET "DescribeSecurityConfiguration", "Name", name);
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err);
    if (rc == OSP_OK)
        *slot = col_emr_map_security_configuration(r.body, arn);
    col_reads_cleanup(&r, 1);
    return rc;
}

enum osp_code col_emr(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct emr_run run = {json_array(), json_array(), NULL};
    json_t *clusters = col_arr(state, "clusters"), *configs = col_arr(state, "securityconfiguration");
    enum osp_code rc = col_each(job, 3, emr_list, &run, err);
    if (rc == OSP_OK) {
        char arn[300];
        col_fmt(arn, sizeof arn, "arn:%s:elasticmapreduce:%s:%s:block-public-access-configuration", job->partition,
                job->region, job->account);
        col_set(state, "blockpublicaccess", col_emr_map_block_public_access(run.bpa, arn));
        rc = col_each_push(job, json_array_size(run.clusters), one_cluster, &run, clusters, err);
    }
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.names), one_config, &run, configs, err);
    json_decref(run.clusters);
    json_decref(run.names);
    json_decref(run.bpa);
    return rc;
}
