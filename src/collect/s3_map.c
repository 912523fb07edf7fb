/* s3_map.c: S3 responses (REST-XML trees) -> s3.buckets[_] state. */
#include <string.h>

#include "collect/col_int.h"

static const char *barn(json_t *bucket)
{
    return json_string_value(json_object_get(json_object_get(bucket, "__defsec_metadata"), "resource"));
}

/* The document element's content, whatever it is called (moto names some roots after the
 * operation, e.g. GetBucketVersioningResponse for VersioningConfiguration). */
static json_t *root(json_t *resp)
{
    if (json_is_object(resp) && json_object_size(resp) == 1) {
        void *it = json_object_iter(resp);
        return json_object_iter_value(it);
    }
    return NULL;
}

json_t *col_s3_bucket_new(const char *name, const char *partition)
{
    char arn[512];
    col_fmt(arn, sizeof arn, "arn:%s:s3:::%s", partition, name);
    json_t *b = col_obj(arn);
    col_add_str(b, "name", name, arn);
    col_arr(b, "grants");
    col_arr(b, "bucketpolicies");
    return b;
}

void col_s3_map_location(json_t *bucket, json_t *resp)
{
    json_t *lc = json_object_get(resp, "LocationConstraint");
    const char *loc = json_is_string(lc) ? json_string_value(lc) : "";
    if (!*loc)
        loc = "us-east-1";
    else if (strcmp(loc, "EU") == 0)
        loc = "eu-west-1";
    col_add_str(bucket, "bucketlocation", loc, barn(bucket));
}

/* The grantee's xsi:type, read from whatever the XML layer made of the attribute, else inferred. */
static const char *grantee_type(json_t *g)
{
    static const char *const keys[] = {"xsi:type", "type", "@xsi:type", "@type", "_type"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (json_is_string(json_object_get(g, keys[i])))
            return json_string_value(json_object_get(g, keys[i]));
    if (json_object_get(g, "URI"))
        return "Group";
    if (json_object_get(g, "EmailAddress"))
        return "AmazonCustomerByEmail";
    if (json_object_get(g, "ID"))
        return "CanonicalUser";
    return NULL;
}

#define ALL_USERS "http://acs.amazonaws.com/groups/global/AllUsers"
#define AUTH_USERS "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
#define LOG_DELIVERY "http://acs.amazonaws.com/groups/s3/LogDelivery"

/* The canned ACL these grants amount to, or NULL when they are not one. */
static const char *canned(json_t *grants)
{
    int all_r = 0, all_w = 0, auth_r = 0, log_w = 0, log_rap = 0, other = 0, owner = 0;
    json_t *g;
    size_t i;
    COL_ITEMS(grants, i, g) {
        const char *uri = col_s(g, "Grantee.URI"), *perm = col_s(g, "Permission");
        if (!perm)
            continue;
        if (!uri && strcmp(perm, "FULL_CONTROL") == 0)
            owner++;
        else if (uri && strcmp(uri, ALL_USERS) == 0 && strcmp(perm, "READ") == 0)
            all_r++;
        else if (uri && strcmp(uri, ALL_USERS) == 0 && strcmp(perm, "WRITE") == 0)
            all_w++;
        else if (uri && strcmp(uri, AUTH_USERS) == 0 && strcmp(perm, "READ") == 0)
            auth_r++;
        else if (uri && strcmp(uri, LOG_DELIVERY) == 0 && strcmp(perm, "WRITE") == 0)
            log_w++;
        else if (uri && strcmp(uri, LOG_DELIVERY) == 0 && strcmp(perm, "READ_ACP") == 0)
            log_rap++;
        else
            other++;
    }
    if (other || owner != 1)
        return NULL;
    if (all_r && all_w && !auth_r && !log_w && !log_rap)
        return "public-read-write";
    if (all_r && !all_w && !auth_r && !log_w && !log_rap)
        return "public-read";
    if (auth_r && !all_r && !all_w && !log_w && !log_rap)
        return "authenticated-read";
    if (log_w && log_rap && !all_r && !all_w && !auth_r)
        return "log-delivery-write";
    if (!all_r && !all_w && !auth_r && !log_w && !log_rap)
        return "private";
    return NULL;
}

void col_s3_map_acl(json_t *bucket, json_t *resp)
{
    const char *arn = barn(bucket);
    json_t *list = aws_get(root(resp), "AccessControlList.Grant"), *g;
    json_t *grants = col_arr(bucket, "grants");
    size_t i;
    COL_ITEMS(list, i, g) {
        json_t *ge = json_object_get(g, "Grantee");
        json_t *o = col_obj(arn), *gt = col_obj(arn);
        col_add_str(gt, "type", grantee_type(ge), arn);
        col_add_str_v(gt, "uri", json_object_get(ge, "URI"), arn);
        col_add_str_v(gt, "id", json_object_get(ge, "ID"), arn);
        col_set(o, "grantee", gt);
        col_add_str_list(o, "permissions", json_object_get(g, "Permission"), arn);
        col_push(grants, o);
    }
    col_add_str(bucket, "acl", canned(list), arn);
}

void col_s3_map_encryption(json_t *bucket, json_t *resp)
{
    const char *arn = barn(bucket);
    json_t *rules = json_object_get(root(resp), "Rule");
    json_t *rule = aws_items_at(col_list(rules), 0);
    json_t *def = json_object_get(rule, "ApplyServerSideEncryptionByDefault");
    json_t *e = col_obj(arn);
    col_add_bool(e, "enabled", def != NULL, arn);
    col_add_str_v(e, "algorithm", json_object_get(def, "SSEAlgorithm"), arn);
    col_add_str_v(e, "kmskeyid", json_object_get(def, "KMSMasterKeyID"), arn);
    col_add_bool_v(e, "bucketkeyenabled", json_object_get(rule, "BucketKeyEnabled"), arn);
    col_set(bucket, "encryption", e);
}

void col_s3_map_logging(json_t *bucket, json_t *resp)
{
    const char *arn = barn(bucket);
    json_t *le = json_object_get(root(resp), "LoggingEnabled");
    json_t *l = col_obj(arn);
    col_add_bool(l, "enabled", json_is_object(le), arn);
    col_add_str_v(l, "targetbucket", json_object_get(le, "TargetBucket"), arn);
    col_add_str_v(l, "targetprefix", json_object_get(le, "TargetPrefix"), arn);
    col_set(bucket, "logging", l);
}

void col_s3_map_versioning(json_t *bucket, json_t *resp)
{
    const char *arn = barn(bucket);
    const char *status = col_s(root(resp), "Status");
    const char *mfa = col_s(root(resp), "MfaDelete");
    json_t *v = col_obj(arn);
    col_add_bool(v, "enabled", status && strcmp(status, "Enabled") == 0, arn);
    col_add_bool(v, "mfadelete", mfa && strcmp(mfa, "Enabled") == 0, arn);
    col_add_str(v, "status", status && *status ? status : NULL, arn);
    col_set(bucket, "versioning", v);
}

/* resp NULL: no configuration (exists false for the account block, absent for a bucket). */
void col_s3_map_pab(json_t *owner, const char *key, json_t *resp, const char *arn)
{
    json_t *c = root(resp);
    if (!json_is_object(c))
        c = NULL;
    int account = strcmp(key, "accountpublicaccessblock") == 0;
    if (!c && !account)
        return;
    json_t *o = col_obj(arn);
    if (account)
        col_add_bool(o, "exists", c != NULL, arn);
    col_add_bool_v(o, "blockpublicacls", json_object_get(c, "BlockPublicAcls"), arn);
    col_add_bool_v(o, "blockpublicpolicy", json_object_get(c, "BlockPublicPolicy"), arn);
    col_add_bool_v(o, "ignorepublicacls", json_object_get(c, "IgnorePublicAcls"), arn);
    col_add_bool_v(o, "restrictpublicbuckets", json_object_get(c, "RestrictPublicBuckets"), arn);
    col_set(owner, key, o);
}

void col_s3_map_policy(json_t *bucket, const char *policy_text)
{
    const char *arn = barn(bucket);
    json_t *pols = col_arr(bucket, "bucketpolicies");
    if (!policy_text || !*policy_text)
        return;
    json_t *p = col_obj(arn), *txt = json_string(policy_text);
    col_add_str(p, "name", "bucket-policy", arn);
    col_add_bool(p, "builtin", 0, arn);
    col_add_doc_v(p, "document", txt, arn);
    json_decref(txt);
    col_push(pols, p);
}
