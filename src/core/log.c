/* log.c: the log sink and the redaction every log line passes through. */
#include "core/log.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"

/* Names whose values are secrets. Matched case-insensitively wherever they appear as a key:
 * a header ("Name: v"), a query parameter ("Name=v"), JSON ("\"Name\": \"v\""), XML
 * ("<Name>v</Name>") or INI ("name = v"). `to_eol` masks through the end of the line. */
static const struct {
    const char *name;
    int to_eol;
} secret_keys[] = {
    {"authorization", 1},
    {"x-amz-security-token", 0},
    {"x-amz-signature", 0},
    {"x-amz-sso_bearer_token", 1},
    {"x-aws-ec2-metadata-token", 1},
    {"secretaccesskey", 0},
    {"aws_secret_access_key", 0},
    {"secret_access_key", 0},
    {"sessiontoken", 0},
    {"aws_session_token", 0},
    {"session_token", 0},
    {"webidentitytoken", 0},
    {"accesstoken", 0},
    {"password", 0},
    {"token", 0},
};

static int is_word(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '-';
}

/* If a secret key starts at s[i] (as a whole word), return its table index, else -1. */
static int key_at(const char *s, size_t i, size_t *klen)
{
    if (i > 0 && is_word(s[i - 1]))
        return -1;
    for (size_t k = 0; k < sizeof(secret_keys) / sizeof(secret_keys[0]); k++) {
        size_t n = strlen(secret_keys[k].name);
        if (strncasecmp(s + i, secret_keys[k].name, n) == 0 && !is_word(s[i + n])) {
            *klen = n;
            return (int)k;
        }
    }
    return -1;
}

/* After a key: skip the separator ("\": \"", ": ", "=", ">", " = ") and return where the value
 * begins, or 0 if this occurrence is not a key/value pair (e.g. the word inside prose). */
static size_t value_start(const char *s, size_t j)
{
    size_t start = j;
    if (s[j] == '"' || s[j] == '\'')
        j++;
    while (s[j] == ' ' || s[j] == '\t')
        j++;
    if (s[j] != ':' && s[j] != '=' && s[j] != '>')
        return 0;
    j++;
    while (s[j] == ' ' || s[j] == '\t')
        j++;
    if (s[j] == '"' || s[j] == '\'')
        j++;
    return j > start ? j : 0;
}

static size_t value_end(const char *s, size_t j, int to_eol)
{
    while (s[j] && s[j] != '\n' && s[j] != '\r') {
        if (!to_eol && (s[j] == '"' || s[j] == '\'' || s[j] == '<' || s[j] == '&' || s[j] == ',' ||
                        s[j] == ' ' || s[j] == '}' || s[j] == ';'))
            break;
        j++;
    }
    return j;
}

char *osp_redact(const char *text)
{
    struct osp_buf out;
    osp_buf_init(&out, 0);
    size_t i = 0, n = strlen(text);
    while (i < n) {
        size_t klen = 0;
        int k = key_at(text, i, &klen);
        size_t v = k >= 0 ? value_start(text, i + klen) : 0;
        if (k < 0 || v == 0) {
            if (osp_buf_addc(&out, text[i]))
                goto oom;
            i++;
            continue;
        }
        size_t e = value_end(text, v, secret_keys[k].to_eol);
        if (osp_buf_add(&out, text + i, v - i) || (e > v && osp_buf_adds(&out, "****")))
            goto oom;
        i = e;
    }
    return osp_buf_take(&out);
oom:
    osp_buf_cleanup(&out);
    return NULL;
}

static const char *level_name(enum osp_log_level lvl)
{
    switch (lvl) {
    case OSP_LOG_ERROR:
        return "error";
    case OSP_LOG_WARN:
        return "warning";
    case OSP_LOG_INFO:
        return "info";
    case OSP_LOG_DEBUG:
        return "debug";
    case OSP_LOG_TRACE:
        return "trace";
    }
    return "log";
}

void osp_log(const struct osp_ctx *ctx, enum osp_log_level lvl, const char *fmt, ...)
{
    if (ctx && lvl > ctx->log_level)
        return;
    char line[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    char *red = osp_redact(line);
    /* one log line is one line: CR, LF and escape sequences from AWS or files are shown escaped */
    char *safe = red ? osp_escape_controls(red) : NULL;
    free(red);
    const char *msg = safe ? safe : "(log line dropped: out of memory while redacting)";
    if (ctx && ctx->log_fn)
        ctx->log_fn(ctx->log_ud, lvl, msg);
    else
        fprintf(stderr, "osprey: %s: %s\n", level_name(lvl), msg);
    free(safe);
}
