/* test_secrets.c: the secret rules and the redactor collectors store secret-bearing text with. */
#include <stdlib.h>
#include <string.h>

#include "core/secrets.h"
#include "osp_test.h"

#define CANARY "CanaryUserData-s3cr3t"

static char *red(const char *s, size_t *n)
{
    return osp_secret_redact(s, strlen(s), n);
}

static void test_redact_replaces_each_match_with_its_rule(void)
{
    size_t n = 0;
    char *r = red("#!/bin/sh\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nDB_PASSWORD=\"" CANARY "\"\necho done\n", &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_STRING_EQUAL(r, "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=[osprey-redacted:AWS Access Key ID]\n"
                              "[osprey-redacted:Password literal]\necho done\n");
    CU_ASSERT_PTR_NULL(strstr(r, CANARY));
    CU_ASSERT_PTR_NULL(strstr(r, "AKIAIOSFODNN7EXAMPLE"));
    free(r);
}

static void test_redact_leaves_clean_text_alone(void)
{
    size_t n = 9;
    char *r = red("#!/bin/sh\nPASSWORD=unquoted\nyum -y install nginx", &n);
    CU_ASSERT_STRING_EQUAL(r, "#!/bin/sh\nPASSWORD=unquoted\nyum -y install nginx");
    CU_ASSERT_EQUAL(n, 0);
    free(r);
    r = red("", &n);
    CU_ASSERT_STRING_EQUAL(r, "");
    free(r);
}

static void test_redact_handles_adjacent_and_trailing_matches(void)
{
    char *r = red("AKIAIOSFODNN7EXAMPLEAKIAIOSFODNN7EXAMPLF", NULL);
    CU_ASSERT_STRING_EQUAL(r, "[osprey-redacted:AWS Access Key ID][osprey-redacted:AWS Access Key ID]");
    free(r);
    r = red("-----BEGIN RSA PRIVATE KEY-----\nMIIE", NULL);
    CU_ASSERT_STRING_EQUAL(r, "[osprey-redacted:Private Key]\nMIIE");
    free(r);
}

static void test_find_sees_patterns_and_markers(void)
{
    const char *d = NULL;
    const char *g = "token ghp_0123456789abcdefghijABCDEFGHIJ012345";
    CU_ASSERT_EQUAL(osp_secret_find(g, strlen(g), &d), 1);
    CU_ASSERT_STRING_EQUAL(d ? d : "", "GitHub Token");
    const char *m = "export K=[osprey-redacted:AWS Access Key ID]";
    d = NULL;
    CU_ASSERT_EQUAL(osp_secret_find(m, strlen(m), &d), 1);
    CU_ASSERT_STRING_EQUAL(d ? d : "", "AWS Access Key ID");
    /* a redacted text is judged as its clear text was */
    char *r = red("x DB_PASSWORD='" CANARY "'", NULL);
    d = NULL;
    CU_ASSERT_EQUAL(osp_secret_find(r, strlen(r), &d), 1);
    CU_ASSERT_STRING_EQUAL(d ? d : "", "Password literal");
    free(r);
    /* the plain value marker and markers naming no rule are not findings */
    CU_ASSERT_EQUAL(osp_secret_find(OSP_SECRET_MARKER, strlen(OSP_SECRET_MARKER), &d), 0);
    m = "[osprey-redacted:Made Up Rule]";
    CU_ASSERT_EQUAL(osp_secret_find(m, strlen(m), &d), 0);
    CU_ASSERT_EQUAL(osp_secret_find("", 0, &d), 0);
}

static void test_values_are_always_markers(void)
{
    char *v = osp_secret_redact_value("MODE", "plain-config-value", 18);
    CU_ASSERT_STRING_EQUAL(v, OSP_SECRET_MARKER);
    free(v);
    v = osp_secret_redact_value(NULL, "AKIAIOSFODNN7EXAMPLE", 20);
    CU_ASSERT_STRING_EQUAL(v, "[osprey-redacted:AWS Access Key ID]");
    free(v);
    v = osp_secret_redact_value("DB_PASSWORD", "", 0);
    CU_ASSERT_STRING_EQUAL(v, OSP_SECRET_MARKER);
    free(v);
    /* the name gives the value its meaning: NAME="value" */
    v = osp_secret_redact_value("DB_PASSWORD", "hunter2hunter2", 14);
    CU_ASSERT_STRING_EQUAL(v, "[osprey-redacted:Password literal]");
    free(v);
    v = osp_secret_redact_value("API_SECRET", "'quoted-secret'", 15);
    CU_ASSERT_STRING_EQUAL(v, "[osprey-redacted:Password literal]");
    free(v);
    v = osp_secret_redact_value("LOG_LEVEL", "debug-verbose", 13);
    CU_ASSERT_STRING_EQUAL(v, OSP_SECRET_MARKER);
    free(v);
}

static void test_rule_table(void)
{
    CU_ASSERT(osp_secret_rule_count() >= 10);
    CU_ASSERT_STRING_EQUAL(osp_secret_rule_name(0), "AWS Access Key ID");
    CU_ASSERT_PTR_NULL(osp_secret_rule_name(osp_secret_rule_count()));
}

static const struct osp_test tests[] = {
    OSP_TEST(test_redact_replaces_each_match_with_its_rule),
    OSP_TEST(test_redact_leaves_clean_text_alone),
    OSP_TEST(test_redact_handles_adjacent_and_trailing_matches),
    OSP_TEST(test_find_sees_patterns_and_markers),
    OSP_TEST(test_values_are_always_markers),
    OSP_TEST(test_rule_table),
    {0},
};

int main(void)
{
    return osp_test_run("core_secrets", tests);
}
