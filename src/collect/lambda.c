/* lambda.c: the Lambda collector: functions (runtime, tracing, environment variable names with
 * their values redacted), each function's resource policy, and its function URL where the policy
 * lets someone outside the account invoke one. */
#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "collect/col_int.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Environment.Variables: names in order, values always stored as redaction markers. */
static json_t *environment(json_t *env, const char *arn)
{
    json_t *vars = json_object_get(env, "Variables"), *e = col_obj(arn), *out = col_arr(e, "variables");
    size_t n = json_is_object(vars) ? json_object_size(vars) : 0, k = 0;
    const char **names = calloc(n + 1, sizeof *names);
    const char *key;
    json_t *v;
    if (!names)
        return e;
    json_object_foreach(vars, key, v) names[k++] = key;
    qsort(names, k, sizeof *names, cmp_str);
    for (size_t i = 0; i < k; i++) {
        json_t *o = col_obj(arn);
        col_add_str(o, "name", names[i], arn);
        col_add_secret_value(o, "value", names[i], json_object_get(vars, names[i]), arn);
        col_push(out, o);
    }
    free(names);
    return e;
}

json_t *col_lambda_map_function(json_t *fn)
{
    const char *arn = col_s(fn, "FunctionArn");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn), *tr = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(fn, "FunctionName"), arn);
    col_add_str_v(o, "runtime", json_object_get(fn, "Runtime"), arn);
    col_add_str_v(o, "role", json_object_get(fn, "Role"), arn);
    col_add_str_v(o, "packagetype", json_object_get(fn, "PackageType"), arn);
    col_add_str_v(tr, "mode", aws_get(fn, "TracingConfig.Mode"), arn);
    col_set(o, "tracing", tr);
    col_set(o, "environment", environment(json_object_get(fn, "Environment"), arn));
    col_arr(o, "permissions");
    col_arr(o, "functionurls");
    return o;
}

/* First string of a condition value (string or list). */
static const char *first_str(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    return json_is_array(v) ? json_string_value(json_array_get(v, 0)) : NULL;
}

/* The statement's source restriction, whatever the operator (ArnLike, ArnEquals, StringEquals,
 * StringLike, ...) and the key's case: aws:SourceArn, else aws:SourceAccount. */
static void sources(json_t *cond, const char **arn, const char **account)
{
    const char *op, *key;
    json_t *kv, *v;
    *arn = *account = NULL;
    json_object_foreach(cond, op, kv) {
        if (!json_is_object(kv))
            continue;
        json_object_foreach(kv, key, v) {
            if (!strcasecmp(key, "aws:SourceArn") && !*arn)
                *arn = first_str(v);
            else if (!strcasecmp(key, "aws:SourceAccount") && !*account)
                *account = first_str(v);
        }
    }
}

static void add_permission(json_t *out, json_t *st, const char *principal, const char *arn)
{
    const char *src, *acct;
    sources(json_object_get(st, "Condition"), &src, &acct);
    json_t *p = col_obj(arn);
    col_add_str(p, "principal", principal, arn);
    col_add_str(p, "sourcearn", src ? src : acct, arn); /* Trivy: a SourceAccount restriction counts too */
    col_add_str(p, "sourceaccount", acct, arn);
    col_add_str_v(p, "statementid", json_object_get(st, "Sid"), arn);
    col_add_str_v(p, "effect", json_object_get(st, "Effect"), arn);
    json_t *act = json_object_get(st, "Action");
    col_add_str(p, "action", first_str(act), arn);
    col_push(out, p);
}

void col_lambda_map_policy(json_t *fn, json_t *resp)
{
    const char *arn = json_string_value(json_object_get(json_object_get(fn, "__defsec_metadata"), "resource"));
    const char *text = col_s(resp, "Policy");
    json_t *doc = text ? json_loads(text, 0, NULL) : NULL, *sts, *st;
    if (!json_is_object(doc)) {
        json_decref(doc);
        return;
    }
    col_add_doc_v(fn, "policy", json_object_get(resp, "Policy"), arn);
    json_t *out = col_arr(fn, "permissions");
    sts = json_object_get(doc, "Statement");
    size_t i;
    COL_ITEMS(sts, i, st) {
        json_t *pr = json_object_get(st, "Principal"), *list, *v;
        const char *kind;
        size_t k;
        if (json_is_string(pr)) {
            add_permission(out, st, json_string_value(pr), arn);
            continue;
        }
        if (!json_is_object(pr))
            continue;
        json_object_foreach(pr, kind, list) {
            COL_ITEMS(list, k, v) {
                if (json_is_string(v))
                    add_permission(out, st, json_string_value(v), arn);
            }
        }
    }
    json_decref(doc);
}

void col_lambda_map_url(json_t *fn, json_t *resp)
{
    const char *arn = json_string_value(json_object_get(json_object_get(fn, "__defsec_metadata"), "resource"));
    if (!col_s(resp, "FunctionUrl"))
        return;
    json_t *u = col_obj(arn);
    col_add_str_v(u, "url", json_object_get(resp, "FunctionUrl"), arn);
    col_add_str_v(u, "authtype", json_object_get(resp, "AuthType"), arn);
    col_push(col_arr(fn, "functionurls"), u);
}

struct lambda_run {
    json_t *fns; /* raw ListFunctions entries */
};

static enum osp_code fn_page(void *ud, json_t *body, struct osp_err *err)
{
    struct lambda_run *run = ud;
    json_t *f;
    size_t i;
    COL_ITEMS(json_object_get(body, "Functions"), i, f) json_array_append(run->fns, f);
    return OSP_OK;
}

/* Can a statement of this policy let someone invoke a function URL (lambda:InvokeFunctionUrl,
 * matched by IAM's case-insensitive wildcards, or a NotAction)? Without one a URL can be called
 * by nobody (AuthType NONE) or only by the account's own IAM principals (AWS_IAM): not read. */
static int policy_invokes_url(json_t *resp)
{
    const char *text = col_s(resp, "Policy");
    json_t *doc = text ? json_loads(text, 0, NULL) : NULL, *st, *a;
    size_t i, k;
    int yes = 0;
    COL_ITEMS(json_object_get(doc, "Statement"), i, st) {
        const char *eff = col_s(st, "Effect");
        if (eff && strcasecmp(eff, "Allow"))
            continue;
        yes |= json_object_get(st, "NotAction") != NULL;
        COL_ITEMS(json_object_get(st, "Action"), k, a) {
            char low[128];
            const char *v = json_string_value(a);
            size_t n = v ? strlen(v) : 0;
            if (!v || n >= sizeof low)
                continue;
            for (size_t c = 0; c <= n; c++)
                low[c] = (char)tolower((unsigned char)v[c]);
            yes |= fnmatch(low, "lambda:invokefunctionurl", 0) == 0;
        }
    }
    json_decref(doc);
    return yes;
}

/* GetPolicy, then GetFunctionUrlConfig only where the policy (or a denied read of it) leaves a
 * URL callable from outside the account: one call for most functions, never more than two. */
static enum osp_code one_function(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct lambda_run *run = ud;
    json_t *raw = json_array_get(run->fns, i);
    json_t *fn = col_lambda_map_function(raw);
    const char *name = col_s(raw, "FunctionName");
    if (!fn || !name) {
        json_decref(fn);
        return OSP_ENOTFOUND;
    }
    struct col_read r[2];
    memset(r, 0, sizeof r);
    col_fmt(r[0].arg, sizeof r[0].arg, "/2015-03-31/functions/%s/policy", name);
    r[0].call = col_rest_call("lambda", job->region, AWS_PROTO_RESTJSON, "GET", r[0].arg);
    r[0].name = "GetPolicy";
    r[0].fields = "permissions,policy";
    col_fmt(r[1].arg, sizeof r[1].arg, "/2021-10-31/functions/%s/url", name);
    r[1].call = col_rest_call("lambda", job->region, AWS_PROTO_RESTJSON, "GET", r[1].arg);
    r[1].name = "GetFunctionUrlConfig";
    r[1].fields = "functionurls";
    for (int k = 0; k < 2; k++) {
        r[k].absent = "ResourceNotFoundException"; /* no policy / no URL */
        osp_err_init(&r[k].err);
    }
    enum osp_code rc = col_read_all(job, fn, r, 1, err);
    int url = rc == OSP_OK && (r[0].answer == COL_ANS_DENIED ||
                               (r[0].answer == COL_ANS_OK && policy_invokes_url(r[0].body)));
    if (url)
        rc = col_read_all(job, fn, &r[1], 1, err);
    if (rc == OSP_OK && r[0].answer == COL_ANS_OK)
        col_lambda_map_policy(fn, r[0].body);
    if (rc == OSP_OK && url && r[1].answer == COL_ANS_OK)
        col_lambda_map_url(fn, r[1].body);
    col_reads_cleanup(r, 2);
    if (rc == OSP_OK)
        *slot = fn;
    else
        json_decref(fn);
    return rc;
}

enum osp_code col_lambda(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct lambda_run run = {json_array()};
    json_t *fns = col_arr(state, "functions");
    struct aws_call c = col_rest_call("lambda", job->region, AWS_PROTO_RESTJSON, "GET", "/2015-03-31/functions/");
    enum osp_code rc = aws_call_param(&c, "MaxItems", "50");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "Marker", "NextMarker", NULL, fn_page, &run, err);
    aws_call_cleanup(&c);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(run.fns), one_function, &run, fns, err);
    json_decref(run.fns);
    return rc;
}
