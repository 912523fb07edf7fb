/* elb.c: the load balancer collector: ELBv2 (application, network, gateway) and classic load
 * balancers, in one list as Trivy models them (`type` "classic" for the latter), with their
 * listeners and the attributes the checks read. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define ELB_SVC "elasticloadbalancing"
#define V2 "2015-12-01"
#define CLASSIC "2012-06-01"

static const char *arn_of(json_t *o)
{
    return json_string_value(json_object_get(json_object_get(o, "__defsec_metadata"), "resource"));
}

/* ---- ELBv2 ---- */

json_t *col_elb_map_v2(json_t *lb)
{
    const char *arn = col_s(lb, "LoadBalancerArn"), *scheme = col_s(lb, "Scheme");
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(lb, "LoadBalancerName"), arn);
    col_add_str_v(o, "type", json_object_get(lb, "Type"), arn);
    col_add_str(o, "scheme", scheme, arn);
    if (scheme)
        col_add_bool(o, "internal", strcmp(scheme, "internal") == 0, arn);
    col_add_str_v(o, "dnsname", json_object_get(lb, "DNSName"), arn);
    col_arr(o, "listeners");
    return o;
}

static json_t *kv(json_t *list, const char *key)
{
    json_t *e;
    size_t i;
    COL_ITEMS(list, i, e) {
        const char *k = col_s(e, "Key");
        if (k && strcmp(k, key) == 0)
            return json_object_get(e, "Value");
    }
    return NULL;
}

/* DescribeLoadBalancerAttributesResult */
void col_elb_map_v2_attributes(json_t *o, json_t *result)
{
    const char *arn = arn_of(o);
    json_t *attrs = json_object_get(result, "Attributes");
    col_add_bool_v(o, "dropinvalidheaderfields", kv(attrs, "routing.http.drop_invalid_header_fields.enabled"), arn);
    col_add_bool_v(o, "deletionprotection", kv(attrs, "deletion_protection.enabled"), arn);
    col_add_bool_v(o, "accesslogs", kv(attrs, "access_logs.s3.enabled"), arn);
    col_add_str_v(o, "desyncmitigationmode", kv(attrs, "routing.http.desync_mitigation_mode"), arn);
}

/* DescribeListenersResult */
void col_elb_map_v2_listeners(json_t *o, json_t *result)
{
    const char *arn = arn_of(o);
    json_t *out = col_arr(o, "listeners"), *l, *a;
    size_t i, k;
    COL_ITEMS(json_object_get(result, "Listeners"), i, l) {
        json_t *lo = col_obj(arn), *acts;
        col_add_str_v(lo, "arn", json_object_get(l, "ListenerArn"), arn);
        col_add_str_v(lo, "protocol", json_object_get(l, "Protocol"), arn);
        col_add_int_v(lo, "port", json_object_get(l, "Port"), arn);
        const char *proto = col_s(l, "Protocol");
        if (proto && (strcmp(proto, "HTTPS") == 0 || strcmp(proto, "TLS") == 0)) /* moto names one for HTTP too */
            col_add_str_v(lo, "tlspolicy", json_object_get(l, "SslPolicy"), arn);
        acts = col_arr(lo, "defaultactions");
        COL_ITEMS(json_object_get(l, "DefaultActions"), k, a) {
            json_t *ao = col_obj(arn);
            col_add_str_v(ao, "type", json_object_get(a, "Type"), arn);
            col_add_str_v(ao, "redirectprotocol", json_object_get(json_object_get(a, "RedirectConfig"), "Protocol"), arn);
            col_push(acts, ao);
        }
        col_push(out, lo);
    }
}

/* ---- classic ---- */

json_t *col_elb_map_classic(json_t *d, const char *partition, const char *region, const char *account)
{
    char arn[384];
    const char *name = col_s(d, "LoadBalancerName"), *scheme = col_s(d, "Scheme");
    col_fmt(arn, sizeof arn, "arn:%s:elasticloadbalancing:%s:%s:loadbalancer/%s", partition ? partition : "aws",
            region ? region : "", account ? account : "", name ? name : "");
    json_t *o = col_obj(arn), *out, *ld;
    size_t i;
    col_add_str(o, "arn", arn, arn);
    col_add_str(o, "name", name, arn);
    col_add_str(o, "type", "classic", arn);
    col_add_str(o, "scheme", scheme, arn);
    if (scheme)
        col_add_bool(o, "internal", strcmp(scheme, "internal") == 0, arn);
    col_add_str_v(o, "dnsname", json_object_get(d, "DNSName"), arn);
    out = col_arr(o, "listeners");
    COL_ITEMS(json_object_get(d, "ListenerDescriptions"), i, ld) {
        json_t *l = json_object_get(ld, "Listener"), *lo = col_obj(arn);
        col_add_str_v(lo, "protocol", json_object_get(l, "Protocol"), arn);
        col_add_int_v(lo, "port", json_object_get(l, "LoadBalancerPort"), arn);
        col_add_str_v(lo, "instanceprotocol", json_object_get(l, "InstanceProtocol"), arn);
        col_arr(lo, "defaultactions"); /* classic listeners forward; they cannot redirect */
        col_push(out, lo);
    }
    return o;
}

/* Does a classic load balancer terminate TLS (HTTPS or SSL listener)? Then its negotiation policy matters. */
int col_elb_classic_has_tls(json_t *d)
{
    json_t *ld;
    size_t i;
    COL_ITEMS(json_object_get(d, "ListenerDescriptions"), i, ld) {
        const char *p = col_s(ld, "Listener.Protocol");
        if (p && (strcmp(p, "HTTPS") == 0 || strcmp(p, "SSL") == 0 || strcmp(p, "https") == 0 || strcmp(p, "ssl") == 0))
            return 1;
    }
    return 0;
}

/* DescribeLoadBalancerAttributesResult (classic) */
void col_elb_map_classic_attributes(json_t *o, json_t *result)
{
    const char *arn = arn_of(o);
    json_t *a = json_object_get(result, "LoadBalancerAttributes");
    col_add_bool_v(o, "crosszoneloadbalancing", json_object_get(json_object_get(a, "CrossZoneLoadBalancing"), "Enabled"),
                   arn);
    col_add_bool_v(o, "accesslogs", json_object_get(json_object_get(a, "AccessLog"), "Enabled"), arn);
    col_add_bool_v(o, "connectiondraining", json_object_get(json_object_get(a, "ConnectionDraining"), "Enabled"), arn);
    col_add_str_v(o, "desyncmitigationmode", kv(json_object_get(a, "AdditionalAttributes"), "elb.http.desyncmitigationmode"),
                  arn);
}

/* The SSL negotiation policy's predefined security policy (Reference-Security-Policy), else its name. */
static const char *tls_policy(json_t *policies, json_t *names)
{
    json_t *p, *n, *at;
    size_t i, k, j;
    COL_ITEMS(names, k, n) {
        if (!json_is_string(n))
            continue;
        COL_ITEMS(policies, i, p) {
            const char *pn = col_s(p, "PolicyName"), *type = col_s(p, "PolicyTypeName");
            if (!pn || strcmp(pn, json_string_value(n)) != 0 || (type && strcmp(type, "SSLNegotiationPolicyType") != 0))
                continue;
            COL_ITEMS(json_object_get(p, "PolicyAttributeDescriptions"), j, at) {
                const char *an = col_s(at, "AttributeName");
                if (an && strcmp(an, "Reference-Security-Policy") == 0 && col_s(at, "AttributeValue"))
                    return col_s(at, "AttributeValue");
            }
            if (type)
                return pn;
        }
    }
    return NULL;
}

/* d: the DescribeLoadBalancers (classic) item; result: DescribeLoadBalancerPoliciesResult. */
void col_elb_map_classic_policies(json_t *o, json_t *d, json_t *result)
{
    const char *arn = arn_of(o);
    json_t *pols = json_object_get(result, "PolicyDescriptions"), *ld;
    json_t *listeners = json_object_get(o, "listeners");
    size_t i;
    COL_ITEMS(json_object_get(d, "ListenerDescriptions"), i, ld) {
        json_t *lo = json_array_get(listeners, i);
        const char *tp = tls_policy(pols, json_object_get(ld, "PolicyNames"));
        if (lo && tp)
            col_add_str(lo, "tlspolicy", tp, arn);
    }
}

/* ---- the run ---- */

/* One of the two DescribeLoadBalancers lists: its items (those with the `key` member) go to `items`. */
struct elb_list {
    const char *version, *path, *key;
    json_t *items;
};

struct elb_run {
    struct elb_list list[2]; /* v2, classic */
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    struct elb_list *l = ud;
    json_t *lb;
    size_t i;
    COL_ITEMS(aws_get(body, l->path), i, lb) {
        if (col_s(lb, l->key))
            json_array_append(l->items, lb);
    }
    return OSP_OK;
}

/* The two lists (v2, classic) are independent. */
static enum osp_code elb_list(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct elb_list *l = &((struct elb_run *)ud)->list[i];
    struct aws_call c = col_query_call(ELB_SVC, job->region, "DescribeLoadBalancers", l->version);
    enum osp_code rc = aws_call_param(&c, "PageSize", "400");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "Marker", "DescribeLoadBalancersResponse.DescribeLoadBalancersResult.NextMarker", NULL,
                          list_page, l, err);
    aws_call_cleanup(&c);
    return rc;
}

static void read_init(struct col_read *r, struct col_job *job, const char *op, const char *ver, const char *fields)
{
    r->call = col_query_call(ELB_SVC, job->region, op, ver);
    r->name = op;
    r->fields = fields;
    osp_err_init(&r->err);
}

static enum osp_code one_v2(struct col_job *job, json_t *raw, json_t **out, struct osp_err *err)
{
    const char *arn = col_s(raw, "LoadBalancerArn");
    json_t *o = col_elb_map_v2(raw);
    struct col_read r[2];
    memset(r, 0, sizeof r);
    read_init(&r[0], job, "DescribeListeners", V2, "listeners");
    (void)col_read_param(&r[0], "LoadBalancerArn", arn);
    (void)col_read_param(&r[0], "PageSize", "400"); /* at most 50 listeners per load balancer: one page */
    /* drop_invalid_header_fields and desync mode (ALB), deletion protection (every type) */
    read_init(&r[1], job, "DescribeLoadBalancerAttributes", V2,
              "dropinvalidheaderfields,deletionprotection,desyncmitigationmode,accesslogs");
    (void)col_read_param(&r[1], "LoadBalancerArn", arn);
    enum osp_code rc = col_read_all(job, o, r, 2, err);
    if (rc == OSP_OK && r[0].answer == COL_ANS_OK)
        col_elb_map_v2_listeners(o, aws_get(r[0].body, "DescribeListenersResponse.DescribeListenersResult"));
    else if (rc == OSP_OK)
        json_object_del(o, "listeners"); /* denied: unknown, not none */
    if (rc == OSP_OK && r[1].answer == COL_ANS_OK)
        col_elb_map_v2_attributes(
            o, aws_get(r[1].body, "DescribeLoadBalancerAttributesResponse.DescribeLoadBalancerAttributesResult"));
    col_reads_cleanup(r, 2);
    if (rc == OSP_OK)
        *out = o;
    else
        json_decref(o);
    return rc;
}

static enum osp_code one_classic(struct col_job *job, json_t *raw, json_t **out, struct osp_err *err)
{
    const char *name = col_s(raw, "LoadBalancerName");
    json_t *o = col_elb_map_classic(raw, job->partition, job->region, job->account);
    struct col_read r[2];
    memset(r, 0, sizeof r);
    read_init(&r[0], job, "DescribeLoadBalancerAttributes", CLASSIC,
              "accesslogs,crosszoneloadbalancing,connectiondraining,desyncmitigationmode");
    (void)col_read_param(&r[0], "LoadBalancerName", name);
    size_t n = col_elb_classic_has_tls(raw) ? 2 : 1; /* the TLS policy only matters with an HTTPS/SSL listener */
    if (n == 2) {
        read_init(&r[1], job, "DescribeLoadBalancerPolicies", CLASSIC, "tlspolicy");
        (void)col_read_param(&r[1], "LoadBalancerName", name);
    }
    enum osp_code rc = col_read_all(job, o, r, n, err);
    if (rc == OSP_OK && r[0].answer == COL_ANS_OK)
        col_elb_map_classic_attributes(
            o, aws_get(r[0].body, "DescribeLoadBalancerAttributesResponse.DescribeLoadBalancerAttributesResult"));
    if (rc == OSP_OK && n == 2 && r[1].answer == COL_ANS_OK)
        col_elb_map_classic_policies(
            o, raw, aws_get(r[1].body, "DescribeLoadBalancerPoliciesResponse.DescribeLoadBalancerPoliciesResult"));
    col_reads_cleanup(r, 2);
    if (rc == OSP_OK)
        *out = o;
    else
        json_decref(o);
    return rc;
}

static enum osp_code one_lb(struct col_job *job, size_t i, void *ud, json_t **out, struct osp_err *err)
{
    struct elb_run *run = ud;
    json_t *v2 = run->list[0].items, *classic = run->list[1].items;
    size_t n2 = json_array_size(v2);
    return i < n2 ? one_v2(job, json_array_get(v2, i), out, err)
                  : one_classic(job, json_array_get(classic, i - n2), out, err);
}

enum osp_code col_elb(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct elb_run run = {{
        {V2, "DescribeLoadBalancersResponse.DescribeLoadBalancersResult.LoadBalancers", "LoadBalancerArn", json_array()},
        {CLASSIC, "DescribeLoadBalancersResponse.DescribeLoadBalancersResult.LoadBalancerDescriptions", "LoadBalancerName",
         json_array()},
    }};
    json_t *lbs = col_arr(state, "loadbalancers");
    enum osp_code rc = col_each(job, 2, elb_list, &run, err);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.list[0].items) + json_array_size(run.list[1].items), one_lb, &run,
                           lbs, err);
    json_decref(run.list[0].items);
    json_decref(run.list[1].items);
    return rc;
}
