/* fixture.h: small reports shared by the results unit tests. */
#ifndef OSPREY_TESTS_RESULTS_FIXTURE_H
#define OSPREY_TESTS_RESULTS_FIXTURE_H

#include "results/result.h"

/* Add one FAIL finding; returns the add result. */
static inline enum osp_code fx_add(struct res_report *r, const char *id, enum res_severity sev, const char *service,
                                   const char *region, const char *arn)
{
    static const char *refs[] = {"https://example.com/docs/check"};
    struct res_fw_ref fw[] = {{"cis-aws-1.2", "2.1"}, {"cis-aws-1.4", "3.1"}};
    struct res_finding f = {.check_id = id,
                            .title = "A test check",
                            .description = "What the check looks for.",
                            .severity = sev,
                            .status = RES_FAIL,
                            .service = service,
                            .region = region,
                            .account = "123456789012",
                            .resource = arn,
                            .message = "Resource is misconfigured",
                            .resolution = "Fix the setting",
                            .references = refs,
                            .n_references = 1,
                            .frameworks = fw,
                            .n_frameworks = 2};
    struct osp_err err;
    osp_err_init(&err);
    return res_report_add_finding(r, &f, &err);
}

/* The acceptance matrix report: {1 HIGH, 2 LOW}. */
static inline struct res_report *fx_matrix(void)
{
    struct res_report *r = res_report_new("osprey", "0.1.0");
    if (!r)
        return NULL;
    if (fx_add(r, "AVD-AWS-0086", RES_SEV_HIGH, "s3", "us-east-1", "arn:aws:s3:::bucket-a") ||
        fx_add(r, "AVD-AWS-0090", RES_SEV_LOW, "s3", "us-east-1", "arn:aws:s3:::bucket-a") ||
        fx_add(r, "AVD-AWS-0090", RES_SEV_LOW, "s3", "us-east-1", "arn:aws:s3:::bucket-b")) {
        res_report_free(r);
        return NULL;
    }
    res_report_sort(r);
    return r;
}

#endif
