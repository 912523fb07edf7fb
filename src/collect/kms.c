/* kms.c: the KMS collector: keys, their metadata and (customer symmetric keys) rotation status;
 * the region's aliases (checks resolve a resource's key reference through them, lib.aws.kms). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

json_t *col_kms_map_key(json_t *describe)
{
    json_t *m = json_object_get(describe, "KeyMetadata");
    const char *arn = col_s(m, "Arn");
    json_t *k = col_obj(arn);
    col_add_str(k, "arn", arn, arn);
    col_add_str_v(k, "id", json_object_get(m, "KeyId"), arn);
    col_add_str_v(k, "usage", json_object_get(m, "KeyUsage"), arn);
    col_add_str_v(k, "manager", json_object_get(m, "KeyManager"), arn);
    const char *spec = col_s(m, "KeySpec") ? col_s(m, "KeySpec") : col_s(m, "CustomerMasterKeySpec");
    col_add_str(k, "keyspec", spec, arn);
    col_add_str_v(k, "keystate", json_object_get(m, "KeyState"), arn);
    col_add_str_v(k, "origin", json_object_get(m, "Origin"), arn);
    return k;
}

int col_kms_wants_rotation(json_t *describe)
{
    json_t *m = json_object_get(describe, "KeyMetadata");
    const char *mgr = col_s(m, "KeyManager"), *state = col_s(m, "KeyState");
    const char *spec = col_s(m, "KeySpec") ? col_s(m, "KeySpec") : col_s(m, "CustomerMasterKeySpec");
    return mgr && strcmp(mgr, "CUSTOMER") == 0 && (!spec || strcmp(spec, "SYMMETRIC_DEFAULT") == 0) &&
           (!state || strcmp(state, "PendingDeletion") != 0);
}

void col_kms_map_rotation(json_t *key, json_t *resp)
{
    const char *arn = json_string_value(json_object_get(json_object_get(key, "__defsec_metadata"), "resource"));
    col_add_bool_v(key, "rotationenabled", json_object_get(resp, "KeyRotationEnabled"), arn);
}

json_t *col_kms_map_alias(json_t *alias)
{
    const char *arn = col_s(alias, "AliasArn"), *name = col_s(alias, "AliasName");
    if (!name)
        return NULL;
    json_t *a = col_obj(arn);
    col_add_str(a, "name", name, arn);
    col_add_str(a, "arn", arn, arn);
    /* AWS-managed aliases are listed before their key exists: no TargetKeyId, "" says so */
    const char *target = col_s(alias, "TargetKeyId");
    col_add_str(a, "targetkeyid", target ? target : "", arn);
    return a;
}

static enum osp_code alias_page(void *ud, json_t *body, struct osp_err *err)
{
    json_t *aliases = ud, *a;
    size_t i;
    COL_ITEMS(json_object_get(body, "Aliases"), i, a) col_push(aliases, col_kms_map_alias(a));
    return OSP_OK;
}

static void kms_read(struct col_read *r, struct col_job *job, const char *op, const char *key_id)
{
    json_t *req = json_pack("{s:s}", "KeyId", key_id);
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    col_fmt(r->arg, sizeof r->arg, "%s", txt ? txt : "{}");
    r->call = col_json_call("kms", job->region, op, "1.1", r->arg);
    r->name = op + strlen("TrentService.");
    osp_err_init(&r->err);
    free(txt);
    json_decref(req);
}

struct kms_run {
    json_t *ids;  /* KeyId strings from ListKeys */
    json_t **out; /* one state key per id */
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    struct kms_run *run = ud;
    json_t *k;
    size_t i;
    COL_ITEMS(json_object_get(body, "Keys"), i, k) {
        const char *id = col_s(k, "KeyArn") ? col_s(k, "KeyArn") : col_s(k, "KeyId");
        if (id)
            json_array_append_new(run->ids, json_string(id));
    }
    return OSP_OK;
}

static enum osp_code one_key(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct kms_run *run = ud;
    const char *id = json_string_value(json_array_get(run->ids, i));
    struct col_read r[2];
    memset(r, 0, sizeof r);
    kms_read(&r[0], job, "TrentService.DescribeKey", id);
    enum osp_code rc = col_read_all(job, NULL, r, 1, err); /* without it there is no key to judge */
    json_t *k = rc == OSP_OK ? col_kms_map_key(r[0].body) : NULL;
    if (rc == OSP_OK && col_kms_wants_rotation(r[0].body)) {
        kms_read(&r[1], job, "TrentService.GetKeyRotationStatus", id);
        r[1].fields = "rotationenabled";
        rc = col_read_all(job, k, &r[1], 1, err);
        if (rc == OSP_OK && r[1].answer == COL_ANS_OK)
            col_kms_map_rotation(k, r[1].body);
    }
    col_reads_cleanup(r, 2);
    if (rc == OSP_OK)
        run->out[i] = k;
    else
        json_decref(k);
    return rc;
}

enum osp_code col_kms(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct kms_run run = {json_array(), NULL};
    json_t *keys = col_arr(state, "keys");
    struct aws_call c = col_json_call("kms", job->region, "TrentService.ListKeys", "1.1", "{\"Limit\":1000}");
    enum osp_code rc = col_paginate(job, &c, "Marker", "NextMarker", NULL, list_page, &run, err);
    aws_call_cleanup(&c);
    size_t n = json_array_size(run.ids);
    if (rc == OSP_OK && !(run.out = calloc(n + 1, sizeof *run.out)))
        rc = osp_err_set(err, OSP_ENOMEM, "kms: out of memory for %zu keys", n);
    if (rc == OSP_OK)
        rc = col_each(job, n, one_key, &run, err);
    for (size_t i = 0; run.out && i < n; i++)
        if (run.out[i])
            col_push(keys, run.out[i]);
    free(run.out);
    json_decref(run.ids);
    if (rc == OSP_OK) {
        struct aws_call a = col_json_call("kms", job->region, "TrentService.ListAliases", "1.1", "{\"Limit\":100}");
        rc = col_paginate(job, &a, "Marker", "NextMarker", NULL, alias_page, col_arr(state, "aliases"), err);
        aws_call_cleanup(&a);
    }
    return rc;
}
