/* test_acm.c: ACM certificate summaries (recorded AWS-shaped ListCertificates: epoch-second times,
 * EC and RSA key types, an expired imported certificate, an entry without an ARN). */
#include "col_test.h"

static void test_summaries_aws(void)
{
    json_t *l = ct_load("acm_list_aws.json"), *s = json_object(), *c;
    size_t i;
    AWS_ITEMS(json_object_get(l, "CertificateSummaryList"), i, c) col_push(col_arr(s, "certificates"),
                                                                          col_acm_map_summary(c));
    CU_ASSERT_EQUAL(ct_len(s, "certificates"), 2); /* the entry without an ARN is dropped */
    CT_STR_EQ(s, "certificates.0.arn", "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666");
    CT_STR_EQ(s, "certificates.0.domainname", "www.example.com");
    CT_STR_EQ(s, "certificates.0.keyalgorithm", "EC_prime256v1");
    CT_STR_EQ(s, "certificates.0.status", "ISSUED");
    CT_STR_EQ(s, "certificates.0.type", "AMAZON_ISSUED");
    CU_ASSERT_EQUAL(ct_bool(s, "certificates.0.inuse"), 1);
    CT_STR_EQ(s, "certificates.0.renewaleligibility", "ELIGIBLE");
    CT_STR_EQ(s, "certificates.0.notbefore", "2025-12-01T00:00:00Z");
    CT_STR_EQ(s, "certificates.0.notafter", "2026-12-31T23:59:59Z");
    CT_STR_EQ(s, "certificates.1.keyalgorithm", "RSA_1024");
    CT_STR_EQ(s, "certificates.1.status", "EXPIRED");
    CU_ASSERT_EQUAL(ct_bool(s, "certificates.1.inuse"), 0);
    CT_STR_EQ(s, "certificates.1.notafter", "2025-01-01T00:00:00Z");
    CU_ASSERT_PTR_NULL(ct_at(s, "certificates.1.domainvalidationoptions"));
    json_decref(s);
    json_decref(l);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_summaries_aws),
    {0},
};

int main(void)
{
    return osp_test_run("collect_acm", tests);
}
