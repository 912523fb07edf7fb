/* apply.c: ignore file, filters and sorting applied to a report, in that order. */
#include "results/apply.h"

#include "results/ignore.h"

enum osp_code res_apply(const struct osp_ctx *ctx, struct res_report *r, const char *ignorefile,
                        const struct res_filter *flt, struct osp_err *err)
{
    struct res_ignore *ig = NULL;
    enum osp_code rc = res_ignore_load(ctx, ignorefile, &ig, err);
    if (rc)
        return rc;
    res_ignore_apply(ctx, ig, r);
    res_ignore_free(ig);
    if (flt)
        res_filter_apply(r, flt);
    res_report_sort(r);
    return OSP_OK;
}
