/* test_codebuild.c: CodeBuild mapping on recorded responses (AWS-shaped, with fields moto never
 * returns, and moto's own): artifact encryption, redacted sources and plaintext variables, logs. */
#include "col_test.h"

static void test_codebuild_projects_aws(void)
{
    json_t *r = ct_load("codebuild_projects_aws.json"), *p = col_codebuild_map_project(ct_at(r, "projects.0"));
    CT_STR_EQ(p, "name", "api-build");
    CU_ASSERT_EQUAL(ct_bool(p, "artifactsettings.encryptionenabled"), 1);
    CU_ASSERT_EQUAL(ct_len(p, "secondaryartifactsettings"), 2);
    CT_STR_EQ(p, "secondaryartifactsettings.0.identifier", "reports");
    CU_ASSERT_EQUAL(ct_bool(p, "secondaryartifactsettings.0.encryptionenabled"), 0);
    CU_ASSERT_EQUAL(ct_bool(p, "secondaryartifactsettings.1.encryptionenabled"), 1); /* not set: encrypted */
    CU_ASSERT_EQUAL(ct_len(p, "sources"), 2);
    CT_STR_EQ(p, "sources.0.type", "BITBUCKET");
    CT_STR_EQ(p, "sources.0.location", "[osprey-redacted:Password in URL]/acme/api.git");
    CT_STR_EQ(p, "sources.1.location", "https://github.com/acme/lib.git");
    CU_ASSERT_EQUAL(ct_bool(p, "environment.privilegedmode"), 1);
    CU_ASSERT_EQUAL(ct_len(p, "environment.variables"), 4);
    CT_STR_EQ(p, "environment.variables.0.value", "[osprey-redacted:AWS Access Key ID]");
    CT_STR_EQ(p, "environment.variables.1.type", "PARAMETER_STORE");
    CT_STR_EQ(p, "environment.variables.1.reference", "/ci/npm-token");
    CU_ASSERT_PTR_NULL(ct_at(p, "environment.variables.1.value"));
    CT_STR_EQ(p, "environment.variables.2.type", "SECRETS_MANAGER");
    CT_STR_EQ(p, "environment.variables.3.type", "PLAINTEXT"); /* no type: PLAINTEXT */
    CT_STR_EQ(p, "environment.variables.3.value", "[osprey-redacted]");
    CT_STR_EQ(p, "logsconfig.cloudwatchlogsstatus", "DISABLED");
    CT_STR_EQ(p, "logsconfig.s3logsstatus", "ENABLED");
    char *txt = json_dumps(p, 0);
    CU_ASSERT_PTR_NULL(strstr(txt, "Zx9pQ2wLk7"));
    CU_ASSERT_PTR_NULL(strstr(txt, "AKIAIOSFODNN7EXAMPLQ"));
    CU_ASSERT_PTR_NULL(strstr(txt, "production"));
    free(txt);
    json_decref(p);
    p = col_codebuild_map_project(ct_at(r, "projects.1"));
    CT_STR_EQ(p, "artifactsettings.type", "NO_ARTIFACTS");
    CU_ASSERT_EQUAL(ct_len(p, "sources"), 1);
    CU_ASSERT_PTR_NULL(ct_at(p, "sources.0.location"));
    CU_ASSERT_EQUAL(ct_len(p, "secondaryartifactsettings"), 0);
    CU_ASSERT_EQUAL(ct_bool(p, "environment.privilegedmode"), 0);
    json_decref(p);
    CU_ASSERT_PTR_NULL(col_codebuild_map_project(ct_at(r, "projects.2")));
    json_decref(r);
}

static void test_codebuild_projects_moto(void)
{
    json_t *r = ct_load("codebuild_projects_moto.json"), *p = col_codebuild_map_project(ct_at(r, "projects.0"));
    CU_ASSERT_EQUAL(ct_bool(p, "artifactsettings.encryptionenabled"), 0);
    CT_STR_EQ(p, "environment.variables.0.value", "[osprey-redacted:Password literal]");
    CT_STR_EQ(p, "environment.variables.1.reference", "/ci/token");
    CT_STR_EQ(p, "sources.0.location", "[osprey-redacted:Password in URL]/acme/app.git");
    /* no logsConfig at all would mean CloudWatch on; moto echoes what was set */
    CT_STR_EQ(p, "logsconfig.cloudwatchlogsstatus", "DISABLED");
    char *txt = json_dumps(p, 0);
    CU_ASSERT_PTR_NULL(strstr(txt, "hunter2"));
    CU_ASSERT_PTR_NULL(strstr(txt, "s3cretpw"));
    free(txt);
    json_decref(p);
    json_decref(r);
    json_t *bare = json_pack("{s:s}", "arn", "arn:aws:codebuild:us-east-1:1:project/x");
    p = col_codebuild_map_project(bare);
    CT_STR_EQ(p, "logsconfig.cloudwatchlogsstatus", "ENABLED");
    CT_STR_EQ(p, "logsconfig.s3logsstatus", "DISABLED");
    CU_ASSERT_EQUAL(ct_bool(p, "artifactsettings.encryptionenabled"), 1);
    json_decref(p);
    json_decref(bare);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_codebuild_projects_aws),
    OSP_TEST(test_codebuild_projects_moto),
    {0},
};

int main(void)
{
    return osp_test_run("collect_codebuild", tests);
}
