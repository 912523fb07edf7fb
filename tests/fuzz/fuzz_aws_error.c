/* fuzz_aws_error.c: fuzz target for AWS error bodies of every protocol (aws_error_parse and friends).
 *
 * The input is "<x-amzn-ErrorType header>\n<body>" when it holds a newline before any '<' or '{',
 * else just the body; the body is parsed as a non-2xx reply of several statuses, with and without
 * the header, then formatted and turned into an osp_err as aws_call() does.
 * Invariants: code, message and request id always end inside their buffers, hold no control
 * characters (error text is printed as one line, and a body must not inject terminal escapes); code
 * and message are never empty (the HTTP status stands in); the formatted line and the osp_err agree.
 */
#include <stdint.h>

#include "aws/awserr.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Error text reaches terminals and CI logs as one line: no control characters from the body. */
static int one_line(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 0;
    return 1;
}

static void check_error(const struct aws_error *e, int status)
{
    FUZZ_CHECK(memchr(e->code, 0, sizeof(e->code)) != NULL);
    FUZZ_CHECK(memchr(e->message, 0, sizeof(e->message)) != NULL);
    FUZZ_CHECK(memchr(e->request_id, 0, sizeof(e->request_id)) != NULL);
    FUZZ_CHECK(e->code[0] && e->message[0] && e->http_status == status);
    FUZZ_CHECK(one_line(e->code) && one_line(e->message) && one_line(e->request_id));
    char line[1024];
    aws_error_format(e, line, sizeof(line));
    FUZZ_CHECK(strncmp(line, e->code, strlen(e->code)) == 0);
    struct osp_err err;
    osp_err_init(&err);
    enum osp_code c = aws_error_to_err(e, &err);
    FUZZ_CHECK(c == OSP_EAWS || c == OSP_EAUTH);
    FUZZ_CHECK(err.code == c && err.msg[0] && err.http_status == status);
    FUZZ_CHECK(strcmp(err.aws_code, e->code) == 0 || strlen(e->code) >= sizeof(err.aws_code));
    (void)aws_error_is_skew(e->code);
    (void)aws_error_is_access_denied(e->code);
    (void)aws_error_is_unsupported(e->code);
}

static void one(const char *body, size_t len, const char *hdr, const char *reqid, int status)
{
    struct aws_error e;
    memset(&e, 0x5a, sizeof(e)); /* parse must not rely on a zeroed struct */
    aws_error_parse(body, len, hdr, reqid, status, &e);
    check_error(&e, status);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_note_input(data, size);
    const char *in = (const char *)data;
    size_t cut = 0; /* the header is a C string: it also stops at a NUL */
    while (cut < size && in[cut] && in[cut] != '\n' && in[cut] != '<' && in[cut] != '{')
        cut++;
    char *hdr = NULL;
    const char *body = in;
    size_t blen = size;
    if (cut < size && in[cut] == '\n') {
        hdr = fuzz_strndup(data, cut);
        body = in + cut + 1;
        blen = size - cut - 1;
    }
    static const int statuses[] = {400, 403, 404, 500, 503};
    for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
        one(body, blen, hdr, i % 2 ? "req-1234" : NULL, statuses[i]);
    one(in, size, NULL, NULL, 400);
    one(NULL, 0, hdr, NULL, 429);
    free(hdr);
    return 0;
}
