/* util.c: JSON building, ARN and percent-encoding helpers shared by the writers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/fmt_int.h"

void fmt_jset(json_t *obj, const char *key, json_t *v, int *bad)
{
    if (!obj || !v || json_object_set_new(obj, key, v))
        *bad = 1;
}

void fmt_jstr(json_t *obj, const char *key, const char *s, int *bad)
{
    fmt_jset(obj, key, json_string(s ? s : ""), bad);
}

void fmt_jpush(json_t *arr, json_t *v, int *bad)
{
    if (!arr || !v || json_array_append_new(arr, v))
        *bad = 1;
}

json_t *fmt_jobj(int *bad)
{
    json_t *o = json_object();
    if (!o)
        *bad = 1;
    return o;
}

json_t *fmt_jarr(int *bad)
{
    json_t *a = json_array();
    if (!a)
        *bad = 1;
    return a;
}

static enum osp_code jdump(json_t *root, int bad, FILE *out, const char *what, size_t flags, struct osp_err *err)
{
    char *text = (root && !bad) ? json_dumps(root, flags | JSON_PRESERVE_ORDER) : NULL;
    json_decref(root);
    if (!text)
        return osp_err_set(err, OSP_ENOMEM, "out of memory writing the %s report", what);
    int ok = fputs(text, out) >= 0 && fputc('\n', out) != EOF;
    free(text);
    if (!ok)
        return osp_err_set(err, OSP_EIO, "cannot write the %s report: %s", what, strerror(errno));
    return OSP_OK;
}

/* aws/<account>/<region>/<service>/<resource path>: every segment non-empty and not "." / "..". */
void fmt_location_path(const struct res_finding *f, struct osp_buf *b, int *bad)
{
    const char *parts[] = {*f->account ? f->account : "unknown-account", *f->region ? f->region : "global",
                           *f->service ? f->service : "unknown-service"};
    int rc = osp_buf_adds(b, "aws");
    for (size_t i = 0; i < 3; i++) {
        rc |= osp_buf_addc(b, '/');
        rc |= fmt_pct_encode(b, parts[i], 0);
    }
    const char *res = *f->resource ? fmt_arn_resource(f->resource) : "account";
    for (const char *seg = res;;) {
        size_t n = strcspn(seg, "/");
        char piece[1024];
        snprintf(piece, sizeof(piece), "%.*s", (int)(n < sizeof(piece) ? n : sizeof(piece) - 1), seg);
        rc |= osp_buf_addc(b, '/');
        if (!*piece)
            rc |= osp_buf_adds(b, "_");
        else if (!strcmp(piece, ".") || !strcmp(piece, ".."))
            rc |= osp_buf_adds(b, !strcmp(piece, ".") ? "%2E" : "%2E%2E");
        else
            rc |= fmt_pct_encode(b, piece, 0);
        if (!seg[n])
            break;
        seg += n + 1;
    }
    if (rc)
        *bad = 1;
}

enum osp_code fmt_jdump(json_t *root, int bad, FILE *out, const char *what, struct osp_err *err)
{
    return jdump(root, bad, out, what, JSON_INDENT(2), err);
}

enum osp_code fmt_jdump_compact(json_t *root, int bad, FILE *out, const char *what, struct osp_err *err)
{
    return jdump(root, bad, out, what, JSON_COMPACT, err);
}

const char *fmt_arn_resource(const char *arn)
{
    if (strncmp(arn, "arn:", 4))
        return arn;
    const char *p = arn;
    for (int colons = 0; colons < 5; colons++) {
        p = strchr(p, ':');
        if (!p)
            return arn;
        p++;
    }
    return *p ? p : arn;
}

enum osp_code fmt_pct_encode(struct osp_buf *b, const char *s, int keep_slash)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        enum osp_code rc;
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p) ||
            (keep_slash && *p == '/'))
            rc = osp_buf_addc(b, (char)*p);
        else
            rc = osp_buf_addf(b, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
        if (rc)
            return rc;
    }
    return OSP_OK;
}

size_t fmt_count_status(const struct res_report *r, enum res_status st)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        n += r->findings[i].status == st;
    return n;
}

void fmt_gap_subject(const struct res_gap *g, char *out, size_t n)
{
    const char *region = *g->region ? g->region : "every region";
    if (g->kind == RES_GAP_REGION)
        snprintf(out, n, "region %s", region);
    else if (g->kind == RES_GAP_ACCOUNT)
        snprintf(out, n, "account %s", g->account);
    else
        snprintf(out, n, "%s %s in %s", res_gap_kind_name(g->kind),
                 g->kind == RES_GAP_CHECK ? g->check_id : g->kind == RES_GAP_RESOURCE ? g->resource : g->service,
                 region);
}
