/* test_locate.c: every metadata object of a state document gets its own fskey and startline. */
#include <stdlib.h>
#include <string.h>

#include "osp_test.h"
#include "scan/locate.h"

#define M(arn) "\"__defsec_metadata\":{\"resource\":\"" arn "\",\"startline\":0,\"endline\":0,\"fskey\":\"\"}"
#define W(v, arn) "{\"value\":" v ",\"resource\":\"" arn "\",\"startline\":0,\"endline\":0,\"fskey\":\"\"}"
#define SG "arn:aws:ec2:us-east-1:1:security-group/sg-1"

static const char *DOC = "{\"aws\":{\"ec2\":{\"securitygroups\":[{" M(SG) ",\"ingressrules\":["
                         "{" M(SG) ",\"fromport\":" W("22", SG) "},"
                         "{" M(SG) ",\"fromport\":" W("3389", SG) "},"
                         "{" M(SG) ",\"fromport\":" W("22", SG) "}],"
                         "\"vpc\":{" M("arn:aws:ec2:us-east-1:1:vpc/v") ",\"id\":" W("\"v\"", "arn:aws:ec2:us-east-1:1:vpc/v")
                         "}}]}}}";

static json_t *at(json_t *doc, const char *path)
{
    json_t *v = doc;
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", path);
    for (char *p = strtok(buf, "."); p && v; p = strtok(NULL, "."))
        v = json_is_array(v) ? json_array_get(v, (size_t)atoi(p)) : json_object_get(v, p);
    return v;
}

static const char *key(json_t *doc, const char *path)
{
    return json_string_value(json_object_get(at(doc, path), "fskey"));
}

static long long line(json_t *doc, const char *path)
{
    return json_integer_value(json_object_get(at(doc, path), "startline"));
}

static void test_parts_of_a_resource_get_distinct_keys_and_lines(void)
{
    json_error_t e;
    json_t *doc = json_loads(DOC, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    char *before = json_dumps(doc, JSON_SORT_KEYS | JSON_COMPACT);
    json_t *out = scan_locate_copy(doc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    char *after = json_dumps(doc, JSON_SORT_KEYS | JSON_COMPACT);
    CU_ASSERT_STRING_EQUAL(before, after); /* the shared state is not touched */
    const char *sg = "aws.ec2.securitygroups.0";
    char p[3][128];
    for (int i = 0; i < 3; i++)
        snprintf(p[i], sizeof(p[i]), "%s.ingressrules.%d.__defsec_metadata", sg, i);
    CU_ASSERT_STRING_EQUAL(key(out, "aws.ec2.securitygroups.0.__defsec_metadata"), "");
    CU_ASSERT_EQUAL(line(out, "aws.ec2.securitygroups.0.__defsec_metadata"), 1);
    /* equal content: the same hash, told apart by #2; different content: another hash */
    CU_ASSERT_EQUAL(strncmp(key(out, p[0]), key(out, p[2]), strlen("ingressrules[12345678")), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(key(out, p[2]), "#2]"));
    CU_ASSERT_STRING_NOT_EQUAL(key(out, p[0]), key(out, p[1]));
    CU_ASSERT(line(out, p[0]) > 1 && line(out, p[1]) > line(out, p[0]) && line(out, p[2]) > line(out, p[1]));
    char f0[160];
    snprintf(f0, sizeof(f0), "%s.ingressrules.0.fromport", sg);
    CU_ASSERT_EQUAL(strncmp(key(out, f0), "ingressrules[", 13), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(key(out, f0), "]/fromport"));
    /* a nested resource of its own starts again */
    CU_ASSERT_STRING_EQUAL(key(out, "aws.ec2.securitygroups.0.vpc.__defsec_metadata"), "");
    CU_ASSERT_EQUAL(line(out, "aws.ec2.securitygroups.0.vpc.__defsec_metadata"), 1);
    CU_ASSERT_STRING_EQUAL(key(out, "aws.ec2.securitygroups.0.vpc.id"), "id");
    /* equal state gives equal locations */
    json_t *again = scan_locate_copy(doc);
    CU_ASSERT_TRUE(json_equal(out, again));
    free(before);
    free(after);
    json_decref(again);
    json_decref(out);
    json_decref(doc);
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_parts_of_a_resource_get_distinct_keys_and_lines),
        {0},
    };
    return osp_test_run("locate", tests);
}
