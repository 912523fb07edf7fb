/* threshold.c: --fail-on / --threshold / --exit-code -> exit status and a breach summary. */
#include "results/threshold.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

void res_threshold_init(struct res_threshold *t)
{
    t->fail_on = -1;
    for (int i = 0; i < RES_SEV_COUNT; i++)
        t->max[i] = -1;
    t->exit_code = 1;
    t->exit_code_set = 0;
}

enum osp_code res_threshold_parse_fail_on(struct res_threshold *t, const char *sev, struct osp_err *err)
{
    enum res_severity s;
    if (res_severity_parse(sev, &s))
        return osp_err_set(err, OSP_EUSAGE, "invalid --fail-on '%s' (use CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN)",
                           sev ? sev : "");
    t->fail_on = (int)s;
    return OSP_OK;
}

static int parse_count(const char *s, long long lo, long long hi, long long *out)
{
    char *end;
    errno = 0;
    if (!*s || *s == '-' || *s == '+')
        return -1;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

enum osp_code res_threshold_parse_max(struct res_threshold *t, const char *spec, struct osp_err *err)
{
    const char *eq = spec ? strchr(spec, '=') : NULL;
    char name[32];
    long long max;
    if (!eq || (size_t)(eq - spec) >= sizeof(name) || parse_count(eq + 1, 0, 1000000000LL, &max))
        return osp_err_set(err, OSP_EUSAGE, "invalid --threshold '%s' (use SEVERITY=MAX, e.g. high=0 or low=10)",
                           spec ? spec : "");
    memcpy(name, spec, (size_t)(eq - spec));
    name[eq - spec] = '\0';
    enum res_severity s;
    if (res_severity_parse(name, &s))
        return osp_err_set(err, OSP_EUSAGE,
                           "unknown severity '%s' in --threshold '%s' (use CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN)",
                           name, spec);
    t->max[s] = max;
    return OSP_OK;
}

enum osp_code res_threshold_parse_exit_code(struct res_threshold *t, const char *code, struct osp_err *err)
{
    long long v;
    if (!code || parse_count(code, 0, 255, &v))
        return osp_err_set(err, OSP_EUSAGE, "invalid --exit-code '%s' (use a number from 0 to 255)", code ? code : "");
    t->exit_code = (int)v;
    t->exit_code_set = 1;
    return OSP_OK;
}

void res_threshold_set_exit_code(struct res_threshold *t, int code)
{
    t->exit_code = code < 0 ? 0 : code > 255 ? 255 : code;
    t->exit_code_set = 1;
}

int res_threshold_active(const struct res_threshold *t)
{
    if (t->fail_on >= 0 || t->exit_code_set)
        return 1;
    for (int i = 0; i < RES_SEV_COUNT; i++)
        if (t->max[i] >= 0)
            return 1;
    return 0;
}

/* Append one breach description; returns 0 on success. */
static int note(struct osp_buf *b, const char *text)
{
    if (b->len && osp_buf_adds(b, "; "))
        return -1;
    return osp_buf_adds(b, text) ? -1 : 0;
}

/* Describe every breached rule into b (best effort); returns how many rules were breached. */
static int breaches(const struct res_threshold *t, const size_t counts[RES_SEV_COUNT], struct osp_buf *b)
{
    char line[160];
    int n_rules = 0, only_exit_code = res_threshold_active(t) && t->fail_on < 0;
    for (int i = 0; i < RES_SEV_COUNT; i++)
        if (t->max[i] >= 0)
            only_exit_code = 0;
    if (t->fail_on >= 0 || only_exit_code) {
        int from = only_exit_code ? 0 : t->fail_on;
        size_t n = 0;
        for (int i = from; i < RES_SEV_COUNT; i++)
            n += counts[i];
        if (n) {
            if (only_exit_code)
                snprintf(line, sizeof(line), "--exit-code: %zu failing finding(s)", n);
            else
                snprintf(line, sizeof(line), "--fail-on %s: %zu finding(s) at %s or above", res_severity_name(from), n,
                         res_severity_name(from));
            (void)note(b, line);
            n_rules++;
        }
    }
    for (int i = RES_SEV_COUNT - 1; i >= 0; i--) {
        if (t->max[i] < 0 || (long long)counts[i] <= t->max[i])
            continue;
        snprintf(line, sizeof(line), "--threshold %s=%lld: %zu %s finding(s)", res_severity_name(i), t->max[i],
                 counts[i], res_severity_name(i));
        (void)note(b, line);
        n_rules++;
    }
    return n_rules;
}

int res_threshold_eval(const struct res_threshold *t, const struct res_report *r, char **summary)
{
    size_t counts[RES_SEV_COUNT];
    struct osp_buf b;
    if (summary)
        *summary = NULL;
    res_report_count_failures(r, counts);
    osp_buf_init(&b, 0);
    int breached = breaches(t, counts, &b);
    if (breached && summary) {
        struct osp_buf out;
        osp_buf_init(&out, 0);
        if (!osp_buf_addf(&out, "threshold breached (exit %d): %s", t->exit_code, osp_buf_str(&b)))
            *summary = osp_buf_take(&out);
        osp_buf_cleanup(&out);
    }
    osp_buf_cleanup(&b);
    return breached ? t->exit_code : 0;
}

/* "accessanalyzer us-east-1 (AccessDenied), ..." for the first few gaps not accepted. */
static int gap_list(const struct res_report *r, struct osp_buf *b)
{
    size_t shown = 0, open = 0;
    int rc = 0;
    for (size_t i = 0; i < r->n_gaps; i++) {
        const struct res_gap *g = &r->gaps[i];
        if (g->accepted)
            continue;
        if (open++ >= 3)
            continue;
        const char *what = g->kind == RES_GAP_CHECK     ? g->check_id
                           : g->kind == RES_GAP_ACCOUNT ? g->account
                           : *g->service                ? g->service
                                                        : "region";
        rc |= osp_buf_addf(b, "%s%s %s%s%s%s", shown++ ? ", " : "", what, *g->region ? g->region : "-",
                           *g->code ? " (" : "", g->code, *g->code ? ")" : "");
    }
    if (open > shown)
        rc |= osp_buf_addf(b, " and %zu more", open - shown);
    return rc;
}

int res_threshold_gate(const struct res_threshold *t, struct res_report *r)
{
    struct res_gate *g = &r->gate;
    free(g->summary);
    memset(g, 0, sizeof(*g));
    if (!res_threshold_active(t))
        return 0;
    g->active = 1;
    char *why = NULL;
    int status = res_threshold_eval(t, r, &why);
    size_t counts[RES_SEV_COUNT];
    struct osp_buf b;
    osp_buf_init(&b, 0);
    res_report_count_failures(r, counts);
    g->breached = breaches(t, counts, &b) > 0;
    osp_buf_cleanup(&b);
    int report_only = t->exit_code_set && t->exit_code == 0;
    g->incomplete = !res_report_complete(r);
    g->exit_code = g->incomplete && !report_only ? osp_exit_code(OSP_EINCOMPLETE) : status;
    osp_buf_init(&b, 0);
    int rc = 0; /* best effort: on out of memory the summary is only shorter */
    if (g->incomplete) {
        rc |= osp_buf_addf(&b, "incomplete run (exit %d): not evaluated: ", g->exit_code);
        rc |= gap_list(r, &b);
        rc |= osp_buf_adds(&b, " (accept a known gap with --allow-incomplete SERVICE[/REGION])");
    }
    if (why)
        rc |= osp_buf_addf(&b, "%s%s%s", b.len ? "; " : "", why, report_only ? " (report-only: --exit-code 0)" : "");
    (void)rc;
    free(why);
    g->summary = b.len ? osp_buf_take(&b) : NULL;
    osp_buf_cleanup(&b);
    return g->exit_code;
}
