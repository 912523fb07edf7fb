/* opensearch.c: the OpenSearch Service collector, under Trivy's service name `elasticsearch`:
 * domains of both engines (OpenSearch and Elasticsearch) through the OpenSearch API:
 * ListDomainNames, then DescribeDomains with five names per call (0.2 calls per domain). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define OS_API "/2021-01-01"

/* A sub-object {enabled: <flag at key of x>}: false when the block or the flag is missing
 * (AWS omits a log type that was never configured). */
static json_t *flag_block(json_t *x, const char *key, const char *arn)
{
    json_t *o = col_obj(arn);
    json_t *v = json_object_get(x, key);
    col_add_bool(o, "enabled", v && col_truthy(v), arn);
    return o;
}

/* One DescribeDomains DomainStatusList entry; NULL without ARN. */
json_t *col_es_map_domain(json_t *d)
{
    const char *arn = col_s(d, "ARN");
    if (!arn || !*arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "domainname", json_object_get(d, "DomainName"), arn);
    col_add_str_v(o, "domainid", json_object_get(d, "DomainId"), arn);
    col_add_str_v(o, "engineversion", json_object_get(d, "EngineVersion"), arn);
    col_add_doc_v(o, "accesspolicies", json_object_get(d, "AccessPolicies"), arn);
    json_t *vpc = json_object_get(d, "VPCOptions");
    const char *vpcid = col_s(vpc, "VPCId");
    if (vpcid && *vpcid)
        col_add_str(o, "vpcid", vpcid, arn);
    if (vpc)
        col_add_str_list(o, "subnetids", json_object_get(vpc, "SubnetIds"), arn);

    json_t *cc = json_object_get(d, "ClusterConfig");
    col_add_bool_v(o, "dedicatedmasterenabled", json_object_get(cc, "DedicatedMasterEnabled"), arn);
    json_t *cluster = col_obj(arn);
    col_add_int_v(cluster, "instancecount", json_object_get(cc, "InstanceCount"), arn);
    col_add_str_v(cluster, "instancetype", json_object_get(cc, "InstanceType"), arn);
    col_add_bool_v(cluster, "dedicatedmasterenabled", json_object_get(cc, "DedicatedMasterEnabled"), arn);
    col_add_int_v(cluster, "dedicatedmastercount", json_object_get(cc, "DedicatedMasterCount"), arn);
    col_add_bool_v(cluster, "zoneawarenessenabled", json_object_get(cc, "ZoneAwarenessEnabled"), arn);
    col_set(o, "clusterconfig", cluster);

    json_t *rest = json_object_get(d, "EncryptionAtRestOptions");
    json_t *ar = col_obj(arn);
    col_add_bool_v(ar, "enabled", json_object_get(rest, "Enabled"), arn);
    col_add_str_v(ar, "kmskeyid", json_object_get(rest, "KmsKeyId"), arn);
    col_set(o, "atrestencryption", ar);
    json_t *tr = col_obj(arn);
    col_add_bool_v(tr, "enabled", json_object_get(json_object_get(d, "NodeToNodeEncryptionOptions"), "Enabled"), arn);
    col_set(o, "transitencryption", tr);

    json_t *ep = json_object_get(d, "DomainEndpointOptions");
    json_t *e = col_obj(arn);
    col_add_bool_v(e, "enforcehttps", json_object_get(ep, "EnforceHTTPS"), arn);
    col_add_str_v(e, "tlspolicy", json_object_get(ep, "TLSSecurityPolicy"), arn);
    col_set(o, "endpoint", e);

    json_t *lp = json_object_get(d, "LogPublishingOptions");
    json_t *audit = json_object_get(lp, "AUDIT_LOGS"), *errs = json_object_get(lp, "ES_APPLICATION_LOGS");
    json_t *l = col_obj(arn);
    col_add_bool(l, "auditenabled", col_truthy(json_object_get(audit, "Enabled")), arn);
    col_add_str_v(l, "cloudwatchloggrouparn", json_object_get(audit, "CloudWatchLogsLogGroupArn"), arn);
    col_add_bool(l, "errorenabled", col_truthy(json_object_get(errs, "Enabled")), arn);
    col_add_str_v(l, "errorloggrouparn", json_object_get(errs, "CloudWatchLogsLogGroupArn"), arn);
    col_set(o, "logpublishing", l);

    json_t *sw = json_object_get(d, "ServiceSoftwareOptions");
    if (json_is_object(sw)) {
        json_t *s = col_obj(arn);
        col_add_str_v(s, "currentversion", json_object_get(sw, "CurrentVersion"), arn);
        col_add_str_v(s, "newversion", json_object_get(sw, "NewVersion"), arn);
        col_add_bool_v(s, "updateavailable", json_object_get(sw, "UpdateAvailable"), arn);
        col_add_str_v(s, "updatestatus", json_object_get(sw, "UpdateStatus"), arn);
        col_set(o, "servicesoftwareoptions", s);
    }

    json_t *as = json_object_get(d, "AdvancedSecurityOptions");
    json_t *a = flag_block(as, "Enabled", arn);
    col_add_bool_v(a, "internaluserdatabaseenabled", json_object_get(as, "InternalUserDatabaseEnabled"), arn);
    col_add_bool_v(a, "anonymousauthenabled", json_object_get(as, "AnonymousAuthEnabled"), arn);
    col_set(o, "advancedsecurity", a);
    return o;
}

enum osp_code col_elasticsearch(struct col_job *job, json_t *state, struct osp_err *err)
{
    json_t *out = col_arr(state, "domains"), *resp = NULL, *names = json_array(), *x;
    size_t i;
    struct aws_call c = col_rest_call("es", job->region, AWS_PROTO_RESTJSON, "GET", OS_API "/domain");
    c.action = "ListDomainNames";
    enum osp_code rc = col_get(job, &c, NULL, &resp, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK) {
        COL_ITEMS(json_object_get(resp, "DomainNames"), i, x) {
            json_t *n = json_object_get(x, "DomainName");
            if (json_is_string(n))
                json_array_append(names, n);
        }
        const struct col_batch b = {.service = "es", .target = "DescribeDomains", .names_key = "DomainNames",
                                    .list_key = "DomainStatusList", .per = 5, .map = col_es_map_domain};
        rc = col_batch_describe_rest(job, &b, OS_API "/opensearch/domain-info", names, out, err);
    }
    json_decref(resp);
    json_decref(names);
    return rc;
}
