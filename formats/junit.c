/* junit.c: JUnit XML writer (valid against Jenkins' junit-4 XSD; element order matters).
 *
 * One <testsuite> per account+region with <properties>; one <testcase> per (check, resource)
 * with classname aws.<service> and the check, title and resource in the name, so GitLab does
 * not collapse two resources failing the same check. FAIL -> <failure type=SEVERITY>,
 * IGNORED -> <skipped>, ERROR (check could not run) -> <error>. A service that failed to
 * collect is a testcase of its own with <error>, and so is every other gap (a region with no
 * state, a check that failed to evaluate; <skipped> when accepted). Two findings of one check
 * about one resource differ by their key in the name. The compliance report is one more suite
 * (FAIL -> <failure>, NOT EVALUATED -> <error>, MANUAL and NOT COVERED -> <skipped>).
 */
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "core/timeutil.h"
#include "formats/fmt_int.h"
#include "formats/format.h"

struct jw {
    xmlTextWriterPtr w;
    int bad;
};

/* XML 1.0 cannot carry most control characters nor U+FFFE/U+FFFF: replace them (the latter by
 * U+FFFD, same length). Returns a new string or NULL. */
static char *xml_clean(const char *s)
{
    char *c = strdup(s ? s : "");
    for (unsigned char *p = (unsigned char *)c; p && *p; p++) {
        if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
            *p = '?';
        else if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
            p[2] = 0xBD;
    }
    return c;
}

static void start(struct jw *j, const char *el)
{
    if (xmlTextWriterStartElement(j->w, BAD_CAST el) < 0)
        j->bad = 1;
}

static void end(struct jw *j)
{
    if (xmlTextWriterEndElement(j->w) < 0)
        j->bad = 1;
}

static void attr(struct jw *j, const char *name, const char *value)
{
    char *v = xml_clean(value);
    if (!v || xmlTextWriterWriteAttribute(j->w, BAD_CAST name, BAD_CAST v) < 0)
        j->bad = 1;
    free(v);
}

static void attr_n(struct jw *j, const char *name, size_t n)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "%zu", n);
    attr(j, name, buf);
}

static void text(struct jw *j, const char *s)
{
    char *v = xml_clean(s);
    if (!v || xmlTextWriterWriteString(j->w, BAD_CAST v) < 0)
        j->bad = 1;
    free(v);
}

static void property(struct jw *j, const char *name, const char *value)
{
    start(j, "property");
    attr(j, "name", name);
    attr(j, "value", value);
    end(j);
}

struct counts {
    size_t tests, failures, errors, skipped;
};

/* One finding or service of the report with its (account, region) suite; see suites(). */
struct pair {
    const char *account, *region;
    const struct res_service *s; /* exactly one of s, f and g is set */
    const struct res_finding *f;
    const struct res_gap *g; /* a region or check gap (service gaps are their service's case) */
    size_t idx; /* position in the report */
};

/* Counts of one suite: the run of entries v[0..m). */
static struct counts suite_counts(const struct pair *v, size_t m)
{
    struct counts c = {0};
    for (size_t i = 0; i < m; i++) {
        const struct res_finding *f = v[i].f;
        const struct res_service *s = v[i].s;
        if (f) {
            c.tests++;
            c.failures += f->status == RES_FAIL;
            c.errors += f->status == RES_ERROR;
            c.skipped += f->status == RES_IGNORED;
        } else if (v[i].g) {
            c.tests++;
            c.errors += !v[i].g->accepted;
            c.skipped += v[i].g->accepted;
        } else if (s->state == RES_SVC_FAILED || s->state == RES_SVC_SKIPPED) {
            c.tests++;
            c.errors += s->state == RES_SVC_FAILED;
            c.skipped += s->state == RES_SVC_SKIPPED;
        }
    }
    return c;
}

/* Opens <testsuite name=...> with its counts and its <properties>; the caller adds properties
 * and closes both. */
static void suite_start(struct jw *j, const char *name, const struct counts *c)
{
    start(j, "testsuite");
    attr(j, "name", name);
    attr_n(j, "tests", c->tests);
    attr_n(j, "failures", c->failures);
    attr_n(j, "errors", c->errors);
    attr_n(j, "skipped", c->skipped);
    start(j, "properties");
}

static void finding_body(struct jw *j, const struct res_finding *f)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    int rc = osp_buf_addf(&b, "%s\nSeverity: %s\nResource: %s\nAccount: %s\nRegion: %s\nMessage: %s\n", f->title,
                          res_severity_name(f->severity), *f->resource ? f->resource : "(account-wide)", f->account,
                          f->region, f->message);
    if (*f->resolution)
        rc |= osp_buf_addf(&b, "Recommended action: %s\n", f->resolution);
    for (size_t i = 0; i < f->n_references; i++)
        rc |= osp_buf_addf(&b, "Reference: %s\n", f->references[i]);
    if (rc)
        j->bad = 1;
    text(j, osp_buf_str(&b));
    osp_buf_cleanup(&b);
}

static void finding_case(struct jw *j, const struct res_finding *f)
{
    char cls[160], name[2048];
    snprintf(cls, sizeof(cls), "aws.%s", *f->service ? f->service : "unknown");
    /* the key tells apart two findings of one check about one resource (GitLab keys test
     * cases by suite, classname and name, and keeps only one of equal ones) */
    snprintf(name, sizeof(name), "%s %s [%s]%s%s", f->check_id, f->title, *f->resource ? f->resource : f->account,
             *f->key ? " " : "", f->key);
    start(j, "testcase");
    attr(j, "name", name);
    attr(j, "classname", cls);
    if (f->status == RES_IGNORED) {
        start(j, "skipped");
        text(j, *f->ignore_reason ? f->ignore_reason : "ignored");
        end(j);
    } else if (f->status == RES_FAIL || f->status == RES_ERROR) {
        start(j, f->status == RES_FAIL ? "failure" : "error");
        attr(j, "message", *f->message ? f->message : f->title);
        attr(j, "type", f->status == RES_FAIL ? res_severity_name(f->severity) : "check-error");
        finding_body(j, f);
        end(j);
    }
    end(j);
}

static void service_case(struct jw *j, const struct res_service *s)
{
    char cls[160], name[512], msg[1024];
    snprintf(cls, sizeof(cls), "aws.%s", s->service);
    snprintf(name, sizeof(name), "collect %s [%s %s]", s->service, s->account, s->region);
    snprintf(msg, sizeof(msg), "%s%s%s", s->error_code, *s->error_code && *s->error_message ? ": " : "",
             s->error_message);
    start(j, "testcase");
    attr(j, "name", name);
    attr(j, "classname", cls);
    if (s->state == RES_SVC_SKIPPED) {
        start(j, "skipped");
        text(j, *msg ? msg : "service skipped");
    } else {
        start(j, "error");
        attr(j, "message", *msg ? msg : "collection failed");
        attr(j, "type", "collection-error");
        text(j, "osprey could not collect this service, so its checks did not run here.\n");
    }
    end(j);
    end(j);
}

/* A region that holds no state or a check that could not be evaluated: an error (skipped when
 * --allow-incomplete accepted it). */
static void gap_case(struct jw *j, const struct res_gap *g)
{
    char cls[160], name[1024], what[600], msg[1024];
    snprintf(cls, sizeof(cls), "aws.%s", *g->service ? g->service : "region");
    fmt_gap_subject(g, what, sizeof(what));
    snprintf(name, sizeof(name), "not evaluated: %s [%s]", what, g->account);
    snprintf(msg, sizeof(msg), "%s%s%s", g->code, *g->code && *g->message ? ": " : "", g->message);
    start(j, "testcase");
    attr(j, "name", name);
    attr(j, "classname", cls);
    start(j, g->accepted ? "skipped" : "error");
    if (!g->accepted) {
        attr(j, "message", *msg ? msg : "not evaluated");
        attr(j, "type", "incomplete");
    }
    text(j, g->accepted ? "accepted with --allow-incomplete: " : "osprey could not evaluate this, so the run is "
                                                                  "incomplete: ");
    text(j, *msg ? msg : "not evaluated");
    end(j);
    end(j);
}

static void region_suite(struct jw *j, const struct res_report *r, const struct pair *v, size_t m)
{
    const char *account = v[0].account, *region = v[0].region;
    struct counts c = suite_counts(v, m);
    char name[256], when[32] = "";
    snprintf(name, sizeof(name), "osprey aws %s %s", account, region);
    if (r->collected_at)
        osp_format_rfc3339(r->collected_at, when, sizeof(when));
    suite_start(j, name, &c);
    property(j, "account", account);
    property(j, "region", region);
    property(j, "partition", r->partition);
    property(j, "tool", r->tool_name);
    property(j, "tool.version", r->tool_version);
    if (*when)
        property(j, "collected_at", when);
    end(j);
    for (size_t i = 0; i < m; i++)
        if (v[i].s && (v[i].s->state == RES_SVC_FAILED || v[i].s->state == RES_SVC_SKIPPED))
            service_case(j, v[i].s);
    for (size_t i = 0; i < m; i++)
        if (v[i].g)
            gap_case(j, v[i].g);
    for (size_t i = 0; i < m; i++)
        if (v[i].f)
            finding_case(j, v[i].f);
    end(j);
}

static void control_case(struct jw *j, const struct res_compliance *c, const struct res_control *ctl)
{
    char cls[160], name[1024], msg[640];
    snprintf(cls, sizeof(cls), "compliance.%s", c->id);
    snprintf(name, sizeof(name), "%s %s", ctl->id, ctl->name);
    start(j, "testcase");
    attr(j, "name", name);
    attr(j, "classname", cls);
    if (ctl->status == RES_CTL_MANUAL || ctl->status == RES_CTL_NOT_COVERED) {
        start(j, "skipped"); /* a plain string in Jenkins' XSD: no message attribute */
        if (ctl->status == RES_CTL_NOT_COVERED)
            text(j, "not covered: ");
        text(j, ctl->reason && *ctl->reason  ? ctl->reason
                : ctl->status == RES_CTL_MANUAL ? "manual control: cannot be checked automatically"
                                                : "no osprey check answers this control");
        end(j);
    } else if (ctl->status == RES_CTL_FAIL || ctl->status == RES_CTL_ERROR) {
        if (ctl->status == RES_CTL_FAIL)
            snprintf(msg, sizeof(msg), "%zu failing resource(s)", ctl->n_failing);
        else
            snprintf(msg, sizeof(msg), "not evaluated: %s",
                     ctl->reason && *ctl->reason ? ctl->reason : "a service it needs failed to collect");
        start(j, ctl->status == RES_CTL_FAIL ? "failure" : "error");
        attr(j, "message", msg);
        attr(j, "type", ctl->status == RES_CTL_FAIL ? res_severity_name(ctl->severity) : "not-evaluated");
        text(j, "Checks:");
        for (size_t i = 0; i < ctl->n_checks; i++) {
            text(j, " ");
            text(j, ctl->checks[i]);
        }
        text(j, "\n");
        end(j);
    }
    end(j);
}

static struct counts compliance_counts(const struct res_compliance *c)
{
    struct counts n = {0};
    for (size_t i = 0; i < c->n_controls; i++) {
        n.tests++;
        n.failures += c->controls[i].status == RES_CTL_FAIL;
        n.errors += c->controls[i].status == RES_CTL_ERROR;
        n.skipped += c->controls[i].status == RES_CTL_MANUAL || c->controls[i].status == RES_CTL_NOT_COVERED;
    }
    return n;
}

static void compliance_suite(struct jw *j, const struct res_compliance *c)
{
    struct counts n = compliance_counts(c);
    char name[256];
    snprintf(name, sizeof(name), "osprey compliance %s", c->id);
    suite_start(j, name, &n);
    property(j, "spec", c->id);
    property(j, "title", c->title);
    property(j, "version", c->version);
    end(j);
    for (size_t i = 0; i < c->n_controls; i++)
        control_case(j, c, &c->controls[i]);
    end(j);
}

static int pair_cmp(const void *a, const void *b)
{
    const struct pair *x = a, *y = b;
    int c = strcmp(x->account, y->account);
    return c ? c : strcmp(x->region, y->region);
}

static int entry_cmp(const void *a, const void *b)
{
    const struct pair *x = a, *y = b;
    int c = pair_cmp(a, b);
    if (c)
        return c;
    if (!x->s != !y->s)
        return x->s ? -1 : 1;
    if (!x->g != !y->g)
        return x->g ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Every finding and service, sorted by (account, region) and then report order, so each suite is
 * one run of entries (one sort instead of a scan of the whole report per suite). Borrowed strings. */
static struct pair *suites(const struct res_report *r, size_t *n)
{
    struct pair *v = calloc(r->n_findings + r->n_services + r->n_gaps + 1, sizeof(*v));
    *n = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; i < r->n_findings; i++)
        v[(*n)++] = (struct pair){r->findings[i].account, r->findings[i].region, NULL, &r->findings[i], NULL, i};
    for (size_t i = 0; i < r->n_services; i++)
        v[(*n)++] = (struct pair){r->services[i].account, r->services[i].region, &r->services[i], NULL, NULL, i};
    for (size_t i = 0; i < r->n_gaps; i++)
        if (r->gaps[i].kind != RES_GAP_SERVICE)
            v[(*n)++] = (struct pair){r->gaps[i].account, r->gaps[i].region, NULL, NULL, &r->gaps[i], i};
    qsort(v, *n, sizeof(*v), entry_cmp);
    return v;
}

/* End of the suite that starts at v[i]. */
static size_t suite_end(const struct pair *v, size_t n, size_t i)
{
    size_t e = i + 1;
    while (e < n && !pair_cmp(&v[i], &v[e]))
        e++;
    return e;
}

static void document(struct jw *j, const struct res_report *r, const struct pair *v, size_t n)
{
    struct counts t = {0};
    for (size_t i = 0, e; i < n; i = e) {
        e = suite_end(v, n, i);
        struct counts c = suite_counts(v + i, e - i);
        t.tests += c.tests;
        t.failures += c.failures;
        t.errors += c.errors;
    }
    if (r->compliance) { /* the root counts every suite, the compliance one too */
        struct counts c = compliance_counts(r->compliance);
        t.tests += c.tests;
        t.failures += c.failures;
        t.errors += c.errors;
    }
    if (xmlTextWriterStartDocument(j->w, "1.0", "UTF-8", NULL) < 0)
        j->bad = 1;
    start(j, "testsuites");
    attr(j, "name", "osprey");
    attr_n(j, "tests", t.tests);
    attr_n(j, "failures", t.failures);
    attr_n(j, "errors", t.errors);
    for (size_t i = 0, e; i < n; i = e) {
        e = suite_end(v, n, i);
        region_suite(j, r, v + i, e - i);
    }
    if (r->compliance)
        compliance_suite(j, r->compliance);
    end(j);
    if (xmlTextWriterEndDocument(j->w) < 0)
        j->bad = 1;
}

enum osp_code fmt_junit_write(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    (void)o;
    size_t n = 0;
    struct pair *v = suites(r, &n);
    xmlBufferPtr buf = xmlBufferCreate();
    if (buf) /* the default (exact) scheme grows by a few bytes per write: quadratic copying */
        xmlBufferSetAllocationScheme(buf, XML_BUFFER_ALLOC_DOUBLEIT);
    struct jw j = {buf ? xmlNewTextWriterMemory(buf, 0) : NULL, 0};
    if (!v || !j.w) {
        free(v);
        if (buf)
            xmlBufferFree(buf);
        return osp_err_set(err, OSP_ENOMEM, "out of memory writing the junit report");
    }
    xmlTextWriterSetIndent(j.w, 1);
    xmlTextWriterSetIndentString(j.w, BAD_CAST "  ");
    document(&j, r, v, n);
    xmlFreeTextWriter(j.w);
    free(v);
    enum osp_code rc = OSP_OK;
    if (j.bad)
        rc = osp_err_set(err, OSP_ENOMEM, "cannot build the junit report (out of memory or invalid text)");
    else if (fwrite(xmlBufferContent(buf), 1, (size_t)xmlBufferLength(buf), out) != (size_t)xmlBufferLength(buf))
        rc = osp_err_set(err, OSP_EIO, "cannot write the junit report");
    xmlBufferFree(buf);
    return rc;
}
