/* backup.c: the AWS Backup collector: backup vaults with their lock state (ListBackupVaults) and
 * access policy (GetBackupVaultAccessPolicy, 1 call per vault), and backup plans
 * (ListBackupPlans, nothing per plan). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"
#include "core/log.h"

static const struct col_field vault_fields[] = {
    {"name", "BackupVaultName", COL_F_STR},
    {"vaulttype", "VaultType", COL_F_STR},
    {"encryptionkeyarn", "EncryptionKeyArn", COL_F_STR},
};

static const struct col_field vault_retention_fields[] = {
    {"minretentiondays", "MinRetentionDays", COL_F_INT},
    {"maxretentiondays", "MaxRetentionDays", COL_F_INT},
    {"lockdate", "LockDate", COL_F_TIME},
    {"numberofrecoverypoints", "NumberOfRecoveryPoints", COL_F_INT},
};

/* One ListBackupVaults entry; NULL without BackupVaultArn. */
json_t *col_backup_map_vault(json_t *v)
{
    const char *arn = col_s(v, "BackupVaultArn");
    if (!arn || !*arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    COL_ADD_FIELDS(o, v, vault_fields, arn);
    /* Locked is omitted for vaults that never had a lock configuration: false */
    col_add_bool(o, "locked", col_truthy(json_object_get(v, "Locked")), arn);
    COL_ADD_FIELDS(o, v, vault_retention_fields, arn);
    return o;
}

/* GetBackupVaultAccessPolicy; resp NULL: the vault has no access policy ("" recorded). */
void col_backup_map_policy(json_t *vault, json_t *resp)
{
    const char *arn = json_string_value(json_object_get(json_object_get(vault, "__defsec_metadata"), "resource"));
    if (!json_is_object(vault))
        return;
    json_t *p = json_object_get(resp, "Policy");
    if (resp && !col_blank(p))
        col_add_doc_v(vault, "policy", p, arn);
    else
        col_add_str(vault, "policy", "", arn);
}

static const struct col_field plan_fields[] = {
    {"id", "BackupPlanId", COL_F_STR},
    {"name", "BackupPlanName", COL_F_STR},
    {"versionid", "VersionId", COL_F_STR},
    {"lastexecutiondate", "LastExecutionDate", COL_F_TIME},
};

/* One ListBackupPlans entry; NULL without BackupPlanArn. */
json_t *col_backup_map_plan(json_t *p)
{
    const char *arn = col_s(p, "BackupPlanArn");
    if (!arn || !*arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    COL_ADD_FIELDS(o, p, plan_fields, arn);
    return o;
}

struct bk_run {
    json_t *vaults; /* raw ListBackupVaults entries */
    json_t *plans;  /* mapped plans */
};

static enum osp_code vault_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct bk_run *run = ud;
    json_t *v;
    size_t i;
    COL_ITEMS(json_object_get(body, "BackupVaultList"), i, v) if (json_is_object(v)) json_array_append(run->vaults, v);
    return OSP_OK;
}

static enum osp_code plan_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct bk_run *run = ud;
    json_t *p;
    size_t i;
    COL_ITEMS(json_object_get(body, "BackupPlansList"), i, p) col_push(run->plans, col_backup_map_plan(p));
    return OSP_OK;
}

static enum osp_code one_vault(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct bk_run *run = ud;
    json_t *raw = json_array_get(run->vaults, i);
    json_t *v = col_backup_map_vault(raw);
    const char *name = col_s(raw, "BackupVaultName");
    if (!v || !name) {
        json_decref(v);
        return OSP_ENOTFOUND; /* nothing to name it by: dropped */
    }
    struct col_read r;
    memset(&r, 0, sizeof r);
    col_fmt(r.arg, sizeof r.arg, "/backup-vaults/%s/access-policy", name);
    r.call = col_rest_call("backup", job->region, AWS_PROTO_RESTJSON, "GET", r.arg);
    r.call.action = r.name = "GetBackupVaultAccessPolicy";
    r.absent = "ResourceNotFoundException"; /* no policy on the vault */
    r.fields = "policy";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, v, &r, 1, err);
    if (rc == OSP_OK && (r.answer == COL_ANS_OK || r.answer == COL_ANS_ABSENT))
        col_backup_map_policy(v, r.answer == COL_ANS_OK ? r.body : NULL);
    else if (rc != OSP_OK && r.answer == COL_ANS_FAILED && !strcmp(r.code, "404")) {
        /* an endpoint without the API (moto answers a bare 404): the policy stays unknown, a gap */
        osp_debug(job->ctx, "backup %s: GetBackupVaultAccessPolicy not answered (404)", job->region);
        col_gap_add(job, v, &r);
        osp_err_init(err);
        rc = OSP_OK;
    }
    col_reads_cleanup(&r, 1);
    if (rc == OSP_OK)
        *slot = v;
    else
        json_decref(v);
    return rc;
}

enum osp_code col_backup(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct bk_run run = {json_array(), col_arr(state, "plans")};
    json_t *vaults = col_arr(state, "vaults");
    struct aws_call c = col_rest_call("backup", job->region, AWS_PROTO_RESTJSON, "GET", "/backup/plans/");
    c.action = "ListBackupPlans";
    enum osp_code rc = aws_call_param(&c, "maxResults", "1000");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "nextToken", "NextToken", NULL, plan_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK) {
        struct aws_call v = col_rest_call("backup", job->region, AWS_PROTO_RESTJSON, "GET", "/backup-vaults/");
        v.action = "ListBackupVaults";
        rc = aws_call_param(&v, "maxResults", "1000");
        if (rc == OSP_OK)
            rc = col_paginate(job, &v, "nextToken", "NextToken", NULL, vault_page, &run, err);
        aws_call_cleanup(&v);
    }
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.vaults), one_vault, &run, vaults, err);
    json_decref(run.vaults);
    return rc;
}
