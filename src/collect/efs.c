/* efs.c: the EFS collector: file systems (encryption at rest) and their backup policy. One call per
 * file system (DescribeBackupPolicy); everything else comes with the list. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define EFS_API "/2015-02-01/file-systems"

/* One DescribeFileSystems entry. */
json_t *col_efs_map_fs(json_t *fs)
{
    const char *arn = col_s(fs, "FileSystemArn");
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "id", json_object_get(fs, "FileSystemId"), arn);
    const char *name = col_s(fs, "Name");
    if (name && *name)
        col_add_str(o, "name", name, arn);
    col_add_bool_v(o, "encrypted", json_object_get(fs, "Encrypted"), arn);
    col_add_str_v(o, "kmskeyid", json_object_get(fs, "KmsKeyId"), arn);
    col_add_str_v(o, "lifecyclestate", json_object_get(fs, "LifeCycleState"), arn);
    return o;
}

/* DescribeBackupPolicy; NULL (PolicyNotFound): automatic backups were never turned on. */
void col_efs_map_backup(json_t *fs, json_t *resp)
{
    const char *arn = json_string_value(json_object_get(json_object_get(fs, "__defsec_metadata"), "resource"));
    if (!resp) {
        col_add_bool(fs, "automaticbackups", 0, arn);
        return;
    }
    const char *st = col_s(resp, "BackupPolicy.Status");
    if (!st)
        return;
    col_add_bool(fs, "automaticbackups", !strcmp(st, "ENABLED") || !strcmp(st, "ENABLING"), arn);
    col_add_str(fs, "backuppolicystatus", st, arn);
}

struct efs_run {
    json_t *fs; /* state objects in list order */
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct efs_run *run = ud;
    json_t *f;
    size_t i;
    COL_ITEMS(json_object_get(body, "FileSystems"), i, f) {
        if (col_s(f, "FileSystemId"))
            json_array_append_new(run->fs, col_efs_map_fs(f));
    }
    return OSP_OK;
}

static enum osp_code one_fs(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct efs_run *run = ud;
    json_t *fs = json_array_get(run->fs, i);
    const char *id = json_string_value(json_object_get(json_object_get(fs, "id"), "value"));
    struct col_read r;
    memset(&r, 0, sizeof r);
    col_fmt(r.arg, sizeof r.arg, EFS_API "/%s/backup-policy", id ? id : "");
    r.call = col_rest_call("elasticfilesystem", job->region, AWS_PROTO_RESTJSON, "GET", r.arg);
    r.name = "DescribeBackupPolicy";
    r.absent = "PolicyNotFound";
    r.fields = "automaticbackups,backuppolicystatus";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, fs, &r, 1, err);
    if (rc == OSP_OK && (r.answer == COL_ANS_OK || r.answer == COL_ANS_ABSENT))
        col_efs_map_backup(fs, r.body);
    else if (rc == OSP_ENOTFOUND) /* deleted since the list: drop it */
        json_object_set_new(fs, "__gone", json_true());
    col_reads_cleanup(&r, 1);
    return rc;
}

enum osp_code col_efs(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct efs_run run = {json_array()};
    json_t *out = col_arr(state, "filesystems");
    struct aws_call c = col_rest_call("elasticfilesystem", job->region, AWS_PROTO_RESTJSON, "GET", EFS_API);
    c.action = "DescribeFileSystems";
    enum osp_code rc = aws_call_param(&c, "MaxItems", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "Marker", "NextMarker", NULL, list_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each(job, json_array_size(run.fs), one_fs, &run, err);
    json_t *fs;
    size_t i;
    json_array_foreach(run.fs, i, fs) {
        if (!json_object_get(fs, "__gone"))
            col_push(out, json_incref(fs));
    }
    json_decref(run.fs);
    return rc;
}
