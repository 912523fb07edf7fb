/* test_robust.c: mutated reports and ignore files never crash the readers (run under ASan in CI). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "osp_test.h"
#include "results/ignore.h"
#include "results/report.h"

#define SAMPLE "tests/integration/formats/fixtures/sample-report.json"

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (n > 0 && (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, f) == (size_t)n)
        *len = (size_t)n;
    fclose(f);
    return buf;
}

/* Flip, delete or duplicate a few bytes. */
static size_t mutate(char *dst, const char *src, size_t len, size_t cap)
{
    size_t n = len < cap ? len : cap;
    memcpy(dst, src, n);
    for (int k = 0; k < 1 + (int)(next() % 4) && n; k++) {
        size_t at = next() % n;
        switch (next() % 3) {
        case 0:
            dst[at] = (char)(next() & 0xFF);
            break;
        case 1:
            memmove(dst + at, dst + at + 1, n - at - 1);
            n--;
            break;
        default:
            if (n < cap) {
                memmove(dst + at + 1, dst + at, n - at);
                n++;
            }
        }
    }
    return n;
}

static void test_mutated_reports_fail_cleanly(void)
{
    size_t len = 0;
    char *orig = slurp(SAMPLE, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(orig);
    char *buf = malloc(len + 16);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    size_t ok = 0, failed = 0;
    for (int i = 0; i < 3000; i++) {
        size_t n = mutate(buf, orig, len, len + 16);
        struct res_report *r = NULL;
        struct osp_err err;
        osp_err_init(&err);
        if (res_report_from_json(buf, n, "m.json", &r, &err) == OSP_OK) {
            char *text = NULL;
            CU_ASSERT_EQUAL(res_report_to_json(r, &text, &err), OSP_OK);
            free(text);
            res_report_free(r);
            ok++;
        } else {
            CU_ASSERT_PTR_NULL(r);
            CU_ASSERT(err.msg[0] != '\0');
            failed++;
        }
    }
    CU_ASSERT(ok > 0 && failed > 0);
    free(buf);
    free(orig);
}

static void test_random_ignore_files_fail_cleanly(void)
{
    static const char *const seeds[] = {"AVD-AWS-0086 arn:aws:s3:::b* exp:2025-01-01 # why\n",
                                        "# c\n\nOSP-AWS-0001\r\nX exp:2024-02-29\n"};
    char buf[256];
    for (int i = 0; i < 3000; i++) {
        const char *s = seeds[i % 2];
        size_t n = mutate(buf, s, strlen(s), sizeof(buf));
        struct res_ignore *ig = NULL;
        struct osp_err err;
        osp_err_init(&err);
        if (res_ignore_parse(buf, n, "fuzz", &ig, &err) == OSP_OK)
            res_ignore_free(ig);
        else
            CU_ASSERT(strncmp(err.msg, "fuzz:", 5) == 0 || err.code == OSP_ENOMEM);
    }
}

static const struct osp_test tests[] = {
    OSP_TEST(test_mutated_reports_fail_cleanly), OSP_TEST(test_random_ignore_files_fail_cleanly), {0}};

int main(void)
{
    return osp_test_run("robust", tests);
}
