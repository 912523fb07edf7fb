/* apigateway.c: the API Gateway collector, v1 (REST APIs) and v2 (HTTP and WebSocket APIs), both
 * signed as "apigateway" on the same regional host.
 *
 *   v1: GetRestApis (position) -> per API GetStages + GetResources(embed=methods), at once;
 *       GetDomainNames (position).
 *   v2: GetApis (nextToken) -> per API GetStages + GetRoutes, at once; GetDomainNames (nextToken).
 *
 * Two calls per API (more only when an API's resources, stages or routes need a second page).
 * A denied per-API read fails the service: the stages, methods and routes live one level below
 * the collections the scan's per-resource gaps cover, and an API without them would pass every
 * check (one permission, apigateway:GET, covers every read anyway). */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define APIGW "apigateway"
#define PAGE "500" /* limit / maxResults: AWS's maximum for GetRestApis, GetResources, GetDomainNames */

/* Without it, API Gateway's v1 API answers in HAL (application/hal+json: lists under _embedded,
 * a one-item list as an object); the SDKs send it too. */
static const char *const ACCEPT_JSON[] = {"Accept: application/json", NULL};

static const char *arn_of(json_t *o)
{
    return json_string_value(json_object_get(json_object_get(o, "__defsec_metadata"), "resource"));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of obj (NULL / not an object: none), sorted: output order must not depend on the
 * order of the answer's members. New array of strings. */
static json_t *sorted_keys(json_t *obj)
{
    json_t *out = json_array(), *v;
    size_t n = json_is_object(obj) ? json_object_size(obj) : 0, i = 0;
    const char **keys = n ? calloc(n, sizeof *keys) : NULL;
    const char *k;
    if (!keys)
        return out;
    json_object_foreach(obj, k, v) keys[i++] = k;
    qsort(keys, n, sizeof *keys, cmp_str);
    for (i = 0; i < n; i++)
        json_array_append_new(out, json_string(keys[i]));
    free(keys);
    return out;
}

/* A part of resource `parent` (a stage, resource, method, route): ARN "<parent ARN>/<kind>/<id>",
 * written into arn. New object. */
static json_t *part_of(json_t *parent, const char *kind, const char *id, char *arn, size_t n)
{
    col_fmt(arn, n, "%s/%s/%s", arn_of(parent) ? arn_of(parent) : "", kind, id);
    return col_obj(arn);
}

/* ---- v1 ---- */

/* The REST API's resource policy. AWS returns the document with its quotes escaped once more
 * ({\"Version\":...} inside the JSON string); such text is read as the body of a JSON string
 * first. */
static void add_policy(json_t *o, json_t *v, const char *arn)
{
    const char *raw = json_string_value(v);
    json_t *doc = raw && *raw ? json_loads(raw, 0, NULL) : NULL;
    if (!doc && raw && strstr(raw, "\\\"")) {
        size_t n = strlen(raw);
        char *quoted = malloc(n + 3);
        if (quoted) {
            quoted[0] = '"';
            memcpy(quoted + 1, raw, n);
            quoted[n + 1] = '"';
            quoted[n + 2] = '\0';
            json_t *plain = json_loads(quoted, JSON_DECODE_ANY, NULL);
            if (json_is_string(plain))
                doc = json_loads(json_string_value(plain), 0, NULL);
            json_decref(plain);
            free(quoted);
        }
    }
    if (doc)
        col_add_doc_v(o, "policy", doc, arn);
    else if (raw && *raw)
        col_add_doc_v(o, "policy", v, arn); /* not JSON after all: kept as it came */
    json_decref(doc);
}

/* One GetRestApis item; NULL without an id. */
json_t *col_apigw_map_restapi(json_t *item, const char *partition, const char *region)
{
    const char *id = col_s(item, "id");
    if (!id || !*id)
        return NULL;
    char arn[512];
    col_fmt(arn, sizeof arn, "arn:%s:apigateway:%s::/restapis/%s", partition ? partition : "aws",
            region ? region : "", id);
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str(o, "id", id, arn);
    col_add_str_v(o, "name", json_object_get(item, "name"), arn);
    col_add_str_list(o, "endpointtypes", json_object_get(json_object_get(item, "endpointConfiguration"), "types"),
                     arn);
    col_add_bool_v(o, "disableexecuteapiendpoint", json_object_get(item, "disableExecuteApiEndpoint"), arn);
    add_policy(o, json_object_get(item, "policy"), arn);
    return o;
}

/* stage.accesslogging (always present) from a stage of either API. */
static void access_logging(json_t *o, json_t *st, const char *arn)
{
    json_t *al = col_obj(arn), *als = json_object_get(st, "accessLogSettings");
    col_add_str_v(al, "cloudwatchloggrouparn", json_object_get(als, "destinationArn"), arn);
    col_add_str_v(al, "format", json_object_get(als, "format"), arn);
    col_set(o, "accesslogging", al);
}

/* One methodSettings entry (key "*\/\*" or "/path/VERB"). */
static json_t *method_settings(const char *key, json_t *ms, const char *arn)
{
    json_t *o = col_obj(arn);
    col_add_str(o, "method", key, arn);
    col_add_bool_v(o, "cacheenabled", json_object_get(ms, "cachingEnabled"), arn);
    col_add_bool_v(o, "cachedataencrypted", json_object_get(ms, "cacheDataEncrypted"), arn);
    col_add_str_v(o, "logginglevel", json_object_get(ms, "loggingLevel"), arn);
    return o;
}

/* One GetStages item of REST API `api`. */
static json_t *rest_stage(json_t *api, json_t *st)
{
    const char *name = col_s(st, "stageName");
    if (!name)
        return NULL;
    char arn[600];
    json_t *o = part_of(api, "stages", name, arn, sizeof arn);
    col_add_str(o, "name", name, arn);
    col_add_str(o, "arn", arn, arn);
    access_logging(o, st, arn);
    col_add_bool_v(o, "xraytracingenabled", json_object_get(st, "tracingEnabled"), arn);
    col_add_bool_v(o, "cacheclusterenabled", json_object_get(st, "cacheClusterEnabled"), arn);
    col_add_str_v(o, "webaclarn", json_object_get(st, "webAclArn"), arn);
    col_add_str_v(o, "clientcertificateid", json_object_get(st, "clientCertificateId"), arn);
    json_t *list = col_arr(o, "restmethodsettings"), *ms, *k;
    json_t *settings = json_object_get(st, "methodSettings");
    json_t *keys = sorted_keys(settings);
    int has_default = 0;
    size_t i;
    json_array_foreach(keys, i, k) {
        const char *key = json_string_value(k);
        ms = json_object_get(settings, key);
        if (!json_is_object(ms))
            continue;
        if (!strcmp(key, "*/*"))
            has_default = 1;
        col_push(list, method_settings(key, ms, arn));
    }
    json_decref(keys);
    if (!has_default) {
        /* no stage-wide entry: every method has AWS's defaults (no caching, no execution logging);
         * made explicit so checks judging "all methods" see a stage without settings too */
        json_t *d = json_pack("{s:b, s:b, s:s}", "cachingEnabled", 0, "cacheDataEncrypted", 0, "loggingLevel", "OFF");
        json_t *e = method_settings("*/*", d, arn);
        col_add_bool(e, "defaulted", 1, arn);
        col_push(list, e);
        json_decref(d);
    }
    return o;
}

/* GetStages of a REST API: fills api.stages (always present after this, [] when none). */
void col_apigw_map_stages(json_t *api, json_t *resp)
{
    json_t *list = col_arr(api, "stages"), *st;
    size_t i;
    COL_ITEMS(json_object_get(resp, "item"), i, st) {
        json_t *o = rest_stage(api, st);
        if (o)
            col_push(list, o);
    }
}

/* One GetResources(embed=methods) page: appends to api.resources. */
void col_apigw_map_resources(json_t *api, json_t *page)
{
    json_t *list = col_arr(api, "resources"), *r;
    size_t i;
    COL_ITEMS(json_object_get(page, "item"), i, r) {
        const char *rid = col_s(r, "id");
        if (!rid)
            continue;
        char arn[600];
        json_t *o = part_of(api, "resources", rid, arn, sizeof arn);
        col_add_str(o, "id", rid, arn);
        col_add_str_v(o, "path", json_object_get(r, "path"), arn);
        json_t *methods = col_arr(o, "methods"), *m, *rm = json_object_get(r, "resourceMethods");
        json_t *verbs = sorted_keys(rm);
        json_t *v;
        size_t j;
        json_array_foreach(verbs, j, v) {
            const char *verb = json_string_value(v);
            m = json_object_get(rm, verb);
            if (!json_is_object(m))
                continue;
            char marn[700];
            col_fmt(marn, sizeof marn, "%s/methods/%s", arn, verb);
            json_t *mo = col_obj(marn);
            json_t *hm = json_object_get(m, "httpMethod");
            if (json_is_string(hm))
                col_add_str_v(mo, "httpmethod", hm, marn);
            else
                col_add_str(mo, "httpmethod", verb, marn);
            col_add_str_v(mo, "authorizationtype", json_object_get(m, "authorizationType"), marn);
            col_add_bool_v(mo, "apikeyrequired", json_object_get(m, "apiKeyRequired"), marn);
            col_add_str_v(mo, "authorizerid", json_object_get(m, "authorizerId"), marn);
            col_push(methods, mo);
        }
        json_decref(verbs);
        col_push(list, o);
    }
}

/* A domain name (either API's list) with its name and ARN; NULL without a name. */
static json_t *domain_obj(json_t *item, const char *partition, const char *region, const char **arn_out)
{
    const char *name = col_s(item, "domainName");
    if (!name)
        return NULL;
    char arn[600];
    const char *given = col_s(item, "domainNameArn");
    if (given && *given)
        col_fmt(arn, sizeof arn, "%s", given);
    else
        col_fmt(arn, sizeof arn, "arn:%s:apigateway:%s::/domainnames/%s", partition ? partition : "aws",
                region ? region : "", name);
    json_t *o = col_obj(arn);
    col_add_str(o, "name", name, arn);
    col_add_str(o, "arn", arn, arn);
    *arn_out = arn_of(o);
    return o;
}

/* One v1 GetDomainNames item; NULL without a name. */
json_t *col_apigw_map_domain_v1(json_t *item, const char *partition, const char *region)
{
    const char *arn;
    json_t *o = domain_obj(item, partition, region, &arn);
    if (!o)
        return NULL;
    col_add_str_v(o, "securitypolicy", json_object_get(item, "securityPolicy"), arn);
    col_add_str_list(o, "endpointtypes", json_object_get(json_object_get(item, "endpointConfiguration"), "types"),
                     arn);
    return o;
}

/* ---- v2 ---- */

/* One GetApis item; NULL without an apiId. */
json_t *col_apigw_map_api_v2(json_t *item, const char *partition, const char *region)
{
    const char *id = col_s(item, "apiId");
    if (!id || !*id)
        return NULL;
    char arn[512];
    col_fmt(arn, sizeof arn, "arn:%s:apigateway:%s::/apis/%s", partition ? partition : "aws", region ? region : "",
            id);
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str(o, "id", id, arn);
    col_add_str_v(o, "name", json_object_get(item, "name"), arn);
    col_add_str_v(o, "protocoltype", json_object_get(item, "protocolType"), arn);
    col_add_bool_v(o, "disableexecuteapiendpoint", json_object_get(item, "disableExecuteApiEndpoint"), arn);
    return o;
}

/* One GetStages page of a v2 API: appends to api.stages. */
void col_apigw_map_stages_v2(json_t *api, json_t *page)
{
    json_t *list = col_arr(api, "stages"), *st;
    size_t i;
    COL_ITEMS(json_object_get(page, "items"), i, st) {
        const char *name = col_s(st, "stageName");
        if (!name)
            continue;
        char arn[600];
        json_t *o = part_of(api, "stages", name, arn, sizeof arn);
        col_add_str(o, "name", name, arn);
        col_add_str(o, "arn", arn, arn);
        access_logging(o, st, arn);
        json_t *drs = col_obj(arn), *d = json_object_get(st, "defaultRouteSettings");
        col_add_str_v(drs, "logginglevel", json_object_get(d, "loggingLevel"), arn);
        col_add_bool_v(drs, "datatraceenabled", json_object_get(d, "dataTraceEnabled"), arn);
        col_set(o, "defaultroutesettings", drs);
        json_t *rsl = col_arr(o, "routesettings"), *rs, *k;
        json_t *routes = json_object_get(st, "routeSettings"), *keys = sorted_keys(routes);
        size_t j;
        json_array_foreach(keys, j, k) {
            const char *key = json_string_value(k);
            rs = json_object_get(routes, key);
            if (!json_is_object(rs))
                continue;
            json_t *e = col_obj(arn);
            col_add_str(e, "routekey", key, arn);
            col_add_str_v(e, "logginglevel", json_object_get(rs, "loggingLevel"), arn);
            col_push(rsl, e);
        }
        json_decref(keys);
        col_add_str_v(o, "clientcertificateid", json_object_get(st, "clientCertificateId"), arn);
        col_add_bool_v(o, "autodeploy", json_object_get(st, "autoDeploy"), arn);
        col_push(list, o);
    }
}

/* One GetRoutes page of a v2 API: appends to api.routes. */
void col_apigw_map_routes_v2(json_t *api, json_t *page)
{
    json_t *list = col_arr(api, "routes"), *r;
    size_t i;
    COL_ITEMS(json_object_get(page, "items"), i, r) {
        const char *id = col_s(r, "routeId");
        if (!id)
            continue;
        char arn[600];
        json_t *o = part_of(api, "routes", id, arn, sizeof arn);
        col_add_str(o, "id", id, arn);
        col_add_str_v(o, "routekey", json_object_get(r, "routeKey"), arn);
        col_add_str_v(o, "authorizationtype", json_object_get(r, "authorizationType"), arn);
        col_add_str_v(o, "authorizerid", json_object_get(r, "authorizerId"), arn);
        col_add_bool_v(o, "apikeyrequired", json_object_get(r, "apiKeyRequired"), arn);
        col_push(list, o);
    }
}

/* One v2 GetDomainNames item; NULL without a name. */
json_t *col_apigw_map_domain_v2(json_t *item, const char *partition, const char *region)
{
    const char *arn;
    json_t *o = domain_obj(item, partition, region, &arn);
    if (!o)
        return NULL;
    /* one configuration per endpoint (a regional domain has one); the weakest is the first that
     * is not TLS 1.2 or later, else the first */
    json_t *cfgs = col_list(json_object_get(item, "domainNameConfigurations")), *c, *pick = NULL;
    size_t i;
    json_array_foreach(json_is_array(cfgs) ? cfgs : NULL, i, c) {
        const char *p = col_s(c, "securityPolicy");
        if (!p)
            continue;
        if (!pick || !strcmp(p, "TLS_1_0"))
            pick = c;
    }
    col_add_str_v(o, "securitypolicy", json_object_get(pick, "securityPolicy"), arn);
    return o;
}

/* ---- collection ---- */

struct gw_run {
    json_t *v1; /* raw GetRestApis items */
    json_t *v2; /* raw GetApis items */
};

static enum osp_code gather_items(void *ud, json_t *body, struct osp_err *err, const char *key)
{
    (void)err;
    json_t *it;
    size_t i;
    COL_ITEMS(json_object_get(body, key), i, it) json_array_append(ud, it);
    return OSP_OK;
}
static enum osp_code gather_v1(void *ud, json_t *body, struct osp_err *err)
{
    return gather_items(ud, body, err, "item");
}
static enum osp_code gather_v2(void *ud, json_t *body, struct osp_err *err)
{
    return gather_items(ud, body, err, "items");
}

/* Pages after the first of a per-API read: mapped into api by map. */
struct more {
    json_t *api;
    void (*map)(json_t *api, json_t *page);
};
static enum osp_code more_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    struct more *m = ud;
    m->map(m->api, body);
    return OSP_OK;
}

/* The read answered OK with a first page; follow its token (`tok`: response and request name). */
static enum osp_code rest_of_pages(struct col_job *job, struct col_read *r, const char *tok, json_t *api,
                                   void (*map)(json_t *, json_t *), struct osp_err *err)
{
    map(api, r->body);
    const char *next = col_s(r->body, tok);
    if (!next || !*next)
        return OSP_OK;
    struct more m = {api, map};
    enum osp_code rc = aws_call_param(&r->call, tok, next);
    if (rc != OSP_OK)
        return osp_err_set(err, rc, "out of memory");
    /* col_paginate starts from the call as it is: its first request is page two */
    return col_paginate(job, &r->call, tok, tok, NULL, more_page, &m, err);
}

static void rest_read(struct col_read *r, const char *region, const char *path, const char *name,
                      const char *fields)
{
    memset(r, 0, sizeof *r);
    col_fmt(r->arg, sizeof r->arg, "%s", path);
    r->call = col_rest_call(APIGW, region, AWS_PROTO_RESTJSON, "GET", r->arg);
    r->call.action = name;
    r->call.headers = ACCEPT_JSON;
    r->name = name;
    r->fields = fields;
    osp_err_init(&r->err);
}

/* The two reads of one API, by version. */
struct api_reads {
    json_t *(*map_api)(json_t *item, const char *partition, const char *region);
    const char *prefix;                   /* "/restapis" or "/v2/apis" */
    const char *second;                   /* "resources" / "routes": path tail and state field */
    const char *second_name;              /* GetResources / GetRoutes */
    const char *limit, *token;            /* page size parameter and pagination token */
    void (*map_stages)(json_t *, json_t *);      /* v1: GetStages has no pages */
    void (*map_stages_page)(json_t *, json_t *); /* v2: one page of stages (map_stages NULL) */
    void (*map_second)(json_t *, json_t *);
};

static const struct api_reads V1 = {col_apigw_map_restapi, "/restapis", "resources", "GetResources", "limit",
                                    "position", col_apigw_map_stages, NULL, col_apigw_map_resources};
static const struct api_reads V2 = {col_apigw_map_api_v2, "/v2/apis", "routes", "GetRoutes", "maxResults", "nextToken",
                                    NULL, col_apigw_map_stages_v2, col_apigw_map_routes_v2};

/* GetStages and the second read of API i of `items`, at once; then their further pages. */
static enum osp_code one_api(struct col_job *job, json_t *items, size_t i, const struct api_reads *v, json_t **slot,
                             struct osp_err *err)
{
    json_t *api = v->map_api(json_array_get(items, i), job->partition, job->region);
    if (!api)
        return OSP_OK;
    const char *id = json_string_value(json_object_get(json_object_get(api, "id"), "value"));
    struct col_read r[2];
    char path[300];
    col_fmt(path, sizeof path, "%s/%s/stages", v->prefix, id);
    rest_read(&r[0], job->region, path, "GetStages", "stages");
    col_fmt(path, sizeof path, "%s/%s/%s", v->prefix, id, v->second);
    rest_read(&r[1], job->region, path, v->second_name, v->second);
    if (v == &V1)
        col_read_param(&r[1], "embed", "methods"); /* every method in the same answer */
    else
        col_read_param(&r[0], v->limit, PAGE);
    col_read_param(&r[1], v->limit, PAGE);
    enum osp_code rc = col_read_all(job, NULL, r, 2, err); /* denied: fatal, see the top */
    if (rc == OSP_OK && r[0].answer == COL_ANS_OK) {
        if (v->map_stages)
            v->map_stages(api, r[0].body);
        else
            rc = rest_of_pages(job, &r[0], v->token, api, v->map_stages_page, err);
    }
    if (rc == OSP_OK && r[1].answer == COL_ANS_OK)
        rc = rest_of_pages(job, &r[1], v->token, api, v->map_second, err);
    col_reads_cleanup(r, 2);
    if (rc == OSP_OK)
        *slot = api;
    else
        json_decref(api);
    return rc;
}

static enum osp_code one_restapi(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    return one_api(job, ((struct gw_run *)ud)->v1, i, &V1, slot, err);
}

static enum osp_code one_api_v2(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    return one_api(job, ((struct gw_run *)ud)->v2, i, &V2, slot, err);
}

/* A list call of every page into items (raw). */
static enum osp_code list_all(struct col_job *job, const char *path, const char *name, const char *limit_param,
                              const char *tok, aws_page_fn fn, json_t *items, struct osp_err *err)
{
    struct aws_call c = col_rest_call(APIGW, job->region, AWS_PROTO_RESTJSON, "GET", path);
    c.action = name;
    c.headers = ACCEPT_JSON;
    enum osp_code rc = aws_call_param(&c, limit_param, PAGE);
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, tok, tok, NULL, fn, items, err);
    aws_call_cleanup(&c);
    return rc;
}

static void map_domains(json_t *raw, json_t *out, json_t *(*map)(json_t *, const char *, const char *),
                        struct col_job *job)
{
    json_t *d;
    size_t i;
    json_array_foreach(raw, i, d) {
        json_t *o = map(d, job->partition, job->region);
        if (o)
            col_push(out, o);
    }
}

enum osp_code col_apigateway(struct col_job *job, json_t *state, struct osp_err *err)
{
    json_t *v1 = json_object(), *v2 = json_object();
    json_object_set_new(state, "v1", v1);
    json_object_set_new(state, "v2", v2);
    struct gw_run run = {json_array(), json_array()};
    json_t *dom1 = json_array(), *dom2 = json_array();
    enum osp_code rc = list_all(job, "/restapis", "GetRestApis", "limit", "position", gather_v1, run.v1, err);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.v1), one_restapi, &run, col_arr(v1, "apis"), err);
    if (rc == OSP_OK)
        rc = list_all(job, "/domainnames", "GetDomainNames", "limit", "position", gather_v1, dom1, err);
    if (rc == OSP_OK)
        map_domains(dom1, col_arr(v1, "domainnames"), col_apigw_map_domain_v1, job);
    if (rc == OSP_OK)
        rc = list_all(job, "/v2/apis", "GetApis", "maxResults", "nextToken", gather_v2, run.v2, err);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.v2), one_api_v2, &run, col_arr(v2, "apis"), err);
    if (rc == OSP_OK)
        rc = list_all(job, "/v2/domainnames", "GetDomainNames", "maxResults", "nextToken", gather_v2, dom2, err);
    if (rc == OSP_OK)
        map_domains(dom2, col_arr(v2, "domainnames"), col_apigw_map_domain_v2, job);
    json_decref(run.v1);
    json_decref(run.v2);
    json_decref(dom1);
    json_decref(dom2);
    return rc;
}
