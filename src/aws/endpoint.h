/* endpoint.h: where a (service, region) call goes and how it is signed.
 *
 * Resolution order (highest first): opts.endpoint_url (--endpoint), AWS_ENDPOINT_URL_<SERVICE_ID>
 * (e.g. AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS), AWS_ENDPOINT_URL, the profile's
 * endpoint_url, then the partition's default host. Global services (IAM, CloudFront, Route 53,
 * Organizations) map to one host per partition and a fixed signing region; S3 in us-east-1 uses
 * the legacy global host. Everything here is pure apart from osp_getenv().
 */
#ifndef OSPREY_AWS_ENDPOINT_H
#define OSPREY_AWS_ENDPOINT_H

#include "core/ctx.h"
#include "core/err.h"

struct aws_endpoint {
    char url[512];       /* "https://iam.amazonaws.com" or custom base, no trailing '/' */
    char host[256];      /* Host header: host[:port] */
    char base_path[256]; /* path prefix of a custom endpoint ("" normally) */
    char signing_region[40];
    char signing_name[48];
    const char *source; /* "default", "--endpoint", "AWS_ENDPOINT_URL_S3", ... (static) */
    int custom;
};

OSP_MUST_CHECK enum osp_code aws_endpoint_resolve(const struct osp_ctx *ctx, const char *opt_url,
                                                  const char *profile_url, const char *service, const char *region,
                                                  struct aws_endpoint *out, struct osp_err *err);
/* Prepend a host prefix ("123456789012." for S3 Control) to a default endpoint's host and URL.
 * Custom endpoints (emulators, proxies) are left alone, as they route by path. */
OSP_MUST_CHECK enum osp_code aws_endpoint_apply_host_prefix(struct aws_endpoint *ep, const char *prefix,
                                                            struct osp_err *err);
/* The SDK service id used in AWS_ENDPOINT_URL_<ID>: "logs" -> "CLOUDWATCH_LOGS". Writes into out. */
void aws_endpoint_service_env_id(const char *service, char *out, size_t outlen);
/* DNS suffix of a partition: "amazonaws.com", "amazonaws.com.cn", ... */
const char *aws_partition_dns_suffix(const char *partition);

#endif
