/* bi_template.c: strings.render_template, a subset of Go's text/template: {{.key}} fields,
 * {{$var}}, {{range $i, $v := .list}}, {{if x}}...{{else}}...{{end}}; missing keys render as
 * "<undefined>" as in OPA. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

#define TPL_MAX_DEPTH 32
#define TPL_MAX_VARS 16

struct tvar {
    char name[32];
    rv val; /* borrowed */
};

struct tpl {
    const char *src;
    rv data;
    struct tvar vars[TPL_MAX_VARS];
    int nvars;
    struct osp_buf out;
    int oom;
    char err[160];
};

static void out_add(struct tpl *t, const char *s, size_t n)
{
    t->oom |= osp_buf_add(&t->out, s, n) != OSP_OK;
}

/* An action "{{ ... }}" at p: its trimmed body [*b, *e) and the text after it. */
static const char *action(const char *p, const char **b, const char **e)
{
    const char *end = strstr(p + 2, "}}");
    if (!end)
        return NULL;
    *b = p + 2;
    *e = end;
    while (*b < *e && (**b == ' ' || **b == '-'))
        (*b)++;
    while (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '-'))
        (*e)--;
    return end + 2;
}

static int word_is(const char *b, const char *e, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(e - b) >= n && !memcmp(b, w, n) && (b + n == e || b[n] == ' ');
}

/* Value of an operand: .key.key, ., or $var. Undefined when missing. */
static rv operand(struct tpl *t, const char *b, const char *e)
{
    rv v = t->data;
    if (*b == '$') {
        size_t n = strcspn(b, ". ");
        if (b + n > e)
            n = (size_t)(e - b);
        v = rv_undef();
        for (int i = t->nvars - 1; i >= 0; i--)
            if (strlen(t->vars[i].name) == n && !memcmp(t->vars[i].name, b, n)) {
                v = t->vars[i].val;
                break;
            }
        b += n;
    }
    while (b < e && *b == '.' && !rv_is_undef(v)) {
        b++;
        size_t n = 0;
        while (b + n < e && b[n] != '.' && b[n] != ' ')
            n++;
        if (n == 0)
            break;
        rv key = rv_str_newn(b, n);
        v = rv_kind(v) == RV_OBJECT ? rv_obj_get(v, key) : rv_undef();
        rv_unref(key);
        b += n;
    }
    return v;
}

static int truthy(rv v)
{
    switch (rv_kind(v)) {
    case RV_BOOL:
        return rv_is_true(v);
    case RV_NUMBER:
        return rv_num_to_double(v) != 0;
    case RV_STRING:
    case RV_ARRAY:
    case RV_OBJECT:
    case RV_SET:
        return rv_len(v) > 0;
    default:
        return 0;
    }
}

static void emit_value(struct tpl *t, rv v)
{
    if (rv_is_undef(v)) {
        out_add(t, "<undefined>", 11);
        return;
    }
    if (rv_kind(v) == RV_STRING) {
        out_add(t, rv_str(v), rv_str_len(v));
        return;
    }
    char *s = bi_json(v);
    if (s)
        out_add(t, s, strlen(s));
    free(s);
}

static const char *run(struct tpl *t, const char *p, int emit, int depth, int *stop);

/* Skip or run a block up to its {{end}} / {{else}}; returns the text after {{end}}. */
static const char *run_if(struct tpl *t, const char *p, rv cond, int emit, int depth)
{
    int stop = 0;
    const char *q = run(t, p, emit && truthy(cond), depth + 1, &stop);
    if (q && stop == 2) /* {{else}} */
        q = run(t, q, emit && !truthy(cond), depth + 1, &stop);
    return q;
}

static const char *run_range(struct tpl *t, const char *b, const char *e, const char *p, int emit, int depth)
{
    /* "range $i, $v := .list" or "range .list" */
    char iv[32] = "", vv[32] = "";
    const char *assign = strstr(b, ":=");
    const char *src = b + 5;
    if (assign && assign < e) {
        sscanf(b + 5, " %31[^, ] , %31[^ :]", iv, vv);
        if (!vv[0]) {
            snprintf(vv, sizeof vv, "%s", iv);
            iv[0] = 0;
        }
        src = assign + 2;
    }
    while (src < e && *src == ' ')
        src++;
    rv coll = operand(t, src, e);
    size_t n =
        emit && (rv_kind(coll) == RV_ARRAY || rv_kind(coll) == RV_OBJECT || rv_kind(coll) == RV_SET) ? rv_len(coll) : 0;
    int stop = 0;
    const char *after = run(t, p, 0, depth + 1, &stop); /* find the end */
    for (size_t i = 0; i < n && t->nvars + 2 <= TPL_MAX_VARS; i++) {
        int saved = t->nvars;
        rv idx = rv_kind(coll) == RV_OBJECT ? rv_ref(rv_obj_key_at(coll, i)) : rv_num_int((int64_t)i);
        rv val = rv_kind(coll) == RV_OBJECT ? rv_obj_val_at(coll, i) : bi_elem_at(coll, i);
        if (iv[0]) {
            snprintf(t->vars[t->nvars].name, sizeof t->vars[0].name, "%s", iv);
            t->vars[t->nvars++].val = idx;
        }
        snprintf(t->vars[t->nvars].name, sizeof t->vars[0].name, "%s", vv[0] ? vv : ".");
        t->vars[t->nvars++].val = val;
        rv old = t->data;
        if (!vv[0])
            t->data = val;
        run(t, p, 1, depth + 1, &stop);
        t->data = old;
        t->nvars = saved;
        rv_unref(idx);
    }
    return after;
}

/* Run text and actions until {{end}} (stop=1), {{else}} (stop=2) or the end (stop=0). */
static const char *run(struct tpl *t, const char *p, int emit, int depth, int *stop)
{
    *stop = 0;
    if (depth > TPL_MAX_DEPTH) {
        snprintf(t->err, sizeof t->err, "template nested too deeply");
        return NULL;
    }
    while (p && *p) {
        const char *open = strstr(p, "{{");
        if (!open) {
            if (emit)
                out_add(t, p, strlen(p));
            return p + strlen(p);
        }
        if (emit)
            out_add(t, p, (size_t)(open - p));
        const char *b, *e, *next = action(open, &b, &e);
        if (!next) {
            snprintf(t->err, sizeof t->err, "unclosed action");
            return NULL;
        }
        if (word_is(b, e, "end")) {
            *stop = 1;
            return next;
        }
        if (word_is(b, e, "else")) {
            *stop = 2;
            return next;
        }
        if (word_is(b, e, "if"))
            p = run_if(t, next, operand(t, b + 3, e), emit, depth);
        else if (word_is(b, e, "range"))
            p = run_range(t, b, e, next, emit, depth);
        else {
            if (emit)
                emit_value(t, operand(t, b, e));
            p = next;
        }
    }
    return p;
}

BI(render_template)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_OBJECT);
    struct tpl t = {.src = rv_str(a[0]), .data = a[1]};
    osp_buf_init(&t.out, 1u << 24);
    int stop = 0;
    const char *end = run(&t, t.src, 1, 0, &stop);
    if (!end || stop || t.oom) {
        osp_buf_cleanup(&t.out);
        return rego_bi_error(bc, "template: %s", t.err[0] ? t.err : t.oom ? "output too large" : "unexpected {{end}}");
    }
    size_t n = t.out.len;
    return bi_ok(out, rv_str_take(osp_buf_take(&t.out), n));
}
