/* ignore_policy.h: --ignore-policy, a Rego file that decides which findings to ignore, with
 * Trivy's semantics: `package trivy`, and a FAIL finding is ignored when data.trivy.ignore is
 * true with the finding as input (undefined or false: kept; any other value: an error).
 *
 * The input has Trivy's misconfiguration fields (Type, ID without "AVD-", AVDID, Title,
 * Description, Message, Resolution, Severity, PrimaryURL, References, Status, CauseMetadata
 * {Resource, Provider, Service}) and osprey's Resource, Region, Account and Service.
 *
 * Ownership: load returns a policy the caller frees with cli_ignore_policy_free (NULL ok).
 */
#ifndef OSPREY_CLI_IGNORE_POLICY_H
#define OSPREY_CLI_IGNORE_POLICY_H

#include <stddef.h>

#include "core/ctx.h"
#include "core/err.h"
#include "results/result.h"

struct cli_ignore_policy;

/* Read and compile path. Unreadable: OSP_EUSAGE; Rego errors: OSP_EPOLICY naming file:line. */
OSP_MUST_CHECK enum osp_code cli_ignore_policy_load(struct osp_ctx *ctx, const char *path,
                                                    struct cli_ignore_policy **out, struct osp_err *err);
/* Mark every FAIL finding the policy ignores as IGNORED ("ignore policy FILE"); *n counts them.
 * An evaluation error (or a non-boolean ignore) stops with OSP_EPOLICY: never a silent pass. */
OSP_MUST_CHECK enum osp_code cli_ignore_policy_apply(struct cli_ignore_policy *p, struct res_report *r, size_t *n,
                                                     struct osp_err *err);
void cli_ignore_policy_free(struct cli_ignore_policy *p);

#endif
