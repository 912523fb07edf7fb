/* bi_osprey.c: osprey's own builtins for its checks (not OPA's, not Trivy's).
 *
 * osprey.cwlogs.filter_covers(filter, required): true when the CloudWatch Logs metric filter
 * pattern `filter` provably matches every event the pattern `required` matches (core/cwfilter.h);
 * false when it does not, or when `filter` is not a JSON filter pattern. A `required` pattern that
 * does not parse is a builtin error: it is the check's own text. */
#include <string.h>

#include "core/cwfilter.h"
#include "rego/builtins/bi_int.h"

BI(cwlogs_filter_covers)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    struct osp_err err;
    osp_err_init(&err);
    struct cwf_pattern *req = NULL, *f = NULL;
    if (cwf_parse(rv_str(a[1]), rv_str_len(a[1]), &req, &err))
        return err.code == OSP_ENOMEM ? bi_oom(bc) : rego_bi_error(bc, "required pattern: %s", err.msg);
    osp_err_init(&err);
    if (cwf_parse(rv_str(a[0]), rv_str_len(a[0]), &f, &err) && err.code == OSP_ENOMEM) {
        cwf_free(req);
        return bi_oom(bc);
    }
    int ok = cwf_covers(f, req);
    cwf_free(f);
    cwf_free(req);
    return bi_ok(out, rv_bool(ok));
}
