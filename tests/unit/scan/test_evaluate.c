/* test_evaluate.c: the whole pipeline on small documents: built-in and custom checks, dedupe of
 * global findings across regions, PASS records, service errors and the compliance report. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "osp_test.h"
#include "rego/rego.h"
#include "scan/scan.h"

static struct osp_ctx ctx;

/* iam (global) with a root user holding an active key; s3 with one public bucket. */
static const char *doc_json =
    "{\"aws\":{\"iam\":{\"users\":[{\"__defsec_metadata\":{\"resource\":\"arn:aws:iam::123456789012:root\"},"
    "\"name\":{\"value\":\"root\"},\"root\":{\"value\":true},\"mfaactive\":{\"value\":true},"
    "\"mfadevices\":[{\"isvirtual\":{\"value\":false}}],\"accesskeys\":[{\"active\":{\"value\":true}}],\"policies\":[]}"
    "],"
    "\"passwordpolicy\":{\"__defsec_metadata\":{\"resource\":\"arn:aws:iam::123456789012:account-password-policy\"}},"
    "\"roles\":[],\"policies\":[],\"groups\":[]},"
    "\"s3\":{\"buckets\":[{\"__defsec_metadata\":{\"resource\":\"arn:aws:s3:::pub\"},\"name\":{\"value\":\"pub\"},"
    "\"acl\":{\"value\":\"public-read\"},\"grants\":[],\"bucketpolicies\":[]},"
    "{\"__defsec_metadata\":{\"resource\":\"arn:aws:s3:::priv\"},\"name\":{\"value\":\"priv\"},"
    "\"acl\":{\"value\":\"private\"},\"grants\":[],\"bucketpolicies\":[]}]}}}";

static struct scan_catalog *load(const struct scan_opts *o, enum osp_code want, struct osp_err *err)
{
    struct scan_catalog *c = NULL;
    osp_err_init(err);
    enum osp_code rc = scan_catalog_load(&ctx, o, &c, err);
    CU_ASSERT_EQUAL(rc, want);
    if (rc != want)
        fprintf(stderr, "load: %s\n", err->msg);
    return c;
}

static struct res_report *evaluate(struct scan_catalog *c, size_t nregions, const struct res_service *svcs,
                                   size_t nsvcs)
{
    struct scan_input in[2] = {
        {.region = "us-east-1", .doc = rv_undef(), .json = doc_json, .json_len = strlen(doc_json)},
        {.region = "eu-west-1", .doc = rv_undef(), .json = doc_json, .json_len = strlen(doc_json)},
    };
    struct res_report *r = res_report_new("osprey", "test");
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_evaluate(c, "123456789012", "aws", in, nregions, svcs, nsvcs, r, &err), OSP_OK);
    return r;
}

static size_t count(const struct res_report *r, const char *id, enum res_status st)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        n += !strcmp(r->findings[i].check_id, id) && r->findings[i].status == st;
    return n;
}

static const struct res_finding *find(const struct res_report *r, const char *id)
{
    for (size_t i = 0; i < r->n_findings; i++)
        if (!strcmp(r->findings[i].check_id, id))
            return &r->findings[i];
    return NULL;
}

static const struct res_control *control(const struct res_report *r, const char *id)
{
    for (size_t i = 0; r->compliance && i < r->compliance->n_controls; i++)
        if (!strcmp(r->compliance->controls[i].id, id))
            return &r->compliance->controls[i];
    return NULL;
}

static void test_global_finding_is_reported_once_with_arn_and_metadata(void)
{
    struct scan_opts o = {0};
    struct osp_err err;
    struct scan_catalog *c = load(&o, OSP_OK, &err);
    CU_ASSERT_FATAL(c != NULL);
    struct res_report *r = evaluate(c, 2, NULL, 0);
    CU_ASSERT_EQUAL(count(r, "AVD-AWS-0141", RES_FAIL), 1); /* root key: iam is in both regions */
    const struct res_finding *f = find(r, "AVD-AWS-0141");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_STRING_EQUAL(f->resource, "arn:aws:iam::123456789012:root");
    CU_ASSERT_STRING_EQUAL(f->region, "global"); /* iam is global: not any one region's */
    CU_ASSERT_STRING_EQUAL(f->service, "iam");
    CU_ASSERT_EQUAL(f->severity, RES_SEV_CRITICAL);
    CU_ASSERT(f->n_frameworks == 2);
    CU_ASSERT_EQUAL(count(r, "AVD-AWS-0092", RES_FAIL), 1); /* only the public bucket */
    CU_ASSERT_EQUAL(count(r, "AVD-AWS-0092", RES_PASS), 0); /* no PASS unless asked */
    res_report_free(r);
    scan_catalog_free(c);
}

static void test_include_non_failures_adds_pass_per_resource(void)
{
    struct scan_opts o = {.include_non_failures = 1};
    struct osp_err err;
    struct scan_catalog *c = load(&o, OSP_OK, &err);
    CU_ASSERT_FATAL(c != NULL);
    struct res_report *r = evaluate(c, 2, NULL, 0);
    CU_ASSERT_EQUAL(count(r, "AVD-AWS-0092", RES_FAIL), 1);
    CU_ASSERT_EQUAL(count(r, "AVD-AWS-0092", RES_PASS), 1); /* priv, once across two regions */
    CU_ASSERT_EQUAL(count(r, "AVD-AWS-0142", RES_PASS), 1); /* root has MFA */
    res_report_free(r);
    scan_catalog_free(c);
}

static void test_compliance_lists_every_control_and_errors_on_failed_service(void)
{
    struct scan_opts o = {.compliance = "aws-cis-1.2"};
    struct osp_err err;
    struct scan_catalog *c = load(&o, OSP_OK, &err);
    CU_ASSERT_FATAL(c != NULL);
    struct res_service svcs[] = {
        {.account = "123456789012",
         .region = "us-east-1",
         .service = "cloudtrail",
         .state = RES_SVC_FAILED,
         .error_code = "AccessDenied",
         .error_message = "no",
         .collected_at = 0},
    };
    struct res_report *r = evaluate(c, 1, svcs, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r->compliance);
    CU_ASSERT_EQUAL(r->compliance->n_controls, 49);
    CU_ASSERT_EQUAL(control(r, "1.12")->status, RES_CTL_FAIL);
    CU_ASSERT_EQUAL(control(r, "1.12")->n_failing, 1);
    CU_ASSERT_EQUAL(control(r, "1.13")->status, RES_CTL_PASS);
    CU_ASSERT_EQUAL(control(r, "1.15")->status, RES_CTL_MANUAL);
    CU_ASSERT_EQUAL(control(r, "2.1")->status, RES_CTL_ERROR); /* cloudtrail failed */
    CU_ASSERT_EQUAL(control(r, "3.1")->status, RES_CTL_ERROR);
    CU_ASSERT_EQUAL(control(r, "2.9")->status, RES_CTL_ERROR); /* ec2 is in no document: not PASS */
    CU_ASSERT(count(r, "AVD-AWS-0014", RES_ERROR) == 1);       /* the gap is a finding too */
    res_report_free(r);
    scan_catalog_free(c);
}

static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
}

static const char *user_check =
    "# METADATA\n# title: Buckets are named by policy\n# custom:\n#   id: USR-0001\n#   severity: HIGH\n"
    "#   input:\n#     selector:\n#       - type: cloud\n#         subtypes:\n#           - service: s3\n"
    "package user.custom\n\nimport rego.v1\n\n"
    "deny contains res if {\n\tsome b in input.aws.s3.buckets\n\tnot startswith(b.name.value, data.naming.prefix)\n"
    "\tres := result.new(sprintf(\"bucket %s is badly named\", [b.name.value]), b)\n}\n";

static void test_custom_check_in_user_namespace_runs_with_its_id(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/osp-scan-test-%d", (int)getpid());
    mkdir(tmpdir, 0700);
    write_file("naming.rego", user_check);
    write_file("naming_test.rego", "package user.custom_test\n\nimport rego.v1\n\ntest_x if true\n");
    write_file("naming.json", "{\"naming\": {\"prefix\": \"pu\"}}");
    const char *paths[] = {tmpdir}, *ns[] = {"user"};
    struct scan_opts o = {.config_checks = paths,
                          .nconfig_checks = 1,
                          .namespaces = ns,
                          .nnamespaces = 1,
                          .data_dirs = paths,
                          .ndata_dirs = 1};
    struct osp_err err;
    struct scan_catalog *c = load(&o, OSP_OK, &err);
    CU_ASSERT_FATAL(c != NULL);
    CU_ASSERT_PTR_NOT_NULL(scan_catalog_find(c, "USR-0001"));
    struct res_report *r = evaluate(c, 1, NULL, 0);
    const struct res_finding *f = find(r, "USR-0001");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->severity, RES_SEV_HIGH);
    CU_ASSERT_STRING_EQUAL(f->resource, "arn:aws:s3:::priv"); /* "pub" has the prefix */
    CU_ASSERT_EQUAL(count(r, "USR-0001", RES_FAIL), 1);
    res_report_free(r);
    scan_catalog_free(c);

    struct scan_opts no_ns = {.config_checks = paths, .nconfig_checks = 1, .data_dirs = paths, .ndata_dirs = 1};
    c = load(&no_ns, OSP_OK, &err);
    CU_ASSERT_FATAL(c != NULL);
    CU_ASSERT_PTR_NULL(scan_catalog_find(c, "USR-0001")); /* user.* runs only when asked for */
    scan_catalog_free(c);
}

static void test_legacy_rego_metadata_names_a_custom_check(void)
{
    write_file("legacy.rego",
               "package user.legacy\n\nimport rego.v1\n\n"
               "__rego_metadata__ := {\"id\": \"LEG-0001\", \"severity\": \"LOW\", \"title\": \"Legacy\"}\n\n"
               "deny contains \"always\" if input.aws.s3\n");
    char path[128];
    snprintf(path, sizeof(path), "%s/legacy.rego", tmpdir);
    const char *paths[] = {path}, *ns[] = {"user"};
    struct scan_opts o = {.config_checks = paths, .nconfig_checks = 1, .namespaces = ns, .nnamespaces = 1};
    struct osp_err err;
    struct scan_catalog *c = load(&o, OSP_OK, &err);
    CU_ASSERT_FATAL(c != NULL);
    const struct scan_check *k = scan_catalog_find(c, "LEG-0001");
    CU_ASSERT_PTR_NOT_NULL_FATAL(k);
    CU_ASSERT_EQUAL(k->severity, RES_SEV_LOW);
    CU_ASSERT_STRING_EQUAL(k->title, "Legacy");
    struct res_report *r = evaluate(c, 1, NULL, 0);
    CU_ASSERT_EQUAL(count(r, "LEG-0001", RES_FAIL), 1); /* a plain string result */
    res_report_free(r);
    scan_catalog_free(c);
    unlink(path);
}

static void test_rego_v0_custom_check_still_loads(void)
{
    write_file("old.rego",
               "package user.old\n\ndeny[msg] {\n\tsome i\n\tinput.aws.s3.buckets[i].name.value == \"pub\"\n"
               "\tmsg := \"v0 syntax\"\n}\n");
    char path[128];
    snprintf(path, sizeof(path), "%s/old.rego", tmpdir);
    const char *paths[] = {path}, *ns[] = {"user"};
    struct scan_opts o = {.config_checks = paths, .nconfig_checks = 1, .namespaces = ns, .nnamespaces = 1};
    struct osp_err err;
    struct scan_catalog *c = load(&o, OSP_OK, &err);
    CU_ASSERT_FATAL(c != NULL);
    struct res_report *r = evaluate(c, 1, NULL, 0);
    CU_ASSERT_EQUAL(count(r, "user.old", RES_FAIL), 1);
    CU_ASSERT_EQUAL(count(r, "AVD-AWS-0141", RES_FAIL), 1); /* built-ins still run in v1 */
    res_report_free(r);
    scan_catalog_free(c);
    unlink(path);
}

static void test_custom_check_syntax_error_names_file_line_col(void)
{
    write_file("broken.rego", "package user.broken\n\nimport rego.v1\n\ndeny contains x if {\n\tx := [1,\n}\n");
    char path[128];
    snprintf(path, sizeof(path), "%s/broken.rego", tmpdir);
    const char *paths[] = {path};
    struct scan_opts o = {.config_checks = paths, .nconfig_checks = 1};
    struct osp_err err;
    struct scan_catalog *c = load(&o, OSP_EPOLICY, &err);
    CU_ASSERT_PTR_NULL(c);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "broken.rego:"));
    CU_ASSERT_EQUAL(osp_exit_code(err.code), 2);
    unlink(path);
}

static void test_unknown_compliance_spec_is_usage_error(void)
{
    struct scan_opts o = {.compliance = "aws-cis-9.9"};
    struct osp_err err;
    CU_ASSERT_PTR_NULL(load(&o, OSP_EUSAGE, &err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "aws-cis-1.2"));
}

static void test_builtin_libs_can_back_a_users_test(void)
{
    struct rego_engine *e;
    struct rego_opts ro;
    scan_rego_opts_init(&ro); /* the lib calls osprey's host builtins (osprey.cwlogs.filter_covers) */
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(rego_engine_new(&ctx, &ro, &e, &err), OSP_OK);
    const char *t = "package u_test\n\nimport rego.v1\n\nimport data.lib.test\n\nok if test.assert_empty([])\n";
    CU_ASSERT_EQUAL(scan_add_builtin_libs(e, &err), OSP_OK);
    CU_ASSERT_EQUAL(rego_add_module(e, "u_test.rego", t, strlen(t), &err), OSP_OK);
    CU_ASSERT_EQUAL_FATAL(rego_compile(e, &err), OSP_OK);
    rv v = rv_undef();
    CU_ASSERT_EQUAL(rego_eval_ref(e, "data.u_test.ok", rv_undef(), &v, &err), OSP_OK);
    CU_ASSERT(rv_is_true(v));
    rv_unref(v);
    rego_engine_free(e);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_builtin_libs_can_back_a_users_test),
    OSP_TEST(test_global_finding_is_reported_once_with_arn_and_metadata),
    OSP_TEST(test_include_non_failures_adds_pass_per_resource),
    OSP_TEST(test_compliance_lists_every_control_and_errors_on_failed_service),
    OSP_TEST(test_custom_check_in_user_namespace_runs_with_its_id),
    OSP_TEST(test_legacy_rego_metadata_names_a_custom_check),
    OSP_TEST(test_rego_v0_custom_check_still_loads),
    OSP_TEST(test_custom_check_syntax_error_names_file_line_col),
    OSP_TEST(test_unknown_compliance_spec_is_usage_error),
    {0},
};

int main(void)
{
    osp_ctx_init(&ctx);
    ctx.log_level = OSP_LOG_ERROR;
    int rc = osp_test_run("scan_evaluate", tests);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "%s/naming.rego", tmpdir);
    unlink(cmd);
    snprintf(cmd, sizeof(cmd), "%s/naming_test.rego", tmpdir);
    unlink(cmd);
    snprintf(cmd, sizeof(cmd), "%s/naming.json", tmpdir);
    unlink(cmd);
    rmdir(tmpdir);
    return rc;
}
