/* test_metadata.c: METADATA YAML blocks to OPA annotation objects, and their errors. */
#include <stdlib.h>
#include <string.h>

#include "osp_test.h"
#include "rego/metadata.h"

/* JSON of the parsed block, or "ERR <line> <message>". Caller frees. */
static char *meta(const char *text, const char *scope)
{
    struct osp_err err;
    osp_err_init(&err);
    rv out;
    int line = 0;
    if (rego_metadata_parse(text, strlen(text), scope, &out, &line, &err) != OSP_OK) {
        char *s = malloc(600);
        snprintf(s, 600, "ERR %d %s", line, err.msg);
        return s;
    }
    char *s = rv_json_dump(out, false);
    rv_unref(out);
    return s;
}

#define META_EQ(text, scope, want)                                                                                     \
    do {                                                                                                               \
        char *m_ = meta(text, scope);                                                                                  \
        if (strcmp(m_, want))                                                                                          \
            fprintf(stderr, "\n    want %s\n    got  %s\n", want, m_);                                                 \
        CU_ASSERT_STRING_EQUAL(m_, want);                                                                              \
        free(m_);                                                                                                      \
    } while (0)

static void test_metadata_trivy_check_block(void)
{
    META_EQ("# METADATA\n"
            "# title: S3 buckets should be encrypted\n"
            "# description: Unencrypted buckets leak data.\n"
            "# scope: package\n"
            "# schemas:\n"
            "# - input: schema[\"cloud\"]\n"
            "# related_resources:\n"
            "# - https://docs.aws.amazon.com/s3\n"
            "# custom:\n"
            "#   id: AVD-AWS-0088\n"
            "#   severity: HIGH\n"
            "#   input:\n"
            "#     selector:\n"
            "#     - type: cloud\n",
            "rule",
            "{\"custom\":{\"id\":\"AVD-AWS-0088\",\"input\":{\"selector\":[{\"type\":\"cloud\"}]},"
            "\"severity\":\"HIGH\"},\"description\":\"Unencrypted buckets leak data.\","
            "\"related_resources\":[{\"ref\":\"https://docs.aws.amazon.com/s3\"}],"
            "\"schemas\":[{\"path\":[{\"type\":\"var\",\"value\":\"input\"}],"
            "\"schema\":[{\"type\":\"var\",\"value\":\"schema\"},{\"type\":\"string\",\"value\":\"cloud\"}]}],"
            "\"scope\":\"package\",\"title\":\"S3 buckets should be encrypted\"}");
}

static void test_metadata_default_scope_and_authors(void)
{
    META_EQ("title: Testing annotations\nauthors:\n- The OPA contributors\n- Jane Doe <jane@example.com>\n"
            "- name: Bob\n  email: bob@example.com\n",
            "rule",
            "{\"authors\":[{\"name\":\"The OPA contributors\"},{\"email\":\"jane@example.com\",\"name\":\"Jane Doe\"},"
            "{\"email\":\"bob@example.com\",\"name\":\"Bob\"}],\"scope\":\"rule\",\"title\":\"Testing annotations\"}");
    META_EQ("description: The Rego test suite\n", "package",
            "{\"description\":\"The Rego test suite\",\"scope\":\"package\"}");
    META_EQ("title: t\n", NULL, "{\"title\":\"t\"}");
    META_EQ("", "rule", "{\"scope\":\"rule\"}");
}

static void test_metadata_errors_name_the_line(void)
{
    META_EQ("title: x\nscope: everything\n", "rule", "ERR 2 line 2: invalid annotation scope 'everything'");
    META_EQ("title: x\nbogus: 1\n", "rule", "ERR 2 line 2: field bogus not found in type ast.rawAnnotation");
    META_EQ("title: x\n  bad: indent\n", "rule", "ERR 2 yaml: line 2: mapping values are not allowed in this context");
    META_EQ("related_resources:\n- not a url\n", "rule",
            "ERR 1 line 1: invalid related-resource ref 'not a url': must be an absolute URL");
    META_EQ("title: [1, 2]\n", "rule", "ERR 1 line 1: title must be a string but got array");
    META_EQ("[1, 2]\n", "rule", "ERR 1 line 1: METADATA must be a YAML mapping");
}

static void test_metadata_alias_bomb_is_an_error(void)
{
    /* each level doubles: 2^40 nodes if expanded naively */
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof text, "custom:\n  a0: &a0 [x, x]\n");
    for (int i = 1; i < 40; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "  a%d: &a%d [*a%d, *a%d]\n", i, i, i - 1, i - 1);
    char *m = meta(text, "rule");
    CU_ASSERT_EQUAL(strncmp(m, "ERR", 3), 0);
    free(m);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_metadata_trivy_check_block),
    OSP_TEST(test_metadata_default_scope_and_authors),
    OSP_TEST(test_metadata_errors_name_the_line),
    OSP_TEST(test_metadata_alias_bomb_is_an_error),
    {0},
};

int main(void)
{
    return osp_test_run("metadata", tests);
}
