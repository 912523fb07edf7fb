/* fuzz_rego_parse.c: libFuzzer target for the Rego front end: lexer, parser, compiler
 * (resolution, safety, rule grouping) and a bounded evaluation of every document.
 *
 * Invariants: a refused module always carries an OPA error code, a message and a position
 * inside the input; an accepted module prints as an AST (`rego parse`) and compiles or fails
 * with a code; evaluation of `data`
 * ends (step budget, depth cap) with a result or an error, never a crash or a leak. The same
 * input is tried as Rego v1 and as v0. Build and run: tests/fuzz/README.md.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "rego/rego.h"

static void one(struct osp_ctx *ctx, const char *text, size_t len, bool v0)
{
    struct rego_opts o;
    memset(&o, 0, sizeof(o));
    o.v0_compatible = v0;
    o.max_steps = 20000;
    o.max_depth = 40;
    struct osp_err err;
    osp_err_init(&err);
    struct rego_engine *e = NULL;
    FUZZ_CHECK(rego_engine_new(ctx, &o, &e, &err) == OSP_OK);
    enum osp_code rc = rego_add_module(e, "fuzz.rego", text, len, &err);
    if (rc) {
        const struct rego_error *le = rego_last_error(e);
        FUZZ_CHECK(rc == OSP_EPOLICY);
        FUZZ_CHECK(!strcmp(le->code, "rego_parse_error"));
        FUZZ_CHECK(le->message[0] && err.msg[0]);
        FUZZ_CHECK(le->line >= 1);
        rego_engine_free(e);
        return;
    }
    char *ast = NULL;
    struct osp_err perr;
    osp_err_init(&perr);
    FUZZ_CHECK(rego_parse_to_json("fuzz.rego", text, len, v0, &ast, &perr) == OSP_OK);
    FUZZ_CHECK(ast != NULL && ast[0] == '{');
    free(ast);
    rc = rego_compile(e, &err);
    if (rc) {
        FUZZ_CHECK(rego_last_error(e)->code[0] != '\0');
        rego_engine_free(e);
        return;
    }
    rv input = rv_undef();
    static const char in[] = "{\"a\": [1, {\"b\": \"c\"}], \"n\": 2}";
    FUZZ_CHECK(rego_input_parse(in, sizeof(in) - 1, &input, &err) == OSP_OK);
    rv result = rv_undef();
    rc = rego_eval(e, "data", input, &result, &err);
    if (rc == OSP_OK) {
        char *s = rv_json_dump(result, false);
        FUZZ_CHECK(s != NULL);
        free(s);
    } else {
        FUZZ_CHECK(rc == OSP_EEVAL || rc == OSP_EPOLICY);
        FUZZ_CHECK(err.msg[0] != '\0');
    }
    rv_unref(result);
    rv_unref(input);
    rego_engine_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    fuzz_note_input(data, size);
    size_t lines = 0;
    struct osp_ctx ctx;
    fuzz_ctx(&ctx, &lines);
    char *text = fuzz_strndup(data, size);
    if (!text)
        return 0;
    one(&ctx, text, size, false);
    one(&ctx, text, size, true);
    free(text);
    return 0;
}
