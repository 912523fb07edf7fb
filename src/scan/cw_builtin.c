/* cw_builtin.c: osprey's own host builtin for its checks (registered with Trivy's in
 * trivy_builtins.c's table).
 *
 * osprey.cwlogs.filter_covers(filter, required): true when the CloudWatch Logs metric filter
 * pattern `filter` provably matches every event the pattern `required` matches (core/cwfilter.h);
 * false when it does not, or when `filter` is not a JSON filter pattern. A `required` pattern that
 * does not parse is a builtin error: it is the check's own text. */
#include "core/cwfilter.h"
#include "rego/builtin.h"
#include "scan/scan_int.h"

enum rego_bi_status scan_bi_cwlogs_filter_covers(struct rego_bctx *bc, const rv *a, rv *out)
{
    for (int i = 0; i < 2; i++)
        if (rv_kind(a[i]) != RV_STRING)
            return rego_bi_type_error(bc, "operand %d must be string but got %s", i + 1, rv_kind_name(rv_kind(a[i])));
    struct osp_err err;
    osp_err_init(&err);
    struct cwf_pattern *req = NULL, *f = NULL;
    if (cwf_parse(rv_str(a[1]), rv_str_len(a[1]), &req, &err))
        return rego_bi_error(bc, "required pattern: %s", err.msg);
    osp_err_init(&err);
    if (cwf_parse(rv_str(a[0]), rv_str_len(a[0]), &f, &err) && err.code == OSP_ENOMEM) {
        cwf_free(req);
        return rego_bi_error(bc, "out of memory");
    }
    int ok = cwf_covers(f, req);
    cwf_free(f);
    cwf_free(req);
    *out = rv_bool(ok);
    return REGO_BI_OK;
}
