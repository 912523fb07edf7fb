/* acm.c: the ACM collector: the region's certificates of every key type (ListCertificates with
 * Includes.keyTypes, or AWS silently returns RSA_1024/RSA_2048 ones only). The summary carries all
 * a check reads (expiry, key algorithm, status, in use): no per-certificate call. */
#include "collect/col_int.h"

json_t *col_acm_map_summary(json_t *c)
{
    const char *arn = col_s(c, "CertificateArn");
    if (!arn)
        return NULL;
    json_t *o = col_obj(arn);
    col_add_str(o, "arn", arn, arn);
    col_add_str_v(o, "domainname", json_object_get(c, "DomainName"), arn);
    col_add_str_v(o, "status", json_object_get(c, "Status"), arn);
    col_add_str_v(o, "type", json_object_get(c, "Type"), arn);
    col_add_str_v(o, "keyalgorithm", json_object_get(c, "KeyAlgorithm"), arn);
    col_add_bool_v(o, "inuse", json_object_get(c, "InUse"), arn);
    col_add_str_v(o, "renewaleligibility", json_object_get(c, "RenewalEligibility"), arn);
    col_add_time_v(o, "notbefore", json_object_get(c, "NotBefore"), arn);
    col_add_time_v(o, "notafter", json_object_get(c, "NotAfter"), arn);
    return o;
}

static enum osp_code cert_page(void *ud, json_t *body, struct osp_err *err)
{
    json_t *c;
    size_t i;
    COL_ITEMS(json_object_get(body, "CertificateSummaryList"), i, c) col_push(ud, col_acm_map_summary(c));
    return OSP_OK;
}

enum osp_code col_acm(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct aws_call c = col_json_call(
        "acm", job->region, "CertificateManager.ListCertificates", "1.1",
        "{\"MaxItems\":1000,\"Includes\":{\"keyTypes\":[\"RSA_1024\",\"RSA_2048\",\"RSA_3072\",\"RSA_4096\","
        "\"EC_prime256v1\",\"EC_secp384r1\",\"EC_secp521r1\"]}}");
    enum osp_code rc = col_paginate(job, &c, "NextToken", "NextToken", NULL, cert_page, col_arr(state, "certificates"),
                                    err);
    aws_call_cleanup(&c);
    return rc;
}
