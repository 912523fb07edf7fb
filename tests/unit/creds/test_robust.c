/* test_robust.c: the INI and credential JSON parsers on mutated input: errors, never crashes. */
#include <stdlib.h>
#include <string.h>

#include "creds/creds_int.h"
#include "osp_test.h"

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static unsigned next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)rng;
}

/* Flip, insert or delete a few bytes of seed (never a NUL: the parsers take C strings). */
static char *mutate(const char *seed)
{
    size_t n = strlen(seed), cap = n * 2 + 64;
    char *s = malloc(cap);
    memcpy(s, seed, n + 1);
    int edits = 1 + (int)(next() % 8);
    static const char alphabet[] = "[]=#;\n \t\"{}:,\\0123456789abcZ\xff\x80";
    for (int e = 0; e < edits; e++) {
        size_t at = n ? next() % n : 0;
        char ch = alphabet[next() % (sizeof(alphabet) - 1)];
        switch (next() % 3) {
        case 0:
            if (n)
                s[at] = ch;
            break;
        case 1:
            if (n + 2 < cap) {
                memmove(s + at + 1, s + at, n - at + 1);
                s[at] = ch;
                n++;
            }
            break;
        default:
            if (n) {
                memmove(s + at, s + at + 1, n - at);
                n--;
            }
        }
    }
    return s;
}

static int known(enum osp_code rc)
{
    return rc == OSP_OK || rc == OSP_ECONFIG || rc == OSP_EPARSE || rc == OSP_ECREDS;
}

static void test_ini_parser_survives_mutations(void)
{
    const char *seed = "# c\n[default]\nregion = us-east-1\ns3 =\n  a = b\n[profile x]\nrole_arn = arn ; c\n"
                       "[sso-session y]\nsso_region=eu-west-1\n";
    int bad = 0;
    for (int i = 0; i < 5000; i++) {
        char *in = mutate(seed);
        struct cred_ini ini;
        struct osp_err err;
        osp_err_init(&err);
        enum osp_code rc = cred_ini_parse("fuzz", in, &ini, &err);
        bad += !known(rc);
        if (rc == OSP_OK) {
            (void)cred_ini_get(cred_ini_section(&ini, "default"), "region");
            cred_ini_cleanup(&ini);
        } else {
            bad += strncmp(err.msg, "fuzz:", 5) != 0; /* every error names file:line */
        }
        free(in);
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_credential_json_parsers_survive_mutations(void)
{
    const char *seed = "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"s\", \"SessionToken\": "
                       "\"t\", \"Token\": \"t\", \"Code\": \"Success\", \"Expiration\": \"2100-01-01T00:00:00Z\"}";
    int bad = 0, ok = 0;
    for (int i = 0; i < 5000; i++) {
        char *in = mutate(seed);
        struct aws_creds cr;
        struct osp_err err;
        osp_err_init(&err);
        enum osp_code rc = (i & 1) ? cred_parse_process_json(in, 1700000000, "p", &cr, &err)
                                   : cred_parse_container_json(in, 1700000000, "ecs", &cr, &err);
        bad += !known(rc);
        if (rc == OSP_OK) {
            ok++;
            bad += cr.access_key_id[0] == 0;
            aws_creds_cleanup(&cr);
        }
        free(in);
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_TRUE(ok > 0); /* some mutations (inside string values) still parse */
}

static const struct osp_test tests[] = {
    OSP_TEST(test_ini_parser_survives_mutations),
    OSP_TEST(test_credential_json_parsers_survive_mutations),
    {0},
};

int main(void)
{
    return osp_test_run("creds_robust", tests);
}
