/* test_bi_helpers.h: evaluate one builtin expression through the real engine for the
 * builtin unit tests (test_bi_*.c).
 *
 *   BT_EQ("upper(\"abc\")", "\"ABC\"");                  // value as canonical JSON
 *   BT_ERR("substring(\"a\", -1, 1)", "eval_builtin_error", "negative offset");
 *   BT_UNDEF("regex.match(1, 2)");                        // non-strict: an error is undefined
 *
 * bt_eval() evaluates `x := EXPR` with --strict-builtin-errors and returns a malloc'd string:
 * the JSON of x, "UNDEFINED", or "ERROR <code>: <message>".
 */
#ifndef OSPREY_TESTS_BI_HELPERS_H
#define OSPREY_TESTS_BI_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ctx.h"
#include "osp_test.h"
#include "rego/rego.h"

static inline char *bt_eval_opts(const char *expr, int strict)
{
    struct osp_ctx ctx;
    osp_ctx_init(&ctx);
    struct osp_err err;
    osp_err_init(&err);
    struct rego_opts o = {0};
#ifdef BT_OPTS_INIT /* e.g. the scan layer's host builtins */
    BT_OPTS_INIT(o);
#endif
    o.strict_builtin_errors = strict;
    struct rego_engine *e = NULL;
    char *out = NULL;
    char q[4096];
    snprintf(q, sizeof q, "x := %s", expr);
    if (rego_engine_new(&ctx, &o, &e, &err) || rego_compile(e, &err))
        return strdup("ENGINE SETUP FAILED");
    rv res;
    if (rego_eval(e, q, rv_undef(), &res, &err) != OSP_OK) {
        const struct rego_error *re = rego_last_error(e);
        size_t n = strlen(re->code) + strlen(re->message) + 16;
        out = malloc(n);
        snprintf(out, n, "ERROR %s: %s", re->code, re->message);
        rego_engine_free(e);
        return out;
    }
    rv rows = rv_obj_get_s(res, "result");
    rv x = rv_obj_get_s(rv_obj_get_s(rv_arr_at(rows, 0), "bindings"), "x");
    out = rv_is_undef(x) ? strdup("UNDEFINED") : rv_json_dump(x, false);
    rv_unref(res);
    rego_engine_free(e);
    return out;
}

static inline char *bt_eval(const char *expr)
{
    return bt_eval_opts(expr, 1);
}

#define BT_EQ(expr, want)                                                                                              \
    do {                                                                                                               \
        char *bt_got_ = bt_eval(expr);                                                                                 \
        if (strcmp(bt_got_, (want)) != 0)                                                                              \
            fprintf(stderr, "\n  %s\n    want %s\n    got  %s\n", (expr), (want), bt_got_);                            \
        CU_ASSERT_STRING_EQUAL(bt_got_, (want));                                                                       \
        free(bt_got_);                                                                                                 \
    } while (0)

/* An error whose code equals code and whose message contains text. */
#define BT_ERR(expr, code, text)                                                                                       \
    do {                                                                                                               \
        char *bt_got_ = bt_eval(expr);                                                                                 \
        int bt_ok_ =                                                                                                   \
            !strncmp(bt_got_, "ERROR " code ":", strlen("ERROR " code ":")) && strstr(bt_got_, (text)) != NULL;        \
        if (!bt_ok_)                                                                                                   \
            fprintf(stderr, "\n  %s\n    want ERROR %s: ...%s...\n    got  %s\n", (expr), code, (text), bt_got_);      \
        CU_ASSERT_TRUE(bt_ok_);                                                                                        \
        free(bt_got_);                                                                                                 \
    } while (0)

/* Without strict builtin errors the expression is undefined. */
#define BT_UNDEF(expr)                                                                                                 \
    do {                                                                                                               \
        char *bt_got_ = bt_eval_opts(expr, 0);                                                                         \
        if (strcmp(bt_got_, "UNDEFINED") != 0)                                                                         \
            fprintf(stderr, "\n  %s\n    want UNDEFINED\n    got  %s\n", (expr), bt_got_);                             \
        CU_ASSERT_STRING_EQUAL(bt_got_, "UNDEFINED");                                                                  \
        free(bt_got_);                                                                                                 \
    } while (0)

#endif
