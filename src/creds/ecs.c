/* ecs.c: ECS / EKS Pod Identity container credentials from the local credentials endpoint. */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
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

/* The URL to fetch, as curl parsed it, when it is https, or plain http to a literal loopback
 * address (127.0.0.0/8, ::1) or the ECS / EKS agents (169.254.170.2, 169.254.170.23,
 * fd00:ec2::23), as the SDKs allow; NULL otherwise. Parsed with curl_url(), the parser the request
 * uses, so "http://127.0.0.1@host/" is seen as host "host" (userinfo 127.0.0.1) and refused, and
 * a relative URI cannot move the request off the agent. Caller frees with curl_free(). */
static char *allowed_url(const char *url)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *host = NULL, *norm = NULL;
    int ok = 0;
    if (u && !curl_url_set(u, CURLUPART_URL, url, 0) && !curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) &&
        !curl_url_get(u, CURLUPART_HOST, &host, 0)) {
        if (!strcasecmp(scheme, "https")) {
            ok = 1;
        } else if (!strcasecmp(scheme, "http")) {
            unsigned char a[16];
            size_t n = strlen(host);
            char h6[64];
            if (inet_pton(AF_INET, host, a) == 1) {
                ok = a[0] == 127 || !strcmp(host, "169.254.170.2") || !strcmp(host, "169.254.170.23");
            } else if (n > 2 && n < sizeof(h6) + 2 && host[0] == '[' && host[n - 1] == ']') {
                memcpy(h6, host + 1, n - 2);
                h6[n - 2] = '\0';
                unsigned char agent[16];
                ok = inet_pton(AF_INET6, h6, a) == 1 && inet_pton(AF_INET6, "fd00:ec2::23", agent) == 1 &&
                     (!memcmp(a, &in6addr_loopback, 16) || !memcmp(a, agent, 16));
            }
        }
    }
    if (ok && curl_url_get(u, CURLUPART_URL, &norm, 0))
        norm = NULL;
    curl_free(scheme);
    curl_free(host);
    curl_url_cleanup(u);
    return norm;
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
    char joined[2048], hdr[ECS_TOKEN_MAX + 32];
    if (rel)
        snprintf(joined, sizeof(joined), "%s%s%s", ECS_HOST, rel[0] == '/' ? "" : "/", rel);
    char *url = allowed_url(rel ? joined : full);
    if (!url || (rel && strncmp(url, ECS_HOST "/", sizeof(ECS_HOST)))) {
        curl_free(url);
        /* the value is not quoted: it may carry userinfo */
        return osp_err_set(err, OSP_ECONFIG,
                           rel ? "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI must be a path on the ECS agent (" ECS_HOST ")"
                               : "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a literal loopback "
                                 "address or the ECS/EKS agent (169.254.170.2, 169.254.170.23, fd00:ec2::23)");
    }
    enum osp_code rc = auth_header(c, hdr, sizeof(hdr), err);
    if (!rc) {
        osp_debug(c->ctx, "credentials: ecs: GET %s", url);
        rc = fetch(c, url, hdr, out, err);
    }
    explicit_bzero(hdr, sizeof(hdr));
    curl_free(url);
    return rc;
}
