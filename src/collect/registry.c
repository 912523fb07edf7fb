/* registry.c: the static table of collectors, sorted by name. */
#include <string.h>

#include "collect/col_int.h"

static const struct col_service services[] = {
    {"accessanalyzer", 0, col_accessanalyzer, "IAM Access Analyzer analyzers"},
    {"account", 1, col_account, "alternate contacts (security, billing, operations)"},
    {"acm", 0, col_acm, "certificates of every key type: expiry, key algorithm, status, in use"},
    {"apigateway", 0, col_apigateway, "API Gateway REST APIs (stages, methods) and HTTP/WebSocket APIs (stages, routes), custom domain names"},
    {"athena", 0, col_athena, "Athena workgroups: result encryption, enforced settings"},
    {"backup", 0, col_backup, "AWS Backup vaults (access policy, lock) and backup plans"},
    {"cloudfront", 1, col_cloudfront, "distributions with their configuration, v2 access-log deliveries"},
    {"cloudtrail", 0, col_cloudtrail, "trails, their status and event selectors"},
    {"cloudwatch", 0, col_cloudwatch, "alarms, log groups and metric filters"},
    {"codebuild", 0, col_codebuild, "projects: artifact encryption, sources, environment (values redacted), logs"},
    {"config", 0, col_config, "Config recorders, their status, delivery channels, aggregators"},
    {"documentdb", 0, col_documentdb, "DocumentDB clusters (engine docdb only), their instances, manual snapshots and their sharing"},
    {"dynamodb", 0, col_dynamodb, "tables (encryption, point-in-time recovery) and DAX clusters"},
    {"ec2", 0, col_ec2, "instances, volumes, security groups, NACLs, VPCs, flow logs, route tables, VPC peering, launch templates, launch configurations"},
    {"ecr", 0, col_ecr, "ECR repositories, their policies, the registry scanning configuration"},
    {"ecs", 0, col_ecs, "clusters with their settings, latest task definition of each family (env values redacted)"},
    {"efs", 0, col_efs, "EFS file systems: encryption at rest, automatic backups"},
    {"eks", 0, col_eks, "EKS clusters: control-plane logging, secrets encryption, endpoint access"},
    {"elasticache", 0, col_elasticache, "cache clusters (Redis OSS, Valkey, Memcached), replication groups, serverless caches"},
    {"elasticsearch", 0, col_elasticsearch, "OpenSearch Service domains (both engines): encryption, endpoint TLS, logs, access control"},
    {"elb", 0, col_elb, "load balancers (ELBv2 and classic), their listeners and attributes"},
    {"emr", 0, col_emr, "EMR active clusters, security configurations, the block public access setting"},
    {"eventbridge", 0, col_eventbridge, "EventBridge event buses and their resource policies"},
    {"glacier", 0, col_glacier, "S3 Glacier vaults and their access policies"},
    {"guardduty", 0, col_guardduty, "detectors, their status and protection plans (features)"},
    {"iam", 1, col_iam, "users (root included), groups, roles, policies, password policy, SAML/OIDC providers"},
    {"inspector2", 0, col_inspector2, "Inspector: which scan types (EC2, ECR, Lambda, Lambda code) are enabled"},
    {"kinesis", 0, col_kinesis, "Kinesis data streams and their encryption"},
    {"kms", 0, col_kms, "keys, their rotation status, aliases"},
    {"lambda", 0, col_lambda, "functions (environment values redacted), resource policies, function URLs"},
    {"macie", 0, col_macie, "Macie: enabled or not in the region"},
    {"mq", 0, col_mq, "Amazon MQ brokers (ActiveMQ, RabbitMQ): logging, public access, upgrades"},
    {"msk", 0, col_msk, "Amazon MSK clusters, provisioned and serverless: encryption, logging, access"},
    {"neptune", 0, col_neptune, "Neptune clusters (engine neptune only), manual snapshots and their sharing"},
    {"organizations", 1, col_organizations, "the organization; from the management or a delegated account: accounts, SCPs, delegated administrators"},
    {"rds", 0, col_rds, "DB instances, clusters, manual snapshots and who may restore them"},
    {"redshift", 0, col_redshift, "Redshift clusters, their audit logging and the parameters of their parameter groups"},
    {"route53", 1, col_route53, "hosted zones (public, private), DNSSEC signing of public zones, query logging"},
    {"s3", 1, col_s3, "buckets and the account public access block"},
    {"sagemaker", 0, col_sagemaker, "SageMaker notebook instances: internet access, root access, VPC, volume key"},
    {"securityhub", 0, col_securityhub, "Security Hub: enabled or not, enabled standards"},
    {"sns", 0, col_sns, "topics, their encryption and subscriptions"},
    {"sqs", 0, col_sqs, "queues with all their attributes (encryption, access policy)"},
    {"ssm", 0, col_ssm, "Secrets Manager secrets: encryption key, rotation, resource policy (Trivy's name for it)"},
    {"ssoadmin", 1, col_ssoadmin, "IAM Identity Center instances (every scanned region asked)"},
    {"wafv2", 0, col_wafv2, "WAF web ACLs (REGIONAL scope): rules, logging, associated ALBs and API stages; rule groups"},
    {"wafv2cloudfront", 1, col_wafv2cloudfront, "WAF web ACLs and rule groups of the CLOUDFRONT scope: rules, default action, logging"},
    {"workspaces", 0, col_workspaces, "WorkSpaces: root and user volume encryption"},
};

const struct col_service *col_services(size_t *n)
{
    *n = sizeof services / sizeof services[0];
    return services;
}

const struct col_service *col_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof services / sizeof services[0]; i++)
        if (strcmp(services[i].name, name) == 0)
            return &services[i];
    return NULL;
}

const char *col_status_name(enum col_status s)
{
    switch (s) {
    case COL_OK:
        return "ok";
    case COL_FAILED:
        return "failed";
    case COL_SKIPPED:
        return "skipped";
    }
    return "unknown";
}
