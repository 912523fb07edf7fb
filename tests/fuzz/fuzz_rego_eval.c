/* fuzz_rego_eval.c: libFuzzer target for Rego evaluation over input documents.
 *
 * Input: `<policy>\n---\n<input JSON>` (no separator: all policy, no input).
 * - A policy is added with osprey's host builtins (result.new, squealer.scan_string, cidr.*,
 *   osprey.cwlogs.filter_covers), plus the built-in helper library (checks/lib) when it names
 *   `data.lib.`; after compiling, `data` is evaluated and then every rule of the module by
 *   reference, each under a step budget (20,000) and a depth cap (40), once with builtin errors
 *   as undefined and once strict.
 * - An empty policy (the input starts with `---\n`) evaluates the input document against the
 *   built-in checks (checks/aws + checks/lib, compiled once): `data.builtin.aws.<service>` for
 *   each service under input.aws (at most 4), the path a scan takes with collected state.
 *
 * Invariants: a refused input JSON or policy carries a message; evaluation ends (budget, depth,
 * stack cap) with a result that serialises to JSON or an error with a message and a code, never a
 * crash, a leak or a hang. Build and run: TARGETS.md.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "rego/rego.h"
#include "scan/scan.h"

#define STEPS 20000
#define DEPTH 40

static void check_eval(enum osp_code rc, rv result, const struct osp_err *err)
{
    static int verbose = -1; /* OSPREY_FUZZ_VERBOSE=1: print each result (to check what a seed reaches) */
    if (verbose < 0)
        verbose = getenv("OSPREY_FUZZ_VERBOSE") != NULL;
    if (rc == OSP_OK) {
        if (rv_kind(result) != RV_UNDEF) {
            char *s = rv_json_dump(result, false);
            FUZZ_CHECK(s != NULL);
            if (verbose)
                fprintf(stderr, "result: %.300s\n", s);
            free(s);
        }
    } else {
        if (verbose)
            fprintf(stderr, "error: %s\n", err->msg);
        FUZZ_CHECK(rc == OSP_EEVAL || rc == OSP_EPOLICY);
        FUZZ_CHECK(err->msg[0] != '\0');
    }
}

static void policy_run(struct osp_ctx *ctx, const char *pol, size_t plen, rv input, bool strict)
{
    struct rego_opts o;
    scan_rego_opts_init(&o);
    o.max_steps = STEPS;
    o.max_depth = DEPTH;
    o.strict_builtin_errors = strict;
    struct osp_err err;
    osp_err_init(&err);
    struct rego_engine *e = NULL;
    FUZZ_CHECK(rego_engine_new(ctx, &o, &e, &err) == OSP_OK);
    enum osp_code rc = rego_add_module(e, "fuzz.rego", pol, plen, &err);
    if (rc) {
        FUZZ_CHECK(rc == OSP_EPOLICY && err.msg[0]);
        rego_engine_free(e);
        return;
    }
    if (strstr(pol, "data.lib.") && scan_add_builtin_libs(e, &err)) {
        FUZZ_CHECK(err.msg[0]); /* a module that clashes with the library's packages */
        rego_engine_free(e);
        return;
    }
    rc = rego_compile(e, &err);
    if (rc) {
        FUZZ_CHECK(err.msg[0] && rego_last_error(e)->code[0]);
        rego_engine_free(e);
        return;
    }
    rv result = rv_undef();
    osp_err_init(&err);
    rc = rego_eval(e, "data", input, &result, &err);
    check_eval(rc, result, &err);
    rv_unref(result);
    struct rego_module_info mi;
    osp_err_init(&err);
    if (rego_module_count(e) == 0 || rego_module_info(e, 0, &mi, &err))
        goto done;
    for (size_t i = 0; i < mi.nrules && i < 8; i++) {
        char ref[512];
        if ((size_t)snprintf(ref, sizeof ref, "data.%s.%s", mi.package, mi.rules[i]) >= sizeof ref)
            continue;
        rv v = rv_undef();
        osp_err_init(&err);
        rc = rego_eval_ref(e, ref, input, &v, &err);
        check_eval(rc, v, &err);
        rv_unref(v);
    }
done:
    rego_engine_free(e);
}

/* The built-in checks, compiled once (the engine is read-only after rego_compile). */
static struct rego_engine *builtin_engine(struct osp_ctx *ctx)
{
    static struct rego_engine *e;
    static struct rego_opts o;
    if (e)
        return e;
    scan_rego_opts_init(&o);
    o.max_steps = STEPS * 10;
    o.max_depth = DEPTH;
    struct osp_err err;
    osp_err_init(&err);
    FUZZ_CHECK(rego_engine_new(ctx, &o, &e, &err) == OSP_OK);
    FUZZ_CHECK(scan_add_builtin_modules(ctx, e, &o, SCAN_BI_LIB | SCAN_BI_CHECKS, &err) == OSP_OK);
    FUZZ_CHECK(rego_compile(e, &err) == OSP_OK);
    return e;
}

static bool ident(const char *s)
{
    if (!*s || strlen(s) > 40)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static void builtin_run(struct osp_ctx *ctx, rv input)
{
    struct rego_engine *e = builtin_engine(ctx);
    rv aws = rv_obj_get_s(input, "aws");
    if (rv_kind(aws) != RV_OBJECT)
        return;
    for (size_t i = 0; i < rv_len(aws) && i < 4; i++) {
        rv k = rv_obj_key_at(aws, i);
        if (rv_kind(k) != RV_STRING || !ident(rv_str(k)))
            continue;
        char ref[64];
        snprintf(ref, sizeof ref, "data.builtin.aws.%s", rv_str(k));
        struct osp_err err;
        osp_err_init(&err);
        rv v = rv_undef();
        enum osp_code rc = rego_eval_ref(e, ref, input, &v, &err);
        check_eval(rc, v, &err);
        rv_unref(v);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    fuzz_note_input(data, size);
    /* A context that lives across inputs (the built-in engine keeps a pointer to it). */
    static size_t lines;
    static struct osp_ctx ctx;
    static int ready;
    if (!ready) {
        fuzz_ctx(&ctx, &lines);
        ready = 1;
    }
    char *text = fuzz_strndup(data, size);
    if (!text)
        return 0;
    size_t plen = size;
    const char *json = NULL;
    if (size >= 4 && !memcmp(text, "---\n", 4)) {
        plen = 0;
        json = text + 4;
    } else {
        char *sep = strstr(text, "\n---\n");
        if (sep) {
            plen = (size_t)(sep - text) + 1;
            json = sep + 5;
        }
    }
    rv input = rv_undef();
    if (json) {
        size_t jlen = size - (size_t)(json - text);
        struct osp_err err;
        osp_err_init(&err);
        if (rego_input_parse(json, jlen, &input, &err) != OSP_OK) {
            FUZZ_CHECK(err.msg[0]);
            input = rv_undef();
        }
    }
    if (plen == 0) {
        if (rv_kind(input) != RV_UNDEF)
            builtin_run(&ctx, input);
    } else {
        text[plen] = '\0';
        policy_run(&ctx, text, plen, input, false);
        policy_run(&ctx, text, plen, input, true);
    }
    rv_unref(input);
    free(text);
    return 0;
}
