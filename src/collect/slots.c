/* slots.c: "for each listed item, build one state object" with the objects kept in list order. */
#include <stdlib.h>

#include "collect/col_int.h"

struct slots {
    col_slot_fn fn;
    void *ud;
    json_t **out;
};

static enum osp_code one(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    struct slots *s = ud;
    return s->fn(job, i, s->ud, &s->out[i], err);
}

enum osp_code col_each_push(struct col_job *job, size_t n, col_slot_fn fn, void *ud, json_t *arr, struct osp_err *err)
{
    struct slots s = {fn, ud, calloc(n + 1, sizeof(json_t *))};
    if (!s.out)
        return osp_err_set(err, OSP_ENOMEM, "%s: out of memory for %zu items", job->service, n);
    enum osp_code rc = col_each(job, n, one, &s, err);
    for (size_t i = 0; i < n; i++)
        if (s.out[i])
            col_push(arr, s.out[i]); /* on failure too: what was read stays, the service fails anyway */
    free(s.out);
    return rc;
}
