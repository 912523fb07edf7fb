/* bi_gotime.h: Go-compatible time layouts, civil calendar maths and TZif zones (builtins only).
 *
 * OPA's time.* builtins follow Go's time package: layouts are reference-time strings
 * ("2006-01-02T15:04:05Z07:00"), zones come from the IANA database and timestamps are
 * int64 nanoseconds. These helpers know nothing of rv values; bi_time.c wraps them.
 *
 *   struct bi_tz tz;
 *   if (bi_tz_load("Asia/Kolkata", &tz, msg, sizeof msg)) ... error in msg ...
 *   bi_gotime_format(GO_RFC3339NANO, secs, nsec, &tz, out, sizeof out);
 *   bi_tz_free(&tz);
 */
#ifndef OSPREY_REGO_BI_GOTIME_H
#define OSPREY_REGO_BI_GOTIME_H

#include <stddef.h>
#include <stdint.h>

#define BI_GO_RFC3339 "2006-01-02T15:04:05Z07:00"
#define BI_GO_RFC3339NANO "2006-01-02T15:04:05.999999999Z07:00"

struct bi_tz_type {
    int32_t utoff;
    char abbr[8];
};

/* A loaded zone; name "" or "UTC" gives UTC with no transitions. Owns its arrays. */
struct bi_tz {
    char name[64];
    size_t ntrans, ntypes;
    int64_t *trans; /* transition times (unix seconds), ascending */
    uint8_t *idx;   /* type index per transition */
    struct bi_tz_type *types;
    int fixed; /* 1: a fixed offset (from a parsed numeric zone) */
    struct bi_tz_type fixed_type;
};

/* Load a zone by IANA name; returns 0, or -1 with a message in msg. */
int bi_tz_load(const char *name, struct bi_tz *tz, char *msg, size_t msglen);
void bi_tz_free(struct bi_tz *tz);
/* The offset and abbreviation in effect at unix second t. */
void bi_tz_lookup(const struct bi_tz *tz, int64_t t, int32_t *off, const char **abbr);

/* Civil calendar (proleptic Gregorian). */
int64_t bi_days_from_civil(int64_t y, int m, int d);
void bi_civil_from_days(int64_t z, int64_t *y, int *m, int *d);
int bi_weekday_from_days(int64_t z);     /* 0 = Sunday */
int bi_yearday(int64_t y, int m, int d); /* 1-based */
int bi_days_in_month(int64_t y, int m);

/* Expand OPA's named layouts ("RFC3339", "Kitchen"...) or return the layout itself. */
const char *bi_gotime_named_layout(const char *layout);

/* Format unix time secs + nsec in zone tz with a Go layout; returns 0, or -1 if out is too small. */
int bi_gotime_format(const char *layout, int64_t secs, int32_t nsec, const struct bi_tz *tz, char *out, size_t outlen);

/* Parse value with a Go layout into unix seconds + nanoseconds (UTC unless the value has a zone).
 * Returns 0, or -1 with a Go-like message in msg. */
int bi_gotime_parse(const char *layout, const char *value, int64_t *secs, int32_t *nsec, char *msg, size_t msglen);

/* secs*1e9+nsec into int64 nanoseconds; returns -1 when out of range. */
int bi_gotime_to_ns(int64_t secs, int32_t nsec, int64_t *ns);

/* Parse a Go duration ("1h30m", "100ms", "-1.5h"); returns 0, or -1 with a message. */
int bi_godur_parse(const char *s, int64_t *ns, char *msg, size_t msglen);

#endif
