/* test_cwfilter.c: CloudWatch Logs JSON filter patterns: parsing, readings and coverage proofs
 * against the CIS AWS Foundations patterns (1.2 section 3, 1.4 section 4). */
#include <stdlib.h>
#include <string.h>

#include "core/cwfilter.h"
#include "osp_test.h"

/* The CIS patterns as the benchmark writes them. */
#define CIS_ROUTE                                                                                                      \
    "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || "           \
    "($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) " \
    "|| ($.eventName = DisassociateRouteTable) }"
#define CIS_KMS "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }"
#define CIS_ROOT                                                                                                       \
    "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"
#define CIS_UNAUTH "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }"
#define CIS_NOMFA "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }"

static struct cwf_pattern *parse(const char *s)
{
    struct cwf_pattern *p = NULL;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = cwf_parse(s, strlen(s), &p, &err);
    if (rc)
        fprintf(stderr, "parse failed: %s: %s\n", s, err.msg);
    CU_ASSERT_EQUAL(rc, OSP_OK);
    return p;
}

/* 1 / 0 for a proof, -1 when the filter does not parse. */
static int covers(const char *filter, const char *required)
{
    struct cwf_pattern *f = NULL, *r = parse(required);
    struct osp_err err;
    osp_err_init(&err);
    int out = -1;
    if (!cwf_parse(filter, strlen(filter), &f, &err))
        out = cwf_covers(f, r);
    cwf_free(f);
    cwf_free(r);
    return out;
}

static const char *parse_error(const char *s)
{
    static char msg[512];
    struct cwf_pattern *p = NULL;
    struct osp_err err;
    osp_err_init(&err);
    if (cwf_parse(s, strlen(s), &p, &err) == OSP_OK) {
        cwf_free(p);
        return NULL;
    }
    CU_ASSERT_PTR_NULL(p);
    snprintf(msg, sizeof(msg), "%s", err.msg);
    return msg;
}

static void test_cis_patterns_cover_themselves(void)
{
    const char *cis[] = {CIS_ROUTE, CIS_KMS, CIS_ROOT, CIS_UNAUTH, CIS_NOMFA};
    for (size_t i = 0; i < sizeof(cis) / sizeof(cis[0]); i++)
        CU_ASSERT_EQUAL(covers(cis[i], cis[i]), 1);
}

static void test_reformatted_variants_cover(void)
{
    /* single parentheses, as the example */
    CU_ASSERT_EQUAL(
        covers("{ $.eventSource = kms.amazonaws.com && ($.eventName = DisableKey || $.eventName = ScheduleKeyDeletion) }",
               CIS_KMS),
        1);
    /* no spaces at all, quotes everywhere, another order */
    CU_ASSERT_EQUAL(covers("{(($.eventName=\"ScheduleKeyDeletion\")||($.eventName=\"DisableKey\"))&&($.eventSource="
                           "\"kms.amazonaws.com\")}",
                           CIS_KMS),
                    1);
    /* deeply parenthesised, reordered route table terms */
    CU_ASSERT_EQUAL(covers("{ ((($.eventName = DisassociateRouteTable) || ($.eventName = DeleteRoute)) || "
                           "(($.eventName = DeleteRouteTable) || (($.eventName = ReplaceRouteTableAssociation) || "
                           "($.eventName = ReplaceRoute)))) || ($.eventName = CreateRouteTable || $.eventName = "
                           "CreateRoute) }",
                           CIS_ROUTE),
                    1);
    /* newlines and tabs */
    CU_ASSERT_EQUAL(covers("{\n\t$.userIdentity.type = Root &&\n\t$.userIdentity.invokedBy NOT EXISTS &&\n\t"
                           "$.eventType != AwsServiceEvent\n}",
                           CIS_ROOT),
                    1);
    /* a broader filter covers: a wildcard, an extra alternative */
    CU_ASSERT_EQUAL(covers("{ $.eventSource = kms.amazonaws.com && ($.eventName = Disable* || $.eventName = "
                           "ScheduleKeyDeletion || $.eventName = PutKeyPolicy) }",
                           CIS_KMS),
                    1);
    /* dropping a narrowing condition only broadens */
    CU_ASSERT_EQUAL(covers("{ $.eventName = DisableKey || $.eventName = ScheduleKeyDeletion }", CIS_KMS), 1);
}

static void test_near_misses_do_not_cover(void)
{
    /* CreateRouteTable is not CreateRoute (the old substring test passed this) */
    CU_ASSERT_EQUAL(covers("{ ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRouteTableAssociation) || "
                           "($.eventName = DeleteRouteTable) || ($.eventName = DisassociateRouteTable) }",
                           CIS_ROUTE),
                    0);
    /* one term missing */
    CU_ASSERT_EQUAL(covers("{ $.eventSource = kms.amazonaws.com && $.eventName = DisableKey }", CIS_KMS), 0);
    /* an extra && narrowing the whole pattern */
    CU_ASSERT_EQUAL(covers("{ (" CIS_UNAUTH ") }", CIS_UNAUTH), -1); /* braces inside: not a pattern */
    CU_ASSERT_EQUAL(covers("{ (($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\")) && "
                           "($.awsRegion = us-east-1) }",
                           CIS_UNAUTH),
                    0);
    /* && where CIS has || between event names: matches nothing */
    CU_ASSERT_EQUAL(covers("{ $.eventSource = kms.amazonaws.com && $.eventName = DisableKey && $.eventName = "
                           "ScheduleKeyDeletion }",
                           CIS_KMS),
                    0);
    /* the wrong field, the wrong operator, a different case */
    CU_ASSERT_EQUAL(covers("{ $.eventSource = kms.amazonaws.com && ($.errorCode = DisableKey || $.eventName = "
                           "ScheduleKeyDeletion) }",
                           CIS_KMS),
                    0);
    CU_ASSERT_EQUAL(covers("{ ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed = Yes) }", CIS_NOMFA), 0);
    CU_ASSERT_EQUAL(covers("{ $.eventSource = KMS.amazonaws.com && ($.eventName = DisableKey || $.eventName = "
                           "ScheduleKeyDeletion) }",
                           CIS_KMS),
                    0);
    /* root: dropping NOT EXISTS broadens (covers); replacing it with IS NULL does not */
    CU_ASSERT_EQUAL(covers("{ $.userIdentity.type = Root && $.eventType != AwsServiceEvent }", CIS_ROOT), 1);
    CU_ASSERT_EQUAL(covers("{ $.userIdentity.type = Root && $.userIdentity.invokedBy IS NULL && $.eventType != "
                           "AwsServiceEvent }",
                           CIS_ROOT),
                    0);
    /* a wildcard in the filter that misses: "AccessDenied*" does not cover "*UnauthorizedOperation" */
    CU_ASSERT_EQUAL(covers("{ $.errorCode = \"AccessDenied*\" }", CIS_UNAUTH), 0);
}

static void test_not_equal_and_numbers(void)
{
    CU_ASSERT_EQUAL(covers("{ $.eventName != DeleteRoute }", "{ $.eventName = CreateRoute }"), 1);
    CU_ASSERT_EQUAL(covers("{ $.eventName != Create* }", "{ $.eventName = CreateRoute }"), 0);
    CU_ASSERT_EQUAL(covers("{ $.bytes > 10 }", "{ $.bytes = 12 }"), 1);
    CU_ASSERT_EQUAL(covers("{ $.bytes >= 12 }", "{ $.bytes = 12 }"), 1);
    CU_ASSERT_EQUAL(covers("{ $.bytes < 12 }", "{ $.bytes = 12 }"), 0);
    CU_ASSERT_EQUAL(covers("{ $.flag IS TRUE }", "{ $.flag IS TRUE }"), 1);
    CU_ASSERT_EQUAL(covers("{ $.name = %Create.*% }", "{ $.name = CreateRoute }"), 0); /* regex: not proven */
    CU_ASSERT_EQUAL(covers("{ $.name = %Create.*% }", "{ $.name = %Create.*% }"), 1);
    CU_ASSERT_EQUAL(covers("{ $.a[0].b = x }", "{ $.a[0].b = \"x\" }"), 1);
}

/* `a || b && c` is read both ways; a proof must hold for both. */
static void test_mixed_operators_need_both_readings(void)
{
    struct cwf_pattern *p = parse("{ $.a = 1 || $.b = 2 && $.c = 3 }");
    CU_ASSERT_TRUE(cwf_ambiguous(p));
    char *r0 = cwf_format(p, 0), *r1 = cwf_format(p, 1);
    CU_ASSERT_STRING_EQUAL(r0, "{ (($.a = 1) || (($.b = 2) && ($.c = 3))) }");
    CU_ASSERT_STRING_EQUAL(r1, "{ ((($.a = 1) || ($.b = 2)) && ($.c = 3)) }");
    free(r0);
    free(r1);
    cwf_free(p);
    /* runs of one operator do not nest */
    p = parse("{ $.a = 1 || ($.b = 2 || $.c = 3) || $.d = 4 }");
    r0 = cwf_format(p, 0);
    CU_ASSERT_STRING_EQUAL(r0, "{ (($.a = 1) || ($.b = 2) || ($.c = 3) || ($.d = 4)) }");
    free(r0);
    cwf_free(p);
    /* under reading 1 the filter requires $.c = 3 for events with $.a = 1: not proven */
    CU_ASSERT_EQUAL(covers("{ $.a = 1 || $.b = 2 && $.c = 3 }", "{ $.a = 1 }"), 0);
    CU_ASSERT_EQUAL(covers("{ $.a = 1 || ($.b = 2 && $.c = 3) }", "{ $.a = 1 }"), 1);
    p = parse("{ $.a = 1 && $.b = 2 && $.c = 3 }");
    CU_ASSERT_FALSE(cwf_ambiguous(p));
    cwf_free(p);
}

static void test_format_round_trips(void)
{
    const char *in[] = {CIS_ROUTE, CIS_KMS, CIS_ROOT, CIS_UNAUTH, "{ $.x = \"a \\\"q\\\" \\\\ b\" }",
                        "{ $.x IS NULL || $.y IS FALSE }", "{ $.x <= 5 && $.y = %a b% }"};
    for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
        struct cwf_pattern *p = parse(in[i]);
        char *once = cwf_format(p, 0);
        struct cwf_pattern *q = parse(once);
        char *twice = cwf_format(q, 0);
        CU_ASSERT_STRING_EQUAL(once, twice);
        CU_ASSERT_EQUAL(cwf_covers(p, q), 1);
        CU_ASSERT_EQUAL(cwf_covers(q, p), 1);
        free(once);
        free(twice);
        cwf_free(p);
        cwf_free(q);
    }
}

static void test_errors_name_the_offset(void)
{
    CU_ASSERT_STRING_EQUAL(parse_error("ConsoleLogin"),
                           "offset 0: expected '{' (only JSON filter patterns are understood), found 'C'");
    CU_ASSERT_STRING_EQUAL(parse_error(""), "offset 0: expected '{' (only JSON filter patterns are understood), "
                                            "found the end of the pattern");
    CU_ASSERT_STRING_EQUAL(parse_error("{ $.a = }"), "offset 8: expected a value, found '}'");
    CU_ASSERT_STRING_EQUAL(parse_error("{ ($.a = 1 }"), "offset 11: expected ')' or an operator (&&, ||), found '}'");
    CU_ASSERT_STRING_EQUAL(parse_error("{ $.a = 1 } x"), "offset 12: expected the end of the pattern after '}', found 'x'");
    CU_ASSERT_STRING_EQUAL(parse_error("{ $.a NOT x }"), "offset 10: expected EXISTS after NOT, found 'x'");
    CU_ASSERT_STRING_EQUAL(parse_error("{ $.a = \"x }"), "offset 12: expected '\"' closing the value, found the end of the pattern");
    CU_ASSERT_STRING_EQUAL(parse_error("{ $ = 1 }"), "offset 3: expected '.' and a property name after '$', found white space");
    CU_ASSERT_PTR_NOT_NULL(parse_error("{ $.a = 1 &&& $.b = 2 }"));
}

/* "{((...($.a=1)...))}" with depth parentheses into s; returns the length. */
static size_t nested(char *s, size_t depth)
{
    size_t k = 0;
    s[k++] = '{';
    for (size_t i = 0; i < depth; i++)
        s[k++] = '(';
    memcpy(s + k, "$.a=1", 5);
    k += 5;
    for (size_t i = 0; i < depth; i++)
        s[k++] = ')';
    s[k++] = '}';
    return k;
}

static void test_nesting_is_capped(void)
{
    char *s = malloc(2 * (CWF_MAX_DEPTH + 10) + 32);
    struct cwf_pattern *p = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cwf_parse(s, nested(s, CWF_MAX_DEPTH + 10), &p, &err), OSP_ELIMIT);
    CU_ASSERT_PTR_NULL(p);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(cwf_parse(s, nested(s, CWF_MAX_DEPTH - 1), &p, &err), OSP_OK); /* just under the cap */
    cwf_free(p);
    free(s);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_cis_patterns_cover_themselves),
    OSP_TEST(test_reformatted_variants_cover),
    OSP_TEST(test_near_misses_do_not_cover),
    OSP_TEST(test_not_equal_and_numbers),
    OSP_TEST(test_mixed_operators_need_both_readings),
    OSP_TEST(test_format_round_trips),
    OSP_TEST(test_errors_name_the_offset),
    OSP_TEST(test_nesting_is_capped),
    {0},
};

int main(void)
{
    return osp_test_run("cwfilter", tests);
}
