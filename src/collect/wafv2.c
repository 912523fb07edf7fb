/* wafv2.c: the WAFv2 collectors. One file, two registry entries, because AWS keeps the two
 * scopes apart:
 *   wafv2            (regional) the region's REGIONAL-scope web ACLs
 *   wafv2cloudfront  (global)   the CLOUDFRONT-scope web ACLs, once per account, read in the
 *                               partition's CloudFront region (us-east-1)
 * Both build `webacls[]` of the same shape (STATE.md). Per scope: ListWebACLs (paged), then per
 * ACL GetWebACL (rules, default action, metrics) and, REGIONAL only, ListResourcesForWebACL for
 * APPLICATION_LOAD_BALANCER, both in flight together (2 calls per ACL: an API Gateway stage names
 * its ACL itself, apigateway stages' webaclarn, so API_GATEWAY is not listed); once per scope
 * ListLoggingConfigurations (paged) joined to the ACLs by ARN; and the scope's own rule groups:
 * ListRuleGroups (paged), then GetRuleGroup each (`rulegroups[]`). A CloudFront distribution names
 * its ACL itself (cloudfront.distributions[_].wafid), so the global scope lists no resources. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define WAF_TARGET(op) "AWSWAF_20190729." op
#define WAF_MAX_PAGES 1000

/* The action of a DefaultAction / rule Action / OverrideAction object: its one member's name,
 * upper-cased ({"Allow": {}} -> "ALLOW"); "" when none. */
static void action_name(json_t *a, char *buf, size_t n)
{
    const char *k = json_is_object(a) && json_object_size(a) ? json_object_iter_key(json_object_iter(a)) : "";
    size_t i = 0;
    for (; k[i] && i + 1 < n; i++)
        buf[i] = (char)(k[i] >= 'a' && k[i] <= 'z' ? k[i] - 'a' + 'A' : k[i]);
    buf[i] = '\0';
}

static void add_visibility(json_t *o, json_t *vc, const char *arn)
{
    col_add_bool(o, "cloudwatchmetricsenabled", col_truthy(json_object_get(vc, "CloudWatchMetricsEnabled")), arn);
    col_add_bool(o, "sampledrequestsenabled", col_truthy(json_object_get(vc, "SampledRequestsEnabled")), arn);
    col_add_str_v(o, "metricname", json_object_get(vc, "MetricName"), arn);
}

/* What a rule's statement is: a rule group of the account, a managed one, or a rule of its own. */
static void add_statement_kind(json_t *o, json_t *st, const char *arn)
{
    json_t *ref = json_object_get(st, "RuleGroupReferenceStatement");
    json_t *mg = json_object_get(st, "ManagedRuleGroupStatement");
    char buf[320];
    if (json_is_object(ref)) {
        col_add_str(o, "kind", "rulegroup", arn);
        col_add_str_v(o, "rulegroup", json_object_get(ref, "ARN"), arn);
    } else if (json_is_object(mg)) {
        col_add_str(o, "kind", "managedrulegroup", arn);
        col_add_str(o, "rulegroup",
                    col_fmt(buf, sizeof buf, "%s/%s", col_s(mg, "VendorName") ? col_s(mg, "VendorName") : "",
                            col_s(mg, "Name") ? col_s(mg, "Name") : ""),
                    arn);
    } else
        col_add_str(o, "kind", "rule", arn);
}

static json_t *map_rule(json_t *r, const char *arn)
{
    char act[32];
    json_t *o = col_obj(arn);
    col_add_str_v(o, "name", json_object_get(r, "Name"), arn);
    col_add_int_v(o, "priority", json_object_get(r, "Priority"), arn);
    action_name(json_object_get(r, "Action"), act, sizeof act);
    col_add_str(o, "action", act, arn);
    action_name(json_object_get(r, "OverrideAction"), act, sizeof act);
    col_add_str(o, "overrideaction", act, arn);
    add_statement_kind(o, json_object_get(r, "Statement"), arn);
    add_visibility(o, json_object_get(r, "VisibilityConfig"), arn);
    return o;
}

/* Firewall Manager's rule groups run before (pre) or after (post) the ACL's own rules. */
static void add_fms_groups(json_t *out, json_t *list, const char *phase, const char *arn)
{
    json_t *g;
    size_t i;
    COL_ITEMS(list, i, g) {
        json_t *o = col_obj(arn);
        col_add_str_v(o, "name", json_object_get(g, "Name"), arn);
        col_add_int_v(o, "priority", json_object_get(g, "Priority"), arn);
        col_add_str(o, "phase", phase, arn);
        add_visibility(o, json_object_get(g, "VisibilityConfig"), arn);
        col_push(out, o);
    }
}

json_t *col_wafv2_map_summary(json_t *s, const char *scope)
{
    const char *arn = col_s(s, "ARN");
    if (!arn || !*arn)
        return NULL;
    json_t *o = col_obj(arn), *log = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(s, "Name"), arn);
    col_add_str_v(o, "id", json_object_get(s, "Id"), arn);
    col_add_str(o, "scope", scope, arn);
    col_add_bool(log, "enabled", 0, arn); /* col_wafv2_map_logging sets it */
    col_arr(log, "destinations");
    col_set(o, "logging", log);
    col_arr(o, "associatedresources");
    return o;
}

void col_wafv2_map_acl(json_t *acl, json_t *resp)
{
    const char *arn = json_string_value(json_object_get(json_object_get(acl, "__defsec_metadata"), "resource"));
    json_t *w = json_object_get(resp, "WebACL"), *r;
    size_t i;
    char act[32];
    if (!json_is_object(w))
        return;
    action_name(json_object_get(w, "DefaultAction"), act, sizeof act);
    col_add_str(acl, "defaultaction", act, arn);
    col_add_int_v(acl, "capacity", json_object_get(w, "Capacity"), arn);
    col_add_bool(acl, "managedbyfirewallmanager", col_truthy(json_object_get(w, "ManagedByFirewallManager")), arn);
    add_visibility(acl, json_object_get(w, "VisibilityConfig"), arn);
    json_t *rules = col_arr(acl, "rules");
    COL_ITEMS(json_object_get(w, "Rules"), i, r) col_push(rules, map_rule(r, arn));
    json_t *fms = col_arr(acl, "firewallmanagerrulegroups");
    add_fms_groups(fms, json_object_get(w, "PreProcessFirewallManagerRuleGroups"), "pre", arn);
    add_fms_groups(fms, json_object_get(w, "PostProcessFirewallManagerRuleGroups"), "post", arn);
}

/* summary: a ListRuleGroups entry; resp: GetRuleGroup (NULL when denied: the summary's fields). */
json_t *col_wafv2_map_rule_group(json_t *summary, json_t *resp, const char *scope)
{
    const char *arn = col_s(summary, "ARN");
    json_t *g = json_object_get(resp, "RuleGroup"), *r;
    size_t i;
    if (!arn || !*arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(summary, "Name"), arn);
    col_add_str_v(o, "id", json_object_get(summary, "Id"), arn);
    col_add_str(o, "scope", scope, arn);
    if (!json_is_object(g))
        return o;
    col_add_int_v(o, "capacity", json_object_get(g, "Capacity"), arn);
    add_visibility(o, json_object_get(g, "VisibilityConfig"), arn);
    json_t *rules = col_arr(o, "rules");
    COL_ITEMS(json_object_get(g, "Rules"), i, r) col_push(rules, map_rule(r, arn));
    return o;
}

void col_wafv2_map_resources(json_t *acl, json_t *resp, const char *type)
{
    const char *arn = json_string_value(json_object_get(json_object_get(acl, "__defsec_metadata"), "resource"));
    json_t *out = col_arr(acl, "associatedresources"), *a;
    size_t i;
    COL_ITEMS(json_object_get(resp, "ResourceArns"), i, a) {
        if (!json_is_string(a))
            continue;
        json_t *o = col_obj(arn);
        col_add_str(o, "arn", json_string_value(a), arn);
        col_add_str(o, "type", type, arn);
        col_push(out, o);
    }
}

/* Join ListLoggingConfigurations entries to the ACLs they name (entries of other ACLs, e.g. the
 * other scope's, are ignored). */
void col_wafv2_map_logging(json_t *acls, json_t *configs)
{
    json_t *acl, *c, *d;
    size_t i, j, k;
    COL_ITEMS(acls, i, acl) {
        const char *arn = col_s(acl, "arn.value");
        json_t *log = json_object_get(acl, "logging");
        COL_ITEMS(configs, j, c) {
            const char *res = col_s(c, "ResourceArn");
            if (!arn || !res || strcmp(arn, res) || !json_is_object(log))
                continue;
            json_t *dests = col_arr(log, "destinations");
            int any = 0;
            COL_ITEMS(json_object_get(c, "LogDestinationConfigs"), k, d) {
                if (json_is_string(d) && *json_string_value(d)) {
                    col_push(dests, col_wrap(json_string(json_string_value(d)), arn));
                    any = 1;
                }
            }
            col_add_bool(log, "enabled", any, arn);
            col_add_bool(log, "managedbyfirewallmanager", col_truthy(json_object_get(c, "ManagedByFirewallManager")),
                         arn);
            col_add_str_v(log, "logtype", json_object_get(c, "LogType"), arn);
        }
    }
}

struct waf_run {
    const char *scope;  /* "REGIONAL" / "CLOUDFRONT" */
    const char *region; /* where the scope is read */
    json_t *summaries;
};

/* ListWebACLs / ListLoggingConfigurations: AWS hands out a NextMarker as long as it has more;
 * the walk also stops on a page without items (a marker that leads nowhere). */
static enum osp_code list_scope(struct col_job *job, const struct waf_run *run, const char *op, const char *key,
                                json_t *out, struct osp_err *err)
{
    char *marker = NULL;
    enum osp_code rc = OSP_OK;
    for (int page = 0; rc == OSP_OK && page < WAF_MAX_PAGES; page++) {
        json_t *req = json_pack("{s:s, s:i}", "Scope", run->scope, "Limit", 100), *body = NULL, *x;
        if (req && marker)
            json_object_set_new(req, "NextMarker", json_string(marker));
        char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
        json_decref(req);
        if (!txt) {
            rc = osp_err_set(err, OSP_ENOMEM, "%s: out of memory building %s", job->service, op);
            break;
        }
        struct aws_call c = col_json_call("wafv2", run->region, op, "1.1", txt); /* action: the X-Amz-Target */
        rc = col_get(job, &c, NULL, &body, err);
        aws_call_cleanup(&c);
        free(txt);
        size_t i, got = 0;
        COL_ITEMS(json_object_get(body, key), i, x) {
            json_array_append(out, x);
            got++;
        }
        const char *next = col_s(body, "NextMarker");
        free(marker);
        marker = rc == OSP_OK && got && next && *next ? strdup(next) : NULL;
        json_decref(body);
        if (!marker)
            break;
    }
    free(marker);
    return rc;
}

static void waf_read(struct col_read *r, const struct waf_run *run, const char *op, json_t *req, const char *fields)
{
    char *txt = req ? json_dumps(req, JSON_COMPACT) : NULL;
    osp_err_init(&r->err);
    if (!txt || strlen(txt) >= sizeof r->arg)
        osp_err_set(&r->err, OSP_ENOMEM, "wafv2: cannot build %s", op);
    col_fmt(r->arg, sizeof r->arg, "%s", txt ? txt : "{}");
    r->call = col_json_call("wafv2", run->region, op, "1.1", r->arg);
    r->name = op + strlen(WAF_TARGET("")); /* the call's action stays the full X-Amz-Target */
    r->fields = fields;
    free(txt);
    json_decref(req);
}

static const char *const resource_types[] = {"APPLICATION_LOAD_BALANCER"};

static enum osp_code one_acl(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct waf_run *run = ud;
    json_t *sum = json_array_get(run->summaries, i);
    json_t *acl = col_wafv2_map_summary(sum, run->scope);
    if (!acl || !col_s(sum, "Name") || !col_s(sum, "Id")) {
        json_decref(acl);
        return OSP_ENOTFOUND;
    }
    int regional = !strcmp(run->scope, "REGIONAL");
    size_t n = regional ? 1 + sizeof(resource_types) / sizeof(resource_types[0]) : 1;
    struct col_read r[1 + sizeof(resource_types) / sizeof(resource_types[0])];
    memset(r, 0, sizeof r);
    waf_read(&r[0], run, WAF_TARGET("GetWebACL"),
             json_pack("{s:s, s:s, s:s}", "Name", col_s(sum, "Name"), "Scope", run->scope, "Id", col_s(sum, "Id")),
             "rules,defaultaction,firewallmanagerrulegroups,cloudwatchmetricsenabled");
    for (size_t k = 1; k < n; k++)
        waf_read(&r[k], run, WAF_TARGET("ListResourcesForWebACL"),
                 json_pack("{s:s, s:s}", "WebACLArn", col_s(sum, "ARN"), "ResourceType", resource_types[k - 1]),
                 "associatedresources");
    enum osp_code rc = col_read_all(job, acl, r, n, err);
    if (rc == OSP_OK && r[0].answer == COL_ANS_OK)
        col_wafv2_map_acl(acl, r[0].body);
    for (size_t k = 1; rc == OSP_OK && k < n; k++)
        if (r[k].answer == COL_ANS_OK)
            col_wafv2_map_resources(acl, r[k].body, resource_types[k - 1]);
    col_reads_cleanup(r, n);
    if (rc == OSP_OK)
        *slot = acl;
    else
        json_decref(acl);
    return rc;
}

static enum osp_code one_group(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err)
{
    struct waf_run *run = ud;
    json_t *sum = json_array_get(run->summaries, i);
    json_t *g = col_wafv2_map_rule_group(sum, NULL, run->scope);
    if (!g || !col_s(sum, "Name") || !col_s(sum, "Id")) {
        json_decref(g);
        return OSP_ENOTFOUND;
    }
    struct col_read r;
    memset(&r, 0, sizeof r);
    waf_read(&r, run, WAF_TARGET("GetRuleGroup"),
             json_pack("{s:s, s:s, s:s}", "Name", col_s(sum, "Name"), "Scope", run->scope, "Id", col_s(sum, "Id")),
             "rules,cloudwatchmetricsenabled");
    enum osp_code rc = col_read_all(job, g, &r, 1, err);
    if (rc == OSP_OK && r.answer == COL_ANS_OK) {
        json_decref(g);
        g = col_wafv2_map_rule_group(sum, r.body, run->scope);
    }
    col_reads_cleanup(&r, 1);
    if (rc == OSP_OK)
        *slot = g;
    else
        json_decref(g);
    return rc;
}

static enum osp_code collect_scope(struct col_job *job, json_t *state, const char *scope, const char *region,
                                   struct osp_err *err)
{
    struct waf_run run = {scope, region, json_array()};
    json_t *acls = col_arr(state, "webacls"), *configs = json_array();
    enum osp_code rc = list_scope(job, &run, WAF_TARGET("ListWebACLs"), "WebACLs", run.summaries, err);
    size_t n = json_array_size(run.summaries);
    if (rc == OSP_OK)
        rc = col_each_push(job, n, one_acl, &run, acls, err);
    if (rc == OSP_OK && n > 0)
        rc = list_scope(job, &run, WAF_TARGET("ListLoggingConfigurations"), "LoggingConfigurations", configs, err);
    if (rc == OSP_OK)
        col_wafv2_map_logging(acls, configs);
    json_decref(run.summaries);
    json_decref(configs);
    struct waf_run groups = {scope, region, json_array()};
    if (rc == OSP_OK)
        rc = list_scope(job, &groups, WAF_TARGET("ListRuleGroups"), "RuleGroups", groups.summaries, err);
    if (rc == OSP_OK)
        rc = col_each_push(job, json_array_size(groups.summaries), one_group, &groups, col_arr(state, "rulegroups"), err);
    json_decref(groups.summaries);
    return rc;
}

enum osp_code col_wafv2(struct col_job *job, json_t *state, struct osp_err *err)
{
    return collect_scope(job, state, "REGIONAL", job->region, err);
}

/* The region the CLOUDFRONT scope is managed from; NULL: the partition has no CloudFront. */
const char *col_wafv2_cloudfront_region(const char *partition)
{
    if (!partition || !strcmp(partition, "aws"))
        return "us-east-1";
    if (!strcmp(partition, "aws-cn"))
        return "cn-northwest-1";
    return NULL;
}

enum osp_code col_wafv2cloudfront(struct col_job *job, json_t *state, struct osp_err *err)
{
    const char *region = col_wafv2_cloudfront_region(job->partition);
    if (!region) {
        col_arr(state, "webacls");
        col_arr(state, "rulegroups");
        return OSP_OK;
    }
    return collect_scope(job, state, "CLOUDFRONT", region, err);
}
