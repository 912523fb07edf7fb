# METADATA
# title: "Launch template user data holds no secrets"
# description: >-
#   Secrets in a launch template's user data reach every instance launched from it and anyone who
#   can read the template.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
# custom:
#   id: AVD-AWS-0129
#   avd_id: AVD-AWS-0129
#   provider: aws
#   impact: >-
#     User data is readable by anyone who can describe the launch template
#     (ec2:DescribeLaunchTemplateVersions) and from inside every instance's metadata service:
#     secrets in it leak far beyond their intended users.
#   remediation:
#     console: >-
#       Store the secret in Secrets Manager or SSM Parameter Store (SecureString); EC2 console >
#       Launch templates > Modify template (Create new version) with user data that fetches it at
#       boot using the instance role; make it the default version and delete the old versions.
#     cli: >-
#       aws ec2 delete-launch-template-versions --launch-template-id LT-ID --versions OLD-VERSION
#     terraform: >-
#       aws_launch_template: user_data that calls aws secretsmanager get-secret-value at boot; the
#       secret in aws_secretsmanager_secret
#   service: ec2
#   severity: CRITICAL
#   short_code: no-secrets-in-launch-template-user-data
#   recommended_action: "Remove secrets from the template's user data and fetch them at boot from a secrets store."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0129

import rego.v1

deny contains res if {
	some lt in input.aws.ec2.launchtemplates
	scan := squealer.scan_string(lt.instance.userdata.value)
	scan.transgressionFound
	res := result.new(sprintf("User data of launch template '%s' contains a secret (%s).", [object.get(lt, ["name", "value"], "?"), scan.description]), lt.instance.userdata)
}
