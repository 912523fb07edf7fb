/* bi_http.c: http.send and net.lookup_ip_addr without network access: osprey never talks to
 * arbitrary hosts from a policy. http.send checks its request object exactly as OPA does and
 * then fails; net.lookup_ip_addr answers for IP literals and localhost only. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_int.h"

static const char *const http_keys[] = {
    "body",
    "cache",
    "caching_mode",
    "cache_ignored_headers",
    "enable_redirect",
    "force_cache",
    "force_cache_duration_seconds",
    "force_json_decode",
    "force_yaml_decode",
    "headers",
    "max_retry_attempts",
    "method",
    "raise_error",
    "raw_body",
    "timeout",
    "tls_ca_cert",
    "tls_ca_cert_env_variable",
    "tls_ca_cert_file",
    "tls_client_cert",
    "tls_client_cert_env_variable",
    "tls_client_cert_file",
    "tls_client_key",
    "tls_client_key_env_variable",
    "tls_client_key_file",
    "tls_insecure_skip_verify",
    "tls_server_name",
    "tls_use_system_certs",
    "url",
};

static int known_key(const char *k)
{
    for (size_t i = 0; i < sizeof http_keys / sizeof http_keys[0]; i++)
        if (!strcmp(http_keys[i], k))
            return 1;
    return 0;
}

BI(http_send)
{
    BI_WANT(0, RV_OBJECT);
    char bad[400] = "";
    for (size_t i = 0; i < rv_len(a[0]); i++) {
        rv k = rv_obj_key_at(a[0], i);
        if (rv_kind(k) == RV_STRING && known_key(rv_str(k)))
            continue;
        char *t = bi_json(k);
        size_t l = strlen(bad);
        snprintf(bad + l, sizeof bad - l, "%s%s", l ? ", " : "", t ? t : "?");
        free(t);
    }
    if (bad[0])
        return rego_bi_type_error(bc, "invalid request parameters(s): {%s}", bad);
    char missing[64] = "";
    if (rv_is_undef(rv_obj_get_s(a[0], "method")))
        snprintf(missing, sizeof missing, "\"method\"");
    if (rv_is_undef(rv_obj_get_s(a[0], "url"))) {
        size_t l = strlen(missing);
        snprintf(missing + l, sizeof missing - l, "%s\"url\"", l ? ", " : "");
    }
    if (missing[0])
        return rego_bi_type_error(bc, "missing required request parameters(s): {%s}", missing);
    return rego_bi_error(bc, "network requests from policies are disabled in osprey");
}

BI(net_lookup_ip_addr)
{
    BI_WANT(0, RV_STRING);
    const char *name = rv_str(a[0]);
    unsigned char buf[16];
    rv set = rv_set_new();
    if (inet_pton(AF_INET, name, buf) == 1 || inet_pton(AF_INET6, name, buf) == 1) {
        rv_set_add(&set, rv_ref(a[0]));
        return bi_ok(out, set);
    }
    if (!strcmp(name, "localhost")) {
        rv_set_add(&set, rv_str_new("127.0.0.1"));
        rv_set_add(&set, rv_str_new("::1"));
        return bi_ok(out, set);
    }
    rv_unref(set);
    return rego_bi_error(bc, "lookup %s: name resolution is disabled in osprey", name);
}
