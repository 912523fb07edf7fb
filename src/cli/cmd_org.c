/* cmd_org.c: `osprey org plan`: list an organization's active accounts (AWS Organizations, from
 * the management or a delegated administrator account) and cut them into the shards of a CI job
 * matrix (plan.h). The scan jobs run `osprey aws --accounts ...`; `osprey merge --plan` folds
 * their reports and names every planned account no report covers.
 *
 * The plan's own flags are parsed here; every other flag is a credential flag of the one flag
 * table (as `osprey whoami` takes them: --profile, --role-arn, OIDC, --endpoint, --region, ...).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/aws.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/plan.h"
#include "cli/session.h"
#include "core/log.h"
#include "core/safefile.h"
#include "creds/creds.h"

#define ORG_JSON_TARGET(op) "AWSOrganizationsV20161128." op
#define ORG_MAX_OU_DEPTH 8 /* AWS allows 5 levels of OUs under the root */
#define ORG_MAX_OUTPUTS 8

struct org_opts {
    const char *formats[ORG_MAX_OUTPUTS];
    size_t nformats;
    const char *output, *member_role, *gitlab_include;
    struct cli_list include, exclude, ous;
    size_t shard_size, jobs;
    int include_management, help;
};

/* Accounts found, sorted and unique once collected. */
struct org_accounts {
    char (*v)[13];
    size_t n, cap;
};

static void org_usage(FILE *f)
{
    fprintf(f,
            "Usage: osprey org plan [plan flags] [credential flags]\n\n"
            "List the active accounts of the AWS Organization (Organizations ListAccounts, or with --ou the\n"
            "accounts under those OUs: ListChildren / ListAccountsForParent) and print the shard plan of a\n"
            "CI job matrix. Run it with credentials of the management or a delegated administrator account.\n\n"
            "Plan flags:\n"
            "  -f, --format FORMAT[=PATH]   github (matrix JSON), gitlab (child pipeline) or lines; repeat with\n"
            "                               =PATH for several (default: lines on stdout)\n"
            "  -o, --output PATH            write the (single) --format here\n"
            "      --shard-size N           accounts per job (default 1)\n"
            "      --jobs N                 at most N jobs: the shard size is chosen to fit (instead of --shard-size)\n"
            "      --include ID[,ID...]     only these accounts (repeatable)\n"
            "      --exclude ID[,ID...]     never these accounts (repeatable)\n"
            "      --ou ID[,ID...]          only accounts under these OUs or roots (ou-..., r-...), recursively\n"
            "      --include-management     keep the management account (left out by default: it has no\n"
            "                               OrganizationAccountAccessRole; scan it with a job of its own)\n"
            "      --member-role-name NAME  role each scan job assumes: a name, or an ARN template with {account}\n"
            "                               (default OrganizationAccountAccessRole)\n"
            "      --gitlab-include PATH    the template the GitLab child pipeline includes\n"
            "                               (default .gitlab/osprey-org-child.yml)\n\n"
            "Credential flags: those of 'osprey whoami --help' (--profile, --role-arn, --web-identity-token-file,\n"
            "--endpoint, --region, ...).\n");
}

/* ---- flags: the plan's own, the rest handed to the flag table ---- */

static const struct option org_longopts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"shard-size", required_argument, NULL, 's'},
    {"jobs", required_argument, NULL, 'j'},
    {"include", required_argument, NULL, 'i'},
    {"exclude", required_argument, NULL, 'x'},
    {"ou", required_argument, NULL, 'u'},
    {"include-management", no_argument, NULL, 'm'},
    {"member-role-name", required_argument, NULL, 'r'},
    {"gitlab-include", required_argument, NULL, 'g'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static const struct option *own_flag(const char *arg, const char **inline_value)
{
    *inline_value = NULL;
    if (!strcmp(arg, "-f") || !strcmp(arg, "-o") || !strcmp(arg, "-h"))
        return &org_longopts[arg[1] == 'f' ? 0 : arg[1] == 'o' ? 1 : 10];
    if (strncmp(arg, "--", 2))
        return NULL;
    size_t n = strcspn(arg + 2, "=");
    for (const struct option *o = org_longopts; o->name; o++)
        if (strlen(o->name) == n && !strncmp(o->name, arg + 2, n)) {
            *inline_value = arg[2 + n] == '=' ? arg + 3 + n : NULL;
            return o;
        }
    return NULL;
}

static enum osp_code parse_size(const char *flag, const char *v, size_t *out, struct osp_err *err)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < 1 || n > 100000)
        return osp_err_set(err, OSP_EUSAGE, "invalid --%s '%s' (use a whole number from 1 to 100000)", flag, v);
    *out = (size_t)n;
    return OSP_OK;
}

static enum osp_code add_csv(struct cli_list *l, const char *flag, const char *v, int accounts, struct osp_err *err)
{
    for (const char *p = v; *p;) {
        size_t n = strcspn(p, ",");
        if (!n || l->n >= CLI_MAX_LIST)
            return osp_err_set(err, OSP_EUSAGE, n ? "too many --%s values (at most %d)" : "empty value in --%s", flag,
                               CLI_MAX_LIST);
        int ok = 1;
        if (accounts) {
            ok = n == 12;
            for (size_t i = 0; ok && i < n; i++)
                ok = p[i] >= '0' && p[i] <= '9';
        } else {
            ok = (n > 3 && !strncmp(p, "ou-", 3)) || (n > 2 && !strncmp(p, "r-", 2));
        }
        if (!ok)
            return osp_err_set(err, OSP_EUSAGE, "invalid --%s '%.*s' (%s)", flag, (int)n, p,
                               accounts ? "expected a 12-digit account id"
                                        : "expected an OU id ou-... or a root r-...");
        l->v[l->n++] = p; /* ends at the next ',' or NUL: compared with a length below */
        p += n + (p[n] == ',');
    }
    return OSP_OK;
}

static int csv_has(const struct cli_list *l, const char *id)
{
    size_t n = strlen(id);
    for (size_t i = 0; i < l->n; i++)
        if (!strncmp(l->v[i], id, n) && (l->v[i][n] == ',' || !l->v[i][n]))
            return 1;
    return 0;
}

static enum osp_code own_value(struct org_opts *oo, int c, const char *v, struct osp_err *err)
{
    switch (c) {
    case 'f':
        if (oo->nformats >= ORG_MAX_OUTPUTS)
            return osp_err_set(err, OSP_EUSAGE, "too many --format values (at most %d)", ORG_MAX_OUTPUTS);
        oo->formats[oo->nformats++] = v;
        return OSP_OK;
    case 'o':
        oo->output = v;
        return OSP_OK;
    case 's':
        return parse_size("shard-size", v, &oo->shard_size, err);
    case 'j':
        return parse_size("jobs", v, &oo->jobs, err);
    case 'i':
        return add_csv(&oo->include, "include", v, 1, err);
    case 'x':
        return add_csv(&oo->exclude, "exclude", v, 1, err);
    case 'u':
        return add_csv(&oo->ous, "ou", v, 0, err);
    case 'r':
        oo->member_role = v;
        return OSP_OK;
    case 'g':
        oo->gitlab_include = v;
        return OSP_OK;
    }
    return osp_err_set(err, OSP_EINTERNAL, "unhandled org flag");
}

/* Split argv: the plan's flags into oo, the rest (argv[0] kept) into rest for cli_opts_parse. */
static enum osp_code split_args(int argc, char **argv, struct org_opts *oo, char **rest, int *nrest,
                                struct osp_err *err)
{
    *nrest = 0;
    rest[(*nrest)++] = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *inl;
        const struct option *o = own_flag(argv[i], &inl);
        if (!o) {
            rest[(*nrest)++] = argv[i];
            continue;
        }
        if (o->val == 'h' || o->val == 'm') {
            if (inl)
                return osp_err_set(err, OSP_EUSAGE, "--%s takes no value", o->name);
            *(o->val == 'h' ? &oo->help : &oo->include_management) = 1;
            continue;
        }
        const char *v = inl ? inl : i + 1 < argc ? argv[++i] : NULL;
        if (!v)
            return osp_err_set(err, OSP_EUSAGE, "%s needs a value (see 'osprey org plan --help')", argv[i]);
        enum osp_code rc = own_value(oo, o->val, v, err);
        if (rc)
            return rc;
    }
    rest[*nrest] = NULL;
    return OSP_OK;
}

/* ---- Organizations ---- */

struct lister {
    struct aws_client *client;
    const char *region;
    struct org_accounts *acc;
    int depth;
};

static enum osp_code acc_add(struct org_accounts *a, const char *id, struct osp_err *err)
{
    if (!id || strlen(id) != 12)
        return OSP_OK;
    for (size_t i = 0; i < a->n; i++)
        if (!strcmp(a->v[i], id))
            return OSP_OK;
    if (a->n == a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 64;
        char(*v)[13] = realloc(a->v, cap * sizeof(*v));
        if (!v)
            return osp_err_set(err, OSP_ENOMEM, "out of memory listing accounts");
        a->v = v;
        a->cap = cap;
    }
    memcpy(a->v[a->n++], id, 13);
    return OSP_OK;
}

/* A page of ListAccounts / ListAccountsForParent: the ACTIVE accounts. */
static enum osp_code accounts_page(void *ud, json_t *body, struct osp_err *err)
{
    struct lister *l = ud;
    json_t *list = aws_get(body, "Accounts"), *a;
    size_t i;
    enum osp_code rc = OSP_OK;
    AWS_ITEMS(list, i, a)
    {
        const char *status = aws_get_str(a, "Status");
        const char *state = aws_get_str(a, "State"); /* the newer field */
        if (!rc && (state ? !strcmp(state, "ACTIVE") : status && !strcmp(status, "ACTIVE")))
            rc = acc_add(l->acc, aws_get_str(a, "Id"), err);
    }
    return rc;
}

static enum osp_code org_list(struct lister *l, const char *op, const char *body, aws_page_fn fn, void *ud,
                              struct osp_err *err)
{
    struct aws_call call = AWS_CALL_JSON("organizations", l->region, op, "1.1", body);
    enum osp_code rc = aws_paginate(l->client, &call, "NextToken", "NextToken", NULL, fn, ud, err);
    aws_call_cleanup(&call);
    if (rc)
        osp_err_prefix(err, "organizations:%s: ", op + strlen("AWSOrganizationsV20161128."));
    return rc;
}

struct children {
    char (*ids)[80];
    size_t n, cap;
    struct osp_err *err;
};

static enum osp_code children_page(void *ud, json_t *body, struct osp_err *err)
{
    struct children *c = ud;
    json_t *list = aws_get(body, "Children"), *x;
    size_t i;
    AWS_ITEMS(list, i, x)
    {
        const char *id = aws_get_str(x, "Id");
        if (!id)
            continue;
        if (c->n == c->cap) {
            size_t cap = c->cap ? 2 * c->cap : 16;
            char(*v)[80] = realloc(c->ids, cap * sizeof(*v));
            if (!v)
                return osp_err_set(err, OSP_ENOMEM, "out of memory listing OUs");
            c->ids = v;
            c->cap = cap;
        }
        snprintf(c->ids[c->n++], 80, "%s", id);
    }
    return OSP_OK;
}

/* The accounts directly under parent, then those of its child OUs, recursively. */
static enum osp_code list_under(struct lister *l, const char *parent, struct osp_err *err)
{
    if (l->depth > ORG_MAX_OU_DEPTH)
        return osp_err_set(err, OSP_ELIMIT, "organizations: OUs nested deeper than %d levels under %s",
                           ORG_MAX_OU_DEPTH, parent);
    json_t *b = json_pack("{s:s}", "ParentId", parent);
    char *body = b ? json_dumps(b, JSON_COMPACT) : NULL;
    enum osp_code rc = body ? org_list(l, ORG_JSON_TARGET("ListAccountsForParent"), body, accounts_page, l, err)
                            : osp_err_set(err, OSP_ENOMEM, "out of memory");
    free(body);
    json_decref(b);
    struct children c = {.err = err};
    b = rc ? NULL : json_pack("{s:s,s:s}", "ParentId", parent, "ChildType", "ORGANIZATIONAL_UNIT");
    body = b ? json_dumps(b, JSON_COMPACT) : NULL;
    if (!rc)
        rc = body ? org_list(l, ORG_JSON_TARGET("ListChildren"), body, children_page, &c, err)
                  : osp_err_set(err, OSP_ENOMEM, "out of memory");
    free(body);
    json_decref(b);
    l->depth++;
    for (size_t i = 0; !rc && i < c.n; i++)
        rc = list_under(l, c.ids[i], err);
    l->depth--;
    free(c.ids);
    return rc;
}

static enum osp_code management_account(struct lister *l, char out[13], struct osp_err *err)
{
    struct aws_call call =
        AWS_CALL_JSON("organizations", l->region, ORG_JSON_TARGET("DescribeOrganization"), "1.1", NULL);
    struct aws_response resp;
    memset(&resp, 0, sizeof(resp));
    enum osp_code rc = aws_call(l->client, &call, &resp, err);
    const char *id = rc ? NULL : aws_get_str(resp.body, "Organization.MasterAccountId");
    if (rc)
        osp_err_prefix(err, "organizations:DescribeOrganization: ");
    snprintf(out, 13, "%s", id ? id : "");
    aws_response_cleanup(&resp);
    aws_call_cleanup(&call);
    return rc;
}

static int by_id(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* The accounts of the plan: listed, then --include / --exclude / the management account. */
static enum osp_code list_accounts(struct osp_ctx *ctx, struct lister *l, const struct org_opts *oo,
                                   struct osp_err *err)
{
    enum osp_code rc = OSP_OK;
    if (!oo->ous.n)
        rc = org_list(l, ORG_JSON_TARGET("ListAccounts"), NULL, accounts_page, l, err);
    for (size_t i = 0; !rc && i < oo->ous.n; i++) {
        char ou[80];
        snprintf(ou, sizeof(ou), "%.*s", (int)strcspn(oo->ous.v[i], ","), oo->ous.v[i]);
        rc = list_under(l, ou, err);
    }
    char mgmt[13] = "";
    if (!rc && !oo->include_management)
        rc = management_account(l, mgmt, err);
    if (rc)
        return rc;
    struct org_accounts *a = l->acc;
    size_t k = 0;
    for (size_t i = 0; i < a->n; i++) {
        int keep = !csv_has(&oo->exclude, a->v[i]) && (!oo->include.n || csv_has(&oo->include, a->v[i]));
        if (keep && !strcmp(a->v[i], mgmt) && !csv_has(&oo->include, mgmt)) {
            osp_warn(ctx,
                     "the management account %s is left out (no OrganizationAccountAccessRole there): scan it in "
                     "a job of its own, or pass --include-management",
                     mgmt);
            keep = 0;
        }
        if (keep)
            memmove(a->v[k++], a->v[i], 13);
    }
    a->n = k;
    for (size_t i = 0; i < oo->include.n; i++) {
        char id[13];
        snprintf(id, sizeof(id), "%.12s", oo->include.v[i]);
        int found = 0;
        for (size_t j = 0; j < a->n && !found; j++)
            found = !strcmp(a->v[j], id);
        if (!found && !csv_has(&oo->exclude, id))
            osp_warn(ctx, "--include %s: not an active account of the organization (or not under --ou); left out", id);
    }
    qsort(a->v, a->n, sizeof(*a->v), by_id);
    return OSP_OK;
}

/* ---- output ---- */

/* FORMAT[=PATH] -> format and path (--output for a bare one; NULL: stdout). */
static enum osp_code parse_spec(const char *spec, const char *output, char format[16], const char **path,
                                struct osp_err *err)
{
    size_t n = strcspn(spec, "=");
    snprintf(format, 16, "%.*s", (int)(n < 16 ? n : 15), spec);
    *path = spec[n] == '=' ? spec + n + 1 : output;
    if (strcmp(format, "github") && strcmp(format, "gitlab") && strcmp(format, "lines"))
        return osp_err_set(err, OSP_EUSAGE, "unknown --format '%s' for org plan (use github, gitlab or lines)", spec);
    if (*path && !**path)
        return osp_err_set(err, OSP_EUSAGE, "empty path in --format '%s' (use FORMAT=PATH)", spec);
    return OSP_OK;
}

static enum osp_code write_one(const struct cli_plan *p, const char *spec, const char *output,
                               const char *gitlab_include, struct osp_err *err)
{
    char format[16];
    const char *path;
    enum osp_code rc = parse_spec(spec, output, format, &path, err);
    if (rc)
        return rc;
    if (!path) {
        rc = cli_plan_write(p, format, gitlab_include, stdout, err);
        return rc ? rc : fflush(stdout) ? osp_err_set(err, OSP_EIO, "cannot write the plan to stdout") : OSP_OK;
    }
    struct osp_safefile sf;
    if ((rc = osp_safefile_open(path, &sf, err)))
        return rc;
    sf.mode = 0644; /* a plan names accounts, not secrets; CI jobs and ConfigMaps read it */
    if ((rc = cli_plan_write(p, format, gitlab_include, sf.f, err))) {
        osp_safefile_abort(&sf);
        return rc;
    }
    return osp_safefile_commit(&sf, err);
}

static const char *const default_format = "lines";

/* Every --format checked before any AWS call. */
static enum osp_code check_outputs(const struct org_opts *oo, struct osp_err *err)
{
    const char *const *specs = oo->nformats ? oo->formats : &default_format;
    size_t n = oo->nformats ? oo->nformats : 1, to_stdout = 0;
    for (size_t i = 0; i < n; i++) {
        char format[16];
        const char *path;
        if (parse_spec(specs[i], oo->output, format, &path, err))
            return err->code;
        to_stdout += !path;
    }
    if (oo->output && n > 1)
        for (size_t i = 0, bare = 0; i < n; i++)
            if (!strchr(specs[i], '=') && ++bare > 1)
                return osp_err_set(err, OSP_EUSAGE, "--output goes with a single --format; use --format FORMAT=PATH");
    if (to_stdout > 1)
        return osp_err_set(err, OSP_EUSAGE, "at most one --format can go to stdout; give the others =PATH");
    return OSP_OK;
}

static enum osp_code write_plan(const struct cli_plan *p, const struct org_opts *oo, struct osp_err *err)
{
    const char *const *specs = oo->nformats ? oo->formats : &default_format;
    size_t n = oo->nformats ? oo->nformats : 1;
    enum osp_code rc = OSP_OK;
    for (size_t i = 0; !rc && i < n; i++) { /* every output fits its CI system before any is written */
        char format[16];
        const char *path;
        if (!(rc = parse_spec(specs[i], oo->output, format, &path, err)))
            rc = cli_plan_fits(p, format, err);
    }
    for (size_t i = 0; !rc && i < n; i++)
        rc = write_one(p, specs[i], oo->output, oo->gitlab_include, err);
    return rc;
}

/* ---- the command ---- */

static enum osp_code connect_base(struct osp_ctx *ctx, const struct cli_opts *o, struct cred_chain **chain,
                                  struct aws_client **client, struct osp_err *err)
{
    struct cred_opts co = cli_cred_opts(o);
    enum osp_code rc = cred_chain_new(ctx, &co, chain, err);
    struct aws_client_opts copts = {0};
    if (!rc) {
        copts.endpoint_url = o->endpoint;
        copts.profile_endpoint_url = cred_chain_endpoint_url(*chain);
        copts.ca_bundle = o->ca_bundle ? o->ca_bundle : cred_chain_ca_bundle(*chain);
        rc = aws_client_new(ctx, &copts, client, err);
    }
    struct aws_creds cr;
    memset(&cr, 0, sizeof(cr));
    if (!rc)
        rc = cred_chain_resolve(*chain, *client, &cr, err);
    if (!rc)
        rc = aws_client_set_creds(*client, &cr, cred_chain_refresh, *chain, err);
    aws_creds_cleanup(&cr);
    return rc;
}

static int org_plan(struct osp_ctx *ctx, int argc, char **argv)
{
    struct org_opts oo = {.member_role = "OrganizationAccountAccessRole",
                          .gitlab_include = ".gitlab/osprey-org-child.yml"};
    struct osp_err err;
    osp_err_init(&err);
    char **rest = calloc((size_t)argc + 1, sizeof(*rest));
    int nrest = 0;
    if (!rest)
        return cli_fail(&(struct osp_err){.code = OSP_ENOMEM, .msg = "out of memory"});
    struct cli_opts o;
    enum osp_code rc = split_args(argc, argv, &oo, rest, &nrest, &err);
    if (!rc && oo.help) {
        free(rest);
        org_usage(stdout);
        return 0;
    }
    if (!rc)
        rc = cli_opts_parse(ctx, CLI_CMD_WHOAMI, nrest, rest, &o, &err);
    if (!rc && o.help) {
        free(rest);
        org_usage(stdout);
        return 0;
    }
    if (!rc && oo.jobs && oo.shard_size)
        rc = osp_err_set(&err, OSP_EUSAGE, "--jobs and --shard-size exclude each other");
    if (!rc)
        rc = check_outputs(&oo, &err);
    if (!rc) { /* the same check as `osprey aws --member-role-name` */
        const struct cli_flag *f = cli_flag_find("member-role-name");
        rc = f->check(f, oo.member_role, &err);
    }
    if (rc) {
        free(rest);
        return cli_fail(&err);
    }
    ctx->log_level = o.debug ? OSP_LOG_DEBUG : o.quiet ? OSP_LOG_ERROR : OSP_LOG_WARN;
    ctx->quiet = 1;
    struct cred_chain *chain = NULL;
    struct aws_client *client = NULL;
    struct org_accounts acc = {0};
    struct cli_plan plan = {0};
    rc = connect_base(ctx, &o, &chain, &client, &err);
    const char *region = chain ? cred_chain_region(chain) : NULL;
    struct lister l = {.client = client, .region = region ? region : "us-east-1", .acc = &acc};
    if (!rc)
        rc = list_accounts(ctx, &l, &oo, &err);
    if (!rc && !acc.n)
        rc = osp_err_set(&err, OSP_ENOTFOUND, "no active account to plan (check --ou, --include and --exclude)");
    if (!rc) {
        size_t size = oo.jobs ? (acc.n + oo.jobs - 1) / oo.jobs : oo.shard_size ? oo.shard_size : 1;
        rc = cli_plan_make((const char(*)[13])acc.v, acc.n, size, oo.member_role, &plan, &err);
    }
    if (!rc)
        rc = write_plan(&plan, &oo, &err);
    int status = rc ? cli_fail(&err) : 0;
    if (!rc && !o.quiet)
        fprintf(stderr, "osprey: planned %zu accounts in %zu shards\n", plan.n_accounts, plan.n);
    cli_plan_free(&plan);
    free(acc.v);
    aws_client_free(client);
    cred_chain_free(chain);
    free(rest);
    return status;
}

int cli_org(struct osp_ctx *ctx, int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        org_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "plan"))
        return org_plan(ctx, argc - 1, argv + 1);
    return cli_usage_error("unknown org command '%s' (use 'osprey org plan')", argv[1]);
}
