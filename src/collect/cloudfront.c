/* cloudfront.c: the CloudFront collector (global: once per account). Distributions with their
 * full configuration (GetDistributionConfig: the list's summary lacks Logging), and CloudWatch
 * Logs v2 access-log deliveries matched to them (DescribeDeliverySources + DescribeDeliveries,
 * once, in the signing region us-east-1). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define CF_API "/2020-05-31/distribution"

static json_t *behaviour(json_t *b, const char *arn)
{
    json_t *o = col_obj(arn);
    col_add_str_v(o, "pathpattern", json_object_get(b, "PathPattern"), arn);
    col_add_str_v(o, "viewerprotocolpolicy", json_object_get(b, "ViewerProtocolPolicy"), arn);
    return o;
}

/* A distribution ARN has an empty region field (arn:aws:cloudfront::ACCT:distribution/ID); moto
 * leaves the field out, which would read the account as a region. */
static const char *distribution_arn(const char *arn, char *buf, size_t n)
{
    const char *p = arn;
    int colons = 0;
    for (; p && *p; p++)
        colons += *p == ':';
    const char *acct = arn ? strstr(arn, ":cloudfront:") : NULL;
    if (!acct || colons != 4)
        return arn;
    acct += strlen(":cloudfront:");
    return col_fmt(buf, n, "%.*s:cloudfront::%s", (int)(strstr(arn, ":cloudfront:") - arn), arn, acct);
}

/* summary: a ListDistributions DistributionSummary (Id, ARN); resp: GetDistributionConfig. */
json_t *col_cloudfront_map_distribution(json_t *summary, json_t *resp)
{
    char buf[320];
    const char *arn = distribution_arn(col_s(summary, "ARN"), buf, sizeof buf);
    json_t *cfg = json_object_get(resp, "DistributionConfig"), *x;
    size_t i;
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn), *log = col_obj(arn), *vc = col_obj(arn), *v2 = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "id", json_object_get(summary, "Id"), arn);
    col_add_str_v(o, "domainname", json_object_get(summary, "DomainName"), arn);
    col_add_bool(o, "enabled", col_truthy(json_object_get(cfg, "Enabled")), arn);
    col_add_str(o, "wafid", col_blank(json_object_get(cfg, "WebACLId")) ? "" : col_s(cfg, "WebACLId"), arn);
    /* legacy (v1) access logs: a bucket only when enabled */
    const char *bucket = col_truthy(aws_get(cfg, "Logging.Enabled")) ? col_s(cfg, "Logging.Bucket") : NULL;
    col_add_str(log, "bucket", bucket ? bucket : "", arn);
    col_add_bool(v2, "enabled", 0, arn); /* col_cloudfront_map_deliveries sets it */
    col_set(log, "v2", v2);
    col_set(o, "logging", log);
    col_set(o, "defaultcachebehaviour", behaviour(json_object_get(cfg, "DefaultCacheBehavior"), arn));
    json_t *ord = col_arr(o, "orderercachebehaviours"); /* Trivy's spelling */
    COL_ITEMS(aws_get(cfg, "CacheBehaviors.Items.CacheBehavior"), i, x) col_push(ord, behaviour(x, arn));
    /* the default *.cloudfront.net certificate: no ACM or IAM certificate named (moto also sets
     * CloudFrontDefaultCertificate beside an ACM one) */
    json_t *v = json_object_get(cfg, "ViewerCertificate");
    int custom = !col_blank(json_object_get(v, "ACMCertificateArn")) || !col_blank(json_object_get(v, "IAMCertificateId"));
    col_add_bool(vc, "cloudfrontdefaultcertificate", !custom && col_truthy(json_object_get(v, "CloudFrontDefaultCertificate")),
                 arn);
    col_add_str_v(vc, "minimumprotocolversion", json_object_get(v, "MinimumProtocolVersion"), arn);
    col_add_str_v(vc, "sslsupportmethod", json_object_get(v, "SSLSupportMethod"), arn);
    col_set(o, "viewercertificate", vc);
    return o;
}

/* Does a delivery source's resource ARN name distribution `id`? Compared on ":distribution/<id>"
 * (moto writes distribution ARNs without the empty region field). */
static int names_distribution(json_t *a, const char *id)
{
    const char *s = json_string_value(a), *p = s ? strstr(s, ":distribution/") : NULL;
    return p && id && !strcmp(p + strlen(":distribution/"), id) && !strncmp(s, "arn:", 4) && strstr(s, ":cloudfront:");
}

static int has_delivery(json_t *deliveries, const char *source)
{
    json_t *dl;
    size_t i;
    COL_ITEMS(deliveries, i, dl) if (source && col_s(dl, "deliverySourceName") &&
                                     !strcmp(col_s(dl, "deliverySourceName"), source)) return 1;
    return 0;
}

/* v2 logging: a distribution is logged when a delivery source naming it has a delivery. */
void col_cloudfront_map_deliveries(json_t *dists, json_t *sources, json_t *deliveries)
{
    json_t *d, *s, *a;
    size_t i, j, k;
    COL_ITEMS(dists, i, d) {
        const char *arn = json_string_value(json_object_get(json_object_get(d, "__defsec_metadata"), "resource"));
        const char *id = col_s(d, "id.value");
        int on = 0;
        COL_ITEMS(sources, j, s) {
            if (!has_delivery(deliveries, col_s(s, "name")))
                continue;
            COL_ITEMS(json_object_get(s, "resourceArns"), k, a) on |= names_distribution(a, id);
        }
        json_t *v2 = json_object_get(json_object_get(d, "logging"), "v2");
        if (json_is_object(v2) && on)
            col_add_bool(v2, "enabled", 1, arn);
    }
}

struct cf_run {
    json_t *summaries;
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    struct cf_run *run = ud;
    json_t *d;
    size_t i;
    COL_ITEMS(aws_get(body, "DistributionList.Items.DistributionSummary"), i, d) json_array_append(run->summaries, d);
    return OSP_OK;
}

static enum osp_code one_distribution(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct cf_run *run = ud;
    json_t *sum = json_array_get(run->summaries, i);
    const char *id = col_s(sum, "Id");
    if (!id || !col_s(sum, "ARN"))
        return OSP_ENOTFOUND;
    struct col_read r;
    memset(&r, 0, sizeof r);
    col_fmt(r.arg, sizeof r.arg, CF_API "/%s/config", id);
    r.call = col_rest_call("cloudfront", job->region, AWS_PROTO_RESTXML, "GET", r.arg);
    r.name = "GetDistributionConfig";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err); /* without it there is nothing to judge */
    if (rc == OSP_OK)
        *slot = col_cloudfront_map_distribution(sum, r.body);
    col_reads_cleanup(&r, 1);
    return rc;
}

static enum osp_code gather(void *ud, json_t *body, struct osp_err *err)
{
    json_t **acc = ud, *x;
    size_t i;
    COL_ITEMS(json_object_get(body, json_string_value(acc[1])), i, x) json_array_append(acc[0], x);
    return OSP_OK;
}

static enum osp_code logs_all(struct col_job *job, const char *op, const char *list, json_t *out, struct osp_err *err)
{
    json_t *acc[2] = {out, json_string(list)};
    struct aws_call c = col_json_call("logs", job->region, op, "1.1", "{}");
    enum osp_code rc = col_paginate(job, &c, "nextToken", "nextToken", NULL, gather, acc, err);
    aws_call_cleanup(&c);
    json_decref(acc[1]);
    return rc;
}

enum osp_code col_cloudfront(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct cf_run run = {json_array()};
    json_t *dists = col_arr(state, "distributions"), *sources = json_array(), *deliveries = json_array();
    struct aws_call c = col_rest_call("cloudfront", job->region, AWS_PROTO_RESTXML, "GET", CF_API);
    enum osp_code rc = aws_call_param(&c, "MaxItems", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "Marker", "DistributionList.NextMarker", "DistributionList.IsTruncated", list_page,
                          &run, err);
    aws_call_cleanup(&c);
    size_t n = json_array_size(run.summaries);
    if (rc == OSP_OK)
        rc = col_each_push(job, n, one_distribution, &run, dists, err);
    if (rc == OSP_OK && n > 0)
        rc = logs_all(job, "Logs_20140328.DescribeDeliverySources", "deliverySources", sources, err);
    if (rc == OSP_OK && n > 0)
        rc = logs_all(job, "Logs_20140328.DescribeDeliveries", "deliveries", deliveries, err);
    if (rc == OSP_OK)
        col_cloudfront_map_deliveries(dists, sources, deliveries);
    json_decref(run.summaries);
    json_decref(sources);
    json_decref(deliveries);
    return rc;
}
