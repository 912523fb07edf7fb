/* bench_scan.c: CPU time to evaluate the whole built-in catalog on a synthetic account of
 * about 1000 resources (by hand, not in CI):
 *   cmake --build build --target bench_scan && ./build/bench_scan [resources] [regions]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/buf.h"
#include "scan/scan.h"

/* Bench-only: an append that fails means the machine is out of memory. */
#define ADDS(b, s)                                                                                                     \
    do {                                                                                                               \
        if (osp_buf_adds(b, s))                                                                                        \
            abort();                                                                                                   \
    } while (0)
#define ADDF(b, ...)                                                                                                   \
    do {                                                                                                               \
        if (osp_buf_addf(b, __VA_ARGS__))                                                                              \
            abort();                                                                                                   \
    } while (0)

static void meta(struct osp_buf *b, const char *arn)
{
    ADDF(b, "\"__defsec_metadata\":{\"resource\":\"%s\",\"filepath\":\"%s\",\"managed\":true}", arn, arn);
}

#define V(b, k, fmt, ...) ADDF(b, ",\"" k "\":{\"value\":" fmt "}", __VA_ARGS__)

static void users(struct osp_buf *b, int n)
{
    ADDS(b, "\"iam\":{\"users\":[");
    for (int i = 0; i < n; i++) {
        char arn[128];
        snprintf(arn, sizeof(arn), "arn:aws:iam::123456789012:user/u%d", i);
        ADDS(b, i ? ",{" : "{");
        meta(b, arn);
        V(b, "name", "\"u%d\"", i);
        V(b, "passwordenabled", "%s", i % 2 ? "true" : "false");
        V(b, "mfaactive", "%s", i % 3 ? "true" : "false");
        V(b, "lastaccess", "\"%s\"", "2024-01-01T00:00:00Z");
        ADDS(b, ",\"accesskeys\":[{\"active\":{\"value\":true},\"creationdate\":{\"value\":\"2023-01-01T00:00:00Z\"}}],"
                "\"mfadevices\":[],\"policies\":[{\"name\":{\"value\":\"p\"},\"inline\":{\"value\":true},"
                "\"document\":{\"value\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"s3:*"
                "\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}}]}");
    }
    ADDS(b, "],\"passwordpolicy\":{\"minimumlength\":{\"value\":8}},\"roles\":[],\"policies\":[]}");
}

static void buckets(struct osp_buf *b, int n)
{
    ADDS(b, ",\"s3\":{\"buckets\":[");
    for (int i = 0; i < n; i++) {
        char arn[128];
        snprintf(arn, sizeof(arn), "arn:aws:s3:::bucket-%d", i);
        ADDS(b, i ? ",{" : "{");
        meta(b, arn);
        V(b, "name", "\"bucket-%d\"", i);
        V(b, "acl", "\"%s\"", i % 10 ? "private" : "public-read");
        ADDS(b, ",\"encryption\":{\"enabled\":{\"value\":true}},\"logging\":{\"enabled\":{\"value\":false}},"
                "\"versioning\":{\"enabled\":{\"value\":false}},\"grants\":[],\"bucketpolicies\":[]}");
    }
    ADDS(b, "]}");
}

static void groups(struct osp_buf *b, int n)
{
    ADDS(b, ",\"ec2\":{\"securitygroups\":[");
    for (int i = 0; i < n; i++) {
        char arn[128];
        snprintf(arn, sizeof(arn), "arn:aws:ec2:us-east-1:123456789012:security-group/sg-%d", i);
        ADDS(b, i ? ",{" : "{");
        meta(b, arn);
        V(b, "id", "\"sg-%d\"", i);
        V(b, "isdefault", "%s", i == 0 ? "true" : "false");
        ADDF(b,
             ",\"ingressrules\":[{\"protocol\":{\"value\":\"tcp\"},\"fromport\":{\"value\":%d},"
             "\"toport\":{\"value\":%d},\"cidrs\":[{\"value\":\"0.0.0.0/0\"}]}],\"egressrules\":[]}",
             i % 2 ? 22 : 443, i % 2 ? 22 : 443);
    }
    ADDS(b, "],\"vpcs\":[],\"instances\":[],\"volumes\":[],\"networkacls\":[]}");
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 1000;
    int regions = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 1;
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct osp_buf b;
    osp_buf_init(&b, 0);
    ADDS(&b, "{\"aws\":{");
    users(&b, n / 2);
    buckets(&b, n / 4);
    groups(&b, n / 4);
    ADDS(&b, "}}");
    struct osp_err err;
    osp_err_init(&err);
    clock_t t0 = clock();
    struct scan_opts o = {.compliance = "aws-cis-1.2"};
    struct scan_catalog *cat;
    if (scan_catalog_load(&ctx, &o, &cat, &err)) {
        fprintf(stderr, "load: %s\n", err.msg);
        return 1;
    }
    clock_t t1 = clock();
    struct scan_input in[16];
    static const char *names[] = {"us-east-1",      "us-east-2",      "us-west-1",      "us-west-2",
                                  "eu-west-1",      "eu-west-2",      "eu-central-1",   "ap-south-1",
                                  "ap-northeast-1", "ap-southeast-1", "ca-central-1",   "sa-east-1",
                                  "eu-north-1",     "ap-northeast-2", "ap-southeast-2", "eu-west-3"};
    for (int i = 0; i < regions && i < 16; i++)
        in[i] = (struct scan_input){.region = names[i], .doc = rv_undef(), .json = osp_buf_str(&b), .json_len = b.len};
    struct res_report *r = res_report_new("osprey", "bench");
    if (scan_evaluate(cat, "123456789012", "aws", in, (size_t)(regions < 16 ? regions : 16), NULL, 0, r, &err)) {
        fprintf(stderr, "evaluate: %s\n", err.msg);
        return 1;
    }
    clock_t t2 = clock();
    printf("%d resources x %d region(s), %zu checks: load %.3f s CPU, evaluate %.3f s CPU, %zu findings\n", n, regions,
           scan_catalog_count(cat), (double)(t1 - t0) / CLOCKS_PER_SEC, (double)(t2 - t1) / CLOCKS_PER_SEC,
           r->n_findings);
    res_report_free(r);
    scan_catalog_free(cat);
    osp_buf_cleanup(&b);
    return 0;
}
