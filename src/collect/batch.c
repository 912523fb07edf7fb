/* batch.c: "list names, then describe them N at a time" for JSON and REST-JSON services (ECS
 * DescribeClusters, CodeBuild BatchGetProjects, OpenSearch DescribeDomains): the batches run at
 * once on the task pool and their items come back in list order. */
#include <stdlib.h>

#include "collect/col_int.h"

enum osp_code col_gather_strings(void *ud, json_t *body, struct osp_err *err)
{
    const struct col_names *n = ud;
    json_t *a;
    size_t i;
    COL_ITEMS(json_object_get(body, n->key), i, a) if (json_is_string(a)) json_array_append(n->names, a);
    return OSP_OK;
}

struct batch_run {
    const struct col_batch *b;
    const char *path; /* REST-JSON: POST here; NULL: JSON protocol */
    json_t *names;
    json_t **out; /* one array of mapped items per batch */
};

static enum osp_code one_batch(struct col_job *job, size_t k, void *ud, struct osp_err *err)
{
    struct batch_run *run = ud;
    const struct col_batch *b = run->b;
    json_t *req = b->extra ? json_deep_copy(b->extra) : json_object(), *list = json_array(), *x;
    for (size_t i = k * b->per; list && i < json_array_size(run->names) && i < (k + 1) * b->per; i++)
        json_array_append(list, json_array_get(run->names, i));
    char *body = req && !json_object_set_new(req, b->names_key, list) ? json_dumps(req, JSON_COMPACT) : NULL;
    json_decref(req);
    if (!body)
        return osp_err_set(err, OSP_ENOMEM, "%s: out of memory for %s", b->service, b->target);
    struct aws_call c = col_json_call(b->service, job->region, b->target, "1.1", body);
    if (run->path) {
        c = col_rest_call(b->service, job->region, AWS_PROTO_RESTJSON, "POST", run->path);
        c.action = b->target;
        c.body = body;
    }
    json_t *resp = NULL;
    enum osp_code rc = col_get(job, &c, NULL, &resp, err);
    aws_call_cleanup(&c);
    free(body);
    size_t i;
    if (rc == OSP_OK) {
        run->out[k] = json_array();
        COL_ITEMS(json_object_get(resp, b->list_key), i, x) { /* names not found: deleted meanwhile */
            json_t *o = b->map(x);
            if (o)
                col_push(run->out[k], o);
        }
    }
    json_decref(resp);
    return rc;
}

static enum osp_code describe(struct col_job *job, const struct col_batch *b, const char *path, json_t *names,
                              json_t *out, struct osp_err *err)
{
    size_t nb = (json_array_size(names) + b->per - 1) / b->per, i;
    struct batch_run run = {b, path, names, calloc(nb + 1, sizeof *run.out)};
    json_t *x;
    if (!run.out)
        return osp_err_set(err, OSP_ENOMEM, "%s: out of memory for %zu names", b->service, json_array_size(names));
    enum osp_code rc = col_each(job, nb, one_batch, &run, err);
    for (size_t k = 0; k < nb; k++) {
        COL_ITEMS(run.out[k], i, x) json_array_append(out, x);
        json_decref(run.out[k]);
    }
    free(run.out);
    return rc;
}

enum osp_code col_batch_describe(struct col_job *job, const struct col_batch *b, json_t *names, json_t *out,
                                 struct osp_err *err)
{
    return describe(job, b, NULL, names, out, err);
}

enum osp_code col_batch_describe_rest(struct col_job *job, const struct col_batch *b, const char *path,
                                      json_t *names, json_t *out, struct osp_err *err)
{
    return describe(job, b, path, names, out, err);
}
