/* codequality.c: GitLab Code Quality report (the Code Climate subset GitLab reads).
 *
 * A JSON array with one issue per FAIL finding, most severe first: description, check_name (the
 * check id), fingerprint (the finding's Fingerprint: check, account, resource and the part of it,
 * stable across runs and unique per finding, so merge requests show new and fixed findings), severity (CRITICAL blocker, HIGH critical, MEDIUM
 * major, LOW minor, UNKNOWN info), location.path (the SARIF pseudo-path
 * aws/<account>/<region>/<service>/<resource>) with location.lines.begin the finding's line, and categories
 * ["Security"]. Every tier of GitLab shows it in merge requests.
 */
#include <string.h>

#include "formats/fmt_int.h"
#include "formats/format.h"

static const char *cq_severity(enum res_severity s)
{
    static const char *const names[RES_SEV_COUNT] = {"info", "minor", "major", "critical", "blocker"};
    return (unsigned)s < RES_SEV_COUNT ? names[s] : "info";
}

static json_t *issue_json(const struct res_finding *f, int *bad)
{
    json_t *o = fmt_jobj(bad), *loc = fmt_jobj(bad), *lines = fmt_jobj(bad), *cats = fmt_jarr(bad);
    struct osp_buf desc, path;
    osp_buf_init(&desc, 0);
    osp_buf_init(&path, 0);
    int rc = osp_buf_addf(&desc, "%s: %s", f->check_id, *f->message ? f->message : f->title);
    if (*f->resource && !strstr(osp_buf_str(&desc), f->resource))
        rc |= osp_buf_addf(&desc, " (%s)", f->resource);
    if (rc)
        *bad = 1;
    fmt_location_path(f, &path, bad);
    fmt_jstr(o, "type", "issue", bad);
    fmt_jstr(o, "description", osp_buf_str(&desc), bad);
    fmt_jstr(o, "check_name", f->check_id, bad);
    fmt_jstr(o, "fingerprint", f->fingerprint, bad);
    fmt_jstr(o, "severity", cq_severity(f->severity), bad);
    fmt_jpush(cats, json_string("Security"), bad);
    fmt_jset(o, "categories", cats, bad);
    fmt_jstr(loc, "path", osp_buf_str(&path), bad);
    fmt_jset(lines, "begin", json_integer(f->line ? (json_int_t)f->line : 1), bad);
    fmt_jset(loc, "lines", lines, bad);
    fmt_jset(o, "location", loc, bad);
    osp_buf_cleanup(&desc);
    osp_buf_cleanup(&path);
    return o;
}

enum osp_code fmt_codequality_write(const struct res_report *r, const struct fmt_opts *o, FILE *out,
                                    struct osp_err *err)
{
    (void)o;
    int bad = 0;
    json_t *issues = fmt_jarr(&bad);
    for (size_t i = 0; i < r->n_findings; i++)
        if (r->findings[i].status == RES_FAIL)
            fmt_jpush(issues, issue_json(&r->findings[i], &bad), &bad);
    return fmt_jdump(issues, bad, out, "codequality", err);
}
