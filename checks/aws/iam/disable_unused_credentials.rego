# METADATA
# title: "Credentials unused for 90 days are disabled"
# description: >-
#   A password or access key nobody has used for 90 days is a standing risk: if it leaks, its misuse
#   stands out to no one. CIS asks that such credentials be disabled or removed.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
# custom:
#   id: AVD-AWS-0144
#   avd_id: AVD-AWS-0144
#   provider: aws
#   impact: >-
#     Passwords and access keys nobody uses still work for whoever finds them: in an old laptop, a
#     leaked repository or a departed employee's hands. Disabling them removes that risk at no cost.
#   remediation:
#     console: >-
#       IAM console > Users > the user > Security credentials: Console sign-in > Manage > Disable;
#       Access keys > Actions > Deactivate for keys unused in 90 days (the credential report shows
#       last use).
#     cli: >-
#       aws iam update-access-key --user-name USER --access-key-id KEY-ID --status Inactive && aws
#       iam delete-login-profile --user-name USER
#   service: iam
#   severity: MEDIUM
#   short_code: disable-unused-credentials
#   recommended_action: "Disable the console password and deactivate access keys that have not been used for 90 days."
#   frameworks:
#     cis-aws-1.2:
#       - "1.3"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0144

import rego.v1

import data.lib.aws.iam

deny contains res if {
	some user in input.aws.iam.users
	not iam.is_root_user(user)
	user.passwordenabled.value == true
	iam.stale(iam.time_of(user, "lastaccess"), iam.time_of(user, "passwordlastchanged"), 90)
	res := result.new(sprintf("IAM user '%s' has a console password unused for over 90 days.", [user.name.value]), user)
}

deny contains res if {
	some user in input.aws.iam.users
	not iam.is_root_user(user)
	some key in iam.active_keys(user)
	iam.stale(iam.time_of(key, "lastaccess"), iam.time_of(key, "creationdate"), 90)
	res := result.new(sprintf("IAM user '%s' has an active access key unused for over 90 days.", [user.name.value]), key)
}
