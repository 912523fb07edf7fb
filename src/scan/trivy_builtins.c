/* trivy_builtins.c: Trivy's custom Rego builtins, registered with the engine as host builtins
 * (rego_opts.host_builtins) so that checks written for Trivy run unchanged; the engine itself
 * knows nothing of Trivy.
 *
 * result.new(msg, cause): the finding object Trivy's checks emit: msg plus the location fields of
 *   cause (startline, endline, filepath, sourceprefix, explicit, managed, fskey, resource), read
 *   from cause.__defsec_metadata when present, else from cause itself, with Dockerfile spellings
 *   (StartLine, EndLine, Path) honoured, and a "parent" chain.
 * isManaged(x): the managed flag the same way (true when absent).
 * squealer.scan_string(s): {transgressionFound, description} from the secret rules of
 *   core/secrets.h, which also recognise the markers collectors leave where they redacted one.
 * cidr.is_public(s), cidr.count_addresses(s): Trivy's CIDR helpers ("*", "internet" and "any"
 *   mean everything), on top of the engine's net.cidr_contains. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "core/secrets.h"
#include "rego/builtin.h"
#include "rego/rego.h"
#include "scan/scan.h"
#include "scan/scan_int.h"

#define METADATA_KEY "__defsec_metadata"
#define MAX_PARENTS 64

static enum rego_bi_status ok(rv *out, rv v)
{
    *out = v;
    return REGO_BI_OK;
}

static enum rego_bi_status want_string(struct rego_bctx *bc, const rv *a)
{
    if (rv_kind(a[0]) == RV_STRING)
        return REGO_BI_OK;
    return rego_bi_type_error(bc, "operand 1 must be string but got %s", rv_kind_name(rv_kind(a[0])));
}

/* ---- result.new, isManaged ---- */

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

/* The result object; msg may be undefined (parents carry no message). Borrows. */
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

static enum rego_bi_status result_new(struct rego_bctx *bc, const rv *a, rv *out)
{
    (void)bc;
    return ok(out, make_result(a[0], a[1], 0));
}

static enum rego_bi_status is_managed(struct rego_bctx *bc, const rv *a, rv *out)
{
    (void)bc;
    rv r = make_result(rv_undef(), a[0], 0);
    rv m = rv_ref(rv_obj_get_s(r, "managed"));
    rv_unref(r);
    return ok(out, m);
}

/* ---- squealer.scan_string ---- */

static enum rego_bi_status squealer_scan_string(struct rego_bctx *bc, const rv *a, rv *out)
{
    if (want_string(bc, a))
        return REGO_BI_ERR;
    /* the patterns, or a marker the collectors left where they redacted a match (core/secrets.h) */
    const char *found = "";
    if (osp_secret_find(rv_str(a[0]), rv_str_len(a[0]), &found) < 0)
        return rego_bi_error(bc, "secret patterns failed on the string");
    rv r = rv_obj_new();
    set_s(&r, "transgressionFound", rv_bool(*found != 0));
    set_s(&r, "description", rv_str_new(found));
    return ok(out, r);
}

/* ---- cidr.is_public, cidr.count_addresses ---- */

static int wildcard(const char *s)
{
    return !strcmp(s, "*") || !strcmp(s, "internet") || !strcmp(s, "any");
}

/* The engine's net.cidr_contains, looked up by scan_rego_opts_init (before any evaluation). */
static const struct rego_builtin *contains;

/* net.cidr_contains(block, s): 1 yes, 0 no or not an address. */
static int engine_contains(struct rego_bctx *bc, const char *block, const char *s)
{
    if (!contains)
        return 0;
    rv args[2] = {rv_str_new(block), rv_str_new(s)}, res = rv_undef();
    int yes = contains->fn(bc, args, &res) == REGO_BI_OK && rv_is_true(res);
    rv_unref(res);
    rv_unref(args[0]);
    rv_unref(args[1]);
    return yes;
}

/* Inside one of the private, loopback, link-local or shared ranges. */
static int is_private(struct rego_bctx *bc, const char *s)
{
    static const char *const blocks[] = {"127.0.0.0/8",    "10.0.0.0/8",     "172.16.0.0/12",
                                         "192.168.0.0/16", "169.254.0.0/16", "::1/128",
                                         "fe80::/10",      "fc00::/7",       "100.64.0.0/10"};
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (engine_contains(bc, blocks[i], s))
            return 1;
    return 0;
}

/* Parse "ip" or "ip/prefix": address bits (32 or 128) and prefix; -1 when invalid. */
static int parse_net(const char *s, int *bits, int *prefix)
{
    char ip[64];
    const char *slash = strchr(s, '/');
    size_t n = slash ? (size_t)(slash - s) : strlen(s);
    if (n >= sizeof ip)
        return -1;
    memcpy(ip, s, n);
    ip[n] = '\0';
    unsigned char buf[16];
    *bits = strchr(ip, ':') ? 128 : 32;
    if (inet_pton(*bits == 128 ? AF_INET6 : AF_INET, ip, buf) != 1)
        return -1;
    *prefix = *bits;
    if (slash) {
        char *end;
        long p = strtol(slash + 1, &end, 10);
        if (end == slash + 1 || *end || p < 0 || p > *bits)
            return -1;
        *prefix = (int)p;
    }
    return 0;
}

static enum rego_bi_status cidr_is_public(struct rego_bctx *bc, const rv *a, rv *out)
{
    if (want_string(bc, a))
        return REGO_BI_ERR;
    const char *s = rv_str(a[0]);
    int bits, prefix;
    if (wildcard(s))
        return ok(out, rv_bool(true));
    if (strchr(s, '-')) /* Trivy reads address ranges "a-b" as raw bytes and so never finds them private */
        return ok(out, rv_bool(strchr(strchr(s, '-') + 1, '-') == NULL));
    if (parse_net(s, &bits, &prefix))
        return ok(out, rv_bool(false));
    return ok(out, rv_bool(!is_private(bc, s)));
}

static enum rego_bi_status cidr_count_addresses(struct rego_bctx *bc, const rv *a, rv *out)
{
    if (want_string(bc, a))
        return REGO_BI_ERR;
    const char *s = rv_str(a[0]);
    int bits, prefix;
    if (wildcard(s))
        return ok(out, rv_num_parse("18446744073709551615", 20));
    if (parse_net(s, &bits, &prefix))
        return ok(out, rv_num_int(0));
    int power = bits - prefix;
    if (power >= 63)
        return ok(out, rv_num_parse("18446744073709551615", 20));
    return ok(out, rv_num_int((int64_t)1 << power));
}

static const struct rego_builtin trivy_builtins[] = {
    {"result.new", 2, result_new, 0},
    {"isManaged", 1, is_managed, 0},
    {"squealer.scan_string", 1, squealer_scan_string, 0},
    {"cidr.is_public", 1, cidr_is_public, 0},
    {"cidr.count_addresses", 1, cidr_count_addresses, 0},
    {"osprey.cwlogs.filter_covers", 2, scan_bi_cwlogs_filter_covers, 0}, /* osprey's own: cw_builtin.c */
};

void scan_rego_opts_init(struct rego_opts *o)
{
    memset(o, 0, sizeof(*o));
    if (!contains) {
        size_t n;
        const struct rego_builtin *t = rego_builtins_table(&n);
        for (size_t i = 0; i < n && !contains; i++)
            if (!strcmp(t[i].name, "net.cidr_contains"))
                contains = &t[i];
    }
    o->host_builtins = trivy_builtins;
    o->nhost_builtins = sizeof trivy_builtins / sizeof trivy_builtins[0];
}
