/* bi_trivy.c: Trivy's custom builtins: result.new, isManaged and squealer.scan_string.
 *
 * result.new(msg, cause) returns the finding object Trivy's checks emit: msg plus the
 * location fields of cause (startline, endline, filepath, sourceprefix, explicit, managed,
 * fskey, resource), read from cause.__defsec_metadata when present, else from cause itself,
 * with Dockerfile spellings (StartLine, EndLine, Path) honoured, and a "parent" chain. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

#define METADATA_KEY "__defsec_metadata"
#define MAX_PARENTS 64

static const struct {
    const char *from, *to;
} inherited[] = {
    {"startline", "startline"}, {"StartLine", "startline"}, {"endline", "endline"},           {"EndLine", "endline"},
    {"filepath", "filepath"},   {"Path", "filepath"},       {"sourceprefix", "sourceprefix"}, {"explicit", "explicit"},
    {"managed", "managed"},     {"fskey", "fskey"},         {"resource", "resource"},
};

static void set_s(rv *o, const char *k, rv v)
{
    rv_obj_set(o, rv_str_new(k), v);
}

/* Build the result object; msg may be undefined (parents carry no message). Borrows. */
static rv make_result(rv msg, rv cause, int depth)
{
    rv r = rv_obj_new();
    set_s(&r, "startline", rv_num_int(0));
    set_s(&r, "endline", rv_num_int(0));
    set_s(&r, "sourceprefix", rv_str_new(""));
    set_s(&r, "filepath", rv_str_new(""));
    set_s(&r, "explicit", rv_bool(false));
    set_s(&r, "managed", rv_bool(true));
    set_s(&r, "fskey", rv_str_new(""));
    set_s(&r, "resource", rv_str_new(""));
    set_s(&r, "parent", rv_null());
    if (!rv_is_undef(msg))
        set_s(&r, "msg", rv_ref(msg));
    rv in = cause;
    if (rv_kind(cause) == RV_OBJECT && !rv_is_undef(rv_obj_get_s(cause, METADATA_KEY)))
        in = rv_obj_get_s(cause, METADATA_KEY);
    if (rv_kind(in) != RV_OBJECT)
        return r;
    for (size_t i = 0; i < sizeof inherited / sizeof inherited[0]; i++) {
        rv v = rv_obj_get_s(in, inherited[i].from);
        if (!rv_is_undef(v))
            set_s(&r, inherited[i].to, rv_ref(v));
    }
    rv parent = rv_obj_get_s(in, "parent");
    if (!rv_is_undef(parent) && depth < MAX_PARENTS)
        set_s(&r, "parent", make_result(rv_undef(), parent, depth + 1));
    return r;
}

BI(result_new)
{
    return bi_ok(out, make_result(a[0], a[1], 0));
}

BI(is_managed)
{
    rv r = make_result(rv_undef(), a[0], 0);
    rv m = rv_ref(rv_obj_get_s(r, "managed"));
    rv_unref(r);
    return bi_ok(out, m);
}

/* ---- squealer.scan_string: a small documented set of secret patterns ---- */

static const struct {
    const char *description;
    const char *pattern;
} secret_rules[] = {
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
    {"Password literal", "(?i)[a-z0-9_.-]*(?:password|passwd|secret)[a-z0-9_.-]*\\s*[:=]\\s*\\\\?[\"'][^\"'\\s]{4,}\\\\?[\"']"},
};

/* 1 when pattern i matches s, 0 when not, -1 on error. */
static int rule_matches(size_t i, const char *s, size_t len)
{
    int ec;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)secret_rules[i].pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &ec, &off, NULL);
    if (!re)
        return -1;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = md ? pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, md, NULL) : -1;
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

BI(squealer_scan_string)
{
    BI_WANT(0, RV_STRING);
    const char *found = "";
    for (size_t i = 0; i < sizeof secret_rules / sizeof secret_rules[0]; i++) {
        int m = rule_matches(i, rv_str(a[0]), rv_str_len(a[0]));
        if (m < 0)
            return rego_bi_error(bc, "secret pattern \"%s\" failed", secret_rules[i].description);
        if (m) {
            found = secret_rules[i].description;
            break;
        }
    }
    rv r = rv_obj_new();
    set_s(&r, "transgressionFound", rv_bool(*found != 0));
    set_s(&r, "description", rv_str_new(found));
    return bi_ok(out, r);
}
