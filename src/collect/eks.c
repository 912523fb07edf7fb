/* eks.c: the EKS collector: clusters (control-plane logging, secrets encryption, endpoint access). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

static const char *const log_types[][2] = {
    {"api", "api"},
    {"audit", "audit"},
    {"authenticator", "authenticator"},
    {"controllerManager", "controllermanager"},
    {"scheduler", "scheduler"},
};

/* DescribeCluster's `cluster` object -> eks.clusters[_]. */
json_t *col_eks_map_cluster(json_t *cl)
{
    const char *arn = col_s(cl, "arn");
    json_t *c = col_obj(arn), *log = col_obj(arn), *enc = col_obj(arn), *e, *t;
    size_t i, k;
    col_add_str(c, "arn", arn, arn);
    col_add_str_v(c, "name", json_object_get(cl, "name"), arn);
    col_add_str_v(c, "version", json_object_get(cl, "version"), arn);
    col_add_str_v(c, "status", json_object_get(cl, "status"), arn);
    /* logging.clusterLogging[]: {types[], enabled}; a type not listed as enabled is off */
    int on[5] = {0};
    COL_ITEMS(json_object_get(json_object_get(cl, "logging"), "clusterLogging"), i, e) {
        if (!col_truthy(json_object_get(e, "enabled")))
            continue;
        COL_ITEMS(json_object_get(e, "types"), k, t) {
            for (size_t j = 0; j < 5; j++)
                if (json_is_string(t) && strcmp(json_string_value(t), log_types[j][0]) == 0)
                    on[j] = 1;
        }
    }
    for (size_t j = 0; j < 5; j++)
        col_add_bool(log, log_types[j][1], on[j], arn);
    col_set(c, "logging", log);
    /* encryptionConfig[]: {resources: ["secrets"], provider: {keyArn}} */
    int secrets = 0;
    COL_ITEMS(json_object_get(cl, "encryptionConfig"), i, e) {
        int covers = 0;
        COL_ITEMS(json_object_get(e, "resources"), k, t) covers |= json_is_string(t) &&
                                                                    strcmp(json_string_value(t), "secrets") == 0;
        if (!covers)
            continue;
        secrets = 1;
        json_t *key = json_object_get(json_object_get(e, "provider"), "keyArn");
        if (!col_blank(key) && !json_object_get(enc, "kmskeyid"))
            col_add_str_v(enc, "kmskeyid", key, arn);
    }
    col_add_bool(enc, "secrets", secrets, arn);
    col_set(c, "encryption", enc);
    json_t *vpc = json_object_get(cl, "resourcesVpcConfig");
    col_add_bool_v(c, "publicaccessenabled", json_object_get(vpc, "endpointPublicAccess"), arn);
    col_add_bool_v(c, "privateaccessenabled", json_object_get(vpc, "endpointPrivateAccess"), arn);
    col_add_str_list(c, "publicaccesscidrs", json_object_get(vpc, "publicAccessCidrs"), arn);
    return c;
}

struct eks_run {
    json_t *names;
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    struct eks_run *run = ud;
    json_t *n;
    size_t i;
    COL_ITEMS(json_object_get(body, "clusters"), i, n) {
        if (json_is_string(n))
            json_array_append(run->names, n);
    }
    return OSP_OK;
}

static enum osp_code one_cluster(struct col_job *job, size_t i, void *ud, json_t **out, struct osp_err *err)
{
    struct eks_run *run = ud;
    const char *name = json_string_value(json_array_get(run->names, i));
    struct col_read r = {.name = "DescribeCluster"};
    osp_err_init(&r.err);
    if (strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != strlen(name))
        return OSP_ENOTFOUND; /* not a cluster name AWS would return: nothing to address it by */
    col_fmt(r.arg, sizeof r.arg, "/clusters/%s", name);
    r.call = col_rest_call("eks", job->region, AWS_PROTO_RESTJSON, "GET", r.arg);
    r.call.action = "DescribeCluster";
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err); /* without it there is no cluster to judge */
    if (rc == OSP_OK)
        *out = col_eks_map_cluster(json_object_get(r.body, "cluster"));
    col_reads_cleanup(&r, 1);
    return rc;
}

enum osp_code col_eks(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct eks_run run = {json_array()};
    json_t *clusters = col_arr(state, "clusters");
    struct aws_call c = col_rest_call("eks", job->region, AWS_PROTO_RESTJSON, "GET", "/clusters");
    c.action = "ListClusters";
    enum osp_code rc = aws_call_param(&c, "maxResults", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "nextToken", "nextToken", NULL, list_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.names), one_cluster, &run, clusters, err);
    json_decref(run.names);
    return rc;
}
