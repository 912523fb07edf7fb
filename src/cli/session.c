/* session.c: options -> credential chain -> AWS client -> account and regions. */
#include "cli/session.h"

#include <stdlib.h>
#include <string.h>

#include "cli/scope.h"
#include "core/log.h"
#include "creds/creds.h"

/* --region all, or --compliance without --region: a compliance report covers every enabled
 * region unless told otherwise (and then says which regions it did not scan). */
static int wants_all_regions(const struct cli_opts *o)
{
    for (size_t i = 0; i < o->regions.n; i++)
        if (!strcmp(o->regions.v[i], "all"))
            return 1;
    return o->compliance && !o->regions.n && !o->arn && !o->offline;
}

struct cred_opts cli_cred_opts(const struct cli_opts *o)
{
    return (struct cred_opts){
        .profile = o->profile,
        .role_arn = o->role_arn,
        .role_session_name = o->role_session_name,
        .external_id = o->external_id,
        .web_identity_token_file = o->web_identity_token_file,
        .web_identity_token_env = o->web_identity_token_env,
        .region = (o->regions.n && strcmp(o->regions.v[0], "all")) ? o->regions.v[0] : NULL,
    };
}

static enum osp_code open_chain(struct cli_session *s, struct osp_err *err)
{
    struct cred_opts co = cli_cred_opts(s->opts);
    return cred_chain_new(s->ctx, &co, &s->chain, err);
}

static enum osp_code open_client(struct cli_session *s, struct osp_err *err)
{
    const struct cli_opts *o = s->opts;
    struct aws_client_opts co = {
        .endpoint_url = o->endpoint, /* AWS_ENDPOINT_URL(_<SERVICE>) are read by the client at their priority */
        .profile_endpoint_url = cred_chain_endpoint_url(s->chain),
        .concurrency = o->concurrency,
        .ca_bundle = o->ca_bundle ? o->ca_bundle : cred_chain_ca_bundle(s->chain),
        .insecure = o->insecure,
    };
    return aws_client_new(s->ctx, &co, &s->client, err);
}

enum osp_code cli_session_open(struct osp_ctx *ctx, const struct cli_opts *o, struct cli_session *s,
                               struct osp_err *err)
{
    memset(s, 0, sizeof(*s));
    s->ctx = ctx;
    s->opts = o;
    ctx->log_level = o->debug ? OSP_LOG_DEBUG : OSP_LOG_WARN;
    ctx->quiet = o->quiet || o->no_progress; /* ctx->quiet: no progress line */
    ctx->progress = o->progress;
    enum osp_code rc = open_chain(s, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < o->regions.n; i++)
        if (strcmp(o->regions.v[i], "all") && (rc = scan_scope_add_region(&s->scope, o->regions.v[i], err)))
            return rc;
    if (!s->scope.nregions && o->arn) { /* a regional ARN names its region */
        char r[32];
        cli_scope_arn_region(o->arn, r, sizeof(r));
        if (*r && (rc = scan_scope_add_region(&s->scope, r, err)))
            return rc;
    }
    if (o->account) /* before any return: an offline run without a region still scans this account only */
        snprintf(s->scope.account, sizeof(s->scope.account), "%s", o->account);
    s->scope.regions_given = s->scope.nregions > 0;
    s->scope.all_regions = wants_all_regions(o);
    s->scope.configured_region = cred_chain_region(s->chain);
    if (!s->scope.nregions && !s->scope.all_regions) {
        const char *r = cred_chain_region(s->chain);
        if (!r && o->offline)
            return OSP_OK; /* the cache or artifact says which regions it holds */
        if (!r)
            return osp_err_set(err, OSP_EUSAGE,
                               "no AWS region configured (use --region, AWS_REGION, or 'region' in your AWS profile)");
        if ((rc = scan_scope_add_region(&s->scope, r, err)))
            return rc;
    }
    const char *first = s->scope.nregions ? s->scope.regions[0] : cred_chain_region(s->chain);
    snprintf(s->scope.partition, sizeof(s->scope.partition), "%s", aws_partition_of(first ? first : "us-east-1"));
    if (o->offline)
        return OSP_OK;
    return open_client(s, err);
}

static enum osp_code learn_regions(struct cli_session *s, const char *via, struct osp_err *err);

static const char *session_via(const struct cli_session *s)
{
    const char *via = s->scope.nregions ? s->scope.regions[0] : s->chain ? cred_chain_region(s->chain) : NULL;
    return via ? via : "us-east-1";
}

enum osp_code cli_session_connect(struct cli_session *s, int need_account, struct osp_err *err)
{
    if (!s->client)
        return osp_err_set(err, OSP_EOFFLINE, "cannot reach AWS in --offline mode");
    struct aws_creds creds;
    memset(&creds, 0, sizeof(creds));
    enum osp_code rc = cred_chain_resolve(s->chain, s->client, &creds, err);
    if (!rc)
        rc = aws_client_set_creds(s->client, &creds, cred_chain_refresh, s->chain, err);
    if (!rc)
        osp_debug(s->ctx, "credentials from %s", creds.provider);
    aws_creds_cleanup(&creds);
    if (rc)
        return rc;
    s->creds_ready = 1;
    const char *via = session_via(s);
    if (need_account && !s->scope.account[0]) {
        char arn[512];
        if ((rc = cred_caller_identity(s->client, via, s->scope.account, arn, sizeof(arn), err)))
            return rc;
        osp_debug(s->ctx, "scanning account %s as %s", s->scope.account, arn);
    }
    return learn_regions(s, via, err);
}

/* --region all expands to the account's enabled regions; --compliance learns them to say which
 * were not scanned. */
static enum osp_code learn_regions(struct cli_session *s, const char *via, struct osp_err *err)
{
    if (s->scope.all_regions)
        return scan_scope_all_regions(s->client, via, &s->scope, err);
    if (s->opts->compliance) { /* --region given: learn the enabled ones to say which were not scanned */
        struct osp_err e2;
        osp_err_init(&e2);
        if (scan_scope_all_regions(s->client, via, &s->scope, &e2)) {
            osp_warn(s->ctx, "cannot list the enabled regions (%s): the compliance report cannot say which were not "
                             "scanned, and region-scoped controls are NOT EVALUATED",
                     e2.msg);
            scan_scope_forget_enabled(&s->scope);
        }
    }
    return OSP_OK;
}

/* ---- organization member accounts (--accounts) ---- */

struct cli_member {
    struct aws_client *base; /* signs AssumeRole; borrowed from the base session */
    char region[32];
    char role_arn[600];
    char session[64];
};

void cli_member_role_arn(const char *role, const char *partition, const char *account, char *out, size_t n)
{
    if (strncmp(role, "arn:", 4)) {
        snprintf(out, n, "arn:%s:iam::%s:role/%s", partition, account, role);
        return;
    }
    size_t k = 0;
    for (const char *p = role; *p && k + 1 < n;) {
        if (!strncmp(p, "{account}", 9)) {
            k += (size_t)snprintf(out + k, n - k, "%s", account);
            p += 9;
        } else {
            out[k++] = *p++;
        }
    }
    out[k < n ? k : n - 1] = '\0';
}

static enum osp_code member_refresh(void *ud, struct aws_creds *out, struct osp_err *err)
{
    struct cli_member *m = ud;
    return cred_assume_role_with(m->base, m->region, m->role_arn, m->session, "member-role", out, err);
}

enum osp_code cli_session_open_member(const struct cli_session *base, const char *account, int concurrency,
                                      struct cli_session *s, struct osp_err *err)
{
    memset(s, 0, sizeof(*s));
    s->ctx = base->ctx;
    s->opts = base->opts;
    const struct cli_opts *o = base->opts;
    struct scan_scope *sc = &s->scope;
    snprintf(sc->account, sizeof(sc->account), "%s", account);
    snprintf(sc->partition, sizeof(sc->partition), "%s", base->scope.partition);
    sc->regions_given = base->scope.regions_given;
    sc->all_regions = base->scope.all_regions;
    sc->configured_region = base->scope.configured_region;
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < base->scope.nregions && !sc->all_regions; i++)
        rc = scan_scope_add_region(sc, base->scope.regions[i], err);
    struct cli_member *m = calloc(1, sizeof(*m));
    if (!rc && !(s->member = m))
        rc = osp_err_set(err, OSP_ENOMEM, "out of memory");
    if (rc)
        return rc;
    m->base = base->client;
    /* a region the user named, else the configured one: not the first of the base account's
     * enabled regions (--region all), which may be an opt-in region the member never enabled */
    const char *via = base->scope.regions_given && base->scope.nregions ? base->scope.regions[0]
                      : base->scope.configured_region                    ? base->scope.configured_region
                                                                         : "us-east-1";
    snprintf(m->region, sizeof(m->region), "%s", via);
    cli_member_role_arn(o->member_role_name, sc->partition, account, m->role_arn, sizeof(m->role_arn));
    snprintf(m->session, sizeof(m->session), "%s", o->role_session_name ? o->role_session_name : "osprey-org-scan");
    struct aws_client_opts co = {
        .endpoint_url = o->endpoint,
        .profile_endpoint_url = cred_chain_endpoint_url(base->chain),
        .concurrency = concurrency,
        .ca_bundle = o->ca_bundle ? o->ca_bundle : cred_chain_ca_bundle(base->chain),
        .insecure = o->insecure,
    };
    struct aws_creds cr;
    memset(&cr, 0, sizeof(cr));
    rc = aws_client_new(s->ctx, &co, &s->client, err);
    if (!rc)
        rc = member_refresh(m, &cr, err);
    if (!rc)
        rc = aws_client_set_creds(s->client, &cr, member_refresh, m, err);
    aws_creds_cleanup(&cr);
    if (rc)
        return rc;
    osp_debug(s->ctx, "account %s through %s", account, m->role_arn);
    s->creds_ready = 1;
    return learn_regions(s, m->region, err);
}

void cli_session_close(struct cli_session *s)
{
    aws_client_free(s->client);
    free(s->member);
    cred_chain_free(s->chain);
    scan_scope_cleanup(&s->scope);
    memset(s, 0, sizeof(*s));
}
