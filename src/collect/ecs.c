/* ecs.c: the ECS collector: clusters with their settings (DescribeClusters, 100 per call), and the
 * latest ACTIVE task definition revision of each family (the one a new task gets; older revisions
 * are not judged), container environment values stored as redaction markers. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define ECS_TARGET "AmazonEC2ContainerServiceV20141113."
#define ECS_BATCH 100 /* DescribeClusters takes up to 100 clusters */

static struct aws_call ecs_call(const struct col_job *job, const char *op, const char *body)
{
    return col_json_call("ecs", job->region, op, "1.1", body);
}

/* Container Insights: "enabled" and "enhanced" (enhanced observability) both turn it on; Trivy
 * recognises only "enabled". */
json_t *col_ecs_map_cluster(json_t *cl)
{
    const char *arn = col_s(cl, "clusterArn");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn), *set = col_obj(arn), *s;
    const char *insights = NULL;
    size_t i;
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(cl, "clusterName"), arn);
    col_add_str_v(o, "status", json_object_get(cl, "status"), arn);
    COL_ITEMS(json_object_get(cl, "settings"), i, s) {
        const char *n = col_s(s, "name");
        if (n && !strcmp(n, "containerInsights") && col_s(s, "value"))
            insights = col_s(s, "value");
    }
    col_add_str(set, "containerinsights", insights, arn);
    col_add_bool(set, "containerinsightsenabled",
                 insights && (!strcmp(insights, "enabled") || !strcmp(insights, "enhanced")), arn);
    col_set(o, "settings", set);
    return o;
}

static json_t *container(json_t *c, const char *arn)
{
    json_t *o = col_obj(arn), *x;
    size_t i;
    col_add_str_v(o, "name", json_object_get(c, "name"), arn);
    col_add_str_v(o, "image", json_object_get(c, "image"), arn);
    col_add_str_v(o, "cpu", json_object_get(c, "cpu"), arn);
    col_add_str_v(o, "memory", json_object_get(c, "memory"), arn);
    col_add_bool(o, "essential", col_truthy(json_object_get(c, "essential")), arn);
    col_add_bool(o, "privileged", col_truthy(json_object_get(c, "privileged")), arn);
    json_t *ports = col_arr(o, "portmappings"), *env = col_arr(o, "environment");
    COL_ITEMS(json_object_get(c, "portMappings"), i, x) {
        json_t *p = col_obj(arn);
        col_add_int_v(p, "containerport", json_object_get(x, "containerPort"), arn);
        col_add_int_v(p, "hostport", json_object_get(x, "hostPort"), arn);
        col_push(ports, p);
    }
    COL_ITEMS(json_object_get(c, "environment"), i, x) {
        const char *name = col_s(x, "name");
        if (!name)
            continue;
        json_t *e = col_obj(arn);
        col_add_str(e, "name", name, arn);
        col_add_secret_value(e, "value", name, json_object_get(x, "value"), arn);
        col_push(env, e);
    }
    return o;
}

/* Only EFS volumes get efsvolumeconfiguration (Trivy gives host and docker volumes a false
 * transit-encryption flag, and AVD-AWS-0035 then flags every bind mount). */
json_t *col_ecs_map_taskdef(json_t *resp)
{
    json_t *td = json_object_get(resp, "taskDefinition"), *x;
    const char *arn = col_s(td, "taskDefinitionArn");
    size_t i;
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "family", json_object_get(td, "family"), arn);
    col_add_int_v(o, "revision", json_object_get(td, "revision"), arn);
    col_add_str_v(o, "networkmode", json_object_get(td, "networkMode"), arn);
    json_t *cds = col_arr(o, "containerdefinitions"), *vols = col_arr(o, "volumes");
    COL_ITEMS(json_object_get(td, "containerDefinitions"), i, x) col_push(cds, container(x, arn));
    COL_ITEMS(json_object_get(td, "volumes"), i, x) {
        json_t *v = col_obj(arn), *efs = json_object_get(x, "efsVolumeConfiguration");
        col_add_str_v(v, "name", json_object_get(x, "name"), arn);
        if (json_is_object(efs)) {
            json_t *e = col_obj(arn);
            const char *te = col_s(efs, "transitEncryption");
            col_add_str_v(e, "filesystemid", json_object_get(efs, "fileSystemId"), arn);
            col_add_bool(e, "transitencryptionenabled", te && !strcmp(te, "ENABLED"), arn);
            col_set(v, "efsvolumeconfiguration", e);
        }
        col_push(vols, v);
    }
    return o;
}

struct ecs_run {
    json_t *families; /* family names from ListTaskDefinitionFamilies */
    json_t **tds;     /* one task definition per family */
};

static enum osp_code one_family(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct ecs_run *run = ud;
    json_t *req = json_pack("{s:O}", "taskDefinition", json_array_get(run->families, i));
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    struct col_read r;
    memset(&r, 0, sizeof r);
    col_fmt(r.arg, sizeof r.arg, "%s", txt ? txt : "{}");
    free(txt);
    json_decref(req);
    r.call = ecs_call(job, ECS_TARGET "DescribeTaskDefinition", r.arg); /* no revision: the latest ACTIVE */
    r.name = "DescribeTaskDefinition";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err);
    if (rc == OSP_OK && !(run->tds[i] = col_ecs_map_taskdef(r.body)))
        rc = OSP_ENOTFOUND;
    col_reads_cleanup(&r, 1);
    return rc;
}

enum osp_code col_ecs(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct ecs_run run = {json_array(), NULL};
    json_t *tds = col_arr(state, "taskdefinitions"), *include = json_pack("{s:[s]}", "include", "SETTINGS");
    struct col_names arns = {"clusterArns", json_array()}, fams = {"families", run.families};
    struct col_batch describe = {"ecs", ECS_TARGET "DescribeClusters", "clusters", "clusters", include, ECS_BATCH,
                                 col_ecs_map_cluster};
    struct aws_call c = ecs_call(job, ECS_TARGET "ListClusters", "{\"maxResults\":100}");
    enum osp_code rc = col_paginate(job, &c, "nextToken", "nextToken", NULL, col_gather_strings, &arns, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_batch_describe(job, &describe, arns.names, col_arr(state, "clusters"), err);
    if (rc == OSP_OK) {
        c = ecs_call(job, ECS_TARGET "ListTaskDefinitionFamilies", "{\"status\":\"ACTIVE\",\"maxResults\":100}");
        rc = col_paginate(job, &c, "nextToken", "nextToken", NULL, col_gather_strings, &fams, err);
        aws_call_cleanup(&c);
    }
    size_t nf = json_array_size(run.families);
    if (rc == OSP_OK && !(run.tds = calloc(nf + 1, sizeof *run.tds)))
        rc = osp_err_set(err, OSP_ENOMEM, "ecs: out of memory for %zu families", nf);
    if (rc == OSP_OK)
        rc = col_each(job, nf, one_family, &run, err);
    for (size_t k = 0; run.tds && k < nf; k++)
        if (run.tds[k])
            col_push(tds, run.tds[k]);
    free(run.tds);
    json_decref(arns.names);
    json_decref(run.families);
    json_decref(include);
    return rc;
}
