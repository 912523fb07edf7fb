/* msk.c: the Amazon MSK collector (Trivy's service name; AWS's is kafka): provisioned and
 * serverless clusters from ListClustersV2, whose entries carry encryption, logging, public access,
 * monitoring and client authentication: no call per cluster. (Trivy lists with ListClusters v1,
 * which never returns serverless clusters.) */
#include <string.h>

#include "collect/col_int.h"

static void add_enabled(json_t *parent, const char *key, json_t *src, const char *arn)
{
    json_t *o = col_obj(arn);
    col_add_bool_v(o, "enabled", json_object_get(src, "enabled"), arn);
    col_set(parent, key, o);
}

/* One ListClustersV2 `clusterInfoList` entry; NULL without clusterArn. */
json_t *col_msk_map_cluster(json_t *c)
{
    const char *arn = col_s(c, "clusterArn");
    if (!arn)
        return NULL;
    const char *type = col_s(c, "clusterType");
    int serverless = type && !strcmp(type, "SERVERLESS");
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(c, "clusterName"), arn);
    col_add_str(o, "clustertype", type, arn);
    col_add_str_v(o, "state", json_object_get(c, "state"), arn);
    json_t *p = json_object_get(c, serverless ? "serverless" : "provisioned");
    json_t *auth = json_object_get(p, "clientAuthentication");
    json_t *ca = col_obj(arn);
    col_add_bool_v(ca, "unauthenticated", aws_get(auth, "unauthenticated.enabled"), arn);
    col_add_bool_v(ca, "iam", aws_get(auth, "sasl.iam.enabled"), arn);
    col_add_bool_v(ca, "scram", aws_get(auth, "sasl.scram.enabled"), arn);
    col_add_bool_v(ca, "tls", aws_get(auth, "tls.enabled"), arn);
    col_set(o, "clientauthentication", ca);
    json_t *tr = col_obj(arn), *rest = col_obj(arn);
    if (serverless) {
        /* serverless clusters take TLS only and always encrypt at rest (AWS-owned key) */
        col_add_str(tr, "clientbroker", "TLS", arn);
        col_add_bool(tr, "incluster", 1, arn);
        col_add_bool(rest, "enabled", 1, arn);
        col_set(o, "encryptionintransit", tr);
        col_set(o, "encryptionatrest", rest);
        return o;
    }
    json_t *enc = json_object_get(p, "encryptionInfo");
    json_t *it = json_object_get(enc, "encryptionInTransit");
    col_add_str_v(tr, "clientbroker", json_object_get(it, "clientBroker"), arn);
    col_add_bool_v(tr, "incluster", json_object_get(it, "inCluster"), arn);
    col_set(o, "encryptionintransit", tr);
    json_t *ar = json_object_get(enc, "encryptionAtRest");
    const char *key = col_s(ar, "dataVolumeKMSKeyId");
    col_add_bool(rest, "enabled", json_is_object(ar), arn);
    col_add_str(rest, "kmskeyarn", key, arn);
    col_set(o, "encryptionatrest", rest);
    json_t *bl = aws_get(p, "loggingInfo.brokerLogs");
    json_t *lg = col_obj(arn), *broker = col_obj(arn);
    add_enabled(broker, "cloudwatch", json_object_get(bl, "cloudWatchLogs"), arn);
    add_enabled(broker, "firehose", json_object_get(bl, "firehose"), arn);
    add_enabled(broker, "s3", json_object_get(bl, "s3"), arn);
    col_set(lg, "broker", broker);
    col_set(o, "logging", lg);
    col_add_str_v(o, "publicaccess", aws_get(p, "brokerNodeGroupInfo.connectivityInfo.publicAccess.type"), arn);
    col_add_str_v(o, "enhancedmonitoring", json_object_get(p, "enhancedMonitoring"), arn);
    col_add_str_v(o, "kafkaversion", aws_get(p, "currentBrokerSoftwareInfo.kafkaVersion"), arn);
    return o;
}

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    json_t *c;
    size_t i;
    COL_ITEMS(json_object_get(body, "clusterInfoList"), i, c) col_push(ud, col_msk_map_cluster(c));
    return OSP_OK;
}

enum osp_code col_msk(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct aws_call c = col_rest_call("kafka", job->region, AWS_PROTO_RESTJSON, "GET", "/api/v2/clusters");
    c.action = "ListClustersV2";
    enum osp_code rc = aws_call_param(&c, "maxResults", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "nextToken", "nextToken", NULL, list_page, col_arr(state, "clusters"), err);
    aws_call_cleanup(&c);
    return rc;
}
