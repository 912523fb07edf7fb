/* json.c: the JSON report writer (the model's own serialisation, see results/report.h). */
#include "formats/format.h"
#include "results/report.h"

enum osp_code fmt_json_write(const struct res_report *r, const struct fmt_opts *o, FILE *out, struct osp_err *err)
{
    (void)o;
    return res_report_write_json(r, out, err); /* streamed: 100k findings never held as one tree */
}
