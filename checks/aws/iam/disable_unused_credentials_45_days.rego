# METADATA
# title: "Credentials unused for 45 days are disabled"
# description: >-
#   A password or access key nobody has used for 45 days is a standing risk: if it leaks, its misuse
#   stands out to no one. CIS asks that such credentials be disabled or removed.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
# custom:
#   id: AVD-AWS-0166
#   avd_id: AVD-AWS-0166
#   provider: aws
#   service: iam
#   severity: LOW
#   short_code: disable-unused-credentials-45-days
#   recommended_action: "Disable the console password and deactivate access keys that have not been used for 45 days."
#   frameworks:
#     cis-aws-1.4:
#       - "1.12"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0166

import rego.v1

import data.lib.aws.iam

deny contains res if {
	some user in input.aws.iam.users
	not iam.is_root_user(user)
	user.passwordenabled.value == true
	iam.stale(iam.time_of(user, "lastaccess"), iam.time_of(user, "passwordlastchanged"), 45)
	res := result.new(sprintf("IAM user '%s' has a console password unused for over 45 days.", [user.name.value]), user)
}

deny contains res if {
	some user in input.aws.iam.users
	not iam.is_root_user(user)
	some key in iam.active_keys(user)
	iam.stale(iam.time_of(key, "lastaccess"), iam.time_of(key, "creationdate"), 45)
	res := result.new(sprintf("IAM user '%s' has an active access key unused for over 45 days.", [user.name.value]), key)
}
