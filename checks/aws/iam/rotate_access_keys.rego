# METADATA
# title: "Active access keys are rotated within 90 days"
# description: >-
#   The longer an access key lives, the more places it may have been copied to. Active keys should
#   be replaced at least every 90 days.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#Using_RotateAccessKey
# custom:
#   id: AVD-AWS-0146
#   avd_id: AVD-AWS-0146
#   provider: aws
#   impact: >-
#     Access keys never expire. The longer one lives, the more places it has been copied to
#     (laptops, CI settings, scripts) and the longer a leaked copy keeps working.
#   remediation:
#     console: >-
#       IAM console > Users > the user > Security credentials > Create access key; switch every
#       consumer to the new key; then deactivate and delete the old key. Better: replace the keys
#       with roles.
#     cli: >-
#       aws iam create-access-key --user-name USER && aws iam update-access-key --user-name USER
#       --access-key-id OLD-KEY-ID --status Inactive && aws iam delete-access-key --user-name USER
#       --access-key-id OLD-KEY-ID
#   service: iam
#   severity: LOW
#   short_code: rotate-access-keys
#   recommended_action: "Create a new access key, move its users to it, then deactivate and delete the old key."
#   frameworks:
#     cis-aws-1.2:
#       - "1.4"
#     cis-aws-1.4:
#       - "1.14"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0146

import rego.v1

import data.lib.aws.iam
import data.lib.datetime

deny contains res if {
	some user in input.aws.iam.users
	some key in iam.active_keys(user)
	created := iam.time_of(key, "creationdate")
	created != ""
	datetime.time_diff_gt_days(created, 90)
	res := result.new(sprintf("User '%s' has an active access key older than 90 days.", [user.name.value]), key)
}
