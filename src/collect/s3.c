/* s3.c: the S3 collector: list buckets, read each bucket's settings in parallel, account block. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

struct s3_run {
    json_t **buckets; /* one slot per listed bucket */
    const char **names;
    const char **regions; /* ListBuckets' BucketRegion (newer AWS), or NULL: ask GetBucketLocation */
    size_t n;
};

/* GET /<bucket>?<sub>. *body: new reference, or NULL when AWS answered `missing` (not set). */
static enum osp_code s3_get(struct col_job *job, const char *region, const char *path, const char *sub,
                            const char *missing, json_t **body, struct osp_err *err)
{
    struct aws_call c = col_rest_call("s3", region, AWS_PROTO_RESTXML, "GET", path);
    struct aws_response r;
    struct osp_err e;
    osp_err_init(&e);
    c.allow_404 = 1;
    enum osp_code rc = sub ? aws_call_param(&c, sub, "") : OSP_OK;
    if (rc == OSP_OK)
        rc = col_call(job, &c, &r, &e);
    *body = NULL;
    if (missing && (col_err_is(&r, &e, missing) || (sub && strcmp(sub, "policy") == 0 &&
                                                    col_err_is(&r, &e, "NoSuchBucketPolicy"))))
        rc = OSP_OK;
    else if (rc == OSP_OK && r.error.code[0]) {
        rc = osp_err_set(err, OSP_EAWS, "s3 %s?%s: %s: %s", path, sub ? sub : "", r.error.code, r.error.message);
        snprintf(err->aws_code, sizeof err->aws_code, "%s", r.error.code);
        err->http_status = r.http_status;
    } else if (rc != OSP_OK)
        *err = e;
    else
        *body = json_incref(r.body);
    aws_response_cleanup(&r);
    aws_call_cleanup(&c);
    return rc;
}

/* GetBucketPolicy's body is the policy JSON itself, whatever the tree layer made of it. */
static char *policy_text(json_t *body)
{
    if (json_is_string(body))
        return strdup(json_string_value(body));
    json_t *p = json_object_get(body, "Policy");
    if (json_is_string(p))
        return strdup(json_string_value(p));
    if (json_is_object(body))
        return json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS);
    return NULL;
}

static const char *list_region(const struct col_job *job)
{
    return strcmp(job->partition, "aws") == 0 ? "us-east-1" : job->region;
}

typedef void (*s3_map_fn)(json_t *bucket, json_t *resp);

static enum osp_code bucket_details(struct col_job *job, json_t *b, const char *path, const char *region,
                                    struct osp_err *err)
{
    static const struct {
        const char *sub, *missing;
        s3_map_fn map;
    } parts[] = {
        {"acl", NULL, col_s3_map_acl},
        {"encryption", "ServerSideEncryptionConfigurationNotFoundError", col_s3_map_encryption},
        {"logging", NULL, col_s3_map_logging},
        {"versioning", NULL, col_s3_map_versioning},
    };
    json_t *body = NULL;
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; rc == OSP_OK && i < sizeof parts / sizeof parts[0]; i++) {
        rc = s3_get(job, region, path, parts[i].sub, parts[i].missing, &body, err);
        if (rc == OSP_OK)
            parts[i].map(b, body); /* NULL body: "not set" */
        json_decref(body);
    }
    const char *arn = json_string_value(json_object_get(json_object_get(b, "__defsec_metadata"), "resource"));
    if (rc == OSP_OK && (rc = s3_get(job, region, path, "publicAccessBlock", "NoSuchPublicAccessBlockConfiguration",
                                     &body, err)) == OSP_OK) {
        col_s3_map_pab(b, "publicaccessblock", body, arn);
        json_decref(body);
    }
    if (rc == OSP_OK && (rc = s3_get(job, region, path, "policy", "NoSuchBucketPolicy", &body, err)) == OSP_OK) {
        char *txt = policy_text(body);
        col_s3_map_policy(b, txt);
        free(txt);
        json_decref(body);
    }
    return rc;
}

static enum osp_code one_bucket(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct s3_run *run = ud;
    char path[300];
    json_t *body = NULL, *b = col_s3_bucket_new(run->names[i], job->partition);
    col_fmt(path, sizeof path, "/%s", run->names[i]);
    enum osp_code rc = OSP_OK;
    if (run->regions[i])
        body = json_pack("{s:s}", "LocationConstraint", run->regions[i]);
    else
        rc = s3_get(job, list_region(job), path, "location", NULL, &body, err);
    if (rc == OSP_OK) {
        col_s3_map_location(b, body);
        const char *region = json_string_value(json_object_get(json_object_get(b, "bucketlocation"), "value"));
        rc = bucket_details(job, b, path, region ? region : list_region(job), err);
    }
    json_decref(body);
    if (rc == OSP_OK)
        run->buckets[i] = b;
    else
        json_decref(b);
    return rc;
}

static enum osp_code account_block(struct col_job *job, json_t *state, struct osp_err *err)
{
    char hdr[64], arn[160];
    const char *headers[] = {hdr, NULL};
    json_t *body = NULL;
    struct aws_call c = col_rest_call("s3", list_region(job), AWS_PROTO_RESTXML, "GET",
                                      "/v20180820/configuration/publicAccessBlock");
    struct aws_response r;
    struct osp_err e;
    osp_err_init(&e);
    col_fmt(hdr, sizeof hdr, "x-amz-account-id: %s", job->account);
    col_fmt(arn, sizeof arn, "arn:%s:s3:::account-public-access-block/%s", job->partition, job->account);
    c.headers = headers;
    c.allow_404 = 1;
    enum osp_code rc = col_call(job, &c, &r, &e);
    if (col_err_is(&r, &e, "NoSuchPublicAccessBlockConfiguration"))
        rc = OSP_OK;
    else if (rc == OSP_OK && r.error.code[0]) {
        rc = osp_err_set(err, OSP_EAWS, "s3control GetPublicAccessBlock: %s: %s", r.error.code, r.error.message);
        snprintf(err->aws_code, sizeof err->aws_code, "%s", r.error.code);
    } else if (rc)
        *err = e;
    else
        body = r.body;
    if (rc == OSP_OK)
        col_s3_map_pab(state, "accountpublicaccessblock", body, arn);
    aws_response_cleanup(&r);
    return rc;
}

static enum osp_code bucket_page(void *ud, json_t *body, struct osp_err *err)
{
    json_t *b;
    size_t i;
    COL_ITEMS(aws_get(body, "ListAllMyBucketsResult.Buckets.Bucket"), i, b) json_array_append(ud, b);
    return OSP_OK;
}

/* Every bucket (ListBuckets pages with continuation-token where AWS paginates it). */
static enum osp_code list_buckets(struct col_job *job, json_t **out, struct osp_err *err)
{
    struct aws_call c = col_rest_call("s3", list_region(job), AWS_PROTO_RESTXML, "GET", "/");
    *out = json_array();
    enum osp_code rc = aws_call_param(&c, "max-buckets", "1000");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "continuation-token", "ListAllMyBucketsResult.ContinuationToken", NULL, bucket_page,
                          *out, err);
    aws_call_cleanup(&c);
    return rc;
}

enum osp_code col_s3(struct col_job *job, json_t *state, struct osp_err *err)
{
    json_t *list = NULL, *b;
    struct s3_run run = {0};
    size_t i;
    json_t *buckets = col_arr(state, "buckets");
    enum osp_code rc = list_buckets(job, &list, err);
    if (rc) {
        json_decref(list);
        return rc;
    }
    json_t *items = list;
    run.n = aws_items_len(col_list(items));
    run.buckets = calloc(run.n + 1, sizeof *run.buckets);
    run.names = calloc(run.n + 1, sizeof *run.names);
    run.regions = calloc(run.n + 1, sizeof *run.regions);
    if (!run.buckets || !run.names || !run.regions)
        rc = osp_err_set(err, OSP_ENOMEM, "s3: out of memory for %zu buckets", run.n);
    for (i = 0; rc == OSP_OK && i < run.n; i++) {
        b = aws_items_at(col_list(items), i);
        run.names[i] = col_s(b, "Name") ? col_s(b, "Name") : "";
        run.regions[i] = col_s(b, "BucketRegion");
    }
    if (rc == OSP_OK)
        rc = col_each(job, run.n, one_bucket, &run, err);
    for (i = 0; i < run.n && run.buckets; i++)
        if (run.buckets[i])
            col_push(buckets, run.buckets[i]);
    free(run.buckets);
    free(run.names);
    free(run.regions);
    json_decref(list);
    if (rc == OSP_OK)
        rc = account_block(job, state, err);
    return rc;
}
