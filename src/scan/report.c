/* report.c: deduplicated raw results, service statuses and compliance -> struct res_report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect/collect.h"
#include "core/log.h"
#include "core/timeutil.h"
#include "scan/catalog_int.h"

/* A check that reads only global services (iam, s3, account, ...) reports under region
 * "global", the region its state is cached and shown under, not under whichever region's
 * input happened to carry the global state. */
static const char *finding_region(const struct scan_check *k, const char *input_region)
{
    int global = k->nservices > 0;
    for (size_t i = 0; i < k->nservices && global; i++) {
        const struct col_service *svc = col_find(k->services[i]);
        global = svc && svc->global;
    }
    return global ? "global" : input_region;
}

/* A finding about a resource is filed under the resource's own region, whichever region's
 * input produced it: the region field of its ARN, or "global" when the ARN has none (an S3
 * bucket, an IAM role) when the check's service is global, so one resource has one location in
 * every format. */
static const char *resource_region(const char *arn, char *buf, size_t n)
{
    if (strncmp(arn, "arn:", 4))
        return NULL;
    const char *p = arn;
    for (int i = 0; i < 3 && p; i++)
        if ((p = strchr(p, ':')))
            p++;
    const char *end = p ? strchr(p, ':') : NULL;
    if (!end)
        return NULL;
    if (end == p)
        return "global";
    snprintf(buf, n, "%.*s", (int)(end - p), p);
    return buf;
}

static enum osp_code add_finding(const struct scan_catalog *c, const char *account, const struct scan_input *inputs,
                                 const struct scan_raw *r, struct res_report *report, struct osp_err *err)
{
    const struct scan_check *k = &c->checks[r->check];
    char rbuf[64];
    const char *region = resource_region(r->resource, rbuf, sizeof(rbuf));
    if (region && !strcmp(region, "global") && !scan_service_is_global(k->service))
        region = NULL; /* a regional check about an account-wide ARN: one finding per region */
    struct res_finding f = {
        .check_id = k->id,
        .title = k->title,
        .description = k->description,
        .severity = k->severity,
        .status = r->not_evaluated ? RES_ERROR : r->pass ? RES_PASS : RES_FAIL,
        .service = k->service,
        .region = region ? region : finding_region(k, inputs[r->input].region ? inputs[r->input].region : ""),
        .account = account ? account : "",
        .resource = r->resource,
        .message = r->message,
        .resolution = k->recommended_action,
        .references = k->references,
        .n_references = k->nreferences,
        .frameworks = k->frameworks,
        .n_frameworks = k->nframeworks,
        .ignore_reason = "",
        .key = r->key,
        .line = r->line,
    };
    enum osp_code rc = res_report_add_finding(report, &f, err);
    if (rc || !r->not_evaluated)
        return rc;
    /* a read of this resource was denied (gaps.c): the run cannot vouch for it (issue 22) */
    struct res_gap g = {
        .kind = RES_GAP_RESOURCE,
        .account = f.account,
        .region = f.region,
        .service = k->service,
        .check_id = k->id,
        .resource = r->resource,
        .code = "not-evaluated",
        .message = r->message,
    };
    return res_report_add_gap(report, &g, err);
}

/* The engine's error code in an evaluation message ("file:18: eval_conflict_error: ..."), or
 * "eval_error". */
static void eval_code(const char *msg, char *out, size_t n)
{
    const char *end = strstr(msg, "_error:"), *p = end;
    while (p && p > msg && ((p[-1] >= 'a' && p[-1] <= 'z') || p[-1] == '_'))
        p--;
    if (end && p < end)
        snprintf(out, n, "%.*s_error", (int)(end - p), p);
    else
        snprintf(out, n, "eval_error");
}

/* A check that failed to evaluate in a region: a gap (the run cannot vouch for it). */
static enum osp_code add_check_gap(const struct scan_catalog *c, const char *account, const struct scan_input *inputs,
                                   const struct scan_raw *r, struct res_report *report, struct osp_err *err)
{
    const struct scan_check *k = &c->checks[r->check];
    char code[64];
    eval_code(r->message, code, sizeof(code));
    struct res_gap g = {
        .kind = RES_GAP_CHECK,
        .account = account,
        .region = finding_region(k, inputs[r->input].region ? inputs[r->input].region : ""),
        .service = k->service,
        .check_id = k->id,
        .code = code,
        .message = r->message,
    };
    return res_report_add_gap(report, &g, err);
}

/* A check whose service failed to collect in a region could not run there: an ERROR finding
 * per (check, failed service status), so the gap is visible next to the findings. */
static enum osp_code add_errors(const struct scan_catalog *c, const char *account, const struct res_service *s,
                                struct res_report *report, struct osp_err *err)
{
    char msg[600];
    snprintf(msg, sizeof(msg), "not evaluated: %s could not be collected in %s (%s%s%s)", s->service, s->region,
             s->error_code && *s->error_code ? s->error_code : "failed",
             s->error_message && *s->error_message ? ": " : "", s->error_message ? s->error_message : "");
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < c->nchecks; i++) {
        const struct scan_check *k = &c->checks[i];
        int needs = !strcmp(k->service, s->service);
        for (size_t j = 0; j < k->nservices && !needs; j++)
            needs = !strcmp(k->services[j], s->service);
        if (!needs)
            continue;
        struct res_finding f = {
            .check_id = k->id,
            .title = k->title,
            .description = k->description,
            .severity = k->severity,
            .status = RES_ERROR,
            .service = k->service,
            .region = s->region,
            .account = account ? account : "",
            .resource = "",
            .message = msg,
            .resolution = k->recommended_action,
            .references = k->references,
            .n_references = k->nreferences,
            .frameworks = k->frameworks,
            .n_frameworks = k->nframeworks,
            .ignore_reason = "",
        };
        rc = res_report_add_finding(report, &f, err);
    }
    return rc;
}

/* Unique names of services that failed or were skipped in some region. */
static size_t unavailable_services(const struct res_service *s, size_t n, const char **out)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i].state != RES_SVC_FAILED && s[i].state != RES_SVC_SKIPPED)
            continue;
        int dup = 0;
        for (size_t j = 0; j < m && !dup; j++)
            dup = !strcmp(out[j], s[i].service);
        if (!dup)
            out[m++] = s[i].service;
    }
    return m;
}

/* Services some check reads that no input document holds (not collected, e.g. --service). */
static size_t absent_services(const struct scan_catalog *c, const struct scan_present *present, const char **out,
                              size_t n, size_t cap)
{
    for (size_t i = 0; i < c->nchecks; i++) {
        for (size_t j = 0; j < c->checks[i].nservices && n < cap; j++) {
            const char *svc = c->checks[i].services[j];
            int known = 0;
            for (size_t k = 0; k < present->n && !known; k++)
                known = !strcmp(present->names[k], svc);
            for (size_t k = 0; k < n && !known; k++)
                known = !strcmp(out[k], svc);
            if (!known)
                out[n++] = svc;
        }
    }
    return n;
}

/* "regions scanned: us-east-1 (1 of 17 enabled; not scanned: ...); services not collected: ..." */
static void coverage_text(const struct scan_coverage *cov, time_t recorded_at, const struct res_service *services,
                          size_t nservices, char *out, size_t len)
{
    char list[400];
    int missing = scan_unscanned_regions(cov, list, sizeof(list));
    size_t n = (size_t)snprintf(out, len, "regions scanned: ");
    if (missing == 0 && cov->nscanned > 6) /* every enabled region: the count says it */
        n += (size_t)snprintf(out + n, len - n, "%zu", cov->nscanned);
    for (size_t i = 0; i < cov->nscanned && n < len && !(missing == 0 && cov->nscanned > 6); i++)
        n += (size_t)snprintf(out + n, len - n, "%s%s", i ? ", " : "", cov->scanned[i]);
    if (n < len && missing < 0)
        n += (size_t)snprintf(out + n, len - n, " (the enabled regions are not known)");
    else if (n < len && missing == 0)
        n += (size_t)snprintf(out + n, len - n, " (every enabled region)");
    else if (n < len)
        n += (size_t)snprintf(out + n, len - n, " (%zu of %zu enabled; not scanned: %s)", cov->nenabled - (size_t)missing,
                              cov->nenabled, list);
    if (n < len && missing >= 0 && recorded_at > 0) { /* offline: the list stored with the state */
        char when[40];
        osp_format_rfc3339(recorded_at, when, sizeof(when));
        n += (size_t)snprintf(out + n, len - n, "; enabled regions as recorded at %s", when);
    }
    int any = 0;
    for (size_t i = 0; i < nservices && n < len; i++) {
        if (services[i].state != RES_SVC_FAILED)
            continue;
        n += (size_t)snprintf(out + n, len - n, "%s%s (%s%s%s)", any ? ", " : "; services failed: ", services[i].service,
                              services[i].region, services[i].error_code && *services[i].error_code ? ": " : "",
                              services[i].error_code ? services[i].error_code : "");
        any = 1;
    }
    for (size_t i = cov->nscanned; i < cov->nread && n < len; i++)
        n += (size_t)snprintf(out + n, len - n, "%s%s", i == cov->nscanned ? "; read for the alarm chain only: " : ", ",
                              cov->read[i]);
    if (!any && n < len)
        snprintf(out + n, len - n, "; no service failed");
}

static enum osp_code add_compliance(const struct scan_catalog *c, const struct scan_input *inputs, size_t ninputs,
                                    const struct scan_raw_list *raws, const struct scan_present *present,
                                    const struct res_service *services, size_t nservices,
                                    const struct scan_gap_list *gaps, struct res_report *report, struct osp_err *err)
{
    size_t cap = nservices + 64;
    const char **failed = malloc(cap * sizeof(*failed));
    const char **scanned = malloc((ninputs + 1) * sizeof(*scanned));
    char *text = malloc(4096);
    if (!failed || !scanned || !text) {
        free(failed);
        free(scanned);
        free(text);
        return osp_err_set(err, OSP_ENOMEM, "out of memory building the compliance report");
    }
    size_t nscanned = 0, nread = ninputs;
    for (size_t i = 0; i < ninputs; i++) /* full regions first, then those read in part */
        if (!inputs[i].partial)
            scanned[nscanned++] = inputs[i].region ? inputs[i].region : "";
    for (size_t i = 0, k = nscanned; i < ninputs; i++)
        if (inputs[i].partial)
            scanned[k++] = inputs[i].region ? inputs[i].region : "";
    struct scan_coverage cov = {scanned, nscanned, scanned, nread, c->enabled_regions, c->nenabled_regions, gaps};
    size_t nfailed = unavailable_services(services, nservices, failed);
    nfailed = absent_services(c, present, failed, nfailed, cap);
    enum osp_code rc = res_report_set_compliance(report, c->spec.id, c->spec.title, c->spec.version, err);
    if (!rc) {
        coverage_text(&cov, c->enabled_recorded_at, services, nservices, text, 4096);
        rc = res_report_set_coverage(report, text, err);
    }
    for (size_t i = 0; !rc && i < c->spec.ncontrols; i++) {
        const struct scan_control *ctl = &c->spec.controls[i];
        struct scan_ctl_eval ev = scan_control_eval_cov(ctl, c->checks, c->nchecks, raws, failed, nfailed, &cov);
        struct res_control rc_ctl = {
            .id = ctl->id,
            .name = ctl->name,
            .severity = ctl->severity,
            .status = ev.status,
            .n_failing = ev.n_failing,
            .checks = ctl->checks,
            .n_checks = ctl->nchecks,
            .reason = ev.status == RES_CTL_MANUAL || ev.status == RES_CTL_NOT_COVERED ? ctl->note : ev.reason,
            .level = ctl->level,
            .assessment = ctl->assessment,
        };
        rc = res_report_add_control(report, &rc_ctl, err);
    }
    free(failed);
    free(scanned);
    free(text);
    return rc;
}

enum osp_code scan_report_fill(const struct scan_catalog *c, const char *account, const char *partition,
                               const struct scan_input *inputs, size_t ninputs, const struct scan_raw_list *raws,
                               const struct scan_raw_list *errors, const struct scan_present *present,
                               const struct res_service *services, size_t nservices, const struct scan_gap_list *gaps,
                               struct res_report *report, struct osp_err *err)
{
    enum osp_code rc = OSP_OK;
    if (partition && *partition)
        rc = res_report_set_partition(report, partition, err);
    if (!rc && account && *account)
        rc = res_report_add_account(report, account, err);
    for (size_t i = 0; !rc && i < nservices; i++) {
        rc = res_report_add_service_status(report, &services[i], err);
        if (!rc && services[i].state == RES_SVC_FAILED)
            rc = add_errors(c, account, &services[i], report, err);
    }
    for (size_t i = 0; !rc && i < raws->n; i++)
        rc = add_finding(c, account, inputs, &raws->v[i], report, err);
    for (size_t i = 0; !rc && errors && i < errors->n; i++)
        rc = add_check_gap(c, account, inputs, &errors->v[i], report, err);
    if (!rc && c->has_spec)
        rc = add_compliance(c, inputs, ninputs, raws, present, services, nservices, gaps, report, err);
    if (!rc)
        res_report_sort(report);
    return rc;
}
