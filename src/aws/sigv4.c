/* sigv4.c: SigV4 canonical request, string to sign and signature (header and query forms). */
#include "aws/sigv4.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"

#define ALGORITHM "AWS4-HMAC-SHA256"

struct kv {
    char *k;
    char *v;
};

static int unreserved(unsigned char c)
{
    return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

enum osp_code aws_sigv4_encode(struct osp_buf *b, const char *s, size_t n, int keep_slash)
{
    static const char hexd[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        enum osp_code rc;
        if (unreserved(c) || (keep_slash && c == '/')) {
            rc = osp_buf_addc(b, (char)c);
        } else {
            char e[3] = {'%', hexd[c >> 4], hexd[c & 15]};
            rc = osp_buf_add(b, e, 3);
        }
        if (rc)
            return rc;
    }
    return OSP_OK;
}

char *aws_sigv4_normalize_path(const char *path)
{
    size_t n = strlen(path);
    char *work = malloc(n + 2);
    size_t *starts = malloc((n + 1) * sizeof(size_t));
    if (!work || !starts) {
        free(work);
        free(starts);
        return NULL;
    }
    size_t len = 0, depth = 0;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t sl = (size_t)(e - p);
        if (sl == 0 || (sl == 1 && p[0] == '.')) {
            /* skip empty and "." */
        } else if (sl == 2 && p[0] == '.' && p[1] == '.') {
            if (depth > 0)
                len = starts[--depth];
        } else {
            starts[depth++] = len;
            work[len++] = '/';
            memcpy(work + len, p, sl);
            len += sl;
        }
        p = e;
    }
    int trailing = n > 0 && path[n - 1] == '/';
    if (len == 0 || trailing)
        work[len++] = '/';
    work[len] = '\0';
    free(starts);
    return work;
}

static int kv_cmp(const void *a, const void *b)
{
    const struct kv *x = a, *y = b;
    int c = strcmp(x->k, y->k);
    return c ? c : strcmp(x->v, y->v);
}

static void kv_free(struct kv *kv, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(kv[i].k);
        free(kv[i].v);
    }
    free(kv);
}

/* Encoded copy of a string (SigV4 encoding). */
static char *enc_dup(const char *s, int keep_slash)
{
    struct osp_buf b;
    osp_buf_init(&b, 0);
    if (osp_buf_adds(&b, "") || aws_sigv4_encode(&b, s, strlen(s), keep_slash)) {
        osp_buf_cleanup(&b);
        return NULL;
    }
    return osp_buf_take(&b);
}

/* Canonical query: every pair encoded, sorted by name then value, joined with '&'. */
static enum osp_code canonical_query(const struct aws_param *q, size_t nq, const struct aws_param *extra, size_t nextra,
                                     struct osp_buf *out)
{
    size_t n = nq + nextra;
    struct kv *kv = calloc(n ? n : 1, sizeof(*kv));
    if (!kv)
        return OSP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const struct aws_param *p = i < nq ? &q[i] : &extra[i - nq];
        kv[i].k = enc_dup(p->name, 0);
        kv[i].v = enc_dup(p->value ? p->value : "", 0);
        if (!kv[i].k || !kv[i].v) {
            kv_free(kv, n);
            return OSP_ENOMEM;
        }
    }
    qsort(kv, n, sizeof(*kv), kv_cmp);
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < n && !rc; i++)
        rc = osp_buf_addf(out, "%s%s=%s", i ? "&" : "", kv[i].k, kv[i].v);
    kv_free(kv, n);
    return rc;
}

/* Header value per SigV4: trimmed, runs of whitespace (including folded lines) collapsed. */
static char *canon_value(const char *v)
{
    size_t n = strlen(v), j = 0;
    char *o = malloc(n + 1);
    if (!o)
        return NULL;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        if (isspace((unsigned char)v[i])) {
            space = 1;
            continue;
        }
        if (space && j > 0)
            o[j++] = ' ';
        space = 0;
        o[j++] = v[i];
    }
    o[j] = '\0';
    return o;
}

struct hdrs {
    struct kv *kv; /* lower-case name, canonical value; sorted, duplicates merged */
    size_t n;
};

static int kv_cmp_name(const void *a, const void *b)
{
    return strcmp(((const struct kv *)a)->k, ((const struct kv *)b)->k);
}

static enum osp_code hdrs_add(struct hdrs *h, const char *name, const char *value)
{
    char *k = strdup(name), *v = canon_value(value);
    if (!k || !v) {
        free(k);
        free(v);
        return OSP_ENOMEM;
    }
    for (char *c = k; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    for (size_t i = 0; i < h->n; i++) {
        if (strcmp(h->kv[i].k, k) == 0) {
            size_t l1 = strlen(h->kv[i].v), l2 = strlen(v);
            char *m = realloc(h->kv[i].v, l1 + l2 + 2);
            if (!m) {
                free(k);
                free(v);
                return OSP_ENOMEM;
            }
            m[l1] = ',';
            memcpy(m + l1 + 1, v, l2 + 1);
            h->kv[i].v = m;
            free(k);
            free(v);
            return OSP_OK;
        }
    }
    h->kv[h->n].k = k;
    h->kv[h->n].v = v;
    h->n++;
    return OSP_OK;
}

static void signing_key(const char *secret, const char *date, const char *region, const char *service,
                        uint8_t key[OSP_SHA256_LEN])
{
    char k0[300];
    size_t n = (size_t)snprintf(k0, sizeof(k0), "AWS4%s", secret);
    uint8_t a[OSP_SHA256_LEN], b[OSP_SHA256_LEN];
    osp_hmac_sha256(k0, n, date, strlen(date), a);
    osp_hmac_sha256(a, sizeof(a), region, strlen(region), b);
    osp_hmac_sha256(b, sizeof(b), service, strlen(service), a);
    osp_hmac_sha256(a, sizeof(a), "aws4_request", 12, key);
    memset(k0, 0, sizeof(k0));
}

struct plan {
    const struct aws_sigv4_input *in;
    int presign;
    struct aws_param extra_q[8];
    size_t nextra_q;
    char credential[320];
    char expires[24];
};

static enum osp_code build_canonical(struct plan *pl, struct aws_sigv4_out *out)
{
    const struct aws_sigv4_input *in = pl->in;
    struct hdrs h = {calloc(in->nheaders + 4, sizeof(struct kv)), 0};
    struct osp_buf cr, sh;
    osp_buf_init(&cr, 0);
    osp_buf_init(&sh, 0);
    enum osp_code rc = h.kv ? OSP_OK : OSP_ENOMEM;
    for (size_t i = 0; i < in->nheaders && !rc; i++)
        rc = hdrs_add(&h, in->headers[i].name, in->headers[i].value);
    if (!rc && !pl->presign) {
        rc = hdrs_add(&h, "x-amz-date", out->amz_date);
        if (!rc && in->session_token && !in->omit_session_token)
            rc = hdrs_add(&h, "x-amz-security-token", in->session_token);
        if (!rc && in->add_content_sha256)
            rc = hdrs_add(&h, "x-amz-content-sha256", out->payload_hash);
    }
    if (!rc)
        qsort(h.kv, h.n, sizeof(struct kv), kv_cmp_name);
    for (size_t i = 0; i < h.n && !rc; i++)
        rc = osp_buf_addf(&sh, "%s%s", i ? ";" : "", h.kv[i].k);
    if (!rc && pl->presign) {
        pl->extra_q[pl->nextra_q++] = (struct aws_param){"X-Amz-SignedHeaders", (char *)osp_buf_str(&sh)};
    }
    char *path = NULL;
    if (!rc) {
        path = in->normalize_path ? aws_sigv4_normalize_path(in->path) : strdup(in->path);
        rc = path ? OSP_OK : OSP_ENOMEM;
    }
    if (!rc)
        rc = osp_buf_addf(&cr, "%s\n", in->method);
    if (!rc)
        rc = in->double_encode ? aws_sigv4_encode(&cr, path, strlen(path), 1) : osp_buf_adds(&cr, path);
    if (!rc)
        rc = osp_buf_addc(&cr, '\n');
    if (!rc)
        rc = canonical_query(in->query, in->nquery, pl->extra_q, pl->nextra_q, &cr);
    if (!rc)
        rc = osp_buf_addc(&cr, '\n');
    for (size_t i = 0; i < h.n && !rc; i++)
        rc = osp_buf_addf(&cr, "%s:%s\n", h.kv[i].k, h.kv[i].v);
    if (!rc)
        rc = osp_buf_addf(&cr, "\n%s\n%s", osp_buf_str(&sh), out->payload_hash);
    free(path);
    kv_free(h.kv, h.n);
    if (rc) {
        osp_buf_cleanup(&cr);
        osp_buf_cleanup(&sh);
        return rc;
    }
    out->canonical_request = osp_buf_take(&cr);
    out->signed_headers = osp_buf_take(&sh);
    return OSP_OK;
}

static enum osp_code sign(struct plan *pl, struct aws_sigv4_out *out, struct osp_err *err)
{
    const struct aws_sigv4_input *in = pl->in;
    if (!in->access_key || !in->secret_key || !in->region || !in->service || !in->method || !in->path)
        return osp_err_set(err, OSP_EINTERNAL, "sigv4: incomplete request to sign (missing key, region or service)");
    memset(out, 0, sizeof(*out));
    struct tm tm;
    gmtime_r(&in->when, &tm);
    strftime(out->amz_date, sizeof(out->amz_date), "%Y%m%dT%H%M%SZ", &tm);
    char date[9];
    memcpy(date, out->amz_date, 8);
    date[8] = '\0';
    snprintf(out->scope, sizeof(out->scope), "%s/%s/%s/aws4_request", date, in->region, in->service);
    if (in->payload_hash)
        snprintf(out->payload_hash, sizeof(out->payload_hash), "%s", in->payload_hash);
    else
        osp_sha256_hex(in->body ? in->body : "", in->body ? in->bodylen : 0, out->payload_hash);
    if (pl->presign) {
        snprintf(pl->credential, sizeof(pl->credential), "%s/%s", in->access_key, out->scope);
        snprintf(pl->expires, sizeof(pl->expires), "%ld", in->expires > 0 ? in->expires : 3600);
        pl->extra_q[pl->nextra_q++] = (struct aws_param){"X-Amz-Algorithm", ALGORITHM};
        pl->extra_q[pl->nextra_q++] = (struct aws_param){"X-Amz-Credential", pl->credential};
        pl->extra_q[pl->nextra_q++] = (struct aws_param){"X-Amz-Date", out->amz_date};
        pl->extra_q[pl->nextra_q++] = (struct aws_param){"X-Amz-Expires", pl->expires};
        if (in->session_token && !in->omit_session_token)
            pl->extra_q[pl->nextra_q++] = (struct aws_param){"X-Amz-Security-Token", (char *)in->session_token};
    }
    enum osp_code rc = build_canonical(pl, out);
    if (rc)
        return osp_err_set(err, rc, "sigv4: out of memory building the canonical request");
    char crhash[65];
    osp_sha256_hex(out->canonical_request, strlen(out->canonical_request), crhash);
    struct osp_buf sts;
    osp_buf_init(&sts, 0);
    if (osp_buf_addf(&sts, ALGORITHM "\n%s\n%s\n%s", out->amz_date, out->scope, crhash))
        return osp_err_set(err, OSP_ENOMEM, "sigv4: out of memory");
    out->string_to_sign = osp_buf_take(&sts);
    uint8_t key[OSP_SHA256_LEN], sig[OSP_SHA256_LEN];
    signing_key(in->secret_key, date, in->region, in->service, key);
    osp_hmac_sha256(key, sizeof(key), out->string_to_sign, strlen(out->string_to_sign), sig);
    memset(key, 0, sizeof(key));
    osp_hex(sig, sizeof(sig), out->signature);
    return OSP_OK;
}

static enum osp_code add_header(struct aws_sigv4_out *out, const char *name, char *value)
{
    if (!value)
        return OSP_ENOMEM;
    out->add_values[out->nadd] = value;
    out->add[out->nadd].name = name;
    out->add[out->nadd].value = value;
    out->nadd++;
    return OSP_OK;
}

enum osp_code aws_sigv4_sign_header(const struct aws_sigv4_input *in, struct aws_sigv4_out *out, struct osp_err *err)
{
    struct plan pl = {.in = in, .presign = 0};
    enum osp_code rc = sign(&pl, out, err);
    if (rc)
        return rc;
    struct osp_buf a;
    osp_buf_init(&a, 0);
    if (in->session_token)
        rc = add_header(out, "X-Amz-Security-Token", strdup(in->session_token));
    if (!rc)
        rc = add_header(out, "X-Amz-Date", strdup(out->amz_date));
    if (!rc && in->add_content_sha256)
        rc = add_header(out, "x-amz-content-sha256", strdup(out->payload_hash));
    if (!rc)
        rc = osp_buf_addf(&a, ALGORITHM " Credential=%s/%s, SignedHeaders=%s, Signature=%s", in->access_key, out->scope,
                          out->signed_headers, out->signature);
    if (!rc)
        rc = add_header(out, "Authorization", osp_buf_take(&a));
    if (rc) {
        osp_buf_cleanup(&a);
        aws_sigv4_out_cleanup(out);
        return osp_err_set(err, rc, "sigv4: out of memory");
    }
    return OSP_OK;
}

static enum osp_code qparam(struct osp_buf *b, const char *name, const char *value)
{
    enum osp_code rc = osp_buf_addf(b, "%s%s=", b->len ? "&" : "", name);
    return rc ? rc : aws_sigv4_encode(b, value, strlen(value), 0);
}

enum osp_code aws_sigv4_presign(const struct aws_sigv4_input *in, struct aws_sigv4_out *out, struct osp_err *err)
{
    struct plan pl = {.in = in, .presign = 1};
    enum osp_code rc = sign(&pl, out, err);
    if (rc)
        return rc;
    struct osp_buf q;
    osp_buf_init(&q, 0);
    rc = qparam(&q, "X-Amz-Algorithm", ALGORITHM);
    if (!rc)
        rc = qparam(&q, "X-Amz-Credential", pl.credential);
    if (!rc)
        rc = qparam(&q, "X-Amz-Date", out->amz_date);
    if (!rc)
        rc = qparam(&q, "X-Amz-SignedHeaders", out->signed_headers);
    if (!rc)
        rc = qparam(&q, "X-Amz-Expires", pl.expires);
    if (!rc && in->session_token)
        rc = qparam(&q, "X-Amz-Security-Token", in->session_token);
    if (!rc)
        rc = qparam(&q, "X-Amz-Signature", out->signature);
    if (rc) {
        osp_buf_cleanup(&q);
        aws_sigv4_out_cleanup(out);
        return osp_err_set(err, rc, "sigv4: out of memory");
    }
    out->presigned_query = osp_buf_take(&q);
    return OSP_OK;
}

void aws_sigv4_out_cleanup(struct aws_sigv4_out *out)
{
    free(out->canonical_request);
    free(out->string_to_sign);
    free(out->signed_headers);
    free(out->presigned_query);
    for (size_t i = 0; i < out->nadd; i++)
        free(out->add_values[i]);
    memset(out, 0, sizeof(*out));
}
