/* fuzz_yaml_spec.c: libFuzzer target for the YAML readers: the engine's YAML reader
 * (rego_yaml_parse / bi_yaml_parse_lines, used for METADATA, yaml.unmarshal and the catalog), the
 * METADATA annotation checker (rego_metadata_parse, as stripped text and as "# " comment lines)
 * and the compliance spec loader (scan_spec_parse, the `--compliance @spec.yaml` reader).
 *
 * Invariants: a refusal always carries a message (and a line >= 0 for METADATA); an accepted
 * document serialises to JSON, is written back as YAML (bi_yaml_dump) and that YAML reads back
 * equal; the two YAML entry points agree; an accepted spec has an id, and every control has an id,
 * non-NULL strings, and is manual when no check decides it. The alias budget keeps every input
 * bounded (a "billion laughs" document is an error, not an hour). Build and run: TARGETS.md.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "rego/builtins/bi_yaml.h"
#include "rego/metadata.h"
#include "rego/rego.h"
#include "scan/scan_int.h"

static void yaml_reader(const char *text, size_t len)
{
    struct osp_err err;
    osp_err_init(&err);
    rv doc = rv_undef();
    enum osp_code rc = rego_yaml_parse(text, len, "fuzz.yaml", &doc, &err);
    rv again = rv_undef(), lines = rv_undef();
    char msg[256] = "";
    int line = -1;
    int rc2 = bi_yaml_parse_lines(text, len, &again, &lines, msg, sizeof msg, &line);
    if (rc) {
        FUZZ_CHECK(rc == OSP_ECONFIG && err.msg[0]);
        FUZZ_CHECK(rc2 != 0 && msg[0] && line >= 0);
        return;
    }
    FUZZ_CHECK(rc2 == 0);
    FUZZ_CHECK(rv_equal(doc, again));
    char *json = rv_json_dump(doc, false);
    FUZZ_CHECK(json != NULL);
    size_t big = strlen(json) > 65536; /* an alias-expanded document: the round trip only costs time */
    free(json);
    char *y = big ? NULL : bi_yaml_dump(doc);
    if (y) { /* NULL only when the value holds what YAML cannot say (never for a parsed document) */
        rv back = rv_undef();
        FUZZ_CHECK(bi_yaml_parse(y, strlen(y), &back, msg, sizeof msg, NULL) == 0);
        FUZZ_CHECK(rv_equal(doc, back));
        rv_unref(back);
        free(y);
    }
    rv_unref(doc);
    rv_unref(again);
    rv_unref(lines);
}

static void metadata(const char *text, size_t len)
{
    static const char *const scopes[] = {"rule", NULL};
    for (size_t k = 0; k < sizeof scopes / sizeof scopes[0]; k++) {
        struct osp_err err;
        osp_err_init(&err);
        rv ann = rv_undef();
        int line = -1;
        enum osp_code rc = rego_metadata_parse(text, len, scopes[k], &ann, &line, &err);
        if (rc) {
            FUZZ_CHECK(rc == OSP_EPOLICY && err.msg[0]);
            continue;
        }
        FUZZ_CHECK(rv_kind(ann) == RV_OBJECT);
        char *json = rv_json_dump(ann, false);
        FUZZ_CHECK(json != NULL);
        free(json);
        rv_unref(ann);
    }
}

/* The same text as "# " comment lines (the form the Rego parser hands over). */
static void metadata_comments(const char *text, size_t len)
{
    size_t nl = 1;
    for (size_t i = 0; i < len; i++)
        nl += text[i] == '\n';
    char *c = malloc(len + 2 * nl + 1);
    if (!c)
        return;
    size_t o = 0;
    c[o++] = '#';
    c[o++] = ' ';
    for (size_t i = 0; i < len; i++) {
        c[o++] = text[i];
        if (text[i] == '\n') {
            c[o++] = '#';
            c[o++] = ' ';
        }
    }
    c[o] = '\0';
    metadata(c, o);
    free(c);
}

static void spec(const char *text, size_t len)
{
    struct scan_pool pool = {0};
    struct scan_spec sp;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = scan_spec_parse(&pool, text, len, "fuzz-spec.yaml", &sp, &err);
    if (rc) {
        FUZZ_CHECK(err.msg[0]);
    } else {
        FUZZ_CHECK(sp.id && sp.id[0] && sp.title && sp.version && sp.description);
        for (size_t i = 0; i < sp.ncontrols; i++) {
            const struct scan_control *c = &sp.controls[i];
            FUZZ_CHECK(c->id && c->name && c->note && c->level && c->assessment);
            FUZZ_CHECK(c->manual || c->nchecks > 0);
            for (size_t j = 0; j < c->nchecks; j++)
                FUZZ_CHECK(c->checks[j] && c->checks[j][0]);
        }
    }
    scan_pool_free(&pool);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    fuzz_note_input(data, size);
    char *text = fuzz_strndup(data, size);
    if (!text)
        return 0;
    size_t len = strlen(text); /* the readers see a file's text up to its first NUL */
    yaml_reader(text, len);
    metadata(text, len);
    metadata_comments(text, len);
    spec(text, len);
    free(text);
    return 0;
}
