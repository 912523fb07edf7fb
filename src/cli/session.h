/* session.h: what `osprey aws` and `osprey inspect` share before collection starts:
 * the credential chain, the AWS client, the account id and the list of regions.
 *
 * A session owns its chain, client and region strings; cli_session_close() frees them.
 * Offline sessions (--offline) have no client and never touch the network.
 */
#ifndef OSPREY_CLI_SESSION_H
#define OSPREY_CLI_SESSION_H

#include "aws/aws.h"
#include "cli/opts.h"
#include "core/ctx.h"
#include "core/err.h"
#include "creds/creds.h"
#include "scan/source.h"

struct cred_chain;
struct cli_member;

struct cli_session {
    struct osp_ctx *ctx;
    const struct cli_opts *opts;
    struct cred_chain *chain;
    struct aws_client *client; /* NULL when offline */
    struct scan_scope scope;   /* account ("" until known), partition, regions */
    int creds_ready;
    struct cli_member *member; /* a member account's session (--accounts): how to re-assume its role */
};

/* Set up logging from opts and read the AWS configuration (no network). Resolves the region
 * list except 'all' (which needs the network; see cli_session_connect). Fails with OSP_EUSAGE
 * when no region is configured anywhere. */
OSP_MUST_CHECK enum osp_code cli_session_open(struct osp_ctx *ctx, const struct cli_opts *o, struct cli_session *s,
                                              struct osp_err *err);
/* Resolve credentials, learn the account (STS) unless --account, expand --region all
 * (scan_scope_all_regions). */
OSP_MUST_CHECK enum osp_code cli_session_connect(struct cli_session *s, int need_account, struct osp_err *err);
/* A session for one organization member account (--accounts): its own client (at most
 * `concurrency` requests in flight) signed with --member-role-name in `account`, assumed with the
 * connected base session's credentials and re-assumed before they expire; the base's regions
 * (--region all: the member's own enabled regions). The base must outlive it. Fails with the
 * STS error when the role cannot be assumed. */
OSP_MUST_CHECK enum osp_code cli_session_open_member(const struct cli_session *base, const char *account,
                                                     int concurrency, struct cli_session *s, struct osp_err *err);
/* The role ARN of --member-role-name in account: a name becomes arn:PARTITION:iam::ACCOUNT:role/NAME;
 * an ARN template has each {account} replaced. */
void cli_member_role_arn(const char *role, const char *partition, const char *account, char *out, size_t n);
/* The credential options the flags give (the region: the first --region unless 'all'). */
struct cred_opts cli_cred_opts(const struct cli_opts *o);
void cli_session_close(struct cli_session *s);

#endif
