/* gaps.c: per-resource gaps (issue 22). A resource whose collector could not make one of its reads
 * (denied) carries __defsec_metadata.gaps = [{read, code, message, fields}]. A check that reads one
 * of those fields cannot judge that resource: whatever it said (FAIL, PASS, or nothing because the
 * field is missing) becomes one "not evaluated" record (an ERROR finding with the resource's ARN and
 * the reason). Checks that read none of the fields judge the resource as usual.
 *
 * "Reads a field": the check module's code (comment lines skipped) mentions it as `.field` or
 * `"field"` (a field read only inside a library function is not seen; the check's own text is). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan/catalog_int.h"
#include "scan/scan_int.h"

static int word_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}

/* Does the code of `text` mention `.field` or `"field"`? */
int scan_text_reads_field(const char *text, const char *field)
{
    size_t n = strlen(field);
    if (!text || !n)
        return 0;
    for (const char *p = strstr(text, field); p; p = strstr(p + 1, field)) {
        if (p == text || (p[-1] != '.' && p[-1] != '"') || word_char(p[n]))
            continue;
        const char *line = p;
        while (line > text && line[-1] != '\n')
            line--;
        while (*line == ' ' || *line == '\t')
            line++;
        if (*line != '#')
            return 1;
    }
    return 0;
}

/* The first gap of `item` whose fields the check reads, or undefined. */
static rv blocking_gap(const char *text, rv item)
{
    rv gaps = rv_obj_get_s(rv_obj_get_s(item, "__defsec_metadata"), "gaps");
    for (size_t g = 0; rv_kind(gaps) == RV_ARRAY && g < rv_len(gaps); g++) {
        rv fields = rv_obj_get_s(rv_arr_at(gaps, g), "fields");
        for (size_t f = 0; rv_kind(fields) == RV_ARRAY && f < rv_len(fields); f++)
            if (scan_text_reads_field(text, rv_str(rv_arr_at(fields, f))))
                return rv_arr_at(gaps, g);
    }
    return rv_undef();
}

/* Replace what check `check` said in this round (raws from `before` on) about a resource with a gap
 * it depends on by one not-evaluated record. */
static enum osp_code judge_item(struct scan_raw_list *raws, size_t check, size_t input, size_t before,
                                const char *text, rv item, struct osp_err *err)
{
    rv gap = blocking_gap(text, item);
    const char *arn = rv_str(rv_obj_get_s(rv_obj_get_s(item, "__defsec_metadata"), "resource"));
    if (rv_is_undef(gap) || !*arn)
        return OSP_OK;
    size_t w = before;
    for (size_t i = before; i < raws->n; i++) {
        if (raws->v[i].check == check && !strcmp(raws->v[i].resource, arn)) {
            free(raws->v[i].resource);
            free(raws->v[i].message);
            continue;
        }
        raws->v[w++] = raws->v[i];
    }
    raws->n = w;
    char msg[600];
    snprintf(msg, sizeof msg, "not evaluated: %s was denied (%s%s%s), so this check cannot judge the resource",
             rv_str(rv_obj_get_s(gap, "read")), rv_str(rv_obj_get_s(gap, "code")),
             rv_len(rv_obj_get_s(gap, "message")) ? ": " : "", rv_str(rv_obj_get_s(gap, "message")));
    enum osp_code rc = scan_raw_add(raws, check, input, arn, msg, 0, err);
    if (!rc)
        raws->v[raws->n - 1].not_evaluated = 1;
    return rc;
}

int scan_doc_has_gaps(rv doc)
{
    rv aws = rv_obj_get_s(doc, "aws");
    for (size_t s = 0; rv_kind(aws) == RV_OBJECT && s < rv_len(aws); s++) {
        rv svc = rv_obj_val_at(aws, s);
        for (size_t k = 0; rv_kind(svc) == RV_OBJECT && k < rv_len(svc); k++) {
            rv coll = rv_obj_val_at(svc, k);
            for (size_t i = 0; rv_kind(coll) == RV_ARRAY && i < rv_len(coll); i++)
                if (!rv_is_undef(rv_obj_get_s(rv_obj_get_s(rv_arr_at(coll, i), "__defsec_metadata"), "gaps")))
                    return 1;
        }
    }
    return 0;
}

enum osp_code scan_gaps_apply(const struct scan_catalog *c, struct scan_raw_list *raws, size_t check, size_t input,
                              size_t before, rv doc, struct osp_err *err)
{
    const struct scan_check *chk = &c->checks[check];
    const struct scan_check_run *run = &c->run[check];
    rv svc = rv_obj_get_s(rv_obj_get_s(doc, "aws"), chk->service);
    enum osp_code rc = OSP_OK;
    if (!run->text || rv_kind(svc) != RV_OBJECT)
        return OSP_OK;
    for (size_t k = 0; !rc && k < run->ncollections; k++) {
        rv coll = scan_collection(svc, run->collections[k]);
        for (size_t i = 0; !rc && rv_kind(coll) == RV_ARRAY && i < rv_len(coll); i++)
            rc = judge_item(raws, check, input, before, run->text, rv_arr_at(coll, i), err);
    }
    return rc;
}
