/* bi_regex.c: regex.* builtins on PCRE2, with Go regexp (RE2) matching semantics. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

#define MAX_PATTERN (1u << 16)
#define MATCH_LIMIT 10000000u /* PCRE2 match() calls per attempt, at most */
#define FIRST_LIMIT 10000u    /* the first attempt's limit: nearly every real match fits */

struct re {
    pcre2_code *code;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    struct rego_bctx *bc; /* the calling builtin: its query's step budget pays for backtracking */
};

static void re_free(struct re *r)
{
    pcre2_match_data_free(r->md);
    pcre2_match_context_free(r->mctx);
    pcre2_code_free(r->code);
    memset(r, 0, sizeof *r);
}

/* Compile a Go-syntax pattern; on failure fills msg and returns -1. */
static int re_compile(const char *pat, size_t len, struct re *r, char *msg, size_t msglen)
{
    memset(r, 0, sizeof *r);
    if (len > MAX_PATTERN) {
        snprintf(msg, msglen, "error parsing regexp: expression too large");
        return -1;
    }
    int ec;
    PCRE2_SIZE off;
    r->code = pcre2_compile((PCRE2_SPTR)pat, len, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY, &ec, &off,
                            NULL);
    if (!r->code) {
        PCRE2_UCHAR buf[160];
        pcre2_get_error_message(ec, buf, sizeof buf);
        snprintf(msg, msglen, "error parsing regexp: %s at offset %zu: `%.*s`", (const char *)buf, (size_t)off,
                 (int)(len > 200 ? 200 : len), pat);
        return -1;
    }
    r->md = pcre2_match_data_create_from_pattern(r->code, NULL);
    r->mctx = pcre2_match_context_create(NULL);
    if (!r->md || !r->mctx) {
        re_free(r);
        snprintf(msg, msglen, "out of memory");
        return -1;
    }
    return 0;
}

static enum rego_bi_status compile_arg(struct rego_bctx *bc, rv pat, struct re *r)
{
    char msg[400];
    if (re_compile(rv_str(pat), rv_str_len(pat), r, msg, sizeof msg) != 0)
        return rego_bi_error(bc, "%s", msg);
    r->bc = bc;
    return REGO_BI_OK;
}

/* One match at or after start; returns 1 (ovector filled), 0 (none), -1 (error: a limit, or
 * the query's budget, which then has its eval_cancel_error set).
 *
 * Backtracking is paid for from the query's step budget: the first attempt runs with a small
 * match and depth limit; each attempt that hits its limit is charged that limit (work really
 * done) and the match is retried with ten times the limit, never more than MATCH_LIMIT nor
 * than the steps left. A regex thus costs about the steps it used (within a factor of ten) and
 * cannot run past the budget: a catastrophic pattern over many strings ends the query. */
static int re_exec(struct re *r, const char *s, size_t len, size_t start, PCRE2_SIZE **ov)
{
    uint32_t limit = r->bc ? FIRST_LIMIT : MATCH_LIMIT;
    for (;;) {
        unsigned long left = r->bc ? rego_bctx_steps_left(r->bc) : MATCH_LIMIT;
        uint32_t lim = left < limit ? (uint32_t)(left ? left : 1) : limit;
        pcre2_set_match_limit(r->mctx, lim);
        pcre2_set_depth_limit(r->mctx, lim);
        int rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, start, 0, r->md, r->mctx);
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT) {
            /* out of budget (lim < limit): charging one more step than is left ends the query */
            if (!r->bc || rego_bctx_charge(r->bc, lim < limit ? (unsigned long)lim + 1 : lim) ||
                limit >= MATCH_LIMIT)
                return -1;
            limit = limit > MATCH_LIMIT / 10 ? MATCH_LIMIT : limit * 10;
            continue;
        }
        if (r->bc && rego_bctx_charge(r->bc, 1))
            return -1;
        if (rc == PCRE2_ERROR_NOMATCH)
            return 0;
        if (rc < 0)
            return -1;
        *ov = pcre2_get_ovector_pointer(r->md);
        return 1;
    }
}

static size_t rune_len(const char *s, size_t len, size_t at)
{
    uint32_t cp;
    return at < len ? bi_utf8_dec(s + at, len - at, &cp) : 1;
}

/* Go's FindAll loop: calls fn for each match (ovector); n < 0 means all. Returns -1 on a
 * matcher error. Empty matches right after a previous match are skipped, as Go does. */
typedef int (*match_fn)(void *ud, const char *s, PCRE2_SIZE *ov, int ngroups);

static int find_all(struct re *r, const char *s, size_t len, int64_t n, match_fn fn, void *ud)
{
    size_t pos = 0;
    int64_t count = 0;
    long prev_end = -1;
    uint32_t ncap = 0;
    pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
    while (pos <= len && (n < 0 || count < n)) {
        PCRE2_SIZE *ov;
        int m = re_exec(r, s, len, pos, &ov);
        if (m < 0)
            return -1;
        if (m == 0)
            break;
        size_t st = ov[0], en = ov[1];
        if (en == st && (long)st == prev_end) {
            pos = st + rune_len(s, len, st);
            continue;
        }
        if (fn(ud, s, ov, (int)ncap + 1) != 0)
            return -1;
        count++;
        prev_end = (long)en;
        pos = en > st ? en : en + rune_len(s, len, en);
    }
    return 0;
}

BI(regex_match)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    struct re r;
    BI_TRY(compile_arg(bc, a[0], &r));
    PCRE2_SIZE *ov;
    int m = re_exec(&r, rv_str(a[1]), rv_str_len(a[1]), 0, &ov);
    re_free(&r);
    if (m < 0)
        return rego_bi_error(bc, "regular expression match failed (limit reached)");
    return bi_ok(out, rv_bool(m == 1));
}

BI(regex_is_valid)
{
    if (rv_kind(a[0]) != RV_STRING)
        return bi_ok(out, rv_bool(false));
    struct re r;
    char msg[400];
    if (re_compile(rv_str(a[0]), rv_str_len(a[0]), &r, msg, sizeof msg) != 0)
        return bi_ok(out, rv_bool(false));
    re_free(&r);
    return bi_ok(out, rv_bool(true));
}

static int push_whole(void *ud, const char *s, PCRE2_SIZE *ov, int ng)
{
    rv_arr_push((rv *)ud, rv_str_newn(s + ov[0], ov[1] - ov[0]));
    return 0;
}

static int push_groups(void *ud, const char *s, PCRE2_SIZE *ov, int ng)
{
    rv m = rv_arr_new();
    for (int g = 0; g < ng; g++) {
        if (ov[2 * g] == PCRE2_UNSET)
            rv_arr_push(&m, rv_str_new(""));
        else
            rv_arr_push(&m, rv_str_newn(s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]));
    }
    rv_arr_push((rv *)ud, m);
    return 0;
}

static enum rego_bi_status find_common(struct rego_bctx *bc, const rv *a, rv *out, match_fn fn)
{
    int64_t n;
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    BI_TRY(bi_want_int(bc, a, 2, &n));
    struct re r;
    BI_TRY(compile_arg(bc, a[0], &r));
    rv arr = rv_arr_new();
    int rc = find_all(&r, rv_str(a[1]), rv_str_len(a[1]), n, fn, &arr);
    re_free(&r);
    if (rc != 0) {
        rv_unref(arr);
        return rego_bi_error(bc, "regular expression match failed (limit reached)");
    }
    return bi_ok(out, arr);
}

BI(regex_find_n)
{
    return find_common(bc, a, out, push_whole);
}

BI(regex_find_all_string_submatch_n)
{
    return find_common(bc, a, out, push_groups);
}

struct split_state {
    rv arr;
    size_t beg, end;
};

static int split_cb(void *ud, const char *s, PCRE2_SIZE *ov, int ng)
{
    struct split_state *st = ud;
    st->end = ov[0];
    if (ov[1] != 0)
        rv_arr_push(&st->arr, rv_str_newn(s + st->beg, st->end - st->beg));
    st->beg = ov[1];
    return 0;
}

BI(regex_split)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    struct re r;
    BI_TRY(compile_arg(bc, a[0], &r));
    const char *s = rv_str(a[1]);
    size_t len = rv_str_len(a[1]);
    struct split_state st = {rv_arr_new(), 0, 0};
    if (len == 0) {
        re_free(&r);
        rv_arr_push(&st.arr, rv_str_new(""));
        return bi_ok(out, st.arr);
    }
    int rc = find_all(&r, s, len, -1, split_cb, &st);
    re_free(&r);
    if (rc != 0) {
        rv_unref(st.arr);
        return rego_bi_error(bc, "regular expression match failed (limit reached)");
    }
    if (st.end != len)
        rv_arr_push(&st.arr, rv_str_newn(s + st.beg, len - st.beg));
    return bi_ok(out, st.arr);
}

/* ---- regex.replace: Go's ReplaceAllString with $1 / ${name} expansion ---- */

struct repl_state {
    struct re *r;
    const char *tmpl;
    struct osp_buf b;
    size_t last;
    int err;
};

static int is_word(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Group number for a name ("1" or a named group), or -1. */
static int group_of(struct re *r, const char *name, size_t n)
{
    char buf[64];
    if (n == 0 || n >= sizeof buf)
        return -1;
    memcpy(buf, name, n);
    buf[n] = 0;
    size_t k = 0;
    while (k < n && buf[k] >= '0' && buf[k] <= '9')
        k++;
    if (k == n)
        return n > 6 ? -1 : (int)strtol(buf, NULL, 10);
    int g = pcre2_substring_number_from_name(r->code, (PCRE2_SPTR)buf);
    return g < 0 ? -1 : g;
}

static void expand(struct repl_state *st, const char *s, PCRE2_SIZE *ov, int ng)
{
    for (const char *t = st->tmpl; *t && !st->err;) {
        if (*t != '$') {
            st->err |= osp_buf_addc(&st->b, *t++) != OSP_OK;
            continue;
        }
        if (t[1] == '$') {
            st->err |= osp_buf_addc(&st->b, '$') != OSP_OK;
            t += 2;
            continue;
        }
        const char *name = t + 1, *end;
        size_t n;
        if (*name == '{') {
            end = strchr(name, '}');
            if (!end) {
                st->err |= osp_buf_addc(&st->b, *t++) != OSP_OK;
                continue;
            }
            name++;
            n = (size_t)(end - name);
            end++;
        } else {
            for (n = 0; is_word(name[n]); n++) {
            }
            end = name + n;
        }
        if (n == 0) {
            st->err |= osp_buf_addc(&st->b, *t++) != OSP_OK;
            continue;
        }
        int g = group_of(st->r, name, n);
        if (g >= 0 && g < ng && ov[2 * g] != PCRE2_UNSET)
            st->err |= osp_buf_add(&st->b, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]) != OSP_OK;
        t = end;
    }
}

static int repl_cb(void *ud, const char *s, PCRE2_SIZE *ov, int ng)
{
    struct repl_state *st = ud;
    st->err |= osp_buf_add(&st->b, s + st->last, ov[0] - st->last) != OSP_OK;
    expand(st, s, ov, ng);
    st->last = ov[1];
    return st->err ? -1 : 0;
}

BI(regex_replace)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    BI_WANT(2, RV_STRING);
    struct re r;
    BI_TRY(compile_arg(bc, a[1], &r));
    struct repl_state st = {&r, rv_str(a[2]), {0}, 0, 0};
    osp_buf_init(&st.b, 1u << 28);
    const char *s = rv_str(a[0]);
    size_t len = rv_str_len(a[0]);
    int rc = find_all(&r, s, len, -1, repl_cb, &st);
    re_free(&r);
    if (rc == 0 && osp_buf_add(&st.b, s + st.last, len - st.last) != OSP_OK)
        rc = -1;
    if (rc != 0) {
        osp_buf_cleanup(&st.b);
        return rego_bi_error(bc, "regular expression replace failed");
    }
    size_t n = st.b.len;
    char *o = osp_buf_take(&st.b);
    return bi_ok(out, o ? rv_str_take(o, n) : rv_str_new(""));
}

/* ---- regex.template_match ---- */

static enum osp_code quote_meta(struct osp_buf *b, const char *s, size_t n)
{
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        if (strchr("\\.+*?()|[]{}^$", s[i]) && s[i])
            rc = osp_buf_addc(b, '\\');
        if (!rc)
            rc = osp_buf_addc(b, s[i]);
    }
    return rc;
}

/* Template "urn:foo:{.*}" with delimiters { } to the anchored regex "^urn:foo:(?:.*)$". */
static int template_regex(const char *t, const char *ds, const char *de, struct osp_buf *b)
{
    size_t dsl = strlen(ds), del = strlen(de);
    if (!dsl || !del || osp_buf_addc(b, '^'))
        return -1;
    const char *p = t;
    while (*p) {
        const char *o = strstr(p, ds);
        if (!o)
            break;
        const char *c = strstr(o + dsl, de);
        if (!c)
            return -1;
        if (quote_meta(b, p, (size_t)(o - p)) || osp_buf_adds(b, "(?:") ||
            osp_buf_add(b, o + dsl, (size_t)(c - o - dsl)) || osp_buf_addc(b, ')'))
            return -1;
        p = c + del;
    }
    if (quote_meta(b, p, strlen(p)) || osp_buf_addc(b, '$'))
        return -1;
    return 0;
}

BI(regex_template_match)
{
    for (int i = 0; i < 4; i++)
        BI_WANT(i, RV_STRING);
    struct osp_buf b;
    osp_buf_init(&b, MAX_PATTERN);
    if (template_regex(rv_str(a[0]), rv_str(a[2]), rv_str(a[3]), &b) != 0) {
        osp_buf_cleanup(&b);
        return rego_bi_error(bc, "unbalanced braces in template \"%s\"", rv_str(a[0]));
    }
    struct re r;
    char msg[400];
    int rc = re_compile(osp_buf_str(&b), b.len, &r, msg, sizeof msg);
    osp_buf_cleanup(&b);
    if (rc != 0)
        return rego_bi_error(bc, "%s", msg);
    r.bc = bc;
    PCRE2_SIZE *ov;
    int m = re_exec(&r, rv_str(a[1]), rv_str_len(a[1]), 0, &ov);
    re_free(&r);
    if (m < 0)
        return rego_bi_error(bc, "regular expression match failed (limit reached)");
    return bi_ok(out, rv_bool(m == 1));
}

int bi_regex_match(const char *pat, size_t plen, const char *s, size_t slen)
{
    struct re r;
    char msg[400];
    if (re_compile(pat, plen, &r, msg, sizeof msg) != 0)
        return -1;
    PCRE2_SIZE *ov;
    int m = re_exec(&r, s, slen, 0, &ov);
    re_free(&r);
    return m;
}
