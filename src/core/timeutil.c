/* timeutil.c: durations and RFC 3339 timestamps. */
#include "core/timeutil.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Go's time.ParseDuration units, plus d and w (osprey's own); nanoseconds per unit. */
static const struct {
    const char *name;
    double ns;
} units[] = {
    {"ns", 1},       {"us", 1e3},         {"\xc2\xb5s", 1e3}, {"\xce\xbcs", 1e3},        {"ms", 1e6},
    {"s", 1e9},      {"m", 60e9},         {"h", 3600e9},    {"d", 86400e9},          {"w", 7 * 86400e9},
};

/* The longest unit name at p, or -1. */
static int unit_at(const char *p, size_t *len)
{
    int best = -1;
    size_t bl = 0;
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        size_t n = strlen(units[i].name);
        if (n > bl && !strncmp(p, units[i].name, n)) {
            best = (int)i;
            bl = n;
        }
    }
    *len = bl;
    return best;
}

/* Go syntax: [+]{number[.fraction]unit}+ ("1.5h", "1h30m", "500ms", "0"), plus d and w; a
 * bare number is seconds (osprey's older form). Sub-second results round up to whole seconds so
 * a non-zero duration never becomes 0 ("none"). At most 100 years. */
enum osp_code osp_parse_duration(const char *s, long long *secs, struct osp_err *err)
{
    const char *p = s;
    double ns = 0;
    if (!s || !*s)
        return osp_err_set(err, OSP_EUSAGE, "empty duration (use e.g. 90m, 1.5h, 1h30m)");
    if (*p == '+')
        p++;
    if (!strcmp(p, "0")) {
        *secs = 0;
        return OSP_OK;
    }
    int terms = 0;
    while (*p) {
        if (!isdigit((unsigned char)*p) && !(*p == '.' && isdigit((unsigned char)p[1])))
            goto bad;
        const char *start = p;
        while (isdigit((unsigned char)*p))
            p++;
        if (*p == '.') {
            p++;
            while (isdigit((unsigned char)*p))
                p++;
        }
        if (p - start > 18)
            goto bad;
        double n = strtod(start, NULL);
        size_t ul;
        int u = *p ? unit_at(p, &ul) : -1;
        if (u < 0) {
            if (*p || terms || memchr(start, '.', (size_t)(p - start)))
                goto bad; /* "2x"; "1h30" is ambiguous; a bare fraction needs a unit */
            ns += n * 1e9;
        } else {
            ns += n * units[u].ns;
            p += ul;
        }
        terms++;
    }
    if (ns > 100.0 * 366 * 86400e9)
        goto bad;
    long long whole = (long long)(ns / 1e9);
    *secs = whole + ((double)whole * 1e9 < ns ? 1 : 0);
    return OSP_OK;
bad:
    return osp_err_set(err, OSP_EUSAGE, "invalid duration '%s' (use Go syntax: 45s, 90m, 1.5h, 1h30m, 500ms; or 1d, 1w)",
                       s);
}

static int days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

time_t osp_parse_rfc3339(const char *s)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
        return (time_t)-1;
    const char *p = s + n;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        int m2 = 0;
        if (sscanf(p + 1, "%2d:%2d:%2d%n", &h, &mi, &sec, &m2) != 3)
            return (time_t)-1;
        p += 1 + m2;
        if (*p == '.')
            for (p++; isdigit((unsigned char)*p); p++)
                ;
    }
    long off = 0;
    if (*p == '+' || *p == '-') {
        int oh, om;
        if (sscanf(p + 1, "%2d:%2d", &oh, &om) != 2)
            return (time_t)-1;
        off = (oh * 3600L + om * 60L) * (*p == '-' ? -1 : 1);
    } else if (*p && *p != 'Z' && *p != 'z') {
        return (time_t)-1;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return (time_t)-1;
    return (time_t)days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - off;
}

void osp_format_rfc3339(time_t t, char *out, size_t outlen)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, outlen, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void osp_format_age(long long secs, char *out, size_t outlen)
{
    if (secs < 0)
        secs = 0;
    if (secs < 60)
        snprintf(out, outlen, "%llds", secs);
    else if (secs < 3600)
        snprintf(out, outlen, "%lldm", secs / 60);
    else if (secs < 86400)
        snprintf(out, outlen, "%lldh", secs / 3600);
    else
        snprintf(out, outlen, "%lldd", secs / 86400);
}
