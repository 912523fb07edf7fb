/* iam_map.c: GetAccountAuthorizationDetails pages -> iam.users/groups/roles/policies state. */
#include <string.h>

#include "collect/col_int.h"

static int is_aws_managed(const char *arn)
{
    /* arn:<partition>:iam::aws:policy/... */
    const char *p = arn ? strstr(arn, ":iam::aws:policy/") : NULL;
    return p != NULL;
}

/* Inline policies: [{PolicyName, PolicyDocument}] */
static void add_inline(json_t *policies, json_t *list, const char *arn)
{
    size_t i;
    json_t *p;
    COL_ITEMS(list, i, p) {
        json_t *o = col_obj(arn);
        col_add_str_v(o, "name", json_object_get(p, "PolicyName"), arn);
        col_add_bool(o, "builtin", 0, arn);
        col_add_bool(o, "inline", 1, arn);
        col_add_doc_v(o, "document", json_object_get(p, "PolicyDocument"), arn);
        col_push(policies, o);
    }
}

/* Attached managed policies: [{PolicyName, PolicyArn}]; documents are joined in col_iam_finish. */
static void add_attached(json_t *policies, json_t *list, const char *arn)
{
    size_t i;
    json_t *p;
    COL_ITEMS(list, i, p) {
        const char *parn = col_s(p, "PolicyArn");
        json_t *o = col_obj(arn);
        col_add_str_v(o, "name", json_object_get(p, "PolicyName"), arn);
        col_add_bool(o, "builtin", is_aws_managed(parn), arn);
        col_add_bool(o, "inline", 0, arn);
        col_add_str(o, "arn", parn, arn);
        col_push(policies, o);
    }
}

static json_t *entity(json_t *d, const char *name_key, const char *inline_key)
{
    const char *arn = col_s(d, "Arn");
    json_t *o = col_obj(arn);
    col_add_str_v(o, "name", json_object_get(d, name_key), arn);
    col_add_str(o, "arn", arn, arn);
    col_add_time_v(o, "createdate", json_object_get(d, "CreateDate"), arn);
    json_t *pol = col_arr(o, "policies");
    add_inline(pol, json_object_get(d, inline_key), arn);
    add_attached(pol, json_object_get(d, "AttachedManagedPolicies"), arn);
    return o;
}

static void map_users(json_t *state, json_t *list)
{
    json_t *users = col_arr(state, "users"), *d, *g;
    size_t i, k;
    COL_ITEMS(list, i, d) {
        const char *arn = col_s(d, "Arn");
        json_t *u = entity(d, "UserName", "UserPolicyList");
        col_add_bool(u, "root", 0, arn);
        json_t *groups = col_arr(u, "groups");
        COL_ITEMS(json_object_get(d, "GroupList"), k, g) {
            json_t *go = col_obj(arn);
            col_add_str_v(go, "name", g, arn);
            col_push(groups, go);
        }
        col_arr(u, "accesskeys");
        col_arr(u, "mfadevices");
        col_push(users, u);
    }
}

static void map_groups(json_t *state, json_t *list)
{
    json_t *groups = col_arr(state, "groups"), *d;
    size_t i;
    COL_ITEMS(list, i, d) {
        json_t *g = entity(d, "GroupName", "GroupPolicyList");
        col_arr(g, "users");
        col_push(groups, g);
    }
}

static void map_roles(json_t *state, json_t *list)
{
    json_t *roles = col_arr(state, "roles"), *d;
    size_t i;
    COL_ITEMS(list, i, d) {
        const char *arn = col_s(d, "Arn");
        json_t *r = entity(d, "RoleName", "RolePolicyList");
        col_add_doc_v(r, "assumerolepolicydocument", json_object_get(d, "AssumeRolePolicyDocument"), arn);
        col_push(roles, r);
    }
}

static json_t *default_version_doc(json_t *p)
{
    json_t *versions = json_object_get(p, "PolicyVersionList"), *v;
    const char *def = col_s(p, "DefaultVersionId");
    size_t i;
    COL_ITEMS(versions, i, v) {
        const char *vid = col_s(v, "VersionId");
        if (col_truthy(json_object_get(v, "IsDefaultVersion")) || (def && vid && strcmp(def, vid) == 0))
            return json_object_get(v, "Document");
    }
    return NULL;
}

static void map_policies(json_t *state, json_t *list)
{
    json_t *pols = col_arr(state, "policies"), *d;
    size_t i;
    COL_ITEMS(list, i, d) {
        const char *arn = col_s(d, "Arn"), *slash = arn ? strrchr(arn, '/') : NULL;
        long long count = -1;
        if (is_aws_managed(arn) && col_int_of(json_object_get(d, "AttachmentCount"), &count) && count == 0)
            continue; /* an AWS-managed policy nobody uses: hundreds of them, never a finding */
        json_t *o = col_obj(arn);
        if (col_s(d, "PolicyName"))
            col_add_str(o, "name", col_s(d, "PolicyName"), arn);
        else if (slash) /* moto omits PolicyName: the ARN ends with it */
            col_add_str(o, "name", slash + 1, arn);
        col_add_str(o, "arn", arn, arn);
        col_add_bool(o, "builtin", is_aws_managed(arn), arn);
        col_add_int_v(o, "attachmentcount", json_object_get(d, "AttachmentCount"), arn);
        col_add_doc_v(o, "document", default_version_doc(d), arn);
        col_push(pols, o);
    }
}

void col_iam_map_auth_details(json_t *state, json_t *page, const char *partition)
{
    (void)partition;
    json_t *r = aws_get(page, "GetAccountAuthorizationDetailsResponse.GetAccountAuthorizationDetailsResult");
    if (!r)
        r = page; /* already unwrapped */
    map_users(state, json_object_get(r, "UserDetailList"));
    map_groups(state, json_object_get(r, "GroupDetailList"));
    map_roles(state, json_object_get(r, "RoleDetailList"));
    map_policies(state, json_object_get(r, "Policies"));
}

void col_iam_map_password_policy(json_t *state, json_t *resp, const char *partition, const char *account)
{
    char arn[160];
    col_fmt(arn, sizeof arn, "arn:%s:iam::%s:account-password-policy", partition, account);
    json_t *o = col_obj(arn);
    json_t *pp = aws_get(resp, "GetAccountPasswordPolicyResponse.GetAccountPasswordPolicyResult.PasswordPolicy");
    col_add_bool(o, "exists", pp != NULL, arn);
    if (pp) {
        col_add_int_v(o, "minimumlength", json_object_get(pp, "MinimumPasswordLength"), arn);
        col_add_bool_v(o, "requirelowercase", json_object_get(pp, "RequireLowercaseCharacters"), arn);
        col_add_bool_v(o, "requireuppercase", json_object_get(pp, "RequireUppercaseCharacters"), arn);
        col_add_bool_v(o, "requirenumbers", json_object_get(pp, "RequireNumbers"), arn);
        col_add_bool_v(o, "requiresymbols", json_object_get(pp, "RequireSymbols"), arn);
        col_add_int_v(o, "maxagedays", json_object_get(pp, "MaxPasswordAge"), arn);
        col_add_int_v(o, "reusepreventioncount", json_object_get(pp, "PasswordReusePrevention"), arn);
        col_add_bool_v(o, "expirepasswords", json_object_get(pp, "ExpirePasswords"), arn);
        col_add_bool_v(o, "allowuserstochangepassword", json_object_get(pp, "AllowUsersToChangePassword"), arn);
        col_add_bool_v(o, "hardexpiry", json_object_get(pp, "HardExpiry"), arn);
    }
    col_set(state, "passwordpolicy", o);
}

void col_iam_map_server_certs(json_t *state, json_t *page)
{
    json_t *certs = col_arr(state, "servercertificates"), *c;
    json_t *list = aws_get(page, "ListServerCertificatesResponse.ListServerCertificatesResult."
                                 "ServerCertificateMetadataList");
    size_t i;
    COL_ITEMS(list, i, c) {
        const char *arn = col_s(c, "Arn");
        json_t *o = col_obj(arn);
        col_add_str_v(o, "name", json_object_get(c, "ServerCertificateName"), arn);
        col_add_str(o, "arn", arn, arn);
        col_add_time_v(o, "expiration", json_object_get(c, "Expiration"), arn);
        col_push(certs, o);
    }
}

/* ListSAMLProviders / ListOpenIDConnectProviders: iam.samlproviders[], iam.oidcproviders[]; a NULL
 * answer (the read was denied) leaves its list out: unknown, not empty. */
void col_iam_map_providers(json_t *state, json_t *saml, json_t *oidc)
{
    json_t *p;
    size_t i;
    if (saml) {
        json_t *out = col_arr(state, "samlproviders");
        COL_ITEMS(aws_get(saml, "ListSAMLProvidersResponse.ListSAMLProvidersResult.SAMLProviderList"), i, p) {
            const char *arn = col_s(p, "Arn");
            if (!arn || !*arn)
                continue;
            json_t *o = col_obj(arn);
            col_add_str(o, "arn", arn, arn);
            const char *slash = strchr(arn, '/');
            col_add_str(o, "name", slash ? slash + 1 : arn, arn);
            col_add_time_v(o, "validuntil", json_object_get(p, "ValidUntil"), arn);
            col_add_time_v(o, "createdate", json_object_get(p, "CreateDate"), arn);
            col_push(out, o);
        }
    }
    if (oidc) {
        json_t *out = col_arr(state, "oidcproviders");
        COL_ITEMS(aws_get(oidc, "ListOpenIDConnectProvidersResponse.ListOpenIDConnectProvidersResult."
                                "OpenIDConnectProviderList"), i, p) {
            const char *arn = col_s(p, "Arn");
            if (!arn || !*arn)
                continue;
            json_t *o = col_obj(arn);
            col_add_str(o, "arn", arn, arn);
            const char *url = strstr(arn, ":oidc-provider/");
            col_add_str(o, "url", url ? url + strlen(":oidc-provider/") : "", arn);
            col_push(out, o);
        }
    }
}
