/* result.c: builders, ordering and freeing of the report model. */
#include "results/result.h"

#include <stdlib.h>
#include <string.h>

#include "results/result_int.h"

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when it is not one (overlong forms,
 * surrogates and code points above U+10FFFF are invalid). */
static size_t utf8_len(const unsigned char *p)
{
    if (p[0] < 0x80)
        return 1;
    size_t n = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 && p[0] < 0xE0 ? 2 : 0;
    if (!n)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] > 0x9F) || (p[0] == 0xF0 && p[1] < 0x90) ||
        (p[0] == 0xF4 && p[1] > 0x8F))
        return 0;
    return n;
}

/* Every string in the model is valid UTF-8 (JSON and XML need it): invalid bytes become '?'. */
char *res_strdup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d)
        return NULL;
    for (unsigned char *p = (unsigned char *)d; *p;) {
        size_t n = utf8_len(p);
        if (n) {
            p += n;
            continue;
        }
        *p++ = '?';
    }
    return d;
}

static void free_str(const char *s)
{
    free((void *)s);
}

void res_strv_free(const char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free_str(v[i]);
    free(v);
}

/* Copy n strings into a new array in *out; NULL entries become "". */
enum osp_code res_strv_copy(const char *const *src, size_t n, const char ***out)
{
    *out = NULL;
    if (!n)
        return OSP_OK;
    const char **v = calloc(n, sizeof(*v));
    if (!v)
        return OSP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!(v[i] = res_strdup(src[i]))) {
            res_strv_free(v, i);
            return OSP_ENOMEM;
        }
    }
    *out = v;
    return OSP_OK;
}

static enum osp_code nomem(struct osp_err *err)
{
    return osp_err_set(err, OSP_ENOMEM, "out of memory building the report");
}

/* Grow *arr (elements of size sz) so that one more fits. */
enum osp_code res_grow(void **arr, size_t *cap, size_t n, size_t sz)
{
    if (n < *cap)
        return OSP_OK;
    size_t nc = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, nc * sz);
    if (!p)
        return OSP_ENOMEM;
    *arr = p;
    *cap = nc;
    return OSP_OK;
}

struct res_report *res_report_new(const char *tool_name, const char *tool_version)
{
    struct res_report *r = calloc(1, sizeof(*r));
    if (!r)
        return NULL;
    r->schema_version = RES_SCHEMA_VERSION;
    r->tool_name = res_strdup(tool_name ? tool_name : RES_TOOL_NAME);
    r->tool_version = res_strdup(tool_version);
    r->partition = res_strdup("aws");
    if (!r->tool_name || !r->tool_version || !r->partition) {
        res_report_free(r);
        return NULL;
    }
    return r;
}

void res_finding_clear(struct res_finding *f)
{
    free_str(f->check_id);
    free_str(f->title);
    free_str(f->description);
    free_str(f->service);
    free_str(f->region);
    free_str(f->account);
    free_str(f->resource);
    free_str(f->message);
    free_str(f->resolution);
    free_str(f->ignore_reason);
    free_str(f->key);
    free_str(f->fingerprint);
    res_strv_free(f->references, f->n_references);
    for (size_t i = 0; i < f->n_frameworks; i++) {
        free_str(f->frameworks[i].framework);
        free_str(f->frameworks[i].id);
    }
    free(f->frameworks);
    memset(f, 0, sizeof(*f));
}

void res_service_clear(struct res_service *s)
{
    free_str(s->account);
    free_str(s->region);
    free_str(s->service);
    free_str(s->error_code);
    free_str(s->error_message);
}

static void compliance_free(struct res_compliance *c)
{
    if (!c)
        return;
    free_str(c->id);
    free_str(c->title);
    free_str(c->version);
    free_str(c->coverage);
    for (size_t i = 0; i < c->n_controls; i++) {
        free_str(c->controls[i].id);
        free_str(c->controls[i].name);
        free_str(c->controls[i].reason);
        free_str(c->controls[i].level);
        free_str(c->controls[i].assessment);
        res_strv_free(c->controls[i].checks, c->controls[i].n_checks);
    }
    free(c->controls);
    free(c);
}

void res_report_free(struct res_report *r)
{
    if (!r)
        return;
    free_str(r->tool_name);
    free_str(r->tool_version);
    free_str(r->partition);
    res_strv_free(r->accounts, r->n_accounts);
    res_strv_free(r->regions, r->n_regions);
    for (size_t i = 0; i < r->n_services; i++)
        res_service_clear(&r->services[i]);
    free(r->services);
    for (size_t i = 0; i < r->n_findings; i++)
        res_finding_clear(&r->findings[i]);
    free(r->findings);
    compliance_free(r->compliance);
    res_gaps_free(r->gaps, r->n_gaps);
    free(r->gate.summary);
    free(r);
}

enum osp_code res_report_set_partition(struct res_report *r, const char *partition, struct osp_err *err)
{
    char *p = res_strdup(partition);
    if (!p)
        return nomem(err);
    free_str(r->partition);
    r->partition = p;
    return OSP_OK;
}

/* Insert s into the sorted unique list (v, n). Empty strings are not listed. */
static enum osp_code set_insert(const char ***v, size_t *n, const char *s, struct osp_err *err)
{
    if (!s || !*s)
        return OSP_OK;
    size_t lo = 0, hi = *n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp((*v)[mid], s);
        if (!c)
            return OSP_OK;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const char **nv = realloc(*v, (*n + 1) * sizeof(*nv));
    if (!nv)
        return nomem(err);
    *v = nv;
    char *copy = res_strdup(s);
    if (!copy)
        return nomem(err);
    memmove(nv + lo + 1, nv + lo, (*n - lo) * sizeof(*nv));
    nv[lo] = copy;
    (*n)++;
    return OSP_OK;
}

enum osp_code res_report_add_account(struct res_report *r, const char *account, struct osp_err *err)
{
    return set_insert(&r->accounts, &r->n_accounts, account, err);
}

enum osp_code res_report_add_region(struct res_report *r, const char *region, struct osp_err *err)
{
    return set_insert(&r->regions, &r->n_regions, region, err);
}

static int fw_cmp(const void *a, const void *b)
{
    const struct res_fw_ref *x = a, *y = b;
    int c = strcmp(x->framework, y->framework);
    return c ? c : strcmp(x->id, y->id);
}

static enum osp_code copy_frameworks(struct res_finding *d, const struct res_finding *s)
{
    d->frameworks = NULL;
    d->n_frameworks = 0;
    if (!s->n_frameworks)
        return OSP_OK;
    d->frameworks = calloc(s->n_frameworks, sizeof(*d->frameworks));
    if (!d->frameworks)
        return OSP_ENOMEM;
    for (size_t i = 0; i < s->n_frameworks; i++) {
        struct res_fw_ref *f = &d->frameworks[d->n_frameworks++];
        f->framework = res_strdup(s->frameworks[i].framework);
        f->id = res_strdup(s->frameworks[i].id);
        if (!f->framework || !f->id)
            return OSP_ENOMEM;
    }
    qsort(d->frameworks, d->n_frameworks, sizeof(*d->frameworks), fw_cmp);
    size_t k = 0; /* drop duplicates */
    for (size_t i = 0; i < d->n_frameworks; i++) {
        if (k && !fw_cmp(&d->frameworks[k - 1], &d->frameworks[i])) {
            free_str(d->frameworks[i].framework);
            free_str(d->frameworks[i].id);
            continue;
        }
        d->frameworks[k++] = d->frameworks[i];
    }
    d->n_frameworks = k;
    return OSP_OK;
}

enum osp_code res_finding_copy(struct res_finding *d, const struct res_finding *s)
{
    memset(d, 0, sizeof(*d));
    d->severity = s->severity;
    d->status = s->status;
    d->line = s->line;
    char fp[65];
    const char *fingerprint = s->fingerprint;
    if (!fingerprint || !*fingerprint) {
        res_finding_fingerprint(s, fp);
        fingerprint = fp;
    }
    const char **dst[] = {&d->check_id,      &d->title,   &d->description, &d->service,
                          &d->region,        &d->account, &d->resource,    &d->message,
                          &d->resolution,    &d->ignore_reason, &d->key,   &d->fingerprint};
    const char *src[] = {s->check_id,   s->title,   s->description, s->service,       s->region, s->account,
                         s->resource,   s->message, s->resolution,  s->ignore_reason, s->key,    fingerprint};
    for (size_t i = 0; i < sizeof(src) / sizeof(src[0]); i++)
        if (!(*dst[i] = res_strdup(src[i])))
            goto fail;
    if (res_strv_copy(s->references, s->n_references, &d->references))
        goto fail;
    d->n_references = s->n_references;
    if (copy_frameworks(d, s))
        goto fail;
    return OSP_OK;
fail:
    res_finding_clear(d);
    return OSP_ENOMEM;
}

enum osp_code res_report_add_finding(struct res_report *r, const struct res_finding *f, struct osp_err *err)
{
    if (res_grow((void **)&r->findings, &r->cap_findings, r->n_findings, sizeof(*r->findings)))
        return nomem(err);
    if (res_finding_copy(&r->findings[r->n_findings], f))
        return nomem(err);
    r->n_findings++;
    enum osp_code rc = res_report_add_account(r, f->account, err);
    return rc ? rc : res_report_add_region(r, f->region, err);
}

enum osp_code res_report_add_service_status(struct res_report *r, const struct res_service *s, struct osp_err *err)
{
    if (res_grow((void **)&r->services, &r->cap_services, r->n_services, sizeof(*r->services)))
        return nomem(err);
    struct res_service *d = &r->services[r->n_services];
    memset(d, 0, sizeof(*d));
    d->state = s->state;
    d->collected_at = s->collected_at;
    d->calls = s->calls;
    d->account = res_strdup(s->account);
    d->region = res_strdup(s->region);
    d->service = res_strdup(s->service);
    d->error_code = res_strdup(s->error_code);
    d->error_message = res_strdup(s->error_message);
    if (!d->account || !d->region || !d->service || !d->error_code || !d->error_message) {
        res_service_clear(d);
        return nomem(err);
    }
    r->n_services++;
    if (s->collected_at > r->collected_at)
        r->collected_at = s->collected_at;
    enum osp_code rc = OSP_OK;
    if (s->state == RES_SVC_FAILED) {
        struct res_gap g = {.kind = RES_GAP_SERVICE, .account = s->account, .region = s->region,
                            .service = s->service, .code = s->error_code, .message = s->error_message};
        rc = res_report_add_gap(r, &g, err);
    }
    if (!rc)
        rc = res_report_add_account(r, s->account, err);
    return rc ? rc : res_report_add_region(r, s->region, err);
}

enum osp_code res_report_set_compliance(struct res_report *r, const char *id, const char *title, const char *version,
                                        struct osp_err *err)
{
    struct res_compliance *c = calloc(1, sizeof(*c));
    if (!c)
        return nomem(err);
    c->id = res_strdup(id);
    c->title = res_strdup(title);
    c->version = res_strdup(version);
    c->coverage = res_strdup("");
    if (!c->id || !c->title || !c->version || !c->coverage) {
        compliance_free(c);
        return nomem(err);
    }
    compliance_free(r->compliance);
    r->compliance = c;
    return OSP_OK;
}

enum osp_code res_report_set_coverage(struct res_report *r, const char *coverage, struct osp_err *err)
{
    if (!r->compliance)
        return osp_err_set(err, OSP_EINTERNAL, "coverage set before res_report_set_compliance");
    const char *s = res_strdup(coverage ? coverage : "");
    if (!s)
        return nomem(err);
    free_str(r->compliance->coverage);
    r->compliance->coverage = s;
    return OSP_OK;
}

enum osp_code res_report_add_control(struct res_report *r, const struct res_control *ctl, struct osp_err *err)
{
    struct res_compliance *c = r->compliance;
    if (!c)
        return osp_err_set(err, OSP_EINTERNAL, "control %s added before res_report_set_compliance",
                           ctl->id ? ctl->id : "?");
    if (res_grow((void **)&c->controls, &c->cap_controls, c->n_controls, sizeof(*c->controls)))
        return nomem(err);
    struct res_control *d = &c->controls[c->n_controls];
    memset(d, 0, sizeof(*d));
    d->severity = ctl->severity;
    d->status = ctl->status;
    d->n_failing = ctl->n_failing;
    d->id = res_strdup(ctl->id);
    d->name = res_strdup(ctl->name);
    d->reason = res_strdup(ctl->reason ? ctl->reason : "");
    d->level = res_strdup(ctl->level ? ctl->level : "");
    d->assessment = res_strdup(ctl->assessment ? ctl->assessment : "");
    if (!d->id || !d->name || !d->reason || !d->level || !d->assessment ||
        res_strv_copy(ctl->checks, ctl->n_checks, &d->checks)) {
        free_str(d->id);
        free_str(d->name);
        free_str(d->reason);
        free_str(d->level);
        free_str(d->assessment);
        return nomem(err);
    }
    d->n_checks = ctl->n_checks;
    c->n_controls++;
    return OSP_OK;
}

int res_finding_cmp(const struct res_finding *x, const struct res_finding *y)
{
    if (x->severity != y->severity)
        return x->severity > y->severity ? -1 : 1;
    int c;
    if ((c = strcmp(x->check_id, y->check_id)) || (c = strcmp(x->region, y->region)) ||
        (c = strcmp(x->resource, y->resource)) || (c = strcmp(x->account, y->account)))
        return c;
    if (x->status != y->status)
        return x->status < y->status ? -1 : 1;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if ((c = strcmp(x->key, y->key)))
        return c;
    return strcmp(x->message, y->message);
}

static int finding_qcmp(const void *a, const void *b)
{
    return res_finding_cmp(a, b);
}

static int service_qcmp(const void *a, const void *b)
{
    const struct res_service *x = a, *y = b;
    int c;
    if ((c = strcmp(x->account, y->account)) || (c = strcmp(x->region, y->region)) ||
        (c = strcmp(x->service, y->service)))
        return c;
    return (int)x->state - (int)y->state;
}

void res_report_sort(struct res_report *r)
{
    if (r->n_findings)
        qsort(r->findings, r->n_findings, sizeof(*r->findings), finding_qcmp);
    if (r->n_services)
        qsort(r->services, r->n_services, sizeof(*r->services), service_qcmp);
}

void res_report_remove_finding(struct res_report *r, size_t i)
{
    if (i >= r->n_findings)
        return;
    res_finding_clear(&r->findings[i]);
    memmove(&r->findings[i], &r->findings[i + 1], (r->n_findings - i - 1) * sizeof(*r->findings));
    r->n_findings--;
}

void res_report_count_failures(const struct res_report *r, size_t counts[RES_SEV_COUNT])
{
    memset(counts, 0, RES_SEV_COUNT * sizeof(counts[0]));
    for (size_t i = 0; i < r->n_findings; i++)
        if (r->findings[i].status == RES_FAIL && (unsigned)r->findings[i].severity < RES_SEV_COUNT)
            counts[r->findings[i].severity]++;
}
