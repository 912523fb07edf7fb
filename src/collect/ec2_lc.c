/* ec2_lc.c: Auto Scaling launch configurations, which Trivy reads as ec2.launchconfigurations
 * (and trivy-aws never fills): public IP, block device encryption, metadata options, user data
 * (decoded and stored with secrets redacted). One paginated call, nothing per item. */
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"

#define LC_RESULT "DescribeLaunchConfigurationsResponse.DescribeLaunchConfigurationsResult"

json_t *col_ec2_map_launch_config(json_t *lc)
{
    const char *arn = col_s(lc, "LaunchConfigurationARN");
    json_t *m, *mo = json_object_get(lc, "MetadataOptions");
    size_t i;
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "name", json_object_get(lc, "LaunchConfigurationName"), arn);
    col_add_str_v(o, "imageid", json_object_get(lc, "ImageId"), arn);
    /* absent: the subnet's setting decides (not a request for a public IP) */
    col_add_bool(o, "associatepublicip", col_truthy(json_object_get(lc, "AssociatePublicIpAddress")), arn);
    json_t *ebs = col_arr(o, "ebsblockdevices");
    COL_ITEMS(json_object_get(lc, "BlockDeviceMappings"), i, m) {
        json_t *e = json_object_get(m, "Ebs");
        if (!json_is_object(e))
            continue; /* instance store (VirtualName) or NoDevice */
        json_t *d = col_obj(arn);
        col_add_str_v(d, "devicename", json_object_get(m, "DeviceName"), arn);
        col_add_bool(d, "encrypted", col_truthy(json_object_get(e, "Encrypted")), arn);
        col_push(ebs, d);
    }
    if (json_is_object(mo)) {
        json_t *x = col_obj(arn);
        col_add_str_v(x, "httptokens", json_object_get(mo, "HttpTokens"), arn);
        col_add_str_v(x, "httpendpoint", json_object_get(mo, "HttpEndpoint"), arn);
        col_set(o, "metadataoptions", x);
    }
    const char *ud = col_s(lc, "UserData");
    char *txt = ud && *ud ? col_base64_decode(ud, NULL) : NULL;
    col_add_secret_text(o, "userdata", txt, arn);
    free(txt);
    return o;
}

static enum osp_code lc_page(void *ud, json_t *body, struct osp_err *err)
{
    json_t *out = ud, *lc;
    size_t i;
    COL_ITEMS(aws_get(body, LC_RESULT ".LaunchConfigurations"), i, lc) {
        json_t *o = col_ec2_map_launch_config(lc);
        if (o)
            col_push(out, o);
    }
    return OSP_OK;
}

enum osp_code col_ec2_launch_configs(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct aws_call c = col_query_call("autoscaling", job->region, "DescribeLaunchConfigurations", "2011-01-01");
    enum osp_code rc = aws_call_param(&c, "MaxRecords", "100");
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "NextToken", LC_RESULT ".NextToken", NULL, lc_page,
                          col_arr(state, "launchconfigurations"), err);
    aws_call_cleanup(&c);
    return rc;
}
