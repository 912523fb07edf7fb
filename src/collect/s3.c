/* s3.c: the S3 collector: list buckets, the account's public access block, then each bucket's
 * settings in parallel (its own public access block only when the account's does not set all
 * four: the stricter of the two applies, so the bucket's could change nothing). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"
#include "core/log.h"

struct s3_run {
    json_t **buckets; /* one slot per listed bucket */
    const char **names;
    const char **regions; /* ListBuckets' BucketRegion, or from the per-region lists; NULL: ask GetBucketLocation */
    json_t *by_region;    /* name -> region, from ListBuckets?bucket-region=R */
    size_t n;
    int account_blocks_all; /* the account's public access block sets all four: no bucket's matters */
};

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

static void map_pab(json_t *b, json_t *body)
{
    col_s3_map_pab(b, "publicaccessblock", body,
                   json_string_value(json_object_get(json_object_get(b, "__defsec_metadata"), "resource")));
}

static void map_policy(json_t *b, json_t *body)
{
    char *txt = policy_text(body);
    col_s3_map_policy(b, txt);
    free(txt);
}

/* A bucket's reads, all independent: in flight together, mapped in this order. */
static const struct {
    const char *sub, *name, *absent, *fields;
    s3_map_fn map;
} bucket_reads[] = {
    {"acl", "GetBucketAcl", NULL, "acl,grants", col_s3_map_acl},
    {"encryption", "GetBucketEncryption", "ServerSideEncryptionConfigurationNotFoundError", "encryption",
     col_s3_map_encryption},
    {"logging", "GetBucketLogging", NULL, "logging", col_s3_map_logging},
    {"versioning", "GetBucketVersioning", NULL, "versioning", col_s3_map_versioning},
    {"publicAccessBlock", "GetPublicAccessBlock", "NoSuchPublicAccessBlockConfiguration", "publicaccessblock", map_pab},
    {"policy", "GetBucketPolicy", "NoSuchBucketPolicy", "bucketpolicies", map_policy},
};
#define S3_NREADS (sizeof bucket_reads / sizeof bucket_reads[0])

static void s3_read(struct col_read *r, const char *region, const char *bucket, const char *sub, const char *name,
                    const char *absent, const char *fields)
{
    r->fields = fields;
    col_fmt(r->arg, sizeof r->arg, "/%s", bucket);
    r->call = col_rest_call("s3", region, AWS_PROTO_RESTXML, "GET", r->arg);
    r->name = name;
    r->absent = absent;
    osp_err_init(&r->err);
    (void)col_read_param(r, sub, "");
}

static enum osp_code one_bucket(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct s3_run *run = ud;
    const char *name = run->names[i];
    json_t *b = col_s3_bucket_new(name, job->partition);
    struct col_read r[S3_NREADS];
    enum osp_code rc = OSP_OK;
    memset(r, 0, sizeof r);
    if (run->regions[i]) {
        json_t *loc = json_pack("{s:s}", "LocationConstraint", run->regions[i]);
        col_s3_map_location(b, loc);
        json_decref(loc);
    } else {
        s3_read(&r[0], list_region(job), name, "location", "GetBucketLocation", NULL, "bucketlocation");
        rc = col_read_all(job, b, r, 1, err);
        if (rc == OSP_OK && r[0].answer == COL_ANS_OK)
            col_s3_map_location(b, r[0].body);
        col_reads_cleanup(r, 1);
        memset(r, 0, sizeof r);
    }
    const char *region = json_string_value(json_object_get(json_object_get(b, "bucketlocation"), "value"));
    size_t idx[S3_NREADS], n = 0; /* the reads sent: bucket_reads[idx[m]] is r[m] */
    for (size_t k = 0; k < S3_NREADS; k++) {
        if (bucket_reads[k].map == map_pab && run->account_blocks_all)
            continue; /* the account's block overrides whatever the bucket's says */
        s3_read(&r[n], region ? region : list_region(job), name, bucket_reads[k].sub, bucket_reads[k].name,
                bucket_reads[k].absent, bucket_reads[k].fields);
        idx[n++] = k;
    }
    if (rc == OSP_OK)
        rc = col_read_all(job, b, r, n, err);
    for (size_t m = 0; rc == OSP_OK && m < n; m++)
        if (r[m].answer == COL_ANS_OK || r[m].answer == COL_ANS_ABSENT)
            bucket_reads[idx[m]].map(b, r[m].body); /* NULL body: "not set" */
    col_reads_cleanup(r, n);
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
    col_fmt(hdr, sizeof hdr, "x-amz-account-id: %s", job->account);
    col_fmt(arn, sizeof arn, "arn:%s:s3:::account-public-access-block/%s", job->partition, job->account);
    c.headers = headers;
    c.action = "GetPublicAccessBlock (account)";
    enum osp_code rc = col_get(job, &c, "NoSuchPublicAccessBlockConfiguration", &body, err);
    if (rc == OSP_OK)
        col_s3_map_pab(state, "accountpublicaccessblock", body, arn);
    json_decref(body);
    return rc;
}

/* All four settings of a mapped public access block are true. */
static int blocks_all(json_t *pab)
{
    static const char *const keys[] = {"blockpublicacls", "blockpublicpolicy", "ignorepublicacls",
                                       "restrictpublicbuckets"};
    int all = json_is_object(pab);
    for (size_t k = 0; all && k < sizeof keys / sizeof keys[0]; k++)
        all = json_is_true(json_object_get(json_object_get(pab, keys[k]), "value"));
    return all;
}

static enum osp_code bucket_page(void *ud, json_t *body, struct osp_err *err)
{
    json_t *b;
    size_t i;
    COL_ITEMS(aws_get(body, "ListAllMyBucketsResult.Buckets.Bucket"), i, b) json_array_append(ud, b);
    return OSP_OK;
}

/* Every bucket (ListBuckets pages with continuation-token where AWS paginates it). Pages of
 * 10000, AWS's maximum: some emulators (moto) cut the list at max-buckets without a token. */
static enum osp_code list_buckets(struct col_job *job, json_t **out, struct osp_err *err)
{
    struct aws_call c = col_rest_call("s3", list_region(job), AWS_PROTO_RESTXML, "GET", "/");
    *out = json_array();
    enum osp_code rc = aws_call_param(&c, "max-buckets", "10000");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "continuation-token", "ListAllMyBucketsResult.ContinuationToken", NULL, bucket_page,
                          *out, err);
    aws_call_cleanup(&c);
    return rc;
}

struct region_list {
    const char *const *regions;
    json_t **found; /* per region: array of names, NULL when the region did not answer */
};

static enum osp_code region_page(void *ud, json_t *body, struct osp_err *err)
{
    json_t *b;
    size_t i;
    COL_ITEMS(aws_get(body, "ListAllMyBucketsResult.Buckets.Bucket"), i, b) {
        if (col_s(b, "Name"))
            json_array_append_new(ud, json_string(col_s(b, "Name")));
    }
    return OSP_OK;
}

static enum osp_code one_region_list(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct region_list *rl = ud;
    struct aws_call c = col_rest_call("s3", list_region(job), AWS_PROTO_RESTXML, "GET", "/");
    struct osp_err e;
    osp_err_init(&e);
    rl->found[i] = json_array();
    enum osp_code rc = aws_call_param(&c, "max-buckets", "10000");
    if (rc == OSP_OK)
        rc = aws_call_param(&c, "bucket-region", rl->regions[i]);
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "continuation-token", "ListAllMyBucketsResult.ContinuationToken", NULL,
                          region_page, rl->found[i], &e);
    aws_call_cleanup(&c);
    if (rc != OSP_OK) { /* a region that cannot answer: its buckets fall back to GetBucketLocation */
        osp_debug(job->ctx, "s3: ListBuckets bucket-region=%s: %s", rl->regions[i], e.msg);
        json_decref(rl->found[i]);
        rl->found[i] = NULL;
    }
    (void)err;
    return OSP_OK;
}

/* Buckets without BucketRegion (older endpoints, emulators): one ListBuckets per region of the
 * partition (its bucket-region filter) instead of one GetBucketLocation per bucket, when that is
 * fewer calls. A bucket no region list names is left to GetBucketLocation. */
static enum osp_code regions_by_list(struct col_job *job, struct s3_run *run, struct osp_err *err)
{
    size_t missing = 0, nreg = 0;
    for (size_t i = 0; i < run->n; i++)
        missing += run->regions[i] == NULL;
    const char *const *regs = aws_partition_regions(job->partition, &nreg);
    if (!regs || missing <= nreg)
        return OSP_OK;
    struct region_list rl = {regs, calloc(nreg, sizeof(json_t *))};
    if (!rl.found)
        return osp_err_set(err, OSP_ENOMEM, "s3: out of memory");
    enum osp_code rc = col_each(job, nreg, one_region_list, &rl, err);
    run->by_region = json_object();
    for (size_t k = 0; k < nreg; k++) {
        json_t *nm;
        size_t j;
        json_array_foreach(rl.found[k], j, nm) {
            /* named by two regions: the endpoint ignores the filter; trust GetBucketLocation instead */
            const char *name = json_string_value(nm);
            json_object_set_new(run->by_region, name, json_object_get(run->by_region, name) ? json_null()
                                                                                           : json_string(regs[k]));
        }
        json_decref(rl.found[k]);
    }
    free(rl.found);
    for (size_t i = 0; i < run->n; i++)
        if (!run->regions[i])
            run->regions[i] = json_string_value(json_object_get(run->by_region, run->names[i]));
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
        rc = regions_by_list(job, &run, err);
    if (rc == OSP_OK && run.n)
        rc = account_block(job, state, err);
    if (rc == OSP_OK && run.n)
        run.account_blocks_all = blocks_all(json_object_get(state, "accountpublicaccessblock"));
    if (rc == OSP_OK)
        rc = col_each(job, run.n, one_bucket, &run, err);
    for (i = 0; i < run.n && run.buckets; i++)
        if (run.buckets[i])
            col_push(buckets, run.buckets[i]);
    free(run.buckets);
    free(run.names);
    free(run.regions);
    json_decref(run.by_region);
    json_decref(list);
    if (rc == OSP_OK && !run.n)
        rc = account_block(job, state, err);
    return rc;
}
