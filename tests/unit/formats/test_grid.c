/* test_grid.c: the table grid measures cells in terminal columns (wcwidth), so CJK text (2 columns
 * a character) and combining marks (0) keep the borders aligned. */
#include <stdlib.h>
#include <string.h>

#include "formats/fmt_int.h"
#include "osp_test.h"

static void test_display_width(void)
{
    CU_ASSERT_EQUAL(fmt_display_width(""), 0);
    CU_ASSERT_EQUAL(fmt_display_width("MFA"), 3);
    CU_ASSERT_EQUAL(fmt_display_width("避免使用根用户"), 14);        /* 7 CJK ideographs */
    CU_ASSERT_EQUAL(fmt_display_width("ルートのMFA"), 11);           /* 4 kana + 3 ASCII */
    CU_ASSERT_EQUAL(fmt_display_width("e\xcc\x81"), 1);              /* e + combining acute */
    CU_ASSERT_EQUAL(fmt_display_width("caf\xc3\xa9"), 4);            /* precomposed é */
    CU_ASSERT_EQUAL(fmt_display_width("\xff\xfe"), 2);               /* invalid bytes: one column each */
    CU_ASSERT_EQUAL(fmt_display_width("\xe9\x81"), 2);               /* truncated sequence */
}

/* cutting to a number of columns never splits a character or overflows the budget */
static void test_display_prefix(void)
{
    CU_ASSERT_EQUAL(fmt_display_prefix("abcdef", 4), 4);
    CU_ASSERT_EQUAL(fmt_display_prefix("避免使用", 5), 6);  /* two ideographs (4 columns), 3 bytes each */
    CU_ASSERT_EQUAL(fmt_display_prefix("避免使用", 1), 0);
    CU_ASSERT_EQUAL(fmt_display_prefix("ab避", 3), 2);
    CU_ASSERT_EQUAL(fmt_display_prefix("ab", 10), 2);
}

static char *render(struct fmt_grid *g)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    fmt_grid_print(g, m, 0);
    fclose(m);
    return text;
}

static void test_cjk_cells_line_up(void)
{
    static const char *const headers[] = {"ID", "Control", "Failed"};
    static const int right[] = {0, 0, 1};
    static const char *const rows[][3] = {
        {"1.1", "避免使用根用户", "0"},
        {"1.2", "MFA is enabled for every IAM user", "1"},
        {"2.1", "ルートアカウントのMFAを有効にする", "12"},
    };
    struct fmt_grid g;
    fmt_grid_init(&g, 3, headers, right);
    for (size_t i = 0; i < 3; i++)
        CU_ASSERT_EQUAL_FATAL(fmt_grid_row(&g, rows[i], NULL), 0);
    char *got = render(&g);
    fmt_grid_free(&g);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    static const char want[] = "+-----+-----------------------------------+--------+\n"
                               "| ID  | Control                           | Failed |\n"
                               "+-----+-----------------------------------+--------+\n"
                               "| 1.1 | 避免使用根用户                    |      0 |\n"
                               "| 1.2 | MFA is enabled for every IAM user |      1 |\n"
                               "| 2.1 | ルートアカウントのMFAを有効にする |     12 |\n"
                               "+-----+-----------------------------------+--------+\n";
    if (strcmp(got, want))
        fprintf(stderr, "\ngot:\n%s", got);
    CU_ASSERT_STRING_EQUAL(got, want);
    /* every line is as wide as the border */
    for (char *line = strtok(got, "\n"); line; line = strtok(NULL, "\n"))
        CU_ASSERT_EQUAL(fmt_display_width(line), 52);
    free(got);
}

static const struct osp_test tests[] = {OSP_TEST(test_display_width), OSP_TEST(test_display_prefix),
                                        OSP_TEST(test_cjk_cells_line_up), {0}};

int main(void)
{
    return osp_test_run("grid", tests);
}
