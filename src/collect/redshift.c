/* redshift.c: the Redshift collector: provisioned clusters, their audit logging status (one
 * DescribeLoggingStatus per cluster) and the parameters of the parameter groups they use (one
 * DescribeClusterParameters per distinct group, shared by its clusters: require_ssl). Cluster
 * security groups (EC2-Classic) are not read: AWS refuses the call for every VPC-by-default
 * account, so `securitygroups` is never filled. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define RS_VERSION "2012-12-01"

static json_t *inner(json_t *v, const char *elem)
{
    json_t *in = json_is_object(v) ? json_object_get(v, elem) : NULL;
    return in ? in : v;
}

/* One DescribeClusters entry; the API gives no ARN: arn:<p>:redshift:<region>:<account>:cluster:<id>. */
json_t *col_redshift_map_cluster(json_t *c, const char *partition, const char *region, const char *account)
{
    const char *id = col_s(c, "ClusterIdentifier");
    if (!id)
        return NULL;
    char arn[400];
    col_fmt(arn, sizeof arn, "arn:%s:redshift:%s:%s:cluster:%s", partition, region, account, id);
    json_t *o = col_obj(arn), *g;
    size_t i;
    col_add_str(o, "arn", arn, arn);
    col_add_str(o, "clusteridentifier", id, arn);
    col_add_str_v(o, "nodetype", json_object_get(c, "NodeType"), arn);
    col_add_int_v(o, "numberofnodes", json_object_get(c, "NumberOfNodes"), arn);
    col_add_str_v(o, "masterusername", json_object_get(c, "MasterUsername"), arn);
    col_add_str_v(o, "dbname", json_object_get(c, "DBName"), arn);
    col_add_str_v(o, "status", json_object_get(c, "ClusterStatus"), arn);
    col_add_str_v(o, "vpcid", json_object_get(c, "VpcId"), arn);
    col_add_str_v(o, "subnetgroupname", json_object_get(c, "ClusterSubnetGroupName"), arn);
    col_add_bool_v(o, "publiclyaccessible", json_object_get(c, "PubliclyAccessible"), arn);
    col_add_bool_v(o, "allowversionupgrade", json_object_get(c, "AllowVersionUpgrade"), arn);
    col_add_bool_v(o, "enhancedvpcrouting", json_object_get(c, "EnhancedVpcRouting"), arn);
    col_add_int_v(o, "automatedsnapshotretentionperiod", json_object_get(c, "AutomatedSnapshotRetentionPeriod"), arn);
    col_add_int_v(o, "manualsnapshotretentionperiod", json_object_get(c, "ManualSnapshotRetentionPeriod"), arn);
    json_t *enc = col_obj(arn);
    col_add_bool_v(enc, "enabled", json_object_get(c, "Encrypted"), arn);
    col_add_str_v(enc, "kmskeyid", json_object_get(c, "KmsKeyId"), arn);
    col_set(o, "encryption", enc);
    json_t *ep = json_object_get(c, "Endpoint");
    if (json_is_object(ep)) { /* absent while the cluster is being created */
        json_t *e = col_obj(arn);
        col_add_int_v(e, "port", json_object_get(ep, "Port"), arn);
        col_add_str_v(e, "address", json_object_get(ep, "Address"), arn);
        col_set(o, "endpoint", e);
    }
    json_t *names = json_array();
    COL_ITEMS(inner(json_object_get(c, "ClusterParameterGroups"), "ClusterParameterGroup"), i, g) {
        json_t *n = json_object_get(g, "ParameterGroupName");
        if (json_is_string(n))
            json_array_append(names, n);
    }
    col_add_str_list(o, "parametergroupnames", names, arn);
    json_decref(names);
    return o;
}

/* DescribeLoggingStatus. */
void col_redshift_map_logging(json_t *cluster, json_t *resp)
{
    const char *arn = json_string_value(json_object_get(json_object_get(cluster, "__defsec_metadata"), "resource"));
    json_t *r = aws_get(resp, "DescribeLoggingStatusResponse.DescribeLoggingStatusResult");
    if (!r)
        r = resp;
    col_add_bool_v(cluster, "loggingenabled", json_object_get(r, "LoggingEnabled"), arn);
    const char *dest = col_s(r, "LogDestinationType"), *bucket = col_s(r, "BucketName");
    if (dest && *dest)
        col_add_str(cluster, "logdestinationtype", dest, arn);
    if (bucket && *bucket)
        col_add_str(cluster, "loggingbucketname", bucket, arn);
}

/* One DescribeClusterParameters page: clusterparameters[] entries of group `group`. */
void col_redshift_map_parameters(json_t *out, const char *group, json_t *resp, const char *partition,
                                 const char *region, const char *account)
{
    char arn[400];
    col_fmt(arn, sizeof arn, "arn:%s:redshift:%s:%s:parametergroup:%s", partition, region, account, group ? group : "");
    json_t *r = aws_get(resp, "DescribeClusterParametersResponse.DescribeClusterParametersResult.Parameters"), *p;
    size_t i;
    COL_ITEMS(inner(r, "Parameter"), i, p) {
        if (!col_s(p, "ParameterName"))
            continue;
        json_t *o = col_obj(arn);
        col_add_str(o, "parametergroupname", group, arn);
        col_add_str_v(o, "parametername", json_object_get(p, "ParameterName"), arn);
        col_add_str_v(o, "parametervalue", json_object_get(p, "ParameterValue"), arn);
        col_add_str_v(o, "source", json_object_get(p, "Source"), arn);
        col_push(out, o);
    }
}

struct rs_run {
    struct col_job *job;
    json_t *raw;    /* DescribeClusters entries */
    json_t *groups; /* distinct parameter group names, sorted */
    json_t **params; /* per group: its parameters */
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct rs_run *run = ud;
    json_t *c;
    size_t i;
    COL_ITEMS(inner(aws_get(body, "DescribeClustersResponse.DescribeClustersResult.Clusters"), "Cluster"), i, c) {
        if (col_s(c, "ClusterIdentifier"))
            json_array_append(run->raw, c);
    }
    return OSP_OK;
}

static enum osp_code one_cluster(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct rs_run *run = ud;
    json_t *raw = json_array_get(run->raw, i);
    json_t *c = col_redshift_map_cluster(raw, job->partition, job->region, job->account);
    struct col_read r = {.call = col_query_call("redshift", job->region, "DescribeLoggingStatus", RS_VERSION),
                         .name = "DescribeLoggingStatus",
                         .fields = "loggingenabled"};
    osp_err_init(&r.err);
    (void)col_read_param(&r, "ClusterIdentifier", col_s(raw, "ClusterIdentifier"));
    enum osp_code rc = col_read_all(job, c, &r, 1, err);
    if (rc == OSP_OK && r.answer == COL_ANS_OK)
        col_redshift_map_logging(c, r.body);
    col_reads_cleanup(&r, 1);
    if (rc == OSP_OK)
        *slot = c;
    else
        json_decref(c);
    return rc;
}

static enum osp_code param_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    void **a = ud; /* {run, group index} */
    struct rs_run *run = a[0];
    size_t g = (size_t)(uintptr_t)a[1];
    col_redshift_map_parameters(run->params[g], json_string_value(json_array_get(run->groups, g)), body,
                                run->job->partition, run->job->region, run->job->account);
    return OSP_OK;
}

/* A group's parameters. A group deleted since the list (ClusterParameterGroupNotFound) has none. */
static enum osp_code one_group(struct col_job *job, size_t g, void *ud, struct osp_err *err)
{
    struct rs_run *run = ud;
    void *a[2] = {run, (void *)(uintptr_t)g};
    struct aws_call c = col_query_call("redshift", job->region, "DescribeClusterParameters", RS_VERSION);
    struct osp_err e;
    osp_err_init(&e);
    enum osp_code rc = aws_call_param(&c, "ParameterGroupName", json_string_value(json_array_get(run->groups, g)));
    if (rc == OSP_OK)
        rc = aws_call_param(&c, "MaxRecords", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "Marker", "DescribeClusterParametersResponse.DescribeClusterParametersResult.Marker",
                          NULL, param_page, a, &e);
    aws_call_cleanup(&c);
    if (rc != OSP_OK && !strcmp(e.aws_code, "ClusterParameterGroupNotFound"))
        return OSP_OK;
    if (rc != OSP_OK)
        *err = e;
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(json_string_value(*(json_t *const *)a), json_string_value(*(json_t *const *)b));
}

/* The distinct parameter group names of the clusters, sorted (deterministic output). */
static json_t *group_names(json_t *raw)
{
    json_t *seen = json_object(), *c, *g, *v, *out = json_array();
    size_t i, k;
    const char *name;
    json_array_foreach(raw, i, c) {
        COL_ITEMS(inner(json_object_get(c, "ClusterParameterGroups"), "ClusterParameterGroup"), k, g) {
            json_t *n = json_object_get(g, "ParameterGroupName");
            if (json_is_string(n))
                json_object_set(seen, json_string_value(n), n);
        }
    }
    json_object_foreach(seen, name, v) json_array_append(out, v);
    json_decref(seen);
    size_t n = json_array_size(out);
    json_t **tmp = n ? malloc(n * sizeof *tmp) : NULL;
    for (i = 0; tmp && i < n; i++)
        tmp[i] = json_incref(json_array_get(out, i));
    if (tmp) {
        qsort(tmp, n, sizeof *tmp, by_name);
        json_array_clear(out);
        for (i = 0; i < n; i++)
            json_array_append_new(out, tmp[i]);
        free(tmp);
    }
    return out;
}

enum osp_code col_redshift(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct rs_run run = {job, json_array(), NULL, NULL};
    json_t *clusters = col_arr(state, "clusters");
    json_t *params = col_arr(state, "clusterparameters");
    struct aws_call c = col_query_call("redshift", job->region, "DescribeClusters", RS_VERSION);
    enum osp_code rc = aws_call_param(&c, "MaxRecords", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "Marker", "DescribeClustersResponse.DescribeClustersResult.Marker", NULL, list_page,
                          &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.raw), one_cluster, &run, clusters, err);
    run.groups = group_names(run.raw);
    size_t ng = json_array_size(run.groups);
    if (rc == OSP_OK && !(run.params = calloc(ng + 1, sizeof *run.params)))
        rc = osp_err_set(err, OSP_ENOMEM, "redshift: out of memory for %zu parameter groups", ng);
    for (size_t g = 0; run.params && g < ng; g++)
        run.params[g] = json_array();
    if (rc == OSP_OK)
        rc = col_each(job, ng, one_group, &run, err);
    for (size_t g = 0; run.params && g < ng; g++) {
        json_array_extend(params, run.params[g]);
        json_decref(run.params[g]);
    }
    free(run.params);
    json_decref(run.groups);
    json_decref(run.raw);
    return rc;
}
