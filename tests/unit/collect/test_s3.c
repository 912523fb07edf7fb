/* test_s3.c: S3 mapping from recorded REST-XML responses (AWS-shaped and moto-shaped). */
#include "col_test.h"

static json_t *apply(void (*fn)(json_t *, json_t *), const char *fixture)
{
    json_t *b = col_s3_bucket_new("b1", "aws"), *resp = fixture ? ct_load(fixture) : NULL;
    fn(b, resp);
    json_decref(resp);
    return b;
}

static void test_s3_bucket_arn_and_metadata(void)
{
    json_t *b = col_s3_bucket_new("b1", "aws-cn");
    CT_STR_EQ(b, "name", "b1");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(b, "__defsec_metadata.resource")), "arn:aws-cn:s3:::b1");
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(b, "name.filepath")), "arn:aws-cn:s3:::b1");
    CU_ASSERT(json_is_true(ct_at(b, "name.managed")));
    CU_ASSERT(json_is_true(ct_at(b, "name.explicit")));
    CU_ASSERT_EQUAL(json_integer_value(ct_at(b, "name.startline")), 0);
    CU_ASSERT_EQUAL(ct_len(b, "bucketpolicies"), 0);
    CU_ASSERT_EQUAL(ct_len(b, "grants"), 0);
    json_decref(b);
}

static void test_s3_location_eu_and_empty(void)
{
    json_t *b = apply(col_s3_map_location, "s3_location_eu.xml");
    CT_STR_EQ(b, "bucketlocation", "eu-west-1");
    json_decref(b);
    b = apply(col_s3_map_location, "s3_location_empty.xml");
    CT_STR_EQ(b, "bucketlocation", "us-east-1");
    json_decref(b);
}

static void test_s3_acl_grants_types_and_canned(void)
{
    json_t *b = apply(col_s3_map_acl, "s3_acl_aws.xml");
    CU_ASSERT_EQUAL(ct_len(b, "grants"), 2);
    CT_STR_EQ(b, "grants.0.grantee.type", "CanonicalUser");
    CT_STR_EQ(b, "grants.1.grantee.type", "Group");
    CT_STR_EQ(b, "grants.1.grantee.uri", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");
    CT_STR_EQ(b, "grants.1.permissions.0", "READ");
    CT_STR_EQ(b, "acl", "authenticated-read");
    json_decref(b);
    b = apply(col_s3_map_acl, "s3_acl_single.xml"); /* one <Grant>: an object, not an array */
    CU_ASSERT_EQUAL(ct_len(b, "grants"), 1);
    CT_STR_EQ(b, "acl", "private");
    json_decref(b);
    b = apply(col_s3_map_acl, "s3_acl_moto_public_read.xml");
    CT_STR_EQ(b, "acl", "public-read");
    json_decref(b);
}

static void test_s3_logging_versioning_encryption(void)
{
    json_t *b = apply(col_s3_map_logging, "s3_logging_on.xml");
    CU_ASSERT_EQUAL(ct_bool(b, "logging.enabled"), 1);
    CT_STR_EQ(b, "logging.targetbucket", "log-bucket");
    json_decref(b);
    b = apply(col_s3_map_logging, "s3_logging_off.xml");
    CU_ASSERT_EQUAL(ct_bool(b, "logging.enabled"), 0);
    CU_ASSERT_PTR_NULL(ct_at(b, "logging.targetbucket"));
    json_decref(b);
    b = apply(col_s3_map_versioning, "s3_versioning_mfa.xml");
    CU_ASSERT_EQUAL(ct_bool(b, "versioning.enabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(b, "versioning.mfadelete"), 1);
    json_decref(b);
    b = apply(col_s3_map_versioning, "s3_versioning_never.xml");
    CU_ASSERT_EQUAL(ct_bool(b, "versioning.enabled"), 0);
    CU_ASSERT_PTR_NULL(ct_at(b, "versioning.status"));
    json_decref(b);
    b = apply(col_s3_map_versioning, "s3_versioning_moto.xml"); /* moto's root element name */
    CU_ASSERT_EQUAL(ct_bool(b, "versioning.enabled"), 1);
    CT_STR_EQ(b, "versioning.status", "Enabled");
    json_decref(b);
    b = apply(col_s3_map_encryption, "s3_encryption_aes.xml");
    CU_ASSERT_EQUAL(ct_bool(b, "encryption.enabled"), 1);
    CT_STR_EQ(b, "encryption.algorithm", "AES256");
    CU_ASSERT_PTR_NULL(ct_at(b, "encryption.kmskeyid"));
    json_decref(b);
    b = apply(col_s3_map_encryption, NULL); /* ServerSideEncryptionConfigurationNotFoundError */
    CU_ASSERT_EQUAL(ct_bool(b, "encryption.enabled"), 0);
    json_decref(b);
}

static void test_s3_public_access_blocks(void)
{
    json_t *b = col_s3_bucket_new("b1", "aws"), *resp = ct_load("s3_pab.xml");
    col_s3_map_pab(b, "publicaccessblock", resp, "arn:aws:s3:::b1");
    CU_ASSERT_EQUAL(ct_bool(b, "publicaccessblock.blockpublicacls"), 1);
    CU_ASSERT_EQUAL(ct_bool(b, "publicaccessblock.ignorepublicacls"), 0);
    CU_ASSERT_PTR_NULL(ct_at(b, "publicaccessblock.exists")); /* only the account block says exists */
    json_decref(b);
    b = col_s3_bucket_new("b2", "aws");
    col_s3_map_pab(b, "publicaccessblock", NULL, "arn:aws:s3:::b2");
    CU_ASSERT_PTR_NULL(ct_at(b, "publicaccessblock")); /* no block: absent */
    json_decref(b);
    json_t *st = json_object();
    col_s3_map_pab(st, "accountpublicaccessblock", NULL, "arn:aws:s3:::account-public-access-block/1");
    CU_ASSERT_EQUAL(ct_bool(st, "accountpublicaccessblock.exists"), 0);
    col_s3_map_pab(st, "accountpublicaccessblock", resp, "arn:aws:s3:::account-public-access-block/1");
    CU_ASSERT_EQUAL(ct_bool(st, "accountpublicaccessblock.exists"), 1);
    CU_ASSERT_EQUAL(ct_bool(st, "accountpublicaccessblock.restrictpublicbuckets"), 1);
    json_decref(st);
    json_decref(resp);
}

static void test_s3_bucket_policy_document(void)
{
    json_t *b = col_s3_bucket_new("b1", "aws");
    col_s3_map_policy(b, "{\"Version\": \"2012-10-17\", \"Statement\": []}");
    CT_STR_EQ(b, "bucketpolicies.0.name", "bucket-policy");
    CU_ASSERT_EQUAL(ct_bool(b, "bucketpolicies.0.builtin"), 0);
    CT_STR_EQ(b, "bucketpolicies.0.document", "{\"Statement\":[],\"Version\":\"2012-10-17\"}");
    col_s3_map_policy(b, NULL);
    CU_ASSERT_EQUAL(ct_len(b, "bucketpolicies"), 1);
    json_decref(b);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_s3_bucket_arn_and_metadata),
    OSP_TEST(test_s3_location_eu_and_empty),
    OSP_TEST(test_s3_acl_grants_types_and_canned),
    OSP_TEST(test_s3_logging_versioning_encryption),
    OSP_TEST(test_s3_public_access_blocks),
    OSP_TEST(test_s3_bucket_policy_document),
    {0},
};

int main(void)
{
    return osp_test_run("collect_s3", tests);
}
