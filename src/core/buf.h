/* buf.h: a growable byte buffer with a hard size cap (curl's dynbuf idea).
 *
 * The buffer owns its bytes; osp_buf_cleanup frees them. Data is always NUL-terminated so
 * text can be read with osp_buf_str(). Appending past `max` fails with OSP_ELIMIT and leaves
 * the buffer unchanged. osp_buf_take() hands the bytes to the caller (who frees them).
 *
 *   struct osp_buf b; osp_buf_init(&b, 1 << 20);
 *   if (osp_buf_addf(&b, "%s=%d", k, v)) ...;
 *   puts(osp_buf_str(&b)); osp_buf_cleanup(&b);
 */
#ifndef OSPREY_CORE_BUF_H
#define OSPREY_CORE_BUF_H

#include <stddef.h>

#include "core/err.h"

struct osp_buf {
    char *data;
    size_t len;
    size_t cap;
    size_t max; /* 0 = unlimited */
};

void osp_buf_init(struct osp_buf *b, size_t max);
void osp_buf_cleanup(struct osp_buf *b);
void osp_buf_reset(struct osp_buf *b);
OSP_MUST_CHECK enum osp_code osp_buf_add(struct osp_buf *b, const void *p, size_t n);
OSP_MUST_CHECK enum osp_code osp_buf_adds(struct osp_buf *b, const char *s);
OSP_MUST_CHECK enum osp_code osp_buf_addc(struct osp_buf *b, char c);
OSP_MUST_CHECK enum osp_code osp_buf_addf(struct osp_buf *b, const char *fmt, ...) OSP_PRINTF(2, 3);
/* s with every control character shown escaped: \n \r \t, other C0 bytes, DEL and the C1
 * controls (U+0080..U+009F) as \xNN; other text (UTF-8 included) unchanged. For text from outside
 * (AWS, artifacts, files) on its way to a terminal or a CI log, where a newline could forge a line
 * ("::warning::" workflow commands) and an escape sequence could drive the terminal. */
OSP_MUST_CHECK enum osp_code osp_buf_add_escaped(struct osp_buf *b, const char *s);
/* The same into a new string (never NULL: out of memory ends the run, core/alloc.h). */
char *osp_escape_controls(const char *s);
const char *osp_buf_str(const struct osp_buf *b); /* never NULL */
char *osp_buf_take(struct osp_buf *b);            /* caller frees; buffer is reset */

#endif
