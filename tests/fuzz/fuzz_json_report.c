/* fuzz_json_report.c: fuzz target for the JSON report reader behind `osprey convert` and `merge`.
 *
 * The input is one saved report. It is read with res_report_from_json; an accepted report is
 * written back (res_report_to_json), read again and written again, merged with itself
 * (res_report_merge), and rendered in every format (formats/), twice.
 * Invariants: a refusal carries a message; reading what the writer wrote succeeds and gives the
 * same bytes when written again (the header's promise); a merge of a report with its own copy
 * succeeds; every writer succeeds and is deterministic.
 */
#include <stdint.h>
#include <stdio.h>

#include "formats/format.h"
#include "fuzz_util.h"
#include "results/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *to_json(const struct res_report *r)
{
    char *text = NULL;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = res_report_to_json(r, &text, &err);
    FUZZ_CHECK((rc == OSP_OK && text) || rc == OSP_ENOMEM);
    return text;
}

static struct res_report *from_json(const char *text, size_t len)
{
    struct res_report *r = NULL;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = res_report_from_json(text, len, "results.json", &r, &err);
    if (rc != OSP_OK) {
        FUZZ_CHECK(r == NULL && err.code == rc && err.msg[0]);
        return NULL;
    }
    FUZZ_CHECK(r != NULL);
    return r;
}

/* Render r in format into memory; NULL when the writer fails (it must not). */
static char *render(const char *format, const struct res_report *r, size_t *len)
{
    size_t log_lines = 0;
    struct osp_ctx ctx;
    fuzz_ctx(&ctx, &log_lines);
    struct fmt_opts o = {.ctx = &ctx, .now = FUZZ_NOW};
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f)
        return NULL;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = fmt_write(format, r, &o, f, &err);
    fclose(f);
    if (rc != OSP_OK) {
        fprintf(stderr, "%s writer: %s\n", format, err.msg);
        FUZZ_CHECK(rc == OSP_ENOMEM);
    }
    return buf;
}

static void render_all(const struct res_report *r)
{
    static const char *const formats[] = {"table", "json", "sarif", "junit", "codequality", "asff", "html"};
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        size_t n1 = 0, n2 = 0;
        char *a = render(formats[i], r, &n1);
        char *b = render(formats[i], r, &n2);
        FUZZ_CHECK(a && b && n1 == n2 && memcmp(a, b, n1) == 0);
        free(a);
        free(b);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_note_input(data, size);
    struct res_report *r = from_json((const char *)data, size);
    if (!r)
        return 0;
    char *t1 = to_json(r);
    struct res_report *r2 = t1 ? from_json(t1, strlen(t1)) : NULL;
    FUZZ_CHECK(!t1 || r2);
    if (r2) {
        char *t2 = to_json(r2);
        FUZZ_CHECK(t2 && strcmp(t1, t2) == 0);
        free(t2);
        struct osp_err err;
        osp_err_init(&err);
        enum osp_code rc = res_report_merge(r2, r, &err);
        FUZZ_CHECK(rc == OSP_OK || rc == OSP_ENOMEM);
        if (rc == OSP_OK)
            free(to_json(r2));
        res_report_free(r2);
    }
    free(t1);
    render_all(r);
    res_report_free(r);
    return 0;
}
