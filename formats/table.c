/* table.c: the human-readable views: per-service summary, per-resource (one --service),
 * per-finding detail (--arn), scan errors, and the compliance table. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/timeutil.h"
#include "formats/fmt_int.h"
#include "formats/format.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"

static const char *sev_color(enum res_severity s)
{
    switch (s) {
    case RES_SEV_CRITICAL:
        return "\033[1;31m";
    case RES_SEV_HIGH:
        return "\033[31m";
    case RES_SEV_MEDIUM:
        return "\033[33m";
    case RES_SEV_LOW:
        return "\033[34m";
    case RES_SEV_UNKNOWN:
        break;
    }
    return NULL;
}

static const char *ctl_color(enum res_ctl_status s)
{
    return s == RES_CTL_PASS ? "\033[32m" : s == RES_CTL_FAIL ? "\033[31m" : s == RES_CTL_ERROR ? "\033[1;31m" : NULL;
}

/* fprintf for lines that carry text from outside (names, messages, codes): everything but the
 * newlines that open or close the text is shown with its control characters escaped, so a value
 * cannot start a line of its own ("::warning::" in a CI log) or drive the terminal. */
static void tprintf(FILE *out, const char *fmt, ...) OSP_PRINTF(2, 3);
static void tprintf(FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    char *text = small;
    if (n >= (int)sizeof(small)) {
        text = osp_xmalloc((size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(text, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    size_t len = n > 0 ? (size_t)n : 0, lead = 0, trail = 0;
    while (lead < len && text[lead] == '\n')
        lead++;
    while (trail < len - lead && text[len - 1 - trail] == '\n')
        trail++;
    fwrite(text, 1, lead, out);
    text[len - trail] = '\0';
    char *mid = osp_escape_controls(text + lead);
    fputs(mid, out);
    free(mid);
    for (size_t i = 0; i < trail; i++)
        fputc('\n', out);
    if (text != small)
        free(text);
}

static void paint(FILE *out, int color, const char *code, const char *s)
{
    if (color && code) {
        fputs(code, out);
        tprintf(out, "%s", s);
        fputs(C_RESET, out);
    } else {
        tprintf(out, "%s", s);
    }
}

/* Severity columns, most severe first. */
static const enum res_severity sev_cols[RES_SEV_COUNT] = {RES_SEV_CRITICAL, RES_SEV_HIGH, RES_SEV_MEDIUM, RES_SEV_LOW,
                                                          RES_SEV_UNKNOWN};

/* One summary/resource row: a key and FAIL counts per severity. */
struct row {
    const char *account, *region, *key; /* key: service or resource ARN (borrowed) */
    const struct res_service *svc;      /* summary view: its status row, if any */
    size_t counts[RES_SEV_COUNT];
};

struct rows {
    struct row *v;
    size_t n, cap;
};

static int row_cmp(const void *a, const void *b)
{
    const struct row *x = a, *y = b;
    int c;
    if ((c = strcmp(x->account, y->account)) || (c = strcmp(x->region, y->region)))
        return c;
    return strcmp(x->key, y->key);
}

/* Append a row; rows_finish() folds equal ones (searching on every add was quadratic). */
static struct row *row_add(struct rows *rs, const char *account, const char *region, const char *key)
{
    if (rs->n == rs->cap) {
        size_t nc = rs->cap ? rs->cap * 2 : 32;
        struct row *v = realloc(rs->v, nc * sizeof(*v));
        if (!v)
            return NULL;
        rs->v = v;
        rs->cap = nc;
    }
    struct row *r = &rs->v[rs->n++];
    memset(r, 0, sizeof(*r));
    r->account = account;
    r->region = region;
    r->key = key;
    return r;
}

/* Sort, then fold rows of the same (account, region, key): counts add up and the status is the
 * last service row of that key (services are one array, so their addresses give the order). */
static void rows_finish(struct rows *rs)
{
    if (!rs->n)
        return;
    qsort(rs->v, rs->n, sizeof(*rs->v), row_cmp);
    size_t w = 0;
    for (size_t i = 1; i < rs->n; i++) {
        struct row *a = &rs->v[w], *b = &rs->v[i];
        if (row_cmp(a, b)) {
            rs->v[++w] = *b;
            continue;
        }
        for (size_t k = 0; k < RES_SEV_COUNT; k++)
            a->counts[k] += b->counts[k];
        if (b->svc && (!a->svc || b->svc > a->svc))
            a->svc = b->svc;
    }
    rs->n = w + 1;
}

static void header(const struct res_report *r, FILE *out, int color)
{
    paint(out, color, C_BOLD, "osprey");
    tprintf(out, " %s: AWS account%s ", r->tool_version, r->n_accounts > 1 ? "s" : "");
    for (size_t i = 0; i < r->n_accounts; i++)
        tprintf(out, "%s%s", i ? ", " : "", r->accounts[i]);
    if (!r->n_accounts)
        fputs("(unknown)", out);
    tprintf(out, " (partition %s), region%s ", r->partition, r->n_regions > 1 ? "s" : "");
    for (size_t i = 0; i < r->n_regions; i++)
        tprintf(out, "%s%s", i ? ", " : "", r->regions[i]);
    if (!r->n_regions)
        fputs("(none)", out);
    fputc('\n', out);
    if (r->collected_at) {
        char when[32];
        osp_format_rfc3339(r->collected_at, when, sizeof(when));
        tprintf(out, "State collected at %s\n", when);
    }
    fputc('\n', out);
}

static void svc_status(const struct res_service *s, const struct fmt_opts *o, char *buf, size_t n)
{
    char when[32] = "", age[32];
    if (!s) {
        snprintf(buf, n, "-");
        return;
    }
    if (s->collected_at)
        osp_format_rfc3339(s->collected_at, when, sizeof(when));
    switch (s->state) {
    case RES_SVC_OK:
        snprintf(buf, n, *when ? "scanned %s" : "scanned", when);
        break;
    case RES_SVC_CACHED:
        if (o->now && s->collected_at && o->now >= s->collected_at) {
            osp_format_age((long long)(o->now - s->collected_at), age, sizeof(age));
            snprintf(buf, n, "from cache, %s old", age);
        } else {
            snprintf(buf, n, "from cache");
        }
        break;
    case RES_SVC_SKIPPED:
        snprintf(buf, n, "skipped");
        break;
    case RES_SVC_FAILED:
        snprintf(buf, n, "ERROR %s", *s->error_code ? s->error_code : "collection failed");
        break;
    }
}

static void count_cells(const struct row *rw, int show, char num[RES_SEV_COUNT][24], const char **cells,
                        const char **colors)
{
    for (size_t k = 0; k < RES_SEV_COUNT; k++) {
        size_t c = rw->counts[sev_cols[k]];
        if (show)
            snprintf(num[k], sizeof(num[k]), "%zu", c);
        else
            snprintf(num[k], sizeof(num[k]), "-");
        cells[k] = num[k];
        colors[k] = c ? sev_color(sev_cols[k]) : NULL;
    }
}

static int svc_key_cmp(const void *key, const void *elem)
{
    const struct res_service *k = key, *e = elem;
    int c;
    if ((c = strcmp(k->account, e->account)) || (c = strcmp(k->region, e->region)))
        return c;
    return strcmp(k->service, e->service);
}

/* The region a finding is counted under: its own, unless its service has no status there but a
 * global one (a check of a global service such as s3 that reads a regional service's state, like
 * CloudTrail's data events): then "global", so every row shows a service that was collected. */
static const struct res_service *find_service(const struct res_report *r, const struct res_service *k)
{
    /* bsearch's array must not be NULL, even for 0 elements (a report with no service status) */
    return r->n_services ? bsearch(k, r->services, r->n_services, sizeof(*k), svc_key_cmp) : NULL;
}

static const char *summary_region(const struct res_report *r, const struct res_finding *f)
{
    struct res_service k = {.account = f->account, .region = f->region, .service = f->service};
    if (!strcmp(f->region, "global") || find_service(r, &k))
        return f->region;
    k.region = "global";
    return find_service(r, &k) ? "global" : f->region;
}

/* Rows per (account, region, service): every service status plus every service with a FAIL. */
static int summary_rows(const struct res_report *r, struct rows *rs)
{
    for (size_t i = 0; i < r->n_services; i++) {
        const struct res_service *s = &r->services[i];
        struct row *rw = row_add(rs, s->account, s->region, s->service);
        if (!rw)
            return -1;
        rw->svc = s;
    }
    for (size_t i = 0; i < r->n_findings; i++) {
        const struct res_finding *f = &r->findings[i];
        if (f->status != RES_FAIL)
            continue;
        struct row *rw = row_add(rs, f->account, summary_region(r, f), f->service);
        if (!rw)
            return -1;
        rw->counts[f->severity]++;
    }
    rows_finish(rs);
    return 0;
}

static int summary_grid_row(struct fmt_grid *g, const struct row *rw, int acct, const struct fmt_opts *o)
{
    char num[RES_SEV_COUNT][24], status[160];
    const char *cells[9], *colors[9] = {0};
    size_t c = 0;
    if (acct)
        cells[c++] = rw->account;
    cells[c++] = rw->region;
    cells[c++] = rw->key;
    count_cells(rw, !rw->svc || rw->svc->state != RES_SVC_FAILED, num, cells + c, colors + c);
    c += RES_SEV_COUNT;
    svc_status(rw->svc, o, status, sizeof(status));
    colors[c] = rw->svc && rw->svc->state == RES_SVC_FAILED ? "\033[1;31m" : NULL;
    cells[c++] = status;
    return fmt_grid_row(g, cells, colors);
}

static enum osp_code summary_view(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    static const char *const hdr[] = {"Account", "Region", "Service", "Critical", "High",
                                      "Medium",  "Low",    "Unknown", "Status"};
    static const int right[] = {0, 0, 0, 1, 1, 1, 1, 1, 0};
    struct rows rs = {0};
    struct fmt_grid g;
    int acct = r->n_accounts > 1, bad = summary_rows(r, &rs);
    fmt_grid_init(&g, acct ? 9 : 8, acct ? hdr : hdr + 1, acct ? right : right + 1);
    for (size_t i = 0; !bad && i < rs.n; i++)
        bad = summary_grid_row(&g, &rs.v[i], acct, o);
    if (!bad) {
        fputs("Scan overview\n", out);
        fmt_grid_print(&g, out, o->color);
    }
    fmt_grid_free(&g);
    free(rs.v);
    return bad ? osp_err_set(err, OSP_ENOMEM, "out of memory writing the table") : OSP_OK;
}

/* Rows per (account, region, resource ARN) with FAIL findings of service svc. */
static int resource_rows(const struct res_report *r, const char *svc, struct rows *rs)
{
    for (size_t i = 0; i < r->n_findings; i++) {
        const struct res_finding *f = &r->findings[i];
        if (f->status != RES_FAIL || strcmp(f->service, svc))
            continue;
        struct row *rw = row_add(rs, f->account, f->region, *f->resource ? f->resource : "(account-wide)");
        if (!rw)
            return -1;
        rw->counts[f->severity]++;
    }
    rows_finish(rs);
    return 0;
}

static void service_lines(const struct res_report *r, const struct fmt_opts *o, FILE *out)
{
    tprintf(out, "Resources of %s\n", o->service);
    for (size_t i = 0; i < r->n_services; i++) {
        const struct res_service *s = &r->services[i];
        char status[160];
        if (strcmp(s->service, o->service))
            continue;
        svc_status(s, o, status, sizeof(status));
        tprintf(out, "  %s %s: %s\n", s->account, s->region, status);
    }
}

static enum osp_code resource_view(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    static const char *const hdr[] = {"Resource", "Region", "Critical", "High", "Medium", "Low", "Unknown"};
    static const int right[] = {0, 0, 1, 1, 1, 1, 1};
    struct rows rs = {0};
    struct fmt_grid g;
    int bad = resource_rows(r, o->service, &rs);
    fmt_grid_init(&g, 7, hdr, right);
    for (size_t i = 0; i < rs.n && !bad; i++) {
        char num[RES_SEV_COUNT][24];
        const char *cells[7] = {rs.v[i].key, rs.v[i].region}, *colors[7] = {0};
        count_cells(&rs.v[i], 1, num, cells + 2, colors + 2);
        bad = fmt_grid_row(&g, cells, colors);
    }
    free(rs.v);
    if (!bad) {
        service_lines(r, o, out);
        if (g.nrows)
            fmt_grid_print(&g, out, o->color);
        else
            fputs("No failing resources.\n", out);
    }
    fmt_grid_free(&g);
    return bad ? osp_err_set(err, OSP_ENOMEM, "out of memory writing the table") : OSP_OK;
}

static void finding_detail(const struct res_finding *f, size_t n, FILE *out, int color)
{
    tprintf(out, "[%zu] %s  ", n, f->check_id);
    paint(out, color, sev_color(f->severity), res_severity_name(f->severity));
    tprintf(out, "  %s\n", f->title);
    if (f->status != RES_FAIL)
        tprintf(out, "    Status:      %s%s%s\n", res_status_name(f->status), *f->ignore_reason ? ": " : "",
                f->ignore_reason);
    if (*f->message) { /* built from resource names and tags: one line, control bytes escaped */
        char *m = osp_escape_controls(f->message);
        tprintf(out, "    Message:     %s\n", m);
        free(m);
    }
    if (*f->resolution)
        tprintf(out, "    Resolution:  %s\n", f->resolution);
    for (size_t i = 0; i < f->n_references; i++)
        tprintf(out, "    Link:        %s\n", f->references[i]);
    if (f->n_frameworks) {
        fputs("    Controls:   ", out);
        for (size_t i = 0; i < f->n_frameworks; i++)
            tprintf(out, " %s %s%s", f->frameworks[i].framework, f->frameworks[i].id,
                    i + 1 < f->n_frameworks ? "," : "");
        fputc('\n', out);
    }
    fputc('\n', out);
}

static void arn_view(const struct res_report *r, const struct fmt_opts *o, FILE *out)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_findings; i++) {
        const struct res_finding *f = &r->findings[i];
        if (strcmp(f->resource, o->arn))
            continue;
        if (!n++)
            tprintf(out, "Findings for %s (%s, %s, account %s)\n\n", f->resource, f->service, f->region, f->account);
        finding_detail(f, n, out, o->color);
    }
    if (!n)
        tprintf(out, "No findings for %s.\n\n", o->arn);
}

/* The overview by check: at least this many rows however short the terminal; the lines the
 * table needs around its rows (title, three rules, header, the "more" line, the totals). */
#define BYCHECK_MIN_ROWS 3
#define BYCHECK_FRAME 7
#define BYCHECK_HINT_LINES 5    /* the "next:" lines, when shown */
#define BYCHECK_NAMES_UNSIZED 3 /* names listed when the width is unknown */

/* Terminal cells (grid.c: wide CJK characters take two). */
static size_t utf8_width(const char *s)
{
    return fmt_display_width(s);
}

/* Append s to b, cut to at most max terminal cells ("..." marks a cut). */
static int add_cut(struct osp_buf *b, const char *s, size_t max)
{
    if (utf8_width(s) <= max)
        return osp_buf_addf(b, "%s", s) ? -1 : 0;
    size_t i = fmt_display_prefix(s, max > 3 ? max - 3 : 0);
    return osp_buf_add(b, s, i) || osp_buf_addf(b, "%s", max >= 3 ? "..." : "") ? -1 : 0;
}

/* "a, b, c +4 more" in at most budget characters (budget 0: the first few names). */
static int names_cell(const struct fmt_check_group *g, size_t budget, struct osp_buf *b)
{
    osp_buf_reset(b);
    size_t used = 0, i = 0;
    for (; i < g->n_resources; i++) {
        char more[32] = "";
        size_t w = utf8_width(g->resources[i]) + (i ? 2 : 0);
        if (i + 1 < g->n_resources)
            snprintf(more, sizeof(more), " +%zu more", g->n_resources - i - 1);
        int fits = budget ? used + w + strlen(more) <= budget : i < BYCHECK_NAMES_UNSIZED;
        if (!fits && !(budget && i + 1 == g->n_resources && used + w <= budget))
            break;
        if ((i && osp_buf_addf(b, ", ")) || osp_buf_addf(b, "%s", g->resources[i]))
            return -1;
        used += w;
    }
    if (!i && g->n_resources) { /* not even one name fits: cut it */
        char more[32] = "";
        if (g->n_resources > 1)
            snprintf(more, sizeof(more), " +%zu more", g->n_resources - 1);
        size_t room = budget > strlen(more) ? budget - strlen(more) : 0;
        if (add_cut(b, g->resources[0], room) || osp_buf_addf(b, "%s", more))
            return -1;
        return 0;
    }
    return i < g->n_resources && osp_buf_addf(b, " +%zu more", g->n_resources - i) ? -1 : 0;
}

/* Characters left for the names column once the other columns are as wide as their text. */
static size_t names_budget(const struct fmt_check_groups *gs, size_t rows, size_t width, size_t *title_max)
{
    size_t wid = 2, wtitle = 5;
    for (size_t i = 0; i < rows; i++) {
        size_t a = utf8_width(gs->v[i].check_id), t = utf8_width(gs->v[i].title);
        wid = a > wid ? a : wid;
        wtitle = t > wtitle ? t : wtitle;
    }
    *title_max = 0;
    if (!width)
        return 0;
    size_t fixed = (wid + 3) + (8 + 3) + (7 + 3) + 4 + 1; /* ID, Severity, Failing, the names' "| " " |" */
    size_t min_names = width >= 100 ? 24 : 16;
    if (fixed + wtitle + 3 + min_names > width) { /* too narrow: the title gives way first */
        size_t room = width > fixed + 3 + min_names ? width - fixed - 3 - min_names : 0;
        *title_max = room > 12 ? room : 12;
        wtitle = wtitle < *title_max ? wtitle : *title_max;
    }
    size_t left = width > fixed + wtitle + 3 ? width - fixed - wtitle - 3 : 0;
    return left > 16 ? left : 16;
}

static enum osp_code bycheck_view(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    static const char *const hdr[] = {"ID", "Severity", "Title", "Failing", "Resources"};
    static const int right[] = {0, 0, 0, 1, 0};
    struct fmt_check_groups gs;
    if (fmt_group_by_check(r, &gs))
        return osp_err_set(err, OSP_ENOMEM, "out of memory writing the table");
    size_t rows = gs.n, frame = BYCHECK_FRAME + (o->next_hint ? BYCHECK_HINT_LINES : 0);
    if (o->height && rows > BYCHECK_MIN_ROWS) {
        size_t fit = o->height > frame + BYCHECK_MIN_ROWS ? o->height - frame : BYCHECK_MIN_ROWS;
        rows = rows < fit ? rows : fit;
    }
    size_t title_max, budget = names_budget(&gs, rows, o->width, &title_max);
    struct fmt_grid g;
    struct osp_buf names, title;
    osp_buf_init(&names, 0);
    osp_buf_init(&title, 0);
    fmt_grid_init(&g, 5, hdr, right);
    int bad = 0;
    for (size_t i = 0; i < rows && !bad; i++) {
        const struct fmt_check_group *c = &gs.v[i];
        char failing[24];
        snprintf(failing, sizeof(failing), "%zu", c->n_resources);
        osp_buf_reset(&title);
        bad = names_cell(c, budget, &names) || add_cut(&title, c->title, title_max ? title_max : (size_t)-1);
        const char *cells[5] = {c->check_id, res_severity_name(c->severity), osp_buf_str(&title), failing,
                                osp_buf_str(&names)};
        const char *colors[5] = {NULL, sev_color(c->severity), NULL, NULL, NULL};
        bad = bad || fmt_grid_row(&g, cells, colors);
    }
    if (!bad && gs.n) {
        fputs("Failing checks (most severe first)\n", out);
        fmt_grid_print(&g, out, o->color);
        if (rows < gs.n)
            tprintf(out, "... %zu more failing check%s not shown (cut to the terminal's %zu lines; LINES=0 lists all)\n",
                    gs.n - rows, gs.n - rows > 1 ? "s" : "", o->height);
    } else if (!bad && o->checks_only) {
        fputs("No failing checks.\n", out);
    }
    fmt_grid_free(&g);
    osp_buf_cleanup(&names);
    osp_buf_cleanup(&title);
    fmt_check_groups_free(&gs);
    return bad ? osp_err_set(err, OSP_ENOMEM, "out of memory writing the table") : OSP_OK;
}

static void totals(const struct res_report *r, FILE *out, int color)
{
    size_t counts[RES_SEV_COUNT];
    res_report_count_failures(r, counts);
    fputs("Failing: ", out);
    for (size_t k = 0; k < RES_SEV_COUNT; k++) {
        char num[48];
        snprintf(num, sizeof(num), "%zu %s", counts[sev_cols[k]], res_severity_name(sev_cols[k]));
        paint(out, color && counts[sev_cols[k]], sev_color(sev_cols[k]), num);
        fputs(k + 1 < RES_SEV_COUNT ? ", " : "", out);
    }
    size_t ign = fmt_count_status(r, RES_IGNORED), err = fmt_count_status(r, RES_ERROR);
    size_t pass = fmt_count_status(r, RES_PASS);
    tprintf(out, " (ignored %zu, passed %zu, could not run %zu)\n", ign, pass, err);
}

/* What to try after a first look: explain the top failing check, scan a real account, CI. */
static void next_hint(const struct res_report *r, int demo, FILE *out)
{
    struct fmt_check_groups gs;
    char explain[64] = "";
    if (!fmt_group_by_check(r, &gs) && gs.n)
        snprintf(explain, sizeof(explain), "osprey explain %s", gs.v[0].check_id);
    const char *const steps[][2] = {
        {explain, "why the top check matters and how to fix it"},
        {demo ? "osprey aws --region REGION" : "", "scan your own account (credentials as for the AWS CLI)"},
        {"osprey aws --format sarif=osprey.sarif", "SARIF for GitHub code scanning (or json, junit)"},
        {"osprey aws --fail-on HIGH", "exit 1 when a HIGH or CRITICAL check fails (CI gates)"},
    };
    fputc('\n', out);
    for (size_t i = 0, n = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
        if (*steps[i][0])
            tprintf(out, "%s %-40s %s\n", n++ ? "     " : "next:", steps[i][0], steps[i][1]);
    fmt_check_groups_free(&gs);
}

static void scan_errors(const struct res_report *r, FILE *out, int color)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_services; i++) {
        const struct res_service *s = &r->services[i];
        if (s->state != RES_SVC_FAILED)
            continue;
        if (!n++) {
            fputc('\n', out);
            paint(out, color, "\033[1;31m", "Scan errors");
            fputs(" (these services were not checked)\n", out);
        }
        tprintf(out, "  %s %s (account %s): %s%s%s\n", s->service, s->region, s->account,
                *s->error_code ? s->error_code : "collection failed", *s->error_message ? ": " : "", s->error_message);
    }
}

/* The red footer of an incomplete run: how many gaps, the ones the scan errors above do not
 * list, and which were accepted with --allow-incomplete. */
static void incomplete_footer(const struct res_report *r, FILE *out, int color)
{
    size_t open = 0, accepted = 0;
    for (size_t i = 0; i < r->n_gaps; i++)
        r->gaps[i].accepted ? accepted++ : open++;
    if (!open && !accepted)
        return;
    char line[200];
    fputc('\n', out);
    if (open) {
        snprintf(line, sizeof(line),
                 "INCOMPLETE: %zu gap%s: not everything asked for was evaluated (a gated run exits %d; see "
                 "--allow-incomplete)",
                 open, open > 1 ? "s" : "", osp_exit_code(OSP_EINCOMPLETE));
        paint(out, color, "\033[1;31m", line);
        fputc('\n', out);
    }
    for (size_t i = 0; i < r->n_gaps; i++) {
        const struct res_gap *g = &r->gaps[i];
        if (g->kind == RES_GAP_SERVICE && !g->accepted)
            continue; /* listed under "Scan errors" */
        char what[600];
        fmt_gap_subject(g, what, sizeof(what));
        tprintf(out, "  %s%s (account %s): %s%s%s\n", g->accepted ? "accepted: " : "", what, g->account, g->code,
                *g->code && *g->message ? ": " : "", g->message);
    }
}

static enum osp_code compliance_view(const struct res_compliance *c, const struct fmt_opts *o, FILE *out,
                                     struct osp_err *err)
{
    /* --report all adds the benchmark's profile level and assessment type */
    static const char *const hdr[] = {"ID", "Severity", "Control", "Status", "Failed", "Level", "Type"};
    static const int right[] = {0, 0, 0, 0, 1, 0, 0};
    size_t by[RES_CTL_COUNT] = {0};
    struct fmt_grid g;
    fmt_grid_init(&g, o->compliance_all ? 7 : 5, hdr, right);
    for (size_t i = 0; i < c->n_controls; i++) {
        const struct res_control *ctl = &c->controls[i];
        char failed[24];
        snprintf(failed, sizeof(failed), "%zu", ctl->n_failing);
        const char *cells[7] = {ctl->id,     res_severity_name(ctl->severity), ctl->name, res_ctl_status_name(ctl->status),
                                failed,      ctl->level ? ctl->level : "",     ctl->assessment ? ctl->assessment : ""};
        const char *colors[7] = {NULL, sev_color(ctl->severity), NULL, ctl_color(ctl->status), NULL, NULL, NULL};
        if ((unsigned)ctl->status < RES_CTL_COUNT)
            by[ctl->status]++;
        if (fmt_grid_row(&g, cells, colors)) {
            fmt_grid_free(&g);
            return osp_err_set(err, OSP_ENOMEM, "out of memory writing the table");
        }
    }
    tprintf(out, "Compliance: %s (%s, version %s)\n", c->title, c->id, c->version);
    fmt_grid_print(&g, out, o->color);
    fmt_grid_free(&g);
    tprintf(out, "Controls: %zu PASS, %zu FAIL, %zu MANUAL, %zu NOT EVALUATED", by[RES_CTL_PASS], by[RES_CTL_FAIL],
            by[RES_CTL_MANUAL], by[RES_CTL_ERROR]);
    if (by[RES_CTL_NOT_COVERED]) /* only specs that declare uncovered controls (aws-fsbp) */
        tprintf(out, ", %zu NOT COVERED", by[RES_CTL_NOT_COVERED]);
    tprintf(out, "\n");
    if (c->coverage && *c->coverage)
        tprintf(out, "Coverage: %s\n", c->coverage);
    for (size_t i = 0; i < c->n_controls; i++) { /* why: always for NOT EVALUATED, MANUAL and NOT COVERED with --report all */
        const struct res_control *ctl = &c->controls[i];
        if (ctl->reason && *ctl->reason &&
            (ctl->status == RES_CTL_ERROR ||
             (o->compliance_all && (ctl->status == RES_CTL_MANUAL || ctl->status == RES_CTL_NOT_COVERED))))
            tprintf(out, "  %s %s: %s\n", ctl->id, res_ctl_status_name(ctl->status), ctl->reason);
    }
    return OSP_OK;
}

static enum osp_code render(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    struct fmt_opts none = {0};
    const struct fmt_opts *opt = o ? o : &none;
    enum osp_code rc = OSP_OK;
    header(r, out, opt->color);
    if (r->compliance) {
        int detail = opt->compliance_all || (opt->arn && *opt->arn) || (opt->service && *opt->service);
        rc = compliance_view(r->compliance, opt, out, err);
        if (rc || !detail) {
            scan_errors(r, out, opt->color);
            incomplete_footer(r, out, opt->color);
            return rc;
        }
        fputc('\n', out);
    }
    if (opt->arn && *opt->arn)
        arn_view(r, opt, out);
    else if (opt->service && *opt->service)
        rc = resource_view(r, opt, out, err);
    else if (opt->checks_only)
        rc = bycheck_view(r, opt, out, err);
    else if (!(rc = summary_view(r, opt, out, err)) && fmt_count_status(r, RES_FAIL)) {
        fputc('\n', out);
        rc = bycheck_view(r, opt, out, err);
    }
    if (rc)
        return rc;
    totals(r, out, opt->color);
    scan_errors(r, out, opt->color);
    incomplete_footer(r, out, opt->color);
    if (opt->next_hint && !(opt->arn && *opt->arn) && !(opt->service && *opt->service))
        next_hint(r, opt->next_hint == FMT_HINT_DEMO, out);
    return OSP_OK;
}

/* Length of the SGR colour sequence (ESC [ digits/';' m) at s, or 0. */
static size_t sgr_len(const char *s, size_t n)
{
    size_t k = 2;
    if (n < 3 || s[0] != '\033' || s[1] != '[')
        return 0;
    while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == ';'))
        k++;
    return k < n && s[k] == 'm' ? k + 1 : 0;
}

/* Copy text to out with the control characters a report may carry (ESC, BEL, CR, ...) shown as
 * '?', so a hostile resource name or message cannot drive the terminal; colour codes survive
 * when color is on. */
static void put_safe(const char *text, size_t n, int color, FILE *out)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c >= 0x20 && c != 0x7f) || c == '\n' || c == '\t')
            continue;
        size_t sgr = color ? sgr_len(text + i, n - i) : 0;
        fwrite(text + start, 1, i - start, out);
        if (sgr)
            fwrite(text + i, 1, sgr, out);
        else
            fputc('?', out);
        i += sgr ? sgr - 1 : 0;
        start = i + 1;
    }
    fwrite(text + start, 1, n - start, out);
}

enum osp_code fmt_table_write(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    char *text = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&text, &n);
    if (!m)
        return osp_err_set(err, OSP_ENOMEM, "out of memory writing the table");
    enum osp_code rc = render(r, o, m, err);
    if (fclose(m) && !rc)
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory writing the table");
    if (!rc)
        put_safe(text, n, o && o->color, out);
    free(text);
    return rc;
}
