/* test_ecs.c: ECS mapping on recorded responses (AWS-shaped, with fields moto never returns, and
 * moto's own): Container Insights values, EFS-only transit encryption, environment values redacted. */
#include "col_test.h"

static void test_ecs_clusters_aws(void)
{
    json_t *r = ct_load("ecs_clusters_aws.json"), *c;
    c = col_ecs_map_cluster(ct_at(r, "clusters.0"));
    CT_STR_EQ(c, "name", "prod");
    CT_STR_EQ(c, "settings.containerinsights", "enhanced");
    CU_ASSERT_EQUAL(ct_bool(c, "settings.containerinsightsenabled"), 1); /* Trivy: false */
    CU_ASSERT_STRING_EQUAL(json_string_value(ct_at(c, "__defsec_metadata.resource")),
                           "arn:aws:ecs:us-east-1:111122223333:cluster/prod");
    json_decref(c);
    c = col_ecs_map_cluster(ct_at(r, "clusters.1"));
    CU_ASSERT_EQUAL(ct_bool(c, "settings.containerinsightsenabled"), 0);
    json_decref(c);
    c = col_ecs_map_cluster(ct_at(r, "clusters.2")); /* never set: off */
    CU_ASSERT_PTR_NULL(ct_at(c, "settings.containerinsights"));
    CU_ASSERT_EQUAL(ct_bool(c, "settings.containerinsightsenabled"), 0);
    json_decref(c);
    CU_ASSERT_PTR_NULL(col_ecs_map_cluster(ct_at(r, "clusters.3")));
    json_decref(r);
    r = ct_load("ecs_clusters_moto.json");
    c = col_ecs_map_cluster(ct_at(r, "clusters.1"));
    CU_ASSERT_EQUAL(ct_bool(c, "settings.containerinsightsenabled"), 1);
    json_decref(c);
    json_decref(r);
}

static void test_ecs_taskdef_aws(void)
{
    json_t *r = ct_load("ecs_taskdef_aws.json"), *t = col_ecs_map_taskdef(r);
    CT_STR_EQ(t, "family", "api");
    CU_ASSERT_EQUAL(ct_int(t, "revision"), 7);
    CT_STR_EQ(t, "networkmode", "awsvpc");
    CU_ASSERT_EQUAL(ct_len(t, "containerdefinitions"), 2);
    CT_STR_EQ(t, "containerdefinitions.0.cpu", "0");
    CU_ASSERT_EQUAL(ct_bool(t, "containerdefinitions.0.essential"), 1);
    CU_ASSERT_EQUAL(ct_bool(t, "containerdefinitions.0.privileged"), 0);
    CU_ASSERT_EQUAL(ct_int(t, "containerdefinitions.0.portmappings.0.containerport"), 8080);
    CU_ASSERT_EQUAL(ct_len(t, "containerdefinitions.0.environment"), 3);
    CT_STR_EQ(t, "containerdefinitions.0.environment.0.name", "AWS_SECRET_ACCESS_KEY");
    CT_STR_EQ(t, "containerdefinitions.0.environment.0.value", "[osprey-redacted:AWS Secret Access Key]");
    CT_STR_EQ(t, "containerdefinitions.0.environment.1.value", "[osprey-redacted:Password in URL]");
    CT_STR_EQ(t, "containerdefinitions.0.environment.2.name", "LOG_LEVEL");
    CT_STR_EQ(t, "containerdefinitions.0.environment.2.value", "[osprey-redacted]");
    CT_STR_EQ(t, "containerdefinitions.1.memory", "128");
    CU_ASSERT_EQUAL(ct_len(t, "containerdefinitions.1.environment"), 0);
    char *txt = json_dumps(t, 0);
    CU_ASSERT_PTR_NULL(strstr(txt, "wJalrXUtnFEMI"));
    CU_ASSERT_PTR_NULL(strstr(txt, "s3cr3t-pass"));
    CU_ASSERT_PTR_NULL(strstr(txt, "\"info\"")); /* nor any other value */
    free(txt);
    /* volumes: only EFS ones carry the transit flag; an EFS volume without the setting is off */
    CU_ASSERT_EQUAL(ct_len(t, "volumes"), 4);
    CU_ASSERT_EQUAL(ct_bool(t, "volumes.0.efsvolumeconfiguration.transitencryptionenabled"), 1);
    CU_ASSERT_EQUAL(ct_bool(t, "volumes.1.efsvolumeconfiguration.transitencryptionenabled"), 0);
    CU_ASSERT_PTR_NULL(ct_at(t, "volumes.2.efsvolumeconfiguration"));
    CU_ASSERT_PTR_NULL(ct_at(t, "volumes.3.efsvolumeconfiguration"));
    CT_STR_EQ(t, "volumes.3.name", "bind");
    json_decref(t);
    json_decref(r);
    CU_ASSERT_PTR_NULL(col_ecs_map_taskdef(NULL));
}

static void test_ecs_taskdef_moto(void)
{
    json_t *r = ct_load("ecs_taskdef_moto.json"), *t = col_ecs_map_taskdef(r);
    CT_STR_EQ(t, "containerdefinitions.0.cpu", "256");
    CU_ASSERT_EQUAL(ct_bool(t, "containerdefinitions.0.privileged"), 1);
    CT_STR_EQ(t, "containerdefinitions.0.environment.0.value", "[osprey-redacted:Password literal]");
    CT_STR_EQ(t, "containerdefinitions.0.environment.1.value", "[osprey-redacted]");
    CU_ASSERT_EQUAL(ct_bool(t, "volumes.0.efsvolumeconfiguration.transitencryptionenabled"), 0);
    CU_ASSERT_PTR_NULL(ct_at(t, "volumes.1.efsvolumeconfiguration"));
    char *txt = json_dumps(t, 0);
    CU_ASSERT_PTR_NULL(strstr(txt, "hunter2"));
    free(txt);
    json_decref(t);
    json_decref(r);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_ecs_clusters_aws),
    OSP_TEST(test_ecs_taskdef_aws),
    OSP_TEST(test_ecs_taskdef_moto),
    {0},
};

int main(void)
{
    return osp_test_run("collect_ecs", tests);
}
