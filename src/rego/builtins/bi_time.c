/* bi_time.c: time.* builtins (nanosecond timestamps, Go layouts, IANA zones). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "rego/builtins/bi_gotime.h"
#include "rego/builtins/bi_int.h"

#define NS 1000000000LL

/* A timestamp operand: ns, or [ns], [ns, tz], [ns, tz, layout]. */
struct tsarg {
    int64_t ns;
    struct bi_tz tz;
    const char *layout;
};

static int64_t fdiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* ns into floor seconds and a non-negative nanosecond part (no overflow at INT64_MIN). */
static void split_ns(int64_t ns, int64_t *secs, int32_t *nsec)
{
    int64_t r = ns % NS;
    if (r < 0)
        r += NS;
    *secs = fdiv(ns, NS);
    *nsec = (int32_t)r;
}

static enum rego_bi_status read_ts(struct rego_bctx *bc, const rv *a, int i, struct tsarg *t)
{
    rv v = a[i], n = v, tzv = rv_undef(), lay = rv_undef();
    memset(t, 0, sizeof *t);
    if (rv_kind(v) == RV_ARRAY) {
        if (rv_len(v) < 1 || rv_len(v) > 3)
            return rego_bi_type_error(bc, "operand %d must be an array of 1 to 3 elements", i + 1);
        n = rv_arr_at(v, 0);
        tzv = rv_arr_at(v, 1);
        lay = rv_arr_at(v, 2);
    } else if (rv_kind(v) != RV_NUMBER) {
        return bi_want_one_of(bc, a, i, "number, array");
    }
    if (rv_kind(n) != RV_NUMBER)
        return rego_bi_type_error(bc, "operand %d: timestamp must be a number but got %s", i + 1, bi_tname(n));
    if (!rv_num_to_int64(n, &t->ns))
        return rego_bi_error(bc, "timestamp too big");
    if ((!rv_is_undef(tzv) && rv_kind(tzv) != RV_STRING) || (!rv_is_undef(lay) && rv_kind(lay) != RV_STRING))
        return rego_bi_type_error(bc, "operand %d: time zone and layout must be strings", i + 1);
    t->layout = rv_is_undef(lay) ? BI_GO_RFC3339NANO : bi_gotime_named_layout(rv_str(lay));
    char msg[128];
    if (bi_tz_load(rv_is_undef(tzv) ? "" : rv_str(tzv), &t->tz, msg, sizeof msg) != 0)
        return rego_bi_error(bc, "%s", msg);
    return REGO_BI_OK;
}

/* Civil fields of a timestamp in its zone. */
struct civil {
    int64_t year, days;
    int month, day, hour, min, sec;
};

static void to_civil(const struct tsarg *t, struct civil *c)
{
    int64_t secs = fdiv(t->ns, NS);
    int32_t off;
    bi_tz_lookup(&t->tz, secs, &off, NULL);
    int64_t local = secs + off;
    c->days = fdiv(local, 86400);
    int64_t rem = local - c->days * 86400;
    bi_civil_from_days(c->days, &c->year, &c->month, &c->day);
    c->hour = (int)(rem / 3600);
    c->min = (int)(rem / 60 % 60);
    c->sec = (int)(rem % 60);
}

static rv int_triple(int64_t x, int64_t y, int64_t z)
{
    rv arr = rv_arr_with_cap(3);
    rv_arr_push(&arr, rv_num_int(x));
    rv_arr_push(&arr, rv_num_int(y));
    rv_arr_push(&arr, rv_num_int(z));
    return arr;
}

BI(time_now_ns)
{
    return bi_ok(out, rv_num_int(rego_bctx_now_ns(bc)));
}

static enum rego_bi_status parse_to_ns(struct rego_bctx *bc, const char *layout, const char *value, rv *out)
{
    int64_t secs, ns;
    int32_t nsec;
    char msg[512];
    if (bi_gotime_parse(layout, value, &secs, &nsec, msg, sizeof msg) != 0)
        return rego_bi_error(bc, "%s", msg);
    if (bi_gotime_to_ns(secs, nsec, &ns) != 0)
        return rego_bi_error(bc, "time outside of valid range");
    return bi_ok(out, rv_num_int(ns));
}

BI(time_parse_ns)
{
    BI_WANT(0, RV_STRING);
    BI_WANT(1, RV_STRING);
    return parse_to_ns(bc, bi_gotime_named_layout(rv_str(a[0])), rv_str(a[1]), out);
}

BI(time_parse_rfc3339_ns)
{
    BI_WANT(0, RV_STRING);
    return parse_to_ns(bc, BI_GO_RFC3339, rv_str(a[0]), out);
}

BI(time_parse_duration_ns)
{
    BI_WANT(0, RV_STRING);
    int64_t ns;
    char msg[256];
    if (bi_godur_parse(rv_str(a[0]), &ns, msg, sizeof msg) != 0)
        return rego_bi_error(bc, "%s", msg);
    return bi_ok(out, rv_num_int(ns));
}

BI(time_date)
{
    struct tsarg t;
    struct civil c;
    BI_TRY(read_ts(bc, a, 0, &t));
    to_civil(&t, &c);
    bi_tz_free(&t.tz);
    return bi_ok(out, int_triple(c.year, c.month, c.day));
}

BI(time_clock)
{
    struct tsarg t;
    struct civil c;
    BI_TRY(read_ts(bc, a, 0, &t));
    to_civil(&t, &c);
    bi_tz_free(&t.tz);
    return bi_ok(out, int_triple(c.hour, c.min, c.sec));
}

BI(time_weekday)
{
    static const char *const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    struct tsarg t;
    struct civil c;
    BI_TRY(read_ts(bc, a, 0, &t));
    to_civil(&t, &c);
    bi_tz_free(&t.tz);
    return bi_ok(out, rv_str_new(days[bi_weekday_from_days(c.days)]));
}

BI(time_format)
{
    struct tsarg t;
    BI_TRY(read_ts(bc, a, 0, &t));
    char buf[1024];
    int64_t secs;
    int32_t nsec;
    split_ns(t.ns, &secs, &nsec);
    int rc = bi_gotime_format(t.layout, secs, nsec, &t.tz, buf, sizeof buf);
    bi_tz_free(&t.tz);
    if (rc != 0)
        return rego_bi_error(bc, "formatted time is too long");
    return bi_ok(out, rv_str_new(buf));
}

BI(time_add_date)
{
    int64_t ns, dy, dm, dd;
    BI_TRY(bi_want_int(bc, a, 0, &ns));
    BI_TRY(bi_want_int(bc, a, 1, &dy));
    BI_TRY(bi_want_int(bc, a, 2, &dm));
    BI_TRY(bi_want_int(bc, a, 3, &dd));
    if (dy > 1000000 || dy < -1000000 || dm > 12000000 || dm < -12000000 || dd > 400000000 || dd < -400000000)
        return rego_bi_error(bc, "time outside of valid range");
    int64_t secs;
    int32_t nsec;
    split_ns(ns, &secs, &nsec);
    int64_t days = fdiv(secs, 86400), tod = secs - days * 86400, y;
    int m, d;
    bi_civil_from_days(days, &y, &m, &d);
    int64_t mm = (int64_t)(m - 1) + dm;
    y += dy + fdiv(mm, 12);
    mm -= fdiv(mm, 12) * 12;
    int64_t nd = bi_days_from_civil(y, (int)mm + 1, 1) + (d - 1) + dd;
    int64_t res;
    if (bi_gotime_to_ns(nd * 86400 + tod, nsec, &res) != 0)
        return rego_bi_error(bc, "time outside of valid range");
    return bi_ok(out, rv_num_int(res));
}

BI(time_diff)
{
    struct tsarg t1, t2;
    BI_TRY(read_ts(bc, a, 0, &t1));
    enum rego_bi_status st = read_ts(bc, a, 1, &t2);
    if (st != REGO_BI_OK) {
        bi_tz_free(&t1.tz);
        return st;
    }
    /* both in t1's zone, earlier first */
    bi_tz_free(&t2.tz);
    struct tsarg lo = t1, hi = t1;
    lo.ns = t1.ns < t2.ns ? t1.ns : t2.ns;
    hi.ns = t1.ns < t2.ns ? t2.ns : t1.ns;
    struct civil c1, c2;
    to_civil(&lo, &c1);
    to_civil(&hi, &c2);
    bi_tz_free(&t1.tz);
    int64_t year = c2.year - c1.year, month = c2.month - c1.month, day = c2.day - c1.day;
    int64_t hour = c2.hour - c1.hour, min = c2.min - c1.min, sec = c2.sec - c1.sec;
    if (sec < 0) {
        sec += 60;
        min--;
    }
    if (min < 0) {
        min += 60;
        hour--;
    }
    if (hour < 0) {
        hour += 24;
        day--;
    }
    if (day < 0) {
        day += bi_days_in_month(c1.year, c1.month);
        month--;
    }
    if (month < 0) {
        month += 12;
        year--;
    }
    rv arr = int_triple(year, month, day);
    rv_arr_push(&arr, rv_num_int(hour));
    rv_arr_push(&arr, rv_num_int(min));
    rv_arr_push(&arr, rv_num_int(sec));
    return bi_ok(out, arr);
}

/* test.sleep: OPA's helper for timing tests; sleeps at most one second. */
BI(test_sleep)
{
    BI_WANT(0, RV_STRING);
    int64_t ns;
    char msg[256];
    if (bi_godur_parse(rv_str(a[0]), &ns, msg, sizeof msg) != 0)
        return rego_bi_error(bc, "%s", msg);
    if (ns > NS)
        ns = NS;
    if (ns > 0) {
        struct timespec ts = {(time_t)(ns / NS), (long)(ns % NS)};
        nanosleep(&ts, NULL);
    }
    return bi_ok(out, rv_null());
}
