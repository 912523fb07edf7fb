/* iam.c: the IAM collector: batch calls only (GAAD, credential report, summary, MFA devices). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "collect/col_int.h"
#include "core/log.h"

#define IAM_VERSION "2010-05-08"
#define REPORT_POLLS 30

struct iam_pages {
    json_t *state;
    json_t *vmfa; /* accumulated VirtualMFADevices items */
    const char *partition;
};

static enum osp_code gaad_page(void *ud, json_t *body, struct osp_err *err)
{
    struct iam_pages *p = ud;
    col_iam_map_auth_details(p->state, body, p->partition);
    return OSP_OK;
}

static enum osp_code vmfa_page(void *ud, json_t *body, struct osp_err *err)
{
    struct iam_pages *p = ud;
    json_t *list = aws_get(body, "ListVirtualMFADevicesResponse.ListVirtualMFADevicesResult.VirtualMFADevices"), *d;
    size_t i;
    COL_ITEMS(list, i, d) json_array_append(p->vmfa, d);
    return OSP_OK;
}

static enum osp_code certs_page(void *ud, json_t *body, struct osp_err *err)
{
    struct iam_pages *p = ud;
    col_iam_map_server_certs(p->state, body);
    return OSP_OK;
}

static enum osp_code paged(struct col_job *job, const char *action, const char *result, aws_page_fn fn, void *p,
                           struct osp_err *err)
{
    char tok[128], trunc[128];
    struct aws_call c = col_query_call("iam", job->region, action, IAM_VERSION);
    enum osp_code rc = aws_call_param(&c, "MaxItems", "1000");
    col_fmt(tok, sizeof tok, "%sResponse.%sResult.Marker", action, action);
    col_fmt(trunc, sizeof trunc, "%sResponse.%sResult.IsTruncated", action, action);
    (void)result;
    if (rc == OSP_OK)
        rc = col_paginate(job, &c, "Marker", tok, trunc, fn, p, err);
    aws_call_cleanup(&c);
    return rc;
}

/* One unpaginated call; *body gets a new reference on success. */
static enum osp_code simple(struct col_job *job, const char *action, json_t **body, struct aws_response *r,
                            struct osp_err *err)
{
    struct aws_call c = col_query_call("iam", job->region, action, IAM_VERSION);
    enum osp_code rc = col_call(job, &c, r, err);
    if (rc == OSP_OK)
        *body = json_incref(r->body);
    aws_call_cleanup(&c);
    return rc;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Generate, then fetch until ready; *csv is the decoded report (caller frees). */
static enum osp_code credential_report(struct col_job *job, char **csv, struct osp_err *err)
{
    json_t *body = NULL;
    struct aws_response r;
    enum osp_code rc = simple(job, "GenerateCredentialReport", &body, &r, err);
    aws_response_cleanup(&r);
    json_decref(body);
    if (rc)
        return rc;
    for (int i = 0; i < REPORT_POLLS; i++) {
        struct osp_err e;
        osp_err_init(&e);
        body = NULL;
        rc = simple(job, "GetCredentialReport", &body, &r, &e);
        int again = rc && (col_err_is(&r, &e, "ReportInProgress") || col_err_is(&r, &e, "ReportNotPresent"));
        aws_response_cleanup(&r);
        if (again) {
            sleep_ms(i < 5 ? 200 : 1000);
            continue;
        }
        if (rc) {
            *err = e;
            return rc;
        }
        const char *b64 = col_s(body, "GetCredentialReportResponse.GetCredentialReportResult.Content");
        *csv = b64 ? col_base64_decode(b64, NULL) : NULL;
        json_decref(body);
        if (!*csv)
            return osp_err_set(err, OSP_EPARSE, "iam: GetCredentialReport returned no readable report content");
        return OSP_OK;
    }
    return osp_err_set(err, OSP_ETIMEOUT, "iam: the credential report was not ready after %d polls; retry later",
                       REPORT_POLLS);
}

static enum osp_code password_policy(struct col_job *job, json_t **body, struct osp_err *err)
{
    struct aws_call c = col_query_call("iam", job->region, "GetAccountPasswordPolicy", IAM_VERSION);
    enum osp_code rc = col_get(job, &c, "NoSuchEntity", body, err); /* NoSuchEntity: no policy set */
    aws_call_cleanup(&c);
    return rc;
}

/* The collector's independent steps, all in flight together; mapped afterwards in this order. */
enum { S_GAAD, S_VMFA, S_CERTS, S_SUMMARY, S_PWPOLICY, S_REPORT, S_SAML, S_OIDC, S_N };
struct iam_steps {
    json_t *pages[3]; /* raw pages of GAAD, virtual MFA devices, server certificates */
    json_t *summary, *pwpolicy;
    json_t *saml, *oidc; /* ListSAMLProviders, ListOpenIDConnectProviders (not paginated) */
    char *csv;
};

static enum osp_code keep_page(void *ud, json_t *body, struct osp_err *err)
{
    (void)err;
    return json_array_append(ud, body) == 0 ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "iam: out of memory");
}

static enum osp_code one_step(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    static const char *const listed[] = {"GetAccountAuthorizationDetails", "ListVirtualMFADevices",
                                         "ListServerCertificates"};
    struct iam_steps *s = ud;
    struct aws_response r;
    enum osp_code rc;
    switch (i) {
    case S_GAAD:
    case S_VMFA:
    case S_CERTS:
        return paged(job, listed[i], NULL, keep_page, s->pages[i], err);
    case S_SUMMARY:
        rc = simple(job, "GetAccountSummary", &s->summary, &r, err);
        aws_response_cleanup(&r);
        return rc;
    case S_PWPOLICY:
        return password_policy(job, &s->pwpolicy, err);
    case S_SAML:
    case S_OIDC:
        rc = simple(job, i == S_SAML ? "ListSAMLProviders" : "ListOpenIDConnectProviders",
                    i == S_SAML ? &s->saml : &s->oidc, &r, err);
        if (rc != OSP_OK && (aws_error_is_access_denied(r.error.code) || aws_error_is_access_denied(err->aws_code))) {
            /* added after the rest: a policy without it keeps IAM collected, the list stays absent */
            osp_warn(job->ctx, "iam: %s denied: identity providers unknown (%s)",
                     i == S_SAML ? "ListSAMLProviders" : "ListOpenIDConnectProviders", err->msg);
            osp_err_init(err);
            rc = OSP_OK;
        }
        aws_response_cleanup(&r);
        return rc;
    default:
        return credential_report(job, &s->csv, err);
    }
}

enum osp_code col_iam(struct col_job *job, json_t *state, struct osp_err *err)
{
    struct iam_pages p = {state, json_array(), job->partition};
    struct iam_steps s = {{json_array(), json_array(), json_array()}, NULL, NULL, NULL, NULL, NULL};
    json_t *page;
    size_t i;
    col_arr(state, "servercertificates");
    enum osp_code rc = col_each(job, S_N, one_step, &s, err);
    if (rc == OSP_OK) {
        json_array_foreach(s.pages[S_GAAD], i, page) gaad_page(&p, page, err);
        json_array_foreach(s.pages[S_VMFA], i, page) vmfa_page(&p, page, err);
        json_array_foreach(s.pages[S_CERTS], i, page) certs_page(&p, page, err);
        col_iam_map_password_policy(state, s.pwpolicy, job->partition, job->account);
        col_iam_finish(state, s.csv, s.summary, p.vmfa, job->partition, job->account);
        col_iam_map_providers(state, s.saml, s.oidc);
    }
    for (i = 0; i < 3; i++)
        json_decref(s.pages[i]);
    free(s.csv);
    json_decref(s.summary);
    json_decref(s.pwpolicy);
    json_decref(s.saml);
    json_decref(s.oidc);
    json_decref(p.vmfa);
    return rc;
}
