/* imds.c: EC2 instance role credentials through IMDSv2 (token PUT, then role credentials). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"
#include "creds/creds_int.h"

#define IMDS_DEFAULT "http://169.254.169.254"
#define IMDS_TIMEOUT_MS 1000
#define IMDS_ATTEMPTS 1
#define IMDS_ROLE_PATH "/latest/meta-data/iam/security-credentials/"

static int imds_disabled(const struct cred_chain *c)
{
    const char *v = osp_getenv_nonempty(c->ctx, "AWS_EC2_METADATA_DISABLED");
    return v && !strcasecmp(v, "true");
}

/* One GET/PUT; a non-200 answer is "not found" (not on EC2, no role), noted for the message. */
static enum osp_code imds_get(struct cred_chain *c, const char *method, const char *url, const char *hdr, char **body,
                              struct osp_err *err)
{
    const char *headers[] = {hdr, NULL};
    int status = 0;
    struct osp_err e;
    osp_err_init(&e);
    enum osp_code rc = cred_http(c, method, url, headers, IMDS_TIMEOUT_MS, IMDS_ATTEMPTS, &status, body, &e);
    if (rc == OSP_ELIMIT || rc == OSP_ENOMEM)
        return osp_err_set(err, rc, "imds: %s", e.msg);
    if (rc || status != 200) {
        free(*body);
        *body = NULL;
        if (rc)
            cred_note(c, "imds: %s", e.msg[0] ? e.msg : "no answer");
        else
            cred_note(c, "imds: %s %s answered HTTP %d", method, url, status);
        return OSP_ENOTFOUND;
    }
    return OSP_OK;
}

static enum osp_code role_name(struct cred_chain *c, const char *base, const char *tokhdr, char *role, size_t rolelen,
                               struct osp_err *err)
{
    char url[1024], *body = NULL;
    snprintf(url, sizeof(url), "%s%s", base, IMDS_ROLE_PATH);
    enum osp_code rc = imds_get(c, "GET", url, tokhdr, &body, err);
    if (rc)
        return rc;
    body[strcspn(body, "\r\n")] = 0;
    cred_trim(body);
    if (!*body || strchr(body, '/') || cred_copy(role, rolelen, body)) {
        cred_note(c, "imds: the instance has no IAM role");
        rc = OSP_ENOTFOUND;
    }
    free(body);
    return rc;
}

enum osp_code cred_imds(struct cred_chain *c, struct aws_creds *out, struct osp_err *err)
{
    if (imds_disabled(c)) {
        cred_note(c, "imds: disabled by AWS_EC2_METADATA_DISABLED");
        return OSP_ENOTFOUND;
    }
    const char *ep = osp_getenv_nonempty(c->ctx, "AWS_EC2_METADATA_SERVICE_ENDPOINT");
    char base[512], url[1024], tokhdr[512], role[256];
    snprintf(base, sizeof(base), "%s", ep ? ep : IMDS_DEFAULT);
    size_t n = strlen(base);
    while (n && base[n - 1] == '/')
        base[--n] = 0;
    snprintf(url, sizeof(url), "%s/latest/api/token", base);
    char *token = NULL, *body = NULL;
    enum osp_code rc = imds_get(c, "PUT", url, "X-aws-ec2-metadata-token-ttl-seconds: 21600", &token, err);
    if (rc)
        return rc;
    cred_trim(token);
    int bad = snprintf(tokhdr, sizeof(tokhdr), "X-aws-ec2-metadata-token: %s", token) >= (int)sizeof(tokhdr) ||
              strpbrk(token, "\r\n");
    free(token);
    if (bad)
        return osp_err_set(err, OSP_ECREDS, "imds: malformed session token");
    rc = role_name(c, base, tokhdr, role, sizeof(role), err);
    if (!rc) {
        snprintf(url, sizeof(url), "%s%s%s", base, IMDS_ROLE_PATH, role);
        rc = imds_get(c, "GET", url, tokhdr, &body, err);
    }
    if (!rc)
        rc = cred_parse_container_json(body, osp_now(c->ctx), "imds", out, err);
    free(body);
    explicit_bzero(tokhdr, sizeof(tokhdr));
    return rc;
}
