/* ecs.c: ECS / EKS Pod Identity container credentials from the local credentials endpoint. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"
#include "creds/creds_int.h"

#define ECS_HOST "http://169.254.170.2"
#define ECS_TIMEOUT_MS 2000
#define ECS_ATTEMPTS 2
#define ECS_TOKEN_MAX 16384

/* Plain http is allowed only to loopback and the ECS / EKS link-local agents (as the SDKs do). */
static int host_allowed(const char *url)
{
    static const char *const ok[] = {"127.", "localhost", "[::1]", "169.254.170.2", "169.254.170.23", "[fd00:ec2::23]"};
    if (!strncasecmp(url, "https://", 8))
        return 1;
    if (strncasecmp(url, "http://", 7))
        return 0;
    const char *h = url + 7;
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        size_t n = strlen(ok[i]);
        if (!strncasecmp(h, ok[i], n) && (ok[i][n - 1] == '.' || strchr(":/", h[n]) || !h[n]))
            return 1;
    }
    return 0;
}

/* "Authorization: <token>" from AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE or _TOKEN; "" when neither. */
static enum osp_code auth_header(struct cred_chain *c, char *hdr, size_t hdrlen, struct osp_err *err)
{
    const char *file = osp_getenv_nonempty(c->ctx, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    const char *tok = osp_getenv_nonempty(c->ctx, "AWS_CONTAINER_AUTHORIZATION_TOKEN");
    char *text = NULL;
    hdr[0] = 0;
    if (file) {
        if (cred_read_file(file, ECS_TOKEN_MAX, &text, err))
            return osp_err_set(err, OSP_ECREDS, "ecs: cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        tok = cred_trim(text);
    }
    enum osp_code rc = OSP_OK;
    if (tok && (strpbrk(tok, "\r\n") || snprintf(hdr, hdrlen, "Authorization: %s", tok) >= (int)hdrlen))
        rc = osp_err_set(err, OSP_ECREDS, "ecs: the container authorization token is malformed or too long");
    free(text);
    return rc;
}

static enum osp_code fetch(struct cred_chain *c, const char *url, const char *hdr, struct aws_creds *out,
                           struct osp_err *err)
{
    const char *headers[] = {"Accept: application/json", hdr[0] ? hdr : NULL, NULL};
    int status = 0;
    char *body = NULL;
    enum osp_code rc = cred_http(c, "GET", url, headers, ECS_TIMEOUT_MS, ECS_ATTEMPTS, &status, &body, err);
    if (rc) {
        osp_err_prefix(err, "ecs credentials endpoint %s: ", url);
    } else if (status != 200) {
        rc = osp_err_set(err, OSP_ECREDS,
                         "ecs credentials endpoint answered HTTP %d (check the task role and "
                         "the authorization token)",
                         status);
    } else {
        rc = cred_parse_container_json(body, osp_now(c->ctx), "ecs", out, err);
    }
    free(body);
    return rc;
}

enum osp_code cred_ecs(struct cred_chain *c, struct aws_creds *out, struct osp_err *err)
{
    const char *rel = osp_getenv_nonempty(c->ctx, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    const char *full = osp_getenv_nonempty(c->ctx, "AWS_CONTAINER_CREDENTIALS_FULL_URI");
    if (!rel && !full) {
        cred_note(c, "ecs: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI not set");
        return OSP_ENOTFOUND;
    }
    char url[2048], hdr[ECS_TOKEN_MAX + 32];
    if (rel)
        snprintf(url, sizeof(url), "%s%s%s", ECS_HOST, rel[0] == '/' ? "" : "/", rel);
    else if (!host_allowed(full))
        return osp_err_set(err, OSP_ECONFIG,
                           "AWS_CONTAINER_CREDENTIALS_FULL_URI '%s' must be https or a loopback "
                           "/ ECS agent address",
                           full);
    else
        snprintf(url, sizeof(url), "%s", full);
    enum osp_code rc = auth_header(c, hdr, sizeof(hdr), err);
    if (!rc) {
        osp_debug(c->ctx, "credentials: ecs: GET %s", url);
        rc = fetch(c, url, hdr, out, err);
    }
    explicit_bzero(hdr, sizeof(hdr));
    return rc;
}
