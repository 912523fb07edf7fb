/* timeutil.h: durations ("90m", "2h", "1d", "1h30m", "45s") and RFC 3339 / ISO 8601 times. */
#ifndef OSPREY_CORE_TIMEUTIL_H
#define OSPREY_CORE_TIMEUTIL_H

#include <stddef.h>
#include <time.h>

#include "core/err.h"

/* Parse a duration into seconds. Units: s, m, h, d, w; a bare number means seconds.
 * Returns OSP_EUSAGE with a message naming the value on bad input. */
OSP_MUST_CHECK enum osp_code osp_parse_duration(const char *s, long long *secs, struct osp_err *err);
/* Parse "2024-01-02T03:04:05Z", with optional fraction and +hh:mm offset; returns -1 on error. */
time_t osp_parse_rfc3339(const char *s);
/* Format as "2024-01-02T03:04:05Z" into out (at least 21 bytes). */
void osp_format_rfc3339(time_t t, char *out, size_t outlen);
/* Human age: "45s", "12m", "3h", "2d". */
void osp_format_age(long long secs, char *out, size_t outlen);

#endif
