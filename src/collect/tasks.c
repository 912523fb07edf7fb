/* tasks.c: the collection's one task pool, col_each() on it, and col_read_all(): a resource's
 * independent reads in flight together, their errors classified in one place.
 *
 * The pool: threads sized from --concurrency (see col_pool_new), one queue of groups. A group is
 * one col_each() call: n items taken in order by whoever is free. New groups go to the head of
 * the queue, so the reads of resources already started run before new resources start (the
 * dependency tail stays short and few half-read resources are held in memory).
 *
 * Deadlock freedom: a thread waiting in col_each() only ever runs items of its own group, and an
 * item only waits for groups it created itself; so every wait is on work that is queued (the
 * waiter runs it) or running on a thread that needs nothing from the waiter. The pool's size is
 * a matter of speed, never of correctness (with no pool at all the caller runs everything).
 *
 * Each thread blocked in aws_call() is one request queued or on the wire; the aws layer's I/O
 * thread keeps at most --concurrency of them on the wire, so the pool has more threads than
 * that (waiters and CPU work must not leave the wire idle).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "collect/col_int.h"
#include "core/log.h"

#define POOL_MAX_THREADS 256

struct group {
    struct col_job *job;
    col_item_fn fn;
    void *ud;
    size_t n, next, running;
    enum osp_code rc;
    size_t err_i; /* the failed item: the lowest index wins, so the error reported is deterministic */
    struct osp_err *err;
    pthread_cond_t idle; /* running dropped to 0 */
    struct group *qnext;
    int queued;
};

struct col_pool {
    pthread_mutex_t mu;
    pthread_cond_t work;
    struct group *head;
    int stopping;
    size_t nthreads;
    pthread_t th[];
};

/* Under mu: unlink g from the queue. */
static void unqueue(struct col_pool *p, struct group *g)
{
    if (!g->queued)
        return;
    for (struct group **pp = &p->head; *pp; pp = &(*pp)->qnext)
        if (*pp == g) {
            *pp = g->qnext;
            break;
        }
    g->queued = 0;
}

/* Under mu: the next item of g, or n when none is left (then g leaves the queue). */
static size_t take(struct col_pool *p, struct group *g)
{
    if (g->rc == OSP_OK && g->next < g->n) {
        g->running++;
        size_t i = g->next++;
        if (g->next == g->n)
            unqueue(p, g);
        return i;
    }
    unqueue(p, g);
    return g->n;
}

/* Run item i of g without the lock; account for it with the lock held again. */
static void run_item(struct col_pool *p, struct group *g, size_t i)
{
    pthread_mutex_unlock(&p->mu);
    struct osp_err e;
    osp_err_init(&e);
    enum osp_code rc = g->fn(g->job, i, g->ud, &e);
    pthread_mutex_lock(&p->mu);
    if (rc == OSP_ENOTFOUND) /* the resource vanished between list and read: dropped, not an error */
        rc = OSP_OK;
    if (rc != OSP_OK && (g->rc == OSP_OK || i < g->err_i)) {
        g->rc = rc;
        g->err_i = i;
        *g->err = e;
        unqueue(p, g);
    }
    if (g->job->count)
        g->job->count->done++;
    if (--g->running == 0)
        pthread_cond_signal(&g->idle);
}

static void *pool_main(void *arg)
{
    struct col_pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->head && !p->stopping)
            pthread_cond_wait(&p->work, &p->mu);
        if (!p->head)
            break;
        struct group *g = p->head;
        size_t i = take(p, g);
        if (i < g->n)
            run_item(p, g, i);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

struct col_pool *col_pool_new(int concurrency)
{
    size_t n = concurrency < 1 ? 2 : (size_t)concurrency * 2;
    if (n > POOL_MAX_THREADS)
        n = POOL_MAX_THREADS;
    struct col_pool *p = calloc(1, sizeof *p + n * sizeof(pthread_t));
    if (!p)
        return NULL;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 1u << 20); /* mapping is shallow; XML depth is capped at 64 */
    for (size_t i = 0; i < n; i++)
        if (pthread_create(&p->th[p->nthreads], &attr, pool_main, p) == 0)
            p->nthreads++;
    pthread_attr_destroy(&attr);
    return p;
}

void col_pool_free(struct col_pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stopping = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (size_t i = 0; i < p->nthreads; i++)
        pthread_join(p->th[i], NULL);
    pthread_cond_destroy(&p->work);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

enum osp_code col_each(struct col_job *job, size_t n, col_item_fn fn, void *ud, struct osp_err *err)
{
    struct col_pool *p = job->pool;
    if (n == 0)
        return OSP_OK;
    if (job->count)
        job->count->items += n;
    if (!p || n == 1) { /* nothing to share: run here */
        enum osp_code rc = OSP_OK;
        for (size_t i = 0; rc == OSP_OK && i < n; i++) {
            rc = fn(job, i, ud, err);
            if (job->count)
                job->count->done++;
            if (rc == OSP_ENOTFOUND) {
                osp_err_init(err);
                rc = OSP_OK;
            }
        }
        return rc;
    }
    struct group g = {.job = job, .fn = fn, .ud = ud, .n = n, .rc = OSP_OK, .err = err, .queued = 1};
    pthread_cond_init(&g.idle, NULL);
    pthread_mutex_lock(&p->mu);
    g.qnext = p->head; /* newest first: finish started resources before starting new ones */
    p->head = &g;
    pthread_cond_broadcast(&p->work);
    for (;;) {
        size_t i = take(p, &g);
        if (i < n) {
            run_item(p, &g, i);
            continue;
        }
        while (g.running > 0)
            pthread_cond_wait(&g.idle, &p->mu);
        break;
    }
    pthread_mutex_unlock(&p->mu);
    pthread_cond_destroy(&g.idle);
    return g.rc;
}

/* ---- reads ---- */

/* Codes that mean the resource itself no longer exists (deleted between list and read). */
static const char *const gone_codes[] = {
    "NoSuchBucket",
    "NoSuchEntity",
    "ResourceNotFoundException",
    "NotFoundException",
    "NotFound",
    "TrailNotFoundException",
    "DBInstanceNotFound",
    "DBClusterNotFoundFault",
    "DBSnapshotNotFound",
    "DBClusterSnapshotNotFoundFault",
    "InvalidInstanceID.NotFound",
    "InvalidGroup.NotFound",
    "InvalidVolume.NotFound",
    "InvalidLaunchTemplateId.NotFound",
    "InvalidLaunchTemplateName.NotFoundException",
    "NoSuchHostedZone",
    "NoSuchDistribution",
    "QueueDoesNotExist",
    "AWS.SimpleQueueService.NonExistentQueue",
    "ClusterNotFoundFault",
    "CacheClusterNotFound",
    "RepositoryNotFoundException",
    "TableNotFoundException", /* dynamodb DescribeContinuousBackups */
    "FileSystemNotFound",     /* efs */
    "WAFNonexistentItemException", /* wafv2: a web ACL deleted after the list */
    NULL,
};

enum col_answer col_classify(const char *code, const char *absent)
{
    if (!code || !*code)
        return COL_ANS_OK;
    if (absent && strcmp(code, absent) == 0)
        return COL_ANS_ABSENT;
    for (size_t i = 0; gone_codes[i]; i++)
        if (strcmp(code, gone_codes[i]) == 0)
            return COL_ANS_GONE;
    if (aws_error_is_access_denied(code))
        return COL_ANS_DENIED;
    return COL_ANS_FAILED;
}

enum osp_code col_read_param(struct col_read *r, const char *name, const char *value)
{
    enum osp_code rc = aws_call_param(&r->call, name, value);
    if (rc && !r->err.code)
        osp_err_set(&r->err, rc, "out of memory building %s", r->name ? r->name : "a request");
    return rc;
}

/* One read: send, then sort the answer into r->answer. */
static void read_one(struct col_job *job, struct col_read *r)
{
    struct aws_response resp;
    if (r->err.code) { /* building it failed */
        r->answer = COL_ANS_FAILED;
        return;
    }
    r->call.allow_404 = 1; /* "not found" bodies are classified here, whatever the protocol */
    enum osp_code rc = col_call(job, &r->call, &resp, &r->err);
    const char *code = resp.error.code[0] ? resp.error.code : r->err.aws_code;
    r->answer = rc == OSP_OK && !resp.error.code[0] ? COL_ANS_OK : col_classify(code, r->absent);
    if (r->answer == COL_ANS_FAILED && rc == OSP_OK && resp.error.code[0]) { /* a 404 let through */
        osp_err_set(&r->err, OSP_EAWS, "%s %s: %s: %s (HTTP %d)", r->call.service, r->name ? r->name : "",
                    resp.error.code, resp.error.message, resp.http_status);
        snprintf(r->err.aws_code, sizeof r->err.aws_code, "%s", resp.error.code);
        r->err.http_status = resp.http_status;
    } else if (r->answer == COL_ANS_FAILED && !r->err.code)
        osp_err_set(&r->err, rc ? rc : OSP_EAWS, "%s %s failed", r->call.service, r->name ? r->name : "");
    if (r->answer != COL_ANS_OK)
        snprintf(r->code, sizeof r->code, "%s", code && *code ? code : osp_code_name(r->err.code));
    if (r->answer == COL_ANS_OK)
        r->body = json_incref(resp.body);
    else if (r->answer == COL_ANS_DENIED && !resp.error.code[0] && r->err.msg[0])
        snprintf(r->message, sizeof r->message, "%s", r->err.msg);
    else
        snprintf(r->message, sizeof r->message, "%s", resp.error.message);
    aws_response_cleanup(&resp);
}

struct reads {
    struct col_read *r;
};

static enum osp_code read_item(struct col_job *job, size_t i, void *ud, struct osp_err *err)
{
    (void)err;
    read_one(job, &((struct reads *)ud)->r[i]);
    return OSP_OK;
}

void col_gap_add(struct col_job *job, json_t *res, const struct col_read *r)
{
    json_t *meta = json_object_get(res, "__defsec_metadata");
    if (!json_is_object(meta))
        return;
    json_t *gaps = json_object_get(meta, "gaps");
    if (!json_is_array(gaps)) {
        gaps = json_array();
        json_object_set_new(meta, "gaps", gaps);
    }
    json_t *fields = json_array();
    for (const char *f = r->fields; f && *f;) {
        size_t len = strcspn(f, ",");
        json_array_append_new(fields, json_stringn(f, len));
        f += len + (f[len] == ',');
    }
    json_array_append_new(gaps, json_pack("{s:s, s:s, s:s, s:o}", "read", r->name ? r->name : "", "code", r->code,
                                          "message", r->message, "fields", fields));
    if (job->count)
        job->count->gaps++;
}

enum osp_code col_read_all(struct col_job *job, json_t *res, struct col_read *r, size_t n, struct osp_err *err)
{
    struct reads rs = {r};
    for (size_t i = 0; i < n; i++)
        r[i].body = NULL;
    enum osp_code rc = col_each(job, n, read_item, &rs, err);
    const char *arn = json_string_value(json_object_get(json_object_get(res, "__defsec_metadata"), "resource"));
    for (size_t i = 0; rc == OSP_OK && i < n; i++) /* gone first: a vanished resource has no gaps */
        if (r[i].answer == COL_ANS_GONE) {
            osp_debug(job->ctx, "%s %s: %s vanished during the scan (%s: %s); dropped", job->service, job->region,
                      arn ? arn : "a resource", r[i].name ? r[i].name : "", r[i].code);
            return OSP_ENOTFOUND;
        }
    for (size_t i = 0; rc == OSP_OK && i < n; i++) {
        if (r[i].answer == COL_ANS_FAILED || (r[i].answer == COL_ANS_DENIED && !res)) {
            *err = r[i].err;
            if (!err->code)
                osp_err_set(err, OSP_EAWS, "%s %s: %s", job->service, r[i].name ? r[i].name : "", r[i].code);
            return err->code;
        }
        if (r[i].answer == COL_ANS_DENIED) {
            osp_warn(job->ctx, "%s %s: %s: %s denied (%s): checks that need %s cannot judge this resource",
                     job->service, job->region, arn ? arn : "", r[i].name ? r[i].name : "", r[i].code,
                     r[i].fields ? r[i].fields : "it");
            col_gap_add(job, res, &r[i]);
        }
    }
    return rc;
}

void col_reads_cleanup(struct col_read *r, size_t n)
{
    for (size_t i = 0; r && i < n; i++) {
        json_decref(r[i].body);
        r[i].body = NULL;
        aws_call_cleanup(&r[i].call);
    }
}

enum osp_code col_get(struct col_job *job, struct aws_call *call, const char *absent, json_t **body,
                      struct osp_err *err)
{
    struct col_read r = {.call = *call, .absent = absent, .name = call->action};
    osp_err_init(&r.err);
    enum osp_code rc = col_read_all(job, NULL, &r, 1, err);
    *body = rc == OSP_OK ? r.body : NULL;
    if (rc != OSP_OK)
        json_decref(r.body);
    if (rc == OSP_ENOTFOUND) { /* not a per-resource read: a missing thing is a failure here */
        *err = r.err;
        rc = err->code ? err->code : osp_err_set(err, OSP_EAWS, "%s %s: %s", job->service, r.name ? r.name : "", r.code);
    }
    return rc;
}
