# METADATA
# title: "Instance user data holds no secrets"
# description: >-
#   User data is readable by anyone who can describe the instance and by any process on it through
#   the metadata service; keys and passwords placed there leak easily.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
# custom:
#   id: AVD-AWS-0029
#   avd_id: AVD-AWS-0029
#   provider: aws
#   service: ec2
#   severity: CRITICAL
#   short_code: no-secrets-in-user-data
#   recommended_action: "Remove secrets from user data; fetch them at boot from Secrets Manager or SSM Parameter Store with the instance role."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0029

import rego.v1

deny contains res if {
	some instance in input.aws.ec2.instances
	scan := squealer.scan_string(instance.userdata.value)
	scan.transgressionFound
	res := result.new(sprintf("User data of instance '%s' contains a secret (%s).", [object.get(instance, ["id", "value"], "?"), scan.description]), instance.userdata)
}
