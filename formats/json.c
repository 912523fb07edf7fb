/* json.c: the JSON report writer (the model's own serialisation, see results/report.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "formats/format.h"
#include "results/report.h"

enum osp_code fmt_json_write(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    (void)o;
    char *text = NULL;
    enum osp_code rc = res_report_to_json(r, &text, err);
    if (rc)
        return rc;
    int ok = fputs(text, out) >= 0;
    free(text);
    if (!ok)
        return osp_err_set(err, OSP_EIO, "cannot write the json report: %s", strerror(errno));
    return OSP_OK;
}
