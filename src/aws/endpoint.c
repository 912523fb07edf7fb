/* endpoint.c: partitions, global services and AWS_ENDPOINT_URL* overrides. */
#include "aws/endpoint.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "aws/aws.h"

const char *aws_partition_of(const char *region)
{
    if (!region)
        return "aws";
    if (strncmp(region, "cn-", 3) == 0)
        return "aws-cn";
    if (strncmp(region, "us-gov-", 7) == 0)
        return "aws-us-gov";
    if (strncmp(region, "us-isob-", 8) == 0)
        return "aws-iso-b";
    if (strncmp(region, "us-iso-", 7) == 0)
        return "aws-iso";
    return "aws";
}

/* The public regions of each partition (opt-in regions included), for batch forms that take a
 * region filter (S3 ListBuckets' bucket-region). */
static const char *const regions_aws[] = {
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-east-2",
    "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
    "ap-southeast-5", "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ca-central-1",
    "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1",
    "eu-south-2", "eu-north-1", "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1", NULL,
};
static const char *const regions_cn[] = {"cn-north-1", "cn-northwest-1", NULL};
static const char *const regions_gov[] = {"us-gov-west-1", "us-gov-east-1", NULL};

const char *const *aws_partition_regions(const char *partition, size_t *n)
{
    const char *const *r = !partition || strcmp(partition, "aws") == 0 ? regions_aws
                            : strcmp(partition, "aws-cn") == 0       ? regions_cn
                            : strcmp(partition, "aws-us-gov") == 0   ? regions_gov
                                                                     : NULL;
    *n = 0;
    while (r && r[*n])
        (*n)++;
    return r;
}

const char *aws_partition_dns_suffix(const char *partition)
{
    if (strcmp(partition, "aws-cn") == 0)
        return "amazonaws.com.cn";
    if (strcmp(partition, "aws-iso") == 0)
        return "c2s.ic.gov";
    if (strcmp(partition, "aws-iso-b") == 0)
        return "sc2s.sgov.gov";
    return "amazonaws.com";
}

/* "-[a-z]+-[0-9]+" to the end of the string. */
static int region_tail_ok(const char *p)
{
    if (*p++ != '-' || !islower((unsigned char)*p))
        return 0;
    while (islower((unsigned char)*p))
        p++;
    if (*p++ != '-' || !isdigit((unsigned char)*p))
        return 0;
    while (isdigit((unsigned char)*p))
        p++;
    return *p == '\0';
}

/* ^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$ */
int aws_region_is_valid(const char *r)
{
    if (!r || strlen(r) > 32 || !islower((unsigned char)r[0]) || !islower((unsigned char)r[1]))
        return 0;
    const char *p = r + 2;
    if (region_tail_ok(p))
        return 1;
    if (strncmp(p, "-gov", 4) == 0 && region_tail_ok(p + 4))
        return 1;
    if (strncmp(p, "-iso", 4) == 0)
        return region_tail_ok(p + 4) || (islower((unsigned char)p[4]) && region_tail_ok(p + 5));
    return 0;
}

static const struct {
    const char *service;
    const char *env_id;
} env_ids[] = {
    {"logs", "CLOUDWATCH_LOGS"},
    {"monitoring", "CLOUDWATCH"},
    {"config", "CONFIG_SERVICE"},
    {"route53", "ROUTE_53"},
    {"access-analyzer", "ACCESSANALYZER"},
    {"elasticloadbalancing", "ELASTIC_LOAD_BALANCING_V2"},
    {"secretsmanager", "SECRETS_MANAGER"},
    {"apigateway", "API_GATEWAY"},
    {"elasticfilesystem", "EFS"},
    {"elasticmapreduce", "EMR"},
    {"es", "OPENSEARCH"},
    {"kafka", "KAFKA"},
    {"states", "SFN"},
    {"cognito-idp", "COGNITO_IDENTITY_PROVIDER"},
    {"elasticbeanstalk", "ELASTIC_BEANSTALK"},
    {"s3-control", "S3_CONTROL"},
    {"sso", "SSO"},
    {"sso-oidc", "SSO_OIDC"},
    {"email", "SES"},
    {"api.sagemaker", "SAGEMAKER"},
    {"api.ecr", "ECR"},
};

void aws_endpoint_service_env_id(const char *service, char *out, size_t outlen)
{
    for (size_t i = 0; i < sizeof(env_ids) / sizeof(env_ids[0]); i++) {
        if (strcmp(env_ids[i].service, service) == 0) {
            snprintf(out, outlen, "%s", env_ids[i].env_id);
            return;
        }
    }
    size_t j = 0;
    for (const char *s = service; *s && j + 1 < outlen; s++)
        out[j++] = (*s == '-' || *s == '.') ? '_' : (char)toupper((unsigned char)*s);
    if (outlen)
        out[j < outlen ? j : outlen - 1] = '\0';
}

/* Global services: one host per partition and a fixed signing region. */
struct global {
    const char *service, *partition, *host, *region;
};
static const struct global globals[] = {
    {"iam", "aws", "iam.amazonaws.com", "us-east-1"},
    {"iam", "aws-cn", "iam.cn-north-1.amazonaws.com.cn", "cn-north-1"},
    {"iam", "aws-us-gov", "iam.us-gov.amazonaws.com", "us-gov-west-1"},
    {"cloudfront", "aws", "cloudfront.amazonaws.com", "us-east-1"},
    {"cloudfront", "aws-cn", "cloudfront.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
    {"route53", "aws", "route53.amazonaws.com", "us-east-1"},
    {"route53", "aws-cn", "route53.amazonaws.com.cn", "cn-northwest-1"},
    {"route53", "aws-us-gov", "route53.us-gov.amazonaws.com", "us-gov-west-1"},
    {"organizations", "aws", "organizations.us-east-1.amazonaws.com", "us-east-1"},
    {"organizations", "aws-cn", "organizations.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
    {"organizations", "aws-us-gov", "organizations.us-gov-west-1.amazonaws.com", "us-gov-west-1"},
    {"s3", "aws", NULL, NULL}, /* regional, except the legacy us-east-1 host below */
};

static const char *signing_name_of(const char *service)
{
    if (strcmp(service, "s3-control") == 0)
        return "s3";
    if (strcmp(service, "sso") == 0)
        return "awsssoportal";
    if (strcmp(service, "sso-admin") == 0) /* IAM Identity Center administration: host sso.<region> */
        return "sso";
    if (strcmp(service, "api.sagemaker") == 0)
        return "sagemaker";
    if (strcmp(service, "api.ecr") == 0)
        return "ecr";
    return service;
}

static void default_host(const char *service, const char *region, struct aws_endpoint *out)
{
    const char *part = aws_partition_of(region);
    const char *sfx = aws_partition_dns_suffix(part);
    snprintf(out->signing_region, sizeof(out->signing_region), "%s", region);
    for (size_t i = 0; i < sizeof(globals) / sizeof(globals[0]); i++) {
        if (globals[i].host && strcmp(globals[i].service, service) == 0 && strcmp(globals[i].partition, part) == 0) {
            snprintf(out->host, sizeof(out->host), "%s", globals[i].host);
            snprintf(out->signing_region, sizeof(out->signing_region), "%s", globals[i].region);
            return;
        }
    }
    if (strcmp(service, "s3") == 0 && strcmp(region, "us-east-1") == 0)
        snprintf(out->host, sizeof(out->host), "s3.amazonaws.com");
    else if (strcmp(service, "sso") == 0)
        snprintf(out->host, sizeof(out->host), "portal.sso.%s.%s", region, sfx);
    else if (strcmp(service, "sso-admin") == 0)
        snprintf(out->host, sizeof(out->host), "sso.%s.%s", region, sfx);
    else
        snprintf(out->host, sizeof(out->host), "%s.%s.%s", service, region, sfx);
}

/* The signing region of a global service even when its endpoint is overridden. */
static void global_signing_region(const char *service, const char *region, struct aws_endpoint *out)
{
    const char *part = aws_partition_of(region);
    for (size_t i = 0; i < sizeof(globals) / sizeof(globals[0]); i++)
        if (globals[i].region && strcmp(globals[i].service, service) == 0 && strcmp(globals[i].partition, part) == 0)
            snprintf(out->signing_region, sizeof(out->signing_region), "%s", globals[i].region);
}

static enum osp_code parse_custom(const char *url, const char *source, struct aws_endpoint *out, struct osp_err *err)
{
    const char *rest = NULL;
    if (strncmp(url, "http://", 7) == 0)
        rest = url + 7;
    else if (strncmp(url, "https://", 8) == 0)
        rest = url + 8;
    size_t hl = rest ? strcspn(rest, "/?#") : 0;
    if (!rest || hl == 0 || hl >= sizeof(out->host) || strlen(url) >= sizeof(out->url))
        return osp_err_set(err, OSP_ECONFIG,
                           "endpoint '%s' (from %s) is not an http:// or https:// URL with a host; fix it", url,
                           source);
    memcpy(out->host, rest, hl);
    out->host[hl] = '\0';
    const char *path = rest + hl;
    size_t pl = strcspn(path, "?#");
    while (pl > 0 && path[pl - 1] == '/')
        pl--;
    if (pl >= sizeof(out->base_path))
        return osp_err_set(err, OSP_ECONFIG, "endpoint '%s' (from %s) has an over-long path", url, source);
    memcpy(out->base_path, path, pl);
    out->base_path[pl] = '\0';
    snprintf(out->url, sizeof(out->url), "%.*s", (int)(rest - url + (long)hl), url);
    out->source = source;
    out->custom = 1;
    return OSP_OK;
}

enum osp_code aws_endpoint_resolve(const struct osp_ctx *ctx, const char *opt_url, const char *profile_url,
                                   const char *service, const char *region, struct aws_endpoint *out,
                                   struct osp_err *err)
{
    memset(out, 0, sizeof(*out));
    if (!service || !*service || !region || !*region)
        return osp_err_set(err, OSP_ECONFIG, "no region for a %s call; pass --region or set AWS_REGION",
                           service ? service : "AWS");
    snprintf(out->signing_name, sizeof(out->signing_name), "%s", signing_name_of(service));
    snprintf(out->signing_region, sizeof(out->signing_region), "%s", region);
    char id[64], var[96];
    aws_endpoint_service_env_id(service, id, sizeof(id));
    snprintf(var, sizeof(var), "AWS_ENDPOINT_URL_%s", id);
    const char *svc_env = osp_getenv_nonempty(ctx, var);
    const char *all_env = osp_getenv_nonempty(ctx, "AWS_ENDPOINT_URL");
    enum osp_code rc = OSP_OK;
    if (opt_url && *opt_url)
        rc = parse_custom(opt_url, "--endpoint", out, err);
    else if (svc_env)
        rc = parse_custom(svc_env, "AWS_ENDPOINT_URL_<SERVICE>", out, err);
    else if (all_env)
        rc = parse_custom(all_env, "AWS_ENDPOINT_URL", out, err);
    else if (profile_url && *profile_url)
        rc = parse_custom(profile_url, "profile endpoint_url", out, err);
    if (rc)
        return rc;
    if (out->custom) {
        global_signing_region(service, region, out);
        return OSP_OK;
    }
    default_host(service, region, out);
    snprintf(out->url, sizeof(out->url), "https://%s", out->host);
    out->source = "default";
    return OSP_OK;
}

enum osp_code aws_endpoint_apply_host_prefix(struct aws_endpoint *ep, const char *prefix, struct osp_err *err)
{
    if (!prefix || !*prefix || ep->custom)
        return OSP_OK;
    for (const char *p = prefix; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != '.')
            return osp_err_set(err, OSP_EINTERNAL, "invalid host prefix '%s'", prefix);
    char host[sizeof(ep->host)];
    int n = snprintf(host, sizeof(host), "%s%s", prefix, ep->host);
    if (n < 0 || (size_t)n >= sizeof(host))
        return osp_err_set(err, OSP_EINTERNAL, "host prefix '%s' makes the host too long", prefix);
    memcpy(ep->host, host, (size_t)n + 1);
    snprintf(ep->url, sizeof(ep->url), "https://%s", ep->host);
    return OSP_OK;
}
