/* timeutil.c: durations and RFC 3339 timestamps. */
#include "core/timeutil.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long long unit_seconds(char u)
{
    switch (u) {
    case 's':
        return 1;
    case 'm':
        return 60;
    case 'h':
        return 3600;
    case 'd':
        return 86400;
    case 'w':
        return 7 * 86400;
    default:
        return 0;
    }
}

enum osp_code osp_parse_duration(const char *s, long long *secs, struct osp_err *err)
{
    const char *p = s;
    long long total = 0;
    if (!s || !*s)
        return osp_err_set(err, OSP_EUSAGE, "empty duration (use e.g. 90m, 2h, 1d)");
    while (*p) {
        if (!isdigit((unsigned char)*p))
            goto bad;
        char *end;
        long long n = strtoll(p, &end, 10);
        if (n < 0 || n > 100000000LL)
            goto bad;
        p = end;
        long long mul = 1;
        if (*p) {
            mul = unit_seconds(*p);
            if (!mul)
                goto bad;
            p++;
        } else if (p != s && total != 0) {
            goto bad; /* "1h30" is ambiguous */
        }
        total += n * mul;
    }
    *secs = total;
    return OSP_OK;
bad:
    return osp_err_set(err, OSP_EUSAGE, "invalid duration '%s' (use a number with a unit: 45s, 90m, 2h, 1d)", s);
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
