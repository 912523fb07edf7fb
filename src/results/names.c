/* names.c: the text names of severities and statuses, and their parsers. */
#include <strings.h>

#include "results/result.h"

static const char *const sev_names[RES_SEV_COUNT] = {"UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"};
static const char *const status_names[] = {"FAIL", "PASS", "IGNORED", "ERROR"};
static const char *const svc_names[] = {"ok", "failed", "skipped", "cached"};
static const char *const ctl_names[] = {"PASS", "FAIL", "MANUAL", "NOT EVALUATED", "NOT COVERED"};
static const char *const gap_names[] = {"service", "region", "check", "resource", "account"};

#define NAMEOF(tab, v) ((unsigned)(v) < sizeof(tab) / sizeof(tab[0]) ? tab[v] : "UNKNOWN")

const char *res_severity_name(enum res_severity s)
{
    return NAMEOF(sev_names, s);
}

const char *res_status_name(enum res_status s)
{
    return NAMEOF(status_names, s);
}

const char *res_svc_state_name(enum res_svc_state s)
{
    return NAMEOF(svc_names, s);
}

const char *res_ctl_status_name(enum res_ctl_status s)
{
    return NAMEOF(ctl_names, s);
}

const char *res_gap_kind_name(enum res_gap_kind k)
{
    return NAMEOF(gap_names, k);
}

static int lookup(const char *const *tab, int n, const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < n; i++)
        if (!strcasecmp(tab[i], name))
            return i;
    return -1;
}

#define PARSE(tab, name, out, type)                                                                                    \
    do {                                                                                                               \
        int i_ = lookup(tab, (int)(sizeof(tab) / sizeof(tab[0])), name);                                               \
        if (i_ < 0)                                                                                                    \
            return -1;                                                                                                 \
        *(out) = (type)i_;                                                                                             \
        return 0;                                                                                                      \
    } while (0)

int res_severity_parse(const char *name, enum res_severity *out)
{
    PARSE(sev_names, name, out, enum res_severity);
}

int res_status_parse(const char *name, enum res_status *out)
{
    PARSE(status_names, name, out, enum res_status);
}

int res_svc_state_parse(const char *name, enum res_svc_state *out)
{
    PARSE(svc_names, name, out, enum res_svc_state);
}

int res_ctl_status_parse(const char *name, enum res_ctl_status *out)
{
    if (name && !strcasecmp(name, "ERROR")) { /* reports written before NOT EVALUATED */
        *out = RES_CTL_ERROR;
        return 0;
    }
    PARSE(ctl_names, name, out, enum res_ctl_status);
}

int res_gap_kind_parse(const char *name, enum res_gap_kind *out)
{
    PARSE(gap_names, name, out, enum res_gap_kind);
}
