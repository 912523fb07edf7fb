/* codebuild.c: the CodeBuild collector: projects (BatchGetProjects, 100 names per call) with their
 * artifact encryption, source locations (secrets redacted), build environment (plaintext variable
 * values stored as redaction markers, references kept) and logging. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define CB_TARGET "CodeBuild_20161006."
#define CB_BATCH 100 /* BatchGetProjects takes up to 100 names */

static json_t *artifact(json_t *a, const char *arn)
{
    json_t *o = col_obj(arn);
    col_add_str_v(o, "identifier", json_object_get(a, "artifactIdentifier"), arn);
    col_add_str_v(o, "type", json_object_get(a, "type"), arn);
    col_add_bool(o, "encryptionenabled", !col_truthy(json_object_get(a, "encryptionDisabled")), arn);
    return o;
}

/* A source location may embed credentials (https://user:token@host/...): stored redacted. */
static json_t *source(json_t *s, const char *arn)
{
    json_t *o = col_obj(arn);
    col_add_str_v(o, "identifier", json_object_get(s, "sourceIdentifier"), arn);
    col_add_str_v(o, "type", json_object_get(s, "type"), arn);
    col_add_secret_text(o, "location", col_s(s, "location"), arn);
    return o;
}

/* PLAINTEXT (the default type) values are stored as markers; PARAMETER_STORE / SECRETS_MANAGER
 * values are references (a parameter name or secret ARN), kept as `reference`. */
static json_t *variables(json_t *vars, const char *arn)
{
    json_t *out = json_array(), *v;
    size_t i;
    COL_ITEMS(vars, i, v) {
        const char *name = col_s(v, "name"), *type = col_s(v, "type");
        if (!name)
            continue;
        json_t *o = col_obj(arn);
        col_add_str(o, "name", name, arn);
        col_add_str(o, "type", type ? type : "PLAINTEXT", arn);
        if (!type || !strcmp(type, "PLAINTEXT"))
            col_add_secret_value(o, "value", name, json_object_get(v, "value"), arn);
        else
            col_add_str_v(o, "reference", json_object_get(v, "value"), arn);
        col_push(out, o);
    }
    return out;
}

static const char *log_status(json_t *lc, const char *key, const char *dflt)
{
    const char *s = col_s(json_object_get(lc, key), "status");
    return s ? s : dflt;
}

json_t *col_codebuild_map_project(json_t *p)
{
    const char *arn = col_s(p, "arn");
    json_t *x, *env = json_object_get(p, "environment"), *lc = json_object_get(p, "logsConfig");
    size_t i;
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(p, "name"), arn);
    col_add_str_v(o, "encryptionkey", json_object_get(p, "encryptionKey"), arn);
    col_set(o, "artifactsettings", artifact(json_object_get(p, "artifacts"), arn));
    json_t *sec = col_arr(o, "secondaryartifactsettings"), *srcs = col_arr(o, "sources");
    COL_ITEMS(json_object_get(p, "secondaryArtifacts"), i, x) col_push(sec, artifact(x, arn));
    if (json_is_object(json_object_get(p, "source")))
        col_push(srcs, source(json_object_get(p, "source"), arn));
    COL_ITEMS(json_object_get(p, "secondarySources"), i, x) col_push(srcs, source(x, arn));
    json_t *e = col_obj(arn);
    col_add_str_v(e, "type", json_object_get(env, "type"), arn);
    col_add_str_v(e, "image", json_object_get(env, "image"), arn);
    col_add_bool(e, "privilegedmode", col_truthy(json_object_get(env, "privilegedMode")), arn);
    col_set(e, "variables", variables(json_object_get(env, "environmentVariables"), arn));
    col_set(o, "environment", e);
    /* CloudWatch Logs are on unless turned off; S3 logs are off unless turned on */
    json_t *l = col_obj(arn);
    col_add_str(l, "cloudwatchlogsstatus", log_status(lc, "cloudWatchLogs", "ENABLED"), arn);
    col_add_str(l, "s3logsstatus", log_status(lc, "s3Logs", "DISABLED"), arn);
    col_set(o, "logsconfig", l);
    return o;
}

enum osp_code col_codebuild(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct col_names names = {"projects", json_array()};
    struct col_batch get = {"codebuild", CB_TARGET "BatchGetProjects", "names", "projects", NULL, CB_BATCH,
                            col_codebuild_map_project};
    struct aws_call c = col_json_call("codebuild", job->region, CB_TARGET "ListProjects", "1.1",
                                      "{\"sortBy\":\"NAME\",\"sortOrder\":\"ASCENDING\"}");
    enum osp_code rc = col_paginate(job, &c, "nextToken", "nextToken", NULL, col_gather_strings, &names, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_batch_describe(job, &get, names.names, col_arr(state, "projects"), err);
    json_decref(names.names);
    return rc;
}
