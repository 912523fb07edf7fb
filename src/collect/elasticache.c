/* elasticache.c: the ElastiCache collector: cache clusters (Redis OSS, Valkey, Memcached),
 * replication groups and serverless caches. The three lists carry every field the checks read:
 * no call per resource. Cache security groups (EC2-Classic only) are not read: AWS refuses the
 * call for every VPC-by-default account, so `securitygroups` is never filled. */
#include <string.h>

#include "collect/col_int.h"
#include "core/log.h"

#define EC_VERSION "2015-02-02"

/* <Xs><X>..</X></Xs> -> {"X": [..]} or {"X": {..}}: the inner list; anything else as is. */
static json_t *inner(json_t *v, const char *elem)
{
    json_t *in = json_is_object(v) ? json_object_get(v, elem) : NULL;
    return in ? in : v;
}

/* One DescribeCacheClusters entry; NULL without ARN. */
json_t *col_ec_map_cluster(json_t *c)
{
    const char *arn = col_s(c, "ARN");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "clusterid", json_object_get(c, "CacheClusterId"), arn);
    col_add_str_v(o, "engine", json_object_get(c, "Engine"), arn);
    col_add_str_v(o, "engineversion", json_object_get(c, "EngineVersion"), arn);
    col_add_str_v(o, "nodetype", json_object_get(c, "CacheNodeType"), arn);
    col_add_str_v(o, "status", json_object_get(c, "CacheClusterStatus"), arn);
    col_add_int_v(o, "snapshotretentionlimit", json_object_get(c, "SnapshotRetentionLimit"), arn);
    col_add_bool_v(o, "autominorversionupgrade", json_object_get(c, "AutoMinorVersionUpgrade"), arn);
    col_add_str_v(o, "replicationgroupid", json_object_get(c, "ReplicationGroupId"), arn);
    col_add_str_v(o, "cachesubnetgroupname", json_object_get(c, "CacheSubnetGroupName"), arn);
    col_add_bool_v(o, "atrestencryptionenabled", json_object_get(c, "AtRestEncryptionEnabled"), arn);
    col_add_bool_v(o, "transitencryptionenabled", json_object_get(c, "TransitEncryptionEnabled"), arn);
    col_add_bool_v(o, "authtokenenabled", json_object_get(c, "AuthTokenEnabled"), arn);
    return o;
}

/* One DescribeReplicationGroups entry; NULL without ARN. */
json_t *col_ec_map_replication_group(json_t *g)
{
    const char *arn = col_s(g, "ARN");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "replicationgroupid", json_object_get(g, "ReplicationGroupId"), arn);
    col_add_str_v(o, "engine", json_object_get(g, "Engine"), arn);
    col_add_str_v(o, "status", json_object_get(g, "Status"), arn);
    col_add_bool_v(o, "atrestencryptionenabled", json_object_get(g, "AtRestEncryptionEnabled"), arn);
    col_add_bool_v(o, "transitencryptionenabled", json_object_get(g, "TransitEncryptionEnabled"), arn);
    col_add_str_v(o, "transitencryptionmode", json_object_get(g, "TransitEncryptionMode"), arn);
    col_add_bool_v(o, "authtokenenabled", json_object_get(g, "AuthTokenEnabled"), arn);
    col_add_str_v(o, "automaticfailover", json_object_get(g, "AutomaticFailover"), arn);
    col_add_str_v(o, "multiaz", json_object_get(g, "MultiAZ"), arn);
    col_add_str_v(o, "kmskeyid", json_object_get(g, "KmsKeyId"), arn);
    col_add_int_v(o, "snapshotretentionlimit", json_object_get(g, "SnapshotRetentionLimit"), arn);
    col_add_bool_v(o, "autominorversionupgrade", json_object_get(g, "AutoMinorVersionUpgrade"), arn);
    col_add_str_list(o, "memberclusters", inner(json_object_get(g, "MemberClusters"), "ClusterId"), arn);
    return o;
}

/* One DescribeServerlessCaches entry; NULL without ARN. */
json_t *col_ec_map_serverless(json_t *s)
{
    const char *arn = col_s(s, "ARN");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(s, "ServerlessCacheName"), arn);
    col_add_str_v(o, "engine", json_object_get(s, "Engine"), arn);
    col_add_str_v(o, "majorengineversion", json_object_get(s, "MajorEngineVersion"), arn);
    col_add_str_v(o, "status", json_object_get(s, "Status"), arn);
    col_add_int_v(o, "snapshotretentionlimit", json_object_get(s, "SnapshotRetentionLimit"), arn);
    col_add_str_v(o, "kmskeyid", json_object_get(s, "KmsKeyId"), arn);
    return o;
}

static const struct {
    const char *action, *key, *elem, *state_key;
    json_t *(*map)(json_t *);
} lists[] = {
    {"DescribeCacheClusters", "CacheClusters", "CacheCluster", "clusters", col_ec_map_cluster},
    {"DescribeReplicationGroups", "ReplicationGroups", "ReplicationGroup", "replicationgroups",
     col_ec_map_replication_group},
    {"DescribeServerlessCaches", "ServerlessCaches", "member", "serverlesscaches", col_ec_map_serverless},
};

struct ec_page {
    int kind;
    json_t *out;
};

static enum osp_code ec_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct ec_page *p = ud;
    char path[160];
    col_fmt(path, sizeof path, "%sResponse.%sResult.%s", lists[p->kind].action, lists[p->kind].action, lists[p->kind].key);
    json_t *x;
    size_t i;
    COL_ITEMS(inner(aws_get(body, path), lists[p->kind].elem), i, x) col_push(p->out, lists[p->kind].map(x));
    return OSP_OK;
}

struct ec_run {
    json_t *out[3];
    int absent[3];
};

/* The three lists are independent: all at once. Serverless caches came in 2023: an endpoint
 * without the API (unsupported, or a 5xx after the retries, as moto 5.2.1 answers) leaves
 * `serverlesscaches` absent with a warning; the clusters and groups still count. */
static enum osp_code ec_list(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct ec_run *run = ud;
    struct ec_page p = {(int)i, run->out[i]};
    char marker[160];
    col_fmt(marker, sizeof marker, "%sResponse.%sResult.Marker", lists[i].action, lists[i].action);
    struct aws_call c = col_query_call("elasticache", job->region, lists[i].action, EC_VERSION);
    struct osp_err e;
    osp_err_init(&e);
    enum osp_code rc = aws_call_param(&c, i == 2 ? "MaxResults" : "MaxRecords", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, i == 2 ? "NextToken" : "Marker",
                          i == 2 ? "DescribeServerlessCachesResponse.DescribeServerlessCachesResult.NextToken" : marker,
                          NULL, ec_page, &p, &e);
    aws_call_cleanup(&c);
    if (rc != OSP_OK && i == 2 &&
        ((e.aws_code[0] && aws_error_is_unsupported(e.aws_code)) || e.http_status >= 500)) {
        osp_warn(job->ctx, "elasticache %s: serverless caches not collected (%s)", job->region,
                 e.aws_code[0] ? e.aws_code : "server error");
        run->absent[2] = 1;
        return OSP_OK;
    }
    if (rc != OSP_OK)
        *err = e;
    return rc;
}

enum osp_code col_elasticache(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct ec_run run = {{json_array(), json_array(), json_array()}, {0, 0, 0}};
    enum osp_code rc = col_each(job, 3, ec_list, &run, err);
    for (int k = 0; k < 3; k++) {
        if (rc == OSP_OK && !run.absent[k])
            col_set(state, lists[k].state_key, json_incref(run.out[k]));
        json_decref(run.out[k]);
    }
    return rc;
}
