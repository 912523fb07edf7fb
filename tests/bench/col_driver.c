/* col_driver.c: a private test driver for the collectors (not shipped): static keys from the
 * environment, one endpoint, col_run, then the per-region input documents as JSON on stdout and
 * per-service calls and timing on stderr. Used by tests/bench/ and while `osprey inspect` is
 * not available.
 *   col_driver --endpoint URL [--region R]... [--service S]... [--account ID] [--workers N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aws/aws.h"
#include "collect/collect.h"
#include "core/ctx.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *regions[32], *services[32], *endpoint = NULL, *account = "123456789012";
    size_t nr = 0, ns = 0;
    int workers = 8;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--endpoint"))
            endpoint = argv[i + 1];
        else if (!strcmp(argv[i], "--region") && nr < 32)
            regions[nr++] = argv[i + 1];
        else if (!strcmp(argv[i], "--service") && ns < 32)
            services[ns++] = argv[i + 1];
        else if (!strcmp(argv[i], "--account"))
            account = argv[i + 1];
        else if (!strcmp(argv[i], "--workers"))
            workers = (int)strtol(argv[i + 1], NULL, 10);
    }
    if (nr == 0)
        regions[nr++] = "us-east-1";
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    ctx.log_level = getenv("COL_DEBUG") ? OSP_LOG_DEBUG : OSP_LOG_WARN;
    struct osp_err err;
    osp_err_init(&err);
    struct aws_client_opts o = {.endpoint_url = endpoint, .concurrency = 16, .retry_base_delay = 0.01};
    struct aws_client *client = NULL;
    struct aws_creds creds = {0};
    snprintf(creds.access_key_id, sizeof creds.access_key_id, "%s",
             getenv("AWS_ACCESS_KEY_ID") ? getenv("AWS_ACCESS_KEY_ID") : "AKIAIOSFODNN7EXAMPLE");
    snprintf(creds.secret_access_key, sizeof creds.secret_access_key, "%s",
             getenv("AWS_SECRET_ACCESS_KEY") ? getenv("AWS_SECRET_ACCESS_KEY") : "secret");
    if (aws_client_new(&ctx, &o, &client, &err) || aws_client_set_creds(client, &creds, NULL, NULL, &err)) {
        fprintf(stderr, "col_driver: %s\n", err.msg);
        return 3;
    }
    struct col_result *res = NULL;
    size_t n = 0;
    double t0 = now();
    if (col_run(&ctx, client, account, NULL, regions, nr, ns ? services : NULL, ns, workers, NULL, NULL, &res, &n,
                &err)) {
        fprintf(stderr, "col_driver: %s\n", err.msg);
        aws_client_free(client);
        return err.code == OSP_EUSAGE ? 2 : 3;
    }
    double wall = now() - t0;
    json_t *out = json_object(), *status = json_array();
    unsigned long calls = 0;
    for (size_t i = 0; i < n; i++) {
        calls += res[i].calls;
        json_array_append_new(status, json_pack("{s:s, s:s, s:s, s:s, s:s, s:i}", "service", res[i].service,
                                                "region", res[i].region, "status", col_status_name(res[i].status),
                                                "code", res[i].err_code, "message", res[i].err_message, "calls",
                                                (json_int_t)res[i].calls));
    }
    for (size_t k = 0; k < nr; k++)
        json_object_set_new(out, regions[k], col_build_input(res, n, regions[k]));
    json_object_set_new(out, "_results", status);
    struct aws_stats st;
    aws_client_stats(client, &st);
    json_object_set_new(out, "_stats", json_pack("{s:i, s:i, s:f}", "calls", (json_int_t)calls, "requests",
                                                 (json_int_t)st.requests, "wall", wall));
    json_dumpf(out, stdout, JSON_INDENT(1) | JSON_SORT_KEYS);
    fputc('\n', stdout);
    json_decref(out);
    col_results_free(res, n);
    aws_client_free(client);
    return 0;
}
