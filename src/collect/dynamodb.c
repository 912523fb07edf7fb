/* dynamodb.c: the DynamoDB collector: tables (encryption, point-in-time recovery, deletion
 * protection) and DAX clusters (encryption at rest). Two calls per table, none per DAX cluster. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"
#include "core/log.h"

#define DDB_TARGET "DynamoDB_20120810."
#define DAX_TARGET "AmazonDAXV3."

json_t *col_ddb_table_new(const char *name, const char *arn)
{
    json_t *t = col_obj(arn);
    col_add_str(t, "name", name, arn);
    col_add_str(t, "arn", arn, arn);
    return t;
}

/* DescribeTable. No SSEDescription: the table uses the AWS-owned key (DynamoDB always encrypts,
 * but with no KMS key of the account): enabled false, as Trivy's other adapters say it. */
void col_ddb_map_table(json_t *t, json_t *describe)
{
    json_t *tab = json_object_get(describe, "Table");
    const char *arn = json_string_value(json_object_get(json_object_get(t, "__defsec_metadata"), "resource"));
    if (!json_is_object(tab))
        return;
    json_t *sse = json_object_get(tab, "SSEDescription");
    json_t *enc = col_obj(arn);
    const char *status = col_s(sse, "Status");
    col_add_bool(enc, "enabled", status && (!strcmp(status, "ENABLED") || !strcmp(status, "UPDATING")), arn);
    col_add_str_v(enc, "kmskeyid", json_object_get(sse, "KMSMasterKeyArn"), arn);
    col_add_str_v(enc, "ssetype", json_object_get(sse, "SSEType"), arn);
    col_set(t, "serversideencryption", enc);
    col_add_bool_v(t, "deletionprotection", json_object_get(tab, "DeletionProtectionEnabled"), arn);
    col_add_str_v(t, "status", json_object_get(tab, "TableStatus"), arn);
}

/* DescribeContinuousBackups; NULL (ContinuousBackupsUnavailableException): not enabled. */
void col_ddb_map_backups(json_t *t, json_t *resp)
{
    const char *arn = json_string_value(json_object_get(json_object_get(t, "__defsec_metadata"), "resource"));
    if (!resp) {
        col_add_bool(t, "pointintimerecovery", 0, arn);
        return;
    }
    const char *st = col_s(resp, "ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus");
    if (st)
        col_add_bool(t, "pointintimerecovery", strcmp(st, "ENABLED") == 0, arn);
}

/* One DescribeClusters entry. DAX has no point-in-time recovery and no customer key: neither is set. */
json_t *col_ddb_map_dax(json_t *cluster)
{
    const char *arn = col_s(cluster, "ClusterArn");
    json_t *c = col_obj(arn);
    col_add_str(c, "arn", arn, arn);
    col_add_str_v(c, "name", json_object_get(cluster, "ClusterName"), arn);
    col_add_str_v(c, "status", json_object_get(cluster, "Status"), arn);
    json_t *enc = col_obj(arn);
    const char *st = col_s(cluster, "SSEDescription.Status");
    col_add_bool(enc, "enabled", st && (!strcmp(st, "ENABLED") || !strcmp(st, "ENABLING")), arn);
    col_set(c, "serversideencryption", enc);
    col_add_str_v(c, "endpointencryption", json_object_get(cluster, "ClusterEndpointEncryptionType"), arn);
    return c;
}

struct ddb_run {
    json_t *names; /* table names from ListTables */
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct ddb_run *run = ud;
    json_t *n;
    size_t i;
    COL_ITEMS(json_object_get(body, "TableNames"), i, n) {
        if (json_is_string(n))
            json_array_append(run->names, n);
    }
    return OSP_OK;
}

static void ddb_read(struct col_read *r, struct col_job *job, const char *op, const char *table)
{
    json_t *req = json_pack("{s:s}", "TableName", table);
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    col_fmt(r->arg, sizeof r->arg, "%s", txt ? txt : "{}");
    r->call = col_json_call("dynamodb", job->region, op, "1.0", r->arg);
    r->name = op + strlen(DDB_TARGET);
    osp_err_init(&r->err);
    free(txt);
    json_decref(req);
}

static enum osp_code one_table(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct ddb_run *run = ud;
    const char *name = json_string_value(json_array_get(run->names, i));
    char arn[400];
    col_fmt(arn, sizeof arn, "arn:%s:dynamodb:%s:%s:table/%s", job->partition, job->region, job->account, name);
    json_t *t = col_ddb_table_new(name, arn);
    struct col_read r[2];
    memset(r, 0, sizeof r);
    ddb_read(&r[0], job, DDB_TARGET "DescribeTable", name);
    r[0].fields = "serversideencryption,deletionprotection";
    ddb_read(&r[1], job, DDB_TARGET "DescribeContinuousBackups", name);
    r[1].fields = "pointintimerecovery";
    r[1].absent = "ContinuousBackupsUnavailableException";
    enum osp_code rc = col_read_all(job, t, r, 2, err);
    if (rc == OSP_OK) {
        if (r[0].answer == COL_ANS_OK)
            col_ddb_map_table(t, r[0].body);
        if (r[1].answer == COL_ANS_OK || r[1].answer == COL_ANS_ABSENT)
            col_ddb_map_backups(t, r[1].body);
        *slot = t;
    } else
        json_decref(t);
    col_reads_cleanup(r, 2);
    return rc;
}

static enum osp_code dax_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    json_t *c;
    size_t i;
    COL_ITEMS(json_object_get(body, "Clusters"), i, c) col_push(ud, col_ddb_map_dax(c));
    return OSP_OK;
}

/* DAX is offered in fewer regions than DynamoDB: where it is not (unknown endpoint, opt-in, no
 * such host) `daxclusters` stays absent and the tables still count; anything else fails. */
static enum osp_code collect_dax(struct col_job *job, json_t *state, struct osp_err *err)
{
    json_t *list = json_array();
    struct aws_call c = col_json_call("dax", job->region, DAX_TARGET "DescribeClusters", "1.1", "{\"MaxResults\":100}");
    struct osp_err e;
    osp_err_init(&e);
    enum osp_code rc = col_paginate(job, &c, "NextToken", "NextToken", NULL, dax_page, list, &e);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        col_set(state, "daxclusters", list);
    else {
        json_decref(list);
        if (e.aws_code[0] && aws_error_is_unsupported(e.aws_code))
            osp_debug(job->ctx, "dynamodb %s: DAX not available here (%s)", job->region, e.aws_code);
        else
            *err = e;
    }
    return rc == OSP_OK || (e.aws_code[0] && aws_error_is_unsupported(e.aws_code)) ? OSP_OK : rc;
}

enum osp_code col_dynamodb(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct ddb_run run = {json_array()};
    json_t *tables = col_arr(state, "tables");
    struct aws_call c = col_json_call("dynamodb", job->region, DDB_TARGET "ListTables", "1.0", "{\"Limit\":100}");
    enum osp_code rc = col_paginate(job, &c, "ExclusiveStartTableName", "LastEvaluatedTableName", NULL, list_page,
                                    &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.names), one_table, &run, tables, err);
    json_decref(run.names);
    if (rc == OSP_OK)
        rc = collect_dax(job, state, err);
    return rc;
}
