/* dbclusters.c: the Neptune and DocumentDB collectors. Both live behind the RDS query API; every
 * list is sent with an engine filter (engine=neptune / engine=docdb), and each answer is checked
 * for the engine again, so Aurora and the other engine's clusters are never judged here (Trivy
 * sends no filter and judges every Aurora cluster as Neptune and as DocumentDB).
 * Calls: DescribeDBClusters and DescribeDBClusterSnapshots (manual), DocumentDB also
 * DescribeDBInstances (for the members' keys), all paginated and in flight together; per manual
 * snapshot DescribeDBClusterSnapshotAttributes. 0 calls per cluster, 1 per manual snapshot. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define DBC_VERSION "2014-10-31"

/* An XML list (<Xs><X>..</X></Xs> -> {"X": [..]} or {"X": {..}}) or a member list / array. */
static json_t *xl(json_t *v, const char *elem)
{
    json_t *in = json_is_object(v) ? json_object_get(v, elem) : NULL;
    return in ? in : v;
}

static int engine_is(json_t *x, const char *engine)
{
    const char *e = col_s(x, "Engine");
    return e && strcmp(e, engine) == 0;
}

/* One DBClusters entry of the given engine ("neptune", "docdb"); NULL for another engine or
 * without an ARN. */
json_t *col_dbc_map_cluster(json_t *c, const char *engine)
{
    const char *arn = col_s(c, "DBClusterArn");
    if (!arn || !*arn || !engine_is(c, engine))
        return NULL;
    json_t *o = col_obj(arn), *x;
    size_t i;
    int audit = 0;
    col_add_str_v(o, "identifier", json_object_get(c, "DBClusterIdentifier"), arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "engine", json_object_get(c, "Engine"), arn);
    col_add_str_v(o, "engineversion", json_object_get(c, "EngineVersion"), arn);
    col_add_bool_v(o, "storageencrypted", json_object_get(c, "StorageEncrypted"), arn);
    col_add_str_v(o, "kmskeyid", json_object_get(c, "KmsKeyId"), arn);
    json_t *exports = xl(json_object_get(c, "EnabledCloudwatchLogsExports"), "member");
    col_add_str_list(o, "enabledlogexports", exports, arn);
    COL_ITEMS(exports, i, x) audit |= json_is_string(x) && !strcmp(json_string_value(x), "audit");
    json_t *l = col_obj(arn);
    col_add_bool(l, "audit", audit, arn);
    col_set(o, "logging", l);
    col_add_int_v(o, "backupretentionperiod", json_object_get(c, "BackupRetentionPeriod"), arn);
    col_add_bool_v(o, "deletionprotection", json_object_get(c, "DeletionProtection"), arn);
    col_add_bool_v(o, "iamauthenabled", json_object_get(c, "IAMDatabaseAuthenticationEnabled"), arn);
    col_add_bool_v(o, "copytagstosnapshot", json_object_get(c, "CopyTagsToSnapshot"), arn);
    col_add_bool_v(o, "multiaz", json_object_get(c, "MultiAZ"), arn);
    col_add_str_list(o, "availabilityzones", xl(json_object_get(c, "AvailabilityZones"), "AvailabilityZone"), arn);
    col_arr(o, "instances");
    return o;
}

/* One DBInstances entry of the engine; NULL otherwise. */
json_t *col_dbc_map_instance(json_t *db, const char *engine)
{
    const char *arn = col_s(db, "DBInstanceArn");
    if (!arn || !*arn || !engine_is(db, engine))
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str_v(o, "identifier", json_object_get(db, "DBInstanceIdentifier"), arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "clusteridentifier", json_object_get(db, "DBClusterIdentifier"), arn);
    col_add_bool_v(o, "storageencrypted", json_object_get(db, "StorageEncrypted"), arn);
    col_add_str_v(o, "kmskeyid", json_object_get(db, "KmsKeyId"), arn);
    return o;
}

/* clusters[_].instances: every mapped instance whose clusteridentifier is the cluster's. */
void col_dbc_join_instances(json_t *clusters, json_t *instances)
{
    json_t *c, *in;
    size_t i, k;
    json_array_foreach(clusters, i, c) {
        const char *cid = json_string_value(json_object_get(json_object_get(c, "identifier"), "value"));
        json_t *members = col_arr(c, "instances");
        json_array_foreach(instances, k, in) {
            const char *ic = json_string_value(json_object_get(json_object_get(in, "clusteridentifier"), "value"));
            if (cid && ic && !strcmp(cid, ic))
                json_array_append(members, in);
        }
    }
}

/* One manual DBClusterSnapshots entry of the engine; NULL otherwise. */
json_t *col_dbc_map_snapshot(json_t *s, const char *engine)
{
    const char *arn = col_s(s, "DBClusterSnapshotArn");
    if (!arn || !*arn || !engine_is(s, engine))
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str_v(o, "identifier", json_object_get(s, "DBClusterSnapshotIdentifier"), arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "clusteridentifier", json_object_get(s, "DBClusterIdentifier"), arn);
    col_add_bool_v(o, "encrypted", json_object_get(s, "StorageEncrypted"), arn);
    col_add_str_v(o, "kmskeyid", json_object_get(s, "KmsKeyId"), arn);
    col_add_str_v(o, "snapshottype", json_object_get(s, "SnapshotType"), arn);
    col_add_str_v(o, "engine", json_object_get(s, "Engine"), arn);
    return o;
}

static const struct {
    const char *action, *list, *elem;
} lists[] = {
    {"DescribeDBClusters", "DescribeDBClustersResponse.DescribeDBClustersResult.DBClusters", "DBCluster"},
    {"DescribeDBClusterSnapshots", "DescribeDBClusterSnapshotsResponse.DescribeDBClusterSnapshotsResult.DBClusterSnapshots",
     "DBClusterSnapshot"},
    {"DescribeDBInstances", "DescribeDBInstancesResponse.DescribeDBInstancesResult.DBInstances", "DBInstance"},
};

struct dbc_run {
    const char *engine;
    json_t *raw[3]; /* clusters, manual snapshots, instances: as listed */
};

struct dbc_page {
    struct dbc_run *run;
    size_t kind;
};

static enum osp_code dbc_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct dbc_page *p = ud;
    json_t *x;
    size_t i;
    COL_ITEMS(xl(aws_get(body, lists[p->kind].list), lists[p->kind].elem), i, x) {
        if (engine_is(x, p->run->engine)) /* the filter, checked again */
            json_array_append(p->run->raw[p->kind], x);
    }
    return OSP_OK;
}

static enum osp_code dbc_list(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct dbc_run *run = ud;
    struct dbc_page p = {run, i};
    char marker[160];
    struct aws_call c = col_query_call("rds", job->region, lists[i].action, DBC_VERSION);
    enum osp_code rc = aws_call_param(&c, "MaxRecords", "100");
    if (rc == OSP_OK)
        rc = aws_call_param(&c, "Filters.Filter.1.Name", "engine");
    if (rc == OSP_OK)
        rc = aws_call_param(&c, "Filters.Filter.1.Values.Value.1", run->engine);
    if (rc == OSP_OK && i == 1)
        rc = aws_call_param(&c, "SnapshotType", "manual"); /* automated snapshots cannot be shared */
    col_fmt(marker, sizeof marker, "%.*s.Marker", (int)(strrchr(lists[i].list, '.') - lists[i].list), lists[i].list);
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "Marker", marker, NULL, dbc_page, &p, err);
    aws_call_cleanup(&c);
    return rc;
}

static enum osp_code one_snapshot(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct dbc_run *run = ud;
    json_t *raw = json_array_get(run->raw[1], i);
    json_t *s = col_dbc_map_snapshot(raw, run->engine);
    if (!s)
        return OSP_OK;
    struct col_read r = {.call = col_query_call("rds", job->region, "DescribeDBClusterSnapshotAttributes", DBC_VERSION),
                         .name = "DescribeDBClusterSnapshotAttributes",
                         .fields = "snapshotattributes"};
    osp_err_init(&r.err);
    (void)col_read_param(&r, "DBClusterSnapshotIdentifier", col_s(raw, "DBClusterSnapshotIdentifier"));
    enum osp_code rc = col_read_all(job, s, &r, 1, err);
    if (rc == OSP_OK && r.answer == COL_ANS_OK)
        col_rds_map_snapshot_attrs(s, r.body, 1);
    col_reads_cleanup(&r, 1);
    if (rc == OSP_OK)
        *slot = s;
    else
        json_decref(s);
    return rc;
}

static enum osp_code collect(struct col_job *job, json_t *state, const char *engine, int with_instances,
                             struct osp_err *err)
{
    struct dbc_run run = {engine, {json_array(), json_array(), json_array()}};
    json_t *clusters = col_arr(state, "clusters"), *snaps = col_arr(state, "clustersnapshots"), *x;
    size_t i;
    enum osp_code rc = col_each(job, with_instances ? 3 : 2, dbc_list, &run, err);
    if (rc == OSP_OK) {
        json_t *inst = json_array();
        json_array_foreach(run.raw[0], i, x) col_push(clusters, col_dbc_map_cluster(x, engine));
        json_array_foreach(run.raw[2], i, x) col_push(inst, col_dbc_map_instance(x, engine));
        col_dbc_join_instances(clusters, inst);
        json_decref(inst);
        rc = col_each_push(job, json_array_size(run.raw[1]), one_snapshot, &run, snaps, err);
    }
    for (int k = 0; k < 3; k++)
        json_decref(run.raw[k]);
    return rc;
}

enum osp_code col_neptune(struct col_job *job, json_t *state, struct osp_err *err)
{
    return collect(job, state, "neptune", 0, err);
}

enum osp_code col_documentdb(struct col_job *job, json_t *state, struct osp_err *err)
{
    return collect(job, state, "docdb", 1, err);
}
