/* html.c: one self-contained HTML page (no external script, style, font or image; a
 * Content-Security-Policy forbids loading any) for people who do not read SARIF.
 *
 * Sections: the scope (accounts, regions, collection time); failing findings by severity; a
 * stacked bar per account, region and service with its FAIL counts by severity and the service
 * status; services that failed to collect or were skipped; the compliance table when one was
 * asked for; and every finding of the report in a table that the selects above it filter by
 * severity, service and check (rows are hidden, nothing is reloaded). Deterministic: the same
 * report gives the same bytes (no wall-clock time in the page).
 */
#include <stdlib.h>
#include <string.h>

#include "core/timeutil.h"
#include "formats/fmt_int.h"
#include "formats/format.h"

struct cell {
    const char *account, *region, *service;
    const char *status; /* the service status, "" when only findings name it */
    size_t counts[RES_SEV_COUNT];
};

static void esc(FILE *out, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&#39;", out);
            break;
        default:
            fputc(*s, out);
        }
}

static void esc_list(FILE *out, const char *const *v, size_t n, const char *none)
{
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", out);
        esc(out, v[i]);
    }
    if (!n)
        esc(out, none);
}

static int cell_cmp(const void *a, const void *b)
{
    const struct cell *x = a, *y = b;
    int c = strcmp(x->account, y->account);
    if (!c)
        c = strcmp(x->region, y->region);
    return c ? c : strcmp(x->service, y->service);
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* One cell per (account, region, service) seen in the services or the FAIL findings, sorted. */
static struct cell *build_cells(const struct res_report *r, size_t *n)
{
    struct cell *c = calloc(r->n_services + r->n_findings + 1, sizeof(*c));
    size_t k = 0;
    if (!c)
        return NULL;
    for (size_t i = 0; i < r->n_services; i++)
        c[k++] = (struct cell){r->services[i].account, r->services[i].region, r->services[i].service,
                               res_svc_state_name(r->services[i].state), {0}};
    for (size_t i = 0; i < r->n_findings; i++)
        if (r->findings[i].status == RES_FAIL)
            c[k++] = (struct cell){r->findings[i].account, r->findings[i].region, r->findings[i].service, "", {0}};
    qsort(c, k, sizeof(*c), cell_cmp);
    size_t u = 0;
    for (size_t i = 0; i < k; i++) {
        if (u && !cell_cmp(&c[u - 1], &c[i])) {
            if (!*c[u - 1].status)
                c[u - 1].status = c[i].status;
            continue;
        }
        c[u++] = c[i];
    }
    for (size_t i = 0; i < r->n_findings; i++) {
        const struct res_finding *f = &r->findings[i];
        if (f->status != RES_FAIL)
            continue;
        struct cell key = {f->account, f->region, f->service, "", {0}};
        struct cell *hit = bsearch(&key, c, u, sizeof(*c), cell_cmp);
        if (hit)
            hit->counts[f->severity]++;
    }
    *n = u;
    return c;
}

static const char *const sev_order[] = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"};
static const enum res_severity sev_enum[] = {RES_SEV_CRITICAL, RES_SEV_HIGH, RES_SEV_MEDIUM, RES_SEV_LOW,
                                             RES_SEV_UNKNOWN};

static void head(const struct res_report *r, FILE *out)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
          "script-src 'unsafe-inline'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>osprey: AWS ",
          out);
    esc_list(out, r->accounts, r->n_accounts, "unknown account");
    fputs(" (", out);
    esc_list(out, r->regions, r->n_regions, "no region");
    fputs(")</title>\n<style>\n"
          "body{font-family:system-ui,sans-serif;margin:1.5em;color:#1b1f24}\n"
          "table{border-collapse:collapse;margin:.5em 0 1.5em}\n"
          "th,td{border:1px solid #d0d7de;padding:.25em .5em;text-align:left;vertical-align:top}\n"
          "th{background:#f6f8fa}\ntd.n{text-align:right}\n"
          ".bar{display:flex;width:20em;height:1em;background:#f6f8fa}\n.bar span{display:block;height:100%}\n"
          ".CRITICAL{background:#8b0000;color:#fff}.HIGH{background:#d1242f;color:#fff}"
          ".MEDIUM{background:#bf8700}.LOW{background:#54aeff}.UNKNOWN{background:#afb8c1}\n"
          ".FAIL{color:#d1242f;font-weight:bold}.PASS{color:#1a7f37}.MANUAL,.IGNORED,.NOT-COVERED{color:#6e7781}\n"
          "#filters label{margin-right:1em}\n#findings td:nth-child(3){white-space:nowrap}\n"
          "</style>\n</head>\n<body>\n",
          out);
}

static void scope(const struct res_report *r, FILE *out)
{
    size_t counts[RES_SEV_COUNT];
    char when[32] = "unknown";
    if (r->collected_at)
        osp_format_rfc3339(r->collected_at, when, sizeof(when));
    res_report_count_failures(r, counts);
    fputs("<h1>osprey AWS scan</h1>\n<p>Accounts: ", out);
    esc_list(out, r->accounts, r->n_accounts, "unknown");
    fputs(". Regions: ", out);
    esc_list(out, r->regions, r->n_regions, "none");
    fputs(". State collected at ", out);
    esc(out, when);
    fputs(" by ", out);
    esc(out, r->tool_name);
    fputc(' ', out);
    esc(out, r->tool_version);
    fputs(".</p>\n<h2>Failing findings</h2>\n<table id=\"totals\"><tr>", out);
    for (size_t i = 0; i < 5; i++)
        fprintf(out, "<th class=\"%s\">%s</th>", sev_order[i], sev_order[i]);
    fputs("</tr>\n<tr>", out);
    for (size_t i = 0; i < 5; i++)
        fprintf(out, "<td class=\"n\">%zu</td>", counts[sev_enum[i]]);
    fputs("</tr></table>\n", out);
}

static void chart(const struct cell *c, size_t n, FILE *out)
{
    size_t max = 1;
    for (size_t i = 0; i < n; i++) {
        size_t t = 0;
        for (size_t s = 0; s < RES_SEV_COUNT; s++)
            t += c[i].counts[s];
        if (t > max)
            max = t;
    }
    fputs("<h2>By service and region</h2>\n<table id=\"chart\">\n<tr><th>Account</th><th>Region</th><th>Service</th>"
          "<th>Failing findings by severity</th>",
          out);
    for (size_t i = 0; i < 5; i++)
        fprintf(out, "<th>%s</th>", sev_order[i]);
    fputs("<th>Status</th></tr>\n", out);
    for (size_t i = 0; i < n; i++) {
        fputs("<tr><td>", out);
        esc(out, c[i].account);
        fputs("</td><td>", out);
        esc(out, c[i].region);
        fputs("</td><td>", out);
        esc(out, c[i].service);
        fputs("</td><td><div class=\"bar\">", out);
        for (size_t s = 0; s < 5; s++) {
            size_t v = c[i].counts[sev_enum[s]];
            if (v)
                fprintf(out, "<span class=\"%s\" style=\"width:%.2f%%\" title=\"%zu %s\"></span>", sev_order[s],
                        100.0 * (double)v / (double)max, v, sev_order[s]);
        }
        fputs("</div></td>", out);
        for (size_t s = 0; s < 5; s++)
            fprintf(out, "<td class=\"n\">%zu</td>", c[i].counts[sev_enum[s]]);
        fputs("<td>", out);
        esc(out, *c[i].status ? c[i].status : "-");
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
}

static void not_scanned(const struct res_report *r, FILE *out)
{
    int header = 0;
    for (size_t i = 0; i < r->n_services; i++) {
        const struct res_service *s = &r->services[i];
        if (s->state != RES_SVC_FAILED && s->state != RES_SVC_SKIPPED)
            continue;
        if (!header++)
            fputs("<h2>Services not scanned</h2>\n<table id=\"errors\">\n<tr><th>Account</th><th>Region</th>"
                  "<th>Service</th><th>Status</th><th>Error</th><th>Message</th></tr>\n",
                  out);
        const char *cells[] = {s->account, s->region, s->service, res_svc_state_name(s->state), s->error_code,
                               s->error_message};
        fputs("<tr>", out);
        for (size_t k = 0; k < 6; k++) {
            fputs("<td>", out);
            esc(out, cells[k]);
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    if (header)
        fputs("</table>\n", out);
}

static void compliance(const struct res_compliance *c, FILE *out)
{
    if (!c)
        return;
    fputs("<h2>Compliance: ", out);
    esc(out, *c->title ? c->title : c->id);
    fputs("</h2>\n", out);
    if (c->coverage && *c->coverage) {
        fputs("<p class=\"coverage\">Coverage: ", out);
        esc(out, c->coverage);
        fputs("</p>\n", out);
    }
    fputs("<table id=\"compliance\">\n<tr><th>Control</th><th>Name</th><th>Severity</th><th>Status</th>"
          "<th>Failing resources</th><th>Reason</th></tr>\n",
          out);
    for (size_t i = 0; i < c->n_controls; i++) {
        const struct res_control *x = &c->controls[i];
        fputs("<tr><td>", out);
        esc(out, x->id);
        fputs("</td><td>", out);
        esc(out, x->name);
        fprintf(out, "</td><td>%s</td><td class=\"%s\">%s</td><td class=\"n\">%zu</td><td>",
                res_severity_name(x->severity), x->status == RES_CTL_ERROR         ? "NOT-EVALUATED"
                : x->status == RES_CTL_NOT_COVERED ? "NOT-COVERED"
                                                   : res_ctl_status_name(x->status),
                res_ctl_status_name(x->status), x->n_failing);
        esc(out, x->reason ? x->reason : "");
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
}

/* A <select> of the sorted unique values (v is sorted in place). */
static void select_of(FILE *out, const char *name, const char *label, const char **v, size_t n, int sort)
{
    if (sort)
        qsort(v, n, sizeof(*v), str_cmp);
    fprintf(out, "<label>%s <select id=\"f-%s\" name=\"%s\"><option value=\"\">all</option>", label, name, name);
    for (size_t i = 0; i < n; i++) {
        if (i && !strcmp(v[i], v[i - 1]))
            continue;
        fputs("<option>", out);
        esc(out, v[i]);
        fputs("</option>", out);
    }
    fputs("</select></label>\n", out);
}

static const char script[] =
    "<script>\n"
    "(function () {\n"
    "  var names = ['severity', 'service', 'check'];\n"
    "  var selects = names.map(function (n) { return document.getElementById('f-' + n); });\n"
    "  var rows = document.querySelectorAll('#findings tbody tr');\n"
    "  function apply() {\n"
    "    var shown = 0;\n"
    "    for (var i = 0; i < rows.length; i++) {\n"
    "      var ok = true;\n"
    "      for (var j = 0; j < selects.length; j++)\n"
    "        if (selects[j].value && rows[i].getAttribute('data-' + names[j]) !== selects[j].value) ok = false;\n"
    "      rows[i].hidden = !ok;\n"
    "      if (ok) shown++;\n"
    "    }\n"
    "    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' shown';\n"
    "  }\n"
    "  selects.forEach(function (s) { s.addEventListener('change', apply); });\n"
    "  apply();\n"
    "})();\n"
    "</script>\n";

static enum osp_code findings(const struct res_report *r, FILE *out, struct osp_err *err)
{
    const char **services = calloc(r->n_findings + 1, sizeof(*services));
    const char **checks = calloc(r->n_findings + 1, sizeof(*checks));
    if (!services || !checks) {
        free(services);
        free(checks);
        return osp_err_set(err, OSP_ENOMEM, "out of memory writing the html report");
    }
    const char *sevs[5];
    size_t nsev = 0;
    for (size_t s = 0; s < 5; s++)
        for (size_t i = 0; i < r->n_findings; i++)
            if (r->findings[i].severity == sev_enum[s]) {
                sevs[nsev++] = sev_order[s];
                break;
            }
    for (size_t i = 0; i < r->n_findings; i++) {
        services[i] = r->findings[i].service;
        checks[i] = r->findings[i].check_id;
    }
    fputs("<h2>Findings</h2>\n<div id=\"filters\">\n", out);
    select_of(out, "severity", "Severity", sevs, nsev, 0);
    select_of(out, "service", "Service", services, r->n_findings, 1);
    select_of(out, "check", "Check", checks, r->n_findings, 1);
    fprintf(out, "<span id=\"shown\">%zu of %zu shown</span>\n</div>\n", r->n_findings, r->n_findings);
    free(services);
    free(checks);
    fputs("<table id=\"findings\">\n<thead><tr><th>Severity</th><th>Status</th><th>Check</th><th>Title</th>"
          "<th>Service</th><th>Account</th><th>Region</th><th>Resource</th><th>Message</th><th>Resolution</th>"
          "</tr></thead>\n<tbody>\n",
          out);
    for (size_t i = 0; i < r->n_findings; i++) {
        const struct res_finding *f = &r->findings[i];
        const char *sev = res_severity_name(f->severity);
        fprintf(out, "<tr data-severity=\"%s\" data-service=\"", sev);
        esc(out, f->service);
        fputs("\" data-check=\"", out);
        esc(out, f->check_id);
        fprintf(out, "\"><td class=\"%s\">%s</td><td class=\"%s\">%s</td>", sev, sev, res_status_name(f->status),
                res_status_name(f->status));
        const char *cells[] = {f->check_id, f->title, f->service, f->account, f->region, f->resource, f->message,
                               f->status == RES_IGNORED ? f->ignore_reason : f->resolution};
        for (size_t k = 0; k < 8; k++) {
            fputs("<td>", out);
            esc(out, cells[k]);
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
    return OSP_OK;
}

enum osp_code fmt_html_write(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    (void)o;
    size_t n = 0;
    struct cell *cells = build_cells(r, &n);
    if (!cells)
        return osp_err_set(err, OSP_ENOMEM, "out of memory writing the html report");
    head(r, out);
    scope(r, out);
    chart(cells, n, out);
    free(cells);
    not_scanned(r, out);
    compliance(r->compliance, out);
    enum osp_code rc = findings(r, out, err);
    if (rc)
        return rc;
    fputs(script, out);
    fputs("</body>\n</html>\n", out);
    return OSP_OK;
}
