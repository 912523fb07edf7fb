# METADATA
# title: "MSK clusters deliver broker logs"
# description: >-
#   Broker logs go to CloudWatch Logs, Kinesis Data Firehose or S3 only when one of them is
#   enabled. Serverless clusters have no broker logs and are not judged.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html
# custom:
#   id: AVD-AWS-0074
#   avd_id: AVD-AWS-0074
#   provider: aws
#   impact: >-
#     Authentication failures, errors and client activity on the brokers leave no trace.
#   remediation:
#     console: >-
#       MSK console > the cluster > Properties > Broker log delivery > Edit: deliver to CloudWatch
#       Logs, S3 or Firehose.
#     cli: >-
#       aws kafka update-monitoring --cluster-arn ARN --current-version VERSION --logging-info
#       '{"BrokerLogs":{"CloudWatchLogs":{"Enabled":true,"LogGroup":"msk"}}}'
#     terraform: >-
#       aws_msk_cluster: logging_info { broker_logs { cloudwatch_logs { enabled = true, log_group
#       = ... } } }
#   service: msk
#   severity: MEDIUM
#   short_code: enable-logging
#   recommended_action: "Deliver broker logs to CloudWatch Logs, S3 or Firehose."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: msk
#             provider: aws
package builtin.aws.msk.aws0074

import rego.v1

delivers(c) if {
	some dest in ["cloudwatch", "firehose", "s3"]
	c.logging.broker[dest].enabled.value == true
}

deny contains res if {
	some c in input.aws.msk.clusters
	not c.clustertype.value == "SERVERLESS"
	not delivers(c)
	res := result.new(sprintf("MSK cluster '%s' delivers no broker logs.", [object.get(c, ["name", "value"], "")]), object.get(c, "logging", c))
}
