/* fuzz_cwfilter.c: fuzz target for the CloudWatch Logs filter pattern parser (core/cwfilter.h).
 *
 * The input is a filter pattern, optionally followed by a newline, "--" and a newline and a second
 * pattern (the "required" side of a coverage proof). Invariants: a refusal carries OSP_EPARSE
 * with "offset N:", OSP_ELIMIT or OSP_ENOMEM and a message; an accepted pattern formats (in both
 * readings) to text that parses again (or passes the nesting limit) to the same text; a small pattern covers itself and its
 * formatted text both ways; cwf_covers is deterministic and never crashes on any pair.
 */
#include <stdint.h>

#include "core/cwfilter.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Small enough that the DNF cannot pass CWF_MAX_DNF (about 3^(atoms/3) conjunctions). */
#define SMALL 150

static struct cwf_pattern *parse_checked(const char *s, size_t n)
{
    struct cwf_pattern *p = NULL;
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code rc = cwf_parse(s, n, &p, &err);
    if (rc != OSP_OK) {
        FUZZ_CHECK(p == NULL && err.code == rc && err.msg[0]);
        FUZZ_CHECK(rc == OSP_ENOMEM || rc == OSP_ELIMIT || (rc == OSP_EPARSE && !strncmp(err.msg, "offset ", 7)));
        return NULL;
    }
    FUZZ_CHECK(p != NULL);
    return p;
}

static void round_trip(const struct cwf_pattern *p, size_t n)
{
    for (int reading = 0; reading < 2; reading++) {
        char *once = cwf_format(p, reading);
        if (!once)
            return;
        struct cwf_pattern *q = NULL;
        struct osp_err err;
        osp_err_init(&err);
        enum osp_code rc = cwf_parse(once, strlen(once), &q, &err);
        if (rc == OSP_ELIMIT) { /* alternating && / || read left to right nest one level per operator */
            free(once);
            continue;
        }
        FUZZ_CHECK(rc == OSP_OK && q != NULL);
        FUZZ_CHECK(!cwf_ambiguous(q)); /* the formatted text is fully parenthesised */
        char *twice = cwf_format(q, 0);
        FUZZ_CHECK(twice && !strcmp(once, twice));
        if (n < SMALL && !cwf_ambiguous(p)) {
            FUZZ_CHECK(cwf_covers(p, q) == 1);
            FUZZ_CHECK(cwf_covers(q, p) == 1);
        }
        free(twice);
        free(once);
        cwf_free(q);
    }
    if (n < SMALL)
        FUZZ_CHECK(cwf_covers(p, p) == 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_note_input(data, size);
    const char *s = (const char *)data;
    size_t n1 = size, off2 = size;
    for (size_t i = 0; i + 4 <= size; i++)
        if (!memcmp(s + i, "\n--\n", 4)) {
            n1 = i;
            off2 = i + 4;
            break;
        }
    struct cwf_pattern *f = parse_checked(s, n1);
    if (f)
        round_trip(f, n1);
    if (off2 < size) {
        struct cwf_pattern *r = parse_checked(s + off2, size - off2);
        if (r)
            round_trip(r, size - off2);
        if (f && r) {
            int a = cwf_covers(f, r);
            FUZZ_CHECK(a == 0 || a == 1);
            FUZZ_CHECK(cwf_covers(f, r) == a);
        }
        cwf_free(r);
    }
    cwf_free(f);
    return 0;
}
