/* collect.h: the collectors: read one AWS account into the state document checks evaluate.
 *
 * Owns: the static table of collectors (one per AWS service, see registry.c) and the run that
 * executes them over regions on a worker pool. A collector produces, for one (account, region,
 * service), the jansson object that becomes `input.aws.<service>`; its exact shape is documented
 * in src/collect/STATE.md (Trivy's cloud input plus osprey's extras).
 *
 * Ownership: col_run() allocates the result array (*out); each result owns its `state`.
 * Free both with col_results_free(). col_build_input() returns a new document the caller frees
 * with json_decref(); it takes its own references to the states, so it may outlive nothing
 * (the results may be freed first).
 *
 *   struct col_result *res; size_t n;
 *   const char *regions[] = {"us-east-1"}, *svcs[] = {"s3", "iam"};
 *   if (col_run(ctx, client, "123456789012", "aws", regions, 1, svcs, 2, 8, NULL, NULL,
 *               &res, &n, &err) == OSP_OK) {
 *       json_t *doc = col_build_input(res, n, "us-east-1");   // {"aws": {"iam": .., "s3": ..}}
 *       ... json_decref(doc);
 *       col_results_free(res, n);
 *   }
 *
 * Failures of one service (AccessDenied, unsupported region, unknown endpoint, a network error
 * after retries) never abort the run: they become COL_FAILED or COL_SKIPPED results naming the
 * AWS error code. col_run() itself fails only on bad arguments or out of memory.
 */
#ifndef OSPREY_COLLECT_COLLECT_H
#define OSPREY_COLLECT_COLLECT_H

#include <jansson.h>
#include <stddef.h>
#include <time.h>

#include "aws/aws.h"
#include "core/ctx.h"
#include "core/err.h"

struct col_job; /* one (service, region) being collected; private to src/collect/ */

/* Fill `state` (an empty object, owned by the caller) with input.aws.<service>. */
typedef enum osp_code (*col_collect_fn)(struct col_job *job, json_t *state, struct osp_err *err);

struct col_service {
    const char *name;   /* as `trivy aws --service`: "iam", "s3", "ec2", ... */
    int global;         /* collected once (region "global"), repeated in every region's document */
    col_collect_fn collect;
    const char *summary;/* one line for --help / docs */
};

/* The static table, sorted by name. */
const struct col_service *col_services(size_t *n);
/* NULL when the name is unknown (the CLI reports a usage error, exit 2). */
const struct col_service *col_find(const char *name);

enum col_status {
    COL_OK,
    COL_FAILED,  /* AccessDenied, network, malformed response: err_code / err_message say why */
    COL_SKIPPED, /* the service does not exist in this region / endpoint */
};
const char *col_status_name(enum col_status s); /* "ok", "failed", "skipped" */

struct col_result {
    char service[32];
    char region[32];          /* global services: "global" */
    enum col_status status;
    char err_code[96];        /* AWS error code ("AccessDenied") or osprey code name ("OSP_ENET") */
    char err_message[384];
    json_t *state;            /* owned; content of input.aws.<service>; NULL unless COL_OK */
    time_t collected_at;
    unsigned long calls;      /* AWS API calls made (pages included); from the cache: those of the run that collected it */
    unsigned long throttles;  /* ... of which the service throttled (retried) */
    unsigned long gaps;       /* resources' reads denied (see STATE.md "Gaps"): the state is incomplete */
    char *text;               /* read from the cache or an artifact: the stored text (an artifact
                                 write-back reuses it instead of printing state again); else NULL */
    int text_borrowed;        /* text belongs to someone else (the artifact's entries), not freed */
};

/* Called from worker threads (serialised by col_run: one call at a time) after each job, and about
 * five times a second from a ticker with service == region == NULL while jobs run (read the
 * live rows with col_live() then). */
typedef void (*col_progress_fn)(void *ud, const char *service, const char *region, int done, int total);

/* One (service, region) of the running col_run, for progress displays. */
struct col_live {
    char service[32], region[32];
    int state;                        /* 0 queued, 1 running, 2 finished */
    unsigned long calls, throttles;   /* so far */
    unsigned long items, done;        /* work items known and finished (resources, reads) */
    double elapsed;                   /* seconds since it started (finished: its duration) */
};
/* Rows of the col_run in progress (in plan order), at most max; returns how many exist (0 when
 * none runs). Safe from the progress callback. */
size_t col_live(struct col_live *rows, size_t max);

/* Collect services x regions with `workers` threads (global services once, region "global").
 * services: names from the table (NULL/0: every service). regions: at least one. account: the
 * 12-digit id ARNs are built with; partition: "aws", "aws-cn", "aws-us-gov" (NULL: from the
 * first region). Results come out sorted by (service, region). */
OSP_MUST_CHECK enum osp_code col_run(struct osp_ctx *ctx, struct aws_client *client, const char *account,
                                     const char *partition, const char *const *regions, size_t nregions,
                                     const char *const *services, size_t nservices, int workers,
                                     col_progress_fn progress, void *ud, struct col_result **out,
                                     size_t *nout, struct osp_err *err);
/* col_run() told the regions of the whole scan too (scan_regions, NULL: `regions`): the cache may
 * leave fewer regions to collect than the scan covers, and a global collector that looks into
 * every region (ssoadmin: Identity Center answers only in its home region) asks all of them. */
OSP_MUST_CHECK enum osp_code col_run_scoped(struct osp_ctx *ctx, struct aws_client *client, const char *account,
                                            const char *partition, const char *const *regions, size_t nregions,
                                            const char *const *scan_regions, size_t nscan,
                                            const char *const *services, size_t nservices, int workers,
                                            col_progress_fn progress, void *ud, struct col_result **out,
                                            size_t *nout, struct osp_err *err);
void col_results_free(struct col_result *r, size_t n);

/* The input document for one region: {"aws": {svc: state, ...}} from this region's OK results
 * plus the global ones. New reference; the caller json_decref()s it. */
json_t *col_build_input(const struct col_result *r, size_t n, const char *region);

#endif
