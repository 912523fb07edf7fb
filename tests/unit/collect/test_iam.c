/* test_iam.c: IAM mapping from recorded GAAD, credential report, MFA and policy responses. */
#include "col_test.h"

static json_t *build(const char *gaad_fixture, int with_report)
{
    json_t *state = json_object(), *gaad = ct_load(gaad_fixture), *summary = ct_load("iam_summary_moto.xml");
    json_t *vmfa_resp = ct_load("iam_vmfa.xml");
    json_t *vmfa = aws_get(vmfa_resp, "ListVirtualMFADevicesResponse.ListVirtualMFADevicesResult.VirtualMFADevices");
    char *csv = with_report ? ct_read("iam_credreport.csv", NULL) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(gaad);
    col_iam_map_auth_details(state, gaad, "aws");
    col_iam_finish(state, csv, summary, vmfa, "aws", "111122223333");
    free(csv);
    json_decref(gaad);
    json_decref(summary);
    json_decref(vmfa_resp);
    return state;
}

static void test_iam_users_groups_roles_from_gaad(void)
{
    json_t *s = build("iam_gaad_aws.xml", 1);
    CU_ASSERT_EQUAL(ct_len(s, "users"), 3); /* bob, carol, root */
    CT_STR_EQ(s, "users.0.name", "bob");
    CT_STR_EQ(s, "users.0.arn", "arn:aws:iam::111122223333:user/bob");
    CT_STR_EQ(s, "users.0.__defsec_metadata.resource", "(absent)"); /* metadata is not wrapped */
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "users.0.__defsec_metadata.resource")),
                           "arn:aws:iam::111122223333:user/bob");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "users.0.name.sourceprefix")), "remote");
    CU_ASSERT_EQUAL(ct_bool(s, "users.0.root"), 0);
    CT_STR_EQ(s, "users.0.groups.0.name", "ops");
    CU_ASSERT_EQUAL(ct_len(s, "users.1.groups"), 0); /* <GroupList/> is an empty list, not a group "" */
    CU_ASSERT_EQUAL(ct_len(s, "users.1.policies"), 0);
    CT_STR_EQ(s, "groups.0.name", "ops");
    CT_STR_EQ(s, "groups.0.users.0.name", "bob");
    CT_STR_EQ(s, "roles.0.name", "app");
    CU_ASSERT_PTR_NOT_NULL(strstr(ct_str(s, "roles.0.assumerolepolicydocument"), "ec2.amazonaws.com"));
    json_decref(s);
}

static void test_iam_inline_and_managed_policies_carry_documents(void)
{
    json_t *s = build("iam_gaad_aws.xml", 1);
    /* bob: inline first, then attached AWS-managed */
    CT_STR_EQ(s, "users.0.policies.0.name", "bob-inline");
    CU_ASSERT_EQUAL(ct_bool(s, "users.0.policies.0.inline"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "users.0.policies.0.builtin"), 0);
    CT_STR_EQ(s, "users.0.policies.0.document",
              "{\"Statement\":[{\"Action\":\"iam:PassRole\",\"Effect\":\"Allow\",\"Resource\":\"*\"}],"
              "\"Version\":\"2012-10-17\"}");
    CT_STR_EQ(s, "users.0.policies.1.name", "AdministratorAccess");
    CU_ASSERT_EQUAL(ct_bool(s, "users.0.policies.1.builtin"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "users.0.policies.1.inline"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(ct_str(s, "users.0.policies.1.document"), "\"Action\":\"*\""));
    /* group: inline + customer managed, default version v2 (not v1) */
    CU_ASSERT_PTR_NOT_NULL(strstr(ct_str(s, "groups.0.policies.0.document"), "aws:MultiFactorAuthPresent"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ct_str(s, "groups.0.policies.1.document"), "ec2:Describe*"));
    CT_STR_EQ(s, "roles.0.policies.0.name", "s3-all");
    /* iam.policies: builtin by ARN, attachment count, default version; unattached AWS-managed left out */
    CU_ASSERT_EQUAL(ct_len(s, "policies"), 2);
    CU_ASSERT_EQUAL(ct_bool(s, "policies.0.builtin"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "policies.1.builtin"), 0);
    CU_ASSERT_EQUAL(ct_int(s, "policies.1.attachmentcount"), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ct_str(s, "policies.1.document"), "ec2:Describe*"));
    json_decref(s);
}

static void test_iam_credential_report_fills_users_and_keys(void)
{
    json_t *s = build("iam_gaad_aws.xml", 1);
    CU_ASSERT_EQUAL(ct_bool(s, "users.0.passwordenabled"), 1);
    CT_STR_EQ(s, "users.0.lastaccess", "2024-03-01T08:00:00Z");
    CU_ASSERT_EQUAL(ct_len(s, "users.0.accesskeys"), 2);
    CU_ASSERT_EQUAL(ct_bool(s, "users.0.accesskeys.0.active"), 1);
    CT_STR_EQ(s, "users.0.accesskeys.0.creationdate", "2019-03-01T10:05:00Z");
    CU_ASSERT_PTR_NULL(ct_at(s, "users.0.accesskeys.0.lastaccess")); /* N/A: absent */
    CU_ASSERT_EQUAL(ct_bool(s, "users.0.accesskeys.1.active"), 0);
    CT_STR_EQ(s, "users.0.accesskeys.1.lastaccess", "2020-06-01T00:00:00Z");
    CU_ASSERT_EQUAL(ct_int(s, "users.0.accesskeys.1.slot"), 2);
    /* carol: never logged in, no keys, no MFA */
    CU_ASSERT_PTR_NULL(ct_at(s, "users.1.lastaccess"));
    CU_ASSERT_EQUAL(ct_len(s, "users.1.accesskeys"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "users.1.mfaactive"), 0);
    CU_ASSERT_EQUAL(ct_len(s, "users.1.mfadevices"), 0);
    /* bob's MFA is the virtual device assigned to him */
    CU_ASSERT_EQUAL(ct_len(s, "users.0.mfadevices"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "users.0.mfadevices.0.isvirtual"), 1);
    CT_STR_EQ(s, "users.0.mfadevices.0.serialnumber", "arn:aws:iam::111122223333:mfa/bob-phone");
    json_decref(s);
}

static void test_iam_root_from_report_has_hardware_mfa_and_key(void)
{
    json_t *s = build("iam_gaad_aws.xml", 1);
    CT_STR_EQ(s, "users.2.name", "root");
    CU_ASSERT_EQUAL(ct_bool(s, "users.2.root"), 1);
    CT_STR_EQ(s, "users.2.arn", "arn:aws:iam::111122223333:root");
    CT_STR_EQ(s, "users.2.lastaccess", "2024-02-03T04:05:06Z");
    CU_ASSERT_PTR_NULL(ct_at(s, "users.2.passwordenabled")); /* not_supported */
    CU_ASSERT_EQUAL(ct_bool(s, "users.2.mfaactive"), 1);
    /* MFA active and no virtual device assigned to root: hardware */
    CU_ASSERT_EQUAL(ct_len(s, "users.2.mfadevices"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "users.2.mfadevices.0.isvirtual"), 0);
    CU_ASSERT_EQUAL(ct_len(s, "users.2.accesskeys"), 1);
    CU_ASSERT_EQUAL(ct_bool(s, "users.2.accesskeys.0.active"), 1);
    CT_STR_EQ(s, "users.2.accesskeys.0.lastaccess", "2024-01-15T12:00:00Z");
    CU_ASSERT_EQUAL(ct_len(s, "users.2.policies"), 0);
    json_decref(s);
}

/* CIS 1.4 1.4 asks for no root key at all: an inactive key in the report's root row is kept
 * (active false), so AVD-AWS-0141 can fail on it. */
static void test_iam_root_report_row_keeps_an_inactive_key(void)
{
    json_t *state = json_object(), *gaad = ct_load("iam_gaad_aws.xml"), *summary = ct_load("iam_summary_moto.xml");
    static const char was[] = "not_supported,true,true,2018-06-01"; /* mfa_active, access_key_1_active */
    char *orig = ct_read("iam_credreport.csv", NULL), *at = orig ? strstr(orig, was) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(at);
    char *csv = malloc(strlen(orig) + 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    snprintf(csv, strlen(orig) + 2, "%.*snot_supported,true,false%s", (int)(at - orig), orig,
             at + strlen("not_supported,true,true"));
    free(orig);
    col_iam_map_auth_details(state, gaad, "aws");
    col_iam_finish(state, csv, summary, NULL, "aws", "111122223333");
    CT_STR_EQ(state, "users.2.name", "root");
    CU_ASSERT_EQUAL(ct_len(state, "users.2.accesskeys"), 1);
    CU_ASSERT_EQUAL(ct_bool(state, "users.2.accesskeys.0.active"), 0);
    CT_STR_EQ(state, "users.2.accesskeys.0.creationdate", "2018-06-01T00:00:00Z");
    free(csv);
    json_decref(gaad);
    json_decref(summary);
    json_decref(state);
}

static void test_iam_root_without_report_row_uses_account_summary(void)
{
    json_t *s = build("iam_gaad_moto.xml", 0);
    size_t n = ct_len(s, "users");
    char path[64];
    snprintf(path, sizeof path, "users.%zu.name", n - 1);
    CT_STR_EQ(s, path, "root");
    snprintf(path, sizeof path, "users.%zu.mfaactive", n - 1);
    CU_ASSERT_EQUAL(ct_bool(s, path), 0); /* AccountMFAEnabled 0 */
    snprintf(path, sizeof path, "users.%zu.accesskeys", n - 1);
    CU_ASSERT_EQUAL(ct_len(s, path), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "accountsummary.accountmfaenabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "accountsummary.accountaccesskeyspresent"), 0);
    /* moto's GAAD omits PolicyName: taken from the ARN */
    CT_STR_EQ(s, "policies.0.name", "cust");
    json_decref(s);
}

static void test_iam_password_policy_present_and_missing(void)
{
    json_t *s = json_object(), *resp = ct_load("iam_password_policy.xml");
    col_iam_map_password_policy(s, resp, "aws", "111122223333");
    CU_ASSERT_EQUAL(ct_bool(s, "passwordpolicy.exists"), 1);
    CU_ASSERT_EQUAL(ct_int(s, "passwordpolicy.minimumlength"), 14);
    CU_ASSERT_EQUAL(ct_int(s, "passwordpolicy.reusepreventioncount"), 24);
    CU_ASSERT_EQUAL(ct_int(s, "passwordpolicy.maxagedays"), 90);
    CU_ASSERT_EQUAL(ct_bool(s, "passwordpolicy.requiresymbols"), 0);
    CU_ASSERT_EQUAL(ct_bool(s, "passwordpolicy.requireuppercase"), 1);
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(s, "passwordpolicy.__defsec_metadata.resource")),
                           "arn:aws:iam::111122223333:account-password-policy");
    json_decref(s);
    s = json_object();
    col_iam_map_password_policy(s, NULL, "aws", "111122223333"); /* NoSuchEntity */
    CU_ASSERT_EQUAL(ct_bool(s, "passwordpolicy.exists"), 0);
    CU_ASSERT_PTR_NULL(ct_at(s, "passwordpolicy.minimumlength"));
    json_decref(s);
    json_decref(resp);
}

static void test_iam_server_certificates(void)
{
    json_t *s = json_object(), *resp = ct_load("iam_server_certs.xml");
    col_iam_map_server_certs(s, resp);
    CT_STR_EQ(s, "servercertificates.0.name", "old-cert");
    CT_STR_EQ(s, "servercertificates.0.expiration", "2020-01-01T00:00:00Z");
    json_decref(s);
    json_decref(resp);
}

static void test_csv_parser_handles_quotes_and_limits(void)
{
    json_t *rows = col_csv_parse("a,b\n\"x,1\",\"he said \"\"hi\"\"\"\r\n2,3\n");
    CU_ASSERT_EQUAL(json_array_size(rows), 2);
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(rows, "0.a")), "x,1");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(rows, "0.b")), "he said \"hi\"");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(rows, "1.b")), "3");
    json_decref(rows);
    rows = col_csv_parse("");
    CU_ASSERT_EQUAL(json_array_size(rows), 0);
    json_decref(rows);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_iam_users_groups_roles_from_gaad),
    OSP_TEST(test_iam_inline_and_managed_policies_carry_documents),
    OSP_TEST(test_iam_credential_report_fills_users_and_keys),
    OSP_TEST(test_iam_root_from_report_has_hardware_mfa_and_key),
    OSP_TEST(test_iam_root_report_row_keeps_an_inactive_key),
    OSP_TEST(test_iam_root_without_report_row_uses_account_summary),
    OSP_TEST(test_iam_password_policy_present_and_missing),
    OSP_TEST(test_iam_server_certificates),
    OSP_TEST(test_csv_parser_handles_quotes_and_limits),
    {0},
};

int main(void)
{
    return osp_test_run("collect_iam", tests);
}
