/* test_sigv4.c: every case of the official SigV4 test suite (../shared), header and query forms. */
#include <ctype.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "aws/sigv4.h"
#include "core/buf.h"
#include "core/timeutil.h"
#include "osp_test.h"

#define MAXH 32

struct vreq {
    char method[16];
    char *path;     /* raw target path */
    char *rawquery; /* raw query as written, or NULL */
    struct aws_param q[32];
    size_t nq;
    struct aws_sigv4_hdr h[MAXH];
    char *raw_lines; /* header lines as written, '\n'-joined with a trailing '\n' */
    const char *body;
    size_t bodylen;
    char *text; /* whole file (owns body) */
};

static char *slurp(const char *dir, const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct osp_buf b;
    osp_buf_init(&b, 0);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if (osp_buf_add(&b, chunk, n))
            break;
    fclose(f);
    if (len)
        *len = b.len;
    return osp_buf_take(&b);
}

static int hexv(char c)
{
    return isdigit((unsigned char)c) ? c - '0' : (tolower((unsigned char)c) - 'a' + 10);
}

static char *pct_decode(const char *s, size_t n)
{
    char *o = malloc(n + 1);
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%' && i + 2 < n + 0 + 1 && isxdigit((unsigned char)s[i + 1]) &&
            isxdigit((unsigned char)s[i + 2])) {
            o[j++] = (char)(hexv(s[i + 1]) * 16 + hexv(s[i + 2]));
            i += 2;
        } else {
            o[j++] = s[i];
        }
    }
    o[j] = '\0';
    return o;
}

static void parse_query(struct vreq *r)
{
    const char *p = r->rawquery;
    while (p && *p && r->nq < 32) {
        const char *e = strchr(p, '&');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const char *eq = memchr(p, '=', n);
        size_t kn = eq ? (size_t)(eq - p) : n;
        r->q[r->nq].name = pct_decode(p, kn);
        r->q[r->nq].value = eq ? pct_decode(eq + 1, n - kn - 1) : strdup("");
        r->nq++;
        p = e ? e + 1 : NULL;
    }
}

/* request.txt: request line, header lines (continuations start with whitespace), blank, body. */
static int parse_request(const char *dir, struct vreq *r, size_t *nh)
{
    memset(r, 0, sizeof(*r));
    size_t len;
    r->text = slurp(dir, "request.txt", &len);
    if (!r->text)
        return -1;
    char *line_end = strchr(r->text, '\n');
    if (!line_end)
        return -1;
    *line_end = '\0';
    char *sp = strchr(r->text, ' '), *http = strstr(r->text, " HTTP/");
    if (!sp || !http || http < sp)
        return -1;
    snprintf(r->method, sizeof(r->method), "%.*s", (int)(sp - r->text), r->text);
    char *target = strndup(sp + 1, (size_t)(http - sp - 1));
    char *qm = strchr(target, '?');
    if (qm) {
        *qm = '\0';
        r->rawquery = strdup(qm + 1);
    }
    r->path = target;
    parse_query(r);
    struct osp_buf raw;
    osp_buf_init(&raw, 0);
    char *p = line_end + 1;
    char *values[MAXH] = {0};
    *nh = 0;
    while (*p && *p != '\n') {
        char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (osp_buf_add(&raw, p, n) || osp_buf_addc(&raw, '\n'))
            return -1;
        if ((*p == ' ' || *p == '\t') && *nh > 0) {
            char *v = values[*nh - 1];
            size_t vl = strlen(v);
            v = realloc(v, vl + n + 2);
            v[vl] = '\n';
            memcpy(v + vl + 1, p, n);
            v[vl + 1 + n] = '\0';
            values[*nh - 1] = v;
        } else if (*nh < MAXH) {
            char *colon = memchr(p, ':', n);
            if (!colon)
                return -1;
            r->h[*nh].name = strndup(p, (size_t)(colon - p));
            values[*nh] = strndup(colon + 1, n - (size_t)(colon - p) - 1);
            (*nh)++;
        }
        p = e ? e + 1 : p + n;
    }
    for (size_t i = 0; i < *nh; i++)
        r->h[i].value = values[i];
    if (*p == '\n')
        p++;
    r->body = p;
    r->bodylen = len - (size_t)(p - r->text);
    r->raw_lines = osp_buf_take(&raw);
    return 0;
}

static void free_request(struct vreq *r, size_t nh)
{
    for (size_t i = 0; i < nh; i++) {
        free((char *)r->h[i].name);
        free((char *)r->h[i].value);
    }
    for (size_t i = 0; i < r->nq; i++) {
        free(r->q[i].name);
        free(r->q[i].value);
    }
    free(r->path);
    free(r->rawquery);
    free(r->raw_lines);
    free(r->text);
}

static int expect(const char *dir, const char *file, const char *got, const char *what)
{
    char *want = slurp(dir, file, NULL);
    int ok = want && got && strcmp(want, got) == 0;
    if (!ok)
        fprintf(stderr, "\nsigv4 %s: %s mismatch\n--- want\n%s\n--- got\n%s\n", dir, what, want ? want : "(missing)",
                got ? got : "(null)");
    free(want);
    return ok;
}

static char *render_header_form(const struct vreq *r, const struct aws_sigv4_out *o)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    int ok = !osp_buf_addf(&b, "%s %s%s%s HTTP/1.1\n%s", r->method, r->path, r->rawquery ? "?" : "",
                           r->rawquery ? r->rawquery : "", r->raw_lines);
    for (size_t i = 0; ok && i < o->nadd; i++)
        ok = !osp_buf_addf(&b, "%s:%s\n", o->add[i].name, o->add[i].value);
    ok = ok && !osp_buf_addc(&b, '\n') && !osp_buf_add(&b, r->body, r->bodylen);
    return osp_buf_take(&b);
}

static char *render_query_form(const struct vreq *r, const struct aws_sigv4_out *o)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    if (osp_buf_addf(&b, "%s %s?%s%s%s HTTP/1.1\n%s\n", r->method, r->path, r->rawquery ? r->rawquery : "",
                     r->rawquery ? "&" : "", o->presigned_query, r->raw_lines) ||
        osp_buf_add(&b, r->body, r->bodylen)) {
        osp_buf_cleanup(&b);
        return NULL;
    }
    return osp_buf_take(&b);
}

/* Run one vector in one form; returns 1 when every artefact matches. */
static int run_form(const char *dir, const struct vreq *r, size_t nh, json_t *ctx, int presign)
{
    json_t *cred = json_object_get(ctx, "credentials");
    struct aws_sigv4_input in = {
        .method = r->method,
        .path = r->path,
        .query = r->q,
        .nquery = r->nq,
        .headers = r->h,
        .nheaders = nh,
        .body = r->body,
        .bodylen = r->bodylen,
        .access_key = json_string_value(json_object_get(cred, "access_key_id")),
        .secret_key = json_string_value(json_object_get(cred, "secret_access_key")),
        .session_token = json_string_value(json_object_get(cred, "token")),
        .region = json_string_value(json_object_get(ctx, "region")),
        .service = json_string_value(json_object_get(ctx, "service")),
        .when = osp_parse_rfc3339(json_string_value(json_object_get(ctx, "timestamp"))),
        .normalize_path = json_is_true(json_object_get(ctx, "normalize")),
        .double_encode = 1,
        .add_content_sha256 = json_is_true(json_object_get(ctx, "sign_body")),
        .omit_session_token = json_is_true(json_object_get(ctx, "omit_session_token")),
        .expires = (long)json_integer_value(json_object_get(ctx, "expiration_in_seconds")),
    };
    struct aws_sigv4_out o;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = presign ? aws_sigv4_presign(&in, &o, &err) : aws_sigv4_sign_header(&in, &o, &err);
    if (rc) {
        fprintf(stderr, "sigv4 %s: %s\n", dir, err.msg);
        return 0;
    }
    const char *pre = presign ? "query-" : "header-";
    char f[64];
    int ok = 1;
    snprintf(f, sizeof(f), "%scanonical-request.txt", pre);
    ok &= expect(dir, f, o.canonical_request, f);
    snprintf(f, sizeof(f), "%sstring-to-sign.txt", pre);
    ok &= expect(dir, f, o.string_to_sign, f);
    snprintf(f, sizeof(f), "%ssignature.txt", pre);
    ok &= expect(dir, f, o.signature, f);
    char *signed_req = presign ? render_query_form(r, &o) : render_header_form(r, &o);
    snprintf(f, sizeof(f), "%ssigned-request.txt", pre);
    ok &= expect(dir, f, signed_req, f);
    free(signed_req);
    aws_sigv4_out_cleanup(&o);
    return ok;
}

static int run_case(const char *dir, int *header_ok, int *query_ok)
{
    char *ctxs = slurp(dir, "context.json", NULL);
    json_t *ctx = ctxs ? json_loads(ctxs, 0, NULL) : NULL;
    free(ctxs);
    struct vreq r;
    size_t nh = 0;
    if (!ctx || parse_request(dir, &r, &nh) != 0) {
        fprintf(stderr, "sigv4 %s: cannot read context.json/request.txt\n", dir);
        json_decref(ctx);
        return 0;
    }
    *header_ok = run_form(dir, &r, nh, ctx, 0);
    *query_ok = run_form(dir, &r, nh, ctx, 1);
    free_request(&r, nh);
    json_decref(ctx);
    return 1;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_sigv4_official_suite(void)
{
    const char *shared = osp_test_shared_dir();
    char suite[4096];
    snprintf(suite, sizeof(suite), "%s/reference/sigv4-test-suite", shared ? shared : "../shared");
    DIR *d = opendir(suite);
    if (!d) {
        const char *ci = getenv("CI");
        if (ci && strcmp(ci, "true") == 0) {
            fprintf(stderr, "\n*** sigv4 test suite missing at %s and CI=true: FAILING ***\n", suite);
            CU_FAIL("SigV4 test suite folder is missing under CI");
        } else {
            fprintf(stderr, "\n*** SKIPPED: SigV4 test suite not found at %s (set OSPREY_SHARED) ***\n\n", suite);
        }
        return;
    }
    char *names[256];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL && n < 256) {
        char p[4352];
        struct stat st;
        snprintf(p, sizeof(p), "%s/%s/context.json", suite, de->d_name);
        if (de->d_name[0] != '.' && stat(p, &st) == 0)
            names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(char *), name_cmp);
    int hpass = 0, qpass = 0;
    for (size_t i = 0; i < n; i++) {
        char dir[4352];
        snprintf(dir, sizeof(dir), "%s/%s", suite, names[i]);
        int h = 0, q = 0;
        run_case(dir, &h, &q);
        hpass += h;
        qpass += q;
        if (!h || !q)
            fprintf(stderr, "sigv4 FAIL %s (header %s, query %s)\n", names[i], h ? "ok" : "FAIL", q ? "ok" : "FAIL");
        free(names[i]);
    }
    fprintf(stderr, "\nsigv4 suite: %zu cases; header form %d/%zu, query form %d/%zu\n", n, hpass, n, qpass, n);
    CU_ASSERT_EQUAL(n, 38);
    CU_ASSERT_EQUAL((size_t)hpass, n);
    CU_ASSERT_EQUAL((size_t)qpass, n);
}

static void test_sigv4_normalize_path(void)
{
    const char *cases[][2] = {{"/", "/"},           {"//example//", "/example/"},
                              {"/example/..", "/"}, {"/a/./b/../c", "/a/c"},
                              {"/../..", "/"},      {"/a/b/", "/a/b/"}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *p = aws_sigv4_normalize_path(cases[i][0]);
        CU_ASSERT_STRING_EQUAL(p, cases[i][1]);
        free(p);
    }
}

static void test_sigv4_encode(void)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    CU_ASSERT_EQUAL(aws_sigv4_encode(&b, "a b/c~+=", 8, 1), OSP_OK);
    CU_ASSERT_STRING_EQUAL(osp_buf_str(&b), "a%20b/c~%2B%3D");
    osp_buf_reset(&b);
    CU_ASSERT_EQUAL(aws_sigv4_encode(&b, "a/b", 3, 0), OSP_OK);
    CU_ASSERT_STRING_EQUAL(osp_buf_str(&b), "a%2Fb");
    osp_buf_cleanup(&b);
}

/* S3 style: no normalisation, single encoding, signed x-amz-content-sha256. */
static void test_sigv4_s3_single_encoding(void)
{
    struct aws_sigv4_hdr h[] = {{"Host", "127.0.0.1:5000"}};
    struct aws_sigv4_input in = {.method = "GET",
                                 .path = "/bucket/a%20b//c",
                                 .headers = h,
                                 .nheaders = 1,
                                 .access_key = "AKID",
                                 .secret_key = "secret",
                                 .region = "us-east-1",
                                 .service = "s3",
                                 .when = 1440938160,
                                 .add_content_sha256 = 1};
    struct aws_sigv4_out o;
    struct osp_err err;
    osp_err_init(&err);
    CU_ASSERT_EQUAL_FATAL(aws_sigv4_sign_header(&in, &o, &err), OSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(o.canonical_request, "GET\n/bucket/a%20b//c\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(o.canonical_request, "x-amz-content-sha256:e3b0c442"));
    CU_ASSERT_STRING_EQUAL(o.signed_headers, "host;x-amz-content-sha256;x-amz-date");
    aws_sigv4_out_cleanup(&o);
    in.double_encode = 1;
    in.normalize_path = 1;
    in.service = "iam";
    CU_ASSERT_EQUAL_FATAL(aws_sigv4_sign_header(&in, &o, &err), OSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(o.canonical_request, "GET\n/bucket/a%2520b/c\n"));
    aws_sigv4_out_cleanup(&o);
}

int main(void)
{
    static const struct osp_test tests[] = {
        OSP_TEST(test_sigv4_official_suite),
        OSP_TEST(test_sigv4_normalize_path),
        OSP_TEST(test_sigv4_encode),
        OSP_TEST(test_sigv4_s3_single_encoding),
        {0},
    };
    return osp_test_run("sigv4", tests);
}
