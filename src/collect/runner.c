/* runner.c: run collectors over services x regions on a worker pool; build input documents. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "collect/col_int.h"
#include "core/log.h"

struct spec {
    const struct col_service *svc;
    const char *region; /* "global" for global services */
};

struct run {
    pthread_mutex_t mu;
    double *started, *finished; /* per spec, monotonic seconds; 0: not yet */
    size_t next, done, n;
    struct spec *specs;
    struct col_result *res;
    struct col_counters *counts; /* one per spec */
    struct col_pool *pool;
    struct osp_ctx *ctx;
    struct aws_client *client;
    const char *account, *partition, *sign_region;
    const char *const *regions; /* the scanned regions (a global job may look into each) */
    size_t nregions;
    col_progress_fn progress;
    void *ud;
};

enum osp_code col_call(struct col_job *job, struct aws_call *call, struct aws_response *resp, struct osp_err *err)
{
    memset(resp, 0, sizeof *resp);
    job->count->calls++;
    enum osp_code rc = aws_call(job->client, call, resp, err);
    job->count->throttles += (unsigned long)resp->throttled;
    return rc;
}

struct page_wrap {
    struct col_job *job;
    aws_page_fn fn;
    void *ud;
};

static enum osp_code counted_page(void *ud, json_t *body, struct osp_err *err)
{
    struct page_wrap *w = ud;
    w->job->count->calls++;
    return w->fn(w->ud, body, err);
}

enum osp_code col_paginate(struct col_job *job, struct aws_call *call, const char *token_in, const char *token_out,
                           const char *truncated_path, aws_page_fn fn, void *ud, struct osp_err *err)
{
    struct page_wrap w = {job, fn, ud};
    enum osp_code rc = aws_paginate(job->client, call, token_in, token_out, truncated_path, counted_page, &w, err);
    if (rc != OSP_OK)
        job->count->calls++; /* the failed request */
    return rc;
}

int col_err_is(const struct aws_response *resp, const struct osp_err *err, const char *code)
{
    if (resp && strcmp(resp->error.code, code) == 0)
        return 1;
    return err && strcmp(err->aws_code, code) == 0;
}

static void copy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

static pthread_mutex_t live_mu = PTHREAD_MUTEX_INITIALIZER;
static struct run *live_run; /* the col_run in progress, for col_live() */

size_t col_live(struct col_live *rows, size_t max)
{
    pthread_mutex_lock(&live_mu);
    struct run *r = live_run;
    size_t n = r ? r->n : 0;
    double now = r ? osp_now_monotonic(r->ctx) : 0;
    for (size_t i = 0; i < n && i < max; i++) {
        struct col_live *l = &rows[i];
        const struct col_counters *c = &r->counts[i];
        memset(l, 0, sizeof *l);
        snprintf(l->service, sizeof l->service, "%s", r->specs[i].svc->name);
        snprintf(l->region, sizeof l->region, "%s", r->specs[i].region);
        double s = r->started[i], f = r->finished[i];
        l->state = f > 0 ? 2 : s > 0 ? 1 : 0;
        l->elapsed = s > 0 ? (f > 0 ? f : now) - s : 0;
        l->calls = c->calls;
        l->throttles = c->throttles;
        l->items = c->items;
        l->done = c->done;
    }
    pthread_mutex_unlock(&live_mu);
    return n;
}

static void stamp(double *slot, double now)
{
    pthread_mutex_lock(&live_mu);
    *slot = now;
    pthread_mutex_unlock(&live_mu);
}

static void run_one(struct run *r, size_t i)
{
    stamp(&r->started[i], osp_now_monotonic(r->ctx));
    struct spec *s = &r->specs[i];
    struct col_result *res = &r->res[i];
    struct col_job job = {r->ctx, r->client, r->account, r->partition,
                          s->svc->global ? r->sign_region : s->region, s->svc->name, r->pool, &r->counts[i],
                          r->regions, r->nregions};
    struct osp_err e;
    osp_err_init(&e);
    json_t *state = json_object();
    enum osp_code rc = state ? s->svc->collect(&job, state, &e) : osp_err_set(&e, OSP_ENOMEM, "out of memory");
    res->calls = r->counts[i].calls;
    res->throttles = r->counts[i].throttles;
    res->gaps = r->counts[i].gaps;
    res->collected_at = osp_now(r->ctx);
    stamp(&r->finished[i], osp_now_monotonic(r->ctx));
    osp_debug(r->ctx, "collect: %s %s: %lu calls, %lu throttled, %lu items, %.2f s", s->svc->name, s->region,
              res->calls, (unsigned long)r->counts[i].throttles, (unsigned long)r->counts[i].items,
              r->finished[i] - r->started[i]);
    if (rc == OSP_OK) {
        res->status = COL_OK;
        res->state = state;
        return;
    }
    json_decref(state);
    const char *code = e.aws_code[0] ? e.aws_code : osp_code_name(rc);
    res->status = (e.aws_code[0] && aws_error_is_unsupported(e.aws_code)) ? COL_SKIPPED : COL_FAILED;
    copy(res->err_code, sizeof res->err_code, code);
    /* the code has its own field; "AccessDenied: User ..." would repeat it in every report */
    const char *msg = e.msg[0] ? e.msg : osp_strerror(rc);
    size_t cl = strlen(code);
    if (!strncmp(msg, code, cl) && msg[cl] == ':' && msg[cl + 1] == ' ')
        msg += cl + 2;
    copy(res->err_message, sizeof res->err_message, msg);
    osp_log(r->ctx, res->status == COL_SKIPPED ? OSP_LOG_DEBUG : OSP_LOG_WARN, "%s %s: %s: %s: %s", s->svc->name,
            s->region, col_status_name(res->status), res->err_code, res->err_message);
}

static enum osp_code job_item(struct col_job *top, size_t i, void *ud, struct osp_err *err)
{
    (void)top, (void)err;
    struct run *r = ud;
    run_one(r, i);
    pthread_mutex_lock(&r->mu);
    r->done++;
    if (r->progress)
        r->progress(r->ud, r->specs[i].svc->name, r->specs[i].region, (int)r->done, (int)r->n);
    pthread_mutex_unlock(&r->mu);
    return OSP_OK;
}

/* Resolve names to table entries, without duplicates, in table order. */
static enum osp_code pick_services(const char *const *names, size_t n, const struct col_service **out,
                                   size_t *nout, struct osp_err *err)
{
    size_t total;
    const struct col_service *all = col_services(&total);
    char want[64] = {0};
    for (size_t i = 0; i < n; i++) {
        const struct col_service *s = col_find(names[i]);
        if (!s)
            return osp_err_set(err, OSP_EUSAGE, "unknown service '%s' (see 'osprey aws --help' for the list)",
                               names[i] ? names[i] : "");
        want[s - all] = 1;
    }
    *nout = 0;
    for (size_t i = 0; i < total; i++)
        if (n == 0 || want[i])
            out[(*nout)++] = &all[i];
    return OSP_OK;
}

static int dup_region(const char *const *regions, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (strcmp(regions[j], regions[i]) == 0)
            return 1;
    return 0;
}

static enum osp_code plan(struct run *r, const struct col_service **svcs, size_t nsvcs, const char *const *regions,
                          size_t nregions, struct osp_err *err)
{
    r->specs = calloc(nsvcs * (nregions + 1), sizeof *r->specs);
    if (!r->specs)
        return osp_err_set(err, OSP_ENOMEM, "out of memory planning the collection");
    for (size_t i = 0; i < nsvcs; i++) {
        if (svcs[i]->global) {
            r->specs[r->n++] = (struct spec){svcs[i], "global"};
            continue;
        }
        for (size_t k = 0; k < nregions; k++)
            if (!dup_region(regions, k))
                r->specs[r->n++] = (struct spec){svcs[i], regions[k]};
    }
    r->res = calloc(r->n ? r->n : 1, sizeof *r->res);
    r->counts = calloc(r->n ? r->n : 1, sizeof *r->counts);
    r->started = calloc(r->n ? r->n : 1, sizeof *r->started);
    r->finished = calloc(r->n ? r->n : 1, sizeof *r->finished);
    if (!r->res || !r->counts || !r->started || !r->finished)
        return osp_err_set(err, OSP_ENOMEM, "out of memory planning the collection");
    for (size_t i = 0; i < r->n; i++) {
        copy(r->res[i].service, sizeof r->res[i].service, r->specs[i].svc->name);
        copy(r->res[i].region, sizeof r->res[i].region, r->specs[i].region);
    }
    return OSP_OK;
}

static int cmp_result(const void *a, const void *b)
{
    const struct col_result *x = a, *y = b;
    int c = strcmp(x->service, y->service);
    return c ? c : strcmp(x->region, y->region);
}

struct ticker {
    struct run *r;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;
};

static void *tick_main(void *arg)
{
    struct ticker *t = arg;
    pthread_mutex_lock(&t->mu);
    while (!t->stop) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 200 * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&t->cv, &t->mu, &ts);
        if (t->stop)
            break;
        pthread_mutex_lock(&t->r->mu);
        t->r->progress(t->r->ud, NULL, NULL, (int)t->r->done, (int)t->r->n);
        pthread_mutex_unlock(&t->r->mu);
    }
    pthread_mutex_unlock(&t->mu);
    return NULL;
}

/* Every (service, region) job is an item on the one pool, like the resources inside them. */
static void run_pool(struct run *r, int workers)
{
    struct ticker t = {.r = r};
    pthread_t tick;
    int ticking = 0;
    pthread_mutex_lock(&live_mu);
    live_run = r;
    pthread_mutex_unlock(&live_mu);
    pthread_mutex_init(&t.mu, NULL);
    pthread_cond_init(&t.cv, NULL);
    if (r->progress)
        ticking = pthread_create(&tick, NULL, tick_main, &t) == 0;
    struct col_counters top_count = {0};
    struct col_job top = {.ctx = r->ctx, .client = r->client, .pool = col_pool_new(workers), .count = &top_count};
    struct osp_err e;
    osp_err_init(&e);
    r->pool = top.pool;
    if (col_each(&top, r->n, job_item, r, &e) != OSP_OK) /* job_item never fails */
        osp_debug(r->ctx, "collect: %s", e.msg);
    col_pool_free(top.pool);
    r->pool = NULL;
    if (ticking) {
        pthread_mutex_lock(&t.mu);
        t.stop = 1;
        pthread_cond_signal(&t.cv);
        pthread_mutex_unlock(&t.mu);
        pthread_join(tick, NULL);
    }
    pthread_cond_destroy(&t.cv);
    pthread_mutex_destroy(&t.mu);
    pthread_mutex_lock(&live_mu);
    live_run = NULL;
    pthread_mutex_unlock(&live_mu);
}

enum osp_code col_run(struct osp_ctx *ctx, struct aws_client *client, const char *account, const char *partition,
                      const char *const *regions, size_t nregions, const char *const *services, size_t nservices,
                      int workers, col_progress_fn progress, void *ud, struct col_result **out, size_t *nout,
                      struct osp_err *err)
{
    return col_run_scoped(ctx, client, account, partition, regions, nregions, NULL, 0, services, nservices, workers,
                          progress, ud, out, nout, err);
}

enum osp_code col_run_scoped(struct osp_ctx *ctx, struct aws_client *client, const char *account,
                             const char *partition, const char *const *regions, size_t nregions,
                             const char *const *scan_regions, size_t nscan, const char *const *services,
                             size_t nservices, int workers, col_progress_fn progress, void *ud,
                             struct col_result **out, size_t *nout, struct osp_err *err)
{
    const struct col_service *svcs[64];
    size_t nsvcs = 0;
    if (!regions || nregions == 0 || !regions[0])
        return osp_err_set(err, OSP_EUSAGE, "no region to collect (set --region or AWS_REGION)");
    if (!account || !*account)
        return osp_err_set(err, OSP_EUSAGE, "no account id to build ARNs with");
    enum osp_code rc = pick_services(services, nservices, svcs, &nsvcs, err);
    if (rc)
        return rc;
    struct run r = {.ctx = ctx, .client = client, .account = account, .progress = progress, .ud = ud,
                    .partition = partition ? partition : aws_partition_of(regions[0]), .sign_region = regions[0],
                    .regions = scan_regions && nscan ? scan_regions : regions,
                    .nregions = scan_regions && nscan ? nscan : nregions};
    pthread_mutex_init(&r.mu, NULL);
    rc = plan(&r, svcs, nsvcs, regions, nregions, err);
    if (rc == OSP_OK) {
        run_pool(&r, workers);
        qsort(r.res, r.n, sizeof *r.res, cmp_result);
        *out = r.res;
        *nout = r.n;
        r.res = NULL;
    }
    free(r.res);
    free(r.counts);
    free(r.started);
    free(r.finished);
    free(r.specs);
    pthread_mutex_destroy(&r.mu);
    return rc;
}

void col_results_free(struct col_result *r, size_t n)
{
    if (!r)
        return;
    for (size_t i = 0; i < n; i++) {
        json_decref(r[i].state);
        if (!r[i].text_borrowed)
            free(r[i].text);
    }
    free(r);
}

json_t *col_build_input(const struct col_result *r, size_t n, const char *region)
{
    json_t *aws = json_object();
    for (size_t i = 0; aws && i < n; i++) {
        if (r[i].status != COL_OK || !r[i].state)
            continue;
        if (strcmp(r[i].region, "global") != 0 && (!region || strcmp(r[i].region, region) != 0))
            continue;
        json_object_set(aws, r[i].service, r[i].state);
    }
    return aws ? json_pack("{s:o}", "aws", aws) : NULL;
}
