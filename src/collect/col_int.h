/* col_int.h: what the collectors share inside src/collect/ (not used elsewhere).
 *
 * struct col_job is one (service, region) run; the helpers below build state values in the
 * shape STATE.md documents. Every builder takes a possibly-NULL jansson value read from a
 * response (AWS and moto omit or null fields freely) and adds nothing when it is missing, so a
 * collector never has to test before it maps. Objects returned by col_obj()/col_meta() are new
 * references; col_add_*() store into `o` and take nothing from the caller.
 */
#ifndef OSPREY_COLLECT_COL_INT_H
#define OSPREY_COLLECT_COL_INT_H

#include <jansson.h>
#include <stddef.h>

#include "aws/aws.h"
#include "collect/collect.h"
#include "core/ctx.h"
#include "core/err.h"

struct col_pool; /* tasks.c */

/* Live counters of one (service, region), read by the progress line while the job runs. */
struct col_counters {
    _Atomic unsigned long calls;     /* API calls made (pages included) */
    _Atomic unsigned long items; /* col_each items (resources, reads, steps) known so far */
    _Atomic unsigned long done;  /* ... and finished */
    _Atomic unsigned long throttles;
    _Atomic unsigned long gaps; /* denied per-resource reads recorded as gaps */
};

struct col_job {
    struct osp_ctx *ctx;
    struct aws_client *client;
    const char *account;   /* 12 digits */
    const char *partition; /* "aws" */
    const char *region;    /* region collected; global services: the signing region */
    const char *service;
    struct col_pool *pool; /* NULL: everything runs on the calling thread */
    struct col_counters *count;
    const char *const *regions; /* every region of the scan (may repeat); NULL in unit tests */
    size_t nregions;
};

/* Call initialisers (aws.h's AWS_CALL_* macros name their parameters like the members they
 * set, so `.region = (region)` breaks for any argument but a variable called `region`). */
static inline struct aws_call col_query_call(const char *svc, const char *rgn, const char *act, const char *ver)
{
    return (struct aws_call){.service = svc, .region = rgn, .proto = AWS_PROTO_QUERY, .action = act, .api_version = ver};
}
static inline struct aws_call col_ec2_call(const char *rgn, const char *act)
{
    return (struct aws_call){.service = "ec2", .region = rgn, .proto = AWS_PROTO_EC2, .action = act,
                             .api_version = "2016-11-15"};
}
static inline struct aws_call col_json_call(const char *svc, const char *rgn, const char *target, const char *ver,
                                            const char *json_body)
{
    return (struct aws_call){.service = svc, .region = rgn, .proto = AWS_PROTO_JSON, .action = target,
                             .json_version = ver, .body = json_body};
}
static inline struct aws_call col_rest_call(const char *svc, const char *rgn, enum aws_protocol pr, const char *meth,
                                            const char *p)
{
    return (struct aws_call){.service = svc, .region = rgn, .proto = pr, .method = meth, .path = p, .action = p};
}

/* ---- calls (count into job->count; the aws layer does the rest) ---- */
OSP_MUST_CHECK enum osp_code col_call(struct col_job *job, struct aws_call *call, struct aws_response *resp,
                                      struct osp_err *err);
OSP_MUST_CHECK enum osp_code col_paginate(struct col_job *job, struct aws_call *call, const char *token_in,
                                          const char *token_out, const char *truncated_path, aws_page_fn fn,
                                          void *ud, struct osp_err *err);
/* Run fn(job, i) for i in [0, n), all at once on the run's task pool (as many at a time as there
 * are free threads; the aws layer caps what is on the wire at --concurrency). fn writes only its
 * own slot i of ud. An item returning OSP_ENOTFOUND (its resource vanished, see col_read_all) is
 * dropped, not an error; any other error stops new items and is returned. Items may call
 * col_each() and col_read_all() themselves: no thread code in a collector, ever. */
typedef enum osp_code (*col_item_fn)(struct col_job *job, size_t i, void *ud, struct osp_err *err);
OSP_MUST_CHECK enum osp_code col_each(struct col_job *job, size_t n, col_item_fn fn, void *ud, struct osp_err *err);

/* ---- reads: "list, then for each item these reads, then map" (tasks.c) ----
 *
 *   struct col_read r[2] = {0};
 *   col_read_json(&r[0], ...); r[0].name = "DescribeKey";
 *   ...
 *   rc = col_read_all(job, key_state, r, 2, err);   // both in flight together
 *   if (rc == OSP_OK) { map(key_state, r[0].body); map_rotation(key_state, r[1].body); }
 *   col_reads_cleanup(r, 2);
 *
 * Every answer is sorted in one place (col_classify): ok; `absent` (the code that means "not
 * set", e.g. NoSuchBucketPolicy: body NULL); gone (NoSuchBucket, NoSuchEntity,
 * ResourceNotFoundException, ...: col_read_all returns OSP_ENOTFOUND with a debug line, the item
 * returns it and col_each drops the resource); denied (AccessDenied & co.: a gap recorded in
 * res.__defsec_metadata.gaps, body NULL, the rest is mapped as usual; with res NULL a denial is
 * fatal, as a denied list call must be); anything else fails the service. Throttling and 5xx
 * never get here: the aws layer retries them. */
enum col_answer { COL_ANS_OK, COL_ANS_ABSENT, COL_ANS_GONE, COL_ANS_DENIED, COL_ANS_FAILED };
struct col_read {
    struct aws_call call;   /* in: built by the collector (col_*_call); may point into arg */
    const char *name;       /* in: the API name, for gaps and logs ("GetBucketPolicy") */
    const char *absent;     /* in: error code meaning "not configured", or NULL */
    const char *fields;     /* in: the state fields it fills, comma-separated ("bucketpolicies"): a
                               denied read's gap names them, so checks reading them can say NOT
                               EVALUATED for this resource and the others judge it as usual */
    char arg[320];          /* scratch for the call's path or body */
    json_t *body;           /* out: the answer (OK), else NULL */
    enum col_answer answer; /* out */
    char code[96];          /* out: the error code when not OK */
    char message[256];      /* out: its message */
    struct osp_err err;     /* out */
};
enum col_answer col_classify(const char *code, const char *absent);
/* aws_call_param() that records a failure in r (col_read_all then fails the read). */
enum osp_code col_read_param(struct col_read *r, const char *name, const char *value);
/* r->arg = the JSON object {name: value} (a JSON-protocol read's body); returns r->arg. */
const char *col_read_json_arg(struct col_read *r, const char *name, const char *value);
/* All n reads at once; res: the resource they belong to (gaps go there), or NULL. Returns OSP_OK,
 * OSP_ENOTFOUND (gone), or the first failed read's error. */
OSP_MUST_CHECK enum osp_code col_read_all(struct col_job *job, json_t *res, struct col_read *r, size_t n,
                                          struct osp_err *err);
void col_reads_cleanup(struct col_read *r, size_t n); /* bodies and calls' params */
/* One call that is not a per-resource read (list/describe-all, account settings): *body is a
 * new reference (NULL when `absent` answered). Denied or gone fail. Does not clean up call. */
OSP_MUST_CHECK enum osp_code col_get(struct col_job *job, struct aws_call *call, const char *absent, json_t **body,
                                     struct osp_err *err);
/* Record a gap on a resource state object, in its metadata:
 *   "__defsec_metadata": {"resource": ARN, "gaps": [{"read": "GetBucketPolicy", "code": "AccessDenied",
 *                          "message": "...", "fields": ["bucketpolicies"]}]}
 * and count it in job->count->gaps. */
void col_gap_add(struct col_job *job, json_t *res, const struct col_read *r);

/* The pool col_run() creates (threads sized from concurrency) and frees. */
struct col_pool *col_pool_new(int concurrency);
void col_pool_free(struct col_pool *p);

/* Did a failed call end with this AWS error code? (resp->error.code or err->aws_code) */
int col_err_is(const struct aws_response *resp, const struct osp_err *err, const char *code);

/* ---- batched describes of listed names (batch.c) ---- */
/* A col_paginate page function collecting the strings of body[key] into names. */
struct col_names {
    const char *key; /* "clusterArns", "projects", ... */
    json_t *names;   /* borrowed array, appended to */
};
enum osp_code col_gather_strings(void *ud, json_t *body, struct osp_err *err);
/* Describe names `per` at a time: a JSON-protocol call (version 1.1) with body extra + {names_key:
 * [names...]}, each item of response[list_key] mapped by map (NULL: skipped) and appended to out
 * in list order; the batches run on the task pool. */
struct col_batch {
    const char *service, *target; /* "ecs", "AmazonEC2ContainerServiceV20141113.DescribeClusters" */
    const char *names_key, *list_key;
    json_t *extra; /* borrowed; NULL: none */
    size_t per;
    json_t *(*map)(json_t *item);
};
OSP_MUST_CHECK enum osp_code col_batch_describe(struct col_job *job, const struct col_batch *b, json_t *names,
                                                json_t *out, struct osp_err *err);
/* The same for a REST-JSON API: the body POSTed to path (b->target only names the call in logs). */
OSP_MUST_CHECK enum osp_code col_batch_describe_rest(struct col_job *job, const struct col_batch *b, const char *path,
                                                     json_t *names, json_t *out, struct osp_err *err);

/* ---- state values (state.c) ---- */
json_t *col_meta(const char *arn);          /* new: the metadata object */
json_t *col_obj(const char *arn);           /* new: {"__defsec_metadata": meta} */
json_t *col_wrap(json_t *value, const char *arn); /* takes value; new wrapped scalar */
json_t *col_str(const char *s); /* new string; bytes that are not UTF-8 become U+FFFD (never dropped) */
json_t *col_arr(json_t *o, const char *key);     /* borrowed: o[key] = [] (created if missing) */
void col_push(json_t *arr, json_t *item);        /* takes item */
void col_set(json_t *o, const char *key, json_t *v); /* takes v; NULL v adds nothing */

void col_add_str(json_t *o, const char *key, const char *s, const char *arn);  /* NULL: nothing */
void col_add_bool(json_t *o, const char *key, int b, const char *arn);
void col_add_int(json_t *o, const char *key, long long v, const char *arn);
/* From a response value: string, number, true/false, "true"/"false"; null/missing: nothing. */
void col_add_str_v(json_t *o, const char *key, json_t *v, const char *arn);
void col_add_bool_v(json_t *o, const char *key, json_t *v, const char *arn);
void col_add_int_v(json_t *o, const char *key, json_t *v, const char *arn);
/* Times: epoch seconds or milliseconds (JSON protocols) or ISO 8601 text (XML) -> RFC 3339. */
void col_add_time_v(json_t *o, const char *key, json_t *v, const char *arn);
void col_add_time_s(json_t *o, const char *key, const char *s, const char *arn);
/* A mapper's plain fields as a table, one row per state key, added in table order:
 *   static const struct col_field vault_fields[] = {
 *       {"name", "BackupVaultName", COL_F_STR}, {"lockdate", "LockDate", COL_F_TIME}, ...};
 *   COL_ADD_FIELDS(o, item, vault_fields, arn);
 * Each row is col_add_<kind>_v(o, key, item[field], arn): missing or null adds nothing. */
enum col_field_kind { COL_F_STR, COL_F_BOOL, COL_F_INT, COL_F_TIME };
struct col_field {
    const char *key;   /* state key ("vaulttype") */
    const char *field; /* the response item's member ("VaultType") */
    enum col_field_kind kind;
};
void col_add_fields(json_t *o, json_t *item, const struct col_field *f, size_t n, const char *arn);
#define COL_ADD_FIELDS(o, item, table, arn) col_add_fields((o), (item), (table), sizeof(table) / sizeof((table)[0]), (arn))
/* Secret-bearing text (core/secrets.h): free text (user data) is stored with every span a secret
 * rule matches replaced by "[osprey-redacted:<rule>]"; the value of a variable `name`
 * (environment) is always stored as a marker, never in clear. NULL / missing: nothing. */
void col_add_secret_text(json_t *o, const char *key, const char *s, const char *arn);
void col_add_secret_value(json_t *o, const char *key, const char *name, json_t *v, const char *arn);
/* A policy document: URL-encoded text, plain JSON text, or an object -> compact JSON text. */
void col_add_doc_v(json_t *o, const char *key, json_t *v, const char *arn);
/* Array of wrapped strings from a list (array, single value or NULL); always present. */
void col_add_str_list(json_t *o, const char *key, json_t *list, const char *arn);

/* Iterate a response list like AWS_ITEMS, skipping what XML makes of an empty list ("") and nulls. */
json_t *col_list(json_t *v);  /* NULL for null / "" */
int col_blank(json_t *v);     /* null, NULL or "" */
#define COL_ITEMS(list, i, v) AWS_ITEMS(col_list(list), i, v) if (col_blank(v)) {} else

/* Value readers that tolerate every shape: NULL when missing. */
const char *col_s(json_t *root, const char *path);             /* string at dotted path */
int col_truthy(json_t *v);                                      /* true / "true" */
int col_int_of(json_t *v, long long *out);                      /* 1 when v held an integer */
long long col_parse_time(json_t *v);                            /* epoch seconds; -1 if none */

/* snprintf into buf; returns buf. */
const char *col_fmt(char *buf, size_t n, const char *fmt, ...) OSP_PRINTF(3, 4);

/* Base64 decode (RFC 4648, whitespace ignored); caller frees; NULL on bad input. */
char *col_base64_decode(const char *in, size_t *outlen);

/* ---- per-service mapping entry points (unit-tested on recorded responses) ---- */
struct col_cred_row; /* iam_credreport.c */

/* iam_credreport.c: CSV text -> array of {column: text} objects (new; NULL on bad input). */
json_t *col_csv_parse(const char *text);
/* iam.c, iam_map.c */
enum osp_code col_iam(struct col_job *job, json_t *state, struct osp_err *err);
void col_iam_map_auth_details(json_t *state, json_t *gaad_page, const char *partition);
void col_iam_finish(json_t *state, const char *csv, json_t *summary, json_t *virtual_mfa,
                    const char *partition, const char *account);
void col_iam_map_password_policy(json_t *state, json_t *resp, const char *partition, const char *account);
void col_iam_map_server_certs(json_t *state, json_t *page);
void col_iam_map_providers(json_t *state, json_t *saml, json_t *oidc); /* NULL answer: that list absent */
/* s3.c */
enum osp_code col_s3(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_s3_bucket_new(const char *name, const char *partition);
void col_s3_map_location(json_t *bucket, json_t *resp);
void col_s3_map_acl(json_t *bucket, json_t *resp);
void col_s3_map_encryption(json_t *bucket, json_t *resp);
void col_s3_map_logging(json_t *bucket, json_t *resp);
void col_s3_map_versioning(json_t *bucket, json_t *resp);
void col_s3_map_pab(json_t *bucket, const char *key, json_t *resp, const char *arn);
void col_s3_map_policy(json_t *bucket, const char *policy_text);
/* cloudtrail.c */
enum osp_code col_cloudtrail(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_cloudtrail_map_trail(json_t *trail);
void col_cloudtrail_map_status(json_t *t, json_t *status);
void col_cloudtrail_map_selectors(json_t *t, json_t *resp);
/* config.c */
enum osp_code col_config(struct col_job *job, json_t *state, struct osp_err *err);
void col_config_map(json_t *state, json_t *recorders, json_t *statuses, json_t *channels, json_t *aggregators,
                    const char *partition, const char *region, const char *account);
/* kms.c */
enum osp_code col_kms(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_kms_map_key(json_t *describe);
int col_kms_wants_rotation(json_t *describe);
void col_kms_map_rotation(json_t *key, json_t *resp);
json_t *col_kms_map_alias(json_t *alias); /* one ListAliases entry; NULL without AliasName */
/* ec2.c, ec2_network.c */
enum osp_code col_ec2(struct col_job *job, json_t *state, struct osp_err *err);
struct col_ec2_ctx {
    const char *partition, *region, *account;
    json_t *sgs;     /* id -> SG state object (borrowed into arrays with incref) */
    json_t *volumes; /* id -> raw volume item */
};
json_t *col_ec2_map_sg(const struct col_ec2_ctx *c, json_t *sg);
void col_ec2_map_vpcs(json_t *state, const struct col_ec2_ctx *c, json_t *vpcs, json_t *flowlogs);
void col_ec2_map_nacls(json_t *state, const struct col_ec2_ctx *c, json_t *acls);
void col_ec2_map_subnets(json_t *state, const struct col_ec2_ctx *c, json_t *subnets);
json_t *col_ec2_map_instance(const struct col_ec2_ctx *c, json_t *inst);
void col_ec2_map_userdata(json_t *inst_state, json_t *attr_resp);
json_t *col_ec2_map_volume(const struct col_ec2_ctx *c, json_t *vol);
json_t *col_ec2_map_template(const struct col_ec2_ctx *c, json_t *tpl, json_t *version);
void col_ec2_map_ebs_default(json_t *state, const struct col_ec2_ctx *c, json_t *resp);
void col_ec2_map_route_tables(json_t *state, const struct col_ec2_ctx *c, json_t *tables);
void col_ec2_map_peerings(json_t *state, const struct col_ec2_ctx *c, json_t *pcxs);
/* ec2_lc.c: autoscaling DescribeLaunchConfigurations -> ec2.launchconfigurations */
enum osp_code col_ec2_launch_configs(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_ec2_map_launch_config(json_t *lc); /* NULL without LaunchConfigurationARN */
/* cloudwatch.c */
enum osp_code col_cloudwatch(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_cw_map_alarm(json_t *alarm);
json_t *col_cw_map_log_group(json_t *group);
void col_cw_attach_filters(json_t *state, json_t *filters);
/* sns.c */
enum osp_code col_sns(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_sns_map_topic(const char *arn, json_t *attrs);
void col_sns_attach_subscriptions(json_t *state, json_t *subs);
/* accessanalyzer.c */
enum osp_code col_accessanalyzer(struct col_job *job, json_t *state, struct osp_err *err);
void col_aa_map_page(json_t *state, json_t *page);
/* account.c */
enum osp_code col_account(struct col_job *job, json_t *state, struct osp_err *err);
void col_account_map_contact(json_t *state, json_t *resp, const char *partition, const char *account);

/* slots.c: col_each() where item i builds one state object into *slot (NULL: none); the objects
 * are pushed onto arr in item order, whatever order the items finished in. */
typedef enum osp_code (*col_slot_fn)(struct col_job *job, size_t i, void *ud, json_t **slot, struct osp_err *err);
OSP_MUST_CHECK enum osp_code col_each_push(struct col_job *job, size_t n, col_slot_fn fn, void *ud, json_t *arr,
                                           struct osp_err *err);
/* elb.c (ELBv2 and classic load balancers) */
enum osp_code col_elb(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_elb_map_v2(json_t *lb);
void col_elb_map_v2_attributes(json_t *o, json_t *result);
void col_elb_map_v2_listeners(json_t *o, json_t *result);
json_t *col_elb_map_classic(json_t *d, const char *partition, const char *region, const char *account);
int col_elb_classic_has_tls(json_t *d);
void col_elb_map_classic_attributes(json_t *o, json_t *result);
void col_elb_map_classic_policies(json_t *o, json_t *d, json_t *result);
/* eks.c */
enum osp_code col_eks(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_eks_map_cluster(json_t *cluster);
/* ecr.c */
enum osp_code col_ecr(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_ecr_map_repo(json_t *repo);
void col_ecr_map_policy(json_t *repo, json_t *resp);
void col_ecr_map_registry_scanning(json_t *state, json_t *resp, const char *arn);
/* sqs.c */
enum osp_code col_sqs(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_sqs_map_queue(const char *url, json_t *attrs, const char *partition, const char *region);
/* rds.c */
enum osp_code col_rds(struct col_job *job, json_t *state, struct osp_err *err);
int col_rds_engine_is_rds(const char *engine); /* not neptune / docdb */
json_t *col_rds_map_instance(json_t *db);     /* NULL: no ARN, or not an RDS engine */
json_t *col_rds_map_cluster(json_t *cluster);
void col_rds_join_members(json_t *state);     /* clusters[_].instances from instances[_].clusteridentifier */
json_t *col_rds_map_snapshot(json_t *snap, int cluster);
void col_rds_map_snapshot_attrs(json_t *snap, json_t *resp, int cluster);
/* cloudfront.c */
enum osp_code col_cloudfront(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_cloudfront_map_distribution(json_t *summary, json_t *get_config_resp); /* NULL without ARN */
void col_cloudfront_map_deliveries(json_t *distributions, json_t *delivery_sources, json_t *deliveries);
/* codebuild.c */
enum osp_code col_codebuild(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_codebuild_map_project(json_t *batch_get_projects_entry); /* NULL without arn */
/* ecs.c */
enum osp_code col_ecs(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_ecs_map_cluster(json_t *describe_clusters_entry); /* NULL without clusterArn */
json_t *col_ecs_map_taskdef(json_t *describe_task_definition_resp);
/* lambda.c */
enum osp_code col_lambda(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_lambda_map_function(json_t *fn); /* NULL without FunctionArn */
void col_lambda_map_policy(json_t *fn, json_t *get_policy_resp);
void col_lambda_map_url(json_t *fn, json_t *get_url_resp);
/* acm.c */
enum osp_code col_acm(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_acm_map_summary(json_t *summary); /* NULL without CertificateArn */
/* guardduty.c */
enum osp_code col_guardduty(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_guardduty_map_detector(const char *id, const char *partition, const char *region,
                                   const char *account); /* NULL without id */
void col_guardduty_map_get(json_t *detector, json_t *get_detector_resp);

/* dynamodb.c */
enum osp_code col_dynamodb(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_ddb_table_new(const char *name, const char *arn);
void col_ddb_map_table(json_t *t, json_t *describe);
void col_ddb_map_backups(json_t *t, json_t *resp);
json_t *col_ddb_map_dax(json_t *cluster);

/* efs.c */
enum osp_code col_efs(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_efs_map_fs(json_t *fs);
void col_efs_map_backup(json_t *fs, json_t *resp);

/* securityhub.c */
enum osp_code col_securityhub(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_sh_map_hub(json_t *resp, const char *arn);
void col_sh_map_standards(json_t *hub, json_t *resp);

/* kinesis.c */
enum osp_code col_kinesis(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_kinesis_map_stream(json_t *resp);

/* athena.c */
enum osp_code col_athena(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_athena_map_workgroup(json_t *resp, const char *arn);

/* ssm.c (Secrets Manager) */
enum osp_code col_ssm(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_ssm_map_secret(json_t *sec);
void col_ssm_map_policy(json_t *secret, json_t *get_resource_policy_resp);

/* organizations.c (global) */
enum osp_code col_organizations(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_org_map_organization(json_t *describe_organization_resp, const char *account); /* NULL resp: none */
json_t *col_org_map_account(json_t *entry);   /* NULL without Arn */
json_t *col_org_map_policy(json_t *entry);    /* NULL without Arn */
json_t *col_org_map_delegated(json_t *entry); /* NULL without Arn */

/* eventbridge.c */
enum osp_code col_eventbridge(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_eventbridge_map_bus(json_t *describe_event_bus_resp); /* NULL without Arn */

/* glacier.c */
enum osp_code col_glacier(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_glacier_map_vault(json_t *list_vaults_entry); /* NULL without VaultARN */
void col_glacier_map_policy(json_t *vault, json_t *get_vault_access_policy_resp);

/* ---- svc-acct (issue 15): account-level services ---- */
/* backup.c */
enum osp_code col_backup(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_backup_map_vault(json_t *list_entry); /* NULL without BackupVaultArn */
void col_backup_map_policy(json_t *vault, json_t *get_policy_resp); /* NULL resp: no policy ("") */
json_t *col_backup_map_plan(json_t *list_entry);  /* NULL without BackupPlanArn */
/* inspector2.c */
enum osp_code col_inspector2(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_inspector2_map_status(json_t *batch_get_resp, const char *account, const char *arn);
const char *col_inspector2_failed(json_t *batch_get_resp, const char *account); /* borrowed; NULL: ok */
/* macie.c */
enum osp_code col_macie(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_macie_map_session(json_t *get_session_resp, const char *arn); /* NULL resp: not enabled */
int col_macie_off_message(const char *msg);
/* sagemaker.c */
enum osp_code col_sagemaker(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_sagemaker_map_notebook(json_t *describe); /* NULL without NotebookInstanceArn */
/* ssoadmin.c (global: every scanned region asked) */
enum osp_code col_ssoadmin(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_ssoadmin_map_instance(json_t *list_entry, const char *region); /* NULL without InstanceArn */
/* workspaces.c */
enum osp_code col_workspaces(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_workspaces_map(json_t *entry, const char *partition, const char *region, const char *account);

/* apigateway.c (v1 REST APIs and v2 HTTP/WebSocket APIs) */
enum osp_code col_apigateway(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_apigw_map_restapi(json_t *get_rest_apis_item, const char *partition, const char *region); /* NULL without id */
void col_apigw_map_stages(json_t *api, json_t *get_stages_resp);
void col_apigw_map_resources(json_t *api, json_t *get_resources_page); /* appends */
json_t *col_apigw_map_domain_v1(json_t *item, const char *partition, const char *region); /* NULL without name */
json_t *col_apigw_map_api_v2(json_t *get_apis_item, const char *partition, const char *region); /* NULL without apiId */
void col_apigw_map_stages_v2(json_t *api, json_t *get_stages_page);  /* appends */
void col_apigw_map_routes_v2(json_t *api, json_t *get_routes_page);  /* appends */
json_t *col_apigw_map_domain_v2(json_t *item, const char *partition, const char *region); /* NULL without name */
/* elasticache.c */
enum osp_code col_elasticache(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_ec_map_cluster(json_t *cache_cluster);          /* NULL without ARN */
json_t *col_ec_map_replication_group(json_t *group);        /* NULL without ARN */
json_t *col_ec_map_serverless(json_t *serverless_cache);    /* NULL without ARN */
/* redshift.c */
enum osp_code col_redshift(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_redshift_map_cluster(json_t *cluster, const char *partition, const char *region,
                                 const char *account); /* NULL without ClusterIdentifier */
void col_redshift_map_logging(json_t *cluster, json_t *describe_logging_status_resp);
void col_redshift_map_parameters(json_t *out, const char *group, json_t *describe_cluster_parameters_resp,
                                 const char *partition, const char *region, const char *account);
/* msk.c */
enum osp_code col_msk(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_msk_map_cluster(json_t *cluster_info); /* NULL without clusterArn */
/* mq.c */
enum osp_code col_mq(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_mq_map_broker(json_t *describe_broker_resp); /* NULL without brokerArn */

/* opensearch.c (Trivy's service `elasticsearch`) */
enum osp_code col_elasticsearch(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_es_map_domain(json_t *domain_status); /* NULL without ARN */

/* dbclusters.c (neptune, documentdb: the RDS API with an engine filter; engine "neptune" / "docdb") */
enum osp_code col_neptune(struct col_job *job, json_t *state, struct osp_err *err);
enum osp_code col_documentdb(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_dbc_map_cluster(json_t *cluster, const char *engine);   /* NULL: another engine, no ARN */
json_t *col_dbc_map_instance(json_t *instance, const char *engine); /* NULL: another engine, no ARN */
void col_dbc_join_instances(json_t *clusters, json_t *instances);   /* borrows both */
json_t *col_dbc_map_snapshot(json_t *snapshot, const char *engine); /* NULL: another engine, no ARN */

/* emr.c */
enum osp_code col_emr(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_emr_map_cluster(json_t *describe_cluster_resp); /* NULL without ClusterArn */
json_t *col_emr_map_security_configuration(json_t *resp, const char *arn);
json_t *col_emr_map_block_public_access(json_t *resp, const char *arn);

/* wafv2.c: wafv2 (REGIONAL scope, per region) and wafv2cloudfront (CLOUDFRONT scope, global) */
enum osp_code col_wafv2(struct col_job *job, json_t *state, struct osp_err *err);
enum osp_code col_wafv2cloudfront(struct col_job *job, json_t *state, struct osp_err *err);
const char *col_wafv2_cloudfront_region(const char *partition); /* NULL: no CloudFront there */
json_t *col_wafv2_map_summary(json_t *list_web_acls_entry, const char *scope); /* NULL without ARN */
void col_wafv2_map_acl(json_t *acl, json_t *get_web_acl_resp);
void col_wafv2_map_resources(json_t *acl, json_t *list_resources_resp, const char *resource_type);
void col_wafv2_map_logging(json_t *acls, json_t *logging_configurations);
json_t *col_wafv2_map_rule_group(json_t *list_rule_groups_entry, json_t *get_rule_group_resp,
                                 const char *scope); /* NULL without ARN */

/* route53.c (global) */
enum osp_code col_route53(struct col_job *job, json_t *state, struct osp_err *err);
json_t *col_route53_map_zone(json_t *hosted_zone, const char *partition); /* NULL without Id */
void col_route53_map_dnssec(json_t *zone, json_t *get_dnssec_resp);
void col_route53_map_query_logging(json_t *zones, json_t *query_logging_configs);

#endif
