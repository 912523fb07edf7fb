/* test_table.c: golden files for the table views (tests/golden/table/NAME.txt), without colour.
 * OSPREY_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing (review the diff). */
#include <string.h>

#include "fmt_fixture.h"
#include "osp_test.h"
#include "results/filter.h"

static const time_t NOW = 1740830400; /* 2025-03-01T12:00:00Z: the cached iam state is 3h old */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    size_t len = 0;
    if (!f)
        return NULL;
    FILE *m = open_memstream(&text, &len);
    int c;
    while ((c = fgetc(f)) != EOF)
        fputc(c, m);
    fclose(m);
    fclose(f);
    return text;
}

static void golden(const char *input, const char *name, const struct res_filter *flt, const struct fmt_opts *o)
{
    char path[256];
    snprintf(path, sizeof(path), "tests/golden/table/%s.txt", name);
    struct res_report *r = fx_load(input);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    if (flt)
        res_filter_apply(r, flt);
    char *got = fx_render("table", r, o);
    res_report_free(r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    const char *update = getenv("OSPREY_UPDATE_GOLDEN");
    if (update && *update) {
        FILE *f = fopen(path, "wb");
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        fputs(got, f);
        fclose(f);
    }
    char *want = slurp(path);
    CU_ASSERT_PTR_NOT_NULL(want);
    if (want && strcmp(want, got))
        fprintf(stderr, "\n%s differs; got:\n%s\n", path, got);
    CU_ASSERT(want && !strcmp(want, got));
    CU_ASSERT_PTR_NULL(strchr(got, '\033'));
    free(want);
    free(got);
}

static void test_summary_view_matches_golden(void)
{
    struct res_filter flt = {0};
    struct fmt_opts o = {.now = NOW};
    golden(FX_TABLE_INPUT, "summary", &flt, &o);
}

static void test_service_view_matches_golden(void)
{
    const char *svc[] = {"s3"};
    struct res_filter flt = {.services = svc, .n_services = 1};
    struct fmt_opts o = {.now = NOW, .service = "s3"};
    golden(FX_TABLE_INPUT, "service-s3", &flt, &o);
}

static void test_arn_view_matches_golden(void)
{
    const char *arn[] = {"arn:aws:s3:::logs-bucket"};
    struct res_filter flt = {.arns = arn, .n_arns = 1, .include_non_failures = 1};
    struct fmt_opts o = {.now = NOW, .arn = arn[0]};
    golden(FX_TABLE_INPUT, "arn", &flt, &o);
}

static void test_compliance_view_matches_golden(void)
{
    struct fmt_opts o = {.now = NOW};
    golden(FX_SAMPLE, "compliance", NULL, &o);
}

/* --report checks on an 8-line, 72-column terminal: 3 rows (the minimum), names and titles cut
 * to the width, and a line saying how many checks were left out. */
static void test_overview_by_check_cut_to_the_terminal(void)
{
    struct res_filter flt = {0};
    struct fmt_opts o = {.now = NOW, .checks_only = 1, .height = 8, .width = 72};
    golden(FX_TABLE_INPUT, "bycheck-cut", &flt, &o);
    struct fmt_opts wide = {.now = NOW, .checks_only = 1, .height = 40, .width = 200, .next_hint = FMT_HINT_DEMO};
    golden(FX_TABLE_INPUT, "bycheck-hint", &flt, &wide);
}

static void test_multi_account_summary_matches_golden(void)
{
    struct res_report *r = fx_load(FX_TABLE_INPUT), *b = fx_load("tests/golden/table/input-b.json");
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_EQUAL_FATAL(res_report_merge(r, b, &err), OSP_OK);
    res_report_free(b);
    char *text = NULL;
    CU_ASSERT_EQUAL_FATAL(res_report_to_json(r, &text, &err), OSP_OK);
    res_report_free(r);
    FILE *f = fopen("tests/golden/table/.merged.json.tmp", "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
    free(text);
    struct res_filter flt = {0};
    struct fmt_opts o = {.now = NOW};
    golden("tests/golden/table/.merged.json.tmp", "multi-account", &flt, &o);
    remove("tests/golden/table/.merged.json.tmp");
}

static void test_colour_only_when_asked(void)
{
    struct res_report *r = fx_load(FX_TABLE_INPUT);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    struct fmt_opts o = {.now = NOW, .color = 1};
    char *got = fx_render("table", r, &o);
    CU_ASSERT_PTR_NOT_NULL(got ? strstr(got, "\033[1;31m2 CRITICAL\033[0m") : NULL);
    CU_ASSERT_PTR_NOT_NULL(got ? strstr(got, "|        \033[1;31m1\033[0m |") : NULL); /* aligned */
    free(got);
    res_report_free(r);
}

/* A hostile resource name or message cannot send terminal control sequences through the table. */
static void test_control_characters_never_reach_the_terminal(void)
{
    struct res_report *r = res_report_new("osprey", "1");
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    struct res_finding f = {.check_id = "A\033[2J",
                            .title = "t\a",
                            .severity = RES_SEV_HIGH,
                            .status = RES_FAIL,
                            .service = "s3",
                            .region = "r",
                            .account = "1",
                            .resource = "arn:aws:s3:::evil\033]0;pwned\a\r",
                            .message = "m\033[31mred\b"};
    CU_ASSERT_EQUAL_FATAL(res_report_add_finding(r, &f, &err), OSP_OK);
    for (int color = 0; color < 2; color++) {
        struct fmt_opts views[] = {{.now = NOW, .color = color},
                                   {.now = NOW, .color = color, .service = "s3"},
                                   {.now = NOW, .color = color, .arn = f.resource}};
        for (size_t i = 0; i < 3; i++) {
            char *got = fx_render("table", r, &views[i]);
            CU_ASSERT_PTR_NOT_NULL_FATAL(got);
            CU_ASSERT_PTR_NULL(strchr(got, '\a'));
            CU_ASSERT_PTR_NULL(strchr(got, '\r'));
            CU_ASSERT_PTR_NULL(strchr(got, '\b'));
            CU_ASSERT_PTR_NULL(strstr(got, "\033]"));
            CU_ASSERT_PTR_NULL(strstr(got, "\033[2J"));
            if (!color)
                CU_ASSERT_PTR_NULL(strchr(got, '\033'));
            free(got);
        }
    }
    char *got = fx_render("table", r, &(struct fmt_opts){.now = NOW, .service = "s3"});
    /* shown escaped, so the reader sees what the name really holds */
    CU_ASSERT_PTR_NOT_NULL(got ? strstr(got, "arn:aws:s3:::evil\\x1b]0;pwned\\x07\\r") : NULL);
    free(got);
    res_report_free(r);
}

static const char *fake_env(void *ud, const char *name)
{
    const char *const *kv = ud;
    for (; *kv; kv += 2)
        if (!strcmp(kv[0], name))
            return kv[1];
    return NULL;
}

/* LINES / COLUMNS win when they are numbers (LINES=0: no cap); a file has no size of its own. */
static void test_term_size_from_lines_and_columns(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    ctx.getenv_fn = fake_env;
    size_t h = 1, w = 1;
    FILE *f = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    const char *given[] = {"LINES", "40", "COLUMNS", "132", NULL};
    ctx.getenv_ud = (void *)given;
    fmt_term_size(&ctx, f, &h, &w);
    CU_ASSERT(h == 40 && w == 132);
    const char *zero[] = {"LINES", "0", NULL};
    ctx.getenv_ud = (void *)zero;
    fmt_term_size(&ctx, f, &h, &w);
    CU_ASSERT(h == 0 && w == 0);
    const char *junk[] = {"LINES", "40x", "COLUMNS", "-3", NULL};
    ctx.getenv_ud = (void *)junk;
    fmt_term_size(&ctx, f, &h, &w);
    CU_ASSERT(h == 0 && w == 0);
    fclose(f);
}

static void test_color_wanted_never_for_files(void)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    FILE *f = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fmt_color_wanted(&ctx, f), 0);
    fclose(f);
}

static const struct osp_test tests[] = {OSP_TEST(test_summary_view_matches_golden),
                                        OSP_TEST(test_service_view_matches_golden),
                                        OSP_TEST(test_arn_view_matches_golden),
                                        OSP_TEST(test_compliance_view_matches_golden),
                                        OSP_TEST(test_multi_account_summary_matches_golden),
                                        OSP_TEST(test_overview_by_check_cut_to_the_terminal),
                                        OSP_TEST(test_colour_only_when_asked),
                                        OSP_TEST(test_control_characters_never_reach_the_terminal),
                                        OSP_TEST(test_color_wanted_never_for_files),
                                        OSP_TEST(test_term_size_from_lines_and_columns),
                                        {0}};

int main(void)
{
    return osp_test_run("table", tests);
}
