/* ci.c: CI detection from the environment. */
#include "core/ci.h"

#include <string.h>
#include <strings.h>

static int falsy(const char *v)
{
    return !strcasecmp(v, "false") || !strcmp(v, "0");
}

const char *osp_ci_name(const struct osp_ctx *ctx)
{
    static const struct {
        const char *var, *name;
    } systems[] = {
        {"GITHUB_ACTIONS", "GitHub Actions"}, {"GITLAB_CI", "GitLab CI"}, {"JENKINS_URL", "Jenkins"},
        {"BUILD_ID", "Jenkins"},              {"TF_BUILD", "Azure Pipelines"}, {"BUILDKITE", "Buildkite"},
        {"CIRCLECI", "CircleCI"},
    };
    const char *ci = osp_getenv_nonempty(ctx, "CI");
    if (ci && falsy(ci))
        return NULL;
    if (ci && (!strcasecmp(ci, "true") || !strcmp(ci, "1")))
        return "CI";
    for (size_t i = 0; i < sizeof(systems) / sizeof(systems[0]); i++) {
        const char *v = osp_getenv_nonempty(ctx, systems[i].var);
        if (v && !falsy(v))
            return systems[i].name;
    }
    return NULL;
}
