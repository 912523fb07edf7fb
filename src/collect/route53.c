/* route53.c: the Route 53 collector (global: once per account). Hosted zones (ListHostedZones,
 * paged), the DNSSEC signing status of each public zone (GetDNSSEC: private zones cannot be
 * signed), and the account's DNS query logging configurations (ListQueryLoggingConfigs, paged,
 * once) joined to their zones. */
#include <string.h>

#include "collect/col_int.h"

#define R53_API "/2013-04-01"

/* "/hostedzone/Z123" or "Z123" -> "Z123" */
static const char *zone_id(const char *id)
{
    const char *s = id ? strrchr(id, '/') : NULL;
    return s ? s + 1 : id;
}

json_t *col_route53_map_zone(json_t *z, const char *partition)
{
    const char *id = zone_id(col_s(z, "Id"));
    char arn[256];
    if (!id || !*id)
        return NULL;
    col_fmt(arn, sizeof arn, "arn:%s:route53:::hostedzone/%s", partition ? partition : "aws", id);
    json_t *o = col_obj(arn), *ql = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str(o, "id", id, arn);
    col_add_str_v(o, "name", json_object_get(z, "Name"), arn);
    col_add_bool(o, "private", col_truthy(aws_get(z, "Config.PrivateZone")), arn);
    col_add_int_v(o, "resourcerecordsetcount", json_object_get(z, "ResourceRecordSetCount"), arn);
    col_add_str_v(o, "linkedservice", aws_get(z, "LinkedService.ServicePrincipal"), arn);
    col_add_bool(ql, "enabled", 0, arn); /* col_route53_map_query_logging sets it */
    col_set(o, "querylogging", ql);
    return o;
}

void col_route53_map_dnssec(json_t *zone, json_t *resp)
{
    const char *arn = json_string_value(json_object_get(json_object_get(zone, "__defsec_metadata"), "resource"));
    json_t *d = col_obj(arn), *k;
    size_t i;
    if (json_is_object(json_object_get(resp, "GetDNSSECResponse"))) /* the XML root, as parsed */
        resp = json_object_get(resp, "GetDNSSECResponse");
    col_add_str_v(d, "servesignature", aws_get(resp, "Status.ServeSignature"), arn);
    col_add_str_v(d, "statusmessage", aws_get(resp, "Status.StatusMessage"), arn);
    json_t *ksks = col_arr(d, "keysigningkeys");
    json_t *list = json_object_get(resp, "KeySigningKeys"); /* <member> items: the XML layer lists them */
    if (json_is_object(list) && json_object_get(list, "member"))
        list = json_object_get(list, "member");
    COL_ITEMS(list, i, k) {
        json_t *o = col_obj(arn);
        col_add_str_v(o, "name", json_object_get(k, "Name"), arn);
        col_add_str_v(o, "status", json_object_get(k, "Status"), arn);
        col_add_str_v(o, "statusmessage", json_object_get(k, "StatusMessage"), arn);
        col_add_str_v(o, "kmsarn", json_object_get(k, "KmsArn"), arn);
        col_push(ksks, o);
    }
    col_set(zone, "dnssec", d);
}

void col_route53_map_query_logging(json_t *zones, json_t *configs)
{
    json_t *z, *c;
    size_t i, j;
    COL_ITEMS(zones, i, z) {
        const char *id = col_s(z, "id.value");
        const char *arn = col_s(z, "arn.value");
        json_t *ql = json_object_get(z, "querylogging");
        COL_ITEMS(configs, j, c) {
            const char *zid = zone_id(col_s(c, "HostedZoneId"));
            if (!id || !zid || strcmp(id, zid) || !json_is_object(ql))
                continue;
            col_add_bool(ql, "enabled", 1, arn);
            col_add_str_v(ql, "loggrouparn", json_object_get(c, "CloudWatchLogsLogGroupArn"), arn);
            col_add_str_v(ql, "id", json_object_get(c, "Id"), arn);
        }
    }
}

static enum osp_code gather(void *ud, json_t *body, struct osp_err *err)
{
    json_t **acc = ud, *x;
    size_t i;
    COL_ITEMS(aws_get(body, json_string_value(acc[1])), i, x) json_array_append(acc[0], x);
    return OSP_OK;
}

struct r53_run {
    json_t *zones; /* raw HostedZone items */
};

static enum osp_code one_zone(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct r53_run *run = ud;
    json_t *z = json_array_get(run->zones, i);
    json_t *o = col_route53_map_zone(z, job->partition);
    if (!o)
        return OSP_ENOTFOUND;
    if (col_truthy(aws_get(z, "Config.PrivateZone"))) { /* DNSSEC signs public zones only */
        *slot = o;
        return OSP_OK;
    }
    struct col_read r;
    memset(&r, 0, sizeof r);
    col_fmt(r.arg, sizeof r.arg, R53_API "/hostedzone/%s/dnssec", col_s(o, "id.value"));
    r.call = col_rest_call("route53", job->region, AWS_PROTO_RESTXML, "GET", r.arg);
    r.name = r.call.action = "GetDNSSEC";
    r.fields = "dnssec";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, o, &r, 1, err);
    if (rc == OSP_OK && r.answer == COL_ANS_OK)
        col_route53_map_dnssec(o, r.body);
    col_reads_cleanup(&r, 1);
    if (rc == OSP_OK)
        *slot = o;
    else
        json_decref(o);
    return rc;
}

enum osp_code col_route53(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct r53_run run = {json_array()};
    json_t *zones = col_arr(state, "hostedzones"), *configs = json_array();
    json_t *acc[2] = {run.zones, json_string("ListHostedZonesResponse.HostedZones.HostedZone")};
    struct aws_call c = col_rest_call("route53", job->region, AWS_PROTO_RESTXML, "GET", R53_API "/hostedzone");
    c.action = "ListHostedZones";
    enum osp_code rc = aws_call_param(&c, "maxitems", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "marker", "ListHostedZonesResponse.NextMarker",
                          "ListHostedZonesResponse.IsTruncated", gather, acc, err);
    aws_call_cleanup(&c);
    json_decref(acc[1]);
    size_t n = json_array_size(run.zones);
    if (rc == OSP_OK)
        rc = col_each_push(job, n, one_zone, &run, zones, err);
    if (rc == OSP_OK && n > 0) {
        json_t *qacc[2] = {configs, json_string("ListQueryLoggingConfigsResponse.QueryLoggingConfigs.QueryLoggingConfig")};
        struct aws_call q =
            col_rest_call("route53", job->region, AWS_PROTO_RESTXML, "GET", R53_API "/queryloggingconfig");
        q.action = "ListQueryLoggingConfigs";
        rc = aws_call_param(&q, "maxresults", "100");
        if (rc == OSP_OK)
            rc = col_paginate(job, &q, "nexttoken", "ListQueryLoggingConfigsResponse.NextToken", NULL, gather, qacc, err);
        aws_call_cleanup(&q);
        json_decref(qacc[1]);
    }
    if (rc == OSP_OK)
        col_route53_map_query_logging(zones, configs);
    json_decref(run.zones);
    json_decref(configs);
    return rc;
}
