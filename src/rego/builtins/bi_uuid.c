/* bi_uuid.c: uuid.rfc4122 (random v4, stable per key within a query) and uuid.parse. */
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "rego/builtins/bi_int.h"

/* 100 ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch */
#define GREGORIAN_OFFSET 122192928000000000LL

BI(uuid_rfc4122)
{
    BI_WANT(0, RV_STRING);
    rv key = rv_arr_new();
    rv_arr_push(&key, rv_str_new("uuid.rfc4122"));
    rv_arr_push(&key, rv_ref(a[0]));
    rv hit = rego_bctx_cache_get(bc, key);
    if (!rv_is_undef(hit)) {
        rv_unref(key);
        return bi_ok(out, rv_ref(hit));
    }
    unsigned char u[16];
    if (RAND_bytes(u, sizeof u) != 1) {
        rv_unref(key);
        return rego_bi_error(bc, "no random bytes available");
    }
    u[6] = (unsigned char)((u[6] & 0x0f) | 0x40);
    u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);
    char s[40];
    snprintf(s, sizeof s, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[0], u[1], u[2],
             u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
    rego_bctx_cache_put(bc, key, rv_str_new(s));
    return bi_ok(out, rv_str_new(s));
}

static int hexv(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The accepted spellings of Google's uuid.Parse: plain, {braced}, urn:uuid:, or 32 hex. */
static int parse_uuid(const char *s, unsigned char u[16])
{
    size_t n = strlen(s);
    if (n == 45 && !strncasecmp(s, "urn:uuid:", 9)) {
        s += 9;
        n = 36;
    } else if (n == 38 && s[0] == '{' && s[37] == '}') {
        s++;
        n = 36;
    }
    if (n != 36 && n != 32)
        return -1;
    if (n == 36 && (s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-'))
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n && k < 16;) {
        if (n == 36 && (i == 8 || i == 13 || i == 18 || i == 23)) {
            i++;
            continue;
        }
        int hi = hexv(s[i]), lo = hexv(s[i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        u[k++] = (unsigned char)(hi << 4 | lo);
        i += 2;
    }
    return k == 16 ? 0 : -1;
}

static const char *variant_name(unsigned char b)
{
    if ((b & 0xc0) == 0x80)
        return "RFC4122";
    if ((b & 0xe0) == 0xc0)
        return "Microsoft";
    if ((b & 0xe0) == 0xe0)
        return "Future";
    return "Reserved";
}

static void add_time_fields(rv *obj, const unsigned char *u, int version)
{
    int64_t t = (int64_t)((uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3]);
    t |= (int64_t)(u[4] << 8 | u[5]) << 32;
    t |= (int64_t)((u[6] << 8 | u[7]) & 0x0fff) << 48;
    rv_obj_set(obj, rv_str_new("time"), rv_num_int((t - GREGORIAN_OFFSET) * 100));
    rv_obj_set(obj, rv_str_new("clocksequence"), rv_num_int((u[8] << 8 | u[9]) & 0x3fff));
    char node[24];
    snprintf(node, sizeof node, "%02x-%02x-%02x-%02x-%02x-%02x", u[10], u[11], u[12], u[13], u[14], u[15]);
    rv_obj_set(obj, rv_str_new("nodeid"), rv_str_new(node));
    char mac[32];
    snprintf(mac, sizeof mac, "%s:%s", u[10] & 2 ? "local" : "global", u[10] & 1 ? "multicast" : "unicast");
    rv_obj_set(obj, rv_str_new("macvariables"), rv_str_new(mac));
    if (version == 2) {
        static const char *const domains[] = {"Person", "Group", "Org"};
        char dom[24];
        if (u[9] < 3)
            snprintf(dom, sizeof dom, "%s", domains[u[9]]);
        else
            snprintf(dom, sizeof dom, "Domain%d", u[9]);
        rv_obj_set(obj, rv_str_new("domain"), rv_str_new(dom));
        rv_obj_set(obj, rv_str_new("id"),
                   rv_num_int((int64_t)((uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3])));
    }
}

BI(uuid_parse)
{
    BI_WANT(0, RV_STRING);
    unsigned char u[16];
    if (parse_uuid(rv_str(a[0]), u) != 0)
        return REGO_BI_UNDEF;
    int version = u[6] >> 4;
    rv obj = rv_obj_new();
    rv_obj_set(&obj, rv_str_new("version"), rv_num_int(version));
    rv_obj_set(&obj, rv_str_new("variant"), rv_str_new(variant_name(u[8])));
    if (version == 1 || version == 2)
        add_time_fields(&obj, u, version);
    return bi_ok(out, obj);
}
