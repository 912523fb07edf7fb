/* test_robust.c: every mapping function survives malformed, null and oddly typed responses
 * (moto returns null where AWS omits; a hostile or broken endpoint may return anything). Run
 * under OSPREY_SANITIZE=ON this also proves nothing leaks or reads out of bounds. */
#include "col_test.h"

static const char *const shapes[] = {
    "null", "{}", "[]", "\"\"", "\"text\"", "42", "true",
    "{\"KeyMetadata\": null, \"trailList\": [null, 1, \"x\", {}], \"logGroups\": {\"arn\": 5}}",
    "{\"AlternateContact\": {\"AlternateContactType\": null}, \"analyzers\": [{\"status\": \"A\"}, {\"status\": 7}]}",
    "{\"GetAccountAuthorizationDetailsResponse\": {\"GetAccountAuthorizationDetailsResult\": {\"UserDetailList\": "
    "[{\"UserName\": null, \"GroupList\": [null, \"\"], \"UserPolicyList\": \"\", \"AttachedManagedPolicies\": [{}]}, null],"
    " \"Policies\": [{\"Arn\": \"/\", \"PolicyVersionList\": [{\"IsDefaultVersion\": \"true\", \"Document\": \"%zz{\"}]}],"
    " \"RoleDetailList\": {\"RoleName\": 1}}}}",
    "{\"reservationSet\": [{\"instancesSet\": [{\"blockDeviceMapping\": [{\"ebs\": null}], \"groupSet\": \"\"}]}],"
    " \"ipPermissions\": [{\"ipRanges\": [{\"cidrIp\": null}], \"groups\": [7], \"fromPort\": \"x\"}],"
    " \"entrySet\": [{\"portRange\": \"\", \"egress\": \"maybe\"}], \"launchTemplateData\": {\"userData\": \"@@@\"}}",
    "{\"LoadBalancerDescriptions\": [{\"ListenerDescriptions\": [{\"Listener\": null, \"PolicyNames\": [3, null]},"
    " {\"Listener\": {\"Protocol\": 7}}]}], \"Attributes\": [{\"Key\": null}, 5], \"Listeners\": [{\"DefaultActions\": \"\","
    " \"Protocol\": \"HTTPS\", \"SslPolicy\": [1]}], \"PolicyDescriptions\": [{\"PolicyAttributeDescriptions\": {}}],"
    " \"LoadBalancerAttributes\": {\"AdditionalAttributes\": \"x\"}}",
    "{\"logging\": {\"clusterLogging\": [{\"enabled\": \"true\", \"types\": [null, 1, \"api\"]}, 4]},"
    " \"encryptionConfig\": [{\"resources\": \"secrets\", \"provider\": []}], \"resourcesVpcConfig\": {\"publicAccessCidrs\": [null]},"
    " \"encryptionConfiguration\": [], \"imageTagMutability\": 3, \"policyText\": \"{not json\","
    " \"scanningConfiguration\": {\"rules\": [{\"repositoryFilters\": [null, {}]}, null]},"
    " \"Attribute\": [{\"Name\": \"Policy\", \"Value\": 12}, {\"Name\": \"QueueArn\", \"Value\": \"\"}, null]}",
    "{\"AccessControlPolicy\": {\"AccessControlList\": {\"Grant\": [{\"Grantee\": null, \"Permission\": [1, null]}]}},"
    " \"EventSelectors\": [{\"DataResources\": [{\"Values\": [null, 3]}]}], \"AdvancedEventSelectors\": \"\"}",
    "{\"Table\": {\"SSEDescription\": {\"Status\": 7, \"KMSMasterKeyArn\": []}, \"DeletionProtectionEnabled\": \"maybe\"},"
    " \"ContinuousBackupsDescription\": {\"PointInTimeRecoveryDescription\": null}, \"Clusters\": [null, {\"SSEDescription\": \"x\"}],"
    " \"FileSystems\": [{\"Encrypted\": \"yes\", \"KmsKeyId\": 5}, null], \"BackupPolicy\": {\"Status\": null},"
    " \"ARN\": 9, \"KmsKeyId\": [], \"RotationEnabled\": \"sometimes\", \"LastRotatedDate\": \"yesterday\","
    " \"WorkGroup\": {\"Configuration\": {\"ResultConfiguration\": \"\", \"EnforceWorkGroupConfiguration\": []}},"
    " \"StreamDescriptionSummary\": {\"EncryptionType\": 3, \"KeyId\": {}}, \"HubArn\": [], \"SubscribedAt\": 12, \"StandardsSubscriptions\": [{\"StandardsArn\": null}, 3, \"\"]}",
    "{\"DBInstanceArn\": \"arn:x\", \"Engine\": 5, \"ReadReplicaDBInstanceIdentifiers\": {\"ReadReplicaDBInstanceIdentifier\": [null, 1]},"
    " \"DBParameterGroups\": [7, {\"DBParameterGroupName\": []}], \"AvailabilityZones\": {\"AvailabilityZone\": {}},"
    " \"DBClusterArn\": \"arn:c\", \"DBSnapshotArn\": \"arn:s\", \"DBClusterSnapshotArn\": [1],"
    " \"DescribeDBSnapshotAttributesResponse\": {\"DescribeDBSnapshotAttributesResult\": {\"DBSnapshotAttributesResult\":"
    " {\"DBSnapshotAttributes\": {\"DBSnapshotAttribute\": [{\"AttributeValues\": {\"AttributeValue\": 3}}, null]}}}}}",
    "{\"FunctionArn\": \"arn:f\", \"Environment\": {\"Variables\": {\"A\": null, \"B\": 5, \"C\": [\"x\"], \"D\": \"\"}},"
    " \"TracingConfig\": \"Active\", \"Policy\": \"{\\\"Statement\\\": [null, {\\\"Principal\\\": {\\\"AWS\\\": [1, null]},"
    " \\\"Condition\\\": {\\\"ArnLike\\\": 4, \\\"StringEquals\\\": {\\\"aws:SourceArn\\\": [7]}}},"
    " {\\\"Principal\\\": 9}]}\", \"FunctionUrl\": \"u\", \"AuthType\": {}}",
    "{\"clusterArn\": \"arn:c\", \"settings\": [null, {\"name\": \"containerInsights\", \"value\": 3}, {\"name\": []}],"
    " \"taskDefinition\": {\"taskDefinitionArn\": \"arn:t\", \"containerDefinitions\": [null, 1, {\"environment\":"
    " [{\"name\": \"A\", \"value\": null}, {\"name\": 5, \"value\": \"x\"}, \"e\"], \"portMappings\": {\"containerPort\": \"x\"}}],"
    " \"volumes\": [{\"efsVolumeConfiguration\": \"\"}, {\"efsVolumeConfiguration\": {\"transitEncryption\": 1}}, null]}}",
    "{\"arn\": \"arn:p\", \"artifacts\": [], \"secondaryArtifacts\": [null, {\"encryptionDisabled\": \"x\"}], \"source\": {\"location\": 7},"
    " \"secondarySources\": \"\", \"environment\": {\"environmentVariables\": [{\"name\": \"A\", \"type\": 3, \"value\": {}},"
    " {\"name\": \"B\", \"type\": \"SECRETS_MANAGER\", \"value\": null}, 4]}, \"logsConfig\": {\"s3Logs\": []}}",
    "{\"LaunchConfigurationARN\": \"arn:l\", \"BlockDeviceMappings\": [null, {\"Ebs\": \"\"}, {\"Ebs\": {\"Encrypted\": []}}],"
    " \"MetadataOptions\": \"x\", \"UserData\": \"@@not base64\", \"AssociatePublicIpAddress\": {}}",
    "{\"ARN\": \"arn:d\", \"Id\": 4, \"DistributionConfig\": {\"WebACLId\": [], \"Logging\": \"\", \"CacheBehaviors\":"
    " {\"Items\": {\"CacheBehavior\": [null, 3]}}, \"ViewerCertificate\": {\"ACMCertificateArn\": {}}},"
    " \"deliverySources\": [null, {\"name\": 1, \"resourceArns\": [5, \"arn:aws:cloudfront::1:distribution/\"]}],"
    " \"deliveries\": [{\"deliverySourceName\": []}, 7]}",
    "{\"status\": 7, \"findingPublishingFrequency\": [], \"features\": [null, 3, {\"name\": {}, \"status\": null,"
    " \"additionalConfiguration\": \"x\"}, {\"additionalConfiguration\": [null, {\"name\": 1}]}]}",
    "{\"CertificateArn\": \"arn:a\", \"DomainName\": 3, \"InUse\": \"yes\", \"NotAfter\": \"soon\", \"NotBefore\": -1e300,"
    " \"KeyAlgorithm\": {}, \"Status\": [null]}",
    "{\"Policy\": \"not json\", \"Aliases\": [{\"AliasName\": 1}, {\"AliasName\": \"alias/x\", \"TargetKeyId\": null}]}",
    "{\"id\": \"api1\", \"apiId\": \"v2api\", \"name\": [], \"endpointConfiguration\": {\"types\": \"EDGE\"},"
    " \"item\": [null, 3, {\"stageName\": \"s\", \"methodSettings\": {\"*/*\": 5, \"x/GET\": {\"cachingEnabled\": \"maybe\"}},"
    " \"accessLogSettings\": []}, {\"id\": \"r\", \"resourceMethods\": {\"GET\": null, \"PUT\": {\"httpMethod\": 7}}},"
    " {\"id\": \"r2\", \"resourceMethods\": []}, {\"domainName\": {}, \"securityPolicy\": 1}],"
    " \"items\": [{\"stageName\": \"w\", \"routeSettings\": {\"a\": 1, \"b\": {\"loggingLevel\": []}},"
    " \"defaultRouteSettings\": \"x\"}, {\"routeId\": \"r\", \"routeKey\": {}}, {\"domainName\": \"d\","
    " \"domainNameConfigurations\": [null, 4, {\"securityPolicy\": {}}, {\"securityPolicy\": \"TLS_1_0\"}]}],"
    " \"domainName\": \"top\", \"domainNameConfigurations\": {\"securityPolicy\": \"TLS_1_2\"}}",
    "{\"ARN\": \"arn:e\", \"Engine\": 5, \"SnapshotRetentionLimit\": \"many\", \"AutoMinorVersionUpgrade\": [],"
    " \"MemberClusters\": {\"ClusterId\": [null, 3, \"m\"]}, \"AutomaticFailover\": {}, \"MajorEngineVersion\": null}",
    "{\"ClusterIdentifier\": \"c\", \"Endpoint\": \"\", \"ClusterParameterGroups\": {\"ClusterParameterGroup\": [null, 1,"
    " {\"ParameterGroupName\": 7}]}, \"Encrypted\": \"maybe\", \"DescribeLoggingStatusResponse\": 4,"
    " \"DescribeClusterParametersResponse\": {\"DescribeClusterParametersResult\": {\"Parameters\": [{\"ParameterName\": []}]}}}",
    "{\"clusterArn\": \"arn:k\", \"clusterType\": 3, \"provisioned\": {\"encryptionInfo\": [], \"loggingInfo\":"
    " {\"brokerLogs\": {\"s3\": \"on\"}}, \"clientAuthentication\": {\"sasl\": 1}}, \"serverless\": null,"
    " \"brokerArn\": \"arn:b\", \"logs\": [], \"encryptionOptions\": \"x\", \"publiclyAccessible\": {}}",
    "{\"ARN\": \"arn:es\", \"VPCOptions\": {\"VPCId\": 4, \"SubnetIds\": \"x\"}, \"ClusterConfig\": [], \"LogPublishingOptions\":"
    " {\"AUDIT_LOGS\": \"on\", \"ES_APPLICATION_LOGS\": {\"Enabled\": []}}, \"ServiceSoftwareOptions\": \"\","
    " \"AdvancedSecurityOptions\": {\"Enabled\": null}, \"AccessPolicies\": {\"Statement\": 3}, \"DomainEndpointOptions\": 7,"
    " \"DBClusterArn\": \"arn:dbc\", \"Engine\": \"docdb\", \"EnabledCloudwatchLogsExports\": {\"member\": [null, 5, \"audit\"]},"
    " \"DBClusterSnapshotArn\": \"arn:s\", \"DBInstanceArn\": \"arn:i\", \"Cluster\": {\"ClusterArn\": \"arn:emr\","
    " \"Status\": \"x\", \"Ec2InstanceAttributes\": []}, \"BlockPublicAccessConfiguration\": {\"PermittedPublicSecurityGroupRuleRanges\":"
    " [null, {\"MinRange\": \"x\"}, 3]}, \"SecurityConfiguration\": {}}",
    "{\"ARN\": \"arn:w\", \"Name\": 3, \"WebACL\": {\"DefaultAction\": {}, \"Rules\": [null, 4, {\"Action\": \"Block\","
    " \"OverrideAction\": [], \"Statement\": {\"ManagedRuleGroupStatement\": {\"VendorName\": 5}}, \"VisibilityConfig\": \"\"},"
    " {\"Statement\": {\"RuleGroupReferenceStatement\": []}}], \"PreProcessFirewallManagerRuleGroups\": {\"Name\": 1},"
    " \"VisibilityConfig\": [true]}, \"ResourceArns\": [null, 7, \"arn:r\"], \"LoggingConfigurations\": [null,"
    " {\"ResourceArn\": \"arn:w\", \"LogDestinationConfigs\": [\"\", null, 3]}, {\"ResourceArn\": 5}]}",
    "{\"Id\": \"/hostedzone/\", \"Config\": {\"PrivateZone\": \"perhaps\"}, \"LinkedService\": \"\","
    " \"GetDNSSECResponse\": {\"Status\": \"\", \"KeySigningKeys\": {\"member\": [null, 3, {\"Name\": []}]}},"
    " \"QueryLoggingConfigs\": [{\"HostedZoneId\": 4}, null, {\"HostedZoneId\": \"/hostedzone/\"}]}",
    "{\"Organization\": {\"Arn\": \"arn:o\", \"MasterAccountId\": 7, \"FeatureSet\": []}, \"Arn\": \"arn:a\","
    " \"AwsManaged\": \"maybe\", \"JoinedTimestamp\": \"never\", \"DelegationEnabledDate\": {}, \"Status\": null,"
    " \"Policy\": {\"Statement\": 3}, \"KmsKeyIdentifier\": [], \"VaultARN\": \"arn:v\", \"VaultName\": 5,"
    " \"policy\": {\"Policy\": 9}, \"ResourcePolicy\": \"%zz{\"}",
    /* svc-acct: macie, inspector2, backup, ssoadmin, workspaces, sagemaker, iam providers, ec2 routes/peering */
    "{\"status\": [], \"createdAt\": \"never\", \"accounts\": [null, 4, {\"accountId\": 7, \"state\": \"x\","
    " \"resourceState\": {\"ec2\": null, \"ecr\": {\"status\": 3}, \"lambdaCode\": []}, \"resourceStatus\": 5}],"
    " \"failedAccounts\": [null, {\"accountId\": null, \"errorCode\": {}}], \"BackupVaultArn\": \"arn:v\","
    " \"BackupVaultName\": [], \"Locked\": \"maybe\", \"MinRetentionDays\": \"x\", \"LockDate\": -5,"
    " \"BackupPlanArn\": \"arn:p\", \"LastExecutionDate\": {}, \"InstanceArn\": \"arn:i\", \"CreatedDate\": \"\","
    " \"WorkspaceId\": \"ws-1\", \"RootVolumeEncryptionEnabled\": \"yes\", \"UserVolumeEncryptionEnabled\": 1,"
    " \"VolumeEncryptionKey\": [], \"NotebookInstanceArn\": \"arn:n\", \"DirectInternetAccess\": 0, \"RootAccess\": {},"
    " \"KmsKeyId\": 5, \"SubnetId\": null, \"SecurityGroups\": \"sg\"}",
    "{\"ListSAMLProvidersResponse\": {\"ListSAMLProvidersResult\": {\"SAMLProviderList\": [null, {\"Arn\": 3},"
    " {\"Arn\": \"arn:aws:iam::1:saml-provider/\", \"ValidUntil\": []}]}}, \"ListOpenIDConnectProvidersResponse\":"
    " {\"ListOpenIDConnectProvidersResult\": {\"OpenIDConnectProviderList\": {\"Arn\": \"x\"}}},"
    " \"routeTableId\": \"rtb-1\", \"routeSet\": [null, {\"destinationCidrBlock\": []}, 7],"
    " \"associationSet\": \"\", \"vpcPeeringConnectionId\": \"pcx-1\", \"status\": {\"code\": {}},"
    " \"requesterVpcInfo\": {\"cidrBlockSet\": [null, {\"cidrBlock\": 4}], \"ipv6CidrBlockSet\": \"x\"},"
    " \"accepterVpcInfo\": [1]}",
    NULL,
};

static void run_all(json_t *v)
{
    struct col_ec2_ctx c = {"aws", "us-east-1", "111122223333", json_object(), json_object()};
    json_t *s = json_object(), *o;
    col_iam_map_auth_details(s, v, "aws");
    col_iam_map_password_policy(s, v, "aws", "1");
    col_iam_map_server_certs(s, v);
    col_iam_finish(s, json_is_string(v) ? json_string_value(v) : "user,arn\n<root_account>,x,extra,cols\n\"unterminated",
                   v, v, "aws", "1");
    json_t *b = col_s3_bucket_new("b", "aws");
    col_s3_map_location(b, v);
    col_s3_map_acl(b, v);
    col_s3_map_encryption(b, v);
    col_s3_map_logging(b, v);
    col_s3_map_versioning(b, v);
    col_s3_map_pab(b, "publicaccessblock", v, "arn");
    col_s3_map_pab(s, "accountpublicaccessblock", v, "arn");
    col_s3_map_policy(b, json_is_string(v) ? json_string_value(v) : "not json");
    json_decref(b);
    json_t *t = col_cloudtrail_map_trail(v);
    col_cloudtrail_map_status(t, v);
    col_cloudtrail_map_selectors(t, v);
    json_decref(t);
    col_config_map(s, v, v, v, v, "aws", "r", "1");
    o = col_kms_map_key(v);
    col_kms_wants_rotation(v);
    col_kms_map_rotation(o, v);
    json_decref(o);
    json_decref(col_kms_map_alias(v));
    col_rds_engine_is_rds(col_s(v, "Engine"));
    json_t *rs = json_object();
    col_push(col_arr(rs, "instances"), col_rds_map_instance(v));
    col_push(col_arr(rs, "clusters"), col_rds_map_cluster(v));
    col_rds_join_members(rs);
    col_rds_join_members(v);
    json_decref(rs);
    for (int cl = 0; cl < 2; cl++) {
        o = col_rds_map_snapshot(v, cl);
        col_rds_map_snapshot_attrs(o, v, cl);
        json_decref(o);
    }
    json_decref(col_codebuild_map_project(v));
    o = json_array();
    json_array_append_new(o, col_cloudfront_map_distribution(v, v));
    col_cloudfront_map_deliveries(o, json_object_get(v, "deliverySources"), json_object_get(v, "deliveries"));
    col_cloudfront_map_deliveries(v, v, v);
    json_decref(o);
    json_decref(col_ec2_map_launch_config(v));
    json_decref(col_ecs_map_cluster(v));
    json_decref(col_ecs_map_taskdef(v));
    o = col_lambda_map_function(v);
    col_lambda_map_policy(o, v);
    col_lambda_map_url(o, v);
    json_decref(o);
    json_decref(col_acm_map_summary(v));
    o = col_guardduty_map_detector(col_s(v, "id"), "aws", "us-east-1", "111122223333");
    col_guardduty_map_get(o, v);
    json_decref(o);
    o = col_guardduty_map_detector("d1", "aws", "us-east-1", "111122223333");
    col_guardduty_map_get(o, v);
    json_decref(o);
    json_decref(col_ec2_map_sg(&c, v));
    col_ec2_map_vpcs(s, &c, v, v);
    col_ec2_map_nacls(s, &c, v);
    col_ec2_map_subnets(s, &c, v);
    o = col_ec2_map_instance(&c, v);
    col_ec2_map_userdata(o, v);
    json_decref(o);
    json_decref(col_ec2_map_volume(&c, v));
    json_decref(col_ec2_map_template(&c, v, v));
    col_ec2_map_ebs_default(s, &c, v);
    json_decref(col_cw_map_alarm(v));
    json_decref(col_cw_map_log_group(v));
    col_cw_attach_filters(s, v);
    json_decref(col_sns_map_topic("arn", v));
    col_sns_attach_subscriptions(s, v);
    col_aa_map_page(s, v);
    col_account_map_contact(s, v, "aws", "1");
    o = col_ddb_table_new("t", "arn");
    col_ddb_map_table(o, v);
    col_ddb_map_backups(o, v);
    json_decref(o);
    json_decref(col_ddb_map_dax(v));
    o = col_efs_map_fs(v);
    col_efs_map_backup(o, v);
    json_decref(o);
    o = col_sh_map_hub(v, "arn");
    col_sh_map_standards(o, v);
    json_decref(o);
    json_decref(col_kinesis_map_stream(v));
    json_decref(col_athena_map_workgroup(v, "arn"));
    json_decref(col_ssm_map_secret(v));
    /* elb, eks, ecr, sqs */
    o = col_elb_map_v2(v);
    col_elb_map_v2_attributes(o, v);
    col_elb_map_v2_listeners(o, v);
    json_decref(o);
    o = col_elb_map_classic(v, "aws", "r", "1");
    col_elb_classic_has_tls(v);
    col_elb_map_classic_attributes(o, v);
    col_elb_map_classic_policies(o, v, v);
    json_decref(o);
    json_decref(col_eks_map_cluster(v));
    o = col_ecr_map_repo(v);
    col_ecr_map_policy(o, v);
    json_decref(o);
    col_ecr_map_registry_scanning(s, v, "arn");
    json_decref(col_sqs_map_queue(json_is_string(v) ? json_string_value(v) : NULL, v, "aws", "r"));
    json_decref(col_sqs_map_queue("https://sqs/x", v, NULL, NULL));
    o = col_apigw_map_restapi(v, "aws", "r");
    col_apigw_map_stages(o, v);
    col_apigw_map_resources(o, v);
    json_decref(o);
    o = col_apigw_map_restapi(v, NULL, NULL);
    json_decref(o);
    json_decref(col_apigw_map_domain_v1(v, "aws", "r"));
    json_decref(col_apigw_map_domain_v2(v, NULL, "r"));
    o = col_apigw_map_api_v2(v, "aws", "r");
    col_apigw_map_stages_v2(o, v);
    col_apigw_map_routes_v2(o, v);
    json_decref(o);
    o = json_object();
    col_apigw_map_stages(o, v);
    col_apigw_map_resources(o, v);
    col_apigw_map_stages_v2(o, v);
    col_apigw_map_routes_v2(o, v);
    json_decref(o);
    /* elasticache, redshift, msk, mq */
    json_decref(col_ec_map_cluster(v));
    json_decref(col_ec_map_replication_group(v));
    json_decref(col_ec_map_serverless(v));
    o = col_redshift_map_cluster(v, "aws", "r", "1");
    col_redshift_map_logging(o, v);
    json_decref(o);
    o = json_array();
    col_redshift_map_parameters(o, col_s(v, "ClusterIdentifier"), v, "aws", "r", "1");
    json_decref(o);
    json_decref(col_msk_map_cluster(v));
    json_decref(col_mq_map_broker(v));
    /* elasticsearch, neptune / documentdb, emr */
    json_decref(col_es_map_domain(v));
    o = json_array();
    json_t *dbi = json_array();
    col_push(o, col_dbc_map_cluster(v, "docdb"));
    col_push(o, col_dbc_map_cluster(v, "neptune"));
    col_push(dbi, col_dbc_map_instance(v, "docdb"));
    col_dbc_join_instances(o, dbi);
    col_dbc_join_instances(v, v);
    json_decref(dbi);
    json_decref(o);
    o = col_dbc_map_snapshot(v, "docdb");
    col_rds_map_snapshot_attrs(o, v, 1);
    json_decref(o);
    json_decref(col_emr_map_cluster(v));
    json_decref(col_emr_map_security_configuration(v, "arn"));
    json_decref(col_emr_map_block_public_access(v, "arn"));
    /* wafv2, route53 */
    json_t *acls = json_array(), *one = json_pack("{s:s, s:s}", "ARN", "arn:w", "Id", "/hostedzone/Z1");
    if ((o = col_wafv2_map_summary(v, "REGIONAL")))
        json_array_append_new(acls, o);
    json_array_append_new(acls, col_wafv2_map_summary(one, "CLOUDFRONT"));
    for (size_t i = 0; i < json_array_size(acls); i++) {
        col_wafv2_map_acl(json_array_get(acls, i), v);
        col_wafv2_map_resources(json_array_get(acls, i), v, "API_GATEWAY");
    }
    json_decref(col_wafv2_map_rule_group(v, v, "REGIONAL"));
    json_decref(col_wafv2_map_rule_group(one, v, "CLOUDFRONT"));
    json_decref(col_wafv2_map_rule_group(one, json_object_get(v, "WebACL"), "REGIONAL"));
    col_wafv2_map_logging(acls, json_object_get(v, "LoggingConfigurations"));
    col_wafv2_map_logging(acls, v);
    col_wafv2_map_logging(v, v);
    json_decref(acls);
    json_t *zones = json_array();
    if ((o = col_route53_map_zone(v, "aws")))
        json_array_append_new(zones, o);
    json_array_append_new(zones, col_route53_map_zone(one, NULL));
    json_decref(one);
    for (size_t i = 0; i < json_array_size(zones); i++)
        col_route53_map_dnssec(json_array_get(zones, i), v);
    col_route53_map_query_logging(zones, json_object_get(v, "QueryLoggingConfigs"));
    col_route53_map_query_logging(zones, v);
    col_route53_map_query_logging(v, v);
    json_decref(zones);
    /* organizations, eventbridge, glacier, Secrets Manager policies */
    json_decref(col_org_map_organization(v, "1"));
    json_decref(col_org_map_organization(v, NULL));
    json_decref(col_org_map_account(v));
    json_decref(col_org_map_policy(v));
    json_decref(col_org_map_delegated(v));
    json_decref(col_eventbridge_map_bus(v));
    o = col_glacier_map_vault(v);
    col_glacier_map_policy(o, v);
    json_decref(o);
    o = col_ssm_map_secret(v);
    col_ssm_map_policy(o, v);
    json_decref(o);
    /* svc-acct */
    json_decref(col_macie_map_session(v, "arn"));
    col_macie_off_message(json_string_value(v));
    json_decref(col_inspector2_map_status(v, "1", "arn"));
    json_decref(col_inspector2_map_status(v, NULL, "arn"));
    col_inspector2_failed(v, "1");
    col_inspector2_failed(v, NULL);
    o = col_backup_map_vault(v);
    col_backup_map_policy(o, v);
    col_backup_map_policy(o, NULL);
    json_decref(o);
    json_decref(col_backup_map_plan(v));
    json_decref(col_ssoadmin_map_instance(v, "r"));
    json_decref(col_workspaces_map(v, "aws", "r", "1"));
    json_decref(col_sagemaker_map_notebook(v));
    col_iam_map_providers(s, v, v);
    col_ec2_map_route_tables(s, &c, v);
    col_ec2_map_peerings(s, &c, v);
    o = json_array();
    json_array_append(o, v);
    col_ec2_map_route_tables(s, &c, o);
    col_ec2_map_peerings(s, &c, o);
    json_decref(o);
    /* whatever happened, the state is still an object that serialises */
    char *txt = json_dumps(s, JSON_SORT_KEYS);
    CU_ASSERT_PTR_NOT_NULL(txt);
    free(txt);
    json_decref(s);
    json_decref(c.sgs);
    json_decref(c.volumes);
}

static void test_mappers_survive_malformed_shapes(void)
{
    for (const char *const *p = shapes; *p; p++) {
        json_t *v = json_loads(*p, JSON_DECODE_ANY, NULL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(v);
        run_all(v);
        json_decref(v);
    }
    run_all(NULL);
}

static void test_nested_sub_trees_feed_every_mapper(void)
{
    /* feed every object found inside the shapes too, so inner paths get odd types */
    for (const char *const *p = shapes; *p; p++) {
        json_t *v = json_loads(*p, JSON_DECODE_ANY, NULL), *x;
        const char *k;
        json_object_foreach(v, k, x) run_all(x);
        json_decref(v);
    }
}

static void test_csv_garbage_does_not_crash(void)
{
    static const char *const bad[] = {"", ",,,\n,,,", "\"", "a\n\"b", "user\n<root_account>\n", "\n\n\n", NULL};
    for (const char *const *p = bad; *p; p++) {
        json_t *rows = col_csv_parse(*p);
        CU_ASSERT(rows == NULL || json_is_array(rows));
        json_decref(rows);
    }
}

/* Bytes that are not UTF-8 (a URL-decoded policy, a hostile body) never make a builder drop the
 * value: main's json_string() returned NULL and the field vanished, so a check could PASS what it
 * should FAIL. */
static void test_builders_keep_values_that_are_not_utf8(void)
{
    json_t *o = json_object();
    col_add_str(o, "name", "bad\xff\xfename", "arn:x");
    json_t *v = json_object_get(json_object_get(o, "name"), "value");
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_STRING_EQUAL(json_string_value(v), "bad\xef\xbf\xbd\xef\xbf\xbdname");
    json_t *enc = json_string("%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%FF%22%7D%5D%7D");
    col_add_doc_v(o, "policy", enc, "arn:x");
    json_decref(enc);
    v = json_object_get(json_object_get(o, "policy"), "value");
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_PTR_NOT_NULL(strstr(json_string_value(v), "\"Effect\":\"Allow\""));
    col_add_time_s(o, "when", "2024\xff", "arn:x"); /* not a time: left out, never a crash */
    json_decref(o);
}

static const struct osp_test tests[] = {
    OSP_TEST(test_builders_keep_values_that_are_not_utf8),
    OSP_TEST(test_mappers_survive_malformed_shapes),
    OSP_TEST(test_nested_sub_trees_feed_every_mapper),
    OSP_TEST(test_csv_garbage_does_not_crash),
    {0},
};

int main(void)
{
    return osp_test_run("collect_robust", tests);
}
