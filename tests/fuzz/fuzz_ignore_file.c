/* fuzz_ignore_file.c: fuzz target for the ignore file (.ospreyignore / .trivyignore).
 *
 * The input is one ignore file. It is parsed with res_ignore_parse; every rule is then applied to
 * a report holding FAIL findings for the rule's own ID on a few resource ARNs (and on the rule's
 * first glob as a resource, so the glob matcher sees long and odd subjects too), at a time before
 * and after each expiry. Invariants: a failure names file:line; every rule has an ID, a reason
 * string and a location; res_ignore_apply ignores exactly the findings res_ignore_match covers,
 * each with a non-empty reason; PASS findings are never touched.
 */
#include <stdint.h>

#include "fuzz_util.h"
#include "results/ignore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_RULES_APPLIED 32

static const char *const arns[] = {
    "arn:aws:s3:::logs-2024",
    "arn:aws:iam::123456789012:user/ci/deploy",
    "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0",
    "",
};

static int add(struct res_report *r, const char *id, const char *resource, enum res_status st)
{
    struct res_finding f = {.check_id = id,
                            .title = "t",
                            .severity = RES_SEV_HIGH,
                            .status = st,
                            .service = "s3",
                            .region = "us-east-1",
                            .account = "123456789012",
                            .resource = resource,
                            .message = "m"};
    struct osp_err err;
    osp_err_init(&err);
    return res_report_add_finding(r, &f, &err) == OSP_OK;
}

static void apply_at(const struct res_ignore *ig, time_t now)
{
    size_t log_lines = 0;
    struct osp_ctx ctx;
    fuzz_ctx(&ctx, &log_lines);
    ctx.fixed_now = now;
    struct res_report *r = res_report_new("osprey", "fuzz");
    if (!r)
        return;
    for (size_t i = 0; i < ig->n_rules && i < MAX_RULES_APPLIED; i++) {
        const struct res_ignore_rule *rule = &ig->rules[i];
        for (size_t a = 0; a < sizeof(arns) / sizeof(arns[0]); a++)
            if (!add(r, rule->id, arns[a], RES_FAIL))
                goto out;
        if (rule->n_globs && !add(r, rule->id, rule->globs[0], RES_FAIL))
            goto out;
        if (!add(r, rule->id, arns[0], RES_PASS))
            goto out;
    }
    size_t expect = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        expect += r->findings[i].status == RES_FAIL && res_ignore_match(ig, &r->findings[i], now) != NULL;
    size_t got = res_ignore_apply(&ctx, ig, r);
    FUZZ_CHECK(got == expect);
    size_t ignored = 0;
    for (size_t i = 0; i < r->n_findings; i++) {
        const struct res_finding *f = &r->findings[i];
        if (f->status == RES_IGNORED) {
            FUZZ_CHECK(f->ignore_reason && f->ignore_reason[0]);
            ignored++;
        }
    }
    FUZZ_CHECK(ignored == got);
out:
    res_report_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_note_input(data, size);
    struct res_ignore *ig = NULL;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = res_ignore_parse((const char *)data, size, ".ospreyignore", &ig, &err);
    if (rc != OSP_OK) {
        FUZZ_CHECK(ig == NULL && err.code == rc && err.msg[0]);
        FUZZ_CHECK(rc == OSP_ENOMEM || strncmp(err.msg, ".ospreyignore:", 14) == 0);
        return 0;
    }
    FUZZ_CHECK(ig != NULL);
    for (size_t i = 0; i < ig->n_rules; i++) {
        const struct res_ignore_rule *rule = &ig->rules[i];
        FUZZ_CHECK(rule->id && rule->id[0] && rule->reason && rule->where && rule->where[0]);
        for (size_t g = 0; g < rule->n_globs; g++)
            FUZZ_CHECK(rule->globs[g] != NULL);
    }
    apply_at(ig, FUZZ_NOW);
    for (size_t i = 0; i < ig->n_rules && i < 4; i++)
        if (ig->rules[i].expires) {
            apply_at(ig, ig->rules[i].expires - 1);
            apply_at(ig, ig->rules[i].expires);
        }
    res_ignore_free(ig);
    return 0;
}
