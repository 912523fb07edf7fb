/* test_xml.c: XML -> tree conversion rules, list wrappers, XXE refusal, depth and size caps. */
#include <stdlib.h>
#include <string.h>

#include "aws/aws.h"
#include "aws/proto.h"
#include "aws/xml.h"
#include "aws_fixture.h"
#include "osp_test.h"

static json_t *conv(const char *xml)
{
    json_t *out = NULL;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = aws_xml_to_json(xml, strlen(xml), 1 << 20, &out, &err);
    if (rc)
        fprintf(stderr, "xml: %s\n", err.msg);
    return out;
}

static json_t *conv_fixture(const char *name)
{
    size_t len;
    char *x = aws_fixture(name, &len);
    json_t *out = NULL;
    struct osp_err err;
    osp_err_init(&err);
    if (x)
        CU_ASSERT_EQUAL(aws_xml_to_json(x, len, 1 << 20, &out, &err), OSP_OK);
    free(x);
    return out;
}

static void test_xml_single_member_list_is_array(void)
{
    json_t *t = conv_fixture("ok_iam_listusers_one.xml");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    json_t *users = aws_get(t, "ListUsersResponse.ListUsersResult.Users");
    CU_ASSERT_TRUE(json_is_array(users));
    CU_ASSERT_EQUAL(json_array_size(users), 1);
    CU_ASSERT_STRING_EQUAL(aws_get_str(json_array_get(users, 0), "UserName"), "alice");
    CU_ASSERT_STRING_EQUAL(aws_get_str(t, "ListUsersResponse.ListUsersResult.IsTruncated"), "false");
    CU_ASSERT_PTR_NOT_NULL(aws_get_str(t, "ListUsersResponse.ResponseMetadata.RequestId"));
    json_decref(t);
}

static void test_xml_empty_list_is_empty_string_with_no_items(void)
{
    json_t *t = conv_fixture("ok_iam_listusers_empty.xml");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    json_t *users = aws_get(t, "ListUsersResponse.ListUsersResult.Users");
    CU_ASSERT_TRUE(json_is_string(users));
    CU_ASSERT_STRING_EQUAL(json_string_value(users), "");
    CU_ASSERT_EQUAL(aws_items_len(users), 0);
    json_decref(t);
}

static void test_xml_ec2_item_sets(void)
{
    json_t *t = conv_fixture("ok_ec2_describe_instances.xml");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    json_t *res = aws_get(t, "DescribeInstancesResponse.reservationSet");
    CU_ASSERT_TRUE(json_is_array(res));
    json_t *insts = aws_get(json_array_get(res, 0), "instancesSet");
    CU_ASSERT_TRUE(json_is_array(insts));
    CU_ASSERT_EQUAL(json_array_size(insts), 1);
    CU_ASSERT_PTR_NOT_NULL(aws_get_str(json_array_get(insts, 0), "instanceId"));
    CU_ASSERT_STRING_EQUAL(aws_get_str(json_array_get(insts, 0), "instanceState.name"), "running");
    json_decref(t);
}

/* REST-XML lists are repeated elements: one is an object, two are an array; AWS_ITEMS reads both. */
static void test_xml_repeated_siblings(void)
{
    const char *names[] = {"ok_s3_list_buckets_one.xml", "ok_s3_list_buckets_two.xml"};
    for (int k = 0; k < 2; k++) {
        json_t *t = conv_fixture(names[k]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(t);
        json_t *b = aws_get(t, "ListAllMyBucketsResult.Buckets.Bucket");
        CU_ASSERT_EQUAL(aws_items_len(b), (size_t)k + 1);
        CU_ASSERT_TRUE(k == 0 ? json_is_object(b) : json_is_array(b));
        size_t i;
        json_t *v;
        AWS_ITEMS(b, i, v)
        {
            CU_ASSERT_PTR_NOT_NULL(strstr(aws_get_str(v, "Name"), "bucket-"));
        }
        json_decref(t);
    }
}

static void test_xml_namespaces_dropped_and_empty_elements(void)
{
    json_t *t = conv("<a:Root xmlns:a=\"urn:x\" xmlns:b=\"urn:y\"><b:Name>n</b:Name><Empty/><E2></E2>"
                     "<Obj><X>1</X><X>2</X><Y>3</Y></Obj></a:Root>");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_STRING_EQUAL(aws_get_str(t, "Root.Name"), "n");
    CU_ASSERT_STRING_EQUAL(aws_get_str(t, "Root.Empty"), "");
    CU_ASSERT_STRING_EQUAL(aws_get_str(t, "Root.E2"), "");
    CU_ASSERT_EQUAL(json_array_size(aws_get(t, "Root.Obj.X")), 2);
    CU_ASSERT_STRING_EQUAL(aws_get_str(t, "Root.Obj.Y"), "3");
    json_decref(t);
}

static void test_xml_text_entities_and_cdata(void)
{
    json_t *t = conv("<R><P>%7B&quot;a&quot;&amp;&lt;b&gt;</P><C><![CDATA[x<y]]></C></R>");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_STRING_EQUAL(aws_get_str(t, "R.P"), "%7B\"a\"&<b>");
    CU_ASSERT_STRING_EQUAL(aws_get_str(t, "R.C"), "x<y");
    json_decref(t);
}

/* An external entity must never be resolved: the document is refused outright. */
static void test_xml_xxe_not_resolved(void)
{
    const char *xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                      "<ListUsersResponse><Name>&xxe;</Name></ListUsersResponse>";
    json_t *out = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_xml_to_json(xxe, strlen(xxe), 1 << 20, &out, &err), OSP_EPARSE);
    CU_ASSERT_PTR_NULL(out);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "DOCTYPE"));
    /* a bare entity reference without a declaration does not expand either */
    const char *bare = "<R><Name>&xxe;</Name></R>";
    osp_err_init(&err);
    enum osp_code rc = aws_xml_to_json(bare, strlen(bare), 1 << 20, &out, &err);
    if (rc == OSP_OK) {
        const char *n = aws_get_str(out, "R.Name");
        CU_ASSERT_TRUE(n == NULL || strstr(n, "root:") == NULL);
        json_decref(out);
    }
    /* billion laughs is refused before any expansion */
    const char *lol =
        "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>";
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_xml_to_json(lol, strlen(lol), 1 << 20, &out, &err), OSP_EPARSE);
}

static void test_xml_depth_and_size_caps(void)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    for (int i = 0; i < 100; i++)
        CU_ASSERT_EQUAL(osp_buf_adds(&b, "<a>"), OSP_OK);
    for (int i = 0; i < 100; i++)
        CU_ASSERT_EQUAL(osp_buf_adds(&b, "</a>"), OSP_OK);
    json_t *out = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_xml_to_json(b.data, b.len, 1 << 20, &out, &err), OSP_ELIMIT);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_xml_to_json(b.data, b.len, 100, &out, &err), OSP_ELIMIT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "cap"));
    osp_buf_cleanup(&b);
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_xml_to_json("<a><b></a>", 10, 1 << 20, &out, &err), OSP_EPARSE);
}

static void test_proto_body_parsing(void)
{
    json_t *out = NULL;
    struct osp_err err;
    osp_err_init(&err);
    /* JSON services: moto serves JSON as text/html; we go by protocol, not content type */
    const char *j = "{\"KeyId\": null, \"Keys\": []}";
    CU_ASSERT_EQUAL(aws_proto_parse_body(AWS_PROTO_JSON, j, strlen(j), 0, &out, &err), OSP_OK);
    CU_ASSERT_TRUE(json_is_null(json_object_get(out, "KeyId")));
    CU_ASSERT_EQUAL(aws_items_len(json_object_get(out, "KeyId")), 0);
    json_decref(out);
    /* S3 GetBucketPolicy returns the policy document itself */
    const char *pol = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    CU_ASSERT_EQUAL(aws_proto_parse_body(AWS_PROTO_RESTXML, pol, strlen(pol), 0, &out, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(aws_get_str(out, "Version"), "2012-10-17");
    json_decref(out);
    CU_ASSERT_EQUAL(aws_proto_parse_body(AWS_PROTO_RESTXML, "", 0, 0, &out, &err), OSP_OK);
    CU_ASSERT_PTR_NULL(out);
    CU_ASSERT_EQUAL(aws_proto_parse_body(AWS_PROTO_JSON, "{bad", 4, 0, &out, &err), OSP_EPARSE);
}

/* A body of tiny nodes: main built the whole tree (63 MB of XML became a 2 GB tree). */
static void test_node_budget(void)
{
    size_t n = AWS_MAX_NODES + 10, len = 0;
    char *x = malloc(n * 4 + 32), *j = malloc(n * 2 + 32);
    CU_ASSERT_FATAL(x && j);
    len += (size_t)sprintf(x, "<r>");
    for (size_t i = 0; i < n / 2; i++)
        len += (size_t)sprintf(x + len, "<a/>");
    len += (size_t)sprintf(x + len, "</r>");
    json_t *out = NULL;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_proto_parse_body(AWS_PROTO_QUERY, x, len, 0, &out, &err), OSP_OK); /* n/2 tags: fine */
    json_decref(out);
    len = 0;
    len += (size_t)sprintf(x, "<r>");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(x + len, "<a/>");
    len += (size_t)sprintf(x + len, "</r>");
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_proto_parse_body(AWS_PROTO_QUERY, x, len, 0, &out, &err), OSP_ELIMIT);
    CU_ASSERT_PTR_NULL(out);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "tags; refusing it"));
    size_t jl = 0;
    j[jl++] = '[';
    for (size_t i = 0; i < n; i++) {
        j[jl++] = '1';
        j[jl++] = ',';
    }
    j[jl++] = '1';
    j[jl++] = ']';
    osp_err_init(&err);
    CU_ASSERT_EQUAL(aws_proto_parse_body(AWS_PROTO_JSON, j, jl, 0, &out, &err), OSP_ELIMIT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "values; refusing it"));
    free(x);
    free(j);
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_xml_single_member_list_is_array),
        OSP_TEST(test_xml_empty_list_is_empty_string_with_no_items),
        OSP_TEST(test_xml_ec2_item_sets),
        OSP_TEST(test_xml_repeated_siblings),
        OSP_TEST(test_xml_namespaces_dropped_and_empty_elements),
        OSP_TEST(test_xml_text_entities_and_cdata),
        OSP_TEST(test_xml_xxe_not_resolved),
        OSP_TEST(test_xml_depth_and_size_caps),
        OSP_TEST(test_proto_body_parsing),
        OSP_TEST(test_node_budget),
        {0},
    };
    return osp_test_run("xml", tests);
}
