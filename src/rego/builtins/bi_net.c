/* bi_net.c: net.cidr_* builtins, on Go's net.ParseIP / net.ParseCIDR rules. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

#define EXPAND_MAX (1u << 16)

struct net {
    unsigned char ip[16]; /* IPv4 in the first 4 bytes */
    int bits;             /* 32 or 128 */
    int prefix;
};

static int parse_ip(const char *s, struct net *n)
{
    memset(n, 0, sizeof *n);
    if (inet_pton(AF_INET, s, n->ip) == 1) {
        n->bits = n->prefix = 32;
        return 0;
    }
    if (strchr(s, ':') && inet_pton(AF_INET6, s, n->ip) == 1) {
        n->bits = n->prefix = 128;
        return 0;
    }
    return -1;
}

static void mask(struct net *n)
{
    for (int b = n->prefix; b < n->bits; b++)
        n->ip[b / 8] &= (unsigned char)~(0x80 >> (b % 8));
}

/* Go's ParseCIDR; keep_host leaves the address unmasked (the "ip" half). */
static int parse_cidr(const char *s, struct net *n, int keep_host)
{
    const char *slash = strchr(s, '/');
    char ip[64];
    if (!slash || (size_t)(slash - s) >= sizeof ip)
        return -1;
    memcpy(ip, s, (size_t)(slash - s));
    ip[slash - s] = 0;
    if (parse_ip(ip, n) != 0)
        return -1;
    const char *p = slash + 1;
    int v = 0, digits = 0;
    for (; *p >= '0' && *p <= '9' && digits < 4; p++, digits++)
        v = v * 10 + (*p - '0');
    if (!digits || *p || (digits > 1 && slash[1] == '0') || v > n->bits)
        return -1;
    n->prefix = v;
    if (!keep_host)
        mask(n);
    return 0;
}

static int contains_ip(const struct net *net, const unsigned char *ip, int bits)
{
    if (net->bits != bits)
        return 0;
    for (int b = 0; b < net->prefix; b++) {
        int bit = 0x80 >> (b % 8);
        if ((net->ip[b / 8] & bit) != (ip[b / 8] & bit))
            return 0;
    }
    return 1;
}

static void last_ip(const struct net *n, unsigned char *out)
{
    memcpy(out, n->ip, 16);
    for (int b = n->prefix; b < n->bits; b++)
        out[b / 8] |= (unsigned char)(0x80 >> (b % 8));
}

static void format_ip(const unsigned char *ip, int bits, char *out, size_t len)
{
    inet_ntop(bits == 32 ? AF_INET : AF_INET6, ip, out, (socklen_t)len);
}

static enum rego_bi_status bad_cidr(struct rego_bctx *bc, const char *s)
{
    return rego_bi_error(bc, "invalid CIDR address: %s", s);
}

BI(net_cidr_contains)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    struct net a0, b;
    if (parse_cidr(rv_str(a[0]), &a0, 0) != 0)
        return bad_cidr(bc, rv_str(a[0]));
    if (parse_ip(rv_str(a[1]), &b) == 0)
        return bi_ok(out, rv_bool(contains_ip(&a0, b.ip, b.bits)));
    if (parse_cidr(rv_str(a[1]), &b, 0) != 0)
        return bad_cidr(bc, rv_str(a[1]));
    unsigned char last[16];
    last_ip(&b, last);
    return bi_ok(out, rv_bool(contains_ip(&a0, b.ip, b.bits) && contains_ip(&a0, last, b.bits)));
}

BI(net_cidr_intersects)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    struct net x, y;
    if (parse_cidr(rv_str(a[0]), &x, 0) != 0)
        return bad_cidr(bc, rv_str(a[0]));
    if (parse_cidr(rv_str(a[1]), &y, 0) != 0)
        return bad_cidr(bc, rv_str(a[1]));
    return bi_ok(out, rv_bool(contains_ip(&x, y.ip, y.bits) || contains_ip(&y, x.ip, x.bits)));
}

BI(net_cidr_is_valid)
{
    struct net n;
    return bi_ok(out, rv_bool(rv_kind(a[0]) == RV_STRING && parse_cidr(rv_str(a[0]), &n, 0) == 0));
}

BI(net_cidr_expand)
{
    BI_WANT(0, RV_STRING);
    struct net n;
    if (parse_cidr(rv_str(a[0]), &n, 0) != 0)
        return bad_cidr(bc, rv_str(a[0]));
    if (n.bits - n.prefix > 16)
        return rego_bi_error(bc, "CIDR %s has too many addresses to expand", rv_str(a[0]));
    uint32_t count = 1u << (n.bits - n.prefix);
    rv set = rv_set_new();
    unsigned char ip[16];
    memcpy(ip, n.ip, 16);
    for (uint32_t i = 0; i < count && i < EXPAND_MAX; i++) {
        char txt[64];
        format_ip(ip, n.bits, txt, sizeof txt);
        rv_set_add(&set, rv_str_new(txt));
        for (int k = n.bits / 8 - 1; k >= 0 && ++ip[k] == 0; k--) {
        }
    }
    return bi_ok(out, set);
}

/* ---- cidr_merge ---- */

static int cmp_net(const void *x, const void *y)
{
    const struct net *a = x, *b = y;
    if (a->bits != b->bits)
        return a->bits - b->bits;
    int c = memcmp(a->ip, b->ip, 16);
    return c ? c : a->prefix - b->prefix;
}

/* Whether a and b are the two halves of one prefix-1 network. */
static int siblings(const struct net *a, const struct net *b)
{
    if (a->bits != b->bits || a->prefix != b->prefix || a->prefix == 0)
        return 0;
    struct net pa = *a, pb = *b;
    pa.prefix--;
    pb.prefix--;
    mask(&pa);
    mask(&pb);
    return !memcmp(pa.ip, pb.ip, 16) && memcmp(a->ip, b->ip, 16) != 0;
}

static size_t merge_pass(struct net *v, size_t n, int *changed)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && v[k - 1].bits == v[i].bits && v[k - 1].prefix <= v[i].prefix &&
            contains_ip(&v[k - 1], v[i].ip, v[i].bits)) {
            *changed = 1; /* covered by the previous one */
            continue;
        }
        if (k && siblings(&v[k - 1], &v[i])) {
            v[k - 1].prefix--;
            mask(&v[k - 1]);
            *changed = 1;
            continue;
        }
        v[k++] = v[i];
    }
    return k;
}

/* Go's IP.DefaultMask for an address without a prefix (classful), IPv6 needs a prefix. */
static int default_prefix(struct net *n)
{
    if (n->bits != 32)
        return -1;
    n->prefix = n->ip[0] < 0x80 ? 8 : n->ip[0] < 0xC0 ? 16 : 24;
    mask(n);
    return 0;
}

BI(net_cidr_merge)
{
    if (rv_kind(a[0]) != RV_ARRAY && rv_kind(a[0]) != RV_SET)
        return bi_want_one_of(bc, a, 0, "set, array");
    size_t n = rv_len(a[0]);
    struct net *v = calloc(n ? n : 1, sizeof *v);
    if (!v)
        return bi_oom(bc);
    for (size_t i = 0; i < n; i++) {
        rv e = bi_elem_at(a[0], i);
        if (rv_kind(e) != RV_STRING) {
            free(v);
            return bi_elem_error(bc, 0, a[0], e, "string");
        }
        const char *s = rv_str(e);
        int rc = strchr(s, '/') ? parse_cidr(s, &v[i], 0) : parse_ip(s, &v[i]);
        if (rc == 0 && !strchr(s, '/') && default_prefix(&v[i]) != 0) {
            free(v);
            return rego_bi_error(bc, "IPv6 invalid: needs prefix length");
        }
        if (rc != 0) {
            free(v);
            return rego_bi_error(bc, "invalid IP address or CIDR: %s", s);
        }
    }
    int changed = 1;
    while (changed) {
        changed = 0;
        qsort(v, n, sizeof *v, cmp_net);
        n = merge_pass(v, n, &changed);
    }
    rv set = rv_set_new();
    for (size_t i = 0; i < n; i++) {
        char txt[80], ip[64];
        format_ip(v[i].ip, v[i].bits, ip, sizeof ip);
        snprintf(txt, sizeof txt, "%s/%d", ip, v[i].prefix);
        rv_set_add(&set, rv_str_new(txt));
    }
    free(v);
    return bi_ok(out, set);
}

/* ---- cidr_contains_matches ---- */

/* The CIDR/IP string of an element: a string, or an array whose first item is a string. */
static const char *elem_addr(rv e)
{
    if (rv_kind(e) == RV_STRING)
        return rv_str(e);
    if (rv_kind(e) == RV_ARRAY && rv_len(e) > 0 && rv_kind(rv_arr_at(e, 0)) == RV_STRING)
        return rv_str(rv_arr_at(e, 0));
    return NULL;
}

/* Calls back with (key, address) for each element of an operand. */
struct entries {
    size_t n;
    rv *keys;
    const char **addrs;
};

static enum rego_bi_status collect(struct rego_bctx *bc, const rv *a, int i, struct entries *en)
{
    rv v = a[i];
    enum rv_kind k = rv_kind(v);
    if (k != RV_STRING && k != RV_ARRAY && k != RV_SET && k != RV_OBJECT)
        return bi_want_one_of(bc, a, i, "string, array, set, object");
    size_t n = k == RV_STRING ? 1 : rv_len(v);
    en->n = 0;
    en->keys = calloc(n ? n : 1, sizeof *en->keys);
    en->addrs = calloc(n ? n : 1, sizeof *en->addrs);
    if (!en->keys || !en->addrs)
        return bi_oom(bc);
    for (size_t j = 0; j < n; j++) {
        rv e = k == RV_STRING ? v : k == RV_OBJECT ? rv_obj_val_at(v, j) : bi_elem_at(v, j);
        const char *addr = elem_addr(e);
        if (!addr)
            return rego_bi_error(bc, "operand %d: element must be string or non-empty array", i + 1);
        en->keys[j] = k == RV_STRING  ? v
                      : k == RV_ARRAY ? rv_num_int((int64_t)j)
                      : k == RV_SET   ? e
                                      : rv_obj_key_at(v, j);
        en->addrs[j] = addr;
        en->n++;
    }
    return REGO_BI_OK;
}

static void entries_free(struct entries *en, int arr)
{
    if (arr)
        for (size_t j = 0; j < en->n; j++)
            rv_unref(en->keys[j]);
    free(en->keys);
    free(en->addrs);
}

BI(net_cidr_contains_matches)
{
    struct entries x = {0}, y = {0};
    enum rego_bi_status st = collect(bc, a, 0, &x);
    if (st == REGO_BI_OK)
        st = collect(bc, a, 1, &y);
    rv set = rv_set_new();
    for (size_t i = 0; i < x.n && st == REGO_BI_OK; i++) {
        struct net cn, t;
        if (parse_cidr(x.addrs[i], &cn, 0) != 0) {
            st = bad_cidr(bc, x.addrs[i]);
            break;
        }
        for (size_t j = 0; j < y.n; j++) {
            int in;
            if (parse_ip(y.addrs[j], &t) == 0) {
                in = contains_ip(&cn, t.ip, t.bits);
            } else if (parse_cidr(y.addrs[j], &t, 0) == 0) {
                unsigned char last[16];
                last_ip(&t, last);
                in = contains_ip(&cn, t.ip, t.bits) && contains_ip(&cn, last, t.bits);
            } else {
                st = bad_cidr(bc, y.addrs[j]);
                break;
            }
            if (in) {
                rv pair = rv_arr_with_cap(2);
                rv_arr_push(&pair, rv_ref(x.keys[i]));
                rv_arr_push(&pair, rv_ref(y.keys[j]));
                rv_set_add(&set, pair);
            }
        }
    }
    entries_free(&x, rv_kind(a[0]) == RV_ARRAY);
    entries_free(&y, rv_kind(a[1]) == RV_ARRAY);
    if (st != REGO_BI_OK) {
        rv_unref(set);
        return st;
    }
    return bi_ok(out, set);
}
