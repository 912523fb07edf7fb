/* fmt_fixture.h: helpers shared by the formats unit tests: render to memory, load fixtures. */
#ifndef OSPREY_TESTS_FORMATS_FIXTURE_H
#define OSPREY_TESTS_FORMATS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "formats/format.h"
#include "results/report.h"

#define FX_SAMPLE "tests/integration/formats/fixtures/sample-report.json"
#define FX_TABLE_INPUT "tests/golden/table/input.json"

/* Render r in format into a new string (caller frees); NULL on failure. */
static inline char *fx_render(const char *format, const struct res_report *r, const struct fmt_opts *o)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    struct osp_err err;
    osp_err_init(&err);
    if (!f)
        return NULL;
    enum osp_code rc = fmt_write(format, r, o, f, &err);
    fclose(f);
    if (rc) {
        fprintf(stderr, "fmt_write %s: %s\n", format, err.msg);
        free(text);
        return NULL;
    }
    return text;
}

static inline struct res_report *fx_load(const char *path)
{
    struct osp_ctx ctx;
    struct osp_err err;
    struct res_report *r = NULL;
    osp_ctx_init(&ctx);
    osp_err_init(&err);
    if (res_report_load(&ctx, path, &r, &err)) {
        fprintf(stderr, "load %s: %s\n", path, err.msg);
        return NULL;
    }
    return r;
}

#endif
