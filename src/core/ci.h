/* ci.h: is osprey running in a CI pipeline? The one place that decides (stateless default cache,
 * messages). Reads the environment through osp_getenv, so unit tests can fake it.
 *
 * Detected, in this order: CI (true or 1, any case), GITHUB_ACTIONS, GITLAB_CI, JENKINS_URL,
 * BUILD_ID (Jenkins), TF_BUILD (Azure Pipelines), BUILDKITE, CIRCLECI — any non-empty value but
 * false/0. CI=false (or 0) explicitly says "not CI" and wins over the others.
 *
 *   const char *ci = osp_ci_name(ctx);   // "GitHub Actions", ..., or NULL
 */
#ifndef OSPREY_CORE_CI_H
#define OSPREY_CORE_CI_H

#include "core/ctx.h"

/* The detected CI system's name (static), or NULL outside CI. */
const char *osp_ci_name(const struct osp_ctx *ctx);

#endif
