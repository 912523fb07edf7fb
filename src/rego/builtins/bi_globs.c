/* bi_globs.c: regex.globs_match: whether two simple regexes ("glob" subset: literals, `.`,
 * [classes], `*` and `+`) can match a common string, by search over their product automaton. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

#define GI_MAX_TOKENS 2048

struct gtok {
    int any, neg;
    uint32_t ranges[64]; /* pairs lo,hi */
    size_t nr;
    int star; /* 1: zero or more (a `+` becomes X X*) */
};

struct gtoks {
    struct gtok *t;
    size_t n;
};

static int add_range(struct gtok *t, uint32_t lo, uint32_t hi)
{
    if (t->nr >= 32)
        return -1;
    t->ranges[2 * t->nr] = lo;
    t->ranges[2 * t->nr + 1] = hi;
    t->nr++;
    return 0;
}

/* Parse [..] starting after '['; returns index after ']' or 0 on error. */
static size_t parse_set(const uint32_t *p, size_t n, size_t i, struct gtok *t)
{
    if (i < n && p[i] == '^') {
        t->neg = 1;
        i++;
    }
    while (i < n && p[i] != ']') {
        uint32_t lo = p[i++];
        if (lo == '\\' && i < n)
            lo = p[i++];
        uint32_t hi = lo;
        if (i + 1 < n && p[i] == '-' && p[i + 1] != ']') {
            hi = p[i + 1];
            i += 2;
            if (hi == '\\' && i < n)
                hi = p[i++];
        }
        if (add_range(t, lo, hi) != 0)
            return 0;
    }
    return i < n ? i + 1 : 0;
}

static int push_tok(struct gtoks *ts, const struct gtok *t)
{
    if (ts->n >= GI_MAX_TOKENS)
        return -1;
    struct gtok *nt = realloc(ts->t, (ts->n + 1) * sizeof *nt);
    if (!nt)
        return -1;
    ts->t = nt;
    nt[ts->n++] = *t;
    return 0;
}

static int tokenize(const char *s, size_t len, struct gtoks *ts, char *msg, size_t msglen)
{
    uint32_t *p = malloc((len + 1) * sizeof *p);
    size_t n = 0;
    if (!p)
        return -1;
    for (size_t i = 0; i < len;)
        i += bi_utf8_dec(s + i, len - i, &p[n++]);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0;) {
        struct gtok t = {0};
        uint32_t c = p[i++];
        if (c == ']') {
            snprintf(msg, msglen,
                     "input:%.*s, pos:%zu, set-close ']' with no preceding '[': the input "
                     "provided is invalid",
                     (int)len, s, i);
            rc = -1;
            break;
        }
        if (c == '*' || c == '+') {
            snprintf(msg, msglen,
                     "input:%.*s, pos:%zu, quantifier with nothing to repeat: the input "
                     "provided is invalid",
                     (int)len, s, i);
            rc = -1;
            break;
        }
        if (c == '.') {
            t.any = 1;
        } else if (c == '[') {
            size_t e = parse_set(p, n, i, &t);
            if (!e) {
                snprintf(msg, msglen,
                         "input:%.*s, pos:%zu, set-open '[' with no closing ']': the input "
                         "provided is invalid",
                         (int)len, s, i);
                rc = -1;
                break;
            }
            i = e;
        } else {
            if (c == '\\' && i < n)
                c = p[i++];
            add_range(&t, c, c);
        }
        if (i < n && p[i] == '*') {
            t.star = 1;
            i++;
            rc = push_tok(ts, &t);
        } else if (i < n && p[i] == '+') {
            i++;
            rc = push_tok(ts, &t);
            t.star = 1;
            if (rc == 0)
                rc = push_tok(ts, &t);
        } else {
            rc = push_tok(ts, &t);
        }
    }
    free(p);
    return rc;
}

static int in_tok(const struct gtok *t, uint32_t c)
{
    if (t->any)
        return 1;
    int in = 0;
    for (size_t i = 0; i < t->nr && !in; i++)
        in = c >= t->ranges[2 * i] && c <= t->ranges[2 * i + 1];
    return t->neg ? !in : in;
}

/* Whether some character satisfies both tokens: try every boundary of either's ranges. */
static int tokens_meet(const struct gtok *x, const struct gtok *y)
{
    if ((x->any || x->neg) && (y->any || y->neg))
        return 1; /* two co-finite sets always meet */
    const struct gtok *pos = (x->any || x->neg) ? y : x, *other = pos == x ? y : x;
    for (size_t i = 0; i < pos->nr; i++) {
        uint32_t lo = pos->ranges[2 * i], hi = pos->ranges[2 * i + 1];
        if (in_tok(other, lo))
            return 1;
        for (size_t k = 0; k < other->nr; k++) {
            uint32_t cand[2] = {other->ranges[2 * k], other->ranges[2 * k + 1] + 1};
            for (int j = 0; j < 2; j++)
                if (cand[j] >= lo && cand[j] <= hi && in_tok(other, cand[j]) && in_tok(pos, cand[j]))
                    return 1;
        }
    }
    return 0;
}

static int intersect(const struct gtoks *a, const struct gtoks *b)
{
    size_t w = b->n + 1, total = (a->n + 1) * w;
    unsigned char *seen = calloc(total, 1);
    size_t *stack = malloc(total * sizeof *stack);
    int found = 0;
    if (!seen || !stack) {
        free(seen);
        free(stack);
        return -1;
    }
    size_t sp = 0;
    stack[sp++] = 0;
    seen[0] = 1;
    while (sp && !found) {
        size_t st = stack[--sp], i = st / w, j = st % w;
        if (i == a->n && j == b->n) {
            found = 1;
            break;
        }
        size_t next[3];
        int nn = 0;
        if (i < a->n && a->t[i].star)
            next[nn++] = (i + 1) * w + j;
        if (j < b->n && b->t[j].star)
            next[nn++] = i * w + j + 1;
        if (i < a->n && j < b->n && tokens_meet(&a->t[i], &b->t[j]))
            next[nn++] = (a->t[i].star ? i : i + 1) * w + (b->t[j].star ? j : j + 1);
        for (int k = 0; k < nn; k++) {
            if (!seen[next[k]]) {
                seen[next[k]] = 1;
                stack[sp++] = next[k];
            }
        }
    }
    free(seen);
    free(stack);
    return found;
}

BI(regex_globs_match)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    struct gtoks x = {0}, y = {0};
    char msg[300] = "invalid glob";
    int r = -2;
    if (tokenize(rv_str(a[0]), rv_str_len(a[0]), &x, msg, sizeof msg) == 0 &&
        tokenize(rv_str(a[1]), rv_str_len(a[1]), &y, msg, sizeof msg) == 0)
        r = intersect(&x, &y);
    free(x.t);
    free(y.t);
    if (r == -2)
        return rego_bi_error(bc, "%s", msg);
    if (r < 0)
        return bi_oom(bc);
    return bi_ok(out, rv_bool(r == 1));
}
