/* asff.c: AWS Security Finding Format, as AWS Security Hub's BatchImportFindings takes it.
 *
 * A JSON array (the value of `aws securityhub batch-import-findings --findings file://F`; the API
 * takes at most 100 per call) with one finding per check and resource: FAIL -> Compliance.Status
 * FAILED, PASS (with --include-non-failures) -> PASSED, ERROR -> NOT_AVAILABLE, IGNORED -> FAILED
 * with Workflow.Status SUPPRESSED and the reason as a note. Severity.Label is the osprey severity
 * (UNKNOWN -> INFORMATIONAL). The product is the account's default product
 * (arn:<partition>:securityhub:<region>:<account>:product/<account>/default). Id is stable
 * across runs (osprey/<check>/<SHA-256 of account, region, resource>) so a re-import updates the
 * finding; CreatedAt/UpdatedAt are the collection time, so the same state gives the same bytes.
 */
#include <string.h>

#include "core/timeutil.h"
#include "formats/fmt_int.h"
#include "formats/format.h"

#define ASFF_TYPE "Software and Configuration Checks/AWS Security Best Practices"
#define ASFF_MAX_REQUIREMENTS 32
#define ASFF_MAX_TITLE 256
#define ASFF_MAX_DESCRIPTION 1024
#define ASFF_MAX_TEXT 512

/* Region names look like us-east-1; "global" or "" are not regions. */
static int is_region(const char *s)
{
    return *s && strcmp(s, "global") && strchr(s, '-');
}

static const char *finding_region(const struct res_report *r, const struct res_finding *f)
{
    if (is_region(f->region))
        return f->region;
    for (size_t i = 0; i < r->n_regions; i++)
        if (is_region(r->regions[i]))
            return r->regions[i];
    return "us-east-1";
}

/* ASFF resource type from the ARN: a few exact types, Other for the rest. */
static const char *resource_type(const struct res_finding *f)
{
    static const struct {
        const char *service, *prefix, *type;
    } types[] = {
        {"s3", "", "AwsS3Bucket"},
        {"iam", "user/", "AwsIamUser"},
        {"iam", "role/", "AwsIamRole"},
        {"iam", "group/", "AwsIamGroup"},
        {"iam", "policy/", "AwsIamPolicy"},
        {"ec2", "security-group/", "AwsEc2SecurityGroup"},
        {"ec2", "instance/", "AwsEc2Instance"},
        {"ec2", "volume/", "AwsEc2Volume"},
        {"ec2", "vpc/", "AwsEc2Vpc"},
        {"kms", "key/", "AwsKmsKey"},
        {"cloudtrail", "trail/", "AwsCloudTrailTrail"},
        {"rds", "db:", "AwsRdsDbInstance"},
        {"lambda", "function:", "AwsLambdaFunction"},
        {"sns", "", "AwsSnsTopic"},
        {"sqs", "", "AwsSqsQueue"},
    };
    if (!*f->resource)
        return "AwsAccount";
    const char *res = fmt_arn_resource(f->resource);
    char svc[32];
    if (strncmp(f->resource, "arn:", 4) || sscanf(f->resource, "arn:%*[^:]:%31[^:]:", svc) != 1)
        return "Other";
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (!strcmp(svc, types[i].service) && !strncmp(res, types[i].prefix, strlen(types[i].prefix)) &&
            (*types[i].prefix || !strchr(res, '/')))
            return types[i].type;
    return "Other";
}

static const char *compliance_status(enum res_status st)
{
    return st == RES_PASS ? "PASSED" : st == RES_ERROR ? "NOT_AVAILABLE" : "FAILED";
}

/* s cut to at most max bytes, never inside a UTF-8 sequence. */
static json_t *bounded(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return json_string(s);
    while (n > max || (n && ((unsigned char)s[n] & 0xC0) == 0x80))
        n--;
    return json_stringn(s, n);
}

static json_t *resources_json(const struct res_report *r, const struct res_finding *f, const char *region, int *bad)
{
    json_t *arr = fmt_jarr(bad), *res = fmt_jobj(bad);
    struct osp_buf id;
    osp_buf_init(&id, 0);
    if (*f->resource ? osp_buf_adds(&id, f->resource) : osp_buf_addf(&id, "AWS::::Account:%s", f->account))
        *bad = 1;
    fmt_jstr(res, "Type", resource_type(f), bad);
    fmt_jset(res, "Id", bounded(osp_buf_str(&id), ASFF_MAX_TEXT), bad);
    fmt_jstr(res, "Partition", *r->partition ? r->partition : "aws", bad);
    fmt_jstr(res, "Region", region, bad);
    fmt_jpush(arr, res, bad);
    osp_buf_cleanup(&id);
    return arr;
}

static json_t *compliance_json(const struct res_finding *f, int *bad)
{
    json_t *c = fmt_jobj(bad);
    fmt_jstr(c, "Status", compliance_status(f->status), bad);
    if (f->n_frameworks) {
        json_t *reqs = fmt_jarr(bad);
        char buf[160];
        for (size_t i = 0; i < f->n_frameworks && i < ASFF_MAX_REQUIREMENTS; i++) {
            snprintf(buf, sizeof(buf), "%s %s", f->frameworks[i].framework, f->frameworks[i].id);
            fmt_jpush(reqs, json_string(buf), bad);
        }
        fmt_jset(c, "RelatedRequirements", reqs, bad);
    }
    return c;
}

static json_t *remediation_json(const struct res_finding *f, int *bad)
{
    json_t *rem = fmt_jobj(bad), *rec = fmt_jobj(bad);
    fmt_jset(rec, "Text", bounded(*f->resolution ? f->resolution : "See the references.", ASFF_MAX_TEXT), bad);
    for (size_t i = 0; i < f->n_references; i++)
        if (!strncmp(f->references[i], "https://", 8) || !strncmp(f->references[i], "http://", 7)) {
            fmt_jstr(rec, "Url", f->references[i], bad);
            break;
        }
    fmt_jset(rem, "Recommendation", rec, bad);
    return rem;
}

static json_t *finding_json(const struct res_report *r, const struct res_finding *f, const char *when, int *bad)
{
    json_t *o = fmt_jobj(bad), *types = fmt_jarr(bad), *sev = fmt_jobj(bad);
    const char *region = finding_region(r, f);
    const char *partition = *r->partition ? r->partition : "aws";
    struct osp_buf b;
    osp_buf_init(&b, 0);
    fmt_jstr(o, "SchemaVersion", "2018-10-08", bad);
    if (osp_buf_addf(&b, "osprey/%s/%s", f->check_id, f->fingerprint)) /* unique per finding */
        *bad = 1;
    fmt_jset(o, "Id", bounded(osp_buf_str(&b), ASFF_MAX_TEXT), bad);
    osp_buf_reset(&b);
    if (osp_buf_addf(&b, "arn:%s:securityhub:%s:%s:product/%s/default", partition, region, f->account, f->account))
        *bad = 1;
    fmt_jstr(o, "ProductArn", osp_buf_str(&b), bad);
    fmt_jstr(o, "ProductName", "osprey", bad);
    fmt_jstr(o, "CompanyName", "osprey", bad);
    osp_buf_reset(&b);
    if (osp_buf_addf(&b, "osprey/%s", f->check_id))
        *bad = 1;
    fmt_jstr(o, "GeneratorId", osp_buf_str(&b), bad);
    fmt_jstr(o, "AwsAccountId", f->account, bad);
    fmt_jpush(types, json_string(ASFF_TYPE), bad);
    fmt_jset(o, "Types", types, bad);
    fmt_jstr(o, "CreatedAt", when, bad);
    fmt_jstr(o, "UpdatedAt", when, bad);
    fmt_jstr(sev, "Label", f->severity == RES_SEV_UNKNOWN ? "INFORMATIONAL" : res_severity_name(f->severity), bad);
    fmt_jstr(sev, "Original", res_severity_name(f->severity), bad);
    fmt_jset(o, "Severity", sev, bad);
    fmt_jset(o, "Title", bounded(*f->title ? f->title : f->check_id, ASFF_MAX_TITLE), bad);
    osp_buf_reset(&b);
    const char *first = *f->message ? f->message : f->title;
    size_t len = strlen(first);
    int stop = len && strchr(".!?", first[len - 1]);
    if (osp_buf_addf(&b, "%s%s%s", first, !*f->description ? "" : stop ? " " : ". ", f->description))
        *bad = 1;
    fmt_jset(o, "Description", bounded(osp_buf_str(&b), ASFF_MAX_DESCRIPTION), bad);
    fmt_jset(o, "Remediation", remediation_json(f, bad), bad);
    fmt_jset(o, "Resources", resources_json(r, f, region, bad), bad);
    fmt_jset(o, "Compliance", compliance_json(f, bad), bad);
    if (f->status == RES_IGNORED) {
        json_t *wf = fmt_jobj(bad), *note = fmt_jobj(bad);
        fmt_jstr(wf, "Status", "SUPPRESSED", bad);
        fmt_jset(o, "Workflow", wf, bad);
        fmt_jset(note, "Text", bounded(*f->ignore_reason ? f->ignore_reason : "ignored", ASFF_MAX_TEXT), bad);
        fmt_jstr(note, "UpdatedBy", "osprey", bad);
        fmt_jstr(note, "UpdatedAt", when, bad);
        fmt_jset(o, "Note", note, bad);
    }
    fmt_jstr(o, "RecordState", "ACTIVE", bad);
    osp_buf_cleanup(&b);
    return o;
}

enum osp_code fmt_asff_write(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    (void)o;
    int bad = 0;
    char when[32];
    osp_format_rfc3339(r->collected_at, when, sizeof(when));
    json_t *arr = fmt_jarr(&bad);
    for (size_t i = 0; i < r->n_findings; i++)
        fmt_jpush(arr, finding_json(r, &r->findings[i], when, &bad), &bad);
    return fmt_jdump(arr, bad, out, "asff", err);
}
