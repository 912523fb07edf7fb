/* ignore_policy.c: --ignore-policy (Trivy's Rego ignore policy) over a finished report. */
#include "cli/ignore_policy.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "rego/rego.h"

#define IGNORE_POLICY_MAX_BYTES ((size_t)1 << 20)
#define IGNORE_POLICY_QUERY "data.trivy.ignore"

struct cli_ignore_policy {
    struct osp_ctx *ctx;
    struct rego_engine *engine;
    char *path;
    char *reason; /* "ignore policy FILE" */
};

void cli_ignore_policy_free(struct cli_ignore_policy *p)
{
    if (!p)
        return;
    rego_engine_free(p->engine);
    free(p->path);
    free(p->reason);
    free(p);
}

static enum osp_code read_policy(const char *path, struct osp_buf *b, struct osp_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return osp_err_set(err, OSP_EUSAGE, "cannot read --ignore-policy '%s'", path);
    char chunk[8192];
    size_t n;
    enum osp_code rc = OSP_OK;
    while (!rc && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        rc = osp_buf_add(b, chunk, n);
    fclose(f);
    if (rc == OSP_ELIMIT)
        return osp_err_set(err, OSP_EUSAGE, "--ignore-policy '%s' is larger than %zu KB", path,
                           IGNORE_POLICY_MAX_BYTES >> 10);
    return rc ? osp_err_set(err, rc, "out of memory reading %s", path) : OSP_OK;
}

enum osp_code cli_ignore_policy_load(struct osp_ctx *ctx, const char *path, struct cli_ignore_policy **out,
                                     struct osp_err *err)
{
    struct cli_ignore_policy *p = calloc(1, sizeof(*p));
    size_t rlen = strlen(path) + sizeof("ignore policy ");
    if (!p || !(p->path = strdup(path)) || !(p->reason = malloc(rlen))) {
        cli_ignore_policy_free(p);
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    }
    snprintf(p->reason, rlen, "ignore policy %s", path);
    p->ctx = ctx;
    struct osp_buf src;
    osp_buf_init(&src, IGNORE_POLICY_MAX_BYTES);
    struct rego_opts ro = {0};
    enum osp_code rc = read_policy(path, &src, err);
    if (!rc)
        rc = rego_engine_new(ctx, &ro, &p->engine, err);
    if (!rc)
        rc = rego_add_module(p->engine, path, osp_buf_str(&src), src.len, err);
    if (!rc)
        rc = rego_compile(p->engine, err);
    osp_buf_cleanup(&src);
    if (rc) {
        if (rc == OSP_EPOLICY || rc == OSP_EEVAL)
            osp_err_prefix(err, "--ignore-policy: ");
        cli_ignore_policy_free(p);
        return rc == OSP_EEVAL ? OSP_EPOLICY : rc;
    }
    *out = p;
    return OSP_OK;
}

static const char *nz(const char *s)
{
    return s ? s : "";
}

/* The finding as Trivy's DetectedMisconfiguration plus osprey's own fields. */
static json_t *finding_input(const struct res_finding *f)
{
    json_t *refs = json_array();
    for (size_t i = 0; refs && i < f->n_references; i++)
        json_array_append_new(refs, json_string(nz(f->references[i])));
    const char *id = nz(f->check_id);
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:{s:s, s:s, s:s}, s:s, s:s, s:s, "
                     "s:s}",
                     "Type", "AWS", "ID", strncmp(id, "AVD-", 4) ? id : id + 4, "AVDID", id, "Title", nz(f->title),
                     "Description", nz(f->description), "Message", nz(f->message), "Resolution", nz(f->resolution),
                     "Severity", res_severity_name(f->severity), "PrimaryURL",
                     f->n_references ? nz(f->references[0]) : "", "References", refs ? refs : json_array(), "Status",
                     "FAIL", "CauseMetadata", "Resource", nz(f->resource), "Provider", "AWS", "Service",
                     nz(f->service), "Resource", nz(f->resource), "Region", nz(f->region), "Account", nz(f->account),
                     "Service", nz(f->service));
}

static enum osp_code decide(struct cli_ignore_policy *p, const struct res_finding *f, int *ignore,
                            struct osp_err *err)
{
    json_t *doc = finding_input(f);
    char *text = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
    json_decref(doc);
    if (!text)
        return osp_err_set(err, OSP_ENOMEM, "out of memory");
    rv input, v = rv_undef();
    enum osp_code rc = rego_input_parse(text, strlen(text), &input, err);
    free(text);
    if (rc)
        return rc;
    rc = rego_eval_ref(p->engine, IGNORE_POLICY_QUERY, input, &v, err);
    rv_unref(input);
    if (rc) {
        osp_err_prefix(err, "--ignore-policy %s on %s %s: ", p->path, f->check_id, nz(f->resource));
        return OSP_EPOLICY;
    }
    *ignore = rv_is_true(v);
    if (!rv_is_undef(v) && rv_kind(v) != RV_BOOL)
        rc = osp_err_set(err, OSP_EPOLICY, "--ignore-policy %s: data.trivy.ignore must be true or false, not a %s",
                         p->path, rv_kind_name(rv_kind(v)));
    rv_unref(v);
    return rc;
}

enum osp_code cli_ignore_policy_apply(struct cli_ignore_policy *p, struct res_report *r, size_t *n,
                                      struct osp_err *err)
{
    *n = 0;
    for (size_t i = 0; p && i < r->n_findings; i++) {
        struct res_finding *f = &r->findings[i];
        if (f->status != RES_FAIL)
            continue;
        int ignore = 0;
        enum osp_code rc = decide(p, f, &ignore, err);
        if (rc)
            return rc;
        if (!ignore)
            continue;
        char *reason = strdup(p->reason);
        if (!reason)
            return osp_err_set(err, OSP_ENOMEM, "out of memory");
        free((void *)f->ignore_reason);
        f->ignore_reason = reason;
        f->status = RES_IGNORED;
        (*n)++;
    }
    if (p)
        osp_debug(p->ctx, "ignore policy %s: %zu findings ignored", p->path, *n);
    return OSP_OK;
}
