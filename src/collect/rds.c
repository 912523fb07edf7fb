/* rds.c: the RDS collector: DB instances, DB clusters (with their member instances joined in),
 * and manual DB / cluster snapshots with their attributes (who may restore them). Neptune and
 * DocumentDB resources, which the same RDS API returns, are left to their own services. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define RDS_VERSION "2014-10-31"

/* An XML list (<Xs><X>..</X></Xs> -> {"X": [..]} or {"X": {..}}) or a member list / array. */
static json_t *xlist(json_t *v, const char *elem)
{
    json_t *in = json_is_object(v) ? json_object_get(v, elem) : NULL;
    return in ? in : v;
}

/* RDS resources the rds service judges (not Neptune, not DocumentDB). */
int col_rds_engine_is_rds(const char *engine)
{
    return !engine || (strcmp(engine, "neptune") != 0 && strcmp(engine, "docdb") != 0);
}

static json_t *perf_insights(json_t *x, const char *arn)
{
    json_t *p = col_obj(arn);
    col_add_bool_v(p, "enabled", json_object_get(x, "PerformanceInsightsEnabled"), arn);
    col_add_str_v(p, "kmskeyid", json_object_get(x, "PerformanceInsightsKMSKeyId"), arn);
    return p;
}

static json_t *encryption(json_t *x, const char *arn)
{
    json_t *e = col_obj(arn);
    col_add_bool_v(e, "encryptstorage", json_object_get(x, "StorageEncrypted"), arn);
    col_add_str_v(e, "kmskeyid", json_object_get(x, "KmsKeyId"), arn);
    return e;
}

json_t *col_rds_map_instance(json_t *db)
{
    const char *arn = col_s(db, "DBInstanceArn");
    if (!arn || !col_rds_engine_is_rds(col_s(db, "Engine")))
        return NULL;
    json_t *o = col_obj(arn), *g;
    size_t i;
    col_add_str_v(o, "dbinstanceidentifier", json_object_get(db, "DBInstanceIdentifier"), arn);
    col_add_str(o, "dbinstancearn", arn, arn);
    col_add_str_v(o, "engine", json_object_get(db, "Engine"), arn);
    col_add_str_v(o, "engineversion", json_object_get(db, "EngineVersion"), arn);
    col_add_str_v(o, "clusteridentifier", json_object_get(db, "DBClusterIdentifier"), arn);
    col_add_bool_v(o, "publicaccess", json_object_get(db, "PubliclyAccessible"), arn);
    col_add_bool_v(o, "publiclyaccessible", json_object_get(db, "PubliclyAccessible"), arn);
    col_add_bool_v(o, "deletionprotection", json_object_get(db, "DeletionProtection"), arn);
    col_add_bool_v(o, "iamauthenabled", json_object_get(db, "IAMDatabaseAuthenticationEnabled"), arn);
    col_add_bool_v(o, "autominorversionupgrade", json_object_get(db, "AutoMinorVersionUpgrade"), arn);
    col_add_bool_v(o, "multiaz", json_object_get(db, "MultiAZ"), arn);
    col_add_bool_v(o, "storageencrypted", json_object_get(db, "StorageEncrypted"), arn);
    col_add_int_v(o, "backupretentionperioddays", json_object_get(db, "BackupRetentionPeriod"), arn);
    col_add_time_v(o, "latestrestorabletime", json_object_get(db, "LatestRestorableTime"), arn);
    col_add_str_v(o, "replicationsourcearn", json_object_get(db, "ReadReplicaSourceDBInstanceIdentifier"), arn);
    col_add_str_list(o, "readreplicadbinstanceidentifiers",
                     xlist(json_object_get(db, "ReadReplicaDBInstanceIdentifiers"), "ReadReplicaDBInstanceIdentifier"), arn);
    col_add_str_list(o, "enabledcloudwatchlogsexports", xlist(json_object_get(db, "EnabledCloudwatchLogsExports"), "member"),
                     arn);
    json_t *pgs = col_arr(o, "dbparametergroups");
    COL_ITEMS(xlist(json_object_get(db, "DBParameterGroups"), "DBParameterGroup"), i, g) {
        json_t *p = col_obj(arn);
        col_add_str_v(p, "dbparametergroupname", json_object_get(g, "DBParameterGroupName"), arn);
        col_push(pgs, p);
    }
    col_set(o, "encryption", encryption(db, arn));
    col_set(o, "performanceinsights", perf_insights(db, arn));
    return o;
}

json_t *col_rds_map_cluster(json_t *c)
{
    const char *arn = col_s(c, "DBClusterArn");
    if (!arn || !col_rds_engine_is_rds(col_s(c, "Engine")))
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str_v(o, "clusteridentifier", json_object_get(c, "DBClusterIdentifier"), arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "engine", json_object_get(c, "Engine"), arn);
    col_add_str_v(o, "enginemode", json_object_get(c, "EngineMode"), arn);
    col_add_str_list(o, "availabilityzones", xlist(json_object_get(c, "AvailabilityZones"), "AvailabilityZone"), arn);
    col_add_int_v(o, "backupretentionperioddays", json_object_get(c, "BackupRetentionPeriod"), arn);
    col_add_bool_v(o, "deletionprotection", json_object_get(c, "DeletionProtection"), arn);
    col_add_bool_v(o, "publicaccess", json_object_get(c, "PubliclyAccessible"), arn);
    col_add_bool_v(o, "autominorversionupgrade", json_object_get(c, "AutoMinorVersionUpgrade"), arn);
    col_add_bool_v(o, "iamauthenabled", json_object_get(c, "IAMDatabaseAuthenticationEnabled"), arn);
    col_add_str_v(o, "replicationsourcearn", json_object_get(c, "ReplicationSourceIdentifier"), arn);
    col_add_time_v(o, "latestrestorabletime", json_object_get(c, "LatestRestorableTime"), arn);
    col_set(o, "encryption", encryption(c, arn));
    col_set(o, "performanceinsights", perf_insights(c, arn));
    col_arr(o, "instances");
    return o;
}

void col_rds_join_members(json_t *state)
{
    json_t *c, *inst;
    size_t i, k;
    json_array_foreach(json_object_get(state, "clusters"), i, c) {
        const char *cid = json_string_value(json_object_get(json_object_get(c, "clusteridentifier"), "value"));
        const char *carn = json_string_value(json_object_get(json_object_get(c, "__defsec_metadata"), "resource"));
        json_t *members = col_arr(c, "instances");
        json_array_foreach(json_object_get(state, "instances"), k, inst) {
            const char *ic = json_string_value(json_object_get(json_object_get(inst, "clusteridentifier"), "value"));
            if (!cid || !ic || strcmp(cid, ic) != 0)
                continue;
            json_t *m = col_obj(carn);
            col_add_str(m, "clusteridentifier", cid, carn);
            col_set(m, "instance", json_deep_copy(inst));
            col_push(members, m);
        }
    }
}

/* A DB or cluster snapshot; cluster: the DBClusterSnapshot names. */
json_t *col_rds_map_snapshot(json_t *s, int cluster)
{
    const char *arn = col_s(s, cluster ? "DBClusterSnapshotArn" : "DBSnapshotArn");
    if (!arn || !col_rds_engine_is_rds(col_s(s, "Engine")))
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str_v(o, cluster ? "dbclustersnapshotidentifier" : "dbsnapshotidentifier",
                  json_object_get(s, cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier"), arn);
    col_add_str(o, cluster ? "dbclustersnapshotarn" : "dbsnapshotarn", arn, arn);
    col_add_bool_v(o, "encrypted", json_object_get(s, cluster ? "StorageEncrypted" : "Encrypted"), arn);
    col_add_str_v(o, "kmskeyid", json_object_get(s, "KmsKeyId"), arn);
    col_add_str_v(o, "snapshottype", json_object_get(s, "SnapshotType"), arn);
    col_add_str_v(o, "engine", json_object_get(s, "Engine"), arn);
    return o;
}

/* resp: DescribeDB[Cluster]SnapshotAttributes; fills snap.snapshotattributes[]. */
void col_rds_map_snapshot_attrs(json_t *snap, json_t *resp, int cluster)
{
    const char *arn = json_string_value(json_object_get(json_object_get(snap, "__defsec_metadata"), "resource"));
    json_t *res = cluster ? aws_get(resp, "DescribeDBClusterSnapshotAttributesResponse.DescribeDBClusterSnapshotAttributesResult."
                                          "DBClusterSnapshotAttributesResult.DBClusterSnapshotAttributes")
                          : aws_get(resp, "DescribeDBSnapshotAttributesResponse.DescribeDBSnapshotAttributesResult."
                                          "DBSnapshotAttributesResult.DBSnapshotAttributes");
    json_t *out = col_arr(snap, "snapshotattributes"), *a;
    size_t i;
    COL_ITEMS(xlist(res, cluster ? "DBClusterSnapshotAttribute" : "DBSnapshotAttribute"), i, a) {
        json_t *o = col_obj(arn);
        col_add_str_v(o, "attributename", json_object_get(a, "AttributeName"), arn);
        col_add_str_list(o, "attributevalues", xlist(json_object_get(a, "AttributeValues"), "AttributeValue"), arn);
        col_push(out, o);
    }
}

struct rds_run {
    json_t *state;
    json_t *snaps[2]; /* raw DB snapshots, cluster snapshots */
    json_t **out[2];
};

struct page_ctx {
    struct rds_run *run;
    int kind; /* 0 instances, 1 clusters, 2 snapshots, 3 cluster snapshots */
};

static const struct {
    const char *action, *list, *elem, *state_key;
} lists[] = {
    {"DescribeDBInstances", "DescribeDBInstancesResponse.DescribeDBInstancesResult.DBInstances", "DBInstance", "instances"},
    {"DescribeDBClusters", "DescribeDBClustersResponse.DescribeDBClustersResult.DBClusters", "DBCluster", "clusters"},
    {"DescribeDBSnapshots", "DescribeDBSnapshotsResponse.DescribeDBSnapshotsResult.DBSnapshots", "DBSnapshot", NULL},
    {"DescribeDBClusterSnapshots", "DescribeDBClusterSnapshotsResponse.DescribeDBClusterSnapshotsResult.DBClusterSnapshots",
     "DBClusterSnapshot", NULL},
};

static enum osp_code rds_page(void *ud, json_t *body, struct osp_err *err)
{
    struct page_ctx *p = ud;
    json_t *x;
    size_t i;
    COL_ITEMS(xlist(aws_get(body, lists[p->kind].list), lists[p->kind].elem), i, x) {
        if (p->kind == 0)
            col_push(col_arr(p->run->state, "instances"), col_rds_map_instance(x));
        else if (p->kind == 1)
            col_push(col_arr(p->run->state, "clusters"), col_rds_map_cluster(x));
        else if (col_rds_engine_is_rds(col_s(x, "Engine")))
            json_array_append(p->run->snaps[p->kind - 2], x);
    }
    return OSP_OK;
}

/* The four lists are independent: all at once. */
static enum osp_code rds_list(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct page_ctx p = {ud, (int)i};
    char marker[160];
    struct aws_call c = col_query_call("rds", job->region, lists[i].action, RDS_VERSION);
    enum osp_code rc = aws_call_param(&c, "MaxRecords", "100");
    if (rc == OSP_OK && i >= 2)
        rc = aws_call_param(&c, "SnapshotType", "manual"); /* automated snapshots cannot be shared */
    col_fmt(marker, sizeof marker, "%.*s.Marker", (int)(strrchr(lists[i].list, '.') - lists[i].list), lists[i].list);
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "Marker", marker, NULL, rds_page, &p, err);
    aws_call_cleanup(&c);
    return rc;
}

static enum osp_code one_snapshot(struct col_job *job, size_t i, void *ud, struct osp_err *err, int cluster)
{
    struct rds_run *run = ud;
    json_t *raw = json_array_get(run->snaps[cluster], i);
    json_t *s = col_rds_map_snapshot(raw, cluster);
    if (!s)
        return OSP_ENOTFOUND;
    struct col_read r = {.call = col_query_call("rds", job->region,
                                                cluster ? "DescribeDBClusterSnapshotAttributes" : "DescribeDBSnapshotAttributes",
                                                RDS_VERSION),
                         .fields = "snapshotattributes"};
    r.name = r.call.action;
    osp_err_init(&r.err);
    (void)col_read_param(&r, cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier",
                         col_s(raw, cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier"));
    enum osp_code rc = col_read_all(job, s, &r, 1, err);
    if (rc == OSP_OK && r.answer == COL_ANS_OK)
        col_rds_map_snapshot_attrs(s, r.body, cluster);
    col_reads_cleanup(&r, 1);
    if (rc == OSP_OK)
        run->out[cluster][i] = s;
    else
        json_decref(s);
    return rc;
}

static enum osp_code one_db_snapshot(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    return one_snapshot(job, i, ud, err, 0);
}

static enum osp_code one_cluster_snapshot(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    return one_snapshot(job, i, ud, err, 1);
}

enum osp_code col_rds(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct rds_run run = {state, {json_array(), json_array()}, {NULL, NULL}};
    col_arr(state, "instances");
    col_arr(state, "clusters");
    col_arr(state, "snapshots");
    col_arr(state, "clustersnapshots");
    enum osp_code rc = col_each(job, 4, rds_list, &run, err);
    size_t n[2] = {json_array_size(run.snaps[0]), json_array_size(run.snaps[1])};
    for (int k = 0; k < 2 && rc == OSP_OK; k++)
        if (!(run.out[k] = calloc(n[k] + 1, sizeof *run.out[k])))
            rc = osp_err_set(err, OSP_ENOMEM, "rds: out of memory for %zu snapshots", n[k]);
    if (rc == OSP_OK)
        rc = col_each(job, n[0], one_db_snapshot, &run, err);
    if (rc == OSP_OK)
        rc = col_each(job, n[1], one_cluster_snapshot, &run, err);
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; run.out[k] && i < n[k]; i++)
            if (run.out[k][i])
                col_push(col_arr(state, k ? "clustersnapshots" : "snapshots"), run.out[k][i]);
        free(run.out[k]);
        json_decref(run.snaps[k]);
    }
    if (rc == OSP_OK)
        col_rds_join_members(state);
    return rc;
}
