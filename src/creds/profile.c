/* profile.c: shared-file profiles: lookup, role_arn/source_profile chains, per-profile providers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "creds/creds_int.h"

#define PROFILE_MAX_DEPTH 16

/* [profile NAME] in the config file; [default] too for the default profile. */
static const struct cred_section *config_section(const struct cred_chain *c, const char *profile)
{
    char name[320];
    snprintf(name, sizeof(name), "profile %s", profile);
    const struct cred_section *s = cred_ini_section(&c->config, name);
    if (!s && !strcmp(profile, "default"))
        s = cred_ini_section(&c->config, "default");
    return s;
}

int cred_profile_exists(const struct cred_chain *c, const char *profile)
{
    return config_section(c, profile) || cred_ini_section(&c->credentials, profile);
}

const char *cred_profile_get(const struct cred_chain *c, const char *profile, const char *key)
{
    const char *v = cred_ini_get(cred_ini_section(&c->credentials, profile), key);
    if (!v)
        v = cred_ini_get(config_section(c, profile), key);
    return v && *v ? v : NULL;
}

const struct cred_section *cred_sso_session(const struct cred_chain *c, const char *name)
{
    char sec[320];
    snprintf(sec, sizeof(sec), "sso-session %s", name);
    return cred_ini_section(&c->config, sec);
}

struct visit {
    const char *names[PROFILE_MAX_DEPTH];
    size_t n;
};

static enum osp_code resolve(struct cred_chain *c, const char *name, struct visit *v, struct aws_creds *out,
                             struct osp_err *err);

static enum osp_code static_keys(struct cred_chain *c, const char *name, struct aws_creds *out, struct osp_err *err)
{
    const char *akid = cred_profile_get(c, name, "aws_access_key_id");
    const char *secret = cred_profile_get(c, name, "aws_secret_access_key");
    if (!akid && !secret)
        return OSP_ENOTFOUND;
    if (!akid || !secret)
        return osp_err_set(err, OSP_ECONFIG,
                           "profile '%s' sets only one of aws_access_key_id and "
                           "aws_secret_access_key (set both)",
                           name);
    char prov[48];
    snprintf(prov, sizeof(prov), "profile:%s", name);
    return cred_fill(out, akid, secret, cred_profile_get(c, name, "aws_session_token"), 0, prov, err);
}

static enum osp_code credential_source(struct cred_chain *c, const char *name, const char *src, struct aws_creds *out,
                                       struct osp_err *err)
{
    enum osp_code rc;
    if (!strcmp(src, "Environment"))
        rc = cred_env(c, out, err);
    else if (!strcmp(src, "Ec2InstanceMetadata"))
        rc = cred_imds(c, out, err);
    else if (!strcmp(src, "EcsContainer"))
        rc = cred_ecs(c, out, err);
    else
        return osp_err_set(err, OSP_ECONFIG,
                           "profile '%s': unknown credential_source '%s' (use Environment, "
                           "Ec2InstanceMetadata or EcsContainer)",
                           name, src);
    if (rc == OSP_ENOTFOUND)
        return osp_err_set(err, OSP_ECREDS, "profile '%s': credential_source %s supplied no credentials", name, src);
    return rc;
}

static enum osp_code source_creds(struct cred_chain *c, const char *name, struct visit *v, struct aws_creds *out,
                                  struct osp_err *err)
{
    const char *src = cred_profile_get(c, name, "source_profile");
    const char *cs = cred_profile_get(c, name, "credential_source");
    if (src && cs)
        return osp_err_set(err, OSP_ECONFIG,
                           "profile '%s' sets both source_profile and credential_source "
                           "(keep one)",
                           name);
    if (cs)
        return credential_source(c, name, cs, out, err);
    if (!src)
        return osp_err_set(err, OSP_ECONFIG,
                           "profile '%s' has role_arn but no source_profile, credential_source "
                           "or web_identity_token_file (add one)",
                           name);
    if (!strcmp(src, name)) { /* a profile may be its own source when it holds static keys */
        enum osp_code rc = static_keys(c, name, out, err);
        if (rc == OSP_ENOTFOUND)
            return osp_err_set(err, OSP_ECONFIG, "profile '%s' is its own source_profile but has no static keys", name);
        return rc;
    }
    if (!cred_profile_exists(c, src))
        return osp_err_set(err, OSP_ECONFIG, "profile '%s': source_profile '%s' not found in %s or %s", name, src,
                           c->config_path, c->credentials_path);
    enum osp_code rc = resolve(c, src, v, out, err);
    if (rc == OSP_ENOTFOUND)
        return osp_err_set(err, OSP_ECREDS, "profile '%s': source_profile '%s' has no credentials", name, src);
    return rc;
}

static enum osp_code assume_role(struct cred_chain *c, const char *name, const char *role_arn, struct visit *v,
                                 struct aws_creds *out, struct osp_err *err)
{
    const char *session = cred_profile_get(c, name, "role_session_name");
    const char *wif = cred_profile_get(c, name, "web_identity_token_file");
    char prov[48];
    if (wif && !cred_profile_get(c, name, "source_profile") && !cred_profile_get(c, name, "credential_source")) {
        snprintf(prov, sizeof(prov), "web-identity:%s", name);
        char *path = cred_expand_home(c->ctx, wif);
        if (!path)
            return osp_err_set(err, OSP_ENOMEM, "out of memory");
        enum osp_code rc = cred_webid_file(c, role_arn, path, session, prov, out, err);
        free(path);
        return rc;
    }
    struct aws_creds base;
    enum osp_code rc = source_creds(c, name, v, &base, err);
    if (rc)
        return rc;
    snprintf(prov, sizeof(prov), "assume-role:%s", name);
    const char *dur = cred_profile_get(c, name, "duration_seconds");
    if (dur && (strspn(dur, "0123456789") != strlen(dur) || strlen(dur) > 6)) {
        aws_creds_cleanup(&base);
        return osp_err_set(err, OSP_ECONFIG, "profile '%s': duration_seconds '%s' is not a number of seconds", name,
                           dur);
    }
    rc = cred_sts_assume_role(c, &base, role_arn, session, cred_profile_get(c, name, "external_id"), dur, prov, out,
                              err);
    aws_creds_cleanup(&base);
    if (rc)
        osp_err_prefix(err, "profile '%s': ", name);
    return rc;
}

static enum osp_code resolve(struct cred_chain *c, const char *name, struct visit *v, struct aws_creds *out,
                             struct osp_err *err)
{
    for (size_t i = 0; i < v->n; i++) {
        if (strcmp(v->names[i], name))
            continue;
        char path[400] = "";
        for (size_t j = i; j < v->n; j++)
            snprintf(path + strlen(path), sizeof(path) - strlen(path), "%s -> ", v->names[j]);
        return osp_err_set(err, OSP_ECONFIG, "source_profile cycle: %s%s (break the loop in %s)", path, name,
                           c->config_path);
    }
    if (v->n == PROFILE_MAX_DEPTH)
        return osp_err_set(err, OSP_ECONFIG, "source_profile chain deeper than %d profiles at '%s'", PROFILE_MAX_DEPTH,
                           name);
    v->names[v->n++] = name;
    const char *role_arn = cred_profile_get(c, name, "role_arn");
    if (role_arn)
        return assume_role(c, name, role_arn, v, out, err);
    if (cred_profile_get(c, name, "sso_session") || cred_profile_get(c, name, "sso_start_url"))
        return cred_sso(c, name, out, err);
    enum osp_code rc = static_keys(c, name, out, err);
    if (rc != OSP_ENOTFOUND)
        return rc;
    const char *proc = cred_profile_get(c, name, "credential_process");
    if (proc)
        return cred_process(c, name, proc, out, err);
    cred_note(c, "profile '%s': no keys, role_arn, sso or credential_process", name);
    return OSP_ENOTFOUND;
}

enum osp_code cred_profile(struct cred_chain *c, const char *name, struct aws_creds *out, struct osp_err *err)
{
    struct visit v = {{0}, 0};
    return resolve(c, name, &v, out, err);
}
