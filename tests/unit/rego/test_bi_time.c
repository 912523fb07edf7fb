/* test_bi_time.c: time.* builtins: Go layouts, zones, ranges. */
#include <unistd.h>

#include "test_bi_helpers.h"

/* Zone tests need the IANA database (Debian package tzdata). */
static int have_zones(void)
{
    if (access("/usr/share/zoneinfo/America/New_York", R_OK) == 0)
        return 1;
    fprintf(stderr, "  (skipped: /usr/share/zoneinfo missing; install tzdata)\n");
    return 0;
}

static void test_time_parse_layouts(void)
{
    BT_EQ("time.parse_rfc3339_ns(\"2017-06-02T19:00:00-07:00\")", "1496455200000000000");
    BT_EQ("time.parse_ns(\"01/02 03:04:05PM '06 -0700\", \"06/02 07:00:00PM '17 -0700\")", "1496455200000000000");
    BT_EQ("time.parse_ns(\"RFC822Z\", \"02 Jun 17 19:00 -0700\")", "1496455200000000000");
    BT_EQ("time.parse_rfc3339_ns(\"1677-09-21T00:12:43.145224192-00:00\")", "-9223372036854775808");
    BT_ERR("time.parse_rfc3339_ns(\"2262-04-11T23:47:16.854775808-00:00\")", "eval_builtin_error",
           "time outside of valid range");
    BT_ERR("time.parse_ns(\"2006-01-02\", \"2021-02-30\")", "eval_builtin_error", "day out of range");
    BT_EQ("time.parse_duration_ns(\"1h30m\")", "5400000000000");
    BT_ERR("time.parse_duration_ns(\"1x\")", "eval_builtin_error", "unknown unit");
}

static void test_time_fields_in_zones(void)
{
    BT_ERR("time.date([0, \"Mars/Base\"])", "eval_builtin_error", "unknown time zone Mars/Base");
    if (!have_zones())
        return;
    BT_EQ("time.date([1517814000000000000, \"America/Los_Angeles\"])", "[2018,2,4]");
    BT_EQ("time.clock([1517832000000000000, \"America/New_York\"])", "[7,0,0]");
    BT_EQ("time.weekday(1518350400000000000)", "\"Sunday\"");
    BT_ERR("time.date(1582977600000000000000)", "eval_builtin_error", "timestamp too big");
}

static void test_time_format_and_arithmetic(void)
{
    BT_EQ("time.format(1670006453141828752)", "\"2022-12-02T18:40:53.141828752Z\"");
    if (have_zones())
        BT_EQ("time.format([1670006453141828752, \"Asia/Kolkata\", \"RFC1123Z\"])",
              "\"Sat, 03 Dec 2022 00:10:53 +0530\"");
    BT_EQ("time.format([0, \"UTC\", \"Mon Jan _2 3:04PM 2006\"])", "\"Thu Jan  1 12:00AM 1970\"");
    BT_EQ("time.add_date(1585852421593912000, 3, 9, 12)", "1705257221593912000");
    BT_ERR("time.add_date(0, 2262, 1, 1)", "eval_builtin_error", "time outside of valid range");
    BT_EQ("time.diff(time.parse_ns(\"2006-01-02\", \"2004-02-29\"), time.parse_ns(\"2006-01-02\", \"2005-03-01\"))",
          "[1,0,1,0,0,0]");
}

static const struct osp_test tests[] = {
    OSP_TEST(test_time_parse_layouts),
    OSP_TEST(test_time_fields_in_zones),
    OSP_TEST(test_time_format_and_arithmetic),
    {0},
};

int main(void)
{
    return osp_test_run("bi_time", tests);
}
