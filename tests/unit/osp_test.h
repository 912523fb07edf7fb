/* osp_test.h: a thin CUnit runner shared by every unit test executable.
 *
 *   static void test_x_does_y(void) { CU_ASSERT_EQUAL(...); }
 *   static const struct osp_test tests[] = { OSP_TEST(test_x_does_y), {0} };
 *   int main(void) { return osp_test_run("buf", tests); }
 *
 * Exits non-zero when any assertion fails, so CTest sees the failure; CUnit prints its summary.
 */
#ifndef OSPREY_TESTS_OSP_TEST_H
#define OSPREY_TESTS_OSP_TEST_H

#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdlib.h>

struct osp_test {
    const char *name;
    void (*fn)(void);
};
#define OSP_TEST(fn) {#fn, fn}

static inline int osp_test_run(const char *suite_name, const struct osp_test *tests)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    CU_pSuite suite = CU_add_suite(suite_name, NULL, NULL);
    for (const struct osp_test *t = tests; t->name; t++)
        CU_add_test(suite, t->name, t->fn);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}

/* Directory of ../shared (from OSPREY_SHARED), or NULL. */
static inline const char *osp_test_shared_dir(void)
{
    const char *d = getenv("OSPREY_SHARED");
    return (d && *d) ? d : NULL;
}

#endif
