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

static const struct col_field cluster_fields[] = {
    {"clusterid", "CacheClusterId", COL_F_STR},
    {"engine", "Engine", COL_F_STR},
    {"engineversion", "EngineVersion", COL_F_STR},
    {"nodetype", "CacheNodeType", COL_F_STR},
    {"status", "CacheClusterStatus", COL_F_STR},
    {"snapshotretentionlimit", "SnapshotRetentionLimit", COL_F_INT},
    {"autominorversionupgrade", "AutoMinorVersionUpgrade", COL_F_BOOL},
    {"replicationgroupid", "ReplicationGroupId", COL_F_STR},
    {"cachesubnetgroupname", "CacheSubnetGroupName", COL_F_STR},
    {"atrestencryptionenabled", "AtRestEncryptionEnabled", COL_F_BOOL},
    {"transitencryptionenabled", "TransitEncryptionEnabled", COL_F_BOOL},
    {"authtokenenabled", "AuthTokenEnabled", COL_F_BOOL},
};

/* One DescribeCacheClusters entry; NULL without ARN. */
json_t *col_ec_map_cluster(json_t *c)
{
    const char *arn = col_s(c, "ARN");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    COL_ADD_FIELDS(o, c, cluster_fields, arn);
    return o;
}

static const struct col_field group_fields[] = {
    {"replicationgroupid", "ReplicationGroupId", COL_F_STR},
    {"engine", "Engine", COL_F_STR},
    {"status", "Status", COL_F_STR},
    {"atrestencryptionenabled", "AtRestEncryptionEnabled", COL_F_BOOL},
    {"transitencryptionenabled", "TransitEncryptionEnabled", COL_F_BOOL},
    {"transitencryptionmode", "TransitEncryptionMode", COL_F_STR},
    {"authtokenenabled", "AuthTokenEnabled", COL_F_BOOL},
    {"automaticfailover", "AutomaticFailover", COL_F_STR},
    {"multiaz", "MultiAZ", COL_F_STR},
    {"kmskeyid", "KmsKeyId", COL_F_STR},
    {"snapshotretentionlimit", "SnapshotRetentionLimit", COL_F_INT},
    {"autominorversionupgrade", "AutoMinorVersionUpgrade", COL_F_BOOL},
};

/* One DescribeReplicationGroups entry; NULL without ARN. */
json_t *col_ec_map_replication_group(json_t *g)
{
    const char *arn = col_s(g, "ARN");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    COL_ADD_FIELDS(o, g, group_fields, arn);
    col_add_str_list(o, "memberclusters", inner(json_object_get(g, "MemberClusters"), "ClusterId"), arn);
    return o;
}

static const struct col_field serverless_fields[] = {
    {"name", "ServerlessCacheName", COL_F_STR},
    {"engine", "Engine", COL_F_STR},
    {"majorengineversion", "MajorEngineVersion", COL_F_STR},
    {"status", "Status", COL_F_STR},
    {"snapshotretentionlimit", "SnapshotRetentionLimit", COL_F_INT},
    {"kmskeyid", "KmsKeyId", COL_F_STR},
};

/* One DescribeServerlessCaches entry; NULL without ARN. */
json_t *col_ec_map_serverless(json_t *s)
{
    const char *arn = col_s(s, "ARN");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    COL_ADD_FIELDS(o, s, serverless_fields, arn);
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
