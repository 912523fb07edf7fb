/* report.c: the JSON report writer; the reader lives in report_read.c. */
#include "results/report.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/timeutil.h"

/* Build helpers: every json_* constructor may return NULL on out of memory; set_* record that
 * in *bad so the caller checks once at the end. */
static void set_new(json_t *obj, const char *key, json_t *v, int *bad)
{
    if (!v || json_object_set_new(obj, key, v))
        *bad = 1;
}

static void set_str(json_t *obj, const char *key, const char *s, int *bad)
{
    set_new(obj, key, json_string(s ? s : ""), bad);
}

/* Optional strings are left out when empty. */
static void set_opt(json_t *obj, const char *key, const char *s, int *bad)
{
    if (s && *s)
        set_str(obj, key, s, bad);
}

static void set_time(json_t *obj, const char *key, time_t t, int *bad)
{
    char buf[32];
    if (!t)
        return;
    osp_format_rfc3339(t, buf, sizeof(buf));
    set_str(obj, key, buf, bad);
}

static json_t *str_array(const char *const *v, size_t n, int *bad)
{
    json_t *a = json_array();
    if (!a) {
        *bad = 1;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        json_t *s = json_string(v[i]);
        if (!s || json_array_append_new(a, s))
            *bad = 1;
    }
    return a;
}

/* {"cis-aws-1.2": ["2.1", "2.2"], ...}; frameworks are sorted so equal keys are adjacent. */
static json_t *frameworks_obj(const struct res_finding *f, int *bad)
{
    json_t *o = json_object();
    if (!o) {
        *bad = 1;
        return NULL;
    }
    for (size_t i = 0; i < f->n_frameworks; i++) {
        json_t *a = json_object_get(o, f->frameworks[i].framework);
        if (!a) {
            a = json_array();
            set_new(o, f->frameworks[i].framework, a, bad);
            if (!a)
                continue;
        }
        json_t *s = json_string(f->frameworks[i].id);
        if (!s || json_array_append_new(a, s))
            *bad = 1;
    }
    return o;
}

static json_t *finding_json(const struct res_finding *f, int *bad)
{
    json_t *o = json_object();
    if (!o) {
        *bad = 1;
        return NULL;
    }
    set_str(o, "ID", f->check_id, bad);
    set_str(o, "Title", f->title, bad);
    set_str(o, "Description", f->description, bad);
    set_str(o, "Severity", res_severity_name(f->severity), bad);
    set_str(o, "Status", res_status_name(f->status), bad);
    set_str(o, "Service", f->service, bad);
    set_str(o, "Region", f->region, bad);
    set_str(o, "Account", f->account, bad);
    set_str(o, "Resource", f->resource, bad);
    set_str(o, "Message", f->message, bad);
    set_str(o, "Resolution", f->resolution, bad);
    set_new(o, "References", str_array(f->references, f->n_references, bad), bad);
    set_new(o, "Frameworks", frameworks_obj(f, bad), bad);
    set_opt(o, "IgnoreReason", f->ignore_reason, bad);
    set_str(o, "Fingerprint", f->fingerprint, bad);
    set_opt(o, "Key", f->key, bad);
    if (f->line > 1)
        set_new(o, "Line", json_integer((json_int_t)f->line), bad);
    return o;
}

static json_t *service_json(const struct res_service *s, int *bad)
{
    json_t *o = json_object();
    if (!o) {
        *bad = 1;
        return NULL;
    }
    set_str(o, "Account", s->account, bad);
    set_str(o, "Region", s->region, bad);
    set_str(o, "Service", s->service, bad);
    set_str(o, "Status", res_svc_state_name(s->state), bad);
    set_time(o, "CollectedAt", s->collected_at, bad);
    set_opt(o, "ErrorCode", s->error_code, bad);
    if (s->error_code && *s->error_code) /* osprey's own codes (OSP_E*) kept apart from AWS's */
        set_str(o, "ErrorSource", osp_code_is_own(s->error_code) ? "osprey" : "aws", bad);
    set_opt(o, "ErrorMessage", s->error_message, bad);
    if (s->calls && json_object_set_new(o, "Calls", json_integer((json_int_t)s->calls)))
        *bad = 1;
    if (s->source && *s->source) {
        json_t *p = json_object();
        set_str(p, "Source", s->source, bad);
        if (!strcmp(s->source, "artifact")) {
            set_time(p, "ArtifactCreatedAt", s->artifact_created, bad);
            set_new(p, "Authenticated", json_boolean(s->artifact_authenticated), bad);
        }
        set_new(o, "Provenance", p, bad);
    }
    return o;
}

static json_t *gap_json(const struct res_gap *g, int *bad)
{
    json_t *o = json_object();
    if (!o) {
        *bad = 1;
        return NULL;
    }
    set_str(o, "Kind", res_gap_kind_name(g->kind), bad);
    set_str(o, "Account", g->account, bad);
    set_str(o, "Region", g->region, bad);
    set_opt(o, "Service", g->service, bad);
    set_opt(o, "Check", g->check_id, bad);
    set_opt(o, "Resource", g->resource, bad);
    set_opt(o, "Code", g->code, bad);
    if (g->code && *g->code)
        set_str(o, "CodeSource", osp_code_is_own(g->code) ? "osprey" : "aws", bad);
    set_opt(o, "Message", g->message, bad);
    set_new(o, "Accepted", json_boolean(g->accepted), bad);
    return o;
}

static json_t *gate_json(const struct res_gate *g, int *bad)
{
    json_t *o = json_object();
    if (!o) {
        *bad = 1;
        return NULL;
    }
    set_new(o, "Breached", json_boolean(g->breached), bad);
    set_new(o, "Incomplete", json_boolean(g->incomplete), bad);
    set_new(o, "ExitCode", json_integer(g->exit_code), bad);
    set_opt(o, "Summary", g->summary, bad);
    return o;
}

static json_t *control_json(const struct res_control *c, int *bad)
{
    json_t *o = json_object();
    if (!o) {
        *bad = 1;
        return NULL;
    }
    set_str(o, "ID", c->id, bad);
    set_str(o, "Name", c->name, bad);
    set_str(o, "Severity", res_severity_name(c->severity), bad);
    set_str(o, "Status", res_ctl_status_name(c->status), bad);
    set_new(o, "FailingResources", json_integer((json_int_t)c->n_failing), bad);
    set_new(o, "Checks", str_array(c->checks, c->n_checks, bad), bad);
    set_opt(o, "Reason", c->reason, bad);
    set_opt(o, "Level", c->level, bad);
    set_opt(o, "Assessment", c->assessment, bad);
    return o;
}

static json_t *compliance_json(const struct res_compliance *c, int *bad)
{
    json_t *o = json_object(), *ctl = json_array();
    if (!o || !ctl) {
        json_decref(o);
        json_decref(ctl);
        *bad = 1;
        return NULL;
    }
    set_str(o, "ID", c->id, bad);
    set_str(o, "Title", c->title, bad);
    set_str(o, "Version", c->version, bad);
    set_opt(o, "Coverage", c->coverage, bad);
    for (size_t i = 0; i < c->n_controls; i++) {
        json_t *x = control_json(&c->controls[i], bad);
        if (!x || json_array_append_new(ctl, x))
            *bad = 1;
    }
    set_new(o, "Controls", ctl, bad);
    return o;
}

enum list { LIST_SERVICES, LIST_FINDINGS, LIST_GAPS };

static json_t *list_json(const struct res_report *r, enum list which, int *bad)
{
    json_t *a = json_array();
    if (!a) {
        *bad = 1;
        return NULL;
    }
    size_t n = which == LIST_FINDINGS ? r->n_findings : which == LIST_GAPS ? r->n_gaps : r->n_services;
    for (size_t i = 0; i < n; i++) {
        json_t *x = which == LIST_FINDINGS ? finding_json(&r->findings[i], bad)
                    : which == LIST_GAPS   ? gap_json(&r->gaps[i], bad)
                                           : service_json(&r->services[i], bad);
        if (!x || json_array_append_new(a, x))
            *bad = 1;
    }
    return a;
}

static json_t *report_json(const struct res_report *r, int *bad)
{
    json_t *o = json_object(), *tool = json_object();
    if (!o || !tool) {
        json_decref(o);
        json_decref(tool);
        *bad = 1;
        return NULL;
    }
    set_new(o, "SchemaVersion", json_integer(r->schema_version), bad);
    set_str(tool, "Name", r->tool_name, bad);
    set_str(tool, "Version", r->tool_version, bad);
    set_new(o, "Tool", tool, bad);
    set_str(o, "Partition", r->partition, bad);
    set_new(o, "Accounts", str_array(r->accounts, r->n_accounts, bad), bad);
    set_new(o, "Regions", str_array(r->regions, r->n_regions, bad), bad);
    set_time(o, "CollectedAt", r->collected_at, bad);
    set_str(o, "Status", res_report_complete(r) ? "complete" : "incomplete", bad);
    if (r->n_gaps)
        set_new(o, "Gaps", list_json(r, LIST_GAPS, bad), bad);
    if (r->gate.active)
        set_new(o, "Gate", gate_json(&r->gate, bad), bad);
    set_new(o, "Services", list_json(r, LIST_SERVICES, bad), bad);
    set_new(o, "Findings", json_array(), bad); /* written one finding at a time (FINDINGS_AT) */
    if (r->compliance)
        set_new(o, "Compliance", compliance_json(r->compliance, bad), bad);
    return o;
}

/* The findings are most of a large report (100k of them): each is built, written and freed in
 * turn instead of one tree of them all. Written with jansson at the top level, it reads the same
 * as the whole report written by jansson: "Findings" holds an empty array there, replaced by the
 * findings, each indented to its depth (jansson's newlines only separate tokens: strings
 * escape theirs). */
#define FINDINGS_AT "\n  \"Findings\": []"
#define ELEM_INDENT "    "

struct sink {
    int (*put)(const char *p, size_t n, void *ud); /* 0 on success */
    void *ud;
};

/* jansson's output of a finding, indented by ELEM_INDENT after every newline. */
static int put_indented(const char *p, size_t n, void *data)
{
    const struct sink *k = data;
    for (const char *nl; n && (nl = memchr(p, '\n', n)); n -= (size_t)(nl + 1 - p), p = nl + 1)
        if (k->put(p, (size_t)(nl + 1 - p), k->ud) || k->put(ELEM_INDENT, sizeof(ELEM_INDENT) - 1, k->ud))
            return -1;
    return n ? k->put(p, n, k->ud) : 0;
}

static enum osp_code write_report(const struct res_report *r, const struct sink *k, struct osp_err *err)
{
    int bad = 0;
    json_t *root = report_json(r, &bad);
    char *top = (root && !bad) ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(root);
    char *at = top ? strstr(top, FINDINGS_AT) : NULL;
    if (!at) {
        free(top);
        return osp_err_set(err, OSP_ENOMEM, "out of memory writing the JSON report");
    }
    size_t head = (size_t)(at - top) + sizeof(FINDINGS_AT) - 3; /* up to the "[]" */
    int io = k->put(top, head, k->ud);
    for (size_t i = 0; !io && !bad && i < r->n_findings; i++) {
        json_t *f = finding_json(&r->findings[i], &bad);
        io = k->put(i ? ",\n" ELEM_INDENT : "[\n" ELEM_INDENT, 2 + sizeof(ELEM_INDENT) - 1, k->ud);
        if (!io && f && !bad)
            io = json_dump_callback(f, put_indented, (void *)k, JSON_INDENT(2) | JSON_PRESERVE_ORDER) ? -1 : 0;
        json_decref(f);
    }
    if (!io && !bad)
        io = k->put(r->n_findings ? "\n  ]" : "[]", r->n_findings ? 4 : 2, k->ud) ||
             k->put(top + head + 2, strlen(top + head + 2), k->ud) || k->put("\n", 1, k->ud);
    free(top);
    if (bad)
        return osp_err_set(err, OSP_ENOMEM, "out of memory writing the JSON report");
    return io ? osp_err_set(err, OSP_EIO, "cannot write the json report: %s", strerror(errno)) : OSP_OK;
}

static int put_buf(const char *p, size_t n, void *ud)
{
    return osp_buf_add(ud, p, n) ? -1 : 0;
}

static int put_file(const char *p, size_t n, void *ud)
{
    return fwrite(p, 1, n, ud) == n ? 0 : -1;
}

enum osp_code res_report_to_json(const struct res_report *r, char **out, struct osp_err *err)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    struct sink k = {put_buf, &b};
    enum osp_code rc = write_report(r, &k, err);
    if (rc == OSP_EIO)
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory writing the JSON report");
    if (!rc && !(*out = osp_buf_take(&b)))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory writing the JSON report");
    osp_buf_cleanup(&b);
    return rc;
}

enum osp_code res_report_write_json(const struct res_report *r, FILE *out, struct osp_err *err)
{
    struct sink k = {put_file, out};
    return write_report(r, &k, err);
}
