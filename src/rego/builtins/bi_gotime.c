/* bi_gotime.c: Go reference-time layouts (format and parse), civil dates and TZif zone files. */
#include "rego/builtins/bi_gotime.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ZONEINFO_DIR "/usr/share/zoneinfo/"
#define TZIF_MAX (1u << 20)

static const char *const long_months[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
static const char *const long_days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

/* ---- civil calendar (H. Hinnant's days_from_civil algorithms) ---- */

int64_t bi_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void bi_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

int bi_weekday_from_days(int64_t z)
{
    return (int)(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

static int is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int bi_days_in_month(int64_t y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y))
        return 29;
    return dm[(m - 1) % 12];
}

int bi_yearday(int64_t y, int m, int d)
{
    return (int)(bi_days_from_civil(y, m, d) - bi_days_from_civil(y, 1, 1)) + 1;
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

/* ---- TZif zones ---- */

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

static int valid_zone_name(const char *name)
{
    if (!*name || name[0] == '/' || strstr(name, "..") || strlen(name) >= 60)
        return 0;
    for (const char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("/_+-", *p))
            return 0;
    return 1;
}

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = malloc(TZIF_MAX);
    size_t n = buf ? fread(buf, 1, TZIF_MAX, f) : 0;
    fclose(f);
    if (!buf || n < 44 || n == TZIF_MAX) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Parse the data block that starts at p (after a header) with 4- or 8-byte times. */
static int tzif_block(struct bi_tz *tz, const unsigned char *h, const unsigned char *end, int tsize)
{
    uint32_t isut = be32(h + 20), isstd = be32(h + 24), leap = be32(h + 28);
    uint32_t timecnt = be32(h + 32), typecnt = be32(h + 36), charcnt = be32(h + 40);
    const unsigned char *p = h + 44;
    size_t need =
        (size_t)timecnt * (tsize + 1) + (size_t)typecnt * 6 + charcnt + (size_t)leap * (tsize + 4) + isstd + isut;
    if (typecnt == 0 || typecnt > 256 || timecnt > 100000 || (size_t)(end - p) < need)
        return -1;
    tz->trans = calloc(timecnt + 1, sizeof *tz->trans);
    tz->idx = calloc(timecnt + 1, 1);
    tz->types = calloc(typecnt, sizeof *tz->types);
    if (!tz->trans || !tz->idx || !tz->types)
        return -1;
    for (uint32_t i = 0; i < timecnt; i++)
        tz->trans[i] = tsize == 8 ? be64(p + 8 * i) : (int32_t)be32(p + 4 * i);
    p += (size_t)timecnt * tsize;
    for (uint32_t i = 0; i < timecnt; i++)
        tz->idx[i] = p[i] < typecnt ? p[i] : 0;
    p += timecnt;
    const unsigned char *chars = p + (size_t)typecnt * 6;
    for (uint32_t i = 0; i < typecnt; i++) {
        tz->types[i].utoff = (int32_t)be32(p + 6 * i);
        unsigned ai = p[6 * i + 5];
        if (ai < charcnt)
            snprintf(tz->types[i].abbr, sizeof tz->types[i].abbr, "%.*s", (int)(charcnt - ai),
                     (const char *)chars + ai);
    }
    tz->ntrans = timecnt;
    tz->ntypes = typecnt;
    return 0;
}

static int tzif_parse(struct bi_tz *tz, const unsigned char *buf, size_t len)
{
    if (memcmp(buf, "TZif", 4) != 0)
        return -1;
    if (buf[4] < '2')
        return tzif_block(tz, buf, buf + len, 4);
    uint32_t isut = be32(buf + 20), isstd = be32(buf + 24), leap = be32(buf + 28);
    uint32_t timecnt = be32(buf + 32), typecnt = be32(buf + 36), charcnt = be32(buf + 40);
    size_t v1 = (size_t)timecnt * 5 + (size_t)typecnt * 6 + charcnt + (size_t)leap * 8 + isstd + isut;
    if (44 + v1 + 44 > len || memcmp(buf + 44 + v1, "TZif", 4) != 0)
        return -1;
    return tzif_block(tz, buf + 44 + v1, buf + len, 8);
}

int bi_tz_load(const char *name, struct bi_tz *tz, char *msg, size_t msglen)
{
    memset(tz, 0, sizeof *tz);
    snprintf(tz->name, sizeof tz->name, "%s", name);
    if (!*name || !strcmp(name, "UTC") || !strcmp(name, "Local")) {
        tz->fixed = 1;
        snprintf(tz->fixed_type.abbr, sizeof tz->fixed_type.abbr, "UTC");
        return 0;
    }
    char path[128];
    size_t len = 0;
    unsigned char *buf = NULL;
    if (valid_zone_name(name)) {
        snprintf(path, sizeof path, "%s%s", ZONEINFO_DIR, name);
        buf = read_file(path, &len);
    }
    if (!buf || tzif_parse(tz, buf, len) != 0) {
        free(buf);
        bi_tz_free(tz);
        snprintf(msg, msglen, "unknown time zone %s", name);
        return -1;
    }
    free(buf);
    return 0;
}

void bi_tz_free(struct bi_tz *tz)
{
    free(tz->trans);
    free(tz->idx);
    free(tz->types);
    tz->trans = NULL;
    tz->idx = NULL;
    tz->types = NULL;
    tz->ntrans = tz->ntypes = 0;
}

void bi_tz_lookup(const struct bi_tz *tz, int64_t t, int32_t *off, const char **abbr)
{
    const struct bi_tz_type *ty = &tz->fixed_type;
    if (!tz->fixed && tz->ntypes) {
        ty = &tz->types[0];
        if (tz->ntrans && t >= tz->trans[0]) {
            size_t lo = 0, hi = tz->ntrans;
            while (hi - lo > 1) {
                size_t mid = (lo + hi) / 2;
                if (tz->trans[mid] <= t)
                    lo = mid;
                else
                    hi = mid;
            }
            ty = &tz->types[tz->idx[lo]];
        }
    }
    *off = ty->utoff;
    if (abbr)
        *abbr = ty->abbr;
}

/* ---- layout chunks ---- */

enum std {
    S_NONE,
    S_LONG_MONTH,
    S_MONTH,
    S_NUM_MONTH,
    S_ZERO_MONTH,
    S_LONG_WDAY,
    S_WDAY,
    S_DAY,
    S_UNDER_DAY,
    S_ZERO_DAY,
    S_UNDER_YDAY,
    S_ZERO_YDAY,
    S_HOUR,
    S_HOUR12,
    S_ZERO_HOUR12,
    S_MINUTE,
    S_ZERO_MINUTE,
    S_SECOND,
    S_ZERO_SECOND,
    S_LONG_YEAR,
    S_YEAR,
    S_PM_UP,
    S_PM_LO,
    S_TZ,
    S_ISO_TZ,
    S_NUM_TZ,
    S_FRAC0,
    S_FRAC9
};

struct chunk {
    enum std std;
    size_t len;  /* length in the layout */
    int colon;   /* tz: ':' separators */
    int tzparts; /* tz: 1 = hh, 2 = hhmm, 3 = hhmmss */
    int digits;  /* fractions */
};

static int has(const char *p, const char *s)
{
    return strncmp(p, s, strlen(s)) == 0;
}

static int tz_chunk(const char *p, struct chunk *c, enum std std)
{
    static const struct {
        const char *s;
        int colon, parts;
    } forms[] = {{"070000", 0, 3}, {"07:00:00", 1, 3}, {"0700", 0, 2}, {"07:00", 1, 2}, {"07", 0, 1}};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        if (has(p + 1, forms[i].s)) {
            c->std = std;
            c->len = 1 + strlen(forms[i].s);
            c->colon = forms[i].colon;
            c->tzparts = forms[i].parts;
            return 1;
        }
    }
    return 0;
}

static int set(struct chunk *c, enum std std, size_t len)
{
    c->std = std;
    c->len = len;
    return 1;
}

/* Whether a std chunk starts at p; fills c. */
static int chunk_at(const char *p, struct chunk *c)
{
    memset(c, 0, sizeof *c);
    switch (*p) {
    case 'J':
        if (has(p, "January"))
            return set(c, S_LONG_MONTH, 7);
        return has(p, "Jan") ? set(c, S_MONTH, 3) : 0;
    case 'M':
        if (has(p, "Monday"))
            return set(c, S_LONG_WDAY, 6);
        if (has(p, "Mon"))
            return set(c, S_WDAY, 3);
        return has(p, "MST") ? set(c, S_TZ, 3) : 0;
    case '0':
        if (p[1] >= '1' && p[1] <= '6') {
            static const enum std z[] = {S_ZERO_MONTH, S_ZERO_DAY, S_ZERO_HOUR12, S_ZERO_MINUTE, S_ZERO_SECOND, S_YEAR};
            return set(c, z[p[1] - '1'], 2);
        }
        return has(p, "002") ? set(c, S_ZERO_YDAY, 3) : 0;
    case '1':
        return has(p, "15") ? set(c, S_HOUR, 2) : set(c, S_NUM_MONTH, 1);
    case '2':
        return has(p, "2006") ? set(c, S_LONG_YEAR, 4) : set(c, S_DAY, 1);
    case '_':
        if (has(p, "_2") && !has(p, "_2006"))
            return set(c, S_UNDER_DAY, 2);
        return has(p, "__2") ? set(c, S_UNDER_YDAY, 3) : 0;
    case '3':
        return set(c, S_HOUR12, 1);
    case '4':
        return set(c, S_MINUTE, 1);
    case '5':
        return set(c, S_SECOND, 1);
    case 'P':
        return p[1] == 'M' ? set(c, S_PM_UP, 2) : 0;
    case 'p':
        return p[1] == 'm' ? set(c, S_PM_LO, 2) : 0;
    case '-':
        return tz_chunk(p, c, S_NUM_TZ);
    case 'Z':
        return tz_chunk(p, c, S_ISO_TZ);
    case '.':
    case ',':
        if (p[1] == '0' || p[1] == '9') {
            size_t j = 1;
            while (p[j] == p[1])
                j++;
            if (!isdigit((unsigned char)p[j])) {
                c->digits = (int)(j - 1);
                return set(c, p[1] == '0' ? S_FRAC0 : S_FRAC9, j);
            }
        }
        return 0;
    default:
        return 0;
    }
}

const char *bi_gotime_named_layout(const char *layout)
{
    static const struct {
        const char *name, *layout;
    } named[] = {
        {"ANSIC", "Mon Jan _2 15:04:05 2006"},
        {"UnixDate", "Mon Jan _2 15:04:05 MST 2006"},
        {"RubyDate", "Mon Jan 02 15:04:05 -0700 2006"},
        {"RFC822", "02 Jan 06 15:04 MST"},
        {"RFC822Z", "02 Jan 06 15:04 -0700"},
        {"RFC850", "Monday, 02-Jan-06 15:04:05 MST"},
        {"RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"},
        {"RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700"},
        {"RFC3339", BI_GO_RFC3339},
        {"RFC3339Nano", BI_GO_RFC3339NANO},
        {"Kitchen", "3:04PM"},
        {"Stamp", "Jan _2 15:04:05"},
        {"StampMilli", "Jan _2 15:04:05.000"},
        {"StampMicro", "Jan _2 15:04:05.000000"},
        {"StampNano", "Jan _2 15:04:05.000000000"},
        {"DateTime", "2006-01-02 15:04:05"},
        {"DateOnly", "2006-01-02"},
        {"TimeOnly", "15:04:05"},
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (!strcmp(layout, named[i].name))
            return named[i].layout;
    return layout;
}

/* ---- formatting ---- */

struct out {
    char *p;
    size_t len, cap;
    int overflow;
};

static void put(struct out *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        o->overflow = 1;
        return;
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = 0;
}

/* v in decimal, padded to width with pad ('0' or ' '); the sign counts toward the width. */
static void putn(struct out *o, long long v, int width, char pad)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%lld", v);
    for (int i = n; i < width; i++)
        put(o, &pad, 1);
    put(o, tmp, (size_t)n);
}

struct civil {
    int64_t year;
    int month, day, hour, min, sec, wday, yday;
    int32_t nsec, off;
    const char *abbr;
};

static void fmt_tz(struct out *o, const struct chunk *c, int32_t off)
{
    if (c->std == S_ISO_TZ && off == 0) {
        put(o, "Z", 1);
        return;
    }
    int32_t a = off < 0 ? -off : off;
    put(o, off < 0 ? "-" : "+", 1);
    putn(o, a / 3600, 2, '0');
    if (c->tzparts >= 2) {
        if (c->colon)
            put(o, ":", 1);
        putn(o, (a / 60) % 60, 2, '0');
    }
    if (c->tzparts >= 3) {
        if (c->colon)
            put(o, ":", 1);
        putn(o, a % 60, 2, '0');
    }
}

static void fmt_frac(struct out *o, const struct chunk *c, const char *sep, int32_t nsec)
{
    char digits[16];
    snprintf(digits, sizeof digits, "%09d", (int)nsec);
    int n = c->digits > 9 ? 9 : c->digits;
    if (c->std == S_FRAC9) {
        while (n > 0 && digits[n - 1] == '0')
            n--;
        if (n == 0)
            return;
    }
    put(o, sep, 1);
    put(o, digits, (size_t)n);
}

static void fmt_chunk(struct out *o, const struct chunk *c, const char *at, const struct civil *t)
{
    int h12 = t->hour % 12 == 0 ? 12 : t->hour % 12;
    switch (c->std) {
    case S_LONG_MONTH:
        put(o, long_months[t->month - 1], strlen(long_months[t->month - 1]));
        break;
    case S_MONTH:
        put(o, long_months[t->month - 1], 3);
        break;
    case S_NUM_MONTH:
        putn(o, t->month, 0, '0');
        break;
    case S_ZERO_MONTH:
        putn(o, t->month, 2, '0');
        break;
    case S_LONG_WDAY:
        put(o, long_days[t->wday], strlen(long_days[t->wday]));
        break;
    case S_WDAY:
        put(o, long_days[t->wday], 3);
        break;
    case S_DAY:
        putn(o, t->day, 0, '0');
        break;
    case S_UNDER_DAY:
        putn(o, t->day, 2, ' ');
        break;
    case S_ZERO_DAY:
        putn(o, t->day, 2, '0');
        break;
    case S_UNDER_YDAY:
        putn(o, t->yday, 3, ' ');
        break;
    case S_ZERO_YDAY:
        putn(o, t->yday, 3, '0');
        break;
    case S_HOUR:
        putn(o, t->hour, 2, '0');
        break;
    case S_HOUR12:
        putn(o, h12, 0, '0');
        break;
    case S_ZERO_HOUR12:
        putn(o, h12, 2, '0');
        break;
    case S_MINUTE:
        putn(o, t->min, 0, '0');
        break;
    case S_ZERO_MINUTE:
        putn(o, t->min, 2, '0');
        break;
    case S_SECOND:
        putn(o, t->sec, 0, '0');
        break;
    case S_ZERO_SECOND:
        putn(o, t->sec, 2, '0');
        break;
    case S_LONG_YEAR:
        putn(o, (long long)t->year, t->year < 0 ? 5 : 4, '0');
        break;
    case S_YEAR:
        putn(o, (long long)(((t->year % 100) + 100) % 100), 2, '0');
        break;
    case S_PM_UP:
        put(o, t->hour >= 12 ? "PM" : "AM", 2);
        break;
    case S_PM_LO:
        put(o, t->hour >= 12 ? "pm" : "am", 2);
        break;
    case S_TZ:
        if (t->abbr && *t->abbr) {
            put(o, t->abbr, strlen(t->abbr));
        } else {
            struct chunk nc = {.std = S_NUM_TZ, .tzparts = t->off % 3600 ? 2 : 1};
            fmt_tz(o, &nc, t->off);
        }
        break;
    case S_ISO_TZ:
    case S_NUM_TZ:
        fmt_tz(o, c, t->off);
        break;
    case S_FRAC0:
    case S_FRAC9:
        fmt_frac(o, c, at, t->nsec);
        break;
    case S_NONE:
        break;
    }
}

int bi_gotime_format(const char *layout, int64_t secs, int32_t nsec, const struct bi_tz *tz, char *out, size_t outlen)
{
    struct civil t = {.nsec = nsec};
    bi_tz_lookup(tz, secs, &t.off, &t.abbr);
    int64_t local = secs + t.off;
    int64_t days = floor_div(local, 86400);
    int64_t rem = local - days * 86400;
    bi_civil_from_days(days, &t.year, &t.month, &t.day);
    t.hour = (int)(rem / 3600);
    t.min = (int)(rem / 60 % 60);
    t.sec = (int)(rem % 60);
    t.wday = bi_weekday_from_days(days);
    t.yday = bi_yearday(t.year, t.month, t.day);
    struct out o = {out, 0, outlen, 0};
    if (outlen)
        out[0] = 0;
    for (const char *p = layout; *p;) {
        struct chunk c;
        if (chunk_at(p, &c)) {
            fmt_chunk(&o, &c, p, &t);
            p += c.len;
        } else {
            put(&o, p, 1);
            p++;
        }
    }
    return o.overflow ? -1 : 0;
}

int bi_gotime_to_ns(int64_t secs, int32_t nsec, int64_t *ns)
{
    __int128 v = (__int128)secs * 1000000000 + nsec;
    if (v > INT64_MAX || v < INT64_MIN)
        return -1;
    *ns = (int64_t)v;
    return 0;
}

/* ---- parsing ---- */

struct pstate {
    int64_t year;
    int month, day, yday, hour, min, sec, pm, am, has_off;
    int32_t nsec, off;
};

static const char *skip_lit(const char *v, const char *lit, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (lit[i] == ' ') {
            if (*v && *v != ' ')
                return NULL;
            while (i < n && lit[i] == ' ')
                i++;
            while (*v == ' ')
                v++;
            continue;
        }
        if (*v != lit[i])
            return NULL;
        v++;
        i++;
    }
    return v;
}

/* Read 1-2 digits (exactly 2 when fixed); returns the rest or NULL. */
static const char *getnum(const char *v, int fixed, int *out)
{
    if (!isdigit((unsigned char)v[0]))
        return NULL;
    if (!isdigit((unsigned char)v[1])) {
        if (fixed)
            return NULL;
        *out = v[0] - '0';
        return v + 1;
    }
    *out = (v[0] - '0') * 10 + (v[1] - '0');
    return v + 2;
}

static const char *getdigits(const char *v, int n, int *out)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)v[i]))
            return NULL;
        x = x * 10 + (v[i] - '0');
    }
    *out = x;
    return v + n;
}

static const char *lookup_name(const char *v, const char *const *names, int count, size_t len, int *out)
{
    for (int i = 0; i < count; i++) {
        size_t n = len ? len : strlen(names[i]);
        if (strncasecmp(v, names[i], n) == 0) {
            *out = i;
            return v + n;
        }
    }
    return NULL;
}

static const char *parse_frac(const char *v, int ndig, int32_t *nsec)
{
    /* v points at the separator; ndig digits follow (ndig < 0: as many as there are) */
    const char *p = v + 1;
    int64_t x = 0;
    int n = 0;
    while (isdigit((unsigned char)*p) && (ndig < 0 || n < ndig)) {
        if (n < 9)
            x = x * 10 + (*p - '0');
        n++;
        p++;
    }
    if (n == 0 || (ndig >= 0 && n != ndig))
        return NULL;
    for (int i = n; i < 9; i++)
        x *= 10;
    *nsec = (int32_t)x;
    return p;
}

static const char *parse_tz(const char *v, const struct chunk *c, struct pstate *st)
{
    if (c->std == S_ISO_TZ && *v == 'Z') {
        st->has_off = 1;
        st->off = 0;
        return v + 1;
    }
    if (*v != '+' && *v != '-')
        return NULL;
    int sign = *v == '-' ? -1 : 1, hh = 0, mm = 0, ss = 0;
    const char *p = getdigits(v + 1, 2, &hh);
    if (p && c->tzparts >= 2) {
        if (c->colon && *p++ != ':')
            return NULL;
        p = getdigits(p, 2, &mm);
    }
    if (p && c->tzparts >= 3) {
        if (c->colon && *p++ != ':')
            return NULL;
        p = getdigits(p, 2, &ss);
    }
    if (!p || hh > 24 || mm > 59 || ss > 59)
        return NULL;
    st->has_off = 1;
    st->off = sign * (hh * 3600 + mm * 60 + ss);
    return p;
}

static const char *parse_abbr(const char *v, struct pstate *st)
{
    if (has(v, "UTC")) {
        st->has_off = 1;
        st->off = 0;
        return v + 3;
    }
    size_t n = 0;
    while (isupper((unsigned char)v[n]))
        n++;
    if (n < 3 || n > 5)
        return NULL;
    st->has_off = 1; /* unknown abbreviation: Go fabricates a zone with offset 0 */
    st->off = 0;
    return v + n;
}

/* Parse one std chunk from v; layout_rest is the layout after the chunk. NULL on mismatch. */
static const char *parse_chunk(const char *v, const struct chunk *c, const char *layout_rest, struct pstate *st)
{
    int x = 0;
    const char *r = NULL;
    switch (c->std) {
    case S_YEAR:
        if ((r = getdigits(v, 2, &x)))
            st->year = x >= 69 ? 1900 + x : 2000 + x;
        return r;
    case S_LONG_YEAR:
        if ((r = getdigits(v, 4, &x)))
            st->year = x;
        return r;
    case S_LONG_MONTH:
    case S_MONTH:
        if ((r = lookup_name(v, long_months, 12, c->std == S_MONTH ? 3 : 0, &x)))
            st->month = x + 1;
        return r;
    case S_NUM_MONTH:
    case S_ZERO_MONTH:
        r = getnum(v, c->std == S_ZERO_MONTH, &st->month);
        return r && st->month >= 1 && st->month <= 12 ? r : NULL;
    case S_LONG_WDAY:
    case S_WDAY:
        return lookup_name(v, long_days, 7, c->std == S_WDAY ? 3 : 0, &x);
    case S_DAY:
    case S_UNDER_DAY:
    case S_ZERO_DAY:
        if (c->std == S_UNDER_DAY && *v == ' ')
            v++;
        return getnum(v, c->std == S_ZERO_DAY, &st->day);
    case S_UNDER_YDAY:
    case S_ZERO_YDAY:
        while (c->std == S_UNDER_YDAY && *v == ' ')
            v++;
        for (x = 0; isdigit((unsigned char)*v) && x < 1000; v++)
            x = x * 10 + (*v - '0');
        st->yday = x;
        return x >= 1 && x <= 366 ? v : NULL;
    case S_HOUR:
        r = getnum(v, 0, &st->hour);
        return r && st->hour < 24 ? r : NULL;
    case S_HOUR12:
    case S_ZERO_HOUR12:
        r = getnum(v, c->std == S_ZERO_HOUR12, &st->hour);
        return r && st->hour <= 12 ? r : NULL;
    case S_MINUTE:
    case S_ZERO_MINUTE:
        r = getnum(v, c->std == S_ZERO_MINUTE, &st->min);
        return r && st->min < 60 ? r : NULL;
    case S_SECOND:
    case S_ZERO_SECOND: {
        r = getnum(v, c->std == S_ZERO_SECOND, &st->sec);
        if (!r || st->sec >= 60)
            return NULL;
        struct chunk next;
        int next_frac = chunk_at(layout_rest, &next) && (next.std == S_FRAC0 || next.std == S_FRAC9);
        if ((*r == '.' || *r == ',') && isdigit((unsigned char)r[1]) && !next_frac)
            r = parse_frac(r, -1, &st->nsec);
        return r;
    }
    case S_PM_UP:
    case S_PM_LO: {
        const char *pm = c->std == S_PM_UP ? "PM" : "pm", *am = c->std == S_PM_UP ? "AM" : "am";
        if (has(v, pm))
            st->pm = 1;
        else if (has(v, am))
            st->am = 1;
        else
            return NULL;
        return v + 2;
    }
    case S_ISO_TZ:
    case S_NUM_TZ:
        return parse_tz(v, c, st);
    case S_TZ:
        return parse_abbr(v, st);
    case S_FRAC0:
        if (*v != *(layout_rest - c->len))
            return NULL;
        return parse_frac(v, c->digits, &st->nsec);
    case S_FRAC9:
        if ((*v != '.' && *v != ',') || !isdigit((unsigned char)v[1]))
            return v;
        return parse_frac(v, -1, &st->nsec);
    case S_NONE:
        return v;
    }
    return NULL;
}

static int perr(char *msg, size_t msglen, const char *layout, const char *value, const char *rest, const char *elem)
{
    snprintf(msg, msglen, "parsing time \"%s\" as \"%s\": cannot parse \"%s\" as \"%s\"", value, layout, rest, elem);
    return -1;
}

static int finish_parse(struct pstate *st, const char *value, int64_t *secs, int32_t *nsec, char *msg, size_t msglen)
{
    if (st->pm && st->hour < 12)
        st->hour += 12;
    else if (st->am && st->hour == 12)
        st->hour = 0;
    if (st->yday > 0) {
        int64_t d = bi_days_from_civil(st->year, 1, 1) + st->yday - 1;
        int64_t y;
        bi_civil_from_days(d, &y, &st->month, &st->day);
        if (y != st->year) {
            snprintf(msg, msglen, "parsing time \"%s\": day-of-year out of range", value);
            return -1;
        }
    }
    if (st->day < 1 || st->day > bi_days_in_month(st->year, st->month)) {
        snprintf(msg, msglen, "parsing time \"%s\": day out of range", value);
        return -1;
    }
    int64_t days = bi_days_from_civil(st->year, st->month, st->day);
    *secs = days * 86400 + st->hour * 3600 + st->min * 60 + st->sec - (st->has_off ? st->off : 0);
    *nsec = st->nsec;
    return 0;
}

int bi_gotime_parse(const char *layout, const char *value, int64_t *secs, int32_t *nsec, char *msg, size_t msglen)
{
    struct pstate st = {.year = 0, .month = 1, .day = 1};
    const char *v = value, *lit = layout;
    for (const char *p = layout;;) {
        struct chunk c;
        if (*p && !chunk_at(p, &c)) {
            p++;
            continue;
        }
        const char *nv = skip_lit(v, lit, (size_t)(p - lit));
        if (!nv)
            return perr(msg, msglen, layout, value, v, lit);
        v = nv;
        if (!*p)
            break;
        nv = parse_chunk(v, &c, p + c.len, &st);
        if (!nv) {
            char elem[32];
            snprintf(elem, sizeof elem, "%.*s", (int)c.len, p);
            return perr(msg, msglen, layout, value, v, elem);
        }
        v = nv;
        p += c.len;
        lit = p;
    }
    if (*v) {
        snprintf(msg, msglen, "parsing time \"%s\": extra text: \"%s\"", value, v);
        return -1;
    }
    return finish_parse(&st, value, secs, nsec, msg, msglen);
}
