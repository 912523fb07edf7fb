/* err.c: error records, code names and the code -> exit code table. */
#include "core/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void osp_err_init(struct osp_err *err)
{
    memset(err, 0, sizeof(*err));
}

enum osp_code osp_err_set(struct osp_err *err, enum osp_code code, const char *fmt, ...)
{
    if (!err || err->code != OSP_OK)
        return code;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    return code;
}

void osp_err_prefix(struct osp_err *err, const char *fmt, ...)
{
    char prefix[256], old[sizeof(err->msg)];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof(prefix), fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof(old));
    snprintf(err->msg, sizeof(err->msg), "%s%s", prefix, old);
}

const char *osp_strerror(enum osp_code code)
{
    switch (code) {
#define OSP_X_TEXT(name, exitc, text) \
    case name:                        \
        return text;
        OSP_CODE_LIST(OSP_X_TEXT)
#undef OSP_X_TEXT
    case OSP_CODE_COUNT:
        break;
    }
    return "unknown error";
}

const char *osp_code_name(enum osp_code code)
{
    switch (code) {
#define OSP_X_NAME(name, exitc, text) \
    case name:                        \
        return #name;
        OSP_CODE_LIST(OSP_X_NAME)
#undef OSP_X_NAME
    case OSP_CODE_COUNT:
        break;
    }
    return "OSP_UNKNOWN";
}

int osp_exit_code(enum osp_code code)
{
    switch (code) {
#define OSP_X_EXIT(name, exitc, text) \
    case name:                        \
        return exitc;
        OSP_CODE_LIST(OSP_X_EXIT)
#undef OSP_X_EXIT
    case OSP_CODE_COUNT:
        break;
    }
    return 5;
}

int osp_code_is_own(const char *name)
{
    for (int c = 0; name && c < OSP_CODE_COUNT; c++)
        if (!strcmp(name, osp_code_name((enum osp_code)c)))
            return 1;
    return 0;
}
