/* log.h: leveled, format-checked logging through the ctx sink, with secret redaction.
 *
 * Every line passes osp_redact() before it reaches the sink, so an Authorization header,
 * X-Amz-Security-Token, X-Amz-Signature or a SecretAccessKey/SessionToken/Token field in a
 * logged body never leaves the process, even under --debug.
 */
#ifndef OSPREY_CORE_LOG_H
#define OSPREY_CORE_LOG_H

#include <stddef.h>

#include "core/ctx.h"
#include "core/err.h"

void osp_log(const struct osp_ctx *ctx, enum osp_log_level lvl, const char *fmt, ...) OSP_PRINTF(3, 4);
#define osp_debug(ctx, ...) osp_log((ctx), OSP_LOG_DEBUG, __VA_ARGS__)
#define osp_warn(ctx, ...) osp_log((ctx), OSP_LOG_WARN, __VA_ARGS__)
#define osp_info(ctx, ...) osp_log((ctx), OSP_LOG_INFO, __VA_ARGS__)

/* Return a newly allocated copy of `text` with secrets masked as "****" (caller frees).
 * Masks: "Authorization: ..." header values (keeps the credential scope's access key id
 * prefix out too), X-Amz-Security-Token / X-Amz-Signature / X-Amz-Credential values in
 * headers and query strings, and JSON/XML/INI fields whose names contain SecretAccessKey,
 * SessionToken, Token, Password or secret. */
char *osp_redact(const char *text);

#endif
