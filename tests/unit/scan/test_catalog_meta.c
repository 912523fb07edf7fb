/* test_catalog_meta.c: METADATA -> struct scan_check, the compliance specs, and the consistency
 * of the embedded catalog (every check has METADATA, an id, frameworks that match the specs,
 * and a _test.rego beside it in the source tree). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "osp_test.h"
#include "scan/embed.h"
#include "scan/scan_int.h"

static const char *module = "# METADATA\n"
                            "# title: Root has MFA\n"
                            "# description: |\n"
                            "#   Long text\n"
                            "#   on two lines.\n"
                            "# related_resources:\n"
                            "#   - https://example.com/a\n"
                            "# custom:\n"
                            "#   id: AVD-AWS-0142\n"
                            "#   avd_id: AVD-AWS-0142\n"
                            "#   severity: critical\n"
                            "#   short_code: enforce-root-mfa\n"
                            "#   recommended_action: Add MFA.\n"
                            "#   frameworks:\n"
                            "#     cis-aws-1.4:\n"
                            "#       - \"1.5\"\n"
                            "#     cis-aws-1.2:\n"
                            "#       - \"1.13\"\n"
                            "#   input:\n"
                            "#     selector:\n"
                            "#       - type: cloud\n"
                            "#         subtypes:\n"
                            "#           - service: iam\n"
                            "#             provider: aws\n"
                            "#           - service: s3\n"
                            "#             provider: aws\n"
                            "package builtin.aws.iam.aws0142\n\nimport rego.v1\n";

static void test_metadata_maps_to_check(void)
{
    struct scan_pool pool = {0};
    struct scan_check c;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_check_from_module(&pool, "x.rego", module, 1, &c, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(c.id, "AVD-AWS-0142");
    CU_ASSERT_STRING_EQUAL(c.title, "Root has MFA");
    CU_ASSERT_STRING_EQUAL(c.description, "Long text\non two lines.\n"); /* literal block */
    CU_ASSERT_EQUAL(c.severity, RES_SEV_CRITICAL);
    CU_ASSERT_STRING_EQUAL(c.service, "iam"); /* no custom.service: first selector subtype */
    CU_ASSERT_EQUAL(c.nservices, 2);
    CU_ASSERT_STRING_EQUAL(c.package, "builtin.aws.iam.aws0142");
    CU_ASSERT_EQUAL_FATAL(c.nframeworks, 2);
    CU_ASSERT_STRING_EQUAL(c.frameworks[0].framework, "cis-aws-1.2"); /* sorted */
    CU_ASSERT_STRING_EQUAL(c.frameworks[0].id, "1.13");
    CU_ASSERT_EQUAL_FATAL(c.nreferences, 1);
    CU_ASSERT_STRING_EQUAL(c.references[0], "https://example.com/a");
    scan_pool_free(&pool);
}

static void test_module_without_metadata_is_named_by_package(void)
{
    struct scan_pool pool = {0};
    struct scan_check c;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(
        scan_check_from_module(&pool, "u.rego", "package user.custom\n\ndeny contains \"x\" if true\n", 0, &c, &err),
        OSP_OK);
    CU_ASSERT_STRING_EQUAL(c.id, "user.custom");
    CU_ASSERT_EQUAL(c.severity, RES_SEV_UNKNOWN);
    scan_pool_free(&pool);
}

static void test_bad_metadata_yaml_is_a_policy_error(void)
{
    struct scan_pool pool = {0};
    struct scan_check c;
    struct osp_err err;
    osp_err_init(&err);
    const char *bad = "# METADATA\n# title: [unclosed\npackage p\n";
    CU_ASSERT_NOT_EQUAL(scan_check_from_module(&pool, "b.rego", bad, 0, &c, &err), OSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "b.rego"));
    scan_pool_free(&pool);
}

/* METADATA above the first deny rule names a check whose package has none; `library: true` in
 * custom marks a helper module. Both come from the parsed module, not from the text. */
static void test_rule_metadata_and_library_flag_come_from_the_module(void)
{
    struct scan_pool pool = {0};
    struct scan_check c;
    struct osp_err err;
    osp_err_init(&err);
    const char *rule_meta = "package user.r\n\nimport rego.v1\n\n"
                            "# METADATA\n# title: Rule title\n# custom:\n#   id: USER-R-1\n#   severity: LOW\n"
                            "deny contains \"x\" if true\n";
    CU_ASSERT_EQUAL_FATAL(scan_check_from_module(&pool, "r.rego", rule_meta, 0, &c, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(c.id, "USER-R-1");
    CU_ASSERT_STRING_EQUAL(c.title, "Rule title");
    CU_ASSERT_EQUAL(c.severity, RES_SEV_LOW);
    /* the words "library: true" in a string are not METADATA */
    const char *text_only = "package user.t\n\nimport rego.v1\n\nnote := \"library: true\"\n";
    CU_ASSERT_EQUAL_FATAL(scan_check_from_module(&pool, "t.rego", text_only, 0, &c, &err), OSP_OK);
    CU_ASSERT_STRING_EQUAL(c.package, "user.t");
    scan_pool_free(&pool);
}

static void load_spec(struct scan_pool *pool, const char *name, struct scan_spec *spec)
{
    const struct scan_embedded *e = scan_embedded_find(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(scan_spec_parse(pool, e->data, e->len, name, spec, &err), OSP_OK);
}

static int is_manual(const struct scan_spec *s, const char *id)
{
    for (size_t i = 0; i < s->ncontrols; i++)
        if (!strcmp(s->controls[i].id, id))
            return s->controls[i].manual;
    return -1;
}

static void test_cis12_spec_lists_all_49_controls_in_order(void)
{
    struct scan_pool pool = {0};
    struct scan_spec s;
    load_spec(&pool, "checks/compliance/aws-cis-1.2.yaml", &s);
    CU_ASSERT_STRING_EQUAL(s.id, "aws-cis-1.2");
    CU_ASSERT_EQUAL_FATAL(s.ncontrols, 49);
    CU_ASSERT_STRING_EQUAL(s.controls[0].id, "1.1");
    CU_ASSERT_STRING_EQUAL(s.controls[9].id, "1.10");
    CU_ASSERT_STRING_EQUAL(s.controls[22].id, "2.1");
    CU_ASSERT_STRING_EQUAL(s.controls[48].id, "4.4");
    CU_ASSERT_EQUAL(is_manual(&s, "1.15"), 1);
    CU_ASSERT_EQUAL(is_manual(&s, "1.17"), 1);
    CU_ASSERT_EQUAL(is_manual(&s, "4.4"), 1);
    CU_ASSERT_EQUAL(is_manual(&s, "1.14"), 0); /* Trivy's spec leaves hardware MFA out */
    CU_ASSERT_EQUAL(is_manual(&s, "1.18"), 0);
    CU_ASSERT_EQUAL(is_manual(&s, "1.19"), 1); /* Not Scored: instance roles are a design judgement */
    size_t manual = 0, alarms = 0;
    for (size_t i = 0; i < s.ncontrols; i++) {
        manual += s.controls[i].manual;
        alarms += s.controls[i].account_scope;
        CU_ASSERT(!strcmp(s.controls[i].level, "1") || !strcmp(s.controls[i].level, "2"));
        CU_ASSERT(!strcmp(s.controls[i].assessment, "Scored") || !strcmp(s.controls[i].assessment, "Not Scored"));
    }
    CU_ASSERT_EQUAL(manual, 4);
    CU_ASSERT_EQUAL(alarms, 14); /* 3.1-3.14 follow the trail's log group */
    scan_pool_free(&pool);
}

static void test_cis14_spec_lists_all_58_controls(void)
{
    struct scan_pool pool = {0};
    struct scan_spec s;
    load_spec(&pool, "checks/compliance/aws-cis-1.4.yaml", &s);
    CU_ASSERT_EQUAL_FATAL(s.ncontrols, 58);
    CU_ASSERT_STRING_EQUAL(s.controls[21].id, "2.1.1");
    CU_ASSERT_EQUAL(is_manual(&s, "2.3.1"), 0); /* AVD-AWS-0080: NOT EVALUATED while not in the catalog */
    CU_ASSERT_EQUAL(is_manual(&s, "1.2"), 1);   /* security contact: Manual in CIS 1.4 */
    CU_ASSERT_EQUAL(is_manual(&s, "5.2"), 0);
    CU_ASSERT_EQUAL(is_manual(&s, "1.18"), 1); /* CIS 1.4 classes it Manual */
    size_t alarms = 0, automated = 0;
    for (size_t i = 0; i < s.ncontrols; i++) {
        alarms += s.controls[i].account_scope;
        automated += !strcmp(s.controls[i].assessment, "Automated");
        CU_ASSERT(!strcmp(s.controls[i].level, "1") || !strcmp(s.controls[i].level, "2"));
    }
    CU_ASSERT_EQUAL(alarms, 15); /* 4.1-4.15 */
    CU_ASSERT_EQUAL(automated, 51); /* 7 of 58 are Manual in CIS 1.4 */
    for (size_t i = 0; i < s.ncontrols; i++)
        if (!strcmp(s.controls[i].id, "2.2.1"))
            CU_ASSERT_STRING_EQUAL(s.controls[i].name, "Ensure EBS Volume Encryption is Enabled in all Regions");
    scan_pool_free(&pool);
}

static const struct scan_control *control(const struct scan_spec *s, const char *id)
{
    for (size_t i = 0; i < s->ncontrols; i++)
        if (!strcmp(s->controls[i].id, id))
            return &s->controls[i];
    return NULL;
}

/* The control's checks, space-separated ("" for none). */
static const char *checks_of(const struct scan_spec *s, const char *id, char *buf, size_t len)
{
    const struct scan_control *c = control(s, id);
    size_t n = 0;
    buf[0] = '\0';
    for (size_t k = 0; c && k < c->nchecks && n < len; k++)
        n += (size_t)snprintf(buf + n, len - n, "%s%s", k ? " " : "", c->checks[k]);
    return c ? buf : "(no such control)";
}

/* Count a spec's Automated, manual and alarm-chain controls, asserting each control's classes:
 * level 1 or 2; Manual in CIS is MANUAL here, with a note; Automated is decided by checks. */
static void count_classes(const struct scan_spec *s, size_t *automated, size_t *manual, size_t *alarms)
{
    for (size_t k = 0; k < s->ncontrols; k++) {
        const struct scan_control *c = &s->controls[k];
        *automated += !strcmp(c->assessment, "Automated");
        *alarms += c->account_scope;
        *manual += c->manual;
        CU_ASSERT(!strcmp(c->level, "1") || !strcmp(c->level, "2"));
        if (!strcmp(c->assessment, "Manual"))
            CU_ASSERT(c->manual && *c->note);
        if (!strcmp(c->assessment, "Automated"))
            CU_ASSERT(!c->manual && c->nchecks > 0);
    }
}

/* CIS 2.0.0 and 3.0.0: every recommendation in order, the benchmark's classes, the batch-1
 * controls on the check ids being written for them. */
static void test_cis20_and_30_specs_list_every_control(void)
{
    static const struct {
        const char *path, *id, *last, *imds;
        size_t n, automated, alarms;
        int efs_manual;
    } v[] = {{"checks/compliance/aws-cis-2.0.yaml", "aws-cis-2.0", "5.6", "5.6", 64, 55, 15, 1},
             {"checks/compliance/aws-cis-3.0.yaml", "aws-cis-3.0", "5.6", "5.6", 62, 54, 15, 0}};
    char b[200];
    for (size_t i = 0; i < 2; i++) {
        struct scan_pool pool = {0};
        struct scan_spec s;
        load_spec(&pool, v[i].path, &s);
        CU_ASSERT_STRING_EQUAL(s.id, v[i].id);
        CU_ASSERT_EQUAL_FATAL(s.ncontrols, v[i].n);
        CU_ASSERT_STRING_EQUAL(s.controls[0].id, "1.1");
        CU_ASSERT_STRING_EQUAL(s.controls[9].id, "1.10");
        CU_ASSERT_STRING_EQUAL(s.controls[v[i].n - 1].id, v[i].last);
        size_t automated = 0, alarms = 0, manual = 0;
        count_classes(&s, &automated, &manual, &alarms);
        CU_ASSERT_EQUAL(automated, v[i].automated);
        CU_ASSERT_EQUAL(manual, v[i].n - v[i].automated);
        CU_ASSERT_EQUAL(alarms, v[i].alarms); /* 4.1-4.15 follow the trail's log group */
        CU_ASSERT_STRING_EQUAL(checks_of(&s, "2.3.1", b, sizeof(b)), "AVD-AWS-0080");
        CU_ASSERT_STRING_EQUAL(checks_of(&s, "2.3.2", b, sizeof(b)), "OSP-AWS-0010");
        CU_ASSERT_STRING_EQUAL(checks_of(&s, "2.3.3", b, sizeof(b)), "AVD-AWS-0180");
        CU_ASSERT_STRING_EQUAL(checks_of(&s, "2.4.1", b, sizeof(b)), "AVD-AWS-0037");
        CU_ASSERT_EQUAL(is_manual(&s, "2.4.1"), v[i].efs_manual); /* Manual in 2.0, Automated in 3.0 */
        CU_ASSERT_STRING_EQUAL(checks_of(&s, "4.16", b, sizeof(b)), "OSP-AWS-0030");
        CU_ASSERT_STRING_EQUAL(checks_of(&s, "5.2", b, sizeof(b)), "OSP-AWS-0040");
        CU_ASSERT_STRING_EQUAL(checks_of(&s, "5.3", b, sizeof(b)), "OSP-AWS-0041");
        CU_ASSERT_STRING_EQUAL(checks_of(&s, v[i].imds, b, sizeof(b)), "AVD-AWS-0028");
        CU_ASSERT_EQUAL(is_manual(&s, "1.22"), 1);
        CU_ASSERT_STRING_EQUAL(checks_of(&s, "1.22", b, sizeof(b)), "OSP-AWS-0042");
        scan_pool_free(&pool);
    }
}

/* CIS 7.0.0: 70 recommendations (34 Automated, 36 Manual) from 2.1.1 to 6.8, the Organizations
 * section 2.1.x, the monitoring section 5.1-5.15 Manual (alarm checks as evidence), CIFS 6.1.2 and
 * the resource-policy evidence of 2.21 on the checks written for them. */
static void test_cis70_spec_lists_every_control(void)
{
    struct scan_pool pool = {0};
    struct scan_spec s;
    char b[200];
    load_spec(&pool, "checks/compliance/aws-cis-7.0.yaml", &s);
    CU_ASSERT_STRING_EQUAL(s.id, "aws-cis-7.0");
    CU_ASSERT_EQUAL_FATAL(s.ncontrols, 70);
    CU_ASSERT_STRING_EQUAL(s.controls[0].id, "2.1.1");
    CU_ASSERT_STRING_EQUAL(s.controls[6].id, "2.2");
    CU_ASSERT_STRING_EQUAL(s.controls[69].id, "6.8");
    size_t automated = 0, manual = 0, alarms = 0;
    count_classes(&s, &automated, &manual, &alarms);
    CU_ASSERT_EQUAL(alarms, 15); /* 5.1-5.15: Manual, their alarm-chain evidence judged as in 3.0 */
    CU_ASSERT_EQUAL(automated, 34);
    CU_ASSERT_EQUAL(manual, 36);
    CU_ASSERT_STRING_EQUAL(checks_of(&s, "6.1.2", b, sizeof(b)), "OSP-AWS-0043");
    CU_ASSERT_STRING_EQUAL(checks_of(&s, "2.16", b, sizeof(b)), "OSP-AWS-0002");
    CU_ASSERT_EQUAL(is_manual(&s, "2.16"), 0); /* Manual in 3.0 (1.18), Automated in 7.0 */
    CU_ASSERT_EQUAL(is_manual(&s, "5.1"), 1);
    CU_ASSERT_STRING_EQUAL(checks_of(&s, "5.1", b, sizeof(b)), "AVD-AWS-0147");
    CU_ASSERT_EQUAL(is_manual(&s, "2.1.5"), 1);
    CU_ASSERT_STRING_EQUAL(checks_of(&s, "2.1.5", b, sizeof(b)), "OSP-AWS-0093");
    CU_ASSERT_PTR_NOT_NULL(strstr(checks_of(&s, "2.21", b, sizeof(b)), "OSP-AWS-0092"));
    CU_ASSERT_STRING_EQUAL(checks_of(&s, "5.16", b, sizeof(b)), "OSP-AWS-0030");
    scan_pool_free(&pool);
}

/* Every embedded check: METADATA with an id, a known severity, a service, a _test.rego. */
static void test_every_builtin_check_has_metadata_id_and_tests(void)
{
    const char *src = getenv("OSPREY_SOURCE_DIR");
    size_t nchecks = 0;
    for (const struct scan_embedded *e = scan_embedded_files; e->path; e++) {
        if (strncmp(e->path, "checks/aws/", 11))
            continue;
        nchecks++;
        struct scan_pool pool = {0};
        struct scan_check c;
        struct osp_err err;
        osp_err_init(&err);
        CU_ASSERT_EQUAL_FATAL(scan_check_from_module(&pool, e->path, e->data, 1, &c, &err), OSP_OK);
        if (strncmp(c.id, "AVD-AWS-", 8) && strncmp(c.id, "OSP-AWS-", 8))
            CU_FAIL(e->path);
        CU_ASSERT_NOT_EQUAL(c.severity, RES_SEV_UNKNOWN);
        CU_ASSERT(*c.service && *c.title && *c.recommended_action);
        if (src) {
            char test[512];
            snprintf(test, sizeof(test), "%s/%.*s_test.rego", src, (int)(strlen(e->path) - 5), e->path);
            if (access(test, R_OK) != 0)
                CU_FAIL(test);
        }
        scan_pool_free(&pool);
    }
    CU_ASSERT(nchecks >= 80);
}

/* Checks of the services batch (issue 13) that the CIS specs name before their collectors land:
 * while absent the control is NOT EVALUATED; once present they need not carry the framework tag. */
static int batch1_check(const char *id)
{
    static const char *const ids[] = {"AVD-AWS-0080", "AVD-AWS-0180", "AVD-AWS-0037", "OSP-AWS-0010", "OSP-AWS-0030",
                                      NULL};
    for (size_t i = 0; ids[i]; i++)
        if (!strcmp(ids[i], id))
            return 1;
    return 0;
}

/* Each spec control's checks exist and carry that control id in their METADATA frameworks. */
static void spec_matches_metadata(const char *spec_path, const char *framework)
{
    struct scan_pool pool = {0};
    struct scan_spec s;
    load_spec(&pool, spec_path, &s);
    for (size_t i = 0; i < s.ncontrols; i++) {
        for (size_t k = 0; k < s.controls[i].nchecks; k++) {
            int found = 0;
            for (const struct scan_embedded *e = scan_embedded_files; e->path && !found; e++) {
                struct scan_check c;
                struct osp_err err;
                osp_err_init(&err);
                if (strncmp(e->path, "checks/aws/", 11) ||
                    scan_check_from_module(&pool, e->path, e->data, 1, &c, &err) ||
                    strcmp(c.id, s.controls[i].checks[k]))
                    continue;
                for (size_t f = 0; f < c.nframeworks; f++)
                    found |=
                        !strcmp(c.frameworks[f].framework, framework) && !strcmp(c.frameworks[f].id, s.controls[i].id);
            }
            if (!found && !batch1_check(s.controls[i].checks[k]))
                CU_FAIL(s.controls[i].checks[k]);
        }
    }
    scan_pool_free(&pool);
}

/* And back: a check claiming control X of a framework is listed under X in that spec. */
static void metadata_matches_spec(const char *spec_path, const char *framework)
{
    struct scan_pool pool = {0};
    struct scan_spec s;
    load_spec(&pool, spec_path, &s);
    for (const struct scan_embedded *e = scan_embedded_files; e->path; e++) {
        struct scan_check c;
        struct osp_err err;
        osp_err_init(&err);
        if (strncmp(e->path, "checks/aws/", 11) || scan_check_from_module(&pool, e->path, e->data, 1, &c, &err))
            continue;
        for (size_t f = 0; f < c.nframeworks; f++) {
            if (strcmp(c.frameworks[f].framework, framework))
                continue;
            int listed = 0;
            for (size_t i = 0; i < s.ncontrols && !listed; i++)
                for (size_t k = 0; k < s.controls[i].nchecks && !strcmp(s.controls[i].id, c.frameworks[f].id); k++)
                    listed |= !strcmp(s.controls[i].checks[k], c.id);
            if (!listed)
                CU_FAIL(c.id);
        }
    }
    scan_pool_free(&pool);
}

static void test_specs_match_check_metadata(void)
{
    spec_matches_metadata("checks/compliance/aws-cis-1.2.yaml", "cis-aws-1.2");
    spec_matches_metadata("checks/compliance/aws-cis-1.4.yaml", "cis-aws-1.4");
    metadata_matches_spec("checks/compliance/aws-cis-1.2.yaml", "cis-aws-1.2");
    metadata_matches_spec("checks/compliance/aws-cis-1.4.yaml", "cis-aws-1.4");
    metadata_matches_spec("checks/compliance/aws-cis-2.0.yaml", "cis-aws-2.0");
    metadata_matches_spec("checks/compliance/aws-cis-3.0.yaml", "cis-aws-3.0");
    metadata_matches_spec("checks/compliance/aws-cis-7.0.yaml", "cis-aws-7.0");
}

static void test_lib_modules_are_embedded_and_tests_are_not(void)
{
    CU_ASSERT_PTR_NOT_NULL(scan_embedded_find("checks/lib/aws_iam.rego"));
    CU_ASSERT_PTR_NOT_NULL(scan_embedded_find("checks/lib/cloud_metadata.rego"));
    for (const struct scan_embedded *e = scan_embedded_files; e->path; e++)
        CU_ASSERT_PTR_NULL(strstr(e->path, "_test.rego"));
}

static const struct osp_test tests[] = {
    OSP_TEST(test_metadata_maps_to_check),
    OSP_TEST(test_rule_metadata_and_library_flag_come_from_the_module),
    OSP_TEST(test_module_without_metadata_is_named_by_package),
    OSP_TEST(test_bad_metadata_yaml_is_a_policy_error),
    OSP_TEST(test_cis12_spec_lists_all_49_controls_in_order),
    OSP_TEST(test_cis14_spec_lists_all_58_controls),
    OSP_TEST(test_cis20_and_30_specs_list_every_control),
    OSP_TEST(test_cis70_spec_lists_every_control),
    OSP_TEST(test_every_builtin_check_has_metadata_id_and_tests),
    OSP_TEST(test_specs_match_check_metadata),
    OSP_TEST(test_lib_modules_are_embedded_and_tests_are_not),
    {0},
};

int main(void)
{
    return osp_test_run("scan_catalog_meta", tests);
}
