/* bi_glob.c: glob.match and glob.quote_meta with gobwas/glob semantics (as OPA uses):
 * `*` stops at separators, `**` does not, `?` one non-separator, [a-z] [!a-z] classes,
 * {a,b} alternatives, `\` escapes. */
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

#define GLOB_MAX_NODES 4096
#define GLOB_MAX_STEPS 2000000L

enum gtype { G_LIT, G_ANY, G_STAR, G_SUPER, G_CLASS, G_ALT };

struct gnode;
struct gseq {
    struct gnode *nodes;
    size_t n;
};

struct gnode {
    enum gtype t;
    uint32_t c;
    int neg;
    uint32_t *ranges; /* class: pairs lo,hi */
    size_t nranges;
    struct gseq *alts;
    size_t nalts;
};

struct gparse {
    const uint32_t *p;
    size_t n, i;
    size_t nodes;
    int err;
};

static void seq_free(struct gseq *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->nodes[i].ranges);
        for (size_t k = 0; k < s->nodes[i].nalts; k++)
            seq_free(&s->nodes[i].alts[k]);
        free(s->nodes[i].alts);
    }
    free(s->nodes);
    s->nodes = NULL;
    s->n = 0;
}

static struct gnode *seq_add(struct gseq *s, struct gparse *gp)
{
    if (++gp->nodes > GLOB_MAX_NODES) {
        gp->err = 1;
        return NULL;
    }
    struct gnode *nn = realloc(s->nodes, (s->n + 1) * sizeof *nn);
    if (!nn) {
        gp->err = 1;
        return NULL;
    }
    s->nodes = nn;
    memset(&nn[s->n], 0, sizeof nn[0]);
    return &nn[s->n++];
}

static void parse_class(struct gparse *gp, struct gnode *nd)
{
    nd->t = G_CLASS;
    if (gp->i < gp->n && gp->p[gp->i] == '!') {
        nd->neg = 1;
        gp->i++;
    }
    while (gp->i < gp->n && gp->p[gp->i] != ']') {
        uint32_t lo = gp->p[gp->i++], hi = lo;
        if (lo == '\\' && gp->i < gp->n)
            lo = hi = gp->p[gp->i++];
        if (gp->i + 1 < gp->n && gp->p[gp->i] == '-' && gp->p[gp->i + 1] != ']') {
            hi = gp->p[gp->i + 1];
            gp->i += 2;
        }
        uint32_t *nr = realloc(nd->ranges, (nd->nranges + 1) * 2 * sizeof *nr);
        if (!nr) {
            gp->err = 1;
            return;
        }
        nd->ranges = nr;
        nr[2 * nd->nranges] = lo;
        nr[2 * nd->nranges + 1] = hi;
        nd->nranges++;
    }
    if (gp->i >= gp->n)
        gp->err = 1; /* unclosed [ */
    else
        gp->i++;
}

/* Parse until end, or ',' / '}' when inside braces. */
static void parse_seq(struct gparse *gp, struct gseq *s, int in_alt, int depth)
{
    while (gp->i < gp->n && !gp->err) {
        uint32_t c = gp->p[gp->i];
        if (in_alt && (c == ',' || c == '}'))
            return;
        struct gnode *nd = seq_add(s, gp);
        if (!nd)
            return;
        gp->i++;
        if (c == '*') {
            nd->t = G_STAR;
            if (gp->i < gp->n && gp->p[gp->i] == '*') {
                nd->t = G_SUPER;
                gp->i++;
            }
        } else if (c == '?') {
            nd->t = G_ANY;
        } else if (c == '[') {
            parse_class(gp, nd);
        } else if (c == '{') {
            nd->t = G_ALT;
            if (depth > 32) {
                gp->err = 1;
                return;
            }
            for (;;) {
                struct gseq *na = realloc(nd->alts, (nd->nalts + 1) * sizeof *na);
                if (!na) {
                    gp->err = 1;
                    return;
                }
                nd->alts = na;
                memset(&na[nd->nalts], 0, sizeof na[0]);
                parse_seq(gp, &na[nd->nalts++], 1, depth + 1);
                if (gp->err || gp->i >= gp->n) {
                    gp->err = 1;
                    return;
                }
                if (gp->p[gp->i++] == '}')
                    break;
            }
        } else {
            nd->t = G_LIT;
            if (c == '\\' && gp->i < gp->n)
                c = gp->p[gp->i++];
            nd->c = c;
        }
    }
}

/* ---- matching ---- */

struct frame {
    const struct gnode *nodes;
    size_t n;
    const struct frame *next;
};

struct gmatch {
    const uint32_t *s;
    size_t len;
    const uint32_t *seps;
    size_t nseps;
    long steps;
};

static int is_sep(const struct gmatch *m, uint32_t c)
{
    for (size_t i = 0; i < m->nseps; i++)
        if (m->seps[i] == c)
            return 1;
    return 0;
}

static int class_has(const struct gnode *nd, uint32_t c)
{
    int in = 0;
    for (size_t i = 0; i < nd->nranges && !in; i++)
        in = c >= nd->ranges[2 * i] && c <= nd->ranges[2 * i + 1];
    return nd->neg ? !in : in;
}

/* 1 match, 0 no match, -1 budget exhausted. */
static int gmatch(struct gmatch *m, const struct frame *f, size_t pos)
{
    if (++m->steps > GLOB_MAX_STEPS)
        return -1;
    while (f && f->n == 0)
        f = f->next;
    if (!f)
        return pos == m->len;
    const struct gnode *nd = &f->nodes[0];
    struct frame rest = {f->nodes + 1, f->n - 1, f->next};
    switch (nd->t) {
    case G_LIT:
        return pos < m->len && m->s[pos] == nd->c ? gmatch(m, &rest, pos + 1) : 0;
    case G_ANY:
        return pos < m->len && !is_sep(m, m->s[pos]) ? gmatch(m, &rest, pos + 1) : 0;
    case G_CLASS:
        return pos < m->len && class_has(nd, m->s[pos]) ? gmatch(m, &rest, pos + 1) : 0;
    case G_STAR:
    case G_SUPER:
        for (size_t k = pos;; k++) {
            int r = gmatch(m, &rest, k);
            if (r != 0)
                return r;
            if (k >= m->len || (nd->t == G_STAR && is_sep(m, m->s[k])))
                return 0;
        }
    case G_ALT:
        for (size_t i = 0; i < nd->nalts; i++) {
            struct frame af = {nd->alts[i].nodes, nd->alts[i].n, &rest};
            int r = gmatch(m, &af, pos);
            if (r != 0)
                return r;
        }
        return 0;
    }
    return 0;
}

/* UTF-8 to code points (malloc'd); *n gets the count. */
static uint32_t *runes(const char *s, size_t len, size_t *n)
{
    uint32_t *r = malloc((len + 1) * sizeof *r);
    if (!r)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len;)
        i += bi_utf8_dec(s + i, len - i, &r[k++]);
    *n = k;
    return r;
}

static enum rego_bi_status read_seps(struct rego_bctx *bc, const rv *a, uint32_t **seps, size_t *n)
{
    *seps = NULL;
    *n = 0;
    if (rv_kind(a[1]) == RV_NULL)
        return REGO_BI_OK;
    if (rv_kind(a[1]) != RV_ARRAY)
        return bi_want_one_of(bc, a, 1, "array, null");
    size_t cap = rv_len(a[1]) ? 0 : 1;
    for (size_t i = 0; i < rv_len(a[1]); i++) {
        rv d = rv_arr_at(a[1], i);
        if (rv_kind(d) != RV_STRING)
            return bi_elem_error(bc, 1, a[1], d, "string");
        cap += rv_str_len(d);
    }
    *seps = malloc((cap + 1) * sizeof **seps);
    if (!*seps)
        return bi_oom(bc);
    if (rv_len(a[1]) == 0) {
        (*seps)[(*n)++] = '.'; /* OPA's default delimiter */
        return REGO_BI_OK;
    }
    for (size_t i = 0; i < rv_len(a[1]); i++) {
        rv d = rv_arr_at(a[1], i);
        size_t k;
        uint32_t *r = runes(rv_str(d), rv_str_len(d), &k);
        if (!r) {
            free(*seps);
            return bi_oom(bc);
        }
        memcpy(*seps + *n, r, k * sizeof *r);
        *n += k;
        free(r);
    }
    return REGO_BI_OK;
}

BI(glob_match)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(2, RV_STRING);
    struct gmatch m = {0};
    uint32_t *seps;
    BI_TRY(read_seps(bc, a, &seps, &m.nseps));
    m.seps = seps;
    size_t pn = 0;
    uint32_t *pat = runes(rv_str(a[0]), rv_str_len(a[0]), &pn);
    uint32_t *str = runes(rv_str(a[2]), rv_str_len(a[2]), &m.len);
    m.s = str;
    struct gparse gp = {pat, pn, 0, 0, pat && str ? 0 : 1};
    struct gseq seq = {0};
    if (!gp.err)
        parse_seq(&gp, &seq, 0, 0);
    int r = 0;
    if (!gp.err) {
        struct frame f = {seq.nodes, seq.n, NULL};
        r = gmatch(&m, &f, 0);
    }
    seq_free(&seq);
    free(pat);
    free(str);
    free(seps);
    if (gp.err)
        return rego_bi_error(bc, "invalid glob pattern \"%s\"", rv_str(a[0]));
    if (r < 0)
        return rego_bi_error(bc, "glob pattern too complex");
    return bi_ok(out, rv_bool(r == 1));
}

BI(glob_quote_meta)
{
    BI_WANT(0, RV_STRING);
    const char *s = rv_str(a[0]);
    size_t n = rv_str_len(a[0]);
    char *o = malloc(2 * n + 1);
    if (!o)
        return bi_oom(bc);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (strchr("*,?\\[]{}", s[i]) && s[i])
            o[k++] = '\\';
        o[k++] = s[i];
    }
    o[k] = 0;
    return bi_ok(out, rv_str_take(o, k));
}
