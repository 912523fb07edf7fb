/* sarif.c: SARIF 2.1.0 writer shaped for GitHub code scanning.
 *
 * One run per report (--sarif-category account: one per account, each its own category). Rules:
 * one per check that has a FAIL result. Results: FAIL findings only (PASS and IGNORED are not
 * alerts), most severe first, capped at GitHub's 25,000 per run.
 * Locations are pseudo-paths aws/<account>/<region>/<service>/<resource>: relative, no scheme,
 * percent-encoded, never empty, with a 1:1 region so GitHub accepts them; the ARN is also a
 * logicalLocation and a property. Each finding's line in its pseudo-file is its sub-finding's
 * line (two rules of one security group: two lines), and partialFingerprints carry the
 * finding's fingerprint both as primaryLocationLineHash (what GitHub matches alerts by) and
 * under osprey's own key. Every gap (a service that failed to collect, a region without state, a
 * check that failed to evaluate) is one invocations[0].toolExecutionNotification, and an
 * incomplete run has executionSuccessful false, so that a consumer does not close the alerts of
 * what was not looked at.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/log.h"
#include "core/timeutil.h"
#include "formats/fmt_int.h"
#include "formats/format.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
/* v2: res_finding_fingerprint() (check, account, resource or region, sub-finding key); v1 had
 * no key, so two rules of one security group shared it. */
#define FINGERPRINT_KEY "ospreyFinding/v2"
#define SARIF_MAX_TAGS 10 /* GitHub keeps only 10 tags per rule */
#define SARIF_GITHUB_MAX_RUNS 20 /* runs per uploaded file */

struct sarif {
    const struct res_report *r;
    const struct fmt_opts *o;
    const struct res_finding **rules; /* first finding of each rule's check, sorted by check id */
    size_t n_rules;
    size_t n_results; /* FAIL findings written */
    size_t dropped;   /* FAIL findings over the cap */
    int bad;
};

static const char *security_severity(enum res_severity s)
{
    switch (s) {
    case RES_SEV_CRITICAL:
        return "9.5";
    case RES_SEV_HIGH:
        return "8.0";
    case RES_SEV_MEDIUM:
        return "5.5";
    case RES_SEV_LOW:
        return "2.0";
    case RES_SEV_UNKNOWN:
        break;
    }
    return NULL;
}

static const char *level(enum res_severity s)
{
    return s >= RES_SEV_HIGH ? "error" : s == RES_SEV_MEDIUM ? "warning" : "note";
}

/* By check ID, then report order (the findings are one array, so addresses give it). */
static int rule_cmp(const void *a, const void *b)
{
    const struct res_finding *const *x = a, *const *y = b;
    int c = strcmp((*x)->check_id, (*y)->check_id);
    return c ? c : (*x < *y ? -1 : *x > *y);
}

/* Collect one representative finding per check among the results written. */
static enum osp_code collect_rules(struct sarif *s, size_t max, struct osp_err *err)
{
    s->rules = calloc(s->r->n_findings ? s->r->n_findings : 1, sizeof(*s->rules));
    if (!s->rules)
        return osp_err_set(err, OSP_ENOMEM, "out of memory writing the sarif report");
    for (size_t i = 0; i < s->r->n_findings; i++) {
        const struct res_finding *f = &s->r->findings[i];
        if (f->status != RES_FAIL)
            continue;
        if (s->n_results == max) {
            s->dropped++;
            continue;
        }
        s->n_results++;
        s->rules[s->n_rules++] = f;
    }
    /* Sort, then keep each check's first finding (a search per finding was quadratic). */
    qsort(s->rules, s->n_rules, sizeof(*s->rules), rule_cmp);
    size_t n = 0;
    for (size_t i = 0; i < s->n_rules; i++)
        if (!n || strcmp(s->rules[n - 1]->check_id, s->rules[i]->check_id))
            s->rules[n++] = s->rules[i];
    s->n_rules = n;
    return OSP_OK;
}

static size_t rule_index(const struct sarif *s, const char *check_id)
{
    size_t lo = 0, hi = s->n_rules;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(s->rules[mid]->check_id, check_id);
        if (!c)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0; /* unreachable: every written result has a rule */
}

/* "S3 buckets should block public ACLs" -> "S3BucketsShouldBlockPublicAcls". */
static void rule_name(const char *title, const char *fallback, struct osp_buf *b, int *bad)
{
    int upper = 1;
    for (const char *p = title; *p; p++) {
        char c = *p;
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            upper = 1;
            continue;
        }
        if (upper && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        upper = 0;
        if (osp_buf_addc(b, c))
            *bad = 1;
    }
    if (!b->len && osp_buf_adds(b, fallback))
        *bad = 1;
}

static void help_texts(const struct res_finding *f, struct osp_buf *text, struct osp_buf *md, int *bad)
{
    int rc =
        osp_buf_addf(text, "%s\n\nSeverity: %s\nRecommended action: %s", *f->description ? f->description : f->title,
                     res_severity_name(f->severity), *f->resolution ? f->resolution : "see the references");
    rc |= osp_buf_addf(md,
                       "**%s**\n\n%s\n\n| Severity | Service | Check |\n|---|---|---|\n| %s | %s | %s |\n\n"
                       "**Recommended action:** %s\n",
                       f->title, *f->description ? f->description : f->title, res_severity_name(f->severity),
                       f->service, f->check_id, *f->resolution ? f->resolution : "see the references");
    if (f->n_references) {
        rc |= osp_buf_adds(text, "\nReferences:");
        rc |= osp_buf_adds(md, "\n**References:**\n");
    }
    for (size_t i = 0; i < f->n_references; i++) {
        rc |= osp_buf_addf(text, "\n- %s", f->references[i]);
        rc |= osp_buf_addf(md, "- <%s>\n", f->references[i]);
    }
    if (rc)
        *bad = 1;
}

static json_t *text_obj(const char *key, const char *s, int *bad)
{
    json_t *o = fmt_jobj(bad);
    fmt_jstr(o, key, s, bad);
    return o;
}

static json_t *rule_tags(const struct res_finding *f, int *bad)
{
    json_t *tags = fmt_jarr(bad);
    char buf[160];
    fmt_jpush(tags, json_string("security"), bad);
    fmt_jpush(tags, json_string("aws"), bad);
    snprintf(buf, sizeof(buf), "aws/%s", f->service);
    fmt_jpush(tags, json_string(buf), bad);
    for (size_t i = 0; i < f->n_frameworks && i + 3 < SARIF_MAX_TAGS; i++) {
        snprintf(buf, sizeof(buf), "%s/%s", f->frameworks[i].framework, f->frameworks[i].id);
        fmt_jpush(tags, json_string(buf), bad);
    }
    return tags;
}

static json_t *rule_json(const struct res_finding *f, int *bad)
{
    json_t *o = fmt_jobj(bad), *props = fmt_jobj(bad), *cfg = fmt_jobj(bad), *help = fmt_jobj(bad);
    struct osp_buf name, text, md;
    osp_buf_init(&name, 0);
    osp_buf_init(&text, 0);
    osp_buf_init(&md, 0);
    rule_name(f->title, f->check_id, &name, bad);
    help_texts(f, &text, &md, bad);
    fmt_jstr(o, "id", f->check_id, bad);
    fmt_jstr(o, "name", osp_buf_str(&name), bad);
    fmt_jset(o, "shortDescription", text_obj("text", *f->title ? f->title : f->check_id, bad), bad);
    fmt_jset(o, "fullDescription", text_obj("text", *f->description ? f->description : f->title, bad), bad);
    fmt_jstr(cfg, "level", level(f->severity), bad);
    fmt_jset(o, "defaultConfiguration", cfg, bad);
    if (f->n_references && !strncmp(f->references[0], "http", 4))
        fmt_jstr(o, "helpUri", f->references[0], bad);
    fmt_jstr(help, "text", osp_buf_str(&text), bad);
    fmt_jstr(help, "markdown", osp_buf_str(&md), bad);
    fmt_jset(o, "help", help, bad);
    fmt_jstr(props, "precision", "very-high", bad);
    if (security_severity(f->severity))
        fmt_jstr(props, "security-severity", security_severity(f->severity), bad);
    fmt_jset(props, "tags", rule_tags(f, bad), bad);
    fmt_jset(o, "properties", props, bad);
    osp_buf_cleanup(&name);
    osp_buf_cleanup(&text);
    osp_buf_cleanup(&md);
    return o;
}

static json_t *location_json(const struct res_finding *f, int *bad)
{
    json_t *loc = fmt_jobj(bad), *phys = fmt_jobj(bad), *art = fmt_jobj(bad), *reg = fmt_jobj(bad);
    json_t *logicals = fmt_jarr(bad), *logical = fmt_jobj(bad);
    struct osp_buf uri;
    osp_buf_init(&uri, 0);
    fmt_location_path(f, &uri, bad);
    fmt_jstr(art, "uri", osp_buf_str(&uri), bad);
    osp_buf_cleanup(&uri);
    fmt_jset(phys, "artifactLocation", art, bad);
    const char *keys[] = {"startLine", "startColumn", "endLine", "endColumn"};
    json_int_t line = f->line ? (json_int_t)f->line : 1;
    const json_int_t vals[] = {line, 1, line, 1};
    for (size_t i = 0; i < 4; i++)
        fmt_jset(reg, keys[i], json_integer(vals[i]), bad);
    fmt_jset(phys, "region", reg, bad);
    fmt_jset(loc, "physicalLocation", phys, bad);
    const char *arn = *f->resource ? f->resource : f->account;
    fmt_jstr(logical, "name", *f->resource ? fmt_arn_resource(f->resource) : f->account, bad);
    fmt_jstr(logical, "fullyQualifiedName", arn, bad);
    fmt_jstr(logical, "kind", "resource", bad);
    fmt_jpush(logicals, logical, bad);
    fmt_jset(loc, "logicalLocations", logicals, bad);
    return loc;
}

static json_t *result_json(const struct sarif *s, const struct res_finding *f, int *bad)
{
    json_t *o = fmt_jobj(bad), *locs = fmt_jarr(bad), *fp = fmt_jobj(bad), *props = fmt_jobj(bad);
    struct osp_buf msg;
    osp_buf_init(&msg, 0);
    int rc = osp_buf_adds(&msg, *f->message ? f->message : f->title);
    if (*f->resource && !strstr(osp_buf_str(&msg), f->resource))
        rc |= osp_buf_addf(&msg, " (resource: %s)", f->resource);
    else if (!*f->resource)
        rc |= osp_buf_addf(&msg, " (account: %s, region: %s)", f->account, f->region);
    if (rc)
        *bad = 1;
    fmt_jstr(o, "ruleId", f->check_id, bad);
    fmt_jset(o, "ruleIndex", json_integer((json_int_t)rule_index(s, f->check_id)), bad);
    fmt_jstr(o, "level", level(f->severity), bad);
    fmt_jset(o, "message", text_obj("text", osp_buf_str(&msg), bad), bad);
    osp_buf_cleanup(&msg);
    fmt_jpush(locs, location_json(f, bad), bad);
    fmt_jset(o, "locations", locs, bad);
    fmt_jstr(fp, "primaryLocationLineHash", f->fingerprint, bad);
    fmt_jstr(fp, FINGERPRINT_KEY, f->fingerprint, bad);
    fmt_jset(o, "partialFingerprints", fp, bad);
    fmt_jstr(props, "resource", f->resource, bad);
    fmt_jstr(props, "account", f->account, bad);
    fmt_jstr(props, "region", f->region, bad);
    fmt_jstr(props, "service", f->service, bad);
    fmt_jstr(props, "severity", res_severity_name(f->severity), bad);
    fmt_jset(o, "properties", props, bad);
    return o;
}

static json_t *notification(const char *lvl, const char *id, const char *text, json_t *props, int *bad)
{
    json_t *n = fmt_jobj(bad), *desc = fmt_jobj(bad);
    fmt_jstr(n, "level", lvl, bad);
    fmt_jset(n, "message", text_obj("text", text, bad), bad);
    fmt_jstr(desc, "id", id, bad);
    fmt_jset(n, "descriptor", desc, bad);
    fmt_jset(n, "properties", props, bad);
    return n;
}

static void service_notes(const struct res_report *r, json_t *notes, int *bad)
{
    char text[1024];
    for (size_t i = 0; i < r->n_services; i++) {
        const struct res_service *sv = &r->services[i];
        if (sv->state != RES_SVC_FAILED)
            continue;
        snprintf(text, sizeof(text), "could not collect %s in %s (account %s): %s%s%s", sv->service, sv->region,
                 sv->account, sv->error_code, *sv->error_message ? ": " : "", sv->error_message);
        json_t *p = fmt_jobj(bad);
        fmt_jstr(p, "account", sv->account, bad);
        fmt_jstr(p, "region", sv->region, bad);
        fmt_jstr(p, "service", sv->service, bad);
        fmt_jstr(p, "errorCode", sv->error_code, bad);
        fmt_jpush(notes, notification("error", "osprey/collection-error", text, p, bad), bad);
    }
    for (size_t i = 0; i < r->n_gaps; i++) {
        const struct res_gap *g = &r->gaps[i];
        if (g->kind == RES_GAP_SERVICE)
            continue; /* the collection error above */
        char id[64], what[600];
        snprintf(id, sizeof(id), "osprey/incomplete-%s", res_gap_kind_name(g->kind));
        fmt_gap_subject(g, what, sizeof(what));
        snprintf(text, sizeof(text), "%snot evaluated: %s (account %s): %s%s%s", g->accepted ? "accepted gap, " : "",
                 what, g->account, g->code, *g->code && *g->message ? ": " : "", g->message);
        json_t *p = fmt_jobj(bad);
        fmt_jstr(p, "account", g->account, bad);
        fmt_jstr(p, "region", g->region, bad);
        if (*g->service)
            fmt_jstr(p, "service", g->service, bad);
        if (*g->check_id)
            fmt_jstr(p, "ruleId", g->check_id, bad);
        if (*g->resource)
            fmt_jstr(p, "resource", g->resource, bad);
        fmt_jset(p, "accepted", json_boolean(g->accepted), bad);
        fmt_jpush(notes, notification(g->accepted ? "note" : "error", id, text, p, bad), bad);
    }
    for (size_t i = 0; i < r->n_findings; i++) {
        const struct res_finding *f = &r->findings[i];
        if (f->status != RES_ERROR)
            continue;
        snprintf(text, sizeof(text), "check %s could not run in %s (account %s): %s", f->check_id, f->region,
                 f->account, *f->message ? f->message : "its input was not collected");
        json_t *p = fmt_jobj(bad);
        fmt_jstr(p, "ruleId", f->check_id, bad);
        fmt_jstr(p, "resource", f->resource, bad);
        fmt_jstr(p, "region", f->region, bad);
        fmt_jpush(notes, notification("warning", "osprey/check-error", text, p, bad), bad);
    }
}

static json_t *invocations_json(const struct sarif *s, int *bad)
{
    json_t *invs = fmt_jarr(bad), *inv = fmt_jobj(bad), *notes = fmt_jarr(bad);
    fmt_jset(inv, "executionSuccessful", json_boolean(res_report_complete(s->r)), bad);
    if (s->dropped) {
        char text[256];
        snprintf(text, sizeof(text),
                 "%zu results over GitHub's limit of %zu per run were left out; the most severe were kept", s->dropped,
                 s->n_results);
        fmt_jpush(notes, notification("warning", "osprey/results-truncated", text, fmt_jobj(bad), bad), bad);
    }
    service_notes(s->r, notes, bad);
    fmt_jset(inv, "toolExecutionNotifications", notes, bad);
    fmt_jpush(invs, inv, bad);
    return invs;
}

static json_t *strs_json(const char *const *v, size_t n, int *bad)
{
    json_t *a = fmt_jarr(bad);
    for (size_t i = 0; i < n; i++)
        fmt_jpush(a, json_string(v[i]), bad);
    return a;
}

static json_t *compliance_json(const struct res_compliance *c, int *bad)
{
    json_t *o = fmt_jobj(bad), *ctls = fmt_jarr(bad);
    fmt_jstr(o, "id", c->id, bad);
    fmt_jstr(o, "title", c->title, bad);
    fmt_jstr(o, "version", c->version, bad);
    if (c->coverage && *c->coverage)
        fmt_jstr(o, "coverage", c->coverage, bad);
    for (size_t i = 0; i < c->n_controls; i++) {
        const struct res_control *ctl = &c->controls[i];
        json_t *x = fmt_jobj(bad);
        fmt_jstr(x, "id", ctl->id, bad);
        fmt_jstr(x, "name", ctl->name, bad);
        fmt_jstr(x, "severity", res_severity_name(ctl->severity), bad);
        fmt_jstr(x, "status", res_ctl_status_name(ctl->status), bad);
        fmt_jset(x, "failingResources", json_integer((json_int_t)ctl->n_failing), bad);
        fmt_jset(x, "checks", strs_json(ctl->checks, ctl->n_checks, bad), bad);
        if (ctl->reason && *ctl->reason)
            fmt_jstr(x, "reason", ctl->reason, bad);
        fmt_jpush(ctls, x, bad);
    }
    fmt_jset(o, "controls", ctls, bad);
    return o;
}

/* "osprey/aws/<accounts joined by +>/<regions joined by +>/": a category naming both; with
 * --sarif-category org "osprey/aws/org/", with another id that id (ending in '/'). */
static void automation_id(const struct res_report *r, const char *category, struct osp_buf *b, int *bad)
{
    if (category && strcmp(category, "account")) {
        const char *id = strcmp(category, "org") ? category : "osprey/aws/org";
        size_t n = strlen(id);
        if (osp_buf_addf(b, "%s%s", id, n && id[n - 1] == '/' ? "" : "/"))
            *bad = 1;
        return;
    }
    int rc = osp_buf_adds(b, "osprey/aws/");
    for (size_t i = 0; i < r->n_accounts; i++)
        rc |= osp_buf_addf(b, "%s%s", i ? "+" : "", r->accounts[i]);
    rc |= osp_buf_adds(b, r->n_accounts ? "/" : "unknown-account/");
    for (size_t i = 0; i < r->n_regions; i++)
        rc |= osp_buf_addf(b, "%s%s", i ? "+" : "", r->regions[i]);
    rc |= osp_buf_adds(b, r->n_regions ? "/" : "global/");
    if (rc)
        *bad = 1;
}

/* Where the state came from, summed over the services (the JSON report has it per service):
 * {"live": n, "cache": n, "artifact": n, "artifactCreatedAt": t, "artifactAuthenticated": b}, the
 * counts that are 0 and the artifact fields without an artifact left out. */
static json_t *provenance_json(const struct res_report *r, int *bad)
{
    static const char *const kinds[] = {"live", "cache", "artifact"};
    size_t count[3] = {0};
    const struct res_service *art = NULL;
    for (size_t i = 0; i < r->n_services; i++)
        for (size_t k = 0; k < 3; k++)
            if (r->services[i].source && !strcmp(r->services[i].source, kinds[k])) {
                count[k]++;
                if (k == 2 && !art)
                    art = &r->services[i];
            }
    if (!count[0] && !count[1] && !count[2])
        return NULL; /* a report from an older osprey: nothing known */
    json_t *p = fmt_jobj(bad);
    for (size_t k = 0; k < 3; k++)
        if (count[k])
            fmt_jset(p, kinds[k], json_integer((json_int_t)count[k]), bad);
    if (art) {
        char when[32];
        osp_format_rfc3339(art->artifact_created, when, sizeof(when));
        fmt_jstr(p, "artifactCreatedAt", when, bad);
        fmt_jset(p, "artifactAuthenticated", json_boolean(art->artifact_authenticated), bad);
    }
    return p;
}

static json_t *run_props(const struct res_report *r, int *bad)
{
    json_t *p = fmt_jobj(bad);
    char when[32];
    fmt_jstr(p, "partition", r->partition, bad);
    fmt_jset(p, "accounts", strs_json(r->accounts, r->n_accounts, bad), bad);
    fmt_jset(p, "regions", strs_json(r->regions, r->n_regions, bad), bad);
    if (r->collected_at) {
        osp_format_rfc3339(r->collected_at, when, sizeof(when));
        fmt_jstr(p, "collectedAt", when, bad);
    }
    if (r->compliance)
        fmt_jset(p, "compliance", compliance_json(r->compliance, bad), bad);
    json_t *prov = provenance_json(r, bad);
    if (prov)
        fmt_jset(p, "provenance", prov, bad);
    return p;
}

static json_t *run_json(struct sarif *s, int *bad)
{
    json_t *run = fmt_jobj(bad), *tool = fmt_jobj(bad), *driver = fmt_jobj(bad), *rules = fmt_jarr(bad);
    json_t *results = fmt_jarr(bad), *auto_ = fmt_jobj(bad);
    struct osp_buf id;
    fmt_jstr(driver, "name", s->r->tool_name, bad);
    if (*s->r->tool_version) {
        fmt_jstr(driver, "version", s->r->tool_version, bad);
        fmt_jstr(driver, "semanticVersion", s->r->tool_version, bad);
    }
    for (size_t i = 0; i < s->n_rules; i++)
        fmt_jpush(rules, rule_json(s->rules[i], bad), bad);
    fmt_jset(driver, "rules", rules, bad);
    fmt_jset(tool, "driver", driver, bad);
    fmt_jset(run, "tool", tool, bad);
    osp_buf_init(&id, 0);
    automation_id(s->r, s->o ? s->o->sarif_category : NULL, &id, bad);
    fmt_jstr(auto_, "id", osp_buf_str(&id), bad);
    osp_buf_cleanup(&id);
    fmt_jset(run, "automationDetails", auto_, bad);
    size_t written = 0;
    for (size_t i = 0; i < s->r->n_findings && written < s->n_results; i++) {
        if (s->r->findings[i].status != RES_FAIL)
            continue;
        fmt_jpush(results, result_json(s, &s->r->findings[i], bad), bad);
        written++;
    }
    fmt_jset(run, "results", results, bad);
    fmt_jset(run, "invocations", invocations_json(s, bad), bad);
    fmt_jset(run, "properties", run_props(s->r, bad), bad);
    return run;
}

/* One run of r (or of one account's view of it) onto runs. */
static enum osp_code push_run(const struct res_report *r, const struct fmt_opts *o, json_t *runs, int *bad,
                              struct osp_err *err)
{
    struct sarif s = {.r = r, .o = o};
    size_t max = o && o->sarif_max_results ? o->sarif_max_results : FMT_SARIF_MAX_RESULTS;
    enum osp_code rc = collect_rules(&s, max, err);
    if (rc)
        return rc;
    if (s.dropped && o && o->ctx)
        osp_warn(
            o->ctx,
            "sarif: %zu failing findings exceed GitHub's limit of %zu results per run; keeping the %zu most severe",
            s.n_results + s.dropped, max, max);
    fmt_jpush(runs, run_json(&s, bad), bad);
    free(s.rules);
    return OSP_OK;
}

/* --sarif-category account: a view of r holding one account's findings, services and gaps (the
 * arrays are shallow copies, freed by view_free; the strings stay r's). */
static int account_view(const struct res_report *r, const char **account, struct res_report *v)
{
    *v = *r;
    v->accounts = account;
    v->n_accounts = 1;
    v->findings = malloc((r->n_findings ? r->n_findings : 1) * sizeof(*v->findings));
    v->services = malloc((r->n_services ? r->n_services : 1) * sizeof(*v->services));
    v->gaps = malloc((r->n_gaps ? r->n_gaps : 1) * sizeof(*v->gaps));
    v->n_findings = v->n_services = v->n_gaps = 0;
    if (!v->findings || !v->services || !v->gaps)
        return -1;
    for (size_t i = 0; i < r->n_findings; i++)
        if (!strcmp(r->findings[i].account, *account))
            v->findings[v->n_findings++] = r->findings[i];
    for (size_t i = 0; i < r->n_services; i++)
        if (!strcmp(r->services[i].account, *account))
            v->services[v->n_services++] = r->services[i];
    for (size_t i = 0; i < r->n_gaps; i++)
        if (!strcmp(r->gaps[i].account, *account))
            v->gaps[v->n_gaps++] = r->gaps[i];
    return 0;
}

static void view_free(struct res_report *v)
{
    free(v->findings);
    free(v->services);
    free(v->gaps);
}

enum osp_code fmt_sarif_write(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    int bad = 0;
    json_t *root = fmt_jobj(&bad), *runs = fmt_jarr(&bad);
    fmt_jstr(root, "$schema", SARIF_SCHEMA, &bad);
    fmt_jstr(root, "version", "2.1.0", &bad);
    enum osp_code rc = OSP_OK;
    if (o && o->sarif_category && !strcmp(o->sarif_category, "account") && r->n_accounts > 1) {
        if (r->n_accounts > SARIF_GITHUB_MAX_RUNS && o->ctx)
            osp_warn(o->ctx, "sarif: %zu accounts make %zu runs; GitHub code scanning takes at most %d per file (use "
                             "--sarif-category org)",
                     r->n_accounts, r->n_accounts, SARIF_GITHUB_MAX_RUNS);
        for (size_t i = 0; !rc && i < r->n_accounts; i++) { /* a category per account: its own run */
            struct res_report v;
            rc = account_view(r, &r->accounts[i], &v) ? osp_err_set(err, OSP_ENOMEM, "out of memory writing SARIF")
                                                      : push_run(&v, o, runs, &bad, err);
            view_free(&v);
        }
    } else {
        rc = push_run(r, o, runs, &bad, err);
    }
    fmt_jset(root, "runs", runs, &bad);
    if (rc) {
        json_decref(root);
        return rc;
    }
    return fmt_jdump_compact(root, bad, out, "sarif", err);
}
