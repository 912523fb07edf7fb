/* report_read.c: read a saved JSON report back into the model, checking every field's type. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/timeutil.h"
#include "results/report.h"
#include "results/result_int.h"

struct rd {
    const char *name; /* file name for messages */
    struct osp_err *err;
};

static enum osp_code bad(struct rd *rd, const char *where, const char *what)
{
    return osp_err_set(rd->err, OSP_EPARSE, "%s: %s: %s (is it a report written by 'osprey --format json'?)", rd->name,
                       where, what);
}

/* Optional string member: absent -> "" (borrowed static), wrong type -> error. */
static enum osp_code get_str(struct rd *rd, json_t *o, const char *key, const char *where, const char **out)
{
    json_t *v = json_object_get(o, key);
    *out = "";
    if (!v || json_is_null(v))
        return OSP_OK;
    if (!json_is_string(v)) {
        char w[160];
        snprintf(w, sizeof(w), "%s.%s", where, key);
        return bad(rd, w, "expected a string");
    }
    *out = json_string_value(v);
    return OSP_OK;
}

static enum osp_code get_time(struct rd *rd, json_t *o, const char *key, const char *where, time_t *out)
{
    const char *s;
    enum osp_code rc = get_str(rd, o, key, where, &s);
    *out = 0;
    if (rc || !*s)
        return rc;
    *out = osp_parse_rfc3339(s);
    if (*out == (time_t)-1) {
        char w[160];
        snprintf(w, sizeof(w), "%s.%s", where, key);
        return bad(rd, w, "expected an RFC 3339 time like 2024-01-02T03:04:05Z");
    }
    return OSP_OK;
}

/* String array member into a borrowed pointer array (*out, caller frees the array only). */
static enum osp_code get_strv(struct rd *rd, json_t *o, const char *key, const char *where, const char ***out,
                              size_t *n)
{
    json_t *a = json_object_get(o, key);
    char w[160];
    snprintf(w, sizeof(w), "%s.%s", where, key);
    *out = NULL;
    *n = 0;
    if (!a || json_is_null(a))
        return OSP_OK;
    if (!json_is_array(a))
        return bad(rd, w, "expected an array of strings");
    size_t len = json_array_size(a);
    if (!len)
        return OSP_OK;
    *out = calloc(len, sizeof(**out));
    if (!*out)
        return osp_err_set(rd->err, OSP_ENOMEM, "out of memory reading %s", rd->name);
    for (size_t i = 0; i < len; i++) {
        json_t *s = json_array_get(a, i);
        if (!json_is_string(s)) {
            free(*out);
            *out = NULL;
            return bad(rd, w, "expected an array of strings");
        }
        (*out)[i] = json_string_value(s);
    }
    *n = len;
    return OSP_OK;
}

#define ENUM_GET(fn, type, parse, hint)                                                                                \
    static enum osp_code fn(struct rd *rd, json_t *o, const char *key, const char *where, type *out)                   \
    {                                                                                                                  \
        const char *s;                                                                                                 \
        enum osp_code rc = get_str(rd, o, key, where, &s);                                                             \
        if (rc)                                                                                                        \
            return rc;                                                                                                 \
        if (parse(s, out)) {                                                                                           \
            char w[160];                                                                                               \
            snprintf(w, sizeof(w), "%s.%s", where, key);                                                               \
            return bad(rd, w, "expected one of " hint);                                                                \
        }                                                                                                              \
        return OSP_OK;                                                                                                 \
    }
ENUM_GET(get_sev, enum res_severity, res_severity_parse, "CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN")
ENUM_GET(get_status, enum res_status, res_status_parse, "FAIL, PASS, IGNORED, ERROR")
ENUM_GET(get_svc_state, enum res_svc_state, res_svc_state_parse, "ok, failed, skipped, cached")
ENUM_GET(get_ctl_status, enum res_ctl_status, res_ctl_status_parse, "PASS, FAIL, MANUAL, NOT EVALUATED, NOT COVERED")

static enum osp_code read_frameworks(struct rd *rd, json_t *o, const char *where, struct res_finding *f)
{
    json_t *fw = json_object_get(o, "Frameworks");
    const char *k;
    json_t *ids;
    size_t total = 0;
    if (!fw || json_is_null(fw))
        return OSP_OK;
    if (!json_is_object(fw))
        return bad(rd, where, "Frameworks: expected an object of framework -> [control ids]");
    json_object_foreach(fw, k, ids)
    {
        if (!json_is_array(ids))
            return bad(rd, where, "Frameworks: expected an object of framework -> [control ids]");
        total += json_array_size(ids);
    }
    if (!total)
        return OSP_OK;
    f->frameworks = calloc(total, sizeof(*f->frameworks));
    if (!f->frameworks)
        return osp_err_set(rd->err, OSP_ENOMEM, "out of memory reading %s", rd->name);
    json_object_foreach(fw, k, ids)
    {
        for (size_t i = 0; i < json_array_size(ids); i++) {
            json_t *s = json_array_get(ids, i);
            if (!json_is_string(s))
                return bad(rd, where, "Frameworks: control ids must be strings");
            f->frameworks[f->n_frameworks].framework = k;
            f->frameworks[f->n_frameworks++].id = json_string_value(s);
        }
    }
    return OSP_OK;
}

static enum osp_code read_finding(struct rd *rd, json_t *o, size_t idx, struct res_report *r)
{
    char where[48];
    snprintf(where, sizeof(where), "Findings[%zu]", idx);
    if (!json_is_object(o))
        return bad(rd, where, "expected an object");
    struct res_finding f = {0};
    enum osp_code rc;
    if ((rc = get_str(rd, o, "ID", where, &f.check_id)) || (rc = get_str(rd, o, "Title", where, &f.title)) ||
        (rc = get_str(rd, o, "Description", where, &f.description)) ||
        (rc = get_sev(rd, o, "Severity", where, &f.severity)) || (rc = get_status(rd, o, "Status", where, &f.status)) ||
        (rc = get_str(rd, o, "Service", where, &f.service)) || (rc = get_str(rd, o, "Region", where, &f.region)) ||
        (rc = get_str(rd, o, "Account", where, &f.account)) || (rc = get_str(rd, o, "Resource", where, &f.resource)) ||
        (rc = get_str(rd, o, "Message", where, &f.message)) ||
        (rc = get_str(rd, o, "Resolution", where, &f.resolution)) ||
        (rc = get_str(rd, o, "IgnoreReason", where, &f.ignore_reason)) ||
        (rc = get_str(rd, o, "Key", where, &f.key)) || (rc = get_str(rd, o, "Fingerprint", where, &f.fingerprint)))
        return rc;
    json_t *line = json_object_get(o, "Line");
    if (line && (!json_is_integer(line) || json_integer_value(line) < 1 || json_integer_value(line) > 1000000000))
        return bad(rd, where, "Line: expected a positive integer");
    f.line = line ? (unsigned)json_integer_value(line) : 0;
    if (!*f.check_id)
        return bad(rd, where, "ID is missing");
    rc = get_strv(rd, o, "References", where, &f.references, &f.n_references);
    if (!rc)
        rc = read_frameworks(rd, o, where, &f);
    if (!rc)
        rc = res_report_add_finding(r, &f, rd->err);
    free(f.references);
    free(f.frameworks);
    return rc;
}

static enum osp_code read_service(struct rd *rd, json_t *o, size_t idx, struct res_report *r)
{
    char where[48];
    snprintf(where, sizeof(where), "Services[%zu]", idx);
    if (!json_is_object(o))
        return bad(rd, where, "expected an object");
    struct res_service s = {0};
    enum osp_code rc;
    if ((rc = get_str(rd, o, "Account", where, &s.account)) || (rc = get_str(rd, o, "Region", where, &s.region)) ||
        (rc = get_str(rd, o, "Service", where, &s.service)) || (rc = get_svc_state(rd, o, "Status", where, &s.state)) ||
        (rc = get_time(rd, o, "CollectedAt", where, &s.collected_at)) ||
        (rc = get_str(rd, o, "ErrorCode", where, &s.error_code)) ||
        (rc = get_str(rd, o, "ErrorMessage", where, &s.error_message)))
        return rc;
    json_t *calls = json_object_get(o, "Calls");
    if (calls && (!json_is_integer(calls) || json_integer_value(calls) < 0))
        return bad(rd, where, "Calls: expected a non-negative integer");
    s.calls = calls ? (unsigned long)json_integer_value(calls) : 0;
    json_t *p = json_object_get(o, "Provenance");
    if (p && !json_is_null(p)) {
        char pw[64];
        snprintf(pw, sizeof(pw), "%s.Provenance", where);
        if (!json_is_object(p))
            return bad(rd, pw, "expected an object");
        json_t *auth = json_object_get(p, "Authenticated");
        if (auth && !json_is_boolean(auth))
            return bad(rd, pw, "Authenticated: expected true or false");
        s.artifact_authenticated = json_is_true(auth);
        if ((rc = get_str(rd, p, "Source", pw, &s.source)) ||
            (rc = get_time(rd, p, "ArtifactCreatedAt", pw, &s.artifact_created)))
            return rc;
    }
    return res_report_add_service_status(r, &s, rd->err);
}

ENUM_GET(get_gap_kind, enum res_gap_kind, res_gap_kind_parse, "service, region, check, resource, account")

static enum osp_code read_gap(struct rd *rd, json_t *o, size_t idx, struct res_report *r)
{
    char where[48];
    snprintf(where, sizeof(where), "Gaps[%zu]", idx);
    if (!json_is_object(o))
        return bad(rd, where, "expected an object");
    struct res_gap g = {0};
    json_t *acc = json_object_get(o, "Accepted");
    enum osp_code rc;
    if ((rc = get_gap_kind(rd, o, "Kind", where, &g.kind)) || (rc = get_str(rd, o, "Account", where, &g.account)) ||
        (rc = get_str(rd, o, "Region", where, &g.region)) || (rc = get_str(rd, o, "Service", where, &g.service)) ||
        (rc = get_str(rd, o, "Check", where, &g.check_id)) || (rc = get_str(rd, o, "Resource", where, &g.resource)) ||
        (rc = get_str(rd, o, "Code", where, &g.code)) || (rc = get_str(rd, o, "Message", where, &g.message)))
        return rc;
    if (acc && !json_is_boolean(acc))
        return bad(rd, where, "Accepted: expected true or false");
    g.accepted = json_is_true(acc);
    return res_report_add_gap(r, &g, rd->err);
}

static enum osp_code read_control(struct rd *rd, json_t *o, size_t idx, struct res_report *r)
{
    char where[64];
    snprintf(where, sizeof(where), "Compliance.Controls[%zu]", idx);
    if (!json_is_object(o))
        return bad(rd, where, "expected an object");
    struct res_control c = {0};
    json_t *nf = json_object_get(o, "FailingResources");
    enum osp_code rc;
    if ((rc = get_str(rd, o, "ID", where, &c.id)) || (rc = get_str(rd, o, "Name", where, &c.name)) ||
        (rc = get_sev(rd, o, "Severity", where, &c.severity)) ||
        (rc = get_ctl_status(rd, o, "Status", where, &c.status)))
        return rc;
    if (nf && (!json_is_integer(nf) || json_integer_value(nf) < 0))
        return bad(rd, where, "FailingResources: expected a non-negative integer");
    c.n_failing = nf ? (size_t)json_integer_value(nf) : 0;
    if ((rc = get_strv(rd, o, "Checks", where, &c.checks, &c.n_checks)) ||
        (rc = get_str(rd, o, "Reason", where, &c.reason)) || (rc = get_str(rd, o, "Level", where, &c.level)) ||
        (rc = get_str(rd, o, "Assessment", where, &c.assessment))) {
        free(c.checks);
        return rc;
    }
    rc = res_report_add_control(r, &c, rd->err);
    free(c.checks);
    return rc;
}

static enum osp_code read_compliance(struct rd *rd, json_t *o, struct res_report *r)
{
    if (!o || json_is_null(o))
        return OSP_OK;
    if (!json_is_object(o))
        return bad(rd, "Compliance", "expected an object");
    const char *id, *title, *version;
    enum osp_code rc;
    if ((rc = get_str(rd, o, "ID", "Compliance", &id)) || (rc = get_str(rd, o, "Title", "Compliance", &title)) ||
        (rc = get_str(rd, o, "Version", "Compliance", &version)) ||
        (rc = res_report_set_compliance(r, id, title, version, rd->err)))
        return rc;
    const char *coverage;
    if ((rc = get_str(rd, o, "Coverage", "Compliance", &coverage)) || (rc = res_report_set_coverage(r, coverage, rd->err)))
        return rc;
    json_t *ctl = json_object_get(o, "Controls");
    if (ctl && !json_is_array(ctl))
        return bad(rd, "Compliance.Controls", "expected an array");
    for (size_t i = 0; ctl && i < json_array_size(ctl); i++)
        if ((rc = read_control(rd, json_array_get(ctl, i), i, r)))
            return rc;
    return OSP_OK;
}

typedef enum osp_code (*item_fn)(struct rd *, json_t *, size_t, struct res_report *);

static enum osp_code read_list(struct rd *rd, json_t *root, const char *key, item_fn fn, struct res_report *r)
{
    json_t *a = json_object_get(root, key);
    if (!a || json_is_null(a))
        return OSP_OK;
    if (!json_is_array(a))
        return bad(rd, key, "expected an array");
    for (size_t i = 0; i < json_array_size(a); i++) {
        enum osp_code rc = fn(rd, json_array_get(a, i), i, r);
        if (rc)
            return rc;
    }
    return OSP_OK;
}

static enum osp_code read_header(struct rd *rd, json_t *root, struct res_report *r)
{
    json_t *sv = json_object_get(root, "SchemaVersion");
    if (!json_is_integer(sv))
        return bad(rd, "SchemaVersion", "missing or not an integer");
    if (json_integer_value(sv) != RES_SCHEMA_VERSION)
        return osp_err_set(rd->err, OSP_EUSAGE, "%s: SchemaVersion %lld is not supported (this osprey reads %d)",
                           rd->name, (long long)json_integer_value(sv), RES_SCHEMA_VERSION);
    json_t *tool = json_object_get(root, "Tool");
    const char *name = "", *version = "", *partition;
    enum osp_code rc;
    if (tool &&
        ((rc = get_str(rd, tool, "Name", "Tool", &name)) || (rc = get_str(rd, tool, "Version", "Tool", &version))))
        return rc;
    char *n = res_strdup(name), *v = res_strdup(version);
    if (!n || !v) {
        free(n);
        free(v);
        return osp_err_set(rd->err, OSP_ENOMEM, "out of memory reading %s", rd->name);
    }
    free((void *)r->tool_name);
    free((void *)r->tool_version);
    r->tool_name = n;
    r->tool_version = v;
    if ((rc = get_str(rd, root, "Partition", "report", &partition)) ||
        (rc = res_report_set_partition(r, partition, rd->err)))
        return rc;
    return get_time(rd, root, "CollectedAt", "report", &r->collected_at);
}

static enum osp_code read_sets(struct rd *rd, json_t *root, struct res_report *r)
{
    const char **v = NULL;
    size_t n = 0;
    enum osp_code rc = get_strv(rd, root, "Accounts", "report", &v, &n);
    for (size_t i = 0; !rc && i < n; i++)
        rc = res_report_add_account(r, v[i], rd->err);
    free(v);
    if (rc)
        return rc;
    rc = get_strv(rd, root, "Regions", "report", &v, &n);
    for (size_t i = 0; !rc && i < n; i++)
        rc = res_report_add_region(r, v[i], rd->err);
    free(v);
    return rc;
}

enum osp_code res_report_from_json(const char *text, size_t len, const char *name, struct res_report **out,
                                   struct osp_err *err)
{
    struct rd rd = {name ? name : "report", err};
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return osp_err_set(err, OSP_EPARSE, "%s:%d:%d: not valid JSON: %s", rd.name, jerr.line, jerr.column, jerr.text);
    struct res_report *r = res_report_new(NULL, NULL);
    enum osp_code rc = r ? OSP_OK : osp_err_set(err, OSP_ENOMEM, "out of memory reading %s", rd.name);
    if (!rc && !json_is_object(root))
        rc = bad(&rd, "report", "expected a JSON object");
    if (!rc)
        rc = read_header(&rd, root, r);
    time_t collected = r ? r->collected_at : 0;
    if (!rc)
        rc = read_sets(&rd, root, r);
    if (!rc)
        rc = read_list(&rd, root, "Services", read_service, r);
    if (!rc)
        rc = read_list(&rd, root, "Gaps", read_gap, r);
    if (!rc)
        rc = read_list(&rd, root, "Findings", read_finding, r);
    if (!rc)
        rc = read_compliance(&rd, json_object_get(root, "Compliance"), r);
    json_decref(root);
    if (rc) {
        res_report_free(r);
        return rc;
    }
    /* Services raised collected_at while being added; the stored value is authoritative. */
    r->collected_at = collected;
    res_report_sort(r);
    *out = r;
    return OSP_OK;
}

static enum osp_code slurp(FILE *f, const char *path, struct osp_buf *b, struct osp_err *err)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        enum osp_code rc = osp_buf_add(b, chunk, n);
        if (rc == OSP_ELIMIT)
            return osp_err_set(err, OSP_ELIMIT, "%s: larger than %zu MB, not a report osprey wrote", path,
                               RES_REPORT_MAX_BYTES >> 20);
        if (rc)
            return osp_err_set(err, rc, "out of memory reading %s", path);
    }
    if (ferror(f))
        return osp_err_set(err, OSP_EIO, "cannot read %s: %s", path, strerror(errno));
    return OSP_OK;
}

enum osp_code res_report_load(const struct osp_ctx *ctx, const char *path, struct res_report **out, struct osp_err *err)
{
    (void)ctx;
    int is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return osp_err_set(err, OSP_EIO, "cannot open report %s: %s", path, strerror(errno));
    struct osp_buf b;
    osp_buf_init(&b, RES_REPORT_MAX_BYTES);
    enum osp_code rc = slurp(f, path, &b, err);
    if (!is_stdin)
        fclose(f);
    if (!rc)
        rc = res_report_from_json(osp_buf_str(&b), b.len, is_stdin ? "<stdin>" : path, out, err);
    osp_buf_cleanup(&b);
    return rc;
}
