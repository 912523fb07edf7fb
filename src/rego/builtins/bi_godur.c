/* bi_godur.c: Go's time.ParseDuration ("1h30m", "100ms", "-1.5h") for time.parse_duration_ns. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rego/builtins/bi_gotime.h"

static int dur_unit(const char *u, size_t n, int64_t *mult)
{
    static const struct {
        const char *name;
        int64_t mult;
    } units[] = {{"ns", 1},       {"us", 1000},        {"\xc2\xb5s", 1000},  {"\xce\xbcs", 1000},
                 {"ms", 1000000}, {"s", 1000000000LL}, {"m", 60000000000LL}, {"h", 3600000000000LL}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strlen(units[i].name) == n && !memcmp(u, units[i].name, n)) {
            *mult = units[i].mult;
            return 0;
        }
    }
    return -1;
}

static int dur_err(char *msg, size_t msglen, const char *what, const char *s)
{
    snprintf(msg, msglen, "time: %s \"%s\"", what, s);
    return -1;
}

int bi_godur_parse(const char *s, int64_t *ns, char *msg, size_t msglen)
{
    const char *p = s;
    int neg = 0;
    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    if (!strcmp(p, "0")) {
        *ns = 0;
        return 0;
    }
    if (!*p)
        return dur_err(msg, msglen, "invalid duration", s);
    long double total = 0;
    while (*p) {
        if (!isdigit((unsigned char)*p) && *p != '.')
            return dur_err(msg, msglen, "invalid duration", s);
        char *end;
        long double x = strtold(p, &end);
        if (end == p || (end == p + 1 && *p == '.'))
            return dur_err(msg, msglen, "invalid duration", s);
        p = end;
        const char *u = p;
        while (*p && *p != '.' && !isdigit((unsigned char)*p))
            p++;
        int64_t mult;
        if (p == u)
            return dur_err(msg, msglen, "missing unit in duration", s);
        if (dur_unit(u, (size_t)(p - u), &mult) != 0) {
            snprintf(msg, msglen, "time: unknown unit \"%.*s\" in duration \"%s\"", (int)(p - u), u, s);
            return -1;
        }
        total += x * (long double)mult;
        if (total > 9223372036854775807.0L)
            return dur_err(msg, msglen, "invalid duration", s);
    }
    *ns = (int64_t)(neg ? -total : total);
    return 0;
}
