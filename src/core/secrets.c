/* secrets.c: the secret rules (PCRE2), compiled once; finding and redacting their matches. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "core/secrets.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

static const struct {
    const char *description;
    const char *pattern;
} rules[] = {
    {"AWS Access Key ID", "(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}"},
    {"AWS Secret Access Key",
     "(?i)aws.{0,20}?(?:secret|private|key).{0,20}?['\"=:\\s]\\s*['\"]?[0-9a-zA-Z/+]{40}(?![0-9a-zA-Z/+])"},
    {"Private Key", "-----BEGIN (?:RSA |DSA |EC |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----"},
    {"GitHub Token", "(?:ghp|gho|ghu|ghs|ghr)_[0-9a-zA-Z]{36}"},
    {"GitHub Fine-Grained Token", "github_pat_[0-9a-zA-Z_]{82}"},
    {"Slack Token", "xox[baprs]-[0-9a-zA-Z-]{10,72}"},
    {"Slack Webhook", "https://hooks\\.slack\\.com/services/T[0-9A-Za-z]+/B[0-9A-Za-z]+/[0-9A-Za-z]+"},
    {"Google API Key", "AIza[0-9A-Za-z_-]{35}"},
    {"Stripe Secret Key", "(?:sk|rk)_live_[0-9a-zA-Z]{24,}"},
    {"Password in URL", "[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]{1,64}:[^/\\s:@]{1,64}@[^\\s/]+"},
    /* NAME_PASSWORD="value" (shell, env files, user data): a quoted value of 4+ characters */
    {"Password literal", "(?i)[a-z0-9_.-]*(?:password|passwd|secret)[a-z0-9_.-]*\\s*[:=]\\s*\\\\?[\"'][^\"'\\s]{4,}\\\\?[\"']"},
};
#define NRULES (sizeof rules / sizeof rules[0])

static pcre2_code *compiled[NRULES];
static int compile_failed;
static pthread_once_t compile_once = PTHREAD_ONCE_INIT;

static void compile_all(void)
{
    for (size_t i = 0; i < NRULES; i++) {
        int ec;
        PCRE2_SIZE off;
        compiled[i] = pcre2_compile((PCRE2_SPTR)rules[i].pattern, PCRE2_ZERO_TERMINATED,
                                    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &ec, &off, NULL);
        if (!compiled[i])
            compile_failed = 1;
    }
}

size_t osp_secret_rule_count(void)
{
    return NRULES;
}

const char *osp_secret_rule_name(size_t i)
{
    return i < NRULES ? rules[i].description : NULL;
}

/* Rule i's first match in s at or after `from`: 1 with [*start, *end), 0 none, -1 error. */
static int match_at(size_t i, const char *s, size_t len, size_t from, size_t *start, size_t *end)
{
    pthread_once(&compile_once, compile_all);
    if (compile_failed)
        return -1;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(compiled[i], NULL);
    if (!md)
        return -1;
    int rc = pcre2_match(compiled[i], (PCRE2_SPTR)(s ? s : ""), len, from, 0, md, NULL);
    if (rc >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        *start = ov[0];
        *end = ov[1] > ov[0] ? ov[1] : ov[0];
    }
    pcre2_match_data_free(md);
    return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

static int has_marker(size_t i, const char *s, size_t len)
{
    char m[96];
    int n = snprintf(m, sizeof m, "%s%s]", OSP_SECRET_MARKER_RULE, rules[i].description);
    if (!s || n <= 0 || (size_t)n >= sizeof m)
        return 0;
    for (const char *p = s; (size_t)(p - s) + (size_t)n <= len; p++) {
        p = memchr(p, '[', len - (size_t)(p - s));
        if (!p || (size_t)(p - s) + (size_t)n > len)
            return 0;
        if (memcmp(p, m, (size_t)n) == 0)
            return 1;
    }
    return 0;
}

int osp_secret_find(const char *s, size_t len, const char **description)
{
    for (size_t i = 0; i < NRULES; i++) {
        size_t a, b;
        int m = has_marker(i, s, len) ? 1 : match_at(i, s, len, 0, &a, &b);
        if (m < 0)
            return -1;
        if (m) {
            *description = rules[i].description;
            return 1;
        }
    }
    return 0;
}

char *osp_secret_redact(const char *s, size_t len, size_t *found)
{
    struct osp_buf out;
    osp_buf_init(&out, 0);
    size_t pos = 0, n = 0;
    int err = 0;
    while (pos <= len && !err) {
        size_t best = NRULES, bs = 0, be = 0;
        for (size_t i = 0; i < NRULES; i++) {
            size_t a, b;
            int m = match_at(i, s, len, pos, &a, &b);
            if (m < 0)
                err = 1;
            else if (m && (best == NRULES || a < bs)) {
                best = i;
                bs = a;
                be = b;
            }
        }
        if (err || best == NRULES)
            break;
        if (be == bs)
            be = bs + 1 <= len ? bs + 1 : len; /* never loop on an empty match */
        char mark[96];
        int k = snprintf(mark, sizeof mark, "%s%s]", OSP_SECRET_MARKER_RULE, rules[best].description);
        if (osp_buf_add(&out, s + pos, bs - pos) != OSP_OK || osp_buf_add(&out, mark, (size_t)k) != OSP_OK)
            err = 1;
        n++;
        pos = be;
        if (pos >= len)
            break;
    }
    if (!err && pos < len && osp_buf_add(&out, s + pos, len - pos) != OSP_OK)
        err = 1;
    char *txt = err ? NULL : osp_buf_take(&out);
    osp_buf_cleanup(&out);
    if (txt && found)
        *found = n;
    return txt;
}

char *osp_secret_redact_value(const char *name, const char *s, size_t len)
{
    const char *rule = NULL;
    char mark[96];
    int found = osp_secret_find(s, len, &rule) == 1;
    /* NAME="value", then NAME=value (a value that brings its own quotes) */
    for (int quoted = 1; !found && name && *name && quoted >= 0; quoted--) {
        struct osp_buf a;
        osp_buf_init(&a, 0);
        if (osp_buf_adds(&a, name) == OSP_OK && osp_buf_adds(&a, quoted ? "=\"" : "=") == OSP_OK &&
            osp_buf_add(&a, s, len) == OSP_OK && (!quoted || osp_buf_addc(&a, '"') == OSP_OK))
            found = osp_secret_find(a.data, a.len, &rule) == 1;
        osp_buf_cleanup(&a);
    }
    if (found)
        snprintf(mark, sizeof mark, "%s%s]", OSP_SECRET_MARKER_RULE, rule);
    else
        snprintf(mark, sizeof mark, "%s", OSP_SECRET_MARKER);
    return strdup(mark);
}
