/* scope.h: what a scan covers, from --service/--skip-service/--arn. */
#ifndef OSPREY_CLI_SCOPE_H
#define OSPREY_CLI_SCOPE_H

#include <stddef.h>

#include "cli/opts.h"
#include "core/err.h"

/* The collector names to run (static strings). --arn narrows to the ARN's service; unknown
 * names and an ARN of an unsupported service are usage errors. out holds up to 64 names. */
OSP_MUST_CHECK enum osp_code cli_scope_services(const struct cli_opts *o, const char **out, size_t *n,
                                                struct osp_err *err);
/* The other collector of a service split by scope ("wafv2" <-> "wafv2cloudfront"), or NULL.
 * --service and --skip-service name both when they name one. */
const char *cli_scope_companion(const char *name);
/* The collector that owns an ARN ("arn:aws:logs:..." -> "cloudwatch"), or NULL. */
const char *cli_scope_arn_service(const char *arn);
/* The ARN's region field into out ("" for global resources). */
void cli_scope_arn_region(const char *arn, char *out, size_t outlen);

#endif
