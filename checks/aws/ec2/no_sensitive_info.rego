# METADATA
# title: "Launch configuration user data holds no secrets"
# description: >-
#   User data is readable by anyone who may describe the launch configuration and by every process on the instance through the metadata service. osprey stores user data with each secret replaced by a marker naming the rule that matched, which this check reports.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
# custom:
#   id: AVD-AWS-0122
#   avd_id: AVD-AWS-0122
#   provider: aws
#   impact: >-
#     A key or password in user data can be read from the API and from inside every instance the group launches.
#   remediation:
#     console: >-
#       Launch configurations cannot be edited: copy it to a launch template without the secret (read it from Secrets Manager or Parameter Store at boot), move the Auto Scaling group to the template, delete the configuration and rotate the secret.
#     cli: >-
#       aws autoscaling delete-launch-configuration --launch-configuration-name NAME (after moving the group to a launch template whose user data reads the secret at boot)
#     terraform: >-
#       aws_launch_configuration / aws_launch_template: user_data without secrets; the instance role allowed secretsmanager:GetSecretValue
#   service: ec2
#   severity: HIGH
#   short_code: no-sensitive-info
#   recommended_action: "Remove secrets from user data and rotate them; read them at boot from Secrets Manager or Parameter Store."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0122

import rego.v1

deny contains res if {
	some lc in input.aws.ec2.launchconfigurations
	scan := squealer.scan_string(lc.userdata.value)
	scan.transgressionFound
	res := result.new(sprintf("User data of launch configuration '%s' holds a secret (%s).", [object.get(lc, ["name", "value"], "?"), scan.description]), lc.userdata)
}
