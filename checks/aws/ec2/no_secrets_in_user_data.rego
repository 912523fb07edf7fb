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
#   impact: >-
#     Instance user data can be read by anyone allowed ec2:DescribeInstanceAttribute and by every
#     process on the instance through the metadata service; it is not a place for passwords or keys.
#   remediation:
#     console: >-
#       Move the secret to Secrets Manager or SSM Parameter Store (SecureString) and rotate it; stop
#       the instance, Actions > Instance settings > Edit user data: remove the secret and fetch it
#       at boot with the instance role.
#     cli: >-
#       aws ec2 modify-instance-attribute --instance-id INSTANCE-ID --attribute userData --value
#       file://clean-user-data.txt # instance stopped
#     terraform: >-
#       aws_instance: user_data without secrets; aws_secretsmanager_secret plus an instance role
#       allowed secretsmanager:GetSecretValue on it
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
