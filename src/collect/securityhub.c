/* securityhub.c: the Security Hub collector: is the hub enabled in the region, and which standards
 * are. "Not subscribed" (InvalidAccessException) is a state, `enabled: false`, never a failure. */
#include <string.h>

#include "collect/col_int.h"
#include "core/log.h"

/* DescribeHub; NULL: not subscribed. arn: the hub's ARN (AWS gives it only when enabled). */
json_t *col_sh_map_hub(json_t *resp, const char *arn)
{
    const char *hub_arn = col_s(resp, "HubArn");
    if (hub_arn && *hub_arn)
        arn = hub_arn;
    json_t *h = col_obj(arn);
    col_add_str(h, "arn", arn, arn);
    col_add_bool(h, "enabled", resp != NULL && hub_arn != NULL, arn);
    col_add_time_v(h, "subscribedat", json_object_get(resp, "SubscribedAt"), arn);
    col_add_bool_v(h, "autoenablecontrols", json_object_get(resp, "AutoEnableControls"), arn);
    col_add_str_v(h, "controlfindinggenerator", json_object_get(resp, "ControlFindingGenerator"), arn);
    return h;
}

/* GetEnabledStandards: hub.standards[] (always set when the answer came). */
void col_sh_map_standards(json_t *hub, json_t *resp)
{
    const char *arn = json_string_value(json_object_get(json_object_get(hub, "__defsec_metadata"), "resource"));
    json_t *out = col_arr(hub, "standards"), *s;
    size_t i;
    COL_ITEMS(json_object_get(resp, "StandardsSubscriptions"), i, s) {
        const char *sub = col_s(s, "StandardsSubscriptionArn");
        if (!json_is_object(s))
            continue;
        json_t *o = col_obj(sub ? sub : arn);
        col_add_str(o, "arn", sub, sub ? sub : arn);
        col_add_str_v(o, "standardsarn", json_object_get(s, "StandardsArn"), sub ? sub : arn);
        col_add_str_v(o, "status", json_object_get(s, "StandardsStatus"), sub ? sub : arn);
        col_push(out, o);
    }
}

enum osp_code col_securityhub(struct col_job *job, json_t *state, struct osp_err *err)
{
    char arn[256];
    col_fmt(arn, sizeof arn, "arn:%s:securityhub:%s:%s:hub/default", job->partition, job->region, job->account);
    struct aws_call c = col_rest_call("securityhub", job->region, AWS_PROTO_RESTJSON, "GET", "/accounts");
    c.action = "DescribeHub";
    json_t *body = NULL;
    enum osp_code rc = col_get(job, &c, "InvalidAccessException", &body, err);
    aws_call_cleanup(&c);
    if (rc != OSP_OK)
        return rc;
    json_t *hub = col_sh_map_hub(body, arn);
    json_decref(body);
    col_set(state, "hub", hub);
    if (!json_is_true(json_object_get(json_object_get(hub, "enabled"), "value")))
        return OSP_OK;
    /* At most a handful of standards exist: one page of 100 holds them all. */
    struct col_read r;
    memset(&r, 0, sizeof r);
    r.call = col_rest_call("securityhub", job->region, AWS_PROTO_RESTJSON, "POST", "/standards/get");
    r.call.body = "{\"MaxResults\":100}";
    r.call.action = r.name = "GetEnabledStandards";
    r.fields = "standards";
    osp_err_init(&r.err);
    rc = col_read_all(job, hub, &r, 1, err);
    if (rc == OSP_OK && r.answer == COL_ANS_OK)
        col_sh_map_standards(hub, r.body);
    else if (rc == OSP_ENOTFOUND || (r.answer == COL_ANS_FAILED && !strcmp(r.code, "404"))) {
        /* an endpoint without the API (moto answers a bare 404): standards stay unknown (absent) */
        osp_debug(job->ctx, "securityhub %s: GetEnabledStandards not answered (%s)", job->region, r.code);
        osp_err_init(err);
        rc = OSP_OK;
    }
    col_reads_cleanup(&r, 1);
    return rc;
}
