/* macie.c: the Macie collector: is Macie enabled in the region (GetMacieSession, 1 call).
 * "Macie is not enabled" is a state, `enabled: false`, never a failure: AWS answers it as an
 * AccessDeniedException whose message says so (a real denial says "not authorized" and fails the
 * service), some endpoints as ResourceNotFoundException. */
#include <string.h>

#include "collect/col_int.h"

/* GetMacieSession; NULL: not enabled. arn: the region's session (the API gives no ARN). */
json_t *col_macie_map_session(json_t *resp, const char *arn)
{
    const char *status = col_s(resp, "status");
    json_t *s = col_obj(arn);
    col_add_str(s, "arn", arn, arn);
    col_add_str(s, "status", resp ? (status ? status : "") : "DISABLED", arn);
    col_add_bool(s, "enabled", status && strcmp(status, "ENABLED") == 0, arn);
    col_add_str_v(s, "findingpublishingfrequency", json_object_get(resp, "findingPublishingFrequency"), arn);
    col_add_time_v(s, "createdat", json_object_get(resp, "createdAt"), arn);
    col_add_time_v(s, "updatedat", json_object_get(resp, "updatedAt"), arn);
    return s;
}

/* The AccessDeniedException message of an account without Macie ("Macie is not enabled."). */
int col_macie_off_message(const char *msg)
{
    return msg && strstr(msg, "Macie is not enabled") != NULL;
}

enum osp_code col_macie(struct col_job *job, json_t *state, struct osp_err *err)
{
    char arn[256];
    col_fmt(arn, sizeof arn, "arn:%s:macie2:%s:%s:session", job->partition, job->region, job->account);
    struct col_read r;
    memset(&r, 0, sizeof r);
    r.call = col_rest_call("macie2", job->region, AWS_PROTO_RESTJSON, "GET", "/macie");
    r.call.action = r.name = "GetMacieSession";
    r.absent = "ResourceNotFoundException";
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err);
    if (rc != OSP_OK && r.answer == COL_ANS_DENIED && col_macie_off_message(r.message)) {
        osp_err_init(err);
        rc = OSP_OK;
    }
    if (rc == OSP_OK)
        col_set(state, "session", col_macie_map_session(r.answer == COL_ANS_OK ? r.body : NULL, arn));
    col_reads_cleanup(&r, 1);
    return rc;
}
