/* ecr.c: the ECR collector: repositories with their repository policy, and the registry's
 * scanning configuration (registry-level scan rules replace per-repository scan on push). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define ECR_SVC "api.ecr"
#define ECR_TARGET(op) "AmazonEC2ContainerRegistry_V20150921." op

json_t *col_ecr_map_repo(json_t *repo)
{
    const char *arn = col_s(repo, "repositoryArn");
    json_t *r = col_obj(arn), *scan = col_obj(arn), *enc = col_obj(arn);
    col_add_str(r, "arn", arn, arn);
    col_add_str_v(r, "name", json_object_get(repo, "repositoryName"), arn);
    col_add_str_v(r, "uri", json_object_get(repo, "repositoryUri"), arn);
    col_add_bool_v(scan, "scanonpush", json_object_get(json_object_get(repo, "imageScanningConfiguration"), "scanOnPush"),
                   arn);
    col_set(r, "imagescanning", scan);
    const char *mut = col_s(repo, "imageTagMutability");
    if (mut) { /* IMMUTABLE_WITH_EXCLUSION is immutable but for the excluded tags (Trivy: IMMUTABLE only) */
        col_add_bool(r, "imagetagsimmutable", strncmp(mut, "IMMUTABLE", 9) == 0, arn);
        col_add_str(r, "imagetagmutability", mut, arn);
    }
    json_t *ec = json_object_get(repo, "encryptionConfiguration");
    col_add_str_v(enc, "type", json_object_get(ec, "encryptionType"), arn);
    if (!col_blank(json_object_get(ec, "kmsKey")))
        col_add_str_v(enc, "kmskeyid", json_object_get(ec, "kmsKey"), arn);
    col_set(r, "encryption", enc);
    col_arr(r, "policies");
    return r;
}

void col_ecr_map_policy(json_t *repo, json_t *resp)
{
    json_t *meta = json_object_get(repo, "__defsec_metadata");
    const char *arn = json_string_value(json_object_get(meta, "resource"));
    json_t *text = json_object_get(resp, "policyText");
    if (col_blank(text))
        return;
    json_t *p = col_obj(arn);
    col_add_str(p, "name", "repository-policy", arn);
    col_add_bool(p, "builtin", 0, arn);
    col_add_doc_v(p, "document", text, arn);
    if (json_object_get(p, "document"))
        col_push(col_arr(repo, "policies"), p);
    else
        json_decref(p);
}

/* GetRegistryScanningConfiguration -> ecr.registryscanning (always an object once read). */
void col_ecr_map_registry_scanning(json_t *state, json_t *resp, const char *arn)
{
    json_t *rs = json_object_get(state, "registryscanning");
    if (!json_is_object(rs)) {
        rs = col_obj(arn);
        json_object_set_new(state, "registryscanning", rs);
    }
    json_t *cfg = json_object_get(resp, "scanningConfiguration"), *rule, *f;
    col_add_str_v(rs, "registryid", json_object_get(resp, "registryId"), arn);
    col_add_str_v(rs, "scantype", json_object_get(cfg, "scanType"), arn);
    json_t *rules = col_arr(rs, "rules");
    size_t i, k;
    COL_ITEMS(json_object_get(cfg, "rules"), i, rule) {
        json_t *o = col_obj(arn), *filters;
        col_add_str_v(o, "scanfrequency", json_object_get(rule, "scanFrequency"), arn);
        filters = col_arr(o, "filters");
        COL_ITEMS(json_object_get(rule, "repositoryFilters"), k, f) {
            json_t *fo = col_obj(arn);
            col_add_str_v(fo, "filter", json_object_get(f, "filter"), arn);
            col_add_str_v(fo, "filtertype", json_object_get(f, "filterType"), arn);
            col_push(filters, fo);
        }
        col_push(rules, o);
    }
}

struct ecr_run {
    json_t *repos; /* raw repository objects */
};

static enum osp_code list_page(void *ud, json_t *body, struct osp_err *err)
{
    struct ecr_run *run = ud;
    json_t *r;
    size_t i;
    COL_ITEMS(json_object_get(body, "repositories"), i, r) {
        if (col_s(r, "repositoryArn") && col_s(r, "repositoryName"))
            json_array_append(run->repos, r);
    }
    return OSP_OK;
}

static enum osp_code one_repo(struct col_job *job, size_t i, void *ud, json_t **out, struct osp_err *err)
{
    struct ecr_run *run = ud;
    json_t *raw = json_array_get(run->repos, i);
    json_t *repo = col_ecr_map_repo(raw);
    struct col_read r = {.name = "GetRepositoryPolicy", .absent = "RepositoryPolicyNotFoundException",
                         .fields = "policies"};
    json_t *req = json_pack("{s:s, s:s?}", "repositoryName", col_s(raw, "repositoryName"), "registryId",
                            col_s(raw, "registryId"));
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    col_fmt(r.arg, sizeof r.arg, "%s", txt ? txt : "{}");
    free(txt);
    json_decref(req);
    r.call = col_json_call(ECR_SVC, job->region, ECR_TARGET("GetRepositoryPolicy"), "1.1", r.arg);
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, repo, &r, 1, err);
    if (rc == OSP_OK && r.answer == COL_ANS_OK)
        col_ecr_map_policy(repo, r.body);
    else if (rc == OSP_OK && r.answer == COL_ANS_DENIED)
        json_object_del(repo, "policies"); /* unknown, not "none": checks reading it say NOT EVALUATED */
    col_reads_cleanup(&r, 1);
    if (rc == OSP_OK)
        *out = repo;
    else
        json_decref(repo);
    return rc;
}

enum osp_code col_ecr(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct ecr_run run = {json_array()};
    json_t *repos = col_arr(state, "repositories");
    struct aws_call c = col_json_call(ECR_SVC, job->region, ECR_TARGET("DescribeRepositories"), "1.1",
                                      "{\"maxResults\":1000}");
    enum osp_code rc = col_paginate(job, &c, "nextToken", "nextToken", NULL, list_page, &run, err);
    aws_call_cleanup(&c);
    /* the registry's scanning rules: once per region; denied is a gap on the registry object */
    char arn[256];
    col_fmt(arn, sizeof arn, "arn:%s:ecr:%s:%s:registry-scanning-configuration", job->partition, job->region,
            job->account);
    json_t *rs = col_obj(arn);
    json_object_set_new(state, "registryscanning", rs);
    if (rc == OSP_OK) {
        struct col_read r = {.call = col_json_call(ECR_SVC, job->region, ECR_TARGET("GetRegistryScanningConfiguration"),
                                                   "1.1", "{}"),
                             .name = "GetRegistryScanningConfiguration", .fields = "registryscanning"};
        osp_err_init(&r.err);
        rc = col_read_all(job, rs, &r, 1, err);
        if (rc == OSP_OK && r.answer == COL_ANS_OK)
            col_ecr_map_registry_scanning(state, r.body, arn);
        col_reads_cleanup(&r, 1);
    }
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.repos), one_repo, &run, repos, err);
    json_decref(run.repos);
    return rc;
}
