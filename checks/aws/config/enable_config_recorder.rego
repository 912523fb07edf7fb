# METADATA
# title: "AWS Config records all resources in every region"
# description: >-
#   AWS Config keeps the configuration history of resources: what changed, when and how it related
#   to other resources. CIS asks for a recorder that records all supported resource types and is
#   running in every region.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html
# custom:
#   id: OSP-AWS-0006
#   avd_id: OSP-AWS-0006
#   provider: aws
#   impact: >-
#     AWS Config keeps the configuration history of resources: what changed, when, and what the
#     resource looked like before. Without a recorder in a region, changes there leave no history to
#     investigate or audit.
#   remediation:
#     console: >-
#       AWS Config console (in the region) > Get started / Settings: Record all resources supported
#       in this region (include global resources in one region), choose a delivery S3 bucket, and
#       make sure recording is on.
#     cli: >-
#       aws configservice put-configuration-recorder --configuration-recorder
#       name=default,roleARN=arn:aws:iam::ACCOUNT:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig
#       --recording-group allSupported=true,includeGlobalResourceTypes=true && aws configservice
#       put-delivery-channel --delivery-channel name=default,s3BucketName=CONFIG-BUCKET && aws
#       configservice start-configuration-recorder --configuration-recorder-name default
#     terraform: >-
#       aws_config_configuration_recorder (recording_group { all_supported = true }),
#       aws_config_delivery_channel, aws_config_configuration_recorder_status (is_enabled = true)
#   service: config
#   severity: MEDIUM
#   short_code: enable-config-recorder
#   recommended_action: "Set up AWS Config in the region: a recorder with allSupported, a delivery channel, and start recording."
#   frameworks:
#     cis-aws-1.2:
#       - "2.5"
#     cis-aws-1.4:
#       - "3.5"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: config
#             provider: aws
package builtin.aws.config.osp0006

import rego.v1

import data.lib.osprey

recording(r) if {
	r.recording.value == true
	r.allsupported.value == true
	not r.laststatus.value == "FAILURE"
}

deny contains res if {
	input.aws.config
	count(object.get(input.aws.config, "recorders", [])) == 0
	res := result.new("No AWS Config recorder exists in this region.", osprey.cause(osprey.account_arn("config", osprey.region, "config-recorder/*")))
}

deny contains res if {
	some r in input.aws.config.recorders
	not recording(r)
	not any_recording
	res := result.new(sprintf("AWS Config recorder '%s' is not recording all resource types successfully.", [r.name.value]), r)
}

any_recording if {
	some r in input.aws.config.recorders
	recording(r)
}
